#pragma once

#include "runway/core/Document.h"

#include <optional>
#include <string>

namespace runway::core::modeling {

/// The kinds of connection the editor draws.
enum class FlowType { None, Sequence, Message, Association, DataInput, DataOutput };

/// A rule's answer: allowed, or denied with a sentence the user understands (shown while dragging).
struct Verdict {
    bool allowed = true;
    std::string reason; ///< empty when allowed
    explicit operator bool() const { return allowed; }
    static Verdict yes() { return {}; }
    static Verdict no(std::string why) { return {false, std::move(why)}; }
};

/// What an element becomes in a change of type: its BPMN type, and for events the event
/// definition (Count: none), whether it interrupts, and for sub-processes whether it is expanded.
struct TypeSpec {
    TypeSpec() = default;
    TypeSpec(BpmnType t, BpmnType definition = BpmnType::Count, std::optional<bool> interrupts = std::nullopt,
             std::optional<bool> isExpanded = std::nullopt)
        : type(t), eventDefinition(definition), interrupting(interrupts), expanded(isExpanded)
    {
    }
    BpmnType type = BpmnType::Task;
    BpmnType eventDefinition = BpmnType::Count;
    std::optional<bool> interrupting; ///< start events of event sub-processes, boundary events
    std::optional<bool> expanded;     ///< sub-processes, transactions, ad-hoc sub-processes
};

// ---- what an element is, as the rules see it (also used by the facade) ----
/// The process an element belongs to (walking up through sub-processes, lanes are not parents).
const Element* processOfElement(const Element* e);
/// The pool (participant) an element is drawn in: the participant itself, the participant whose
/// process holds the element, or nullptr when the document has no pool for it.
const Element* poolOf(const Document& doc, const Element* e);
/// The single event definition of an event (Count when none; the first when several).
BpmnType eventDefinitionOf(const Element* event);
bool isCompensationHandler(const Element* e);
bool isEventSubProcess(const Element* e);
/// Whether the schema has a concrete element of this type (so that it can be created).
bool isCreatable(BpmnType type);

// ---- the rules (BPMN 2.0.2 chapters 7-10, and what bpmn.io enforces) ----
/// Whether source may be connected to target with a flow of the given type.
Verdict canConnect(const Document& doc, const Element* source, const Element* target, FlowType type);
/// The flow type a plain "connect" gesture between source and target creates (None: nothing fits).
FlowType naturalFlow(const Document& doc, const Element* source, const Element* target);
/// Whether an event may be attached to an activity's border as a boundary event.
Verdict canAttach(const Document& doc, const Element* event, const Element* activity);
/// Whether an element may be dropped into a container (process, participant, lane, sub-process).
Verdict canDrop(const Document& doc, const Element* element, const Element* container);
/// Whether an element may change to another type in place (keeping id, name, flows and DI).
Verdict canChangeType(const Document& doc, const Element* element, const TypeSpec& to);
/// Whether an event definition is allowed on an event of that type (Count: a none event).
Verdict eventDefinitionAllowed(BpmnType eventType, BpmnType definition, const Element* container);

} // namespace runway::core::modeling
