// A gesture on the editing canvas (move, resize, connect, bend points, label editing, creating
// from the palette, ...). The canvas offers each mouse, key and drop event to its gestures in the
// order they were added, after its own panning (middle button, space) and before the view's
// default selection handling. A gesture that accepts a press owns the mouse until the release;
// Escape or focus loss cancels the active gesture, which must then leave the document unchanged.
// Gestures change the document only through canvas.editor().
#pragma once

#include <QPointF>

class QDragMoveEvent;
class QDropEvent;
class QKeyEvent;
class QMouseEvent;
class QPainter;
class QRectF;

namespace runway::modeler::canvas {

class DiagramCanvas;

class CanvasGesture {
public:
    explicit CanvasGesture(DiagramCanvas& canvas) : m_canvas(canvas) {}
    virtual ~CanvasGesture() = default;
    CanvasGesture(const CanvasGesture&) = delete;
    CanvasGesture& operator=(const CanvasGesture&) = delete;

    DiagramCanvas& canvas() const { return m_canvas; }

    /// A button press at scenePos: true takes the mouse until release().
    virtual bool press(QMouseEvent*, QPointF) { return false; }
    virtual void move(QMouseEvent*, QPointF) {}
    virtual void release(QMouseEvent*, QPointF) {}
    /// Mouse moves with no gesture active (hover feedback: cursor, handles). True: handled.
    virtual bool hover(QMouseEvent*, QPointF) { return false; }
    virtual bool doubleClick(QMouseEvent*, QPointF) { return false; }
    /// Keys the canvas did not use itself (zoom, space). True: handled.
    virtual bool key(QKeyEvent*) { return false; }
    /// Drag and drop onto the canvas (from the palette): true accepts.
    virtual bool dragMove(QDragMoveEvent*, QPointF) { return false; }
    virtual bool drop(QDropEvent*, QPointF) { return false; }
    /// Drops the gesture's preview; the document stays as it was before the gesture.
    virtual void cancel() {}
    /// Paints the gesture's feedback (guides, outlines, the connection being drawn) over the scene.
    virtual void paintOverlay(QPainter*, const QRectF&) {}

private:
    DiagramCanvas& m_canvas;
};

} // namespace runway::modeler::canvas

namespace runway::modeler::canvas {

/// Adds the editing gestures to a canvas that has an editor (DocumentView does this for each of
/// its canvases). The order decides who gets a press first: handles before bodies.
void installEditingGestures(DiagramCanvas& canvas);

} // namespace runway::modeler::canvas
