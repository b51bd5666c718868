// Every file of the corpus that real tools and engines wrote loads: schema-invalid ones with
// warnings, the broken ones with a clear error, and none crashes.
#include "RunwayTest.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Validator.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace runway::core;
using runway::test::corpusDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> bpmnFilesIn(const std::string& dir)
{
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && (e.path().extension() == ".bpmn" || e.path().extension() == ".bpmn2"))
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

class TestCorpusLoad : public QObject {
    Q_OBJECT
private slots:
    void everyCorpusFileLoadsOrFailsClearly()
    {
        RUNWAY_REQUIRE_CORPUS();
        // The two files nobody can read as BPMN 2.0, and why.
        const std::map<std::string, std::string> broken = {
            {"GenMyModel_0.47/C.1.0-roundtrip.bpmn", "encoding"},       // Latin-1 bytes in a UTF-8 file
            {"bpmn-engine/resources/service-task-operation.bpmn", "not-bpmn"}, // pre-standard namespace
        };
        int loaded = 0, failed = 0;
        for (const char* dir : {"miwg/reference", "miwg/tools", "token-simulation/diagrams", "bpmn-engine/resources",
                                "bpmn-engine/inline-from-features", "bpsim/examples", "qbp/examples"}) {
            const auto files = bpmnFilesIn(corpusDir() + "/" + dir);
            QVERIFY2(!files.empty(), dir);
            for (const auto& file : files) {
                auto r = BpmnReader::readFile(file);
                std::string expectedError;
                for (const auto& [tail, code] : broken)
                    if (endsWith(file, tail))
                        expectedError = code;
                if (expectedError.empty()) {
                    QVERIFY2(r.ok(), (r.diagnostics.empty() ? file : r.diagnostics.front().format()).c_str());
                    for (const auto& d : r.diagnostics)
                        QVERIFY2(!d.isError(), d.format().c_str());
                    // Validation runs on everything that loads, without crashing.
                    (void)Validator::validate(*r.document);
                    ++loaded;
                } else {
                    QVERIFY2(!r.ok(), file.c_str());
                    QCOMPARE(r.diagnostics.size(), std::size_t(1));
                    const auto& d = r.diagnostics.front();
                    QCOMPARE(d.code, expectedError);
                    QCOMPARE(d.file, file);
                    QVERIFY(d.line > 0);
                    QVERIFY(d.message.size() > 40); // says what to do, not just "error"
                    ++failed;
                }
            }
        }
        QCOMPARE(failed, 2);
        QVERIFY(loaded >= 190);
    }

    void schemaInvalidToolFilesLoadWithWarnings()
    {
        RUNWAY_REQUIRE_CORPUS();
        // The MIWG tool exports that xmllint rejects (see miwg/tools/MANIFEST.json), and what
        // Runway says about each while still loading it.
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"SAP_Signavio_Process_Manager_19.9.0/B.2.0-roundtrip.bpmn", "duplicate-id"},
            {"Cardanit_prev._BeePMN_4.9.1/C.8.1-roundtrip.bpmn", "schema-order"},
            {"GenMyModel_0.47/C.2.0-roundtrip.bpmn", "missing-attribute"},
            {"Modelio_3.5/C.1.0-roundtrip.bpmn", "missing-attribute"},
        };
        for (const auto& [file, code] : cases) {
            auto r = BpmnReader::readFile(corpusDir() + "/miwg/tools/" + file);
            QVERIFY2(r.ok(), file.c_str());
            Diagnostics all = r.diagnostics;
            auto v = Validator::validate(*r.document);
            all.insert(all.end(), v.begin(), v.end());
            const bool found = std::any_of(all.begin(), all.end(), [&](const Diagnostic& d) { return d.code == code; });
            QVERIFY2(found, (file + " should report " + code).c_str());
        }
    }
};

RUNWAY_TEST_MAIN(TestCorpusLoad, everyCorpusFileLoadsOrFailsClearly, schemaInvalidToolFilesLoadWithWarnings)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_load.moc"
#endif
