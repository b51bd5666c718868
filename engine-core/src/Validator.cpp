#include "runway/core/Validator.h"

#include "runway/core/Iso8601.h"

#include <algorithm>
#include <charconv>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// One walk over the document collects what the rules need (elements by id, flow ends, DI
// references); every rule then runs over those lists with hash lookups, so a file of any size is
// checked in time proportional to its size. docs/validation.md lists the codes.

namespace runway::core {

namespace {

using Severity = Diagnostic::Severity;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string_view localPart(std::string_view ref)
{
    const auto colon = ref.find(':');
    return colon == std::string_view::npos ? ref : ref.substr(colon + 1);
}

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
    else if (s == "ad hoc sub process")
        s = "ad-hoc sub-process";
    return s;
}

/// "a message", "an error".
std::string withArticle(std::string_view word)
{
    const bool vowel = !word.empty() && std::string_view("aeiou").find(word.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(word);
}

std::string named(const Element* e)
{
    std::string s = kindName(e);
    if (!e->id().empty())
        s += " '" + std::string(e->id()) + "'";
    return s;
}

/// A sequence flow at one of its ends.
struct Edge {
    const Element* node;
    Element* flow;
};

struct Degree {
    std::span<const Edge> in, out; // sequence flows ending and starting here, in file order
};

class Checker {
public:
    explicit Checker(const Document& doc) : m_doc(doc), m_file(doc.fileName()) {}

    Diagnostics run()
    {
        Element* root = m_doc.root();
        if (!root)
            return {};
        collect(root);
        checkSequenceFlows();
        checkFlowNodes();
        checkBoundaryEvents();
        checkMessageFlows();
        checkDefinitionRefs();
        checkOtherRefs();
        checkTimers();
        checkDi(root);
        std::stable_sort(m_out.begin(), m_out.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
        return std::move(m_out);
    }

private:
    // ------------------------------------------------------------ collection

    void collect(Element* root)
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

    void reportDuplicates(const std::vector<Element*>& shadowed)
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
                    "the id '" + std::string(id) + "' of this " + kindName(g[i]) + " (line " +
                        std::to_string(g[i]->line) + ") is also the id of the " + kindName(first) + " at line " +
                        std::to_string(first->line) +
                        "; ids must be unique in a file, or references go to the wrong element: rename one of them");
        }
    }

    void sort(Element* e)
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

    Element* resolve(std::string_view ref) const
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
    static std::string idFor(const Element* e)
    {
        for (; e; e = e->parent)
            if (e->isBpmn() && !e->id().empty())
                return std::string(e->id());
        return {};
    }

    void add(Severity s, const Element* e, const char* code, std::string message)
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

    Degree degree(const Element* n) const
    {
        auto range = [n](const std::vector<Edge>& v) {
            auto lo =
                std::lower_bound(v.begin(), v.end(), n, [](const Edge& e, const Element* x) { return e.node < x; });
            auto hi = lo;
            while (hi != v.end() && hi->node == n)
                ++hi;
            return std::span<const Edge>(v.data() + (lo - v.begin()), static_cast<std::size_t>(hi - lo));
        };
        return {range(m_inEdges), range(m_outEdges)};
    }

    static bool contains(std::span<const Edge> edges, const Element* flow)
    {
        return std::any_of(edges.begin(), edges.end(), [flow](const Edge& e) { return e.flow == flow; });
    }

    bool hasDi(const Element* e) const { return std::binary_search(m_drawn.begin(), m_drawn.end(), e); }

    /// The process (or, for a participant without one, the participant) an element belongs to.
    const Element* poolOf(const Element* e) const
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

    std::string poolName(const Element* pool) const
    {
        if (pool->type == BpmnType::Participant)
            return "pool '" + std::string(pool->name().empty() ? pool->id() : pool->name()) + "'";
        // the participant whose process this is, when there is one
        for (const Element* p : m_participants)
            if (resolve(p->attr("processRef")) == pool)
                return "pool '" + std::string(p->name().empty() ? p->id() : p->name()) + "'";
        return named(pool);
    }

    // ------------------------------------------------------------ sequence flows

