// The facade's clipboard (copy, paste, duplicate), arrangement (align, distribute) and the pure
// snapping functions used while dragging.
#include "runway/core/Semantics.h"
#include "runway/core/modeling/Modeling.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace runway::core::modeling {

namespace {
const Metamodel& mm()
{
    return Metamodel::instance();
}
bool is(const Element* e, BpmnType t)
{
    return e && e->isA(t);
}
bool isConnection(const Element* e)
{
    return is(e, BpmnType::SequenceFlow) || is(e, BpmnType::MessageFlow) || is(e, BpmnType::Association);
}

ClipNode toClip(const Document& doc, const Element* e)
{
    ClipNode n;
    n.kind = e->kind;
    if (e->kind != NodeKind::Element) {
        n.text = e->text;
        return n;
    }
    n.nsUri = doc.namespaceUri(e->ns);
    n.local = e->local();
    for (const Attribute& a : e->attrs)
        n.attrs.push_back({std::string(doc.namespaceUri(a.ns)), std::string(a.local()), std::string(a.value)});
    for (const Element* c = e->firstChild; c; c = c->next)
        n.children.push_back(toClip(doc, c));
    return n;
}

void collectIds(const ClipNode& n, std::vector<std::pair<std::string, BpmnType>>& out)
{
    for (const auto& a : n.attrs)
        if (a.nsUri.empty() && a.local == "id")
            out.emplace_back(a.value, mm().typeByName(n.local));
    for (const auto& c : n.children)
        collectIds(c, out);
}

std::string shifted(std::string_view v, double d)
{
    double x = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc())
        return std::string(v);
    x += d;
    if (std::abs(x - std::round(x)) < 1e-9)
        x = std::round(x);
    char buf[32];
    auto [q, ec2] = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, q);
}

Point centre(const Bounds& b)
{
    return {b.x + b.width / 2, b.y + b.height / 2};
}
} // namespace

Clipboard Modeling::copy(std::span<Element* const> elements)
{
    Clipboard clip;
    std::vector<Element*> picked;
    std::unordered_set<const Element*> pickedSet;
    auto pick = [&](Element* e) {
        if (e && (is(e, BpmnType::FlowElement) || is(e, BpmnType::Artifact)) && !isConnection(e) &&
            pickedSet.insert(e).second)
            picked.push_back(e);
    };
    for (Element* e : elements) {
        pick(e);
        if (is(e, BpmnType::Activity))
            for (Element* b : boundaryEventsOf(e))
                pick(b);
    }
    // A boundary event without its activity cannot be pasted alone.
    std::erase_if(picked, [&](Element* e) {
        return e->type == BpmnType::BoundaryEvent && !pickedSet.count(m_doc.resolve(e->attr("attachedToRef")));
    });
    // What lies inside a copied sub-process comes with it: copied once more on its own, it would
    // be pasted twice, with the same fresh ids.
    std::erase_if(picked, [&](const Element* e) {
        for (const Element* p = e->parent; p; p = p->parent)
            if (pickedSet.count(p))
                return true;
        return false;
    });
    std::unordered_set<std::string_view> ids;
    std::vector<const Element*> withIds;
    for (Element* e : picked) {
        std::vector<const Element*> st{e};
        while (!st.empty()) {
            const Element* n = st.back();
            st.pop_back();
            if (!n->id().empty()) {
                ids.insert(n->id());
                withIds.push_back(n);
            }
            for (const Element* c : n->children())
                st.push_back(c);
        }
    }
    // Connections between copied elements come along; those leaving the selection do not.
    std::unordered_set<const Element*> containers;
    for (Element* e : picked)
        containers.insert(e->parent);
    std::vector<Element*> flows;
    for (const Element* c : containers)
        for (Element* f : c->children())
            if (isConnection(f)) {
                auto [a, b] = ends(f);
                if (a && b && ids.count(a->id()) && ids.count(b->id()))
                    flows.push_back(f);
            }
    for (Element* e : picked)
        clip.semantic.push_back(toClip(m_doc, e));
    for (Element* f : flows) {
        clip.semantic.push_back(toClip(m_doc, f));
        withIds.push_back(f);
    }
    bool first = true;
    for (const Element* e : withIds)
        for (Element* d : m_doc.diFor(e->id()))
            if (d->type == BpmnType::BPMNShape || d->type == BpmnType::BPMNEdge) {
                clip.di.push_back(toClip(m_doc, d));
                if (auto b = di::bounds(d)) {
                    if (first) {
                        clip.extent = *b;
                        first = false;
                    } else {
                        const double x2 = std::max(clip.extent.x + clip.extent.width, b->x + b->width);
                        const double y2 = std::max(clip.extent.y + clip.extent.height, b->y + b->height);
                        clip.extent.x = std::min(clip.extent.x, b->x);
                        clip.extent.y = std::min(clip.extent.y, b->y);
                        clip.extent.width = x2 - clip.extent.x;
                        clip.extent.height = y2 - clip.extent.y;
                    }
                }
            }
    return clip;
}

