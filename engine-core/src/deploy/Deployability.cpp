#include "runway/core/deploy/Deployability.h"

#include "RuleContext.h"
#include "validation/ValidationContext.h"
#include "runway/core/Semantics.h"
#include "runway/core/Validator.h"

#include <algorithm>

// The deployability check: one walk collects the executable processes and their elements, then the
// chosen engine's rules run over them. docs/deploy.md lists the codes.

namespace runway::core::deploy {

// The validator's wording, so that lint's findings name elements as validate's do.
std::string_view trimmed(std::string_view s)
{
    return validation::trim(s);
}

std::string describe(const Element* e)
{
    return validation::named(e);
}

bool inNamespace(const Document& doc, const Element* e, std::string_view uri)
{
    return e->isElement() && e->ns >= Ns::FirstCustom && doc.namespaceUri(e->ns) == uri;
}

Element* extension(const Document& doc, const Element* e, std::string_view uri, std::string_view local)
{
    const Element* ext = e->child(Ns::Model, "extensionElements");
    if (!ext)
        return nullptr;
    for (Element* c : ext->children())
        if (c->local() == local && inNamespace(doc, c, uri))
            return c;
    return nullptr;
}

std::string_view attrIn(const Document& doc, const Element* e, std::string_view uri, std::string_view local)
{
    for (const auto& a : e->attrs)
        if (a.ns >= Ns::FirstCustom && a.local() == local && doc.namespaceUri(a.ns) == uri)
            return a.value;
    return {};
}

Element* firstDefinition(const Element* event)
{
    const auto defs = sem::eventDefinitions(event);
    return defs.empty() ? nullptr : defs.front();
}

bool beyondRunway(const std::string& error)
{
    for (const char* hint : {"not supported", "only supported", "not evaluated", "unknown function"})
        if (error.find(hint) != std::string::npos)
            return true;
    return false;
}

bool conditionOf(const Element* flow, std::string* text, const Element** at)
{
    for (const Element* c : flow->children())
        if (c->ns == Ns::Model && c->local() == "conditionExpression") {
            *text = c->textContent();
            *at = c;
            return true;
        }
    return false;
}

RuleContext::RuleContext(const Document& doc, const Platform& platform) : m_doc(doc), m_platform(platform)
{
    for (Element* p : sem::processes(doc)) {
        if (p->attr("isExecutable") != "true")
            continue;
        m_executable.push_back(p);
        std::vector<Element*> stack{p};
        while (!stack.empty()) {
            Element* e = stack.back();
            stack.pop_back();
            if (e != p)
                m_elements.push_back(e);
            for (Element* c = e->lastChild; c; c = c->prev)
                if (c->isElement() && c->isBpmn())
                    stack.push_back(c);
        }
    }
    for (Element* f : m_elements) {
        if (f->type != BpmnType::SequenceFlow)
            continue;
        if (const Element* s = doc.resolve(trimmed(f->attr("sourceRef"))))
            m_out[s].push_back(f);
        if (const Element* t = doc.resolve(trimmed(f->attr("targetRef"))))
            m_in[t].push_back(f);
    }
}

const std::vector<Element*>& RuleContext::outgoing(const Element* node) const
{
    static const std::vector<Element*> none;
    const auto it = m_out.find(node);
    return it == m_out.end() ? none : it->second;
}

const std::vector<Element*>& RuleContext::incoming(const Element* node) const
{
    static const std::vector<Element*> none;
    const auto it = m_in.find(node);
    return it == m_in.end() ? none : it->second;
}

void RuleContext::add(Severity s, const Element* e, const char* code, std::string message)
{
    Diagnostic d;
    d.severity = s;
    d.file = m_doc.fileName();
    d.code = code;
    d.message = std::move(message);
    d.line = e ? e->line : 0;
    for (const Element* a = e; a; a = a->parent)
        if (!a->id().empty()) {
            d.elementId = std::string(a->id());
            break;
        }
    m_found.push_back(std::move(d));
}

Diagnostics checkDeployable(const Document& doc, const Platform& platform)
{
    if (!doc.root() || platform.engine == Engine::Bpmn)
        return {};
    RuleContext ctx(doc, platform);
    if (platform.engine == Engine::Camunda8)
        camunda8Rules(ctx);
    else
        camunda7Rules(ctx);
    Diagnostics out = ctx.take();
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    return out;
}

Diagnostics lint(const Document& doc, const Platform& platform)
{
    Diagnostics out = Validator::validate(doc);
    Diagnostics engine = checkDeployable(doc, platform);
    out.insert(out.end(), engine.begin(), engine.end());
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    return out;
}

} // namespace runway::core::deploy
