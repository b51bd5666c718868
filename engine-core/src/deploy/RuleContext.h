// Shared state and helpers of the deployability rules; Camunda8Rules.cpp and Camunda7Rules.cpp
// hold the rules of each engine, Deployability.cpp runs them.
#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/deploy/Platform.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace runway::core::deploy {

using Severity = Diagnostic::Severity;

std::string_view trimmed(std::string_view s);
/// "service task 'Task_1'" for messages.
std::string describe(const Element* e);

/// True when e is an element of the namespace with this URI.
bool inNamespace(const Document& doc, const Element* e, std::string_view uri);
/// The first element with this namespace URI and local name inside e's bpmn:extensionElements.
Element* extension(const Document& doc, const Element* e, std::string_view uri, std::string_view local);
/// The value of an attribute in the namespace with this URI, or empty.
std::string_view attrIn(const Document& doc, const Element* e, std::string_view uri, std::string_view local);
/// The first event definition of an event, or nullptr for a none event.
Element* firstDefinition(const Element* event);
/// True when an expression error says what Runway's evaluator does not cover (a function it does
/// not know, a method call, named arguments...), rather than text no engine could read: the
/// engine may well accept it, so Runway only warns that it could not check it.
bool beyondRunway(const std::string& expressionError);
/// The text of a sequence flow's conditionExpression; false when it has none.
bool conditionOf(const Element* flow, std::string* text, const Element** at);

class RuleContext {
public:
    RuleContext(const Document& doc, const Platform& platform);

    const Document& doc() const { return m_doc; }
    const Platform& platform() const { return m_platform; }
    /// The processes with isExecutable="true".
    const std::vector<Element*>& executable() const { return m_executable; }
    /// Every BPMN element inside the executable processes, in document order.
    const std::vector<Element*>& elements() const { return m_elements; }

    /// The sequence flows leaving or entering a flow node (by sourceRef/targetRef), from one index
    /// built up front, so that the rules take time proportional to the file.
    const std::vector<Element*>& outgoing(const Element* node) const;
    const std::vector<Element*>& incoming(const Element* node) const;

    void add(Severity s, const Element* e, const char* code, std::string message);
    Diagnostics take() { return std::move(m_found); }

private:
    const Document& m_doc;
    Platform m_platform;
    std::vector<Element*> m_executable, m_elements;
    std::unordered_map<const Element*, std::vector<Element*>> m_out, m_in;
    Diagnostics m_found;
};

void camunda8Rules(RuleContext& ctx);
void camunda7Rules(RuleContext& ctx);

} // namespace runway::core::deploy
