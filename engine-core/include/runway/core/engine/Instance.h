#pragma once

#include "runway/core/Value.h"
#include "runway/core/engine/CompiledProcess.h"
#include "runway/core/engine/Policy.h"
#include "runway/core/engine/Trace.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace runway::core::engine {

/// Where a token is and what it does there.
struct Token {
    enum class State : std::uint8_t {
        Waiting, ///< at a catch event, a user/receive task, an event-based gateway or a join
        Working, ///< at an activity whose work takes virtual time, or inside a sub-process
        Done,
    };
    TokenId id = 0;
    NodeIndex node = kNoNode;
    ScopeId scope = 0;
    State state = State::Waiting;
    FlowIndex arrivedVia = -1; ///< joins count arrivals per incoming flow
    /// Multi-instance activities: the outer token waits at the activity while inner tokens, one
    /// per instance, run it in a scope of their own.
    enum class Role : std::uint8_t { Plain, MultiOuter, MultiInner };
    Role role = Role::Plain;
    std::uint32_t loopCounter = 0; ///< iterations of a standard loop, or the inner instance's number
    std::uint32_t locals = 0; ///< a multi-instance inner token's local variables: InstanceState::locals[locals - 1]
};

/// A running sub-process, or a process instance (its root scope): its tokens live in it, and it
/// ends when the last one does. A run may hold several process instances: the first one started
/// is scope 0; a called process's root scope has the call activity's token as owner.
struct Scope {
    ScopeId id = 0;
    ScopeId parent = -1;
    NodeIndex node = kNoNode; ///< the sub-process; kNoNode for a process instance
    TokenId owner = 0;        ///< the token waiting at the sub-process (or call activity) in the parent scope
    bool done = false;
    /// Activities completed in this scope that can be compensated, in completion order: those with
    /// a compensation handler, and sub-processes with a compensation event sub-process or with
    /// compensable activities inside (their scope, kept when they complete, holds those).
    struct Compensable {
        NodeIndex activity = kNoNode;
        ScopeId scope = -1; ///< a sub-process: the scope it ran in
    };
    std::vector<Compensable> compensable;
    std::uint16_t process = 0;   ///< the process (CompiledProcess::processes()) this scope runs
    ScopeId instance = 0;        ///< the root scope of the process instance this scope belongs to
    NodeIndex endedAt = kNoNode; ///< a process instance: the last end event reached in it
    /// A process instance's variables (for scope 0 they are InstanceState::variables).
    Variables variables;
    /// A called instance: the variables it was given, so that only what it changed goes back.
    Variables received;
    /// A multi-instance activity's scope: how many instances in all, started and completed.
    std::uint32_t instances = 0, started = 0, finished = 0;
};

/// Something a token waits for: a timer, a message, a signal, a condition.
struct Wait {
    enum class Kind : std::uint8_t { Timer, Message, Signal, Conditional, Work };
    std::uint32_t id = 0;
    Kind kind = Kind::Timer;
    NodeIndex node = kNoNode; ///< the catch or boundary event (for Work: the task)
    ScopeId scope = 0;
    TokenId token = 0;        ///< the token waiting (at the catch event, the gateway, or the activity)
    TimePoint due{};          ///< timers
    TimePoint armedAt{};
    std::uint64_t seq = 0;    ///< ties at the same time are ordered by arming
    bool conditionHeld = false; ///< conditional events fire when their condition becomes true
    bool active = true;
    bool keyed = false; ///< a message subscription with a correlation key (evaluated when subscribing)
    std::string key;
};

/// An entry of the timer index: the timer (or timed work) `wait`, due at `due`, armed as `seq`.
struct TimerEntry {
    TimePoint due{};
    std::uint64_t seq = 0;
    std::uint32_t wait = 0;
};

/// A complex gateway that fired and now waits for reset (BPMN 2.0.2, 13.4.5): the incoming flows
/// that had no token at the activation; their tokens are consumed without firing again.
struct ComplexReset {
    NodeIndex gateway = kNoNode;
    ScopeId scope = 0;
    std::vector<FlowIndex> expected;
};

