// The facade's shape operations: create, append, connect, move, resize, delete.
#include "runway/core/modeling/Modeling.h"

#include "runway/core/Semantics.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

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
Bounds around(Point c, Size s)
{
    return {c.x - s.width / 2, c.y - s.height / 2, s.width, s.height};
}
bool overlaps(const Bounds& a, const Bounds& b)
{
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
bool isConnection(const Element* e)
{
    return is(e, BpmnType::SequenceFlow) || is(e, BpmnType::MessageFlow) || is(e, BpmnType::Association) ||
           is(e, BpmnType::DataAssociation);
}
/// A process's lane set: it comes before the flow elements, so the search stops there.
Element* laneSetOf(const Element* process)
{
    static const auto laneSetSlot = mm().matchChild(BpmnType::Process, Ns::Model, "laneSet").slot;
    for (Element* c : process->children()) {
        if (c->type == BpmnType::LaneSet)
            return c;
        if (c->slot != kNoSlot && c->slot > laneSetSlot)
            break;
    }
    return nullptr;
}
/// Whether a shape is drawn horizontally (pools and lanes; true when the file does not say).
bool horizontalShape(const Element* s)
{
    return !s || s->attr("isHorizontal") != "false";
}
} // namespace

Element* Modeling::createRaw(const TypeSpec& spec, Element* container, const Bounds& b)
{
    Element* process = flowContainer(container);
    const std::string_view local = mm().type(spec.type).name;
    Element* e = newElement(Ns::Model, local, spec.type);
    if (spec.type == BpmnType::DataObjectReference) {
        Element* data = newElement(Ns::Model, "dataObject", BpmnType::DataObject);
        insertOrdered(process, data);
        m_doc.setAttribute(e, "dataObjectRef", data->id());
    }
    if (spec.eventDefinition != BpmnType::Count)
        insertOrdered(e, newElement(Ns::Model, mm().type(spec.eventDefinition).name, spec.eventDefinition));
    if (spec.interrupting && !*spec.interrupting) {
        if (spec.type == BpmnType::StartEvent)
            m_doc.setAttribute(e, "isInterrupting", "false");
        if (spec.type == BpmnType::BoundaryEvent)
            m_doc.setAttribute(e, "cancelActivity", "false");
    }
    insertOrdered(process, e);
    Element* s = addShape(planeFor(container), e, b);
    if (mm().isA(spec.type, BpmnType::SubProcess))
        m_doc.setAttribute(s, "isExpanded", spec.expanded.value_or(false) ? "true" : "false");
    if (spec.type == BpmnType::ExclusiveGateway)
        m_doc.setAttribute(s, "isMarkerVisible", "true");
    if (is(e, BpmnType::FlowNode))
        updateLaneRefs({e});
    return e;
}

Edit Modeling::create(const TypeSpec& spec, Element* container, Point at)
{
    if (!container)
        return refuse("there is no process, pool, lane or sub-process to create the element in");
    const auto& t = mm().type(spec.type);
    if (!isCreatable(spec.type) || spec.type == BpmnType::Participant || spec.type == BpmnType::Lane)
        return refuse(std::string("cannot create a ") + std::string(t.name) +
                      " this way (pools: createPool, lanes: addLane, boundary events: attach)");
    Element* probe = m_doc.createElement(Ns::Model, t.name); // detached, for the rules only
    if (Verdict v = canDrop(m_doc, probe, container); !v)
        return refuse(v.reason);
    if (Element* process = flowContainer(container); !process)
        return refuse("the pool has no process to hold the element");
    if (mm().isA(spec.type, BpmnType::Event))
        if (Verdict v = eventDefinitionAllowed(spec.type, spec.eventDefinition, flowContainer(container)); !v)
            return refuse(v.reason);
    m_doc.beginEdit();
    Edit out;
    out.created.push_back(
        createRaw(spec, container, around(at, defaultSize(spec.type, spec.expanded.value_or(false)))));
    return finish(std::move(out));
}

