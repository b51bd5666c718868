#pragma once

#include "runway/core/engine/Scenario.h"
#include "runway/sim/SessionTypes.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace runway::sim {

class EventLogModel;
class VariablesModel;
class InstancesModel;

/// A simulation of one compiled process with one or several instances, driven by a person (or a
/// test) through the simulation toolbar and panels: start, step, step back, play/pause, timers,
/// triggers, decisions at gateways, breakpoints. Everything happens in virtual time.
///
/// History: every action (a transition, a timer, a trigger, a decision...) is logged, and every K
/// actions the whole state is checkpointed. stepBack(n) restores the nearest checkpoint at or
/// before the target and replays the logged actions from there, so it is exact. At most
/// kMaxCheckpoints checkpoints are kept: when there are more, every other one is dropped and K
/// doubles, so memory stays bounded while stepping back costs at most K replayed actions. The
/// action log keeps at most kMaxActions actions; older history is forgotten (stepBack stops there).
///
/// Decisions: gateways follow, in order, a choice the person made for this visit, a preset for the
/// gateway, and the flows' conditions. In "ask" mode, or when the conditions cannot be evaluated,
/// a step that would pass an exclusive, inclusive or complex gateway stops instead with a pending
/// decision (decisionNeeded); decide() answers it. Inside nextTimer/advanceBy and the triggers,
/// which run the instance until idle, presets, conditions and default flows decide.
///
/// Time and triggers: step() is one transition; every other action (nextTimer, advanceBy, complete,
/// fail, message, signal, trigger) first lets every instance run until idle, as a scenario does
/// after each step, so what is recorded replays the same. Each instance keeps its own clock; an
/// idle instance follows the others' timers, and clock() is the latest.
///
/// Recording: what the person does is recorded as scenario steps (start, nextTimer, advance,
/// complete, fail, message, signal, and choose for presets and for decisions, placed before the
/// action that led the token to the gateway); scenario() adds expectations from the current state,
/// ready for ScenarioStore. A scenario walks one instance: only the first instance's start and
/// triggers are recorded. Triggers by element and variable edits have no scenario step and are not
/// recorded.
class SimulationSession : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxCheckpoints = 256;
    static constexpr std::size_t kMaxActions = 1'000'000; // about 100 bytes each

    explicit SimulationSession(std::shared_ptr<const engine::CompiledProcess> process, QObject* parent = nullptr);
    ~SimulationSession() override;

    const engine::CompiledProcess& process() const { return *m_process; }
    void setStartTime(TimePoint t) { m_startTime = t; }
    TimePoint startTime() const { return m_startTime; }
    /// How long the engine's own work takes at a task (a scenario's "durations").
    void setTaskDuration(const QString& taskId, std::chrono::milliseconds d);

    // ---- instances ----
    /// Starts an instance at a none start event (empty: the first) with variables; returns its id
    /// (1, 2, ...) or 0 when the element is not a start event of the process.
    int start(const QString& startEventId = {}, const core::Variables& vars = {});
    int instanceCount() const { return static_cast<int>(m_instances.size()); }
    const engine::Instance* instance(int id) const;
    static int colourOf(int id) { return (id - 1) % 8; }
    /// The latest clock of the instances (the start time before any starts).
    TimePoint clock() const;
    bool allFinished() const;

    // ---- stepping ----
    /// One transition of one instance (round robin over those that can move). False when nothing
    /// moves without time passing or outside help, or a decision is pending.
    bool step();
    /// Undoes the last n actions exactly; returns how many were undone.
    int stepBack(int n = 1);
    int historySize() const { return static_cast<int>(m_actions.size()); }
    /// Back to no instance at all (presets and breakpoints stay).
    void reset();
    /// Jumps the clock to the next due timer (of any instance) and fires it. False: none waits.
    bool nextTimer();
    void advanceBy(std::chrono::milliseconds d);

    // ---- play ----
    void play();
    void pause();
    bool isPlaying() const { return m_timer.isActive(); }
    /// Transitions per second while playing; 0 or less: as fast as possible (bounded work per
    /// event loop turn, so the UI stays responsive).
    void setSpeed(double transitionsPerSecond);
    double speed() const { return m_speed; }
    /// The wall-clock budget of one play tick at full speed.
    void setTickBudget(std::chrono::microseconds budget) { m_tickBudget = budget; }

    // ---- triggers (instance 0: the first that can take it) ----
    bool completeTask(int instance, const QString& elementId, const core::Variables& vars = {});
    bool failActivity(int instance, const QString& elementId, const QString& errorCode);
    bool sendMessage(int instance, const QString& messageName, const core::Variables& vars = {});
    int broadcastSignal(const QString& signalName);
    bool trigger(int instance, const QString& elementId);
    bool setVariables(int instance, const core::Variables& vars);

    // ---- decisions ----
    void setAskAtGateways(bool ask) { m_askAtGateways = ask; }
    bool askAtGateways() const { return m_askAtGateways; }
    /// From now on the gateway takes these flows (an empty list removes the preset).
    void presetChoice(const QString& gatewayId, const QStringList& flows);
    QStringList presetFor(const QString& gatewayId) const;
    std::optional<PendingDecision> pendingDecision() const;
    /// Answers the pending decision with these flows and takes the step. False when none is pending
    /// or a flow is not one of the candidates.
    bool decide(const QStringList& flows);

    // ---- breakpoints ----
    void setBreakpoint(const QString& elementId, bool on);
    bool hasBreakpoint(const QString& elementId) const { return m_breakpoints.contains(elementId); }
    const QSet<QString>& breakpoints() const { return m_breakpoints; }

    // ---- views ----
    TokenView tokenView() const;
    const std::vector<LogEntry>& log() const { return m_log; }
    QVector<IncidentInfo> incidents() const;
    EventLogModel* eventLog() const { return m_eventLog; }
    VariablesModel* variablesModel() const { return m_variables; }
    InstancesModel* instancesModel() const { return m_instancesModel; }

    // ---- recording ----
    /// The steps recorded so far (start, advance, nextTimer, complete, fail, message, signal, choose).
    const std::vector<engine::Scenario::Step>& recordedSteps() const { return m_recorded; }
    /// The recording as a named scenario, ending with an expectation of the current state of the
    /// first instance: ended or waitingAt, passed, clock, variables.
    engine::Scenario scenario(const QString& name) const;
    /// Loads a scenario to replay step by step: resets, applies its durations and start time.
    /// replayNext() then does one scenario step (and runs until idle); false when none is left or
    /// the step failed (replayFailure() says why).
    void loadScenario(const engine::Scenario& s);
    bool replayNext();
    int replayPosition() const { return m_replayAt; }
    QString replayFailure() const { return m_replayFailure; }

