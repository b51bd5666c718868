#include "runway/core/engine/CompiledProcess.h"

#include "runway/core/Semantics.h"

#include <deque>

namespace runway::core::engine {

std::string_view toString(NodeKind k)
{
    switch (k) {
    case NodeKind::StartEvent: return "start event";
    case NodeKind::EndEvent: return "end event";
    case NodeKind::CatchEvent: return "intermediate catch event";
    case NodeKind::ThrowEvent: return "intermediate throw event";
    case NodeKind::BoundaryEvent: return "boundary event";
    case NodeKind::Task: return "task";
    case NodeKind::WaitTask: return "task";
    case NodeKind::SubProcess: return "sub-process";
    case NodeKind::CallActivity: return "call activity";
    case NodeKind::ExclusiveGateway: return "exclusive gateway";
    case NodeKind::ParallelGateway: return "parallel gateway";
    case NodeKind::InclusiveGateway: return "inclusive gateway";
    case NodeKind::EventBasedGateway: return "event-based gateway";
    case NodeKind::ComplexGateway: return "complex gateway";
    }
    return "node";
}

std::string_view toString(Trigger t)
{
    switch (t) {
    case Trigger::None: return "none";
    case Trigger::Message: return "message";
    case Trigger::Timer: return "timer";
    case Trigger::Error: return "error";
    case Trigger::Escalation: return "escalation";
    case Trigger::Signal: return "signal";
    case Trigger::Conditional: return "conditional";
    case Trigger::Link: return "link";
    case Trigger::Compensate: return "compensation";
    case Trigger::Cancel: return "cancel";
    case Trigger::Terminate: return "terminate";
    case Trigger::Multiple: return "multiple";
    }
    return "none";
}

NodeIndex CompiledProcess::nodeIndex(std::string_view id) const
{
    auto it = m_nodeById.find(std::string(id));
    return it == m_nodeById.end() ? kNoNode : it->second;
}

FlowIndex CompiledProcess::flowIndex(std::string_view id) const
{
    auto it = m_flowById.find(std::string(id));
    return it == m_flowById.end() ? -1 : it->second;
}

bool CompiledProcess::canReach(NodeIndex from, NodeIndex to) const
{
    if (from == to)
        return true;
    std::vector<char> seen(m_nodes.size(), 0);
    std::deque<NodeIndex> queue{from};
    seen[static_cast<std::size_t>(from)] = 1;
    while (!queue.empty()) {
        const NodeIndex n = queue.front();
        queue.pop_front();
        auto visit = [&](NodeIndex next) {
            if (next == to)
                return true;
            if (next != kNoNode && !seen[static_cast<std::size_t>(next)]) {
                seen[static_cast<std::size_t>(next)] = 1;
                queue.push_back(next);
            }
            return false;
        };
        for (FlowIndex f : node(n).outgoing)
            if (visit(flow(f).target))
                return true;
        // A token inside an activity may leave through its boundary events.
        for (NodeIndex b : node(n).boundaries)
            if (visit(b))
                return true;
        // A throwing link event goes on at the catching link of its name, as the engine runs it.
        const Node& at = node(n);
        if (at.kind == NodeKind::ThrowEvent && at.trigger == Trigger::Link)
            for (NodeIndex c = 0; c < static_cast<NodeIndex>(m_nodes.size()); ++c)
                if (node(c).kind == NodeKind::CatchEvent && node(c).trigger == Trigger::Link && node(c).code == at.code &&
                    node(c).container == at.container && visit(c))
                    return true;
    }
    return false;
}

/// Builds a CompiledProcess from the document (the only place where the engine reads the DOM).
class ProcessCompiler {
public:
    ProcessCompiler(const Document& doc, Diagnostics* diags) : m_doc(doc), m_diags(diags) {}

    std::shared_ptr<const CompiledProcess> run(const Element* process)
    {
        auto p = std::make_shared<CompiledProcess>();
        m_p = p.get();
        m_p->m_id = std::string(process->id());
        addContainer(process, kNoNode);
        if (m_failed)
            return nullptr;
        resolve(process);
        if (m_failed)
            return nullptr;
        return p;
    }

private:
    /// A message's or signal's name as the engine matches it: its name, or its id when it has none
    /// (or the reference as written, when it points nowhere).
    std::string nameOf(std::string_view ref) const
    {
        const Element* x = m_doc.resolve(ref);
        return x ? std::string(!x->name().empty() ? x->name() : x->id()) : std::string(ref);
    }

