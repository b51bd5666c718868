#include "runway/core/engine/CompiledProcess.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Semantics.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <map>
#include <set>

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

std::int32_t CompiledProcess::processIndex(std::string_view id) const
{
    for (std::size_t i = 0; i < m_processes.size(); ++i)
        if (m_processes[i].id == id)
            return static_cast<std::int32_t>(i);
    return -1;
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
                if (node(c).kind == NodeKind::CatchEvent && node(c).trigger == Trigger::Link &&
                    node(c).code == at.code && node(c).container == at.container && node(c).process == at.process &&
                    visit(c))
                    return true;
    }
    return false;
}

/// Builds a CompiledProcess from the documents (the only place where the engine reads the DOM):
/// the main process, then every process the run needs, each appended to the same node and flow
/// tables.
class ProcessCompiler {
public:
    ProcessCompiler(Diagnostics* diags, const CompileOptions& options) : m_diags(diags), m_options(options) {}

    std::shared_ptr<const CompiledProcess> run(const Document& doc, const Element* main)
    {
        auto p = std::make_shared<CompiledProcess>();
        m_p = p.get();
        m_p->m_id = std::string(main->id());
        m_queue.push_back({&doc, main});
        if (m_options.allProcesses)
            for (const Element* e : sem::processes(doc))
                m_queue.push_back({&doc, e});
        for (const Document* more : m_options.more)
            for (const Element* e : sem::processes(*more))
                m_queue.push_back({more, e});
        for (std::size_t i = 0; i < m_queue.size(); ++i) {
            const auto [d, process] = m_queue[i];
            if (m_p->processIndex(process->id()) >= 0)
                continue; // already in the run
            m_doc = d;
            addProcess(process);
            if (m_failed)
                return nullptr;
        }
        linkCalls();
        linkMessageFlows();
        if (m_failed)
            return nullptr;
        return p;
    }

private:
    struct Pending {
        const Document* doc;
        const Element* process;
    };

    void addProcess(const Element* process)
    {
        const auto index = static_cast<std::uint16_t>(m_p->m_processes.size());
        ProcessInfo info;
        info.id = std::string(process->id());
        info.name = std::string(process->name());
        m_p->m_processes.push_back(std::move(info));
        m_process = index;
        m_processElements.push_back({m_doc, process});
        const std::size_t firstNode = m_p->m_nodes.size(), firstFlow = m_p->m_flows.size();
        addContainer(process, kNoNode);
        if (m_failed)
            return;
        resolve(process, firstNode, firstFlow);
        // The pools of its collaboration exchange messages with it: they join the run.
        for (const Element* part : sem::participants(*m_doc))
            if (part->attr("processRef") == process->id() && part->parent)
                for (const Element* other : part->parent->childrenOfType(BpmnType::Participant))
                    if (const Element* op = sem::processOf(*m_doc, other))
                        m_queue.push_back({m_doc, op});
        // So do the processes its call activities call.
        for (std::size_t i = firstNode; i < m_p->m_nodes.size(); ++i) {
            const Node& n = m_p->m_nodes[i];
            if (n.kind != NodeKind::CallActivity)
                continue;
            if (n.calledExpression) {
                // Known only when it runs: every process of the file may be the one.
                for (const Element* e : sem::processes(*m_doc))
                    m_queue.push_back({m_doc, e});
                continue;
            }
            if (n.calledElement.empty()) {
                warn(m_nodeElements[i], "call-unresolved",
                     "the call activity names no called process (calledElement); it raises an incident when reached");
                continue;
            }
            if (const Pending found = findProcess(n.calledElement); found.process)
                m_queue.push_back(found);
            else
                warn(m_nodeElements[i], "call-unresolved",
                     "the called process '" + n.calledElement +
                         "' is in neither this file nor the other .bpmn files of its folder; the call activity "
                         "raises an incident when reached");
        }
    }

