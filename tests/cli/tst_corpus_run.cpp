// Every process in the corpus, written by other tools and engines, runs in the engine without a
// crash or a hang: it completes, waits, or stops with an incident that says why.
#include "RunwayTest.h"
#include "RunProcess.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using runway::test::cliPath;
using runway::test::corpusDir;
using runway::test::runProcess;
namespace fs = std::filesystem;

class TestCorpusRun : public QObject {
    Q_OBJECT
private slots:
    void everyCorpusProcessRunsSafely()
    {
        RUNWAY_REQUIRE_CORPUS();
        std::vector<std::string> files;
        for (const auto& e : fs::recursive_directory_iterator(corpusDir()))
            if (e.is_regular_file() && (e.path().extension() == ".bpmn" || e.path().extension() == ".bpmn2"))
                files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        QVERIFY(files.size() >= 200);
        int completed = 0;
        for (const auto& f : files) {
            auto r = runProcess({cliPath(), "run", f, "--instances", "3", "--seed", "11", "--json"});
            // 0: ran; 1: incidents (reported); 2: unreadable or nothing runnable. Anything else is
            // a crash (a signal gives -1 here).
            QVERIFY2(r.exitCode >= 0 && r.exitCode <= 2, (f + ": exit " + std::to_string(r.exitCode) + "\n" + r.err).c_str());
            if (r.exitCode == 0 && r.out.find("\"endedAt\":{}") == std::string::npos)
                ++completed;
        }
        std::printf("corpus: %d of %zu files ran to an end event\n", completed, files.size());
        QVERIFY(completed >= 100);
    }
};

RUNWAY_TEST_MAIN(TestCorpusRun, everyCorpusProcessRunsSafely)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_run.moc"
#endif
