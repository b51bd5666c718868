// runway-cli scenario add|list|remove: puts JSON scenarios into a .bpmn file, lists and removes
// them (docs/cli.md, decision record 0010).
#include "CliArgs.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/FileIo.h"
#include "runway/core/engine/ScenarioStore.h"

#include <cstdio>

namespace runway::cli {

using namespace runway::core;
using namespace runway::core::engine;

namespace {

int printDiagnostics(const Diagnostics& diags)
{
    for (const auto& d : diags)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    return Unreadable;
}

int save(const Document& doc, const std::string& out)
{
    std::string error;
    if (!BpmnWriter::saveFile(doc, out, &error)) {
        std::fprintf(stderr, "%s: error: %s\n", out.c_str(), error.c_str());
        return Unreadable;
    }
    return Ok;
}

} // namespace

Command scenarioCommand()
{
    Command c;
    c.name = "scenario";
    c.summary = "add, list or remove the scenarios stored in a .bpmn file";
    c.help = "Usage: runway-cli scenario add FILE S.json [-o OUT]\n"
             "       runway-cli scenario list [--json] FILE\n"
             "       runway-cli scenario remove FILE NAME [-o OUT]\n\n"
             "Scenarios (docs/scenarios.md) can live inside the .bpmn file, in the extension elements of\n"
             "the process they run, where other tools keep and ignore them; 'runway-cli test' runs them.\n"
             "  add      stores every scenario of S.json (one, or {\"scenarios\": [...]}); a stored\n"
             "           scenario of the same name in the same process is replaced\n"
             "  list     prints the stored scenarios: process, name, steps\n"
             "  remove   removes the stored scenario NAME\n\n"
             "  -o, --output OUT   write the result to OUT instead of FILE (written atomically)\n"
             "  --json             list: one JSON object\n\n"
             "Exit codes: 0 fine, 1 remove: no scenario of that name, 2 a file unreadable or not written,\n"
             "S.json not a valid scenario file, or no process to store it in.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {"-o", "--output"}, {"--json"});
        if (!args.error.empty())
            return usageError("scenario", args.error);
        const auto& pos = args.positionals;
        if (pos.size() < 2)
            return usageError("scenario", "give an action (add, list, remove) and a BPMN file");
        const std::string action = pos[0], file = pos[1];
        std::string out = args.value("-o");
        if (out.empty())
            out = args.value("--output");
        if (out.empty())
            out = file;
        if ((action == "add" || action == "remove") && pos.size() != 3)
            return usageError("scenario", action == "add" ? "give FILE and the scenario file S.json"
                                                          : "give FILE and the scenario's NAME");
        if (action == "list" && pos.size() != 2)
            return usageError("scenario", "list takes one BPMN file");
        if (action != "add" && action != "list" && action != "remove")
            return usageError("scenario", "unknown action '" + action + "' (add, list, remove)");

        auto read = BpmnReader::readFile(file);
        if (!read.ok())
            return printDiagnostics(read.diagnostics);
        Document& doc = *read.document;

        if (action == "list") {
            Diagnostics errors;
            const auto stored = ScenarioStore::list(doc);
            const auto parsed = ScenarioStore::load(doc, &errors);
            if (!errors.empty())
                printDiagnostics(errors);
            if (args.has("--json")) {
                std::string j = "{\"file\":\"" + jsonEscape(file) + "\",\"scenarios\":[";
                for (std::size_t i = 0; i < stored.size(); ++i)
                    j += (i ? ",{" : "{") + std::string("\"name\":\"") + jsonEscape(stored[i].name) +
                         "\",\"process\":\"" + jsonEscape(stored[i].processId) + "\",\"line\":" +
                         std::to_string(stored[i].line) + "}";
                std::printf("%s]}\n", j.c_str());
            } else {
                for (const auto& s : parsed)
                    std::printf("%s: %s (%zu steps)\n", s.process.c_str(), s.name.c_str(), s.steps.size());
                std::printf("%zu scenario%s stored in %s\n", stored.size(), stored.size() == 1 ? "" : "s", file.c_str());
            }
            return errors.empty() ? Ok : Unreadable;
        }
        if (action == "remove") {
            if (ScenarioStore::remove(doc, pos[2]).empty()) {
                std::fprintf(stderr, "%s: error: no stored scenario is named '%s'\n", file.c_str(), pos[2].c_str());
                return ProblemsFound;
            }
            return save(doc, out);
        }
        // add
        std::string text, why;
        if (!readWholeFile(pos[2], text, &why)) {
            std::fprintf(stderr, "%s: error: %s\n", pos[2].c_str(), why.c_str());
            return Unreadable;
        }
        Diagnostics errors;
        const auto scenarios = Scenario::parse(text, pos[2], &errors);
        if (!errors.empty())
            return printDiagnostics(errors);
        for (const auto& s : scenarios) {
            std::string error;
            if (ScenarioStore::put(doc, s, &error).empty() && !error.empty()) {
                std::fprintf(stderr, "%s: error: scenario '%s': %s\n", file.c_str(), s.name.c_str(), error.c_str());
                return Unreadable;
            }
            std::printf("stored '%s'\n", s.name.c_str());
        }
        return save(doc, out);
    };
    return c;
}

} // namespace runway::cli
