// Validator: one small inline model per rule, asserting the code, severity, element id and line of
// what it reports (and that nothing else is reported as an error), plus a clean model that gives
// no diagnostics at all.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/Validator.h"

#include <algorithm>
#include <string>
#include <string_view>

using namespace runway::core;

namespace {

std::string S(std::string_view s)
{
    return std::string(s);
}

/// A file around body: body's first line is line 3.
std::string bpmn(const std::string& body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
           "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" "
           "xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:ext=\"urn:example:ext\" "
           "id=\"Defs\" targetNamespace=\"urn:test\">\n" +
           body + "</definitions>\n";
}

/// The 1-based line of the first occurrence of marker in text (0 when absent).
int lineOf(const std::string& text, std::string_view marker)
{
    const auto pos = text.find(marker);
    if (pos == std::string::npos)
        return 0;
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

Diagnostics validate(const std::string& xml)
{
    auto r = BpmnReader::readBytes(xml, "test.bpmn");
    if (!r.ok()) {
        Diagnostic d;
        d.code = "test-read-failed";
        d.message = r.diagnostics.empty() ? "unreadable" : r.diagnostics.front().format();
        return {d};
    }
    return Validator::validate(*r.document);
}

std::string dump(const Diagnostics& ds)
{
    std::string s;
    for (const auto& d : ds)
        s += "\n  " + d.format();
    return s.empty() ? std::string(" (none)") : s;
}

std::size_t count(const Diagnostics& ds, std::string_view code)
{
    return static_cast<std::size_t>(
        std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

const Diagnostic* find(const Diagnostics& ds, std::string_view code, std::string_view elementId)
{
    for (const auto& d : ds)
        if (d.code == code && d.elementId == elementId)
            return &d;
    return nullptr;
}

/// Errors whose code is not one of the expected ones.
std::string unexpectedErrors(const Diagnostics& ds, std::initializer_list<std::string_view> expected)
{
    std::string s;
    for (const auto& d : ds)
        if (d.isError() && std::find(expected.begin(), expected.end(), d.code) == expected.end())
            s += "\n  " + d.format();
    return s;
}

bool contains(const std::string& hay, std::string_view needle)
{
    return hay.find(needle) != std::string::npos;
}

// A chain start -> task -> end with flows, reused by several tests (no DI).
const char* kChain = R"(    <startEvent id="Start" />
    <task id="Task" />
    <endEvent id="End" />
    <sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
    <sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
)";

} // namespace

/// Checks one expected diagnostic: code, element, severity, and that its line is the one of marker.
#define EXPECT_DIAG(ds, xml, code, id, sev, marker)                                                                    \
    do {                                                                                                               \
        const Diagnostic* d_ = find(ds, code, id);                                                                     \
        QVERIFY2(d_ != nullptr, (std::string("no ") + code + " for '" + id + "' in:" + dump(ds)).c_str());             \
        QCOMPARE(d_->severity == Diagnostic::Severity::Error, (sev) == Diagnostic::Severity::Error);                   \
        QCOMPARE(d_->line, lineOf(xml, marker));                                                                       \
        QCOMPARE(d_->file, S("test.bpmn"));                                                                            \
        QVERIFY2(!d_->message.empty(), "empty message");                                                               \
    } while (0)

constexpr auto Error = Diagnostic::Severity::Error;
constexpr auto Warning = Diagnostic::Severity::Warning;

class TestValidator : public QObject {
    Q_OBJECT

private slots:
    void cleanModelHasNoDiagnostics()
    {
        const std::string xml = bpmn(R"(  <message id="Msg" name="Order" />
  <error id="Err" errorCode="E1" />
  <signal id="Sig" name="Go" />
  <collaboration id="Collab">
    <participant id="PoolA" name="Shop" processRef="ProcA" />
    <participant id="PoolB" name="Customer" />
    <messageFlow id="MF" sourceRef="PoolB" targetRef="Receive" messageRef="Msg" />
  </collaboration>
  <process id="ProcA" isExecutable="true">
    <laneSet id="LaneSet">
      <lane id="Lane1">
        <flowNodeRef>Start</flowNodeRef>
        <flowNodeRef>Receive</flowNodeRef>
        <flowNodeRef>Gw</flowNodeRef>
        <flowNodeRef>Sub</flowNodeRef>
        <flowNodeRef>Timer</flowNodeRef>
        <flowNodeRef>EndA</flowNodeRef>
        <flowNodeRef>EndB</flowNodeRef>
      </lane>
    </laneSet>
    <dataObject id="DO" />
    <dataObjectReference id="DORef" dataObjectRef="DO" />
    <startEvent id="Start"><outgoing>F1</outgoing></startEvent>
    <receiveTask id="Receive" messageRef="Msg"><incoming>F1</incoming><outgoing>F2</outgoing></receiveTask>
    <exclusiveGateway id="Gw" default="F4"><incoming>F2</incoming><outgoing>F3</outgoing><outgoing>F4</outgoing></exclusiveGateway>
    <subProcess id="Sub">
      <incoming>F3</incoming><outgoing>F5</outgoing>
      <startEvent id="SubStart" />
      <endEvent id="SubEnd"><errorEventDefinition id="ErrDef" errorRef="Err" /></endEvent>
      <sequenceFlow id="SF1" sourceRef="SubStart" targetRef="SubEnd" />
    </subProcess>
    <boundaryEvent id="Timer" attachedToRef="Sub">
      <outgoing>F6</outgoing>
      <timerEventDefinition id="TimerDef"><timeDuration xsi:type="tFormalExpression">PT15M</timeDuration></timerEventDefinition>
    </boundaryEvent>
    <endEvent id="EndA"><incoming>F4</incoming><incoming>F5</incoming></endEvent>
    <endEvent id="EndB"><incoming>F6</incoming><signalEventDefinition id="SigDef" signalRef="Sig" /></endEvent>
    <sequenceFlow id="F1" sourceRef="Start" targetRef="Receive" />
    <sequenceFlow id="F2" sourceRef="Receive" targetRef="Gw" />
    <sequenceFlow id="F3" sourceRef="Gw" targetRef="Sub"><conditionExpression xsi:type="tFormalExpression">=ok</conditionExpression></sequenceFlow>
    <sequenceFlow id="F4" sourceRef="Gw" targetRef="EndA" />
    <sequenceFlow id="F5" sourceRef="Sub" targetRef="EndA" />
    <sequenceFlow id="F6" sourceRef="Timer" targetRef="EndB" />
    <textAnnotation id="Note"><text>Checked daily</text></textAnnotation>
    <association id="Assoc" sourceRef="Receive" targetRef="Note" />
  </process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="Collab">
      <bpmndi:BPMNShape id="PoolA_di" bpmnElement="PoolA" isHorizontal="true"><dc:Bounds x="0" y="0" width="900" height="300" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane1_di" bpmnElement="Lane1" isHorizontal="true"><dc:Bounds x="30" y="0" width="870" height="300" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="PoolB_di" bpmnElement="PoolB" isHorizontal="true"><dc:Bounds x="0" y="350" width="900" height="60" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="DORef_di" bpmnElement="DORef"><dc:Bounds x="100" y="200" width="36" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="60" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Receive_di" bpmnElement="Receive"><dc:Bounds x="140" y="78" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gw_di" bpmnElement="Gw" isMarkerVisible="true"><dc:Bounds x="290" y="93" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Sub_di" bpmnElement="Sub" isExpanded="true"><dc:Bounds x="390" y="40" width="250" height="160" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SubStart_di" bpmnElement="SubStart"><dc:Bounds x="420" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SubEnd_di" bpmnElement="SubEnd"><dc:Bounds x="560" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Timer_di" bpmnElement="Timer"><dc:Bounds x="600" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndA_di" bpmnElement="EndA"><dc:Bounds x="700" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndB_di" bpmnElement="EndB"><dc:Bounds x="700" y="230" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Note_di" bpmnElement="Note"><dc:Bounds x="140" y="10" width="100" height="30" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="MF_di" bpmnElement="MF"><di:waypoint x="190" y="350" /><di:waypoint x="190" y="158" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="96" y="118" /><di:waypoint x="140" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="240" y="118" /><di:waypoint x="290" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="340" y="118" /><di:waypoint x="390" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F4_di" bpmnElement="F4"><di:waypoint x="315" y="143" /><di:waypoint x="315" y="260" /><di:waypoint x="718" y="136" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F5_di" bpmnElement="F5"><di:waypoint x="640" y="118" /><di:waypoint x="700" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F6_di" bpmnElement="F6"><di:waypoint x="618" y="218" /><di:waypoint x="700" y="248" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="SF1_di" bpmnElement="SF1"><di:waypoint x="456" y="118" /><di:waypoint x="560" y="118" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Assoc_di" bpmnElement="Assoc"><di:waypoint x="190" y="78" /><di:waypoint x="190" y="40" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
)");
        const auto ds = validate(xml);
        QVERIFY2(ds.empty(), ("expected no diagnostics, got:" + dump(ds)).c_str());
    }

    void duplicateIds()
    {
        const std::string xml = bpmn(std::string(R"(  <process id="P">
    <task id="Twin" name="first" />
    <task id="Twin" name="second" />
)") + "    <startEvent id=\"S\" />\n" +
                                     R"(  </process>
  <bpmndi:BPMNDiagram id="S">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="P" />
  </bpmndi:BPMNDiagram>
)");
        const auto ds = validate(xml);
        QCOMPARE(count(ds, "duplicate-id"), std::size_t(2));
        EXPECT_DIAG(ds, xml, "duplicate-id", "Twin", Error, "name=\"second\"");
        const Diagnostic* d = find(ds, "duplicate-id", "Twin");
        // both places are named: this line and the first one's
        QVERIFY2(contains(d->message, "line " + std::to_string(lineOf(xml, "name=\"first\""))) &&
                     contains(d->message, "line " + std::to_string(lineOf(xml, "name=\"second\""))),
                 d->message.c_str());
        // a diagram id clashing with a start event's, across the semantic/DI boundary
        EXPECT_DIAG(ds, xml, "duplicate-id", "S", Error, "<bpmndi:BPMNDiagram id=\"S\"");
        // ids inside extension elements are not BPMN ids
        const std::string ext = bpmn(R"(  <process id="P">
    <task id="T"><extensionElements><ext:field id="T" /></extensionElements></task>
  </process>
)");
        QCOMPARE(count(validate(ext), "duplicate-id"), std::size_t(0));
    }

    void sequenceFlowDangling()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <task id="A" />
    <task id="B" />
    <sequenceFlow id="NoSource" targetRef="B" />
    <sequenceFlow id="Ghost" sourceRef="A" targetRef="Nowhere" />
    <sequenceFlow id="Prefixed" sourceRef="tns:A" targetRef="B" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "sequence-flow-dangling", "NoSource", Error, "id=\"NoSource\"");
        EXPECT_DIAG(ds, xml, "sequence-flow-dangling", "Ghost", Error, "id=\"Ghost\"");
        QVERIFY(contains(find(ds, "sequence-flow-dangling", "Ghost")->message, "'Nowhere'"));
        QCOMPARE(count(ds, "sequence-flow-dangling"), std::size_t(2)); // "tns:A" resolves to A
        const auto other = unexpectedErrors(ds, {"sequence-flow-dangling"});
        QVERIFY2(other.empty(), other.c_str());
    }

