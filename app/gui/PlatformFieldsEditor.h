// The engine settings of the selected element (Camunda 8 or Camunda 7, as the file names its
// platform): a form built from core::modeling::platformFields, each change one undo step through
// the document's Editor. The properties panel embeds it.
#pragma once

#include "runway/core/Document.h"
#include "runway/core/modeling/PlatformFields.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <vector>

class QFormLayout;
class QLabel;
class QTableWidget;

namespace runway::modeler::canvas {
class Editor;
}

namespace runway::app {

/// A form of the platform fields of one element: text, FEEL and number fields as line edits, flags
/// as check boxes, choices as combo boxes, key-value lists as two-column tables with Add and Remove.
/// Each widget's object name is its field key ("taskType", "c7.inputs"), its tool tip says where
/// the value is stored. Typing in one field of one element merges into one undo step. The form
/// follows the document (undo, redo, a platform change) without rebuilding the widget being
/// edited, and is read-only while the editor is (simulation mode).
class PlatformFieldsEditor : public QWidget {
    Q_OBJECT
public:
    explicit PlatformFieldsEditor(QWidget* parent = nullptr);
    ~PlatformFieldsEditor() override;

    /// Shows element's fields for the platform its document names (null element or editor: none).
    void setElement(modeler::canvas::Editor* editor, core::Element* element);
    QString elementId() const { return m_elementId; }
    /// The keys of the fields shown, in form order.
    QStringList fieldKeys() const;
    /// The widget editing a field, or null.
    QWidget* fieldWidget(const QString& key) const;
    /// Why the last change was refused (empty after one that was accepted).
    QString lastError() const;

private:
    struct Row {
        const core::modeling::FieldSpec* spec = nullptr;
        QWidget* widget = nullptr;    ///< the editing widget (named by the key)
        QWidget* container = nullptr; ///< what the form holds (a table with its buttons)
    };

    void rebuild();
    void refresh();
    void clearForm();
    QWidget* createWidget(const core::modeling::FieldSpec& spec);
    void showValue(const Row& row, const core::modeling::FieldValue& value);
    void commit(const core::modeling::FieldSpec& spec, const core::modeling::FieldValue& value, bool typing);
    core::modeling::FieldValue tableValue(const QTableWidget* table) const;
    void updateReadOnly();
    core::Element* element() const;

    QPointer<modeler::canvas::Editor> m_editor;
    QString m_elementId;
    core::deploy::Engine m_engine = core::deploy::Engine::Bpmn;
    std::vector<Row> m_rows;
    QFormLayout* m_form = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_error = nullptr;
    QList<QMetaObject::Connection> m_editorConnections;
    bool m_refreshing = false;
};

} // namespace runway::app