    void checkSequenceFlows()
    {
        for (Element* f : m_sequenceFlows) {
            Element* ends[2] = {nullptr, nullptr};
            const char* attrs[2] = {"sourceRef", "targetRef"};
            const char* roles[2] = {"source", "target"};
            for (int k = 0; k < 2; ++k) {
                const auto ref = trim(f->attr(attrs[k]));
                if (ref.empty()) {
                    add(Severity::Error, f, "sequence-flow-dangling",
                        std::string("the sequence flow has no ") + attrs[k] + "; connect its " + roles[k] +
                            " to a task, event or gateway, or delete the flow");
                    continue;
                }
                Element* e = resolve(ref);
                if (!e) {
                    add(Severity::Error, f, "sequence-flow-dangling",
                        std::string("the sequence flow's ") + attrs[k] + " '" + std::string(ref) +
                            "' names no element in this file; connect it to an existing element, or delete the flow");
                } else if (!e->isA(BpmnType::FlowNode)) {
                    add(Severity::Error, f, "sequence-flow-not-flow-node",
                        std::string("the sequence flow's ") + roles[k] + " is the " + named(e) +
                            ", but sequence flows connect only tasks, events and gateways" +
                            (e->type == BpmnType::Participant ? "; between pools, use a message flow"
                             : e->type == BpmnType::DataObject || e->type == BpmnType::DataObjectReference ||
                                     e->type == BpmnType::DataStoreReference || e->type == BpmnType::DataInput ||
                                     e->type == BpmnType::DataOutput
                                 ? "; to connect data, use a data association"
                                 : "; reconnect it"));
                } else {
                    ends[k] = e;
                }
            }
            if (ends[0])
                m_outEdges.push_back({ends[0], f});
            if (ends[1])
                m_inEdges.push_back({ends[1], f});
            if (ends[0] && ends[1])
                checkSameContainer(f, ends[0], ends[1]);
        }
        auto byNode = [](const Edge& a, const Edge& b) { return a.node < b.node; };
        std::stable_sort(m_inEdges.begin(), m_inEdges.end(), byNode);
        std::stable_sort(m_outEdges.begin(), m_outEdges.end(), byNode);
    }

    void checkSameContainer(const Element* f, const Element* s, const Element* t)
    {
        const Element* cs = s->parent;
        const Element* ct = t->parent;
        if (cs != ct) {
            const Element* ps = poolOf(s);
            const Element* pt = poolOf(t);
            if (ps != pt && ps && pt) {
                add(Severity::Error, f, "sequence-flow-crosses-boundary",
                    "the sequence flow connects " + named(s) + " in " + poolName(ps) + " with " + named(t) + " in " +
                        poolName(pt) + "; sequence flows stay inside one pool: use a message flow between pools");
            } else {
                add(Severity::Error, f, "sequence-flow-crosses-boundary",
                    "the sequence flow connects " + named(s) + " in " + named(cs) + " with " + named(t) + " in " +
                        named(ct) +
                        "; a sequence flow cannot cross a sub-process boundary: connect to the sub-process itself, "
                        "or to a start or end event inside it");
            }
        } else if (f->parent != cs) {
            add(Severity::Error, f, "sequence-flow-crosses-boundary",
                "the sequence flow is declared in " + named(f->parent) + " but connects elements of " + named(cs) +
                    "; move the flow into " + named(cs));
        }
    }

    // ------------------------------------------------------------ flow nodes

    bool exemptFromConnection(const Element* n) const
    {
        if (n->parent && n->parent->type == BpmnType::AdHocSubProcess)
            return true; // activities of an ad-hoc sub-process need no flows
        if (n->isA(BpmnType::SubProcess) && n->attr("triggeredByEvent") == "true")
            return true; // event sub-processes start by their event
        if (n->isA(BpmnType::Activity) && n->attr("isForCompensation") == "true")
            return true; // compensation handlers are linked by an association
        if (n->type == BpmnType::BoundaryEvent && n->childOfType(BpmnType::CompensateEventDefinition))
            return true;
        return false;
    }

