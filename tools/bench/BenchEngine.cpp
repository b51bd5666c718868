// runway-bench-engine FILE --instances N [--repeat R] [--process ID]
//
// Execution benchmark of engine-core: reads and compiles FILE once, then runs N instances one
// after another on one thread (each a fresh engine::Instance started at its none start event and
// run to its end in virtual time, as `runway-cli run` does), R times. Service tasks complete at
// once and gateways follow their conditions. Prints one JSON line: instances, the best and median
// seconds of the R runs, instances per second of the best run, how the instances ended, the peak
// RSS (getrusage ru_maxrss) and the current RSS (/proc/self/statm) after compiling, after the
// first 10 % of the instances and at the end of the last run, so that a long run shows whether
// memory stays flat.

#include "runway/core/BpmnReader.h"
#include "runway/core/engine/CompiledProcess.h"
#include "runway/core/engine/Instance.h"
#include "runway/core/engine/Policy.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::engine;

namespace {

/// Conditions decide at gateways; every task the engine works on completes at once.
class ImmediatePolicy : public ConditionPolicy {
public:
    WorkDecision work(const Instance&, NodeIndex) override { return {}; }
};

long peakRssKb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; // kilobytes on Linux
}

long currentRssKb()
{
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    long size = 0, resident = 0;
    const int n = std::fscanf(f, "%ld %ld", &size, &resident);
    std::fclose(f);
    if (n != 2)
        return -1;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

bool parseCount(const char* s, std::uint64_t& out)
{
    const char* end = s + std::strlen(s);
    auto [p, ec] = std::from_chars(s, end, out);
    return ec == std::errc() && p == end;
}

std::string escapeJson(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
            continue;
        }
        out += c;
    }
    return out;
}

int usage(const char* why)
{
    std::fprintf(stderr, "runway-bench-engine: %s\nUsage: runway-bench-engine FILE --instances N [--repeat R] [--process ID]\n",
                 why);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    std::string file, processId;
    std::uint64_t instances = 0, repeat = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if ((a == "--instances" || a == "--repeat" || a == "--process") && i + 1 < argc) {
            const char* v = argv[++i];
            if (a == "--process")
                processId = v;
            else if (!parseCount(v, a == "--instances" ? instances : repeat))
                return usage("--instances and --repeat need a whole number");
        } else if (!a.empty() && a[0] != '-' && file.empty()) {
            file = a;
        } else {
            return usage(("unexpected argument " + a).c_str());
        }
    }
    if (file.empty() || instances == 0 || repeat == 0)
        return usage("give a FILE, --instances N > 0 and --repeat R > 0");

    auto read = BpmnReader::readFile(file);
    if (!read.ok()) {
        for (const auto& d : read.diagnostics)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return 2;
    }
    Diagnostics diags;
    auto process = CompiledProcess::compile(*read.document, processId, &diags);
    for (const auto& d : diags)
        std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!process)
        return 2;
    read.document.reset(); // only the compiled process is needed from here on

    ImmediatePolicy policy;
    const TimePoint t0{std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch()};
    const std::uint64_t tenth = std::max<std::uint64_t>(1, instances / 10);
    const long baselineRss = currentRssKb();
    long rssAt10 = -1, rssEnd = -1;
    std::uint64_t completed = 0, incidents = 0, waiting = 0;
    std::string firstIncident;
    std::vector<double> times;
    for (std::uint64_t r = 0; r < repeat; ++r) {
        completed = incidents = waiting = 0;
        const auto start = std::chrono::steady_clock::now();
        for (std::uint64_t i = 0; i < instances; ++i) {
            Instance in(process, &policy, t0);
            if (!in.start()) {
                std::fprintf(stderr, "%s: the process has no none start event\n", file.c_str());
                return 2;
            }
            in.runToEnd();
            if (in.failed()) {
                ++incidents;
                if (firstIncident.empty())
                    firstIncident = in.incidents().front();
            } else if (in.completed()) {
                ++completed;
            } else {
                ++waiting;
            }
            if (i + 1 == tenth)
                rssAt10 = currentRssKb(); // one read per run: too cheap to matter
        }
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        rssEnd = currentRssKb();
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    const double best = sorted.front(), median = sorted[sorted.size() / 2];
    std::printf("{\"file\":\"%s\",\"process\":\"%s\",\"instances\":%llu,\"repeat\":%llu,\"best_s\":%.6f,\"median_s\":%.6f,"
                "\"instances_per_s\":%.0f,\"completed\":%llu,\"incidents\":%llu,\"waiting\":%llu,"
                "\"baseline_rss_kb\":%ld,\"rss_10pct_kb\":%ld,\"rss_end_kb\":%ld,\"peak_rss_kb\":%ld%s%s%s}\n",
                escapeJson(file).c_str(), escapeJson(process->id()).c_str(), static_cast<unsigned long long>(instances),
                static_cast<unsigned long long>(repeat), best, median, static_cast<double>(instances) / best,
                static_cast<unsigned long long>(completed), static_cast<unsigned long long>(incidents),
                static_cast<unsigned long long>(waiting), baselineRss, rssAt10, rssEnd, peakRssKb(),
                firstIncident.empty() ? "" : ",\"first_incident\":\"", escapeJson(firstIncident).c_str(),
                firstIncident.empty() ? "" : "\"");
    return incidents ? 1 : 0;
}
