// The validator against files written by others: the MIWG reference models are valid and must give
// no error (their warnings are printed); every other corpus file must validate without crashing,
// and the real problems known in some of them must be found.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/Validator.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace runway::core;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> bpmnFilesUnder(const fs::path& dir)
{
    std::vector<std::string> files;
    if (!fs::is_directory(dir))
        return files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        const auto ext = entry.path().extension().string();
        if (ext == ".bpmn" || ext == ".bpmn2")
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool isUnder(const std::string& file, const fs::path& dir)
{
    const auto rel = fs::path(file).lexically_relative(dir).string();
    return !rel.empty() && rel.rfind("..", 0) != 0;
}

struct Checked {
    bool read = false;
    Diagnostics diagnostics;
};

Checked check(const std::string& file)
{
    Checked c;
    auto r = BpmnReader::readFile(file);
    if (!r.ok())
        return c;
    c.read = true;
    c.diagnostics = Validator::validate(*r.document);
    return c;
}

bool has(const Diagnostics& ds, const std::string& code, const std::string& elementId)
{
    return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) {
        return d.code == code && (elementId.empty() || d.elementId == elementId);
    });
}

} // namespace

class TestCorpusValidator : public QObject {
    Q_OBJECT

private slots:
    void referenceModelsHaveNoErrors()
    {
        RUNWAY_REQUIRE_CORPUS();
        const fs::path dir = fs::path(runway::test::corpusDir()) / "miwg" / "reference";
        const auto files = bpmnFilesUnder(dir);
        QVERIFY2(files.size() >= 21, ("expected the 21 MIWG reference models in " + dir.string()).c_str());
        std::string errors;
        int warnings = 0;
        for (const auto& file : files) {
            const auto c = check(file);
            QVERIFY2(c.read, ("cannot read the reference model " + file).c_str());
            for (const auto& d : c.diagnostics) {
                if (d.isError()) {
                    errors += "\n  " + d.format();
                } else {
                    ++warnings;
                    std::printf("  %s\n", d.format().c_str());
                }
            }
        }
        std::printf("%zu reference models: %d warnings\n", files.size(), warnings);
        QVERIFY2(errors.empty(), ("valid reference models gave errors:" + errors).c_str());
    }

    void referenceModelWarningsAreTheKnownOnes()
    {
        RUNWAY_REQUIRE_CORPUS();
        const fs::path dir = fs::path(runway::test::corpusDir()) / "miwg" / "reference";
        // B.1.0 holds a second process that no diagram shows, and an empty timeDate.
        auto b10 = check((dir / "B.1.0.bpmn").string());
        QVERIFY(b10.read);
        QVERIFY(has(b10.diagnostics, "di-missing", "WFP-0-"));
        QVERIFY(has(b10.diagnostics, "timer-empty", ""));
        // C.9.0 calls a process deployed separately: a warning, not an error.
        auto c90 = check((dir / "C.9.0.bpmn").string());
        QVERIFY(c90.read);
        QVERIFY(has(c90.diagnostics, "called-element-unknown", "Activity_ManualCheck"));
        // C.9.1's timers (R6/P1D, P7D) are read as valid.
        auto c91 = check((dir / "C.9.1.bpmn").string());
        QVERIFY(c91.read);
        QVERIFY(!has(c91.diagnostics, "timer-invalid", ""));
        QVERIFY(!has(c91.diagnostics, "timer-empty", ""));
    }