    static bool hasCondition(const Element* flow)
    {
        for (const Element* c : flow->children())
            if (c->ns == Ns::Model && c->local() == "conditionExpression")
                return true;
        return false;
    }

    void checkFlowNodes()
    {
        for (Element* n : m_flowNodes) {
            const Degree d = degree(n);
            const std::size_t in = d.in.size(), out = d.out.size();
            if (n->type == BpmnType::StartEvent && in > 0)
                add(Severity::Warning, n, "start-event-incoming",
                    "the start event has " + std::to_string(in) + " incoming sequence flow" + (in == 1 ? "" : "s") +
                        ", but a start event begins the flow and is never entered; connect the flow" +
                        (in == 1 ? "" : "s") + " to a task or an intermediate event instead");
            if (n->type == BpmnType::EndEvent && out > 0)
                add(Severity::Warning, n, "end-event-outgoing",
                    "the end event has " + std::to_string(out) + " outgoing sequence flow" + (out == 1 ? "" : "s") +
                        ", but the flow ends there and they are never taken; use an intermediate event, or delete "
                        "the flow" +
                        (out == 1 ? "" : "s"));
            if (in == 0 && out == 0 && !exemptFromConnection(n)) {
                if (n->type == BpmnType::BoundaryEvent)
                    add(Severity::Warning, n, "flow-node-unconnected",
                        "the boundary event has no outgoing sequence flow, so when it fires the path just ends there; "
                        "connect it to what should happen next, or delete it");
                else if (m_nodesIn[n->parent] > 1)
                    add(Severity::Warning, n, "flow-node-unconnected",
                        "the " + kindName(n) +
                            " has no incoming or outgoing sequence flow, so it stands apart from the rest of the flow "
                            "(and starts on its own when the process starts); connect it, or delete it if it is a "
                            "leftover");
            }
            if (n->isA(BpmnType::Gateway) && in == 1 && out == 1)
                add(Severity::Warning, n, "gateway-pass-through",
                    "the gateway has one incoming and one outgoing flow, so it neither splits nor joins; delete it "
                    "and connect the flows directly");
            checkDefault(n, d);
            if (n->type == BpmnType::ExclusiveGateway && out > 1) {
                const Element* def = resolve(n->attr("default"));
                std::vector<std::string> bare;
                for (const Edge& e : d.out)
                    if (e.flow != def && !hasCondition(e.flow))
                        bare.push_back("'" + std::string(e.flow->id()) + "'");
                if (!bare.empty())
                    add(
                        Severity::Warning, n, "gateway-flow-without-condition",
                        "the exclusive gateway has " + std::to_string(out) + " outgoing flows, and " +
                            (bare.size() == 1 ? "the flow " : "the flows ") +
                            [&] {
                                std::string l;
                                for (std::size_t i = 0; i < bare.size(); ++i)
                                    l += (i ? ", " : "") + bare[i];
                                return l;
                            }() +
                            (bare.size() == 1 ? " has" : " have") + " no condition and " +
                            (bare.size() == 1 ? "is" : "are") +
                            " not the default, so which path is taken is undefined; give each a condition, or make "
                            "one of them the gateway's default flow");
            }
            checkIncomingOutgoing(n, d);
        }
    }

    void checkDefault(const Element* n, const Degree& d)
    {
        const auto ref = trim(n->attr("default"));
        if (ref.empty())
            return;
        const Element* f = resolve(ref);
        if (!f) {
            add(Severity::Error, n, "default-flow-invalid",
                "the default flow '" + std::string(ref) +
                    "' names no element in this file; choose one of the element's outgoing sequence flows, or clear "
                    "the default");
        } else if (!contains(d.out, f)) {
            add(Severity::Error, n, "default-flow-invalid",
                "the default flow is the " + named(f) + ", which does not leave this " + kindName(n) +
                    "; choose one of its outgoing sequence flows, or clear the default");
        }
    }

