#include "runway/modeler/canvas/CanvasItems.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <vector>

namespace runway::modeler::canvas {

using notation::NotationItem;
using notation::Part;
using notation::Symbol;

namespace {

constexpr qreal kSelectionMargin = 5;
const QColor kSelectionColor(0x1e, 0x88, 0xe5);

qreal levelOfDetail(const QStyleOptionGraphicsItem* option, const QPainter* p)
{
    return option ? option->levelOfDetailFromTransform(p->worldTransform()) : 1.0;
}

} // namespace

void paintOutline(QPainter& p, const NotationItem& item, const QColor& stroke)
{
    QPen pen(item.colors.stroke.value_or(stroke), 0); // cosmetic: one device pixel at any zoom
    p.setPen(pen);
    if (item.isEdge()) {
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(item.waypoints);
        return;
    }
    const QRectF& r = item.bounds;
    switch (item.symbol) {
    case Symbol::Participant:
    case Symbol::Lane:
    case Symbol::Group:
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        break;
    case Symbol::Event:
        p.setBrush(item.colors.fill.value_or(Qt::white));
        p.drawEllipse(r);
        break;
    case Symbol::Gateway: {
        p.setBrush(item.colors.fill.value_or(Qt::white));
        const QPointF c = r.center();
        p.drawPolygon(QPolygonF{{QPointF(c.x(), r.top()), QPointF(r.right(), c.y()), QPointF(c.x(), r.bottom()),
                                 QPointF(r.left(), c.y())}});
        break;
    }
    default:
        p.setBrush(item.colors.fill.value_or(Qt::white));
        p.drawRect(r);
        break;
    }
}

ElementItem::ElementItem(const NotationItem& item, int order, const notation::NotationPainter& painter)
    : m_item(item), m_order(order), m_painter(painter)
{
    computeBounds();
    setFlag(ItemIsSelectable);
    setZValue(item.layer);
}

void ElementItem::computeBounds()
{
    m_bounds = m_painter.boundingRect(m_item, Part::Body)
                   .united(elementRect())
                   .adjusted(-kSelectionMargin, -kSelectionMargin, kSelectionMargin, kSelectionMargin);
    // A label the file placed away from its element is found through the element's rectangle.
    if (m_item.labelBounds && !m_item.label.isEmpty())
        m_bounds = m_bounds.united(*m_item.labelBounds);
}

void ElementItem::setItem(const NotationItem& item)
{
    prepareGeometryChange();
    m_item = item;
    computeBounds();
    setZValue(item.layer);
    update();
}

QRectF ElementItem::elementRect() const
{
    return m_item.isEdge() ? m_item.waypoints.boundingRect() : m_item.bounds;
}

QPainterPath ElementItem::shape() const
{
    // What a click hits: the shape's bounds, or a band along an edge.
    QPainterPath path;
    if (m_item.isEdge()) {
        QPainterPath line;
        line.addPolygon(m_item.waypoints);
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        return stroker.createStroke(line);
    }
    if (m_item.symbol == Symbol::Participant || m_item.symbol == Symbol::Lane || m_item.symbol == Symbol::Group ||
        (m_item.symbol == Symbol::Activity && m_item.expanded)) {
        // Containers are hit on their border and header only, so what they hold stays clickable
        // and a click on empty space inside does not select a whole pool.
        path.setFillRule(Qt::OddEvenFill);
        path.addRect(m_item.bounds.adjusted(-3, -3, 3, 3));
        const qreal band = m_item.symbol == Symbol::Participant ? 30 : 3;
        QRectF inner = m_item.bounds.adjusted(3, 3, -3, -3);
        if (m_item.symbol == Symbol::Participant) {
            if (m_item.horizontal)
                inner.setLeft(m_item.bounds.left() + band);
            else
                inner.setTop(m_item.bounds.top() + band);
        }
        if (inner.isValid())
            path.addRect(inner);
        return path;
    }
    path.addRect(m_item.bounds);
    return path;
}

void ElementItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const qreal lod = levelOfDetail(option, p);
    if (lod < kSimplifiedBelow)
        paintOutline(*p, m_item, m_painter.style().stroke);
    else
        m_painter.paint(*p, m_item, Part::Body);

    if (isSelected()) {
        p->save();
        QPen pen(kSelectionColor, 2);
        pen.setCosmetic(true);
        pen.setStyle(Qt::DashLine);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        if (m_item.isEdge())
            p->drawPolyline(m_item.waypoints);
        else
            p->drawRect(m_item.bounds.adjusted(-4, -4, 4, 4));
        p->restore();
    }
}

LabelLayer::LabelLayer(const QRectF& sceneRect, const notation::NotationPainter& painter)
    : m_rect(sceneRect), m_painter(painter)
{
    setZValue(kLabelZ);
    setAcceptedMouseButtons(Qt::NoButton); // a click on a label goes to the element under it
    setFlag(ItemUsesExtendedStyleOption); // for option->exposedRect
}

void LabelLayer::setRect(const QRectF& sceneRect)
{
    if (sceneRect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = sceneRect;
}

void LabelLayer::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*)
{
    m_lastPainted = 0;
    if (!scene() || levelOfDetail(option, p) < kSimplifiedBelow)
        return;
    const QRectF exposed = option ? option->exposedRect : m_rect;
    std::vector<const ElementItem*> near;
    for (const QGraphicsItem* item :
         scene()->items(exposed.adjusted(-kReach, -kReach, kReach, kReach), Qt::IntersectsItemBoundingRect, Qt::AscendingOrder))
        if (item->type() == ElementItem::Type)
            if (const auto* e = static_cast<const ElementItem*>(item); !e->item().label.isEmpty())
                near.push_back(e);
    std::sort(near.begin(), near.end(), [](const ElementItem* a, const ElementItem* b) { return a->order() < b->order(); });
    for (const ElementItem* e : near)
        m_painter.paint(*p, e->item(), Part::Label);
    m_lastPainted = int(near.size());
}

namespace {
constexpr qreal kBadgeRadius = 8;
}

ProblemBadge::ProblemBadge(const QRectF& elementBounds, bool error, const QString& messages) : m_error(error)
{
    setPos(elementBounds.topRight());
    setZValue(kBadgeZ);
    setToolTip(messages);
    // The same size on screen at every zoom.
    setFlag(ItemIgnoresTransformations);
}

QRectF ProblemBadge::boundingRect() const
{
    return {-kBadgeRadius - 1, -kBadgeRadius - 1, 2 * kBadgeRadius + 2, 2 * kBadgeRadius + 2};
}

void ProblemBadge::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(Qt::white, 1.5));
    p->setBrush(m_error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf5, 0x9e, 0x0b));
    p->drawEllipse(QPointF(0, 0), kBadgeRadius, kBadgeRadius);
    QFont f = p->font();
    f.setBold(true);
    f.setPixelSize(12);
    p->setFont(f);
    p->drawText(QRectF(-kBadgeRadius, -kBadgeRadius, 2 * kBadgeRadius, 2 * kBadgeRadius), Qt::AlignCenter,
                QStringLiteral("!"));
}

} // namespace runway::modeler::canvas
