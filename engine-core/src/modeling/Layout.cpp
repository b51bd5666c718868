// Auto-layout: a layered (Sugiyama-style) left-to-right layout producing complete DI.
#include "runway/core/modeling/Layout.h"

#include "runway/core/Semantics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace runway::core::modeling {

namespace {

/// How wide the notation wraps a flow's name (NotationStyle::externalLabelWidth).
constexpr double kFlowLabelWidth = 90;

bool is(const Element* e, BpmnType t)
{
    return e && e->isA(t);
}
constexpr double kHeader = 30;
constexpr double kLaneIndent = 30;

bool placedAsNode(const Element* e)
{
    return (is(e, BpmnType::FlowNode) && !is(e, BpmnType::BoundaryEvent)) || is(e, BpmnType::DataObjectReference) ||
           is(e, BpmnType::DataStoreReference) || is(e, BpmnType::TextAnnotation);
}

/// Where a forward sequence flow's route may change level: in each layer it crosses, the slot its
/// dummy node holds (x: the gap before that layer's column, y: the slot's middle), and the gap
/// before the target's column. A node narrower than its column is centred in it, so a bend halfway
/// between the two shapes could fall inside a column, on a wider node of that column.
struct Via {
    std::vector<Point> turns;
    double lastGap = 0;
};

struct Placed {
    std::unordered_map<const Element*, Bounds> bounds;
    std::unordered_map<const Element*, bool> expanded;
    std::unordered_map<const Element*, Via> via; ///< by sequence flow
};

class Layouter {
public:
    Layouter(Modeling& m, const LayoutOptions& o) : m_m(m), m_doc(m.document()), m_o(o) {}

