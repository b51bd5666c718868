// The facade's building blocks: ids, default sizes, DI reading and writing, schema-ordered
// insertion, and finding where an element is drawn.
#include "runway/core/Semantics.h"
#include "runway/core/modeling/Modeling.h"

#include <charconv>
#include <cmath>

namespace runway::core::modeling {

namespace {
const Metamodel& mm()
{
    return Metamodel::instance();
}

std::string num(double v)
{
    if (std::abs(v - std::round(v)) < 1e-9)
        v = std::round(v);
    if (v == 0)
        v = 0; // no "-0"
    char buf[32];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, p);
}
} // namespace

Size defaultSize(BpmnType t, bool expanded)
{
    if (mm().isA(t, BpmnType::SubProcess))
        return expanded ? Size{350, 200} : Size{100, 80};
    if (mm().isA(t, BpmnType::Activity))
        return {100, 80};
    if (mm().isA(t, BpmnType::Event))
        return {36, 36};
    if (mm().isA(t, BpmnType::Gateway))
        return {50, 50};
    switch (t) {
    case BpmnType::DataObjectReference:
    case BpmnType::DataInput:
    case BpmnType::DataOutput: return {36, 50};
    case BpmnType::DataStoreReference: return {50, 50};
    case BpmnType::TextAnnotation: return {100, 30};
    case BpmnType::Participant: return {600, 250};
    case BpmnType::Lane: return {570, 120};
    case BpmnType::Group: return {300, 300};
    default: return {100, 80};
    }
}

std::string idPrefix(BpmnType t)
{
    if (t == BpmnType::Count)
        return "Element"; // not a BPMN type (an extension element with an id)
    if (mm().isA(t, BpmnType::Activity))
        return "Activity";
    if (mm().isA(t, BpmnType::Event))
        return "Event";
    if (mm().isA(t, BpmnType::Gateway))
        return "Gateway";
    if (t == BpmnType::SequenceFlow || t == BpmnType::MessageFlow)
        return "Flow";
    std::string n(mm().type(t).name);
    if (!n.empty() && n[0] >= 'a' && n[0] <= 'z')
        n[0] = static_cast<char>(n[0] - 'a' + 'A');
    return n.empty() ? "Element" : n;
}

std::string Modeling::freshId(BpmnType type)
{
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    const std::string prefix = idPrefix(type) + "_";
    for (;;) {
        std::uint64_t r = m_random();
        std::string id = prefix;
        id += digits[r % 10]; // bpmn.io's ids start with a digit after the prefix
        r /= 10;
        for (int i = 0; i < 6; ++i, r /= 36)
            id += digits[r % 36];
        if (!m_doc.findById(id))
            return id;
    }
}

Edit Modeling::finish(Edit e)
{
    e.changes = m_doc.endEdit();
    return e;
}

Edit Modeling::refuse(std::string why)
{
    Edit e;
    e.error = std::move(why);
    return e;
}

Element* Modeling::shape(const Element* e) const
{
    return e ? m_doc.shapeFor(e->id()) : nullptr;
}

Element* Modeling::edge(const Element* e) const
{
    if (!e)
        return nullptr;
    for (Element* d : m_doc.diFor(e->id()))
        if (d->type == BpmnType::BPMNEdge)
            return d;
    return nullptr;
}

Element* Modeling::newElement(Ns ns, std::string_view local, BpmnType idType)
{
    if (ns == Ns::BpmnDi)
        m_doc.declareNamespace(ns, "bpmndi");
    else if (ns == Ns::Dc)
        m_doc.declareNamespace(ns, "dc");
    else if (ns == Ns::Di)
        m_doc.declareNamespace(ns, "di");
    Element* e = m_doc.createElement(ns, local);
    if (idType != BpmnType::Count)
        m_doc.setAttribute(e, "id", freshId(idType));
    return e;
}

void Modeling::insertOrdered(Element* parent, Element* child)
{
    const auto slot = parent->isBpmn() ? mm().matchChild(parent->type, child->ns, child->local()).slot : kNoSlot;
    // From the end: a process holds thousands of flow elements, and new ones mostly go last.
    Element* before = nullptr;
    if (slot != kNoSlot)
        for (Element* c = parent->lastChild; c; c = c->prev) {
            if (c->kind != NodeKind::Element || c->slot == kNoSlot)
                continue;
            if (c->slot <= slot)
                break;
            before = c;
        }
    m_doc.insert(parent, child, before);
}

void Modeling::setBounds(Element* shape, const Bounds& b)
{
    Element* bounds = shape->childOfType(BpmnType::Bounds);
    if (!bounds) {
        bounds = newElement(Ns::Dc, "Bounds");
        insertOrdered(shape, bounds);
    }
    m_doc.setAttribute(bounds, "x", num(b.x));
    m_doc.setAttribute(bounds, "y", num(b.y));
    m_doc.setAttribute(bounds, "width", num(b.width));
    m_doc.setAttribute(bounds, "height", num(b.height));
}

