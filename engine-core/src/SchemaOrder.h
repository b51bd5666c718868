#pragma once

#include "runway/core/Element.h"

#include <vector>

namespace runway::core {

/// The children of e in the order the BPMN 2.0 schema requires: typed children by content slot
/// (stable), and everything else (extensions, unknown elements, text) kept right after the typed
/// sibling it followed; a comment moves with the typed element after it. Source order when the
/// file already was in schema order.
std::vector<const Element*> schemaOrderedChildren(const Element* e);

} // namespace runway::core
