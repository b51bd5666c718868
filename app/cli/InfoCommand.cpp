#include "CliArgs.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/DocumentStats.h"

#include <cstdio>

namespace runway::cli {

using namespace runway::core;

Command infoCommand()
{
    Command c;
    c.name = "info";
    c.summary = "count what a file holds: elements per BPMN type, diagrams, shapes, edges";
    c.help = "Usage: runway-cli info [--json] FILE...\n\n"
             "Counts the BPMN elements of each type, the diagrams and their DI shapes and edges, and\n"
             "the extension content kept for other tools.\n\n"
             "  --json   one JSON object per file, on one line\n\n"
             "Exit codes: 0 fine, 2 a file could not be read.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {}, {"--json"});
        if (!args.error.empty())
            return usageError("info", args.error);
        if (args.positionals.empty())
            return usageError("info", "no file given");
        const bool json = args.has("--json");
        int exit = Ok;
        for (const auto& file : args.positionals) {
            auto r = BpmnReader::readFile(file);
            if (!r.ok()) {
                for (const auto& d : r.diagnostics)
                    std::fprintf(stderr, "%s\n", d.format().c_str());
                exit = Unreadable;
                continue;
            }
            const auto s = computeStats(*r.document);
            if (json) {
                std::printf("%s\n", s.toJson(file).c_str());
                continue;
            }
            std::printf("%s\n", file.c_str());
            std::printf("  processes: %d, flow nodes: %d\n", s.processes(), s.flowNodes);
            std::printf("  diagrams: %d, shapes: %d, edges: %d, labels: %d\n", s.diagrams, s.shapes, s.edges, s.labels);
            std::printf("  extension elements kept: %d, foreign attributes kept: %d\n", s.extensionElements,
                        s.foreignAttributes);
            std::printf("  elements by type:\n");
            for (const auto& [type, n] : s.elements)
                std::printf("    %-32s %d\n", type.c_str(), n);
        }
        return exit;
    };
    return c;
}

} // namespace runway::cli
