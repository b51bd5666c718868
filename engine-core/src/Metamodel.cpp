#include "runway/core/Metamodel.h"

#include "FlatHashMap.h"
#include "MetamodelData.h"

#include <functional>

namespace runway::core {

namespace {
struct Key {
    BpmnType parent;
    Ns ns;
    std::string_view local;
    bool operator==(const Key&) const = default;
};
struct KeyHash {
    std::uint64_t operator()(const Key& k) const noexcept
    {
        return fnv1a(k.local, (static_cast<std::uint64_t>(k.parent) << 8 | static_cast<std::uint64_t>(k.ns)) *
                                  0x9E3779B97F4A7C15ull);
    }
};
// Child lookups are on the reader's hot path: one probe per element.
FlatHashMap<Key, Metamodel::ChildMatch, KeyHash>& childTable()
{
    static FlatHashMap<Key, Metamodel::ChildMatch, KeyHash> table;
    return table;
}
} // namespace

std::string_view defaultPrefix(Ns ns)
{
    switch (ns) {
    case Ns::Model: return "bpmn";
    case Ns::BpmnDi: return "bpmndi";
    case Ns::Dc: return "dc";
    case Ns::Di: return "di";
    case Ns::Xsi: return "xsi";
    case Ns::Xml: return "xml";
    default: return {};
    }
}

std::string_view wellKnownUri(Ns ns)
{
    switch (ns) {
    case Ns::Model: return uri::Model;
    case Ns::BpmnDi: return uri::BpmnDi;
    case Ns::Dc: return uri::Dc;
    case Ns::Di: return uri::Di;
    case Ns::Xsi: return uri::Xsi;
    case Ns::Xml: return uri::Xml;
    case Ns::Xmlns: return uri::Xmlns;
    default: return {};
    }
}

const Metamodel& Metamodel::instance()
{
    static const Metamodel m;
    return m;
}

Metamodel::Metamodel()
{
    const auto n = static_cast<std::size_t>(BpmnType::Count);
    m_types.resize(n);
    m_ancestors.resize(n);
    for (std::size_t i = 0; i < meta::kTypeCount; ++i) {
        const auto& d = meta::kTypes[i];
        auto& t = m_types[static_cast<std::size_t>(d.type)];
        t.type = d.type;
        t.ns = d.ns;
        t.xsdName = d.xsdName;
        t.name = d.xsdName;
        t.isAbstract = d.isAbstract;
        t.isMixed = d.isMixed;
        t.hasAny = d.hasAny;
        t.base = d.base == BpmnType::Count ? nullptr : &m_types[static_cast<std::size_t>(d.base)];
    }
    // Flatten slots and attributes along the base chain (schema content is base-first).
    for (std::size_t i = 0; i < meta::kTypeCount; ++i) {
        const auto& d = meta::kTypes[i];
        auto& t = m_types[static_cast<std::size_t>(d.type)];
        std::vector<const meta::TypeDecl*> chain;
        for (const auto* c = &d;;) {
            chain.insert(chain.begin(), c);
            m_ancestors[static_cast<std::size_t>(d.type)].set(static_cast<std::size_t>(c->type));
            if (c->base == BpmnType::Count)
                break;
            const meta::TypeDecl* next = nullptr;
            for (std::size_t j = 0; j < meta::kTypeCount; ++j)
                if (meta::kTypes[j].type == c->base)
                    next = &meta::kTypes[j];
            c = next;
        }
        for (const auto* c : chain) {
            t.isMixed = t.isMixed || c->isMixed;
            t.hasAny = t.hasAny || c->hasAny;
            for (std::size_t k = 0; k < c->childCount; ++k) {
                const auto& cd = meta::kChildren[c->firstChild + k];
                t.content.push_back({cd.ns, cd.name, cd.isRef, cd.localType, cd.isMany});
            }
            for (std::size_t k = 0; k < c->attrCount; ++k) {
                const auto& ad = meta::kAttrs[c->firstAttr + k];
                t.attrs.push_back({ad.name, ad.defaultValue, ad.required});
                if (ad.required)
                    t.requiredAttrs.push_back(ad.name);
            }
        }
    }
    m_elements.reserve(meta::kElementCount);
    for (std::size_t i = 0; i < meta::kElementCount; ++i) {
        const auto& e = meta::kElements[i];
        m_elements.push_back({e.ns, e.name, e.type, nullptr, e.isAbstract});
        auto& t = m_types[static_cast<std::size_t>(e.type)];
        // A type is named after its global element of the same name ("tTask" -> "task").
        std::string_view x = t.xsdName;
        std::string_view stripped = (x.size() > 1 && x[0] == 't' && x[1] >= 'A' && x[1] <= 'Z') ? x.substr(1) : x;
        const std::string_view ename = e.name;
        if (stripped.size() == ename.size() && std::equal(stripped.begin() + 1, stripped.end(), ename.begin() + 1))
            t.name = ename;
        m_typeByName.emplace(e.name, e.type);
    }
    for (std::size_t i = 0; i < meta::kElementCount; ++i) {
        const auto& e = meta::kElements[i];
        if (e.substitutionGroup)
            m_elements[i].substitutionGroup = element(e.substNs, e.substitutionGroup);
    }
    for (const auto& t : m_types)
        m_typeByName.emplace(t.xsdName, t.type);

    auto& table = childTable();
    for (const auto& t : m_types) {
        for (std::size_t s = 0; s < t.content.size(); ++s) {
            const auto& slot = t.content[s];
            auto add = [&](Ns ns, std::string_view name, BpmnType type) {
                table.tryEmplace(Key{t.type, ns, name}, ChildMatch{static_cast<std::uint16_t>(s), type});
            };
            if (!slot.isRef) {
                add(slot.ns, slot.name, slot.localType);
                continue;
            }
            for (const auto& e : m_elements)
                if (!e.isAbstract && inGroup(&e, slot.ns, slot.name))
                    add(e.ns, e.name, e.type);
        }
    }
}

bool Metamodel::inGroup(const ElementDecl* e, Ns ns, std::string_view head) const
{
    for (; e; e = e->substitutionGroup)
        if (e->ns == ns && e->name == head)
            return true;
    return false;
}

const Metamodel::ElementDecl* Metamodel::element(Ns ns, std::string_view name) const
{
    for (const auto& e : m_elements)
        if (e.ns == ns && e.name == name)
            return &e;
    return nullptr;
}

BpmnType Metamodel::typeByName(std::string_view name) const
{
    auto it = m_typeByName.find(name);
    return it == m_typeByName.end() ? BpmnType::Count : it->second;
}

Metamodel::ChildMatch Metamodel::matchChild(BpmnType parent, Ns ns, std::string_view local) const
{
    const ChildMatch* m = childTable().find(Key{parent, ns, local});
    return m ? *m : ChildMatch{};
}

std::string_view Metamodel::attributeDefault(BpmnType t, std::string_view attr) const
{
    if (t == BpmnType::Count)
        return {};
    for (const auto& a : type(t).attrs)
        if (a.name == attr)
            return a.defaultValue ? std::string_view(a.defaultValue) : std::string_view();
    return {};
}

} // namespace runway::core