Edit Modeling::append(Element* source, const TypeSpec& spec)
{
    Element* from = shape(source);
    auto fb = di::bounds(from);
    if (!source || !fb || !source->parent)
        return refuse("the element to append to is not drawn in a diagram");
    if (is(source, BpmnType::EndEvent))
        return refuse("nothing leaves an end event: append to another element");
    const Size size = defaultSize(spec.type, spec.expanded.value_or(false));
    const Element* pool = poolOf(m_doc, source);
    const bool vertical = pool && !horizontalShape(shape(pool));
    Bounds b = vertical
                   ? Bounds{fb->x + fb->width / 2 - size.width / 2, fb->y + fb->height + 50, size.width, size.height}
                   : Bounds{fb->x + fb->width + 50, fb->y + fb->height / 2 - size.height / 2, size.width, size.height};
    // Step aside from shapes already there, as bpmn.io does.
    if (Element* plane = from->parent) {
        std::vector<Bounds> taken;
        for (Element* s : plane->children())
            if (s->type == BpmnType::BPMNShape && s != from)
                if (auto sb = di::bounds(s); sb && !is(m_doc.resolve(s->attr("bpmnElement")), BpmnType::Participant) &&
                                             !is(m_doc.resolve(s->attr("bpmnElement")), BpmnType::Lane) &&
                                             !is(m_doc.resolve(s->attr("bpmnElement")), BpmnType::SubProcess))
                    taken.push_back(*sb);
        for (int i = 0;
             i < 50 && std::any_of(taken.begin(), taken.end(), [&](const Bounds& t) { return overlaps(t, b); }); ++i)
            (vertical ? b.x : b.y) += (vertical ? size.width : size.height) + 30;
    }
    m_doc.beginEdit();
    Edit out;
    Element* e = createRaw(spec, source->parent, b);
    out.created.push_back(e);
    if (Verdict v = canConnect(m_doc, source, e, FlowType::Sequence); v)
        out.created.push_back(connectRaw(source, e, FlowType::Sequence, {}));
    return finish(std::move(out));
}

Element* Modeling::connectRaw(Element* s, Element* t, FlowType type, std::vector<Point> pts)
{
    Element* flow = nullptr;
    Element* plane = nullptr;
    auto idref = [&](std::string_view name, std::string_view id) {
        Element* r = newElement(Ns::Model, name);
        m_doc.insert(r, m_doc.createNode(NodeKind::Text, id));
        return r;
    };
    switch (type) {
    case FlowType::Sequence: {
        flow = newElement(Ns::Model, "sequenceFlow", BpmnType::SequenceFlow);
        m_doc.setAttribute(flow, "sourceRef", s->id());
        m_doc.setAttribute(flow, "targetRef", t->id());
        insertOrdered(s->parent, flow);
        insertOrdered(s, idref("outgoing", flow->id()));
        insertOrdered(t, idref("incoming", flow->id()));
        plane = planeFor(s->parent);
        break;
    }
    case FlowType::Message: {
        Element* collaboration = const_cast<Element*>(poolOf(m_doc, s))->parent;
        flow = newElement(Ns::Model, "messageFlow", BpmnType::MessageFlow);
        m_doc.setAttribute(flow, "sourceRef", s->id());
        m_doc.setAttribute(flow, "targetRef", t->id());
        insertOrdered(collaboration, flow);
        plane = planeFor(collaboration);
        if (Element* ps = shape(poolOf(m_doc, s)))
            plane = ps->parent;
        break;
    }
    case FlowType::Association: {
        flow = newElement(Ns::Model, "association", BpmnType::Association);
        m_doc.setAttribute(flow, "sourceRef", s->id());
        m_doc.setAttribute(flow, "targetRef", t->id());
        Element* annotation = is(s, BpmnType::TextAnnotation) ? s : t;
        Element* owner = annotation->parent;
        insertOrdered(owner, flow);
        plane = shape(annotation) ? shape(annotation)->parent : planeFor(owner);
        break;
    }
    case FlowType::DataInput: {
        flow = newElement(Ns::Model, "dataInputAssociation", BpmnType::DataInputAssociation);
        insertOrdered(flow, idref("sourceRef", s->id()));
        Element* slot = is(t, BpmnType::Activity) ? newElement(Ns::Model, "property", BpmnType::Property)
                                                  : newElement(Ns::Model, "dataInput", BpmnType::DataInput);
        if (is(t, BpmnType::Activity))
            m_doc.setAttribute(slot, "name", "__targetRef_placeholder");
        insertOrdered(t, slot);
        insertOrdered(flow, idref("targetRef", slot->id()));
        insertOrdered(t, flow);
        plane = shape(t) ? shape(t)->parent : planeFor(t->parent);
        break;
    }
    case FlowType::DataOutput: {
        flow = newElement(Ns::Model, "dataOutputAssociation", BpmnType::DataOutputAssociation);
        insertOrdered(flow, idref("targetRef", t->id()));
        insertOrdered(s, flow);
        plane = shape(s) ? shape(s)->parent : planeFor(s->parent);
        break;
    }
    case FlowType::None: return nullptr;
    }
    if (pts.size() < 2) {
        auto sb = di::bounds(shape(s)), tb = di::bounds(shape(t));
        if (sb && tb)
            pts = routing::route(*sb, *tb, is(s, BpmnType::BoundaryEvent));
    }
    if (pts.size() >= 2)
        addEdge(plane, flow, pts);
    return flow;
}

