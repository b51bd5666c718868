#include "runway/modeler/canvas/BendpointGesture.h"

#include "GestureSupport.h"
#include "runway/core/modeling/Modeling.h"
#include "runway/core/modeling/Routing.h"
#include "runway/modeler/canvas/ConnectGesture.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace runway::modeler::canvas {

using core::modeling::FlowType;
using core::modeling::Verdict;
namespace routing = core::modeling::routing;

namespace {

std::vector<core::di::Point> toPoints(const QPolygonF& poly)
{
    std::vector<core::di::Point> pts;
    pts.reserve(std::size_t(poly.size()));
    for (const QPointF& p : poly)
        pts.push_back({p.x(), p.y()});
    return pts;
}

QPolygonF toPolygon(const std::vector<core::di::Point>& pts)
{
    QPolygonF poly;
    for (const auto& p : pts)
        poly << QPointF(p.x, p.y);
    return poly;
}

/// Whether a connection is being drawn (it owns clicks and hover until it ends).
bool connecting(const DiagramCanvas& canvas)
{
    const ConnectGesture* c = ConnectGesture::of(canvas);
    return c && c->isConnecting();
}

/// The flow type a reconnect keeps (None: the flow cannot be reconnected).
FlowType flowTypeOf(const core::Element* flow)
{
    switch (flow ? flow->type : core::BpmnType::Count) {
    case core::BpmnType::SequenceFlow: return FlowType::Sequence;
    case core::BpmnType::MessageFlow: return FlowType::Message;
    case core::BpmnType::Association: return FlowType::Association;
    default: return FlowType::None;
    }
}

bool isHorizontal(QPointF a, QPointF b)
{
    return std::abs(b.x() - a.x()) >= std::abs(b.y() - a.y());
}

} // namespace

BendpointGesture::BendpointGesture(DiagramCanvas& canvas) : CanvasGesture(canvas)
{
    canvas.viewport()->setMouseTracking(true); // the handles' cursors
}

BendpointGesture* BendpointGesture::of(const DiagramCanvas& canvas)
{
    for (const auto& g : canvas.gestures())
        if (auto* b = dynamic_cast<BendpointGesture*>(g.get()))
            return b;
    return nullptr;
}

QPolygonF BendpointGesture::waypointsOf(const QString& flowId) const
{
    const ElementItem* item = canvas().itemFor(flowId);
    return item && item->item().isEdge() ? item->item().waypoints : QPolygonF();
}

BendpointGesture::Hit BendpointGesture::hitAt(QPointF at, bool selectedOnly) const
{
    const qreal grip = kGrip / std::max(canvas().zoom(), 0.01);
    QStringList flows;
    if (selectedOnly) {
        flows = canvas().selectedElementIds();
    } else if (ElementItem* item =
                   support::itemAt(canvas(), at, [](const ElementItem& i) { return i.item().isEdge(); })) {
        flows << item->elementId();
    }
    for (const QString& id : std::as_const(flows)) {
        const QPolygonF pts = waypointsOf(id);
        if (pts.size() < 2)
            continue;
        const auto near = [&](QPointF p) { return QLineF(p, at).length() <= grip; };
        const bool reconnectable = flowTypeOf(support::element(canvas(), id)) != FlowType::None;
        if (reconnectable && near(pts.first()))
            return {id, Grip::SourceEnd, 0};
        if (reconnectable && near(pts.last()))
            return {id, Grip::TargetEnd, int(pts.size()) - 1};
        for (int i = 1; i + 1 < pts.size(); ++i)
            if (near(pts[i]))
                return {id, Grip::Bendpoint, i};
        for (int i = 0; i + 1 < pts.size(); ++i)
            if (support::distanceToSegment(at, pts[i], pts[i + 1]) <= grip)
                return {id, Grip::Segment, i};
    }
    return {};
}

bool BendpointGesture::press(QMouseEvent* event, QPointF at)
{
    if (event->button() != Qt::LeftButton || event->modifiers() != Qt::NoModifier || !support::canEdit(canvas()) ||
        connecting(canvas()))
        return false;
    const Hit hit = hitAt(at);
    if (hit.grip == Grip::None)
        return false;
    m_drag = hit;
    m_pressAt = at;
    m_original = waypointsOf(hit.flowId);
    m_preview = m_original;
    m_moved = false;
    m_targetId.clear();
    m_verdict = Verdict::yes();
    return true;
}

