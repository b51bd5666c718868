// Selecting and moving shapes on the canvas, and the editing keys.
//
// A press on a shape selects it (shift or ctrl: toggles it in the selection); dragging then
// moves the whole selection: outlines follow the mouse, snapped to the grid or lined up with a
// neighbour (the guide is drawn), and the release makes ONE facade call: move, moveInto (dropped
// into another pool or expanded sub-process), attach (an event dropped onto an activity's
// border) or detach (a boundary event dragged away from its activity). An external label (of an
// event, gateway, data element or flow) is dragged on its own: Modeling::setLabelBounds. Escape
// during the drag leaves the document as it was. A press on nothing is the view's rubber band.
#include "SelectionGestures.h"

#include "runway/core/Di.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/Editor.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace runway::modeler::canvas {

namespace {

using core::modeling::Bounds;
using notation::Symbol;

/// How near an activity's border (diagram units) an event's centre must be dropped to attach.
constexpr qreal kAttachReach = 12;
/// At most this many neighbours are looked at for alignment guides (those in view).
constexpr int kMaxNeighbours = 400;
/// ... within this distance (diagram units) of where the moved shapes are.
constexpr qreal kNeighbourReach = 600;

const QColor kOutline(0x1e, 0x88, 0xe5);
const QColor kGuide(0xe5, 0x39, 0x35);

Bounds toBounds(const QRectF& r)
{
    return {r.x(), r.y(), r.width(), r.height()};
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool nearBorder(const QRectF& r, QPointF c)
{
    return r.adjusted(-kAttachReach, -kAttachReach, kAttachReach, kAttachReach).contains(c) &&
           !r.adjusted(kAttachReach, kAttachReach, -kAttachReach, -kAttachReach).contains(c);
}

class MoveGesture : public CanvasGesture {
public:
    using CanvasGesture::CanvasGesture;

    bool press(QMouseEvent* event, QPointF at) override
    {
        DiagramCanvas& c = canvas();
        if (event->button() != Qt::LeftButton || !c.canEdit())
            return false;
        ElementItem* item = topItemAt(event->position().toPoint());
        if ((!item || item->item().isEdge()) && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)))
            if (const ElementItem* owner = labelAt(at)) {
                c.selectElement(owner->elementId(), false);
                m_labelId = owner->elementId();
                m_labelFrom = c.painter().labelLayout(owner->item()).rect;
                m_pressAt = at;
                m_pressView = event->position().toPoint();
                m_dragging = false;
                m_delta = {};
                return true;
            }
        if (!item || item->item().isEdge())
            return false; // nothing (rubber band) or a flow: the view selects it
        m_toggling = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
        if (m_toggling) {
            item->setSelected(!item->isSelected());
            return true;
        }
        m_clickedSelected = item->isSelected();
        m_pressedId = item->elementId();
        if (!item->isSelected())
            c.selectElement(m_pressedId, false);
        m_moving.clear();
        for (const core::Element* e : c.selectedShapeElements()) // a sub-process stands for its content
            m_moving << QString::fromUtf8(e->id().data(), qsizetype(e->id().size()));
        m_pressAt = at;
        m_pressView = event->position().toPoint();
        m_dragging = false;
        m_delta = {};
        m_guides.clear();
        return true;
    }

