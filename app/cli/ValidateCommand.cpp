#include "CliArgs.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Validator.h"

#include <cstdio>

namespace runway::cli {

using namespace runway::core;

Command validateCommand()
{
    Command c;
    c.name = "validate";
    c.summary = "check files for structural errors (ids, references, DI, timers)";
    c.help = "Usage: runway-cli validate [--json] [--strict] FILE...\n\n"
             "Reads each file and checks it: duplicate ids, dangling references, flows crossing pools,\n"
             "unparseable timers, DI out of step with the model. Each problem is printed as\n"
             "FILE:LINE: error|warning: 'ELEMENT': message [code]\n\n"
             "  --json     one JSON object for the whole run\n"
             "  --strict   warnings count as problems too\n\n"
             "Exit codes: 0 no errors, 1 errors found (or warnings with --strict),\n"
             "2 a file could not be read.\n";
    c.run = [](const std::vector<std::string>& argv) -> int {
        auto args = CliArgs::parse(argv, {}, {"--json", "--strict"});
        if (!args.error.empty())
            return usageError("validate", args.error);
        if (args.positionals.empty())
            return usageError("validate", "no file given");
        const bool json = args.has("--json");
        int errors = 0, warnings = 0, unreadable = 0;
        std::string out = "{\"files\":[";
        for (std::size_t i = 0; i < args.positionals.size(); ++i) {
            const auto& file = args.positionals[i];
            auto r = BpmnReader::readFile(file);
            Diagnostics all = r.diagnostics;
            if (r.ok()) {
                auto v = Validator::validate(*r.document);
                all.insert(all.end(), v.begin(), v.end());
            } else {
                ++unreadable;
            }
            for (const auto& d : all)
                (d.isError() ? errors : warnings)++;
            if (json) {
                out += (i ? ",{" : "{");
                out += "\"file\":\"" + jsonEscape(file) + "\",\"readable\":" + (r.ok() ? "true" : "false") +
                       ",\"diagnostics\":[";
                for (std::size_t k = 0; k < all.size(); ++k)
                    out += (k ? "," : "") + toJson(all[k]);
                out += "]}";
            } else {
                for (const auto& d : all)
                    std::printf("%s\n", d.format().c_str());
            }
        }
        return finishCheck(out, json, errors, warnings, unreadable, args.positionals.size(), args.has("--strict"));
    };
    return c;
}

} // namespace runway::cli
