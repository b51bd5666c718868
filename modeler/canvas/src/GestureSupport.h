// What the editing gestures of this directory share: finding the element under a point, the
// editable element behind an id, and telling the user something in the status bar.
#pragma once

#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/Editor.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QStatusTipEvent>

#include <functional>

namespace runway::modeler::canvas::support {

/// The topmost element item under scenePos that `accept` accepts (all when empty).
inline ElementItem* itemAt(const DiagramCanvas& canvas, QPointF scenePos,
                           const std::function<bool(const ElementItem&)>& accept = {})
{
    const QPoint vp = canvas.mapFromScene(scenePos);
    for (QGraphicsItem* g : canvas.items(vp))
        if (g->type() == ElementItem::Type) {
            auto* item = static_cast<ElementItem*>(g);
            if (!accept || accept(*item))
                return item;
        }
    return nullptr;
}

/// The topmost shape item whose bounds contain scenePos (containers too, though they are hit
/// only on their border by a click) that `accept` accepts.
inline ElementItem* shapeAt(const DiagramCanvas& canvas, QPointF scenePos,
                            const std::function<bool(const ElementItem&)>& accept = {})
{
    for (QGraphicsItem* g : canvas.scene()->items(scenePos, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder))
        if (g->type() == ElementItem::Type) {
            auto* item = static_cast<ElementItem*>(g);
            if (!item->item().isEdge() && item->item().bounds.contains(scenePos) && (!accept || accept(*item)))
                return item;
        }
    return nullptr;
}

/// The element of the document behind an id, editable (null when gone or without an editor).
inline core::Element* element(const DiagramCanvas& canvas, const QString& id)
{
    return canvas.editor() && !id.isEmpty() ? canvas.editor()->element(id) : nullptr;
}

/// Shows text in the window's status bar (the status tip travels up to the QMainWindow).
inline void showStatus(QWidget* from, const QString& text)
{
    QStatusTipEvent tip(text);
    QCoreApplication::sendEvent(from, &tip);
}

/// Whether editing gestures may start: an editor, not read-only.
inline bool canEdit(const DiagramCanvas& canvas)
{
    return canvas.editor() && !canvas.editor()->isReadOnly();
}

/// Distance from p to the segment ab.
inline qreal distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const qreal len2 = QPointF::dotProduct(ab, ab);
    const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::sqrt(QPointF::dotProduct(d, d));
}

} // namespace runway::modeler::canvas::support