    void warn(const Element* e, std::string code, std::string msg)
    {
        if (m_diags)
            m_diags->push_back({Diagnostic::Severity::Warning, m_doc.fileName(), e->line, std::string(e->id()),
                                std::move(code), std::move(msg)});
    }
    void error(const Element* e, std::string code, std::string msg)
    {
        m_failed = true;
        if (m_diags)
            m_diags->push_back({Diagnostic::Severity::Error, m_doc.fileName(), e->line, std::string(e->id()),
                                std::move(code), std::move(msg)});
    }

    static NodeKind kindOf(const Element* e)
    {
        switch (e->type) {
        case BpmnType::StartEvent: return NodeKind::StartEvent;
        case BpmnType::EndEvent: return NodeKind::EndEvent;
        case BpmnType::IntermediateCatchEvent: return NodeKind::CatchEvent;
        case BpmnType::IntermediateThrowEvent: return NodeKind::ThrowEvent;
        case BpmnType::BoundaryEvent: return NodeKind::BoundaryEvent;
        case BpmnType::UserTask:
        case BpmnType::ManualTask:
        case BpmnType::ReceiveTask: return NodeKind::WaitTask;
        case BpmnType::SubProcess:
        case BpmnType::Transaction:
        case BpmnType::AdHocSubProcess: return NodeKind::SubProcess;
        case BpmnType::CallActivity: return NodeKind::CallActivity;
        case BpmnType::ExclusiveGateway: return NodeKind::ExclusiveGateway;
        case BpmnType::ParallelGateway: return NodeKind::ParallelGateway;
        case BpmnType::InclusiveGateway: return NodeKind::InclusiveGateway;
        case BpmnType::EventBasedGateway: return NodeKind::EventBasedGateway;
        case BpmnType::ComplexGateway: return NodeKind::ComplexGateway;
        default: return NodeKind::Task;
        }
    }

    void addContainer(const Element* container, NodeIndex containerNode)
    {
        for (Element* e : sem::flowElements(container)) {
            if (e->isA(BpmnType::SequenceFlow)) {
                Flow f;
                f.id = std::string(e->id());
                if (Element* c = e->childOfType(BpmnType::Expression)) {
                    f.condition = c->textContent();
                    auto compiled = Expression::compile(f.condition);
                    if (compiled)
                        f.compiledCondition = *compiled;
                    else
                        f.conditionError = compiled.error.message;
                }
                m_p->m_flowById.emplace(f.id, static_cast<FlowIndex>(m_p->m_flows.size()));
                m_p->m_flows.push_back(std::move(f));
                m_flowElements.push_back(e);
                continue;
            }
            if (!e->isA(BpmnType::FlowNode))
                continue; // data objects and the like carry no tokens
            Node n;
            n.id = std::string(e->id());
            n.name = std::string(e->name());
            n.bpmnType = std::string(e->local());
            n.kind = kindOf(e);
            n.container = containerNode;
            n.isForCompensation = e->boolAttr("isForCompensation");
            if (n.kind == NodeKind::BoundaryEvent)
                n.interrupting = e->attrOrDefault("cancelActivity") != "false";
            if (n.kind == NodeKind::StartEvent)
                n.interrupting = e->attrOrDefault("isInterrupting") != "false";
            if (e->type == BpmnType::ReceiveTask) {
                n.trigger = Trigger::Message;
                n.code = nameOf(e->attr("messageRef"));
            }
            if (e->type == BpmnType::CallActivity)
                n.calledElement = std::string(e->attr("calledElement"));
            if (e->type == BpmnType::Transaction)
                n.isTransaction = true;
            if (e->type == BpmnType::SubProcess || e->type == BpmnType::AdHocSubProcess)
                n.isEventSubProcess = e->boolAttr("triggeredByEvent");
            if (e->type == BpmnType::ComplexGateway)
                if (Element* c = e->childOfType(BpmnType::Expression)) {
                    n.activationCondition = c->textContent();
                    // An empty condition: the gateway joins as an inclusive one.
                    const bool empty = n.activationCondition.find_first_not_of(" \t\r\n") == std::string::npos;
                    if (auto compiled = Expression::compile(n.activationCondition); compiled && !empty)
                        n.activation = *compiled;
                    else if (!empty)
                        error(e, "expression-invalid",
                              "the activation condition '" + n.activationCondition + "' cannot be read: " +
                                  compiled.error.message);
                }
            readEvent(e, n);
            readOutputs(e, n);
            readLoop(e, n);
            const auto index = static_cast<NodeIndex>(m_p->m_nodes.size());
            if (!m_p->m_nodeById.emplace(n.id, index).second) {
                error(e, "duplicate-id", "two flow elements share the id '" + n.id + "'; give each its own id");
                continue;
            }
            m_p->m_nodes.push_back(std::move(n));
            m_nodeElements.push_back(e);
            if (m_p->m_nodes.back().kind == NodeKind::SubProcess)
                addContainer(e, index);
        }
    }

