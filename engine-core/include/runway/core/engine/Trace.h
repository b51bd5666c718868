#pragma once

#include "runway/core/Iso8601.h"
#include "runway/core/engine/CompiledProcess.h"

#include <cstdint>
#include <functional>
#include <string>

namespace runway::core::engine {

using ScopeId = std::int32_t;
using TokenId = std::uint32_t;

/// What happened in an instance, as the simulation panel, the event log, scenarios and the
/// conformance runner see it. Element and flow are indexes into the CompiledProcess.
struct TraceEvent {
    enum class Kind : std::uint8_t {
        InstanceStarted,
        InstanceCompleted,
        ElementEntered,
        ElementLeft,
        ElementCancelled, ///< an activity or wait interrupted (boundary event, terminate, error)
        FlowTaken,
        ScopeCreated,
        ScopeCompleted,
        TimerScheduled,
        TimerFired,
        TimerCancelled,
        MessageCaught,
        SignalThrown,
        SignalCaught,
        ErrorThrown,
        ErrorCaught,
        EscalationThrown,
        EscalationCaught,
        CompensationStarted,
        Incident,
    };
    Kind kind;
    TimePoint time;
    NodeIndex node = kNoNode;
    FlowIndex flow = -1;
    ScopeId scope = 0;
    TokenId token = 0;
    ScopeId instance = 0; ///< the root scope of the process instance it happened in
    std::string detail; ///< error code, message name, incident text, timer due time, ...
};

std::string_view toString(TraceEvent::Kind k);
/// One JSON object (one line) for `runway-cli run --trace` and event log exports.
std::string toJson(const TraceEvent& e, const CompiledProcess& p);

using TraceObserver = std::function<void(const TraceEvent&)>;

} // namespace runway::core::engine
