#include "ValidationContext.h"

namespace runway::core::validation {

// ------------------------------------------------------------ sequence flows

void ValidationContext::checkSequenceFlows()
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

void ValidationContext::checkSameContainer(const Element* f, const Element* s, const Element* t)
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

bool ValidationContext::exemptFromConnection(const Element* n) const
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

bool ValidationContext::hasCondition(const Element* flow)
{
    for (const Element* c : flow->children())
        if (c->ns == Ns::Model && c->local() == "conditionExpression")
            return true;
    return false;
}

void ValidationContext::checkFlowNodes()
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

void ValidationContext::checkDefault(const Element* n, const Degree& d)
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

void ValidationContext::checkIncomingOutgoing(const Element* n, const Degree& d)
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

void ValidationContext::checkBoundaryEvents()
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
                "the boundary event is declared in " + named(b->parent) + " but attached to the " + named(a) + " in " +
                    named(a->parent) + "; a boundary event belongs to the same process as its activity");
    }
}

void ValidationContext::checkMessageFlows()
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
                "the message flow connects " + named(ends[0]) + " and " + named(ends[1]) + ", both in " + poolName(p0) +
                    "; message flows run between pools: inside one pool, use a sequence flow (or a signal)");
    }
}

} // namespace runway::core::validation