    void move(QMouseEvent* event, QPointF at) override
    {
        if (!m_labelId.isEmpty()) {
            m_dragging = m_dragging || (event->position().toPoint() - m_pressView).manhattanLength() >=
                                           QApplication::startDragDistance();
            if (m_dragging) {
                const QPointF raw = at - m_pressAt;
                m_delta = QPointF(std::round(raw.x()), std::round(raw.y()));
                canvas().viewport()->update();
            }
            return;
        }
        if (m_toggling || m_moving.isEmpty())
            return;
        if (!m_dragging &&
            (event->position().toPoint() - m_pressView).manhattanLength() < QApplication::startDragDistance())
            return;
        if (!m_dragging)
            startDrag();
        const QPointF raw = at - m_pressAt;
        std::vector<Bounds> neighbours;
        // Neighbours in view and near where the selection goes: a far one is no use to line up with.
        const QRectF near = m_movingBox.translated(raw).adjusted(-kNeighbourReach, -kNeighbourReach, kNeighbourReach,
                                                                 kNeighbourReach);
        const QRectF visible = canvas().mapToScene(canvas().viewport()->rect()).boundingRect().intersected(near);
        for (QGraphicsItem* g : canvas().scene()->items(visible, Qt::IntersectsItemBoundingRect)) {
            if (int(neighbours.size()) >= kMaxNeighbours)
                break;
            if (g->type() != ElementItem::Type)
                continue;
            const auto* e = static_cast<const ElementItem*>(g);
            if (e->item().isEdge() || e->item().symbol == Symbol::Participant || e->item().symbol == Symbol::Lane ||
                m_outlineIds.contains(e->elementId()))
                continue;
            neighbours.push_back(toBounds(e->item().bounds));
        }
        const core::modeling::Snapped s =
            core::modeling::alignmentGuides(toBounds(m_movingBox), {raw.x(), raw.y()}, neighbours, 5, DiagramCanvas::kGrid);
        m_delta = QPointF(s.delta.x, s.delta.y);
        m_guides = s.guides;
        canvas().viewport()->update();
    }

    void release(QMouseEvent*, QPointF) override
    {
        DiagramCanvas& c = canvas();
        if (m_toggling) {
            m_toggling = false;
            return;
        }
        if (!m_labelId.isEmpty()) {
            const QString id = m_labelId;
            const QRectF to = m_labelFrom.translated(m_delta);
            const bool moved = m_dragging && !m_delta.isNull();
            reset();
            Editor& ed = *c.editor();
            if (core::Element* e = moved ? ed.element(id) : nullptr)
                ed.apply(ed.modeling().setLabelBounds(e, toBounds(to)), QObject::tr("Move Label"));
            return;
        }
        if (!m_dragging) {
            // A click on one of several selected shapes selects just that one.
            if (m_clickedSelected && c.selectedElementIds().size() > 1)
                c.selectElement(m_pressedId, false);
            m_moving.clear();
            return;
        }
        const QPointF delta = m_delta;
        const QStringList moving = m_moving;
        reset();
        if (delta.isNull())
            return;
        commit(moving, delta);
    }

    void cancel() override { reset(); }

    bool key(QKeyEvent* event) override
    {
        DiagramCanvas& c = canvas();
        if (!c.editor())
            return false;
        if (event->key() == Qt::Key_Escape) {
            if (c.selectedElementIds().isEmpty())
                return false;
            c.selectElements({});
            return true;
        }
        if (event->matches(QKeySequence::SelectAll)) {
            c.selectAll();
            return true;
        }
        if (event->matches(QKeySequence::Copy)) {
            c.copySelection();
            return true;
        }
        if (!c.canEdit())
            return false;
        const qreal step = DiagramCanvas::kGrid * (event->modifiers() & Qt::ShiftModifier ? 10 : 1);
        const Qt::KeyboardModifiers plain = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
        if (plain == Qt::NoModifier && !c.selectedShapeElements().empty()) {
            QPointF delta;
            switch (event->key()) {
            case Qt::Key_Left: delta = {-step, 0}; break;
            case Qt::Key_Right: delta = {step, 0}; break;
            case Qt::Key_Up: delta = {0, -step}; break;
            case Qt::Key_Down: delta = {0, step}; break;
            default: break;
            }
            if (!delta.isNull()) {
                c.nudgeSelection(delta);
                return true;
            }
        }
        // The keys the Edit menu also has (its shortcuts win when the canvas is in a main window).
        if (event->matches(QKeySequence::Delete) ||
            (event->key() == Qt::Key_Backspace && event->modifiers() == Qt::NoModifier))
            c.deleteSelection();
        else if (event->matches(QKeySequence::Cut))
            c.cutSelection();
        else if (event->matches(QKeySequence::Paste))
            c.pasteClipboard();
        else if (event->key() == Qt::Key_D && event->modifiers() == Qt::ControlModifier)
            c.duplicateSelection();
        else
            return false;
        return true;
    }