void Modeling::writeWaypoints(Element* edge, const std::vector<Point>& pts)
{
    std::vector<Element*> existing;
    for (Element* c : edge->children())
        if (c->ns == Ns::Di && c->local() == "waypoint")
            existing.push_back(c);
    std::size_t i = 0;
    for (; i < pts.size() && i < existing.size(); ++i) {
        m_doc.setAttribute(existing[i], "x", num(pts[i].x));
        m_doc.setAttribute(existing[i], "y", num(pts[i].y));
    }
    for (std::size_t k = i; k < existing.size(); ++k)
        m_doc.remove(existing[k]);
    for (; i < pts.size(); ++i) {
        Element* w = newElement(Ns::Di, "waypoint");
        m_doc.setAttribute(w, "x", num(pts[i].x));
        m_doc.setAttribute(w, "y", num(pts[i].y));
        // waypoints come before the label
        Element* label = edge->childOfType(BpmnType::BPMNLabel);
        m_doc.insert(edge, w, label);
    }
}

Element* Modeling::addShape(Element* plane, const Element* semantic, const Bounds& b)
{
    Element* s = newElement(Ns::BpmnDi, "BPMNShape");
    m_doc.setAttribute(s, "id", std::string(semantic->id()) + "_di");
    m_doc.setAttribute(s, "bpmnElement", semantic->id());
    setBounds(s, b);
    m_doc.insert(plane, s);
    return s;
}

Element* Modeling::addEdge(Element* plane, const Element* semantic, const std::vector<Point>& pts)
{
    Element* e = newElement(Ns::BpmnDi, "BPMNEdge");
    m_doc.setAttribute(e, "id", std::string(semantic->id()) + "_di");
    m_doc.setAttribute(e, "bpmnElement", semantic->id());
    writeWaypoints(e, pts);
    m_doc.insert(plane, e);
    return e;
}

Element* Modeling::flowContainer(Element* c)
{
    if (!c)
        return nullptr;
    if (c->type == BpmnType::Participant)
        return sem::processOf(m_doc, c);
    if (c->type == BpmnType::Lane)
        return const_cast<Element*>(processOfElement(c));
    return c;
}

Element* Modeling::planeFor(const Element* container)
{
    for (const Element* e = container; e; e = e->parent) {
        if (e->id().empty())
            continue;
        Element* shapeOf = nullptr;
        for (Element* d : m_doc.diFor(e->id())) {
            if (d->type == BpmnType::BPMNPlane)
                return d;
            if (d->type == BpmnType::BPMNShape && !shapeOf)
                shapeOf = d;
        }
        if (shapeOf && shapeOf->parent &&
            (e->type == BpmnType::Participant || e->type == BpmnType::Lane || shapeOf->attr("isExpanded") == "true"))
            return shapeOf->parent;
        if (e->type == BpmnType::Process)
            if (const Element* pool = poolOf(m_doc, e))
                if (Element* s = shape(pool))
                    return s->parent;
    }
    // No diagram draws this container yet: the first diagram, or a new one for it.
    for (Element* d : m_doc.diagrams())
        if (Element* p = di::plane(d))
            return p;
    Element* diagram = newElement(Ns::BpmnDi, "BPMNDiagram");
    m_doc.setAttribute(diagram, "id", freshId(BpmnType::BPMNDiagram));
    Element* p = newElement(Ns::BpmnDi, "BPMNPlane");
    m_doc.setAttribute(p, "id", freshId(BpmnType::BPMNPlane));
    const Element* shown = container ? processOfElement(container) : nullptr;
    if (const Element* pool = shown ? poolOf(m_doc, shown) : nullptr)
        shown = pool->parent;
    if (shown)
        m_doc.setAttribute(p, "bpmnElement", shown->id());
    m_doc.insert(diagram, p);
    insertOrdered(m_doc.root(), diagram);
    return p;
}

std::pair<Element*, Element*> Modeling::ends(const Element* flow) const
{
    if (!flow)
        return {nullptr, nullptr};
    auto childRef = [&](std::string_view name) -> Element* {
        for (Element* c : flow->children())
            if (c->ns == Ns::Model && c->local() == name)
                return m_doc.resolve(c->textContent());
        return nullptr;
    };
    if (flow->type == BpmnType::DataInputAssociation)
        return {childRef("sourceRef"), flow->parent};
    if (flow->type == BpmnType::DataOutputAssociation)
        return {flow->parent, childRef("targetRef")};
    return {m_doc.resolve(flow->attr("sourceRef")), m_doc.resolve(flow->attr("targetRef"))};
}

} // namespace runway::core::modeling
