// Platform fields (runway::core::modeling, PlatformFields.h): every Camunda 8 and Camunda 7 field
// of every element kind is written, read back, saved and read again unchanged, and cleared back to
// the original bytes; the written XML is what Camunda Modeler writes; setting a field fixes the
// deployability problem it is about; values in files exported by Camunda Modeler are read.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/deploy/Deployability.h"
#include "runway/core/modeling/PlatformFields.h"
#include "tst_modeling_support.h"
#include "tst_platform_fields_fixtures.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <tuple>

using namespace runway::core;
using namespace runway::core::modeling;
using deploy::Engine;

namespace {

std::unique_ptr<Document> readXml(const std::string& xml)
{
    auto r = BpmnReader::readBytes(xml, "test.bpmn");
    return std::move(r.document);
}

FieldValue text(std::string s)
{
    FieldValue v;
    v.text = std::move(s);
    return v;
}

/// A value of the field's kind, different from its default and particular to the field.
FieldValue sampleValue(const FieldSpec& f)
{
    FieldValue v;
    const std::string key(f.key);
    switch (f.kind) {
    case FieldKind::Text: v.text = "v_" + key; break;
    case FieldKind::Feel: v.text = "=x_" + key.substr(key.find('.') + 1); break;
    case FieldKind::Integer: v.text = "7"; break;
    case FieldKind::Bool: v.text = f.defaultValue == "true" ? "false" : "true"; break;
    case FieldKind::Choice: v.text = "external"; break;
    case FieldKind::KeyValueList: v.rows = {{"a_" + key, "=1"}, {"b", "two words"}}; break;
    }
    return v;
}

bool hasProblem(const Document& doc, const std::string& code, const std::string& element)
{
    const auto ds = deploy::checkDeployable(doc, deploy::Platform::ofDocument(doc));
    return std::any_of(ds.begin(), ds.end(),
                       [&](const Diagnostic& d) { return d.code == code && d.elementId == element; });
}

std::string keysOf(const std::vector<const FieldSpec*>& fields)
{
    std::string s;
    for (const auto* f : fields)
        s += std::string(s.empty() ? "" : " ") + std::string(f->key);
    return s;
}

} // namespace

class TestPlatformFields : public QObject {
    Q_OBJECT

private slots:
    void fieldsPerElementKind()
    {
        auto doc = readXml(platformModel("Camunda Cloud", everyKindBody()));
        QVERIFY(doc);
        auto keys = [&](const char* id, Engine engine) { return keysOf(platformFields(doc->findById(id), engine)); };
        QCOMPARE(keys("ServiceTask_1", Engine::Camunda8),
                 std::string("taskType retries inputs outputs headers executionListeners"));
        QCOMPARE(
            keys("UserTask_1", Engine::Camunda8),
            std::string("assignee candidateGroups candidateUsers formId formKey inputs outputs executionListeners"));
        QCOMPARE(keys("ScriptTask_1", Engine::Camunda8),
                 std::string("taskType retries scriptExpression scriptResultVariable inputs outputs headers "
                             "executionListeners"));
        QCOMPARE(keys("RuleTask_1", Engine::Camunda8),
                 std::string("taskType retries decisionId decisionResultVariable inputs outputs headers "
                             "executionListeners"));
        QCOMPARE(keys("CallActivity_1", Engine::Camunda8),
                 std::string("calledProcess propagateAllChildVariables inputs outputs executionListeners"));
        QCOMPARE(keys("CatchEvent_1", Engine::Camunda8), std::string("correlationKey outputs executionListeners"));
        QCOMPARE(keys("ReceiveTask_1", Engine::Camunda8),
                 std::string("correlationKey inputs outputs executionListeners"));
        QCOMPARE(keys("MiTask_1", Engine::Camunda8),
                 std::string("taskType retries inputCollection inputElement outputCollection outputElement inputs "
                             "outputs headers executionListeners"));
        QCOMPARE(keys("Process_1", Engine::Camunda8), std::string("executionListeners"));
        QCOMPARE(keys("ServiceTask_1", Engine::Camunda7),
                 std::string("c7.implementation c7.implementationValue c7.asyncBefore c7.asyncAfter "
                             "c7.retryTimeCycle c7.inputs c7.outputs"));
        QCOMPARE(keys("UserTask_1", Engine::Camunda7),
                 std::string("c7.assignee c7.candidateUsers c7.candidateGroups c7.formKey c7.asyncBefore "
                             "c7.asyncAfter c7.retryTimeCycle c7.inputs c7.outputs"));
        QCOMPARE(keys("StartEvent_1", Engine::Camunda7),
                 std::string("c7.formKey c7.asyncBefore c7.asyncAfter c7.retryTimeCycle"));
        QCOMPARE(keys("Process_1", Engine::Camunda7), std::string("c7.historyTimeToLive"));
        QCOMPARE(keys("Gateway_1", Engine::Camunda7), std::string("c7.asyncBefore c7.asyncAfter"));
        QVERIFY(platformFields(doc->findById("ServiceTask_1"), Engine::Bpmn).empty());
        QVERIFY(platformFields(doc->findById("Message_1"), Engine::Camunda8).empty());
        // Every field has a label, a storage note and, for lists, column headings.
        for (const char* key : {"taskType", "inputs", "c7.implementation", "c7.historyTimeToLive"}) {
            const FieldSpec* f = platformField(key);
            QVERIFY2(f && !f->label.empty() && !f->storage.empty(), key);
            if (f->kind == FieldKind::KeyValueList)
                QVERIFY(!f->keyLabel.empty() && !f->valueLabel.empty());
        }
        QCOMPARE(platformField("c7.implementation")->choices.size(), std::size_t(5));
        QVERIFY(platformField("nonsense") == nullptr);
    }

