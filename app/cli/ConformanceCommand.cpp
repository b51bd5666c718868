#include "CliArgs.h"

#include "runway/core/engine/Conformance.h"

#include <cstdio>

namespace runway::cli {

using namespace runway::core::engine;

Command conformanceCommand()
{
    Command c;
    c.name = "conformance";
    c.summary = "run scenarios recorded from bpmn-js-token-simulation and compare the traces";
    c.help = "Usage: runway-cli conformance [--json] FILE.json...\n\n"
             "Runs the scenarios of token-simulation trace files (the corpus's\n"
             "token-simulation/traces/*.json: trigger, signal, setConfig, waitAtElement and\n"
             "expectTrace steps) on Runway's engine. Each checked fragment is compared on the enter\n"
             "and exit entries of flow nodes (as a multiset), and at the end of a scenario the\n"
             "elements where tokens wait; see docs/conformance.md.\n\n"
             "Prints a line per scenario, \"PASS name\" or \"FAIL name: the first difference\", then\n"
             "the total \"N passed, M failed\" alone on the last line.\n\n"
             "  --json   one JSON object per file, on one line, instead\n\n"
             "Exit codes: 0 every scenario passes, 1 one fails, 2 a file (or its diagram) cannot be read.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {}, {"--json"});
        if (!args.error.empty())
            return usageError("conformance", args.error);
        if (args.positionals.empty())
            return usageError("conformance", "no trace file given");
        const bool json = args.has("--json");
        int passed = 0, failed = 0;
        bool unreadable = false;
        for (const auto& file : args.positionals) {
            const ConformanceReport report = runConformanceFile(file);
            if (json) {
                std::printf("%s\n", report.toJson().c_str());
            } else if (!report.error.empty()) {
                std::fprintf(stderr, "runway-cli conformance: %s\n", report.error.c_str());
            } else {
                for (const auto& r : report.results) {
                    if (r.passed)
                        std::printf("PASS %s\n", r.scenario.c_str());
                    else
                        std::printf("FAIL %s: %s\n", r.scenario.c_str(), r.difference.c_str());
                }
            }
            unreadable = unreadable || !report.error.empty();
            passed += report.passed();
            failed += report.failed();
        }
        if (!json)
            std::printf("%d passed, %d failed\n", passed, failed);
        if (unreadable)
            return Unreadable;
        return failed == 0 ? Ok : ProblemsFound;
    };
    return c;
}

} // namespace runway::cli
