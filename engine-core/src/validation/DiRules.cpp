#include "ValidationContext.h"

#include <charconv>
#include <unordered_set>

namespace runway::core::validation {

namespace {

bool isNumber(std::string_view v)
{
    v = trim(v);
    if (!v.empty() && v.front() == '+')
        v.remove_prefix(1);
    if (v.empty())
        return false;
    double d = 0;
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    return ec == std::errc() && p == v.data() + v.size();
}

} // namespace

// ------------------------------------------------------------ DI

/// False for elements inside a sub-process whose content is not drawn (collapsed, with no
/// diagram of its own, or not drawn at all): their missing DI is expected.
bool ValidationContext::contentDrawn(const Element* container)
{
    if (!container || !container->isA(BpmnType::SubProcess))
        return true;
    if (auto it = m_drawnCache.find(container); it != m_drawnCache.end())
        return it->second;
    bool drawn = std::binary_search(m_planeTargets.begin(), m_planeTargets.end(), container) ||
                 std::binary_search(m_expandedTargets.begin(), m_expandedTargets.end(), container);
    if (drawn)
        drawn = contentDrawn(container->parent);
    m_drawnCache.emplace(container, drawn);
    return drawn;
}

void ValidationContext::checkDi(const Element* root)
{
    for (const Element* di : m_di) {
        const auto ref = trim(di->attr("bpmnElement"));
        const char* what = di->type == BpmnType::BPMNShape  ? "shape"
                           : di->type == BpmnType::BPMNEdge ? "edge"
                                                            : "plane";
        // No bpmnElement at all is allowed: DI-only decorations, and edges joining DI elements
        // (sourceElement/targetElement), draw no model element.
        const Element* target = ref.empty() ? nullptr : resolve(ref);
        if (target) {
            m_drawn.push_back(target);
            if (di->type == BpmnType::BPMNPlane)
                m_planeTargets.push_back(target);
            else if (di->type == BpmnType::BPMNShape && di->attr("isExpanded") == "true")
                m_expandedTargets.push_back(target);
        } else if (!ref.empty()) {
            add(Severity::Error, di, "di-element-unknown",
                std::string("the diagram ") + what + " draws '" + std::string(ref) +
                    "', which names no element in this file (deleted from the model but not from the diagram?); "
                    "delete the " +
                    what + ", or restore the element");
        }
        if (di->type == BpmnType::BPMNEdge) {
            int points = 0;
            for (const Element* c : di->children())
                if (c->ns == Ns::Di && c->local() == "waypoint")
                    ++points;
            if (points < 2)
                add(Severity::Error, di, "di-edge-waypoints",
                    "the diagram edge has " + std::to_string(points) + " waypoint" + (points == 1 ? "" : "s") +
                        "; an edge needs at least 2 (start and end) to be drawn: redraw the connection");
        } else if (di->type == BpmnType::BPMNShape) {
            const Element* bounds = nullptr;
            for (const Element* c : di->children())
                if (c->ns == Ns::Dc && c->local() == "Bounds") {
                    bounds = c;
                    break;
                }
            if (!bounds) {
                add(Severity::Error, di, "di-shape-bounds",
                    "the diagram shape has no <dc:Bounds>, so it has no place or size; redraw the element");
            } else {
                std::string bad;
                for (const char* a : {"x", "y", "width", "height"})
                    if (!isNumber(bounds->attr(a)))
                        bad += std::string(bad.empty() ? "" : ", ") + a + "=\"" + std::string(bounds->attr(a)) + "\"";
                if (!bad.empty())
                    add(Severity::Error, bounds, "di-shape-bounds",
                        "the diagram shape's bounds are not numbers (" + bad +
                            "); x, y, width and height must be numbers such as 100 or 80.5");
                else if (bounds->doubleAttr("width") < 0 || bounds->doubleAttr("height") < 0)
                    add(Severity::Error, bounds, "di-shape-bounds",
                        "the diagram shape has a negative width or height; give it a positive size");
            }
        }
    }

    std::sort(m_drawn.begin(), m_drawn.end());
    std::sort(m_planeTargets.begin(), m_planeTargets.end());
    std::sort(m_expandedTargets.begin(), m_expandedTargets.end());
    if (!m_hasDiagram) {
        add(Severity::Warning, root, "no-diagram",
            "the file has no diagram (bpmndi:BPMNDiagram), so it cannot be shown as drawn; open it in Runway "
            "and lay it out, then save");
        return;
    }
    // A process drawn nowhere (no plane, no pool, no element with DI) gets one warning, not one per element.
    std::unordered_set<const Element*> drawnProcesses;
    std::unordered_map<const Element*, int> undrawnCounts;
    std::vector<const Element*> undrawnOrder;
    auto processOf = [](const Element* e) -> const Element* {
        for (const Element* p = e->parent; p; p = p->parent)
            if (p->type == BpmnType::Process)
                return p;
        return nullptr;
    };
    auto markDrawn = [&](const std::vector<Element*>& v) {
        for (const Element* e : v)
            if (hasDi(e))
                if (const Element* p = processOf(e))
                    drawnProcesses.insert(p);
    };
    markDrawn(m_flowNodes);
    markDrawn(m_sequenceFlows);
    markDrawn(m_dataRefs);
    markDrawn(m_annotations);
    markDrawn(m_lanes);
    for (const Element* p : m_participants)
        if (hasDi(p))
            if (const Element* proc = resolve(p->attr("processRef")))
                drawnProcesses.insert(proc);
    auto need = [&](const Element* e) {
        const auto id = e->id();
        const Element* container = e->parent;
        while (container && (container->type == BpmnType::LaneSet || container->type == BpmnType::Lane))
            container = container->parent;
        if (id.empty() || hasDi(e) || !contentDrawn(container))
            return;
        if (const Element* proc = processOf(e);
            proc && !drawnProcesses.count(proc) &&
            !std::binary_search(m_planeTargets.begin(), m_planeTargets.end(), proc)) {
            if (undrawnCounts[proc]++ == 0)
                undrawnOrder.push_back(proc);
            return;
        }
        add(Severity::Warning, e, "di-missing",
            "the " + kindName(e) +
                " has no shape or edge in any diagram, so it exists in the model but is not shown; lay it out "
                "(Runway can place missing elements), or delete it if it is a leftover");
    };
    for (const Element* e : m_flowNodes)
        need(e);
    for (const Element* e : m_sequenceFlows)
        need(e);
    for (const Element* e : m_messageFlows)
        need(e);
    for (const Element* e : m_dataRefs)
        need(e);
    for (const Element* e : m_annotations)
        need(e);
    for (const Element* e : m_participants)
        need(e);
    for (const Element* e : m_lanes)
        need(e);
    for (const Element* proc : undrawnOrder) {
        const int n = undrawnCounts[proc];
        add(Severity::Warning, proc, "di-missing",
            "the " + named(proc) + " is in no diagram: none of its " + std::to_string(n) + " element" +
                (n == 1 ? "" : "s") +
                " is shown; lay it out in a diagram of its own (Runway can place missing elements), or delete "
                "it if it is a leftover");
    }
}

} // namespace runway::core::validation