    void checkIncomingOutgoing(const Element* n, const Degree& d)
    {
        std::vector<std::string> listedIn, listedOut;
        for (const Element* c : n->children()) {
            if (c->ns != Ns::Model)
                continue;
            if (c->local() == "incoming")
                listedIn.emplace_back(trim(c->textContent()));
            else if (c->local() == "outgoing")
                listedOut.emplace_back(trim(c->textContent()));
        }
        if (listedIn.empty() && listedOut.empty())
            return; // optional: tools that omit them leave them to be derived
        std::vector<std::string> problems;
        std::vector<const Element*> resolved;
        auto compare = [&](const std::vector<std::string>& listed, std::span<const Edge> actual, bool incoming) {
            const char* word = incoming ? "incoming" : "outgoing";
            resolved.clear();
            for (const std::string& ref : listed) {
                const Element* f = resolve(ref);
                resolved.push_back(f);
                if (!f) {
                    problems.push_back(std::string(word) + " '" + std::string(ref) + "' names no element");
                } else if (f->type == BpmnType::SequenceFlow) {
                    if (!contains(actual, f))
                        problems.push_back(std::string(word) + " '" + std::string(ref) + "' is a flow that does not " +
                                           (incoming ? "end" : "start") + " here");
                } else if (f->type != BpmnType::MessageFlow) {
                    problems.push_back(std::string(word) + " '" + std::string(ref) + "' is not a flow");
                }
            }
            for (const Edge& edge : actual) {
                const Element* f = edge.flow;
                if (std::find(resolved.begin(), resolved.end(), f) == resolved.end())
                    problems.push_back("the flow '" + std::string(f->id()) + "' " + (incoming ? "ends" : "starts") +
                                       " here but is not listed as " + word);
            }
        };
        compare(listedIn, d.in, true);
        compare(listedOut, d.out, false);
        if (problems.empty())
            return;
        std::string msg = "the element's <incoming>/<outgoing> entries disagree with the flows' sourceRef and "
                          "targetRef: ";
        for (std::size_t i = 0; i < problems.size(); ++i)
            msg += (i ? "; " : "") + problems[i];
        msg += ". Engines follow sourceRef/targetRef; fix the entries (saving from Runway rewrites them)";
        add(Severity::Warning, n, "incoming-outgoing-mismatch", std::move(msg));
    }

    // ------------------------------------------------------------ boundary events, message flows

    void checkBoundaryEvents()
    {
        for (const Element* b : m_flowNodes) {
            if (b->type != BpmnType::BoundaryEvent)
                continue;
            const auto ref = trim(b->attr("attachedToRef"));
            if (ref.empty()) {
                add(Severity::Error, b, "boundary-attach-invalid",
                    "the boundary event has no attachedToRef; attach it to a task or sub-process, or make it an "
                    "intermediate event");
                continue;
            }
            const Element* a = resolve(ref);
            if (!a)
                add(Severity::Error, b, "boundary-attach-invalid",
                    "the boundary event is attached to '" + std::string(ref) +
                        "', which names no element in this file; attach it to an existing task or sub-process");
            else if (!a->isA(BpmnType::Activity))
                add(Severity::Error, b, "boundary-attach-invalid",
                    "the boundary event is attached to the " + named(a) +
                        ", but boundary events attach only to activities (tasks, sub-processes, call activities)");
            else if (a->parent != b->parent)
                add(Severity::Error, b, "boundary-attach-invalid",
                    "the boundary event is declared in " + named(b->parent) + " but attached to the " + named(a) +
                        " in " + named(a->parent) + "; a boundary event belongs to the same process as its activity");
        }
    }

    void checkMessageFlows()
    {
        for (const Element* f : m_messageFlows) {
            const Element* ends[2] = {nullptr, nullptr};
            const char* attrs[2] = {"sourceRef", "targetRef"};
            for (int k = 0; k < 2; ++k) {
                const auto ref = trim(f->attr(attrs[k]));
                if (ref.empty()) {
                    add(Severity::Error, f, "message-flow-dangling",
                        std::string("the message flow has no ") + attrs[k] +
                            "; connect it to a pool, task or event, or delete it");
                } else if (!(ends[k] = resolve(ref))) {
                    add(Severity::Error, f, "message-flow-dangling",
                        std::string("the message flow's ") + attrs[k] + " '" + std::string(ref) +
                            "' names no element in this file; connect it to an existing pool, task or event, or "
                            "delete it");
                }
            }
            if (!ends[0] || !ends[1])
                continue;
            const Element* p0 = poolOf(ends[0]);
            const Element* p1 = poolOf(ends[1]);
            if (p0 && p0 == p1)
                add(Severity::Error, f, "message-flow-same-pool",
                    "the message flow connects " + named(ends[0]) + " and " + named(ends[1]) + ", both in " +
                        poolName(p0) +
                        "; message flows run between pools: inside one pool, use a sequence flow (or a signal)");
        }
    }

