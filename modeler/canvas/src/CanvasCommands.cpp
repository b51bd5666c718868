// DiagramCanvas's editing commands: selection, delete, clipboard, duplicate, align, distribute and
// nudge. The Edit menu and the canvas's own keys call them; each is one undo step of the Editor.
#include "runway/modeler/canvas/DiagramCanvas.h"

#include "runway/core/Di.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/Editor.h"

#include <QCursor>
#include <QGraphicsScene>
#include <QSet>

#include <algorithm>

namespace runway::modeler::canvas {

using core::modeling::Point;

namespace {

/// Containers a paste or a drop may go into, innermost first by painting order.
bool isContainer(const notation::NotationItem& item)
{
    return item.symbol == notation::Symbol::Participant || item.symbol == notation::Symbol::Lane ||
           (item.symbol == notation::Symbol::Activity && item.expanded);
}

} // namespace

bool DiagramCanvas::canEdit() const
{
    return m_editor && !m_editor->isReadOnly();
}

std::vector<core::Element*> DiagramCanvas::selectedShapeElements() const
{
    std::vector<core::Element*> out;
    if (!m_editor)
        return out;
    QSet<const core::Element*> chosen;
    for (const QString& id : selectedElementIds()) {
        const ElementItem* item = itemFor(id);
        if (!item || item->item().isEdge())
            continue;
        if (core::Element* e = m_editor->element(id)) {
            out.push_back(e);
            chosen.insert(e);
        }
    }
    // A sub-process selected with (some of) its content stands for it: moving, copying or
    // deleting it takes the content along, so the content must not be named twice.
    std::erase_if(out, [&](const core::Element* e) {
        for (const core::Element* up = e->parent; up; up = up->parent)
            if (chosen.contains(up))
                return true;
        return false;
    });
    return out;
}

void DiagramCanvas::selectElements(const QStringList& ids)
{
    QGraphicsScene* s = scene();
    const QSignalBlocker block(s); // one selectedElementChanged at the end, not one per item
    s->clearSelection();
    for (const QString& id : ids)
        if (ElementItem* item = m_byId.value(id))
            item->setSelected(true);
    emit selectedElementChanged(selectedElementId());
    viewport()->update();
}

void DiagramCanvas::selectAll()
{
    QGraphicsScene* s = scene();
    {
        const QSignalBlocker block(s);
        for (ElementItem* item : std::as_const(m_byDi))
            item->setSelected(true);
    }
    emit selectedElementChanged(selectedElementId());
    viewport()->update();
}

bool DiagramCanvas::deleteSelection()
{
    if (!canEdit())
        return false;
    std::vector<core::Element*> elements;
    for (const QString& id : selectedElementIds())
        if (core::Element* e = m_editor->element(id))
            elements.push_back(e);
    if (elements.empty())
        return false;
    return m_editor->apply(m_editor->modeling().remove(elements), tr("Delete"));
}

bool DiagramCanvas::copySelection()
{
    if (!m_editor)
        return false;
    const std::vector<core::Element*> elements = selectedShapeElements();
    if (elements.empty())
        return false;
    Editor::clipboard() = m_editor->modeling().copy(elements);
    return !Editor::clipboard().empty();
}

bool DiagramCanvas::cutSelection()
{
    if (!canEdit() || !copySelection())
        return false;
    return m_editor->apply(m_editor->modeling().remove(selectedShapeElements()), tr("Cut"));
}

core::Element* DiagramCanvas::pasteContainer(QPointF at) const
{
    // The innermost pool, lane or expanded sub-process under the point, else what the plane shows.
    const ElementItem* best = nullptr;
    for (QGraphicsItem* g : scene()->items(at, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder))
        if (g->type() == ElementItem::Type) {
            const auto* e = static_cast<const ElementItem*>(g);
            if (isContainer(e->item()) && e->item().bounds.contains(at)) {
                best = e;
                break;
            }
        }
    if (best && m_editor)
        if (core::Element* c = m_editor->element(best->elementId()))
            return c;
    core::Element* shown = core::di::planeElement(m_doc, m_diagram);
    if (shown && shown->type == core::BpmnType::Collaboration) {
        // A collaboration is no place for flow elements: its first pool with a process is.
        for (const ElementItem* e : std::as_const(m_byDi))
            if (e->item().symbol == notation::Symbol::Participant && !e->item().blackBox && m_editor)
                return m_editor->element(e->elementId());
    }
    return shown;
}

bool DiagramCanvas::pasteClipboard()
{
    if (!canEdit())
        return false;
    const core::modeling::Clipboard& clip = Editor::clipboard();
    if (clip.empty())
        return false;
    const core::modeling::Bounds& ext = clip.extent;
    QPointF centre(ext.x + ext.width / 2, ext.y + ext.height / 2);
    const QPoint mouse = viewport()->mapFromGlobal(QCursor::pos());
    QPointF delta(30, 30);
    if (viewport()->rect().contains(mouse) && viewport()->underMouse()) {
        const QPointF at = mapToScene(mouse);
        delta = at - centre;
        delta = QPointF(std::round(delta.x() / kGrid) * kGrid, std::round(delta.y() / kGrid) * kGrid);
        centre = at;
    } else {
        centre += delta;
    }
    core::modeling::Edit edit = m_editor->modeling().paste(clip, pasteContainer(centre), {delta.x(), delta.y()});
    QStringList ids;
    for (const core::Element* e : edit.created)
        ids << QString::fromUtf8(e->id().data(), qsizetype(e->id().size()));
    if (!m_editor->apply(std::move(edit), tr("Paste")))
        return false;
    selectElements(ids);
    return true;
}

bool DiagramCanvas::duplicateSelection()
{
    if (!canEdit())
        return false;
    const std::vector<core::Element*> elements = selectedShapeElements();
    if (elements.empty())
        return false;
    core::modeling::Edit edit = m_editor->modeling().duplicate(elements, {3 * kGrid, 3 * kGrid});
    QStringList ids;
    for (const core::Element* e : edit.created)
        ids << QString::fromUtf8(e->id().data(), qsizetype(e->id().size()));
    if (!m_editor->apply(std::move(edit), tr("Duplicate")))
        return false;
    selectElements(ids);
    return true;
}

bool DiagramCanvas::alignSelection(core::modeling::Alignment how)
{
    if (!canEdit())
        return false;
    return m_editor->apply(m_editor->modeling().align(selectedShapeElements(), how), tr("Align"));
}

bool DiagramCanvas::distributeSelection(core::modeling::Axis axis)
{
    if (!canEdit())
        return false;
    return m_editor->apply(m_editor->modeling().distribute(selectedShapeElements(), axis), tr("Distribute"));
}

bool DiagramCanvas::nudgeSelection(QPointF delta)
{
    if (!canEdit())
        return false;
    const std::vector<core::Element*> elements = selectedShapeElements();
    if (elements.empty())
        return false;
    // Consecutive nudges of the same selection merge into one undo step.
    QStringList key;
    for (const core::Element* e : elements)
        key << QString::fromUtf8(e->id().data(), qsizetype(e->id().size()));
    return m_editor->apply(m_editor->modeling().move(elements, {delta.x(), delta.y()}), tr("Nudge"), Editor::MergeNudge,
                           QStringLiteral("nudge:") + key.join(QLatin1Char(',')));
}

} // namespace runway::modeler::canvas
