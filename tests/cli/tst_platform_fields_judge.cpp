// Camunda's own linter (tools/lint/judge.mjs: bpmnlint with the camunda-compat rules and the
// zeebe/camunda moddle descriptors Camunda Modeler uses) judges files whose engine settings Runway
// wrote through core::modeling::writePlatformField: every field of every element of the examples,
// for Camunda 8.6 and for Camunda 7.21. A misnamed element or attribute would be an import
// warning, which the judge counts as an error; there must be none. Skipped without Node.js or the
// npm registry, except in CI (CI=true), where it fails.
#include "RunProcess.h"
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/modeling/PlatformFields.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::modeling;
using runway::test::runProcess;
namespace fs = std::filesystem;

namespace {

std::string source(const std::string& relative)
{
    return std::string(RUNWAY_SOURCE_DIR) + "/" + relative;
}

bool inCi()
{
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

std::string modulesDir()
{
    return (fs::current_path() / "npm-lint").string();
}

/// Installs the linter if needed (tools/lint/ensure.sh); empty when it is ready, else why not.
std::string ensureLinter()
{
    if (!runway::test::haveProgram("node") || !runway::test::haveProgram("npm"))
        return "Node.js or npm is not installed (make deps installs them)";
    auto r = runProcess({"bash", source("tools/lint/ensure.sh"), modulesDir()});
    while (!r.out.empty() && (r.out.back() == '\n' || r.out.back() == '\r'))
        r.out.pop_back();
    if (r.exitCode != 0 || r.out != "yes")
        return "Camunda's linter could not be installed: " + (r.out.empty() ? r.err : r.out);
    return {};
}

/// A deployable value of the field's kind, particular to the element.
FieldValue deployableValue(const FieldSpec& f, const std::string& id)
{
    FieldValue v;
    switch (f.kind) {
    case FieldKind::Text: v.text = "v-" + id; break;
    case FieldKind::Feel: v.text = "=variable_" + std::to_string(id.size()); break;
    case FieldKind::Integer: v.text = "3"; break;
    case FieldKind::Bool: v.text = f.defaultValue == "true" ? "false" : "true"; break;
    case FieldKind::Choice: v.text = "external"; break;
    case FieldKind::KeyValueList:
        if (f.key == "executionListeners")
            v.rows = {{"start", "audit-" + id}};
        else if (f.key == "c7.inputs" || f.key == "c7.outputs")
            v.rows = {{"value", "${amount}"}};
        else
            v.rows = {{"value", "=amount + 1"}};
        break;
    }
    return v;
}

} // namespace

class TestPlatformFieldsJudge : public QObject {
    Q_OBJECT

private slots:
    void camundaLinterReadsEveryWrittenField()
    {
        if (const std::string why = ensureLinter(); !why.empty()) {
            if (inCi())
                QFAIL(("CI=true, so the judge must run, but " + why).c_str());
            QSKIP(why.c_str());
        }
        char tmpl[] = "/tmp/runway-fields-judge-XXXXXX";
        const std::string dir = ::mkdtemp(tmpl);
        std::vector<std::string> files;
        int written = 0;
        for (const auto& platform : {deploy::Platform::camunda8(6), deploy::Platform::camunda7(21)}) {
            for (const auto& entry : fs::directory_iterator(source("resources/examples"))) {
                if (entry.path().extension() != ".bpmn")
                    continue;
                auto r = BpmnReader::readFile(entry.path().string());
                QVERIFY2(r.document, entry.path().c_str());
                Document& doc = *r.document;
                Modeling m(doc);
                QVERIFY(setExecutionPlatform(m, platform).ok());
                for (Element* e : doc.allElements()) {
                    const std::string id(e->id());
                    for (const FieldSpec* f : platformFields(e, platform.engine)) {
                        // A user task takes one kind of form: the linked form (formId) here.
                        if (f->key == "formKey")
                            continue;
                        Edit edit = writePlatformField(m, e, f->key, deployableValue(*f, id));
                        if (!edit.ok() && f->key == "correlationKey")
                            continue; // the element references no message: refused, as documented
                        QVERIFY2(edit.ok(), (id + " " + std::string(f->key) + ": " + edit.error).c_str());
                        ++written;
                    }
                }
                const std::string out =
                    dir + "/" + platform.target().substr(0, 8) + "-" + entry.path().filename().string();
                std::string error;
                QVERIFY2(BpmnWriter::saveFile(doc, out, &error), error.c_str());
                files.push_back(out);
            }
        }
        QVERIFY(written > 50);
        std::vector<std::string> argv{"node", source("tools/lint/judge.mjs"), modulesDir()};
        argv.insert(argv.end(), files.begin(), files.end());
        const auto r = runProcess(argv);
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto verdict = nlohmann::json::parse(r.out, nullptr, false);
        QVERIFY2(verdict.contains("files") && verdict["files"].size() == files.size(), r.out.c_str());
        for (const auto& f : verdict["files"])
            QVERIFY2(f["errors"].empty(), f.dump(1).c_str());
        fs::remove_all(dir);
    }
};

RUNWAY_TEST_MAIN(TestPlatformFieldsJudge, camundaLinterReadsEveryWrittenField)
#ifndef RUNWAY_NO_QT
#include "tst_platform_fields_judge.moc"
#endif
