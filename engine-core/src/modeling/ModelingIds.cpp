// The facade's id change: a new id, checked to be a valid NCName and unique, and every reference to
// the old one (sequence and message flow ends, incoming/outgoing, default, attachedToRef, lane
// flowNodeRefs, messageRef and its kin, DI bpmnElement, a calledElement naming a process of this
// file) renamed with it, as one undo step.
#include "runway/core/modeling/Modeling.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace runway::core::modeling {

namespace {

/// The next code point of UTF-8 text at i (advancing i), or -1 for a malformed sequence.
std::int32_t nextCodePoint(std::string_view s, std::size_t& i)
{
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80)
        return b;
    int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (more < 0 || b >= 0xF8)
        return -1;
    std::int32_t cp = b & (0x3F >> more);
    for (; more > 0; --more) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

/// XML 1.0 NameStartChar without ':' (an NCName has no colon).
bool isNameStart(std::int32_t c)
{
    return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
           (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
           (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
           (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
           (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool isNameChar(std::int32_t c)
{
    return isNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
           (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

} // namespace

std::string idProblem(std::string_view id)
{
    if (id.empty())
        return "an id cannot be empty";
    std::size_t i = 0;
    bool first = true;
    while (i < id.size()) {
        const std::size_t at = i;
        const std::int32_t c = nextCodePoint(id, i);
        if (c < 0)
            return "the id is not valid UTF-8 text";
        if (first ? !isNameStart(c) : !isNameChar(c)) {
            const std::string ch(id.substr(at, i - at));
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                return "an id cannot contain spaces; use '_' or '-' instead, as in Task_CheckIn";
            if (first)
                return "an id must start with a letter or '_', not '" + ch + "'; for example Task_" + std::string(id);
            return "an id cannot contain '" + ch + "'; use letters, digits, '_', '-' and '.'";
        }
        first = false;
    }
    return {};
}

namespace {

std::string_view localPart(std::string_view ref)
{
    const auto colon = ref.find(':');
    return colon == std::string_view::npos ? ref : ref.substr(colon + 1);
}

/// The reference written with the same prefix as before ("tns:Old" -> "tns:New").
std::string withPrefix(std::string_view ref, std::string_view id)
{
    const auto colon = ref.find(':');
    return colon == std::string_view::npos ? std::string(id) : std::string(ref.substr(0, colon + 1)) + std::string(id);
}

/// Attributes that hold the id of another element: BPMN's ...Ref attributes, a gateway's or
/// activity's default, DI's bpmnElement, sourceElement, targetElement and labelStyle.
bool isReferenceAttribute(std::string_view name)
{
    return (name.size() > 3 && name.ends_with("Ref")) || name == "default" || name == "bpmnElement" ||
           name == "sourceElement" || name == "targetElement" || name == "labelStyle";
}

/// A child element of the schema that holds an id as its text: incoming, outgoing, and the
/// ...Ref(s) elements (flowNodeRef, a data association's sourceRef and targetRef, dataInputRefs).
bool isReferenceElement(const Metamodel& mm, const Element* parent, const Element* child)
{
    const std::string_view name = child->local();
    if (!(name == "incoming" || name == "outgoing" || name.ends_with("Ref") || name.ends_with("Refs")))
        return false;
    const auto match = mm.matchChild(parent->type, child->ns, name);
    return match.slot != kNoSlot && match.type == BpmnType::Count; // a schema child of simple content
}

} // namespace

Edit Modeling::setId(Element* element, std::string_view id)
{
    if (!element)
        return refuse("nothing to rename");
    const std::string oldId(element->id());
    if (oldId.empty())
        return refuse("this element has no id to change");
    if (id == oldId)
        return {};
    if (std::string problem = idProblem(id); !problem.empty())
        return refuse(problem);
    if (const Element* other = m_doc.findById(id))
        return refuse("the id '" + std::string(id) + "' is already used by " +
                      (other->name().empty() ? "another element" : "'" + std::string(other->name()) + "'") +
                      "; ids must be unique in a file");

    // A calledElement names a process id (Camunda 7) or a process of another file (Camunda 8): only
    // a process of this file is renamed there.
    const bool isProcess = element->type == BpmnType::Process;
    const Metamodel& mm = Metamodel::instance();

    m_doc.beginEdit();
    for (Element* e : m_doc.allElements()) {
        if (e == element)
            continue;
        std::vector<std::pair<std::string, std::string>> renamed; // set after the loop over attrs
        for (const Attribute& a : e->attrs)
            if (a.ns == Ns::None && localPart(a.value) == oldId &&
                (isReferenceAttribute(a.local()) || (isProcess && a.local() == "calledElement")))
                renamed.emplace_back(a.local(), withPrefix(a.value, id));
        for (const auto& [name, value] : renamed)
            m_doc.setAttribute(e, name, value);
        // Child elements that hold a reference as text: incoming, outgoing, flowNodeRef, a data
        // association's sourceRef, ...
        for (Element* c : e->children()) {
            if (!isReferenceElement(mm, e, c))
                continue;
            const std::string text = c->textContent();
            std::string_view trimmed = text;
            while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\n' || trimmed.front() == '\t' ||
                                        trimmed.front() == '\r'))
                trimmed.remove_prefix(1);
            while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\n' || trimmed.back() == '\t' ||
                                        trimmed.back() == '\r'))
                trimmed.remove_suffix(1);
            if (localPart(trimmed) == oldId)
                m_doc.setText(c, withPrefix(trimmed, id));
        }
    }
    m_doc.setAttribute(element, "id", id);
    indexSubtree(element); // connections kept under the parent's id (data associations) follow it
    return finish({});
}

} // namespace runway::core::modeling