    /// Lays out a container's contents with their top-left at (0, 0). bands: the flow nodes of
    /// each lane, in lane order (empty: no lanes); bandHeights receives each band's height.
    /// Returns the size, and appends everything placed (nested too) to members.
    Size layout(Element* c, const std::vector<std::vector<const Element*>>& bands, std::vector<double>* bandHeights,
                std::vector<const Element*>& members)
    {
        struct N {
            Element* e; ///< null: a dummy, where a long edge passes a layer it crosses
            Size size;
            int layer = 0;
            double order = 0;
            std::vector<int> preds, succs;
            std::vector<const Element*> inner;
            const Element* bandFrom = nullptr; ///< a dummy's band is that of the edge's source
        };
        std::vector<N> nodes;
        std::vector<Element*> extras; // artifacts and data: a row below the graph
        std::unordered_map<const Element*, int> index;
        if (c->type == BpmnType::Process) // a process's own data inputs and outputs are drawn too
            if (Element* io = c->childOfType(BpmnType::InputOutputSpecification))
                for (Element* d : io->children())
                    if (d->type == BpmnType::DataInput || d->type == BpmnType::DataOutput)
                        extras.push_back(d);
        for (Element* e : c->children()) {
            if (!placedAsNode(e))
                continue;
            if (!is(e, BpmnType::FlowNode)) {
                extras.push_back(e);
                continue;
            }
            N n{e, defaultSize(e->type), 0, 0, {}, {}, {}, nullptr};
            if (is(e, BpmnType::SubProcess)) {
                const bool hasContent = !sem::flowNodes(e).empty();
                m_placed.expanded[e] = hasContent;
                if (hasContent) {
                    const Size inner = layout(e, {}, nullptr, n.inner);
                    n.size = {std::max(inner.width + 2 * m_o.padding, 150.0),
                              std::max(inner.height + 2 * m_o.padding, 100.0)};
                }
            }
            index[e] = static_cast<int>(nodes.size());
            nodes.push_back(std::move(n));
        }
        const int count = static_cast<int>(nodes.size());
        // Edges: sequence flows, a boundary event's flows counted from its activity.
        auto nodeOf = [&](const Element* e) -> int {
            if (is(e, BpmnType::BoundaryEvent))
                e = m_doc.resolve(e->attr("attachedToRef"));
            auto it = index.find(e);
            return it == index.end() ? -1 : it->second;
        };
        std::vector<std::pair<int, int>> edges;
        std::multimap<std::pair<int, int>, Element*> flowsOf; // forward edges from an activity or event itself
        for (Element* f : c->children())
            if (f->type == BpmnType::SequenceFlow) {
                const Element* source = m_doc.resolve(f->attr("sourceRef"));
                const int a = nodeOf(source), b = nodeOf(m_doc.resolve(f->attr("targetRef")));
                if (a >= 0 && b >= 0 && a != b) {
                    edges.emplace_back(a, b);
                    if (!is(source, BpmnType::BoundaryEvent)) // those leave from the bottom, as routed
                        flowsOf.emplace(std::pair{a, b}, f);
                }
            }
        // Break cycles: depth-first from the nodes nothing enters, reversing edges that go back.
        std::vector<std::vector<int>> out(count);
        std::vector<int> indeg(count, 0);
        for (auto [a, b] : edges)
            out[a].push_back(b), ++indeg[b];
        std::vector<int> state(count, 0); // 0 new, 1 on stack, 2 done
        std::vector<std::pair<int, int>> dag;
        auto dfs = [&](int root) {
            std::vector<std::pair<int, std::size_t>> stack{{root, 0}};
            state[root] = 1;
            while (!stack.empty()) {
                auto& [v, i] = stack.back();
                if (i < out[v].size()) {
                    const int w = out[v][i++];
                    if (state[w] == 1) {
                        dag.emplace_back(w, v); // a back edge, reversed
                    } else {
                        dag.emplace_back(v, w);
                        if (state[w] == 0) {
                            state[w] = 1;
                            stack.push_back({w, 0});
                        }
                    }
                } else {
                    state[v] = 2;
                    stack.pop_back();
                }
            }
        };
        for (int v = 0; v < count; ++v)
            if (indeg[v] == 0 && state[v] == 0)
                dfs(v);
        for (int v = 0; v < count; ++v)
            if (state[v] == 0)
                dfs(v);
        for (auto [a, b] : dag) {
            nodes[b].preds.push_back(a);
            nodes[a].succs.push_back(b);
        }
        // Longest-path layering in topological order.
        std::vector<int> in(count, 0), topo;
        for (auto [a, b] : dag)
            ++in[b];
        for (int v = 0; v < count; ++v)
            if (in[v] == 0)
                topo.push_back(v);
        for (std::size_t i = 0; i < topo.size(); ++i)
            for (int w : nodes[topo[i]].succs)
                if (--in[w] == 0)
                    topo.push_back(w);
        for (int v : topo)
            for (int w : nodes[v].succs)
                nodes[w].layer = std::max(nodes[w].layer, nodes[v].layer + 1);
        int layers = 0;
        for (const N& n : nodes)
            layers = std::max(layers, n.layer + 1);
        std::vector<std::vector<int>> byLayer(layers);
        for (int v : topo)
            byLayer[nodes[v].layer].push_back(v);
        // An edge that spans several layers gets a dummy node in each layer between its ends, as in
        // Sugiyama's method: the dummies take part in the ordering and hold a slot in their column,
        // and the edge is routed through those slots, so it is never drawn through a node of a
        // layer it crosses.
        struct Chain {
            int source, target;
            std::vector<int> dummies;
        };
        std::vector<Chain> chains; // every forward edge; those spanning layers get dummies
        for (int a = 0; a < count; ++a)
            for (int b : nodes[a].succs)
                chains.push_back({a, b, {}});
        for (Chain& ch : chains) {
            if (nodes[ch.target].layer - nodes[ch.source].layer < 2)
                continue;
            int prev = ch.source;
            for (int l = nodes[ch.source].layer + 1; l < nodes[ch.target].layer; ++l) {
                const int d = static_cast<int>(nodes.size());
                nodes.push_back(N{nullptr, {0, 10}, l, 0, {prev}, {}, {}, nodes[ch.source].e});
                if (prev == ch.source)
                    *std::find(nodes[prev].succs.begin(), nodes[prev].succs.end(), ch.target) = d;
                else
                    nodes[prev].succs.push_back(d);
                byLayer[static_cast<std::size_t>(l)].push_back(d);
                ch.dummies.push_back(d);
                prev = d;
            }
            nodes[prev].succs.push_back(ch.target);
            *std::find(nodes[ch.target].preds.begin(), nodes[ch.target].preds.end(), ch.source) = prev;
        }
        const auto all = nodes.size();
        for (auto& l : byLayer)
            for (std::size_t i = 0; i < l.size(); ++i)
                nodes[l[i]].order = static_cast<double>(i);
        // Crossing reduction: barycentres, down then up, twice.
        for (int sweep = 0; sweep < 4; ++sweep) {
            const bool down = sweep % 2 == 0;
            for (int li = 0; li < layers; ++li) {
                auto& l = byLayer[down ? li : layers - 1 - li];
                for (int v : l) {
                    const auto& nb = down ? nodes[v].preds : nodes[v].succs;
                    if (!nb.empty()) {
                        double s = 0;
                        for (int w : nb)
                            s += nodes[w].order;
                        nodes[v].order = s / static_cast<double>(nb.size());
                    }
                }
                std::stable_sort(l.begin(), l.end(), [&](int a, int b) { return nodes[a].order < nodes[b].order; });
                for (std::size_t i = 0; i < l.size(); ++i)
                    nodes[l[i]].order = static_cast<double>(i);
            }
        }
        // x: one column per layer. A gap that a named flow crosses is wide enough for its name, which
        // the notation draws at the flow's middle, wrapped to kFlowLabelWidth.
        std::vector<double> layerX(layers, 0), layerW(layers, 0), gapBefore(layers, m_o.layerGap);
        for (const N& n : nodes)
            layerW[n.layer] = std::max(layerW[n.layer], n.size.width);
        for (const auto& [ends, flow] : flowsOf)
            if (!flow->name().empty())
                for (int l = nodes[ends.first].layer + 1; l <= nodes[ends.second].layer; ++l)
                    gapBefore[l] = std::max(gapBefore[l], kFlowLabelWidth + 20);
        for (int l = 1; l < layers; ++l)
            layerX[l] = layerX[l - 1] + layerW[l - 1] + gapBefore[l];
        // y: in each band, a node keeps level with its predecessors where the column has room.
        std::unordered_map<const Element*, int> bandOf;
        for (std::size_t b = 0; b < bands.size(); ++b)
            for (const Element* e : bands[b])
                bandOf.emplace(e, static_cast<int>(b));
        const int bandCount = std::max<int>(1, static_cast<int>(bands.size()));
        std::vector<Bounds> box(all);
        double top = 0, bottom = 0;
        for (int b = 0; b < bandCount; ++b) {
            const double bandTop = top + (bands.empty() ? 0 : m_o.padding);
            double bandBottom = bandTop;
            std::vector<double> columnBottom(layers, bandTop - m_o.nodeGap);
            for (int l = 0; l < layers; ++l)
                for (int v : byLayer[l]) {
                    auto it = bandOf.find(nodes[v].e ? nodes[v].e : nodes[v].bandFrom);
                    if ((it == bandOf.end() ? 0 : it->second) != b)
                        continue;
                    const N& n = nodes[v];
                    double want = bandTop + n.size.height / 2;
                    int counted = 0;
                    double sum = 0;
                    for (int p : n.preds)
                        if (box[p].height > 0 && box[p].y >= bandTop) { // placed (a dummy has no width)
                            sum += box[p].y + box[p].height / 2;
                            ++counted;
                        }
                    if (counted)
                        want = sum / counted;
                    const double y = std::max(want - n.size.height / 2, columnBottom[l] + m_o.nodeGap);
                    box[v] = {layerX[l] + (layerW[l] - n.size.width) / 2, y, n.size.width, n.size.height};
                    columnBottom[l] = y + n.size.height;
                    bandBottom = std::max(bandBottom, y + n.size.height);
                }
            const double height =
                std::max(bandBottom + (bands.empty() ? 0 : m_o.padding + 20) - top, bands.empty() ? 0.0 : 120.0);
            if (bandHeights)
                bandHeights->push_back(height);
            top += height;
            bottom = std::max(bottom, top);
        }
        double right = layers ? layerX[layers - 1] + layerW[layers - 1] : 0;
        for (const Chain& ch : chains) {
            Via via;
            for (int d : ch.dummies)
                via.turns.push_back({layerX[nodes[d].layer] - gapBefore[nodes[d].layer] / 2, box[d].y + box[d].height / 2});
            via.lastGap = layerX[nodes[ch.target].layer] - gapBefore[nodes[ch.target].layer] / 2;
            // One flow per chain: two flows between the same nodes have a chain each.
            auto [from, to] = flowsOf.equal_range({ch.source, ch.target});
            for (auto it = from; it != to; ++it)
                if (m_placed.via.emplace(it->second, via).second) {
                    members.push_back(it->second); // shifted with the nodes
                    break;
                }
        }
        // Extras in a row below.
        double x = 0;
        const double rowY = bottom + (count ? m_o.nodeGap + 20 : 0);
        for (Element* e : extras) {
            const Size s = defaultSize(e->type);
            m_placed.bounds[e] = {x, rowY, s.width, s.height};
            members.push_back(e);
            x += s.width + m_o.nodeGap;
            bottom = std::max(bottom, rowY + s.height);
            right = std::max(right, x - m_o.nodeGap);
        }
        for (int v = 0; v < count; ++v) {
            N& n = nodes[v];
            m_placed.bounds[n.e] = box[v];
            members.push_back(n.e);
            for (const Element* inner : n.inner) // contents follow their sub-process
                shift(inner, box[v].x + m_o.padding, box[v].y + m_o.padding);
            members.insert(members.end(), n.inner.begin(), n.inner.end());
            // Boundary events on the bottom border, right to left.
            int i = 0;
            for (Element* be : m_m.boundaryEventsOf(n.e)) {
                const double cx =
                    box[v].x + box[v].width - 24 - 42 * (i % std::max(1, static_cast<int>(box[v].width / 42)));
                m_placed.bounds[be] = {cx - 18, box[v].y + box[v].height - 18, 36, 36};
                members.push_back(be);
                ++i;
            }
            bottom = std::max(bottom, box[v].y + box[v].height + 18);
        }
        return {right, bottom};
    }