Edit Modeling::connect(Element* source, Element* target, FlowType type, std::vector<Point> waypoints)
{
    if (type == FlowType::None)
        type = naturalFlow(m_doc, source, target);
    if (Verdict v = canConnect(m_doc, source, target, type); !v)
        return refuse(v.reason);
    m_doc.beginEdit();
    Edit out;
    out.created.push_back(connectRaw(source, target, type, std::move(waypoints)));
    return finish(std::move(out));
}

// ---------------------------------------------------------------- move

std::vector<Element*> Modeling::movedClosure(std::span<Element* const> elements)
{
    std::vector<Element*> out;
    std::unordered_set<const Element*> seen;
    std::vector<Element*> stack(elements.begin(), elements.end());
    auto subtree = [&](Element* root) {
        std::vector<Element*> st{root};
        while (!st.empty()) {
            Element* n = st.back();
            st.pop_back();
            for (Element* c : n->children())
                if (c->isBpmn() && !c->id().empty()) {
                    stack.push_back(c);
                    st.push_back(c);
                }
        }
    };
    while (!stack.empty()) {
        Element* e = stack.back();
        stack.pop_back();
        if (!e || !seen.insert(e).second)
            continue;
        out.push_back(e);
        if (is(e, BpmnType::Activity))
            for (Element* b : boundaryEventsOf(e))
                stack.push_back(b);
        if (is(e, BpmnType::SubProcess) && shape(e) && shape(e)->attr("isExpanded") == "true")
            subtree(e);
        if (e->type == BpmnType::Participant)
            if (Element* p = sem::processOf(m_doc, e))
                subtree(p);
        if (e->type == BpmnType::Lane)
            for (Element* c : e->children()) {
                if (c->local() == "flowNodeRef")
                    stack.push_back(m_doc.resolve(c->textContent()));
                else if (c->type == BpmnType::LaneSet)
                    subtree(c);
            }
    }
    return out;
}

void Modeling::translateShape(Element* s, Point d)
{
    if (auto b = di::bounds(s))
        setBounds(s, {b->x + d.x, b->y + d.y, b->width, b->height});
    if (Element* label = s->childOfType(BpmnType::BPMNLabel))
        if (auto lb = di::bounds(label))
            setBounds(label, {lb->x + d.x, lb->y + d.y, lb->width, lb->height});
}

void Modeling::rerouteConnections(const std::vector<Element*>& moved, Point delta)
{
    std::unordered_set<const Element*> set(moved.begin(), moved.end());
    std::vector<Element*> flows;
    std::unordered_set<const Element*> seen;
    for (Element* e : moved)
        for (Element* f : connectionsOf(e))
            if (seen.insert(f).second)
                flows.push_back(f);
    for (Element* flow : flows) {
        Element* edgeDi = edge(flow);
        if (!edgeDi)
            continue;
        auto [a, b] = ends(flow);
        const bool ina = set.count(a) > 0, inb = set.count(b) > 0;
        std::vector<Point> pts = di::waypoints(edgeDi);
        if (ina && inb) {
            for (Point& p : pts)
                p = {p.x + delta.x, p.y + delta.y};
            if (Element* label = edgeDi->childOfType(BpmnType::BPMNLabel))
                if (auto lb = di::bounds(label))
                    setBounds(label, {lb->x + delta.x, lb->y + delta.y, lb->width, lb->height});
        } else {
            auto sb = di::bounds(shape(a)), tb = di::bounds(shape(b));
            if (!sb || !tb)
                continue;
            pts = routing::reroute(pts, *sb, *tb, is(a, BpmnType::BoundaryEvent));
        }
        writeWaypoints(edgeDi, pts);
    }
}