    // ------------------------------------------------------------ references

    void checkDefinitionRefs()
    {
        struct Kind {
            const char* attr;
            BpmnType type;
            const char* what;
        };
        static constexpr Kind kinds[] = {{"messageRef", BpmnType::Message, "message"},
                                         {"errorRef", BpmnType::Error, "error"},
                                         {"escalationRef", BpmnType::Escalation, "escalation"},
                                         {"signalRef", BpmnType::Signal, "signal"}};
        for (const Element* e : m_refHolders) {
            for (const auto& k : kinds) {
                const auto ref = trim(e->attr(k.attr));
                if (ref.empty())
                    continue;
                const Element* target = resolve(ref);
                if (!target)
                    add(Severity::Error, e, "definition-ref-unknown",
                        std::string("the ") + k.attr + " '" + std::string(ref) + "' names no " + k.what +
                            " in this file; declare <" + k.what + " id=\"" + std::string(ref) +
                            "\"> in the definitions, or pick an existing one");
                else if (target->type != k.type)
                    add(Severity::Error, e, "definition-ref-unknown",
                        std::string("the ") + k.attr + " '" + std::string(ref) + "' names the " + named(target) +
                            ", not " + withArticle(k.what) + "; pick " + withArticle(k.what) +
                            " declared in the definitions");
            }
        }
        for (const Element* n : m_flowNodes) {
            if (n->type != BpmnType::CallActivity)
                continue;
            const auto ref = trim(n->attr("calledElement"));
            if (ref.empty())
                continue;
            const Element* target = resolve(ref);
            if (!target)
                add(Severity::Warning, n, "called-element-unknown",
                    "the call activity calls '" + std::string(ref) +
                        "', which is not in this file; make sure a process with that id is deployed with it");
            else if (!target->isA(BpmnType::CallableElement))
                add(Severity::Warning, n, "called-element-unknown",
                    "the call activity calls the " + named(target) +
                        ", which cannot be called; call a process or a global task");
        }
    }

    void checkOtherRefs()
    {
        for (const Element* p : m_participants) {
            const auto ref = trim(p->attr("processRef"));
            if (ref.empty())
                continue; // a black-box pool
            const Element* target = resolve(ref);
            if (!target || target->type != BpmnType::Process)
                add(Severity::Error, p, "participant-process-unknown",
                    "the pool's processRef '" + std::string(ref) + "' " +
                        (target ? "names the " + named(target) + ", not a process"
                                : std::string("names no process in this file")) +
                        "; point it at the pool's process, or remove it for a black-box pool");
        }
        for (const Element* lane : m_lanes) {
            for (const Element* c : lane->children()) {
                if (c->ns != Ns::Model || c->local() != "flowNodeRef")
                    continue;
                const std::string text = c->textContent();
                const auto ref = trim(text);
                const Element* target = resolve(ref);
                if (!target)
                    add(Severity::Error, c, "lane-ref-unknown",
                        "the lane lists '" + std::string(ref) +
                            "' (flowNodeRef), which names no element in this file; remove the entry");
                else if (!target->isA(BpmnType::FlowNode))
                    add(Severity::Error, c, "lane-ref-unknown",
                        "the lane lists the " + named(target) +
                            " (flowNodeRef), but lanes hold only tasks, events and gateways; remove the entry");
            }
        }
        for (const Element* r : m_dataRefs) {
            const bool store = r->type == BpmnType::DataStoreReference;
            const char* attr = store ? "dataStoreRef" : "dataObjectRef";
            const auto ref = trim(r->attr(attr));
            if (ref.empty())
                continue;
            const Element* target = resolve(ref);
            const BpmnType want = store ? BpmnType::DataStore : BpmnType::DataObject;
            if (!target || target->type != want)
                add(Severity::Error, r, "data-reference-unknown",
                    std::string("the ") + attr + " '" + std::string(ref) + "' " +
                        (target ? "names the " + named(target) + ", not a " + (store ? "data store" : "data object")
                                : std::string("names no element in this file")) +
                        "; point it at a " +
                        (store ? "data store declared in the definitions" : "data object of the same process"));
        }
        for (const Element* a : m_associations) {
            for (const char* attr : {"sourceRef", "targetRef"}) {
                const auto ref = trim(a->attr(attr));
                if (ref.empty())
                    add(Severity::Error, a, "association-dangling",
                        std::string("the association has no ") + attr + "; connect both ends, or delete it");
                else if (!resolve(ref))
                    add(Severity::Error, a, "association-dangling",
                        std::string("the association's ") + attr + " '" + std::string(ref) +
                            "' names no element in this file; connect it to an existing element, or delete it");
            }
        }
    }

