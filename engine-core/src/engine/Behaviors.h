// The execution semantics of each element family, acting on an Instance's state.
#pragma once

#include "runway/core/engine/Instance.h"

namespace runway::core::engine {

/// A token's loop counter when a test-before loop decided not to run the activity at all.
inline constexpr std::uint32_t kLoopSkipped = 0xFFFFFFFF;

/// The timer-heap order: a fires after b (later due time; at the same time, armed later).
bool firesLater(const TimerEntry& a, const TimerEntry& b);

/// One behaviour per element family (events, activities, gateways, sub-processes), plus the
/// mechanics they share: tokens, scopes, waits, error propagation, compensation. Holds no state
/// of its own: everything lives in the Instance's InstanceState, which is what makes a snapshot a
/// plain copy.
class Behaviors {
public:
    explicit Behaviors(Instance& in) : m_in(in), m_s(in.m_s), m_p(*in.m_process) {}

    // ---- mechanics ----
    Token& token(TokenId id) { return m_s.tokens[id - 1]; }
    Scope& scope(ScopeId id) { return m_s.scopes[static_cast<std::size_t>(id)]; }
    const Node& node(NodeIndex i) const { return m_p.node(i); }
    void emit(TraceEvent::Kind kind, NodeIndex node, ScopeId scope, TokenId token, std::string detail = {},
              FlowIndex flow = -1)
    {
        if (m_in.m_observer) // batch runs without a trace pay nothing here
            emitNow(kind, node, scope, token, std::move(detail), flow);
    }
    void emitNow(TraceEvent::Kind kind, NodeIndex node, ScopeId scope, TokenId token, std::string detail,
                 FlowIndex flow);
    TokenId newToken(NodeIndex node, ScopeId scope);
    ScopeId newScope(ScopeId parent, NodeIndex node, TokenId owner);
    void schedule(InstanceState::Work::Kind kind, TokenId token, FlowIndex via = -1);
    void incident(NodeIndex node, ScopeId scope, std::string text);

    // ---- the two transitions ----
    void arrive(TokenId t, FlowIndex via);
    void leave(TokenId t);

    // ---- waits ----
    /// Drops the inactive subscriptions (ids stay) and rebuilds the timer heap from the rest.
    void compactWaits();
    std::uint32_t arm(Wait::Kind kind, NodeIndex node, ScopeId scope, TokenId token, TimePoint due = {});
    bool armTimer(NodeIndex eventNode, ScopeId scope, TokenId token);
    /// The timer's value: the literal, or its expression evaluated now on the variables (FEEL
    /// "=reminderEvery" with reminderEvery = "PT10M"); an incident when it cannot be had.
    std::optional<iso8601::Timer> timerValue(NodeIndex eventNode, ScopeId scope);
    void disarmToken(TokenId t);
    void fire(std::uint32_t waitId);

    // ---- scopes, cancellation, errors ----
    void consume(TokenId t);
    void cancelToken(TokenId t);
    /// Cancels every token of scope s but `except`, and the scope's own subscriptions; the scope
    /// is marked done unless `except` is given or keepScope (an interrupting event sub-process
    /// takes over the scope instead).
    void cancelScope(ScopeId s, TokenId except = 0, bool keepScope = false);
    /// Subscribes the start events of the event sub-processes of scope s (timer, message, signal,
    /// condition); errors, escalations and compensation find them when thrown.
    void armEventSubProcesses(ScopeId s);
    /// Runs the event sub-process of `start` inside scope s (interrupting: the scope's other work
    /// is cancelled first).
    TokenId startEventSubProcess(NodeIndex start, ScopeId s);
    /// The event sub-process start in scope s that catches an error or escalation code, if any.
    /// `except`: an event sub-process that may not catch (the one the throw came from).
    NodeIndex eventSubProcessCatch(ScopeId s, Trigger want, const std::string& code, NodeIndex except) const;
    void checkScope(ScopeId s);
    /// Throws an error (or escalation) from `from`, an activity or end event in scope `s`.
    void throwError(ScopeId s, NodeIndex from, TokenId thrower, const std::string& code, bool escalation);
    // ---- compensation and transactions (Compensation.cpp) ----
    /// A compensation throw or end event (or a cancel end event) in scope s: what completed in the
    /// scope (in its parent, for an event sub-process) is compensated, the last first; with an
    /// activityRef only that activity. `waiting` goes on when it is done (compensationDone).
    void compensate(ScopeId s, TokenId waiting);
    /// Activity token t completes: it is recorded for compensation if anything can undo it.
    void recordCompensable(TokenId t);
    /// Runs the next step of compensation i, or ends it.
    void runCompensation(std::size_t i);
    /// Compensation for `waiter` (a compensation throw or end event, or a cancel end event) is done.
    void compensationDone(TokenId waiter);
    /// A cancel end event in scope s: the transaction's other work stops and what completed in it
    /// is compensated; then finishCancel.
    void cancelTransaction(ScopeId s, TokenId endToken);
    /// The cancelled transaction is left through its cancel boundary event (10.3, 13.5.6).
    void finishCancel(TokenId endToken);
    void broadcast(const std::string& signal);
    /// Inclusive joins waiting for tokens that can no longer come are released.
    void recheckJoins();
    // ---- the complex gateway with an activation condition (ComplexGateway.cpp, 13.4.5) ----
    void enterComplexGateway(TokenId t);
    /// Evaluates the activation condition on the tokens waiting at g and fires when it holds.
    bool activateComplexGateway(NodeIndex g, ScopeId s, TokenId preferred);
    void resetComplexGateway(NodeIndex g, ScopeId s);
    /// Resets one gateway for which no expected token can come any more; true when it did.
    bool recheckComplexResets();
    /// Conditional events whose condition has become true fire (after any change of variables).
    void evaluateConditions();

