// DiagramCanvas following an edit: only the items of the shapes and edges a change set touched are
// made again, so moving one element of a 10,000-node diagram costs as much as moving it in a
// 10-node one. A broad edit (auto-layout, moving a pool with everything in it) rebuilds.
#include "runway/modeler/canvas/DiagramCanvas.h"

#include "runway/core/Di.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/Minimap.h"

#include <QGraphicsScene>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace runway::modeler::canvas {

namespace {

constexpr qreal kSceneMargin = 200; ///< as in DiagramCanvas.cpp: room beyond the diagram's edges
constexpr int kMinimapDelayMs = 300;

bool isDiShape(const core::Element* e)
{
    return e->type == core::BpmnType::BPMNShape || e->type == core::BpmnType::BPMNEdge;
}

/// The edit touches this many items or more: building them all again is as cheap, and simpler.
qsizetype broadLimit(qsizetype items)
{
    return std::max<qsizetype>(64, items / 4);
}

} // namespace

void DiagramCanvas::indexItem(ElementItem* item)
{
    m_byDi.insert(item->item().di, item);
    const QString id = item->elementId();
    if (id.isEmpty())
        return;
    if (const ElementItem* other = m_byId.value(id); !other)
        m_byId.insert(id, item);
    else if (other != item)
        m_shownTwice.insert(id);
}

void DiagramCanvas::removeItem(ElementItem* item)
{
    m_byDi.remove(item->item().di);
    const QString id = item->elementId();
    if (m_byId.value(id) == item) {
        m_byId.remove(id);
        // Another shape of the same element (shown twice) stands for it now.
        if (m_shownTwice.contains(id))
            for (ElementItem* other : std::as_const(m_byDi))
                if (other != item && other->elementId() == id) {
                    m_byId.insert(id, other);
                    break;
                }
    }
    scene()->removeItem(item);
    delete item;
}

const notation::DiagramScene& DiagramCanvas::notationScene() const
{
    if (m_notationDirty) {
        std::vector<const ElementItem*> items;
        items.reserve(std::size_t(m_byDi.size()));
        for (const ElementItem* e : std::as_const(m_byDi))
            items.push_back(e);
        std::sort(items.begin(), items.end(), [](const ElementItem* a, const ElementItem* b) {
            return std::pair(a->zValue(), a->order()) < std::pair(b->zValue(), b->order());
        });
        m_notation.items.clear();
        m_notation.items.reserve(items.size());
        for (const ElementItem* e : items)
            m_notation.items.push_back(e->item());
        m_notationDirty = false;
    }
    return m_notation;
}

