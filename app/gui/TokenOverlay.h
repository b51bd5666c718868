// The simulation's decoration of a diagram: token discs at the elements they occupy (coloured per
// instance; waiting tokens hollow, with a clock badge and the virtual time left at timers),
// highlighted visited elements and flows, incidents with their explanation, and tokens moving
// along the flows they just took (a short animation). One item above every other layer of the
// canvas, drawn from the session's TokenView. Exports paint the notation only, so the overlay
// never reaches a file; leaving the simulation removes it. A QGraphicsObject, so its owner can
// hold a QPointer: a canvas rebuilt from scratch deletes every item of its scene.
#pragma once

#include "runway/sim/SessionTypes.h"

#include <QGraphicsObject>
#include <QHash>
#include <QPainterPath>
#include <QSet>
#include <QVariantAnimation>

namespace runway::modeler::canvas {
class DiagramCanvas;
}

namespace runway::app {

class TokenOverlay : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 40 };
    static constexpr qreal kOverlayZ = 3000;

    /// Adds itself to the canvas's scene; the canvas must outlive it (or delete it first).
    explicit TokenOverlay(modeler::canvas::DiagramCanvas* canvas);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    /// What to draw: replaces everything shown.
    void setView(const sim::TokenView& view, const QVector<sim::IncidentInfo>& incidents);
    const sim::TokenView& view() const { return m_view; }
    /// Tokens drawn per element id (only elements this diagram shows).
    QHash<QString, int> tokenCounts() const;
    const QVector<sim::IncidentInfo>& incidents() const { return m_incidents; }

    /// A token moving along a flow: the flow's id and the instance whose token it is.
    struct Move {
        QString flow;
        int instance = 0;
        int colour = 0;
    };
    /// Moves tokens along these flows (sequence or message flows this diagram shows) over
    /// durationMs, replacing any move still running; durationMs <= 0 or no flow shown: none.
    void animate(const QVector<Move>& moves, int durationMs);
    /// Ends the running animation at once (step back, reset, full speed).
    void stopAnimation();
    bool isAnimating() const { return m_anim.state() == QAbstractAnimation::Running; }
    /// Where the moving tokens are drawn now (scene coordinates), with their instance.
    QVector<QPair<int, QPointF>> movingTokens() const;
    int animationDuration() const { return m_anim.duration(); }

    /// Flows to highlight for a decision the person makes (empty: none).
    void setDecision(const QStringList& flows);
    const QStringList& decisionFlows() const { return m_decision; }

    /// Only the tokens of this instance (0: of all).
    void setInstanceFilter(int instance);
    int instanceFilter() const { return m_instanceFilter; }
    /// The incident badges shown (one per incident at an element this diagram shows); each has
    /// the explanation as its tool tip.
    QList<QGraphicsItem*> incidentBadges() const { return m_badges; }

    /// Elements with a breakpoint: a red dot at their top-right corner.
    void setBreakpoints(const QSet<QString>& ids);
    const QSet<QString>& breakpoints() const { return m_breakpoints; }

    /// The colour of an instance's colour index (0..7).
    static QColor instanceColour(int colour);
    /// "23:00:00", "5:00", "0.5 s": virtual time left, short.
    static QString formatLeft(qint64 ms);

private:
    QRectF boundsOf(const QString& id) const;
    void placeBadges();
    /// Where the overlay may draw for an element or flow (tokens discs, badges, highlights).
    QRectF areaOf(const QString& id, int tokens) const;
    void updateElement(const QString& id, int tokens);
    void updateMoving();
    bool shows(int instance) const { return m_instanceFilter == 0 || instance == m_instanceFilter; }

    struct Moving {
        QPainterPath path;
        int instance = 0;
        int colour = 0;
    };

    modeler::canvas::DiagramCanvas* m_canvas;
    QRectF m_rect;
    QVector<Moving> m_moving;
    QStringList m_decision;
    QSet<QString> m_breakpoints;
    QList<QGraphicsItem*> m_badges; // children: deleted with the overlay
    int m_instanceFilter = 0;
    QVariantAnimation m_anim;
    qreal m_progress = 0;
    sim::TokenView m_view;
    QVector<sim::IncidentInfo> m_incidents;
};

} // namespace runway::app
