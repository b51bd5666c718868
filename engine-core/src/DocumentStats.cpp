#include "runway/core/DocumentStats.h"

#include "runway/core/Diagnostic.h"

namespace runway::core {

int DocumentStats::processes() const
{
    auto it = elements.find("process");
    return it == elements.end() ? 0 : it->second;
}

DocumentStats computeStats(const Document& doc)
{
    DocumentStats s;
    const auto& mm = Metamodel::instance();
    std::vector<const Element*> stack;
    if (doc.root())
        stack.push_back(doc.root());
    while (!stack.empty()) {
        const Element* e = stack.back();
        stack.pop_back();
        for (const auto& a : e->attrs)
            if (a.ns != Ns::None && a.ns != Ns::Xmlns && a.ns != Ns::Xsi && a.ns != Ns::Xml)
                ++s.foreignAttributes;
        if (!e->isBpmn()) {
            // Simple-content children of the schema (incoming, outgoing, ...) fill a slot; anything
            // without one is extension or unknown content, kept for other tools.
            if (e->slot == kNoSlot)
                ++s.extensionElements;
        } else {
            switch (e->type) {
            case BpmnType::BPMNDiagram: ++s.diagrams; break;
            case BpmnType::BPMNPlane: ++s.planes; break;
            case BpmnType::BPMNShape: ++s.shapes; break;
            case BpmnType::BPMNEdge: ++s.edges; break;
            case BpmnType::BPMNLabel: ++s.labels; break;
            default:
                if (e->ns == Ns::Model) {
                    ++s.elements[std::string(e->local())];
                    if (mm.isA(e->type, BpmnType::FlowNode))
                        ++s.flowNodes;
                }
            }
        }
        for (const Element* c = e->firstChild; c; c = c->next)
            if (c->kind == NodeKind::Element)
                stack.push_back(c);
    }
    return s;
}

std::string DocumentStats::toJson(const std::string& file) const
{
    std::string j = "{\"file\":\"" + jsonEscape(file) + "\",\"elements\":{";
    bool first = true;
    for (const auto& [name, n] : elements) {
        if (!first)
            j += ',';
        first = false;
        j += "\"" + jsonEscape(name) + "\":" + std::to_string(n);
    }
    j += "},\"flowNodes\":" + std::to_string(flowNodes) + ",\"processes\":" + std::to_string(processes()) +
         ",\"diagrams\":" + std::to_string(diagrams) + ",\"planes\":" + std::to_string(planes) +
         ",\"shapes\":" + std::to_string(shapes) + ",\"edges\":" + std::to_string(edges) +
         ",\"labels\":" + std::to_string(labels) + ",\"extensionElements\":" + std::to_string(extensionElements) +
         ",\"foreignAttributes\":" + std::to_string(foreignAttributes) + "}";
    return j;
}

} // namespace runway::core
