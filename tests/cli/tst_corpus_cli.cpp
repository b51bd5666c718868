// runway-cli over the corpus: converting every MIWG reference model keeps `info --json` the same
// and gives schema-valid files; the corpus's broken files exit 2 naming file and line.
#include "RunwayTest.h"
#include "RunProcess.h"

#include <algorithm>
#include <filesystem>
#include <string>

using runway::test::cliPath;
using runway::test::corpusDir;
using runway::test::runProcess;
namespace fs = std::filesystem;

class TestCorpusCli : public QObject {
    Q_OBJECT
private slots:
    void convertKeepsInfo()
    {
        RUNWAY_REQUIRE_CORPUS();
        const fs::path tmp = fs::temp_directory_path() / ("runway-corpus-cli-" + std::to_string(::getpid()));
        fs::create_directories(tmp);
        int n = 0;
        for (const auto& e : fs::directory_iterator(corpusDir() + "/miwg/reference")) {
            if (e.path().extension() != ".bpmn")
                continue;
            const std::string in = e.path().string();
            const std::string out = (tmp / e.path().filename()).string();
            auto c = runProcess({cliPath(), "convert", in, "-o", out});
            QVERIFY2(c.exitCode == 0, (in + ": " + c.err).c_str());
            auto a = runProcess({cliPath(), "info", "--json", in});
            auto b = runProcess({cliPath(), "info", "--json", out});
            QCOMPARE(a.exitCode, 0);
            QCOMPARE(b.exitCode, 0);
            // Same counts; only the "file" member differs.
            auto strip = [](std::string s) { return s.substr(s.find("\"elements\"")); };
            QCOMPARE(strip(b.out), strip(a.out));
            const std::string verdict = runway::test::xsdProblems(out, corpusDir());
            QVERIFY2(verdict.empty(), verdict.c_str());
            ++n;
        }
        QCOMPARE(n, 21);
        fs::remove_all(tmp);
    }

    void corpusBrokenFilesExitTwo()
    {
        RUNWAY_REQUIRE_CORPUS();
        for (const char* f : {"/miwg/tools/GenMyModel_0.47/C.1.0-roundtrip.bpmn",
                              "/bpmn-engine/resources/service-task-operation.bpmn"}) {
            const std::string file = corpusDir() + f;
            auto r = runProcess({cliPath(), "validate", file});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.out.find(file + ":") != std::string::npos, r.out.c_str());
            const auto out = fs::temp_directory_path() / "runway-never-written.bpmn";
            fs::remove(out);
            auto c = runProcess({cliPath(), "convert", file, "-o", out.string()});
            QCOMPARE(c.exitCode, 2);
            QVERIFY(!fs::exists(out));
        }
    }
};

RUNWAY_TEST_MAIN(TestCorpusCli, convertKeepsInfo, corpusBrokenFilesExitTwo)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_cli.moc"
#endif