    // Each field of each element: written (one edit that undoes and redoes byte for byte, keeps
    // the file schema-valid), read back, saved and read again, then cleared to the original bytes.
    void everyFieldWrittenReadAndCleared()
    {
        for (const auto& [platform, engine] :
             {std::pair{std::string("Camunda Cloud"), Engine::Camunda8}, {"Camunda Platform", Engine::Camunda7}}) {
            auto doc = readXml(platformModel(platform, everyKindBody()));
            QVERIFY(doc);
            Modeling m(*doc);
            const std::string original = BpmnWriter::toString(*doc);
            std::set<std::string> covered;
            for (Element* e : doc->allElements()) {
                const auto fields = platformFields(e, engine);
                if (fields.empty())
                    continue;
                const std::string id(e->id());
                for (const FieldSpec* f : fields) {
                    const std::string what = id + " " + std::string(f->key);
                    const FieldValue v = sampleValue(*f);
                    const std::string before = BpmnWriter::toString(*doc);
                    Edit edit = writePlatformField(m, e, f->key, v);
                    QVERIFY2(edit.ok(), (what + ": " + edit.error).c_str());
                    CHECK_EDIT(*doc, edit, before);
                    QVERIFY2(readPlatformField(*doc, e, f->key) == v, what.c_str());
                    // The same value again changes nothing (no empty undo step).
                    Edit again = writePlatformField(m, e, f->key, v);
                    QVERIFY2(again.ok() && again.changes.empty(), what.c_str());
                    covered.insert(std::string(f->key));
                }
                // Saved and read again: the same values, the same bytes.
                const std::string saved = BpmnWriter::toString(*doc);
                auto reread = readXml(saved);
                QVERIFY(reread);
                QCOMPARE(BpmnWriter::toString(*reread), saved);
                for (const FieldSpec* f : fields)
                    QVERIFY2(readPlatformField(*reread, reread->findById(id), f->key) == sampleValue(*f),
                             (id + " " + std::string(f->key) + " after a round trip").c_str());
                // Cleared, last first: the containers go with the last value.
                for (auto it = fields.rbegin(); it != fields.rend(); ++it) {
                    Edit edit = writePlatformField(m, e, (*it)->key, FieldValue{});
                    QVERIFY2(edit.ok(), edit.error.c_str());
                }
                QVERIFY2(
                    BpmnWriter::toString(*doc) == original,
                    (id + ": clearing every field does not give the original file back:\n" + BpmnWriter::toString(*doc))
                        .c_str());
            }
            const std::set<std::string> expected =
                engine == Engine::Camunda8 ? std::set<std::string>{"taskType",         "retries",
                                                                   "calledProcess",    "propagateAllChildVariables",
                                                                   "decisionId",       "decisionResultVariable",
                                                                   "scriptExpression", "scriptResultVariable",
                                                                   "assignee",         "candidateGroups",
                                                                   "candidateUsers",   "formId",
                                                                   "formKey",          "correlationKey",
                                                                   "inputCollection",  "inputElement",
                                                                   "outputCollection", "outputElement",
                                                                   "inputs",           "outputs",
                                                                   "headers",          "executionListeners"}
                                           : std::set<std::string>{"c7.implementation",  "c7.implementationValue",
                                                                   "c7.assignee",        "c7.candidateUsers",
                                                                   "c7.candidateGroups", "c7.formKey",
                                                                   "c7.asyncBefore",     "c7.asyncAfter",
                                                                   "c7.retryTimeCycle",  "c7.inputs",
                                                                   "c7.outputs",         "c7.historyTimeToLive"};
            QVERIFY2(covered == expected, platform.c_str());
        }
    }

