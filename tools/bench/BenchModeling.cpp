// runway-bench-modeling FILE [--repeat R] [--paste N]
//
// Benchmark of the modeling facade (the engine part of editing): reads FILE once, then times,
// R times each: moving one element (the model change, with the re-routing of its connections;
// the canvas's scene update is not part of this tool), pasting N flow nodes (default 1,000) copied
// from the file's main process, and undoing that paste (Document::revert of its change set).
// Every move and paste is undone before the next run, outside the timed span. Prints one JSON
// line with the best and median seconds of each, and the load average when it ran.

#include "runway/core/BpmnReader.h"
#include "runway/core/Diagnostic.h"
#include "runway/core/Semantics.h"
#include "runway/core/modeling/Modeling.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

using namespace runway::core;
using namespace runway::core::modeling;

namespace {

using Clock = std::chrono::steady_clock;

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
double best(const std::vector<double>& v)
{
    return *std::min_element(v.begin(), v.end());
}

std::string loadAverage()
{
    std::ifstream f("/proc/loadavg");
    std::string a, b, c;
    f >> a >> b >> c;
    return a.empty() ? "n/a" : a + " " + b + " " + c;
}

void usage(std::FILE* to)
{
    std::fputs("usage: runway-bench-modeling FILE [--repeat R] [--paste N]\n"
               "Times moving one element, pasting N flow nodes (default 1000) and undoing the paste,\n"
               "R times each (default 5), and prints one JSON line.\n",
               to);
}

} // namespace

int main(int argc, char** argv)
{
    std::string file;
    int repeat = 5;
    std::size_t pasteCount = 1000;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if ((a == "--repeat" || a == "--paste") && i + 1 < argc) {
            const long v = std::atol(argv[++i]);
            if (v < 1) {
                usage(stderr);
                return 2;
            }
            if (a == "--repeat")
                repeat = static_cast<int>(v);
            else
                pasteCount = static_cast<std::size_t>(v);
        } else if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            usage(stderr);
            return 2;
        } else {
            file = argv[i];
        }
    }
    if (file.empty()) {
        usage(stderr);
        return 2;
    }
    auto read = BpmnReader::readFile(file);
    if (!read.ok()) {
        for (const auto& d : read.diagnostics)
            std::fprintf(stderr, "%s\n", d.format().c_str());
        return 2;
    }
    Document& doc = *read.document;
    Modeling m(doc);
    const auto t0 = Clock::now();
    doc.findById(doc.root()->id()); // builds the id and DI indexes, as the editor does on opening
    m.connectionsOf(doc.root());    // and the facade's index of connections and boundary events
    const double indexBuild = seconds(t0, Clock::now());

    // The main process's drawn flow nodes, in file order.
    std::vector<Element*> nodes;
    long flowNodes = 0;
    for (Element* e : doc.allElements())
        if (e->isA(BpmnType::FlowNode))
            ++flowNodes;
    for (Element* p : sem::processes(doc))
        for (Element* n : sem::flowNodes(p))
            if (n->type != BpmnType::BoundaryEvent && doc.shapeFor(n->id()))
                nodes.push_back(n);
    if (nodes.size() < pasteCount + 1) {
        std::fprintf(stderr,
                     "runway-bench-modeling: %s has %zu drawn flow nodes in its processes; --paste %zu needs more\n",
                     file.c_str(), nodes.size(), pasteCount);
        return 2;
    }

    // Moving one element in the middle of the file, with its connections re-routed.
    Element* moved = nodes[nodes.size() / 2];
    for (std::size_t i = nodes.size() / 2; i < nodes.size(); ++i)
        if (nodes[i]->isA(BpmnType::Activity) && !sem::boundaryEvents(doc, nodes[i]).empty()) {
            moved = nodes[i]; // an activity with a boundary event: the move carries it and its flows
            break;
        }
    std::vector<double> moveTimes;
    std::size_t moveChanges = 0, pasteChanges = 0;
    for (int r = 0; r < repeat; ++r) {
        Element* sel[] = {moved};
        const auto a = Clock::now();
        Edit e = m.move(sel, {10, 20});
        const auto b = Clock::now();
        if (!e.ok() || e.changes.empty()) {
            std::fprintf(stderr, "runway-bench-modeling: the move was refused: %s\n", e.error.c_str());
            return 1;
        }
        moveTimes.push_back(seconds(a, b));
        moveChanges = e.changes.changes.size();
        doc.revert(e.changes);
    }

    // Copying N flow nodes, pasting them and undoing the paste.
    std::vector<Element*> selection(nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>(pasteCount));
    const auto c0 = Clock::now();
    const Clipboard clip = m.copy(selection);
    const double copyTime = seconds(c0, Clock::now());
    std::vector<double> pasteTimes, undoTimes;
    std::size_t created = 0;
    for (int r = 0; r < repeat; ++r) {
        const auto a = Clock::now();
        Edit e = m.paste(clip, selection.front()->parent, {0, clip.extent.height + 200});
        const auto b = Clock::now();
        if (!e.ok()) {
            std::fprintf(stderr, "runway-bench-modeling: the paste was refused: %s\n", e.error.c_str());
            return 1;
        }
        created = e.created.size();
        pasteChanges = e.changes.changes.size();
        doc.revert(e.changes);
        const auto c = Clock::now();
        pasteTimes.push_back(seconds(a, b));
        undoTimes.push_back(seconds(b, c));
    }

    std::printf("{\"tool\":\"runway-bench-modeling\",\"file\":\"%s\",\"flow_nodes\":%ld,\"repeat\":%d,"
                "\"index_build_s\":%.6f,\"move_element\":\"%s\",\"move_changes\":%zu,\"move_best_s\":%.6f,"
                "\"move_median_s\":%.6f,\"copy_s\":%.6f,\"paste_nodes\":%zu,\"pasted_elements\":%zu,"
                "\"paste_changes\":%zu,\"paste_best_s\":%.6f,"
                "\"paste_median_s\":%.6f,\"undo_paste_best_s\":%.6f,\"undo_paste_median_s\":%.6f,\"loadavg\":\"%s\"}\n",
                jsonEscape(file).c_str(), flowNodes, repeat, indexBuild, jsonEscape(std::string(moved->id())).c_str(),
                moveChanges, best(moveTimes), median(moveTimes), copyTime, pasteCount, created, pasteChanges,
                best(pasteTimes), median(pasteTimes), best(undoTimes), median(undoTimes), loadAverage().c_str());
    return 0;
}
