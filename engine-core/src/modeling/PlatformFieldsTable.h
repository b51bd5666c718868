// The table behind PlatformFields.h: for each field, which elements have it and where its value is
// stored. Shared by the reading (PlatformFields.cpp) and the writing (PlatformFieldsWrite.cpp) side.
#pragma once

#include "runway/core/modeling/PlatformFields.h"

#include <string_view>

namespace runway::core::modeling::platform {

/// The element whose extensions hold the value.
enum class Host {
    Self,          ///< the element itself
    Message,       ///< the bpmn:message the element (or its message event definition) references
    MultiInstance, ///< the element's bpmn:multiInstanceLoopCharacteristics
    Process,       ///< the process (a participant's process)
    MessageSource, ///< a task itself, or an event's bpmn:messageEventDefinition (camunda: implementation)
};

enum class Storage {
    ExtAttr,        ///< an attribute of an extension element: <zeebe:taskDefinition type="..."/>
    ExtText,        ///< the text of an extension element: <camunda:failedJobRetryTimeCycle>R3/PT5M</...>
    ExtList,        ///< items in a wrapper: <zeebe:ioMapping><zeebe:input source target/></zeebe:ioMapping>
    Attr,           ///< an attribute of the host: camunda:asyncBefore="true"
    Implementation, ///< camunda:class | expression | delegateExpression | type="external" + topic
    ImplementationValue,
};

enum class Target { Zeebe, Camunda };

struct FieldDef {
    FieldSpec spec;
    deploy::Engine engine = deploy::Engine::Bpmn;
    bool (*applies)(const Element*) = nullptr;
    Host host = Host::Self;
    Storage storage = Storage::ExtAttr;
    Target ns = Target::Zeebe;
    std::string_view wrapper;   ///< ExtList: the container ("ioMapping"); ExtAttr/ExtText: the element
    std::string_view item;      ///< ExtList: the item ("input")
    std::string_view keyAttr;   ///< ExtAttr/Attr: the attribute; ExtList: the attribute of the key column
    std::string_view valueAttr; ///< ExtList: the attribute of the value column ("" = the item's text)
    std::string_view before;    ///< ExtList: items go before the first item of this name ("output")
};

/// Every field, in form order.
const std::vector<FieldDef>& table();
const FieldDef* find(std::string_view key);
std::string_view nsUri(Target t);
std::string_view nsPrefix(Target t);

/// The element holding the field's value for element (nullptr when there is none yet, such as a
/// message not referenced). Resolves a participant to its process.
Element* hostOf(const Document& doc, const Element* element, Host host);
/// The process, participant's process, or null.
const Element* processOf(const Document& doc, const Element* element);
/// e's child ns:local where ns is given by URI.
Element* childByUri(const Document& doc, const Element* e, std::string_view uri, std::string_view local);
/// The extension element uri:local of host (in its bpmn:extensionElements), or null.
Element* extension(const Document& doc, const Element* host, std::string_view uri, std::string_view local);
/// The attribute uri:local of e, or empty.
std::string_view attrByUri(const Document& doc, const Element* e, std::string_view uri, std::string_view local);
/// The attribute holding the camunda: implementation of host ("class", ..., "topic" for external;
/// "" for none), and which kind it is in *kind.
std::string_view implementationAttribute(const Document& doc, const Element* host, std::string_view* kind);
/// True when e is an element with element children (a camunda:inputParameter holding a script or map).
bool hasElementChildren(const Element* e);

} // namespace runway::core::modeling::platform
