// The files of tst_platform_fields.cpp, kept out of the test source because moc misreads "//" (the
// namespace URIs) inside string literals of a test class's file.
#pragma once

#include <string>

namespace {

/// A file with bpmn: as its prefix (as Camunda Modeler writes), for the platform ("Camunda Cloud",
/// "Camunda Platform" or "" for plain BPMN), holding body inside bpmn:definitions. The zeebe: and
/// camunda: prefixes are declared only when declareExtensions.
inline std::string platformModel(const std::string& platform, const std::string& body, bool declareExtensions = true,
                                 const std::string& extraNamespaces = {})
{
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                    "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" "
                    "xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\" "
                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ";
    if (declareExtensions)
        s += "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" "
             "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" ";
    if (!platform.empty())
        s += "xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\" ";
    s += extraNamespaces;
    s += "id=\"Defs\" targetNamespace=\"urn:test\"";
    if (platform == "Camunda Cloud")
        s += " modeler:executionPlatform=\"Camunda Cloud\" modeler:executionPlatformVersion=\"8.6.0\"";
    else if (platform == "Camunda Platform")
        s += " modeler:executionPlatform=\"Camunda Platform\" modeler:executionPlatformVersion=\"7.21.0\"";
    return s + ">\n" + body + "</bpmn:definitions>\n";
}

/// One element of every kind that has platform fields, in one executable process.
inline std::string everyKindBody()
{
    return R"(  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
    <bpmn:serviceTask id="ServiceTask_1" name="Charge">
      <bpmn:documentation>Charges the card</bpmn:documentation>
    </bpmn:serviceTask>
    <bpmn:sendTask id="SendTask_1" />
    <bpmn:scriptTask id="ScriptTask_1" />
    <bpmn:businessRuleTask id="RuleTask_1" />
    <bpmn:userTask id="UserTask_1" />
    <bpmn:callActivity id="CallActivity_1" />
    <bpmn:receiveTask id="ReceiveTask_1" messageRef="Message_1" />
    <bpmn:intermediateCatchEvent id="CatchEvent_1">
      <bpmn:messageEventDefinition id="MessageDef_1" messageRef="Message_1" />
    </bpmn:intermediateCatchEvent>
    <bpmn:intermediateThrowEvent id="ThrowEvent_1">
      <bpmn:messageEventDefinition id="MessageDef_2" />
    </bpmn:intermediateThrowEvent>
    <bpmn:serviceTask id="MiTask_1">
      <bpmn:multiInstanceLoopCharacteristics />
    </bpmn:serviceTask>
    <bpmn:exclusiveGateway id="Gateway_1" />
    <bpmn:endEvent id="EndEvent_1" />
  </bpmn:process>
  <bpmn:message id="Message_1" name="Order" />
)";
}

/// An intermediate message catch event without a message, for the refusal of a correlation key.
inline std::string catchWithoutMessageBody()
{
    return R"(  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:intermediateCatchEvent id="CatchEvent_2">
      <bpmn:messageEventDefinition id="MessageDef_3" />
    </bpmn:intermediateCatchEvent>
  </bpmn:process>
)";
}

/// A Camunda 7 service task with a script parameter (not a text row) and other extensions.
inline std::string complexParametersBody()
{
    return R"(  <bpmn:process id="Process_1" isExecutable="true" camunda:historyTimeToLive="30">
    <bpmn:serviceTask id="Task_1" camunda:class="a.B">
      <bpmn:extensionElements>
        <camunda:inputOutput>
          <camunda:inputParameter name="old">text</camunda:inputParameter>
          <camunda:inputParameter name="computed">
            <camunda:script scriptFormat="groovy">1 + 1</camunda:script>
          </camunda:inputParameter>
          <camunda:outputParameter name="result">${r}</camunda:outputParameter>
        </camunda:inputOutput>
        <zeebe:taskHeaders>
          <zeebe:header key="k" value="v" />
        </zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
  </bpmn:process>
)";
}

/// A pool and its process.
inline std::string poolBody()
{
    return R"(  <bpmn:collaboration id="Collaboration_1">
    <bpmn:participant id="Pool_1" name="Shop" processRef="Process_1" />
  </bpmn:collaboration>
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
)";
}

/// A service task with a zeebe namespace under another prefix.
inline std::string otherPrefixModel()
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
           "xmlns:z=\"http://camunda.org/schema/zeebe/1.0\" id=\"Defs\" targetNamespace=\"urn:test\">\n"
           "  <process id=\"Process_1\" isExecutable=\"true\">\n"
           "    <serviceTask id=\"ServiceTask_1\" />\n"
           "  </process>\n"
           "</definitions>\n";
}

} // namespace

namespace {
inline const char* const kZeebeDeclaration = "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"";
inline const char* const kCamundaDeclaration = "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"";
inline const char* const kModelerDeclaration = "xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\"";
} // namespace