void Modeling::moveShapes(const std::vector<std::pair<Element*, Point>>& moves)
{
    for (const auto& [e, d] : moves) {
        Element* one[] = {e};
        std::vector<Element*> closure = movedClosure(one);
        for (Element* m : closure)
            if (Element* s = shape(m))
                translateShape(s, d);
        rerouteConnections(closure, d);
        std::vector<Element*> nodes;
        if (is(e, BpmnType::FlowNode))
            nodes.push_back(e);
        updateLaneRefs(nodes);
    }
}

Edit Modeling::move(std::span<Element* const> elements, Point delta)
{
    if (elements.empty() || (delta.x == 0 && delta.y == 0))
        return {};
    for (Element* e : elements)
        if (!shape(e))
            return refuse("'" + std::string(e ? e->id() : "") + "' is not drawn, so it cannot be moved");
    m_doc.beginEdit();
    std::vector<Element*> closure = movedClosure(elements);
    for (Element* m : closure)
        if (Element* s = shape(m))
            translateShape(s, delta);
    rerouteConnections(closure, delta);
    std::vector<Element*> nodes;
    for (Element* e : elements)
        if (is(e, BpmnType::FlowNode))
            nodes.push_back(e);
    updateLaneRefs(nodes);
    return finish({});
}

Edit Modeling::moveInto(std::span<Element* const> elements, Element* container, Point delta)
{
    Element* target = flowContainer(container);
    if (!target || !(is(target, BpmnType::Process) || is(target, BpmnType::SubProcess)))
        return refuse("drop onto a process, pool, lane or expanded sub-process");
    if (is(target, BpmnType::SubProcess) && (!shape(target) || shape(target)->attr("isExpanded") != "true"))
        return refuse("the sub-process is collapsed: expand it to drop elements into it");
    std::vector<Element*> moving;
    std::unordered_set<const Element*> movingSet;
    for (Element* e : elements) {
        if (Verdict v = canDrop(m_doc, e, container); !v)
            return refuse(v.reason);
        if (!shape(e))
            return refuse("'" + std::string(e->id()) + "' is not drawn, so it cannot be moved");
        if (movingSet.insert(e).second)
            moving.push_back(e);
        if (is(e, BpmnType::Activity))
            for (Element* b : boundaryEventsOf(e))
                if (movingSet.insert(b).second)
                    moving.push_back(b);
    }
    m_doc.beginEdit();
    // Connections that would cross process levels, or a message flow that would stay in one pool.
    const Element* targetPool = poolOf(m_doc, target);
    std::vector<Element*> cut, carried;
    for (Element* e : m_doc.allElements()) {
        if (!isConnection(e))
            continue;
        auto [a, b] = ends(e);
        const bool ma = movingSet.count(a) > 0, mb = movingSet.count(b) > 0;
        if (!ma && !mb)
            continue;
        if (ma && mb) {
            if (e->parent != target && (e->type == BpmnType::SequenceFlow || e->type == BpmnType::Association))
                carried.push_back(e);
            continue;
        }
        const Element* other = ma ? b : a;
        bool keep = false;
        if (e->type == BpmnType::MessageFlow)
            keep = poolOf(m_doc, other) != targetPool;
        else if (e->type == BpmnType::SequenceFlow)
            keep = other && other->parent == target;
        else
            keep = other && processOfElement(other) == processOfElement(target);
        if (!keep)
            cut.push_back(e);
    }
    if (!cut.empty())
        remove(cut); // nested: part of this edit
    // Lane references in the process they leave.
    for (Element* e : moving) {
        const Element* oldProcess = processOfElement(e);
        if (oldProcess == processOfElement(target) || !oldProcess)
            continue;
        std::vector<Element*> stack{const_cast<Element*>(oldProcess)};
        while (!stack.empty()) {
            Element* n = stack.back();
            stack.pop_back();
            for (Element* c = n->firstChild; c;) {
                Element* next = c->next;
                if (c->type == BpmnType::LaneSet || c->type == BpmnType::Lane)
                    stack.push_back(c);
                else if (c->kind == NodeKind::Element && c->local() == "flowNodeRef" && c->textContent() == e->id())
                    m_doc.remove(c);
                c = next;
            }
        }
    }
    for (Element* e : moving)
        if (e->parent != target) {
            m_doc.remove(e);
            insertOrdered(target, e);
        }
    for (Element* f : carried) {
        m_doc.remove(f);
        insertOrdered(target, f);
    }
    std::vector<Element*> closure = movedClosure(elements);
    for (Element* m : closure)
        if (Element* s = shape(m))
            translateShape(s, delta);
    rerouteConnections(closure, delta);
    std::vector<Element*> nodes;
    for (Element* e : elements)
        if (is(e, BpmnType::FlowNode))
            nodes.push_back(e);
    updateLaneRefs(nodes);
    return finish({});
}