void BendpointGesture::move(QMouseEvent*, QPointF at)
{
    if (m_drag.grip == Grip::None)
        return;
    if (!m_moved && (canvas().mapFromScene(at) - canvas().mapFromScene(m_pressAt)).manhattanLength() <
                        QApplication::startDragDistance())
        return;
    m_moved = true;
    switch (m_drag.grip) {
    case Grip::Bendpoint:
        m_preview = m_original;
        m_preview[m_drag.index] = at;
        break;
    case Grip::Segment: {
        const QPointF a = m_original[m_drag.index], b = m_original[m_drag.index + 1];
        const qreal delta = isHorizontal(a, b) ? at.y() - m_pressAt.y() : at.x() - m_pressAt.x();
        m_preview = toPolygon(routing::moveSegment(toPoints(m_original), std::size_t(m_drag.index), delta, true));
        break;
    }
    case Grip::SourceEnd:
    case Grip::TargetEnd:
        m_preview = m_original;
        m_preview[m_drag.index] = at;
        trackEnd(at);
        break;
    case Grip::None: break;
    }
    canvas().viewport()->update();
}

void BendpointGesture::trackEnd(QPointF at)
{
    const core::Element* flow = support::element(canvas(), m_drag.flowId);
    const FlowType type = flowTypeOf(flow);
    const bool atSource = m_drag.grip == Grip::SourceEnd;
    ElementItem* under =
        support::shapeAt(canvas(), at, [](const ElementItem& i) { return i.item().symbol != notation::Symbol::Lane; });
    const core::Element* end = under ? support::element(canvas(), under->elementId()) : nullptr;
    QWidget* vp = canvas().viewport();
    m_targetId = end ? under->elementId() : QString();
    if (!end || !flow) {
        m_verdict = Verdict::yes();
        vp->setCursor(Qt::CrossCursor);
        QToolTip::hideText();
        return;
    }
    const core::Document& doc = canvas().editor()->document();
    const core::Element* source = doc.findById(flow->attr("sourceRef"));
    const core::Element* target = doc.findById(flow->attr("targetRef"));
    m_verdict = core::modeling::canConnect(doc, atSource ? end : source, atSource ? target : end, type);
    if (m_verdict.allowed) {
        vp->setCursor(Qt::CrossCursor);
        vp->setToolTip({});
        QToolTip::hideText();
        support::showStatus(&canvas(), {});
    } else {
        const QString why = tr("Cannot reconnect: %1").arg(QString::fromStdString(m_verdict.reason));
        vp->setCursor(Qt::ForbiddenCursor);
        vp->setToolTip(why);
        QToolTip::showText(vp->mapToGlobal(canvas().mapFromScene(at)), why, vp);
        support::showStatus(&canvas(), why);
    }
}

void BendpointGesture::release(QMouseEvent*, QPointF at)
{
    const Hit drag = m_drag;
    const bool moved = m_moved;
    const QPointF pressAt = m_pressAt;
    const QPolygonF original = m_original, preview = m_preview;
    const QString targetId = m_targetId;
    const bool allowed = m_verdict.allowed;
    reset();
    Editor* editor = canvas().editor();
    core::Element* flow = support::element(canvas(), drag.flowId);
    if (!moved || !editor || !flow)
        return;
    auto& modeling = editor->modeling();
    switch (drag.grip) {
    case Grip::Bendpoint: editor->apply(modeling.setWaypoints(flow, toPoints(preview)), tr("Move bend point")); break;
    case Grip::Segment: {
        const QPointF a = original[drag.index], b = original[drag.index + 1];
        const double delta = isHorizontal(a, b) ? at.y() - pressAt.y() : at.x() - pressAt.x();
        editor->apply(modeling.moveSegment(flow, std::size_t(drag.index), delta), tr("Move segment"));
        break;
    }
    case Grip::SourceEnd:
    case Grip::TargetEnd:
        if (core::Element* end = support::element(canvas(), targetId); end && allowed)
            editor->apply(modeling.reconnect(flow, end, drag.grip == Grip::SourceEnd), tr("Reconnect"));
        break;
    case Grip::None: break;
    }
    canvas().selectElement(drag.flowId, false);
}

