#pragma once

#include <QDialog>

class QMainWindow;
class QTreeWidget;

namespace runway::app {

/// Help > Keyboard Shortcuts: every action of a main window that has a shortcut, grouped by the
/// menu it is in, read from the actions themselves so the list never drifts from the menus.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow* window, QWidget* parent = nullptr);
    /// Reads the window's actions again.
    void refresh();
    QTreeWidget* table() const { return m_table; }

private:
    QMainWindow* m_window;
    QTreeWidget* m_table;
};

} // namespace runway::app
