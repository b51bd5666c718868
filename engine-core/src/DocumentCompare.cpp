#include "runway/core/DocumentCompare.h"

#include "SchemaOrder.h"

#include <algorithm>

namespace runway::core {

namespace {

std::string path(const Element* e)
{
    std::string p;
    for (; e; e = e->parent) {
        std::string step(e->local());
        if (!e->id().empty())
            step += "#" + std::string(e->id());
        p = p.empty() ? step : step + "/" + p;
    }
    return p;
}

struct Comparer {
    const Document& a;
    const Document& b;
    std::string* where;

    bool fail(const Element* at, const std::string& what)
    {
        if (where)
            *where = path(at) + " (line " + std::to_string(at->line) + "): " + what;
        return false;
    }

    using Attr = std::tuple<std::string_view, std::string_view, std::string_view>;
    std::vector<Attr> attrs(const Document& d, const Element* e)
    {
        std::vector<Attr> v;
        // Namespaces are compared by URI: a declaration's prefix is not part of the model.
        for (const auto& at : e->attrs)
            if (at.ns == Ns::Xmlns)
                v.emplace_back(d.namespaceUri(at.ns), std::string_view(), at.value);
            else if (at.ns == Ns::Xsi && at.local() == "type") // a QName: its prefix is the file's choice
                v.emplace_back(d.namespaceUri(at.ns), at.local(), at.value.substr(at.value.find(':') + 1));
            else
                v.emplace_back(d.namespaceUri(at.ns), at.local(), at.value);
        std::sort(v.begin(), v.end());
        return v;
    }

    bool same(const Element* x, const Element* y)
    {
        if (x->kind != y->kind)
            return fail(x, "a different kind of node");
        if (x->kind != NodeKind::Element) {
            if (x->text != y->text)
                return fail(x->parent ? x->parent : x, "text differs: \"" + std::string(x->text) + "\" vs \"" +
                                                           std::string(y->text) + "\"");
            return true;
        }
        if (x->local() != y->local() || a.namespaceUri(x->ns) != b.namespaceUri(y->ns))
            return fail(x, "element name differs: " + std::string(y->qname));
        if (x->type != y->type)
            return fail(x, "element type differs");
        if (attrs(a, x) != attrs(b, y))
            return fail(x, "attributes differ");
        auto cx = schemaOrderedChildren(x);
        auto cy = schemaOrderedChildren(y);
        if (cx.size() != cy.size())
            return fail(x, "has " + std::to_string(cx.size()) + " children, the other " + std::to_string(cy.size()));
        for (std::size_t i = 0; i < cx.size(); ++i)
            if (!same(cx[i], cy[i]))
                return false;
        return true;
    }
};

} // namespace

bool sameDocument(const Document& a, const Document& b, std::string* where)
{
    if (!a.root() || !b.root())
        return a.root() == b.root();
    Comparer c{a, b, where};
    if (a.prolog().size() != b.prolog().size())
        return c.fail(a.root(), "the comments before the root differ");
    for (std::size_t i = 0; i < a.prolog().size(); ++i)
        if (!c.same(a.prolog()[i], b.prolog()[i]))
            return false;
    return c.same(a.root(), b.root());
}

} // namespace runway::core
