#include "runway/modeler/canvas/DiagramCanvas.h"

#include "runway/modeler/canvas/CanvasGesture.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/ConnectGesture.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/canvas/Minimap.h"

#include <QDropEvent>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <map>

namespace runway::modeler::canvas {

namespace {
constexpr qreal kSceneMargin = 200; ///< room to scroll beyond the diagram's edges
}

DiagramCanvas::DiagramCanvas(const core::Document& doc, const core::Element* diagram,
                             const notation::NotationPainter& painter, QWidget* parent)
    : QGraphicsView(parent), m_doc(doc), m_diagram(diagram), m_painter(painter)
{
    setObjectName(QStringLiteral("diagramCanvas"));
    auto* scene = new QGraphicsScene(this);
    scene->setBackgroundBrush(painter.style().background);
    setScene(scene);
    setAcceptDrops(true); // elements dragged from the palette (CanvasGesture::drop)
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    // Items draw inside their bounding rectangles (which include the pen and a selection margin),
    // so the view need not widen every exposed rectangle for antialiasing.
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing, true);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::RubberBandDrag);
    setFocusPolicy(Qt::StrongFocus);
    connect(scene, &QGraphicsScene::selectionChanged, this,
            [this] { emit selectedElementChanged(selectedElementId()); });

    m_minimap = new Minimap(this);
    populate();
    placeMinimap();
}

DiagramCanvas::~DiagramCanvas()
{
    // Items go first. The view lets go of the scene before:
    // while attached, it adds each removed item's rectangle to its update region, a cost that grows
    // faster than the number of items (40 % of a 1,000-node file's whole open-and-close under
    // callgrind).
    QGraphicsScene* s = scene();
    s->disconnect(this); // no selection news from a canvas being destroyed
    setScene(nullptr);
    delete s;
}

void DiagramCanvas::populate()
{
    QGraphicsScene* s = scene();
    setScene(nullptr); // emptied and refilled detached, for the reason given in the destructor
    m_byId.clear();
    m_byDi.clear();
    m_shownTwice.clear();
    m_badges.clear();
    s->clear();
    ++m_rebuilds;
    m_notation = notation::buildScene(m_doc, m_diagram, m_painter);
    m_notationDirty = false;
    // The scene's rectangle first: otherwise every item added grows it again.
    const QRectF bounds = m_notation.bounds.isEmpty() ? QRectF(0, 0, 400, 300) : m_notation.bounds;
    s->setSceneRect(bounds.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin));
    m_byId.reserve(qsizetype(m_notation.items.size()));
    m_byDi.reserve(qsizetype(m_notation.items.size()));
    int order = 0;
    for (const notation::NotationItem& item : m_notation.items) {
        auto* body = new ElementItem(item, order++, m_painter);
        s->addItem(body);
        indexItem(body);
    }
    m_nextOrder = order;
    m_labels = new LabelLayer(s->sceneRect(), m_painter);
    s->addItem(m_labels);
    setScene(s);
    addBadges();
    m_minimap->invalidate();
}

void DiagramCanvas::rebuild()
{
    const QStringList selected = selectedElementIds();
    const QPointF centre = mapToScene(viewport()->rect().center());
    populate();
    centerOn(centre);
    if (!selected.isEmpty())
        selectElements(selected);
}

qreal DiagramCanvas::zoom() const
{
    return transform().m11();
}

void DiagramCanvas::setZoom(qreal factor, const QPoint* anchor)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    const QPoint viewPos = anchor ? *anchor : viewport()->rect().center();
    const QPointF scenePos = mapToScene(viewPos);
    setTransform(QTransform::fromScale(factor, factor));
    // Bring the anchored diagram point back under the same viewport pixel.
    const QPointF moved = mapFromScene(scenePos);
    const QPointF delta = moved - QPointF(viewPos);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(delta.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(delta.y()));
    updateMinimap();
    emit zoomChanged(factor);
}

void DiagramCanvas::zoomIn()
{
    m_autoFit = false;
    setZoom(zoom() * kZoomStep);
}

void DiagramCanvas::zoomOut()
{
    m_autoFit = false;
    setZoom(zoom() / kZoomStep);
}

void DiagramCanvas::zoomToActualSize()
{
    m_autoFit = false;
    setZoom(1.0);
}

void DiagramCanvas::fitToWindow()
{
    const QRectF bounds = m_notation.bounds.isEmpty() ? sceneRect() : m_notation.bounds.adjusted(-20, -20, 20, 20);
    const QSize room = viewport()->size();
    if (room.isEmpty() || bounds.isEmpty())
        return;
    const qreal factor = std::min({room.width() / bounds.width(), room.height() / bounds.height(), 1.0});
    setZoom(factor);
    centerOn(bounds.center());
    m_autoFit = true;
    updateMinimap();
}