    // The XML is the one Camunda Modeler writes (zeebe-bpmn-moddle / camunda-bpmn-moddle names).
    void writesCamundaModelerXml()
    {
        auto doc = readXml(platformModel("Camunda Cloud", everyKindBody()));
        QVERIFY(doc);
        Modeling m(*doc);
        auto write = [&](const char* id, const char* key, const FieldValue& v) {
            Edit e = writePlatformField(m, doc->findById(id), key, v);
            QVERIFY2(e.ok() && !e.changes.empty(), e.error.c_str());
        };
        write("ServiceTask_1", "taskType", text("charge-card"));
        write("ServiceTask_1", "retries", text("5"));
        FieldValue inputs, outputs, headers, listeners;
        inputs.rows = {{"amount", "=order.total"}};
        outputs.rows = {{"receipt", "=result"}};
        headers.rows = {{"region", "eu"}};
        listeners.rows = {{"start", "audit"}};
        write("ServiceTask_1", "outputs", outputs);
        write("ServiceTask_1", "inputs", inputs); // inputs go before outputs
        write("ServiceTask_1", "headers", headers);
        write("ServiceTask_1", "executionListeners", listeners);
        write("CatchEvent_1", "correlationKey", text("=orderId"));
        write("MiTask_1", "inputCollection", text("=items"));
        write("MiTask_1", "inputElement", text("item"));
        write("UserTask_1", "assignee", text("=initiator"));
        write("UserTask_1", "candidateGroups", text("sales, support"));
        write("UserTask_1", "formId", text("invoice-form"));
        write("CallActivity_1", "calledProcess", text("billing"));
        write("CallActivity_1", "propagateAllChildVariables", text("false"));
        write("ScriptTask_1", "scriptExpression", text("=a + b"));
        write("ScriptTask_1", "scriptResultVariable", text("sum"));
        write("RuleTask_1", "decisionId", text("risk"));
        write("RuleTask_1", "decisionResultVariable", text("riskLevel"));
        const std::string xml = BpmnWriter::toString(*doc);
        for (const char* expected : {
                 "<bpmn:documentation>Charges the card</bpmn:documentation>\n      <bpmn:extensionElements>",
                 "<zeebe:taskDefinition type=\"charge-card\" retries=\"5\"",
                 "<zeebe:ioMapping>\n          <zeebe:input source=\"=order.total\" target=\"amount\" />\n"
                 "          <zeebe:output source=\"=result\" target=\"receipt\" />",
                 "<zeebe:taskHeaders>\n          <zeebe:header key=\"region\" value=\"eu\" />",
                 "<zeebe:executionListeners>\n          <zeebe:executionListener eventType=\"start\" type=\"audit\" />",
                 "<bpmn:message id=\"Message_1\" name=\"Order\">\n    <bpmn:extensionElements>\n"
                 "      <zeebe:subscription correlationKey=\"=orderId\" />",
                 "<bpmn:multiInstanceLoopCharacteristics>\n        <bpmn:extensionElements>\n"
                 "          <zeebe:loopCharacteristics inputCollection=\"=items\" inputElement=\"item\" />",
                 "<zeebe:assignmentDefinition assignee=\"=initiator\" candidateGroups=\"sales, support\" />",
                 "<zeebe:formDefinition formId=\"invoice-form\" />",
                 "<zeebe:calledElement processId=\"billing\" propagateAllChildVariables=\"false\" />",
                 "<zeebe:script expression=\"=a + b\" resultVariable=\"sum\" />",
                 "<zeebe:calledDecision decisionId=\"risk\" resultVariable=\"riskLevel\" />",
             })
            QVERIFY2(xml.find(expected) != std::string::npos, (std::string(expected) + "\nin:\n" + xml).c_str());
        QVERIFY(runway::test::schemaProblems(*doc).empty());

        auto c7 = readXml(platformModel("Camunda Platform", everyKindBody()));
        QVERIFY(c7);
        Modeling m7(*c7);
        auto write7 = [&](const char* id, const char* key, const FieldValue& v) {
            Edit e = writePlatformField(m7, c7->findById(id), key, v);
            QVERIFY2(e.ok() && !e.changes.empty(), e.error.c_str());
        };
        write7("ServiceTask_1", "c7.implementation", text("external"));
        write7("ServiceTask_1", "c7.implementationValue", text("charge"));
        write7("ServiceTask_1", "c7.asyncBefore", text("true"));
        write7("ServiceTask_1", "c7.retryTimeCycle", text("R3/PT5M"));
        FieldValue params;
        params.rows = {{"amount", "${order.total}"}};
        write7("ServiceTask_1", "c7.inputs", params);
        write7("SendTask_1", "c7.implementation", text("delegateExpression"));
        write7("SendTask_1", "c7.implementationValue", text("${mailer}"));
        write7("UserTask_1", "c7.candidateUsers", text("anna, ben"));
        write7("UserTask_1", "c7.formKey", text("camunda-forms:deployment:invoice.form"));
        write7("Process_1", "c7.historyTimeToLive", text("180"));
        write7("ThrowEvent_1", "c7.implementation", text("class"));
        write7("ThrowEvent_1", "c7.implementationValue", text("org.example.Notify"));
        const std::string xml7 = BpmnWriter::toString(*c7);
        for (const char* expected : {
                 "<bpmn:process id=\"Process_1\" isExecutable=\"true\" camunda:historyTimeToLive=\"180\">",
                 "<bpmn:serviceTask id=\"ServiceTask_1\" name=\"Charge\" camunda:type=\"external\" "
                 "camunda:topic=\"charge\" camunda:asyncBefore=\"true\">",
                 "<camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>",
                 "<camunda:inputOutput>\n          <camunda:inputParameter "
                 "name=\"amount\">${order.total}</camunda:inputParameter>",
                 "<bpmn:sendTask id=\"SendTask_1\" camunda:delegateExpression=\"${mailer}\"",
                 "camunda:candidateUsers=\"anna, ben\" camunda:formKey=\"camunda-forms:deployment:invoice.form\"",
                 // On a message throw event the implementation goes on the message definition.
                 "<bpmn:messageEventDefinition id=\"MessageDef_2\" camunda:class=\"org.example.Notify\" />",
             })
            QVERIFY2(xml7.find(expected) != std::string::npos, (std::string(expected) + "\nin:\n" + xml7).c_str());
        // Switching the implementation moves the value and leaves only one kind.
        write7("ServiceTask_1", "c7.implementation", text("expression"));
        const Element* task = c7->findById("ServiceTask_1");
        QCOMPARE(std::string(task->attr(c7->internNamespace(uri::Camunda), "expression")), std::string("charge"));
        QVERIFY(!task->findAttr(c7->internNamespace(uri::Camunda), "type"));
        QVERIFY(!task->findAttr(c7->internNamespace(uri::Camunda), "topic"));
        QVERIFY(runway::test::schemaProblems(*c7).empty());
    }

