// Drawing a connection: from the context pad's connect button (a click, then a click on the
// target; or a drag from the button onto the target), or by dragging from an element's border
// (the hover zone along its outline shows a cross cursor). While connecting, a dashed line follows
// the mouse; over a target the rules deny the cursor is Qt::ForbiddenCursor and the tool tip and
// status bar say why (core::modeling::canConnect). Releasing on an allowed target creates the
// natural connection (sequence flow in a process, message flow between pools, association to an
// annotation, data association to data), one undo step; anywhere else nothing changes.
#pragma once

#include "runway/core/modeling/ModelingRules.h"
#include "runway/modeler/canvas/CanvasGesture.h"

#include <QCoreApplication>
#include <QPointF>
#include <QString>

#include <optional>

namespace runway::modeler::canvas {

class ConnectGesture : public CanvasGesture {
    Q_DECLARE_TR_FUNCTIONS(runway::modeler::canvas::ConnectGesture)

public:
    /// How far (device pixels) the border zone reaches inside and outside a shape's outline.
    static constexpr qreal kBorderZone = 5;

    explicit ConnectGesture(DiagramCanvas& canvas);
    /// The connect gesture installed on a canvas, or null.
    static ConnectGesture* of(const DiagramCanvas& canvas);

    /// Starts connecting from the element (FlowType::None: the natural connection). The line
    /// follows the mouse until a click (or finish()) ends it.
    void begin(const QString& sourceId, core::modeling::FlowType type = core::modeling::FlowType::None);
    bool isConnecting() const { return !m_sourceId.isEmpty(); }
    QString sourceId() const { return m_sourceId; }
    /// The mouse is at scenePos: finds the target there and asks the rules.
    void track(QPointF scenePos);
    /// Ends the gesture at scenePos: connects when the target there is allowed. True: connected.
    bool finish(QPointF scenePos);
    /// The element under the mouse that would be the target (empty: none), and the rules' answer.
    QString targetId() const { return m_targetId; }
    const core::modeling::Verdict& verdict() const { return m_verdict; }
    /// Whether scenePos lies in the border zone of a shape connections may start from; its id.
    QString borderAt(QPointF scenePos) const;

    bool press(QMouseEvent* event, QPointF at) override;
    void move(QMouseEvent* event, QPointF at) override;
    void release(QMouseEvent* event, QPointF at) override;
    bool hover(QMouseEvent* event, QPointF at) override;
    bool key(QKeyEvent* event) override;
    void cancel() override;
    void paintOverlay(QPainter* painter, const QRectF& exposed) override;

private:
    void end();
    QString m_sourceId;
    core::modeling::FlowType m_type = core::modeling::FlowType::None;
    core::modeling::FlowType m_resolved = core::modeling::FlowType::None; ///< the type the target gets
    QString m_targetId;
    core::modeling::Verdict m_verdict;
    std::optional<QPointF> m_mouse;
    bool m_borderCursor = false; ///< the hover zone's cursor is set
};

} // namespace runway::modeler::canvas
