// runway-cli: validate, convert and inspect BPMN 2.0 files from the command line.
// The reference for users is docs/cli.md.
#include "CliArgs.h"

#include <cstdio>
#include <string>
#include <vector>

using namespace runway::cli;

namespace {

std::vector<Command> commands()
{
    return {validateCommand(), convertCommand(), infoCommand(), runCommand(), testCommand(), scenarioCommand(),
            conformanceCommand(), lintCommand(), exportCommand(), renderCommand()};
}

void printUsage(std::FILE* to)
{
    std::fprintf(to, "Usage: runway-cli COMMAND [OPTIONS] FILE...\n\nCommands:\n");
    for (const auto& c : commands())
        std::fprintf(to, "  %-12s %s\n", c.name.c_str(), c.summary.c_str());
    std::fprintf(to, "\nEvery command takes --help and --json.\n"
                     "Exit codes: 0 fine, 1 problems found, 2 input unreadable or wrong command line.\n");
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printUsage(stderr);
        return Unreadable;
    }
    const std::string name = args.front();
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(stdout);
        return Ok;
    }
    if (name == "--version") {
        std::printf("runway-cli %s\n", RUNWAY_VERSION);
        return Ok;
    }
    for (const auto& c : commands()) {
        if (c.name != name)
            continue;
        std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const auto& a : rest)
            if (a == "--help" || a == "-h") {
                std::fputs(c.help.c_str(), stdout);
                return Ok;
            }
        return c.run(rest);
    }
    std::fprintf(stderr, "runway-cli: unknown command '%s'\n\n", name.c_str());
    printUsage(stderr);
    return Unreadable;
}
