// Conformance with bpmn-js-token-simulation: every scenario recorded from that simulator's own tests
// (the corpus's token-simulation/traces, 95 files) runs on Runway's engine and is compared on the
// projection of docs/conformance.md. A scenario either passes, or is a known deviation below that
// names the section of the BPMN 2.0.2 specification Runway follows instead, or says honestly which
// feature the engine does not have yet. Each deviation is a named data row (knownDeviationStillDiffers)
// that asserts the scenario still differs and cites its section; a listed deviation that starts
// passing fails, so the list stays true.
#include "RunwayTest.h"

#include "runway/core/engine/Conformance.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace runway::core::engine;
using runway::test::corpusDir;
namespace fs = std::filesystem;

namespace {

struct Deviation {
    const char* scenario;
    const char* why;
};

const char* const kSignalDelivery =
    "10.5.5 Event Definitions (Signal): signals are broadcast, every catch waiting for one is triggered; Runway triggers the "
    "subscriptions in the order they were made, so an interrupting boundary event armed before an event sub-process's "
    "start cancels the scope first; the simulator lets the innermost catch consume the signal";

/// Every scenario that does not pass, and why: one data row each (a scenario of the trace file
/// Simulator.<scenario>.json). Removing a row is all it takes when a scenario starts passing.
const Deviation kDeviations[] = {
    // Where the simulator departs from the specification, and Runway follows it.
    {"boundary-interrupting-task",
     "10.5.4 Intermediate Event: an event on an activity's boundary has a trigger (message, timer, error, escalation, "
     "cancel, compensation, conditional, signal, multiple); one without an event definition is never armed, so "
     "nothing can trigger it"},
    {"compensation-error",
     "13.5.3 Intermediate Boundary Events: the interrupting error boundary event cancels the sub-process at once, with "
     "the token still on its way to the second error end event; the simulator lets that token enter it first"},
    {"signal-consume", kSignalDelivery},
    {"signal-rethrow", kSignalDelivery},
};

std::string traceDir()
{
    return corpusDir() + "/token-simulation/traces";
}

std::vector<std::string> traceFiles()
{
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(traceDir())) {
        const auto name = e.path().filename().string();
        if (e.is_regular_file() && e.path().extension() == ".json" && name.rfind('_', 0) != 0)
            out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Runs one trace file and returns the result of the named scenario.
ConformanceResult resultOf(const std::string& file, const std::string& scenario)
{
    const auto report = runConformanceFile(traceDir() + "/" + file);
    for (const auto& r : report.results)
        if (r.scenario == scenario)
            return r;
    ConformanceResult none;
    none.difference = "no scenario '" + scenario + "' in " + file + (report.error.empty() ? "" : ": " + report.error);
    return none;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/// Whether a deviation's reason cites a section of BPMN 2.0.2 ("13.5.3 ...", "(10.5.2)", "chapter 9"):
/// the one Runway follows instead, or, for a feature not implemented yet, the one that defines it.
bool citesSection(const std::string& why)
{
    for (std::size_t i = 0; i + 2 < why.size(); ++i)
        if ((i == 0 || why[i - 1] == ' ' || why[i - 1] == '(') && why[i] >= '1' && why[i] <= '9' &&
            (why[i + 1] == '.' || (why[i + 1] >= '0' && why[i + 1] <= '9' && why[i + 2] == '.')))
            return true;
    return contains(why, "chapter ");
}

/// Empty when the listed deviation still differs from the simulator's trace; else what is wrong.
std::string checkDeviation(const Deviation& d)
{
    const std::string name = d.scenario;
    if (!citesSection(d.why))
        return name + ": the reason cites no section of the BPMN 2.0.2 specification: " + d.why;
    const auto r = resultOf("Simulator." + name + ".json", name);
    if (r.passed)
        return name + " passes now: remove it from the known deviations (and docs/conformance.md)";
    if (r.difference.empty())
        return name + ": fails without saying where";
    if (contains(r.difference, "no scenario '"))
        return r.difference;
    std::printf("  deviation %s (%s): %s\n", d.scenario, d.why, r.difference.c_str());
    return {};
}

} // namespace

class TestCorpusConformance : public QObject {
    Q_OBJECT
private slots:
    void everyScenarioPassesOrIsAKnownDeviation()
    {
        RUNWAY_REQUIRE_CORPUS();
        std::map<std::string, std::string> known;
        for (const auto& d : kDeviations) {
            QVERIFY2(known.emplace(d.scenario, d.why).second, d.scenario);
            QVERIFY2(citesSection(d.why), d.scenario); // a spec section, also for a missing feature
        }
        const auto files = traceFiles();
        QVERIFY2(files.size() >= 95, traceDir().c_str());
        int passed = 0, deviations = 0;
        std::set<std::string> seen;
        std::string problems;
        for (const auto& file : files) {
            const auto report = runConformanceFile(file);
            QVERIFY2(report.error.empty(), report.error.c_str());
            QVERIFY2(!report.results.empty(), file.c_str());
            for (const auto& r : report.results) {
                seen.insert(r.scenario);
                const bool listed = known.count(r.scenario) > 0;
                if (r.passed && listed)
                    problems += "\n  " + r.scenario + " passes now: remove it from the known deviations";
                else if (!r.passed && !listed)
                    problems += "\n  " + r.scenario + " fails: " + r.difference;
                passed += r.passed ? 1 : 0;
                deviations += r.passed ? 0 : 1;
            }
        }
        for (const auto& [scenario, why] : known)
            if (!seen.count(scenario))
                problems += "\n  the known deviation " + scenario + " is no scenario of the corpus";
        std::printf("token-simulation conformance: %d of %d scenarios pass, %d known deviations\n", passed,
                    passed + deviations, deviations);
        QVERIFY2(problems.empty(), problems.c_str());
        QCOMPARE(deviations, static_cast<int>(std::size(kDeviations)));
        QVERIFY(passed + deviations >= 99);
    }

    // Every known deviation, one named row each: it still differs, and says which section of the
    // specification Runway follows instead (or which feature is missing, with its section).
#ifndef RUNWAY_NO_QT
    void knownDeviationStillDiffers_data()
    {
        QTest::addColumn<int>("row");
        for (std::size_t i = 0; i < std::size(kDeviations); ++i)
            QTest::newRow(kDeviations[i].scenario) << static_cast<int>(i);
    }

    void knownDeviationStillDiffers()
    {
        RUNWAY_REQUIRE_CORPUS();
        QFETCH(int, row);
        const std::string problem = checkDeviation(kDeviations[row]);
        QVERIFY2(problem.empty(), problem.c_str());
    }
#else
    void knownDeviationStillDiffers() // without Qt Test's data rows: every row in turn
    {
        RUNWAY_REQUIRE_CORPUS();
        std::string problems;
        for (const auto& d : kDeviations)
            if (const auto problem = checkDeviation(d); !problem.empty())
                problems += "\n  " + problem;
        QVERIFY2(problems.empty(), problems.c_str());
    }
#endif

    // Two of the places where Runway follows the specification, checked for exactly that difference.

    void boundaryEventWithoutTriggerIsNeverArmed()
    {
        RUNWAY_REQUIRE_CORPUS();
        const auto r = resultOf("Simulator.boundary-interrupting-task.json", "boundary-interrupting-task");
        QVERIFY(!r.passed);
        QCOMPARE(r.step, 2);
        QVERIFY2(contains(r.difference, "nothing in Runway waits at 'B_RUPTING' (tokens at [RECEIVE])"), r.difference.c_str());
    }

    void interruptedSubProcessTakesTheTokenOnItsWayWithIt()
    {
        RUNWAY_REQUIRE_CORPUS();
        const auto r = resultOf("Simulator.compensation-error.json", "compensation-error");
        QVERIFY(!r.passed);
        QCOMPARE(r.step, 2);
        QCOMPARE(r.missing, std::vector<std::string>{"enter:S_ERROR_END"});
        QVERIFY2(r.unexpected.empty(), r.difference.c_str());
    }

    void traceFilesAreUntrustedInput()
    {
        ConformanceFile f;
        std::string error;
        QVERIFY(!ConformanceFile::parse("{\"diagram\": \"a.bpmn\", \"scenarios\": [", "bad.json", f, &error));
        QVERIFY2(contains(error, "bad.json: line 1: not valid JSON"), error.c_str());

        QVERIFY(!ConformanceFile::parse("[1, 2]", "list.json", f, &error));
        QVERIFY2(contains(error, "list.json: the file must hold one object"), error.c_str());

        QVERIFY(!ConformanceFile::parse("{\"scenarios\": []}", "nodiagram.json", f, &error));
        QVERIFY2(contains(error, "nodiagram.json: the file has no \"diagram\""), error.c_str());

        const std::string badOp = "{\"diagram\": \"a.bpmn\", \"scenarios\": [{\"name\": \"s\", \"steps\": "
                                  "[{\"op\": \"trigger\", \"element\": \"A\"}, {\"op\": \"jump\"}]}]}";
        QVERIFY(!ConformanceFile::parse(badOp, "op.json", f, &error));
        QVERIFY2(contains(error, "op.json: scenario 1 ('s'), step 2: the op 'jump' is not one of"), error.c_str());

        const std::string badEntry = "{\"diagram\": \"a.bpmn\", \"scenarios\": [{\"name\": \"s\", \"steps\": "
                                     "[{\"op\": \"expectTrace\", \"trace\": [\"enter-TASK\"]}]}]}";
        QVERIFY(!ConformanceFile::parse(badEntry, "entry.json", f, &error));
        QVERIFY2(contains(error, "the trace entry 'enter-TASK' is not of the form"), error.c_str());

        const std::string noElement = "{\"diagram\": \"a.bpmn\", \"scenarios\": [{\"name\": \"s\", \"steps\": "
                                      "[{\"op\": \"setConfig\", \"config\": {\"activeOutgoing\": \"F\"}}]}]}";
        QVERIFY(!ConformanceFile::parse(noElement, "config.json", f, &error));
        QVERIFY2(contains(error, "step 1 has no \"element\""), error.c_str());

        // Deep nesting is refused while parsing, before it costs anything.
        std::string deep(100000, '[');
        QVERIFY(!ConformanceFile::parse(deep, "deep.json", f, &error));
        QVERIFY2(contains(error, "deep.json: nested more than"), error.c_str());

        const std::string good = "{\"diagram\": \"../diagrams/x.bpmn\", \"scenarios\": [{\"name\": \"s\", \"steps\": "
                                 "[{\"op\": \"setConfig\", \"element\": \"G\", \"config\": {\"activeOutgoing\": "
                                 "[\"F1\", \"F2\"]}}, {\"op\": \"expectTrace\", \"trace\": [\"enter:A:B\"]}]}]}";
        QVERIFY2(ConformanceFile::parse(good, "dir/traces/t.json", f, &error), error.c_str());
        QCOMPARE(f.diagram, fs::path("dir/diagrams/x.bpmn").lexically_normal().string());
        QCOMPARE(f.scenarios.size(), std::size_t(1));
        QCOMPARE(f.scenarios[0].steps[0].activeOutgoing, (std::vector<std::string>{"F1", "F2"}));

        const auto missing = runConformanceFile("no-such-file.json");
        QVERIFY2(contains(missing.error, "no-such-file.json: cannot be read"), missing.error.c_str());
    }

    void recordedTraceProjectsOnFlowNodes()
    {
        const std::set<std::string, std::less<>> nodes{"START", "TASK", "END"};
        const std::vector<std::string> trace{"createScope:Process_1:null", "signal:START:B", "exit:START:B",
                                             "enter:Flow_1:A",             "exit:Flow_1:C",  "enter:TASK:A",
                                             "exit:TASK:D",                "enter:END:A",    "exit:Process_1:A"};
        const TraceMultiset expected{{"exit:START", 1}, {"enter:TASK", 1}, {"exit:TASK", 1}, {"enter:END", 1}};
        QCOMPARE(projectRecordedTrace(trace, nodes), expected);
    }
};

RUNWAY_TEST_MAIN(TestCorpusConformance, everyScenarioPassesOrIsAKnownDeviation, knownDeviationStillDiffers,
                 boundaryEventWithoutTriggerIsNeverArmed,
                 interruptedSubProcessTakesTheTokenOnItsWayWithIt, traceFilesAreUntrustedInput,
                 recordedTraceProjectsOnFlowNodes)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_conformance.moc"
#endif
