// Deployability rules (runway::core::deploy): for each rule a small model the engine rejects, which
// must give the rule's code on the element at fault, and the corrected model, which must not. The
// examples shipped with Runway must give no engine error at all.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/deploy/Convert.h"
#include "runway/core/deploy/Deployability.h"
#include "tst_deploy_fixtures.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

using namespace runway::core;
using namespace runway::core::deploy;

namespace {

std::unique_ptr<Document> read(const std::string& xml)
{
    auto r = BpmnReader::readBytes(xml, "test.bpmn");
    return std::move(r.document);
}

Diagnostics check8(const std::string& body, const std::string& version = "8.6.0")
{
    auto doc = read(deployModel("Camunda Cloud", version, body));
    if (!doc)
        return {Diagnostic{Diagnostic::Severity::Error, "", 0, "", "test-read-failed", "unreadable"}};
    return checkDeployable(*doc, Platform::ofDocument(*doc));
}

Diagnostics check7(const std::string& body, const std::string& version = "7.21.0")
{
    auto doc = read(deployModel("Camunda Platform", version, body));
    if (!doc)
        return {Diagnostic{Diagnostic::Severity::Error, "", 0, "", "test-read-failed", "unreadable"}};
    return checkDeployable(*doc, Platform::ofDocument(*doc));
}

std::string dump(const Diagnostics& ds)
{
    std::string s;
    for (const auto& d : ds)
        s += "\n  " + d.format();
    return s.empty() ? std::string(" (none)") : s;
}

/// The diagnostic with this code on this element, or nullptr.
const Diagnostic* find(const Diagnostics& ds, const std::string& code, const std::string& element)
{
    for (const auto& d : ds)
        if (d.code == code && d.elementId == element)
            return &d;
    return nullptr;
}

bool hasCode(const Diagnostics& ds, const std::string& code)
{
    return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code; });
}

/// A process with a start event, body, and an end event; body connects "S" to "E".
std::string process(const std::string& body, const std::string& attrs = "isExecutable=\"true\"")
{
    return "<process id=\"P\" " + attrs + ">\n<startEvent id=\"S\" />\n" + body + "<endEvent id=\"E\" />\n</process>\n";
}

std::string conditionOf(const Document& doc, const std::string& flowId)
{
    const Element* f = doc.findById(flowId);
    const Element* c = f ? f->child(Ns::Model, "conditionExpression") : nullptr;
    return c ? c->textContent() : std::string("(no condition on " + flowId + ")");
}

/// The first extension element ns:local of element id, or nullptr.
const Element* ext(const Document& doc, const std::string& id, std::string_view uri, std::string_view local)
{
    const Element* e = doc.findById(id);
    const Element* x = e ? e->child(Ns::Model, "extensionElements") : nullptr;
    if (!x)
        return nullptr;
    for (const Element* c : x->children())
        if (c->local() == local && doc.namespaceUri(c->ns) == uri)
            return c;
    return nullptr;
}

const std::string kWorker = "<extensionElements><zeebe:taskDefinition type=\"work\" /></extensionElements>";

} // namespace

class TestDeploy : public QObject {
    Q_OBJECT
private slots:
    void targets()
    {
        std::string error;
        auto p = Platform::parseTarget("camunda8@8.6", &error);
        QVERIFY2(p.has_value(), error.c_str());
        QCOMPARE(p->target(), std::string("camunda8@8.6"));
        QCOMPARE(Platform::parseTarget("camunda8", &error)->minor, 6);
        QCOMPARE(Platform::parseTarget("camunda7", &error)->target(), std::string("camunda7@7.21"));
        QCOMPARE(Platform::parseTarget("camunda7@7.20.0", &error)->minor, 20);
        QVERIFY(Platform::parseTarget("bpmn", &error)->engine == Engine::Bpmn);
        QVERIFY(!Platform::parseTarget("zeebe", &error));
        QVERIFY2(error.find("camunda8") != std::string::npos, error.c_str());
        QVERIFY(!Platform::parseTarget("camunda8@7.21", &error));
        QVERIFY(!Platform::parseTarget("camunda8@8.x", &error));
        QVERIFY(!Platform::parseTarget("camunda8@9.0", &error));
        QVERIFY2(error.find("8.0 to 8.8") != std::string::npos, error.c_str());
    }

    void platformOfFile()
    {
        auto doc = read(deployModel("Camunda Cloud", "8.3.1", process("")));
        QVERIFY(doc);
        QVERIFY(Platform::ofDocument(*doc) == Platform::camunda8(3));
        doc = read(deployModel("Camunda Platform", "7.19.0", process("")));
        QVERIFY(Platform::ofDocument(*doc) == Platform::camunda7(19));
        doc = read(deployModel("", "", process("")));
        QVERIFY(Platform::ofDocument(*doc).engine == Engine::Bpmn);
        std::string error;
        doc = read(deployModel("Activiti", "5", process("")));
        QVERIFY(Platform::ofDocument(*doc, &error).engine == Engine::Bpmn);
        QVERIFY2(error.find("Activiti") != std::string::npos, error.c_str());
    }

