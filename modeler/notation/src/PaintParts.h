// Internal: the painting functions of each symbol family, shared by NotationPainter.cpp.
#pragma once

#include "runway/modeler/notation/NotationPainter.h"

#include <QPainter>

namespace runway::modeler::notation::detail {

inline QColor strokeOf(const NotationItem& item, const NotationStyle& style)
{
    return item.colors.stroke.value_or(style.stroke);
}
inline QColor fillOf(const NotationItem& item, const NotationStyle& style)
{
    return item.colors.fill.value_or(style.fill);
}
inline QPen pen(const QColor& c, qreal width, Qt::PenStyle s = Qt::SolidLine)
{
    QPen p(c, width, s, Qt::FlatCap, Qt::MiterJoin);
    return p;
}

// EventsGateways.cpp
void paintEvent(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintGateway(QPainter& p, const NotationItem& item, const NotationStyle& style);
/// The marker of a gateway in its bounds; `filled` tells whether to fill it with the stroke colour.
QPainterPath gatewayMarkerPath(GatewayMarker marker, const QRectF& bounds, bool* filled);

// Activities.cpp
void paintActivity(QPainter& p, const NotationItem& item, const NotationStyle& style);

// Artifacts.cpp: data, annotations, groups, pools, lanes, unknown shapes
void paintDataObject(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintDataStore(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintTextAnnotation(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintGroup(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintPoolOrLane(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintUnknownShape(QPainter& p, const NotationItem& item, const NotationStyle& style);
// Conversations.cpp: conversations and choreographies (BPMN 2.0, chapters 9.4 and 11)
void paintConversation(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintChoreography(QPainter& p, const NotationItem& item, const NotationStyle& style);
void paintParticipantBand(QPainter& p, const NotationItem& item, const NotationStyle& style);

// Edges.cpp
void paintEdge(QPainter& p, const NotationItem& item, const NotationStyle& style);
/// How far an edge's markers and pen reach beyond its waypoints.
constexpr qreal kEdgeMargin = 11;
/// The point halfway along a polyline's length.
QPointF midpointOf(const QPolygonF& pts);

/// Pool and lane header band width (horizontal) or height (vertical).
constexpr qreal kHeaderBand = 30;

} // namespace runway::modeler::notation::detail
