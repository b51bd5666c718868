// Running the token simulator's recorded scenarios on Runway's engine, and the projection both
// traces are compared on (docs/conformance.md).
#include "runway/core/BpmnReader.h"
#include "runway/core/Semantics.h"
#include "runway/core/engine/Conformance.h"

#include <algorithm>
#include <memory>

namespace runway::core::engine {

namespace {

bool isActivity(const Node& n)
{
    return n.kind == NodeKind::Task || n.kind == NodeKind::WaitTask || n.kind == NodeKind::SubProcess ||
           n.kind == NodeKind::CallActivity;
}

/// An element a token reaches because an event happened, not by following a sequence flow into
/// it: the simulator records a `signal` there, never an `enter`.
bool reachedByEvent(const CompiledProcess& p, const Node& n, const TraceEvent& e)
{
    if (n.kind == NodeKind::StartEvent || n.kind == NodeKind::BoundaryEvent)
        return true;
    if (n.kind == NodeKind::SubProcess && n.isEventSubProcess)
        return true; // an event sub-process starts because its start event's trigger happened
    if (n.kind == NodeKind::CatchEvent && n.trigger == Trigger::Link)
        return true; // reached from its throwing link
    // the event chosen at an event-based gateway
    return e.flow >= 0 && p.node(p.flow(e.flow).source).kind == NodeKind::EventBasedGateway;
}

/// An end event whose scope ends with it abnormally (its error, escalation, cancellation or
/// termination ends the scope): the simulator destroys its scope without an `exit`.
bool endsScopeAbruptly(const Node& n)
{
    return n.kind == NodeKind::EndEvent && (n.trigger == Trigger::Terminate || n.trigger == Trigger::Error ||
                                            n.trigger == Trigger::Escalation || n.trigger == Trigger::Cancel);
}

/// Whether the activity cancelled at events[i] was interrupted by one of its own boundary events:
/// the simulator records that as the activity's `exit` (the token leaves it through the boundary
/// event), while a cancellation from outside (terminate, an enclosing scope ending) has none.
bool interruptedByOwnBoundary(const std::vector<RecordedEvent>& events, std::size_t i)
{
    const auto& [p, cancelled] = events[i];
    for (std::size_t j = i + 1; j < events.size(); ++j) {
        const TraceEvent& e = events[j].event;
        if (e.kind == TraceEvent::Kind::ElementCancelled || e.kind == TraceEvent::Kind::TimerCancelled)
            continue; // what the activity held is cancelled with it
        if (e.kind != TraceEvent::Kind::ElementEntered || events[j].process != p || e.node == kNoNode)
            return false;
        const Node& b = p->node(e.node);
        return b.kind == NodeKind::BoundaryEvent && b.attachedTo == cancelled.node;
    }
    return false;
}

std::string show(const TraceMultiset& m)
{
    std::string s;
    for (const auto& [entry, n] : m) {
        if (!s.empty())
            s += ", ";
        s += entry;
        if (n > 1)
            s += " x" + std::to_string(n);
    }
    return s.empty() ? "nothing" : s;
}

std::string show(const std::vector<std::string>& v)
{
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i)
        s += (i ? ", " : "") + v[i];
    return s + "]";
}

/// a - b, each entry as often as it is in excess.
std::vector<std::string> excess(const TraceMultiset& a, const TraceMultiset& b)
{
    std::vector<std::string> out;
    for (const auto& [entry, n] : a) {
        const auto it = b.find(entry);
        for (int k = n - (it == b.end() ? 0 : it->second); k > 0; --k)
            out.push_back(entry);
    }
    return out;
}

TraceMultiset count(const std::vector<std::string>& v)
{
    TraceMultiset m;
    for (const auto& s : v)
        ++m[s];
    return m;
}

/// The diagram, read and compiled once per file: every process of it in one run (a collaboration
/// has one per pool), and what is a flow node.
struct Model {
    std::unique_ptr<Document> doc;
    std::shared_ptr<const CompiledProcess> run;
    std::string errors; ///< why it cannot run
    std::set<std::string, std::less<>> flowNodes;
};

/// The simulator has no clock: its diagrams' timers carry no value and fire when a scenario
/// triggers them. Runway's compiler rightly refuses a timer without a value, so each gets the
/// nominal cycle R/PT1H: a trigger step finds it armed, moves the clock to it and fires it; a
/// catch event or an interrupting boundary timer fires once as any timer does, and a
/// non-interrupting boundary timer stays armed while its activity runs, as a cycle does.
void giveTimersANominalCycle(Document& doc)
{
    for (Element* e : doc.allElements()) {
        if (e->type != BpmnType::TimerEventDefinition)
            continue;
        if (e->child(Ns::Model, "timeDate") || e->child(Ns::Model, "timeDuration") || e->child(Ns::Model, "timeCycle"))
            continue;
        Element* cycle = doc.createElement(Ns::Model, "timeCycle");
        doc.insert(e, cycle);
        doc.setText(cycle, "R/PT1H");
    }
}

bool loadModel(const std::string& path, Model& m, std::string* error)
{
    auto read = BpmnReader::readFile(path);
    if (!read.ok()) {
        *error = read.diagnostics.empty() ? path : read.diagnostics.front().format();
        return false;
    }
    m.doc = std::move(read.document);
    giveTimersANominalCycle(*m.doc);
    for (const Element* e : m.doc->allElements())
        if (e->isA(BpmnType::FlowNode))
            m.flowNodes.emplace(e->id());
    const auto all = sem::processes(*m.doc);
    if (all.empty())
        return true;
    Diagnostics d;
    CompileOptions options;
    options.allProcesses = true; // the simulator may start any of them
    m.run = CompiledProcess::compile(*m.doc, all.front()->id(), &d, options);
    for (const auto& x : d)
        if (x.isError())
            m.errors += (m.errors.empty() ? "" : "; ") + x.format();
    return true;
}

/// One scenario: one run holding the process instances it started (each start event that occurs
/// starts one, BPMN 2.0 13.2), the policy its steps configure, and Runway's events since the last
/// check.
class ScenarioRun {
public:
    explicit ScenarioRun(const Model& m) : m_model(m)
    {
        if (!m.run)
            return;
        m_instance = std::make_unique<Instance>(m.run, &m_policy, kStart);
        m_instance->setLimits(200'000, 10'000);
        const CompiledProcess* p = m.run.get();
        m_instance->setObserver([this, p](const TraceEvent& e) { m_events.push_back({p, e}); });
    }