bool DiagramCanvas::selectElement(const QString& id, bool reveal)
{
    ElementItem* item = m_byId.value(id);
    if (!item)
        return false;
    scene()->clearSelection();
    item->setSelected(true);
    if (reveal) {
        const QRectF r = item->item().isEdge() ? item->item().waypoints.boundingRect() : item->item().bounds;
        centerOn(r.center());
    }
    return true;
}

QString DiagramCanvas::selectedElementId() const
{
    if (!scene()) // detached while populate() empties and refills it
        return {};
    const QList<QGraphicsItem*> selected = scene()->selectedItems();
    if (selected.isEmpty())
        return {};
    // Several when rubber-band selecting: the topmost one stands for them in the properties.
    const auto top = std::max_element(selected.begin(), selected.end(),
                                      [](const QGraphicsItem* a, const QGraphicsItem* b) { return a->zValue() < b->zValue(); });
    return (*top)->type() == ElementItem::Type ? static_cast<const ElementItem*>(*top)->elementId() : QString();
}

void DiagramCanvas::setProblems(const core::Diagnostics& diagnostics)
{
    m_problems = diagnostics;
    for (ProblemBadge* b : std::as_const(m_badges))
        delete b;
    m_badges.clear();
    addBadges();
}

void DiagramCanvas::addBadges(const QSet<QString>* only)
{
    struct Found {
        bool error = false;
        QStringList messages;
    };
    std::map<QString, Found> byElement;
    for (const core::Diagnostic& d : m_problems) {
        if (d.elementId.empty())
            continue;
        const QString id = QString::fromStdString(d.elementId);
        if (!m_byId.contains(id) || (only && !only->contains(id)))
            continue;
        Found& f = byElement[id];
        f.error = f.error || d.isError();
        f.messages << QString::fromStdString(d.message);
    }
    for (const auto& [id, found] : byElement) {
        const ElementItem* item = m_byId.value(id);
        const QRectF r = item->item().isEdge() ? item->item().waypoints.boundingRect() : item->item().bounds;
        auto* badge = new ProblemBadge(r, found.error, found.messages.join(QLatin1Char('\n')));
        badge->setData(0, id);
        scene()->addItem(badge);
        m_badges << badge;
    }
}

QString DiagramCanvas::elementIdAt(const QPoint& viewportPos) const
{
    for (QGraphicsItem* item : items(viewportPos))
        if (item->type() == ElementItem::Type)
            return static_cast<const ElementItem*>(item)->elementId();
    return {};
}

void DiagramCanvas::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y();
        if (steps != 0) {
            m_autoFit = false;
            const QPoint anchor = event->position().toPoint();
            setZoom(zoom() * std::pow(kZoomStep, steps / 120.0), &anchor);
        }
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DiagramCanvas::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        m_autoFit = false;
        setDragMode(QGraphicsView::ScrollHandDrag);
        setInteractive(false);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space) {
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::ZoomIn) || (event->key() == Qt::Key_Plus && event->modifiers() == Qt::NoModifier)) {
        zoomIn();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut) || (event->key() == Qt::Key_Minus && event->modifiers() == Qt::NoModifier)) {
        zoomOut();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_active) {
        cancelGesture();
        event->accept();
        return;
    }
    for (auto& g : m_gestures)
        if (g->key(event)) {
            event->accept();
            return;
        }
    QGraphicsView::keyPressEvent(event);
}

void DiagramCanvas::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        setInteractive(true);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramCanvas::focusOutEvent(QFocusEvent* event)
{
    cancelGesture(); // a drag that loses the focus (another window, a dialog) changes nothing
    // A space released elsewhere must not leave the canvas in pan mode.
    if (m_spaceHeld) {
        m_spaceHeld = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        setInteractive(true);
    }
    QGraphicsView::focusOutEvent(event);
}

void DiagramCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        m_middlePanning = true;
        m_autoFit = false;
        m_lastPanPos = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (!m_spaceHeld && !m_active) {
        const QPointF at = mapToScene(event->position().toPoint());
        for (auto& g : m_gestures)
            if (g->press(event, at)) {
                m_active = g.get();
                event->accept();
                return;
            }
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (m_middlePanning) {
        const QPoint pos = event->position().toPoint();
        const QPoint delta = pos - m_lastPanPos;
        m_lastPanPos = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    const QPointF at = mapToScene(event->position().toPoint());
    if (m_active) {
        m_active->move(event, at);
        event->accept();
        return;
    }
    if (event->buttons() == Qt::NoButton && !m_spaceHeld)
        for (auto& g : m_gestures)
            if (g->hover(event, at))
                break;
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton && m_middlePanning) {
        m_middlePanning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    if (m_active) {
        CanvasGesture* g = m_active;
        m_active = nullptr;
        g->release(event, mapToScene(event->position().toPoint()));
        viewport()->update();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPointF at = mapToScene(event->position().toPoint());
    for (auto& g : m_gestures)
        if (g->doubleClick(event, at)) {
            event->accept();
            return;
        }
    if (event->button() == Qt::LeftButton) {
        const QString id = elementIdAt(event->position().toPoint());
        if (!id.isEmpty()) {
            emit elementActivated(id);
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void DiagramCanvas::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
    if (m_autoFit)
        fitToWindow();
    updateMinimap();
}

void DiagramCanvas::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    updateMinimap(); // the rectangle moves; the overview pixmap stays
}

void DiagramCanvas::setMinimapEnabled(bool enabled)
{
    m_minimapEnabled = enabled;
    updateMinimap();
}

void DiagramCanvas::updateMinimap()
{
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const bool needed = m_minimapEnabled && !m_notation.bounds.isEmpty() && !visible.contains(m_notation.bounds);
    if (m_minimap->isVisibleTo(this) != needed)
        m_minimap->setVisible(needed);
    if (needed)
        m_minimap->update();
}

void DiagramCanvas::placeMinimap()
{
    const QRect vp = viewport()->geometry();
    const QSizeF diagram = m_notation.bounds.isEmpty() ? QSizeF(4, 3) : m_notation.bounds.size();
    const qreal maxW = std::min(220, vp.width() / 4), maxH = std::min(160, vp.height() / 4);
    const qreal scale = std::min(maxW / diagram.width(), maxH / diagram.height());
    const QSize size(std::max(24, qRound(diagram.width() * scale) + 8), std::max(24, qRound(diagram.height() * scale) + 8));
    if (size != m_minimap->size())
        m_minimap->resize(size);
    m_minimap->move(vp.right() - size.width() - 8, vp.bottom() - size.height() - 8);
    m_minimap->raise();
}

void DiagramCanvas::setEditor(Editor* editor)
{
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    m_editor = editor;
    if (m_editor)
        connect(m_editor, &Editor::readOnlyChanged, this, [this] {
            cancelGesture(); // a drag in progress when the simulation starts changes nothing
            viewport()->update(); // resize handles come and go
        });
}

QStringList DiagramCanvas::selectedElementIds() const
{
    QList<ElementItem*> items;
    for (QGraphicsItem* g : scene()->selectedItems())
        if (g->type() == ElementItem::Type)
            items << static_cast<ElementItem*>(g);
    std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->order() < b->order(); });
    QStringList ids;
    for (ElementItem* e : items)
        if (!ids.contains(e->elementId()))
            ids << e->elementId();
    return ids;
}

QRect DiagramCanvas::viewportRectOf(const QString& id) const
{
    const ElementItem* item = itemFor(id);
    if (!item)
        return {};
    return mapFromScene(item->sceneBoundingRect()).boundingRect();
}

void DiagramCanvas::addGesture(std::unique_ptr<CanvasGesture> gesture)
{
    m_gestures.push_back(std::move(gesture));
}

void DiagramCanvas::cancelGesture()
{
    if (!m_active)
        return;
    CanvasGesture* g = m_active;
    m_active = nullptr;
    g->cancel();
    viewport()->update();
}

void DiagramCanvas::dragEnterEvent(QDragEnterEvent* event)
{
    dragMoveEvent(event);
}

void DiagramCanvas::dragMoveEvent(QDragMoveEvent* event)
{
    const QPointF at = mapToScene(event->position().toPoint());
    for (auto& g : m_gestures)
        if (g->dragMove(event, at)) {
            event->acceptProposedAction();
            return;
        }
    event->ignore();
}

void DiagramCanvas::dropEvent(QDropEvent* event)
{
    const QPointF at = mapToScene(event->position().toPoint());
    for (auto& g : m_gestures)
        if (g->drop(event, at)) {
            event->acceptProposedAction();
            return;
        }
    event->ignore();
}

void DiagramCanvas::drawForeground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawForeground(painter, rect);
    for (auto& g : m_gestures)
        g->paintOverlay(painter, rect);
}

void DiagramCanvas::beginConnect(const QString& sourceId, core::modeling::FlowType type)
{
    if (ConnectGesture* g = ConnectGesture::of(*this))
        g->begin(sourceId, type);
}

} // namespace runway::modeler::canvas
