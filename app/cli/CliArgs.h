// Argument handling shared by runway-cli's subcommands.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace runway::cli {

/// Exit codes every subcommand uses.
enum Exit : int { Ok = 0, ProblemsFound = 1, Unreadable = 2 };

/// A parsed command line: flags (--json, --help), options with a value (-o OUT), positionals.
struct CliArgs {
    std::vector<std::string> positionals;
    std::vector<std::string> flags;
    std::vector<std::pair<std::string, std::string>> options;
    std::string error; ///< non-empty when the command line was wrong

    bool has(const std::string& flag) const;
    std::string value(const std::string& option) const;

    /// valueOptions: the options that take a value ("-o", "--output"); everything else starting
    /// with '-' is a flag, and must be one of knownFlags.
    static CliArgs parse(const std::vector<std::string>& args, const std::vector<std::string>& valueOptions,
                         const std::vector<std::string>& knownFlags);
};

struct Command {
    std::string name;
    std::string summary;
    std::string help; ///< full text for `runway-cli NAME --help`
    std::function<int(const std::vector<std::string>&)> run;
};

Command infoCommand();
Command validateCommand();
Command convertCommand();
Command runCommand();
Command conformanceCommand();
/// Draws a diagram (RenderCommand.cpp with Qt; RenderUnavailable.cpp says it is missing without).
Command renderCommand();
Command lintCommand();
Command exportCommand();
Command testCommand();
Command scenarioCommand();

/// Prints "runway-cli NAME: message" to stderr with the hint to use --help; returns Unreadable.
int usageError(const std::string& command, const std::string& message);

/// The end of a command that checks files (validate, lint): closes the JSON text `out` with the
/// counts and prints it, or prints "N errors, M warnings in K files"; then the exit code (2 when
/// a file was unreadable, 1 for errors, or for warnings with --strict, else 0).
int finishCheck(std::string& out, bool json, int errors, int warnings, int unreadable, std::size_t files, bool strict);

} // namespace runway::cli
