// A small order process for the simulation tests, kept out of the test source because moc
// misreads "//" inside raw string literals. Start -> "Check order" -> exclusive gateway "Amount?"
// with a conditioned flow to "Accepted" (=amount <= 100) and one to "Rejected", an error end event
// nobody catches (an incident). Laid out left to right, with room around the flows to click them.
#pragma once

#include <QByteArray>

namespace {

inline const QByteArray kOrderProcess = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
    id="Definitions_Order" targetNamespace="urn:runway:test">
  <bpmn:error id="Error_TooLarge" name="Too large" errorCode="TOO_LARGE" />
  <bpmn:process id="Process_Order" isExecutable="true">
    <bpmn:startEvent id="Start" name="Order in" />
    <bpmn:task id="Task_Check" name="Check order" />
    <bpmn:exclusiveGateway id="Gateway_Amount" name="Amount?" />
    <bpmn:endEvent id="End_Accepted" name="Accepted" />
    <bpmn:endEvent id="End_Rejected" name="Rejected">
      <bpmn:errorEventDefinition errorRef="Error_TooLarge" />
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Task_Check" />
    <bpmn:sequenceFlow id="Flow_Checked" sourceRef="Task_Check" targetRef="Gateway_Amount" />
    <bpmn:sequenceFlow id="Flow_Small" name="small" sourceRef="Gateway_Amount" targetRef="End_Accepted">
      <bpmn:conditionExpression>=amount &lt;= 100</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_Large" name="large" sourceRef="Gateway_Amount" targetRef="End_Rejected">
      <bpmn:conditionExpression>=amount &gt; 100</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_Order">
    <bpmndi:BPMNPlane id="Plane_Order" bpmnElement="Process_Order">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start">
        <dc:Bounds x="100" y="182" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_Check_di" bpmnElement="Task_Check">
        <dc:Bounds x="200" y="160" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_Amount_di" bpmnElement="Gateway_Amount" isMarkerVisible="true">
        <dc:Bounds x="370" y="175" width="50" height="50" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_Accepted_di" bpmnElement="End_Accepted">
        <dc:Bounds x="560" y="62" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_Rejected_di" bpmnElement="End_Rejected">
        <dc:Bounds x="560" y="302" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_In_di" bpmnElement="Flow_In">
        <di:waypoint x="136" y="200" />
        <di:waypoint x="200" y="200" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_Checked_di" bpmnElement="Flow_Checked">
        <di:waypoint x="300" y="200" />
        <di:waypoint x="370" y="200" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_Small_di" bpmnElement="Flow_Small">
        <di:waypoint x="395" y="175" />
        <di:waypoint x="395" y="80" />
        <di:waypoint x="560" y="80" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_Large_di" bpmnElement="Flow_Large">
        <di:waypoint x="395" y="225" />
        <di:waypoint x="395" y="320" />
        <di:waypoint x="560" y="320" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)xml";

} // namespace
