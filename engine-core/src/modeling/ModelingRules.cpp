#include "runway/core/modeling/ModelingRules.h"

#include "runway/core/Semantics.h"

#include <string>

namespace runway::core::modeling {

namespace {

bool is(const Element* e, BpmnType t)
{
    return e && e->isA(t);
}

/// "start event" for startEvent, for messages.
std::string typeWords(BpmnType t)
{
    std::string out;
    for (char c : Metamodel::instance().type(t).name) {
        if (c >= 'A' && c <= 'Z') {
            out += ' ';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}
std::string kindName(const Element* e)
{
    if (!e)
        return "nothing";
    if (!e->isBpmn())
        return std::string(e->local()); // an extension element
    return typeWords(e->type);
}
std::string quoted(const Element* e)
{
    std::string s = kindName(e);
    const auto label = e && !e->name().empty() ? e->name() : (e ? e->id() : std::string_view());
    if (!label.empty())
        s += " '" + std::string(label) + "'";
    return s;
}

bool isData(const Element* e)
{
    return is(e, BpmnType::DataObjectReference) || is(e, BpmnType::DataStoreReference) || is(e, BpmnType::DataObject) ||
           is(e, BpmnType::DataInput) || is(e, BpmnType::DataOutput);
}
bool isArtifact(const Element* e)
{
    return is(e, BpmnType::TextAnnotation) || is(e, BpmnType::Group);
}

/// A boundary event with a compensation definition: it connects to its handler by an association.
bool isCompensationBoundary(const Element* e)
{
    return is(e, BpmnType::BoundaryEvent) && eventDefinitionOf(e) == BpmnType::CompensateEventDefinition;
}

/// Event definitions a catch event waiting after an event-based gateway may have.
bool isEventGatewayTarget(const Element* e)
{
    if (is(e, BpmnType::ReceiveTask))
        return true;
    if (!is(e, BpmnType::IntermediateCatchEvent))
        return false;
    const BpmnType d = eventDefinitionOf(e);
    return d == BpmnType::MessageEventDefinition || d == BpmnType::TimerEventDefinition ||
           d == BpmnType::SignalEventDefinition || d == BpmnType::ConditionalEventDefinition;
}

Verdict sequenceFlow(const Document& doc, const Element* s, const Element* t)
{
    if (!is(s, BpmnType::FlowNode) || !is(t, BpmnType::FlowNode))
        return Verdict::no("a sequence flow connects activities, events and gateways; " +
                           quoted(is(s, BpmnType::FlowNode) ? t : s) + " is none of them");
    if (s == t)
        return Verdict::no("a sequence flow cannot connect " + quoted(s) + " to itself");
    if (s->parent != t->parent)
        return Verdict::no("a sequence flow stays inside one process level: " + quoted(s) + " and " + quoted(t) +
                           " are in different " +
                           (poolOf(doc, s) != poolOf(doc, t) ? "pools (use a message flow)" : "sub-processes"));
    if (is(s, BpmnType::EndEvent))
        return Verdict::no("nothing leaves an end event: " + quoted(s) + " ends its path");
    if (is(t, BpmnType::StartEvent))
        return Verdict::no("nothing enters a start event: " + quoted(t) + " starts its path");
    if (is(t, BpmnType::BoundaryEvent))
        return Verdict::no("nothing enters a boundary event: " + quoted(t) + " is triggered on its activity's border");
    if (isCompensationBoundary(s))
        return Verdict::no("a compensation boundary event has no outgoing sequence flow; connect it to its handler "
                           "with an association");
    if (isCompensationHandler(s) || isCompensationHandler(t))
        return Verdict::no(
            "a compensation handler (" + quoted(isCompensationHandler(s) ? s : t) +
            ") has no sequence flows; it is reached by an association from a compensation boundary event");
    if (isEventSubProcess(s) || isEventSubProcess(t))
        return Verdict::no("an event sub-process has no sequence flows; its start event triggers it");
    if (is(s, BpmnType::EventBasedGateway)) {
        if (!isEventGatewayTarget(t))
            return Verdict::no(
                "after an event-based gateway comes an intermediate catch event (message, timer, signal, "
                "conditional) or a receive task, not " +
                quoted(t));
        if (!sem::incoming(doc, t).empty())
            return Verdict::no(quoted(t) +
                               " already has an incoming flow; a target of an event-based gateway has only that one");
    }
    for (const Element* in : sem::incoming(doc, t)) {
        const Element* from = doc.resolve(in->attr("sourceRef"));
        if (is(from, BpmnType::EventBasedGateway) && from != s)
            return Verdict::no(quoted(t) + " waits after an event-based gateway and can have no other incoming flow");
        if (from == s)
            return Verdict::no(quoted(s) + " is already connected to " + quoted(t));
    }
    return Verdict::yes();
}

bool canSendMessage(const Element* e)
{
    if (is(e, BpmnType::Participant))
        return true;
    if (is(e, BpmnType::Activity))
        return !is(e, BpmnType::ReceiveTask);
    return is(e, BpmnType::EndEvent) || is(e, BpmnType::IntermediateThrowEvent);
}
bool canReceiveMessage(const Element* e)
{
    if (is(e, BpmnType::Participant))
        return true;
    if (is(e, BpmnType::Activity))
        return !is(e, BpmnType::SendTask) && !isEventSubProcess(e);
    return is(e, BpmnType::StartEvent) || is(e, BpmnType::IntermediateCatchEvent) || is(e, BpmnType::BoundaryEvent);
}

Verdict messageFlow(const Document& doc, const Element* s, const Element* t)
{
    if (is(s, BpmnType::Gateway) || is(t, BpmnType::Gateway))
        return Verdict::no("gateways neither send nor receive messages: " + quoted(is(s, BpmnType::Gateway) ? s : t));
    const Element* ps = poolOf(doc, s);
    const Element* pt = poolOf(doc, t);
    if (!ps || !pt)
        return Verdict::no("a message flow connects two pools; " + quoted(ps ? t : s) + " is in no pool");
    if (ps == pt)
        return Verdict::no("a message flow goes between different pools; " + quoted(s) + " and " + quoted(t) +
                           " are in the same pool (use a sequence flow)");
    if (!canSendMessage(s))
        return Verdict::no(
            quoted(s) + " cannot send a message (a message flow starts at a pool, an activity, or a throw/end event)");
    if (!canReceiveMessage(t))
        return Verdict::no(
            quoted(t) +
            " cannot receive a message (a message flow ends at a pool, an activity, or a start/catch event)");
    return Verdict::yes();
}

Verdict association(const Element* s, const Element* t)
{
    if (s == t)
        return Verdict::no("an association cannot connect " + quoted(s) + " to itself");
    if (is(s, BpmnType::TextAnnotation) || is(t, BpmnType::TextAnnotation)) {
        if (is(s, BpmnType::TextAnnotation) && is(t, BpmnType::TextAnnotation))
            return Verdict::no(
                "an association links a text annotation to the element it explains, not to another annotation");
        if (is(s, BpmnType::Lane) || is(t, BpmnType::Lane))
            return Verdict::no("a text annotation cannot be attached to a lane");
        return Verdict::yes();
    }
    if (isCompensationBoundary(s) && isCompensationHandler(t))
        return Verdict::yes();
    if (isCompensationBoundary(s))
        return Verdict::no(
            "a compensation boundary event is associated with a compensation handler (an activity marked "
            "'for compensation'); " +
            quoted(t) + " is not one");
    return Verdict::no(
        "an association links a text annotation to an element, or a compensation boundary event to its handler");
}

Verdict dataAssociation(const Element* s, const Element* t, FlowType type)
{
    const bool input = type == FlowType::DataInput;
    const Element* data = input ? s : t;
    const Element* user = input ? t : s;
    if (!isData(data))
        return Verdict::no(std::string("a data ") + (input ? "input" : "output") + " association " +
                           (input ? "starts at" : "ends at") + " a data object or data store; " + quoted(data) +
                           " is neither");
    if (input && !(is(user, BpmnType::Activity) || is(user, BpmnType::ThrowEvent)))
        return Verdict::no("data is read by activities and throw events; " + quoted(user) + " cannot read " +
                           quoted(data));
    if (!input && !(is(user, BpmnType::Activity) || is(user, BpmnType::CatchEvent)))
        return Verdict::no("data is written by activities and catch events; " + quoted(user) + " cannot write " +
                           quoted(data));
    return Verdict::yes();
}

} // namespace

const Element* processOfElement(const Element* e)
{
    for (; e; e = e->parent)
        if (e->type == BpmnType::Process)
            return e;
    return nullptr;
}

const Element* poolOf(const Document& doc, const Element* e)
{
    if (!e)
        return nullptr;
    if (is(e, BpmnType::Participant))
        return e;
    const Element* process = processOfElement(e);
    if (!process)
        return nullptr;
    for (const Element* p : sem::participants(doc))
        if (sem::processOf(doc, p) == process)
            return p;
    return nullptr;
}

BpmnType eventDefinitionOf(const Element* event)
{
    if (!event)
        return BpmnType::Count;
    for (const Element* c : event->children())
        if (c->isA(BpmnType::EventDefinition))
            return c->type;
    if (!event->attr("eventDefinitionRef").empty())
        return BpmnType::EventDefinition;
    return BpmnType::Count;
}

bool isCompensationHandler(const Element* e)
{
    return is(e, BpmnType::Activity) && e->attr("isForCompensation") == "true";
}

bool isEventSubProcess(const Element* e)
{
    return is(e, BpmnType::SubProcess) && e->attr("triggeredByEvent") == "true";
}

bool isCreatable(BpmnType type)
{
    if (type == BpmnType::Count)
        return false;
    const auto& t = Metamodel::instance().type(type);
    const auto* decl = Metamodel::instance().element(t.ns, t.name);
    return decl && !decl->isAbstract && decl->type == type && !t.isAbstract;
}

Verdict canConnect(const Document& doc, const Element* source, const Element* target, FlowType type)
{
    if (!source || !target)
        return Verdict::no("a connection needs both a source and a target");
    switch (type) {
    case FlowType::Sequence: return sequenceFlow(doc, source, target);
    case FlowType::Message: return messageFlow(doc, source, target);
    case FlowType::Association: return association(source, target);
    case FlowType::DataInput:
    case FlowType::DataOutput: return dataAssociation(source, target, type);
    case FlowType::None: break;
    }
    return Verdict::no("no connection type was chosen");
}

FlowType naturalFlow(const Document& doc, const Element* source, const Element* target)
{
    if (!source || !target)
        return FlowType::None;
    FlowType candidates[] = {FlowType::Sequence, FlowType::Message, FlowType::Association, FlowType::DataInput,
                             FlowType::DataOutput};
    if (isData(source))
        return canConnect(doc, source, target, FlowType::DataInput) ? FlowType::DataInput : FlowType::None;
    if (isData(target))
        return canConnect(doc, source, target, FlowType::DataOutput) ? FlowType::DataOutput : FlowType::None;
    if (isArtifact(source) || isArtifact(target) || isCompensationBoundary(source))
        return canConnect(doc, source, target, FlowType::Association) ? FlowType::Association : FlowType::None;
    for (FlowType t : candidates)
        if (canConnect(doc, source, target, t))
            return t;
    return FlowType::None;
}

Verdict eventDefinitionAllowed(BpmnType eventType, BpmnType d, const Element* container)
{
    using T = BpmnType;
    auto oneOf = [&](std::initializer_list<T> allowed) {
        for (T a : allowed)
            if (a == d)
                return true;
        return false;
    };
    const bool none = d == T::Count;
    bool ok = false;
    switch (eventType) {
    case T::StartEvent:
        ok = none || oneOf({T::MessageEventDefinition, T::TimerEventDefinition, T::ConditionalEventDefinition,
                            T::SignalEventDefinition});
        if (!ok && isEventSubProcess(container))
            ok = oneOf({T::ErrorEventDefinition, T::EscalationEventDefinition, T::CompensateEventDefinition});
        break;
    case T::EndEvent:
        ok = none || oneOf({T::MessageEventDefinition, T::ErrorEventDefinition, T::EscalationEventDefinition,
                            T::SignalEventDefinition, T::CompensateEventDefinition, T::TerminateEventDefinition});
        if (!ok && d == T::CancelEventDefinition)
            ok = is(container, T::Transaction);
        break;
    case T::IntermediateCatchEvent:
        ok = oneOf({T::MessageEventDefinition, T::TimerEventDefinition, T::ConditionalEventDefinition,
                    T::LinkEventDefinition, T::SignalEventDefinition});
        break;
    case T::IntermediateThrowEvent:
        ok = none || oneOf({T::MessageEventDefinition, T::EscalationEventDefinition, T::LinkEventDefinition,
                            T::SignalEventDefinition, T::CompensateEventDefinition});
        break;
    case T::BoundaryEvent:
        ok = oneOf({T::MessageEventDefinition, T::TimerEventDefinition, T::ErrorEventDefinition,
                    T::EscalationEventDefinition, T::ConditionalEventDefinition, T::SignalEventDefinition,
                    T::CompensateEventDefinition, T::CancelEventDefinition});
        break;
    default: return Verdict::no("only events have event definitions");
    }
    if (ok)
        return Verdict::yes();
    std::string trigger = none ? std::string() : typeWords(d);
    if (const auto suffix = trigger.find(" event definition"); suffix != std::string::npos)
        trigger.erase(suffix);
    const bool vowel = !trigger.empty() && std::string_view("aeiou").find(trigger[0]) != std::string_view::npos;
    const std::string def = none ? std::string("no trigger") : (vowel ? "an " : "a ") + trigger + " trigger";
    return Verdict::no("BPMN does not allow " + typeWords(eventType) + "s with " + def);
}

Verdict canAttach(const Document& doc, const Element* event, const Element* activity)
{
    if (!is(event, BpmnType::Event))
        return Verdict::no("only events can be attached to an activity's border; " + quoted(event) +
                           " is not an event");
    if (is(event, BpmnType::StartEvent) || is(event, BpmnType::EndEvent))
        return Verdict::no("start and end events cannot sit on an activity's border; use an intermediate event");
    if (!is(activity, BpmnType::Activity))
        return Verdict::no("boundary events attach to activities (tasks, sub-processes, call activities); " +
                           quoted(activity) + " is not one");
    if (isEventSubProcess(activity))
        return Verdict::no("an event sub-process has no boundary events");
    if (!sem::incoming(doc, event).empty())
        return Verdict::no(quoted(event) + " has incoming flows; a boundary event has none: remove them first");
    const BpmnType d = eventDefinitionOf(event);
    if (d != BpmnType::Count && d != BpmnType::LinkEventDefinition && d != BpmnType::TerminateEventDefinition) {
        if (d == BpmnType::CancelEventDefinition && !is(activity, BpmnType::Transaction))
            return Verdict::no("a cancel boundary event attaches only to a transaction");
        if (!eventDefinitionAllowed(BpmnType::BoundaryEvent, d, activity->parent))
            return Verdict::no("BPMN does not allow this event on an activity's border");
    } else if (d != BpmnType::Count) {
        return Verdict::no("a link or terminate event cannot be a boundary event");
    }
    return Verdict::yes();
}

Verdict canDrop(const Document& doc, const Element* element, const Element* container)
{
    if (!element || !container)
        return Verdict::no("nothing to drop, or nowhere to drop it");
    for (const Element* c = container; c; c = c->parent)
        if (c == element)
            return Verdict::no(quoted(element) + " cannot be dropped into itself");
    if (is(element, BpmnType::Participant))
        return is(container, BpmnType::Collaboration) || is(container, BpmnType::Definitions)
                   ? Verdict::yes()
                   : Verdict::no("a pool stands on its own in the diagram; it cannot go inside " + quoted(container));
    if (is(element, BpmnType::Lane))
        return is(container, BpmnType::Participant) || is(container, BpmnType::Lane)
                   ? Verdict::yes()
                   : Verdict::no("a lane goes into a pool or another lane, not into " + quoted(container));
    if (is(element, BpmnType::BoundaryEvent))
        return Verdict::no("a boundary event sits on an activity's border; drop it on an activity, or detach it first");
    const bool flowish = is(element, BpmnType::FlowNode) || isData(element) || isArtifact(element);
    if (!flowish)
        return Verdict::no(quoted(element) + " cannot be placed by dropping");
    if (is(container, BpmnType::Participant)) {
        if (!sem::processOf(doc, container) && !isArtifact(element))
            return Verdict::no(quoted(container) + " is an empty (black-box) pool: it has no process to hold " +
                               quoted(element));
        return Verdict::yes();
    }
    if (is(container, BpmnType::Lane) || is(container, BpmnType::Process) || is(container, BpmnType::Collaboration))
        return Verdict::yes();
    if (is(container, BpmnType::SubProcess)) {
        if (is(element, BpmnType::StartEvent) && isEventSubProcess(container) &&
            eventDefinitionOf(element) == BpmnType::Count)
            return Verdict::no("the start event of an event sub-process needs a trigger (message, timer, error, ...)");
        return Verdict::yes();
    }
    return Verdict::no(quoted(container) +
                       " cannot hold other elements; drop onto a process, pool, lane or expanded sub-process");
}

Verdict canChangeType(const Document& doc, const Element* e, const TypeSpec& to)
{
    if (!e)
        return Verdict::no("nothing to change");
    const BpmnType from = e->type;
    auto family = [](BpmnType t) {
        const auto& mm = Metamodel::instance();
        if (mm.isA(t, BpmnType::Activity))
            return 1;
        if (mm.isA(t, BpmnType::Event))
            return 2;
        if (mm.isA(t, BpmnType::Gateway))
            return 3;
        return 0;
    };
    const int f = family(from);
    if (f == 0 || f != family(to.type) || !isCreatable(to.type))
        return Verdict::no("this " + kindName(e) + " can only become another kind of " +
                           (f == 1   ? "activity"
                            : f == 2 ? "event"
                            : f == 3 ? "gateway"
                                     : "element of its kind"));
    if (f == 1) {
        const bool wasContainer = is(e, BpmnType::SubProcess);
        const bool willContain = Metamodel::instance().isA(to.type, BpmnType::SubProcess);
        if (wasContainer && !willContain && !sem::flowElements(e).empty())
            return Verdict::no(quoted(e) + " holds elements; a task cannot: empty it, or collapse it instead");
        if (!sem::boundaryEvents(doc, e).empty() && to.type == BpmnType::SubProcess && isEventSubProcess(e))
            return Verdict::no("an event sub-process cannot have boundary events");
        return Verdict::yes();
    }
    if (f == 3) {
        if (to.type == BpmnType::EventBasedGateway)
            for (const Element* out : sem::outgoing(doc, e)) {
                const Element* t = doc.resolve(out->attr("targetRef"));
                if (!isEventGatewayTarget(t))
                    return Verdict::no("an event-based gateway leads only to catch events or receive tasks; " +
                                       quoted(t) + " is neither");
            }
        return Verdict::yes();
    }
    // events
    if ((from == BpmnType::BoundaryEvent) != (to.type == BpmnType::BoundaryEvent))
        return Verdict::no(from == BpmnType::BoundaryEvent
                               ? "detach the boundary event from its activity to make it another event"
                               : "attach the event to an activity's border to make it a boundary event");
    if (to.type == BpmnType::StartEvent && !sem::incoming(doc, e).empty())
        return Verdict::no(quoted(e) + " has incoming flows; a start event has none: remove them first");
    if (to.type == BpmnType::EndEvent && !sem::outgoing(doc, e).empty())
        return Verdict::no(quoted(e) + " has outgoing flows; an end event has none: remove them first");
    if (Verdict v = eventDefinitionAllowed(to.type, to.eventDefinition, e->parent); !v)
        return v;
    if (to.interrupting && !*to.interrupting) {
        const bool startInEventSub = to.type == BpmnType::StartEvent && isEventSubProcess(e->parent);
        if (!startInEventSub && to.type != BpmnType::BoundaryEvent)
            return Verdict::no("only boundary events and start events of event sub-processes can be non-interrupting");
        const BpmnType d = to.eventDefinition;
        if (d == BpmnType::ErrorEventDefinition || d == BpmnType::CancelEventDefinition ||
            d == BpmnType::CompensateEventDefinition)
            return Verdict::no("error, cancel and compensation events always interrupt");
    }
    return Verdict::yes();
}

} // namespace runway::core::modeling
