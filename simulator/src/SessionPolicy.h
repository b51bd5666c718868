// The session's gateway and work policy (private to the simulator).
#pragma once

#include "runway/core/engine/Instance.h"
#include "runway/core/engine/Policy.h"
#include "runway/sim/SimulationSession.h"

#include <chrono>
#include <functional>
#include <map>
#include <vector>

namespace runway::sim {

namespace engine = runway::core::engine;

/// Gateways take, in order: the person's choice for this visit (used once), the gateway's preset,
/// then the conditions. Tasks with a duration take that virtual time.
class SessionPolicy : public engine::ConditionPolicy {
public:
    /// What the history checkpoints: choices change as the person acts.
    struct State {
        std::map<engine::NodeIndex, std::vector<engine::FlowIndex>> presets;
        std::map<std::pair<int, engine::NodeIndex>, std::vector<engine::FlowIndex>> once; ///< (instance id, gateway)
    };
    State state;
    std::map<engine::NodeIndex, std::chrono::milliseconds> durations;
    std::function<int(const engine::Instance&)> idOf;

    std::vector<engine::FlowIndex> chooseFlows(const engine::Instance& in, engine::NodeIndex node,
                                               const std::vector<engine::FlowIndex>& candidates,
                                               std::string* error) override
    {
        if (idOf) {
            auto it = state.once.find({idOf(in), node});
            if (it != state.once.end()) {
                auto flows = it->second;
                state.once.erase(it);
                return flows;
            }
        }
        if (auto it = state.presets.find(node); it != state.presets.end())
            return it->second;
        return ConditionPolicy::chooseFlows(in, node, candidates, error);
    }
    engine::WorkDecision work(const engine::Instance& in, engine::NodeIndex node) override
    {
        if (auto it = durations.find(node); it != durations.end())
            return {engine::WorkDecision::Kind::Take, it->second};
        return ConditionPolicy::work(in, node);
    }
};

/// The session's policy (declared in SimulationSession.h, private).
class SimulationSession::Policy : public SessionPolicy {};

} // namespace runway::sim
