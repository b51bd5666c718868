// Events (BPMN 2.0, 10.5 and table 10.93) and gateways (10.6).
#include "PaintParts.h"

#include <QTransform>
#include <QtMath>

namespace runway::modeler::notation {

namespace {

/// A plus sign centred on the origin: arms of the given half width reaching `arm` from the centre.
QPolygonF plus(qreal half, qreal arm)
{
    return QPolygonF({{-half, -arm}, {half, -arm}, {half, -half}, {arm, -half}, {arm, half}, {half, half},
                      {half, arm}, {-half, arm}, {-half, half}, {-arm, half}, {-arm, -half}, {-half, -half}});
}

QPolygonF rotated(const QPolygonF& poly, qreal degrees)
{
    return QTransform().rotate(degrees).map(poly);
}

/// A regular polygon with a corner pointing up.
QPolygonF regular(int corners, qreal radius)
{
    QPolygonF poly;
    for (int i = 0; i < corners; ++i) {
        const qreal a = qDegreesToRadians(-90.0 + 360.0 * i / corners);
        poly << QPointF(radius * qCos(a), radius * qSin(a));
    }
    return poly;
}

QPainterPath closed(const QPolygonF& poly)
{
    QPainterPath path;
    path.addPolygon(poly);
    path.closeSubpath();
    return path;
}

QPainterPath circle(qreal r)
{
    QPainterPath path;
    path.addEllipse(QPointF(0, 0), r, r);
    return path;
}

/// The marker in the frame of an event of radius 18 centred on the origin.
QPainterPath unitMarker(EventMarker marker)
{
    switch (marker) {
    case EventMarker::None: return {};
    case EventMarker::Message: {
        QPainterPath path;
        path.addRect(-9.5, -6.5, 19, 13);
        path.moveTo(-9.5, -6.5);
        path.lineTo(0, 1);
        path.lineTo(9.5, -6.5);
        return path;
    }
    case EventMarker::Timer: {
        QPainterPath path = circle(11);
        for (int i = 0; i < 12; ++i) {
            const qreal a = qDegreesToRadians(30.0 * i);
            path.moveTo(8.5 * qCos(a), 8.5 * qSin(a));
            path.lineTo(11 * qCos(a), 11 * qSin(a));
        }
        path.moveTo(0, 0);
        path.lineTo(1.5, -7.5);
        path.moveTo(0, 0);
        path.lineTo(5.5, 1.5);
        return path;
    }
    case EventMarker::Error:
        return closed({{-8, 9}, {-3, -7.5}, {1, 0.5}, {8, -9}, {3, 7.5}, {-1, -0.5}});
    case EventMarker::Escalation: return closed({{0, -9.5}, {7, 8.5}, {0, 1.5}, {-7, 8.5}});
    case EventMarker::Signal: return closed({{0, -10}, {9, 6.5}, {-9, 6.5}});
    case EventMarker::Conditional: {
        QPainterPath path;
        path.addRect(-7, -9, 14, 18);
        for (qreal y : {-5.0, -1.0, 3.0, 6.5}) {
            path.moveTo(-4.5, y);
            path.lineTo(4.5, y);
        }
        return path;
    }
    case EventMarker::Link: return closed({{-8, -3.5}, {1, -3.5}, {1, -8}, {9, 0}, {1, 8}, {1, 3.5}, {-8, 3.5}});
    case EventMarker::Compensate: {
        QPainterPath path = closed({{-9, 0}, {0, -6.5}, {0, 6.5}});
        path.addPath(closed({{0, 0}, {9, -6.5}, {9, 6.5}}));
        return path;
    }
    case EventMarker::Cancel: return closed(rotated(plus(2.5, 10), 45));
    case EventMarker::Terminate: return circle(10.5);
    case EventMarker::Multiple: return closed(regular(5, 10));
    case EventMarker::ParallelMultiple: return closed(plus(3, 10));
    }
    return {};
}

QTransform frameOf(const QRectF& r, qreal unitRadius)
{
    const qreal s = qMin(r.width(), r.height()) / (2 * unitRadius);
    return QTransform().translate(r.center().x(), r.center().y()).scale(s, s);
}

} // namespace

QPainterPath eventMarkerPath(EventMarker marker, const QRectF& event)
{
    return frameOf(event, 18).map(unitMarker(marker));
}

namespace detail {

void paintEvent(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style), fill = fillOf(item, style);
    const QRectF r = item.bounds;
    const qreal radius = qMin(r.width(), r.height()) / 2;
    const QPointF c = r.center();
    const Qt::PenStyle line = item.interrupting ? Qt::SolidLine : Qt::DashLine;
    auto ring = [&](qreal rad, qreal width) {
        QPen pn = pen(stroke, width, line);
        if (line == Qt::DashLine)
            pn.setDashPattern({5.0 / width, 3.5 / width});
        p.setPen(pn);
        p.drawEllipse(c, rad, rad);
    };
    p.setBrush(fill);
    switch (item.eventPosition) {
    case EventPosition::Start: ring(radius - 1, 2); break;
    case EventPosition::End: ring(radius - 2, 4); break;
    case EventPosition::Intermediate:
        ring(radius - 0.75, 1.5);
        p.setBrush(Qt::NoBrush);
        ring(radius - 3.75, 1.5);
        break;
    }
    if (item.eventMarker == EventMarker::None)
        return;
    const QPainterPath marker = eventMarkerPath(item.eventMarker, r);
    const qreal s = radius / 18;
    p.setPen(pen(stroke, qMax(1.0, 1.5 * s)));
    const bool filled = item.eventMarker == EventMarker::Terminate ||
                        (item.throwing && item.eventMarker != EventMarker::Timer &&
                         item.eventMarker != EventMarker::Conditional);
    if (item.eventMarker == EventMarker::Message && filled) {
        // A filled envelope: its flap drawn in the fill colour.
        QPainterPath body;
        body.addRect(marker.boundingRect());
        p.setBrush(stroke);
        p.drawPath(body);
        p.setPen(pen(fill, qMax(1.0, 1.5 * s)));
        p.setBrush(Qt::NoBrush);
        QPainterPath flap;
        const QRectF b = marker.boundingRect();
        flap.moveTo(b.topLeft());
        flap.lineTo(b.center().x(), b.top() + b.height() * 0.58);
        flap.lineTo(b.topRight());
        p.drawPath(flap);
        return;
    }
    p.setBrush(filled ? QBrush(stroke) : QBrush(fill));
    p.drawPath(marker);
}

QPainterPath gatewayMarkerPath(GatewayMarker marker, const QRectF& bounds, bool* filled)
{
    QPainterPath path;
    *filled = true;
    switch (marker) {
    case GatewayMarker::None: break;
    case GatewayMarker::Exclusive: path = closed(rotated(plus(2.75, 11.5), 45)); break;
    case GatewayMarker::Parallel: path = closed(plus(2.5, 13)); break;
    case GatewayMarker::Inclusive:
        *filled = false;
        path = circle(11.5);
        break;
    case GatewayMarker::Complex:
        path = closed(plus(2, 13)).united(closed(rotated(plus(2, 13), 45)));
        break;
    case GatewayMarker::EventBased:
        *filled = false;
        path = circle(12.5);
        path.addPath(circle(10));
        path.addPath(closed(regular(5, 6.5)));
        break;
    case GatewayMarker::ExclusiveEventBasedStart:
        *filled = false;
        path = circle(12.5);
        path.addPath(closed(regular(5, 7)));
        break;
    case GatewayMarker::ParallelEventBasedStart:
        *filled = false;
        path = circle(12.5);
        path.addPath(closed(plus(2.5, 8)));
        break;
    }
    return frameOf(bounds, 25).map(path);
}

void paintGateway(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style);
    const QRectF r = item.bounds.adjusted(1, 1, -1, -1);
    const QPolygonF diamond({{r.center().x(), r.top()}, {r.right(), r.center().y()},
                             {r.center().x(), r.bottom()}, {r.left(), r.center().y()}});
    p.setPen(pen(stroke, 2));
    p.setBrush(fillOf(item, style));
    p.drawPolygon(diamond);
    if (item.gatewayMarker == GatewayMarker::Exclusive && !item.markerVisible)
        return;
    bool filled = true;
    const QPainterPath marker = gatewayMarkerPath(item.gatewayMarker, item.bounds, &filled);
    const qreal s = qMin(item.bounds.width(), item.bounds.height()) / 50;
    if (filled) {
        p.setPen(Qt::NoPen);
        p.setBrush(stroke);
    } else {
        p.setPen(pen(stroke, (item.gatewayMarker == GatewayMarker::Inclusive ? 2.5 : 1.2) * s));
        p.setBrush(Qt::NoBrush);
    }
    p.drawPath(marker);
}

} // namespace detail

} // namespace runway::modeler::notation
