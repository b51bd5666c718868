// runway-bench-gen: writes a seeded, schema-valid BPMN 2.0 file with full DI and an exact number
// of flow nodes, for the read/write benchmarks (see tools/bench/README.md).
//
// This file: the command line. The generator itself: BenchGenerator.h, BenchGenerator.cpp (the
// process and its layout) and BenchXmlWriter.cpp (the XML and DI).

#include "BenchGenerator.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

void usage(std::FILE* to)
{
    std::fputs("usage: runway-bench-gen --nodes N [--seed S] [-o FILE]\n"
               "Writes a schema-valid BPMN 2.0 process with exactly N flow nodes (N >= 2) and full DI.\n"
               "The same seed (default 42) gives the same bytes. Without -o, or with -o -, writes to stdout.\n",
               to);
}

bool parseNumber(const char* s, std::uint64_t& out)
{
    const char* end = s + std::strlen(s);
    auto r = std::from_chars(s, end, out);
    return r.ec == std::errc() && r.ptr == end && end != s;
}

} // namespace

int main(int argc, char** argv)
{
    std::uint64_t nodes = 0, seed = 42;
    std::string output = "-";
    bool haveNodes = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "runway-bench-gen: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--nodes") {
            haveNodes = parseNumber(value(), nodes);
            if (!haveNodes) {
                std::fprintf(stderr, "runway-bench-gen: --nodes takes a whole number\n");
                return 2;
            }
        } else if (a == "--seed") {
            if (!parseNumber(value(), seed)) {
                std::fprintf(stderr, "runway-bench-gen: --seed takes a whole number\n");
                return 2;
            }
        } else if (a == "-o" || a == "--output") {
            output = value();
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "runway-bench-gen: unknown argument '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (!haveNodes || nodes < 2 || nodes > 10'000'000) {
        std::fprintf(stderr, "runway-bench-gen: --nodes N is required, with 2 <= N <= 10000000\n");
        usage(stderr);
        return 2;
    }

    runway::bench::Generator g(seed, static_cast<long>(nodes));
    const std::string xml = g.run();
    if (g.nodeCount() != nodes) { // the segment budget guarantees this; check anyway
        std::fprintf(stderr, "runway-bench-gen: internal error: made %zu flow nodes instead of %llu\n", g.nodeCount(),
                     static_cast<unsigned long long>(nodes));
        return 1;
    }

    std::FILE* f = output == "-" ? stdout : std::fopen(output.c_str(), "wb");
    if (!f) {
        std::fprintf(stderr, "runway-bench-gen: cannot write %s: %s\n", output.c_str(), std::strerror(errno));
        return 1;
    }
    const bool ok = std::fwrite(xml.data(), 1, xml.size(), f) == xml.size() && std::fflush(f) == 0;
    if (f != stdout && std::fclose(f) != 0)
        return 1;
    if (!ok) {
        std::fprintf(stderr, "runway-bench-gen: writing %s failed\n", output.c_str());
        return 1;
    }
    if (output != "-")
        std::fprintf(stderr, "runway-bench-gen: %s: %zu flow nodes, %zu sequence flows, %zu bytes (seed %llu)\n",
                     output.c_str(), g.nodeCount(), g.flowCount(), xml.size(), static_cast<unsigned long long>(seed));
    return 0;
}
