// Scenarios stored inside .bpmn files: the JSON writer is the inverse of the parser, the store adds,
// replaces and removes through the mutation API (undoable), the file stays schema-valid and other
// content is untouched, and broken stored scenarios are reported with the file's line.
#include "RunProcess.h"
#include "RunwayTest.h"
#include "tst_scenario_store_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/FileIo.h"
#include "runway/core/engine/ScenarioStore.h"

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace runway::core;
using namespace runway::core::engine;

namespace {

const std::string kExample = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/airline-checkin.bpmn";
const std::string kScenarios = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/airline-checkin.scenarios.json";

std::vector<Scenario> exampleScenarios()
{
    std::string text;
    readWholeFile(kScenarios, text);
    Diagnostics errors;
    auto s = Scenario::parse(text, kScenarios, &errors);
    return errors.empty() ? s : std::vector<Scenario>{};
}

std::unique_ptr<Document> readText(const std::string& xml, const std::string& name = "store.bpmn")
{
    auto r = BpmnReader::readBytes(xml, name);
    return std::move(r.document);
}

std::vector<std::string> names(const Document& doc)
{
    std::vector<std::string> v;
    for (const auto& s : ScenarioStore::list(doc))
        v.push_back(s.name);
    return v;
}

} // namespace

class TestScenarioStore : public QObject {
    Q_OBJECT
private slots:
    void jsonWriterIsTheInverseOfTheParser()
    {
        const auto all = exampleScenarios();
        QCOMPARE(all.size(), std::size_t(3));
        for (const auto& s : all) {
            const std::string text = toJson(s);
            Diagnostics errors;
            const auto back = Scenario::parse(text, "written.json", &errors);
            QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().format().c_str());
            QCOMPARE(back.size(), std::size_t(1));
            const auto& b = back.front();
            QCOMPARE(b.name, s.name);
            QCOMPARE(b.start, s.start);
            QCOMPARE(b.steps.size(), s.steps.size());
            QVERIFY(b.durations == s.durations);
            for (std::size_t i = 0; i < s.steps.size(); ++i) {
                QVERIFY(b.steps[i].kind == s.steps[i].kind);
                QCOMPARE(b.steps[i].element, s.steps[i].element);
                QCOMPARE(b.steps[i].name, s.steps[i].name);
                QVERIFY(b.steps[i].duration == s.steps[i].duration);
                QVERIFY(b.steps[i].variables == s.steps[i].variables);
                QVERIFY(b.steps[i].expect.variables == s.steps[i].expect.variables);
                QVERIFY(b.steps[i].expect.waitingAt == s.steps[i].expect.waitingAt);
                QVERIFY(b.steps[i].expect.passed == s.steps[i].expect.passed);
                QVERIFY(b.steps[i].expect.notPassed == s.steps[i].expect.notPassed);
                QVERIFY(b.steps[i].expect.ended == s.steps[i].expect.ended);
                QVERIFY(b.steps[i].expect.clock == s.steps[i].expect.clock);
            }
            QCOMPARE(toJson(b), text); // a fixed point
        }
        // Whole numbers stay whole; every kind of step and value comes back.
        Scenario s;
        s.name = "all kinds";
        s.process = "P";
        using K = Scenario::Step::Kind;
        Scenario::Step st;
        st.kind = K::Start;
        st.variables.set("count", Value(3));
        st.variables.set("ratio", Value(0.25));
        st.variables.set("nested", Value(Context{{"list", Value(List{Value(1), Value("two"), Value(nullptr)})}}));
        s.steps.push_back(st);
        for (K k : {K::Advance, K::AdvanceTo, K::NextTimer, K::Run, K::Complete, K::Fail, K::Message, K::Signal, K::Choose}) {
            Scenario::Step x;
            x.kind = k;
            x.element = "E";
            x.name = "N";
            x.time = "2026-01-02T00:00:00Z";
            x.duration = *iso8601::parseDuration("P1DT2H");
            if (k == K::Choose)
                x.flows = {"F1", "F2"};
            if (k == K::Message)
                x.correlationKey = "order-7";
            s.steps.push_back(x);
        }
        Scenario::Step ex;
        ex.kind = K::Expect;
        ex.expect.completed = false;
        ex.expect.incident = true;
        s.steps.push_back(ex);
        const std::string text = toJson(s);
        QVERIFY2(text.find("\"count\":3,") != std::string::npos, text.c_str());
        Diagnostics errors;
        const auto back = Scenario::parse(text, "all.json", &errors);
        QVERIFY2(errors.empty(), text.c_str());
        QCOMPARE(back.front().steps.size(), s.steps.size());
        QVERIFY(back.front().steps.front().variables == st.variables);
        QCOMPARE(back.front().steps[1].duration.toString(), std::string("P1DT2H"));
        QCOMPARE(back.front().steps[9].flows, (std::vector<std::string>{"F1", "F2"}));
        QVERIFY(back.front().steps[7].correlationKey == std::optional<std::string>("order-7"));
        QVERIFY(back.front().steps.back().expect.incident == std::optional<bool>(true));
        QVERIFY(back.front().steps.back().expect.completed == std::optional<bool>(false));
        QCOMPARE(toJson(back.front()), text);
    }

    void putListReplaceRemoveAndUndo()
    {
        auto read = BpmnReader::readFile(kExample);
        QVERIFY(read.ok());
        Document& doc = *read.document;
        const std::string original = BpmnWriter::toString(doc);
        QVERIFY(ScenarioStore::list(doc).empty());
        auto all = exampleScenarios();
        std::vector<ChangeSet> changes;
        for (const auto& s : all) {
            std::string error;
            changes.push_back(ScenarioStore::put(doc, s, &error));
            QVERIFY2(!changes.back().empty(), error.c_str());
        }
        QCOMPARE(names(doc), (std::vector<std::string>{all[0].name, all[1].name, all[2].name}));
        QCOMPARE(ScenarioStore::list(doc).front().processId, std::string("Process_AirlineCheckin"));

        // Replacing keeps the position and the count.
        Scenario changed = all[1];
        changed.start = "2026-04-01T08:00:00Z";
        std::string error;
        const ChangeSet replace = ScenarioStore::put(doc, changed, &error);
        QVERIFY(!replace.empty());
        QCOMPARE(names(doc).size(), std::size_t(3));
        QCOMPARE(names(doc)[1], all[1].name);
        Diagnostics errors;
        QCOMPARE(ScenarioStore::load(doc, &errors)[1].start, std::string("2026-04-01T08:00:00Z"));
        doc.revert(replace);
        QCOMPARE(ScenarioStore::load(doc, &errors)[1].start, all[1].start);

        // Written and read back: the same scenarios.
        const std::string written = BpmnWriter::toString(doc);
        auto again = readText(written);
        QVERIFY(again);
        const auto loaded = ScenarioStore::load(*again, &errors);
        QVERIFY(errors.empty());
        QCOMPARE(loaded.size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i) {
            Scenario expected = all[i];
            expected.process = "Process_AirlineCheckin"; // the process that holds it
            QCOMPARE(toJson(loaded[i]), toJson(expected));
        }
        QCOMPARE(BpmnWriter::toString(*again), written); // stable

        // Remove, and undo everything: the file is byte for byte what it was.
        const ChangeSet removed = ScenarioStore::remove(doc, all[0].name);
        QVERIFY(!removed.empty());
        QCOMPARE(names(doc), (std::vector<std::string>{all[1].name, all[2].name}));
        QVERIFY(ScenarioStore::remove(doc, "no such scenario").empty());
        doc.revert(removed);
        QCOMPARE(names(doc).size(), std::size_t(3));
        for (auto it = changes.rbegin(); it != changes.rend(); ++it)
            doc.revert(*it);
        QCOMPARE(BpmnWriter::toString(doc), original);
    }

    void storesInTheNamedProcessAfterTheDocumentation()
    {
        auto doc = readText(kTwoProcesses);
        QVERIFY(doc);
        Scenario s;
        s.name = "other one";
        s.process = "Other";
        std::string error;
        QVERIFY(!ScenarioStore::put(*doc, s, &error).empty());
        s.name = "main one";
        s.process.clear();
        QVERIFY(!ScenarioStore::put(*doc, s, &error).empty());
        const auto stored = ScenarioStore::list(*doc);
        QCOMPARE(stored.size(), std::size_t(2));
        QCOMPARE(stored[0].processId, std::string("Main")); // processes in file order
        QCOMPARE(stored[1].processId, std::string("Other"));
        const std::string xml = BpmnWriter::toString(*doc);
        QVERIFY2(xml.find("<bpmn:documentation>the main one</bpmn:documentation>\n    <bpmn:extensionElements>") !=
                     std::string::npos,
                 xml.c_str());
        s.process = "Missing";
        QVERIFY(ScenarioStore::put(*doc, s, &error).empty());
        QCOMPARE(error, std::string("there is no process 'Missing' in the file"));
        s.name.clear();
        QVERIFY(ScenarioStore::put(*doc, s, &error).empty());
    }

    void untrustedNamesSurviveTheRoundTrip()
    {
        auto doc = readText(kTwoProcesses);
        Scenario s;
        s.name = "a, \"b\" ]]> <script>alert(1)</script>\nline two & more";
        Scenario::Step st;
        st.kind = Scenario::Step::Kind::Start;
        st.variables.set("note", Value(std::string("]]>]]><![CDATA[ & </runway:scenario>")));
        s.steps.push_back(st);
        std::string error;
        QVERIFY(!ScenarioStore::put(*doc, s, &error).empty());
        auto again = readText(BpmnWriter::toString(*doc));
        QVERIFY(again);
        Diagnostics errors;
        const auto loaded = ScenarioStore::load(*again, &errors);
        QVERIFY(errors.empty());
        QCOMPARE(loaded.size(), std::size_t(1));
        QCOMPARE(loaded[0].name, s.name);
        QVERIFY(loaded[0].steps[0].variables == st.variables);
    }

    void brokenStoredScenarioNamesTheLine()
    {
        auto doc = readText(kBrokenStore, "broken.bpmn");
        QVERIFY(doc);
        Diagnostics errors;
        const auto loaded = ScenarioStore::load(*doc, &errors);
        QVERIFY(loaded.empty());
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors[0].file, std::string("broken.bpmn"));
        QCOMPARE(errors[0].line, 9);
        QVERIFY2(errors[0].message.find("stored scenario 'broken': the file is not valid JSON") == 0,
                 errors[0].message.c_str());
        QCOMPARE(ScenarioStore::list(*doc)[0].processId, std::string("P2")); // another prefix, same URI
    }

    void theFileStaysSchemaValid()
    {
        RUNWAY_REQUIRE_CORPUS();
        if (!runway::test::haveProgram("xmllint"))
            QSKIP("xmllint is not installed");
        auto read = BpmnReader::readFile(kExample);
        for (const auto& s : exampleScenarios()) {
            std::string error;
            ScenarioStore::put(*read.document, s, &error);
        }
        const auto path = (std::filesystem::temp_directory_path() /
                           ("runway-store-" + std::to_string(::getpid()) + ".bpmn")).string();
        std::string error;
        QVERIFY(BpmnWriter::saveFile(*read.document, path, &error));
        const std::string problems = runway::test::xsdProblems(path, runway::test::corpusDir());
        std::filesystem::remove(path);
        QVERIFY2(problems.empty(), problems.c_str());
    }
};

RUNWAY_TEST_MAIN(TestScenarioStore, jsonWriterIsTheInverseOfTheParser, putListReplaceRemoveAndUndo,
                 storesInTheNamedProcessAfterTheDocumentation, untrustedNamesSurviveTheRoundTrip,
                 brokenStoredScenarioNamesTheLine, theFileStaysSchemaValid)
#ifndef RUNWAY_NO_QT
#include "tst_scenario_store.moc"
#endif
