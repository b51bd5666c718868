#include "runway/core/deploy/Convert.h"

#include "Converter.h"
#include "RuleContext.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"

#include <algorithm>

namespace runway::core::deploy {

Converter::Converter(Document& d, const Platform& t)
    : doc(d), target(t), source(Platform::ofDocument(d)), zeebe(d.internNamespace(uri::Zeebe)),
      camunda(d.internNamespace(uri::Camunda)), elements(d.allElements())
{
}

void Converter::note(const Element* e, const char* code, std::string message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.file = doc.fileName();
    d.line = e ? e->line : 0;
    for (const Element* a = e; a; a = a->parent)
        if (!a->id().empty()) {
            d.elementId = std::string(a->id());
            break;
        }
    d.code = code;
    d.message = std::move(message);
    report.push_back(std::move(d));
}

void Converter::dropped(const Element* e, std::string_view setting, std::string_view value, const std::string& why)
{
    std::string s = "the " + std::string(setting);
    if (!value.empty())
        s += " '" + std::string(value) + "'";
    note(e, "convert-dropped", s + " of the " + describe(e) + " is not carried over: " + why);
}

void Converter::unconverted(const Element* e, const std::string& text, std::string_view language,
                            const std::string& why)
{
    const std::string what = e->local() == "conditionExpression" ? "condition" : std::string(e->local());
    const Element* owner =
        e->parent && e->local() != "conditionExpression" && e->parent->parent ? e->parent->parent : e->parent;
    note(e, "convert-dropped",
         "the " + what + " '" + text + "'" + (owner ? " of the " + describe(owner) : std::string()) +
             " cannot be written in " + std::string(language) + " (" + why + "), so it is left as it was; rewrite it");
}

std::string Converter::attr(const Element* e, Ns ns, std::string_view local) const
{
    return std::string(e->attr(ns, local));
}

void Converter::set(Element* e, std::string_view local, std::string_view value, Ns ns)
{
    doc.setAttribute(e, local, value, ns);
}

void Converter::unset(Element* e, std::string_view local, Ns ns)
{
    doc.removeAttribute(e, local, ns);
}

Element* Converter::extensions(Element* e)
{
    if (Element* x = e->child(Ns::Model, "extensionElements"))
        return x;
    Element* x = doc.createElement(Ns::Model, "extensionElements");
    doc.insert(e, x, e->firstChild);
    return x;
}

Element* Converter::append(Element* parent, Ns ns, std::string_view local)
{
    Element* x = doc.createElement(ns, local);
    doc.insert(parent, x);
    return x;
}

Element* Converter::appendExtension(Element* e, Ns ns, std::string_view local)
{
    return append(extensions(e), ns, local);
}

std::vector<Element*> Converter::extensionsIn(const Element* e, Ns ns) const
{
    std::vector<Element*> out;
    if (const Element* x = e->child(Ns::Model, "extensionElements"))
        for (Element* c : x->children())
            if (c->ns == ns)
                out.push_back(c);
    return out;
}

void Converter::removeRest(Element* e, Ns ns, std::string_view prefix, std::initializer_list<std::string_view> silent,
                           const std::string& why)
{
    auto isSilent = [&](std::string_view local) {
        return std::find(silent.begin(), silent.end(), local) != silent.end();
    };
    std::vector<std::pair<std::string, std::string>> attrs;
    for (const auto& a : e->attrs)
        if (a.ns == ns)
            attrs.emplace_back(std::string(a.local()), std::string(a.value));
    for (const auto& [local, value] : attrs) {
        if (!isSilent(local))
            dropped(e, std::string(prefix) + ":" + local, value, why);
        unset(e, local, ns);
    }
    for (Element* x : extensionsIn(e, ns)) {
        if (!isSilent(x->local()))
            dropped(e, "<" + std::string(prefix) + ":" + std::string(x->local()) + ">", {}, why);
        doc.remove(x);
    }
    if (Element* x = e->child(Ns::Model, "extensionElements")) {
        bool empty = true;
        for (const Element* c = x->firstChild; c && empty; c = c->next)
            if (c->kind == NodeKind::Element || c->kind == NodeKind::Comment || !trimmed(c->text).empty())
                empty = false;
        if (empty)
            doc.remove(x);
    }
}

Diagnostics convert(Document& doc, const Platform& target)
{
    if (!doc.root())
        return {};
    Converter c(doc, target);
    doc.beginEdit();
    if (target.engine == Engine::Camunda8) {
        doc.declareNamespace(c.zeebe, "zeebe");
        toCamunda8(c);
    } else if (target.engine == Engine::Camunda7) {
        doc.declareNamespace(c.camunda, "camunda");
        toCamunda7(c);
    }
    setPlatform(doc, target);
    doc.endEdit();
    return std::move(c.report);
}

Converted convertedCopy(const Document& doc, const Platform& target)
{
    Converted out;
    auto r = BpmnReader::readBytes(BpmnWriter::toString(doc), doc.fileName());
    if (!r.ok()) {
        out.report = std::move(r.diagnostics);
        return out;
    }
    out.document = std::move(r.document);
    out.report = convert(*out.document, target);
    return out;
}

} // namespace runway::core::deploy