    void examplesDeploy()
    {
        for (const char* name : {"airline-checkin", "trip-booking-saga", "coffee-shop"}) {
            const std::string path = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/" + name + ".bpmn";
            auto r = BpmnReader::readFile(path);
            QVERIFY2(r.ok(), path.c_str());
            const Platform platform = Platform::ofDocument(*r.document);
            QVERIFY2(platform == Platform::camunda8(6), name);
            const auto ds = lint(*r.document, platform);
            QVERIFY2(!hasErrors(ds), (path + dump(ds)).c_str());
        }
    }

    void c8ExecutableProcess()
    {
        auto ds = check8(process("", "isExecutable=\"false\""));
        QVERIFY2(find(ds, "c8-no-executable-process", "P"), dump(ds).c_str());
        ds = check8(process(""));
        QVERIFY2(!hasCode(ds, "c8-no-executable-process"), dump(ds).c_str());
    }

    void c8StartEvents()
    {
        auto ds = check8("<process id=\"P\" isExecutable=\"true\"><endEvent id=\"E\" /></process>\n");
        QVERIFY2(find(ds, "c8-start-event-missing", "P"), dump(ds).c_str());
        ds = check8(process("<startEvent id=\"S2\" />\n"));
        QVERIFY2(find(ds, "c8-multiple-none-start-events", "P"), dump(ds).c_str());
        ds = check8(process("<startEvent id=\"S2\"><timerEventDefinition><timeCycle>R/PT1H</timeCycle>"
                            "</timerEventDefinition></startEvent>\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check8(process("<subProcess id=\"Sub\"><endEvent id=\"SubE\" /></subProcess>\n"));
        QVERIFY2(find(ds, "c8-start-event-missing", "Sub"), dump(ds).c_str());
    }

    void c8ElementsByVersion()
    {
        const std::string inclusive = "<inclusiveGateway id=\"G\" />\n";
        auto ds = check8(process(inclusive), "8.0.0");
        QVERIFY2(find(ds, "c8-element-unsupported", "G"), dump(ds).c_str());
        QVERIFY2(find(ds, "c8-element-unsupported", "G")->message.find("8.1") != std::string::npos, dump(ds).c_str());
        ds = check8(process(inclusive), "8.1.0");
        QVERIFY2(!hasCode(ds, "c8-element-unsupported"), dump(ds).c_str());
        ds = check8(process("<complexGateway id=\"C\" />\n"), "8.8.0");
        QVERIFY2(find(ds, "c8-element-unsupported", "C"), dump(ds).c_str());
        const std::string signalEnd = "<endEvent id=\"SE\"><signalEventDefinition /></endEvent>\n";
        ds = check8(process(signalEnd), "8.2.0");
        QVERIFY2(find(ds, "c8-element-unsupported", "SE"), dump(ds).c_str());
        ds = check8(process(signalEnd), "8.3.0");
        QVERIFY2(!hasCode(ds, "c8-element-unsupported"), dump(ds).c_str());
        ds = check8(process("<endEvent id=\"M\"><errorEventDefinition /><terminateEventDefinition /></endEvent>\n"));
        QVERIFY2(find(ds, "c8-element-unsupported", "M"), dump(ds).c_str());
    }

    void c8TaskType()
    {
        auto ds = check8(process("<serviceTask id=\"T\" />\n<sendTask id=\"Send\"><extensionElements>"
                                 "<zeebe:taskDefinition type=\" \" /></extensionElements></sendTask>\n"));
        QVERIFY2(find(ds, "c8-task-type-missing", "T"), dump(ds).c_str());
        QVERIFY2(find(ds, "c8-task-type-missing", "Send"), dump(ds).c_str());
        ds = check8(process("<serviceTask id=\"T\">" + kWorker + "</serviceTask>\n<endEvent id=\"ME\">" + kWorker +
                            "<messageEventDefinition /></endEvent>\n<businessRuleTask id=\"B\"><extensionElements>"
                            "<zeebe:calledDecision decisionId=\"d\" resultVariable=\"r\" /></extensionElements>"
                            "</businessRuleTask>\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check8(process("<endEvent id=\"ME\"><messageEventDefinition /></endEvent>\n"));
        QVERIFY2(find(ds, "c8-task-type-missing", "ME"), dump(ds).c_str());
    }

