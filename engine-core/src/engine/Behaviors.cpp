#include "Behaviors.h"

#include <algorithm>
#include <charconv>

namespace runway::core::engine {

using Work = InstanceState::Work;

void Behaviors::emitNow(TraceEvent::Kind kind, NodeIndex n, ScopeId s, TokenId t, std::string detail, FlowIndex flow)
{
    const ScopeId instance = s >= 0 && static_cast<std::size_t>(s) < m_s.scopes.size()
                                 ? m_s.scopes[static_cast<std::size_t>(s)].instance
                                 : 0;
    m_in.m_observer(TraceEvent{kind, m_s.clock, n, flow, s, t, instance, std::move(detail)});
}

TokenId Behaviors::newToken(NodeIndex n, ScopeId s)
{
    const TokenId id = m_s.nextToken++;
    m_s.tokens.push_back(Token{id, n, s, Token::State::Waiting, -1});
    return id;
}

ScopeId Behaviors::newScope(ScopeId parent, NodeIndex n, TokenId owner)
{
    Scope sc;
    sc.id = static_cast<ScopeId>(m_s.scopes.size());
    sc.parent = parent;
    sc.node = n;
    sc.owner = owner;
    sc.process = scope(parent).process;
    sc.instance = scope(parent).instance;
    m_s.scopes.push_back(std::move(sc));
    emit(TraceEvent::Kind::ScopeCreated, n, m_s.scopes.back().id, owner);
    return m_s.scopes.back().id;
}

void Behaviors::schedule(Work::Kind kind, TokenId t, FlowIndex via)
{
    m_s.agenda.push_back(Work{kind, t, via});
}

void Behaviors::incident(NodeIndex n, ScopeId s, std::string text)
{
    if (n != kNoNode)
        text = "'" + node(n).id + "': " + text;
    emit(TraceEvent::Kind::Incident, n, s, 0, text);
    m_s.incidents.push_back(std::move(text));
    // An incident stops the instance where it is: nothing moves any more.
    m_s.agenda.clear();
    for (auto& w : m_s.waits)
        w.active = false;
}

// ------------------------------------------------------------------ transitions

void Behaviors::arrive(TokenId t, FlowIndex via)
{
    Token& tk = token(t);
    if (tk.state == Token::State::Done)
        return; // cancelled on its way (its scope was interrupted while the arrival was queued)
    tk.arrivedVia = via;
    emit(TraceEvent::Kind::ElementEntered, tk.node, tk.scope, t, {}, via);
    switch (node(tk.node).kind) {
    case NodeKind::StartEvent: schedule(Work::Kind::Leave, t); break;
    case NodeKind::EndEvent:
    case NodeKind::CatchEvent:
    case NodeKind::ThrowEvent:
    case NodeKind::BoundaryEvent: enterEvent(t); break;
    case NodeKind::Task:
    case NodeKind::WaitTask:
    case NodeKind::SubProcess:
    case NodeKind::CallActivity: enterActivity(t); break;
    default: enterGateway(t, via); break;
    }
}

void Behaviors::leave(TokenId t)
{
    Token& tk = token(t);
    if (tk.state == Token::State::Done)
        return; // cancelled while the leave was queued
    const Node& n = node(tk.node);
    if (n.kind == NodeKind::EndEvent && n.trigger == Trigger::Cancel) {
        cancelTransaction(tk.scope, t);
        return;
    }
    const bool activity = n.kind == NodeKind::Task || n.kind == NodeKind::WaitTask || n.kind == NodeKind::SubProcess ||
                          n.kind == NodeKind::CallActivity;
    using Loop = Node::Loop;
    if (tk.role == Token::Role::MultiInner) {
        // One instance of a multi-instance activity is done.
        disarmToken(t);
        emit(TraceEvent::Kind::ElementLeft, tk.node, tk.scope, t);
        tk.state = Token::State::Done;
        const ScopeId ms = tk.scope;
        if (n.loop.outputElement && !n.loop.outputCollection.empty()) {
            // Camunda 8: the instance's outputElement goes to its place in the outputCollection.
            auto v = evaluate(*n.loop.outputElement, tk.node, ms, "output element", t);
            if (!v)
                return;
            const Value* collection = visible(0, ms).find(n.loop.outputCollection);
            List items = collection && collection->isList() ? collection->asList() : List{};
            if (token(t).loopCounter >= 1 && token(t).loopCounter <= items.size())
                items[token(t).loopCounter - 1] = *v;
            write(0, ms, n.loop.outputCollection, Value(std::move(items)));
        }
        Scope& scp = scope(ms);
        ++scp.finished;
        const std::uint32_t finished = scp.finished, active = scp.started - scp.finished;
        write(0, ms, "numberOfCompletedInstances", Value(finished));
        write(0, ms, "nrOfCompletedInstances", Value(finished));
        write(0, ms, "nrOfActiveInstances", Value(active));
        write(0, ms, "numberOfActiveInstances", Value(active));
        bool complete = scp.finished >= scp.instances;
        if (!complete && n.loop.condition) {
            auto v = evaluate(*n.loop.condition, tk.node, ms, "completion condition", t);
            if (!v)
                return;
            if (v->asBoolean()) {
                complete = true;
                cancelScope(ms, 0, true); // the instances still running are no longer needed
            }
        }
        if (!complete && n.loop.kind == Loop::Kind::Sequential && scope(ms).started < scope(ms).instances)
            startInstance(ms, scope(ms).started);
        checkScope(ms);
        return;
    }
    if (n.loop.kind == Loop::Kind::Standard && tk.role == Token::Role::Plain) {
        if (tk.loopCounter == kLoopSkipped) {
            tk.loopCounter = 0; // a test-before loop that never ran: go on
        } else {
            const std::uint32_t done = ++tk.loopCounter;
            write(t, tk.scope, "loopCounter", Value(done));
            bool again = n.loop.maximum < 0 || static_cast<std::int64_t>(done) < n.loop.maximum;
            if (again && n.loop.condition) {
                auto v = evaluate(*n.loop.condition, tk.node, tk.scope, "loop condition", t);
                if (!v)
                    return;
                again = v->asBoolean();
            } else if (!n.loop.condition && n.loop.maximum < 0) {
                again = false; // no condition and no maximum: once
            }
            if (again) {
                disarmToken(t);
                emit(TraceEvent::Kind::ElementLeft, tk.node, tk.scope, t);
                schedule(Work::Kind::Arrive, t); // the next iteration
                return;
            }
            tk.loopCounter = 0;
        }
    }
    if (activity) {
        disarmToken(t);
        recordCompensable(t);
    }
    if (activity && !n.messageFlows.empty() && tk.role != Token::Role::MultiOuter) {
        sendMessages(t); // an activity with outgoing message flows (a send task) sends when it completes
        if (!m_s.incidents.empty())
            return;
    }
    if (!n.outputs.empty() && n.kind != NodeKind::CallActivity) { // a call's outputs are its child's (completeCall)
        EvalContext ctx;
        ctx.nowMillis = m_s.clock.time_since_epoch().count();
        for (const auto& out : n.outputs) {
            auto v = out.source.evaluate(visible(t, token(t).scope), ctx);
            if (!v) {
                incident(token(t).node, token(t).scope,
                         "the output mapping to '" + out.target + "' failed: " + v.error.message);
                return;
            }
            write(t, token(t).scope, out.target, *v, true);
        }
    }
    std::vector<FlowIndex> flows;
    const bool conditional = std::any_of(n.outgoing.begin(), n.outgoing.end(),
                                         [&](FlowIndex f) { return !m_p.flow(f).condition.empty(); });
    if (conditional)
        flows = chooseOutgoing(t, false);
    else
        flows = n.outgoing;
    if (!m_s.incidents.empty())
        return;
    // token(t), not tk: a message that started a process instance may have moved the tokens in memory
    emit(TraceEvent::Kind::ElementLeft, token(t).node, token(t).scope, t);
    if (flows.empty()) {
        consume(t); // no outgoing flow: the token ends here (an implicit end)
        return;
    }
    takeFlows(t, flows);
}

void Behaviors::takeFlows(TokenId t, const std::vector<FlowIndex>& flows)
{
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const FlowIndex f = flows[i];
        TokenId moving = t;
        if (i > 0) {
            moving = newToken(m_p.flow(f).target, token(t).scope);
            if (m_s.tokens.size() > m_in.m_maxTokens) {
                incident(token(t).node, token(t).scope,
                         "more than " + std::to_string(m_in.m_maxTokens) +
                             " tokens: the model multiplies tokens without bound (a parallel split in a loop?)");
                return;
            }
        }
        Token& tk = token(moving);
        emit(TraceEvent::Kind::FlowTaken, kNoNode, tk.scope, moving, {}, f);
        tk.node = m_p.flow(f).target;
        tk.state = Token::State::Waiting;
        schedule(Work::Kind::Arrive, moving, f);
    }
}