    /// Performs a trigger (or signal) step; on failure says why in *why.
    bool trigger(const std::string& element, std::string* why)
    {
        if (!m_instance) {
            *why = "the diagram cannot run in Runway: " + m_model.errors;
            return false;
        }
        Instance& in = *m_instance;
        if (startsProcess(element)) {
            if (!in.startProcess(element)) {
                *why = "Runway cannot start a process at '" + element + "'" + incidents();
                return false;
            }
            return true;
        }
        if (in.trigger(element) || in.completeTask(element))
            return true;
        // A flow node without incoming flows of a process without start events starts it (10.5.2).
        if (in.startProcess(element))
            return true;
        *why = "nothing in Runway waits at '" + element + "' (tokens at " + show(waitingAt()) + ")" + incidents();
        return false;
    }

    /// A signal step: the simulator signals message flows (and participants). A message flow
    /// delivers its message to its target: a start event starts an instance, a waiting catch event
    /// or receive task catches it; a pool is started at its first message start event. When
    /// nothing there waits for the message it is lost, as in the simulator; the traces show it.
    bool signal(const std::string& element, std::string* why)
    {
        const Element* e = m_model.doc->findById(element);
        if (!e) {
            *why = "there is no element '" + element + "' in the diagram";
            return false;
        }
        const bool message = e->type == BpmnType::MessageFlow;
        if (message)
            e = m_model.doc->resolve(e->attr("targetRef"));
        if (e && e->type == BpmnType::Participant) {
            const Element* process = sem::processOf(*m_model.doc, e);
            const std::int32_t p = process && m_model.run ? m_model.run->processIndex(process->id()) : -1;
            if (p >= 0)
                for (NodeIndex st : m_model.run->processInfo(static_cast<std::size_t>(p)).triggeredStarts)
                    if (m_model.run->node(st).trigger == Trigger::Message)
                        return trigger(m_model.run->node(st).id, why);
            return true; // a black-box pool, or one with no message start: the message is lost
        }
        if (!e) {
            *why = "the message flow '" + element + "' has no target in the diagram";
            return false;
        }
        const std::string target(e->id());
        if (message && !startsProcess(target) && !waitsAt(target))
            return true;
        return trigger(target, why);
    }

