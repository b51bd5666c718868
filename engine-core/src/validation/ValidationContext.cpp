#include "ValidationContext.h"

namespace runway::core::validation {

namespace {

std::string_view localPart(std::string_view ref)
{
    const auto colon = ref.find(':');
    return colon == std::string_view::npos ? ref : ref.substr(colon + 1);
}

} // namespace

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// "sub-process 'Sub_1'", "exclusive gateway 'Gateway_1'" for messages.
std::string kindName(const Element* e)
{
    switch (e->type) {
    case BpmnType::BPMNDiagram: return "diagram";
    case BpmnType::BPMNPlane: return "diagram plane";
    case BpmnType::BPMNShape: return "diagram shape";
    case BpmnType::BPMNEdge: return "diagram edge";
    case BpmnType::BPMNLabel: return "diagram label";
    case BpmnType::BPMNLabelStyle: return "label style";
    default: break;
    }
    std::string s;
    for (char c : e->local()) {
        if (c >= 'A' && c <= 'Z') {
            s += ' ';
            s += static_cast<char>(c - 'A' + 'a');
        } else {
            s += c;
        }
    }
    if (s == "sub process")
        s = "sub-process";
    else if (s == "event based gateway")
        s = "event-based gateway";
    else if (s == "ad hoc sub process")
        s = "ad-hoc sub-process";
    return s;
}

std::string named(const Element* e)
{
    std::string s = kindName(e);
    if (!e->id().empty())
        s += " '" + std::string(e->id()) + "'";
    return s;
}

// ------------------------------------------------------------ collection

void ValidationContext::collect(Element* root)
{
    // Ids resolve through the document's own index, which holds one element per id: an element
    // with an id that the index gives to another element is a duplicate.
    std::vector<Element*> stack{root};
    std::vector<Element*> shadowed;
    while (!stack.empty()) {
        Element* e = stack.back();
        stack.pop_back();
        if (!e->isBpmn())
            continue; // extension content: not BPMN, not checked
        if (const auto id = e->id(); !id.empty()) {
            const Element* indexed = m_doc.findById(id);
            if (!indexed)
                m_unindexed.try_emplace(id, e); // the index lost it (a duplicate was removed): still resolvable
            else if (indexed != e)
                shadowed.push_back(e);
        }
        sort(e);
        for (Element* c = e->lastChild; c; c = c->prev)
            if (c->kind == NodeKind::Element)
                stack.push_back(c);
    }
    reportDuplicates(shadowed);
}

void ValidationContext::reportDuplicates(const std::vector<Element*>& shadowed)
{
    if (shadowed.empty())
        return;
    std::unordered_map<std::string_view, std::vector<const Element*>> groups;
    std::vector<std::string_view> order;
    for (const Element* e : shadowed) {
        auto& g = groups[e->id()];
        if (g.empty()) {
            order.push_back(e->id());
            g.push_back(resolve(e->id()));
        }
        g.push_back(e);
    }
    for (const auto id : order) {
        auto& g = groups[id];
        std::stable_sort(g.begin(), g.end(), [](const Element* a, const Element* b) { return a->line < b->line; });
        const Element* first = g.front();
        for (std::size_t i = 1; i < g.size(); ++i)
            add(Severity::Error, g[i], "duplicate-id",
                "the id '" + std::string(id) + "' of this " + kindName(g[i]) + " (line " + std::to_string(g[i]->line) +
                    ") is also the id of the " + kindName(first) + " at line " + std::to_string(first->line) +
                    "; ids must be unique in a file, or references go to the wrong element: rename one of them");
    }
}

void ValidationContext::sort(Element* e)
{
    const BpmnType t = e->type;
    switch (t) {
    case BpmnType::SequenceFlow: m_sequenceFlows.push_back(e); return;
    case BpmnType::MessageFlow:
        m_messageFlows.push_back(e);
        m_refHolders.push_back(e);
        return;
    case BpmnType::Participant: m_participants.push_back(e); return;
    case BpmnType::Lane: m_lanes.push_back(e); return;
    case BpmnType::DataObjectReference:
    case BpmnType::DataStoreReference: m_dataRefs.push_back(e); return;
    case BpmnType::Association: m_associations.push_back(e); return;
    case BpmnType::TextAnnotation: m_annotations.push_back(e); return;
    case BpmnType::TimerEventDefinition: m_timers.push_back(e); return;
    case BpmnType::MessageEventDefinition:
    case BpmnType::ErrorEventDefinition:
    case BpmnType::EscalationEventDefinition:
    case BpmnType::SignalEventDefinition: m_refHolders.push_back(e); return;
    case BpmnType::BPMNDiagram: m_hasDiagram = true; return;
    case BpmnType::BPMNShape:
    case BpmnType::BPMNEdge:
    case BpmnType::BPMNPlane: m_di.push_back(e); return;
    default: break;
    }
    if (e->isA(BpmnType::FlowNode)) {
        m_flowNodes.push_back(e);
        if (t != BpmnType::BoundaryEvent)
            ++m_nodesIn[e->parent];
        if (t == BpmnType::ReceiveTask || t == BpmnType::SendTask)
            m_refHolders.push_back(e);
    }
}

// ------------------------------------------------------------ helpers

Element* ValidationContext::resolve(std::string_view ref) const
{
    ref = trim(ref);
    if (ref.empty())
        return nullptr;
    if (Element* e = m_doc.resolve(ref))
        return e;
    if (m_unindexed.empty())
        return nullptr;
    if (auto it = m_unindexed.find(ref); it != m_unindexed.end())
        return it->second;
    if (auto it = m_unindexed.find(localPart(ref)); it != m_unindexed.end())
        return it->second;
    return nullptr;
}

/// The id a diagnostic names: the element's own, or its nearest ancestor's.
std::string ValidationContext::idFor(const Element* e)
{
    for (; e; e = e->parent)
        if (e->isBpmn() && !e->id().empty())
            return std::string(e->id());
    return {};
}

void ValidationContext::add(Severity s, const Element* e, const char* code, std::string message)
{
    Diagnostic d;
    d.severity = s;
    d.file = m_file;
    d.line = e ? e->line : 0;
    d.elementId = idFor(e);
    d.code = code;
    d.message = std::move(message);
    m_out.push_back(std::move(d));
}

Degree ValidationContext::degree(const Element* n) const
{
    auto range = [n](const std::vector<Edge>& v) {
        auto lo = std::lower_bound(v.begin(), v.end(), n, [](const Edge& e, const Element* x) { return e.node < x; });
        auto hi = lo;
        while (hi != v.end() && hi->node == n)
            ++hi;
        return std::span<const Edge>(v.data() + (lo - v.begin()), static_cast<std::size_t>(hi - lo));
    };
    return {range(m_inEdges), range(m_outEdges)};
}

bool ValidationContext::contains(std::span<const Edge> edges, const Element* flow)
{
    return std::any_of(edges.begin(), edges.end(), [flow](const Edge& e) { return e.flow == flow; });
}

/// The process (or, for a participant without one, the participant) an element belongs to.
const Element* ValidationContext::poolOf(const Element* e) const
{
    if (e->type == BpmnType::Participant) {
        if (Element* p = resolve(e->attr("processRef")))
            return p;
        return e;
    }
    for (const Element* p = e->parent; p; p = p->parent)
        if (p->type == BpmnType::Process)
            return p;
    return nullptr;
}

std::string ValidationContext::poolName(const Element* pool) const
{
    if (pool->type == BpmnType::Participant)
        return "pool '" + std::string(pool->name().empty() ? pool->id() : pool->name()) + "'";
    // the participant whose process this is, when there is one
    for (const Element* p : m_participants)
        if (resolve(p->attr("processRef")) == pool)
            return "pool '" + std::string(p->name().empty() ? p->id() : p->name()) + "'";
    return named(pool);
}

} // namespace runway::core::validation