    void paintOverlay(QPainter* p, const QRectF& exposed) override
    {
        if (!m_dragging)
            return;
        p->save();
        QPen pen(kOutline, 1.5, Qt::DashLine);
        pen.setCosmetic(true);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        if (!m_labelId.isEmpty())
            p->drawRect(m_labelFrom.translated(m_delta));
        for (const auto& [symbol, r] : m_outlines) {
            const QRectF moved = r.translated(m_delta);
            if (symbol == Symbol::Event)
                p->drawEllipse(moved);
            else
                p->drawRect(moved);
        }
        QPen guide(kGuide, 1, Qt::DashDotLine);
        guide.setCosmetic(true);
        p->setPen(guide);
        for (const core::modeling::Guide& g : m_guides) {
            if (g.axis == core::modeling::Axis::Vertical)
                p->drawLine(QPointF(g.position, exposed.top()), QPointF(g.position, exposed.bottom()));
            else
                p->drawLine(QPointF(exposed.left(), g.position), QPointF(exposed.right(), g.position));
        }
        p->restore();
    }

private:
    ElementItem* topItemAt(QPoint viewportPos) const
    {
        for (QGraphicsItem* g : canvas().items(viewportPos))
            if (g->type() == ElementItem::Type)
                return static_cast<ElementItem*>(g);
        return nullptr;
    }

    /// The outlines to drag: the selected shapes, and the boundary events that go with them.
    void startDrag()
    {
        DiagramCanvas& c = canvas();
        m_dragging = true;
        m_outlines.clear();
        m_outlineIds.clear();
        m_movingBox = {};
        auto add = [&](const QString& id) {
            const ElementItem* e = c.itemFor(id);
            if (!e || m_outlineIds.contains(id))
                return;
            m_outlineIds.insert(id);
            m_outlines.emplace_back(e->item().symbol, e->item().bounds);
        };
        for (const QString& id : std::as_const(m_moving)) {
            const ElementItem* e = c.itemFor(id);
            if (!e)
                continue;
            add(id);
            m_movingBox = m_movingBox.united(e->item().bounds);
            if (core::Element* el = c.editor()->element(id); el && el->isA(core::BpmnType::Activity))
                for (const core::Element* b : c.editor()->modeling().boundaryEventsOf(el))
                    add(qs(b->id()));
        }
    }

    /// The element whose external label is under the point (topmost first), or null.
    const ElementItem* labelAt(QPointF at) const
    {
        const qreal reach = LabelLayer::kReach;
        const QRectF probe(at.x() - reach, at.y() - reach, 2 * reach, 2 * reach);
        for (QGraphicsItem* g : canvas().scene()->items(probe, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder)) {
            if (g->type() != ElementItem::Type)
                continue;
            const auto* e = static_cast<const ElementItem*>(g);
            const notation::NotationItem& n = e->item();
            const bool external = n.isEdge() || n.symbol == Symbol::Event || n.symbol == Symbol::Gateway ||
                                  n.symbol == Symbol::DataObject || n.symbol == Symbol::DataStore;
            if (external && !n.label.isEmpty() && canvas().painter().labelLayout(n).rect.contains(at))
                return e;
        }
        return nullptr;
    }

    void reset()
    {
        m_labelId.clear();
        m_dragging = false;
        m_toggling = false;
        m_moving.clear();
        m_outlines.clear();
        m_outlineIds.clear();
        m_guides.clear();
        m_delta = {};
        canvas().viewport()->update();
    }

    /// The innermost pool or expanded sub-process whose bounds hold the point (none: empty).
    QString containerAt(QPointF at, const QStringList& excluded) const
    {
        for (QGraphicsItem* g : canvas().scene()->items(at, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder)) {
            if (g->type() != ElementItem::Type)
                continue;
            const auto* e = static_cast<const ElementItem*>(g);
            const notation::NotationItem& n = e->item();
            const bool container = n.symbol == Symbol::Participant || (n.symbol == Symbol::Activity && n.expanded);
            if (container && n.bounds.contains(at) && !excluded.contains(e->elementId()))
                return e->elementId();
        }
        return {};
    }

