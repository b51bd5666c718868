#pragma once

#include "runway/core/ChangeSet.h"
#include "runway/core/Document.h"
#include "runway/core/modeling/Modeling.h"
#include "runway/modeler/canvas/Editor.h"

#include <QHash>
#include <QPointer>
#include <QScrollArea>

#include <functional>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QTreeWidget;
class QVBoxLayout;

namespace runway::app {

/// The selected element's properties as an editable form: id, name and documentation for every
/// element, then what its type has (timer, condition, default flow, message/error/signal/escalation
/// reference, interrupting, loop, called element), then the sections added with addSection()
/// (platform fields), then a read-only "All attributes" tree (every attribute as written and the
/// extension elements). Empty, with a hint, when nothing is selected.
///
/// Every change goes through the document's Editor, one undo step each; typing in one field of one
/// element merges into one step. The panel follows every change of the document (undo included)
/// without touching the field the user is typing in, and is read-only while the editor is.
class PropertiesPanel : public QScrollArea, private core::DocumentObserver {
    Q_OBJECT
public:
    explicit PropertiesPanel(QWidget* parent = nullptr);
    ~PropertiesPanel() override;

    /// Shows the element with that id of the editor's document (empty id or null editor: nothing).
    void showElement(modeler::canvas::Editor* editor, const QString& id);
    QString elementId() const { return m_elementId; }
    modeler::canvas::Editor* editor() const { return m_editor; }

    /// A value shown, by its label: "Id", "Type", "Name", "Documentation", "Line" (the source line)
    /// and "Attributes" (how many); empty when there is none or nothing is shown.
    QString value(const QString& name) const;
    /// The read-only tree of every attribute and extension element.
    QTreeWidget* attributesTree() const { return m_attributes; }

    /// Adds a section (a platform's fields, say) below the type's fields and above "All
    /// attributes". The panel takes it; it stays for every element (it follows elementShown()).
    void addSection(QWidget* section);

signals:
    /// The element shown changed (empty: none), for sections added with addSection().
    void elementShown(modeler::canvas::Editor* editor, const QString& id);
    /// The user changed the shown element's id from old to now (the canvas selects it again).
    void idChanged(const QString& oldId, const QString& newId);

private:
    struct Field {
        QWidget* widget = nullptr;
        std::function<void()> load; ///< reads the document into the widget
    };

    void setEditor(modeler::canvas::Editor* editor);
    void documentChanged(const core::ChangeSet& changes) override;
    core::Element* element() const;
    /// What decides which fields the form has: a change of it rebuilds the form.
    QString shapeKey(const core::Element* e) const;
    void rebuild();
    void clearForm();
    void refresh();
    void loadAttributes(const core::Element* e);
    void updateReadOnly();

    /// Runs a facade operation for a change made in widget `from` and pushes it as one undo step
    /// (merged with the previous one for the same mergeKey). The document's change notice does not
    /// reload `from`. Returns the refusal, or empty.
    QString edit(QWidget* from, const QString& undoText, const QString& mergeKey,
                 const std::function<core::modeling::Edit(core::modeling::Modeling&)>& op);
    void addField(QWidget* widget, std::function<void()> load);
    /// A group of the form: a titled box with a form layout.
    QFormLayout* addGroup(const QString& title, const QString& objectName);
    /// A small label under a field for errors (red) and previews.
    QLabel* addMessage(QFormLayout* form, const QString& objectName);
    static void showMessage(QLabel* label, const QString& text, bool error);

    // The sections, one builder each (general: PropertiesPanel.cpp; the others: PropertiesSections.cpp).
    void buildGeneral(core::Element* e);
    void buildTimer(core::Element* e);
    void buildCondition(core::Element* e);
    void buildDefaultFlow(core::Element* e);
    void buildEventReference(core::Element* e);
    void buildInterrupting(core::Element* e);
    void buildLoop(core::Element* e);
    void buildCalledElement(core::Element* e);

    QPointer<modeler::canvas::Editor> m_editor;
    core::Document* m_observed = nullptr;
    QString m_elementId;
    core::Element* m_formFor = nullptr; ///< the element the form was built for
    QString m_formKey;

    QWidget* m_page = nullptr;        ///< the scroll area's widget
    QLabel* m_hint = nullptr;         ///< shown when nothing is selected
    QLabel* m_header = nullptr;       ///< the element's kind and id
    QLabel* m_readOnlyNote = nullptr; ///< "read-only while the simulation runs"
    QWidget* m_form = nullptr;        ///< the fields of the element shown (rebuilt per element)
    QVBoxLayout* m_formLayout = nullptr;
    QWidget* m_sections = nullptr; ///< sections added with addSection(), kept across elements
    QVBoxLayout* m_sectionsLayout = nullptr;
    QTreeWidget* m_attributes = nullptr;
    QLabel* m_attributesTitle = nullptr;

    std::vector<Field> m_fields;
    QWidget* m_skip = nullptr; ///< the widget whose own change is being applied
    QHash<QString, QString> m_values;
};

/// "serviceTask" -> "Service task".
QString readableType(std::string_view local);

} // namespace runway::app
