#pragma once

#include "runway/core/engine/CompiledProcess.h"

#include <chrono>
#include <optional>
#include <vector>

namespace runway::core::engine {

class Instance;

/// What happens to a token at an activity the engine itself works on (service, script, send,
/// business rule tasks and plain tasks).
struct WorkDecision {
    enum class Kind { Complete, Wait, Take };
    Kind kind = Kind::Complete;
    std::chrono::milliseconds duration{0}; ///< Take: virtual time the work takes
};

/// Decides what the model leaves open: which flows leave a gateway, and how long work takes. The
/// engine asks and never decides itself, so the same engine serves a person stepping through a
/// model (who picks flows), scenarios (which give them), and batch runs (which draw them).
class Policy {
public:
    virtual ~Policy() = default;
    /// Flows to take out of a gateway (exclusive: one; inclusive: one or more; or, from any other
    /// node, the conditional flows that apply). `candidates` are the node's outgoing flows in model
    /// order. An empty answer means none applies: the engine takes the default flow or raises an
    /// incident. `error` may say why (an unknown variable in a condition).
    virtual std::vector<FlowIndex> chooseFlows(const Instance& instance, NodeIndex node,
                                               const std::vector<FlowIndex>& candidates, std::string* error) = 0;
    /// How a task proceeds. By default the engine's own work (service, script, send, business rule
    /// and plain tasks) completes at once, and user, manual and receive tasks wait to be completed.
    virtual WorkDecision work(const Instance& instance, NodeIndex node);
};

/// Takes the flows whose conditions hold, or a flow with no condition, in model order (exclusive
/// gateways: the first). Conditions are evaluated on the instance's variables.
class ConditionPolicy : public Policy {
public:
    std::vector<FlowIndex> chooseFlows(const Instance& instance, NodeIndex node, const std::vector<FlowIndex>& candidates,
                                       std::string* error) override;
};

} // namespace runway::core::engine
