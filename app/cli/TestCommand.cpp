// runway-cli test: runs the scenarios stored inside .bpmn files (docs/cli.md, decision record 0010).
#include "CliArgs.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/engine/ScenarioStore.h"

#include <cstdio>
#include <map>

namespace runway::cli {

using namespace runway::core;
using namespace runway::core::engine;

namespace {

struct Outcome {
    std::string name;
    bool passed = false;
    std::string failure;
};

struct FileReport {
    std::string file;
    std::string error; ///< why the file's scenarios could not run
    std::vector<Outcome> outcomes;
};

FileReport testFile(const std::string& file)
{
    FileReport rep{file, {}, {}};
    auto read = BpmnReader::readFile(file);
    if (!read.ok()) {
        rep.error = read.diagnostics.empty() ? "the file cannot be read" : read.diagnostics.front().format();
        return rep;
    }
    Diagnostics errors;
    const auto scenarios = ScenarioStore::load(*read.document, &errors);
    if (!errors.empty()) {
        rep.error = errors.front().format();
        return rep;
    }
    if (scenarios.empty()) {
        rep.error = file + ": no scenarios are stored in the file; add one with 'runway-cli scenario add " + file +
                    " S.json'";
        return rep;
    }
    std::map<std::string, std::shared_ptr<const CompiledProcess>> compiled;
    for (const auto& s : scenarios) {
        auto& process = compiled[s.process];
        Diagnostics diags;
        if (!process)
            process = CompiledProcess::compile(*read.document, s.process, &diags);
        if (!process) {
            rep.outcomes.push_back({s.name, false, diags.empty() ? "the process cannot be run" : diags.front().message});
            continue;
        }
        auto r = runScenario(s, process);
        rep.outcomes.push_back({s.name, r.passed, r.failure});
    }
    return rep;
}

} // namespace

Command testCommand()
{
    Command c;
    c.name = "test";
    c.summary = "run the scenarios stored in .bpmn files (for CI)";
    c.help = "Usage: runway-cli test [--json] FILE...\n\n"
             "Runs every scenario stored in each file (see docs/scenarios.md, \"Scenarios stored in the\n"
             "file\") against the process it belongs to, in virtual time. Prints PASS FILE: NAME or\n"
             "FAIL FILE: NAME: step N: what failed, per scenario, then a summary.\n\n"
             "  --json   print one JSON object instead\n\n"
             "Exit codes: 0 every scenario passed, 1 a scenario failed, 2 a file is unreadable, holds no\n"
             "scenarios or a stored scenario is not valid (2 wins over 1).\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {}, {"--json"});
        if (!args.error.empty())
            return usageError("test", args.error);
        if (args.positionals.empty())
            return usageError("test", "give one or more BPMN files");
        const bool json = args.has("--json");
        int passed = 0, failed = 0, broken = 0;
        std::string firstFailure;
        std::string j = "{\"files\":[";
        for (std::size_t i = 0; i < args.positionals.size(); ++i) {
            const auto rep = testFile(args.positionals[i]);
            if (!rep.error.empty()) {
                ++broken;
                if (!json)
                    std::fprintf(stderr, "%s\n", rep.error.c_str());
            }
            j += (i ? ",{" : "{") + std::string("\"file\":\"") + jsonEscape(rep.file) + "\",";
            if (!rep.error.empty())
                j += "\"error\":\"" + jsonEscape(rep.error) + "\",";
            j += "\"scenarios\":[";
            for (std::size_t k = 0; k < rep.outcomes.size(); ++k) {
                const auto& o = rep.outcomes[k];
                (o.passed ? passed : failed) += 1;
                if (!o.passed && firstFailure.empty())
                    firstFailure = rep.file + ": " + o.name + ": " + o.failure;
                j += (k ? ",{" : "{") + std::string("\"name\":\"") + jsonEscape(o.name) +
                     "\",\"passed\":" + (o.passed ? "true" : "false");
                if (!o.passed)
                    j += ",\"failure\":\"" + jsonEscape(o.failure) + "\"";
                j += "}";
                if (json)
                    continue;
                if (o.passed)
                    std::printf("PASS %s: %s\n", rep.file.c_str(), o.name.c_str());
                else
                    std::printf("FAIL %s: %s: %s\n", rep.file.c_str(), o.name.c_str(), o.failure.c_str());
            }
            j += "]}";
        }
        if (json) {
            j += "],\"passed\":" + std::to_string(passed) + ",\"failed\":" + std::to_string(failed) +
                 ",\"unusableFiles\":" + std::to_string(broken);
            if (!firstFailure.empty())
                j += ",\"firstFailure\":\"" + jsonEscape(firstFailure) + "\"";
            std::printf("%s}\n", j.c_str());
        } else {
            std::printf("%d passed, %d failed", passed, failed);
            if (broken)
                std::printf(", %d file%s without runnable scenarios", broken, broken == 1 ? "" : "s");
            std::printf("\n");
            if (!firstFailure.empty())
                std::printf("first failure: %s\n", firstFailure.c_str());
        }
        return broken ? Unreadable : failed ? ProblemsFound : Ok;
    };
    return c;
}

} // namespace runway::cli
