#include "runway/core/Element.h"

#include <charconv>

namespace runway::core {

std::string_view Element::attrOrDefault(std::string_view localName) const
{
    if (const auto* a = findAttr(Ns::None, localName))
        return a->value;
    return Metamodel::instance().attributeDefault(type, localName);
}

double Element::doubleAttr(std::string_view localName, double fallback) const
{
    std::string_view v = attr(localName);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
        v.remove_prefix(1);
    if (!v.empty() && v.front() == '+')
        v.remove_prefix(1);
    double d = fallback;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    return ec == std::errc() ? d : fallback;
}

std::string Element::textContent() const
{
    std::string s;
    for (Element* c = firstChild; c; c = c->next)
        if (c->kind == NodeKind::Text || c->kind == NodeKind::CData)
            s.append(c->text);
    return s;
}

Element* Element::child(Ns ns_, std::string_view localName) const
{
    for (Element* c : children())
        if (c->ns == ns_ && c->local() == localName)
            return c;
    return nullptr;
}

Element* Element::childOfType(BpmnType t) const
{
    for (Element* c : children())
        if (c->isA(t))
            return c;
    return nullptr;
}

std::vector<Element*> Element::childrenOfType(BpmnType t) const
{
    std::vector<Element*> v;
    for (Element* c : children())
        if (c->isA(t))
            v.push_back(c);
    return v;
}

} // namespace runway::core
