// Connecting objects (BPMN 2.0, 8.3.13 and 10.4.1): sequence flows, message flows, associations
// and data associations, with their end markers.
#include "PaintParts.h"

#include <QLineF>
#include <QtMath>

namespace runway::modeler::notation {

QPolygonF arrowHead(QPointF from, QPointF tip, qreal length, qreal width)
{
    QLineF dir(tip, from);
    if (dir.length() < 1e-9)
        dir = QLineF(tip, tip - QPointF(1, 0));
    const QPointF u = (dir.p2() - dir.p1()) / dir.length(); // from the tip backwards
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip + u * length;
    return QPolygonF({tip, base + n * (width / 2), base - n * (width / 2)});
}

namespace detail {

QPointF midpointOf(const QPolygonF& pts)
{
    qreal total = 0;
    for (qsizetype i = 1; i < pts.size(); ++i)
        total += QLineF(pts[i - 1], pts[i]).length();
    qreal run = 0;
    for (qsizetype i = 1; i < pts.size(); ++i) {
        const QLineF seg(pts[i - 1], pts[i]);
        if (run + seg.length() >= total / 2)
            return seg.pointAt(seg.length() > 0 ? (total / 2 - run) / seg.length() : 0);
        run += seg.length();
    }
    return pts.isEmpty() ? QPointF() : pts.front();
}

namespace {

/// The last waypoint before `tip` that is not on it (so that the direction of the end is known).
QPointF before(const QPolygonF& pts, int tipIndex, int step)
{
    for (int i = tipIndex + step; i >= 0 && i < pts.size(); i += step)
        if (QLineF(pts[i], pts[tipIndex]).length() > 1e-6)
            return pts[i];
    return pts[tipIndex] - QPointF(1, 0);
}

QPointF along(QPointF from, QPointF to, qreal distance)
{
    QLineF l(from, to);
    if (l.length() < 1e-9)
        return from;
    l.setLength(distance);
    return l.p2();
}

void openArrow(QPainter& p, QPointF from, QPointF tip, const QColor& stroke)
{
    const QPolygonF head = arrowHead(from, tip, 11, 10);
    p.setPen(pen(stroke, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(QPolygonF({head[1], head[0], head[2]}));
}

} // namespace

void paintEdge(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style), fill = fillOf(item, style);
    const QPolygonF& pts = item.waypoints;
    const int last = static_cast<int>(pts.size()) - 1;
    const QPointF end = pts[last], endFrom = before(pts, last, -1);
    const QPointF start = pts[0], startTo = before(pts, 0, 1);

    QPen line = pen(stroke, 1.5);
    line.setJoinStyle(Qt::RoundJoin);
    switch (item.symbol) {
    case Symbol::MessageFlow:
        line.setStyle(Qt::CustomDashLine);
        line.setDashPattern({7, 3});
        break;
    case Symbol::Association:
    case Symbol::DataAssociation:
    case Symbol::UnknownEdge: // an edge for no element (some tools link data this way): dotted, like an association
        line.setStyle(Qt::CustomDashLine);
        line.setCapStyle(Qt::RoundCap);
        line.setDashPattern({0.01, 3.5});
        line.setWidthF(1.5);
        break;
    default: break;
    }
    p.setPen(line);
    p.setBrush(Qt::NoBrush);
    if (item.symbol == Symbol::ConversationLink) {
        // A double line: a wide stroke with a narrow one in the fill colour inside it.
        QPen outer = pen(stroke, 5);
        outer.setJoinStyle(Qt::MiterJoin);
        p.setPen(outer);
        p.drawPolyline(pts);
        QPen inner = pen(fill, 2);
        inner.setJoinStyle(Qt::MiterJoin);
        p.setPen(inner);
        p.drawPolyline(pts);
        return;
    }
    // The line stops short of filled or hollow heads so that they keep a clean tip.
    QPolygonF body = pts;
    if (item.symbol == Symbol::SequenceFlow || item.symbol == Symbol::MessageFlow)
        body[last] = along(end, endFrom, 6);
    if (item.symbol == Symbol::MessageFlow)
        body[0] = along(start, startTo, 4.5);
    if (item.conditional)
        body[0] = along(start, startTo, 14);
    p.drawPolyline(body);

    switch (item.symbol) {
    case Symbol::SequenceFlow:
        p.setPen(pen(stroke, 1));
        p.setBrush(stroke);
        p.drawPolygon(arrowHead(endFrom, end, 11, 8));
        if (item.conditional) {
            // The mini-diamond at the source.
            const QPointF mid = along(start, startTo, 7), tip = along(start, startTo, 14);
            const QPointF n = QPointF(-(tip - start).y(), (tip - start).x()) / 14.0 * 4.5;
            p.setBrush(fill);
            p.drawPolygon(QPolygonF({start, mid + n, tip, mid - n}));
        }
        if (item.isDefault) {
            // The slash across the line near the source.
            const QPointF c = along(start, startTo, 10);
            QLineF slash(c, c + (startTo - start));
            slash.setLength(6);
            slash.setAngle(slash.angle() + 45);
            const QPointF d = slash.p2() - c;
            p.setPen(pen(stroke, 1.5));
            p.drawLine(c - d, c + d);
        }
        break;
    case Symbol::MessageFlow:
        p.setPen(pen(stroke, 1.5));
        p.setBrush(fill);
        p.drawEllipse(along(start, startTo, 4.5), 4, 4);
        p.drawPolygon(arrowHead(endFrom, end, 11, 8));
        if (item.message != MessageVisible::None) {
            // The message's envelope on the middle of the flow.
            const QRectF env(midpointOf(pts) - QPointF(10, 7), QSizeF(20, 14));
            p.setPen(pen(stroke, 1));
            p.setBrush(item.message == MessageVisible::Initiating ? fill : QColor(0xc8, 0xc8, 0xc8));
            p.drawRect(env);
            p.drawPolyline(QPolygonF({env.topLeft(), {env.center().x(), env.top() + 7.5}, env.topRight()}));
        }
        break;
    case Symbol::Association:
        if (item.direction != Direction::None)
            openArrow(p, endFrom, end, stroke);
        if (item.direction == Direction::Both)
            openArrow(p, startTo, start, stroke);
        break;
    case Symbol::DataAssociation: openArrow(p, endFrom, end, stroke); break;
    default: break;
    }
}

} // namespace detail

} // namespace runway::modeler::notation