    // A file without the zeebe:/camunda: prefixes gets them declared as Camunda Modeler does; one
    // with another prefix for the namespace keeps it.
    void declaresNamespaces()
    {
        auto doc = readXml(platformModel("", everyKindBody(), false));
        QVERIFY(doc);
        Modeling m(*doc);
        QVERIFY(writePlatformField(m, doc->findById("ServiceTask_1"), "taskType", text("t")).ok());
        QVERIFY(writePlatformField(m, doc->findById("ServiceTask_1"), "c7.asyncAfter", text("true")).ok());
        const std::string xml = BpmnWriter::toString(*doc);
        QVERIFY2(xml.find(kZeebeDeclaration) != std::string::npos, xml.c_str());
        QVERIFY(xml.find(kCamundaDeclaration) != std::string::npos);
        QVERIFY(xml.find("<zeebe:taskDefinition type=\"t\" />") != std::string::npos);
        QVERIFY(xml.find("camunda:asyncAfter=\"true\"") != std::string::npos);

        auto other = readXml(otherPrefixModel());
        QVERIFY(other);
        Modeling mo(*other);
        const std::string before = BpmnWriter::toString(*other);
        Edit e = writePlatformField(mo, other->findById("ServiceTask_1"), "taskType", text("t"));
        CHECK_EDIT(*other, e, before);
        const std::string xo = BpmnWriter::toString(*other);
        QVERIFY2(xo.find("<z:taskDefinition type=\"t\" />") != std::string::npos, xo.c_str());
        QVERIFY(xo.find("xmlns:zeebe") == std::string::npos);
    }

