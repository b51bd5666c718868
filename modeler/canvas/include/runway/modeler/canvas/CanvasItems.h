// The graphics items of a diagram on the canvas: one ElementItem per shape or edge (its body), one
// LabelItem per label (above every body, so no shape hides a label), and a ProblemBadge on each
// element the Validator has something to say about. Each ElementItem keeps its own copy of the
// NotationItem it shows, so the canvas can re-make one item after an edit (setItem) without
// rebuilding the others.
#pragma once

#include "runway/modeler/notation/NotationPainter.h"

#include <QGraphicsItem>

namespace runway::modeler::canvas {

/// Below this scale (device pixels per diagram unit) items are drawn as plain outlines, without
/// labels or markers: at that size text is unreadable and markers are a few pixels.
inline constexpr qreal kSimplifiedBelow = 0.3;

/// The z-values of the layers: bodies by their notation layer, then the label layer, then badges.
inline constexpr qreal kLabelZ = 1000;
inline constexpr qreal kBadgeZ = 2000;

/// The cheap silhouette of an item (drawn at low zoom and in the minimap): one cosmetic pen, no
/// text, no markers.
void paintOutline(QPainter& p, const notation::NotationItem& item, const QColor& stroke);

class ElementItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    /// order: the item's place in the diagram's painting order (labels are painted in that order).
    ElementItem(const notation::NotationItem& item, int order, const notation::NotationPainter& painter);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const notation::NotationItem& item() const { return m_item; }
    QString elementId() const { return m_item.id; }
    int order() const { return m_order; }
    /// Shows another state of the element (after an edit): geometry, layer and look.
    void setItem(const notation::NotationItem& item);
    /// The shape's bounds or the edge's waypoints' bounding box, in scene coordinates.
    QRectF elementRect() const;

private:
    void computeBounds();
    notation::NotationItem m_item;
    int m_order;
    const notation::NotationPainter& m_painter;
    QRectF m_bounds;
};

/// Every label of the diagram, in one item above all bodies (so no shape hides a label). It paints
/// the labels of the elements near the exposed rectangle, found through the scene's index, so
/// labels need no bounding rectangles of their own: laying out every label's text up front would
/// cost as much as building the rest of the canvas. Not drawn at all below kSimplifiedBelow.
class LabelLayer : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };
    /// How far (diagram units) a label may reach beyond its element's bounding rectangle.
    static constexpr qreal kReach = 160;

    LabelLayer(const QRectF& sceneRect, const notation::NotationPainter& painter);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    /// How many labels the last paint drew.
    int lastPainted() const { return m_lastPainted; }
    /// Follows the scene's rectangle when the diagram grows.
    void setRect(const QRectF& sceneRect);

private:
    QRectF m_rect;
    const notation::NotationPainter& m_painter;
    int m_lastPainted = 0;
};

/// A round badge at an element's top-right corner: red "!" for errors, amber "!" for warnings.
/// Its tool tip lists the messages. Never part of an export (exports paint the notation only).
class ProblemBadge : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };
    ProblemBadge(const QRectF& elementBounds, bool error, const QString& messages);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    bool isError() const { return m_error; }

private:
    bool m_error;
};

} // namespace runway::modeler::canvas