    /// A process by id: in the current document, else through the resolver, else in the other
    /// .bpmn files of the document's folder.
    Pending findProcess(const std::string& id)
    {
        for (const Element* e : sem::processes(*m_doc))
            if (e->id() == id)
                return {m_doc, e};
        auto search = [&](const Document* d) -> Pending {
            if (d)
                for (const Element* e : sem::processes(*d))
                    if (e->id() == id)
                        return {d, e};
            return {nullptr, nullptr};
        };
        for (const auto& loaded : m_loaded)
            if (auto f = search(loaded.get()); f.process)
                return f;
        if (m_options.resolver)
            return search(m_options.resolver(id));
        namespace fs = std::filesystem;
        const fs::path self(m_doc->fileName());
        std::error_code ec;
        if (m_doc->fileName().empty() || !fs::is_regular_file(self, ec))
            return {nullptr, nullptr}; // read from memory: there is no folder to look in
        std::vector<fs::path> files;
        for (fs::directory_iterator it(self.parent_path().empty() ? "." : self.parent_path(), ec), end;
             !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".bpmn" && !fs::equivalent(it->path(), self, ec) && files.size() < 200)
                files.push_back(it->path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            if (m_read.count(f.string()))
                continue;
            m_read.insert(f.string());
            auto r = BpmnReader::readFile(f.string());
            if (!r.ok())
                continue; // an unreadable neighbour is not this file's problem
            m_loaded.push_back(std::move(r.document));
            if (auto found = search(m_loaded.back().get()); found.process)
                return found;
        }
        return {nullptr, nullptr};
    }

    void linkCalls()
    {
        for (Node& n : m_p->m_nodes)
            if (n.kind == NodeKind::CallActivity && !n.calledExpression && !n.calledElement.empty())
                n.calledProcess = m_p->processIndex(n.calledElement);
    }

    /// Message flows between the pools of the run: each leaves a flow node (a send task, a message
    /// throw or end event) and ends at a flow node or a pool.
    void linkMessageFlows()
    {
        std::set<const Document*> docs;
        for (const auto& pe : m_processElements)
            docs.insert(pe.doc);
        for (const Document* d : docs) {
            m_doc = d;
            for (const Element* e : d->allElements()) {
                if (e->type != BpmnType::MessageFlow)
                    continue;
                MessageTarget t;
                t.flowId = std::string(e->id());
                t.node = localNode(d, e->attr("targetRef"));
                if (t.node == kNoNode)
                    if (const Element* target = d->resolve(e->attr("targetRef"));
                        target && target->type == BpmnType::Participant)
                        if (const Element* tp = sem::processOf(*d, target))
                            t.process = m_p->processIndex(tp->id());
                const NodeIndex source = localNode(d, e->attr("sourceRef"));
                if (auto ref = e->attr("messageRef"); !ref.empty()) {
                    t.message = nameOf(ref);
                    t.key = keyOf(d->resolve(ref));
                }
                if (t.message.empty() && source != kNoNode)
                    t.message = m_p->m_nodes[static_cast<std::size_t>(source)].code;
                if (t.node != kNoNode) {
                    Node& target = m_p->m_nodes[static_cast<std::size_t>(t.node)];
                    if (t.message.empty())
                        t.message = target.code;
                    if (target.correlationKey)
                        t.key = target.correlationKey;
                    if (target.kind == NodeKind::Task && target.bpmnType == "task" && target.trigger == Trigger::None) {
                        // A plain task a message flow arrives at waits for that message, as a
                        // receive task does (whoever sends it: a pool without a process too).
                        target.kind = NodeKind::WaitTask;
                        target.trigger = Trigger::Message;
                        target.code = t.message;
                    }
                }
                if (source == kNoNode || (t.node == kNoNode && t.process < 0))
                    continue; // nothing in the run sends it, or it leaves the run
                m_p->m_nodes[static_cast<std::size_t>(source)].messageFlows.push_back(std::move(t));
            }
        }
    }

    NodeIndex localNode(const Document* d, std::string_view id) const
    {
        const auto it = m_docNodes.find(d);
        if (it == m_docNodes.end())
            return kNoNode;
        const auto n = it->second.find(std::string(id));
        return n == it->second.end() ? kNoNode : n->second;
    }