    // What Camunda's tools need is kept: other extensions, script parameters, attribute order.
    void keepsWhatItDoesNotEdit()
    {
        auto doc = readXml(platformModel("Camunda Platform", complexParametersBody()));
        QVERIFY(doc);
        Modeling m(*doc);
        Element* task = doc->findById("Task_1");
        const std::string original = BpmnWriter::toString(*doc);
        const FieldValue oldInputs = readPlatformField(*doc, task, "c7.inputs");
        QCOMPARE(oldInputs.rows.size(), std::size_t(1)); // the script parameter is not a text row
        QCOMPARE(oldInputs.rows[0].first, std::string("old"));
        QCOMPARE(readPlatformField(*doc, task, "c7.outputs").rows[0].second, std::string("${r}"));
        QCOMPARE(readPlatformField(*doc, task, "c7.implementation").text, std::string("class"));
        QCOMPARE(readPlatformField(*doc, task, "c7.implementationValue").text, std::string("a.B"));
        QCOMPARE(readPlatformField(*doc, doc->findById("Process_1"), "c7.historyTimeToLive").text, std::string("30"));
        FieldValue rows;
        rows.rows = {{"n1", "v1"}, {"n2", ""}};
        Edit e = writePlatformField(m, task, "c7.inputs", rows);
        CHECK_EDIT(*doc, e, original);
        const std::string xml = BpmnWriter::toString(*doc);
        const auto script = xml.find("<camunda:script scriptFormat=\"groovy\">1 + 1</camunda:script>");
        const auto n1 = xml.find("<camunda:inputParameter name=\"n1\">v1</camunda:inputParameter>");
        const auto n2 = xml.find("<camunda:inputParameter name=\"n2\" />");
        const auto out = xml.find("<camunda:outputParameter name=\"result\">${r}</camunda:outputParameter>");
        QVERIFY2(script != std::string::npos && n1 != std::string::npos && n2 != std::string::npos &&
                     out != std::string::npos,
                 xml.c_str());
        QVERIFY(script < n1 && n1 < n2 && n2 < out);
        QVERIFY(xml.find("name=\"old\"") == std::string::npos);
        QVERIFY(xml.find("<zeebe:header key=\"k\" value=\"v\" />") != std::string::npos);
        QVERIFY(readPlatformField(*doc, task, "c7.inputs") == rows);
        // Writing the old rows back gives back the old file (the row moves after the script one,
        // as the script parameter is not part of the rows).
        Edit back = writePlatformField(m, task, "c7.inputs", oldInputs);
        QVERIFY(back.ok());
        QVERIFY(readPlatformField(*doc, task, "c7.inputs") == oldInputs);
        doc->revert(back.changes);
        doc->revert(e.changes);
        QCOMPARE(BpmnWriter::toString(*doc), original);
    }

    // A pool stands for its process: its fields are written on the process.
    void poolFieldsGoToItsProcess()
    {
        for (const auto& [platform, key, value] : {std::tuple{"Camunda Platform", "c7.historyTimeToLive", "P30D"},
                                                   std::tuple{"Camunda Cloud", "executionListeners", ""}}) {
            auto doc = readXml(platformModel(platform, poolBody()));
            QVERIFY(doc);
            Modeling m(*doc);
            Element* pool = doc->findById("Pool_1");
            FieldValue v = text(value);
            if (std::string(key) == "executionListeners")
                v.rows = {{"end", "archive"}};
            const std::string before = BpmnWriter::toString(*doc);
            Edit e = writePlatformField(m, pool, key, v);
            CHECK_EDIT(*doc, e, before);
            QVERIFY(readPlatformField(*doc, pool, key) == v);
            QVERIFY(readPlatformField(*doc, doc->findById("Process_1"), key) == v);
            const std::string xml = BpmnWriter::toString(*doc);
            const auto process = xml.find("<bpmn:process id=\"Process_1\"");
            const auto written = std::string(key) == "executionListeners"
                                     ? xml.find("<zeebe:executionListener eventType=\"end\" type=\"archive\" />")
                                     : xml.find("camunda:historyTimeToLive=\"P30D\"");
            QVERIFY2(process != std::string::npos && written != std::string::npos && written > process, xml.c_str());
            QVERIFY(xml.find("<bpmn:participant id=\"Pool_1\" name=\"Shop\" processRef=\"Process_1\" />") !=
                    std::string::npos);
        }
    }

