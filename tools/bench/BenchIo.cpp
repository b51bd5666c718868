// runway-bench-io: times reading and writing one BPMN file, and tinyxml2's bare parse of the same
// bytes as the floor, printing one JSON line (see tools/bench/README.md).

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/FileIo.h"

#include <tinyxml2.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#ifndef _WIN32
#include <sys/resource.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;
using runway::core::BpmnReader;
using runway::core::BpmnType;
using runway::core::BpmnWriter;

/// The process's peak resident set size so far, in KiB (Linux reports ru_maxrss in KiB).
long peakRssKb()
{
#ifndef _WIN32
    struct rusage u {};
    if (getrusage(RUSAGE_SELF, &u) == 0)
        return u.ru_maxrss;
#endif
    return -1;
}

double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void usage(std::FILE* to)
{
    std::fputs(
        "usage: runway-bench-io --mode parse|read|write [--repeat R] [--expect-nodes N] [--lookup] [--from-file] FILE\n"
        "  parse  tinyxml2::XMLDocument::Parse of the file's bytes (the floor for Runway's parser)\n"
        "  read   BpmnReader::readBytes of the same bytes into a Document\n"
        "  write  reads once, then times BpmnWriter::toString\n"
        "The file is loaded into memory before timing. Each mode runs R times (default 5) and prints one\n"
        "JSON line: best and median seconds, MB/s (10^6 bytes per second, from the best run) and the\n"
        "process's peak RSS in KiB (getrusage ru_maxrss, so it covers all R runs and the file's bytes).\n"
        "--expect-nodes N (read mode): fail unless the document holds exactly N flow nodes.\n"
        "--lookup (read mode): after each read, also time the first findById (which builds the\n"
        "document's id and DI indexes when reading left them for later); its memory then counts\n"
        "in the peak RSS.\n"
        "--from-file (read mode): time BpmnReader::readFile instead, which reads the file itself\n"
        "(from the page cache, mostly) and so holds no caller's copy of its bytes: for the RSS a\n"
        "program opening the file sees.\n",
        to);
}

} // namespace

