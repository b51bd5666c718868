#include "runway/core/engine/Policy.h"

#include "runway/core/engine/Instance.h"

namespace runway::core::engine {

WorkDecision Policy::work(const Instance& instance, NodeIndex node)
{
    if (instance.process().node(node).kind == NodeKind::WaitTask)
        return {WorkDecision::Kind::Wait, {}};
    return {};
}

std::vector<FlowIndex> ConditionPolicy::chooseFlows(const Instance& instance, NodeIndex node,
                                                    const std::vector<FlowIndex>& candidates, std::string* error)
{
    const CompiledProcess& p = instance.process();
    std::vector<FlowIndex> chosen;
    EvalContext ctx;
    ctx.nowMillis = instance.clock().time_since_epoch().count();
    const bool exclusive = p.node(node).kind == NodeKind::ExclusiveGateway;
    for (FlowIndex f : candidates) {
        const Flow& flow = p.flow(f);
        if (flow.condition.empty()) {
            chosen.push_back(f); // an unconditional flow is always taken
        } else if (!flow.compiledCondition) {
            if (error)
                *error = "the condition of '" + flow.id + "' cannot be read: " + flow.conditionError;
            return {};
        } else {
            auto r = flow.compiledCondition->evaluateCondition(instance.visibleVariables(), ctx);
            if (!r) {
                if (error)
                    *error = "the condition of '" + flow.id + "' (" + flow.condition + "): " + r.error.message;
                return {};
            }
            if (*r.value)
                chosen.push_back(f);
        }
        if (exclusive && !chosen.empty())
            break; // the first flow whose condition holds, in model order
    }
    return chosen;
}

} // namespace runway::core::engine
