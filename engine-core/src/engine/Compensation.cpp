// Compensation (BPMN 2.0.2, 10.6 Compensation; 13.5.5) and the cancellation of transactions (10.3).
//
// Every activity that completes and can be undone is recorded in its scope: one with a compensation
// boundary event and handler, and a sub-process with a compensation event sub-process or with
// compensable activities inside it. A sub-process's scope stays in the state when it completes, so
// what completed inside it can still be compensated afterwards. A compensation throw compensates
// its scope (an event sub-process's: the scope around it), or only its activityRef, the last
// completed first; a sub-process is compensated by its compensation event sub-process if it has
// one, else by compensating what completed inside it when it has no handler, then by its handler.
#include "Behaviors.h"

#include <algorithm>

namespace runway::core::engine {

using Work = InstanceState::Work;
using Step = Compensation::Step;

namespace {
NodeIndex handlerOf(const CompiledProcess& p, NodeIndex activity)
{
    for (NodeIndex b : p.node(activity).boundaries)
        if (p.node(b).trigger == Trigger::Compensate && p.node(b).compensationHandler != kNoNode)
            return p.node(b).compensationHandler;
    return kNoNode;
}

/// The start event of the activity's compensation event sub-process, if it has one.
NodeIndex compensationStartOf(const CompiledProcess& p, NodeIndex activity)
{
    for (NodeIndex es : p.node(activity).eventStarts)
        if (p.node(es).trigger == Trigger::Compensate)
            return es;
    return kNoNode;
}
} // namespace

void Behaviors::recordCompensable(TokenId t)
{
    const Token& tk = token(t);
    const Node& n = node(tk.node);
    const bool hasBoundary = std::any_of(n.boundaries.begin(), n.boundaries.end(),
                                         [&](NodeIndex b) { return node(b).trigger == Trigger::Compensate; });
    Scope::Compensable c{tk.node, -1};
    if (n.kind == NodeKind::SubProcess && tk.role == Token::Role::Plain) {
        for (auto s = m_s.scopes.rbegin(); s != m_s.scopes.rend(); ++s)
            if (s->owner == t && s->node == tk.node && s->parent == tk.scope) {
                c.scope = s->id;
                break;
            }
        const bool inside = c.scope >= 0 && !scope(c.scope).compensable.empty();
        if (!hasBoundary && !inside && compensationStartOf(m_p, tk.node) == kNoNode)
            return;
    } else if (!hasBoundary) {
        return;
    }
    scope(tk.scope).compensable.push_back(c);
}

void Behaviors::planCompensation(ScopeId target, NodeIndex ref, std::vector<Step>& out)
{
    std::vector<Scope::Compensable> chosen, rest;
    for (const auto& c : scope(target).compensable)
        (ref == kNoNode || c.activity == ref ? chosen : rest).push_back(c);
    scope(target).compensable = std::move(rest); // compensated once
    for (auto c = chosen.rbegin(); c != chosen.rend(); ++c) {
        const NodeIndex handler = handlerOf(m_p, c->activity);
        if (node(c->activity).kind == NodeKind::SubProcess && c->scope >= 0) {
            if (const NodeIndex es = compensationStartOf(m_p, c->activity); es != kNoNode) {
                // Its compensation event sub-process undoes it, in its scope (10.6).
                out.push_back({Step::Kind::EventSubProcess, es, c->scope});
                out.push_back({Step::Kind::Left, c->activity, target});
            } else if (handler == kNoNode) {
                // Without a handler, what completed inside it is compensated (13.5.5).
                const std::size_t before = out.size();
                planCompensation(c->scope, kNoNode, out);
                if (out.size() > before)
                    out.push_back({Step::Kind::Left, c->activity, target});
            }
        }
        if (handler != kNoNode)
            out.push_back({Step::Kind::Handler, handler, target});
    }
}

void Behaviors::compensate(ScopeId sc, TokenId waiting)
{
    const Node& thrower = node(token(waiting).node);
    emit(TraceEvent::Kind::CompensationStarted, token(waiting).node, sc, waiting);
    // A throw inside an event sub-process compensates the scope the event sub-process belongs to.
    ScopeId target = sc;
    if (sc != 0 && scope(sc).node != kNoNode && node(scope(sc).node).isEventSubProcess)
        target = scope(sc).parent;
    NodeIndex ref = kNoNode;
    if (thrower.trigger == Trigger::Compensate && !thrower.code.empty()) {
        ref = m_p.nodeIndex(thrower.code);
        if (ref == kNoNode) {
            incident(token(waiting).node, sc,
                     "the compensation names the activity '" + thrower.code +
                         "', which is not in this process; name an activity of the same scope");
            return;
        }
    }
    std::vector<Step> steps;
    planCompensation(target, ref, steps);
    if (steps.empty()) {
        compensationDone(waiting);
        return;
    }
    std::reverse(steps.begin(), steps.end()); // back() runs next
    m_s.compensations.push_back(Compensation{waiting, 0, std::move(steps)});
    runCompensation(m_s.compensations.size() - 1);
}

void Behaviors::runCompensation(std::size_t i)
{
    while (!m_s.compensations[i].steps.empty()) {
        const Step st = m_s.compensations[i].steps.back();
        m_s.compensations[i].steps.pop_back();
        switch (st.kind) {
        case Step::Kind::Left: emit(TraceEvent::Kind::ElementLeft, st.node, st.scope, 0); continue;
        case Step::Kind::Handler: {
            const TokenId h = newToken(st.node, st.scope);
            m_s.compensations[i].running = h;
            schedule(Work::Kind::Arrive, h);
            return;
        }
        case Step::Kind::EventSubProcess: {
            const TokenId owner = startEventSubProcess(st.node, st.scope);
            m_s.compensations[i].running = owner;
            return;
        }
        }
    }
    const TokenId waiter = m_s.compensations[i].waiter;
    m_s.compensations.erase(m_s.compensations.begin() + static_cast<std::ptrdiff_t>(i));
    compensationDone(waiter);
}

void Behaviors::compensationDone(TokenId waiter)
{
    const NodeIndex at = token(waiter).node;
    const ScopeId sc = token(waiter).scope;
    if (node(at).kind == NodeKind::EndEvent && node(at).trigger == Trigger::Cancel) {
        finishCancel(waiter);
    } else if (node(at).kind == NodeKind::EndEvent) {
        emit(TraceEvent::Kind::ElementLeft, at, sc, waiter);
        consume(waiter);
    } else {
        schedule(Work::Kind::Leave, waiter);
    }
}

void Behaviors::cancelTransaction(ScopeId sc, TokenId t)
{
    const NodeIndex at = token(t).node;
    if (sc == 0 || !node(scope(sc).node).isTransaction) {
        incident(at, sc,
                 "a cancel end event cancels the transaction it is in, and this one is not directly inside a "
                 "transaction sub-process (BPMN 2.0.2, 10.5.3); move it into one, or use another end event");
        return;
    }
    // 10.3 Transaction, 13.5.6: the transaction's other work stops, what completed inside it is
    // compensated (the last first), then the token leaves through the cancel boundary event.
    cancelScope(sc, t);
    compensate(sc, t); // finishCancel follows when the handlers are done
}

void Behaviors::finishCancel(TokenId endToken)
{
    const ScopeId ts = token(endToken).scope;
    emit(TraceEvent::Kind::ElementLeft, token(endToken).node, ts, endToken);
    token(endToken).state = Token::State::Done;
    const TokenId owner = scope(ts).owner;
    const ScopeId outer = token(owner).scope;
    NodeIndex cancelBoundary = kNoNode;
    for (NodeIndex b : node(scope(ts).node).boundaries)
        if (node(b).trigger == Trigger::Cancel)
            cancelBoundary = b;
    cancelToken(owner); // a cancel boundary event always interrupts its transaction
    if (cancelBoundary != kNoNode) {
        fireBoundary(cancelBoundary, owner);
        return;
    }
    checkScope(outer); // without a cancel boundary event the cancelled transaction just ends
}

} // namespace runway::core::engine
