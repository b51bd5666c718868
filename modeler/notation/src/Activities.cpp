// Activities (BPMN 2.0, 10.3 and 13.2.2): tasks with their type icons, sub-processes, call
// activities and the markers at the bottom.
#include "PaintParts.h"

#include <QtMath>

namespace runway::modeler::notation {

namespace {

constexpr qreal kCorner = 10;
constexpr qreal kMarker = 14;

void envelope(QPainter& p, const QRectF& r, const QColor& stroke, const QColor& fill, bool filled)
{
    p.setPen(detail::pen(stroke, 1));
    p.setBrush(filled ? stroke : fill);
    p.drawRect(r);
    p.setPen(detail::pen(filled ? fill : stroke, 1));
    p.drawPolyline(QPolygonF({r.topLeft(), {r.center().x(), r.top() + r.height() * 0.55}, r.topRight()}));
}

/// A gear of `teeth` teeth centred at c.
QPainterPath gear(QPointF c, qreal outer, qreal inner, int teeth)
{
    QPainterPath path;
    const int steps = teeth * 4;
    for (int i = 0; i < steps; ++i) {
        const qreal a = 2 * M_PI * (i - 0.5) / steps;
        const qreal r = (i % 4 < 2) ? outer : inner;
        const QPointF pt = c + QPointF(r * qCos(a), r * qSin(a));
        if (i == 0)
            path.moveTo(pt);
        else
            path.lineTo(pt);
    }
    path.closeSubpath();
    path.addEllipse(c, inner * 0.42, inner * 0.42);
    return path;
}

void taskIcon(QPainter& p, TaskIcon icon, const QRectF& a, const QColor& stroke, const QColor& fill)
{
    const QPointF o = a.topLeft();
    p.setBrush(fill);
    p.setPen(detail::pen(stroke, 1));
    switch (icon) {
    case TaskIcon::None: break;
    case TaskIcon::User: {
        QPainterPath body;
        body.moveTo(o + QPointF(6, 25));
        body.lineTo(o + QPointF(6, 20));
        body.cubicTo(o + QPointF(6, 15.5), o + QPointF(10, 14.5), o + QPointF(12, 14));
        body.lineTo(o + QPointF(18, 14));
        body.cubicTo(o + QPointF(20, 14.5), o + QPointF(24, 15.5), o + QPointF(24, 20));
        body.lineTo(o + QPointF(24, 25));
        body.closeSubpath();
        p.drawPath(body);
        p.drawLine(o + QPointF(10, 25), o + QPointF(10, 21));
        p.drawLine(o + QPointF(20, 25), o + QPointF(20, 21));
        p.drawEllipse(o + QPointF(15, 9.5), 4.5, 4.5);
        p.setBrush(stroke);
        QPainterPath hair;
        hair.moveTo(o + QPointF(10.5, 9));
        hair.cubicTo(o + QPointF(11, 4), o + QPointF(19, 4), o + QPointF(19.5, 9));
        hair.cubicTo(o + QPointF(17, 7), o + QPointF(13, 7), o + QPointF(10.5, 9));
        p.drawPath(hair);
        break;
    }
    case TaskIcon::Service:
        p.drawPath(gear(o + QPointF(13, 13), 8, 6, 8));
        p.drawPath(gear(o + QPointF(19, 19), 6.5, 4.8, 8));
        break;
    case TaskIcon::Script: {
        QPainterPath scroll;
        scroll.moveTo(o + QPointF(10, 6));
        scroll.lineTo(o + QPointF(22, 6));
        scroll.cubicTo(o + QPointF(18, 10), o + QPointF(22, 14), o + QPointF(20, 22));
        scroll.lineTo(o + QPointF(8, 22));
        scroll.cubicTo(o + QPointF(10, 14), o + QPointF(6, 10), o + QPointF(10, 6));
        scroll.closeSubpath();
        p.drawPath(scroll);
        for (qreal y : {10.0, 14.0, 18.0})
            p.drawLine(o + QPointF(11 + (y == 14 ? 0.5 : 0), y), o + QPointF(18, y));
        break;
    }
    case TaskIcon::Send: envelope(p, QRectF(o + QPointF(7, 8), QSizeF(19, 13)), stroke, fill, true); break;
    case TaskIcon::Receive: envelope(p, QRectF(o + QPointF(7, 8), QSizeF(19, 13)), stroke, fill, false); break;
    case TaskIcon::Manual: {
        // A hand seen from the side, fingers pointing right.
        QPainterPath hand;
        hand.moveTo(o + QPointF(6, 13));
        hand.lineTo(o + QPointF(11, 8.5));
        hand.lineTo(o + QPointF(19, 8.5));
        hand.quadTo(o + QPointF(20.5, 10), o + QPointF(19, 11.5));
        hand.lineTo(o + QPointF(14, 11.5));
        hand.lineTo(o + QPointF(25, 11.5));
        hand.quadTo(o + QPointF(26.5, 13), o + QPointF(25, 14.5));
        hand.lineTo(o + QPointF(18, 14.5));
        hand.lineTo(o + QPointF(24, 14.5));
        hand.quadTo(o + QPointF(25.5, 16), o + QPointF(24, 17.5));
        hand.lineTo(o + QPointF(18, 17.5));
        hand.lineTo(o + QPointF(22.5, 17.5));
        hand.quadTo(o + QPointF(24, 19), o + QPointF(22.5, 20.5));
        hand.lineTo(o + QPointF(10, 20.5));
        hand.lineTo(o + QPointF(6, 18.5));
        hand.closeSubpath();
        p.drawPath(hand);
        break;
    }
    case TaskIcon::BusinessRule: {
        const QRectF t(o + QPointF(7, 8), QSizeF(18, 13));
        p.drawRect(t);
        p.setBrush(QColor(stroke.red(), stroke.green(), stroke.blue(), 90));
        p.drawRect(QRectF(t.topLeft(), QSizeF(t.width(), 4)));
        p.drawLine(QPointF(t.left(), t.top() + 8.5), QPointF(t.right(), t.top() + 8.5));
        p.drawLine(QPointF(t.left() + 5, t.top() + 4), QPointF(t.left() + 5, t.bottom()));
        break;
    }
    }
}

void marker(QPainter& p, ActivityMarker m, const QRectF& r, const QColor& stroke, const QColor& fill)
{
    p.setPen(detail::pen(stroke, 1.5));
    p.setBrush(Qt::NoBrush);
    const QPointF c = r.center();
    switch (m) {
    case ActivityMarker::Collapsed:
        p.setPen(detail::pen(stroke, 1));
        p.setBrush(fill);
        p.drawRect(r);
        p.setPen(detail::pen(stroke, 1.5));
        p.drawLine(QPointF(c.x(), r.top() + 3), QPointF(c.x(), r.bottom() - 3));
        p.drawLine(QPointF(r.left() + 3, c.y()), QPointF(r.right() - 3, c.y()));
        break;
    case ActivityMarker::ParallelMultiInstance:
        for (qreal dx : {-4.5, 0.0, 4.5})
            p.drawLine(QPointF(c.x() + dx, r.top() + 1), QPointF(c.x() + dx, r.bottom() - 1));
        break;
    case ActivityMarker::SequentialMultiInstance:
        for (qreal dy : {-4.5, 0.0, 4.5})
            p.drawLine(QPointF(r.left() + 1, c.y() + dy), QPointF(r.right() - 1, c.y() + dy));
        break;
    case ActivityMarker::Loop: {
        // A circle open at the lower left, with an arrow head at its open end.
        const QRectF circle(c - QPointF(5.5, 5.5), QSizeF(11, 11));
        QPainterPath arc;
        arc.arcMoveTo(circle, 235);
        const QPointF end = arc.currentPosition();
        arc.arcTo(circle, 235, -310);
        p.drawPath(arc);
        p.setBrush(stroke);
        p.setPen(detail::pen(stroke, 1));
        p.drawPolygon(QPolygonF({end + QPointF(-4, -1), end + QPointF(1.5, -1.5), end + QPointF(0, 4)}));
        break;
    }
    case ActivityMarker::Compensation:
        p.setPen(detail::pen(stroke, 1));
        p.drawPolygon(QPolygonF({{r.left(), c.y()}, {c.x(), r.top() + 2.5}, {c.x(), r.bottom() - 2.5}}));
        p.drawPolygon(QPolygonF({{c.x(), c.y()}, {r.right(), r.top() + 2.5}, {r.right(), r.bottom() - 2.5}}));
        break;
    case ActivityMarker::AdHoc: {
        QPainterPath tilde;
        tilde.moveTo(r.left() + 0.5, c.y() + 1.5);
        tilde.cubicTo(QPointF(r.left() + 4, c.y() - 5), QPointF(c.x(), c.y() - 1), QPointF(c.x(), c.y()));
        tilde.cubicTo(QPointF(c.x(), c.y() + 1), QPointF(r.right() - 4, c.y() + 5), QPointF(r.right() - 0.5, c.y() - 1.5));
        p.setPen(detail::pen(stroke, 2));
        p.drawPath(tilde);
        break;
    }
    }
}

} // namespace

std::vector<QRectF> activityMarkerRects(const QRectF& activity, int n)
{
    std::vector<QRectF> rects;
    if (n <= 0)
        return rects;
    constexpr qreal gap = 3;
    const qreal total = n * kMarker + (n - 1) * gap;
    qreal x = activity.center().x() - total / 2;
    const qreal y = activity.bottom() - kMarker - 4;
    for (int i = 0; i < n; ++i, x += kMarker + gap)
        rects.emplace_back(x, y, kMarker, kMarker);
    return rects;
}

std::vector<ActivityMarker> activityMarkers(const NotationItem& item)
{
    std::vector<ActivityMarker> m;
    switch (item.loop) {
    case LoopMarker::None: break;
    case LoopMarker::Standard: m.push_back(ActivityMarker::Loop); break;
    case LoopMarker::ParallelMultiInstance: m.push_back(ActivityMarker::ParallelMultiInstance); break;
    case LoopMarker::SequentialMultiInstance: m.push_back(ActivityMarker::SequentialMultiInstance); break;
    }
    if (item.compensation)
        m.push_back(ActivityMarker::Compensation);
    const bool container = item.activityKind != ActivityKind::Task && !item.callsGlobalTask;
    if (container && !item.expanded)
        m.push_back(ActivityMarker::Collapsed);
    if (item.activityKind == ActivityKind::AdHocSubProcess)
        m.push_back(ActivityMarker::AdHoc);
    return m;
}

namespace detail {

void paintActivity(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style), fill = fillOf(item, style);
    const QRectF r = item.bounds;
    qreal width = 2;
    Qt::PenStyle line = Qt::SolidLine;
    if (item.activityKind == ActivityKind::CallActivity)
        width = 5;
    QPen outline = pen(stroke, width, line);
    if (item.activityKind == ActivityKind::EventSubProcess) {
        outline.setStyle(Qt::CustomDashLine);
        outline.setDashPattern({1, 1.5});
        outline.setCapStyle(Qt::FlatCap);
    }
    p.setPen(outline);
    p.setBrush(fill);
    const QRectF box = r.adjusted(width / 2, width / 2, -width / 2, -width / 2);
    p.drawRoundedRect(box, kCorner, kCorner);
    if (item.activityKind == ActivityKind::Transaction) {
        p.setPen(pen(stroke, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(box.adjusted(4, 4, -4, -4), kCorner - 3, kCorner - 3);
    }
    if (item.activityKind == ActivityKind::Task || item.callsGlobalTask)
        taskIcon(p, item.taskIcon, r, stroke, fill);
    const auto markers = activityMarkers(item);
    const auto rects = activityMarkerRects(r, static_cast<int>(markers.size()));
    for (std::size_t i = 0; i < markers.size(); ++i)
        marker(p, markers[i], rects[i], stroke, fill);
}

} // namespace detail

} // namespace runway::modeler::notation