    // ---- process instances, variable scopes, calls and messages (Collaboration.cpp) ----
    /// Starts a process instance of process `process` at `start` (a start event of it; kNoNode:
    /// its first none start event), with its flow nodes without incoming flows (10.5.2). A called
    /// instance has the call activity's token as owner and its scope as parent. Returns its root
    /// scope; -1 when the process has nowhere to start, -2 after an incident (the token limit).
    ScopeId startProcessInstance(std::int32_t process, NodeIndex start, const Variables& vars, TokenId owner = 0,
                                 ScopeId parent = -1);
    /// A process instance's own variables.
    Variables& rootVariables(ScopeId root) { return root == 0 ? m_s.variables : scope(root).variables; }
    /// The variables an expression at token t (0: none) in scope s sees: the local variables of the
    /// multi-instance instances it is in, innermost first, then its process instance's.
    const Variables& visible(TokenId t, ScopeId s);
    /// Sets a variable as Camunda does: in the nearest scope that has it, else in the process
    /// instance. `path`: a dotted path ("order.total").
    void write(TokenId t, ScopeId s, const std::string& name, Value v, bool path = false);
    void writeAll(TokenId t, ScopeId s, const Variables& vars);
    /// A multi-instance inner token's own variable.
    void setLocal(TokenId t, const std::string& name, Value v);
    /// A call activity's token t enters: its called process starts as a child instance.
    void enterCall(TokenId t);
    /// A called instance (root scope `root`) ended: its variables pass out, the call activity goes on.
    void completeCall(ScopeId root);
    /// Subscribes to a message; with a correlation key, the key is evaluated now in the receiver's
    /// variables (an incident when it cannot be).
    std::uint32_t armMessage(NodeIndex n, ScopeId s, TokenId t);
    /// A node with outgoing message flows sends its message along each (a send task, a message
    /// throw or end event).
    void sendMessages(TokenId t);
    /// Delivers a message to the first subscription (in arming order) at `node` (kNoNode: any
    /// node), in process `process` (-1: any), of that name (when byName) and key. True when taken.
    bool deliverToWait(NodeIndex node, std::int32_t process, const std::string& name, bool byName,
                       const std::string* key, const Variables& vars);
    /// Signal start events of the run's processes start new instances.
    int startBySignal(const std::string& signal);
    /// Every process instance of the run (not called ones) has ended.
    bool runEnded() const;
    /// The start events of the event sub-processes directly in scope s.
    const std::vector<NodeIndex>& eventStartsOf(ScopeId s) const;
    /// The scope's process instance ended at an end event.
    void noteEnd(ScopeId s, NodeIndex endEvent);

private:
    /// Appends the steps that compensate what completed in scope `target` (only `ref`, if given).
    void planCompensation(ScopeId target, NodeIndex ref, std::vector<Compensation::Step>& out);
    void enterActivity(TokenId t);
    /// Multi-instance: starts instance number `index` (0-based) of the activity in scope s.
    void startInstance(ScopeId s, std::uint32_t index);
    /// Evaluates a loop's expression; false (with an incident) when it cannot be.
    std::optional<Value> evaluate(const Expression& e, NodeIndex at, ScopeId s, const char* what, TokenId t = 0);
    void enterGateway(TokenId t, FlowIndex via);
    void enterEvent(TokenId t);
    void takeFlows(TokenId t, const std::vector<FlowIndex>& flows);
    std::vector<FlowIndex> chooseOutgoing(TokenId t, bool exclusive);
    void fireBoundary(NodeIndex boundary, TokenId activityToken);
    bool joinReady(TokenId t);

    Instance& m_in;
    InstanceState& m_s;
    const CompiledProcess& m_p;
};

} // namespace runway::core::engine
