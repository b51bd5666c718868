// Several process instances in one run: starting them, their variable scopes, call activities,
// messages along message flows and signal start events (BPMN 2.0.2 chapter 9, 10.3.6, 13.2).
#include "Behaviors.h"

namespace runway::core::engine {

using Work = InstanceState::Work;

namespace {

/// A correlation key as text: strings as they are, other values as FEEL writes them.
std::string keyText(const Value& v)
{
    return v.isString() ? v.asString() : v.toString();
}

} // namespace

ScopeId Behaviors::startProcessInstance(std::int32_t process, NodeIndex start, const Variables& vars, TokenId owner,
                                        ScopeId parent)
{
    if (!m_s.incidents.empty())
        return -2; // the run has stopped
    const ProcessInfo& info = m_p.processInfo(static_cast<std::size_t>(process));
    NodeIndex st = start;
    if (st == kNoNode && !info.starts.empty())
        st = info.starts.front();
    if (st == kNoNode && info.implicitStarts.empty() && !info.triggeredStarts.empty() && owner == 0)
        st = info.triggeredStarts.front(); // started by hand where an event would start it
    if (st == kNoNode && info.implicitStarts.empty())
        return -1;
    if (m_s.tokens.size() > m_in.m_maxTokens) {
        // Instances that start each other without end (messages or signals in a cycle, a process
        // calling itself) stop here, as a runaway split does.
        incident(parent >= 0 ? token(owner).node : st, parent >= 0 ? parent : 0,
                 "more than " + std::to_string(m_in.m_maxTokens) +
                     " tokens: process instances start each other without end (a call, message or signal in a cycle?)");
        return -2;
    }
    Scope root;
    root.id = static_cast<ScopeId>(m_s.scopes.size());
    root.parent = parent;
    root.owner = owner;
    root.process = static_cast<std::uint16_t>(process);
    root.instance = root.id;
    if (root.id == 0) {
        for (const auto& [name, value] : vars)
            m_s.variables.set(name, value);
    } else {
        root.variables = vars;
    }
    const ScopeId id = root.id;
    m_s.scopes.push_back(std::move(root));
    m_s.started = true;
    m_s.completed = false;
    emit(TraceEvent::Kind::InstanceStarted, st, id, owner);
    emit(TraceEvent::Kind::ScopeCreated, kNoNode, id, owner);
    armEventSubProcesses(id);
    if (st != kNoNode)
        schedule(Work::Kind::Arrive, newToken(st, id));
    // Flow nodes without incoming sequence flows start with the process (10.5.2).
    for (NodeIndex n : info.implicitStarts)
        schedule(Work::Kind::Arrive, newToken(n, id));
    return id;
}

bool Behaviors::runEnded() const
{
    for (const Scope& s : m_s.scopes)
        if (s.parent < 0 && !s.done)
            return false;
    return true;
}

const std::vector<NodeIndex>& Behaviors::eventStartsOf(ScopeId s) const
{
    const Scope& scp = m_s.scopes[static_cast<std::size_t>(s)];
    return scp.id == scp.instance ? m_p.processInfo(scp.process).eventStarts : node(scp.node).eventStarts;
}

void Behaviors::noteEnd(ScopeId s, NodeIndex endEvent)
{
    const ScopeId root = scope(s).instance;
    scope(root).endedAt = endEvent;
    if (root == 0)
        m_s.endedAt = endEvent;
}

// ------------------------------------------------------------------ variable scopes

const Variables& Behaviors::visible(TokenId t, ScopeId s)
{
    const ScopeId root = scope(s).instance;
    if (m_s.locals.empty())
        return rootVariables(root); // no multi-instance locals anywhere: the common, fast case
    std::uint32_t frames[16];
    std::size_t count = 0;
    auto add = [&](TokenId o) {
        if (o && token(o).locals && count < std::size(frames))
            frames[count++] = token(o).locals;
    };
    add(t);
    for (ScopeId sc = s; sc != root && sc >= 0; sc = scope(sc).parent)
        add(scope(sc).owner);
    if (count == 0)
        return rootVariables(root);
    m_in.m_scratch = rootVariables(root);
    while (count > 0) // outermost first, so that inner locals hide outer ones
        for (const auto& [name, value] : m_s.locals[frames[--count] - 1])
            m_in.m_scratch.set(name, value);
    return m_in.m_scratch;
}

void Behaviors::write(TokenId t, ScopeId s, const std::string& name, Value v, bool path)
{
    const ScopeId root = scope(s).instance;
    const std::string_view head = path ? std::string_view(name).substr(0, name.find('.')) : std::string_view(name);
    auto setIn = [&](Variables& vars) {
        if (path)
            vars.setPath(name, std::move(v));
        else
            vars.set(name, std::move(v));
    };
    if (!m_s.locals.empty()) {
        auto local = [&](TokenId o) -> Variables* {
            if (!o || !token(o).locals)
                return nullptr;
            Variables& f = m_s.locals[token(o).locals - 1];
            return f.contains(head) ? &f : nullptr;
        };
        if (Variables* f = local(t)) {
            setIn(*f);
            return;
        }
        for (ScopeId sc = s; sc != root && sc >= 0; sc = scope(sc).parent)
            if (Variables* f = local(scope(sc).owner)) {
                setIn(*f);
                return;
            }
    }
    setIn(rootVariables(root));
}

void Behaviors::writeAll(TokenId t, ScopeId s, const Variables& vars)
{
    for (const auto& [name, value] : vars)
        write(t, s, name, value);
}

void Behaviors::setLocal(TokenId t, const std::string& name, Value v)
{
    if (!token(t).locals) {
        m_s.locals.emplace_back();
        token(t).locals = static_cast<std::uint32_t>(m_s.locals.size());
    }
    m_s.locals[token(t).locals - 1].set(name, std::move(v));
}

// ------------------------------------------------------------------ call activities

void Behaviors::enterCall(TokenId t)
{
    const NodeIndex at = token(t).node;
    const ScopeId sc = token(t).scope;
    const Node& n = node(at);
    std::int32_t process = n.calledProcess;
    std::string called = n.calledElement;
    if (n.calledExpression) {
        auto v = evaluate(*n.calledExpression, at, sc, "called process id", t);
        if (!v)
            return;
        called = keyText(*v);
        process = m_p.processIndex(called);
    }
    if (process < 0) {
        incident(at, sc,
                 called.empty()
                     ? std::string("the call activity names no process to call; give it a calledElement")
                     : "the called process '" + called +
                           "' is in neither this file nor the other .bpmn files of its folder; add it there or "
                           "correct the called element");
        return;
    }
    // What the child gets: by default every variable the call activity sees (Camunda 8); only the
    // mapped ones with camunda:in mappings or propagateAllParentVariables="false"; plus the inputs.
    EvalContext ctx;
    ctx.nowMillis = m_s.clock.time_since_epoch().count();
    const Variables here = visible(t, sc);
    Variables in;
    if (n.passIn.empty() && n.propagateAllParent)
        in = here;
    auto pass = [&](const Expression& source, const std::string& target, bool path) {
        auto v = source.evaluate(here, ctx);
        if (!v) {
            incident(at, sc, "the variable mapping to '" + target + "' failed: " + v.error.message);
            return false;
        }
        if (path)
            in.setPath(target, *v);
        else
            in.set(target, *v);
        return true;
    };
    for (const auto& p : n.passIn) {
        if (p.all) {
            for (const auto& [name, value] : here)
                in.set(name, value);
        } else if (!pass(*p.source, p.target, false)) {
            return;
        }
    }
    for (const auto& input : n.inputs)
        if (!pass(input.source, input.target, true))
            return;
    token(t).state = Token::State::Working;
    const ScopeId root = startProcessInstance(process, kNoNode, in, t, sc);
    if (root >= 0)
        scope(root).received = std::move(in);
    else if (root == -1)
        incident(at, sc,
                 "the called process '" + m_p.processInfo(static_cast<std::size_t>(process)).id +
                     "' has no none start event and no flow node without incoming flows to start at");
}

void Behaviors::completeCall(ScopeId root)
{
    const TokenId owner = scope(root).owner;
    const NodeIndex at = token(owner).node;
    const ScopeId sc = token(owner).scope;
    const Node& n = node(at);
    const Variables child = rootVariables(root);
    EvalContext ctx;
    ctx.nowMillis = m_s.clock.time_since_epoch().count();
    auto pass = [&](const Expression& source, const std::string& target, bool path) {
        auto v = source.evaluate(child, ctx);
        if (!v) {
            incident(at, sc, "the variable mapping to '" + target + "' failed: " + v.error.message);
            return false;
        }
        write(owner, sc, target, *v, path);
        return true;
    };
    // What comes back: camunda:out mappings, else the zeebe:output mappings, else (unless
    // propagateAllChildVariables="false") every variable of the child.
    if (!n.passOut.empty()) {
        for (const auto& p : n.passOut) {
            if (p.all)
                writeAll(owner, sc, child);
            else if (!pass(*p.source, p.target, false))
                return;
        }
    } else if (!n.outputs.empty()) {
        for (const auto& out : n.outputs)
            if (!pass(out.source, out.target, true))
                return;
    } else if (n.propagateAllChild) {
        // What the child changed or created: a copy it was given and left alone is not written
        // back (instances of a multi-instance call would overwrite each other's results with it).
        const Variables& received = scope(root).received;
        for (const auto& [name, value] : child)
            if (const Value* before = received.find(name); !before || !(*before == value))
                write(owner, sc, name, value);
    }
    schedule(Work::Kind::Leave, owner);
}

// ------------------------------------------------------------------ messages and signals

std::uint32_t Behaviors::armMessage(NodeIndex n, ScopeId s, TokenId t)
{
    const auto id = arm(Wait::Kind::Message, n, s, t);
    if (const auto& key = node(n).correlationKey) {
        auto v = evaluate(*key, n, s, "correlation key", t);
        if (!v)
            return id;
        Wait& w = *m_s.findWait(id);
        w.keyed = true;
        w.key = keyText(*v);
    }
    return id;
}

bool Behaviors::deliverToWait(NodeIndex at, std::int32_t process, const std::string& name, bool byName,
                              const std::string* key, const Variables& vars)
{
    const Wait* best = nullptr;
    for (const Wait& w : m_s.waits) {
        if (!w.active || w.kind != Wait::Kind::Message || (at != kNoNode && w.node != at))
            continue;
        const Node& n = node(w.node);
        if ((process >= 0 && n.process != process) || (byName && n.code != name) || (key && w.keyed && w.key != *key))
            continue;
        if (!best || w.seq < best->seq)
            best = &w;
    }
    if (!best)
        return false;
    const std::uint32_t id = best->id;
    if (!vars.empty())
        writeAll(best->token, best->scope, vars);
    fire(id);
    return true;
}

void Behaviors::sendMessages(TokenId t)
{
    const ScopeId sc = token(t).scope;
    const Node& n = node(token(t).node);
    for (const MessageTarget& mt : n.messageFlows) {
        std::string key;
        if (mt.key) {
            auto v = evaluate(*mt.key, token(t).node, sc, "correlation key", t);
            if (!v)
                return;
            key = keyText(*v);
        }
        const std::string* keyPtr = mt.key ? &key : nullptr;
        if (mt.node != kNoNode) {
            const Node& target = node(mt.node);
            if (target.kind == NodeKind::StartEvent && target.container == kNoNode) {
                // A message that starts a process instance carries the sender's variables.
                startProcessInstance(target.process, mt.node, visible(t, sc));
                continue;
            }
            deliverToWait(mt.node, -1, mt.message, false, keyPtr, {});
            continue; // nothing waits there: the message is lost
        }
        // A message to a pool: its process's message start event of that name (the first message
        // start event for a message without a name), else a subscription in it.
        const ProcessInfo& info = m_p.processInfo(static_cast<std::size_t>(mt.process));
        NodeIndex start = kNoNode;
        for (NodeIndex s : info.triggeredStarts)
            if (node(s).trigger == Trigger::Message && (node(s).code == mt.message || mt.message.empty())) {
                start = s;
                break;
            }
        if (start != kNoNode)
            startProcessInstance(mt.process, start, visible(t, sc));
        else
            deliverToWait(kNoNode, mt.process, mt.message, true, keyPtr, {});
    }
}

int Behaviors::startBySignal(const std::string& signal)
{
    int started = 0;
    for (std::size_t p = 0; p < m_p.processes().size(); ++p)
        for (NodeIndex s : m_p.processInfo(p).triggeredStarts)
            if (node(s).trigger == Trigger::Signal && node(s).code == signal) {
                startProcessInstance(static_cast<std::int32_t>(p), s, {});
                ++started;
            }
    return started;
}

} // namespace runway::core::engine