    void refusesWhatDoesNotFit()
    {
        auto doc = readXml(platformModel("Camunda Cloud", everyKindBody() + catchWithoutMessageBody()));
        QVERIFY(doc);
        Modeling m(*doc);
        const std::string original = BpmnWriter::toString(*doc);
        auto refusal = [&](const char* id, const char* key, const char* value) {
            Edit e = writePlatformField(m, doc->findById(id), key, text(value));
            return e.ok() || !e.changes.empty() ? std::string() : e.error;
        };
        QVERIFY(refusal("CatchEvent_2", "correlationKey", "=id").find("references no message") != std::string::npos);
        QVERIFY(refusal("ServiceTask_1", "retries", "three").find("whole number") != std::string::npos);
        QVERIFY(refusal("Process_1", "c7.historyTimeToLive", "=x").find("whole number") != std::string::npos);
        QVERIFY(refusal("ServiceTask_1", "assignee", "anna").find("does not apply") != std::string::npos);
        QVERIFY(refusal("ServiceTask_1", "c7.asyncBefore", "yes").find("true or false") != std::string::npos);
        QVERIFY(refusal("ServiceTask_1", "c7.implementation", "groovy").find("not a choice") != std::string::npos);
        QVERIFY(refusal("ServiceTask_1", "c7.implementationValue", "a.B").find("choose the implementation") !=
                std::string::npos);
        QVERIFY(refusal("ServiceTask_1", "nonsense", "x").find("no platform field") != std::string::npos);
        // Zeebe takes an expression for the retries.
        QVERIFY(writePlatformField(m, doc->findById("ServiceTask_1"), "retries", text("=3")).ok());
        Edit bad = setExecutionPlatform(m, deploy::Platform{Engine::Camunda8, 8, 42});
        QVERIFY(!bad.ok() && bad.changes.empty());
        // Only the FEEL retries were accepted; cleared, the file is as it was.
        QVERIFY(writePlatformField(m, doc->findById("ServiceTask_1"), "retries", FieldValue{}).ok());
        QCOMPARE(BpmnWriter::toString(*doc), original);
    }

    // The field fixes the problem the deployability check reports, in memory and after saving.
    void fieldsFixDeployabilityProblems()
    {
        auto doc = readXml(platformModel("Camunda Cloud", everyKindBody()));
        QVERIFY(doc);
        Modeling m(*doc);
        struct Case {
            const char* element;
            const char* key;
            const char* value;
            const char* code;
        };
        for (const Case& c : {Case{"ServiceTask_1", "taskType", "charge", "c8-task-type-missing"},
                              Case{"CallActivity_1", "calledProcess", "billing", "c8-called-element-missing"},
                              Case{"CatchEvent_1", "correlationKey", "=orderId", "c8-correlation-key-missing"},
                              Case{"ScriptTask_1", "scriptExpression", "=1 + 2", "c8-task-type-missing"},
                              Case{"RuleTask_1", "decisionId", "risk", "c8-task-type-missing"}}) {
            QVERIFY2(hasProblem(*doc, c.code, c.element), c.element);
            Edit e = writePlatformField(m, doc->findById(c.element), c.key, text(c.value));
            QVERIFY2(e.ok(), e.error.c_str());
            QVERIFY2(!hasProblem(*doc, c.code, c.element), c.element);
            doc->revert(e.changes);
            QVERIFY2(hasProblem(*doc, c.code, c.element), c.element);
            doc->reapply(e.changes);
        }
        auto saved = readXml(BpmnWriter::toString(*doc));
        QVERIFY(saved);
        for (const char* id : {"ServiceTask_1", "CallActivity_1", "ScriptTask_1", "RuleTask_1"})
            QVERIFY2(!hasProblem(*saved, "c8-task-type-missing", id) &&
                         !hasProblem(*saved, "c8-called-element-missing", id),
                     id);
        QVERIFY(!hasProblem(*saved, "c8-correlation-key-missing", "CatchEvent_1"));
        // A mapping without a target is the problem the check names.
        FieldValue noTarget;
        noTarget.rows = {{"", "=1"}};
        QVERIFY(writePlatformField(m, doc->findById("ServiceTask_1"), "inputs", noTarget).ok());
        QVERIFY(hasProblem(*doc, "c8-mapping-target-missing", "ServiceTask_1"));

        auto c7 = readXml(platformModel("Camunda Platform", everyKindBody()));
        QVERIFY(c7);
        Modeling m7(*c7);
        QVERIFY(hasProblem(*c7, "c7-history-ttl-missing", "Process_1"));
        QVERIFY(hasProblem(*c7, "c7-implementation-missing", "ServiceTask_1"));
        QVERIFY(writePlatformField(m7, c7->findById("Process_1"), "c7.historyTimeToLive", text("180")).ok());
        QVERIFY(writePlatformField(m7, c7->findById("ServiceTask_1"), "c7.implementation", text("external")).ok());
        QVERIFY(hasProblem(*c7, "c7-external-topic-missing", "ServiceTask_1"));
        QVERIFY(writePlatformField(m7, c7->findById("ServiceTask_1"), "c7.implementationValue", text("charge")).ok());
        QVERIFY(!hasProblem(*c7, "c7-history-ttl-missing", "Process_1"));
        QVERIFY(!hasProblem(*c7, "c7-implementation-missing", "ServiceTask_1"));
        QVERIFY(!hasProblem(*c7, "c7-external-topic-missing", "ServiceTask_1"));
    }