    /// The correlation key of a message (zeebe:subscription correlationKey), compiled.
    std::optional<Expression> keyOf(const Element* message)
    {
        if (!message)
            return std::nullopt;
        const Element* ext = message->childOfType(BpmnType::ExtensionElements);
        if (!ext)
            return std::nullopt;
        for (const Element* z : ext->children())
            if (z->local() == "subscription" && m_doc->namespaceUri(z->ns) == uri::Zeebe) {
                const auto text = z->attr("correlationKey");
                if (text.empty())
                    return std::nullopt;
                auto c = Expression::compile(text, Dialect::Feel);
                if (!c) {
                    error(z, "expression-invalid",
                          "the correlation key '" + std::string(text) + "' cannot be read: " + c.error.message);
                    return std::nullopt;
                }
                return *c;
            }
        return std::nullopt;
    }

    /// The message a node catches or sends: its name, and its correlation key.
    void readMessage(std::string_view ref, Node& n)
    {
        n.code = nameOf(ref);
        n.correlationKey = keyOf(m_doc->resolve(ref));
    }

    /// A message's or signal's name as the engine matches it: its name, or its id when it has none
    /// (or the reference as written, when it points nowhere).
    std::string nameOf(std::string_view ref) const
    {
        const Element* x = m_doc->resolve(ref);
        return x ? std::string(!x->name().empty() ? x->name() : x->id()) : std::string(ref);
    }