    /// zeebe:ioMapping outputs: FEEL expressions whose values become variables when the element
    /// completes (how Camunda 8 models count retries and pass results on).
    void readOutputs(const Element* e, Node& n)
    {
        const Element* ext = e->childOfType(BpmnType::ExtensionElements);
        if (!ext)
            return;
        for (const Element* io : ext->children()) {
            if (io->local() != "ioMapping" || m_doc.namespaceUri(io->ns) != uri::Zeebe)
                continue;
            for (const Element* out : io->children()) {
                if (out->local() != "output")
                    continue;
                auto compiled = Expression::compile(out->attr("source"), Dialect::Feel);
                if (!compiled) {
                    warn(out, "output-invalid",
                         "the output mapping to '" + std::string(out->attr("target")) +
                             "' is not run: " + compiled.error.message);
                    continue;
                }
                n.outputs.push_back({std::string(out->attr("target")), *compiled});
            }
        }
    }

    std::optional<Expression> expressionOf(const Element* holder, const std::string& what)
    {
        if (!holder)
            return std::nullopt;
        const std::string text = holder->textContent();
        auto compiled = Expression::compile(text);
        if (!compiled) {
            error(holder, "expression-invalid", "the " + what + " '" + text + "' cannot be read: " + compiled.error.message);
            return std::nullopt;
        }
        return *compiled;
    }

    /// standardLoopCharacteristics and multiInstanceLoopCharacteristics (with Camunda 8's
    /// zeebe:loopCharacteristics for the input collection).
    void readLoop(const Element* e, Node& n)
    {
        if (!e->isA(BpmnType::Activity))
            return;
        if (const Element* l = e->childOfType(BpmnType::StandardLoopCharacteristics)) {
            n.loop.kind = Node::Loop::Kind::Standard;
            n.loop.testBefore = l->boolAttr("testBefore");
            if (auto m = l->attr("loopMaximum"); !m.empty())
                n.loop.maximum = static_cast<std::int64_t>(l->doubleAttr("loopMaximum", -1));
            n.loop.condition = expressionOf(l->child(Ns::Model, "loopCondition"), "loop condition");
            return;
        }
        const Element* mi = e->childOfType(BpmnType::MultiInstanceLoopCharacteristics);
        if (!mi)
            return;
        n.loop.kind = mi->boolAttr("isSequential") ? Node::Loop::Kind::Sequential : Node::Loop::Kind::Parallel;
        n.loop.cardinality = expressionOf(mi->child(Ns::Model, "loopCardinality"), "loop cardinality");
        n.loop.condition = expressionOf(mi->child(Ns::Model, "completionCondition"), "completion condition");
        if (const Element* ext = mi->childOfType(BpmnType::ExtensionElements))
            for (const Element* z : ext->children())
                if (z->local() == "loopCharacteristics" && m_doc.namespaceUri(z->ns) == uri::Zeebe) {
                    if (auto c = Expression::compile(z->attr("inputCollection"), Dialect::Feel))
                        n.loop.inputCollection = *c;
                    else
                        error(z, "expression-invalid", "the input collection cannot be read: " + c.error.message);
                    n.loop.inputElement = std::string(z->attr("inputElement"));
                }
        if (!n.loop.cardinality && !n.loop.inputCollection)
            error(mi, "multi-instance-unbounded",
                  "the multi-instance activity has neither a loop cardinality nor an input collection; give it one");
    }