int main(int argc, char** argv)
{
    std::string mode, file;
    int repeat = 5;
    long expectNodes = -1;
    bool lookup = false;
    bool fromFile = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "runway-bench-io: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--mode") {
            mode = value();
        } else if (a == "--repeat") {
            repeat = std::atoi(value());
        } else if (a == "--expect-nodes") {
            expectNodes = std::atol(value());
        } else if (a == "--lookup") {
            lookup = true;
        } else if (a == "--from-file") {
            fromFile = true;
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "runway-bench-io: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            file = argv[i];
        }
    }
    if ((mode != "parse" && mode != "read" && mode != "write") || file.empty() || repeat < 1 ||
        (fromFile && mode != "read")) {
        usage(stderr);
        return 2;
    }

    std::string bytes;
    std::size_t fileSize = 0;
    if (fromFile) {
        std::error_code ec;
        fileSize = static_cast<std::size_t>(std::filesystem::file_size(file, ec));
        if (ec) {
            std::fprintf(stderr, "runway-bench-io: cannot read %s: %s\n", file.c_str(), ec.message().c_str());
            return 1;
        }
    } else {
        std::string why;
        if (!runway::core::readWholeFile(file, bytes, &why)) {
            std::fprintf(stderr, "runway-bench-io: cannot read %s: %s\n", file.c_str(), why.c_str());
            return 1;
        }
        fileSize = bytes.size();
    }
    const long baselineRss = peakRssKb();

    std::vector<double> times, lookupTimes;
    std::size_t outBytes = 0;
    long flowNodes = -1;
    std::size_t warnings = 0;

    if (mode == "parse") {
        for (int r = 0; r < repeat; ++r) {
            tinyxml2::XMLDocument x(true, tinyxml2::PRESERVE_WHITESPACE);
            const auto t0 = Clock::now();
            const auto err = x.Parse(bytes.data(), bytes.size());
            const auto t1 = Clock::now();
            if (err != tinyxml2::XML_SUCCESS) {
                std::fprintf(stderr, "runway-bench-io: tinyxml2 cannot parse %s: %s (line %d)\n", file.c_str(),
                             x.ErrorName(), x.ErrorLineNum());
                return 1;
            }
            times.push_back(seconds(t0, t1));
        }
    } else {
        auto readOnce = [&](double* took) {
            const auto t0 = Clock::now();
            auto result = fromFile ? BpmnReader::readFile(file) : BpmnReader::readBytes(bytes, file);
            const auto t1 = Clock::now();
            if (took)
                *took = seconds(t0, t1);
            if (!result.ok() || runway::core::hasErrors(result.diagnostics)) {
                for (const auto& d : result.diagnostics)
                    std::fprintf(stderr, "%s\n", d.format().c_str());
                std::fprintf(stderr, "runway-bench-io: Runway cannot read %s\n", file.c_str());
                std::exit(1);
            }
            warnings = result.diagnostics.size();
            return std::move(result.document);
        };
        if (mode == "read") {
            for (int r = 0; r < repeat; ++r) {
                double took = 0;
                auto doc = readOnce(&took);
                times.push_back(took);
                if (lookup) {
                    // The first lookup by id, which builds the document's indexes if reading did not.
                    const std::string id(doc->root()->id());
                    const auto t0 = Clock::now();
                    const auto* found = doc->findById(id);
                    const auto t1 = Clock::now();
                    static_cast<void>(found);
                    lookupTimes.push_back(seconds(t0, t1));
                }
                if (r == 0 && expectNodes >= 0) { // not in the RSS runs: the list costs memory
                    flowNodes = 0;
                    for (const auto* e : doc->allElements())
                        if (e->isA(BpmnType::FlowNode))
                            ++flowNodes;
                }
                // The document is freed here, outside the timed span.
            }
        } else {
            auto doc = readOnce(nullptr);
            for (int r = 0; r < repeat; ++r) {
                const auto t0 = Clock::now();
                std::string out = BpmnWriter::toString(*doc);
                const auto t1 = Clock::now();
                times.push_back(seconds(t0, t1));
                outBytes = out.size();
            }
        }
    }

    const double best = *std::min_element(times.begin(), times.end());
    const double med = median(times);
    const std::size_t rateBytes = mode == "write" ? outBytes : fileSize;
    std::string fileJson = runway::core::jsonEscape(file);
    std::printf("{\"tool\":\"runway-bench-io\",\"mode\":\"%s\",\"file\":\"%s\",\"bytes\":%zu", mode.c_str(),
                fileJson.c_str(), fileSize);
    if (fromFile)
        std::printf(",\"from_file\":true");
    if (mode == "write")
        std::printf(",\"out_bytes\":%zu", outBytes);
    std::printf(",\"repeat\":%d,\"best_s\":%.6f,\"median_s\":%.6f,\"mb_per_s\":%.2f", repeat, best, med,
                best > 0 ? static_cast<double>(rateBytes) / 1e6 / best : 0.0);
    if (mode == "read")
        std::printf(",\"flow_nodes\":%ld,\"warnings\":%zu", flowNodes, warnings);
    if (!lookupTimes.empty())
        std::printf(",\"lookup_best_s\":%.6f,\"lookup_median_s\":%.6f",
                    *std::min_element(lookupTimes.begin(), lookupTimes.end()), median(lookupTimes));
    std::printf(",\"baseline_rss_kb\":%ld,\"peak_rss_kb\":%ld}\n", baselineRss, peakRssKb());

    if (expectNodes >= 0 && mode == "read" && flowNodes != expectNodes) {
        std::fprintf(stderr, "runway-bench-io: expected %ld flow nodes in %s, found %ld\n", expectNodes, file.c_str(),
                     flowNodes);
        return 1;
    }
    return 0;
}