Edit Modeling::resize(Element* element, const Bounds& nb)
{
    Element* s = shape(element);
    auto ob = di::bounds(s);
    if (!ob)
        return refuse("the element is not drawn, so it cannot be resized");
    if (nb.width < 1 || nb.height < 1)
        return refuse("a shape needs a positive width and height");
    if (element->type == BpmnType::Lane || (element->type == BpmnType::Participant && flowContainer(element) &&
                                            flowContainer(element)->childOfType(BpmnType::LaneSet)))
        return resizeLanes(element, nb); // neighbours and the pool follow
    m_doc.beginEdit();
    setBounds(s, nb);
    std::vector<Element*> moved{element};
    if (is(element, BpmnType::Activity))
        for (Element* b : boundaryEventsOf(element))
            if (Element* bs = shape(b))
                if (auto bb = di::bounds(bs)) {
                    const double cx = bb->x + bb->width / 2, cy = bb->y + bb->height / 2;
                    const double nx = nb.x + (cx - ob->x) * nb.width / ob->width;
                    const double ny = nb.y + (cy - ob->y) * nb.height / ob->height;
                    setBounds(bs, {nx - bb->width / 2, ny - bb->height / 2, bb->width, bb->height});
                    moved.push_back(b);
                }
    rerouteConnections(moved, {0, 0});
    if (element->type == BpmnType::Lane || element->type == BpmnType::Participant) {
        Element* process = flowContainer(element);
        updateLaneRefs(sem::flowNodes(process));
    }
    return finish({});
}

// ---------------------------------------------------------------- delete

