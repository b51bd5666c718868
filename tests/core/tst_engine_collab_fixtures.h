// Models for the collaboration tests (several processes, call activities, messages between pools),
// kept out of the test source because moc misreads "//" inside raw string literals.
#pragma once

#include <string>

namespace collab {

/// A definitions element with the BPMN, Zeebe and Camunda 7 namespaces around root elements.
inline std::string definitions(const std::string& rootElements)
{
    return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="urn:test">
)") + rootElements +
           "</bpmn:definitions>\n";
}

inline std::string process(const std::string& id, const std::string& body)
{
    return "<bpmn:process id=\"" + id + "\" isExecutable=\"true\">\n" + body + "</bpmn:process>\n";
}

inline std::string flow(const std::string& id, const std::string& from, const std::string& to,
                        const std::string& condition = {})
{
    if (condition.empty())
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\" />\n";
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to +
           "\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition +
           "</bpmn:conditionExpression></bpmn:sequenceFlow>\n";
}

/// S -> [element] -> E, the element given whole (its id must be "X").
inline std::string around(const std::string& element)
{
    return "<bpmn:startEvent id=\"S\" />" + element + "<bpmn:endEvent id=\"E\" />" + flow("s1", "S", "X") +
           flow("s2", "X", "E");
}

/// A called process: CS -> Work (a user task) -> CE.
inline std::string child(const std::string& id = "Child", const std::string& end = "<bpmn:endEvent id=\"CE\" />")
{
    return process(id, "<bpmn:startEvent id=\"CS\" /><bpmn:userTask id=\"Work\" />" + end + flow("c1", "CS", "Work") +
                           flow("c2", "Work", "CE"));
}

inline std::string timerDuration(const std::string& value)
{
    return "<bpmn:timerEventDefinition><bpmn:timeDuration>" + value +
           "</bpmn:timeDuration></bpmn:timerEventDefinition>";
}

/// The customer and the shop: the customer's send task starts the shop's process by message; the
/// shop answers with a message end event the customer's catch event waits for, correlated by orderId.
inline std::string shopCollaboration()
{
    return definitions(
        R"(<bpmn:message id="M_Order" name="order" />
<bpmn:message id="M_Reply" name="reply"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>
<bpmn:collaboration id="C">
  <bpmn:participant id="Pool_Customer" processRef="Customer" />
  <bpmn:participant id="Pool_Shop" processRef="Shop" />
  <bpmn:messageFlow id="MF_Order" sourceRef="Order" targetRef="ShopStart" messageRef="M_Order" />
  <bpmn:messageFlow id="MF_Reply" sourceRef="ShopEnd" targetRef="Reply" />
</bpmn:collaboration>
<bpmn:process id="Customer" isExecutable="true">
  <bpmn:startEvent id="S" /><bpmn:sendTask id="Order" />
  <bpmn:intermediateCatchEvent id="Reply"><bpmn:messageEventDefinition messageRef="M_Reply" /></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="E" />
  <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Order" />
  <bpmn:sequenceFlow id="f2" sourceRef="Order" targetRef="Reply" />
  <bpmn:sequenceFlow id="f3" sourceRef="Reply" targetRef="E" />
</bpmn:process>
<bpmn:process id="Shop" isExecutable="true">
  <bpmn:startEvent id="ShopStart"><bpmn:messageEventDefinition messageRef="M_Order" /></bpmn:startEvent>
  <bpmn:userTask id="Pack" />
  <bpmn:endEvent id="ShopEnd"><bpmn:messageEventDefinition messageRef="M_Reply" /></bpmn:endEvent>
  <bpmn:sequenceFlow id="g1" sourceRef="ShopStart" targetRef="Pack" />
  <bpmn:sequenceFlow id="g2" sourceRef="Pack" targetRef="ShopEnd" />
</bpmn:process>
)");
}

/// Two pools whose end events start each other's process: instances without end.
inline std::string pingPong()
{
    return definitions(R"(<bpmn:collaboration id="C">
  <bpmn:participant id="PA" processRef="A" /><bpmn:participant id="PB" processRef="B" />
  <bpmn:messageFlow id="AB" sourceRef="EA" targetRef="SB" /><bpmn:messageFlow id="BA" sourceRef="EB" targetRef="SA" />
</bpmn:collaboration>
<bpmn:process id="A" isExecutable="true"><bpmn:startEvent id="SA" /><bpmn:endEvent id="EA"><bpmn:messageEventDefinition /></bpmn:endEvent>
  <bpmn:sequenceFlow id="a1" sourceRef="SA" targetRef="EA" /></bpmn:process>
<bpmn:process id="B" isExecutable="true"><bpmn:startEvent id="SB"><bpmn:messageEventDefinition /></bpmn:startEvent><bpmn:endEvent id="EB"><bpmn:messageEventDefinition /></bpmn:endEvent>
  <bpmn:sequenceFlow id="b1" sourceRef="SB" targetRef="EB" /></bpmn:process>
)");
}

} // namespace collab