    void runUntilIdle()
    {
        if (m_instance)
            m_instance->runUntilIdle();
    }

    /// Runway's events since the last call, projected.
    TraceMultiset takeFragment()
    {
        auto m = projectRunwayTrace(m_events);
        m_events.clear();
        return m;
    }

    std::vector<std::string> waitingAt() const
    {
        if (!m_instance)
            return {};
        auto v = m_instance->waitingAt();
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    }

    std::string incidents() const
    {
        std::string s;
        if (m_instance)
            for (const auto& i : m_instance->incidents())
                s += "; incident: " + i;
        return s;
    }

    ScriptedPolicy& policy() { return m_policy; }

private:
    bool waitsAt(const std::string& element) const
    {
        if (!m_instance)
            return false;
        const NodeIndex n = m_model.run->nodeIndex(element);
        for (const Wait& w : m_instance->state().waits)
            if (w.active && w.node == n && w.kind != Wait::Kind::Work)
                return true;
        return false;
    }

    /// Whether `element` is a process's own start event (start events of sub-processes and event
    /// sub-processes are not).
    bool startsProcess(const std::string& element) const
    {
        const Element* e = m_model.doc->findById(element);
        return e && e->type == BpmnType::StartEvent && e->parent && e->parent->type == BpmnType::Process;
    }

    static inline const TimePoint kStart{std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch()};
    const Model& m_model;
    ScriptedPolicy m_policy;
    std::unique_ptr<Instance> m_instance;
    std::vector<RecordedEvent> m_events;
};

ConformanceResult runScenario(const Model& model, const ConformanceScenario& s)
{
    ConformanceResult r;
    r.scenario = s.name;
    ScenarioRun run(model);
    TraceMultiset alive; // flow node -> scopes the simulator has open there (createScope - destroyScope)
    std::size_t lastCheck = 0;
    for (std::size_t i = 0; i < s.steps.size(); ++i)
        if (s.steps[i].op == ConformanceStep::Op::ExpectTrace)
            lastCheck = i + 1;
    auto fail = [&](std::size_t step, std::string what) {
        r.step = static_cast<int>(step);
        r.difference = "step " + std::to_string(step) + " " + what;
        return r;
    };
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const ConformanceStep& st = s.steps[i];
        const std::size_t n = i + 1;
        std::string why;
        using Op = ConformanceStep::Op;
        switch (st.op) {
        case Op::Trigger:
            if (!run.trigger(st.element, &why))
                return fail(n, "(trigger " + st.element + "): " + why);
            break;
        case Op::Signal:
            if (!run.signal(st.element, &why))
                return fail(n, "(signal " + st.element + "): " + why);
            break;
        case Op::SetConfig: run.policy().setActiveOutgoing(st.element, st.activeOutgoing); break;
        case Op::WaitAtElement: run.policy().waitAt(st.element); break;
        case Op::ExpectTrace: {
            const auto expected = projectRecordedTrace(st.trace, model.flowNodes);
            const auto got = run.takeFragment();
            if (expected != got) {
                r.missing = excess(expected, got);
                r.unexpected = excess(got, expected);
                return fail(n, "(expectTrace): the trace has " + show(count(r.missing)) + " that Runway has not; Runway has " +
                                   show(count(r.unexpected)) + " that the trace has not" + run.incidents());
            }
            for (const auto& entry : st.trace) {
                const auto a = entry.find(':');
                const auto b = entry.rfind(':');
                const std::string action = entry.substr(0, a), id = entry.substr(a + 1, b - a - 1);
                if (model.flowNodes.count(id) && (action == "createScope" || action == "destroyScope"))
                    alive[id] += action == "createScope" ? 1 : -1;
            }
            if (n == lastCheck) {
                std::vector<std::string> want;
                for (const auto& [id, k] : alive)
                    if (k > 0)
                        want.push_back(id);
                const auto have = run.waitingAt();
                if (want != have) {
                    std::set_difference(want.begin(), want.end(), have.begin(), have.end(), std::back_inserter(r.missing));
                    std::set_difference(have.begin(), have.end(), want.begin(), want.end(), std::back_inserter(r.unexpected));
                    return fail(n, "(end of the scenario): tokens wait at " + show(want) + " in the trace, at " +
                                       show(have) + " in Runway" + run.incidents());
                }
            }
            break;
        }
        }
        run.runUntilIdle();
    }
    r.passed = true;
    return r;
}

} // namespace