bool BendpointGesture::doubleClick(QMouseEvent* event, QPointF at)
{
    if (event->button() != Qt::LeftButton || !support::canEdit(canvas()))
        return false;
    Hit hit = hitAt(at);
    if (hit.grip == Grip::None)
        hit = hitAt(at, false);
    if (hit.grip != Grip::Bendpoint && hit.grip != Grip::Segment)
        return false;
    Editor* editor = canvas().editor();
    core::Element* flow = support::element(canvas(), hit.flowId);
    if (!flow)
        return false;
    auto& modeling = editor->modeling();
    if (hit.grip == Grip::Bendpoint) {
        editor->apply(modeling.removeBendpoint(flow, std::size_t(hit.index)), tr("Remove bend point"));
    } else {
        const QPolygonF pts = waypointsOf(hit.flowId);
        const auto before = toPoints(pts);
        const core::di::Point p{at.x(), at.y()};
        if (routing::addBendpoint(before, std::size_t(hit.index), p) != before) {
            editor->apply(modeling.addBendpoint(flow, std::size_t(hit.index), p), tr("Add bend point"));
        } else {
            // A point on a straight segment: the orthogonal split would be straightened away, so
            // the bend point goes exactly onto the segment, ready to be dragged.
            const QPointF a = pts[hit.index], b = pts[hit.index + 1];
            const QPointF ab = b - a;
            const qreal t =
                std::clamp(QPointF::dotProduct(at - a, ab) / std::max(QPointF::dotProduct(ab, ab), 1e-9), 0.0, 1.0);
            auto route = before;
            const QPointF onLine = a + t * ab;
            route.insert(route.begin() + hit.index + 1, core::di::Point{onLine.x(), onLine.y()});
            editor->apply(modeling.setWaypoints(flow, route), tr("Add bend point"));
        }
    }
    canvas().selectElement(hit.flowId, false);
    return true;
}

bool BendpointGesture::hover(QMouseEvent*, QPointF at)
{
    const Hit hit = support::canEdit(canvas()) && !connecting(canvas()) ? hitAt(at) : Hit{};
    if (hit.grip == Grip::None) {
        if (m_hoverCursor) {
            canvas().viewport()->unsetCursor();
            m_hoverCursor = false;
        }
        return false;
    }
    Qt::CursorShape shape = Qt::CrossCursor;
    if (hit.grip == Grip::Bendpoint)
        shape = Qt::SizeAllCursor;
    else if (hit.grip == Grip::Segment) {
        const QPolygonF pts = waypointsOf(hit.flowId);
        shape = isHorizontal(pts[hit.index], pts[hit.index + 1]) ? Qt::SizeVerCursor : Qt::SizeHorCursor;
    }
    canvas().viewport()->setCursor(shape);
    m_hoverCursor = true;
    return true;
}

void BendpointGesture::reset()
{
    const bool wasEnd = m_drag.grip == Grip::SourceEnd || m_drag.grip == Grip::TargetEnd;
    m_drag = {};
    m_moved = false;
    m_original.clear();
    m_preview.clear();
    m_targetId.clear();
    m_verdict = Verdict::yes();
    if (wasEnd) {
        QWidget* vp = canvas().viewport();
        vp->unsetCursor();
        vp->setToolTip({});
        QToolTip::hideText();
        support::showStatus(&canvas(), {});
    }
    canvas().viewport()->update();
}

void BendpointGesture::cancel()
{
    reset();
}

void BendpointGesture::paintOverlay(QPainter* painter, const QRectF&)
{
    const qreal unit = 1.0 / std::max(canvas().zoom(), 0.01);
    painter->save();
    QPen pen(QColor(0x1e, 0x88, 0xe5), 1.2);
    pen.setCosmetic(true);
    if (m_drag.grip != Grip::None && m_moved) {
        const bool denied = !m_targetId.isEmpty() && !m_verdict.allowed;
        QPen line = pen;
        line.setStyle(Qt::DashLine);
        line.setColor(denied ? QColor(0xc6, 0x28, 0x28) : pen.color());
        painter->setPen(line);
        painter->drawPolyline(m_preview);
        if (const ElementItem* t = canvas().itemFor(m_targetId)) {
            line.setStyle(Qt::SolidLine);
            painter->setPen(line);
            painter->drawRect(t->item().bounds.adjusted(-4, -4, 4, 4));
        }
    }
    // Handles on each selected flow: squares on bend points, circles on the ends.
    if (support::canEdit(canvas()))
        for (const QString& id : canvas().selectedElementIds()) {
            const QPolygonF pts = waypointsOf(id);
            if (pts.size() < 2)
                continue;
            painter->setPen(pen);
            painter->setBrush(Qt::white);
            const qreal r = 3.5 * unit;
            for (int i = 0; i < pts.size(); ++i) {
                if (i == 0 || i + 1 == pts.size())
                    painter->drawEllipse(pts[i], r, r);
                else
                    painter->drawRect(QRectF(pts[i] - QPointF(r, r), QSizeF(2 * r, 2 * r)));
            }
        }
    painter->restore();
}

} // namespace runway::modeler::canvas
