// BPMN fixtures of the tst_modeling* tests, kept out of the test sources because moc misreads "//"
// inside raw string literals.
#pragma once

namespace {

/// Two pools (A with a process using most element kinds, B a small process) and a black-box pool C.
[[maybe_unused]] const char* kCollaboration = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="urn:runway:test">
  <bpmn:collaboration id="Collab">
    <bpmn:participant id="PoolA" name="Shop" processRef="PA" />
    <bpmn:participant id="PoolB" name="Bank" processRef="PB" />
    <bpmn:participant id="PoolC" name="Courier" />
    <bpmn:messageFlow id="M1" sourceRef="TA" targetRef="TB" />
  </bpmn:collaboration>
  <bpmn:process id="PA" isExecutable="true">
    <bpmn:startEvent id="SA"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="TA" name="Take order"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:task>
    <bpmn:exclusiveGateway id="GA" default="F3"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing><bpmn:outgoing>F5</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:task id="T2" name="Ship"><bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F4</bpmn:outgoing></bpmn:task>
    <bpmn:endEvent id="EA"><bpmn:incoming>F4</bpmn:incoming></bpmn:endEvent>
    <bpmn:eventBasedGateway id="EB"><bpmn:incoming>F5</bpmn:incoming><bpmn:incoming>F8</bpmn:incoming><bpmn:outgoing>F6</bpmn:outgoing><bpmn:outgoing>F7</bpmn:outgoing></bpmn:eventBasedGateway>
    <bpmn:intermediateCatchEvent id="CT"><bpmn:incoming>F6</bpmn:incoming><bpmn:timerEventDefinition id="CT_t"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="CM"><bpmn:incoming>F7</bpmn:incoming><bpmn:messageEventDefinition id="CM_m" /></bpmn:intermediateCatchEvent>
    <bpmn:receiveTask id="RT" name="Wait for payment" />
    <bpmn:boundaryEvent id="BA" attachedToRef="TA"><bpmn:outgoing>F8</bpmn:outgoing><bpmn:timerEventDefinition id="BA_t"><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:boundaryEvent id="BC" attachedToRef="TA"><bpmn:compensateEventDefinition id="BC_c" /></bpmn:boundaryEvent>
    <bpmn:task id="TH" name="Refund" isForCompensation="true" />
    <bpmn:subProcess id="SP" name="Pack">
      <bpmn:startEvent id="SPS"><bpmn:outgoing>SPF</bpmn:outgoing></bpmn:startEvent>
      <bpmn:task id="SPT" name="Wrap"><bpmn:incoming>SPF</bpmn:incoming></bpmn:task>
      <bpmn:sequenceFlow id="SPF" sourceRef="SPS" targetRef="SPT" />
    </bpmn:subProcess>
    <bpmn:subProcess id="ESP" triggeredByEvent="true">
      <bpmn:startEvent id="ESS" isInterrupting="false"><bpmn:messageEventDefinition id="ESS_m" /></bpmn:startEvent>
    </bpmn:subProcess>
    <bpmn:intermediateThrowEvent id="IT" />
    <bpmn:intermediateCatchEvent id="NE"><bpmn:messageEventDefinition id="NE_m" /></bpmn:intermediateCatchEvent>
    <bpmn:dataObject id="DOb" />
    <bpmn:dataObjectReference id="DO" dataObjectRef="DOb" />
    <bpmn:sequenceFlow id="F1" sourceRef="SA" targetRef="TA" />
    <bpmn:sequenceFlow id="F2" sourceRef="TA" targetRef="GA" />
    <bpmn:sequenceFlow id="F3" sourceRef="GA" targetRef="T2" />
    <bpmn:sequenceFlow id="F4" sourceRef="T2" targetRef="EA" />
    <bpmn:sequenceFlow id="F5" sourceRef="GA" targetRef="EB" />
    <bpmn:sequenceFlow id="F6" sourceRef="EB" targetRef="CT" />
    <bpmn:sequenceFlow id="F7" sourceRef="EB" targetRef="CM" />
    <bpmn:sequenceFlow id="F8" sourceRef="BA" targetRef="EB" />
    <bpmn:textAnnotation id="AN"><bpmn:text>Orders arrive by mail</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="A1" sourceRef="AN" targetRef="TA" />
    <bpmn:association id="A2" associationDirection="One" sourceRef="BC" targetRef="TH" />
  </bpmn:process>
  <bpmn:process id="PB" isExecutable="false">
    <bpmn:startEvent id="SB"><bpmn:outgoing>FB1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="TB" name="Charge card"><bpmn:incoming>FB1</bpmn:incoming><bpmn:outgoing>FB2</bpmn:outgoing></bpmn:task>
    <bpmn:endEvent id="EB2"><bpmn:incoming>FB2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="FB1" sourceRef="SB" targetRef="TB" />
    <bpmn:sequenceFlow id="FB2" sourceRef="TB" targetRef="EB2" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="Collab">
      <bpmndi:BPMNShape id="PoolA_di" bpmnElement="PoolA" isHorizontal="true"><dc:Bounds x="100" y="60" width="1100" height="450" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="PoolB_di" bpmnElement="PoolB" isHorizontal="true"><dc:Bounds x="100" y="560" width="1100" height="250" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="PoolC_di" bpmnElement="PoolC" isHorizontal="true"><dc:Bounds x="100" y="860" width="1100" height="100" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SA_di" bpmnElement="SA"><dc:Bounds x="200" y="120" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="TA_di" bpmnElement="TA"><dc:Bounds x="280" y="98" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="GA_di" bpmnElement="GA"><dc:Bounds x="430" y="113" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T2_di" bpmnElement="T2"><dc:Bounds x="530" y="98" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EA_di" bpmnElement="EA"><dc:Bounds x="700" y="120" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EB_di" bpmnElement="EB"><dc:Bounds x="430" y="230" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="CT_di" bpmnElement="CT"><dc:Bounds x="530" y="237" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="CM_di" bpmnElement="CM"><dc:Bounds x="530" y="307" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="RT_di" bpmnElement="RT"><dc:Bounds x="600" y="290" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="BA_di" bpmnElement="BA"><dc:Bounds x="312" y="160" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="BC_di" bpmnElement="BC"><dc:Bounds x="350" y="160" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="TH_di" bpmnElement="TH"><dc:Bounds x="400" y="380" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SP_di" bpmnElement="SP" isExpanded="true"><dc:Bounds x="760" y="170" width="350" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SPS_di" bpmnElement="SPS"><dc:Bounds x="790" y="250" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SPT_di" bpmnElement="SPT"><dc:Bounds x="870" y="228" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="ESP_di" bpmnElement="ESP" isExpanded="true"><dc:Bounds x="850" y="400" width="200" height="90" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="ESS_di" bpmnElement="ESS"><dc:Bounds x="870" y="427" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="DO_di" bpmnElement="DO"><dc:Bounds x="300" y="400" width="36" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="AN_di" bpmnElement="AN"><dc:Bounds x="150" y="400" width="100" height="30" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="IT_di" bpmnElement="IT"><dc:Bounds x="200" y="230" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="NE_di" bpmnElement="NE"><dc:Bounds x="200" y="300" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SB_di" bpmnElement="SB"><dc:Bounds x="200" y="660" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="TB_di" bpmnElement="TB"><dc:Bounds x="280" y="638" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EB2_di" bpmnElement="EB2"><dc:Bounds x="450" y="660" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="236" y="138" /><di:waypoint x="280" y="138" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="380" y="138" /><di:waypoint x="430" y="138" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="480" y="138" /><di:waypoint x="530" y="138" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F4_di" bpmnElement="F4"><di:waypoint x="630" y="138" /><di:waypoint x="700" y="138" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F5_di" bpmnElement="F5"><di:waypoint x="455" y="163" /><di:waypoint x="455" y="230" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F6_di" bpmnElement="F6"><di:waypoint x="480" y="255" /><di:waypoint x="530" y="255" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F7_di" bpmnElement="F7"><di:waypoint x="455" y="280" /><di:waypoint x="455" y="325" /><di:waypoint x="530" y="325" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F8_di" bpmnElement="F8"><di:waypoint x="330" y="196" /><di:waypoint x="330" y="255" /><di:waypoint x="430" y="255" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="SPF_di" bpmnElement="SPF"><di:waypoint x="826" y="268" /><di:waypoint x="870" y="268" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="FB1_di" bpmnElement="FB1"><di:waypoint x="236" y="678" /><di:waypoint x="280" y="678" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="FB2_di" bpmnElement="FB2"><di:waypoint x="380" y="678" /><di:waypoint x="450" y="678" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="M1_di" bpmnElement="M1"><di:waypoint x="330" y="178" /><di:waypoint x="330" y="638" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="A1_di" bpmnElement="A1"><di:waypoint x="250" y="415" /><di:waypoint x="280" y="178" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="A2_di" bpmnElement="A2"><di:waypoint x="368" y="196" /><di:waypoint x="368" y="380" /><di:waypoint x="400" y="380" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)";

/// A plain process without pools, as bpmn.io starts one.
[[maybe_unused]] const char* kProcess = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="urn:runway:test">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="T" name="Check"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:task>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="P">
      <bpmndi:BPMNShape id="S_di" bpmnElement="S"><dc:Bounds x="180" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T_di" bpmnElement="T"><dc:Bounds x="270" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="E_di" bpmnElement="E"><dc:Bounds x="432" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="216" y="120" /><di:waypoint x="270" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="370" y="120" /><di:waypoint x="432" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)";

} // namespace
