#include "runway/modeler/notation/NotationItem.h"

#include "runway/core/Di.h"
#include "runway/core/Semantics.h"

#include <cmath>

namespace runway::modeler::notation {

using core::BpmnType;
using core::Element;

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

/// Diagram coordinates beyond this are treated as broken geometry (files are untrusted).
constexpr double kMaxCoordinate = 1e7;

bool sane(double v)
{
    return std::isfinite(v) && std::abs(v) <= kMaxCoordinate;
}

std::optional<QRectF> rectOf(const std::optional<core::di::Bounds>& b)
{
    if (!b || !sane(b->x) || !sane(b->y) || !sane(b->width) || !sane(b->height) || b->width < 0 || b->height < 0)
        return std::nullopt;
    return QRectF(b->x, b->y, b->width, b->height);
}

EventMarker markerOf(const Element* definition)
{
    switch (definition->type) {
    case BpmnType::MessageEventDefinition: return EventMarker::Message;
    case BpmnType::TimerEventDefinition: return EventMarker::Timer;
    case BpmnType::ErrorEventDefinition: return EventMarker::Error;
    case BpmnType::EscalationEventDefinition: return EventMarker::Escalation;
    case BpmnType::SignalEventDefinition: return EventMarker::Signal;
    case BpmnType::ConditionalEventDefinition: return EventMarker::Conditional;
    case BpmnType::LinkEventDefinition: return EventMarker::Link;
    case BpmnType::CompensateEventDefinition: return EventMarker::Compensate;
    case BpmnType::CancelEventDefinition: return EventMarker::Cancel;
    case BpmnType::TerminateEventDefinition: return EventMarker::Terminate;
    default: return EventMarker::None;
    }
}

void describeEvent(const core::Document& doc, const Element* e, NotationItem& item)
{
    item.symbol = Symbol::Event;
    switch (e->type) {
    case BpmnType::StartEvent:
        item.eventPosition = EventPosition::Start;
        item.interrupting = e->attrOrDefault("isInterrupting") != "false";
        break;
    case BpmnType::EndEvent:
        item.eventPosition = EventPosition::End;
        item.throwing = true;
        break;
    case BpmnType::BoundaryEvent:
        item.eventPosition = EventPosition::Intermediate;
        item.interrupting = e->attrOrDefault("cancelActivity") != "false";
        break;
    default:
        item.eventPosition = EventPosition::Intermediate;
        item.throwing = e->isA(BpmnType::ThrowEvent);
        break;
    }
    // Definitions written inline, and references to global ones (eventDefinitionRef).
    std::vector<const Element*> defs;
    for (const Element* d : core::sem::eventDefinitions(e))
        defs.push_back(d);
    for (const Element* c : e->children())
        if (c->ns == core::Ns::Model && c->local() == "eventDefinitionRef")
            if (const Element* d = doc.resolve(c->textContent()); d && d->isA(BpmnType::EventDefinition))
                defs.push_back(d);
    if (defs.size() == 1) {
        item.eventMarker = markerOf(defs.front());
    } else if (defs.size() > 1) {
        item.eventMarker = e->attr("parallelMultiple") == "true" ? EventMarker::ParallelMultiple : EventMarker::Multiple;
    }
}

LoopMarker loopOf(const Element* activity)
{
    for (const Element* c : activity->children()) {
        if (c->type == BpmnType::StandardLoopCharacteristics)
            return LoopMarker::Standard;
        if (c->type == BpmnType::MultiInstanceLoopCharacteristics)
            return c->attr("isSequential") == "true" ? LoopMarker::SequentialMultiInstance
                                                     : LoopMarker::ParallelMultiInstance;
    }
    return LoopMarker::None;
}

TaskIcon iconOf(BpmnType t)
{
    switch (t) {
    case BpmnType::UserTask:
    case BpmnType::GlobalUserTask: return TaskIcon::User;
    case BpmnType::ServiceTask: return TaskIcon::Service;
    case BpmnType::ScriptTask:
    case BpmnType::GlobalScriptTask: return TaskIcon::Script;
    case BpmnType::SendTask: return TaskIcon::Send;
    case BpmnType::ReceiveTask: return TaskIcon::Receive;
    case BpmnType::ManualTask:
    case BpmnType::GlobalManualTask: return TaskIcon::Manual;
    case BpmnType::BusinessRuleTask:
    case BpmnType::GlobalBusinessRuleTask: return TaskIcon::BusinessRule;
    default: return TaskIcon::None;
    }
}

void describeActivity(const core::Document& doc, const Element* e, const Element* shape, NotationItem& item)
{
    item.symbol = Symbol::Activity;
    item.loop = loopOf(e);
    item.compensation = e->attr("isForCompensation") == "true";
    item.taskIcon = iconOf(e->type);
    if (e->isA(BpmnType::SubProcess)) {
        if (e->type == BpmnType::Transaction)
            item.activityKind = ActivityKind::Transaction;
        else if (e->type == BpmnType::AdHocSubProcess)
            item.activityKind = ActivityKind::AdHocSubProcess;
        else if (e->attr("triggeredByEvent") == "true")
            item.activityKind = ActivityKind::EventSubProcess;
        else
            item.activityKind = ActivityKind::SubProcess;
        // Absent isExpanded: a sub-process is drawn expanded when its shape is large (tools that
        // omit the flag size collapsed ones like tasks).
        auto flag = core::di::flag(shape, "isExpanded");
        item.expanded = flag ? *flag : (item.bounds.width() > 150 && item.bounds.height() > 100);
    } else if (e->type == BpmnType::CallActivity) {
        item.activityKind = ActivityKind::CallActivity;
        item.expanded = core::di::flag(shape, "isExpanded").value_or(false);
        if (const Element* called = doc.resolve(e->attr("calledElement")); called && called->isA(BpmnType::GlobalTask)) {
            item.callsGlobalTask = true;
            item.taskIcon = iconOf(called->type);
        }
    }
}

void describeGateway(const Element* e, const Element* shape, NotationItem& item)
{
    item.symbol = Symbol::Gateway;
    switch (e->type) {
    case BpmnType::ExclusiveGateway:
        item.gatewayMarker = GatewayMarker::Exclusive;
        item.markerVisible = core::di::flag(shape, "isMarkerVisible").value_or(false);
        break;
    case BpmnType::ParallelGateway: item.gatewayMarker = GatewayMarker::Parallel; break;
    case BpmnType::InclusiveGateway: item.gatewayMarker = GatewayMarker::Inclusive; break;
    case BpmnType::ComplexGateway: item.gatewayMarker = GatewayMarker::Complex; break;
    case BpmnType::EventBasedGateway:
        if (e->attr("instantiate") == "true")
            item.gatewayMarker = e->attr("eventGatewayType") == "Parallel" ? GatewayMarker::ParallelEventBasedStart
                                                                          : GatewayMarker::ExclusiveEventBasedStart;
        else
            item.gatewayMarker = GatewayMarker::EventBased;
        break;
    default: break;
    }
}

/// The data object behind a reference (for isCollection), or the element itself.
const Element* dataObjectOf(const core::Document& doc, const Element* e)
{
    if (e->type == BpmnType::DataObjectReference)
        if (const Element* o = doc.resolve(e->attr("dataObjectRef")))
            return o;
    return e;
}

QString dataLabel(const Element* e)
{
    QString label = qs(e->name());
    if (const Element* state = e->childOfType(BpmnType::DataState); state && !state->name().empty())
        label += (label.isEmpty() ? "[" : "\n[") + qs(state->name()) + "]";
    return label;
}

void describeEdge(const core::Document& doc, const Element* e, NotationItem& item)
{
    switch (e->type) {
    case BpmnType::SequenceFlow: {
        item.symbol = Symbol::SequenceFlow;
        const Element* source = doc.resolve(e->attr("sourceRef"));
        if (source && source->attr("default") == e->id() && !e->id().empty())
            item.isDefault = true;
        else if (source && source->isA(BpmnType::Activity) && e->childOfType(BpmnType::Expression))
            item.conditional = true;
        break;
    }
    case BpmnType::MessageFlow: {
        item.symbol = Symbol::MessageFlow;
        const auto kind = item.di->attr("messageVisibleKind");
        item.message = kind == "initiating"       ? MessageVisible::Initiating
                       : kind == "non_initiating" ? MessageVisible::NonInitiating
                                                  : MessageVisible::None;
        break;
    }
    case BpmnType::Association: {
        item.symbol = Symbol::Association;
        auto d = e->attr("associationDirection");
        item.direction = d == "One" ? Direction::One : d == "Both" ? Direction::Both : Direction::None;
        break;
    }
    case BpmnType::DataInputAssociation:
    case BpmnType::DataOutputAssociation: item.symbol = Symbol::DataAssociation; break;
    case BpmnType::ConversationLink: item.symbol = Symbol::ConversationLink; break;
    default: item.symbol = Symbol::UnknownEdge; break;
    }
    item.label = qs(e->name());
}

QString groupLabel(const core::Document& doc, const Element* group)
{
    const Element* value = doc.resolve(group->attr("categoryValueRef"));
    return value ? qs(value->attr("value")) : QString();
}

QString annotationText(const Element* e)
{
    const Element* text = e->childOfType(BpmnType::Text);
    if (!text)
        for (const Element* c : e->children())
            if (c->local() == "text")
                text = c;
    return text ? QString::fromStdString(text->textContent()) : QString();
}

/// A lane without its own isHorizontal takes its pool's: lanes of a vertical pool are vertical.
bool laneIsHorizontal(const core::Document& doc, const Element* lane, const Element* shape)
{
    if (auto flag = core::di::flag(shape, "isHorizontal"))
        return *flag;
    const Element* process = lane->parent;
    while (process && process->type != BpmnType::Process)
        process = process->parent;
    if (process)
        for (const Element* participant : core::sem::participants(doc))
            if (core::sem::processOf(doc, participant) == process)
                if (const Element* poolShape = doc.shapeFor(participant->id()))
                    return core::di::flag(poolShape, "isHorizontal").value_or(true);
    return true;
}

/// A pool standing for several participants (participantMultiplicity maximum above 1).
bool multipleParticipants(const Element* participant)
{
    const Element* m = participant->childOfType(BpmnType::ParticipantMultiplicity);
    return m && m->attrOrDefault("maximum") != "1" && m->attrOrDefault("maximum") != "0";
}

void describeShape(const core::Document& doc, const Element* e, const Element* shape, NotationItem& item)
{
    item.label = qs(e->name());
    if (const auto band = shape->attr("participantBandKind"); !band.empty() && e->type == BpmnType::Participant) {
        // Checked first: a band's element is a participant, but it is not a pool.
        item.symbol = Symbol::ParticipantBand;
        item.initiating = band.find("non_initiating") == std::string_view::npos;
        item.band = band.starts_with("top") ? BandPosition::Top
                    : band.starts_with("bottom") ? BandPosition::Bottom : BandPosition::Middle;
        item.layer = 4;
    } else if (e->isA(BpmnType::ConversationNode)) {
        item.symbol = Symbol::Conversation;
        item.thick = e->type == BpmnType::CallConversation;
        item.expanded = e->type != BpmnType::SubConversation; // a sub-conversation shows the + marker
        item.layer = 4;
    } else if (e->isA(BpmnType::ChoreographyActivity)) {
        item.symbol = Symbol::Choreography;
        item.thick = e->type == BpmnType::CallChoreography;
        item.layer = 3; // under its participant bands
    } else if (e->isA(BpmnType::Event)) {
        describeEvent(doc, e, item);
        item.layer = e->type == BpmnType::BoundaryEvent ? 6 : 4; // over their activity and its flows
    } else if (e->isA(BpmnType::Activity)) {
        describeActivity(doc, e, shape, item);
        item.layer = item.expanded ? 2 : 4;
    } else if (e->isA(BpmnType::Gateway)) {
        describeGateway(e, shape, item);
        item.layer = 4;
    } else if (e->type == BpmnType::DataObjectReference || e->type == BpmnType::DataObject ||
               e->type == BpmnType::DataInput || e->type == BpmnType::DataOutput) {
        item.symbol = Symbol::DataObject;
        item.collection = dataObjectOf(doc, e)->attr("isCollection") == "true";
        item.dataRole = e->type == BpmnType::DataInput ? DataRole::Input
                        : e->type == BpmnType::DataOutput ? DataRole::Output : DataRole::None;
        item.label = dataLabel(e);
        item.layer = 4;
    } else if (e->type == BpmnType::DataStoreReference || e->type == BpmnType::DataStore) {
        item.symbol = Symbol::DataStore;
        item.layer = 4;
    } else if (e->type == BpmnType::TextAnnotation) {
        item.symbol = Symbol::TextAnnotation;
        item.label = annotationText(e);
        item.layer = 4;
    } else if (e->type == BpmnType::Group) {
        item.symbol = Symbol::Group;
        item.label = groupLabel(doc, e);
        item.layer = 7;
    } else if (e->type == BpmnType::Participant) {
        item.symbol = Symbol::Participant;
        item.horizontal = core::di::flag(shape, "isHorizontal").value_or(true);
        item.blackBox = core::sem::processOf(doc, e) == nullptr;
        item.collection = multipleParticipants(e);
        item.layer = 0;
    } else if (e->type == BpmnType::Lane) {
        item.symbol = Symbol::Lane;
        item.horizontal = laneIsHorizontal(doc, e, shape);
        item.layer = 1;
    } else {
        item.symbol = Symbol::Unknown;
        item.layer = 3;
    }
}

} // namespace

std::optional<NotationItem> makeItem(const core::Document& doc, const Element* di)
{
    if (!di || (di->type != BpmnType::BPMNShape && di->type != BpmnType::BPMNEdge))
        return std::nullopt;
    NotationItem item;
    item.di = di;
    const Element* e = doc.resolve(di->attr("bpmnElement"));
    item.element = e;
    item.id = qs(e ? e->id() : di->id());
    item.colors = colorsOf(doc, di);
    item.labelBounds = rectOf(core::di::labelBounds(di));
    if (di->type == BpmnType::BPMNShape) {
        auto r = rectOf(core::di::bounds(di));
        if (!r)
            return std::nullopt;
        item.bounds = *r;
        if (e)
            describeShape(doc, e, di, item);
        else
            item.layer = 3;
    } else {
        for (const auto& pt : core::di::waypoints(di))
            if (sane(pt.x) && sane(pt.y))
                item.waypoints << QPointF(pt.x, pt.y);
        if (item.waypoints.size() < 2)
            return std::nullopt;
        item.symbol = Symbol::UnknownEdge;
        if (e)
            describeEdge(doc, e, item);
        item.layer = 5;
    }
    return item;
}

} // namespace runway::modeler::notation
