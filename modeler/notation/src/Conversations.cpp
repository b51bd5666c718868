// Conversations (BPMN 2.0, 9.4: hexagons) and choreographies (chapter 11: rounded boxes whose
// participants are bands, each its own BPMNShape with a participantBandKind).
#include "PaintParts.h"

namespace runway::modeler::notation::detail {

void paintConversation(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style);
    const qreal width = item.thick ? 4 : 1.5;
    const QRectF r = item.bounds.adjusted(width / 2, width / 2, -width / 2, -width / 2);
    const QPolygonF hexagon({{r.left() + r.width() / 4, r.top()}, {r.right() - r.width() / 4, r.top()},
                             {r.right(), r.center().y()}, {r.right() - r.width() / 4, r.bottom()},
                             {r.left() + r.width() / 4, r.bottom()}, {r.left(), r.center().y()}});
    p.setPen(pen(stroke, width));
    p.setBrush(fillOf(item, style));
    p.drawPolygon(hexagon);
    if (!item.expanded) {
        // A sub-conversation's + marker at the bottom.
        const QRectF m(r.center().x() - 6, r.bottom() - 14, 12, 12);
        p.setPen(pen(stroke, 1));
        p.drawRect(m);
        p.drawLine(QPointF(m.center().x(), m.top() + 2.5), QPointF(m.center().x(), m.bottom() - 2.5));
        p.drawLine(QPointF(m.left() + 2.5, m.center().y()), QPointF(m.right() - 2.5, m.center().y()));
    }
}

void paintChoreography(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const qreal width = item.thick ? 4 : 2;
    p.setPen(pen(strokeOf(item, style), width));
    p.setBrush(fillOf(item, style));
    p.drawRoundedRect(item.bounds.adjusted(width / 2, width / 2, -width / 2, -width / 2), 10, 10);
}

void paintParticipantBand(QPainter& p, const NotationItem& item, const NotationStyle& style)
{
    const QColor stroke = strokeOf(item, style);
    p.setPen(pen(stroke, 1.5));
    p.setBrush(item.initiating ? QBrush(fillOf(item, style)) : QBrush(QColor(0xd8, 0xd8, 0xd8)));
    // The outer corners of a top or bottom band follow the activity's rounded box.
    const QRectF r = item.bounds;
    QPainterPath band;
    band.addRect(r);
    if (item.band != BandPosition::Middle) {
        const qreal reach = qMin<qreal>(10, r.height());
        QPainterPath rounded;
        rounded.addRoundedRect(item.band == BandPosition::Top ? r.adjusted(0, 0, 0, reach) : r.adjusted(0, -reach, 0, 0),
                               10, 10);
        band = band.intersected(rounded);
    }
    p.drawPath(band);
}

} // namespace runway::modeler::notation::detail