/// Compensation in progress (BPMN 2.0.2, 10.6, 13.5.5): the steps still to run (the last first)
/// and the token that waits for them (a compensation throw or end event, or a cancel end event).
struct Compensation {
    struct Step {
        enum class Kind : std::uint8_t {
            Handler,         ///< a compensation handler activity runs in `scope`
            EventSubProcess, ///< a compensation event sub-process (`node`: its start) runs in `scope`
            Left,            ///< the compensated sub-process `node` is left again
        };
        Kind kind = Kind::Handler;
        NodeIndex node = kNoNode;
        ScopeId scope = 0;
    };
    TokenId waiter = 0;
    TokenId running = 0; ///< the handler's token (or the event sub-process's) now running
    std::vector<Step> steps;
};

/// The complete, copyable state of an instance: a snapshot is a copy of this.
struct InstanceState {
    TimePoint clock{};
    std::vector<Token> tokens;
    std::vector<Scope> scopes;
    /// Every subscription in arming order, so ascending by id (ids stay stable: when most of them
    /// are inactive the inactive ones are dropped, see compactWaitsAt). Find one with findWait.
    std::vector<Wait> waits;
    /// The timers and timed work among `waits` as a binary min-heap on (due, seq): the next due
    /// one is found in O(log n). An entry whose wait is no longer active is dropped when it comes
    /// to the top (lazy deletion); it is an index of `waits`, so `mutable` for the const look-up.
    mutable std::vector<TimerEntry> timerHeap;
    std::size_t compactWaitsAt = 64; ///< `waits` is compacted when it reaches this size
    std::vector<ComplexReset> complexResets; ///< complex gateways waiting for reset
    std::vector<Compensation> compensations; ///< compensations in progress
    struct Work {
        enum class Kind : std::uint8_t { Arrive, Leave };
        Kind kind;
        TokenId token;
        FlowIndex via;
    };
    std::deque<Work> agenda;
    Variables variables;           ///< the variables of the first process instance (scope 0)
    std::vector<Variables> locals; ///< local variables of multi-instance inner instances (Token::locals)
    TokenId nextToken = 1;
    std::uint32_t nextWait = 1;
    std::uint64_t seq = 0;
    std::uint64_t steps = 0;
    bool started = false;
    bool completed = false;           ///< every process instance of the run has ended
    bool hasConditionalWaits = false; ///< set once a conditional event waits: only then are conditions checked
    std::vector<std::string> incidents;
    NodeIndex endedAt = kNoNode; ///< the last end event reached in the first process instance

    /// The subscription with this id; nullptr when it was dropped (inactive) or never armed.
    Wait* findWait(std::uint32_t id);
    const Wait* findWait(std::uint32_t id) const;
};

/// A run: one process instance moving through virtual time, or several (the pools of a
/// collaboration, instances started by messages and signals, called processes), all in one
/// InstanceState. Not thread-safe; many instances may share one CompiledProcess across threads.
///
/// Stepping: each step() does one transition (a token enters or leaves one element). Time only
/// moves when asked (advanceToNextTimer, advanceBy), so a person or a scenario decides when a
/// timeout fires. Everything observable is reported through the trace observer.
class Instance {
public:
    Instance(std::shared_ptr<const CompiledProcess> process, Policy* policy, TimePoint start = {});

    const CompiledProcess& process() const { return *m_process; }
    const InstanceState& state() const { return m_s; }
    TimePoint clock() const { return m_s.clock; }
    /// The variables of the first process instance (the main process's, for a single process).
    const Variables& variables() const { return m_s.variables; }
    /// The variables of the process instance whose root scope is `instance`, or null.
    const Variables* processVariables(ScopeId instance) const;
    /// What an expression evaluated now sees: while the engine asks the policy about a gateway,
    /// the variables in scope there (local, then the process instance's); otherwise variables().
    const Variables& visibleVariables() const { return m_eval ? *m_eval : m_s.variables; }
    /// The root scopes of the run's process instances (not called ones), in start order.
    std::vector<ScopeId> processInstances() const;
    void setVariables(const Variables& vars);
    bool completed() const { return m_s.completed; }
    bool failed() const { return !m_s.incidents.empty(); }
    const std::vector<std::string>& incidents() const { return m_s.incidents; }
    void setObserver(TraceObserver o) { m_observer = std::move(o); }
    /// Stops runaway models: a step or token limit turns into an incident naming the loop.
    void setLimits(std::uint64_t maxSteps, std::size_t maxTokens);

