#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace runway::core {
class Document;
}

namespace runway::app {

/// Edit > Find Element (Ctrl+F): type part of a name or an id; the list shows the elements of the
/// document drawn in one of its diagrams that match. Enter, or a double-click, chooses one.
class FindElement : public QDialog {
    Q_OBJECT
public:
    explicit FindElement(QWidget* parent = nullptr);

    /// The document to search (null: nothing). The list is read from it again each time.
    void setDocument(const core::Document* doc);
    QLineEdit* searchField() const { return m_search; }
    QListWidget* matches() const { return m_list; }
    /// The ids listed, in order.
    QStringList matchingIds() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    /// The user chose an element (the dialog then closes).
    void elementChosen(const QString& id);

private:
    void refilter();
    void choose();

    struct Entry {
        QString id, name, type;
    };
    QList<Entry> m_entries;
    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
};

} // namespace runway::app
