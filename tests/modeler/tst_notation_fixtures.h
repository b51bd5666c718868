// BPMN texts for tst_notation.cpp (kept apart: namespace URIs hold "//").
#pragma once

// A task coloured the bpmn.io way, an end event the OMG way (with a label colour), and a task
// whose colours are not colours.
inline const char* kColoursXml = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0"
    xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" id="D" targetNamespace="t">
  <bpmn:process id="P">
    <bpmn:task id="Task_1" name="bioc" />
    <bpmn:endEvent id="End_1" name="omg" />
    <bpmn:task id="Task_2" name="bad" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Dia">
    <bpmndi:BPMNPlane id="Pl" bpmnElement="P">
      <bpmndi:BPMNShape id="S1" bpmnElement="Task_1" bioc:stroke="#205022" bioc:fill="#c8e6c9">
        <dc:Bounds x="10" y="10" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S2" bpmnElement="End_1" color:background-color="#ffcdd2" color:border-color="#e53935">
        <dc:Bounds x="200" y="30" width="36" height="36" />
        <bpmndi:BPMNLabel color:color="#1e88e5"><dc:Bounds x="190" y="70" width="56" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S3" bpmnElement="Task_2" bioc:stroke="url(javascript:x)" bioc:fill="#12">
        <dc:Bounds x="300" y="10" width="100" height="80" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)xml";

// Geometry no painter should trust: non-numeric, infinite, NaN and absurd bounds, an edge with
// one usable waypoint; only Task_ok and Flow_ok can be drawn.
inline const char* kBrokenGeometryXml = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="D" targetNamespace="t">
  <bpmn:process id="P">
    <bpmn:task id="Task_ok" name="ok" />
    <bpmn:task id="Task_nan" /><bpmn:task id="Task_inf" /><bpmn:task id="Task_huge" /><bpmn:task id="Task_text" />
    <bpmn:task id="Task_neg" />
    <bpmn:sequenceFlow id="Flow_ok" sourceRef="Task_ok" targetRef="Task_nan" />
    <bpmn:sequenceFlow id="Flow_bad" sourceRef="Task_ok" targetRef="Task_inf" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Dia">
    <bpmndi:BPMNPlane id="Pl" bpmnElement="P">
      <bpmndi:BPMNShape id="S1" bpmnElement="Task_ok"><dc:Bounds x="10" y="10" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S2" bpmnElement="Task_nan"><dc:Bounds x="nan" y="10" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S3" bpmnElement="Task_inf"><dc:Bounds x="10" y="inf" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S4" bpmnElement="Task_huge"><dc:Bounds x="10" y="10" width="1e300" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S5" bpmnElement="Task_text"><dc:Bounds x="ten" y="10" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S6" bpmnElement="Task_neg"><dc:Bounds x="10" y="10" width="-100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="E1" bpmnElement="Flow_ok"><di:waypoint x="110" y="50" /><di:waypoint x="300" y="50" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="E2" bpmnElement="Flow_bad"><di:waypoint x="110" y="50" /><di:waypoint x="inf" y="50" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)xml";

// A vertical pool whose lane shape does not say isHorizontal: the lane is vertical too.
inline const char* kVerticalLaneXml = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    id="D" targetNamespace="t">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="Pool" processRef="P" /></bpmn:collaboration>
  <bpmn:process id="P">
    <bpmn:laneSet id="LS"><bpmn:lane id="Lane" name="Lane" /></bpmn:laneSet>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Dia">
    <bpmndi:BPMNPlane id="Pl" bpmnElement="C">
      <bpmndi:BPMNShape id="S1" bpmnElement="Pool" isHorizontal="false"><dc:Bounds x="0" y="0" width="200" height="400" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S2" bpmnElement="Lane"><dc:Bounds x="0" y="30" width="200" height="370" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)xml";

// A sub-process the file marks collapsed but draws large, after an event it draws inside it (as
// iGrafx writes them): the event must still be painted over it.
inline const char* kHiddenContentXml = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    id="D" targetNamespace="t">
  <bpmn:process id="P">
    <bpmn:subProcess id="Sub"><bpmn:startEvent id="Start" /></bpmn:subProcess>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Dia">
    <bpmndi:BPMNPlane id="Pl" bpmnElement="P">
      <bpmndi:BPMNShape id="S1" bpmnElement="Start"><dc:Bounds x="50" y="50" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S2" bpmnElement="Sub" isExpanded="false"><dc:Bounds x="0" y="0" width="400" height="200" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
)xml";
