// Data objects and stores (BPMN 2.0, 10.4), text annotations and groups (8.4), pools and lanes
// (9.2, 10.8), and a plain box for shapes without their own symbol.
#include "PaintParts.h"

namespace runway::modeler::notation::detail {

void paintDataObject(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style), fill = fillOf(item, style);
    const QRectF r = item.bounds.adjusted(0.75, 0.75, -0.75, -0.75);
    const qreal fold = qMin(r.width(), r.height()) * 0.3;
    const QPolygonF page({r.topLeft(), {r.right() - fold, r.top()}, {r.right(), r.top() + fold}, r.bottomRight(),
                          r.bottomLeft()});
    p.setPen(pen(stroke, 1.5));
    p.setBrush(fill);
    p.drawPolygon(page);
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(QPolygonF({{r.right() - fold, r.top()}, {r.right() - fold, r.top() + fold}, {r.right(), r.top() + fold}}));
    if (item.dataRole != DataRole::None) {
        // The input (hollow) or output (filled) arrow at the top left.
        const QPointF o = r.topLeft() + QPointF(4, 4);
        const QPolygonF arrow({o + QPointF(0, 3), o + QPointF(7, 3), o + QPointF(7, 0), o + QPointF(13, 5.5),
                               o + QPointF(7, 11), o + QPointF(7, 8), o + QPointF(0, 8)});
        p.setPen(pen(stroke, 1));
        p.setBrush(item.dataRole == DataRole::Output ? QBrush(stroke) : QBrush(fill));
        p.drawPolygon(arrow);
    }
    if (item.collection) {
        const qreal cx = r.center().x();
        p.setPen(pen(stroke, 2));
        for (qreal dx : {-4.5, 0.0, 4.5})
            p.drawLine(QPointF(cx + dx, r.bottom() - 13), QPointF(cx + dx, r.bottom() - 3));
    }
}

void paintDataStore(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style), fill = fillOf(item, style);
    const QRectF r = item.bounds.adjusted(1, 1, -1, -1);
    const qreal ry = qMin(r.height() / 6, 8.0); // half height of the top ellipse
    QPainterPath body;
    body.moveTo(r.left(), r.top() + ry);
    body.lineTo(r.left(), r.bottom() - ry);
    body.arcTo(QRectF(r.left(), r.bottom() - 2 * ry, r.width(), 2 * ry), 180, 180);
    body.lineTo(r.right(), r.top() + ry);
    body.arcTo(QRectF(r.left(), r.top(), r.width(), 2 * ry), 0, 180);
    body.closeSubpath();
    p.setPen(pen(stroke, 2));
    p.setBrush(fill);
    p.drawPath(body);
    p.setBrush(Qt::NoBrush);
    // The rim and two rings below it.
    for (qreal dy : {0.0, 5.0, 10.0}) {
        QPainterPath rim;
        rim.arcMoveTo(QRectF(r.left(), r.top() + dy, r.width(), 2 * ry), 180);
        rim.arcTo(QRectF(r.left(), r.top() + dy, r.width(), 2 * ry), 180, 180);
        p.drawPath(rim);
    }
}

void paintTextAnnotation(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QRectF r = item.bounds;
    const qreal arm = qMin(10.0, r.width());
    p.setPen(pen(strokeOf(item, style), 1.5));
    p.setBrush(Qt::NoBrush);
    if (item.colors.fill) {
        p.fillRect(r, *item.colors.fill);
    }
    p.drawPolyline(QPolygonF({{r.left() + arm, r.top()}, r.topLeft(), r.bottomLeft(), {r.left() + arm, r.bottom()}}));
}

void paintGroup(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    QPen outline = pen(strokeOf(item, style), 1.5);
    outline.setStyle(Qt::CustomDashLine);
    outline.setDashPattern({6, 2.5, 1, 2.5}); // dash dot
    p.setPen(outline);
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(item.bounds, 10, 10);
}

void paintPoolOrLane(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style);
    const QRectF r = item.bounds;
    p.setPen(pen(stroke, 1.5));
    // Pools are filled (they lie under everything); lanes only when the file gives them a colour,
    // so that they do not hide each other's header bands.
    if (item.symbol == Symbol::Participant || item.colors.fill)
        p.setBrush(fillOf(item, style));
    else
        p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    if (item.collection) {
        // Participant multiplicity: three bars at the bottom centre.
        p.setPen(pen(stroke, 2));
        for (qreal dx : {-4.5, 0.0, 4.5})
            p.drawLine(QPointF(r.center().x() + dx, r.bottom() - 14), QPointF(r.center().x() + dx, r.bottom() - 3));
        p.setPen(pen(stroke, 1.5));
    }
    // Lanes are told apart by their outline and label alone, as bpmn.io draws them.
    if (item.symbol == Symbol::Lane || item.blackBox)
        return;
    // The header band with the name: at the left of a horizontal pool or lane, at the top of a vertical one.
    if (item.horizontal)
        p.drawLine(QPointF(r.left() + kHeaderBand, r.top()), QPointF(r.left() + kHeaderBand, r.bottom()));
    else
        p.drawLine(QPointF(r.left(), r.top() + kHeaderBand), QPointF(r.right(), r.top() + kHeaderBand));
}

void paintUnknownShape(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    p.setPen(pen(strokeOf(item, style), 1.5));
    p.setBrush(fillOf(item, style));
    p.drawRoundedRect(item.bounds, 4, 4);
}

} // namespace runway::modeler::notation::detail
