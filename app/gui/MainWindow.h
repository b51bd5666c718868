#pragma once

#include "runway/core/Document.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QModelIndex;
class QStackedWidget;
class QTreeView;

namespace runway::modeler {
class ProcessTreeModel;
}

namespace runway::app {

class ProblemsPanel;
class RecentFiles;

/// Runway's main window: one BPMN file at a time, shown as an outline of its processes and pools
/// (modeler::ProcessTreeModel), with the problems found in it in a dock below.
///
/// Opening a file never shows a modal dialog (only File > Open asks for a name), so tests and the
/// command line drive the same path: openFile(). A file that cannot be read empties the view and
/// says why, with file and line, in the Problems dock and the window itself.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Reads and shows path (a file, or a Qt resource such as ":/examples/airline-checkin.bpmn").
    /// Returns false when it could not be read; the window then shows no model, only the reasons.
    bool openFile(const QString& path);
    /// Closes the file shown, if any.
    void closeFile();

    /// The file shown or last tried, absolute; empty when none.
    QString currentFile() const { return m_file; }
    /// The document shown, or null (nothing open, or the file could not be read).
    const core::Document* document() const { return m_document.get(); }
    modeler::ProcessTreeModel* processModel() const { return m_model.get(); }
    QTreeView* processView() const { return m_view; }
    ProblemsPanel* problemsPanel() const { return m_problems; }
    QDockWidget* problemsDock() const { return m_problemsDock; }
    QLabel* placeholder() const { return m_placeholder; }
    QLabel* summaryLabel() const { return m_summary; }
    QStringList recentFiles() const;
    QMenu* recentMenu() const { return m_recentMenu; }

    /// The bundled example, as a Qt resource path.
    static QString exampleFile();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void openWithDialog();
    void reload();
    void about();
    void showWelcome();
    void updateTitle();
    void updateSummary();
    void selectElement(const QString& id);
    void currentRowChanged(const QModelIndex& current);
    void rowActivated(const QModelIndex& index);
    void readSettings();
    void writeSettings() const;

    std::unique_ptr<core::Document> m_document;
    std::unique_ptr<modeler::ProcessTreeModel> m_model; // refers to m_document, so declared after it
    QString m_file;
    bool m_failed = false; ///< m_file could not be read

    QStackedWidget* m_stack = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_placeholder = nullptr;
    ProblemsPanel* m_problems = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    QLabel* m_summary = nullptr;
    RecentFiles* m_recent = nullptr;
    QMenu* m_recentMenu = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_openExampleAction = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_expandAction = nullptr;
    QAction* m_collapseAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
};

} // namespace runway::app
