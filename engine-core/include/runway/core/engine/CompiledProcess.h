#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/Expression.h"
#include "runway/core/Iso8601.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace runway::core::engine {

using NodeIndex = std::int32_t;
using FlowIndex = std::int32_t;
inline constexpr NodeIndex kNoNode = -1;

/// The behaviour family of a flow node; one family, one piece of execution logic.
enum class NodeKind : std::uint8_t {
    StartEvent,
    EndEvent,
    CatchEvent, ///< intermediate catch
    ThrowEvent, ///< intermediate throw
    BoundaryEvent,
    Task, ///< task, service, script, business rule, send: work the engine does
    WaitTask, ///< user, manual, receive: work somebody else does; waits to be completed
    SubProcess, ///< embedded sub-process and transaction (event sub-processes are kept apart)
    CallActivity,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    ComplexGateway,
};

/// What an event waits for or throws.
enum class Trigger : std::uint8_t {
    None,
    Message,
    Timer,
    Error,
    Escalation,
    Signal,
    Conditional,
    Link,
    Compensate,
    Cancel,
    Terminate,
    Multiple,
};

std::string_view toString(NodeKind k);
std::string_view toString(Trigger t);

struct CompiledTimer {
    iso8601::TimerKind kind = iso8601::TimerKind::Duration;
    std::string text;                       ///< as written; an expression is evaluated when armed
    std::optional<iso8601::Timer> literal; ///< parsed, when the text is a literal
    std::optional<Expression> expression;  ///< when the text is an expression: evaluated when armed
};

struct Node {
    std::string id, name;
    std::string bpmnType; ///< "userTask", "boundaryEvent", ... (for messages and traces)
    NodeKind kind = NodeKind::Task;
    Trigger trigger = Trigger::None;
    NodeIndex container = kNoNode; ///< the sub-process holding this node; kNoNode: the process
    std::vector<FlowIndex> incoming, outgoing;
    FlowIndex defaultFlow = -1;
    // events
    bool interrupting = true; ///< boundary events (cancelActivity) and event sub-process starts
    std::string code;         ///< message name, error code, signal name, escalation code, link name
    bool catchAll = false;    ///< an error/escalation catch without a code catches every one
    CompiledTimer timer;
    std::optional<Expression> condition; ///< conditional events
    NodeIndex attachedTo = kNoNode;     ///< boundary events
    std::vector<NodeIndex> boundaries;  ///< activities: their boundary events
    NodeIndex compensationHandler = kNoNode; ///< compensation boundary events: the handler
    bool isForCompensation = false;
    bool waitForCompletion = true; ///< compensation throw
    // sub-processes
    std::vector<NodeIndex> starts;      ///< none start events directly inside
    std::vector<NodeIndex> eventStarts; ///< start events of event sub-processes directly inside
    bool isEventSubProcess = false;
    bool isTransaction = false;
    std::string calledElement;
    // gateways
    std::string activationCondition; ///< complex gateway
    std::optional<Expression> activation; ///< the activation condition compiled (13.4.5)
    /// Camunda 8 output mappings (zeebe:ioMapping/zeebe:output): variables set when the element
    /// completes, in order.
    struct Output {
        std::string target;
        Expression source;
    };
    std::vector<Output> outputs;
    /// Standard loop and multi-instance characteristics of an activity.
    struct Loop {
        enum class Kind : std::uint8_t { None, Standard, Parallel, Sequential };
        Kind kind = Kind::None;
        std::optional<Expression> condition; ///< standard: loopCondition; multi-instance: completionCondition
        bool testBefore = false;
        std::int64_t maximum = -1;             ///< standard: loopMaximum
        std::optional<Expression> cardinality; ///< multi-instance: loopCardinality
        std::optional<Expression> inputCollection; ///< zeebe:loopCharacteristics inputCollection
        std::string inputElement;               ///< the variable each instance gets its item in
    };
    Loop loop;
};

struct Flow {
    std::string id;
    NodeIndex source = kNoNode, target = kNoNode;
    std::string condition; ///< conditionExpression text; empty: none
    std::optional<Expression> compiledCondition; ///< compiled once, shared by all instances
    std::string conditionError;                  ///< why the condition cannot be compiled
};

/// A process compiled for execution: nodes and flows by index, no strings on the paths the engine
/// walks per token, no DI. Immutable once built, so any number of instances and threads share it.
class CompiledProcess {
public:
    /// Compiles the process `processId` of a document (or its only/first executable process when
    /// the id is empty). Errors make the result empty; warnings name what the engine will ignore.
    static std::shared_ptr<const CompiledProcess> compile(const Document& doc, std::string_view processId,
                                                          Diagnostics* diagnostics);

    const std::string& id() const { return m_id; }
    const std::vector<Node>& nodes() const { return m_nodes; }
    const std::vector<Flow>& flows() const { return m_flows; }
    const Node& node(NodeIndex i) const { return m_nodes[static_cast<std::size_t>(i)]; }
    const Flow& flow(FlowIndex i) const { return m_flows[static_cast<std::size_t>(i)]; }
    NodeIndex nodeIndex(std::string_view id) const;
    FlowIndex flowIndex(std::string_view id) const;
    /// None start events of the process itself.
    const std::vector<NodeIndex>& starts() const { return m_starts; }
    /// Start events with a trigger (message, timer, signal, conditional) of the process itself.
    const std::vector<NodeIndex>& triggeredStarts() const { return m_triggeredStarts; }
    const std::vector<NodeIndex>& eventStarts() const { return m_eventStarts; }
    /// Whether node `from` can reach node `to` through sequence flows (inside the same container,
    /// entering no sub-process): the inclusive gateway's join asks this.
    bool canReach(NodeIndex from, NodeIndex to) const;

private:
    friend class ProcessCompiler;
    std::string m_id;
    std::vector<Node> m_nodes;
    std::vector<Flow> m_flows;
    std::vector<NodeIndex> m_starts, m_triggeredStarts, m_eventStarts;
    std::unordered_map<std::string, NodeIndex> m_nodeById;
    std::unordered_map<std::string, FlowIndex> m_flowById;
};

} // namespace runway::core::engine
