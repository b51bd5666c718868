#pragma once

#include "runway/core/BpmnType.h"
#include "runway/core/Metamodel.h"
#include "runway/core/Namespaces.h"

#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

namespace runway::core {

enum class NodeKind : std::uint8_t { Element, Text, CData, Comment };

struct Attribute {
    std::string_view qname; // as written or to be written ("camunda:asyncBefore", "id")
    std::string_view local;
    Ns ns = Ns::None;
    std::string_view value;
};

/// One node of a BPMN document: an element (typed when the BPMN 2.0 schema knows it, foreign
/// otherwise), or a text, CDATA or comment node. Everything the file held is kept in source order,
/// which is what makes reading and writing lossless.
///
/// Nodes are owned by their Document (allocated in its arena) and are only changed through the
/// Document's mutation API, so that every change is reported. Strings are views into the arena.
class Element {
public:
    NodeKind kind = NodeKind::Element;
    BpmnType type = BpmnType::Count; ///< Count: not a BPMN element (extension or unknown)
    Ns ns = Ns::None;
    std::uint16_t slot = kNoSlot; ///< content slot in the parent's schema type
    int line = 0;                 ///< source line, 0 when created by Runway
    std::string_view qname;       ///< element name as written, with its prefix
    std::string_view local;
    std::string_view text; ///< content of Text, CData and Comment nodes

    Element* parent = nullptr;
    Element* firstChild = nullptr;
    Element* lastChild = nullptr;
    Element* next = nullptr;
    Element* prev = nullptr;
    std::pmr::vector<Attribute> attrs;

    explicit Element(std::pmr::memory_resource* r) : attrs(r) {}

    bool isElement() const { return kind == NodeKind::Element; }
    bool isBpmn() const { return type != BpmnType::Count; }
    bool isA(BpmnType base) const { return Metamodel::instance().isA(type, base); }

    /// The value of an attribute without namespace ("id", "name", "sourceRef"), or empty.
    std::string_view attr(std::string_view localName) const
    {
        for (const auto& a : attrs)
            if (a.ns == Ns::None && a.local == localName)
                return a.value;
        return {};
    }
    std::string_view attr(Ns space, std::string_view localName) const
    {
        for (const auto& a : attrs)
            if (a.ns == space && a.local == localName)
                return a.value;
        return {};
    }
    bool hasAttr(std::string_view localName) const { return findAttr(Ns::None, localName) != nullptr; }
    const Attribute* findAttr(Ns space, std::string_view localName) const
    {
        for (const auto& a : attrs)
            if (a.ns == space && a.local == localName)
                return &a;
        return nullptr;
    }
    /// The attribute's value, or the schema's default for this element's type.
    std::string_view attrOrDefault(std::string_view localName) const;
    bool boolAttr(std::string_view localName) const { return attrOrDefault(localName) == "true"; }
    double doubleAttr(std::string_view localName, double fallback = 0.0) const;

    std::string_view id() const { return attr("id"); }
    std::string_view name() const { return attr("name"); }

    /// Concatenated text of the direct Text and CData children ("Flow_1" of <incoming>).
    std::string textContent() const;

    /// Element children only (skips text and comments).
    class ElementRange {
    public:
        struct It {
            Element* e;
            Element* operator*() const { return e; }
            It& operator++()
            {
                do
                    e = e->next;
                while (e && e->kind != NodeKind::Element);
                return *this;
            }
            bool operator!=(const It& o) const { return e != o.e; }
        };
        explicit ElementRange(Element* first) : m_first(first)
        {
            while (m_first && m_first->kind != NodeKind::Element)
                m_first = m_first->next;
        }
        It begin() const { return {m_first}; }
        It end() const { return {nullptr}; }

    private:
        Element* m_first;
    };
    ElementRange children() const { return ElementRange(firstChild); }
    /// First child element with this namespace and local name.
    Element* child(Ns space, std::string_view localName) const;
    /// First child element whose type is or derives from t.
    Element* childOfType(BpmnType t) const;
    std::vector<Element*> childrenOfType(BpmnType t) const;
};

} // namespace runway::core
