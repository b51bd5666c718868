// BPMN fixture of tst_properties, kept out of the test source because moc misreads "//" inside raw
// string literals.
#pragma once

namespace {

/// Start -> task (with a message boundary event) -> gateway -> (yes, with a condition) timer ->
/// call activity -> end, or (no) a receive task -> end; messages Payment and Reminder; a second
/// process to call, drawn in a diagram of its own (so the file opens as it is, not laid out).
[[maybe_unused]] const char* kPropertiesFixture = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="urn:runway:test">
  <bpmn:message id="Msg_Payment" name="Payment" />
  <bpmn:message id="Msg_Reminder" name="Reminder" />
  <bpmn:process id="Process_Main" name="Check-in" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_Check" name="Check passenger"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:task>
    <bpmn:boundaryEvent id="Boundary_Msg" attachedToRef="Task_Check"><bpmn:messageEventDefinition id="Boundary_Msg_def" /></bpmn:boundaryEvent>
    <bpmn:exclusiveGateway id="Gateway_Ok" name="OK?"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F_yes</bpmn:outgoing><bpmn:outgoing>F_no</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:intermediateCatchEvent id="Timer_Wait" name="Wait"><bpmn:incoming>F_yes</bpmn:incoming><bpmn:outgoing>F4</bpmn:outgoing><bpmn:timerEventDefinition id="Timer_Wait_def"><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:callActivity id="Call_Board" name="Board" calledElement="Process_Boarding"><bpmn:incoming>F4</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing></bpmn:callActivity>
    <bpmn:receiveTask id="Receive_Pay" name="Wait for payment" messageRef="Msg_Payment"><bpmn:incoming>F_no</bpmn:incoming><bpmn:outgoing>F6</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:endEvent id="End"><bpmn:incoming>F5</bpmn:incoming><bpmn:incoming>F6</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Check" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="Gateway_Ok" />
    <bpmn:sequenceFlow id="F_yes" name="yes" sourceRef="Gateway_Ok" targetRef="Timer_Wait"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=ok</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F_no" name="no" sourceRef="Gateway_Ok" targetRef="Receive_Pay"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=not(ok)</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F4" sourceRef="Timer_Wait" targetRef="Call_Board" />
    <bpmn:sequenceFlow id="F5" sourceRef="Call_Board" targetRef="End" />
    <bpmn:sequenceFlow id="F6" sourceRef="Receive_Pay" targetRef="End" />
  </bpmn:process>
  <bpmn:process id="Process_Boarding" name="Boarding" isExecutable="true">
    <bpmn:startEvent id="Start_Boarding" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="Process_Main">
      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_Check_di" bpmnElement="Task_Check"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Boundary_Msg_di" bpmnElement="Boundary_Msg"><dc:Bounds x="272" y="142" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_Ok_di" bpmnElement="Gateway_Ok" isMarkerVisible="true"><dc:Bounds x="395" y="95" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Timer_Wait_di" bpmnElement="Timer_Wait"><dc:Bounds x="502" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Call_Board_di" bpmnElement="Call_Board"><dc:Bounds x="590" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Receive_Pay_di" bpmnElement="Receive_Pay"><dc:Bounds x="590" y="220" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="752" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="340" y="120" /><di:waypoint x="395" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F_yes_di" bpmnElement="F_yes"><di:waypoint x="445" y="120" /><di:waypoint x="502" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F_no_di" bpmnElement="F_no"><di:waypoint x="420" y="145" /><di:waypoint x="420" y="260" /><di:waypoint x="590" y="260" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F4_di" bpmnElement="F4"><di:waypoint x="538" y="120" /><di:waypoint x="590" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F5_di" bpmnElement="F5"><di:waypoint x="690" y="120" /><di:waypoint x="752" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F6_di" bpmnElement="F6"><di:waypoint x="690" y="260" /><di:waypoint x="770" y="260" /><di:waypoint x="770" y="138" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
  <bpmndi:BPMNDiagram id="Diagram_Boarding">
    <bpmndi:BPMNPlane id="Plane_Boarding" bpmnElement="Process_Boarding">
      <bpmndi:BPMNShape id="Start_Boarding_di" bpmnElement="Start_Boarding"><dc:Bounds x="180" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)";

} // namespace
