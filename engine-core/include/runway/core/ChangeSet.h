#pragma once

#include "runway/core/Namespaces.h"

#include <string>
#include <string_view>
#include <vector>

namespace runway::core {

class Element;

/// One primitive change of a document. Holds the old and new values, so a change set can be
/// reverted exactly (undo) and replayed (redo).
struct Change {
    enum class Kind { Inserted, Removed, AttributeSet, TextSet };
    Kind kind = Kind::AttributeSet;
    Element* element = nullptr; ///< the node changed, inserted or removed
    Element* parent = nullptr;  ///< Inserted/Removed: the parent
    Element* before = nullptr;  ///< Inserted/Removed: the sibling it stands before (nullptr: last)
    Ns ns = Ns::None;           ///< AttributeSet
    std::string qname;          ///< AttributeSet
    bool hadOld = false, hasNew = false;
    std::string oldValue, newValue;
};

/// What one edit changed, in order. Observers use it to refresh just what changed; undo commands
/// keep it to revert and re-apply.
class ChangeSet {
public:
    std::vector<Change> changes;
    bool empty() const { return changes.empty(); }
    /// Ids of the BPMN elements (semantic or DI) touched: the element itself or its nearest
    /// ancestor with an id.
    std::vector<std::string> affectedIds() const;
};

class DocumentObserver {
public:
    virtual ~DocumentObserver() = default;
    virtual void documentChanged(const ChangeSet& changes) = 0;
};

} // namespace runway::core
