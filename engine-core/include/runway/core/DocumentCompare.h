#pragma once

#include "runway/core/Document.h"

#include <string>

namespace runway::core {

/// Whether two documents hold the same model and diagrams: the same elements with the same
/// namespaces (compared by URI), attributes (in any order), text and comments, children compared in
/// schema order. Layout whitespace is not compared. On a difference, *where says what and where.
bool sameDocument(const Document& a, const Document& b, std::string* where = nullptr);

} // namespace runway::core
