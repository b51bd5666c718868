#pragma once

#include "runway/core/engine/Instance.h"
#include "runway/core/engine/Policy.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace runway::core::engine {

/// Conformance with bpmn-js-token-simulation: runs the scenarios recorded from that simulator's own
/// tests (../shared/corpus/token-simulation/traces) on Runway's engine and compares what happens, on
/// the projection of docs/conformance.md: per checked fragment, the multiset of `enter:X` and
/// `exit:X` entries whose X is a flow node; at the end, the set of elements where tokens wait.

/// One step of a recorded scenario.
struct ConformanceStep {
    enum class Op { Trigger, Signal, SetConfig, WaitAtElement, ExpectTrace };
    Op op = Op::Trigger;
    std::string element;                     ///< every op but ExpectTrace
    std::vector<std::string> activeOutgoing; ///< SetConfig: the flows the gateway takes
    std::vector<std::string> trace;          ///< ExpectTrace: "action:elementId:scopeLabel" entries
};

struct ConformanceScenario {
    std::string name;
    std::vector<ConformanceStep> steps;
};

/// A trace file: a diagram and the scenarios recorded on it.
struct ConformanceFile {
    std::string path;    ///< the trace file
    std::string diagram; ///< the diagram's path, resolved against the trace file's folder
    std::vector<ConformanceScenario> scenarios;

    /// Reads and checks a trace file (untrusted input). On failure returns false and says in
    /// *error which file and what is wrong with it.
    static bool load(const std::string& path, ConformanceFile& out, std::string* error);
    /// The same from JSON text already in memory; `path` names it in messages and anchors the
    /// diagram's relative path.
    static bool parse(const std::string& text, const std::string& path, ConformanceFile& out, std::string* error);
};

/// A multiset of projected trace entries ("enter:TASK" -> how often).
using TraceMultiset = std::map<std::string, int>;

/// What one scenario gave.
struct ConformanceResult {
    std::string scenario;
    bool passed = false;
    int step = 0;           ///< the 1-based step where the first difference showed
    std::string difference; ///< empty when passed: what differs, expected against got
    /// For a fragment that differs: entries the recorded trace has and Runway has not (missing)
    /// and the other way round (unexpected), each as often as it is in excess. For the final
    /// state: the elements where only the trace, or only Runway, has tokens waiting.
    std::vector<std::string> missing, unexpected;
};

struct ConformanceReport {
    std::string file;
    std::string error; ///< the trace file or its diagram cannot be read: no scenario ran
    std::vector<ConformanceResult> results;

    int passed() const;
    int failed() const;
    /// One JSON object, on one line: file, error, passed, failed, and each scenario's result.
    std::string toJson() const;
};

/// Runs every scenario of a loaded trace file.
ConformanceReport runConformance(const ConformanceFile& file);
/// Loads a trace file and runs it; a file that cannot be read gives a report with `error` set.
ConformanceReport runConformanceFile(const std::string& path);

/// The projection of Runway's trace events onto the simulator's vocabulary ("enter:X", "exit:X",
/// X a flow node), in the order given. See docs/conformance.md for each rule and why.
struct RecordedEvent {
    const CompiledProcess* process = nullptr;
    TraceEvent event;
};
TraceMultiset projectRunwayTrace(const std::vector<RecordedEvent>& events);
/// The projection of a recorded fragment: its enter and exit entries whose element is one of
/// `flowNodes`.
TraceMultiset projectRecordedTrace(const std::vector<std::string>& trace, const std::set<std::string, std::less<>>& flowNodes);

/// Answers what the token simulator leaves to configuration: the flows a gateway takes (set by a
/// scenario's setConfig; without one an exclusive gateway takes its first outgoing flow in model
/// order, and any other node all its outgoing flows, as that simulator does: it evaluates no
/// condition) and the activities where tokens wait until triggered (waitAtElement). Receive tasks
/// wait for their message; every other task, user and manual ones too, is done at once.
class ScriptedPolicy : public Policy {
public:
    void setActiveOutgoing(const std::string& gateway, std::vector<std::string> flows);
    void waitAt(const std::string& activity);

    std::vector<FlowIndex> chooseFlows(const Instance& instance, NodeIndex node, const std::vector<FlowIndex>& candidates,
                                       std::string* error) override;
    WorkDecision work(const Instance& instance, NodeIndex node) override;

private:
    std::map<std::string, std::vector<std::string>, std::less<>> m_outgoing;
    std::set<std::string, std::less<>> m_waitAt;
};

} // namespace runway::core::engine
