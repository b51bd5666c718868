#include "CliArgs.h"

#include <algorithm>
#include <cstdio>

namespace runway::cli {

bool CliArgs::has(const std::string& flag) const
{
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::string CliArgs::value(const std::string& option) const
{
    for (const auto& [k, v] : options)
        if (k == option)
            return v;
    return {};
}

CliArgs CliArgs::parse(const std::vector<std::string>& args, const std::vector<std::string>& valueOptions,
                       const std::vector<std::string>& knownFlags)
{
    CliArgs out;
    auto contains = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    bool onlyPositionals = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (onlyPositionals || a.empty() || a[0] != '-' || a == "-") {
            out.positionals.push_back(a);
        } else if (a == "--") {
            onlyPositionals = true;
        } else if (auto eq = a.find('='); eq != std::string::npos && contains(valueOptions, a.substr(0, eq))) {
            out.options.emplace_back(a.substr(0, eq), a.substr(eq + 1));
        } else if (contains(valueOptions, a)) {
            if (i + 1 >= args.size()) {
                out.error = "option " + a + " needs a value";
                return out;
            }
            out.options.emplace_back(a, args[++i]);
        } else if (contains(knownFlags, a)) {
            out.flags.push_back(a);
        } else {
            out.error = "unknown option " + a;
            return out;
        }
    }
    return out;
}

int usageError(const std::string& command, const std::string& message)
{
    std::fprintf(stderr, "runway-cli %s: %s\nTry 'runway-cli %s --help'.\n", command.c_str(), message.c_str(),
                 command.c_str());
    return Unreadable;
}

int finishCheck(std::string& out, bool json, int errors, int warnings, int unreadable, std::size_t files, bool strict)
{
    if (json) {
        out += "],\"errors\":" + std::to_string(errors) + ",\"warnings\":" + std::to_string(warnings) +
               ",\"unreadable\":" + std::to_string(unreadable) + "}";
        std::printf("%s\n", out.c_str());
    } else {
        std::printf("%d error%s, %d warning%s in %zu file%s\n", errors, errors == 1 ? "" : "s", warnings,
                    warnings == 1 ? "" : "s", files, files == 1 ? "" : "s");
    }
    if (unreadable)
        return Unreadable;
    return errors || (strict && warnings) ? ProblemsFound : Ok;
}

} // namespace runway::cli
