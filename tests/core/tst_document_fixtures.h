// BPMN fixtures of tst_document.cpp, kept out of the test source because moc misreads "//" inside raw
// string literals and then generates nothing for the test class.
#pragma once

namespace {

const char* kModel = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Defs" targetNamespace="urn:t">
  <process id="P">
    <startEvent id="S" />
    <task id="T" name="Check in" />
    <sequenceFlow id="F1" sourceRef="S" targetRef="T" />
  </process>
  <bpmndi:BPMNDiagram id="D">
    <bpmndi:BPMNPlane id="Pl" bpmnElement="P">
      <bpmndi:BPMNShape id="T_di" bpmnElement="T"><dc:Bounds x="100" y="80" width="100" height="80" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</definitions>
)";

} // namespace
