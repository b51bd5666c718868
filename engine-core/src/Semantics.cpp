#include "runway/core/Semantics.h"

namespace runway::core::sem {

namespace {
/// The container (process, sub-process, ...) holding a flow element.
const Element* containerOf(const Element* e)
{
    return e ? e->parent : nullptr;
}
} // namespace

std::vector<Element*> processes(const Document& doc)
{
    return doc.root() ? doc.root()->childrenOfType(BpmnType::Process) : std::vector<Element*>{};
}

std::vector<Element*> participants(const Document& doc)
{
    std::vector<Element*> v;
    if (!doc.root())
        return v;
    for (Element* c : doc.root()->childrenOfType(BpmnType::Collaboration))
        for (Element* p : c->childrenOfType(BpmnType::Participant))
            v.push_back(p);
    return v;
}

std::vector<Element*> flowElements(const Element* container)
{
    return container ? container->childrenOfType(BpmnType::FlowElement) : std::vector<Element*>{};
}

std::vector<Element*> flowNodes(const Element* container)
{
    return container ? container->childrenOfType(BpmnType::FlowNode) : std::vector<Element*>{};
}

namespace {
std::vector<Element*> flowsAt(const Document& doc, const Element* node, std::string_view end)
{
    std::vector<Element*> v;
    const Element* container = containerOf(node);
    if (!container || node->id().empty())
        return v;
    for (Element* f : container->childrenOfType(BpmnType::SequenceFlow))
        if (doc.resolve(f->attr(end)) == node)
            v.push_back(f);
    return v;
}
} // namespace

std::vector<Element*> outgoing(const Document& doc, const Element* node)
{
    return flowsAt(doc, node, "sourceRef");
}

std::vector<Element*> incoming(const Document& doc, const Element* node)
{
    return flowsAt(doc, node, "targetRef");
}

std::vector<Element*> eventDefinitions(const Element* event)
{
    return event ? event->childrenOfType(BpmnType::EventDefinition) : std::vector<Element*>{};
}

std::vector<Element*> boundaryEvents(const Document& doc, const Element* activity)
{
    std::vector<Element*> v;
    const Element* container = containerOf(activity);
    if (!container)
        return v;
    for (Element* b : container->childrenOfType(BpmnType::BoundaryEvent))
        if (doc.resolve(b->attr("attachedToRef")) == activity)
            v.push_back(b);
    return v;
}

Element* processOf(const Document& doc, const Element* participant)
{
    return participant ? doc.resolve(participant->attr("processRef")) : nullptr;
}

std::string documentation(const Element* e)
{
    std::string s;
    if (!e)
        return s;
    for (const Element* d : e->childrenOfType(BpmnType::Documentation)) {
        if (!s.empty())
            s += "\n\n";
        s += d->textContent();
    }
    return s;
}

} // namespace runway::core::sem