    void shift(const Element* e, double dx, double dy)
    {
        if (auto v = m_placed.via.find(e); v != m_placed.via.end()) {
            for (Point& p : v->second.turns)
                p = {p.x + dx, p.y + dy};
            v->second.lastGap += dx;
            return;
        }
        Bounds& b = m_placed.bounds[e];
        b.x += dx;
        b.y += dy;
    }

    Placed& placed() { return m_placed; }

private:
    Modeling& m_m;
    Document& m_doc;
    const LayoutOptions& m_o;
    Placed m_placed;
};

/// An orthogonal route from the source's right side to the target's left side that changes level
/// only in the gaps between columns: to each slot its dummies hold, then to the target's level.
std::vector<Point> routeThrough(const Bounds& s, const Bounds& t, const Via& via)
{
    std::vector<Point> pts{{s.x + s.width, s.y + s.height / 2}};
    auto levelTo = [&](double x, double y) {
        if (std::abs(pts.back().y - y) < 0.5)
            return; // already at that level: the straight run goes on
        pts.push_back({x, pts.back().y});
        pts.push_back({x, y});
    };
    for (const Point& turn : via.turns)
        levelTo(turn.x, turn.y);
    levelTo(via.lastGap, t.y + t.height / 2);
    pts.push_back({t.x, pts.back().y});
    return pts;
}

/// Leaf lanes in order, with their depth, and each lane's flow node references.
void leafLanes(Element* laneSet, int depth, std::vector<std::pair<Element*, int>>& out)
{
    if (!laneSet)
        return;
    for (Element* lane : laneSet->childrenOfType(BpmnType::Lane)) {
        Element* child = lane->childOfType(BpmnType::LaneSet);
        if (child && !child->childrenOfType(BpmnType::Lane).empty())
            leafLanes(child, depth + 1, out);
        else
            out.emplace_back(lane, depth);
    }
}

} // namespace