std::vector<FlowIndex> Behaviors::chooseOutgoing(TokenId t, bool exclusive)
{
    const Token& tk = token(t);
    const Node& n = node(tk.node);
    std::vector<FlowIndex> candidates;
    for (FlowIndex f : n.outgoing)
        if (f != n.defaultFlow)
            candidates.push_back(f);
    std::string why;
    std::vector<FlowIndex> chosen = candidates;
    if (m_in.m_policy) {
        const Variables* outer = m_in.m_eval;
        m_in.m_eval = &visible(t, tk.scope); // conditions read the variables in scope at the gateway
        chosen = m_in.m_policy->chooseFlows(m_in, tk.node, candidates, &why);
        m_in.m_eval = outer;
    }
    if (exclusive && chosen.size() > 1)
        chosen.resize(1);
    if (chosen.empty() && !why.empty()) {
        // A condition that cannot be evaluated is an incident, as in the engines: the default flow
        // is for "no condition holds", not for "a condition is broken".
        incident(tk.node, tk.scope, "a condition cannot be evaluated: " + why);
        return chosen;
    }
    if (chosen.empty() && n.defaultFlow >= 0)
        chosen.push_back(n.defaultFlow);
    if (chosen.empty())
        incident(tk.node, tk.scope,
                 "no outgoing flow can be taken: no condition holds and there is no default flow" +
                     (why.empty() ? std::string() : " (" + why + ")"));
    return chosen;
}

