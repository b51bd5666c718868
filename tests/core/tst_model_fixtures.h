// BPMN fixtures of tst_model.cpp, kept out of the test source because moc misreads "//" inside raw
// string literals and then generates nothing for the test class.
#pragma once

namespace {

const char* kModel = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="urn:t">
  <bpmn:process id="P" name="Check-in">
    <bpmn:documentation>Checks passengers in.</bpmn:documentation>
    <bpmn:startEvent id="S" />
    <bpmn:serviceTask id="T" name="Check in" />
    <bpmn:boundaryEvent id="B" attachedToRef="T" cancelActivity="false"><bpmn:timerEventDefinition id="TD"><bpmn:timeDuration>PT30S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:endEvent id="E"><bpmn:errorEventDefinition id="ED" /><bpmn:messageEventDefinition id="MD" /></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="D">
    <bpmndi:BPMNPlane id="Pl" bpmnElement="P">
      <bpmndi:BPMNShape id="T_di" bpmnElement="T" isExpanded="true"><dc:Bounds x="100.5" y="80" width="100" height="80" /><bpmndi:BPMNLabel><dc:Bounds x="1" y="2" width="3" height="4" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="E_di" bpmnElement="E"><dc:Bounds x="300" y="102" width="36" height="height?" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="200" y="120" /><di:waypoint x="250" y="120" /><di:waypoint x="300" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)";

} // namespace