Edit Modeling::paste(const Clipboard& clip, Element* container, Point delta)
{
    Element* process = flowContainer(container);
    if (clip.empty())
        return refuse("the clipboard is empty");
    if (!process || !(is(process, BpmnType::Process) || is(process, BpmnType::SubProcess)))
        return refuse("paste into a process, pool, lane or expanded sub-process");
    m_doc.beginEdit();
    std::vector<std::pair<std::string, BpmnType>> oldIds;
    for (const ClipNode& n : clip.semantic)
        collectIds(n, oldIds);
    std::unordered_map<std::string, std::string> remap;
    for (const auto& [id, type] : oldIds)
        remap[id] = freshId(type == BpmnType::Count ? BpmnType::BaseElement : type);

    // Builds a node of the clipboard into the document, renaming ids and dropping references to
    // what was not copied. Returns nullptr for a node to leave out.
    auto build = [&](auto&& self, const ClipNode& n, bool isDi) -> Element* {
        if (n.kind != NodeKind::Element)
            return m_doc.createNode(n.kind, n.text);
        const Ns ns = m_doc.internNamespace(n.nsUri);
        if (!isDi && ns == Ns::Model && (n.local == "incoming" || n.local == "outgoing")) {
            std::string ref;
            for (const auto& c : n.children)
                ref += c.text;
            if (!remap.count(ref))
                return nullptr;
        }
        Element* e = newElement(ns, n.local);
        const bool isBounds = ns == Ns::Dc && n.local == "Bounds";
        const bool isWaypoint = ns == Ns::Di && n.local == "waypoint";
        for (const auto& a : n.attrs) {
            const Ns ans = a.nsUri.empty() ? Ns::None : m_doc.internNamespace(a.nsUri);
            std::string value = a.value;
            if (ans == Ns::None) {
                if (a.local == "id") {
                    if (auto it = remap.find(value); it != remap.end())
                        value = it->second;
                    else if (isDi && value.size() > 3 && value.ends_with("_di") &&
                             remap.count(value.substr(0, value.size() - 3)))
                        value = remap[value.substr(0, value.size() - 3)] + "_di";
                    else
                        value = freshId(mm().typeByName(n.local));
                } else if (a.local == "sourceRef" || a.local == "targetRef" || a.local == "attachedToRef" ||
                           a.local == "bpmnElement" || a.local == "default") {
                    if (auto it = remap.find(value); it != remap.end())
                        value = it->second;
                    else if (a.local == "default")
                        continue;
                } else if ((isBounds || isWaypoint) && (a.local == "x" || a.local == "y")) {
                    value = shifted(value, a.local == "x" ? delta.x : delta.y);
                }
            }
            m_doc.setAttribute(e, a.local, value, ans);
        }
        for (const auto& c : n.children) {
            if (c.kind != NodeKind::Element && ns == Ns::Model &&
                (n.local == "sourceRef" || n.local == "targetRef" || n.local == "incoming" || n.local == "outgoing")) {
                auto it = remap.find(c.text);
                if (it == remap.end() && !m_doc.findById(c.text))
                    return nullptr; // a data association to data that is not here
                m_doc.insert(e, m_doc.createNode(c.kind, it == remap.end() ? c.text : it->second));
                continue;
            }
            Element* child = self(self, c, isDi);
            if (!child) {
                if (c.nsUri == uri::Model && (c.local == "sourceRef" || c.local == "targetRef"))
                    return nullptr;
                continue;
            }
            m_doc.insert(e, child);
        }
        return e;
    };
    Edit out;
    for (const ClipNode& n : clip.semantic)
        if (Element* e = build(build, n, false)) {
            insertOrdered(process, e);
            out.created.push_back(e);
        }
    Element* plane = planeFor(container);
    for (const ClipNode& n : clip.di)
        if (Element* d = build(build, n, true))
            if (m_doc.resolve(d->attr("bpmnElement")))
                m_doc.insert(plane, d);
    std::vector<Element*> nodes;
    for (Element* e : out.created)
        if (is(e, BpmnType::FlowNode))
            nodes.push_back(e);
    updateLaneRefs(nodes);
    return finish(std::move(out));
}

Edit Modeling::duplicate(std::span<Element* const> elements, Point delta)
{
    if (elements.empty() || !elements.front()->parent)
        return refuse("nothing to duplicate");
    return paste(copy(elements), elements.front()->parent, delta);
}

