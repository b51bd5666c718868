#include "runway/modeler/canvas/ConnectGesture.h"

#include "GestureSupport.h"
#include "runway/core/modeling/Modeling.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace runway::modeler::canvas {

using core::modeling::FlowType;
using core::modeling::Verdict;
using notation::Symbol;

namespace {

/// Shapes a connection may start from by their border: flow nodes, data, annotations. Pools,
/// lanes, groups and expanded sub-processes are hit on their border only, which moves them; they
/// connect through the context pad.
bool borderConnectable(const notation::NotationItem& item)
{
    switch (item.symbol) {
    case Symbol::Event:
    case Symbol::Gateway:
    case Symbol::DataObject:
    case Symbol::DataStore:
    case Symbol::TextAnnotation: return true;
    case Symbol::Activity: return !item.expanded;
    default: return false;
    }
}

/// The rules' answer for a source and target: the type a connect creates, and whether it may.
std::pair<FlowType, Verdict> judge(const core::Document& doc, const core::Element* source, const core::Element* target,
                                   FlowType requested)
{
    if (requested != FlowType::None)
        return {requested, core::modeling::canConnect(doc, source, target, requested)};
    const FlowType natural = core::modeling::naturalFlow(doc, source, target);
    if (natural != FlowType::None)
        return {natural, Verdict::yes()};
    // Nothing fits: say why the connection one would expect is refused.
    const auto isData = [](const core::Element* e) {
        return e->type == core::BpmnType::DataObjectReference || e->type == core::BpmnType::DataStoreReference;
    };
    const auto isArtifact = [](const core::Element* e) {
        return e->type == core::BpmnType::TextAnnotation || e->type == core::BpmnType::Group;
    };
    FlowType expected = FlowType::Sequence;
    if (isData(source))
        expected = FlowType::DataInput;
    else if (isData(target))
        expected = FlowType::DataOutput;
    else if (isArtifact(source) || isArtifact(target))
        expected = FlowType::Association;
    else if (core::modeling::poolOf(doc, source) != core::modeling::poolOf(doc, target))
        expected = FlowType::Message;
    Verdict v = core::modeling::canConnect(doc, source, target, expected);
    if (v.allowed || v.reason.empty())
        v = Verdict::no("these elements cannot be connected");
    return {FlowType::None, v};
}

} // namespace

ConnectGesture::ConnectGesture(DiagramCanvas& canvas) : CanvasGesture(canvas)
{
    // Hover feedback (the border zone's cursor, the line following the mouse) needs mouse moves
    // without a button, which QGraphicsView asks for only when items accept hover events.
    canvas.viewport()->setMouseTracking(true);
}

ConnectGesture* ConnectGesture::of(const DiagramCanvas& canvas)
{
    for (const auto& g : canvas.gestures())
        if (auto* c = dynamic_cast<ConnectGesture*>(g.get()))
            return c;
    return nullptr;
}

void ConnectGesture::begin(const QString& sourceId, FlowType type)
{
    if (!support::canEdit(canvas()) || !support::element(canvas(), sourceId))
        return;
    m_sourceId = sourceId;
    m_type = type;
    m_targetId.clear();
    m_verdict = Verdict::yes();
    m_mouse.reset();
    canvas().viewport()->setCursor(Qt::CrossCursor);
    support::showStatus(&canvas(), tr("Click the element to connect to (Escape cancels)."));
}

QString ConnectGesture::borderAt(QPointF at) const
{
    const qreal zone = kBorderZone / std::max(canvas().zoom(), 0.01);
    for (QGraphicsItem* g : canvas().scene()->items(at, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder)) {
        if (g->type() != ElementItem::Type)
            continue;
        const auto& item = static_cast<ElementItem*>(g)->item();
        if (item.isEdge()) {
            if (g->contains(g->mapFromScene(at)))
                return {}; // on a flow: its own gestures
            continue;
        }
        if (!item.bounds.adjusted(-zone, -zone, zone, zone).contains(at))
            continue;
        const bool inside = item.bounds.adjusted(zone, zone, -zone, -zone).contains(at);
        const bool container = item.symbol == Symbol::Participant || item.symbol == Symbol::Lane ||
                               item.symbol == Symbol::Group || (item.symbol == Symbol::Activity && item.expanded);
        if (container && inside)
            continue; // what the container holds, below it in z or not, decides
        if (inside || !borderConnectable(item))
            return {};
        return item.id;
    }
    return {};
}

