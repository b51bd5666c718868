#include "runway/modeler/notation/DiagramPainter.h"

#include "runway/core/Di.h"

#include <QPainter>

#include <algorithm>

namespace runway::modeler::notation {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

/// How deeply the semantic element is nested: containers are painted before what they contain.
int depthOf(const core::Element* e)
{
    int d = 0;
    for (const core::Element* p = e ? e->parent : nullptr; p; p = p->parent)
        ++d;
    return d;
}

} // namespace

const core::Element* findDiagram(const core::Document& doc, std::string_view id)
{
    const auto diagrams = doc.diagrams();
    if (id.empty())
        return diagrams.empty() ? nullptr : diagrams.front();
    if (id.find_first_not_of("0123456789") == std::string_view::npos) {
        std::size_t n = 0;
        for (char c : id) {
            n = n * 10 + std::size_t(c - '0');
            if (n > diagrams.size())
                return nullptr;
        }
        return n >= 1 ? diagrams[n - 1] : nullptr;
    }
    for (const core::Element* d : diagrams)
        if (d->id() == id)
            return d;
    return nullptr;
}

DiagramScene buildScene(const core::Document& doc, const core::Element* diagram, const NotationPainter& painter)
{
    DiagramScene scene;
    scene.diagram = diagram;
    if (!diagram)
        return scene;
    scene.diagramId = qs(diagram->id());
    scene.diagramName = qs(diagram->name());
    struct Keyed {
        int layer, depth;
        qreal area; // larger shapes first within a layer, so that none hides a smaller one
        std::size_t order;
    };
    std::vector<std::pair<Keyed, NotationItem>> items;
    for (const core::Element* de : core::di::diagramElements(core::di::plane(diagram))) {
        auto item = makeItem(doc, de);
        if (!item)
            continue;
        const bool nested = item->layer == 1 || item->layer == 2;
        const qreal area = item->isEdge() ? 0 : item->bounds.width() * item->bounds.height();
        items.push_back({{item->layer, nested ? depthOf(item->element) : 0, -area, items.size()}, std::move(*item)});
    }
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first.layer, a.first.depth, a.first.area, a.first.order) <
               std::tie(b.first.layer, b.first.depth, b.first.area, b.first.order);
    });
    scene.items.reserve(items.size());
    for (auto& entry : items)
        scene.items.push_back(std::move(entry.second));
    // The bodies' union first; then a label is laid out only when its cheap reach is not inside
    // that union already (laying out every label of a 50,000-node diagram costs a second, and
    // only labels at the diagram's rim can widen it). Same result as uniting every boundingRect.
    for (const auto& item : scene.items)
        scene.bounds = scene.bounds.united(painter.boundingRect(item, Part::Body));
    const QRectF bodies = scene.bounds;
    for (const auto& item : scene.items) {
        const QRectF reach = painter.labelReach(item);
        if (!reach.isEmpty() && !bodies.contains(reach))
            scene.bounds = scene.bounds.united(painter.boundingRect(item, Part::Label));
    }
    return scene;
}

void paintScene(QPainter& p, const DiagramScene& scene, const NotationPainter& painter)
{
    for (const auto& item : scene.items)
        painter.paint(p, item, Part::Body);
    for (const auto& item : scene.items)
        painter.paint(p, item, Part::Label);
}

} // namespace runway::modeler::notation
