#include "CliArgs.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"

#include <cstdio>

namespace runway::cli {

using namespace runway::core;

Command convertCommand()
{
    Command c;
    c.name = "convert";
    c.summary = "read a file and write it back (schema order, extensions kept)";
    c.help = "Usage: runway-cli convert [--json] FILE -o OUT\n\n"
             "Reads FILE and writes it to OUT as Runway saves it: children in the order the BPMN 2.0\n"
             "schema requires, two-space indentation, and everything Runway does not model (vendor\n"
             "extensions, foreign attributes, comments) kept in place. OUT is written atomically: on any\n"
             "failure it is left as it was, and no partial file remains.\n\n"
             "  -o, --output OUT   the file to write (required)\n"
             "  --json             report as one JSON object\n\n"
             "Exit codes: 0 written, 2 FILE could not be read or OUT could not be written.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {"-o", "--output"}, {"--json"});
        if (!args.error.empty())
            return usageError("convert", args.error);
        if (args.positionals.size() != 1)
            return usageError("convert", "give exactly one input file");
        std::string out = args.value("-o");
        if (out.empty())
            out = args.value("--output");
        if (out.empty())
            return usageError("convert", "no output file given (-o OUT)");
        const auto& in = args.positionals.front();
        const bool json = args.has("--json");
        auto r = BpmnReader::readFile(in);
        std::string error;
        const bool written = r.ok() && BpmnWriter::saveFile(*r.document, out, &error);
        if (json) {
            std::string j = "{\"input\":\"" + jsonEscape(in) + "\",\"output\":\"" + jsonEscape(out) +
                            "\",\"written\":" + (written ? "true" : "false") + ",\"diagnostics\":[";
            for (std::size_t k = 0; k < r.diagnostics.size(); ++k)
                j += (k ? "," : "") + toJson(r.diagnostics[k]);
            j += "]";
            if (!error.empty())
                j += ",\"error\":\"" + jsonEscape(error) + "\"";
            std::printf("%s}\n", j.c_str());
        } else {
            for (const auto& d : r.diagnostics)
                std::fprintf(stderr, "%s\n", d.format().c_str());
            if (!error.empty())
                std::fprintf(stderr, "%s: error: %s\n", out.c_str(), error.c_str());
        }
        return written ? Ok : Unreadable;
    };
    return c;
}

} // namespace runway::cli