// ------------------------------------------------------------------ activities

void Behaviors::enterActivity(TokenId t)
{
    const NodeIndex at = token(t).node;
    const ScopeId sc = token(t).scope;
    const Node& n = node(at);
    using Loop = Node::Loop;
    const bool inner = token(t).role == Token::Role::MultiInner;
    if (n.loop.kind == Loop::Kind::Standard && n.loop.testBefore && token(t).loopCounter == 0 && n.loop.condition) {
        // A test-before loop may run the activity no time at all.
        auto v = evaluate(*n.loop.condition, at, sc, "loop condition", t);
        if (!v)
            return;
        if (!v->asBoolean()) {
            token(t).loopCounter = kLoopSkipped;
            schedule(Work::Kind::Leave, t);
            return;
        }
    }
    for (NodeIndex b : inner ? std::vector<NodeIndex>{} : n.boundaries) {
        switch (node(b).trigger) {
        case Trigger::Timer: armTimer(b, sc, t); break;
        case Trigger::Message: armMessage(b, sc, t); break;
        case Trigger::Signal: arm(Wait::Kind::Signal, b, sc, t); break;
        case Trigger::Conditional: arm(Wait::Kind::Conditional, b, sc, t); break;
        default: break; // errors, escalations and compensation are looked up when thrown
        }
    }
    if (!m_s.incidents.empty())
        return;
    if ((n.loop.kind == Loop::Kind::Parallel || n.loop.kind == Loop::Kind::Sequential) && !inner) {
        // The activity as a whole waits while its instances run in a scope of their own.
        std::uint32_t count = 0;
        if (n.loop.inputCollection) {
            auto v = evaluate(*n.loop.inputCollection, at, sc, "input collection", t);
            if (!v)
                return;
            if (!v->isList()) {
                incident(at, sc, "the input collection is " + std::string(v->typeName()) + ", not a list");
                return;
            }
            count = static_cast<std::uint32_t>(v->asList().size());
        } else if (n.loop.cardinality) {
            auto v = evaluate(*n.loop.cardinality, at, sc, "loop cardinality", t);
            if (!v)
                return;
            if (v->isString()) { // a literal such as "3" (a static text to the expression language)
                const std::string& text = v->asString();
                std::uint32_t literal = 0;
                const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), literal);
                if (ec == std::errc() && end == text.data() + text.size())
                    v = Value(literal);
            }
            if (!v->isNumber() || v->asNumber() < 0 || v->asNumber() > 1e6) {
                incident(at, sc, "the loop cardinality is " + v->toString() + ", not a number of instances from 0 to 1000000");
                return;
            }
            count = static_cast<std::uint32_t>(v->asNumber());
        }
        token(t).role = Token::Role::MultiOuter;
        token(t).state = Token::State::Working;
        const ScopeId child = newScope(sc, at, t);
        scope(child).instances = count;
        write(t, sc, "numberOfInstances", Value(count));
        write(t, sc, "nrOfInstances", Value(count));
        if (!n.loop.outputCollection.empty())
            write(t, sc, n.loop.outputCollection, Value(List(count)));
        if (count == 0) {
            scope(child).done = true;
            schedule(Work::Kind::Leave, t);
            return;
        }
        const std::uint32_t first = n.loop.kind == Loop::Kind::Parallel ? count : 1;
        for (std::uint32_t i = 0; i < first; ++i)
            startInstance(child, i);
        return;
    }
    switch (n.kind) {
    case NodeKind::SubProcess: {
        token(t).state = Token::State::Working;
        const ScopeId child = newScope(sc, at, t);
        armEventSubProcesses(child);
        if (n.starts.empty() && n.implicitStarts.empty()) {
            scope(child).done = true;
            schedule(Work::Kind::Leave, t);
            break;
        }
        for (NodeIndex st : n.starts)
            schedule(Work::Kind::Arrive, newToken(st, child));
        for (NodeIndex st : n.implicitStarts) // flow nodes without incoming flows start too (10.5.2)
            schedule(Work::Kind::Arrive, newToken(st, child));
        break;
    }
    case NodeKind::CallActivity: enterCall(t); break;
    default: {
        WorkDecision d = m_in.m_policy ? m_in.m_policy->work(m_in, at) : WorkDecision{};
        if (!m_in.m_policy && n.kind == NodeKind::WaitTask)
            d.kind = WorkDecision::Kind::Wait;
        if (d.kind == WorkDecision::Kind::Wait) {
            token(t).state = Token::State::Waiting;
            if (n.trigger == Trigger::Message) // a receive task waits for its message
                armMessage(at, sc, t);
        } else if (d.kind == WorkDecision::Kind::Take && d.duration.count() > 0) {
            token(t).state = Token::State::Working;
            arm(Wait::Kind::Work, at, sc, t, m_s.clock + d.duration);
        } else {
            token(t).state = Token::State::Working;
            schedule(Work::Kind::Leave, t);
        }
    }
    }
}