    void warn(const Element* e, std::string code, std::string msg)
    {
        if (m_diags)
            m_diags->push_back({Diagnostic::Severity::Warning, m_doc->fileName(), e->line, std::string(e->id()),
                                std::move(code), std::move(msg)});
    }
    void error(const Element* e, std::string code, std::string msg)
    {
        m_failed = true;
        if (m_diags)
            m_diags->push_back({Diagnostic::Severity::Error, m_doc->fileName(), e->line, std::string(e->id()),
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
                m_docFlows[m_doc].emplace(f.id, static_cast<FlowIndex>(m_p->m_flows.size()));
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
            n.process = m_process;
            n.isForCompensation = e->boolAttr("isForCompensation");
            if (n.kind == NodeKind::BoundaryEvent)
                n.interrupting = e->attrOrDefault("cancelActivity") != "false";
            if (n.kind == NodeKind::StartEvent)
                n.interrupting = e->attrOrDefault("isInterrupting") != "false";
            if (e->type == BpmnType::ReceiveTask) {
                n.trigger = Trigger::Message;
                readMessage(e->attr("messageRef"), n);
            }
            if (e->type == BpmnType::SendTask)
                readMessage(e->attr("messageRef"), n);
            if (e->type == BpmnType::CallActivity)
                readCall(e, n);
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
            if (!m_docNodes[m_doc].emplace(n.id, index).second) {
                error(e, "duplicate-id", "two flow elements share the id '" + n.id + "'; give each its own id");
                continue;
            }
            m_p->m_nodeById.emplace(n.id, index); // ids from other files may repeat: the first wins
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
            if (io->local() != "ioMapping" || m_doc->namespaceUri(io->ns) != uri::Zeebe)
                continue;
            for (const Element* out : io->children()) {
                const bool input = out->local() == "input";
                if (out->local() != "output" && !input)
                    continue;
                auto compiled = Expression::compile(out->attr("source"), Dialect::Feel);
                if (!compiled) {
                    warn(out, input ? "input-invalid" : "output-invalid",
                         std::string(input ? "the input" : "the output") + " mapping to '" +
                             std::string(out->attr("target")) + "' is not run: " + compiled.error.message);
                    continue;
                }
                (input ? n.inputs : n.outputs).push_back({std::string(out->attr("target")), *compiled});
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
                if (z->local() == "loopCharacteristics" && m_doc->namespaceUri(z->ns) == uri::Zeebe) {
                    if (auto c = Expression::compile(z->attr("inputCollection"), Dialect::Feel))
                        n.loop.inputCollection = *c;
                    else
                        error(z, "expression-invalid", "the input collection cannot be read: " + c.error.message);
                    n.loop.inputElement = std::string(z->attr("inputElement"));
                    n.loop.outputCollection = std::string(z->attr("outputCollection"));
                    if (auto oe = z->attr("outputElement"); !oe.empty()) {
                        std::string name(oe.substr(oe.front() == '=' ? 1 : 0));
                        name.erase(0, name.find_first_not_of(" \t"));
                        name.erase(name.find_last_not_of(" \t") + 1);
                        if (!name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
                                return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
                            }))
                            n.loop.outputLocal = name;
                        if (auto c = Expression::compile(oe, Dialect::Feel))
                            n.loop.outputElement = *c;
                        else
                            error(z, "expression-invalid", "the output element cannot be read: " + c.error.message);
                    }
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
            readMessage(d->attr("messageRef"), n);
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
            const Element* err = m_doc->resolve(d->attr("errorRef"));
            n.code = err ? std::string(err->attr("errorCode")) : std::string();
            n.catchAll = n.code.empty();
            break;
        }
        case BpmnType::EscalationEventDefinition: {
            n.trigger = Trigger::Escalation;
            const Element* esc = m_doc->resolve(d->attr("escalationRef"));
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

    void resolve(const Element* process, std::size_t firstNode, std::size_t firstFlow)
    {
        auto& nodes = m_p->m_nodes;
        ProcessInfo& info = m_p->m_processes[m_process];
        auto nodeOf = [&](std::string_view id) { return localNode(m_doc, id); };
        for (std::size_t i = firstFlow; i < m_p->m_flows.size(); ++i) {
            Flow& f = m_p->m_flows[i];
            const Element* e = m_flowElements[i];
            f.source = nodeOf(e->attr("sourceRef"));
            f.target = nodeOf(e->attr("targetRef"));
            if (f.source == kNoNode || f.target == kNoNode ||
                nodes[static_cast<std::size_t>(f.source)].process != m_process ||
                nodes[static_cast<std::size_t>(f.target)].process != m_process) {
                error(e, "flow-dangling",
                      "the sequence flow '" + f.id + "' does not connect two flow nodes of this process; connect both ends");
                continue;
            }
            nodes[static_cast<std::size_t>(f.source)].outgoing.push_back(static_cast<FlowIndex>(i));
            nodes[static_cast<std::size_t>(f.target)].incoming.push_back(static_cast<FlowIndex>(i));
        }
        for (std::size_t i = firstNode; i < nodes.size(); ++i) {
            Node& n = nodes[i];
            const Element* e = m_nodeElements[i];
            const auto index = static_cast<NodeIndex>(i);
            if (auto d = e->attr("default"); !d.empty()) {
                const auto& flows = m_docFlows[m_doc];
                const auto it = flows.find(std::string(d));
                n.defaultFlow = it == flows.end() ? -1 : it->second;
            }
            if (n.kind == NodeKind::BoundaryEvent) {
                n.attachedTo = nodeOf(e->attr("attachedToRef"));
                if (n.attachedTo == kNoNode)
                    error(e, "boundary-unattached", "the boundary event is attached to nothing in this process; attach it to an activity");
                else
                    nodes[static_cast<std::size_t>(n.attachedTo)].boundaries.push_back(index);
            }
            if (n.kind == NodeKind::StartEvent) {
                const bool inEventSub = n.container != kNoNode && nodes[static_cast<std::size_t>(n.container)].isEventSubProcess;
                auto& list = n.container == kNoNode ? (n.trigger == Trigger::None ? info.starts : info.triggeredStarts)
                                                    : nodes[static_cast<std::size_t>(n.container)].starts;
                if (inEventSub) {
                    const NodeIndex sub = n.container;
                    const NodeIndex outer = nodes[static_cast<std::size_t>(sub)].container;
                    (outer == kNoNode ? info.eventStarts : nodes[static_cast<std::size_t>(outer)].eventStarts)
                        .push_back(index);
                } else if (n.container == kNoNode || n.trigger == Trigger::None) {
                    list.push_back(index);
                }
            }
        }
        // Flow nodes without incoming sequence flows start with their process or sub-process
        // (10.5.2), but for start, boundary and catching link events (reached otherwise),
        // compensation handlers and event sub-processes (13.5.4, 13.5.5).
        for (std::size_t i = firstNode; i < nodes.size(); ++i) {
            const Node& n = nodes[i];
            if (!n.incoming.empty() || n.kind == NodeKind::StartEvent || n.kind == NodeKind::BoundaryEvent ||
                n.isForCompensation || n.isEventSubProcess ||
                (n.kind == NodeKind::CatchEvent && n.trigger == Trigger::Link))
                continue;
            (n.container == kNoNode ? info.implicitStarts : nodes[static_cast<std::size_t>(n.container)].implicitStarts)
                .push_back(static_cast<NodeIndex>(i));
        }
        // Compensation handlers are tied to their boundary events by associations.
        auto link = [&](const Element* container) {
            for (Element* a : container->childrenOfType(BpmnType::Association)) {
                const NodeIndex from = nodeOf(a->attr("sourceRef"));
                const NodeIndex to = nodeOf(a->attr("targetRef"));
                if (from != kNoNode && to != kNoNode && nodes[static_cast<std::size_t>(from)].trigger == Trigger::Compensate &&
                    nodes[static_cast<std::size_t>(from)].kind == NodeKind::BoundaryEvent)
                    nodes[static_cast<std::size_t>(from)].compensationHandler = to;
            }
        };
        link(process);
        for (std::size_t i = firstNode; i < nodes.size(); ++i)
            if (nodes[i].kind == NodeKind::SubProcess)
                link(m_nodeElements[i]);
        if (info.starts.empty() && info.triggeredStarts.empty() && info.implicitStarts.empty())
            warn(process, "no-start-event", "the process has no start event: an instance can only begin where you start it");
    }

    /// The called process (calledElement, or zeebe:calledElement processId, a literal or an
    /// =expression) and how variables pass in and out (zeebe:ioMapping, propagateAll*Variables,
    /// camunda:in/out).
    void readCall(const Element* e, Node& n)
    {
        n.calledElement = std::string(e->attr("calledElement"));
        const Element* ext = e->childOfType(BpmnType::ExtensionElements);
        if (!ext)
            return;
        for (const Element* z : ext->children()) {
            const auto ns = m_doc->namespaceUri(z->ns);
            if (ns == uri::Zeebe && z->local() == "calledElement") {
                const std::string id(z->attr("processId"));
                if (!id.empty() && id.front() == '=') {
                    if (auto c = Expression::compile(id, Dialect::Feel))
                        n.calledExpression = *c;
                    else
                        error(z, "expression-invalid",
                              "the called process id '" + id + "' cannot be read: " + c.error.message);
                } else if (!id.empty()) {
                    n.calledElement = id;
                }
                n.propagateAllChild = z->attr("propagateAllChildVariables") != "false";
                n.propagateAllParent = z->attr("propagateAllParentVariables") != "false";
            } else if (ns == uri::Camunda && (z->local() == "in" || z->local() == "out")) {
                VariablePassing v;
                v.all = z->attr("variables") == "all";
                if (!v.all) {
                    const std::string source(z->attr("source")), expr(z->attr("sourceExpression"));
                    v.target = std::string(z->attr("target"));
                    if (v.target.empty())
                        v.target = source;
                    auto c =
                        Expression::compile(expr.empty() ? source : expr, expr.empty() ? Dialect::Feel : Dialect::Auto);
                    if (!c || v.target.empty()) {
                        warn(z, "mapping-invalid",
                             "this camunda:" + std::string(z->local()) +
                                 " mapping is not run: " + (c ? std::string("it has no target") : c.error.message));
                        continue;
                    }
                    v.source = *c;
                }
                (z->local() == "in" ? n.passIn : n.passOut).push_back(std::move(v));
            }
        }
    }

    Diagnostics* m_diags;
    const CompileOptions& m_options;
    const Document* m_doc = nullptr;
    CompiledProcess* m_p = nullptr;
    std::uint16_t m_process = 0;
    std::vector<const Element*> m_nodeElements, m_flowElements;
    std::vector<Pending> m_queue, m_processElements;
    std::map<const Document*, std::unordered_map<std::string, NodeIndex>> m_docNodes;
    std::map<const Document*, std::unordered_map<std::string, FlowIndex>> m_docFlows;
    std::vector<std::unique_ptr<Document>> m_loaded; ///< other files of the folder, read for called processes
    std::set<std::string> m_read;
    bool m_failed = false;
};

std::shared_ptr<const CompiledProcess> CompiledProcess::compile(const Document& doc, std::string_view processId,
                                                                 Diagnostics* diagnostics)
{
    return compile(doc, processId, diagnostics, CompileOptions{});
}

std::shared_ptr<const CompiledProcess> CompiledProcess::compile(const Document& doc, std::string_view processId,
                                                                Diagnostics* diagnostics, const CompileOptions& options)
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
    return ProcessCompiler(diagnostics, options).run(doc, process);
}

} // namespace runway::core::engine
