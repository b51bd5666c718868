// Paints BPMN 2.0 symbols with QPainter, one diagram element at a time, in diagram coordinates.
//
// Made for a canvas as much as for export: boundingRect() is known before painting (a
// QGraphicsItem's boundingRect), paint() draws one item into any QPainter (screen, QImage, SVG,
// PDF), and the body and the label can be painted separately (labels over everything else).
#pragma once

#include "runway/modeler/notation/NotationItem.h"

#include <QFlags>
#include <QFont>
#include <QFontMetricsF>
#include <QPainterPath>
#include <QStringList>

#include <vector>

class QPainter;

namespace runway::modeler::notation {

/// Colours, pens and font of the notation. The defaults follow the look users know from bpmn.io.
struct NotationStyle {
    QColor stroke{0x22, 0x24, 0x2a};
    QColor fill{Qt::white};
    QColor background{Qt::white}; ///< used by exports only; items never paint a background
    QFont font = defaultFont();
    qreal lineWidth = 1.5;        ///< tasks, gateways, start events, sequence flows
    qreal externalLabelWidth = 90; ///< wrap width of labels under events and gateways without DI bounds

    /// DejaVu Sans (fonts-dejavu-core) at 11 px, so renders are the same on every machine.
    static QFont defaultFont();
};

enum class Part { Body = 1, Label = 2 };
Q_DECLARE_FLAGS(Parts, Part)

class NotationPainter {
public:
    explicit NotationPainter(NotationStyle style = {});
    const NotationStyle& style() const { return m_style; }

    /// Everything paint() may touch for this item (body, markers, pen width, label).
    QRectF boundingRect(const NotationItem& item, Parts parts = Parts(Part::Body) | Part::Label) const;
    void paint(QPainter& p, const NotationItem& item, Parts parts = Parts(Part::Body) | Part::Label) const;

    /// Where the item's label goes (empty when it has none), and how it is aligned there.
    struct LabelLayout {
        QRectF rect;
        int flags = 0;       ///< Qt::AlignmentFlag
        qreal rotation = 0;  ///< degrees, about rect's centre (pool and lane labels: -90)
        QStringList lines;
    };
    LabelLayout labelLayout(const NotationItem& item) const;
    /// A rectangle that surely holds boundingRect(item, Part::Label), found without laying the
    /// text out: every character at the font's widest advance, one character per line. Cheap
    /// enough to ask of every item of a large diagram; empty when the item has no label.
    QRectF labelReach(const NotationItem& item) const;

private:
    void paintBody(QPainter& p, const NotationItem& item) const;
    void paintLabel(QPainter& p, const NotationItem& item) const;
    NotationStyle m_style;
    /// The style font's metrics, made once: constructing a QFontMetricsF looks the font up again,
    /// and labelLayout() and boundingRect() run for every item of a diagram.
    QFontMetricsF m_metrics;
    qreal m_maxAdvance = 0; ///< m_metrics.maxWidth(), asked once
};

// ---- geometry, public for the tests and the canvas ----

/// Splits text into lines no wider than width: at spaces and explicit newlines, breaking a word
/// only when it is wider than a line by itself.
QStringList wrapText(const QString& text, const QFontMetricsF& fm, qreal width);
/// The boxes of n activity markers (loop, multi-instance, compensation, collapsed, ad-hoc): a row
/// of 14x14 boxes centred at the bottom of the activity, left to right.
std::vector<QRectF> activityMarkerRects(const QRectF& activity, int n);
/// The markers an activity shows, in the order of activityMarkerRects.
enum class ActivityMarker { Loop, ParallelMultiInstance, SequentialMultiInstance, Compensation, Collapsed, AdHoc };
std::vector<ActivityMarker> activityMarkers(const NotationItem& item);
/// The outline of an event marker inside an event of the given bounds.
QPainterPath eventMarkerPath(EventMarker marker, const QRectF& event);
/// The polygon of an arrow head whose tip is at `tip`, pointing along from -> tip.
QPolygonF arrowHead(QPointF from, QPointF tip, qreal length, qreal width);

} // namespace runway::modeler::notation

Q_DECLARE_OPERATORS_FOR_FLAGS(runway::modeler::notation::Parts)
