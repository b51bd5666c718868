#pragma once

#include "runway/core/ChangeSet.h"
#include "runway/core/Element.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

namespace runway::core {

/// A BPMN 2.0 file in memory: the semantic model (under bpmn:definitions) and its diagrams
/// (bpmndi:BPMNDiagram), kept apart and joined by element id as BPMN itself does.
///
/// Ownership: the document owns every node in an arena; nodes removed by an edit stay alive until
/// the document is destroyed, so undo can put them back. Strings read from a file point into the
/// parser's text, which the document keeps; strings set by edits are copied into the arena. Not thread-safe for writing; any number of
/// threads may read a document nobody changes.
///
/// Changes go through the mutation API below. Each call (or each group between beginEdit() and
/// endEdit()) produces one ChangeSet, which observers receive and which can be reverted.
class Document {
public:
    Document();
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // ---- structure ----
    Element* root() const { return m_root; } ///< bpmn:definitions
    /// Comments and processing instructions before and after the root element.
    const std::vector<Element*>& prolog() const { return m_prolog; }
    const std::vector<Element*>& epilog() const { return m_epilog; }
    const std::string& fileName() const { return m_fileName; }
    void setFileName(std::string name) { m_fileName = std::move(name); }

    // ---- namespaces (always compared by URI) ----
    Ns internNamespace(std::string_view uri);
    std::string_view namespaceUri(Ns ns) const;
    /// The prefix declared for ns on the root element ("" for the default namespace), or the
    /// well-known default prefix when the root does not declare it.
    std::string_view prefixFor(Ns ns) const;
    /// Declares ns on the root element if it is not declared yet (an edit), and returns its prefix.
    std::string_view declareNamespace(Ns ns, std::string_view preferredPrefix);

    // ---- lookups ----
    Element* findById(std::string_view id) const;
    /// Resolves a reference written as "id" or "prefix:id".
    Element* resolve(std::string_view ref) const;
    /// DI elements (BPMNShape, BPMNEdge, BPMNPlane) whose bpmnElement is the given id, in file order.
    std::vector<Element*> diFor(std::string_view id) const;
    Element* shapeFor(std::string_view id) const;
    std::vector<Element*> diagrams() const;
    /// Every BPMN-typed element, in document order (depth first).
    std::vector<Element*> allElements() const;

    // ---- construction (nodes are created detached; insert() attaches them) ----
    Element* createElement(Ns ns, std::string_view local);
    Element* createNode(NodeKind kind, std::string_view text);
    std::string_view store(std::string_view s);
    std::pmr::memory_resource* arena() { return &m_arena; }

    // ---- mutation API ----
    void beginEdit();
    /// Ends the outermost edit: observers are told, and the change set is returned.
    ChangeSet endEdit();
    void setAttribute(Element* e, std::string_view local, std::string_view value, Ns ns = Ns::None);
    void removeAttribute(Element* e, std::string_view local, Ns ns = Ns::None);
    void setText(Element* e, std::string_view text);
    void insert(Element* parent, Element* child, Element* before = nullptr);
    void remove(Element* node);
    /// Undo and redo of a change set produced by this document.
    void revert(const ChangeSet& cs);
    void reapply(const ChangeSet& cs);

    void addObserver(DocumentObserver* o);
    void removeObserver(DocumentObserver* o);

    // ---- used by the reader ----
    void setRoot(Element* root) { m_root = root; }
    void addProlog(Element* node) { m_prolog.push_back(node); }
    void addEpilog(Element* node) { m_epilog.push_back(node); }
    /// Drops the id and DI indexes; the next lookup builds them again from the tree.
    void rebuildIndexes();
    /// Links a node at the end of parent's children without recording a change (reader only).
    static void appendChildRaw(Element* parent, Element* child);
    /// Keeps an object alive as long as the document: the reader's parsed text, which the
    /// document's strings point into rather than copying it.
    void keepAlive(std::shared_ptr<const void> storage) { m_storage.push_back(std::move(storage)); }

private:
    void record(Change c);
    void indexSubtree(Element* e, bool add);
    void setAttributeRaw(Element* e, Ns ns, std::string_view qname, std::string_view local, const std::string* value);
    void link(Element* parent, Element* child, Element* before);
    void unlink(Element* node);
    void applyChange(const Change& c, bool forward);

    std::vector<std::shared_ptr<const void>> m_storage; // destroyed after the arena's users
    std::pmr::monotonic_buffer_resource m_arena;
    Element* m_root = nullptr;
    std::vector<Element*> m_prolog, m_epilog;
    std::string m_fileName;
    std::vector<std::string> m_namespaces; // index = Ns value
    struct Indexes; // id -> element, bpmnElement -> DI elements (Document.cpp)
    /// The indexes, built on first use: reading a file does not pay for them, and a file that is
    /// only converted or rendered never needs them. Safe when several threads read at once.
    const Indexes& indexes() const;
    mutable std::unique_ptr<Indexes> m_index;
    mutable std::atomic<bool> m_indexed{false};
    mutable std::mutex m_indexMutex;
    int m_editDepth = 0;
    ChangeSet m_pending;
    std::vector<DocumentObserver*> m_observers;
};

} // namespace runway::core