std::optional<Value> Behaviors::evaluate(const Expression& e, NodeIndex at, ScopeId s, const char* what, TokenId t)
{
    EvalContext ctx;
    ctx.nowMillis = m_s.clock.time_since_epoch().count();
    auto v = e.evaluate(visible(t, s), ctx);
    if (!v) {
        incident(at, s, std::string("the ") + what + " cannot be evaluated: " + v.error.message);
        return std::nullopt;
    }
    return *v;
}

void Behaviors::startInstance(ScopeId s, std::uint32_t index)
{
    const NodeIndex at = scope(s).node;
    const Node& n = node(at);
    const TokenId it = newToken(at, s);
    token(it).role = Token::Role::MultiInner;
    token(it).loopCounter = index + 1;
    ++scope(s).started;
    // Each instance has local variables: its number, its item, and its output element (Camunda 8).
    setLocal(it, "loopCounter", Value(index + 1));
    if (n.loop.inputCollection && !n.loop.inputElement.empty()) {
        auto v = evaluate(*n.loop.inputCollection, at, s, "input collection", scope(s).owner);
        if (!v)
            return;
        if (v->isList() && index < v->asList().size())
            setLocal(it, n.loop.inputElement, v->asList()[index]);
    }
    if (!n.loop.outputLocal.empty())
        setLocal(it, n.loop.outputLocal, Value());
    schedule(Work::Kind::Arrive, it);
}

// ------------------------------------------------------------------ gateways

bool Behaviors::joinReady(TokenId t)
{
    const Token& tk = token(t);
    const Node& n = node(tk.node);
    if (n.incoming.size() <= 1)
        return true;
    std::vector<TokenId> here;
    for (const Token& o : m_s.tokens)
        if (o.state == Token::State::Waiting && o.node == tk.node && o.scope == tk.scope)
            here.push_back(o.id);
    if (n.kind == NodeKind::ParallelGateway) {
        std::vector<TokenId> pick; // one token per incoming flow; t for its own
        for (FlowIndex f : n.incoming) {
            if (f == tk.arrivedVia) {
                pick.push_back(t);
                continue;
            }
            auto it = std::find_if(here.begin(), here.end(), [&](TokenId id) { return token(id).arrivedVia == f; });
            if (it == here.end())
                return false;
            pick.push_back(*it);
        }
        for (TokenId id : pick)
            if (id != t)
                token(id).state = Token::State::Done; // merged into t
        return true;
    }
    // Inclusive (and complex): wait while a token elsewhere in the scope can still arrive
    // (BPMN 2.0, 13.4.3: the gateway is activated when no token can reach an unserved incoming flow).
    for (const Token& o : m_s.tokens) {
        if (o.state == Token::State::Done || o.scope != tk.scope || o.id == t)
            continue;
        if (o.node == tk.node) {
            // A token still on an incoming flow (its arrival queued) makes that flow non-empty:
            // the gateway takes it in the same activation.
            if (std::any_of(m_s.agenda.begin(), m_s.agenda.end(),
                            [&](const Work& w) { return w.kind == Work::Kind::Arrive && w.token == o.id; }))
                return false;
            continue;
        }
        if (m_p.canReach(o.node, tk.node))
            return false;
    }
    // One token is consumed from each incoming flow that has one; a second token on a flow waits
    // for the next activation.
    std::vector<FlowIndex> served{tk.arrivedVia};
    for (TokenId id : here) {
        const FlowIndex via = token(id).arrivedVia;
        if (id == t || std::find(served.begin(), served.end(), via) != served.end())
            continue;
        served.push_back(via);
        token(id).state = Token::State::Done;
    }
    return true;
}

