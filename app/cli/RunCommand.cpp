#include "CliArgs.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/FileIo.h"
#include "runway/core/engine/Instance.h"
#include "runway/core/engine/Scenario.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

namespace runway::cli {

using namespace runway::core;
using namespace runway::core::engine;

namespace {

/// Batch runs: conditions decide where they can; where they cannot (a variable nobody set), a
/// seeded random choice does, so a run of N instances explores the paths and one seed gives one
/// run. User tasks complete at once.
class BatchPolicy : public ConditionPolicy {
public:
    explicit BatchPolicy(std::uint64_t seed) : m_random(seed) {}
    void reseed(std::uint64_t seed) { m_random.seed(seed); }

    std::vector<FlowIndex> chooseFlows(const Instance& in, NodeIndex node, const std::vector<FlowIndex>& candidates,
                                       std::string* error) override
    {
        std::string why;
        auto chosen = ConditionPolicy::chooseFlows(in, node, candidates, &why);
        if (!chosen.empty() || why.empty())
            return chosen;
        // The default flow is one of the ways out too, so a loop whose condition cannot be
        // evaluated still ends.
        std::vector<FlowIndex> options = candidates;
        if (const FlowIndex d = in.process().node(node).defaultFlow; d >= 0)
            options.push_back(d);
        if (options.empty())
            return {};
        // Only the raw engine output is used: standard distributions differ between libraries.
        const auto pick = static_cast<std::size_t>(m_random() % options.size());
        (void)error;
        return {options[pick]};
    }
    WorkDecision work(const Instance&, NodeIndex) override { return {}; }

private:
    std::mt19937_64 m_random;
};

bool parseCount(const std::string& s, std::uint64_t& out)
{
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

std::string seconds(double s)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f s", s);
    if (s >= 86400)
        std::snprintf(buf, sizeof buf, "%.2f d", s / 86400);
    else if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%.2f h", s / 3600);
    else if (s >= 60)
        std::snprintf(buf, sizeof buf, "%.1f min", s / 60);
    return buf;
}

int runScenarios(const std::string& file, const std::shared_ptr<const CompiledProcess>& process,
                 const std::string& scenarioFile, bool trace, bool json)
{
    std::string text, why;
    if (!readWholeFile(scenarioFile, text, &why)) {
        std::fprintf(stderr, "%s: error: %s\n", scenarioFile.c_str(), why.c_str());
        return Unreadable;
    }
    Diagnostics errors;
    auto scenarios = Scenario::parse(text, scenarioFile, &errors);
    if (!errors.empty()) {
        for (const auto& d : errors)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return Unreadable;
    }
    int failed = 0;
    for (const auto& s : scenarios) {
        auto r = runScenario(s, process);
        if (trace)
            for (const auto& e : r.trace)
                std::printf("%s\n", toJson(e, *process).c_str());
        if (json)
            std::printf("{\"scenario\":\"%s\",\"passed\":%s,\"failure\":\"%s\"}\n", jsonEscape(s.name).c_str(),
                        r.passed ? "true" : "false", jsonEscape(r.failure).c_str());
        else if (r.passed)
            std::printf("PASS %s\n", s.name.c_str());
        else
            std::printf("FAIL %s: %s\n", s.name.c_str(), r.failure.c_str());
        failed += r.passed ? 0 : 1;
    }
    if (!json)
        std::printf("%zu passed, %d failed\n", scenarios.size() - static_cast<std::size_t>(failed), failed);
    (void)file;
    return failed ? ProblemsFound : Ok;
}

} // namespace

Command runCommand()
{
    Command c;
    c.name = "run";
    c.summary = "run process instances in virtual time, or the steps of a scenario";
    c.help = "Usage: runway-cli run [OPTIONS] FILE\n\n"
             "Runs instances of the file's executable process (or --process ID) in virtual time: timers\n"
             "fire when the clock reaches them, without waiting. Gateways follow their conditions; where\n"
             "a condition cannot be evaluated, a random choice seeded by --seed decides. User tasks\n"
             "complete at once. Prints how many instances ended at each end event, the virtual\n"
             "durations, and instances per second.\n\n"
             "  --scenario S     run the scenarios of the JSON file S instead (see docs/scenarios.md);\n"
             "                   prints PASS or FAIL with the first failed expectation per scenario\n"
             "  --instances N    how many instances (default 1)\n"
             "  --seed K         the random seed (default 1); one seed gives one run\n"
             "  --process ID     the process to run\n"
             "  --variables J    start every instance with these variables, a JSON object such as\n"
             "                   '{\"orderId\": \"A-1\", \"amount\": 120}'\n"
             "  --trace          print every trace event, one JSON object per line\n"
             "  --json           print the summary as one JSON object\n\n"
             "Exit codes: 0 fine, 1 incidents or a failed scenario, 2 FILE or S unreadable or not runnable.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {"--scenario", "--instances", "--seed", "--process", "--variables"}, {"--trace", "--json"});
        if (!args.error.empty())
            return usageError("run", args.error);
        if (args.positionals.size() != 1)
            return usageError("run", "give exactly one BPMN file");
        std::uint64_t instances = 1, seed = 1;
        if (auto v = args.value("--instances"); !v.empty() && (!parseCount(v, instances) || instances == 0))
            return usageError("run", "--instances needs a positive whole number");
        if (auto v = args.value("--seed"); !v.empty() && !parseCount(v, seed))
            return usageError("run", "--seed needs a whole number");
        Variables startVariables;
        if (auto v = args.value("--variables"); !v.empty()) {
            std::string why;
            auto parsed = parseVariables(v, &why);
            if (!parsed)
                return usageError("run", "--variables: " + why);
            startVariables = std::move(*parsed);
        }
        const bool trace = args.has("--trace"), json = args.has("--json");
        const auto& file = args.positionals.front();
        auto read = BpmnReader::readFile(file);
        if (!read.ok()) {
            for (const auto& d : read.diagnostics)
                std::fprintf(stderr, "%s\n", d.format().c_str());
            return Unreadable;
        }
        Diagnostics diags;
        auto process = CompiledProcess::compile(*read.document, args.value("--process"), &diags);
        for (const auto& d : diags)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!process)
            return Unreadable;
        if (auto s = args.value("--scenario"); !s.empty())
            return runScenarios(file, process, s, trace, json);

