// Files the app-shell and canvas tests open. Kept out of the test .cpp files: moc reads "//" in a
// string as the start of a comment.
#pragma once

namespace fixtures {

/// A process with a collapsed sub-process whose content has a diagram (a BPMNPlane) of its own,
/// as bpmn.io writes it: the main diagram, then the sub-process's.
inline const char* const kDrillDown = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="urn:runway:test">
  <bpmn:process id="P" name="Travel" isExecutable="false">
    <bpmn:startEvent id="Start" name="Trip booked"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:subProcess id="Sub" name="Check documents">
      <bpmn:incoming>F1</bpmn:incoming>
      <bpmn:outgoing>F2</bpmn:outgoing>
      <bpmn:startEvent id="SubStart"><bpmn:outgoing>SF1</bpmn:outgoing></bpmn:startEvent>
      <bpmn:task id="SubTask" name="Read passport"><bpmn:incoming>SF1</bpmn:incoming><bpmn:outgoing>SF2</bpmn:outgoing></bpmn:task>
      <bpmn:endEvent id="SubEnd"><bpmn:incoming>SF2</bpmn:incoming></bpmn:endEvent>
      <bpmn:sequenceFlow id="SF1" sourceRef="SubStart" targetRef="SubTask" />
      <bpmn:sequenceFlow id="SF2" sourceRef="SubTask" targetRef="SubEnd" />
    </bpmn:subProcess>
    <bpmn:endEvent id="End" name="Ready"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub" />
    <bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="MainDiagram">
    <bpmndi:BPMNPlane id="MainPlane" bpmnElement="P">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Sub_di" bpmnElement="Sub" isExpanded="false"><dc:Bounds x="200" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="362" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="136" y="120" /><di:waypoint x="200" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="300" y="120" /><di:waypoint x="362" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
  <bpmndi:BPMNDiagram id="SubDiagram">
    <bpmndi:BPMNPlane id="SubPlane" bpmnElement="Sub">
      <bpmndi:BPMNShape id="SubStart_di" bpmnElement="SubStart"><dc:Bounds x="80" y="82" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SubTask_di" bpmnElement="SubTask"><dc:Bounds x="170" y="60" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="SubEnd_di" bpmnElement="SubEnd"><dc:Bounds x="322" y="82" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="SF1_di" bpmnElement="SF1"><di:waypoint x="116" y="100" /><di:waypoint x="170" y="100" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="SF2_di" bpmnElement="SF2"><di:waypoint x="270" y="100" /><di:waypoint x="322" y="100" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)";

/// Two processes, each in a diagram of its own; the second has an exclusive gateway whose two
/// outgoing flows have no conditions, which the Validator reports on the gateway.
inline const char* const kProblemInSecondDiagram = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="urn:runway:test">
  <bpmn:process id="P1" name="First" isExecutable="false">
    <bpmn:startEvent id="A_Start" />
    <bpmn:endEvent id="A_End" />
    <bpmn:sequenceFlow id="A_F" sourceRef="A_Start" targetRef="A_End" />
  </bpmn:process>
  <bpmn:process id="P2" name="Second" isExecutable="false">
    <bpmn:startEvent id="B_Start" />
    <bpmn:exclusiveGateway id="B_Gateway" name="Which way?" />
    <bpmn:endEvent id="B_End1" />
    <bpmn:endEvent id="B_End2" />
    <bpmn:sequenceFlow id="B_F0" sourceRef="B_Start" targetRef="B_Gateway" />
    <bpmn:sequenceFlow id="B_F1" sourceRef="B_Gateway" targetRef="B_End1" />
    <bpmn:sequenceFlow id="B_F2" sourceRef="B_Gateway" targetRef="B_End2" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="D1" name="First diagram">
    <bpmndi:BPMNPlane id="D1_Plane" bpmnElement="P1">
      <bpmndi:BPMNShape id="A_Start_di" bpmnElement="A_Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="A_End_di" bpmnElement="A_End"><dc:Bounds x="250" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="A_F_di" bpmnElement="A_F"><di:waypoint x="136" y="118" /><di:waypoint x="250" y="118" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
  <bpmndi:BPMNDiagram id="D2" name="Second diagram">
    <bpmndi:BPMNPlane id="D2_Plane" bpmnElement="P2">
      <bpmndi:BPMNShape id="B_Start_di" bpmnElement="B_Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="B_Gateway_di" bpmnElement="B_Gateway"><dc:Bounds x="1200" y="900" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="B_End1_di" bpmnElement="B_End1"><dc:Bounds x="2400" y="800" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="B_End2_di" bpmnElement="B_End2"><dc:Bounds x="2400" y="1800" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="B_F0_di" bpmnElement="B_F0"><di:waypoint x="136" y="118" /><di:waypoint x="1200" y="925" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="B_F1_di" bpmnElement="B_F1"><di:waypoint x="1250" y="925" /><di:waypoint x="2400" y="818" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="B_F2_di" bpmnElement="B_F2"><di:waypoint x="1225" y="950" /><di:waypoint x="2400" y="1818" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)";

} // namespace fixtures
