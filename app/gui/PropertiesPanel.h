#pragma once

#include "runway/core/Document.h"

#include <QTreeWidget>

namespace runway::app {

/// The selected element's properties, read-only for now (editing comes with the editor): id, type,
/// name, documentation, source line, every attribute as written, and the extension elements with
/// their attributes and text. Empty, with a hint, when nothing is selected.
class PropertiesPanel : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn };

    explicit PropertiesPanel(QWidget* parent = nullptr);

    /// Shows element (null: nothing selected). The document must outlive the panel's rows or the
    /// next call; the panel copies what it shows.
    void showElement(const core::Document* doc, const core::Element* element);
    QString elementId() const { return m_elementId; }
    /// The value of the top-level row named name ("Id", "Type", ...), empty when there is none.
    QString value(const QString& name) const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_elementId;
};

} // namespace runway::app
