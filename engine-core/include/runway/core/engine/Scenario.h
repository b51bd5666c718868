#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Value.h"
#include "runway/core/engine/Instance.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace runway::core::engine {

/// A walk through a process at virtual times, with what must hold along the way: the scenario
/// file format of docs/scenarios.md. Scenarios are data (JSON), never code.
struct Scenario {
    struct Expect {
        std::optional<std::vector<std::string>> waitingAt; ///< exactly these elements hold tokens
        std::vector<std::string> passed;                    ///< these elements were left at least once
        std::vector<std::string> notPassed;                 ///< these never were
        std::optional<std::string> ended;                   ///< a process instance ended at this end event
        std::optional<bool> completed;
        std::optional<std::string> clock;                   ///< ISO 8601 date-time
        Variables variables;                                 ///< these variables have these values
        std::optional<bool> incident;
    };
    struct Step {
        enum class Kind { Start, Advance, AdvanceTo, NextTimer, Run, Complete, Fail, Message, Signal, Choose, Expect };
        Kind kind = Kind::Run;
        std::string element;    ///< start event, task, gateway
        std::string name;       ///< message or signal name; error code for Fail
        iso8601::Duration duration;
        std::string time;       ///< AdvanceTo
        std::vector<std::string> flows; ///< Choose
        std::optional<std::string> correlationKey; ///< Message
        Variables variables;
        Expect expect;
        int line = 0; ///< position in the file, for messages (step number, 1-based)
    };

    std::string name;
    std::string process; ///< process id; empty: the executable one
    std::string start;   ///< virtual start time (ISO 8601); empty: 2026-01-01T00:00:00Z
    std::vector<std::pair<std::string, iso8601::Duration>> durations; ///< work time per task
    std::vector<Step> steps;

    /// Reads scenarios from JSON text: one scenario object, or {"scenarios": [...]}.
    static std::vector<Scenario> parse(const std::string& json, const std::string& file, Diagnostics* errors);
};

/// Reads variables from a JSON object of names to values (as a scenario's "variables" are written).
/// nullopt with a message in *error when the text is not such an object.
std::optional<Variables> parseVariables(const std::string& json, std::string* error);

/// The outcome of running a scenario.
struct ScenarioResult {
    bool passed = true;
    std::string failure; ///< the first expectation that failed, with the step number: what, expected, got
    std::vector<TraceEvent> trace;
    InstanceState finalState;
};

/// Runs a scenario against a compiled process; gateways follow the scenario's choices, else their
/// conditions.
ScenarioResult runScenario(const Scenario& s, std::shared_ptr<const CompiledProcess> process);

} // namespace runway::core::engine