Edit Modeling::remove(std::span<Element* const> elements)
{
    std::unordered_set<std::string_view> gone; // ids removed with their elements
    std::vector<Element*> roots;               // semantic subtrees to remove
    std::unordered_set<const Element*> rootSet;
    auto addRoot = [&](Element* e) {
        if (!e || !rootSet.insert(e).second)
            return false;
        roots.push_back(e);
        std::vector<Element*> st{e};
        while (!st.empty()) {
            Element* n = st.back();
            st.pop_back();
            if (!n->id().empty())
                gone.insert(n->id());
            for (Element* c : n->children())
                st.push_back(c);
        }
        return true;
    };
    for (Element* e : elements) {
        if (!e || !e->parent || e == m_doc.root())
            return refuse("nothing to delete");
        addRoot(e);
        if (e->type == BpmnType::Participant) // a pool goes with its process
            if (Element* p = sem::processOf(m_doc, e))
                addRoot(p);
    }
    // Connections and boundary events hanging on what goes, until nothing more is added.
    const std::vector<Element*> all = m_doc.allElements();
    for (bool grew = true; grew;) {
        grew = false;
        for (Element* e : all) {
            if (rootSet.count(e))
                continue;
            bool drop = false;
            if (isConnection(e)) {
                auto [a, b] = ends(e);
                drop = (a && gone.count(a->id())) || (b && gone.count(b->id()));
            } else if (e->type == BpmnType::BoundaryEvent) {
                drop = gone.count(e->attr("attachedToRef")) > 0;
            }
            if (drop && !gone.count(e->id()))
                grew = addRoot(e) || grew;
        }
    }
    auto doomed = [&](const Element* e) {
        for (const Element* p = e; p; p = p->parent)
            if (rootSet.count(p))
                return true;
        return false;
    };
    std::unordered_set<const Element*> removedDi;
    auto diGone = [&](const Element* e) {
        for (const Element* p = e->parent; p; p = p->parent)
            if (removedDi.count(p))
                return true;
        return false;
    };
    m_doc.beginEdit();
    for (Element* e : all) {
        if (doomed(e) || diGone(e))
            continue;
        for (const char* attr : {"default"})
            if (gone.count(e->attr(attr)))
                m_doc.removeAttribute(e, attr);
        if (e->type == BpmnType::BPMNShape || e->type == BpmnType::BPMNEdge) {
            if (gone.count(e->attr("bpmnElement"))) {
                removedDi.insert(e);
                m_doc.remove(e);
            }
            continue;
        }
        if (e->type == BpmnType::BPMNPlane && gone.count(e->attr("bpmnElement"))) {
            removedDi.insert(e->parent);
            m_doc.remove(e->parent); // the drill-down diagram of a deleted sub-process
            continue;
        }
        if (e->type == BpmnType::Participant && gone.count(e->attr("processRef")))
            if (!rootSet.count(e))
                m_doc.removeAttribute(e, "processRef");
        for (Element* c = e->firstChild; c;) {
            Element* next = c->next;
            if (c->kind == NodeKind::Element && c->ns == Ns::Model &&
                (c->local() == "incoming" || c->local() == "outgoing" || c->local() == "flowNodeRef") &&
                gone.count(c->textContent()))
                m_doc.remove(c);
            c = next;
        }
    }
    for (Element* r : roots) {
        bool nested = false;
        for (const Element* p = r->parent; p && !nested; p = p->parent)
            nested = rootSet.count(p) > 0;
        if (!nested)
            m_doc.remove(r);
    }
    return finish({});
}

// ---------------------------------------------------------------- lanes

void Modeling::updateLaneRefs(const std::vector<Element*>& nodes)
{
    for (Element* node : nodes) {
        Element* process = node ? node->parent : nullptr;
        if (!process || process->type != BpmnType::Process || !laneSetOf(process))
            continue;
        auto nb = di::bounds(shape(node));
        if (!nb)
            continue;
        const Point c{nb->x + nb->width / 2, nb->y + nb->height / 2};
        // The innermost lane whose shape holds the centre.
        Element* target = nullptr;
        std::vector<Element*> lanes, stack{process};
        while (!stack.empty()) {
            Element* e = stack.back();
            stack.pop_back();
            for (Element* ch : e->children())
                if (ch->type == BpmnType::LaneSet || ch->type == BpmnType::Lane) {
                    stack.push_back(ch);
                    if (ch->type == BpmnType::Lane)
                        lanes.push_back(ch);
                }
        }
        for (Element* lane : lanes)
            if (auto lb = di::bounds(shape(lane)))
                if (c.x >= lb->x && c.x <= lb->x + lb->width && c.y >= lb->y && c.y <= lb->y + lb->height &&
                    !lane->childOfType(BpmnType::LaneSet))
                    target = lane;
        bool present = false;
        for (Element* lane : lanes)
            for (Element* ch = lane->firstChild; ch;) {
                Element* next = ch->next;
                if (ch->kind == NodeKind::Element && ch->local() == "flowNodeRef" && ch->textContent() == node->id()) {
                    if (lane == target)
                        present = true;
                    else
                        m_doc.remove(ch);
                }
                ch = next;
            }
        if (target && !present) {
            Element* ref = newElement(Ns::Model, "flowNodeRef");
            m_doc.insert(ref, m_doc.createNode(NodeKind::Text, node->id()));
            insertOrdered(target, ref);
        }
    }
}

} // namespace runway::core::modeling
