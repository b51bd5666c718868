// Files for the stored-scenario tests, kept out of the test source because moc misreads "//"
// inside raw string literals.
#pragma once

#include <string>

namespace {

/// Two processes; the second (not executable) holds a stored scenario whose JSON is broken on its
/// third line, and the element starts on line 7 of the file.
inline const std::string kBrokenStore = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:rw="https://runway.dev/schema/bpmn/1.0" id="D" targetNamespace="urn:test">
  <bpmn:process id="P1" isExecutable="true">
    <bpmn:startEvent id="S1" />
  </bpmn:process>
  <bpmn:process id="P2">
    <bpmn:extensionElements><rw:scenario name="broken"><![CDATA[{
  "steps": [
    {"start": }
  ]
}]]></rw:scenario></bpmn:extensionElements>
    <bpmn:startEvent id="S2" />
  </bpmn:process>
</bpmn:definitions>
)";

/// A process without extensionElements but with documentation, and a second process.
inline const std::string kTwoProcesses = R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:test">
  <bpmn:process id="Main" isExecutable="true">
    <bpmn:documentation>the main one</bpmn:documentation>
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="End"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
  </bpmn:process>
  <bpmn:process id="Other">
    <bpmn:startEvent id="OtherStart" />
  </bpmn:process>
</bpmn:definitions>
)";

} // namespace
