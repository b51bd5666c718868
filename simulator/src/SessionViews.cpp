// The session's views for the canvas and panels, the recording as a scenario, and step-by-step
// replay of a scenario.
#include "runway/sim/SimulationSession.h"

#include "SessionPolicy.h"

#include <algorithm>

namespace runway::sim {

using engine::TraceEvent;

TokenView SimulationSession::tokenView() const
{
    TokenView v;
    for (int id = 1; id <= instanceCount(); ++id) {
        const auto& in = *m_instances[static_cast<std::size_t>(id - 1)];
        const auto& s = in.state();
        for (const engine::Token* t : in.activeTokens()) {
            TokenInfo info;
            info.instance = id;
            info.colour = colourOf(id);
            info.token = t->id;
            info.state = t->state;
            for (const auto& w : s.waits) {
                if (!w.active || w.token != t->id)
                    continue;
                TokenInfo::WaitInfo wi;
                wi.kind = w.kind;
                wi.element = w.node == engine::kNoNode ? QString() : QString::fromStdString(m_process->node(w.node).id);
                if (w.kind == engine::Wait::Kind::Timer || w.kind == engine::Wait::Kind::Work)
                    wi.msLeft = std::chrono::duration_cast<std::chrono::milliseconds>(w.due - s.clock).count();
                info.waits.push_back(wi);
            }
            v.tokensAt[QString::fromStdString(m_process->node(t->node).id)].push_back(info);
        }
    }
    for (std::size_t i = 0; i < m_visitedNodes.size(); ++i)
        if (m_visitedNodes[i])
            v.visitedElements.insert(QString::fromStdString(m_process->nodes()[i].id), m_visitedNodes[i]);
    for (std::size_t i = 0; i < m_visitedFlows.size(); ++i)
        if (m_visitedFlows[i])
            v.visitedFlows.insert(QString::fromStdString(m_process->flows()[i].id), m_visitedFlows[i]);
    return v;
}

QVector<IncidentInfo> SimulationSession::incidents() const
{
    QVector<IncidentInfo> out;
    for (std::size_t i : m_incidentAt) {
        const auto& e = m_log[i];
        out.push_back({e.instance,
                       e.event.node == engine::kNoNode ? QString() : QString::fromStdString(m_process->node(e.event.node).id),
                       QString::fromStdString(e.event.detail)});
    }
    return out;
}

engine::Scenario SimulationSession::scenario(const QString& name) const
{
    engine::Scenario s;
    s.name = name.toStdString();
    s.process = m_process->id();
    s.start = core::iso8601::formatUtc(m_startTime);
    for (const auto& [node, d] : m_policy->durations) {
        core::iso8601::Duration dur;
        dur.millis = d.count();
        s.durations.emplace_back(m_process->node(node).id, dur);
    }
    s.steps = m_recorded;
    if (m_instances.empty())
        return s;
    // What holds now, for the first instance.
    const auto& in = *m_instances.front();
    engine::Scenario::Step ex;
    ex.kind = engine::Scenario::Step::Kind::Expect;
    auto& e = ex.expect;
    if (in.completed() && in.state().endedAt != engine::kNoNode)
        e.ended = m_process->node(in.state().endedAt).id;
    else
        e.waitingAt = in.waitingAt();
    std::vector<char> left(m_process->nodes().size(), 0);
    for (const auto& l : m_log)
        if (l.instance == 1 && l.event.kind == TraceEvent::Kind::ElementLeft && l.event.node != engine::kNoNode)
            left[static_cast<std::size_t>(l.event.node)] = 1;
    for (std::size_t i = 0; i < left.size(); ++i)
        if (left[i])
            e.passed.push_back(m_process->nodes()[i].id);
    e.clock = core::iso8601::formatUtc(in.clock());
    e.variables = in.variables();
    e.incident = in.failed();
    s.steps.push_back(std::move(ex));
    return s;
}

void SimulationSession::loadScenario(const engine::Scenario& s)
{
    reset();
    m_policy->durations.clear();
    for (const auto& [task, d] : s.durations)
        if (auto ms = d.fixedLength())
            setTaskDuration(QString::fromStdString(task), *ms);
    if (!s.start.empty())
        if (auto t = core::iso8601::parseDateTime(s.start))
            m_startTime = t->time;
    m_replay = s;
    m_replayAt = 0;
}

bool SimulationSession::replayNext()
{
    if (!m_replay || m_replayAt >= static_cast<int>(m_replay->steps.size()) || !m_replayFailure.isEmpty())
        return false;
    const auto& st = m_replay->steps[static_cast<std::size_t>(m_replayAt)];
    using K = engine::Scenario::Step::Kind;
    const QString el = QString::fromStdString(st.element), nm = QString::fromStdString(st.name);
    bool ok = true;
    switch (st.kind) {
    case K::Start: ok = start(el, st.variables) != 0; break;
    case K::Advance:
        advanceBy(std::chrono::duration_cast<std::chrono::milliseconds>(st.duration.addTo(clock()) - clock()));
        break;
    case K::AdvanceTo:
        if (auto t = core::iso8601::parseDateTime(st.time); t && t->time > clock())
            advanceBy(std::chrono::duration_cast<std::chrono::milliseconds>(t->time - clock()));
        break;
    case K::NextTimer: ok = nextTimer(); break;
    case K::Run:
        // Steps, and when idle the next timer, until nothing is left.
        while (step() || nextTimer()) {
        }
        break;
    case K::Complete: ok = completeTask(1, el, st.variables); break;
    case K::Fail: ok = failActivity(1, el, nm); break;
    case K::Message: ok = sendMessage(1, nm, st.variables); break;
    case K::Signal: broadcastSignal(nm); break;
    case K::Choose: {
        QStringList flows;
        for (const auto& f : st.flows)
            flows << QString::fromStdString(f);
        presetChoice(el, flows);
        break;
    }
    case K::Expect: break; // runScenario judges expectations; the session shows the walk
    }
    if (!ok) {
        m_replayFailure = tr("step %1 could not be done").arg(st.line);
        return false;
    }
    // As a scenario does, run until idle after each step.
    while (step()) {
    }
    ++m_replayAt;
    return true;
}

} // namespace runway::sim
