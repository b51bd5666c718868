// The complex gateway with an activation condition (BPMN 2.0.2, 13.4.5).
//
// Waiting for start, the gateway evaluates its activation condition whenever a token arrives, on
// the process variables plus the tokens waiting at it: `activationCount` (all of them) and, per
// incoming sequence flow, `<flowId>.activationCount` (the spec's name for "the number of tokens
// present on an incoming Sequence Flow"). When it holds, the gateway fires once: it consumes one
// token from each incoming flow that has one and passes one on through its outgoing flows. It then
// waits for reset: the tokens still to come on the other incoming flows are consumed without
// firing again; once each of those flows has delivered one, or no token can reach the gateway any
// more, it waits for start again. A complex gateway without an activation condition joins as an
// inclusive gateway does (Behaviors::joinReady).
#include "Behaviors.h"

#include <algorithm>

namespace runway::core::engine {

namespace {
ComplexReset* findReset(InstanceState& s, NodeIndex g, ScopeId scope)
{
    for (auto& r : s.complexResets)
        if (r.gateway == g && r.scope == scope)
            return &r;
    return nullptr;
}
} // namespace

void Behaviors::enterComplexGateway(TokenId t)
{
    const NodeIndex g = token(t).node;
    const ScopeId s = token(t).scope;
    token(t).state = Token::State::Waiting;
    if (ComplexReset* r = findReset(m_s, g, s)) {
        auto it = std::find(r->expected.begin(), r->expected.end(), token(t).arrivedVia);
        if (it == r->expected.end())
            return; // a second token on a flow that was served: it waits for the next activation
        // Waiting for reset: a token the activation did not wait for is consumed without firing.
        r->expected.erase(it);
        emit(TraceEvent::Kind::ElementLeft, g, s, t);
        token(t).state = Token::State::Done;
        if (r->expected.empty())
            resetComplexGateway(g, s);
        checkScope(s);
        return;
    }
    activateComplexGateway(g, s, t);
}

bool Behaviors::activateComplexGateway(NodeIndex g, ScopeId s, TokenId preferred)
{
    const Node& n = node(g);
    // The tokens waiting at the gateway, the earliest first, by incoming flow.
    std::vector<std::vector<TokenId>> byFlow(n.incoming.size());
    std::size_t total = 0;
    for (const Token& o : m_s.tokens) {
        if (o.state != Token::State::Waiting || o.node != g || o.scope != s)
            continue;
        auto f = std::find(n.incoming.begin(), n.incoming.end(), o.arrivedVia);
        if (f == n.incoming.end())
            continue;
        byFlow[static_cast<std::size_t>(f - n.incoming.begin())].push_back(o.id);
        ++total;
    }
    if (total == 0)
        return false;
    Variables vars = m_s.variables;
    vars.set("activationCount", Value(total));
    for (std::size_t i = 0; i < n.incoming.size(); ++i)
        vars.setPath(m_p.flow(n.incoming[i]).id + ".activationCount", Value(byFlow[i].size()));
    EvalContext ctx;
    ctx.nowMillis = m_s.clock.time_since_epoch().count();
    auto holds = n.activation->evaluateCondition(vars, ctx);
    if (!holds) {
        incident(g, s, "the activation condition '" + n.activationCondition + "' cannot be evaluated: " + holds.error.message);
        return false;
    }
    if (!*holds.value)
        return false; // not yet: the tokens wait for more
    // Fire: one token from each incoming flow that has one; the others are expected at reset.
    std::vector<FlowIndex> expected;
    std::vector<TokenId> taken;
    for (std::size_t i = 0; i < n.incoming.size(); ++i) {
        if (byFlow[i].empty()) {
            expected.push_back(n.incoming[i]);
            continue;
        }
        const auto mine = std::find(byFlow[i].begin(), byFlow[i].end(), preferred);
        taken.push_back(mine != byFlow[i].end() ? preferred : byFlow[i].front());
    }
    const TokenId mover = std::find(taken.begin(), taken.end(), preferred) != taken.end() ? preferred : taken.front();
    for (TokenId id : taken)
        if (id != mover)
            token(id).state = Token::State::Done; // merged into the one that goes on
    if (!expected.empty())
        m_s.complexResets.push_back(ComplexReset{g, s, std::move(expected)});
    auto flows = n.outgoing.size() <= 1 ? n.outgoing : chooseOutgoing(mover, false);
    if (!m_s.incidents.empty())
        return true;
    emit(TraceEvent::Kind::ElementLeft, g, s, mover);
    if (flows.empty())
        consume(mover);
    else
        takeFlows(mover, flows);
    return true;
}

void Behaviors::resetComplexGateway(NodeIndex g, ScopeId s)
{
    std::erase_if(m_s.complexResets, [&](const ComplexReset& r) { return r.gateway == g && r.scope == s; });
    // Tokens that came early for the next activation may start it now.
    activateComplexGateway(g, s, 0);
}

bool Behaviors::recheckComplexResets()
{
    // A gateway whose scope ended (completed or cancelled) waits for nothing any more.
    std::erase_if(m_s.complexResets, [&](const ComplexReset& r) { return scope(r.scope).done; });
    for (std::size_t i = 0; i < m_s.complexResets.size(); ++i) {
        const ComplexReset r = m_s.complexResets[i];
        // Reset when no token can reach the gateway any more (as the inclusive join asks, 13.4.3).
        const bool coming = std::any_of(m_s.tokens.begin(), m_s.tokens.end(), [&](const Token& o) {
            return o.state != Token::State::Done && o.scope == r.scope && o.node != r.gateway && m_p.canReach(o.node, r.gateway);
        });
        if (!coming) {
            resetComplexGateway(r.gateway, r.scope);
            return true;
        }
    }
    return false;
}

} // namespace runway::core::engine
