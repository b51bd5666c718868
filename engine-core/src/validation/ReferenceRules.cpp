#include "ValidationContext.h"

namespace runway::core::validation {

namespace {

/// "a message", "an error".
std::string withArticle(std::string_view word)
{
    const bool vowel = !word.empty() && std::string_view("aeiou").find(word.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(word);
}

} // namespace

// ------------------------------------------------------------ references

void ValidationContext::checkDefinitionRefs()
{
    struct Kind {
        const char* attr;
        BpmnType type;
        const char* what;
    };
    static constexpr Kind kinds[] = {{"messageRef", BpmnType::Message, "message"},
                                     {"errorRef", BpmnType::Error, "error"},
                                     {"escalationRef", BpmnType::Escalation, "escalation"},
                                     {"signalRef", BpmnType::Signal, "signal"}};
    for (const Element* e : m_refHolders) {
        for (const auto& k : kinds) {
            const auto ref = trim(e->attr(k.attr));
            if (ref.empty())
                continue;
            const Element* target = resolve(ref);
            if (!target)
                add(Severity::Error, e, "definition-ref-unknown",
                    std::string("the ") + k.attr + " '" + std::string(ref) + "' names no " + k.what +
                        " in this file; declare <" + k.what + " id=\"" + std::string(ref) +
                        "\"> in the definitions, or pick an existing one");
            else if (target->type != k.type)
                add(Severity::Error, e, "definition-ref-unknown",
                    std::string("the ") + k.attr + " '" + std::string(ref) + "' names the " + named(target) + ", not " +
                        withArticle(k.what) + "; pick " + withArticle(k.what) + " declared in the definitions");
        }
    }
    for (const Element* n : m_flowNodes) {
        if (n->type != BpmnType::CallActivity)
            continue;
        const auto ref = trim(n->attr("calledElement"));
        if (ref.empty())
            continue;
        const Element* target = resolve(ref);
        if (!target)
            add(Severity::Warning, n, "called-element-unknown",
                "the call activity calls '" + std::string(ref) +
                    "', which is not in this file; make sure a process with that id is deployed with it");
        else if (!target->isA(BpmnType::CallableElement))
            add(Severity::Warning, n, "called-element-unknown",
                "the call activity calls the " + named(target) +
                    ", which cannot be called; call a process or a global task");
    }
}

void ValidationContext::checkOtherRefs()
{
    for (const Element* p : m_participants) {
        const auto ref = trim(p->attr("processRef"));
        if (ref.empty())
            continue; // a black-box pool
        const Element* target = resolve(ref);
        if (!target || target->type != BpmnType::Process)
            add(Severity::Error, p, "participant-process-unknown",
                "the pool's processRef '" + std::string(ref) + "' " +
                    (target ? "names the " + named(target) + ", not a process"
                            : std::string("names no process in this file")) +
                    "; point it at the pool's process, or remove it for a black-box pool");
    }
    for (const Element* lane : m_lanes) {
        for (const Element* c : lane->children()) {
            if (c->ns != Ns::Model || c->local() != "flowNodeRef")
                continue;
            const std::string text = c->textContent();
            const auto ref = trim(text);
            const Element* target = resolve(ref);
            if (!target)
                add(Severity::Error, c, "lane-ref-unknown",
                    "the lane lists '" + std::string(ref) +
                        "' (flowNodeRef), which names no element in this file; remove the entry");
            else if (!target->isA(BpmnType::FlowNode))
                add(Severity::Error, c, "lane-ref-unknown",
                    "the lane lists the " + named(target) +
                        " (flowNodeRef), but lanes hold only tasks, events and gateways; remove the entry");
        }
    }
    for (const Element* r : m_dataRefs) {
        const bool store = r->type == BpmnType::DataStoreReference;
        const char* attr = store ? "dataStoreRef" : "dataObjectRef";
        const auto ref = trim(r->attr(attr));
        if (ref.empty())
            continue;
        const Element* target = resolve(ref);
        const BpmnType want = store ? BpmnType::DataStore : BpmnType::DataObject;
        if (!target || target->type != want)
            add(Severity::Error, r, "data-reference-unknown",
                std::string("the ") + attr + " '" + std::string(ref) + "' " +
                    (target ? "names the " + named(target) + ", not a " + (store ? "data store" : "data object")
                            : std::string("names no element in this file")) +
                    "; point it at a " +
                    (store ? "data store declared in the definitions" : "data object of the same process"));
    }
    for (const Element* a : m_associations) {
        for (const char* attr : {"sourceRef", "targetRef"}) {
            const auto ref = trim(a->attr(attr));
            if (ref.empty())
                add(Severity::Error, a, "association-dangling",
                    std::string("the association has no ") + attr + "; connect both ends, or delete it");
            else if (!resolve(ref))
                add(Severity::Error, a, "association-dangling",
                    std::string("the association's ") + attr + " '" + std::string(ref) +
                        "' names no element in this file; connect it to an existing element, or delete it");
        }
    }
}

} // namespace runway::core::validation
