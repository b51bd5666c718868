#include "Behaviors.h"

#include <algorithm>

namespace runway::core::engine {

using Work = InstanceState::Work;

void Behaviors::enterEvent(TokenId t)
{
    const NodeIndex at = token(t).node;
    const ScopeId sc = token(t).scope;
    const Node& n = node(at);
    token(t).state = Token::State::Waiting;
    switch (n.kind) {
    case NodeKind::EndEvent:
        noteEnd(sc, at);
        if (!n.messageFlows.empty()) { // a message end event (or any end event with message flows) sends
            sendMessages(t);
            if (!m_s.incidents.empty())
                return;
        }
        switch (n.trigger) {
        case Trigger::Terminate:
            emit(TraceEvent::Kind::ElementLeft, at, sc, t);
            cancelScope(sc, t);
            consume(t);
            return;
        case Trigger::Error:
        case Trigger::Escalation:
            emit(TraceEvent::Kind::ElementLeft, at, sc, t);
            token(t).state = Token::State::Done;
            throwError(sc, at, t, n.code, n.trigger == Trigger::Escalation);
            if (m_s.incidents.empty())
                checkScope(sc);
            return;
        case Trigger::Signal:
            broadcast(n.code);
            if (token(t).state == Token::State::Done)
                return; // its own signal interrupted the scope it ends (a boundary event caught it)
            break;
        case Trigger::Compensate:
            compensate(sc, t);
            return;
        case Trigger::Cancel:
            // The transaction is cancelled when the end event completes (leave), after the tokens
            // already on their way in the same instant have arrived, as the simulator does too.
            schedule(Work::Kind::Leave, t);
            return;
        default: break;
        }
        emit(TraceEvent::Kind::ElementLeft, at, sc, t);
        consume(t);
        return;
    case NodeKind::CatchEvent:
        switch (n.trigger) {
        case Trigger::Timer: armTimer(at, sc, t); return;
        case Trigger::Message: armMessage(at, sc, t); return;
        case Trigger::Signal: arm(Wait::Kind::Signal, at, sc, t); return;
        case Trigger::Conditional: arm(Wait::Kind::Conditional, at, sc, t); return;
        default: schedule(Work::Kind::Leave, t); return;
        }
    case NodeKind::ThrowEvent:
        if (!n.messageFlows.empty()) // a message throw event (or any throw event with message flows) sends
            sendMessages(t);
        if (!m_s.incidents.empty())
            return;
        switch (n.trigger) {
        case Trigger::Signal:
            // The thrower goes on first, then the catches: a path the thrower leads to subscribes
            // before the paths the signal starts can throw again (signal-madness).
            schedule(Work::Kind::Leave, t);
            broadcast(n.code);
            return;
        case Trigger::Escalation: throwError(sc, at, t, n.code, true); break;
        case Trigger::Compensate: compensate(sc, t); return;
        case Trigger::Link: {
            // A link jumps to the catching link of the same name in the same container.
            for (NodeIndex i = 0; i < static_cast<NodeIndex>(m_p.nodes().size()); ++i) {
                const Node& c = node(i);
                if (c.kind == NodeKind::CatchEvent && c.trigger == Trigger::Link && c.code == n.code &&
                    c.container == n.container && c.process == n.process) {
                    emit(TraceEvent::Kind::ElementLeft, at, sc, t);
                    token(t).node = i;
                    schedule(Work::Kind::Arrive, t);
                    return;
                }
            }
            incident(at, sc, "no catching link event named '" + n.code + "' in the same process or sub-process");
            return;
        }
        default: break;
        }
        if (m_s.incidents.empty())
            schedule(Work::Kind::Leave, t);
        return;
    default: schedule(Work::Kind::Leave, t); return;
    }
}

// ------------------------------------------------------------------ waits

bool firesLater(const TimerEntry& a, const TimerEntry& b)
{
    return a.due > b.due || (a.due == b.due && a.seq > b.seq);
}

void Behaviors::compactWaits()
{
    // Long runs arm and disarm timers without end (a boundary timer per task): drop the inactive
    // subscriptions once they are the majority, so memory follows what is armed, not what was.
    std::erase_if(m_s.waits, [](const Wait& w) { return !w.active; });
    std::erase_if(m_s.timerHeap, [&](const TimerEntry& e) {
        const Wait* w = m_s.findWait(e.wait);
        return !w || !w->active;
    });
    std::make_heap(m_s.timerHeap.begin(), m_s.timerHeap.end(), firesLater);
    m_s.compactWaitsAt = std::max<std::size_t>(64, 2 * m_s.waits.size());
}

std::uint32_t Behaviors::arm(Wait::Kind kind, NodeIndex n, ScopeId s, TokenId t, TimePoint due)
{
    Wait w;
    w.id = m_s.nextWait++;
    w.kind = kind;
    w.node = n;
    w.scope = s;
    w.token = t;
    w.due = due;
    w.armedAt = m_s.clock;
    w.seq = ++m_s.seq;
    if (m_s.waits.size() >= m_s.compactWaitsAt)
        compactWaits();
    m_s.waits.push_back(w);
    if (kind == Wait::Kind::Timer || kind == Wait::Kind::Work) {
        m_s.timerHeap.push_back(TimerEntry{due, w.seq, w.id});
        std::push_heap(m_s.timerHeap.begin(), m_s.timerHeap.end(), firesLater);
    }
    if (kind == Wait::Kind::Conditional)
        m_s.hasConditionalWaits = true;
    if (kind == Wait::Kind::Timer)
        emit(TraceEvent::Kind::TimerScheduled, n, s, t, iso8601::formatUtc(due));
    return w.id;
}

std::optional<iso8601::Timer> Behaviors::timerValue(NodeIndex eventNode, ScopeId s)
{
    const Node& n = node(eventNode);
    if (n.timer.literal)
        return n.timer.literal;
    if (!n.timer.expression) {
        incident(eventNode, s, "the timer '" + n.timer.text + "' has no value");
        return std::nullopt;
    }
    EvalContext ctx;
    ctx.nowMillis = m_s.clock.time_since_epoch().count();
    auto v = n.timer.expression->evaluate(visible(0, s), ctx);
    if (!v) {
        incident(eventNode, s, "the timer expression '" + n.timer.text + "' cannot be evaluated: " + v.error.message);
        return std::nullopt;
    }
    if (!v->isString()) {
        incident(eventNode, s, "the timer expression '" + n.timer.text + "' gives " + v->toString() +
                                   ", not an ISO 8601 text such as \"PT15M\"");
        return std::nullopt;
    }
    auto parsed = iso8601::parseTimer(n.timer.kind, v->asString());
    if (!parsed) {
        incident(eventNode, s, "the timer expression '" + n.timer.text + "' gives \"" + v->asString() + "\": " + parsed.error);
        return std::nullopt;
    }
    return *parsed;
}

bool Behaviors::armTimer(NodeIndex eventNode, ScopeId s, TokenId t)
{
    const Node& n = node(eventNode);
    const auto value = timerValue(eventNode, s);
    if (!value)
        return false;
    auto due = value->first(m_s.clock);
    if (!due) {
        incident(eventNode, s, "the timer '" + n.timer.text + "' never fires");
        return false;
    }
    arm(Wait::Kind::Timer, eventNode, s, t, *due);
    return true;
}

void Behaviors::disarmToken(TokenId t)
{
    for (auto& w : m_s.waits)
        if (w.active && w.token == t) {
            w.active = false;
            if (w.kind == Wait::Kind::Timer)
                emit(TraceEvent::Kind::TimerCancelled, w.node, w.scope, t);
        }
}

void Behaviors::fire(std::uint32_t waitId)
{
    Wait* wr = m_s.findWait(waitId);
    if (!wr || !wr->active)
        return;
    const Wait w = *wr;
    wr->active = false;
    if (w.kind == Wait::Kind::Work) {
        schedule(Work::Kind::Leave, w.token);
        return;
    }
    const Node& en = node(w.node);
    emit(w.kind == Wait::Kind::Timer     ? TraceEvent::Kind::TimerFired
         : w.kind == Wait::Kind::Message ? TraceEvent::Kind::MessageCaught
                                         : TraceEvent::Kind::SignalCaught,
         w.node, w.scope, w.token, en.code);
    if (en.kind == NodeKind::BoundaryEvent) {
        // A non-interrupting cycle timer fires again while the activity runs.
        if (!en.interrupting && w.kind == Wait::Kind::Timer) {
            const auto value = timerValue(w.node, w.scope);
            if (auto next = value ? value->next(w.due, w.armedAt) : std::nullopt) {
                const auto id = arm(Wait::Kind::Timer, w.node, w.scope, w.token, *next);
                m_s.findWait(id)->armedAt = w.armedAt;
            }
        }
        // Non-interrupting message, signal and conditional boundary events stay subscribed while
        // the activity runs: each occurrence starts one more path.
        if (!en.interrupting && (w.kind == Wait::Kind::Message || w.kind == Wait::Kind::Signal ||
                                 w.kind == Wait::Kind::Conditional)) {
            const auto id = arm(w.kind, w.node, w.scope, w.token);
            Wait* again = m_s.findWait(id);
            again->conditionHeld = true; // a condition fires again only after turning false
            again->keyed = w.keyed;
            again->key = w.key;
        }
        fireBoundary(w.node, w.token);
        return;
    }
    if (en.kind == NodeKind::StartEvent) {
        // An event sub-process start: a non-interrupting one stays subscribed while its scope runs.
        if (!en.interrupting) {
            if (w.kind == Wait::Kind::Timer) {
                const auto value = timerValue(w.node, w.scope);
                if (auto next = value ? value->next(w.due, w.armedAt) : std::nullopt) {
                    const auto id = arm(Wait::Kind::Timer, w.node, w.scope, 0, *next);
                    m_s.findWait(id)->armedAt = w.armedAt;
                }
            } else {
                const auto id = arm(w.kind, w.node, w.scope, 0);
                Wait* again = m_s.findWait(id);
                again->conditionHeld = true; // a condition fires again only after turning false
                again->keyed = w.keyed;
                again->key = w.key;
            }
        }
        startEventSubProcess(w.node, w.scope);
        return;
    }
    Token& tk = token(w.token);
    if (node(tk.node).kind == NodeKind::EventBasedGateway) {
        // The first event wins; the others are withdrawn.
        disarmToken(w.token);
        emit(TraceEvent::Kind::ElementLeft, tk.node, tk.scope, w.token);
        for (FlowIndex f : node(tk.node).outgoing)
            if (m_p.flow(f).target == w.node) {
                emit(TraceEvent::Kind::FlowTaken, kNoNode, tk.scope, w.token, {}, f);
                token(w.token).node = w.node;
                emit(TraceEvent::Kind::ElementEntered, w.node, tk.scope, w.token, {}, f);
                break;
            }
    }
    schedule(Work::Kind::Leave, w.token);
}

void Behaviors::fireBoundary(NodeIndex b, TokenId activityToken)
{
    const ScopeId sc = token(activityToken).scope;
    if (node(b).interrupting)
        cancelToken(activityToken);
    const TokenId nt = newToken(b, sc);
    emit(TraceEvent::Kind::ElementEntered, b, sc, nt);
    schedule(Work::Kind::Leave, nt);
}

void Behaviors::evaluateConditions()
{
    EvalContext ctx;
    ctx.nowMillis = m_s.clock.time_since_epoch().count();
    std::vector<std::uint32_t> due;
    for (auto& w : m_s.waits) {
        if (!w.active || w.kind != Wait::Kind::Conditional || !node(w.node).condition)
            continue;
        auto r = node(w.node).condition->evaluateCondition(visible(w.token, w.scope), ctx);
        if (!r) {
            incident(w.node, w.scope, "the condition '" + node(w.node).code + "' cannot be evaluated: " + r.error.message);
            return;
        }
        if (*r.value && !w.conditionHeld)
            due.push_back(w.id);
        w.conditionHeld = *r.value;
    }
    for (auto id : due)
        fire(id);
}

void Behaviors::broadcast(const std::string& signal)
{
    emit(TraceEvent::Kind::SignalThrown, kNoNode, 0, 0, signal);
    std::vector<std::uint32_t> hits;
    for (const auto& w : m_s.waits)
        if (w.active && w.kind == Wait::Kind::Signal && node(w.node).code == signal)
            hits.push_back(w.id);
    for (auto id : hits)
        fire(id);
    startBySignal(signal); // signal start events of the run's processes start new instances (13.2)
}

// ------------------------------------------------------------------ scopes

void Behaviors::consume(TokenId t)
{
    const ScopeId sc = token(t).scope;
    token(t).state = Token::State::Done;
    // A compensation handler (or compensation event sub-process) finished: the next step runs.
    for (std::size_t i = 0; i < m_s.compensations.size(); ++i)
        if (m_s.compensations[i].running == t) {
            runCompensation(i);
            return;
        }
    checkScope(sc);
}

void Behaviors::cancelToken(TokenId t)
{
    Token& tk = token(t);
    if (tk.state == Token::State::Done)
        return;
    emit(TraceEvent::Kind::ElementCancelled, tk.node, tk.scope, t);
    disarmToken(t);
    tk.state = Token::State::Done;
    // A sub-process or a multi-instance activity ends with everything inside it.
    for (const Scope& s : m_s.scopes)
        if (!s.done && s.owner == t && s.parent == tk.scope && s.id != 0) {
            cancelScope(s.id);
            break;
        }
}

void Behaviors::cancelScope(ScopeId s, TokenId except, bool keepScope)
{
    for (std::size_t i = 0; i < m_s.tokens.size(); ++i) {
        const Token& o = m_s.tokens[i];
        if (o.scope == s && o.state != Token::State::Done && o.id != except)
            cancelToken(o.id);
    }
    for (auto& w : m_s.waits)
        if (w.active && w.scope == s && w.token == 0)
            w.active = false; // the scope's event sub-process subscriptions
    if (!except && !keepScope)
        scope(s).done = true;
}

void Behaviors::armEventSubProcesses(ScopeId s)
{
    for (NodeIndex es : eventStartsOf(s)) {
        switch (node(es).trigger) {
        case Trigger::Timer: armTimer(es, s, 0); break;
        case Trigger::Message: armMessage(es, s, 0); break;
        case Trigger::Signal: arm(Wait::Kind::Signal, es, s, 0); break;
        case Trigger::Conditional: arm(Wait::Kind::Conditional, es, s, 0); break;
        default: break;
        }
    }
}

NodeIndex Behaviors::eventSubProcessCatch(ScopeId s, Trigger want, const std::string& code, NodeIndex except) const
{
    NodeIndex best = kNoNode;
    for (NodeIndex es : eventStartsOf(s))
        if (node(es).trigger == want && node(es).container != except) {
            if (node(es).code == code)
                return es;
            if (node(es).catchAll && best == kNoNode)
                best = es;
        }
    return best;
}

TokenId Behaviors::startEventSubProcess(NodeIndex start, ScopeId s)
{
    const NodeIndex sub = node(start).container;
    if (node(start).interrupting) {
        cancelScope(s, 0, true);
    }
    // The event sub-process runs as an activity of scope s, with a scope of its own.
    const TokenId owner = newToken(sub, s);
    token(owner).state = Token::State::Working;
    emit(TraceEvent::Kind::ElementEntered, sub, s, owner);
    const ScopeId child = newScope(s, sub, owner);
    armEventSubProcesses(child);
    const TokenId st = newToken(start, child);
    emit(TraceEvent::Kind::ElementEntered, start, child, st);
    schedule(Work::Kind::Leave, st);
    for (NodeIndex n : node(sub).implicitStarts) // flow nodes without incoming flows start too (10.5.2)
        schedule(Work::Kind::Arrive, newToken(n, child));
    return owner;
}

void Behaviors::checkScope(ScopeId s)
{
    Scope& scp = scope(s);
    if (scp.done)
        return;
    for (const Token& o : m_s.tokens)
        if (o.scope == s && o.state != Token::State::Done)
            return;
    scp.done = true;
    for (auto& w : m_s.waits)
        if (w.active && w.scope == s)
            w.active = false; // event sub-process subscriptions end with their scope
    emit(TraceEvent::Kind::ScopeCompleted, scp.node, s, scp.owner);
    if (scp.id == scp.instance) { // a process instance ended
        if (scp.owner) {
            emit(TraceEvent::Kind::InstanceCompleted, scp.endedAt, s, scp.owner);
            completeCall(s); // a called one: its call activity goes on
            return;
        }
        const NodeIndex endedAt = scp.endedAt;
        if (runEnded()) {
            m_s.completed = true;
            for (auto& w : m_s.waits)
                w.active = false;
        }
        emit(TraceEvent::Kind::InstanceCompleted, endedAt, s, 0);
        return;
    }
    schedule(Work::Kind::Leave, scp.owner); // the sub-process is complete
}

void Behaviors::throwError(ScopeId s, NodeIndex from, TokenId thrower, const std::string& code, bool escalation)
{
    const auto caughtKind = escalation ? TraceEvent::Kind::EscalationCaught : TraceEvent::Kind::ErrorCaught;
    emit(escalation ? TraceEvent::Kind::EscalationThrown : TraceEvent::Kind::ErrorThrown, from, s, thrower, code);
    const Trigger want = escalation ? Trigger::Escalation : Trigger::Error;
    std::string path = node(from).id;
    NodeIndex at = from;
    ScopeId sc = s;
    TokenId activityToken = thrower;
    if (thrower && token(thrower).role == Token::Role::MultiInner && token(thrower).node == from) {
        // Boundary events belong to the multi-instance activity as a whole, not to one instance.
        activityToken = scope(s).owner;
        sc = token(activityToken).scope;
    }
    NodeIndex previousScopeNode = kNoNode; // the sub-process the throw came up from
    while (true) {
        const Node& n = node(at);
        const bool activity = n.kind == NodeKind::Task || n.kind == NodeKind::WaitTask ||
                              n.kind == NodeKind::SubProcess || n.kind == NodeKind::CallActivity;
        if (activity) {
            // The nearest catch by code wins; a catch without a code takes any.
            NodeIndex best = kNoNode;
            for (NodeIndex b : n.boundaries)
                if (node(b).trigger == want) {
                    if (node(b).code == code) {
                        best = b;
                        break;
                    }
                    if (node(b).catchAll && best == kNoNode)
                        best = b;
                }
            if (best != kNoNode) {
                emit(caughtKind, best, sc, activityToken, code);
                if (!escalation || node(best).interrupting)
                    cancelToken(activityToken);
                const TokenId nt = newToken(best, sc);
                emit(TraceEvent::Kind::ElementEntered, best, sc, nt);
                schedule(Work::Kind::Leave, nt);
                return;
            }
        }
        // Then an event sub-process of the same scope (an error start always interrupts).
        // An event sub-process does not catch what it throws itself: that would start it again.
        const NodeIndex cameFrom = sc == s ? kNoNode : previousScopeNode;
        if (const NodeIndex es = eventSubProcessCatch(sc, want, code, cameFrom); es != kNoNode) {
            emit(caughtKind, es, sc, activityToken, code);
            if (!escalation || node(es).interrupting)
                cancelScope(sc, 0, true);
            startEventSubProcess(es, sc);
            return;
        }
        if (scope(sc).id == scope(sc).instance && !scope(sc).owner) {
            if (escalation)
                return; // an uncaught escalation is no failure
            incident(from, s, "error '" + code + "' was not caught (thrown at " + path + ")");
            return;
        }
        // Up to the sub-process, or from a called process to its call activity.
        const Scope& scp = scope(sc);
        activityToken = scp.owner;
        at = token(activityToken).node;
        previousScopeNode = scp.node;
        if (token(activityToken).role == Token::Role::MultiInner)
            activityToken = scope(token(activityToken).scope).owner; // the multi-instance activity as a whole
        sc = token(activityToken).scope;
        path += " in " + node(at).id;
    }
}

} // namespace runway::core::engine