    void readEvent(const Element* e, Node& n)
    {
        if (!e->isA(BpmnType::Event))
            return;
        auto defs = sem::eventDefinitions(e);
        if (defs.size() > 1) {
            n.trigger = Trigger::Multiple;
            return;
        }
        if (defs.empty())
            return;
        const Element* d = defs.front();
        switch (d->type) {
        case BpmnType::MessageEventDefinition: {
            n.trigger = Trigger::Message;
            n.code = nameOf(d->attr("messageRef"));
            break;
        }
        case BpmnType::TimerEventDefinition: {
            n.trigger = Trigger::Timer;
            static const std::pair<const char*, iso8601::TimerKind> kinds[] = {
                {"timeDate", iso8601::TimerKind::Date},
                {"timeDuration", iso8601::TimerKind::Duration},
                {"timeCycle", iso8601::TimerKind::Cycle}};
            for (const auto& [name, kind] : kinds)
                if (Element* v = d->child(Ns::Model, name)) {
                    n.timer.kind = kind;
                    n.timer.text = v->textContent();
                    auto parsed = iso8601::parseTimer(kind, n.timer.text);
                    if (parsed.ok()) {
                        n.timer.literal = *parsed;
                    } else if (parsed.expression) {
                        auto compiled = Expression::compile(n.timer.text);
                        if (compiled)
                            n.timer.expression = *compiled;
                        else
                            error(e, "timer-invalid", "the timer expression cannot be read: " + compiled.error.message);
                    } else {
                        error(e, "timer-invalid", "the timer cannot run: " + parsed.error);
                    }
                }
            if (n.timer.text.empty())
                error(e, "timer-empty", "the timer event has no timeDate, timeDuration or timeCycle value; give it one");
            break;
        }
        case BpmnType::ErrorEventDefinition: {
            n.trigger = Trigger::Error;
            const Element* err = m_doc.resolve(d->attr("errorRef"));
            n.code = err ? std::string(err->attr("errorCode")) : std::string();
            n.catchAll = n.code.empty();
            break;
        }
        case BpmnType::EscalationEventDefinition: {
            n.trigger = Trigger::Escalation;
            const Element* esc = m_doc.resolve(d->attr("escalationRef"));
            n.code = esc ? std::string(esc->attr("escalationCode")) : std::string();
            n.catchAll = n.code.empty();
            break;
        }
        case BpmnType::SignalEventDefinition: {
            n.trigger = Trigger::Signal;
            n.code = nameOf(d->attr("signalRef"));
            break;
        }
        case BpmnType::ConditionalEventDefinition:
            n.trigger = Trigger::Conditional;
            if (Element* c = d->childOfType(BpmnType::Expression))
                n.code = c->textContent();
            if (n.code.find_first_not_of(" \t\r\n") == std::string::npos) {
                // It can still be triggered by hand (a simulation step, a scenario).
                warn(e, "condition-missing",
                     "the conditional event has no condition, so it never fires by itself; give it one");
            } else if (auto compiled = Expression::compile(n.code)) {
                n.condition = *compiled;
            } else {
                error(e, "condition-invalid", "the condition '" + n.code + "' cannot be read: " + compiled.error.message);
            }
            break;
        case BpmnType::LinkEventDefinition:
            n.trigger = Trigger::Link;
            n.code = std::string(!d->name().empty() ? d->name() : e->name());
            break;
        case BpmnType::CompensateEventDefinition:
            n.trigger = Trigger::Compensate;
            n.waitForCompletion = d->attrOrDefault("waitForCompletion") != "false";
            n.code = std::string(d->attr("activityRef"));
            break;
        case BpmnType::CancelEventDefinition: n.trigger = Trigger::Cancel; break;
        case BpmnType::TerminateEventDefinition: n.trigger = Trigger::Terminate; break;
        default: break;
        }
    }

