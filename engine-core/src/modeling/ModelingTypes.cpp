// The facade's type changes (including attaching and detaching boundary events) and properties.
#include "runway/core/Semantics.h"
#include "runway/core/modeling/Modeling.h"

#include <algorithm>

namespace runway::core::modeling {

namespace {
const Metamodel& mm()
{
    return Metamodel::instance();
}
bool is(const Element* e, BpmnType t)
{
    return e && e->isA(t);
}

bool typeHasAttribute(BpmnType t, std::string_view name)
{
    const auto& attrs = mm().type(t).attrs;
    return std::any_of(attrs.begin(), attrs.end(), [&](const Metamodel::Attr& a) { return a.name == name; });
}

/// The point of b's border nearest to p.
Point onNearestBorder(const Bounds& b, Point p)
{
    const double cx = std::clamp(p.x, b.x, b.x + b.width), cy = std::clamp(p.y, b.y, b.y + b.height);
    const double dl = std::abs(cx - b.x), dr = std::abs(b.x + b.width - cx), dt = std::abs(cy - b.y),
                 db = std::abs(b.y + b.height - cy);
    const double m = std::min({dl, dr, dt, db});
    if (m == db)
        return {cx, b.y + b.height};
    if (m == dt)
        return {cx, b.y};
    if (m == dl)
        return {b.x, cy};
    return {b.x + b.width, cy};
}
} // namespace

/// Replaces an element by one of another type with the same id, attributes the new type has, and
/// the children it may hold; it stays where it was (or moves to newParent).
static Element* replaceElement(Modeling& m, Element* old, BpmnType to, bool dropEventDefinitions,
                               Element* newParent = nullptr)
{
    Document& doc = m.document();
    Element* fresh = doc.createElement(Ns::Model, mm().type(to).name);
    for (const Attribute& a : old->attrs) {
        if (a.ns == Ns::None && !typeHasAttribute(to, a.local()))
            continue;
        doc.setAttribute(fresh, a.local(), a.value, a.ns);
    }
    Element* parent = newParent ? newParent : old->parent;
    Element* next = newParent ? nullptr : old->next;
    doc.remove(old);
    std::vector<Element*> kids;
    for (Element* c = old->firstChild; c; c = c->next)
        kids.push_back(c);
    for (Element* c : kids) {
        if (c->kind == NodeKind::Element && c->ns == Ns::Model) {
            if (dropEventDefinitions && c->isA(BpmnType::EventDefinition))
                continue;
            if (mm().matchChild(to, c->ns, c->local()).slot == kNoSlot)
                continue;
        }
        doc.remove(c);
        doc.insert(fresh, c);
    }
    if (newParent)
        m.insertOrdered(parent, fresh);
    else
        doc.insert(parent, fresh, next);
    return fresh;
}

void Modeling::switchEventDefinition(Element* event, BpmnType def)
{
    const auto defs = sem::eventDefinitions(event);
    if (defs.size() == 1 && defs.front()->type == def)
        return;
    for (Element* d : defs)
        m_doc.remove(d);
    if (def != BpmnType::Count)
        insertOrdered(event, newElement(Ns::Model, mm().type(def).name, def));
}

Edit Modeling::changeType(Element* e, const TypeSpec& to)
{
    if (Verdict v = canChangeType(m_doc, e, to); !v)
        return refuse(v.reason);
    const bool isEvent = is(e, BpmnType::Event);
    // Unless told otherwise, an event keeps interrupting or not.
    const bool wasInterrupting = e->attr("isInterrupting") != "false" && e->attr("cancelActivity") != "false";
    m_doc.beginEdit();
    Edit out;
    Element* s = shape(e);
    Element* target = e;
    if (e->type != to.type)
        target = replaceElement(*this, e, to.type, isEvent && eventDefinitionOf(e) != to.eventDefinition);
    out.created.push_back(target);
    if (isEvent) {
        switchEventDefinition(target, to.eventDefinition);
        const bool interrupting = to.interrupting.value_or(wasInterrupting);
        const char* attr = to.type == BpmnType::StartEvent      ? "isInterrupting"
                           : to.type == BpmnType::BoundaryEvent ? "cancelActivity"
                                                                : nullptr;
        if (attr && interrupting)
            m_doc.removeAttribute(target, attr);
        else if (attr)
            m_doc.setAttribute(target, attr, "false");
    }
    if (s && is(target, BpmnType::Gateway)) {
        if (to.type == BpmnType::ExclusiveGateway)
            m_doc.setAttribute(s, "isMarkerVisible", "true");
        else
            m_doc.removeAttribute(s, "isMarkerVisible");
    }
    if (s && is(target, BpmnType::Activity)) {
        const bool sub = is(target, BpmnType::SubProcess);
        const bool wasExpanded = s->attr("isExpanded") == "true";
        const bool expanded = sub && to.expanded.value_or(wasExpanded);
        if (!sub) {
            m_doc.removeAttribute(s, "isExpanded");
        } else if (expanded != wasExpanded || !s->hasAttr("isExpanded")) {
            m_doc.setAttribute(s, "isExpanded", expanded ? "true" : "false");
            auto b = di::bounds(s);
            if (b && expanded != wasExpanded) {
                // Contents drawn on the sub-process's own plane (collapsed) or in its body (expanded).
                Element* ownPlane = nullptr;
                for (Element* d : m_doc.diFor(target->id()))
                    if (d->type == BpmnType::BPMNPlane)
                        ownPlane = d;
                std::vector<Element*> contents;
                std::vector<Element*> stack{target};
                while (!stack.empty()) {
                    Element* n = stack.back();
                    stack.pop_back();
                    for (Element* c : n->children())
                        if (!c->id().empty()) {
                            stack.push_back(c);
                            for (Element* d : m_doc.diFor(c->id()))
                                if (d->type != BpmnType::BPMNPlane && d->parent == (expanded ? ownPlane : s->parent))
                                    contents.push_back(d);
                        }
                }
                if (!expanded) {
                    setBounds(s, {b->x, b->y, 100, 80});
                    Element* diagram = newElement(Ns::BpmnDi, "BPMNDiagram");
                    m_doc.setAttribute(diagram, "id", freshId(BpmnType::BPMNDiagram));
                    Element* plane = newElement(Ns::BpmnDi, "BPMNPlane");
                    m_doc.setAttribute(plane, "id", freshId(BpmnType::BPMNPlane));
                    m_doc.setAttribute(plane, "bpmnElement", target->id());
                    m_doc.insert(diagram, plane);
                    insertOrdered(m_doc.root(), diagram);
                    for (Element* d : contents) {
                        m_doc.remove(d);
                        m_doc.insert(plane, d);
                    }
                } else {
                    // Fit the contents into the expanded body.
                    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
                    for (Element* d : contents)
                        if (auto db = di::bounds(d)) {
                            minX = std::min(minX, db->x);
                            minY = std::min(minY, db->y);
                            maxX = std::max(maxX, db->x + db->width);
                            maxY = std::max(maxY, db->y + db->height);
                        }
                    const bool any = minX <= maxX;
                    const double w = any ? std::max(350.0, maxX - minX + 60) : 350;
                    const double h = any ? std::max(200.0, maxY - minY + 60) : 200;
                    setBounds(s, {b->x, b->y, w, h});
                    const Point d{any ? b->x + 30 - minX : 0, any ? b->y + 30 - minY : 0};
                    for (Element* di : contents) {
                        m_doc.remove(di);
                        m_doc.insert(s->parent, di);
                        if (di->type == BpmnType::BPMNShape)
                            translateShape(di, d);
                        else {
                            auto pts = di::waypoints(di);
                            for (Point& p : pts)
                                p = {p.x + d.x, p.y + d.y};
                            writeWaypoints(di, pts);
                        }
                    }
                    if (ownPlane)
                        m_doc.remove(ownPlane->parent);
                }
                std::vector<Element*> moved{target};
                rerouteConnections(moved, {0, 0});
            }
        }
    }
    return finish(std::move(out));
}

Edit Modeling::attach(Element* event, Element* activity, Point at)
{
    if (Verdict v = canAttach(m_doc, event, activity); !v)
        return refuse(v.reason);
    if (event->parent != activity->parent && !sem::outgoing(m_doc, event).empty())
        return refuse("the event's outgoing flows would cross into another process level: remove them first");
    auto ab = di::bounds(shape(activity));
    Element* es = shape(event);
    auto eb = di::bounds(es);
    if (!ab || !eb)
        return refuse("the event and the activity must both be drawn");
    m_doc.beginEdit();
    Edit out;
    Element* target = event;
    if (event->type != BpmnType::BoundaryEvent)
        target = replaceElement(*this, event, BpmnType::BoundaryEvent, false,
                                event->parent != activity->parent ? activity->parent : nullptr);
    else if (event->parent != activity->parent) {
        m_doc.remove(event);
        insertOrdered(activity->parent, event);
    }
    m_doc.setAttribute(target, "attachedToRef", activity->id());
    const Point c = onNearestBorder(*ab, at);
    setBounds(es, {c.x - eb->width / 2, c.y - eb->height / 2, eb->width, eb->height});
    if (Element* label = es->childOfType(BpmnType::BPMNLabel))
        if (auto lb = di::bounds(label))
            setBounds(label, {lb->x + c.x - eb->x - eb->width / 2, lb->y + c.y - eb->y - eb->height / 2, lb->width,
                              lb->height});
    std::vector<Element*> moved{target};
    rerouteConnections(moved, {0, 0});
    out.created.push_back(target);
    return finish(std::move(out));
}

Edit Modeling::detach(Element* boundary, Point at)
{
    if (!is(boundary, BpmnType::BoundaryEvent))
        return refuse("only a boundary event can be detached");
    Element* es = shape(boundary);
    auto eb = di::bounds(es);
    if (!eb)
        return refuse("the boundary event is not drawn");
    const BpmnType def = eventDefinitionOf(boundary);
    const bool catchable = def != BpmnType::Count &&
                           eventDefinitionAllowed(BpmnType::IntermediateCatchEvent, def, boundary->parent).allowed;
    m_doc.beginEdit();
    Edit out;
    Element* target = replaceElement(
        *this, boundary, catchable ? BpmnType::IntermediateCatchEvent : BpmnType::IntermediateThrowEvent, !catchable);
    translateShape(es, {at.x - eb->x - eb->width / 2, at.y - eb->y - eb->height / 2});
    std::vector<Element*> moved{target};
    rerouteConnections(moved, {0, 0});
    out.created.push_back(target);
    return finish(std::move(out));
}

// ---------------------------------------------------------------- properties

Edit Modeling::setName(Element* e, std::string_view name)
{
    if (!e)
        return refuse("nothing to name");
    m_doc.beginEdit();
    if (e->type == BpmnType::TextAnnotation) {
        Element* text = e->childOfType(BpmnType::Text);
        if (!text) {
            text = newElement(Ns::Model, "text");
            insertOrdered(e, text);
        }
        m_doc.setText(text, name);
    } else if (name.empty()) {
        m_doc.removeAttribute(e, "name");
    } else {
        m_doc.setAttribute(e, "name", name);
        // Events and gateways show their name below them: give the label a place, as bpmn.io does.
        Element* s = shape(e);
        if (s && (is(e, BpmnType::Event) || is(e, BpmnType::Gateway)) && !s->childOfType(BpmnType::BPMNLabel))
            if (auto b = di::bounds(s)) {
                Element* label = newElement(Ns::BpmnDi, "BPMNLabel");
                insertOrdered(s, label);
                setBounds(label, {b->x + b->width / 2 - 45, b->y + b->height + 7, 90, 14});
            }
    }
    return finish({});
}

Edit Modeling::setDocumentation(Element* e, std::string_view text)
{
    if (!e || !e->isBpmn())
        return refuse("nothing to document");
    m_doc.beginEdit();
    Element* d = e->childOfType(BpmnType::Documentation);
    if (text.empty()) {
        if (d)
            m_doc.remove(d);
    } else {
        if (!d) {
            d = newElement(Ns::Model, "documentation");
            insertOrdered(e, d);
        }
        m_doc.setText(d, text);
    }
    return finish({});
}

Edit Modeling::setAttribute(Element* e, std::string_view name, std::string_view value)
{
    if (!e)
        return refuse("no element");
    if (name == "id")
        return refuse("an id is changed by renaming (which also updates references), not as a plain attribute");
    m_doc.beginEdit();
    if (value.empty())
        m_doc.removeAttribute(e, name);
    else
        m_doc.setAttribute(e, name, value);
    return finish({});
}

Element* Modeling::newFormalExpression(std::string_view local, std::string_view text)
{
    Element* x = newElement(Ns::Model, local);
    m_doc.declareNamespace(Ns::Xsi, "xsi");
    const auto prefix = m_doc.prefixFor(Ns::Model);
    m_doc.setAttribute(x, "type",
                       prefix.empty() ? std::string("tFormalExpression") : std::string(prefix) + ":tFormalExpression",
                       Ns::Xsi);
    m_doc.setText(x, text);
    return x;
}

Edit Modeling::setTimer(Element* event, TimerKind kind, std::string_view value)
{
    Element* timer = event ? event->childOfType(BpmnType::TimerEventDefinition) : nullptr;
    if (!timer)
        return refuse("only a timer event has a timer; change the event's type to a timer event first");
    m_doc.beginEdit();
    // By name: a value created here has no type yet (timeCycle is a local element of the schema).
    std::vector<Element*> values;
    for (Element* c : timer->children())
        if (c->local() == "timeDate" || c->local() == "timeDuration" || c->local() == "timeCycle")
            values.push_back(c);
    for (Element* c : values)
        m_doc.remove(c);
    if (!value.empty())
        insertOrdered(timer, newFormalExpression(iso8601::elementName(kind), value));
    return finish({});
}

Edit Modeling::setCondition(Element* flow, std::string_view expression)
{
    if (!is(flow, BpmnType::SequenceFlow))
        return refuse("only a sequence flow has a condition");
    Element* source = m_doc.resolve(flow->attr("sourceRef"));
    if (!expression.empty() && (is(source, BpmnType::ParallelGateway) || is(source, BpmnType::EventBasedGateway)))
        return refuse("flows leaving a parallel or event-based gateway cannot have conditions");
    if (!expression.empty() && source && source->attr("default") == flow->id())
        return refuse("the default flow has no condition; make another flow the default first");
    m_doc.beginEdit();
    if (Element* c = flow->child(Ns::Model, "conditionExpression"))
        m_doc.remove(c);
    if (!expression.empty())
        insertOrdered(flow, newFormalExpression("conditionExpression", expression));
    return finish({});
}

Edit Modeling::setDefaultFlow(Element* node, Element* flow)
{
    if (!(is(node, BpmnType::ExclusiveGateway) || is(node, BpmnType::InclusiveGateway) ||
          is(node, BpmnType::ComplexGateway) || is(node, BpmnType::Activity)))
        return refuse("only exclusive, inclusive and complex gateways and activities have a default flow");
    if (flow && m_doc.resolve(flow->attr("sourceRef")) != node)
        return refuse("the default flow must leave this element");
    m_doc.beginEdit();
    if (!flow) {
        m_doc.removeAttribute(node, "default");
    } else {
        m_doc.setAttribute(node, "default", flow->id());
        if (Element* c = flow->child(Ns::Model, "conditionExpression"))
            m_doc.remove(c);
    }
    return finish({});
}

Edit Modeling::setInterrupting(Element* event, bool interrupting)
{
    if (!is(event, BpmnType::Event))
        return refuse("only events interrupt");
    TypeSpec spec{event->type, eventDefinitionOf(event), interrupting, std::nullopt};
    return changeType(event, spec);
}

Edit Modeling::setLoop(Element* activity, LoopKind kind)
{
    if (!is(activity, BpmnType::Activity))
        return refuse("only activities loop");
    m_doc.beginEdit();
    if (Element* old = activity->childOfType(BpmnType::LoopCharacteristics))
        m_doc.remove(old);
    if (kind == LoopKind::Standard) {
        insertOrdered(activity, newElement(Ns::Model, "standardLoopCharacteristics"));
    } else if (kind != LoopKind::None) {
        Element* mi = newElement(Ns::Model, "multiInstanceLoopCharacteristics");
        if (kind == LoopKind::Sequential)
            m_doc.setAttribute(mi, "isSequential", "true");
        insertOrdered(activity, mi);
    }
    return finish({});
}

Edit Modeling::setCalledElement(Element* callActivity, std::string_view processId)
{
    if (!is(callActivity, BpmnType::CallActivity))
        return refuse("only a call activity calls another process");
    return setAttribute(callActivity, "calledElement", processId);
}

Element* Modeling::rootElementNamed(BpmnType type, std::string_view name)
{
    for (Element* c : m_doc.root()->childrenOfType(type))
        if (c->name() == name)
            return c;
    Element* r = newElement(Ns::Model, mm().type(type).name, type);
    m_doc.setAttribute(r, "name", name);
    insertOrdered(m_doc.root(), r);
    return r;
}

Edit Modeling::setEventRef(Element* e, std::string_view name)
{
    Element* holder = nullptr;
    BpmnType rootType = BpmnType::Count;
    const char* attr = nullptr;
    if (is(e, BpmnType::ReceiveTask) || is(e, BpmnType::SendTask)) {
        holder = e, rootType = BpmnType::Message, attr = "messageRef";
    } else if (is(e, BpmnType::Event)) {
        for (Element* d : sem::eventDefinitions(e)) {
            holder = d;
            switch (d->type) {
            case BpmnType::MessageEventDefinition: rootType = BpmnType::Message, attr = "messageRef"; break;
            case BpmnType::ErrorEventDefinition: rootType = BpmnType::Error, attr = "errorRef"; break;
            case BpmnType::SignalEventDefinition: rootType = BpmnType::Signal, attr = "signalRef"; break;
            case BpmnType::EscalationEventDefinition: rootType = BpmnType::Escalation, attr = "escalationRef"; break;
            default: holder = nullptr; break;
            }
            if (holder)
                break;
        }
    }
    if (!holder)
        return refuse("only message, error, signal and escalation events (and send/receive tasks) refer to one");
    m_doc.beginEdit();
    if (name.empty())
        m_doc.removeAttribute(holder, attr);
    else
        m_doc.setAttribute(holder, attr, rootElementNamed(rootType, name)->id());
    return finish({});
}

} // namespace runway::core::modeling
