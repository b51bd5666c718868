#include "runway/modeler/canvas/Minimap.h"

#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace runway::modeler::canvas {

namespace {
constexpr int kPadding = 4;
}

Minimap::Minimap(DiagramCanvas* canvas) : QWidget(canvas), m_canvas(canvas)
{
    setObjectName(QStringLiteral("minimap"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
}

void Minimap::invalidate()
{
    m_dirty = true;
    update();
}

QTransform Minimap::toMinimap() const
{
    const QRectF bounds = m_canvas->diagramBounds(); // not notationScene(): its items may be rebuilt
    if (bounds.isEmpty())
        return {};
    const QRectF room = QRectF(rect()).adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const qreal scale = std::min(room.width() / bounds.width(), room.height() / bounds.height());
    QTransform t;
    t.translate(room.left() + (room.width() - bounds.width() * scale) / 2,
                room.top() + (room.height() - bounds.height() * scale) / 2);
    t.scale(scale, scale);
    t.translate(-bounds.left(), -bounds.top());
    return t;
}

void Minimap::render()
{
    const qreal dpr = devicePixelRatioF();
    m_pixmap = QPixmap(size() * dpr);
    m_pixmap.setDevicePixelRatio(dpr);
    m_pixmap.fill(Qt::transparent);
    QPainter p(&m_pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setTransform(toMinimap());
    const QColor stroke(0x60, 0x64, 0x6c);
    for (const notation::NotationItem& item : m_canvas->notationScene().items)
        paintOutline(p, item, stroke);
    m_dirty = false;
    ++m_renderCount;
}

QRectF Minimap::viewRect() const
{
    const QRectF visible = m_canvas->mapToScene(m_canvas->viewport()->rect()).boundingRect();
    return toMinimap().mapRect(visible).intersected(QRectF(rect()));
}

void Minimap::paintEvent(QPaintEvent*)
{
    if (m_dirty || m_pixmap.size() != size() * devicePixelRatioF())
        render();
    QPainter p(this);
    p.fillRect(rect(), QColor(255, 255, 255, 230));
    p.setPen(QColor(0xb0, 0xb4, 0xbc));
    p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    p.drawPixmap(0, 0, m_pixmap);
    const QRectF view = viewRect();
    if (!view.isEmpty()) {
        p.setPen(QPen(QColor(0x1e, 0x88, 0xe5), 1.5));
        p.setBrush(QColor(0x1e, 0x88, 0xe5, 40));
        p.drawRect(view);
    }
}

void Minimap::centreAt(const QPointF& minimapPos)
{
    bool invertible = false;
    const QTransform back = toMinimap().inverted(&invertible);
    if (invertible)
        m_canvas->centerOn(back.map(minimapPos));
    update();
}

void Minimap::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        centreAt(event->position());
}

void Minimap::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        centreAt(event->position());
}

} // namespace runway::modeler::canvas
