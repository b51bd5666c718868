// runway-cli lint and export as a user runs them: exit codes, problems named by file, line and
// code, nothing written for a model the engine would reject, conversion between Camunda 7 and 8.
#include "RunProcess.h"
#include "RunwayTest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using runway::test::cliPath;
using runway::test::ProcessResult;
using runway::test::readAll;
using runway::test::runProcess;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir()
    {
        char tmpl[] = "/tmp/runway-export-test-XXXXXX";
        m_path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string file(const std::string& name, const std::string& content) const
    {
        const std::string p = path(name);
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
    std::string path(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

ProcessResult cli(const std::vector<std::string>& args)
{
    std::vector<std::string> argv{cliPath()};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv);
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

std::string source(const std::string& relative)
{
    return std::string(RUNWAY_SOURCE_DIR) + "/" + relative;
}

std::vector<std::string> examples()
{
    std::vector<std::string> v;
    for (const auto& e : fs::directory_iterator(source("resources/examples")))
        if (e.path().extension() == ".bpmn")
            v.push_back(e.path().string());
    std::sort(v.begin(), v.end());
    return v;
}

/// The broken fixtures: each file is named after the one code Runway must report for it.
std::vector<std::pair<std::string, std::string>> brokenFixtures()
{
    std::vector<std::pair<std::string, std::string>> v;
    for (const auto& e : fs::directory_iterator(source("tests/cli/data/deploy")))
        if (e.path().extension() == ".bpmn")
            v.emplace_back(e.path().string(), e.path().stem().string());
    std::sort(v.begin(), v.end());
    return v;
}

std::string replaced(std::string s, const std::string& from, const std::string& to)
{
    const auto at = s.find(from);
    if (at != std::string::npos)
        s.replace(at, from.size(), to);
    return s;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void lintExamples()
    {
        const auto files = examples();
        QVERIFY(files.size() >= 4);
        for (const auto& f : files) {
            auto r = cli({"lint", "--strict", f});
            QVERIFY2(r.exitCode == 0, (f + "\n" + r.out + r.err).c_str());
            QVERIFY2(contains(r.out, f + ": checked for Camunda 8.6"), r.out.c_str());
        }
    }

    void lintBrokenFixtures()
    {
        const auto fixtures = brokenFixtures();
        QVERIFY(fixtures.size() >= 15);
        for (const auto& [file, code] : fixtures) {
            auto r = cli({"lint", file});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(contains(r.out, "[" + code + "]"), (file + "\n" + r.out).c_str());
            QVERIFY2(contains(r.out, file + ":"), r.out.c_str()); // FILE:LINE: error: ...
            QVERIFY2(contains(r.out, ": error: '"), r.out.c_str());
        }
    }

    void lintJsonAndTarget()
    {
        const std::string file = source("tests/cli/data/deploy/c8-task-type-missing.bpmn");
        auto r = cli({"lint", "--json", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(contains(r.out, "\"target\":\"camunda8@8.6\""), r.out.c_str());
        QVERIFY2(contains(r.out, "\"code\":\"c8-task-type-missing\",\"message\":"), r.out.c_str());
        QVERIFY2(contains(r.out, "\"element\":\"Task_NoType\""), r.out.c_str());
        // As plain BPMN the missing job type is no problem (the missing diagram is a warning).
        r = cli({"lint", "--target", "bpmn", file});
        QVERIFY2(r.exitCode == 0, r.out.c_str());
        QVERIFY2(contains(r.out, "checked for plain BPMN"), r.out.c_str());
        // The same model for Camunda 7 lacks a history time to live and an implementation.
        r = cli({"lint", "--target", "camunda7@7.21", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(contains(r.out, "[c7-history-ttl-missing]") && contains(r.out, "[c7-implementation-missing]"),
                 r.out.c_str());
        r = cli({"lint", "--target", "zeebe", file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(contains(r.err, "camunda8[@VERSION]"), r.err.c_str());
        r = cli({"lint", "--target", "camunda8@9.1", file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(contains(r.err, "8.0 to 8.8"), r.err.c_str());
        r = cli({"lint", source("tests/cli/data/deploy/missing.bpmn")});
        QCOMPARE(r.exitCode, 2);
    }

    void exportWritesDeployableFiles()
    {
        TempDir tmp;
        for (const auto& f : examples()) {
            for (const std::string target : {"camunda8@8.6", "camunda7@7.21", "bpmn"}) {
                const std::string out = tmp.path(fs::path(f).stem().string() + "." + target + ".bpmn");
                auto r = cli({"export", f, "--target", target, "-o", out});
                QVERIFY2(r.exitCode == 0, (f + " " + target + "\n" + r.out + r.err).c_str());
                QVERIFY2(fs::exists(out), out.c_str());
                // What was written passes the same check, for the platform it now names.
                auto again = cli({"lint", "--strict", out});
                QVERIFY2(again.exitCode == 0, (out + "\n" + again.out).c_str());
                const std::string written = readAll(out);
                QVERIFY2(contains(written, "<bpmndi:BPMNDiagram"), out.c_str());
                if (target == "camunda7@7.21") {
                    QVERIFY2(contains(again.out, "checked for Camunda 7.21"), again.out.c_str());
                    QVERIFY2(!contains(written, "<zeebe:"), out.c_str());
                } else if (target == "bpmn") {
                    QVERIFY2(!contains(written, "executionPlatform"), out.c_str());
                }
            }
        }
    }

    void exportsAreSchemaValid()
    {
        RUNWAY_REQUIRE_CORPUS();
        if (!runway::test::haveProgram("xmllint"))
            QSKIP("xmllint is not installed (Debian package libxml2-utils)");
        TempDir tmp;
        for (const auto& f : examples())
            for (const std::string target : {"camunda8@8.6", "camunda7@7.21"}) {
                const std::string out = tmp.path(fs::path(f).stem().string() + "." + target + ".bpmn");
                QCOMPARE(cli({"export", f, "--target", target, "-o", out}).exitCode, 0);
                const auto problems = runway::test::xsdProblems(out, runway::test::corpusDir());
                QVERIFY2(problems.empty(), (out + "\n" + problems).c_str());
            }
    }

    void exportRefusesWhatTheEngineRejects()
    {
        TempDir tmp;
        const std::string out = tmp.path("out.bpmn");
        auto r = cli({"export", source("tests/cli/data/deploy/c8-task-type-missing.bpmn"), "-o", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!fs::exists(out), "a file was written for a model Zeebe rejects");
        QVERIFY2(contains(r.err, "[c8-task-type-missing]") && contains(r.err, "not written"), r.err.c_str());
        // A model without a diagram is refused too: Camunda's tools could not show it.
        const std::string noDi =
            tmp.file("no-di.bpmn", replaced(readAll(source("tests/cli/data/deploy/c8-task-type-missing.bpmn")),
                                            "<bpmn:serviceTask id=\"Task_NoType\">",
                                            "<bpmn:serviceTask id=\"Task_NoType\"><bpmn:extensionElements>"
                                            "<zeebe:taskDefinition type=\"w\" /></bpmn:extensionElements>"));
        r = cli({"export", noDi, "-o", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(contains(r.err, "[export-no-diagram]"), r.err.c_str());
        QVERIFY(!fs::exists(out));
        r = cli({"export", tmp.path("absent.bpmn"), "-o", out});
        QCOMPARE(r.exitCode, 2);
        r = cli({"export", examples().front(), "--target", "camunda8", "-o", tmp.path("no/such/dir/out.bpmn")});
        QCOMPARE(r.exitCode, 2);
        r = cli({"export", examples().front()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(contains(r.err, "-o OUT"), r.err.c_str());
    }

    void exportConvertsCamunda7ToCamunda8()
    {
        TempDir tmp;
        const std::string fixture = source("tests/cli/data/deploy/convert/c7-approval.bpmn");
        const std::string out = tmp.path("approval8.bpmn");
        // The Java class of Archive does not carry over: reported, and then refused.
        auto r = cli({"export", fixture, "--target", "camunda8@8.6", "-o", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(contains(r.out, "Conversion report for Camunda 8.6"), r.out.c_str());
        QVERIFY2(contains(r.out, "com.example.Archive") && contains(r.out, "[convert-dropped]"), r.out.c_str());
        QVERIFY2(contains(r.err, "'Task_Archive'") && contains(r.err, "[c8-task-type-missing]"), r.err.c_str());
        QVERIFY(!fs::exists(out));
        // With an external topic instead, everything maps.
        const std::string external =
            tmp.file("approval7.bpmn", replaced(readAll(fixture), "camunda:class=\"com.example.Archive\"",
                                                "camunda:type=\"external\" camunda:topic=\"archive\""));
        r = cli({"export", "--json", external, "--target", "camunda8", "-o", out});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).c_str());
        QVERIFY2(contains(r.out, "\"target\":\"camunda8@8.6\",\"written\":true"), r.out.c_str());
        QVERIFY2(contains(r.out, "\"code\":\"convert-approximated\""), r.out.c_str()); // the retry cycle
        const std::string written = readAll(out);
        QVERIFY2(contains(written, "=amount &gt; 1000 and not(approved)"), written.c_str());
        QVERIFY2(contains(written, "<zeebe:taskDefinition type=\"score-invoice\" retries=\"5\" />"), written.c_str());
        QVERIFY2(contains(written, "<zeebe:input source=\"=amount * 2\" target=\"limit\" />"), written.c_str());
        QVERIFY2(contains(written, "modeler:executionPlatform=\"Camunda Cloud\""), written.c_str());
        QVERIFY2(!contains(written, "camunda:topic") && !contains(written, "<camunda:"), written.c_str());
        // And back to Camunda 7: the conditions are JUEL again.
        const std::string back = tmp.path("approval77.bpmn");
        r = cli({"export", out, "--target", "camunda7", "-o", back});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).c_str());
        QVERIFY2(contains(readAll(back), "${amount &gt; 1000 &amp;&amp; !approved}"), readAll(back).c_str());
    }
};

RUNWAY_TEST_MAIN(TestExport, lintExamples, lintBrokenFixtures, lintJsonAndTarget, exportWritesDeployableFiles,
                 exportsAreSchemaValid, exportRefusesWhatTheEngineRejects, exportConvertsCamunda7ToCamunda8)
#ifndef RUNWAY_NO_QT
#include "tst_export.moc"
#endif
