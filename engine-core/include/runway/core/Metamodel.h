#pragma once

#include "runway/core/BpmnType.h"
#include "runway/core/Namespaces.h"

#include <bitset>
#include <cstdint>
#include <unordered_map>
#include <span>
#include <string_view>
#include <vector>

namespace runway::core {

inline constexpr std::uint16_t kNoSlot = 0xFFFF;

/// Runtime view of the BPMN 2.0 schema: the type hierarchy, each type's child element slots in
/// schema order (inherited ones first), and its attributes with defaults. Immutable after
/// construction and shared by all threads.
class Metamodel {
public:
    struct Attr {
        std::string_view name;
        const char* defaultValue; // nullptr: none
        bool required;
    };
    struct Slot {
        Ns ns;
        std::string_view name; // element name or substitution-group head
        bool isRef;
        BpmnType localType; // for local element declarations
        bool isMany;
    };
    struct Type {
        BpmnType type;
        Ns ns;
        std::string_view xsdName;   // "tUserTask"
        std::string_view name;      // "userTask" (the global element of this type), or xsdName
        const Type* base = nullptr;
        bool isAbstract = false;
        bool isMixed = false;
        bool hasAny = false;
        std::vector<Slot> content; // flattened, base first
        std::vector<Attr> attrs; // flattened, base first
        std::vector<std::string_view> requiredAttrs;
    };
    struct ElementDecl {
        Ns ns;
        std::string_view name;
        BpmnType type;
        const ElementDecl* substitutionGroup = nullptr;
        bool isAbstract = false;
    };
    struct ChildMatch {
        std::uint16_t slot = kNoSlot;
        BpmnType type = BpmnType::Count; // Count: not a typed element (simple content or unknown)
    };

    static const Metamodel& instance();

    const Type& type(BpmnType t) const { return m_types[static_cast<std::size_t>(t)]; }
    const ElementDecl* element(Ns ns, std::string_view name) const;
    /// A BPMN type by its element name ("userTask") or XSD type name ("tUserTask").
    BpmnType typeByName(std::string_view name) const;
    /// True when t is base or derives from it.
    bool isA(BpmnType t, BpmnType base) const
    {
        return t != BpmnType::Count && m_ancestors[static_cast<std::size_t>(t)].test(static_cast<std::size_t>(base));
    }
    /// Which slot of a parent type a child element fills, and its type.
    ChildMatch matchChild(BpmnType parent, Ns ns, std::string_view local) const;
    /// The default value the schema gives an attribute, or empty.
    std::string_view attributeDefault(BpmnType t, std::string_view attr) const;
    std::span<const ElementDecl> elements() const { return m_elements; }

private:
    Metamodel();
    bool inGroup(const ElementDecl* e, Ns ns, std::string_view head) const;

    std::vector<Type> m_types;
    std::vector<ElementDecl> m_elements;
    std::vector<std::bitset<static_cast<std::size_t>(BpmnType::Count)>> m_ancestors;
    std::unordered_map<std::string_view, BpmnType> m_typeByName;
};

} // namespace runway::core
