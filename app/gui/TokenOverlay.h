// The simulation's decoration of a diagram: token discs at the elements they occupy (coloured per
// instance; waiting tokens hollow, with a clock badge and the virtual time left at timers),
// highlighted visited elements and flows, and incidents with their explanation. One item above
// every other layer of the canvas, drawn from the session's TokenView. Exports paint the notation
// only, so the overlay never reaches a file; leaving the simulation removes it.
#pragma once

#include "runway/sim/SessionTypes.h"

#include <QGraphicsItem>
#include <QHash>

namespace runway::modeler::canvas {
class DiagramCanvas;
}

namespace runway::app {

class TokenOverlay : public QGraphicsItem {
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

    /// The colour of an instance's colour index (0..7).
    static QColor instanceColour(int colour);
    /// "23:00:00", "5:00", "0.5 s": virtual time left, short.
    static QString formatLeft(qint64 ms);

private:
    QRectF boundsOf(const QString& id) const;

    modeler::canvas::DiagramCanvas* m_canvas;
    QRectF m_rect;
    sim::TokenView m_view;
    QVector<sim::IncidentInfo> m_incidents;
};

} // namespace runway::app
