// Resizing the one selected activity, sub-process, pool, lane, group or text annotation by one of
// its eight handles. The moving edges snap to the grid, the shape keeps a minimum size, and the
// release is one Modeling::resize (one undo step); Escape leaves the document as it was.
#include "SelectionGestures.h"

#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/Editor.h"

#include <QMouseEvent>
#include <QPainter>

#include <array>
#include <cmath>

namespace runway::modeler::canvas {

namespace {

using notation::Symbol;

constexpr qreal kHandlePx = 8;   ///< a handle's size on screen
constexpr qreal kHitPx = 6;      ///< how far from a handle's centre a press still takes it
const QColor kHandle(0x1e, 0x88, 0xe5);

/// The smallest size a shape may be resized to (bpmn.io's limits, roughly).
QSizeF minimumSize(const notation::NotationItem& item)
{
    switch (item.symbol) {
    case Symbol::Participant:
    case Symbol::Lane: return item.horizontal ? QSizeF(300, 60) : QSizeF(60, 300); // upright in a vertical pool
    case Symbol::Group: return {60, 40};
    case Symbol::TextAnnotation: return {50, 30};
    case Symbol::Activity: return item.expanded ? QSizeF(140, 120) : QSizeF(50, 40);
    default: return {20, 20};
    }
}

bool resizable(const notation::NotationItem& item)
{
    switch (item.symbol) {
    case Symbol::Activity:
    case Symbol::Participant:
    case Symbol::Lane:
    case Symbol::Group:
    case Symbol::TextAnnotation: return true;
    default: return false;
    }
}

/// Handle i: which edges it moves (-1 left/top, 1 right/bottom, 0 neither), corners then middles.
constexpr std::array<std::pair<int, int>, 8> kHandles{
    {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {0, -1}, {1, 0}, {0, 1}, {-1, 0}}};

QPointF handlePoint(const QRectF& r, int i)
{
    const auto [hx, hy] = kHandles[std::size_t(i)];
    return {hx < 0 ? r.left() : hx > 0 ? r.right() : r.center().x(),
            hy < 0 ? r.top() : hy > 0 ? r.bottom() : r.center().y()};
}

Qt::CursorShape cursorFor(int i)
{
    const auto [hx, hy] = kHandles[std::size_t(i)];
    if (hx == 0)
        return Qt::SizeVerCursor;
    if (hy == 0)
        return Qt::SizeHorCursor;
    return hx == hy ? Qt::SizeFDiagCursor : Qt::SizeBDiagCursor;
}

qreal snap(qreal v)
{
    return std::round(v / DiagramCanvas::kGrid) * DiagramCanvas::kGrid;
}

class ResizeGesture : public CanvasGesture {
public:
    using CanvasGesture::CanvasGesture;

    bool press(QMouseEvent* event, QPointF at) override
    {
        if (event->button() != Qt::LeftButton || !canvas().canEdit())
            return false;
        const ElementItem* item = target();
        const int h = item ? handleAt(item->item().bounds, at) : -1;
        if (h < 0 || coveredAt(*item, event->position().toPoint()))
            return false;
        m_id = item->elementId();
        m_handle = h;
        m_from = item->item().bounds;
        m_to = m_from;
        m_min = minimumSize(item->item());
        return true;
    }

    void move(QMouseEvent*, QPointF at) override
    {
        if (m_handle < 0)
            return;
        const auto [hx, hy] = kHandles[std::size_t(m_handle)];
        QRectF r = m_from;
        if (hx < 0)
            r.setLeft(std::min(snap(at.x()), r.right() - m_min.width()));
        else if (hx > 0)
            r.setRight(std::max(snap(at.x()), r.left() + m_min.width()));
        if (hy < 0)
            r.setTop(std::min(snap(at.y()), r.bottom() - m_min.height()));
        else if (hy > 0)
            r.setBottom(std::max(snap(at.y()), r.top() + m_min.height()));
        m_to = r;
        canvas().viewport()->update();
    }

