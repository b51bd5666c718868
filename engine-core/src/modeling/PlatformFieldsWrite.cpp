// Platform fields (PlatformFields.h): writing a value as the real zeebe: or camunda: extension
// element or attribute, as one edit, and setting the file's execution platform.
#include "PlatformFieldsTable.h"
#include "deploy/RuleContext.h"

#include <algorithm>
#include <cctype>

namespace runway::core::modeling {

using namespace platform;

namespace {

bool blankText(const Element* c)
{
    return (c->kind == NodeKind::Text || c->kind == NodeKind::CData) &&
           std::all_of(c->text.begin(), c->text.end(), [](unsigned char ch) { return std::isspace(ch); });
}

/// True when nothing but whitespace is left in e (no attributes when withAttributes).
bool emptyNode(const Element* e, bool withAttributes)
{
    if (withAttributes && !e->attrs.empty())
        return false;
    for (const Element* c = e->firstChild; c; c = c->next)
        if (!blankText(c))
            return false;
    return true;
}

class Writer {
public:
    Writer(Modeling& m, const FieldDef& d) : m_modeling(m), m_doc(m.document()), m_def(d)
    {
        m_ns = m_doc.internNamespace(nsUri(d.ns));
    }

    void declare() { m_doc.declareNamespace(m_ns, nsPrefix(m_def.ns)); }

    Element* extensions(Element* host, bool create)
    {
        if (Element* x = host->child(Ns::Model, "extensionElements"))
            return x;
        if (!create)
            return nullptr;
        Element* x = m_modeling.newElement(Ns::Model, "extensionElements");
        m_modeling.insertOrdered(host, x);
        return x;
    }

    /// host's extension element of this field's namespace, created when asked.
    Element* ext(Element* host, std::string_view local, bool create)
    {
        if (Element* x = extension(m_doc, host, nsUri(m_def.ns), local))
            return x;
        if (!create)
            return nullptr;
        declare();
        Element* x = m_doc.createElement(m_ns, local);
        m_doc.insert(extensions(host, true), x);
        return x;
    }

    /// Removes x when it holds nothing any more, then host's extensionElements when empty.
    void prune(Element* host, Element* x, bool withAttributes)
    {
        if (x && x->parent && emptyNode(x, withAttributes))
            m_doc.remove(x);
        if (Element* list = host->child(Ns::Model, "extensionElements"); list && emptyNode(list, true))
            m_doc.remove(list);
    }

    void extAttr(Element* host, const std::string& value)
    {
        const bool remove = value.empty() || (m_def.spec.kind == FieldKind::Bool && value == m_def.spec.defaultValue);
        if (remove) {
            if (Element* x = ext(host, m_def.wrapper, false)) {
                m_doc.removeAttribute(x, m_def.keyAttr);
                prune(host, x, true);
            }
            return;
        }
        m_doc.setAttribute(ext(host, m_def.wrapper, true), m_def.keyAttr, value);
    }

    void extText(Element* host, const std::string& value)
    {
        Element* x = ext(host, m_def.wrapper, !value.empty());
        if (!x)
            return;
        if (value.empty()) {
            m_doc.remove(x);
            prune(host, nullptr, true);
        } else {
            m_doc.setText(x, value);
        }
    }

    void attr(Element* host, const std::string& value)
    {
        const bool remove = value.empty() || (m_def.spec.kind == FieldKind::Bool && value == m_def.spec.defaultValue);
        if (remove) {
            m_doc.removeAttribute(host, m_def.keyAttr, m_ns);
        } else {
            declare();
            m_doc.setAttribute(host, m_def.keyAttr, value, m_ns);
        }
    }

    bool isItem(const Element* c, std::string_view local) const
    {
        return c->isElement() && c->ns == m_ns && c->local() == local;
    }

    void list(Element* host, const FieldValue& value)
    {
        Element* wrapper = ext(host, m_def.wrapper, !value.rows.empty());
        if (!wrapper)
            return;
        std::vector<Element*> old;
        for (Element* c : wrapper->children())
            if (isItem(c, m_def.item) && (!m_def.valueAttr.empty() || !hasElementChildren(c)))
                old.push_back(c);
        for (Element* c : old)
            m_doc.remove(c);
        Element* before = nullptr;
        if (!m_def.before.empty())
            for (Element* c : wrapper->children())
                if (isItem(c, m_def.before)) {
                    before = c;
                    break;
                }
        // Camunda Modeler writes a mapping as source="..." target="...": the value column first.
        const bool valueFirst = m_def.valueAttr == "source";
        for (const auto& [key, val] : value.rows) {
            Element* item = m_doc.createElement(m_ns, m_def.item);
            auto setKey = [&] {
                if (!key.empty())
                    m_doc.setAttribute(item, m_def.keyAttr, key);
            };
            if (!valueFirst)
                setKey();
            if (!m_def.valueAttr.empty()) {
                if (!val.empty())
                    m_doc.setAttribute(item, m_def.valueAttr, val);
            } else if (!val.empty()) {
                m_doc.setText(item, val);
            }
            if (valueFirst)
                setKey();
            m_doc.insert(wrapper, item, before);
        }
        prune(host, wrapper, true);
    }