    void setsTheExecutionPlatform()
    {
        auto doc = readXml(platformModel("", everyKindBody(), false));
        QVERIFY(doc);
        Modeling m(*doc);
        const std::string original = BpmnWriter::toString(*doc);
        QCOMPARE(deploy::Platform::ofDocument(*doc).engine, Engine::Bpmn);
        Edit c8 = setExecutionPlatform(m, deploy::Platform::camunda8(7));
        CHECK_EDIT(*doc, c8, original);
        QVERIFY(deploy::Platform::ofDocument(*doc) == deploy::Platform::camunda8(7));
        const std::string xml = BpmnWriter::toString(*doc);
        QVERIFY2(xml.find("modeler:executionPlatform=\"Camunda Cloud\" modeler:executionPlatformVersion=\"8.7.0\"") !=
                     std::string::npos,
                 xml.c_str());
        QVERIFY(xml.find(kModelerDeclaration) != std::string::npos);
        Edit c7 = setExecutionPlatform(m, deploy::Platform::camunda7(20));
        CHECK_EDIT(*doc, c7, xml);
        QVERIFY(deploy::Platform::ofDocument(*doc) == deploy::Platform::camunda7(20));
        QVERIFY(BpmnWriter::toString(*doc).find("modeler:executionPlatform=\"Camunda Platform\" "
                                                "modeler:executionPlatformVersion=\"7.20.0\"") != std::string::npos);
        Edit plain = setExecutionPlatform(m, deploy::Platform{});
        QVERIFY(plain.ok());
        QCOMPARE(deploy::Platform::ofDocument(*doc).engine, Engine::Bpmn);
        QVERIFY(BpmnWriter::toString(*doc).find("executionPlatform") == std::string::npos);
        QVERIFY(setExecutionPlatform(m, deploy::Platform{}).changes.empty());
    }

