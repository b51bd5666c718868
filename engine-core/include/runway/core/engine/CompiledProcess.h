#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/Expression.h"
#include "runway/core/Iso8601.h"

#include <cstdint>
#include <functional>
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

/// Where a message flow leaving a node goes: a flow node of a process in the run, or a pool (the
/// process it stands for).
struct MessageTarget {
    std::string flowId;
    NodeIndex node = kNoNode;      ///< the target flow node, when the flow ends at one
    std::int32_t process = -1;     ///< the target pool's process, when the flow ends at the pool
    std::string message;           ///< the message's name (the flow's messageRef, else the nodes')
    std::optional<Expression> key; ///< the receiver's correlation key, evaluated by the sender
};

/// Variables passed into or out of a called process (zeebe:input/output of a call activity,
/// camunda:in/out).
struct VariablePassing {
    bool all = false;                 ///< camunda:in/out variables="all"
    std::string target;               ///< the variable set on the receiving side
    std::optional<Expression> source; ///< evaluated on the giving side
};

struct Node {
    std::string id, name;
    std::uint16_t process = 0; ///< the index of the node's process in CompiledProcess::processes()
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
    std::vector<NodeIndex> implicitStarts; ///< flow nodes without incoming sequence flows (10.5.2)
    std::string calledElement;
    // call activities
    std::int32_t calledProcess = -1;            ///< the process called, when known at compile time
    std::optional<Expression> calledExpression; ///< zeebe:calledElement processId="=expr"
    bool propagateAllParent = true, propagateAllChild = true;
    std::vector<VariablePassing> passIn, passOut; ///< camunda:in/out
    // messages
    std::vector<MessageTarget> messageFlows;  ///< where this node's messages go
    std::optional<Expression> correlationKey; ///< the message's zeebe:subscription correlationKey
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
    std::vector<Output> inputs; ///< zeebe:ioMapping/zeebe:input (call activities: what the child gets)
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
        std::string outputCollection;           ///< zeebe: the list the instances' outputElement values fill
        std::optional<Expression> outputElement;
        std::string outputLocal; ///< outputElement "=name": each instance gets name as a local variable
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

/// One process of a run: its id and where its instances start.
struct ProcessInfo {
    std::string id, name;
    std::vector<NodeIndex> starts;          ///< none start events
    std::vector<NodeIndex> triggeredStarts; ///< message, timer, signal, conditional start events
    std::vector<NodeIndex> eventStarts;     ///< start events of its event sub-processes
    std::vector<NodeIndex> implicitStarts;  ///< flow nodes without incoming sequence flows (10.5.2)
};

/// What the compiler may look at besides the process asked for.
struct CompileOptions {
    /// Every process of the document, not only those the main process needs (the conformance
    /// runner: the simulator starts any of them).
    bool allProcesses = false;
    /// Finds a called process that is not in the document (by process id): returns a document
    /// holding it, kept alive by the caller for the duration of the compile, or null. Without one,
    /// the other .bpmn files of the document's folder are searched.
    std::function<const Document*(const std::string& processId)> resolver;
    /// More documents whose processes all join the run (several definitions in one engine).
    std::vector<const Document*> more;
};

/// A process compiled for execution: nodes and flows by index, no strings on the paths the engine
/// walks per token, no DI. Immutable once built, so any number of instances and threads share it.
class CompiledProcess {
public:
    /// Compiles the process `processId` of a document (or its only/first executable process when
    /// the id is empty). Errors make the result empty; warnings name what the engine will ignore.
    ///
    /// The run holds every process the main one needs: the processes of the pools of its
    /// collaboration (messages flow between them) and the processes its call activities call
    /// (in the same file, else in the other .bpmn files of its folder). The main process is
    /// processes()[0]; starts() and the other single-process accessors are about it.
    static std::shared_ptr<const CompiledProcess> compile(const Document& doc, std::string_view processId,
                                                          Diagnostics* diagnostics);
    static std::shared_ptr<const CompiledProcess> compile(const Document& doc, std::string_view processId,
                                                          Diagnostics* diagnostics, const CompileOptions& options);

    const std::string& id() const { return m_id; }
    const std::vector<Node>& nodes() const { return m_nodes; }
    const std::vector<Flow>& flows() const { return m_flows; }
    const Node& node(NodeIndex i) const { return m_nodes[static_cast<std::size_t>(i)]; }
    const Flow& flow(FlowIndex i) const { return m_flows[static_cast<std::size_t>(i)]; }
    NodeIndex nodeIndex(std::string_view id) const;
    FlowIndex flowIndex(std::string_view id) const;
    /// None start events of the process itself.
    const std::vector<NodeIndex>& starts() const { return m_processes.front().starts; }
    /// Start events with a trigger (message, timer, signal, conditional) of the process itself.
    const std::vector<NodeIndex>& triggeredStarts() const { return m_processes.front().triggeredStarts; }
    const std::vector<NodeIndex>& eventStarts() const { return m_processes.front().eventStarts; }
    /// Every process of the run; [0] is the main one.
    const std::vector<ProcessInfo>& processes() const { return m_processes; }
    const ProcessInfo& processInfo(std::size_t i) const { return m_processes[i]; }
    /// The index of a process of the run by id, or -1.
    std::int32_t processIndex(std::string_view id) const;
    /// Whether node `from` can reach node `to` through sequence flows (inside the same container,
    /// entering no sub-process): the inclusive gateway's join asks this.
    bool canReach(NodeIndex from, NodeIndex to) const;

private:
    friend class ProcessCompiler;
    std::string m_id;
    std::vector<Node> m_nodes;
    std::vector<Flow> m_flows;
    std::vector<ProcessInfo> m_processes;
    std::unordered_map<std::string, NodeIndex> m_nodeById;
    std::unordered_map<std::string, FlowIndex> m_flowById;
};

} // namespace runway::core::engine
