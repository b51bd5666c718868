#include "runway/core/Di.h"

#include <charconv>

namespace runway::core::di {

namespace {
std::optional<double> number(const Element* e, std::string_view name)
{
    const auto* a = e->findAttr(Ns::None, name);
    if (!a)
        return std::nullopt;
    std::string_view v = a->value;
    while (!v.empty() && (v.front() == ' ' || v.front() == '+'))
        v.remove_prefix(1);
    double d = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || p == v.data())
        return std::nullopt;
    return d;
}
} // namespace

std::optional<Bounds> bounds(const Element* shape)
{
    if (!shape)
        return std::nullopt;
    const Element* b = shape->childOfType(BpmnType::Bounds);
    if (!b)
        return std::nullopt;
    auto x = number(b, "x"), y = number(b, "y"), w = number(b, "width"), h = number(b, "height");
    if (!x || !y || !w || !h)
        return std::nullopt;
    return Bounds{*x, *y, *w, *h};
}

std::optional<Bounds> labelBounds(const Element* shapeOrEdge)
{
    if (!shapeOrEdge)
        return std::nullopt;
    return bounds(shapeOrEdge->childOfType(BpmnType::BPMNLabel));
}

std::vector<Point> waypoints(const Element* edge)
{
    std::vector<Point> pts;
    if (!edge)
        return pts;
    for (const Element* c : edge->children())
        if (c->local() == "waypoint" && c->ns == Ns::Di) {
            auto x = number(c, "x"), y = number(c, "y");
            if (x && y)
                pts.push_back({*x, *y});
        }
    return pts;
}

std::optional<bool> flag(const Element* shape, std::string_view name)
{
    const auto* a = shape ? shape->findAttr(Ns::None, name) : nullptr;
    if (!a)
        return std::nullopt;
    return a->value == "true" || a->value == "1";
}

Element* plane(const Element* diagram)
{
    return diagram ? diagram->childOfType(BpmnType::BPMNPlane) : nullptr;
}

Element* planeElement(const Document& doc, const Element* diagram)
{
    const Element* p = plane(diagram);
    return p ? doc.resolve(p->attr("bpmnElement")) : nullptr;
}

std::vector<Element*> diagramElements(const Element* p)
{
    std::vector<Element*> v;
    if (p)
        for (Element* c : p->children())
            if (c->type == BpmnType::BPMNShape || c->type == BpmnType::BPMNEdge)
                v.push_back(c);
    return v;
}

} // namespace runway::core::di