    // Files exported by Camunda Modeler (the MIWG reference set C.9, with Camunda 8 and 7 settings) and
    // Camunda 7 models of bpmn-engine are read as Camunda Modeler shows them.
    void readsCamundaModelerFiles()
    {
        RUNWAY_REQUIRE_CORPUS();
        const auto ref = std::filesystem::path(runway::test::corpusDir()) / "miwg" / "reference";
        auto c8 = BpmnReader::readFile((ref / "C.9.0.bpmn").string());
        QVERIFY2(c8.document, "C.9.0.bpmn");
        const Document& d8 = *c8.document;
        QVERIFY(deploy::Platform::ofDocument(d8).engine == Engine::Camunda8);
        auto read8 = [&](const char* id, const char* key) { return readPlatformField(d8, d8.findById(id), key); };
        QCOMPARE(read8("ServiceTask_GetCreditScore", "taskType").text, std::string("calculateScore"));
        QCOMPARE(read8("SendTask_ReportFraud", "taskType").text, std::string("reportFraud"));
        QCOMPARE(read8("EndMessageEvent_Timeout", "taskType").text, std::string("timeoutHandled"));
        QCOMPARE(read8("Activity_ManualCheck", "calledProcess").text, std::string("ManualCheck"));
        QCOMPARE(read8("Activity_ManualCheck", "propagateAllChildVariables").text, std::string("false"));
        QCOMPARE(read8("BusinessRuleTask_CheckApplicationAutomatically", "decisionId").text, std::string("risk_check"));
        QCOMPARE(read8("BusinessRuleTask_CheckApplicationAutomatically", "decisionResultVariable").text,
                 std::string("result"));
        const auto outputs = read8("BusinessRuleTask_CheckApplicationAutomatically", "outputs").rows;
        QCOMPARE(outputs.size(), std::size_t(2));
        QCOMPARE(outputs[0].first, std::string("riskLevels"));
        QCOMPARE(outputs[0].second, std::string("= if result != null then result.riskLevel else [\"green\"]"));
        const auto inputs = read8("SendTask_SendPolicy", "inputs").rows;
        QCOMPARE(inputs.size(), std::size_t(7));
        QCOMPARE(inputs[0].first, std::string("from.email"));
        QCOMPARE(inputs[0].second, std::string("demo@camunda.com"));
        QCOMPARE(read8("StartEvent_ApplicationReceived", "outputs").rows.at(0).first,
                 std::string("documentReferenceId"));
        // The event sub-process's message start: the key is on the message it references.
        QCOMPARE(read8("StartMessageEvent_CancellationRequested", "correlationKey").text, std::string("=01"));
        QVERIFY(platformFields(d8.findById("ServiceTask_GetCreditScore"), Engine::Camunda8).size() > 0);

        auto c7 = BpmnReader::readFile((ref / "C.9.1.bpmn").string());
        QVERIFY2(c7.document, "C.9.1.bpmn");
        const Document& d7 = *c7.document;
        // (Web Modeler marked this Camunda 7 model "Camunda Cloud"; the fields are read all the same.)
        auto read7 = [&](const Document& d, const char* id, const char* key) {
            return readPlatformField(d, d.findById(id), key).text;
        };
        QCOMPARE(read7(d7, "SendTask_RequestDocument", "c7.implementation"), std::string("external"));
        QCOMPARE(read7(d7, "SendTask_RequestDocument", "c7.implementationValue"), std::string("emailService"));
        QCOMPARE(read7(d7, "SendTask_SendReminderEmail", "c7.asyncBefore"), std::string("true"));
        QCOMPARE(read7(d7, "SendTask_RequestDocument", "c7.asyncBefore"), std::string("false"));
        QCOMPARE(read7(d7, "EndEvent_GotDocument", "c7.asyncAfter"), std::string("true"));

        // C.1.0 binds the prefix camunda: to Activiti's namespace: not Camunda's, so nothing is read.
        auto invoice = BpmnReader::readFile((ref / "C.1.0.bpmn").string());
        QVERIFY2(invoice.document, "C.1.0.bpmn");
        const Document& di = *invoice.document;
        QCOMPARE(read7(di, "approveInvoice", "c7.assignee"), std::string());
        QCOMPARE(read7(di, "archiveInvoice", "c7.implementation"), std::string());

        const auto engineDir = std::filesystem::path(runway::test::corpusDir()) / "bpmn-engine" / "resources";
        auto approval = BpmnReader::readFile((engineDir / "issue-187.bpmn").string());
        QVERIFY2(approval.document, "issue-187.bpmn");
        const Document& da = *approval.document;
        QCOMPARE(read7(da, "task_request", "c7.assignee"), std::string("owner"));
        QCOMPARE(read7(da, "task_approve", "c7.candidateUsers"), std::string("18631114969, 18173126975"));
        const auto params = readPlatformField(da, da.findById("task_request"), "c7.inputs").rows;
        QCOMPARE(params.size(), std::size_t(4));
        QCOMPARE(params[0].first, std::string("show_in_my_tasks"));
        QCOMPARE(params[0].second, std::string("${true}"));
        QCOMPARE(params[3].second, std::string("${environment.variables.prj_id}"));
        auto service = BpmnReader::readFile((engineDir / "service-task.bpmn").string());
        QVERIFY2(service.document, "service-task.bpmn");
        QCOMPARE(read7(*service.document, "serviceTask", "c7.implementation"), std::string("expression"));
        QCOMPARE(read7(*service.document, "serviceTask", "c7.implementationValue"),
                 std::string("${services.postMessage}"));
    }
};

RUNWAY_TEST_MAIN(TestPlatformFields, fieldsPerElementKind, everyFieldWrittenReadAndCleared, writesCamundaModelerXml,
                 declaresNamespaces, keepsWhatItDoesNotEdit, poolFieldsGoToItsProcess, refusesWhatDoesNotFit,
                 fieldsFixDeployabilityProblems, setsTheExecutionPlatform, readsCamundaModelerFiles)
#ifndef RUNWAY_NO_QT
#include "tst_platform_fields.moc"
#endif
