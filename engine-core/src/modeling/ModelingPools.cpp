// The facade's pools and lanes, and the edits of a connection's route.
#include "runway/core/Semantics.h"
#include "runway/core/modeling/Modeling.h"

#include <algorithm>
#include <cmath>

namespace runway::core::modeling {

namespace {
bool is(const Element* e, BpmnType t)
{
    return e && e->isA(t);
}
constexpr double kHeader = 30;    // the band of a pool that shows its name
constexpr double kLaneSize = 120; // a new lane's height (width in a vertical pool)
} // namespace

Edit Modeling::createPool(Element* process, bool horizontal)
{
    if (!is(process, BpmnType::Process))
        return refuse("a pool is created around a process");
    if (poolOf(m_doc, process))
        return refuse("the process already has a pool");
    Element* plane = nullptr;
    for (Element* d : m_doc.diFor(process->id()))
        if (d->type == BpmnType::BPMNPlane)
            plane = d;
    // The extent of everything drawn for the process.
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    if (plane)
        for (Element* s : plane->children()) {
            if (s->type != BpmnType::BPMNShape)
                continue;
            if (auto b = di::bounds(s)) {
                minX = std::min(minX, b->x), minY = std::min(minY, b->y);
                maxX = std::max(maxX, b->x + b->width), maxY = std::max(maxY, b->y + b->height);
            }
        }
    if (minX > maxX)
        minX = 160, minY = 80, maxX = 160, maxY = 80;
    m_doc.beginEdit();
    Edit out;
    Element* collaboration = m_doc.root()->childOfType(BpmnType::Collaboration);
    if (!collaboration) {
        collaboration = newElement(Ns::Model, "collaboration", BpmnType::Collaboration);
        m_doc.insert(m_doc.root(), collaboration, process);
    }
    Element* participant = newElement(Ns::Model, "participant", BpmnType::Participant);
    m_doc.setAttribute(participant, "processRef", process->id());
    insertOrdered(collaboration, participant);
    out.created.push_back(participant);
    Element* collabPlane = nullptr;
    for (Element* d : m_doc.diFor(collaboration->id()))
        if (d->type == BpmnType::BPMNPlane)
            collabPlane = d;
    if (!plane)
        plane = collabPlane ? collabPlane : planeFor(process);
    if (collabPlane && collabPlane != plane) {
        std::vector<Element*> moved;
        for (Element* c : plane->children())
            moved.push_back(c);
        for (Element* c : moved) {
            m_doc.remove(c);
            m_doc.insert(collabPlane, c);
        }
        m_doc.remove(plane->parent);
        plane = collabPlane;
    } else {
        m_doc.setAttribute(plane, "bpmnElement", collaboration->id());
    }
    Bounds b = horizontal ? Bounds{minX - kHeader - 30, minY - 30, maxX - minX + kHeader + 60, maxY - minY + 60}
                          : Bounds{minX - 30, minY - kHeader - 30, maxX - minX + 60, maxY - minY + kHeader + 60};
    b.width = std::max(b.width, horizontal ? 600.0 : 250.0);
    b.height = std::max(b.height, horizontal ? 250.0 : 600.0);
    Element* s = newElement(Ns::BpmnDi, "BPMNShape");
    m_doc.setAttribute(s, "id", std::string(participant->id()) + "_di");
    m_doc.setAttribute(s, "bpmnElement", participant->id());
    m_doc.setAttribute(s, "isHorizontal", horizontal ? "true" : "false");
    setBounds(s, b);
    Element* firstShape = nullptr;
    for (Element* c : plane->children())
        if (c->type == BpmnType::BPMNShape || c->type == BpmnType::BPMNEdge) {
            firstShape = c;
            break;
        }
    m_doc.insert(plane, s, firstShape); // drawn first, so below its contents
    return finish(std::move(out));
}

Edit Modeling::addParticipant(Element* collaboration, Point at, bool horizontal)
{
    if (!is(collaboration, BpmnType::Collaboration))
        return refuse("a new pool is added to a collaboration");
    Element* plane = nullptr;
    for (Element* d : m_doc.diFor(collaboration->id()))
        if (d->type == BpmnType::BPMNPlane)
            plane = d;
    if (!plane)
        return refuse("the collaboration is not drawn: no diagram shows it");
    m_doc.beginEdit();
    Edit out;
    // Its own empty process, after the other root elements.
    Element* process = newElement(Ns::Model, "process", BpmnType::Process);
    m_doc.setAttribute(process, "isExecutable", "false");
    insertOrdered(m_doc.root(), process);
    Element* participant = newElement(Ns::Model, "participant", BpmnType::Participant);
    m_doc.setAttribute(participant, "processRef", process->id());
    insertOrdered(collaboration, participant);
    out.created.push_back(participant);
    out.created.push_back(process);
    const double w = horizontal ? 600 : 250, h = horizontal ? 250 : 600;
    Element* s = newElement(Ns::BpmnDi, "BPMNShape");
    m_doc.setAttribute(s, "id", std::string(participant->id()) + "_di");
    m_doc.setAttribute(s, "bpmnElement", participant->id());
    m_doc.setAttribute(s, "isHorizontal", horizontal ? "true" : "false");
    setBounds(s, {at.x - w / 2, at.y - h / 2, w, h});
    // Drawn after the other pools (so above them where they overlap) and below every flow node.
    Element* before = nullptr;
    for (Element* c : plane->children()) {
        if (c->type != BpmnType::BPMNShape && c->type != BpmnType::BPMNEdge)
            continue;
        before = c;
        if (!is(m_doc.resolve(c->attr("bpmnElement")), BpmnType::Participant))
            break;
        before = nullptr;
    }
    m_doc.insert(plane, s, before);
    return finish(std::move(out));
}

Edit Modeling::addLane(Element* target, bool before)
{
    Element* pool = is(target, BpmnType::Participant) ? target : const_cast<Element*>(poolOf(m_doc, target));
    Element* process = pool ? sem::processOf(m_doc, pool) : nullptr;
    Element* poolShape = shape(pool);
    auto pb = di::bounds(poolShape);
    if (!process || !pb || !(is(target, BpmnType::Participant) || is(target, BpmnType::Lane)))
        return refuse("lanes are added to a drawn pool with a process, or beside a lane");
    if (target->type == BpmnType::Lane && !di::bounds(shape(target)))
        return refuse("the lane is not drawn");
    const bool horizontal = poolShape->attr("isHorizontal") != "false";
    m_doc.beginEdit();
    Edit out;
    Element* lane = target;
    if (target->type == BpmnType::Participant) {
        Element* laneSet = process->childOfType(BpmnType::LaneSet);
        std::vector<Element*> lanes = laneSet ? laneSet->childrenOfType(BpmnType::Lane) : std::vector<Element*>{};
        if (!lanes.empty()) {
            lane = before ? lanes.front() : lanes.back();
        } else {
            // The first lane takes the whole body of the pool and everything in it.
            if (!laneSet) {
                laneSet = newElement(Ns::Model, "laneSet", BpmnType::LaneSet);
                insertOrdered(process, laneSet);
            }
            lane = newElement(Ns::Model, "lane", BpmnType::Lane);
            m_doc.insert(laneSet, lane);
            const Bounds body = horizontal ? Bounds{pb->x + kHeader, pb->y, pb->width - kHeader, pb->height}
                                           : Bounds{pb->x, pb->y + kHeader, pb->width, pb->height - kHeader};
            Element* ls = addShape(poolShape->parent, lane, body);
            m_doc.setAttribute(ls, "isHorizontal", horizontal ? "true" : "false");
            out.created.push_back(lane);
            updateLaneRefs(sem::flowNodes(process));
        }
    }
    const Bounds lb = *di::bounds(shape(lane)); // drawn: checked above, or just created
    // Make room: everything of the pool at or beyond the new lane's edge moves by one lane.
    const double edge = horizontal ? (before ? lb.y : lb.y + lb.height) : (before ? lb.x : lb.x + lb.width);
    const Point shift = horizontal ? Point{0, kLaneSize} : Point{kLaneSize, 0};
    std::vector<Element*> toMove;
    std::vector<Element*> stack{process};
    while (!stack.empty()) {
        Element* e = stack.back();
        stack.pop_back();
        for (Element* c : e->children()) {
            if (c->type == BpmnType::LaneSet || c->type == BpmnType::Lane)
                stack.push_back(c);
            if (c->type != BpmnType::Lane && !is(c, BpmnType::FlowNode) && !is(c, BpmnType::Artifact) &&
                c->type != BpmnType::DataObjectReference && c->type != BpmnType::DataStoreReference)
                continue;
            if (is(c, BpmnType::BoundaryEvent))
                continue; // moves with its activity
            if (auto b = di::bounds(shape(c))) {
                const double at = horizontal ? (c->type == BpmnType::Lane ? b->y : b->y + b->height / 2)
                                             : (c->type == BpmnType::Lane ? b->x : b->x + b->width / 2);
                if (at >= edge - 0.5)
                    toMove.push_back(c);
            }
        }
    }
    // Lanes move alone here (their flow nodes are in toMove already, when beyond the edge).
    for (Element* e : toMove)
        if (e->type == BpmnType::Lane)
            translateShape(shape(e), shift);
    std::vector<Element*> nodes;
    for (Element* e : toMove)
        if (e->type != BpmnType::Lane)
            nodes.push_back(e);
    // (their closure: boundary events and sub-process contents)
    std::vector<Element*> closure = movedClosure(nodes);
    for (Element* m : closure)
        if (Element* s = shape(m))
            translateShape(s, shift);
    rerouteConnections(closure, shift);
    setBounds(poolShape,
              {pb->x, pb->y, pb->width + (horizontal ? 0 : kLaneSize), pb->height + (horizontal ? kLaneSize : 0)});
    // Lanes that contain the one we insert beside grow with it.
    for (Element* p = lane->parent; p && p != process; p = p->parent)
        if (p->type == BpmnType::Lane)
            if (auto ob = di::bounds(shape(p)))
                setBounds(shape(p), {ob->x, ob->y, ob->width + (horizontal ? 0 : kLaneSize),
                                     ob->height + (horizontal ? kLaneSize : 0)});
    Element* fresh = newElement(Ns::Model, "lane", BpmnType::Lane);
    Element* next = lane->next;
    m_doc.insert(lane->parent, fresh, before ? lane : next);
    const Bounds nb = horizontal ? Bounds{lb.x, edge, lb.width, kLaneSize} : Bounds{edge, lb.y, kLaneSize, lb.height};
    Element* ns = addShape(poolShape->parent, fresh, nb);
    m_doc.setAttribute(ns, "isHorizontal", horizontal ? "true" : "false");
    out.created.insert(out.created.begin(), fresh);
    updateLaneRefs(sem::flowNodes(process));
    return finish(std::move(out));
}

// A pool's lanes stack across the pool (in y in a horizontal pool, in x in a vertical one) and
// run along it. Spans hold a shape's bounds in those terms.
namespace {
struct Span {
    double a0, a1, c0, c1; // along: start, end; across: start, end
};
Span toSpan(const Bounds& b, bool horizontal)
{
    return horizontal ? Span{b.x, b.x + b.width, b.y, b.y + b.height} : Span{b.y, b.y + b.height, b.x, b.x + b.width};
}
Bounds fromSpan(const Span& s, bool horizontal)
{
    return horizontal ? Bounds{s.a0, s.c0, s.a1 - s.a0, s.c1 - s.c0} : Bounds{s.c0, s.a0, s.c1 - s.c0, s.a1 - s.a0};
}
bool sameEdge(double a, double b)
{
    return std::abs(a - b) < 0.5;
}
constexpr double kMinLane = 30; // the smallest lane (across) a resize leaves
} // namespace

Edit Modeling::resizeLanes(Element* element, const Bounds& nb)
{
    Element* pool = is(element, BpmnType::Participant) ? element : const_cast<Element*>(poolOf(m_doc, element));
    Element* process = pool ? sem::processOf(m_doc, pool) : nullptr;
    Element* poolShape = shape(pool);
    if (!process || !poolShape || !di::bounds(poolShape) || !di::bounds(shape(element)))
        return refuse("the lane is not drawn in a pool");
    const bool horizontal = poolShape->attr("isHorizontal") != "false";
    // Every lane of the pool, at any depth, with its shape.
    std::vector<Element*> shapes{poolShape};
    std::vector<Element*> stack{process};
    while (!stack.empty()) {
        Element* e = stack.back();
        stack.pop_back();
        for (Element* c : e->children())
            if (c->type == BpmnType::LaneSet || c->type == BpmnType::Lane) {
                stack.push_back(c);
                if (c->type == BpmnType::Lane)
                    if (Element* ls = shape(c); ls && di::bounds(ls))
                        shapes.push_back(ls);
            }
    }
    const Span old = toSpan(*di::bounds(shape(element)), horizontal);
    const Span now = toSpan(nb, horizontal);
    // The element's edges move; so do the edges of the other lanes (and of the pool) that lie on
    // them: a neighbour shares the moved edge, a lane inside shares it, the pool's body ends there.
    // Along the pool, every lane and the pool move their ends with the element's.
    std::vector<std::pair<Element*, Span>> result;
    for (Element* sh : shapes) {
        Span sp = toSpan(*di::bounds(sh), horizontal);
        if (sh == shape(element)) {
            sp = now;
        } else {
            for (auto [from, to] : {std::pair{old.c0, now.c0}, std::pair{old.c1, now.c1}}) {
                if (sameEdge(from, to))
                    continue;
                if (sameEdge(sp.c0, from))
                    sp.c0 = to;
                else if (sameEdge(sp.c1, from))
                    sp.c1 = to;
            }
            sp.a0 += now.a0 - old.a0;
            sp.a1 += now.a1 - old.a1;
        }
        if (sp.c1 - sp.c0 < kMinLane)
            return refuse("a lane would become too small: resize less, or delete the lane");
        if (sp.a1 - sp.a0 < kMinLane + (sh == poolShape ? kHeader : 0))
            return refuse("the pool would become too small");
        if (fromSpan(sp, horizontal) != *di::bounds(sh))
            result.emplace_back(sh, sp);
    }
    m_doc.beginEdit();
    for (const auto& [sh, sp] : result)
        setBounds(sh, fromSpan(sp, horizontal));
    rerouteConnections({pool}, {0, 0});
    updateLaneRefs(sem::flowNodes(process));
    return finish({});
}

// ---------------------------------------------------------------- routes

Edit Modeling::setWaypoints(Element* flow, std::vector<Point> pts)
{
    Element* e = edge(flow);
    if (!e)
        return refuse("the connection is not drawn");
    if (pts.size() < 2)
        return refuse("a connection needs at least two waypoints");
    m_doc.beginEdit();
    writeWaypoints(e, pts);
    return finish({});
}

Edit Modeling::moveSegment(Element* flow, std::size_t segment, double delta)
{
    const auto pts = di::waypoints(edge(flow));
    if (segment + 1 >= pts.size())
        return refuse("the connection has no such segment");
    // An end segment slides along its shape's side while it stays on it; otherwise it gets an elbow.
    auto sliding = routing::moveSegment(pts, segment, delta, false);
    auto [a, b] = ends(flow);
    auto sa = di::bounds(shape(a)), sb = di::bounds(shape(b));
    const bool fits = sa && sb && routing::onBorder(*sa, sliding.front()) && routing::onBorder(*sb, sliding.back());
    return setWaypoints(flow, fits ? sliding : routing::moveSegment(pts, segment, delta, true));
}

Edit Modeling::addBendpoint(Element* flow, std::size_t segment, Point at)
{
    const auto pts = di::waypoints(edge(flow));
    if (segment + 1 >= pts.size())
        return refuse("the connection has no such segment");
    return setWaypoints(flow, routing::addBendpoint(pts, segment, at));
}

Edit Modeling::removeBendpoint(Element* flow, std::size_t index)
{
    const auto pts = di::waypoints(edge(flow));
    if (index == 0 || index + 1 >= pts.size())
        return refuse("only inner bend points can be removed");
    return setWaypoints(flow, routing::removeBendpoint(pts, index));
}

Edit Modeling::reconnect(Element* flow, Element* newEnd, bool atSource)
{
    if (!(is(flow, BpmnType::SequenceFlow) || is(flow, BpmnType::MessageFlow) || is(flow, BpmnType::Association)))
        return refuse("only sequence flows, message flows and associations can be reconnected");
    auto [s, t] = ends(flow);
    Element* ns = atSource ? newEnd : s;
    Element* nt = atSource ? t : newEnd;
    if (ns == s && nt == t)
        return {};
    const FlowType type = is(flow, BpmnType::SequenceFlow)  ? FlowType::Sequence
                          : is(flow, BpmnType::MessageFlow) ? FlowType::Message
                                                            : FlowType::Association;
    if (Verdict v = canConnect(m_doc, ns, nt, type); !v)
        return refuse(v.reason);
    m_doc.beginEdit();
    Element* old = atSource ? s : t;
    m_doc.setAttribute(flow, atSource ? "sourceRef" : "targetRef", newEnd->id());
    if (type == FlowType::Sequence) {
        const char* list = atSource ? "outgoing" : "incoming";
        if (old)
            for (Element* c : old->children())
                if (c->local() == list && c->textContent() == flow->id()) {
                    m_doc.remove(c);
                    break;
                }
        Element* ref = newElement(Ns::Model, list);
        m_doc.insert(ref, m_doc.createNode(NodeKind::Text, flow->id()));
        insertOrdered(newEnd, ref);
    }
    if (Element* e = edge(flow)) {
        auto sb = di::bounds(shape(ns)), tb = di::bounds(shape(nt));
        if (sb && tb)
            writeWaypoints(e, routing::reroute(di::waypoints(e), *sb, *tb, is(ns, BpmnType::BoundaryEvent)));
    }
    return finish({});
}

} // namespace runway::core::modeling