bool needsLayout(const Document& doc)
{
    if (doc.diagrams().empty())
        return true;
    for (Element* e : doc.allElements())
        if ((is(e, BpmnType::FlowNode) && !doc.shapeFor(e->id())) ||
            (e->type == BpmnType::SequenceFlow && doc.diFor(e->id()).empty()))
            return true;
    return false;
}

namespace {

/// Lays out one diagram's worth: a collaboration's pools (with their processes) and the processes
/// without a pool its message flows reach (loose), or a process without a pool; writes the shapes
/// and edges into plane.
void layoutUnit(Modeling& m, const LayoutOptions& o, Element* unit, const std::vector<Element*>& loose, Element* plane)
{
    Document& doc = m.document();
    Layouter lay(m, o);
    Placed& placed = lay.placed();
    std::vector<std::pair<Element*, Bounds>> pools, lanes;
    double cursorY = o.origin.y;
    double poolWidth = 0;
    if (unit->type == BpmnType::Collaboration) {
        for (Element* p : unit->childrenOfType(BpmnType::Participant)) {
            Element* process = sem::processOf(doc, p);
            if (!process) {
                pools.push_back({p, {o.origin.x, cursorY, 0, 100}});
                cursorY += 100 + 40;
                continue;
            }
            std::vector<std::pair<Element*, int>> leaves;
            leafLanes(process->childOfType(BpmnType::LaneSet), 0, leaves);
            std::vector<std::vector<const Element*>> bands(leaves.size());
            std::unordered_set<const Element*> inLane;
            for (std::size_t i = 0; i < leaves.size(); ++i)
                for (Element* r : leaves[i].first->children())
                    if (r->local() == "flowNodeRef")
                        if (Element* n = doc.resolve(r->textContent());
                            n && n->parent == process && inLane.insert(n).second)
                            bands[i].push_back(n);
            if (!bands.empty())
                for (Element* n : sem::flowNodes(process))
                    if (!inLane.count(n))
                        bands.front().push_back(n);
            std::vector<double> heights;
            std::vector<const Element*> members;
            const Size size = lay.layout(process, bands, &heights, members);
            int maxDepth = 0;
            for (auto& [l, d] : leaves)
                maxDepth = std::max(maxDepth, d + 1);
            const double indent = kHeader + kLaneIndent * maxDepth;
            const double h = std::max(size.height + (bands.empty() ? 2 * o.padding : 0), 200.0);
            const Bounds pb{o.origin.x, cursorY, size.width + indent + 2 * o.padding, h};
            for (const Element* e : members)
                lay.shift(e, pb.x + indent + o.padding, pb.y + (bands.empty() ? o.padding : 0));
            // Lane bands: leaf lanes stacked; a parent lane spans its leaves.
            double y = pb.y;
            std::vector<std::pair<Element*, Bounds>> laneBounds;
            auto boundsOf = [&](Element* l) -> Bounds* {
                for (auto& [e, b] : laneBounds)
                    if (e == l)
                        return &b;
                return nullptr;
            };
            for (std::size_t i = 0; i < leaves.size(); ++i) {
                const double x = pb.x + kHeader + kLaneIndent * leaves[i].second;
                laneBounds.push_back({leaves[i].first, {x, y, 0, heights[i]}});
                for (Element* parent = leaves[i].first->parent->parent; parent && parent->type == BpmnType::Lane;
                     parent = parent->parent->parent) {
                    if (Bounds* b = boundsOf(parent))
                        b->height = y + heights[i] - b->y;
                    else
                        laneBounds.push_back({parent, {x - kLaneIndent, y, 0, heights[i]}});
                }
                y += heights[i];
            }
            lanes.insert(lanes.end(), laneBounds.begin(), laneBounds.end());
            pools.push_back({p, pb});
            poolWidth = std::max(poolWidth, pb.width);
            cursorY += pb.height + 40;
        }
    }
    std::vector<Element*> processes = loose;
    if (unit->type != BpmnType::Collaboration)
        processes.insert(processes.begin(), unit);
    for (Element* process : processes) {
        std::vector<const Element*> members;
        const Size size = lay.layout(process, {}, nullptr, members);
        for (const Element* e : members)
            lay.shift(e, o.origin.x, cursorY);
        cursorY += size.height + 80;
    }
    poolWidth = std::max(poolWidth, 600.0);
    for (auto& [p, b] : pools)
        b.width = poolWidth;
    for (auto& [l, b] : lanes)
        for (auto& [p, pb] : pools)
            if (b.y >= pb.y && b.y < pb.y + pb.height)
                b.width = pb.x + pb.width - b.x;

    auto horizontal = [&](Element* s) { doc.setAttribute(s, "isHorizontal", "true"); };
    for (auto& [p, b] : pools)
        horizontal(m.addShape(plane, p, b));
    for (auto& [l, b] : lanes)
        horizontal(m.addShape(plane, l, b));
    // Nodes in document order, so containers come before (under) their contents.
    std::vector<Element*> connections;
    std::vector<Element*> scope;
    scope.push_back(unit);
    if (unit->type == BpmnType::Collaboration)
        for (auto& [p, b] : pools)
            if (Element* process = sem::processOf(doc, p))
                scope.push_back(process);
    scope.insert(scope.end(), loose.begin(), loose.end());
    for (Element* top : scope) {
        std::vector<Element*> stack{top};
        std::vector<Element*> order;
        while (!stack.empty()) {
            Element* e = stack.back();
            stack.pop_back();
            order.push_back(e);
            for (Element* c = e->lastChild; c; c = c->prev)
                if (c->isBpmn())
                    stack.push_back(c);
        }
        for (Element* e : order) {
            if (e->type == BpmnType::SequenceFlow || e->type == BpmnType::MessageFlow ||
                e->type == BpmnType::Association || is(e, BpmnType::DataAssociation)) {
                connections.push_back(e);
                continue;
            }
            auto it = placed.bounds.find(e);
            if (it == placed.bounds.end())
                continue;
            Element* s = m.addShape(plane, e, it->second);
            if (is(e, BpmnType::SubProcess))
                doc.setAttribute(s, "isExpanded", placed.expanded[e] ? "true" : "false");
            if (e->type == BpmnType::ExclusiveGateway)
                doc.setAttribute(s, "isMarkerVisible", "true");
        }
    }
    std::unordered_map<const Element*, Bounds> all = placed.bounds;
    for (auto& [p, b] : pools)
        all[p] = b;
    for (Element* f : connections) {
        auto [a, b] = m.ends(f);
        auto ia = all.find(a), ib = all.find(b);
        if (ia == all.end() || ib == all.end())
            continue;
        if (auto v = placed.via.find(f); v != placed.via.end())
            m.addEdge(plane, f, routeThrough(ia->second, ib->second, v->second));
        else
            m.addEdge(plane, f, routing::route(ia->second, ib->second, is(a, BpmnType::BoundaryEvent)));
    }
}

} // namespace

