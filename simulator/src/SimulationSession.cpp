#include "runway/sim/SimulationSession.h"

#include "SessionPolicy.h"
#include "runway/sim/EventLogModel.h"
#include "runway/sim/InstancesModel.h"
#include "runway/sim/VariablesModel.h"

#include <QElapsedTimer>

#include <algorithm>

namespace runway::sim {

using engine::Instance;
using engine::TraceEvent;

struct SimulationSession::Checkpoint {
    std::size_t action = 0; ///< the number of actions done when it was taken
    /// Per instance; an instance untouched since the previous checkpoint shares its snapshot.
    std::vector<std::shared_ptr<const engine::InstanceState>> states;
    std::size_t logSize = 0;
    std::vector<engine::Scenario::Step> recorded;
    SessionPolicy::State policy;
    std::size_t nextRoundRobin = 0;
};

SimulationSession::SimulationSession(std::shared_ptr<const engine::CompiledProcess> process, QObject* parent)
    : QObject(parent), m_process(std::move(process)), m_policy(std::make_unique<Policy>()),
      m_startTime(std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch())
{
    m_visitedNodes.assign(m_process->nodes().size(), 0);
    m_visitedFlows.assign(m_process->flows().size(), 0);
    m_breakNodes.assign(m_process->nodes().size(), 0);
    m_eventLog = new EventLogModel(this);
    m_variables = new VariablesModel(this);
    m_instancesModel = new InstancesModel(this);
    m_policy->idOf = [this](const Instance& in) {
        for (std::size_t i = 0; i < m_instances.size(); ++i)
            if (m_instances[i].get() == &in)
                return static_cast<int>(i) + 1;
        return 0;
    };
    connect(&m_timer, &QTimer::timeout, this, &SimulationSession::tick);
    checkpoint();
}

SimulationSession::~SimulationSession() = default;

void SimulationSession::setTaskDuration(const QString& taskId, std::chrono::milliseconds d)
{
    const auto n = m_process->nodeIndex(taskId.toStdString());
    if (n != engine::kNoNode)
        m_policy->durations[n] = d;
}

const Instance* SimulationSession::instance(int id) const
{
    return id >= 1 && id <= instanceCount() ? m_instances[static_cast<std::size_t>(id - 1)].get() : nullptr;
}

TimePoint SimulationSession::clock() const
{
    TimePoint t = m_startTime;
    for (const auto& in : m_instances)
        t = std::max(t, in->clock());
    return t;
}

bool SimulationSession::allFinished() const
{
    return std::all_of(m_instances.begin(), m_instances.end(),
                       [](const auto& in) { return in->completed() || in->failed(); });
}

// ---------------------------------------------------------------- actions

int SimulationSession::start(const QString& startEventId, const core::Variables& vars)
{
    Action a{Action::Kind::Start};
    a.a = startEventId;
    a.vars = vars;
    return run(std::move(a)) ? instanceCount() : 0;
}

bool SimulationSession::step()
{
    if (m_instances.empty())
        return false;
    for (std::size_t k = 0; k < m_instances.size(); ++k) {
        const std::size_t i = (m_nextRoundRobin + k) % m_instances.size();
        const Instance& in = *m_instances[i];
        if (in.state().agenda.empty() || in.failed())
            continue;
        PendingDecision d;
        if (pendingFor(static_cast<int>(i) + 1, &d)) {
            pause();
            emit decisionNeeded(d);
            return false;
        }
        Action a{Action::Kind::Step};
        a.instance = static_cast<int>(i) + 1;
        return run(std::move(a));
    }
    return false;
}

bool SimulationSession::nextTimer() { return run(Action{Action::Kind::NextTimer}); }

void SimulationSession::advanceBy(std::chrono::milliseconds d)
{
    Action a{Action::Kind::Advance};
    a.ms = d.count();
    run(std::move(a));
}

bool SimulationSession::completeTask(int instance, const QString& elementId, const core::Variables& vars)
{
    Action a{Action::Kind::Complete};
    a.instance = instance;
    a.a = elementId;
    a.vars = vars;
    return run(std::move(a));
}

bool SimulationSession::failActivity(int instance, const QString& elementId, const QString& errorCode)
{
    Action a{Action::Kind::Fail};
    a.instance = instance;
    a.a = elementId;
    a.b = errorCode;
    return run(std::move(a));
}

bool SimulationSession::sendMessage(int instance, const QString& messageName, const core::Variables& vars)
{
    Action a{Action::Kind::Message};
    a.instance = instance;
    a.a = messageName;
    a.vars = vars;
    return run(std::move(a));
}

int SimulationSession::broadcastSignal(const QString& signalName)
{
    Action a{Action::Kind::Signal};
    a.a = signalName;
    const std::size_t before = m_log.size();
    run(std::move(a));
    return static_cast<int>(std::count_if(m_log.begin() + static_cast<std::ptrdiff_t>(before), m_log.end(),
                                          [](const LogEntry& e) { return e.event.kind == TraceEvent::Kind::SignalCaught; }));
}

bool SimulationSession::trigger(int instance, const QString& elementId)
{
    Action a{Action::Kind::Trigger};
    a.instance = instance;
    a.a = elementId;
    return run(std::move(a));
}

bool SimulationSession::setVariables(int instance, const core::Variables& vars)
{
    if (!this->instance(instance))
        return false;
    Action a{Action::Kind::SetVariables};
    a.instance = instance;
    a.vars = vars;
    return run(std::move(a));
}

void SimulationSession::presetChoice(const QString& gatewayId, const QStringList& flows)
{
    Action a{Action::Kind::Preset};
    a.a = gatewayId;
    a.flows = flows;
    run(std::move(a));
}

QStringList SimulationSession::presetFor(const QString& gatewayId) const
{
    QStringList out;
    const auto n = m_process->nodeIndex(gatewayId.toStdString());
    if (auto it = m_policy->state.presets.find(n); it != m_policy->state.presets.end())
        for (auto f : it->second)
            out << QString::fromStdString(m_process->flow(f).id);
    return out;
}

bool SimulationSession::decide(const QStringList& flows)
{
    const auto d = pendingDecision();
    if (!d || flows.isEmpty() || (!d->inclusive && flows.size() != 1))
        return false;
    for (const auto& f : flows)
        if (!d->candidates.contains(f))
            return false;
    Action a{Action::Kind::Decide};
    a.instance = d->instance;
    a.a = d->gateway;
    a.flows = flows;
    return run(std::move(a));
}

void SimulationSession::setBreakpoint(const QString& elementId, bool on)
{
    const auto n = m_process->nodeIndex(elementId.toStdString());
    if (n == engine::kNoNode)
        return;
    m_breakNodes[static_cast<std::size_t>(n)] = on ? 1 : 0;
    if (on)
        m_breakpoints.insert(elementId);
    else
        m_breakpoints.remove(elementId);
}

bool SimulationSession::run(Action a)
{
    const std::size_t logBefore = m_log.size();
    const auto clockBefore = clock();
    const bool ok = apply(a);
    // An action that failed after settling the instances still changed them: it is history too.
    if (ok || m_log.size() != logBefore) {
        m_actions.push_back(std::move(a));
        if (m_actions.size() - m_checkpoints.back().action >= m_checkpointEvery)
            checkpoint();
        if (m_actions.size() > kMaxActions)
            forgetOldHistory();
    }
    if (!m_batch)
        afterActions(logBefore, clockBefore);
    return ok;
}

Instance* SimulationSession::target(int id, const std::function<bool(Instance&)>& attempt)
{
    if (id > 0) {
        auto* in = id <= instanceCount() ? m_instances[static_cast<std::size_t>(id - 1)].get() : nullptr;
        return in && attempt(*in) ? in : nullptr;
    }
    for (auto& in : m_instances)
        if (attempt(*in))
            return in.get();
    return nullptr;
}

void SimulationSession::settle()
{
    for (auto& in : m_instances)
        in->runUntilIdle();
}

bool SimulationSession::apply(const Action& a)
{
    using K = Action::Kind;
    using SK = engine::Scenario::Step::Kind;
    const std::string A = a.a.toStdString();
    if (a.kind != K::Step && a.kind != K::Decide && a.kind != K::SetVariables && a.kind != K::Preset)
        std::fill(m_dirty.begin(), m_dirty.end(), 1); // settles, or moves time for, every instance
    engine::Scenario::Step st;
    bool recordIt = false; // only the first instance (and session-wide actions) are recorded
    switch (a.kind) {
    case K::Start: {
        const int id = instanceCount() + 1;
        auto in = std::make_unique<Instance>(m_process, m_policy.get(), clock());
        in->setObserver([this, id](const TraceEvent& e) { onTrace(id, e); });
        if (!in->start(A, a.vars)) {
            return false;
        }
        m_instances.push_back(std::move(in));
        m_dirty.push_back(1);
        st.kind = SK::Start;
        st.element = A;
        st.variables = a.vars;
        recordIt = id == 1;
        break;
    }
    case K::Step: {
        Instance* in = m_instances[static_cast<std::size_t>(a.instance - 1)].get();
        m_nextRoundRobin = static_cast<std::size_t>(a.instance) % m_instances.size();
        m_dirty[static_cast<std::size_t>(a.instance - 1)] = 1;
        return in->step();
    }
    case K::NextTimer: {
        settle();
        Instance* first = nullptr;
        for (auto& in : m_instances)
            if (auto due = in->nextTimerDue(); due && (!first || *due < *first->nextTimerDue()))
                first = in.get();
        if (!first)
            return false;
        first->advanceToNextTimer();
        // The others share the clock: idle ones move to it (nothing of theirs is due before it).
        for (auto& in : m_instances)
            if (in.get() != first && in->clock() < first->clock() && !in->completed() && !in->failed())
                in->advanceBy(std::chrono::duration_cast<std::chrono::milliseconds>(first->clock() - in->clock()));
        st.kind = SK::NextTimer;
        recordIt = true;
        break;
    }
    case K::Advance: {
        if (m_instances.empty() || a.ms <= 0)
            return false;
        settle();
        for (auto& in : m_instances)
            in->advanceBy(std::chrono::milliseconds(a.ms));
        st.kind = SK::Advance;
        st.duration.millis = a.ms;
        recordIt = true;
        break;
    }
    case K::Complete:
    case K::Fail:
    case K::Message:
    case K::Trigger: {
        settle();
        Instance* in = target(a.instance, [&](Instance& x) {
            switch (a.kind) {
            case K::Complete: return x.completeTask(A, a.vars);
            case K::Fail: return x.failActivity(A, a.b.toStdString());
            case K::Message: return x.correlateMessage(A, a.vars);
            default: return x.trigger(A);
            }
        });
        if (!in)
            return false;
        in->runUntilIdle();
        st.kind = a.kind == K::Complete ? SK::Complete : a.kind == K::Fail ? SK::Fail : SK::Message;
        if (a.kind == K::Message)
            st.name = A;
        else
            st.element = A;
        if (a.kind == K::Fail)
            st.name = a.b.toStdString();
        st.variables = a.vars;
        recordIt = a.kind != K::Trigger && in == m_instances.front().get(); // a trigger has no scenario step
        break;
    }
    case K::Signal: {
        settle();
        for (auto& in : m_instances) {
            in->broadcastSignal(A);
            in->runUntilIdle();
        }
        st.kind = SK::Signal;
        st.name = A;
        recordIt = true;
        break;
    }
    case K::SetVariables:
        m_dirty[static_cast<std::size_t>(a.instance - 1)] = 1;
        m_instances[static_cast<std::size_t>(a.instance - 1)]->setVariables(a.vars);
        break;
    case K::Decide:
    case K::Preset: {
        const auto n = m_process->nodeIndex(A);
        if (n == engine::kNoNode)
            return false;
        std::vector<engine::FlowIndex> flows;
        std::vector<std::string> ids;
        for (const auto& f : a.flows) {
            const auto i = m_process->flowIndex(f.toStdString());
            if (i < 0)
                return false;
            flows.push_back(i);
            ids.push_back(f.toStdString());
        }
        st.kind = SK::Choose;
        st.element = A;
        st.flows = ids;
        if (a.kind == K::Preset) {
            if (flows.empty())
                m_policy->state.presets.erase(n);
            else
                m_policy->state.presets[n] = flows;
            recordIt = !flows.empty();
            break;
        }
        // A choice for this visit: the scenario gets it as a choice made before the action that
        // led the token to the gateway (scenario steps run until idle).
        Instance* in = m_instances[static_cast<std::size_t>(a.instance - 1)].get();
        m_policy->state.once[{a.instance, n}] = flows;
        m_dirty[static_cast<std::size_t>(a.instance - 1)] = 1;
        const bool moved = in->step();
        if (a.instance == 1) {
            auto pos = m_recorded.end();
            for (auto it = m_recorded.rbegin(); it != m_recorded.rend(); ++it)
                if (it->kind != SK::Choose) {
                    pos = it.base() - 1;
                    break;
                }
            m_recorded.insert(pos, st);
        }
        return moved;
    }
    }
    if (recordIt)
        m_recorded.push_back(std::move(st));
    return true;
}

bool SimulationSession::countsAsVisit(const TraceEvent& e) const
{
    // An element is visited when a token leaves it; an end event when one reaches it (the engine
    // also reports the token leaving the end event, which must not count a second time).
    using TK = TraceEvent::Kind;
    if (e.node == engine::kNoNode || (e.kind != TK::ElementLeft && e.kind != TK::ElementEntered))
        return false;
    const bool end = m_process->node(e.node).kind == engine::NodeKind::EndEvent;
    return e.kind == (end ? TK::ElementEntered : TK::ElementLeft);
}

void SimulationSession::onTrace(int instance, const TraceEvent& e)
{
    using TK = TraceEvent::Kind;
    if (countsAsVisit(e))
        ++m_visitedNodes[static_cast<std::size_t>(e.node)];
    if (e.kind == TK::FlowTaken && e.flow >= 0)
        ++m_visitedFlows[static_cast<std::size_t>(e.flow)];
    if (e.kind == TK::ElementEntered && e.node != engine::kNoNode && m_breakNodes[static_cast<std::size_t>(e.node)])
        m_breakHit = true;
    if (e.kind == TK::Incident) {
        m_incidentSeen = true;
        m_incidentAt.push_back(m_log.size());
    }
    m_log.push_back({instance, e});
}

void SimulationSession::truncateLog(std::size_t size)
{
    using TK = TraceEvent::Kind;
    for (std::size_t i = size; i < m_log.size(); ++i) {
        const auto& e = m_log[i].event;
        if (countsAsVisit(e))
            --m_visitedNodes[static_cast<std::size_t>(e.node)];
        if (e.kind == TK::FlowTaken && e.flow >= 0)
            --m_visitedFlows[static_cast<std::size_t>(e.flow)];
    }
    if (size < m_log.size())
        m_log.resize(size);
    while (!m_incidentAt.empty() && m_incidentAt.back() >= size)
        m_incidentAt.pop_back();
    m_eventLog->truncated(size);
}

void SimulationSession::afterActions(std::size_t logBefore, TimePoint clockBefore)
{
    if (m_log.size() == logBefore && clock() == clockBefore)
        return;
    QVector<LogEntry> events(m_log.begin() + static_cast<std::ptrdiff_t>(logBefore), m_log.end());
    m_eventLog->appended(logBefore);
    m_instancesModel->refresh();
    m_variables->refresh();
    emit stepped(events);
    if (clock() != clockBefore)
        emit clockChanged(std::chrono::duration_cast<std::chrono::milliseconds>(clock().time_since_epoch()).count());
    for (const auto& e : events) {
        if (e.event.kind == TraceEvent::Kind::Incident) {
            IncidentInfo info{e.instance,
                              e.event.node == engine::kNoNode ? QString()
                                                              : QString::fromStdString(m_process->node(e.event.node).id),
                              QString::fromStdString(e.event.detail)};
            pause();
            emit incident(info);
        }
        if (e.event.kind == TraceEvent::Kind::InstanceCompleted)
            emit finished(e.instance);
        if (m_breakHit && e.event.kind == TraceEvent::Kind::ElementEntered && e.event.node != engine::kNoNode &&
            m_breakNodes[static_cast<std::size_t>(e.event.node)]) {
            pause();
            emit breakpointHit(e.instance, QString::fromStdString(m_process->node(e.event.node).id));
        }
    }
    m_breakHit = false;
}

// ---------------------------------------------------------------- decisions

std::optional<PendingDecision> SimulationSession::pendingDecision() const
{
    for (int id = 1; id <= instanceCount(); ++id) {
        PendingDecision d;
        if (pendingFor(id, &d))
            return d;
    }
    return std::nullopt;
}

bool SimulationSession::pendingFor(int id, PendingDecision* out) const
{
    const Instance& in = *m_instances[static_cast<std::size_t>(id - 1)];
    const auto& s = in.state();
    // Gateways choose their flows as a token arrives (the next work on the agenda).
    if (s.agenda.empty() || in.failed())
        return false;
    const engine::NodeIndex n = s.tokens[s.agenda.front().token - 1].node;
    const auto& node = m_process->node(n);
    using NK = engine::NodeKind;
    if ((node.kind != NK::ExclusiveGateway && node.kind != NK::InclusiveGateway && node.kind != NK::ComplexGateway) ||
        node.outgoing.size() < 2 || m_policy->state.presets.count(n) || m_policy->state.once.count({id, n}))
        return false;
    QString reason;
    if (m_askAtGateways) {
        reason = tr("the person picks the flow");
    } else {
        engine::ConditionPolicy conditions;
        std::string error;
        auto chosen = conditions.chooseFlows(in, n, node.outgoing, &error);
        if (!chosen.empty() || error.empty())
            return false;
        reason = QString::fromStdString(error);
    }
    out->instance = id;
    out->gateway = QString::fromStdString(node.id);
    out->inclusive = node.kind != NK::ExclusiveGateway;
    out->reason = reason;
    out->candidates.clear();
    for (auto f : node.outgoing)
        out->candidates << QString::fromStdString(m_process->flow(f).id);
    return true;
}

// ---------------------------------------------------------------- history

void SimulationSession::checkpoint()
{
    Checkpoint c;
    c.action = m_actions.size();
    const Checkpoint* previous = m_checkpoints.empty() ? nullptr : &m_checkpoints.back();
    for (std::size_t i = 0; i < m_instances.size(); ++i)
        c.states.push_back(!m_dirty[i] && previous && i < previous->states.size()
                               ? previous->states[i]
                               : std::make_shared<const engine::InstanceState>(m_instances[i]->snapshot()));
    std::fill(m_dirty.begin(), m_dirty.end(), 0);
    c.logSize = m_log.size();
    c.recorded = m_recorded;
    c.policy = m_policy->state;
    c.nextRoundRobin = m_nextRoundRobin;
    m_checkpoints.push_back(std::move(c));
    if (m_checkpoints.size() > kMaxCheckpoints) {
        // Keep the first, every other one and the last: memory stays bounded, and replays get at
        // most about twice as long.
        m_checkpointEvery *= 2;
        std::vector<Checkpoint> kept;
        for (std::size_t i = 0; i < m_checkpoints.size(); ++i)
            if (i % 2 == 0 || i + 1 == m_checkpoints.size())
                kept.push_back(std::move(m_checkpoints[i]));
        m_checkpoints = std::move(kept);
    }
}

void SimulationSession::forgetOldHistory()
{
    // Drop the older half of the action log; the history starts at a checkpoint.
    const std::size_t half = m_actions.size() / 2;
    auto it = std::find_if(m_checkpoints.begin(), m_checkpoints.end(), [&](const Checkpoint& c) { return c.action >= half; });
    if (it == m_checkpoints.end() || it == m_checkpoints.begin())
        return;
    const std::size_t base = it->action;
    m_checkpoints.erase(m_checkpoints.begin(), it);
    for (auto& c : m_checkpoints)
        c.action -= base;
    m_actions.erase(m_actions.begin(), m_actions.begin() + static_cast<std::ptrdiff_t>(base));
}

void SimulationSession::restoreCheckpoint(const Checkpoint& c)
{
    m_instances.resize(c.states.size());
    m_dirty.assign(c.states.size(), 0);
    for (std::size_t i = 0; i < c.states.size(); ++i)
        m_instances[i]->restore(*c.states[i]);
    truncateLog(c.logSize);
    m_recorded = c.recorded;
    m_policy->state = c.policy;
    m_nextRoundRobin = c.nextRoundRobin;
}

int SimulationSession::stepBack(int n)
{
    if (n <= 0 || m_actions.empty())
        return 0;
    pause();
    const std::size_t undone = std::min<std::size_t>(static_cast<std::size_t>(n), m_actions.size() - m_checkpoints.front().action);
    const std::size_t targetSize = m_actions.size() - undone;
    while (m_checkpoints.size() > 1 && m_checkpoints.back().action > targetSize)
        m_checkpoints.pop_back();
    restoreCheckpoint(m_checkpoints.back());
    for (std::size_t i = m_checkpoints.back().action; i < targetSize; ++i)
        apply(m_actions[i]);
    m_actions.erase(m_actions.begin() + static_cast<std::ptrdiff_t>(targetSize), m_actions.end());
    m_eventLog->truncated(m_log.size());
    m_eventLog->appended(std::min(m_log.size(), m_checkpoints.back().logSize));
    m_instancesModel->refresh();
    m_variables->refresh();
    emit restored();
    emit clockChanged(std::chrono::duration_cast<std::chrono::milliseconds>(clock().time_since_epoch()).count());
    return static_cast<int>(undone);
}

void SimulationSession::reset()
{
    pause();
    m_instances.clear();
    m_dirty.clear();
    truncateLog(0);
    m_actions.clear();
    m_checkpoints.clear();
    m_checkpointEvery = 32;
    m_recorded.clear();
    m_policy->state.once.clear();
    m_nextRoundRobin = 0;
    m_replay.reset();
    m_replayAt = 0;
    m_replayFailure.clear();
    checkpoint();
    m_instancesModel->refresh();
    m_variables->refresh();
    emit restored();
    emit clockChanged(std::chrono::duration_cast<std::chrono::milliseconds>(clock().time_since_epoch()).count());
}

// ---------------------------------------------------------------- play

void SimulationSession::setSpeed(double transitionsPerSecond)
{
    m_speed = transitionsPerSecond;
    if (isPlaying())
        m_timer.start(m_speed > 0 ? std::max(1, static_cast<int>(1000.0 / m_speed)) : 0);
}

void SimulationSession::play()
{
    if (isPlaying())
        return;
    m_timer.start(m_speed > 0 ? std::max(1, static_cast<int>(1000.0 / m_speed)) : 0);
    emit playingChanged(true);
}

void SimulationSession::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

bool SimulationSession::playOne()
{
    if (step())
        return true;
    if (!isPlaying() || pendingDecision())
        return false;
    // Nothing moves without time passing: the next timer, if any.
    return nextTimer();
}

void SimulationSession::tick()
{
    // One batch per timeout: the views hear of it once, at its end.
    const std::size_t logBefore = m_log.size();
    const auto clockBefore = clock();
    m_batch = true;
    m_breakHit = m_incidentSeen = false;
    auto more = [&] { return isPlaying() && !m_breakHit && !m_incidentSeen; };
    if (m_speed > 0) {
        // Paced: the interval is 1000/speed ms (at least 1 ms), with more per tick above 1000/s.
        const int perTick = std::max(1, static_cast<int>(m_speed / 1000.0));
        for (int i = 0; i < perTick && more(); ++i)
            if (!playOne())
                pause();
    } else {
        // Full speed: as many as fit in the tick budget, then back to the event loop.
        QElapsedTimer t;
        t.start();
        const qint64 budgetNs = std::chrono::duration_cast<std::chrono::nanoseconds>(m_tickBudget).count();
        while (more() && t.nsecsElapsed() < budgetNs)
            for (int i = 0; i < 16 && more(); ++i)
                if (!playOne())
                    pause();
    }
    m_batch = false;
    afterActions(logBefore, clockBefore);
    if (allFinished() && !m_instances.empty())
        pause();
}

} // namespace runway::sim