TraceMultiset projectRunwayTrace(const std::vector<RecordedEvent>& events)
{
    TraceMultiset m;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& [p, e] = events[i];
        if (e.node == kNoNode)
            continue;
        const Node& n = p->node(e.node);
        switch (e.kind) {
        case TraceEvent::Kind::ElementEntered:
            if (!reachedByEvent(*p, n, e))
                ++m["enter:" + n.id];
            break;
        case TraceEvent::Kind::ElementLeft:
            // An event-based gateway's scope ends when one of its events happens: no exit there.
            if (n.kind != NodeKind::EventBasedGateway && !endsScopeAbruptly(n))
                ++m["exit:" + n.id];
            break;
        case TraceEvent::Kind::ElementCancelled:
            if (isActivity(n) && interruptedByOwnBoundary(events, i))
                ++m["exit:" + n.id];
            break;
        default: break;
        }
    }
    return m;
}

TraceMultiset projectRecordedTrace(const std::vector<std::string>& trace, const std::set<std::string, std::less<>>& flowNodes)
{
    TraceMultiset m;
    for (const auto& entry : trace) {
        const auto a = entry.find(':');
        const auto b = entry.rfind(':');
        if (a == std::string::npos || a == b)
            continue;
        const std::string_view action(entry.data(), a);
        std::string_view id(entry.data() + a + 1, b - a - 1);
        // bpmn-js shows a collapsed sub-process on a plane of its own, "<id>_plane", and the
        // simulator records the sub-process under that name: it is the sub-process.
        constexpr std::string_view plane = "_plane";
        if (!flowNodes.count(id) && id.size() > plane.size() && id.substr(id.size() - plane.size()) == plane)
            id.remove_suffix(plane.size());
        if ((action == "enter" || action == "exit") && flowNodes.count(id))
            ++m[std::string(action) + ":" + std::string(id)];
    }
    return m;
}

void ScriptedPolicy::setActiveOutgoing(const std::string& gateway, std::vector<std::string> flows)
{
    m_outgoing[gateway] = std::move(flows);
}

void ScriptedPolicy::waitAt(const std::string& activity)
{
    m_waitAt.insert(activity);
}

std::vector<FlowIndex> ScriptedPolicy::chooseFlows(const Instance& instance, NodeIndex node,
                                                   const std::vector<FlowIndex>& candidates, std::string* error)
{
    const CompiledProcess& p = instance.process();
    const Node& n = p.node(node);
    if (const auto it = m_outgoing.find(n.id); it != m_outgoing.end()) {
        std::vector<FlowIndex> chosen;
        for (const auto& id : it->second) {
            const FlowIndex f = p.flowIndex(id);
            if (f >= 0 && std::find(n.outgoing.begin(), n.outgoing.end(), f) != n.outgoing.end())
                chosen.push_back(f);
        }
        if (chosen.empty() && error)
            *error = "the configured flows are not outgoing flows of '" + n.id + "'";
        return chosen;
    }
    if (n.kind == NodeKind::ExclusiveGateway)
        return n.outgoing.empty() ? std::vector<FlowIndex>{} : std::vector<FlowIndex>{n.outgoing.front()};
    return candidates;
}

WorkDecision ScriptedPolicy::work(const Instance& instance, NodeIndex node)
{
    const Node& n = instance.process().node(node);
    // A receive task waits for its message; any other task, user and manual ones too, is done at
    // once unless the scenario pauses it.
    if (m_waitAt.count(n.id) || (n.kind == NodeKind::WaitTask && n.trigger == Trigger::Message))
        return {WorkDecision::Kind::Wait, {}};
    return {};
}

ConformanceReport runConformance(const ConformanceFile& file)
{
    ConformanceReport report;
    report.file = file.path;
    Model model;
    if (!loadModel(file.diagram, model, &report.error)) {
        report.error = file.path + ": its diagram cannot be read: " + report.error;
        return report;
    }
    for (const auto& s : file.scenarios)
        report.results.push_back(runScenario(model, s));
    return report;
}

ConformanceReport runConformanceFile(const std::string& path)
{
    ConformanceFile file;
    std::string error;
    if (!ConformanceFile::load(path, file, &error)) {
        ConformanceReport report;
        report.file = path;
        report.error = error;
        return report;
    }
    return runConformance(file);
}

} // namespace runway::core::engine
