#include "runway/core/engine/Trace.h"

#include "runway/core/Diagnostic.h"

namespace runway::core::engine {

std::string_view toString(TraceEvent::Kind k)
{
    using K = TraceEvent::Kind;
    switch (k) {
    case K::InstanceStarted: return "instance-started";
    case K::InstanceCompleted: return "instance-completed";
    case K::ElementEntered: return "element-entered";
    case K::ElementLeft: return "element-left";
    case K::ElementCancelled: return "element-cancelled";
    case K::FlowTaken: return "flow-taken";
    case K::ScopeCreated: return "scope-created";
    case K::ScopeCompleted: return "scope-completed";
    case K::TimerScheduled: return "timer-scheduled";
    case K::TimerFired: return "timer-fired";
    case K::TimerCancelled: return "timer-cancelled";
    case K::MessageCaught: return "message-caught";
    case K::SignalThrown: return "signal-thrown";
    case K::SignalCaught: return "signal-caught";
    case K::ErrorThrown: return "error-thrown";
    case K::ErrorCaught: return "error-caught";
    case K::EscalationThrown: return "escalation-thrown";
    case K::EscalationCaught: return "escalation-caught";
    case K::CompensationStarted: return "compensation-started";
    case K::Incident: return "incident";
    }
    return "event";
}

std::string toJson(const TraceEvent& e, const CompiledProcess& p)
{
    std::string j = "{\"time\":\"" + iso8601::formatUtc(e.time) + "\",\"event\":\"" + std::string(toString(e.kind)) + "\"";
    if (e.node != kNoNode)
        j += ",\"element\":\"" + jsonEscape(p.node(e.node).id) + "\"";
    if (e.flow >= 0)
        j += ",\"flow\":\"" + jsonEscape(p.flow(e.flow).id) + "\"";
    j += ",\"scope\":" + std::to_string(e.scope) + ",\"token\":" + std::to_string(e.token);
    if (p.processes().size() > 1 || e.instance != 0) // a run of several process instances says which
        j += ",\"processInstance\":" + std::to_string(e.instance);
    if (!e.detail.empty())
        j += ",\"detail\":\"" + jsonEscape(e.detail) + "\"";
    return j + "}";
}

} // namespace runway::core::engine
