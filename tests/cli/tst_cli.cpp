// runway-cli as a user runs it: exit codes, messages naming file and line, JSON output, and no
// output file (half-written or otherwise) after a failure.
#include "RunwayTest.h"
#include "tst_cli_fixtures.h"
#include "RunProcess.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
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
        char tmpl[] = "/tmp/runway-cli-test-XXXXXX";
        m_path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string file(const std::string& name, const std::string& content) const
    {
        const std::string p = m_path + "/" + name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
    std::string path(const std::string& name) const { return m_path + "/" + name; }
    std::vector<std::string> entries() const
    {
        std::vector<std::string> v;
        for (const auto& e : fs::directory_iterator(m_path))
            v.push_back(e.path().filename().string());
        std::sort(v.begin(), v.end());
        return v;
    }

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

/// The inputs nobody can read, each with what the message must say.
std::vector<std::pair<std::string, std::string>> badInputs()
{
    std::string truncated = kGood;
    truncated.resize(truncated.find("<bpmn:endEvent") + 12);
    std::string deep = "<?xml version=\"1.0\"?>\n";
    for (int i = 0; i < 100000; ++i)
        deep += "<a>";
    return {
        {"", "empty"},
        {truncated, ":5: error:"}, // the file ends inside line 5
        {std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 13), "binary"},
        {"<?xml version=\"1.0\"?>\n<html><body/></html>", "not a BPMN 2.0 file"},
        {deep, "nested"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<x>&b;</x>",
         "DOCTYPE"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/x.dtd\">\n<x/>", "DOCTYPE"},
    };
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void helpAndUsage()
    {
        auto r = cli({"--help"});
        QCOMPARE(r.exitCode, 0);
        for (const char* cmd : {"validate", "convert", "info"}) {
            QVERIFY2(contains(r.out, cmd), r.out.c_str());
            auto h = cli({cmd, "--help"});
            QCOMPARE(h.exitCode, 0);
            QVERIFY2(contains(h.out, std::string("Usage: runway-cli ") + cmd), h.out.c_str());
            QVERIFY(contains(h.out, "--json"));
            QVERIFY(contains(h.out, "Exit codes"));
        }
        auto unknown = cli({"frobnicate"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(contains(unknown.err, "unknown command"));
        auto noFile = cli({"validate"});
        QCOMPARE(noFile.exitCode, 2);
        auto badFlag = cli({"info", "--colour", "x.bpmn"});
        QCOMPARE(badFlag.exitCode, 2);
        QVERIFY(contains(badFlag.err, "--colour"));
    }

    void validateGoodAndBad()
    {
        TempDir dir;
        const auto good = dir.file("good.bpmn", kGood);
        auto ok = cli({"validate", good});
        QVERIFY2(ok.exitCode == 0, (ok.out + ok.err).c_str());
        QVERIFY(contains(ok.out, "0 errors"));

        std::string dup = kGood;
        dup.replace(dup.find("id=\"E\""), 6, "id=\"S\"");
        const auto bad = dir.file("dup.bpmn", dup);
        auto r = cli({"validate", bad});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(contains(r.out, bad + ":5: error:"), r.out.c_str());

        auto json = cli({"validate", "--json", good, bad});
        QCOMPARE(json.exitCode, 1);
        QVERIFY2(json.out.front() == '{' && contains(json.out, "\"errors\":"), json.out.c_str());
        QVERIFY(contains(json.out, "\"file\":\"" + bad + "\""));
        QVERIFY(contains(json.out, "\"line\":5"));
#ifndef RUNWAY_NO_QT
        QJsonParseError pe;
        const auto parsed = QJsonDocument::fromJson(QByteArray::fromStdString(json.out), &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        QCOMPARE(parsed.object().value("files").toArray().size(), 2);
        QVERIFY(parsed.object().value("errors").toInt() >= 1);
#endif
    }

    void unreadableInputsExitTwoWithFileAndLine()
    {
        TempDir dir;
        int n = 0;
        for (const auto& [content, expected] : badInputs()) {
            const auto f = dir.file("bad" + std::to_string(n++) + ".bpmn", content);
            for (const char* cmd : {"validate", "info"}) {
                auto r = cli({cmd, f});
                QVERIFY2(r.exitCode == 2, (std::string(cmd) + " " + expected + ": exit " + std::to_string(r.exitCode)).c_str());
                const std::string all = r.out + r.err;
                QVERIFY2(contains(all, f + ":"), all.c_str());
                QVERIFY2(contains(all, expected), (expected + " not in: " + all).c_str());
            }
        }
        auto missing = cli({"info", dir.path("nope.bpmn")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(contains(missing.err, "cannot open"));
    }

    void convertWritesOrLeavesNothing()
    {
        TempDir dir;
        const auto good = dir.file("good.bpmn", kGood);
        const auto out = dir.path("out.bpmn");
        auto r = cli({"convert", good, "-o", out});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const std::string written = readAll(out);
        QVERIFY(contains(written, "<bpmn:startEvent id=\"S\">"));
        // Converting the output again gives the same bytes.
        auto again = cli({"convert", out, "--output", dir.path("out2.bpmn")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(readAll(dir.path("out2.bpmn")), written);

        // A failed conversion writes nothing, and leaves an existing target as it was.
        int n = 0;
        for (const auto& [content, expected] : badInputs()) {
            const auto bad = dir.file("bad" + std::to_string(n) + ".bpmn", content);
            const auto fresh = dir.path("fresh" + std::to_string(n++) + ".bpmn");
            auto f = cli({"convert", bad, "-o", fresh});
            QCOMPARE(f.exitCode, 2);
            QVERIFY(!fs::exists(fresh));
            auto g = cli({"convert", bad, "-o", out});
            QCOMPARE(g.exitCode, 2);
            QCOMPARE(readAll(out), written);
        }
        // An output that cannot be written: exit 2 with the reason, nothing left behind.
        auto w = cli({"convert", good, "-o", dir.path("no/such/dir/x.bpmn")});
        QCOMPARE(w.exitCode, 2);
        QVERIFY2(contains(w.err, "cannot"), w.err.c_str());
        for (const auto& e : dir.entries())
            QVERIFY2(e.front() != '.', ("temporary file left behind: " + e).c_str());
    }

    void infoCountsAndJson()
    {
        TempDir dir;
        const auto good = dir.file("good.bpmn", kGood);
        auto r = cli({"info", "--json", good});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(contains(r.out, "\"startEvent\":1"), r.out.c_str());
        QVERIFY(contains(r.out, "\"endEvent\":1"));
        QVERIFY(contains(r.out, "\"sequenceFlow\":1"));
        QVERIFY(contains(r.out, "\"shapes\":2"));
        QVERIFY(contains(r.out, "\"edges\":1"));
        QVERIFY(contains(r.out, "\"diagrams\":1"));
        auto text = cli({"info", good});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(contains(text.out, "shapes: 2, edges: 1"));
    }
};

RUNWAY_TEST_MAIN(TestCli, helpAndUsage, validateGoodAndBad, unreadableInputsExitTwoWithFileAndLine,
                 convertWritesOrLeavesNothing, infoCountsAndJson)
#ifndef RUNWAY_NO_QT
#include "tst_cli.moc"
#endif
