// The facade's index of connections and boundary events by the id of the element they end at or
// are attached to. Entries are only ever added (from each change set the document reports); a
// lookup checks each entry against the document as it is, so stale ones are simply skipped.
#include "runway/core/modeling/Modeling.h"

#include <algorithm>
#include <unordered_map>

namespace runway::core::modeling {

namespace {
bool isConnection(const Element* e)
{
    return e->isA(BpmnType::SequenceFlow) || e->isA(BpmnType::MessageFlow) || e->isA(BpmnType::Association) ||
           e->isA(BpmnType::DataAssociation);
}
bool attached(const Document& doc, const Element* e)
{
    while (e->parent)
        e = e->parent;
    return e == doc.root();
}
std::string_view localPart(std::string_view ref)
{
    const auto colon = ref.find(':');
    return colon == std::string_view::npos ? ref : ref.substr(colon + 1);
}
} // namespace

struct Modeling::Index {
    bool built = false;
    std::unordered_map<std::string, std::vector<Element*>> connections; // by the id of either end
    std::unordered_map<std::string, std::vector<Element*>> boundaries;  // by attachedToRef
};

Modeling::Modeling(Document& doc, std::uint64_t seed) : m_doc(doc), m_random(seed), m_index(std::make_unique<Index>())
{
    m_doc.addObserver(this);
}

Modeling::~Modeling()
{
    m_doc.removeObserver(this);
}

void Modeling::indexSubtree(Element* root)
{
    std::vector<Element*> stack{root};
    while (!stack.empty()) {
        Element* e = stack.back();
        stack.pop_back();
        if (e->kind != NodeKind::Element || !e->isBpmn())
            continue;
        if (e->type == BpmnType::BPMNDiagram)
            continue; // nothing of interest in diagrams
        if (isConnection(e)) {
            if (e->isA(BpmnType::DataAssociation)) {
                for (Element* c : e->children())
                    if (c->local() == "sourceRef" || c->local() == "targetRef")
                        m_index->connections[std::string(localPart(c->textContent()))].push_back(e);
                if (e->parent && !e->parent->id().empty())
                    m_index->connections[std::string(e->parent->id())].push_back(e);
            } else {
                for (const char* end : {"sourceRef", "targetRef"})
                    if (auto ref = e->attr(end); !ref.empty())
                        m_index->connections[std::string(localPart(ref))].push_back(e);
            }
        } else if (e->type == BpmnType::BoundaryEvent) {
            if (auto ref = e->attr("attachedToRef"); !ref.empty())
                m_index->boundaries[std::string(localPart(ref))].push_back(e);
        }
        for (Element* c = e->firstChild; c; c = c->next)
            stack.push_back(c);
    }
}

void Modeling::documentChanged(const ChangeSet& cs)
{
    if (!m_index->built)
        return; // built from the tree on first use
    for (const Change& c : cs.changes) {
        if (c.kind == Change::Kind::Inserted && c.element->kind == NodeKind::Element) {
            indexSubtree(c.element);
            for (Element* p = c.parent; p; p = p->parent) // a sourceRef put into a data association
                if (p->isA(BpmnType::DataAssociation)) {
                    indexSubtree(p);
                    break;
                }
        } else if (c.kind == Change::Kind::AttributeSet && c.hasNew && c.ns == Ns::None &&
                   (c.qname == "sourceRef" || c.qname == "targetRef" || c.qname == "attachedToRef")) {
            Element* e = c.element;
            if (c.qname == "attachedToRef")
                m_index->boundaries[std::string(localPart(c.newValue))].push_back(e);
            else
                m_index->connections[std::string(localPart(c.newValue))].push_back(e);
        }
    }
}

std::vector<Element*> Modeling::connectionsOf(const Element* e)
{
    std::vector<Element*> out;
    if (!e || e->id().empty())
        return out;
    if (!m_index->built) {
        m_index->built = true;
        if (m_doc.root())
            indexSubtree(m_doc.root());
    }
    auto it = m_index->connections.find(std::string(e->id()));
    if (it == m_index->connections.end())
        return out;
    for (Element* f : it->second) {
        if (std::find(out.begin(), out.end(), f) != out.end() || !attached(m_doc, f))
            continue;
        auto [a, b] = ends(f);
        if (a == e || b == e)
            out.push_back(f);
    }
    return out;
}

std::vector<Element*> Modeling::boundaryEventsOf(const Element* activity)
{
    std::vector<Element*> out;
    if (!activity || activity->id().empty())
        return out;
    connectionsOf(activity); // builds the index
    auto it = m_index->boundaries.find(std::string(activity->id()));
    if (it == m_index->boundaries.end())
        return out;
    for (Element* b : it->second)
        if (b->type == BpmnType::BoundaryEvent && std::find(out.begin(), out.end(), b) == out.end() &&
            attached(m_doc, b) && m_doc.resolve(b->attr("attachedToRef")) == activity)
            out.push_back(b);
    return out;
}

} // namespace runway::core::modeling
