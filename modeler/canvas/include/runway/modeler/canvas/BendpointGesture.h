// Editing the route of the selected connection: drag a bend point (setWaypoints), drag a segment
// across its direction (moveSegment), double-click a segment to add a bend point there
// (addBendpoint), double-click a bend point to remove it (removeBendpoint), and drag either end
// of a flow onto another element to reconnect it (reconnect; the rules are asked while dragging,
// and a forbidden target shows the forbidden cursor and the reason). Handles are painted on the
// selected flow. Each drag or double-click is one undo step; Escape cancels a drag.
#pragma once

#include "runway/core/modeling/ModelingRules.h"
#include "runway/modeler/canvas/CanvasGesture.h"

#include <QCoreApplication>
#include <QPolygonF>
#include <QString>

namespace runway::modeler::canvas {

class BendpointGesture : public CanvasGesture {
    Q_DECLARE_TR_FUNCTIONS(runway::modeler::canvas::BendpointGesture)

public:
    /// How near (device pixels) the mouse must be to a handle or a segment.
    static constexpr qreal kGrip = 5;

    enum class Grip { None, Bendpoint, Segment, SourceEnd, TargetEnd };
    struct Hit {
        QString flowId;
        Grip grip = Grip::None;
        int index = -1; ///< the waypoint (bend point, end) or the segment (segment i: points i, i+1)
    };

    explicit BendpointGesture(DiagramCanvas& canvas);
    static BendpointGesture* of(const DiagramCanvas& canvas);

    /// What of a flow lies at scenePos: on the selected flows only, or on any flow (double-click).
    Hit hitAt(QPointF scenePos, bool selectedOnly = true) const;
    /// While an end is dragged: the element under it, and whether the rules allow it.
    QString reconnectTarget() const { return m_targetId; }
    const core::modeling::Verdict& verdict() const { return m_verdict; }

    bool press(QMouseEvent* event, QPointF at) override;
    void move(QMouseEvent* event, QPointF at) override;
    void release(QMouseEvent* event, QPointF at) override;
    bool hover(QMouseEvent* event, QPointF at) override;
    bool doubleClick(QMouseEvent* event, QPointF at) override;
    void cancel() override;
    void paintOverlay(QPainter* painter, const QRectF& exposed) override;

private:
    QPolygonF waypointsOf(const QString& flowId) const;
    void trackEnd(QPointF at);
    void reset();

    Hit m_drag;
    QPointF m_pressAt;
    QPolygonF m_original, m_preview;
    bool m_moved = false;
    QString m_targetId;
    core::modeling::Verdict m_verdict;
    bool m_hoverCursor = false;
};

} // namespace runway::modeler::canvas