    void implementation(Element* host, const std::string& kind)
    {
        std::string_view current;
        const auto currentAttr = implementationAttribute(m_doc, host, &current);
        const std::string value(currentAttr.empty() ? std::string_view() : host->attr(m_ns, currentAttr));
        for (std::string_view a : {"class", "expression", "delegateExpression", "topic"})
            m_doc.removeAttribute(host, a, m_ns);
        if (current == "external")
            m_doc.removeAttribute(host, "type", m_ns);
        if (kind.empty())
            return;
        declare();
        if (kind == "external") {
            m_doc.setAttribute(host, "type", "external", m_ns);
            m_doc.setAttribute(host, "topic", value, m_ns);
        } else {
            m_doc.setAttribute(host, kind, value, m_ns);
        }
    }

    void implementationValue(Element* host, const std::string& value)
    {
        const auto a = implementationAttribute(m_doc, host, nullptr);
        m_doc.setAttribute(host, a, value, m_ns);
    }

private:
    Modeling& m_modeling;
    Document& m_doc;
    const FieldDef& m_def;
    Ns m_ns;
};

Edit refused(std::string why)
{
    Edit e;
    e.error = std::move(why);
    return e;
}

bool wholeNumber(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

/// Why value is not of the field's kind, or empty.
std::string invalid(const FieldDef& d, const FieldValue& value)
{
    const auto& t = value.text;
    const std::string label(d.spec.label);
    switch (d.spec.kind) {
    case FieldKind::Integer:
        // Zeebe also takes an expression for the retries; Camunda 7 a time to live as "P30D".
        if (!t.empty() && !wholeNumber(t) && !(d.engine == deploy::Engine::Camunda8 && t.front() == '=') &&
            !(d.engine == deploy::Engine::Camunda7 && t.size() > 2 && t.front() == 'P' && t.back() == 'D' &&
              wholeNumber(std::string_view(t).substr(1, t.size() - 2))))
            return "the " + label + " must be a whole number" +
                   (d.engine == deploy::Engine::Camunda8 ? std::string(" (or a FEEL expression, =...)")
                                                         : std::string(" (or days as P30D)")) +
                   ", not '" + t + "'";
        break;
    case FieldKind::Bool:
        if (!t.empty() && t != "true" && t != "false")
            return "the " + label + " is true or false, not '" + t + "'";
        break;
    case FieldKind::Choice:
        if (std::find(d.spec.choices.begin(), d.spec.choices.end(), t) == d.spec.choices.end())
            return "'" + t + "' is not a choice of the " + label;
        break;
    case FieldKind::KeyValueList:
    case FieldKind::Text:
    case FieldKind::Feel: break;
    }
    return {};
}

} // namespace

Edit writePlatformField(Modeling& modeling, Element* element, std::string_view key, const FieldValue& value)
{
    const FieldDef* d = find(key);
    if (!d)
        return refused("there is no platform field '" + std::string(key) + "'");
    if (!element)
        return refused("no element");
    if (!d->applies(element))
        return refused("the " + std::string(d->spec.label) + " does not apply to the " + deploy::describe(element));
    if (auto why = invalid(*d, value); !why.empty())
        return refused(why);
    Document& doc = modeling.document();
    Element* host = hostOf(doc, element, d->host);
    if (!host) {
        if (d->host == Host::Message)
            return refused("the " + deploy::describe(element) +
                           " references no message: choose its message first, then set the correlation key");
        return refused("the " + deploy::describe(element) + " has no element to hold the " +
                       std::string(d->spec.label));
    }
    if (d->storage == Storage::ImplementationValue && implementationAttribute(doc, host, nullptr).empty())
        return refused("choose the implementation type (class, expression, delegate expression or external) first");
    if (readPlatformField(doc, element, key) == value)
        return {}; // nothing changes: no undo step
    Writer w(modeling, *d);
    doc.beginEdit();
    switch (d->storage) {
    case Storage::ExtAttr: w.extAttr(host, value.text); break;
    case Storage::ExtText: w.extText(host, value.text); break;
    case Storage::Attr: w.attr(host, value.text); break;
    case Storage::ExtList: w.list(host, value); break;
    case Storage::Implementation: w.implementation(host, value.text); break;
    case Storage::ImplementationValue: w.implementationValue(host, value.text); break;
    }
    Edit e;
    e.changes = doc.endEdit();
    return e;
}

Edit setExecutionPlatform(Modeling& modeling, const deploy::Platform& platform)
{
    std::string error;
    if (!deploy::Platform::parseTarget(platform.target(), &error))
        return refused(error);
    Document& doc = modeling.document();
    if (!doc.root())
        return refused("the document has no definitions");
    doc.beginEdit();
    deploy::setPlatform(doc, platform);
    Edit e;
    e.changes = doc.endEdit();
    return e;
}

} // namespace runway::core::modeling