Edit Modeling::align(std::span<Element* const> elements, Alignment how)
{
    std::vector<std::pair<Element*, Bounds>> items;
    for (Element* e : elements)
        if (auto b = di::bounds(shape(e)))
            items.emplace_back(e, *b);
    if (items.size() < 2)
        return refuse("select at least two drawn elements to align");
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (const auto& [e, b] : items) {
        minX = std::min(minX, b.x), minY = std::min(minY, b.y);
        maxX = std::max(maxX, b.x + b.width), maxY = std::max(maxY, b.y + b.height);
    }
    std::vector<std::pair<Element*, Point>> moves;
    for (const auto& [e, b] : items) {
        Point d{0, 0};
        switch (how) {
        case Alignment::Left: d.x = minX - b.x; break;
        case Alignment::Right: d.x = maxX - (b.x + b.width); break;
        case Alignment::Center: d.x = (minX + maxX) / 2 - centre(b).x; break;
        case Alignment::Top: d.y = minY - b.y; break;
        case Alignment::Bottom: d.y = maxY - (b.y + b.height); break;
        case Alignment::Middle: d.y = (minY + maxY) / 2 - centre(b).y; break;
        }
        if (d.x != 0 || d.y != 0)
            moves.emplace_back(e, d);
    }
    m_doc.beginEdit();
    moveShapes(moves);
    return finish({});
}

Edit Modeling::distribute(std::span<Element* const> elements, Axis axis)
{
    std::vector<std::pair<Element*, Bounds>> items;
    for (Element* e : elements)
        if (auto b = di::bounds(shape(e)))
            items.emplace_back(e, *b);
    if (items.size() < 3)
        return refuse("select at least three drawn elements to distribute");
    const bool h = axis == Axis::Horizontal;
    std::sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
        return h ? centre(a.second).x < centre(b.second).x : centre(a.second).y < centre(b.second).y;
    });
    double total = 0;
    for (const auto& [e, b] : items)
        total += h ? b.width : b.height;
    const Bounds& first = items.front().second;
    const Bounds& last = items.back().second;
    const double span = h ? last.x + last.width - first.x : last.y + last.height - first.y;
    const double gap = (span - total) / static_cast<double>(items.size() - 1);
    double pos = (h ? first.x + first.width : first.y + first.height) + gap;
    std::vector<std::pair<Element*, Point>> moves;
    for (std::size_t i = 1; i + 1 < items.size(); ++i) {
        const Bounds& b = items[i].second;
        const double d = pos - (h ? b.x : b.y);
        if (std::abs(d) > 1e-9)
            moves.emplace_back(items[i].first, h ? Point{d, 0} : Point{0, d});
        pos += (h ? b.width : b.height) + gap;
    }
    m_doc.beginEdit();
    moveShapes(moves);
    return finish({});
}

// ---------------------------------------------------------------- snapping

double snapToGrid(double v, double grid)
{
    return grid > 0 ? std::round(v / grid) * grid : v;
}

Point snapDelta(const Bounds& moving, Point delta, double grid)
{
    return {snapToGrid(moving.x + delta.x, grid) - moving.x, snapToGrid(moving.y + delta.y, grid) - moving.y};
}

Snapped alignmentGuides(const Bounds& moving, Point delta, std::span<const Bounds> neighbours, double tolerance,
                        double grid)
{
    Snapped out;
    const Point grid2 = snapDelta(moving, delta, grid);
    out.delta = grid2;
    for (int axisIndex = 0; axisIndex < 2; ++axisIndex) {
        const bool xAxis = axisIndex == 0;
        const double start = (xAxis ? moving.x + delta.x : moving.y + delta.y);
        const double size = xAxis ? moving.width : moving.height;
        const double mine[3] = {start, start + size / 2, start + size};
        double best = tolerance + 1, bestLine = 0, shift = 0;
        for (const Bounds& n : neighbours) {
            const double ns = xAxis ? n.x : n.y, nsize = xAxis ? n.width : n.height;
            const double theirs[3] = {ns, ns + nsize / 2, ns + nsize};
            for (int i = 0; i < 3; ++i) {
                const double d = std::abs(theirs[i] - mine[i]);
                if (d <= tolerance && d < best) {
                    best = d;
                    bestLine = theirs[i];
                    shift = theirs[i] - mine[i];
                }
            }
        }
        if (best <= tolerance) {
            (xAxis ? out.delta.x : out.delta.y) = (xAxis ? delta.x : delta.y) + shift;
            out.guides.push_back({xAxis ? Axis::Vertical : Axis::Horizontal, bestLine});
        }
    }
    return out;
}

} // namespace runway::core::modeling