    /// Starts at a none start event (the first, or the one named); a process without start
    /// events starts at its flow nodes without incoming sequence flows. Once per run.
    bool start(std::string_view startEventId = {}, const Variables& vars = {});
    /// Starts one more process instance in the run: at a start event of any process of the run, or,
    /// for a process without start events, at a flow node without incoming flows (all of them start).
    bool startProcess(std::string_view elementId, const Variables& vars = {});
    /// One transition; false when there is nothing to do without time passing or outside help.
    bool step();
    /// Steps until nothing more happens without time passing; returns the number of steps.
    std::uint64_t runUntilIdle();
    /// Moves the clock to the next due timer and fires it (one timer; ties in arming order).
    /// Returns false when no timer is pending.
    bool advanceToNextTimer();
    /// Moves the clock by d, firing every timer that falls due on the way, in order.
    void advanceBy(std::chrono::milliseconds d);
    std::optional<TimePoint> nextTimerDue() const;
    /// Runs to the end: steps, and when idle, the next timer; stops when completed, failed, or
    /// stuck waiting for outside help (a user task, a message).
    void runToEnd();

    /// Completes a user, manual or receive task (or any activity whose work was paused), with
    /// output variables. False when no token is waiting there.
    bool completeTask(std::string_view elementId, const Variables& vars = {});
    /// Makes an activity fail with an error: the nearest matching error catch handles it.
    bool failActivity(std::string_view elementId, std::string_view errorCode);
    /// Delivers a message to the first subscription waiting for it (catch event, receive task,
    /// boundary event, event-based gateway, event sub-process start), in any process instance of
    /// the run; else a message start event of a process of the run starts a new instance. With a
    /// correlation key, a subscription that has a key takes it only when the keys are equal
    /// (docs/engine.md). False when nothing takes it.
    bool correlateMessage(std::string_view messageName, const Variables& vars = {});
    bool correlateMessage(std::string_view messageName, const Variables& vars, std::string_view correlationKey);
    /// Every subscription waiting for the signal catches it, in every process instance, and each
    /// signal start event of a process of the run starts a new instance; returns how many did.
    int broadcastSignal(std::string_view signalName);
    /// Makes the event at `elementId` happen for the first subscription waiting there (in arming
    /// order), as a person stepping through the model would: a timer fires (the clock moves to its
    /// due time), a message or signal is caught by that one subscription, a condition comes true.
    /// Catch events, boundary events, the events after an event-based gateway and receive tasks
    /// subscribe. False when nothing waits at that element.
    bool trigger(std::string_view elementId);
    /// Ends every process instance of the run at once.
    void cancel();

    InstanceState snapshot() const { return m_s; }
    void restore(const InstanceState& s) { m_s = s; }

    /// Tokens currently in the instance (not done).
    std::vector<const Token*> activeTokens() const;
    /// Ids of the elements where tokens wait or work.
    std::vector<std::string> waitingAt() const;

private:
    friend class Behaviors;
    /// The timer (or timed work) due first; ties in arming order.
    const Wait* nextTimer() const;
    bool deliver(std::string_view messageName, const Variables& vars, const std::string* key);
    std::shared_ptr<const CompiledProcess> m_process;
    const Variables* m_eval = nullptr; ///< see visibleVariables()
    Variables m_scratch;               ///< Behaviors::visible()'s merged view, when local variables exist
    Policy* m_policy;
    TraceObserver m_observer;
    InstanceState m_s;
    std::uint64_t m_maxSteps = 10'000'000;
    std::size_t m_maxTokens = 100'000;
};

} // namespace runway::core::engine
