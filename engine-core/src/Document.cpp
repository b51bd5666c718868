#include "runway/core/Document.h"

#include "ElementIndex.h"

#include <algorithm>
#include <cassert>
#include <unordered_map>

namespace runway::core {

namespace {
std::string_view localPart(std::string_view ref)
{
    auto colon = ref.find(':');
    return colon == std::string_view::npos ? ref : ref.substr(colon + 1);
}
bool isDiElement(const Element* e)
{
    return e->type == BpmnType::BPMNShape || e->type == BpmnType::BPMNEdge || e->type == BpmnType::BPMNPlane;
}
} // namespace

/// The id index and the DI index. Most elements have one DI element; the few that appear in
/// several diagrams keep the others in a side table.
struct Document::Indexes {
    struct IdOf {
        std::string_view operator()(const Element* e) const { return e->attr("id"); }
    };
    struct DiRefOf {
        std::string_view operator()(const Element* e) const { return localPart(e->attr("bpmnElement")); }
    };
    ElementIndex<IdOf> byId;
    ElementIndex<DiRefOf> firstDi;
    std::unordered_multimap<std::string_view, Element*> moreDi;

    void addDi(std::string_view ref, Element* e)
    {
        if (firstDi.insert(ref, e) != e)
            moreDi.emplace(ref, e);
    }
    void removeDi(std::string_view ref, Element* e)
    {
        auto [a, b] = moreDi.equal_range(ref);
        for (auto it = a; it != b; ++it)
            if (it->second == e) {
                moreDi.erase(it);
                return;
            }
        if (firstDi.find(ref) != e)
            return;
        // Promote another DI element of the same id, if any.
        firstDi.erase(ref, e);
        auto more = moreDi.find(ref);
        if (more != moreDi.end()) {
            firstDi.insert(ref, more->second);
            moreDi.erase(more);
        }
    }
    template <typename F>
    void forEachDi(std::string_view ref, F f) const
    {
        if (Element* first = firstDi.find(ref)) {
            f(first);
            auto [a, b] = moreDi.equal_range(ref);
            for (auto it = a; it != b; ++it)
                f(it->second);
        }
    }
};

Document::Document()
{
    m_namespaces.resize(static_cast<std::size_t>(Ns::FirstCustom));
    for (std::size_t i = 0; i < m_namespaces.size(); ++i)
        m_namespaces[i] = std::string(wellKnownUri(static_cast<Ns>(i)));
}

Document::~Document() = default;

Ns Document::internNamespace(std::string_view uri)
{
    for (std::size_t i = 1; i < m_namespaces.size(); ++i)
        if (m_namespaces[i] == uri)
            return static_cast<Ns>(i);
    m_namespaces.emplace_back(uri);
    return static_cast<Ns>(m_namespaces.size() - 1);
}

std::string_view Document::namespaceUri(Ns ns) const
{
    auto i = static_cast<std::size_t>(ns);
    return i < m_namespaces.size() ? std::string_view(m_namespaces[i]) : std::string_view();
}

std::string_view Document::prefixFor(Ns ns) const
{
    if (m_root) {
        const auto uri = namespaceUri(ns);
        for (const auto& a : m_root->attrs)
            if (a.ns == Ns::Xmlns && a.value == uri)
                return a.local();
    }
    return defaultPrefix(ns);
}

std::string_view Document::declareNamespace(Ns ns, std::string_view preferredPrefix)
{
    if (!m_root)
        return preferredPrefix;
    const auto uri = namespaceUri(ns);
    for (const auto& a : m_root->attrs)
        if (a.ns == Ns::Xmlns && a.value == uri)
            return a.local();
    // Pick a prefix not taken by another namespace.
    std::string prefix(preferredPrefix.empty() ? "ns" : preferredPrefix);
    for (int n = 2; m_root->findAttr(Ns::Xmlns, prefix); ++n)
        prefix = std::string(preferredPrefix) + std::to_string(n);
    setAttribute(m_root, prefix, uri, Ns::Xmlns);
    return m_root->findAttr(Ns::Xmlns, prefix)->local();
}

Element* Document::findById(std::string_view id) const
{
    return indexes().byId.find(id);
}

Element* Document::resolve(std::string_view ref) const
{
    if (Element* e = findById(ref))
        return e;
    auto local = localPart(ref);
    return local.size() == ref.size() ? nullptr : findById(local);
}

std::vector<Element*> Document::diFor(std::string_view id) const
{
    std::vector<Element*> v;
    indexes().forEachDi(localPart(id), [&](Element* e) { v.push_back(e); });
    // The multimap keeps no order; file order is what callers expect.
    std::sort(v.begin(), v.end(), [](Element* x, Element* y) { return x->line < y->line; });
    return v;
}

Element* Document::shapeFor(std::string_view id) const
{
    Element* best = nullptr;
    indexes().forEachDi(localPart(id), [&](Element* e) {
        if (e->type == BpmnType::BPMNShape && (!best || e->line < best->line))
            best = e;
    });
    return best;
}

std::vector<Element*> Document::diagrams() const
{
    std::vector<Element*> v;
    if (m_root)
        for (Element* c : m_root->children())
            if (c->type == BpmnType::BPMNDiagram)
                v.push_back(c);
    return v;
}

std::vector<Element*> Document::allElements() const
{
    std::vector<Element*> out;
    std::vector<Element*> stack;
    if (m_root)
        stack.push_back(m_root);
    while (!stack.empty()) {
        Element* e = stack.back();
        stack.pop_back();
        if (e->isBpmn())
            out.push_back(e);
        for (Element* c = e->lastChild; c; c = c->prev)
            if (c->kind == NodeKind::Element)
                stack.push_back(c);
    }
    return out;
}

Element* Document::createElement(Ns ns, std::string_view local)
{
    void* mem = m_arena.allocate(sizeof(Element), alignof(Element));
    auto* e = new (mem) Element();
    e->ns = ns;
    const auto prefix = prefixFor(ns);
    if (prefix.empty()) {
        e->qname = store(local);
    } else {
        std::string q(prefix);
        q += ':';
        q += local;
        e->qname = store(q);
        e->localStart = static_cast<std::uint8_t>(prefix.size() + 1);
    }
    if (ns == Ns::Model || ns == Ns::BpmnDi || ns == Ns::Dc || ns == Ns::Di) {
        if (const auto* decl = Metamodel::instance().element(ns, local))
            e->type = decl->type;
    }
    return e;
}

Element* Document::createNode(NodeKind kind, std::string_view text)
{
    void* mem = m_arena.allocate(sizeof(Element), alignof(Element));
    auto* e = new (mem) Element();
    e->kind = kind;
    e->text = store(text);
    return e;
}

std::string_view Document::store(std::string_view s)
{
    if (s.empty())
        return {};
    char* p = static_cast<char*>(m_arena.allocate(s.size(), 1));
    std::copy(s.begin(), s.end(), p);
    return {p, s.size()};
}

// ---------------------------------------------------------------- indexes

void Document::rebuildIndexes()
{
    std::lock_guard lock(m_indexMutex);
    m_index.reset();
    m_indexed.store(false, std::memory_order_release);
}

const Document::Indexes& Document::indexes() const
{
    if (!m_indexed.load(std::memory_order_acquire)) {
        std::lock_guard lock(m_indexMutex);
        if (!m_indexed.load(std::memory_order_relaxed)) {
            auto index = std::make_unique<Indexes>();
            const std::vector<Element*> typed = allElements();
            index->byId.reserve(typed.size());
            index->firstDi.reserve(typed.size() / 2);
            for (Element* n : typed) { // document order: the first of duplicate ids wins
                if (auto id = n->attr("id"); !id.empty())
                    index->byId.insert(id, n);
                if (isDiElement(n))
                    if (auto ref = localPart(n->attr("bpmnElement")); !ref.empty())
                        index->addDi(ref, n);
            }
            m_index = std::move(index);
            m_indexed.store(true, std::memory_order_release);
        }
    }
    return *m_index;
}

void Document::indexSubtree(Element* e, bool add)
{
    if (!m_indexed.load(std::memory_order_relaxed))
        return; // not built yet: the first lookup will see the tree as it is then
    std::vector<Element*> stack{e};
    while (!stack.empty()) {
        Element* n = stack.back();
        stack.pop_back();
        if (n->kind != NodeKind::Element)
            continue;
        if (n->isBpmn()) {
            auto id = n->attr("id");
            if (!id.empty()) {
                if (add)
                    m_index->byId.insert(id, n);
                else
                    m_index->byId.erase(id, n);
            }
            if (isDiElement(n)) {
                auto ref = localPart(n->attr("bpmnElement"));
                if (!ref.empty()) {
                    if (add)
                        m_index->addDi(ref, n);
                    else
                        m_index->removeDi(ref, n);
                }
            }
        }
        for (Element* c = n->firstChild; c; c = c->next)
            stack.push_back(c);
    }
}

// ---------------------------------------------------------------- tree links

void Document::appendChildRaw(Element* parent, Element* child)
{
    child->parent = parent;
    child->prev = parent->lastChild;
    child->next = nullptr;
    if (parent->lastChild)
        parent->lastChild->next = child;
    else
        parent->firstChild = child;
    parent->lastChild = child;
}

void Document::link(Element* parent, Element* child, Element* before)
{
    if (!before) {
        appendChildRaw(parent, child);
    } else {
        assert(before->parent == parent);
        child->parent = parent;
        child->next = before;
        child->prev = before->prev;
        if (before->prev)
            before->prev->next = child;
        else
            parent->firstChild = child;
        before->prev = child;
    }
    if (child->kind == NodeKind::Element && parent->isBpmn()) {
        auto m = Metamodel::instance().matchChild(parent->type, child->ns, child->local());
        child->slot = m.slot;
    }
}

void Document::unlink(Element* node)
{
    Element* parent = node->parent;
    if (node->prev)
        node->prev->next = node->next;
    else if (parent)
        parent->firstChild = node->next;
    if (node->next)
        node->next->prev = node->prev;
    else if (parent)
        parent->lastChild = node->prev;
    node->parent = node->next = node->prev = nullptr;
}

// ---------------------------------------------------------------- edits

void Document::beginEdit() { ++m_editDepth; }

ChangeSet Document::endEdit()
{
    assert(m_editDepth > 0);
    if (--m_editDepth > 0)
        return {};
    ChangeSet cs = std::move(m_pending);
    m_pending = {};
    if (!cs.empty())
        for (auto* o : std::vector<DocumentObserver*>(m_observers))
            o->documentChanged(cs);
    return cs;
}

void Document::record(Change c)
{
    const bool single = m_editDepth == 0;
    if (single)
        beginEdit();
    m_pending.changes.push_back(std::move(c));
    if (single)
        endEdit();
}

void Document::setAttributeRaw(Element* e, Ns ns, std::string_view qname, std::string_view local,
                               const std::string* value)
{
    // The id and DI indexes are keyed by attribute values: re-key this one element around the change.
    const bool indexed = e->isBpmn() && ns == Ns::None &&
                         (local == "id" || (local == "bpmnElement" && isDiElement(e)));
    auto reindexSelf = [&](bool add) {
        Element* saved = e->firstChild;
        e->firstChild = nullptr;
        indexSubtree(e, add);
        e->firstChild = saved;
    };
    if (indexed)
        reindexSelf(false);
    auto it = std::find_if(e->attrs.begin(), e->attrs.end(),
                           [&](const Attribute& a) { return a.ns == ns && a.local() == local; });
    if (!value) {
        if (it != e->attrs.end())
            e->attrs.erase(it);
    } else if (it != e->attrs.end()) {
        it->value = store(*value);
    } else {
        std::string q(qname);
        if (q.empty()) {
            if (ns == Ns::Xmlns) {
                q = local.empty() ? std::string("xmlns") : "xmlns:" + std::string(local);
            } else {
                const auto prefix = ns == Ns::None ? std::string_view() : prefixFor(ns);
                q = prefix.empty() ? std::string(local) : std::string(prefix) + ":" + std::string(local);
            }
        }
        Attribute a;
        a.qname = store(q);
        a.ns = ns;
        a.value = store(*value);
        const auto colon = a.qname.find(':');
        if (colon != std::string_view::npos)
            a.localStart = static_cast<std::uint8_t>(colon + 1);
        else if (ns == Ns::Xmlns)
            a.localStart = static_cast<std::uint8_t>(a.qname.size()); // "xmlns": the default namespace
        e->attrs.push_back(a, &m_arena);
    }
    if (indexed)
        reindexSelf(true);
}

void Document::setAttribute(Element* e, std::string_view local, std::string_view value, Ns ns)
{
    Change c;
    c.kind = Change::Kind::AttributeSet;
    c.element = e;
    c.ns = ns;
    const Attribute* old = e->findAttr(ns, local);
    c.hadOld = old != nullptr;
    if (old) {
        if (old->value == value)
            return;
        c.oldValue = old->value;
        c.qname = old->qname;
    }
    c.hasNew = true;
    c.newValue = value;
    setAttributeRaw(e, ns, old ? old->qname : std::string_view(), local, &c.newValue);
    if (c.qname.empty())
        c.qname = e->findAttr(ns, local)->qname;
    record(std::move(c));
}

void Document::removeAttribute(Element* e, std::string_view local, Ns ns)
{
    const Attribute* old = e->findAttr(ns, local);
    if (!old)
        return;
    Change c;
    c.kind = Change::Kind::AttributeSet;
    c.element = e;
    c.ns = ns;
    c.qname = old->qname;
    c.hadOld = true;
    c.oldValue = old->value;
    setAttributeRaw(e, ns, c.qname, local, nullptr);
    record(std::move(c));
}

void Document::setText(Element* e, std::string_view text)
{
    beginEdit();
    for (Element* c = e->firstChild; c;) {
        Element* nx = c->next;
        if (c->kind == NodeKind::Text || c->kind == NodeKind::CData)
            remove(c);
        c = nx;
    }
    if (!text.empty())
        insert(e, createNode(NodeKind::Text, text), e->firstChild);
    endEdit();
}

void Document::insert(Element* parent, Element* child, Element* before)
{
    link(parent, child, before);
    indexSubtree(child, true);
    Change c;
    c.kind = Change::Kind::Inserted;
    c.element = child;
    c.parent = parent;
    c.before = before;
    record(std::move(c));
}

void Document::remove(Element* node)
{
    Change c;
    c.kind = Change::Kind::Removed;
    c.element = node;
    c.parent = node->parent;
    c.before = node->next;
    indexSubtree(node, false);
    unlink(node);
    record(std::move(c));
}

void Document::applyChange(const Change& c, bool forward)
{
    switch (c.kind) {
    case Change::Kind::Inserted:
    case Change::Kind::Removed: {
        const bool doInsert = (c.kind == Change::Kind::Inserted) == forward;
        if (doInsert) {
            link(c.parent, c.element, c.before);
            indexSubtree(c.element, true);
        } else {
            indexSubtree(c.element, false);
            unlink(c.element);
        }
        break;
    }
    case Change::Kind::AttributeSet: {
        const bool has = forward ? c.hasNew : c.hadOld;
        const std::string& v = forward ? c.newValue : c.oldValue;
        std::string_view local = c.qname;
        if (auto colon = local.find(':'); colon != std::string_view::npos)
            local = local.substr(colon + 1);
        else if (c.ns == Ns::Xmlns)
            local = {};
        setAttributeRaw(c.element, c.ns, c.qname, local, has ? &v : nullptr);
        break;
    }
    case Change::Kind::TextSet: break;
    }
}

void Document::revert(const ChangeSet& cs)
{
    beginEdit();
    for (auto it = cs.changes.rbegin(); it != cs.changes.rend(); ++it) {
        applyChange(*it, false);
        Change inv = *it;
        if (inv.kind == Change::Kind::Inserted)
            inv.kind = Change::Kind::Removed;
        else if (inv.kind == Change::Kind::Removed)
            inv.kind = Change::Kind::Inserted;
        std::swap(inv.hadOld, inv.hasNew);
        std::swap(inv.oldValue, inv.newValue);
        m_pending.changes.push_back(std::move(inv));
    }
    endEdit();
}

void Document::reapply(const ChangeSet& cs)
{
    beginEdit();
    for (const auto& c : cs.changes) {
        applyChange(c, true);
        m_pending.changes.push_back(c);
    }
    endEdit();
}

void Document::addObserver(DocumentObserver* o) { m_observers.push_back(o); }

void Document::removeObserver(DocumentObserver* o)
{
    m_observers.erase(std::remove(m_observers.begin(), m_observers.end(), o), m_observers.end());
}

std::vector<std::string> ChangeSet::affectedIds() const
{
    std::vector<std::string> ids;
    auto add = [&](const Element* e) {
        for (; e; e = e->parent)
            if (e->isBpmn() && !e->id().empty()) {
                std::string id(e->id());
                if (std::find(ids.begin(), ids.end(), id) == ids.end())
                    ids.push_back(std::move(id));
                return;
            }
    };
    for (const auto& c : changes) {
        add(c.element);
        if (c.parent)
            add(c.parent);
    }
    return ids;
}

} // namespace runway::core