    void c8FeelExpressions()
    {
        auto flows = [](const std::string& condition) {
            return process("<exclusiveGateway id=\"G\" default=\"F2\" />\n"
                           "<sequenceFlow id=\"F0\" sourceRef=\"S\" targetRef=\"G\" />\n"
                           "<sequenceFlow id=\"F1\" sourceRef=\"G\" targetRef=\"E\"><conditionExpression "
                           "xsi:type=\"tFormalExpression\">" +
                           condition +
                           "</conditionExpression></sequenceFlow>\n"
                           "<sequenceFlow id=\"F2\" sourceRef=\"G\" targetRef=\"E\" />\n");
        };
        auto ds = check8(flows("${amount &gt; 1000}"));
        const Diagnostic* d = find(ds, "c8-expression-not-feel", "F1");
        QVERIFY2(d, dump(ds).c_str());
        QVERIFY2(d->message.find("=amount > 1000") != std::string::npos, d->message.c_str()); // suggests the FEEL
        ds = check8(flows("=amount &gt;"));
        QVERIFY2(find(ds, "c8-expression-invalid", "F1"), dump(ds).c_str());
        ds = check8(flows("=amount &gt; 1000"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        // Valid FEEL that Runway does not evaluate (string join) is not an error, only unchecked.
        ds = check8(flows("= string join(risks, \", \") != \"\""));
        d = find(ds, "c8-expression-unchecked", "F1");
        QVERIFY2(d && !d->isError() && ds.size() == 1, dump(ds).c_str());

        auto output = [](const std::string& source) {
            return process("<serviceTask id=\"T\"><extensionElements><zeebe:taskDefinition type=\"w\" />"
                           "<zeebe:ioMapping><zeebe:output source=\"" +
                           source + "\" target=\"x\" /></zeebe:ioMapping></extensionElements></serviceTask>\n");
        };
        ds = check8(output("total"));
        QVERIFY2(find(ds, "c8-expression-not-feel", "T"), dump(ds).c_str());
        ds = check8(output("=total * 2"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
    }

    void c8GatewayConditions()
    {
        const std::string base = "<sequenceFlow id=\"F0\" sourceRef=\"S\" targetRef=\"G\" />\n"
                                 "<sequenceFlow id=\"F1\" sourceRef=\"G\" targetRef=\"E\"><conditionExpression>=a"
                                 "</conditionExpression></sequenceFlow>\n";
        auto ds = check8(process("<exclusiveGateway id=\"G\" />\n" + base +
                                 "<sequenceFlow id=\"F2\" sourceRef=\"G\" targetRef=\"E\" />\n"));
        QVERIFY2(find(ds, "c8-condition-missing", "F2"), dump(ds).c_str());
        QVERIFY2(!find(ds, "c8-condition-missing", "F1"), dump(ds).c_str());
        ds = check8(process("<exclusiveGateway id=\"G\" default=\"F2\" />\n" + base +
                            "<sequenceFlow id=\"F2\" sourceRef=\"G\" targetRef=\"E\" />\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check8(process("<exclusiveGateway id=\"G\" default=\"F1\" />\n" + base +
                            "<sequenceFlow id=\"F2\" sourceRef=\"G\" targetRef=\"E\"><conditionExpression>=not(a)"
                            "</conditionExpression></sequenceFlow>\n"));
        QVERIFY2(find(ds, "c8-default-flow-condition", "F1"), dump(ds).c_str());
        ds = check8(process("<userTask id=\"U\" />\n<sequenceFlow id=\"F0\" sourceRef=\"S\" targetRef=\"U\" />\n"
                            "<sequenceFlow id=\"F1\" sourceRef=\"U\" targetRef=\"E\"><conditionExpression>=a"
                            "</conditionExpression></sequenceFlow>\n"));
        QVERIFY2(find(ds, "c8-condition-not-allowed", "F1"), dump(ds).c_str());
        QVERIFY2(ds.size() == 1, dump(ds).c_str());
    }

    void c8Timers()
    {
        auto boundary = [](const std::string& attrs, const std::string& value) {
            return process("<userTask id=\"U\" />\n<boundaryEvent id=\"B\" attachedToRef=\"U\" " + attrs +
                           "><timerEventDefinition>" + value + "</timerEventDefinition></boundaryEvent>\n");
        };
        auto ds = check8(boundary("", "<timeCycle>R3/PT1M</timeCycle>"));
        QVERIFY2(find(ds, "c8-timer-unsupported", "B"), dump(ds).c_str());
        ds = check8(boundary("cancelActivity=\"false\"", "<timeCycle>R3/PT1M</timeCycle>"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check8(boundary("", "<timeDuration>PT1M</timeDuration><timeDate>2026-01-01T00:00:00Z</timeDate>"));
        QVERIFY2(find(ds, "c8-timer-definition", "B"), dump(ds).c_str());
        ds = check8(boundary("", "<timeDate>2026-01-01T00:00:00Z</timeDate>"), "8.2.0");
        QVERIFY2(find(ds, "c8-timer-unsupported", "B"), dump(ds).c_str());
        ds = check8(boundary("", "<timeDate>2026-01-01T00:00:00Z</timeDate>"), "8.3.0");
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check8(process("<intermediateCatchEvent id=\"I\"><timerEventDefinition><timeCycle>R/PT1M</timeCycle>"
                            "</timerEventDefinition></intermediateCatchEvent>\n"));
        QVERIFY2(find(ds, "c8-timer-unsupported", "I"), dump(ds).c_str());
        ds = check8(process("<intermediateCatchEvent id=\"I\"><timerEventDefinition><timeDuration>PT5M"
                            "</timeDuration></timerEventDefinition></intermediateCatchEvent>\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
    }

    void c8ErrorCodes()
    {
        auto ds = check8(process("<endEvent id=\"EE\"><errorEventDefinition /></endEvent>\n"));
        QVERIFY2(find(ds, "c8-error-code-missing", "EE"), dump(ds).c_str());
        ds = check8("<error id=\"Err\" name=\"x\" />\n" +
                    process("<endEvent id=\"EE\"><errorEventDefinition errorRef=\"Err\" /></endEvent>\n"));
        QVERIFY2(find(ds, "c8-error-code-missing", "EE"), dump(ds).c_str());
        ds = check8("<error id=\"Err\" name=\"x\" errorCode=\"FAILED\" />\n" +
                    process("<endEvent id=\"EE\"><errorEventDefinition errorRef=\"Err\" /></endEvent>\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
    }

    void c8SignalsAndEscalations()
    {
        auto ds = check8(process("<endEvent id=\"SE\"><signalEventDefinition /></endEvent>\n"));
        QVERIFY2(find(ds, "c8-signal-missing", "SE"), dump(ds).c_str());
        ds = check8("<signal id=\"Sig\" name=\"stop\" />\n" +
                    process("<endEvent id=\"SE\"><signalEventDefinition signalRef=\"Sig\" /></endEvent>\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check8("<escalation id=\"Esc\" name=\"late\" />\n" +
                    process("<endEvent id=\"EE\"><escalationEventDefinition escalationRef=\"Esc\" /></endEvent>\n"));
        QVERIFY2(find(ds, "c8-escalation-code-missing", "EE"), dump(ds).c_str());
        ds = check8("<escalation id=\"Esc\" name=\"late\" escalationCode=\"LATE\" />\n" +
                    process("<endEvent id=\"EE\"><escalationEventDefinition escalationRef=\"Esc\" /></endEvent>\n"
                            "<userTask id=\"U\" />\n<boundaryEvent id=\"B\" attachedToRef=\"U\">"
                            "<escalationEventDefinition /></boundaryEvent>\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str()); // a catch without a reference catches every escalation
    }

    void c8CorrelationKeys()
    {
        auto model = [](const std::string& subscription) {
            return "<message id=\"Msg\" name=\"paid\">" + subscription + "</message>\n" +
                   process("<intermediateCatchEvent id=\"C\"><messageEventDefinition messageRef=\"Msg\" />"
                           "</intermediateCatchEvent>\n");
        };
        auto ds = check8(model(""));
        QVERIFY2(find(ds, "c8-correlation-key-missing", "C"), dump(ds).c_str());
        ds = check8(model("<extensionElements><zeebe:subscription correlationKey=\"orderId\" /></extensionElements>"));
        QVERIFY2(find(ds, "c8-expression-not-feel", "C"), dump(ds).c_str());
        ds = check8(model("<extensionElements><zeebe:subscription correlationKey=\"=orderId\" /></extensionElements>"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check8(process("<receiveTask id=\"R\" />\n"));
        QVERIFY2(find(ds, "c8-message-missing", "R"), dump(ds).c_str());
    }

    void c8EventGateway()
    {
        const std::string msg = "<message id=\"Msg\" name=\"m\"><extensionElements><zeebe:subscription "
                                "correlationKey=\"=k\" /></extensionElements></message>\n";
        const std::string timer = "<intermediateCatchEvent id=\"T1\"><timerEventDefinition><timeDuration>PT1H"
                                  "</timeDuration></timerEventDefinition></intermediateCatchEvent>\n"
                                  "<sequenceFlow id=\"G1\" sourceRef=\"G\" targetRef=\"T1\" />\n";
        auto ds = check8(msg + process("<eventBasedGateway id=\"G\" />\n" + timer));
        QVERIFY2(find(ds, "c8-event-gateway", "G"), dump(ds).c_str());
        ds = check8(msg + process("<eventBasedGateway id=\"G\" />\n" + timer +
                                  "<receiveTask id=\"R\" messageRef=\"Msg\" />\n"
                                  "<sequenceFlow id=\"G2\" sourceRef=\"G\" targetRef=\"R\" />\n"));
        QVERIFY2(find(ds, "c8-event-gateway", "R"), dump(ds).c_str());
        ds = check8(msg + process("<eventBasedGateway id=\"G\" />\n" + timer +
                                  "<intermediateCatchEvent id=\"M\"><messageEventDefinition messageRef=\"Msg\" />"
                                  "</intermediateCatchEvent>\n"
                                  "<sequenceFlow id=\"G2\" sourceRef=\"G\" targetRef=\"M\" />\n"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
    }

    void c8StraightThroughLoops()
    {
        const std::string loop = "<exclusiveGateway id=\"G\" default=\"Back\" />\n"
                                 "<sequenceFlow id=\"F0\" sourceRef=\"S\" targetRef=\"A\" />\n"
                                 "<sequenceFlow id=\"F1\" sourceRef=\"A\" targetRef=\"G\" />\n"
                                 "<sequenceFlow id=\"Out\" sourceRef=\"G\" targetRef=\"E\"><conditionExpression>=done"
                                 "</conditionExpression></sequenceFlow>\n"
                                 "<sequenceFlow id=\"Back\" sourceRef=\"G\" targetRef=\"A\" />\n";
        auto ds = check8(process("<manualTask id=\"A\" />\n" + loop));
        QVERIFY2(find(ds, "c8-straight-through-loop", "A"), dump(ds).c_str());
        ds = check8(process("<userTask id=\"A\" />\n" + loop));
        QVERIFY2(ds.empty(), dump(ds).c_str());
    }

    void c7ExecutableAndHistory()
    {
        auto ds = check7(process("", "isExecutable=\"false\" camunda:historyTimeToLive=\"30\""));
        QVERIFY2(find(ds, "c7-no-executable-process", "P"), dump(ds).c_str());
        ds = check7(process(""));
        const Diagnostic* d = find(ds, "c7-history-ttl-missing", "P");
        QVERIFY2(d && d->isError(), dump(ds).c_str());
        ds = check7(process(""), "7.19.0");
        d = find(ds, "c7-history-ttl-missing", "P");
        QVERIFY2(d && !d->isError(), dump(ds).c_str()); // enforced from 7.20 only
        ds = check7(process("", "isExecutable=\"true\" camunda:historyTimeToLive=\"180\""));
        QVERIFY2(ds.empty(), dump(ds).c_str());
    }

    void c7Implementations()
    {
        const std::string attrs = "isExecutable=\"true\" camunda:historyTimeToLive=\"180\"";
        auto ds = check7(process("<serviceTask id=\"T\" />\n<endEvent id=\"ME\"><messageEventDefinition id=\"MD\" />"
                                 "</endEvent>\n",
                                 attrs));
        QVERIFY2(find(ds, "c7-implementation-missing", "T"), dump(ds).c_str());
        QVERIFY2(find(ds, "c7-implementation-missing", "ME"), dump(ds).c_str());
        ds = check7(process("<serviceTask id=\"T\" camunda:class=\"a.B\" camunda:expression=\"${b}\" />\n", attrs));
        QVERIFY2(find(ds, "c7-implementation-multiple", "T"), dump(ds).c_str());
        ds = check7(process("<serviceTask id=\"T\" camunda:type=\"external\" />\n", attrs));
        QVERIFY2(find(ds, "c7-external-topic-missing", "T"), dump(ds).c_str());
        ds = check7(
            process("<serviceTask id=\"T\" camunda:type=\"external\" camunda:topic=\"work\" />\n"
                    "<businessRuleTask id=\"B\" camunda:decisionRef=\"d\" />\n"
                    "<endEvent id=\"ME\"><messageEventDefinition id=\"MD\" camunda:delegateExpression=\"${m}\" />"
                    "</endEvent>\n",
                    attrs));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        ds = check7(process("<scriptTask id=\"Sc\" />\n", attrs));
        QVERIFY2(find(ds, "c7-script-format-missing", "Sc"), dump(ds).c_str());
        QVERIFY2(find(ds, "c7-script-missing", "Sc"), dump(ds).c_str());
    }

    void c7Conditions()
    {
        auto flows = [](const std::string& condition) {
            return process("<exclusiveGateway id=\"G\" />\n<sequenceFlow id=\"F0\" sourceRef=\"S\" targetRef=\"G\" />\n"
                           "<sequenceFlow id=\"F1\" sourceRef=\"G\" targetRef=\"E\"><conditionExpression>" +
                               condition + "</conditionExpression></sequenceFlow>\n",
                           "isExecutable=\"true\" camunda:historyTimeToLive=\"180\"");
        };
        auto ds = check7(flows("=amount &gt; 1000"));
        const Diagnostic* d = find(ds, "c7-condition-not-juel", "F1");
        QVERIFY2(d, dump(ds).c_str());
        QVERIFY2(d->message.find("${amount > 1000}") != std::string::npos, d->message.c_str());
        ds = check7(flows("${amount &gt;}"));
        QVERIFY2(find(ds, "c7-condition-invalid", "F1"), dump(ds).c_str());
        ds = check7(flows("approved"));
        QVERIFY2(find(ds, "c7-condition-invalid", "F1"), dump(ds).c_str());
        ds = check7(flows("${amount &gt; 1000}"));
        QVERIFY2(ds.empty(), dump(ds).c_str());
        // A method call is valid JUEL that Runway does not evaluate: unchecked, not an error.
        ds = check7(flows("${orderService.isLarge(order)}"));
        d = find(ds, "c7-condition-unchecked", "F1");
        QVERIFY2(d && !d->isError() && ds.size() == 1, dump(ds).c_str());
    }

    void c7Timers()
    {
        const std::string attrs = "isExecutable=\"true\" camunda:historyTimeToLive=\"180\"";
        auto ds = check7(
            process("<intermediateCatchEvent id=\"I\"><timerEventDefinition /></intermediateCatchEvent>\n", attrs));
        QVERIFY2(find(ds, "c7-timer-definition", "I"), dump(ds).c_str());
        ds = check7(process("<intermediateCatchEvent id=\"I\"><timerEventDefinition><timeDuration>PT1M"
                            "</timeDuration></timerEventDefinition></intermediateCatchEvent>\n",
                            attrs));
        QVERIFY2(ds.empty(), dump(ds).c_str());
    }

    void feelToJuel()
    {
        struct Case {
            const char* feel;
            const char* juel;
        };
        const Case cases[] = {
            {"=amount > 1000", "${amount > 1000}"},
            {"=a > 1 and not(b) or c = \"x\"", "${a > 1 && !b || c == \"x\"}"},
            {"=(a + b) * 2", "${(a + b) * 2}"},
            {"=order.items[1].price", "${order.items[0].price}"},
            {"=if vip then 0 else fee", "${vip ? 0 : fee}"},
            {"=x between 1 and 5", "${x >= 1 && x <= 5}"},
            {"static text", "static text"},
        };
        for (const auto& c : cases) {
            auto r = deploy::toJuel(c.feel);
            QVERIFY2(r.ok(), (std::string(c.feel) + ": " + r.error.message).c_str());
            QCOMPARE(*r.text, std::string(c.juel));
            // And back: JUEL to FEEL gives an expression that means the same.
            if (c.feel[0] == '=') {
                auto back = Expression::toFeel(*r.text);
                QVERIFY2(back.ok(), back.error.message.c_str());
                auto a = Expression::compile(c.feel + 1, Dialect::Feel);
                auto b = Expression::compile(back.text->substr(1), Dialect::Feel);
                QVERIFY(a.ok() && b.ok());
                const Variables vars{{"amount", 1500}, {"a", 2},      {"b", false}, {"c", "x"},
                                     {"x", 3},         {"vip", true}, {"fee", 5}};
                const auto ra = a->evaluate(vars), rb = b->evaluate(vars);
                if (ra.ok())
                    QVERIFY2(rb.ok() && ra->toString() == rb->toString(), (*r.text + " -> " + *back.text).c_str());
            }
        }
        for (const char* refused :
             {"=count(items) > 1", "=items[price > 10]", "=some x in xs satisfies x > 1", "=order.div > 2"}) {
            auto r = deploy::toJuel(refused);
            QVERIFY2(!r.ok(), refused);
            QVERIFY2(!r.error.message.empty() && r.error.column > 0, refused);
        }
    }

    void convertCamunda7ToCamunda8()
    {
        const std::string body =
            "<process id=\"P\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">\n"
            "<startEvent id=\"S\" />\n"
            "<serviceTask id=\"T\" camunda:asyncBefore=\"true\" camunda:type=\"external\" camunda:topic=\"score\">"
            "<extensionElements><camunda:inputOutput><camunda:inputParameter name=\"limit\">${amount * 2}"
            "</camunda:inputParameter><camunda:outputParameter name=\"risk\">${score &gt; 70}"
            "</camunda:outputParameter></camunda:inputOutput></extensionElements></serviceTask>\n"
            "<serviceTask id=\"J\" camunda:class=\"com.example.Archive\" />\n"
            "<userTask id=\"U\" camunda:assignee=\"${initiator}\" camunda:candidateGroups=\"accounting\" />\n"
            "<exclusiveGateway id=\"G\" default=\"F3\" />\n"
            "<sequenceFlow id=\"F1\" sourceRef=\"S\" targetRef=\"G\" />\n"
            "<sequenceFlow id=\"F2\" sourceRef=\"G\" targetRef=\"T\"><conditionExpression "
            "xsi:type=\"tFormalExpression\">"
            "${amount &gt; 1000 &amp;&amp; !approved}</conditionExpression></sequenceFlow>\n"
            "<sequenceFlow id=\"F3\" sourceRef=\"G\" targetRef=\"E\" />\n"
            "<endEvent id=\"E\" />\n</process>\n";
        auto doc = read(deployModel("Camunda Platform", "7.21.0", body));
        QVERIFY(doc);
        const auto report = convert(*doc, Platform::camunda8(6));
        QVERIFY(Platform::ofDocument(*doc) == Platform::camunda8(6));
        QCOMPARE(conditionOf(*doc, "F2"), std::string("=amount > 1000 and not(approved)"));
        const Element* td = ext(*doc, "T", uri::Zeebe, "taskDefinition");
        QVERIFY(td);
        QCOMPARE(std::string(td->attr("type")), std::string("score"));
        const Element* io = ext(*doc, "T", uri::Zeebe, "ioMapping");
        QVERIFY(io);
        std::string mappings;
        for (const Element* m : io->children())
            mappings += std::string(m->local()) + ":" + std::string(m->attr("source")) + "->" +
                        std::string(m->attr("target")) + ";";
        QCOMPARE(mappings, std::string("input:=amount * 2->limit;output:=score > 70->risk;"));
        const Element* assignment = ext(*doc, "U", uri::Zeebe, "assignmentDefinition");
        QVERIFY(assignment);
        QCOMPARE(std::string(assignment->attr("assignee")), std::string("=initiator"));
        QCOMPARE(std::string(assignment->attr("candidateGroups")), std::string("accounting"));
        QVERIFY(ext(*doc, "U", uri::Zeebe, "userTask"));
        // Nothing of Camunda 7 is left; the Java class is reported, and the check then refuses J.
        const std::string xml = BpmnWriter::toString(*doc);
        QVERIFY2(xml.find(" camunda:") == std::string::npos && xml.find("<camunda:") == std::string::npos, xml.c_str());
        const Diagnostic* dropped = find(report, "convert-dropped", "J");
        QVERIFY2(dropped && dropped->message.find("com.example.Archive") != std::string::npos, dump(report).c_str());
        QVERIFY2(!find(report, "convert-dropped", "T"), dump(report).c_str()); // asyncBefore goes silently
        const auto ds = checkDeployable(*doc, Platform::camunda8(6));
        QVERIFY2(find(ds, "c8-task-type-missing", "J"), dump(ds).c_str());
        QVERIFY2(ds.size() == 1, dump(ds).c_str());
    }

    void convertCamunda8ToCamunda7()
    {
        const std::string body =
            "<message id=\"Msg\" name=\"paid\"><extensionElements><zeebe:subscription correlationKey=\"=orderId\" />"
            "</extensionElements></message>\n"
            "<process id=\"P\" isExecutable=\"true\">\n<startEvent id=\"S\" />\n"
            "<serviceTask id=\"T\"><extensionElements><zeebe:taskDefinition type=\"charge\" />"
            "<zeebe:taskHeaders><zeebe:header key=\"k\" value=\"v\" /></zeebe:taskHeaders>"
            "<zeebe:ioMapping><zeebe:output source=\"=total * 1.2\" target=\"gross\" /></zeebe:ioMapping>"
            "</extensionElements></serviceTask>\n"
            "<endEvent id=\"ME\"><extensionElements><zeebe:taskDefinition type=\"notify\" /></extensionElements>"
            "<messageEventDefinition id=\"MD\" /></endEvent>\n"
            "<callActivity id=\"C\"><extensionElements><zeebe:calledElement processId=\"billing\" />"
            "</extensionElements></callActivity>\n"
            "<sequenceFlow id=\"F1\" sourceRef=\"S\" targetRef=\"T\"><conditionExpression>=gross &gt;= 100 or vip"
            "</conditionExpression></sequenceFlow>\n"
            "<sequenceFlow id=\"F2\" sourceRef=\"S\" targetRef=\"E\"><conditionExpression>=count(items) &gt; 1"
            "</conditionExpression></sequenceFlow>\n"
            "<endEvent id=\"E\" />\n</process>\n";
        auto doc = read(deployModel("Camunda Cloud", "8.6.0", body));
        QVERIFY(doc);
        const auto report = convert(*doc, Platform::camunda7(21));
        // FEEL that JUEL cannot say is left as it was, reported, and then refused by the check.
        QCOMPARE(conditionOf(*doc, "F2"), std::string("=count(items) > 1"));
        const Diagnostic* left = find(report, "convert-dropped", "F2");
        QVERIFY2(left && left->message.find("left as it was") != std::string::npos, dump(report).c_str());
        const Ns cam = doc->internNamespace(uri::Camunda);
        QCOMPARE(conditionOf(*doc, "F1"), std::string("${gross >= 100 || vip}"));
        QCOMPARE(std::string(doc->findById("T")->attr(cam, "type")), std::string("external"));
        QCOMPARE(std::string(doc->findById("T")->attr(cam, "topic")), std::string("charge"));
        QCOMPARE(std::string(doc->findById("MD")->attr(cam, "topic")), std::string("notify"));
        QCOMPARE(std::string(doc->findById("C")->attr("calledElement")), std::string("billing"));
        QCOMPARE(std::string(doc->findById("P")->attr(cam, "historyTimeToLive")), std::string("180"));
        const Element* io = ext(*doc, "T", uri::Camunda, "inputOutput");
        QVERIFY(io && io->firstChild);
        const Element* out = *io->children().begin();
        QCOMPARE(std::string(out->local()), std::string("outputParameter"));
        QCOMPARE(out->textContent(), std::string("${total * 1.2}"));
        QVERIFY2(find(report, "convert-dropped", "T"), dump(report).c_str());   // the task headers
        QVERIFY2(find(report, "convert-dropped", "Msg"), dump(report).c_str()); // the correlation key
        QVERIFY2(find(report, "convert-default", "P"), dump(report).c_str());   // the history time to live
        const std::string xml = BpmnWriter::toString(*doc);
        QVERIFY2(xml.find("<zeebe:") == std::string::npos, xml.c_str());
        const auto ds = checkDeployable(*doc, Platform::camunda7(21));
        QVERIFY2(find(ds, "c7-condition-not-juel", "F2") && ds.size() == 1, dump(ds).c_str());
    }

    void sameEngineChangesNothing()
    {
        // Exporting for the engine a file is made for converts nothing and reports nothing, even for
        // script tasks, call activities and user tasks, whose conversion from the other engine adds
        // settings; a Camunda 7 model lacking its history time to live is left for the check.
        const std::string c8 = "<process id=\"P\" isExecutable=\"true\">\n<startEvent id=\"S\" />\n"
                               "<scriptTask id=\"Sc\"><extensionElements><zeebe:script expression=\"=1\" "
                               "resultVariable=\"r\" /></extensionElements></scriptTask>\n"
                               "<callActivity id=\"C\" calledElement=\"x\"><extensionElements><zeebe:calledElement "
                               "processId=\"x\" /></extensionElements></callActivity>\n"
                               "<userTask id=\"U\" />\n<endEvent id=\"E\" />\n</process>\n";
        auto doc = read(deployModel("Camunda Cloud", "8.6.0", c8));
        QVERIFY(doc);
        const std::string before = BpmnWriter::toString(*doc);
        auto report = convert(*doc, Platform::camunda8(6));
        QVERIFY2(report.empty(), dump(report).c_str());
        QCOMPARE(BpmnWriter::toString(*doc), before);
        doc = read(deployModel("Camunda Platform", "7.21.0", process("")));
        report = convert(*doc, Platform::camunda7(21));
        QVERIFY2(report.empty(), dump(report).c_str());
        QVERIFY(find(checkDeployable(*doc, Platform::camunda7(21)), "c7-history-ttl-missing", "P"));
    }

    void examplesConvertBothWays()
    {
        for (const char* name : {"airline-checkin", "trip-booking-saga", "coffee-shop"}) {
            const std::string path = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/" + name + ".bpmn";
            auto r = BpmnReader::readFile(path);
            QVERIFY2(r.ok(), path.c_str());
            const std::string before = BpmnWriter::toString(*r.document);
            auto c7 = convertedCopy(*r.document, Platform::camunda7(21));
            QVERIFY(c7.document);
            QCOMPARE(BpmnWriter::toString(*r.document), before); // the original is untouched
            auto ds = lint(*c7.document, Platform::camunda7(21));
            QVERIFY2(!hasErrors(ds), (std::string(name) + " for Camunda 7:" + dump(ds)).c_str());
            auto back = convertedCopy(*c7.document, Platform::camunda8(6));
            QVERIFY(back.document);
            ds = lint(*back.document, Platform::camunda8(6));
            // Camunda 7 has no correlation keys: a message catch loses its key on the way (reported).
            for (const auto& d : ds)
                QVERIFY2(!d.isError() || d.code == "c8-correlation-key-missing",
                         (std::string(name) + dump(ds)).c_str());
            // Conditions come back as they were.
            for (Element* e : r.document->allElements())
                if (e->type == BpmnType::SequenceFlow && e->child(Ns::Model, "conditionExpression"))
                    QCOMPARE(conditionOf(*back.document, std::string(e->id())),
                             std::string(e->child(Ns::Model, "conditionExpression")->textContent()));
        }
    }

    void bpmnHasNoEngineRules()
    {
        auto doc = read(deployModel("", "", process("<serviceTask id=\"T\" />\n", "isExecutable=\"false\"")));
        QVERIFY(doc);
        QVERIFY(checkDeployable(*doc, Platform{}).empty());
        QVERIFY(!checkDeployable(*doc, Platform::camunda8()).empty());
    }

    void corpusFilesCheckAndConvert()
    {
        // Every file of the shared corpus (real tools' output, hostile cases included) is checked for
        // each engine and converted to it without a crash, and what conversion gives is a file
        // Runway reads back.
        RUNWAY_REQUIRE_CORPUS();
        int files = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(runway::test::corpusDir())) {
            const auto ext = entry.path().extension();
            if (!entry.is_regular_file() || (ext != ".bpmn" && ext != ".bpmn2"))
                continue;
            auto r = BpmnReader::readFile(entry.path().string());
            if (!r.ok())
                continue;
            ++files;
            for (const Platform& target : {Platform::camunda8(0), Platform::camunda8(6), Platform::camunda7(21)}) {
                (void)lint(*r.document, target);
                auto converted = convertedCopy(*r.document, target);
                QVERIFY2(converted.document, entry.path().c_str());
                QVERIFY(Platform::ofDocument(*converted.document) == target);
                (void)lint(*converted.document, target);
                auto again = BpmnReader::readBytes(BpmnWriter::toString(*converted.document), "converted.bpmn");
                QVERIFY2(again.ok(), entry.path().c_str());
            }
        }
        QVERIFY2(files > 100, std::to_string(files).c_str());
    }

    void hostileLoopDoesNotOverflow()
    {
        // 100000 manual tasks in one cycle: found without recursion, so no stack overflow.
        std::string body;
        const int n = 100000;
        for (int i = 0; i < n; ++i)
            body += "<manualTask id=\"M" + std::to_string(i) + "\" />\n<sequenceFlow id=\"L" + std::to_string(i) +
                    "\" sourceRef=\"M" + std::to_string(i) + "\" targetRef=\"M" + std::to_string((i + 1) % n) +
                    "\" />\n";
        auto ds = check8(process(body));
        QVERIFY2(find(ds, "c8-straight-through-loop", "M0"), "the long loop was not found");
    }
};

RUNWAY_TEST_MAIN(TestDeploy, targets, platformOfFile, examplesDeploy, c8ExecutableProcess, c8StartEvents,
                 c8ElementsByVersion, c8TaskType, c8FeelExpressions, c8GatewayConditions, c8Timers, c8ErrorCodes,
                 c8SignalsAndEscalations, c8CorrelationKeys, c8EventGateway, c8StraightThroughLoops,
                 c7ExecutableAndHistory, c7Implementations, c7Conditions, c7Timers, feelToJuel,
                 convertCamunda7ToCamunda8, convertCamunda8ToCamunda7, examplesConvertBothWays, bpmnHasNoEngineRules,
                 corpusFilesCheckAndConvert, hostileLoopDoesNotOverflow)
#ifndef RUNWAY_NO_QT
#include "tst_deploy.moc"
#endif
