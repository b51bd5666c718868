#pragma once

#include "runway/core/BpmnType.h"
#include "runway/core/Metamodel.h"
#include "runway/core/Namespaces.h"

#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>
#include <new>
#include <vector>

namespace runway::core {

enum class NodeKind : std::uint8_t { Element, Text, CData, Comment };

struct Attribute {
    std::string_view qname; ///< as written or to be written ("camunda:asyncBefore", "id")
    std::string_view value;
    Ns ns = Ns::None;
    std::uint8_t localStart = 0; ///< where the local name starts in qname

    /// "asyncBefore" of "camunda:asyncBefore"; the prefix of a namespace declaration ("" for xmlns).
    std::string_view local() const { return qname.substr(localStart); }
};

/// An element's attributes in source order: a pointer, a size and a capacity (16 bytes, where a
/// std::pmr::vector takes 32), growing in the document's arena. A large file has more than a
/// million attributes, so the size of this and of Element is most of the model's memory.
class AttributeList {
public:
    const Attribute* begin() const { return m_data; }
    const Attribute* end() const { return m_data + m_size; }
    Attribute* begin() { return m_data; }
    Attribute* end() { return m_data + m_size; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const Attribute& operator[](std::size_t i) const { return m_data[i]; }
    Attribute& back() { return m_data[m_size - 1]; }

    void reserve(std::size_t n, std::pmr::memory_resource* arena)
    {
        if (n <= m_capacity)
            return;
        auto* data = static_cast<Attribute*>(arena->allocate(n * sizeof(Attribute), alignof(Attribute)));
        for (std::uint32_t i = 0; i < m_size; ++i)
            new (data + i) Attribute(m_data[i]);
        m_data = data; // the old block stays in the arena, which frees everything at once
        m_capacity = static_cast<std::uint32_t>(n);
    }
    void push_back(const Attribute& a, std::pmr::memory_resource* arena)
    {
        if (m_size == m_capacity)
            reserve(m_capacity ? m_capacity * 2 : 4, arena);
        new (m_data + m_size++) Attribute(a);
    }
    void erase(const Attribute* at)
    {
        auto i = static_cast<std::uint32_t>(at - m_data);
        for (; i + 1 < m_size; ++i)
            m_data[i] = m_data[i + 1];
        --m_size;
    }

private:
    Attribute* m_data = nullptr;
    std::uint32_t m_size = 0, m_capacity = 0;
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
    std::uint8_t localStart = 0;      ///< where the local name starts in qname
    BpmnType type = BpmnType::Count; ///< Count: not a BPMN element (extension or unknown)
    Ns ns = Ns::None;
    std::uint16_t slot = kNoSlot; ///< content slot in the parent's schema type
    int line = 0;                 ///< source line, 0 when created by Runway
    std::string_view qname; ///< element name as written, with its prefix
    std::string_view text;  ///< content of Text, CData and Comment nodes

    Element* parent = nullptr;
    Element* firstChild = nullptr;
    Element* lastChild = nullptr;
    Element* next = nullptr;
    Element* prev = nullptr;
    AttributeList attrs;

    /// "task" of "bpmn:task".
    std::string_view local() const { return qname.substr(localStart); }

    bool isElement() const { return kind == NodeKind::Element; }
    bool isBpmn() const { return type != BpmnType::Count; }
    bool isA(BpmnType base) const { return Metamodel::instance().isA(type, base); }

    /// The value of an attribute without namespace ("id", "name", "sourceRef"), or empty.
    std::string_view attr(std::string_view localName) const
    {
        for (const auto& a : attrs)
            if (a.ns == Ns::None && a.local() == localName)
                return a.value;
        return {};
    }
    std::string_view attr(Ns space, std::string_view localName) const
    {
        for (const auto& a : attrs)
            if (a.ns == space && a.local() == localName)
                return a.value;
        return {};
    }
    bool hasAttr(std::string_view localName) const { return findAttr(Ns::None, localName) != nullptr; }
    const Attribute* findAttr(Ns space, std::string_view localName) const
    {
        for (const auto& a : attrs)
            if (a.ns == space && a.local() == localName)
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