        BatchPolicy policy(seed);
        std::map<std::string, std::uint64_t> endedAt;
        std::uint64_t incidents = 0, stuck = 0;
        std::vector<double> durations;
        durations.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(instances, 10'000'000)));
        std::string firstIncident;
        const TimePoint t0{std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch()};
        const auto wallStart = std::chrono::steady_clock::now();
        for (std::uint64_t i = 0; i < instances; ++i) {
            policy.reseed(seed * 1'000'003u + i);
            Instance in(process, &policy, t0);
            if (trace)
                in.setObserver([&](const TraceEvent& e) { std::printf("%s\n", toJson(e, *process).c_str()); });
            if (!in.start({}, startVariables)) {
                std::fprintf(stderr, "%s: error: the process has no none start event to start at\n", file.c_str());
                return Unreadable;
            }
            in.runToEnd();
            if (in.failed()) {
                ++incidents;
                if (firstIncident.empty())
                    firstIncident = in.incidents().front();
            } else if (!in.completed()) {
                ++stuck;
            } else {
                ++endedAt[in.state().endedAt == kNoNode ? std::string("(no end event)")
                                                        : process->node(in.state().endedAt).id];
                durations.push_back(std::chrono::duration<double>(in.clock() - t0).count());
            }
        }
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        std::sort(durations.begin(), durations.end());
        auto pct = [&](double q) {
            return durations.empty() ? 0.0 : durations[static_cast<std::size_t>(q * static_cast<double>(durations.size() - 1))];
        };
        double mean = 0;
        for (double d : durations)
            mean += d;
        mean = durations.empty() ? 0 : mean / static_cast<double>(durations.size());
        const double perSecond = wall > 0 ? static_cast<double>(instances) / wall : 0;
        if (json) {
            std::string j = "{\"file\":\"" + jsonEscape(file) + "\",\"instances\":" + std::to_string(instances) +
                            ",\"seed\":" + std::to_string(seed) + ",\"endedAt\":{";
            bool first = true;
            for (const auto& [id, n] : endedAt) {
                j += (first ? "\"" : ",\"") + jsonEscape(id) + "\":" + std::to_string(n);
                first = false;
            }
            char nums[256];
            std::snprintf(nums, sizeof nums,
                          "},\"incidents\":%llu,\"waiting\":%llu,\"durationSeconds\":{\"min\":%.3f,\"mean\":%.3f,"
                          "\"p50\":%.3f,\"p95\":%.3f,\"max\":%.3f},\"instancesPerSecond\":%.0f",
                          static_cast<unsigned long long>(incidents), static_cast<unsigned long long>(stuck),
                          durations.empty() ? 0 : durations.front(), mean, pct(0.5), pct(0.95),
                          durations.empty() ? 0 : durations.back(), perSecond);
            j += nums;
            if (!firstIncident.empty())
                j += ",\"firstIncident\":\"" + jsonEscape(firstIncident) + "\"";
            std::printf("%s}\n", j.c_str());
        } else if (!trace) {
            std::printf("%llu instance%s of %s (seed %llu)\n", static_cast<unsigned long long>(instances),
                        instances == 1 ? "" : "s", process->id().c_str(), static_cast<unsigned long long>(seed));
            for (const auto& [id, n] : endedAt)
                std::printf("  ended at %-40s %llu\n", id.c_str(), static_cast<unsigned long long>(n));
            if (stuck)
                std::printf("  still waiting (a message, a user task)   %llu\n", static_cast<unsigned long long>(stuck));
            if (incidents)
                std::printf("  incidents                                %llu (first: %s)\n",
                            static_cast<unsigned long long>(incidents), firstIncident.c_str());
            if (!durations.empty())
                std::printf("  virtual duration: min %s, mean %s, p50 %s, p95 %s, max %s\n", seconds(durations.front()).c_str(),
                            seconds(mean).c_str(), seconds(pct(0.5)).c_str(), seconds(pct(0.95)).c_str(),
                            seconds(durations.back()).c_str());
            std::printf("  %.0f instances per second\n", perSecond);
        }
        return incidents ? ProblemsFound : Ok;
    };
    return c;
}

} // namespace runway::cli