void Behaviors::recheckJoins()
{
    while (!m_s.complexResets.empty() && recheckComplexResets())
        if (!m_s.agenda.empty() || !m_s.incidents.empty())
            return;
    for (std::size_t i = 0; i < m_s.tokens.size(); ++i) {
        const Token& t = m_s.tokens[i];
        const Node& n = node(t.node);
        if (t.state != Token::State::Waiting || n.incoming.size() < 2 ||
            (n.kind != NodeKind::InclusiveGateway && n.kind != NodeKind::ComplexGateway) || n.activation)
            continue;
        const TokenId id = t.id;
        if (!joinReady(id))
            continue;
        auto flows = n.outgoing.size() <= 1 ? n.outgoing : chooseOutgoing(id, false);
        if (!m_s.incidents.empty())
            return;
        emit(TraceEvent::Kind::ElementLeft, token(id).node, token(id).scope, id);
        if (flows.empty())
            consume(id);
        else
            takeFlows(id, flows);
        return; // one release per check: the agenda now has work again
    }
}

void Behaviors::enterGateway(TokenId t, FlowIndex)
{
    const Node& n = node(token(t).node);
    token(t).state = Token::State::Waiting;
    switch (n.kind) {
    case NodeKind::ExclusiveGateway: {
        if (n.outgoing.empty()) { // no outgoing flow: the token ends here, as at any other node
            emit(TraceEvent::Kind::ElementLeft, token(t).node, token(t).scope, t);
            consume(t);
            break;
        }
        auto flows = chooseOutgoing(t, true);
        if (!flows.empty()) {
            emit(TraceEvent::Kind::ElementLeft, token(t).node, token(t).scope, t);
            takeFlows(t, flows);
        }
        break;
    }
    case NodeKind::ParallelGateway:
        if (joinReady(t)) {
            emit(TraceEvent::Kind::ElementLeft, token(t).node, token(t).scope, t);
            if (n.outgoing.empty())
                consume(t);
            else
                takeFlows(t, n.outgoing);
        }
        break;
    case NodeKind::ComplexGateway:
        if (n.activation) {
            enterComplexGateway(t);
            break;
        }
        [[fallthrough]];
    case NodeKind::InclusiveGateway:
        if (joinReady(t)) {
            auto flows = n.outgoing.size() <= 1 ? n.outgoing : chooseOutgoing(t, false);
            if (!m_s.incidents.empty())
                break;
            emit(TraceEvent::Kind::ElementLeft, token(t).node, token(t).scope, t);
            if (flows.empty())
                consume(t);
            else
                takeFlows(t, flows);
        }
        break;
    case NodeKind::EventBasedGateway:
        // Subscribe to every event after the gateway; the first to happen wins (13.4.4).
        for (FlowIndex f : n.outgoing) {
            const NodeIndex target = m_p.flow(f).target;
            switch (node(target).trigger) {
            case Trigger::Timer: armTimer(target, token(t).scope, t); break;
            case Trigger::Message: armMessage(target, token(t).scope, t); break;
            case Trigger::Signal: arm(Wait::Kind::Signal, target, token(t).scope, t); break;
            case Trigger::Conditional: arm(Wait::Kind::Conditional, target, token(t).scope, t); break;
            default:
                incident(target, token(t).scope, "an event-based gateway may only lead to catch events and receive tasks");
                return;
            }
        }
        break;
    default: break;
    }
}

} // namespace runway::core::engine