    void release(QMouseEvent*, QPointF) override
    {
        if (m_handle < 0)
            return;
        const QRectF to = m_to, from = m_from;
        const QString id = m_id;
        cancel();
        if (to == from)
            return;
        Editor& ed = *canvas().editor();
        if (core::Element* e = ed.element(id))
            ed.apply(ed.modeling().resize(e, {to.x(), to.y(), to.width(), to.height()}), QObject::tr("Resize"));
    }

    void cancel() override
    {
        m_handle = -1;
        m_id.clear();
        canvas().viewport()->update();
    }

    bool hover(QMouseEvent*, QPointF at) override
    {
        const ElementItem* item = canvas().canEdit() ? target() : nullptr;
        const int h = item ? handleAt(item->item().bounds, at) : -1;
        if (h >= 0) {
            canvas().viewport()->setCursor(cursorFor(h));
            m_cursorSet = true;
            return true;
        }
        if (m_cursorSet) {
            canvas().viewport()->unsetCursor();
            m_cursorSet = false;
        }
        return false;
    }

    void paintOverlay(QPainter* p, const QRectF&) override
    {
        const ElementItem* item = canvas().canEdit() ? target() : nullptr;
        if (!item && m_handle < 0)
            return;
        p->save();
        if (m_handle >= 0) {
            QPen pen(kHandle, 1.5, Qt::DashLine);
            pen.setCosmetic(true);
            p->setPen(pen);
            p->setBrush(Qt::NoBrush);
            p->drawRect(m_to);
        }
        if (item) {
            const qreal half = kHandlePx / 2 / canvas().zoom();
            QPen pen(kHandle, 1);
            pen.setCosmetic(true);
            p->setPen(pen);
            p->setBrush(Qt::white);
            const QRectF r = m_handle >= 0 ? m_to : item->item().bounds;
            for (int i = 0; i < int(kHandles.size()); ++i) {
                const QPointF c = handlePoint(r, i);
                p->drawRect(QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half));
            }
        }
        p->restore();
    }

private:
    /// The one selected shape that has handles, or null.
    const ElementItem* target() const
    {
        const QStringList ids = canvas().selectedElementIds();
        if (ids.size() != 1)
            return nullptr;
        const ElementItem* item = canvas().itemFor(ids.front());
        return item && resizable(item->item()) ? item : nullptr;
    }

    /// Whether a shape above the target (a boundary event on its border) is under the point: that
    /// shape gets the press. Flows over a handle do not count (they end where the handles are).
    bool coveredAt(const ElementItem& target, QPoint viewportPos) const
    {
        // Lanes share their edges with their neighbours and their pool: on the edge of a selected
        // lane or pool, the other lanes and pools do not cover its handles.
        const auto pooled = [](const ElementItem& e) {
            return e.item().symbol == Symbol::Lane || e.item().symbol == Symbol::Participant;
        };
        for (QGraphicsItem* g : canvas().items(viewportPos)) {
            if (g == &target)
                return false;
            if (g->type() != ElementItem::Type)
                continue;
            const auto* e = static_cast<const ElementItem*>(g);
            if (!e->item().isEdge() && !(pooled(target) && pooled(*e)))
                return true;
        }
        return false;
    }

    int handleAt(const QRectF& r, QPointF at) const
    {
        const qreal reach = kHitPx / canvas().zoom();
        for (int i = 0; i < int(kHandles.size()); ++i) {
            const QPointF d = handlePoint(r, i) - at;
            if (std::abs(d.x()) <= reach && std::abs(d.y()) <= reach)
                return i;
        }
        return -1;
    }

    QString m_id;
    int m_handle = -1;
    QRectF m_from, m_to;
    QSizeF m_min;
    bool m_cursorSet = false;
};

} // namespace

std::unique_ptr<CanvasGesture> makeResizeGesture(DiagramCanvas& canvas)
{
    return std::make_unique<ResizeGesture>(canvas);
}

} // namespace runway::modeler::canvas