void ConnectGesture::track(QPointF at)
{
    if (!isConnecting())
        return;
    m_mouse = at;
    const core::Element* source = support::element(canvas(), m_sourceId);
    // The target: the topmost shape under the mouse other than the source; lanes stand for their pool.
    ElementItem* under = support::shapeAt(canvas(), at, [this](const ElementItem& i) {
        return i.elementId() != m_sourceId && i.item().symbol != Symbol::Lane;
    });
    const QString targetId = under ? under->elementId() : QString();
    const core::Element* target = support::element(canvas(), targetId);
    m_targetId = target ? targetId : QString();
    QWidget* vp = canvas().viewport();
    if (!source || !target) {
        m_verdict = Verdict::yes();
        m_resolved = FlowType::None;
        vp->setCursor(Qt::CrossCursor);
        QToolTip::hideText();
    } else {
        auto [type, verdict] = judge(canvas().editor()->document(), source, target, m_type);
        m_resolved = type;
        m_verdict = verdict;
        if (verdict.allowed) {
            vp->setCursor(Qt::CrossCursor);
            vp->setToolTip({});
            QToolTip::hideText();
            support::showStatus(&canvas(), {});
        } else {
            const QString why = tr("Cannot connect: %1").arg(QString::fromStdString(verdict.reason));
            vp->setCursor(Qt::ForbiddenCursor);
            vp->setToolTip(why);
            QToolTip::showText(vp->mapToGlobal(canvas().mapFromScene(at)), why, vp);
            support::showStatus(&canvas(), why);
        }
    }
    vp->update();
}

bool ConnectGesture::finish(QPointF at)
{
    if (!isConnecting())
        return false;
    track(at);
    const QString source = m_sourceId, target = m_targetId;
    const FlowType type = m_resolved;
    const bool allowed = !target.isEmpty() && m_verdict.allowed && type != FlowType::None;
    end();
    if (!allowed)
        return false;
    Editor* editor = canvas().editor();
    core::Element* s = support::element(canvas(), source);
    core::Element* t = support::element(canvas(), target);
    if (!s || !t)
        return false;
    core::modeling::Edit edit = editor->modeling().connect(s, t, type);
    const QString flowId = edit.element() ? QString::fromStdString(std::string(edit.element()->id())) : QString();
    if (!editor->apply(std::move(edit), tr("Connect")))
        return false;
    if (!flowId.isEmpty())
        canvas().selectElement(flowId, false);
    return true;
}

void ConnectGesture::end()
{
    m_sourceId.clear();
    m_targetId.clear();
    m_mouse.reset();
    m_verdict = Verdict::yes();
    QWidget* vp = canvas().viewport();
    vp->unsetCursor();
    vp->setToolTip({});
    QToolTip::hideText();
    support::showStatus(&canvas(), {});
    vp->update();
}

bool ConnectGesture::press(QMouseEvent* event, QPointF at)
{
    if (isConnecting()) {
        // Armed from the context pad: this click picks the target (at the release).
        if (event->button() == Qt::LeftButton)
            return true;
        end();
        return false;
    }
    if (event->button() != Qt::LeftButton || event->modifiers() != Qt::NoModifier || !support::canEdit(canvas()))
        return false;
    const QString id = borderAt(at);
    if (id.isEmpty())
        return false;
    begin(id);
    track(at);
    return isConnecting();
}

void ConnectGesture::move(QMouseEvent*, QPointF at)
{
    track(at);
}

void ConnectGesture::release(QMouseEvent*, QPointF at)
{
    finish(at);
}

bool ConnectGesture::hover(QMouseEvent*, QPointF at)
{
    if (isConnecting()) {
        track(at);
        return true;
    }
    const bool onBorder = support::canEdit(canvas()) && !borderAt(at).isEmpty();
    if (onBorder) {
        canvas().viewport()->setCursor(Qt::CrossCursor);
        m_borderCursor = true;
        return true;
    }
    if (m_borderCursor) {
        canvas().viewport()->unsetCursor();
        m_borderCursor = false;
    }
    return false;
}

bool ConnectGesture::key(QKeyEvent* event)
{
    if (isConnecting() && event->key() == Qt::Key_Escape) {
        end();
        return true;
    }
    return false;
}

void ConnectGesture::cancel()
{
    if (isConnecting())
        end();
}

void ConnectGesture::paintOverlay(QPainter* painter, const QRectF&)
{
    if (!isConnecting() || !m_mouse)
        return;
    const ElementItem* source = canvas().itemFor(m_sourceId);
    if (!source)
        return;
    const QPointF from =
        source->item().isEdge() ? source->item().waypoints.boundingRect().center() : source->item().bounds.center();
    painter->save();
    const bool denied = !m_targetId.isEmpty() && !m_verdict.allowed;
    const QColor colour = denied ? QColor(0xc6, 0x28, 0x28) : QColor(0x1e, 0x88, 0xe5);
    QPen pen(colour, 1.5);
    pen.setCosmetic(true);
    pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->drawLine(from, *m_mouse);
    if (const ElementItem* target = canvas().itemFor(m_targetId)) {
        pen.setStyle(Qt::SolidLine);
        pen.setWidthF(2);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(target->item().bounds.adjusted(-4, -4, 4, 4));
    }
    painter->restore();
}

} // namespace runway::modeler::canvas
