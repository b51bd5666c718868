#pragma once

#include "runway/core/deploy/Platform.h"
#include "runway/core/modeling/Modeling.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace runway::core::modeling {

/// How a platform field is edited.
enum class FieldKind {
    Text,         ///< a plain string (a job type, a process id, a variable name)
    Feel,         ///< a FEEL expression, written with its leading "=" (Camunda 8)
    Integer,      ///< a whole number (retries, days)
    Bool,         ///< "true" or "false"
    KeyValueList, ///< rows of two strings (mappings, headers, parameters, listeners)
    Choice,       ///< one of FieldSpec::choices
};

/// One setting of an element for an engine, as Camunda Modeler shows it, and where it is stored:
/// always the real zeebe: or camunda: extension element or attribute, so that Camunda's own tools
/// read it and a file round-trips losslessly.
struct FieldSpec {
    std::string_view key;   ///< stable name: "taskType", "inputs", "c7.implementation" (undo merge key, tests)
    std::string_view group; ///< a heading ("Task definition", "Inputs", "Implementation")
    std::string_view label; ///< "Job type"
    FieldKind kind = FieldKind::Text;
    std::string_view storage;              ///< where it is written: "zeebe:taskDefinition type"
    std::string_view defaultValue;         ///< what an absent value means ("false" for async before)
    std::vector<std::string_view> choices; ///< Choice: the values ("" = none)
    std::string_view keyLabel, valueLabel; ///< KeyValueList: the column headings
};

/// A field's value: text for every kind but KeyValueList, which uses rows.
struct FieldValue {
    std::string text;
    std::vector<std::pair<std::string, std::string>> rows;
    bool operator==(const FieldValue&) const = default;
};

/// The fields an element has for an engine, in the order a form shows them: service, send, script
/// and business rule tasks, user tasks, call activities, message catch events and receive tasks,
/// multi-instance activities and processes (a participant stands for its process). Empty for plain
/// BPMN and for elements without engine settings.
std::vector<const FieldSpec*> platformFields(const Element* element, deploy::Engine engine);
/// The description of a field by key ("taskType", "c7.class"); nullptr when unknown.
const FieldSpec* platformField(std::string_view key);

/// The field's current value on the element, read from its extension elements and attributes (a
/// correlation key from the message the element references). Absent: the spec's default.
FieldValue readPlatformField(const Document& doc, const Element* element, std::string_view key);

/// Writes a field as its real extension element or attribute, as one edit: containers
/// (extensionElements, zeebe:taskDefinition, camunda:inputOutput, ...) are created when needed and
/// removed when their last value goes; the namespace is declared with Camunda Modeler's prefix
/// (zeebe, camunda) when the file has none. An empty text removes the value. Refused (Edit::error,
/// nothing changed) when the field does not apply to the element, a value is not of its kind, or
/// (correlation key) the element references no message.
Edit writePlatformField(Modeling& modeling, Element* element, std::string_view key, const FieldValue& value);

/// Sets the engine and version the file names (modeler:executionPlatform and
/// modeler:executionPlatformVersion on bpmn:definitions, as Camunda Modeler writes them; removed for
/// plain BPMN), as one edit.
Edit setExecutionPlatform(Modeling& modeling, const deploy::Platform& platform);

} // namespace runway::core::modeling
