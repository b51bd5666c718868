#include "runway/modeler/canvas/Editor.h"

#include <QUndoStack>

namespace runway::modeler::canvas {

EditCommand::EditCommand(core::Document& doc, core::ChangeSet changes, const QString& text, int mergeId,
                         QString mergeKey)
    : QUndoCommand(text), m_doc(doc), m_changes(std::move(changes)), m_mergeId(mergeId),
      m_mergeKey(std::move(mergeKey))
{
}

void EditCommand::undo()
{
    m_doc.revert(m_changes);
    m_applied = false;
}

void EditCommand::redo()
{
    if (m_applied)
        return; // pushed after the facade applied it
    m_doc.reapply(m_changes);
    m_applied = true;
}

bool EditCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const EditCommand*>(other);
    if (m_mergeId < 0 || o->m_mergeId != m_mergeId || o->m_mergeKey != m_mergeKey)
        return false;
    m_changes.changes.insert(m_changes.changes.end(), o->m_changes.changes.begin(), o->m_changes.changes.end());
    return true;
}

Editor::Editor(core::Document& doc, QObject* parent)
    : QObject(parent), m_doc(doc), m_modeling(std::make_unique<core::modeling::Modeling>(doc)),
      m_undo(new QUndoStack(this))
{
}

Editor::~Editor() = default;

bool Editor::apply(core::modeling::Edit edit, const QString& text, int mergeId, const QString& mergeKey)
{
    if (!edit.ok()) {
        emit refused(QString::fromStdString(edit.error));
        return false;
    }
    if (edit.changes.empty())
        return true;
    if (m_readOnly) {
        m_doc.revert(edit.changes);
        emit refused(tr("The diagram cannot be changed while the simulation runs. Leave simulation mode (F9) to edit."));
        return false;
    }
    m_undo->push(new EditCommand(m_doc, std::move(edit.changes), text, mergeId, mergeKey));
    emit edited(text);
    return true;
}

void Editor::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    emit readOnlyChanged(readOnly);
}

core::Element* Editor::element(const QString& id) const
{
    return id.isEmpty() ? nullptr : m_doc.findById(id.toStdString());
}

core::modeling::Clipboard& Editor::clipboard()
{
    static core::modeling::Clipboard clip;
    return clip;
}

} // namespace runway::modeler::canvas
