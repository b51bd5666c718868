// BPMN fixture of tst_modeling_ids, kept out of the test source because moc misreads "//" inside
// raw string literals.
#pragma once

namespace {

/// A pool with two lanes over process P1 (a task T1 referred to in every way an id can be: flow
/// ends, incoming/outgoing, a gateway's default, a boundary event, a lane's flowNodeRef, an
/// association, a data association, DI), a message used by a receive task, and a call activity
/// calling the second process P2 of the same file.
[[maybe_unused]] const char* kIds = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="urn:runway:test">
  <bpmn:message id="Msg1" name="Payment" />
  <bpmn:collaboration id="Collab">
    <bpmn:participant id="Pool" name="Shop" processRef="P1" />
  </bpmn:collaboration>
  <bpmn:process id="P1" isExecutable="true">
    <bpmn:laneSet id="LS">
      <bpmn:lane id="L1" name="Front"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>T1</bpmn:flowNodeRef><bpmn:flowNodeRef>B1</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="L2" name="Back"><bpmn:flowNodeRef>G</bpmn:flowNodeRef><bpmn:flowNodeRef>R</bpmn:flowNodeRef><bpmn:flowNodeRef>C</bpmn:flowNodeRef><bpmn:flowNodeRef>E</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="T1" name="Take order"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing><bpmn:dataOutputAssociation id="DA"><bpmn:targetRef>DOR</bpmn:targetRef></bpmn:dataOutputAssociation></bpmn:task>
    <bpmn:boundaryEvent id="B1" attachedToRef="T1"><bpmn:outgoing>F5</bpmn:outgoing><bpmn:timerEventDefinition id="B1_t"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:exclusiveGateway id="G" default="F3"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing><bpmn:outgoing>F4</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:receiveTask id="R" name="Wait for payment" messageRef="Msg1"><bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F6</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:callActivity id="C" name="Ship" calledElement="P2"><bpmn:incoming>F4</bpmn:incoming><bpmn:incoming>F5</bpmn:incoming><bpmn:incoming>F6</bpmn:incoming><bpmn:outgoing>F7</bpmn:outgoing></bpmn:callActivity>
    <bpmn:endEvent id="E"><bpmn:incoming>F7</bpmn:incoming></bpmn:endEvent>
    <bpmn:dataObject id="DO" />
    <bpmn:dataObjectReference id="DOR" dataObjectRef="DO" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T1" />
    <bpmn:sequenceFlow id="F2" sourceRef="T1" targetRef="G" />
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="R" />
    <bpmn:sequenceFlow id="F4" sourceRef="G" targetRef="C"><bpmn:conditionExpression>=express</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F5" sourceRef="B1" targetRef="C" />
    <bpmn:sequenceFlow id="F6" sourceRef="R" targetRef="C" />
    <bpmn:sequenceFlow id="F7" sourceRef="C" targetRef="E" />
    <bpmn:textAnnotation id="AN"><bpmn:text>Orders arrive by mail</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="A1" sourceRef="AN" targetRef="T1" />
  </bpmn:process>
  <bpmn:process id="P2" isExecutable="true">
    <bpmn:startEvent id="S2" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="Collab">
      <bpmndi:BPMNShape id="Pool_di" bpmnElement="Pool" isHorizontal="true"><dc:Bounds x="100" y="60" width="900" height="400" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="L1_di" bpmnElement="L1" isHorizontal="true"><dc:Bounds x="130" y="60" width="870" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="L2_di" bpmnElement="L2" isHorizontal="true"><dc:Bounds x="130" y="260" width="870" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S_di" bpmnElement="S"><dc:Bounds x="180" y="120" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T1_di" bpmnElement="T1"><dc:Bounds x="260" y="98" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="B1_di" bpmnElement="B1"><dc:Bounds x="292" y="160" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="G_di" bpmnElement="G" isMarkerVisible="true"><dc:Bounds x="410" y="315" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="R_di" bpmnElement="R"><dc:Bounds x="510" y="300" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="C_di" bpmnElement="C"><dc:Bounds x="680" y="300" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="E_di" bpmnElement="E"><dc:Bounds x="850" y="322" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="DOR_di" bpmnElement="DOR"><dc:Bounds x="392" y="80" width="36" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="AN_di" bpmnElement="AN"><dc:Bounds x="180" y="200" width="100" height="30" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="216" y="138" /><di:waypoint x="260" y="138" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="310" y="178" /><di:waypoint x="310" y="340" /><di:waypoint x="410" y="340" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="460" y="340" /><di:waypoint x="510" y="340" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F4_di" bpmnElement="F4"><di:waypoint x="435" y="365" /><di:waypoint x="435" y="420" /><di:waypoint x="730" y="420" /><di:waypoint x="730" y="380" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F5_di" bpmnElement="F5"><di:waypoint x="310" y="196" /><di:waypoint x="310" y="230" /><di:waypoint x="730" y="230" /><di:waypoint x="730" y="300" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F6_di" bpmnElement="F6"><di:waypoint x="610" y="340" /><di:waypoint x="680" y="340" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F7_di" bpmnElement="F7"><di:waypoint x="780" y="340" /><di:waypoint x="850" y="340" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="DA_di" bpmnElement="DA"><di:waypoint x="360" y="120" /><di:waypoint x="392" y="110" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="A1_di" bpmnElement="A1"><di:waypoint x="230" y="200" /><di:waypoint x="270" y="178" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)";

} // namespace