    /// The activity whose border the point lies on (not one of the excluded), or empty.
    QString activityBorderAt(QPointF at, const QStringList& excluded) const
    {
        const QRectF probe(at.x() - kAttachReach, at.y() - kAttachReach, 2 * kAttachReach, 2 * kAttachReach);
        for (QGraphicsItem* g : canvas().scene()->items(probe, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder)) {
            if (g->type() != ElementItem::Type)
                continue;
            const auto* e = static_cast<const ElementItem*>(g);
            if (e->item().symbol == Symbol::Activity && !excluded.contains(e->elementId()) &&
                nearBorder(e->item().bounds, at))
                return e->elementId();
        }
        return {};
    }

    void commit(const QStringList& moving, QPointF delta)
    {
        DiagramCanvas& c = canvas();
        Editor& ed = *c.editor();
        std::vector<core::Element*> elements;
        for (const QString& id : moving)
            if (core::Element* e = ed.element(id))
                elements.push_back(e);
        if (elements.empty())
            return;
        core::modeling::Modeling& m = ed.modeling();
        const core::modeling::Point d{delta.x(), delta.y()};
        const ElementItem* firstItem = c.itemFor(moving.front());
        if (!firstItem)
            return;
        const QRectF first = firstItem->item().bounds;

        // One event dropped onto an activity's border attaches to it; a boundary event dragged
        // off its activity's border becomes a free event there.
        if (elements.size() == 1 && elements.front()->isA(core::BpmnType::Event)) {
            core::Element* event = elements.front();
            const QPointF centre = first.center() + delta;
            const core::modeling::Point at{centre.x(), centre.y()};
            if (event->type == core::BpmnType::BoundaryEvent) {
                core::Element* host = ed.element(qs(event->attr("attachedToRef")));
                const ElementItem* hostItem = host ? c.itemFor(qs(host->id())) : nullptr;
                if (hostItem && nearBorder(hostItem->item().bounds, centre)) {
                    ed.apply(m.attach(event, host, at), QObject::tr("Move"));
                    return;
                }
                if (activityBorderAt(centre, moving).isEmpty()) {
                    ed.apply(m.detach(event, at), QObject::tr("Detach"));
                    return;
                }
            }
            if (const QString target = activityBorderAt(centre, moving); !target.isEmpty()) {
                ed.apply(m.attach(event, ed.element(target), at), QObject::tr("Attach"));
                return;
            }
        }

        const QString from = containerAt(first.center(), moving);
        const QString to = containerAt(first.center() + delta, moving);
        if (from != to) {
            core::Element* target = to.isEmpty() ? core::di::planeElement(ed.document(), c.diagram()) : ed.element(to);
            if (target && (!to.isEmpty() ? true : target->type == core::BpmnType::Process)) {
                ed.apply(m.moveInto(elements, target, d), QObject::tr("Move"));
                return;
            }
        }
        ed.apply(m.move(elements, d), QObject::tr("Move"));
    }

    bool m_toggling = false;
    bool m_dragging = false;
    QString m_labelId; ///< the element whose label is being dragged
    QRectF m_labelFrom;
    bool m_clickedSelected = false;
    QString m_pressedId;
    QStringList m_moving;
    QPointF m_pressAt;
    QPoint m_pressView;
    QPointF m_delta;
    QRectF m_movingBox;
    std::vector<std::pair<Symbol, QRectF>> m_outlines;
    QSet<QString> m_outlineIds;
    std::vector<core::modeling::Guide> m_guides;
};

} // namespace

std::unique_ptr<CanvasGesture> makeMoveGesture(DiagramCanvas& canvas)
{
    return std::make_unique<MoveGesture>(canvas);
}

} // namespace runway::modeler::canvas