    void sequenceFlowNotFlowNode()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <task id="A" />
    <dataObject id="DO" />
    <dataObjectReference id="DORef" dataObjectRef="DO" />
    <sequenceFlow id="ToData" sourceRef="A" targetRef="DORef" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "sequence-flow-not-flow-node", "ToData", Error, "id=\"ToData\"");
        QVERIFY(contains(find(ds, "sequence-flow-not-flow-node", "ToData")->message, "data association"));
        const auto other = unexpectedErrors(ds, {"sequence-flow-not-flow-node"});
        QVERIFY2(other.empty(), other.c_str());
    }

    void defaultFlowInvalid()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <startEvent id="S" />
    <exclusiveGateway id="Gw" default="F1" />
    <task id="A" />
    <task id="B" default="Missing" />
    <sequenceFlow id="F1" sourceRef="S" targetRef="Gw" />
    <sequenceFlow id="F2" sourceRef="Gw" targetRef="A" />
    <sequenceFlow id="F3" sourceRef="Gw" targetRef="B" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "default-flow-invalid", "Gw", Error, "id=\"Gw\"");
        QVERIFY(contains(find(ds, "default-flow-invalid", "Gw")->message, "does not leave"));
        EXPECT_DIAG(ds, xml, "default-flow-invalid", "B", Error, "id=\"B\"");
        QVERIFY(contains(find(ds, "default-flow-invalid", "B")->message, "'Missing'"));
        QCOMPARE(count(ds, "default-flow-invalid"), std::size_t(2));
    }

    void boundaryAttachInvalid()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <task id="T" />
    <intermediateCatchEvent id="Catch" />
    <boundaryEvent id="OnNothing" attachedToRef="Nope" />
    <boundaryEvent id="OnEvent" attachedToRef="Catch" />
    <boundaryEvent id="Unattached" />
    <boundaryEvent id="Fine" attachedToRef="T" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "boundary-attach-invalid", "OnNothing", Error, "id=\"OnNothing\"");
        EXPECT_DIAG(ds, xml, "boundary-attach-invalid", "OnEvent", Error, "id=\"OnEvent\"");
        EXPECT_DIAG(ds, xml, "boundary-attach-invalid", "Unattached", Error, "id=\"Unattached\"");
        QCOMPARE(count(ds, "boundary-attach-invalid"), std::size_t(3));
    }

    void messageFlows()
    {
        const std::string xml = bpmn(R"(  <collaboration id="C">
    <participant id="PA" processRef="ProcA" />
    <participant id="PB" processRef="ProcB" />
    <messageFlow id="Dangling" sourceRef="TA" targetRef="Gone" />
    <messageFlow id="Inside" sourceRef="TA" targetRef="TA2" />
    <messageFlow id="PoolToOwnTask" sourceRef="PA" targetRef="TA2" />
    <messageFlow id="Good" sourceRef="TA" targetRef="TB" />
  </collaboration>
  <process id="ProcA">
    <task id="TA" />
    <subProcess id="SubA"><task id="TA2" /></subProcess>
  </process>
  <process id="ProcB">
    <task id="TB" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "message-flow-dangling", "Dangling", Error, "id=\"Dangling\"");
        EXPECT_DIAG(ds, xml, "message-flow-same-pool", "Inside", Error, "id=\"Inside\"");
        EXPECT_DIAG(ds, xml, "message-flow-same-pool", "PoolToOwnTask", Error, "id=\"PoolToOwnTask\"");
        QCOMPARE(count(ds, "message-flow-same-pool"), std::size_t(2));
        QCOMPARE(count(ds, "message-flow-dangling"), std::size_t(1));
        QVERIFY(contains(find(ds, "message-flow-same-pool", "Inside")->message, "pool 'PA'"));
    }

    void definitionRefs()
    {
        const std::string xml = bpmn(R"(  <message id="Msg" />
  <process id="P">
    <intermediateCatchEvent id="CatchMsg"><messageEventDefinition id="MED" messageRef="NoSuchMessage" /></intermediateCatchEvent>
    <endEvent id="EndErr"><errorEventDefinition errorRef="Msg" /></endEvent>
    <intermediateThrowEvent id="Esc"><escalationEventDefinition escalationRef="NoEsc" /></intermediateThrowEvent>
    <intermediateThrowEvent id="Sig"><signalEventDefinition signalRef="NoSig" /></intermediateThrowEvent>
    <sendTask id="Send" messageRef="Msg" />
    <receiveTask id="Receive" messageRef="Nothing" />
    <boundaryEvent id="CatchAll" attachedToRef="Send"><errorEventDefinition /></boundaryEvent>
  </process>
)");
        const auto ds = validate(xml);
        // the event definition has its own id: that is the element named
        EXPECT_DIAG(ds, xml, "definition-ref-unknown", "MED", Error, "id=\"MED\"");
        // without an id of its own, the enclosing event is named, on the definition's line
        EXPECT_DIAG(ds, xml, "definition-ref-unknown", "EndErr", Error, "errorRef=\"Msg\"");
        QVERIFY(contains(find(ds, "definition-ref-unknown", "EndErr")->message, "not a error") ||
                contains(find(ds, "definition-ref-unknown", "EndErr")->message, "not an error"));
        EXPECT_DIAG(ds, xml, "definition-ref-unknown", "Esc", Error, "escalationRef=\"NoEsc\"");
        EXPECT_DIAG(ds, xml, "definition-ref-unknown", "Sig", Error, "signalRef=\"NoSig\"");
        EXPECT_DIAG(ds, xml, "definition-ref-unknown", "Receive", Error, "id=\"Receive\"");
        QCOMPARE(count(ds, "definition-ref-unknown"), std::size_t(5)); // not Send, not the catch-all error
    }

    void calledElement()
    {
        const std::string xml = bpmn(R"(  <process id="Main">
    <callActivity id="CallOther" calledElement="ElsewhereProcess" />
    <callActivity id="CallLocal" calledElement="Sub" />
    <callActivity id="CallTask" calledElement="T" />
    <task id="T" />
  </process>
  <process id="Sub" />
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "called-element-unknown", "CallOther", Warning, "id=\"CallOther\"");
        EXPECT_DIAG(ds, xml, "called-element-unknown", "CallTask", Warning, "id=\"CallTask\"");
        QVERIFY(!find(ds, "called-element-unknown", "CallLocal"));
        QVERIFY2(unexpectedErrors(ds, {}).empty(), dump(ds).c_str());
    }

    void incomingOutgoingMismatch()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <startEvent id="S"><outgoing>F1</outgoing></startEvent>
    <task id="A"><incoming>F2</incoming><outgoing>F2</outgoing></task>
    <task id="B"><incoming>F2</incoming></task>
    <task id="C" />
    <sequenceFlow id="F1" sourceRef="S" targetRef="A" />
    <sequenceFlow id="F2" sourceRef="A" targetRef="B" />
    <sequenceFlow id="F3" sourceRef="C" targetRef="B" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "incoming-outgoing-mismatch", "A", Warning, "id=\"A\"");
        const std::string& m = find(ds, "incoming-outgoing-mismatch", "A")->message;
        QVERIFY2(contains(m, "incoming 'F2'") && contains(m, "'F1' ends here"), m.c_str());
        EXPECT_DIAG(ds, xml, "incoming-outgoing-mismatch", "B", Warning, "id=\"B\"");
        QVERIFY(contains(find(ds, "incoming-outgoing-mismatch", "B")->message, "'F3'"));
        // S lists exactly its flows; C lists none (they are optional)
        QCOMPARE(count(ds, "incoming-outgoing-mismatch"), std::size_t(2));
    }

    void participantLaneAndDataRefs()
    {
        const std::string xml = bpmn(R"(  <collaboration id="C">
    <participant id="Pool" processRef="NoProcess" />
    <participant id="BlackBox" />
  </collaboration>
  <process id="P">
    <laneSet id="LS">
      <lane id="L">
        <flowNodeRef>T</flowNodeRef>
        <flowNodeRef>Vanished</flowNodeRef>
      </lane>
    </laneSet>
    <task id="T" />
    <dataObjectReference id="DRef" dataObjectRef="NoData" />
    <dataStoreReference id="SRef" dataStoreRef="NoStore" />
    <textAnnotation id="Note" />
    <association id="Assoc" sourceRef="T" targetRef="NoNote" />
    <association id="HalfAssoc" targetRef="Note" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "participant-process-unknown", "Pool", Error, "id=\"Pool\"");
        QCOMPARE(count(ds, "participant-process-unknown"), std::size_t(1)); // a black-box pool has none
        EXPECT_DIAG(ds, xml, "lane-ref-unknown", "L", Error, "<flowNodeRef>Vanished");
        QCOMPARE(count(ds, "lane-ref-unknown"), std::size_t(1));
        EXPECT_DIAG(ds, xml, "data-reference-unknown", "DRef", Error, "id=\"DRef\"");
        EXPECT_DIAG(ds, xml, "data-reference-unknown", "SRef", Error, "id=\"SRef\"");
        EXPECT_DIAG(ds, xml, "association-dangling", "Assoc", Error, "id=\"Assoc\"");
        EXPECT_DIAG(ds, xml, "association-dangling", "HalfAssoc", Error, "id=\"HalfAssoc\"");
    }

    void sequenceFlowCrossesBoundary()
    {
        const std::string xml = bpmn(R"(  <collaboration id="C">
    <participant id="PA" name="Shop" processRef="ProcA" />
    <participant id="PB" name="Bank" processRef="ProcB" />
  </collaboration>
  <process id="ProcA">
    <task id="Outside" />
    <subProcess id="Sub">
      <task id="Inside" />
      <sequenceFlow id="IntoParent" sourceRef="Inside" targetRef="Outside" />
    </subProcess>
    <sequenceFlow id="IntoSub" sourceRef="Outside" targetRef="Inside" />
    <sequenceFlow id="ToBank" sourceRef="Outside" targetRef="BankTask" />
    <sequenceFlow id="Legal" sourceRef="Outside" targetRef="Sub" />
  </process>
  <process id="ProcB">
    <task id="BankTask" />
    <task id="BankTask2" />
    <sequenceFlow id="Misplaced" sourceRef="BankTask" targetRef="BankTask2" />
  </process>
)");
        // "Misplaced" is in ProcB, fine; move a copy of it into ProcA to test the declared-elsewhere case
        std::string moved = xml;
        moved.replace(
            moved.find("    <sequenceFlow id=\"Misplaced\""),
            std::string("    <sequenceFlow id=\"Misplaced\" sourceRef=\"BankTask\" targetRef=\"BankTask2\" />\n")
                .size(),
            "");
        moved.insert(moved.find("    <sequenceFlow id=\"Legal\""),
                     "    <sequenceFlow id=\"Misplaced\" sourceRef=\"BankTask\" targetRef=\"BankTask2\" />\n");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "sequence-flow-crosses-boundary", "IntoSub", Error, "id=\"IntoSub\"");
        EXPECT_DIAG(ds, xml, "sequence-flow-crosses-boundary", "IntoParent", Error, "id=\"IntoParent\"");
        EXPECT_DIAG(ds, xml, "sequence-flow-crosses-boundary", "ToBank", Error, "id=\"ToBank\"");
        QVERIFY2(contains(find(ds, "sequence-flow-crosses-boundary", "ToBank")->message, "message flow"),
                 find(ds, "sequence-flow-crosses-boundary", "ToBank")->message.c_str());
        QVERIFY(contains(find(ds, "sequence-flow-crosses-boundary", "ToBank")->message, "pool 'Bank'"));
        QCOMPARE(count(ds, "sequence-flow-crosses-boundary"), std::size_t(3));
        const auto ds2 = validate(moved);
        EXPECT_DIAG(ds2, moved, "sequence-flow-crosses-boundary", "Misplaced", Error, "id=\"Misplaced\"");
        QCOMPARE(count(ds2, "sequence-flow-crosses-boundary"), std::size_t(4));
    }

    void timers()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <startEvent id="Bad"><timerEventDefinition><timeDuration xsi:type="tFormalExpression">PT15</timeDuration></timerEventDefinition></startEvent>
    <startEvent id="BadDate"><timerEventDefinition>
      <timeDate>2023-01-32</timeDate>
    </timerEventDefinition></startEvent>
    <startEvent id="BadCron"><timerEventDefinition><timeCycle>0 9 * * 1-5</timeCycle></timerEventDefinition></startEvent>
    <startEvent id="Feel"><timerEventDefinition><timeDuration>=reminder</timeDuration></timerEventDefinition></startEvent>
    <startEvent id="Juel"><timerEventDefinition><timeDate>${due}</timeDate></timerEventDefinition></startEvent>
    <startEvent id="Cron"><timerEventDefinition><timeCycle>0 0 9-17 * * MON-FRI</timeCycle></timerEventDefinition></startEvent>
    <startEvent id="Cdata"><timerEventDefinition><timeCycle><![CDATA[R3/PT10M]]></timeCycle></timerEventDefinition></startEvent>
    <startEvent id="Empty"><timerEventDefinition><timeDate /></timerEventDefinition></startEvent>
    <startEvent id="NoValue"><timerEventDefinition id="TD" /></startEvent>
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "timer-invalid", "Bad", Error, "PT15<");
        QVERIFY2(contains(find(ds, "timer-invalid", "Bad")->message, "'PT15' has no unit after 15; write PT15M"),
                 find(ds, "timer-invalid", "Bad")->message.c_str());
        EXPECT_DIAG(ds, xml, "timer-invalid", "BadDate", Error, "<timeDate>2023-01-32");
        EXPECT_DIAG(ds, xml, "timer-invalid", "BadCron", Error, "0 9 * * 1-5");
        QCOMPARE(count(ds, "timer-invalid"), std::size_t(3)); // expressions, cron and CDATA are fine
        EXPECT_DIAG(ds, xml, "timer-empty", "Empty", Warning, "<timeDate />");
        EXPECT_DIAG(ds, xml, "timer-empty", "TD", Warning, "id=\"TD\"");
        QCOMPARE(count(ds, "timer-empty"), std::size_t(2));
    }

    void diReferences()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <task id="T" />
    <task id="U" />
    <sequenceFlow id="F" sourceRef="T" targetRef="U" />
  </process>
  <bpmndi:BPMNDiagram id="D">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="P">
      <bpmndi:BPMNShape id="Ghost_di" bpmnElement="Ghost"><dc:Bounds x="0" y="0" width="10" height="10" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T_di" bpmnElement="T"><dc:Bounds x="0" y="0" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="U_di" bpmnElement="U" />
      <bpmndi:BPMNEdge id="F_di" bpmnElement="F"><di:waypoint x="100" y="40" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Deco_di" sourceElement="T_di" targetElement="U_di"><di:waypoint x="1" y="1" /><di:waypoint x="2" y="2" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
  <bpmndi:BPMNDiagram id="D2">
    <bpmndi:BPMNPlane id="Plane2" bpmnElement="NoProcess">
      <bpmndi:BPMNShape id="U2_di" bpmnElement="U"><dc:Bounds x="0" y="abc" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="U3_di" bpmnElement="U"><dc:Bounds x="0" y="0" width="-100" height="80" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "di-element-unknown", "Ghost_di", Error, "id=\"Ghost_di\"");
        EXPECT_DIAG(ds, xml, "di-element-unknown", "Plane2", Error, "id=\"Plane2\"");
        QCOMPARE(count(ds, "di-element-unknown"), std::size_t(2)); // an edge joining DI elements only is fine
        EXPECT_DIAG(ds, xml, "di-edge-waypoints", "F_di", Error, "id=\"F_di\"");
        QCOMPARE(count(ds, "di-edge-waypoints"), std::size_t(1));
        EXPECT_DIAG(ds, xml, "di-shape-bounds", "U_di", Error, "id=\"U_di\"");
        // bounds without an id of their own: the shape is named, on the Bounds' line
        EXPECT_DIAG(ds, xml, "di-shape-bounds", "U2_di", Error, "y=\"abc\"");
        QVERIFY(contains(find(ds, "di-shape-bounds", "U2_di")->message, "y=\"abc\""));
        EXPECT_DIAG(ds, xml, "di-shape-bounds", "U3_di", Error, "width=\"-100\"");
        QCOMPARE(count(ds, "di-shape-bounds"), std::size_t(3));
        QCOMPARE(count(ds, "di-missing"), std::size_t(0));
    }

    void diMissing()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <startEvent id="S" />
    <task id="Drawn" />
    <task id="Hidden" />
    <subProcess id="Collapsed">
      <task id="InsideCollapsed" />
    </subProcess>
    <subProcess id="Expanded">
      <task id="InsideExpanded" />
    </subProcess>
    <textAnnotation id="Note" />
    <dataStoreReference id="Store" />
    <sequenceFlow id="F1" sourceRef="S" targetRef="Drawn" />
    <sequenceFlow id="F2" sourceRef="Drawn" targetRef="Hidden" />
  </process>
  <process id="Undrawn">
    <task id="U1" />
    <task id="U2" />
  </process>
  <bpmndi:BPMNDiagram id="D">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="P">
      <bpmndi:BPMNShape id="S_di" bpmnElement="S"><dc:Bounds x="0" y="0" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Drawn_di" bpmnElement="Drawn"><dc:Bounds x="100" y="0" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Collapsed_di" bpmnElement="Collapsed" isExpanded="false"><dc:Bounds x="300" y="0" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Expanded_di" bpmnElement="Expanded" isExpanded="true"><dc:Bounds x="500" y="0" width="300" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="36" y="18" /><di:waypoint x="100" y="18" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "di-missing", "Hidden", Warning, "id=\"Hidden\"");
        EXPECT_DIAG(ds, xml, "di-missing", "F2", Warning, "id=\"F2\"");
        EXPECT_DIAG(ds, xml, "di-missing", "InsideExpanded", Warning, "id=\"InsideExpanded\"");
        EXPECT_DIAG(ds, xml, "di-missing", "Note", Warning, "id=\"Note\"");
        EXPECT_DIAG(ds, xml, "di-missing", "Store", Warning, "id=\"Store\"");
        // a process drawn nowhere: one warning for it, not one per element
        EXPECT_DIAG(ds, xml, "di-missing", "Undrawn", Warning, "id=\"Undrawn\"");
        QVERIFY(contains(find(ds, "di-missing", "Undrawn")->message, "2 elements"));
        QVERIFY(!find(ds, "di-missing", "U1"));
        // the content of a collapsed sub-process is not drawn in this diagram
        QVERIFY(!find(ds, "di-missing", "InsideCollapsed"));
        QCOMPARE(count(ds, "di-missing"), std::size_t(6));
        QVERIFY2(unexpectedErrors(ds, {}).empty(), dump(ds).c_str());
    }

    void noDiagram()
    {
        const std::string xml = bpmn(std::string("  <process id=\"P\">\n") + kChain + "  </process>\n");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "no-diagram", "Defs", Warning, "<definitions");
        QCOMPARE(ds.size(), std::size_t(1)); // and no "missing DI" for each element
    }

    void startAndEndEvents()
    {
        const std::string xml = bpmn(std::string("  <process id=\"P\">\n") + kChain +
                                     R"(    <sequenceFlow id="Back" sourceRef="Task" targetRef="Start" />
    <sequenceFlow id="After" sourceRef="End" targetRef="Task" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "start-event-incoming", "Start", Warning, "id=\"Start\"");
        EXPECT_DIAG(ds, xml, "end-event-outgoing", "End", Warning, "id=\"End\"");
        QCOMPARE(count(ds, "start-event-incoming"), std::size_t(1));
        QCOMPARE(count(ds, "end-event-outgoing"), std::size_t(1));
    }

    void unconnectedFlowNodes()
    {
        const std::string xml = bpmn(std::string("  <process id=\"P\">\n") + kChain + R"(    <task id="Lonely" />
    <boundaryEvent id="Dead" attachedToRef="Task"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
    <boundaryEvent id="Comp" attachedToRef="Task"><compensateEventDefinition /></boundaryEvent>
    <task id="Handler" isForCompensation="true" />
    <association id="A1" sourceRef="Comp" targetRef="Handler" />
    <subProcess id="OnError" triggeredByEvent="true">
      <startEvent id="ErrStart"><errorEventDefinition /></startEvent>
      <endEvent id="ErrEnd" />
      <sequenceFlow id="EF" sourceRef="ErrStart" targetRef="ErrEnd" />
    </subProcess>
    <adHocSubProcess id="AdHoc">
      <task id="Whenever1" />
      <task id="Whenever2" />
    </adHocSubProcess>
    <sequenceFlow id="F3" sourceRef="End" targetRef="AdHoc" />
  </process>
  <process id="Single">
    <task id="OnlyTask" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "flow-node-unconnected", "Lonely", Warning, "id=\"Lonely\"");
        EXPECT_DIAG(ds, xml, "flow-node-unconnected", "Dead", Warning, "id=\"Dead\"");
        QVERIFY(contains(find(ds, "flow-node-unconnected", "Dead")->message, "no outgoing sequence flow"));
        // compensation, event sub-processes, ad-hoc content and a process's only task are exempt
        QCOMPARE(count(ds, "flow-node-unconnected"), std::size_t(2));
    }

    void gateways()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <startEvent id="S" />
    <parallelGateway id="Pass" />
    <exclusiveGateway id="Xor" />
    <exclusiveGateway id="XorOk" default="D2" />
    <task id="A" />
    <task id="B" />
    <task id="C" />
    <endEvent id="E" />
    <sequenceFlow id="F1" sourceRef="S" targetRef="Pass" />
    <sequenceFlow id="F2" sourceRef="Pass" targetRef="Xor" />
    <sequenceFlow id="X1" sourceRef="Xor" targetRef="A" />
    <sequenceFlow id="X2" sourceRef="Xor" targetRef="B" />
    <sequenceFlow id="X3" sourceRef="Xor" targetRef="XorOk"><conditionExpression>=x</conditionExpression></sequenceFlow>
    <sequenceFlow id="D1" sourceRef="XorOk" targetRef="C"><conditionExpression>=y</conditionExpression></sequenceFlow>
    <sequenceFlow id="D2" sourceRef="XorOk" targetRef="E" />
    <sequenceFlow id="G1" sourceRef="A" targetRef="E" />
    <sequenceFlow id="G2" sourceRef="B" targetRef="E" />
    <sequenceFlow id="G3" sourceRef="C" targetRef="E" />
  </process>
)");
        const auto ds = validate(xml);
        EXPECT_DIAG(ds, xml, "gateway-pass-through", "Pass", Warning, "id=\"Pass\"");
        QCOMPARE(count(ds, "gateway-pass-through"), std::size_t(1));
        EXPECT_DIAG(ds, xml, "gateway-flow-without-condition", "Xor", Warning, "id=\"Xor\"");
        const std::string& m = find(ds, "gateway-flow-without-condition", "Xor")->message;
        QVERIFY2(contains(m, "'X1', 'X2'") && !contains(m, "X3"), m.c_str());
        QCOMPARE(count(ds, "gateway-flow-without-condition"), std::size_t(1)); // XorOk has a condition and a default
        QVERIFY2(unexpectedErrors(ds, {}).empty(), dump(ds).c_str());
    }

    void diagnosticsAreInLineOrder()
    {
        const std::string xml = bpmn(R"(  <process id="P">
    <sequenceFlow id="Z" sourceRef="Nope" targetRef="Nope2" />
    <task id="Dup" />
    <task id="Dup" />
    <boundaryEvent id="B" attachedToRef="Missing" />
  </process>
)");
        const auto ds = validate(xml);
        QVERIFY(ds.size() >= 4);
        for (std::size_t i = 1; i < ds.size(); ++i)
            QVERIFY2(ds[i - 1].line <= ds[i].line, dump(ds).c_str());
    }
};

RUNWAY_TEST_MAIN(TestValidator, cleanModelHasNoDiagnostics, duplicateIds, sequenceFlowDangling, sequenceFlowNotFlowNode,
                 defaultFlowInvalid, boundaryAttachInvalid, messageFlows, definitionRefs, calledElement,
                 incomingOutgoingMismatch, participantLaneAndDataRefs, sequenceFlowCrossesBoundary, timers,
                 diReferences, diMissing, noDiagram, startAndEndEvents, unconnectedFlowNodes, gateways,
                 diagnosticsAreInLineOrder)
#ifndef RUNWAY_NO_QT
#include "tst_validator.moc"
#endif
