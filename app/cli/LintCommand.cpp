#include "CliArgs.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/deploy/Deployability.h"

#include <cstdio>
#include <optional>

namespace runway::cli {

using namespace runway::core;

Command lintCommand()
{
    Command c;
    c.name = "lint";
    c.summary = "check that files deploy on their engine (Camunda 8 or 7)";
    c.help = "Usage: runway-cli lint [--json] [--strict] [--target TARGET] FILE...\n\n"
             "Checks each file for what its engine would reject at deployment, as well as the structural\n"
             "problems 'validate' finds. The engine is the one the file names as Camunda Modeler does\n"
             "(modeler:executionPlatform and executionPlatformVersion), or TARGET. Each problem is printed as\n"
             "FILE:LINE: error|warning: 'ELEMENT': message [code]\n\n"
             "  --target TARGET  camunda8[@VERSION], camunda7[@VERSION] or bpmn, instead of the file's own\n"
             "  --json           one JSON object for the whole run\n"
             "  --strict         warnings count as problems too\n\n"
             "Exit codes: 0 deployable, 1 problems found (or warnings with --strict),\n"
             "2 a file could not be read or the command line is wrong.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {"--target"}, {"--json", "--strict"});
        if (!args.error.empty())
            return usageError("lint", args.error);
        if (args.positionals.empty())
            return usageError("lint", "no file given");
        std::optional<deploy::Platform> forced;
        if (const auto t = args.value("--target"); !t.empty()) {
            std::string error;
            forced = deploy::Platform::parseTarget(t, &error);
            if (!forced)
                return usageError("lint", error);
        }
        const bool json = args.has("--json");
        int errors = 0, warnings = 0, unreadable = 0;
        std::string out = "{\"files\":[";
        for (std::size_t i = 0; i < args.positionals.size(); ++i) {
            const auto& file = args.positionals[i];
            auto r = BpmnReader::readFile(file);
            Diagnostics all = r.diagnostics;
            deploy::Platform platform;
            if (r.ok()) {
                std::string platformError;
                platform = forced ? *forced : deploy::Platform::ofDocument(*r.document, &platformError);
                if (!platformError.empty()) {
                    Diagnostic d;
                    d.file = file;
                    d.line = r.document->root()->line;
                    d.code = "platform-unknown";
                    d.message = platformError + " (or choose one with --target)";
                    all.push_back(d);
                }
                auto v = deploy::lint(*r.document, platform);
                all.insert(all.end(), v.begin(), v.end());
            } else {
                ++unreadable;
            }
            for (const auto& d : all)
                (d.isError() ? errors : warnings)++;
            if (json) {
                out += (i ? ",{" : "{");
                out += "\"file\":\"" + jsonEscape(file) + "\",\"readable\":" + (r.ok() ? "true" : "false") +
                       ",\"target\":\"" + platform.target() + "\",\"diagnostics\":[";
                for (std::size_t k = 0; k < all.size(); ++k)
                    out += (k ? "," : "") + toJson(all[k]);
                out += "]}";
            } else {
                for (const auto& d : all)
                    std::printf("%s\n", d.format().c_str());
                if (r.ok())
                    std::printf("%s: checked for %s\n", file.c_str(), platform.displayName().c_str());
            }
        }
        return finishCheck(out, json, errors, warnings, unreadable, args.positionals.size(), args.has("--strict"));
    };
    return c;
}

} // namespace runway::cli