void DiagramCanvas::applyChanges(const core::ChangeSet& changes)
{
    if (changes.empty())
        return;
    const core::Element* plane = core::di::plane(m_diagram);
    if (!plane) {
        rebuild();
        return;
    }
    QSet<const core::Element*> touched; // BPMNShapes and BPMNEdges, of any diagram
    QSet<QString> semantic;             // ids of semantic elements whose look may have changed
    const qsizetype limit = broadLimit(m_byDi.size());
    bool broad = false;

    // The DI element a node belongs to; the diagram or its plane themselves make the edit broad.
    auto classify = [&](const core::Element* e) {
        for (const core::Element* up = e; up; up = up->parent) {
            if (up == plane || up == m_diagram) {
                broad = broad || up == e; // the plane or diagram itself changed
                return true;
            }
            if (isDiShape(up)) {
                touched.insert(up);
                return true;
            }
            if (up->isBpmn() && !up->id().empty() && up->type != core::BpmnType::BPMNDiagram &&
                up->type != core::BpmnType::BPMNPlane && up->type != core::BpmnType::BPMNLabel) {
                semantic.insert(QString::fromUtf8(up->id().data(), qsizetype(up->id().size())));
                return true;
            }
        }
        return false; // a detached node: its parent in the change tells
    };
    for (const core::Change& c : changes.changes) {
        if (c.kind == core::Change::Kind::Inserted || c.kind == core::Change::Kind::Removed) {
            if (c.element == plane || c.element == m_diagram)
                broad = true;
            else if (isDiShape(c.element))
                touched.insert(c.element);
            else if (c.parent && (c.parent == plane || c.parent == m_diagram) && c.element->isElement())
                broad = true; // something other than a shape or edge came or went in the plane
            else if (c.parent)
                classify(c.parent);
            if (c.element->isBpmn() && !c.element->id().empty() && !isDiShape(c.element))
                semantic.insert(QString::fromUtf8(c.element->id().data(), qsizetype(c.element->id().size())));
        } else {
            classify(c.element);
            // A reference that changed (a gateway's default flow, attachedToRef): both ends may look different.
            if (c.kind == core::Change::Kind::AttributeSet && c.qname != "id" && c.qname != "name") {
                for (const std::string* v : {&c.oldValue, &c.newValue})
                    if (!v->empty() && v->size() < 200) {
                        const QString ref = QString::fromStdString(*v);
                        if (m_byId.contains(ref))
                            semantic.insert(ref);
                    }
            }
        }
        if (broad || touched.size() + semantic.size() > 2 * limit) { // most ids name a shape and its element
            rebuild();
            return;
        }
    }
    for (const QString& id : std::as_const(semantic))
        for (const core::Element* di : m_doc.diFor(id.toStdString()))
            if (isDiShape(di))
                touched.insert(di);
    if (touched.size() > limit) {
        rebuild();
        return;
    }

    QGraphicsScene* s = scene();
    QSet<QString> ids; // the elements whose items were made again, added or removed (their badges move)
    QRectF dirty; // where labels may have changed
    QRectF grown = m_notation.bounds;
    bool changed = false;
    for (const core::Element* di : std::as_const(touched)) {
        ElementItem* item = m_byDi.value(di);
        const bool shown = di->parent == plane;
        std::optional<notation::NotationItem> made;
        if (shown)
            made = notation::makeItem(m_doc, di);
        if (item) {
            dirty = dirty.united(item->boundingRect());
            ids.insert(item->elementId());
            if (!made) {
                removeItem(item);
                changed = true;
                continue;
            }
            const QString oldId = item->elementId();
            item->setItem(*made);
            if (oldId != item->elementId()) {
                if (m_byId.value(oldId) == item)
                    m_byId.remove(oldId);
                indexItem(item);
            }
        } else if (made) {
            item = new ElementItem(*made, m_nextOrder++, m_painter);
            s->addItem(item);
            indexItem(item);
        } else {
            continue;
        }
        changed = true;
        ids.insert(item->elementId());
        dirty = dirty.united(item->boundingRect());
        grown = grown.united(m_painter.boundingRect(item->item()));
    }
    if (!changed)
        return;
    m_notationDirty = true;
    if (grown != m_notation.bounds) {
        m_notation.bounds = grown;
        const QRectF wanted = grown.adjusted(-kSceneMargin, -kSceneMargin, kSceneMargin, kSceneMargin);
        if (!s->sceneRect().contains(wanted)) {
            s->setSceneRect(s->sceneRect().united(wanted));
            m_labels->setRect(s->sceneRect());
        }
    }
    if (!dirty.isEmpty())
        m_labels->update(dirty.adjusted(-LabelLayer::kReach, -LabelLayer::kReach, LabelLayer::kReach, LabelLayer::kReach));
    if (!m_badges.isEmpty() || !m_problems.empty()) {
        // The badges of the elements changed follow them; the others stay (a file with thousands
        // of warnings must not pay for them on every nudge).
        for (auto it = m_badges.begin(); it != m_badges.end();) {
            if (ids.contains((*it)->data(0).toString())) {
                delete *it;
                it = m_badges.erase(it);
            } else {
                ++it;
            }
        }
        addBadges(&ids);
    }
    // The overview is drawn again a moment after the last edit, not on every nudge.
    if (!m_minimapTimer) {
        m_minimapTimer = new QTimer(this);
        m_minimapTimer->setSingleShot(true);
        m_minimapTimer->setInterval(kMinimapDelayMs);
        connect(m_minimapTimer, &QTimer::timeout, m_minimap, &Minimap::invalidate);
    }
    m_minimapTimer->start();
    updateMinimap();
}

} // namespace runway::modeler::canvas