signals:
    /// One action done: the trace events it produced (all instances).
    void stepped(const QVector<runway::sim::LogEntry>& events);
    void clockChanged(qint64 msSinceEpoch);
    void decisionNeeded(const runway::sim::PendingDecision& decision);
    void incident(const runway::sim::IncidentInfo& incident);
    void finished(int instance);
    void breakpointHit(int instance, const QString& elementId);
    void playingChanged(bool playing);
    /// The state was replaced (step back, reset): views should redraw everything.
    void restored();

private:
    class Policy;
    struct Action {
        enum class Kind : std::uint8_t { Start, Step, NextTimer, Advance, Complete, Fail, Message, Signal, Trigger, SetVariables, Decide, Preset };
        explicit Action(Kind k) : kind(k) {}
        Kind kind;
        int instance = 0;
        qint64 ms = 0;
        QString a, b;
        QStringList flows;
        core::Variables vars;
    };
    struct Checkpoint;

    bool run(Action a);
    bool apply(const Action& a);
    bool pendingFor(int id, PendingDecision* out) const;
    void onTrace(int instance, const engine::TraceEvent& e);
    bool countsAsVisit(const engine::TraceEvent& e) const;
    void afterActions(std::size_t logBefore, TimePoint clockBefore);
    void checkpoint();
    void restoreCheckpoint(const Checkpoint& c);
    void forgetOldHistory();
    void truncateLog(std::size_t size);
    void settle();
    engine::Instance* target(int id, const std::function<bool(engine::Instance&)>& attempt);
    bool playOne();
    void tick();

    std::shared_ptr<const engine::CompiledProcess> m_process;
    std::unique_ptr<Policy> m_policy;
    std::vector<std::unique_ptr<engine::Instance>> m_instances;
    std::vector<char> m_dirty; // per instance: changed since the last checkpoint
    TimePoint m_startTime;
    std::size_t m_nextRoundRobin = 0;

    std::vector<Action> m_actions;
    std::vector<Checkpoint> m_checkpoints;
    std::size_t m_checkpointEvery = 32;

    std::vector<LogEntry> m_log;
    std::vector<std::size_t> m_incidentAt; // log indexes of the incidents: views ask every tick
    std::vector<int> m_visitedNodes, m_visitedFlows; // counts by index
    std::vector<engine::Scenario::Step> m_recorded;
    bool m_batch = false;        // a play tick: views are told once, at its end
    bool m_incidentSeen = false; // an incident since the tick began

    bool m_askAtGateways = false;
    QSet<QString> m_breakpoints;
    std::vector<char> m_breakNodes; // by node index
    bool m_breakHit = false;

    QTimer m_timer;
    double m_speed = 0;
    std::chrono::microseconds m_tickBudget{8000};

    std::optional<engine::Scenario> m_replay;
    int m_replayAt = 0;
    QString m_replayFailure;

    EventLogModel* m_eventLog = nullptr;
    VariablesModel* m_variables = nullptr;
    InstancesModel* m_instancesModel = nullptr;
};

} // namespace runway::sim