Edit autoLayout(Modeling& m, const LayoutOptions& o)
{
    Document& doc = m.document();
    Element* root = doc.root();
    if (!root)
        return {};
    // One diagram per collaboration, and one per process no pool stands for.
    std::vector<std::pair<Element*, std::vector<Element*>>> units;
    std::unordered_set<const Element*> pooled;
    for (Element* c : root->childrenOfType(BpmnType::Collaboration))
        for (Element* p : c->childrenOfType(BpmnType::Participant))
            if (Element* process = sem::processOf(doc, p))
                pooled.insert(process);
    for (Element* c : root->childrenOfType(BpmnType::Collaboration)) {
        std::vector<Element*> loose; // processes without a pool that its message flows reach
        for (Element* f : c->childrenOfType(BpmnType::MessageFlow)) {
            auto [a, b] = m.ends(f);
            for (Element* end : {a, b})
                if (Element* process = const_cast<Element*>(processOfElement(end)); process && !pooled.count(process)) {
                    pooled.insert(process);
                    loose.push_back(process);
                }
        }
        units.push_back({c, loose});
    }
    for (Element* process : sem::processes(doc))
        if (!pooled.count(process))
            units.push_back({process, {}});
    doc.beginEdit();
    for (Element* d : doc.diagrams())
        doc.remove(d);
    for (auto& [unit, loose] : units) {
        Element* diagram = m.newElement(Ns::BpmnDi, "BPMNDiagram");
        doc.setAttribute(diagram, "id", m.freshId(BpmnType::BPMNDiagram));
        Element* plane = m.newElement(Ns::BpmnDi, "BPMNPlane");
        doc.setAttribute(plane, "id", m.freshId(BpmnType::BPMNPlane));
        doc.setAttribute(plane, "bpmnElement", unit->id());
        doc.insert(diagram, plane);
        m.insertOrdered(root, diagram);
        layoutUnit(m, o, unit, loose, plane);
    }
    return Edit{doc.endEdit(), {}, {}};
}

} // namespace runway::core::modeling
