// Camunda's own linter (tools/lint/judge.mjs: bpmnlint with the camunda-compat rules and the
// zeebe/camunda moddle descriptors Camunda Modeler uses) judges files whose engine settings Runway
// wrote through core::modeling::writePlatformField: every field of every element of the examples,
// for Camunda 8.6 and for Camunda 7.21. A misnamed element or attribute would be an import
// warning, which the judge counts as an error; there must be none. Skipped without Node.js or the
// npm registry, except in CI (CI=true), where it fails.
#include "Judge.h"
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
namespace fs = std::filesystem;

namespace {

using runway::test::judge::source;

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
        REQUIRE_LINTER();
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
        const auto verdict = runway::test::judge::verdict(files);
        QVERIFY2(verdict.contains("files") && verdict["files"].size() == files.size(), verdict.dump(1).c_str());
        for (const auto& f : verdict["files"])
            QVERIFY2(f["errors"].empty(), f.dump(1).c_str());
        fs::remove_all(dir);
    }
};

RUNWAY_TEST_MAIN(TestPlatformFieldsJudge, camundaLinterReadsEveryWrittenField)
#ifndef RUNWAY_NO_QT
#include "tst_platform_fields_judge.moc"
#endif
