// An overview of the whole diagram in a corner of the canvas, with the part in view outlined.
// The diagram is drawn once into a pixmap (outlines only); scrolling and zooming only move the
// rectangle, so a 50,000-element diagram costs nothing per frame. Click or drag to move the view.
#pragma once

#include <QPixmap>
#include <QWidget>

namespace runway::modeler::canvas {

class DiagramCanvas;

class Minimap : public QWidget {
    Q_OBJECT
public:
    explicit Minimap(DiagramCanvas* canvas);

    /// Draws the overview again (the diagram changed or the minimap was resized).
    void invalidate();
    /// How many times the overview pixmap was drawn (the tests check it is not on every scroll).
    int renderCount() const { return m_renderCount; }
    /// The part of the diagram in view, in minimap pixels.
    QRectF viewRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void render();
    QTransform toMinimap() const;
    void centreAt(const QPointF& minimapPos);

    DiagramCanvas* m_canvas;
    QPixmap m_pixmap;
    bool m_dirty = true;
    int m_renderCount = 0;
};

} // namespace runway::modeler::canvas