    // ------------------------------------------------------------ timers

    void checkTimers()
    {
        using iso8601::TimerKind;
        for (const Element* t : m_timers) {
            bool any = false;
            for (const Element* c : t->children()) {
                if (c->ns != Ns::Model)
                    continue;
                TimerKind kind;
                if (c->local() == "timeDate")
                    kind = TimerKind::Date;
                else if (c->local() == "timeDuration")
                    kind = TimerKind::Duration;
                else if (c->local() == "timeCycle")
                    kind = TimerKind::Cycle;
                else
                    continue;
                any = true;
                const std::string text = c->textContent();
                if (trim(text).empty()) {
                    add(Severity::Warning, c, "timer-empty",
                        "the timer's " + std::string(c->local()) +
                            " is empty, so an engine cannot schedule it; give it a value such as " +
                            (kind == TimerKind::Date       ? "2026-01-01T08:00:00Z"
                             : kind == TimerKind::Duration ? "PT15M"
                                                           : "R3/PT10M"));
                    continue;
                }
                const auto p = iso8601::parseTimer(kind, text);
                if (!p && !p.expression)
                    add(Severity::Error, c, "timer-invalid",
                        "the timer's " + std::string(c->local()) + " cannot be read: " + p.error);
            }
            if (!any)
                add(Severity::Warning, t, "timer-empty",
                    "the timer has no timeDate, timeDuration or timeCycle, so an engine cannot schedule it; give it "
                    "one (PT15M waits 15 minutes)");
        }
    }

    // ------------------------------------------------------------ DI

    /// False for elements inside a sub-process whose content is not drawn (collapsed, with no
    /// diagram of its own, or not drawn at all): their missing DI is expected.
    bool contentDrawn(const Element* container)
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

    void checkDi(const Element* root)
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
                            bad +=
                                std::string(bad.empty() ? "" : ", ") + a + "=\"" + std::string(bounds->attr(a)) + "\"";
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

    const Document& m_doc;
    const std::string& m_file;
    Diagnostics m_out;
    std::unordered_map<std::string_view, Element*> m_unindexed;
    std::vector<Element*> m_flowNodes, m_sequenceFlows, m_messageFlows, m_participants, m_lanes, m_dataRefs,
        m_associations, m_annotations, m_timers, m_refHolders, m_di;
    std::vector<Edge> m_inEdges, m_outEdges;                                // sorted by node after checkSequenceFlows
    std::vector<const Element*> m_drawn, m_planeTargets, m_expandedTargets; // sorted, for binary search
    std::unordered_map<const Element*, bool> m_drawnCache;
    std::unordered_map<const Element*, int> m_nodesIn; // flow nodes (not boundary events) per container
    bool m_hasDiagram = false;
};

} // namespace

Diagnostics Validator::validate(const Document& doc)
{
    return Checker(doc).run();
}

} // namespace runway::core
