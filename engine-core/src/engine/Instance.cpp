#include "runway/core/engine/Instance.h"

#include "Behaviors.h"

#include <algorithm>
#include <utility>

namespace runway::core::engine {

using Work = InstanceState::Work;

Instance::Instance(std::shared_ptr<const CompiledProcess> process, Policy* policy, TimePoint start)
    : m_process(std::move(process)), m_policy(policy)
{
    m_s.clock = start;
}

void Instance::setVariables(const Variables& vars)
{
    for (const auto& [name, value] : vars)
        m_s.variables.set(name, value);
    if (!vars.empty() && m_s.hasConditionalWaits && m_s.incidents.empty())
        Behaviors(*this).evaluateConditions();
}

void Instance::setLimits(std::uint64_t maxSteps, std::size_t maxTokens)
{
    m_maxSteps = maxSteps;
    m_maxTokens = maxTokens;
}

bool Instance::start(std::string_view startEventId, const Variables& vars)
{
    if (m_s.started)
        return false;
    if (startEventId.empty())
        return Behaviors(*this).startProcessInstance(0, kNoNode, vars) >= 0;
    const NodeIndex start = m_process->nodeIndex(startEventId);
    if (start == kNoNode || m_process->node(start).kind != NodeKind::StartEvent ||
        m_process->node(start).container != kNoNode)
        return false;
    return Behaviors(*this).startProcessInstance(m_process->node(start).process, start, vars) >= 0;
}

bool Instance::startProcess(std::string_view elementId, const Variables& vars)
{
    if (!m_s.incidents.empty())
        return false;
    const NodeIndex n = m_process->nodeIndex(elementId);
    if (n == kNoNode || m_process->node(n).container != kNoNode)
        return false;
    const Node& at = m_process->node(n);
    const ProcessInfo& info = m_process->processInfo(at.process);
    if (at.kind == NodeKind::StartEvent)
        return Behaviors(*this).startProcessInstance(at.process, n, vars) >= 0;
    // A process without start events starts at all its flow nodes without incoming flows at once.
    if (info.starts.empty() && info.triggeredStarts.empty() &&
        std::find(info.implicitStarts.begin(), info.implicitStarts.end(), n) != info.implicitStarts.end())
        return Behaviors(*this).startProcessInstance(at.process, kNoNode, vars) >= 0;
    return false;
}

const Variables* Instance::processVariables(ScopeId instance) const
{
    if (instance < 0 || static_cast<std::size_t>(instance) >= m_s.scopes.size() ||
        m_s.scopes[static_cast<std::size_t>(instance)].instance != instance)
        return nullptr;
    return instance == 0 ? &m_s.variables : &m_s.scopes[static_cast<std::size_t>(instance)].variables;
}

std::vector<ScopeId> Instance::processInstances() const
{
    std::vector<ScopeId> v;
    for (const Scope& s : m_s.scopes)
        if (s.parent < 0)
            v.push_back(s.id);
    return v;
}

bool Instance::step()
{
    if (m_s.agenda.empty() || !m_s.incidents.empty())
        return false;
    const Work w = m_s.agenda.front();
    m_s.agenda.pop_front();
    Behaviors b(*this);
    if (++m_s.steps > m_maxSteps) {
        const Token& t = m_s.tokens[w.token - 1];
        b.incident(t.node, t.scope,
                   "more than " + std::to_string(m_maxSteps) +
                       " steps: the model loops without waiting (a cycle of flows with no timer, message or "
                       "user task in it?)");
        return false;
    }
    if (w.kind == Work::Kind::Arrive)
        b.arrive(w.token, w.via);
    else
        b.leave(w.token);
    // A token that moved on or ended may release an inclusive join waiting for it (13.4.3).
    if (m_s.agenda.empty() && m_s.incidents.empty())
        b.recheckJoins();
    // A transition may have changed variables, or armed a conditional event whose condition holds.
    if (m_s.hasConditionalWaits && m_s.incidents.empty())
        b.evaluateConditions();
    return true;
}

std::uint64_t Instance::runUntilIdle()
{
    std::uint64_t n = 0;
    while (step())
        ++n;
    return n;
}

Wait* InstanceState::findWait(std::uint32_t id)
{
    return const_cast<Wait*>(std::as_const(*this).findWait(id));
}

const Wait* InstanceState::findWait(std::uint32_t id) const
{
    // `waits` is in arming order, so ascending by id, also after compaction.
    auto it = std::lower_bound(waits.begin(), waits.end(), id, [](const Wait& w, std::uint32_t x) { return w.id < x; });
    return it != waits.end() && it->id == id ? &*it : nullptr;
}

const Wait* Instance::nextTimer() const
{
    // Timers disarmed since they were armed are dropped as they reach the top of the heap.
    auto& heap = m_s.timerHeap;
    while (!heap.empty()) {
        const Wait* w = m_s.findWait(heap.front().wait);
        if (w && w->active)
            return w;
        std::pop_heap(heap.begin(), heap.end(), firesLater);
        heap.pop_back();
    }
    return nullptr;
}

std::optional<TimePoint> Instance::nextTimerDue() const
{
    const Wait* w = nextTimer();
    return w ? std::optional<TimePoint>(w->due) : std::nullopt;
}

bool Instance::advanceToNextTimer()
{
    if (!m_s.incidents.empty())
        return false;
    const Wait* best = nextTimer();
    if (!best)
        return false;
    m_s.clock = std::max(m_s.clock, best->due);
    Behaviors(*this).fire(best->id);
    return true;
}

void Instance::advanceBy(std::chrono::milliseconds d)
{
    const TimePoint target = m_s.clock + d;
    while (m_s.incidents.empty()) {
        runUntilIdle();
        auto due = nextTimerDue();
        if (!due || *due > target)
            break;
        advanceToNextTimer();
    }
    runUntilIdle();
    m_s.clock = std::max(m_s.clock, target);
}

void Instance::runToEnd()
{
    while (true) {
        runUntilIdle();
        if (m_s.completed || !m_s.incidents.empty())
            return;
        if (!advanceToNextTimer())
            return;
    }
}

namespace {
const Token* findToken(const InstanceState& s, const CompiledProcess& p, std::string_view elementId)
{
    const NodeIndex n = p.nodeIndex(elementId);
    for (const Token& t : s.tokens) // an instance of a multi-instance activity, not the activity itself
        if (t.node == n && t.state != Token::State::Done && t.role != Token::Role::MultiOuter)
            return &t;
    return nullptr;
}
} // namespace

bool Instance::completeTask(std::string_view elementId, const Variables& vars)
{
    const Token* t = findToken(m_s, *m_process, elementId);
    if (!t || !m_s.incidents.empty())
        return false;
    const auto kind = m_process->node(t->node).kind;
    if (kind != NodeKind::WaitTask && kind != NodeKind::Task)
        return false;
    if (!vars.empty()) { // the task's results go where the variables are in scope (Camunda's rule)
        Behaviors b(*this);
        b.writeAll(t->id, t->scope, vars);
        if (m_s.hasConditionalWaits)
            b.evaluateConditions();
    }
    // A task whose work takes time can be finished early by hand: its work timer goes.
    for (auto& w : m_s.waits)
        if (w.active && w.token == t->id && w.node == t->node)
            w.active = false;
    Behaviors(*this).schedule(Work::Kind::Leave, t->id);
    return true;
}

bool Instance::failActivity(std::string_view elementId, std::string_view errorCode)
{
    const Token* t = findToken(m_s, *m_process, elementId);
    if (!t || !m_s.incidents.empty())
        return false;
    const auto kind = m_process->node(t->node).kind;
    if (kind != NodeKind::WaitTask && kind != NodeKind::Task && kind != NodeKind::SubProcess &&
        kind != NodeKind::CallActivity)
        return false;
    const TokenId id = t->id;
    Behaviors(*this).throwError(t->scope, t->node, id, std::string(errorCode), false);
    return true;
}

bool Instance::correlateMessage(std::string_view messageName, const Variables& vars)
{
    return deliver(messageName, vars, nullptr);
}

bool Instance::correlateMessage(std::string_view messageName, const Variables& vars, std::string_view correlationKey)
{
    const std::string key(correlationKey);
    return deliver(messageName, vars, &key);
}

bool Instance::deliver(std::string_view messageName, const Variables& vars, const std::string* key)
{
    if (!m_s.incidents.empty())
        return false;
    const std::string name(messageName);
    Behaviors b(*this);
    if (b.deliverToWait(kNoNode, -1, name, true, key, vars)) {
        if (m_s.hasConditionalWaits && m_s.incidents.empty())
            b.evaluateConditions();
        return true;
    }
    // A message start event of a process of the run starts a new instance of it (one per process).
    bool started = false;
    for (std::size_t p = 0; p < m_process->processes().size(); ++p)
        for (NodeIndex s : m_process->processInfo(p).triggeredStarts)
            if (m_process->node(s).trigger == Trigger::Message && m_process->node(s).code == messageName) {
                started = b.startProcessInstance(static_cast<std::int32_t>(p), s, vars) >= 0 || started;
                break;
            }
    return started;
}

int Instance::broadcastSignal(std::string_view signalName)
{
    int n = 0;
    for (const Wait& w : m_s.waits)
        if (w.active && w.kind == Wait::Kind::Signal && m_process->node(w.node).code == signalName)
            ++n;
    for (const ProcessInfo& p : m_process->processes())
        for (NodeIndex s : p.triggeredStarts)
            if (m_process->node(s).trigger == Trigger::Signal && m_process->node(s).code == signalName)
                ++n;
    Behaviors(*this).broadcast(std::string(signalName));
    return n;
}

bool Instance::trigger(std::string_view elementId)
{
    const NodeIndex n = m_process->nodeIndex(elementId);
    if (n == kNoNode || !m_s.incidents.empty())
        return false;
    const Wait* first = nullptr;
    for (const Wait& w : m_s.waits)
        if (w.active && w.node == n && w.kind != Wait::Kind::Work && (!first || w.seq < first->seq))
            first = &w;
    if (!first)
        return false;
    if (first->kind == Wait::Kind::Timer)
        m_s.clock = std::max(m_s.clock, first->due);
    Behaviors(*this).fire(first->id);
    return true;
}

void Instance::cancel()
{
    if (m_s.scopes.empty())
        return;
    Behaviors b(*this);
    for (const ScopeId root : processInstances())
        if (!m_s.scopes[static_cast<std::size_t>(root)].done)
            b.cancelScope(root);
    m_s.agenda.clear();
    m_s.completed = true;
}

std::vector<const Token*> Instance::activeTokens() const
{
    std::vector<const Token*> v;
    for (const Token& t : m_s.tokens)
        if (t.state != Token::State::Done)
            v.push_back(&t);
    return v;
}

std::vector<std::string> Instance::waitingAt() const
{
    std::vector<std::string> v;
    for (const Token& t : m_s.tokens)
        if (t.state != Token::State::Done && t.role != Token::Role::MultiOuter)
            v.push_back(m_process->node(t.node).id);
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace runway::core::engine