    void resolve(const Element* process)
    {
        auto& nodes = m_p->m_nodes;
        for (std::size_t i = 0; i < m_p->m_flows.size(); ++i) {
            Flow& f = m_p->m_flows[i];
            const Element* e = m_flowElements[i];
            f.source = m_p->nodeIndex(e->attr("sourceRef"));
            f.target = m_p->nodeIndex(e->attr("targetRef"));
            if (f.source == kNoNode || f.target == kNoNode) {
                error(e, "flow-dangling",
                      "the sequence flow '" + f.id + "' does not connect two flow nodes of this process; connect both ends");
                continue;
            }
            nodes[static_cast<std::size_t>(f.source)].outgoing.push_back(static_cast<FlowIndex>(i));
            nodes[static_cast<std::size_t>(f.target)].incoming.push_back(static_cast<FlowIndex>(i));
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            Node& n = nodes[i];
            const Element* e = m_nodeElements[i];
            const auto index = static_cast<NodeIndex>(i);
            if (auto d = e->attr("default"); !d.empty())
                n.defaultFlow = m_p->flowIndex(d);
            if (n.kind == NodeKind::BoundaryEvent) {
                n.attachedTo = m_p->nodeIndex(e->attr("attachedToRef"));
                if (n.attachedTo == kNoNode)
                    error(e, "boundary-unattached", "the boundary event is attached to nothing in this process; attach it to an activity");
                else
                    nodes[static_cast<std::size_t>(n.attachedTo)].boundaries.push_back(index);
            }
            if (n.kind == NodeKind::StartEvent) {
                const bool inEventSub = n.container != kNoNode && nodes[static_cast<std::size_t>(n.container)].isEventSubProcess;
                auto& list = n.container == kNoNode ? (n.trigger == Trigger::None ? m_p->m_starts : m_p->m_triggeredStarts)
                                                    : nodes[static_cast<std::size_t>(n.container)].starts;
                if (inEventSub) {
                    const NodeIndex sub = n.container;
                    const NodeIndex outer = nodes[static_cast<std::size_t>(sub)].container;
                    (outer == kNoNode ? m_p->m_eventStarts : nodes[static_cast<std::size_t>(outer)].eventStarts).push_back(index);
                } else if (n.container == kNoNode || n.trigger == Trigger::None) {
                    list.push_back(index);
                }
            }
        }
        // Compensation handlers are tied to their boundary events by associations.
        auto link = [&](const Element* container) {
            for (Element* a : container->childrenOfType(BpmnType::Association)) {
                const NodeIndex from = m_p->nodeIndex(a->attr("sourceRef"));
                const NodeIndex to = m_p->nodeIndex(a->attr("targetRef"));
                if (from != kNoNode && to != kNoNode && nodes[static_cast<std::size_t>(from)].trigger == Trigger::Compensate &&
                    nodes[static_cast<std::size_t>(from)].kind == NodeKind::BoundaryEvent)
                    nodes[static_cast<std::size_t>(from)].compensationHandler = to;
            }
        };
        link(process);
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (nodes[i].kind == NodeKind::SubProcess)
                link(m_nodeElements[i]);
        if (m_p->m_starts.empty() && m_p->m_triggeredStarts.empty())
            warn(process, "no-start-event", "the process has no start event: an instance can only begin where you start it");
    }

    const Document& m_doc;
    Diagnostics* m_diags;
    CompiledProcess* m_p = nullptr;
    std::vector<const Element*> m_nodeElements, m_flowElements;
    bool m_failed = false;
};

std::shared_ptr<const CompiledProcess> CompiledProcess::compile(const Document& doc, std::string_view processId,
                                                                 Diagnostics* diagnostics)
{
    const Element* process = nullptr;
    if (!processId.empty()) {
        process = doc.findById(processId);
        if (!process || process->type != BpmnType::Process) {
            if (diagnostics)
                diagnostics->push_back({Diagnostic::Severity::Error, doc.fileName(), 0, std::string(processId),
                                        "process-unknown", "there is no process '" + std::string(processId) + "' in the file"});
            return nullptr;
        }
    } else {
        auto all = sem::processes(doc);
        for (Element* p : all)
            if (p->boolAttr("isExecutable") && !process)
                process = p;
        if (!process && !all.empty())
            process = all.front();
        if (!process) {
            if (diagnostics)
                diagnostics->push_back({Diagnostic::Severity::Error, doc.fileName(), 0, {}, "process-unknown",
                                        "the file holds no process to run"});
            return nullptr;
        }
    }
    return ProcessCompiler(doc, diagnostics).run(process);
}

} // namespace runway::core::engine