    void everyOtherCorpusFileValidates()
    {
        RUNWAY_REQUIRE_CORPUS();
        const fs::path root(runway::test::corpusDir());
        const fs::path reference = root / "miwg" / "reference";
        const auto files = bpmnFilesUnder(root);
        std::size_t validated = 0, unreadable = 0;
        std::map<std::string, int> byCode;
        for (const auto& file : files) {
            if (isUnder(file, reference))
                continue;
            const auto c = check(file);
            if (!c.read) {
                ++unreadable;
                continue;
            }
            ++validated;
            for (const auto& d : c.diagnostics) {
                ++byCode[d.code + (d.isError() ? " (error)" : " (warning)")];
                QVERIFY2(d.file == file, d.format().c_str());
                QVERIFY2(d.line > 0, d.format().c_str());
                QVERIFY2(!d.code.empty() && !d.message.empty(), d.format().c_str());
            }
        }
        std::printf("%zu corpus files validated, %zu not readable as BPMN\n", validated, unreadable);
        for (const auto& [code, n] : byCode)
            std::printf("  %5d  %s\n", n, code.c_str());
        QVERIFY2(validated >= 100, ("only " + std::to_string(validated) + " corpus files could be validated").c_str());
    }

    void knownProblemsAreFound()
    {
        RUNWAY_REQUIRE_CORPUS();
        const fs::path root(runway::test::corpusDir());
        struct Case {
            const char* file;
            const char* code;
            const char* elementId;
        };
        // Real defects in real files (see docs/validation.md).
        const Case cases[] = {
            // bpmn-engine's timer feature: an impossible date, and a negative repeat count
            {"bpmn-engine/inline-from-features/timers--2.bpmn", "timer-invalid", "bound-timer-2"},
            {"bpmn-engine/inline-from-features/timers--3.bpmn", "timer-invalid", "bound-timer-2"},
            // Signavio put the boundary events in a process of their own, away from their activities,
            // and gave that process the id of a global task
            {"miwg/tools/SAP_Signavio_Process_Manager_19.9.0/B.2.0-roundtrip.bpmn", "boundary-attach-invalid",
             "_5a6baa94-303a-4750-bde2-e1cd6edace37"},
            {"miwg/tools/SAP_Signavio_Process_Manager_19.9.0/B.2.0-roundtrip.bpmn", "sequence-flow-crosses-boundary",
             "_e59dbf35-3f4e-4701-bc2a-75e32cbaa732"},
            {"miwg/tools/SAP_Signavio_Process_Manager_19.9.0/B.2.0-roundtrip.bpmn", "duplicate-id",
             "Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450"},
            // Visual Paradigm declared boundary events inside the sub-process they are attached to
            {"miwg/tools/Visual_Paradigm_11.1/A.3.0-roundtrip.bpmn", "boundary-attach-invalid",
             "_1ae31d1b_2559_4f78_a3ec_47986a49db48__428dcbf5_8e5e_48e0_9c0c_d93003fa8c82"},
            // iGrafx wrote the diagram but no process: every shape draws nothing
            {"miwg/tools/iGrafx_Process_2013_for_Six_Sigma_15.0.4.1565/B.2.0-roundtrip.bpmn", "di-element-unknown", ""},
            // Cardanit dropped most sequence flows, leaving gateway defaults dangling
            {"miwg/tools/Cardanit_prev._BeePMN_4.9.1/C.8.1-roundtrip.bpmn", "default-flow-invalid",
             "_42367c5f-d084-44ee-90c7-960d1ab02a3b"},
            // ADONIS lost two messages its message events refer to
            {"miwg/tools/ADONIS_17.0/C.3.0-roundtrip.bpmn", "definition-ref-unknown",
             "Bpmn_MessageEventDefinition_vaRFsAO9EeWi8fS3WiOizw"},
        };
        for (const auto& k : cases) {
            const auto path = (root / k.file).string();
            const auto c = check(path);
            QVERIFY2(c.read, ("cannot read " + path).c_str());
            std::string all;
            for (const auto& d : c.diagnostics)
                if (d.code == k.code)
                    all += "\n  " + d.format();
            QVERIFY2(has(c.diagnostics, k.code, k.elementId),
                     (std::string(k.file) + ": expected " + k.code + " for '" + k.elementId +
                      "', got:" + (all.empty() ? std::string(" nothing") : all))
                         .c_str());
        }
    }
};

RUNWAY_TEST_MAIN(TestCorpusValidator, referenceModelsHaveNoErrors, referenceModelWarningsAreTheKnownOnes,
                 everyOtherCorpusFileValidates, knownProblemsAreFound)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_validator.moc"
#endif
