#include "CliArgs.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/deploy/Convert.h"
#include "runway/core/deploy/Deployability.h"

#include <cstdio>
#include <optional>

namespace runway::cli {

using namespace runway::core;

namespace {

std::string jsonList(const Diagnostics& ds)
{
    std::string s = "[";
    for (std::size_t k = 0; k < ds.size(); ++k)
        s += (k ? "," : "") + toJson(ds[k]);
    return s + "]";
}

} // namespace

Command exportCommand()
{
    Command c;
    c.name = "export";
    c.summary = "write a file that Camunda 8 or 7 deploys unchanged (converting between them)";
    c.help = "Usage: runway-cli export [--json] [--target TARGET] FILE -o OUT\n\n"
             "Writes FILE to OUT for the engine TARGET, only if that engine would deploy it. A model made\n"
             "for the other Camunda engine is converted first (external topics to job types, JUEL to FEEL,\n"
             "input/output parameters to mappings, and back); what cannot be carried over is listed in the\n"
             "conversion report. If the result would be rejected, nothing is written and the problems are\n"
             "listed, as 'runway-cli lint' prints them. OUT is written atomically.\n\n"
             "  --target TARGET    camunda8[@VERSION] (default version 8.6), camunda7[@VERSION] (7.21) or\n"
             "                     bpmn; default: the platform the file names\n"
             "  -o, --output OUT   the file to write (required)\n"
             "  --json             report as one JSON object\n\n"
             "Exit codes: 0 written, 1 not deployable (nothing written), 2 FILE unreadable, OUT not\n"
             "writable, or a wrong command line.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {"-o", "--output", "--target"}, {"--json"});
        if (!args.error.empty())
            return usageError("export", args.error);
        if (args.positionals.size() != 1)
            return usageError("export", "give exactly one input file");
        std::string out = args.value("-o");
        if (out.empty())
            out = args.value("--output");
        if (out.empty())
            return usageError("export", "no output file given (-o OUT)");
        std::optional<deploy::Platform> target;
        if (const auto t = args.value("--target"); !t.empty()) {
            std::string error;
            target = deploy::Platform::parseTarget(t, &error);
            if (!target)
                return usageError("export", error);
        }
        const auto& in = args.positionals.front();
        const bool json = args.has("--json");

        auto r = BpmnReader::readFile(in);
        Diagnostics problems = r.diagnostics, report;
        int exit = Ok;
        std::string writeError;
        if (!r.ok()) {
            exit = Unreadable;
        } else {
            Document& doc = *r.document;
            if (!target) {
                std::string error;
                target = deploy::Platform::ofDocument(doc, &error);
                if (!error.empty())
                    return usageError("export", in + ": " + error + "; choose the engine with --target");
            }
            report = deploy::convert(doc, *target);
            auto lint = deploy::lint(doc, *target);
            problems.insert(problems.end(), lint.begin(), lint.end());
            if (doc.diagrams().empty()) {
                Diagnostic d;
                d.file = in;
                d.line = doc.root()->line;
                d.code = "export-no-diagram";
                d.message = "the file has no diagram (BPMN DI), so Camunda's tools cannot show it; draw it in a "
                            "modeler (or open and save it in Runway) before exporting";
                problems.push_back(d);
            }
            if (hasErrors(problems))
                exit = ProblemsFound;
            else if (!BpmnWriter::saveFile(doc, out, &writeError))
                exit = Unreadable;
        }
        const std::string targetName = target ? target->target() : std::string();
        if (json) {
            std::string j = "{\"input\":\"" + jsonEscape(in) + "\",\"output\":\"" + jsonEscape(out) +
                            "\",\"target\":\"" + targetName + "\",\"written\":" + (exit == Ok ? "true" : "false") +
                            ",\"conversion\":" + jsonList(report) + ",\"diagnostics\":" + jsonList(problems);
            if (!writeError.empty())
                j += ",\"error\":\"" + jsonEscape(writeError) + "\"";
            std::printf("%s}\n", j.c_str());
        } else {
            if (!report.empty()) {
                std::printf("Conversion report for %s (%zu note%s):\n", target->displayName().c_str(), report.size(),
                            report.size() == 1 ? "" : "s");
                for (const auto& d : report)
                    std::printf("%s\n", d.format().c_str());
            }
            for (const auto& d : problems)
                std::fprintf(stderr, "%s\n", d.format().c_str());
            if (exit == Ok)
                std::printf("%s: written for %s\n", out.c_str(), target->displayName().c_str());
            else if (exit == ProblemsFound)
                std::fprintf(stderr, "%s: not written: %s would reject the model (the errors above)\n", out.c_str(),
                             target->displayName().c_str());
            if (!writeError.empty())
                std::fprintf(stderr, "%s: error: %s\n", out.c_str(), writeError.c_str());
        }
        return exit;
    };
    return c;
}

} // namespace runway::cli
