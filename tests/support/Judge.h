// Camunda's own linter as a test judge (tools/lint: bpmnlint with the camunda-compat rules, pinned,
// installed from npm into the build folder): installing it, and asking its verdict on files.
// Tests that use it are labelled "judge"; with CI=true a linter that cannot be installed fails them.
#pragma once

#include "RunProcess.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace runway::test::judge {

inline std::string source(const std::string& relative)
{
    return std::string(RUNWAY_SOURCE_DIR) + "/" + relative;
}

inline bool inCi()
{
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

/// Where the linter lives in this build tree (tests run in the build folder).
inline std::string modulesDir()
{
    return (std::filesystem::current_path() / "npm-lint").string();
}

/// Installs the linter if needed (tools/lint/ensure.sh); empty when it is ready, else why not.
inline std::string ensureLinter()
{
    if (!haveProgram("node") || !haveProgram("npm"))
        return "Node.js or npm is not installed (make deps installs them)";
    auto r = runProcess({"bash", source("tools/lint/ensure.sh"), modulesDir()});
    while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r'))
        r.out.pop_back();
    if (r.exitCode != 0 || r.out != "yes") {
        const std::string prefix = "skipped: ";
        const std::string why = r.out.empty()                 ? r.err
                                : r.out.rfind(prefix, 0) == 0 ? r.out.substr(prefix.size())
                                                              : r.out;
        return "Camunda's linter could not be installed: " + why;
    }
    return {};
}

/// The linter's verdict on files (tools/lint/judge.mjs): {"files": [...]} with one entry per file,
/// in order, or {"failure": why}.
inline nlohmann::json verdict(const std::vector<std::string>& files)
{
    std::vector<std::string> argv{"node", source("tools/lint/judge.mjs"), modulesDir()};
    argv.insert(argv.end(), files.begin(), files.end());
    const auto r = runProcess(argv);
    if (r.exitCode != 0)
        return nlohmann::json{{"failure", r.err}};
    return nlohmann::json::parse(r.out, nullptr, false);
}

} // namespace runway::test::judge

/// Skips the test when the linter cannot be installed; fails it instead under CI=true.
#define REQUIRE_LINTER()                                                                                               \
    do {                                                                                                               \
        const std::string why_ = ::runway::test::judge::ensureLinter();                                                \
        if (!why_.empty()) {                                                                                           \
            if (::runway::test::judge::inCi())                                                                         \
                QFAIL(("CI=true, so the judge must run, but " + why_).c_str());                                        \
            QSKIP(why_.c_str());                                                                                       \
        }                                                                                                              \
    } while (0)
