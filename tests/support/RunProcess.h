// Runs a program and captures its exit code and output, for tests of runway-cli and of external
// judges (xmllint). POSIX only, no shell: arguments are passed as they are.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace runway::test {

struct ProcessResult {
    int exitCode = -1; ///< -1: could not start, or killed by a signal
    std::string out, err;
};

inline std::string readAll(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

inline ProcessResult runProcess(const std::vector<std::string>& argv)
{
    ProcessResult r;
    char outName[] = "/tmp/runway-test-out-XXXXXX";
    char errName[] = "/tmp/runway-test-err-XXXXXX";
    int outFd = ::mkstemp(outName);
    int errFd = ::mkstemp(errName);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, outFd, 1);
    posix_spawn_file_actions_adddup2(&actions, errFd, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", 0, 0);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) == 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (WIFEXITED(status))
            r.exitCode = WEXITSTATUS(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(outFd);
    ::close(errFd);
    r.out = readAll(outName);
    r.err = readAll(errName);
    std::remove(outName);
    std::remove(errName);
    return r;
}

/// The runway-cli built with these tests (CTest passes its path in RUNWAY_CLI).
inline std::string cliPath()
{
    const char* p = std::getenv("RUNWAY_CLI");
    return p ? p : "runway-cli";
}

inline bool haveProgram(const std::string& name)
{
    return runProcess({"sh", "-c", "command -v " + name}).exitCode == 0;
}

/// Validates a file against the OMG BPMN 2.0 XSD of the corpus with xmllint; returns its verdict
/// (empty when the file is valid).
inline std::string xsdProblems(const std::string& file, const std::string& corpus)
{
    auto r = runProcess({"xmllint", "--noout", "--schema", corpus + "/xsd/BPMN20.xsd", file});
    return r.exitCode == 0 ? std::string() : (r.err.empty() ? "xmllint could not run" : r.err);
}

} // namespace runway::test
