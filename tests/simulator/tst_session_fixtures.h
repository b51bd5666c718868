// A small process for the event log tests, kept out of the test source because moc misreads "//"
// inside raw string literals. Its task's name holds a comma, quotes, a newline and markup; the
// user task's name starts like a spreadsheet formula.
#pragma once

#include <string>

namespace {

inline const std::string kHostileNames = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:test">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S" name="start" />
    <bpmn:task id="T" name="a, &quot;b&quot;&#10;&lt;script&gt;alert(1)&lt;/script&gt;" />
    <bpmn:userTask id="U" name="=HYPERLINK(&quot;x&quot;)" />
    <bpmn:endEvent id="E" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" />
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="U" />
    <bpmn:sequenceFlow id="F3" sourceRef="U" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>
)xml";

} // namespace
