#pragma once

#include "runway/core/Document.h"

#include <map>
#include <string>

namespace runway::core {

/// What a document holds, counted: BPMN elements per type, diagrams, DI shapes and edges, and the
/// extension content kept for other tools. Two documents that are the same model give the same
/// stats, which makes this a cheap check of a round trip.
struct DocumentStats {
    std::map<std::string, int> elements; ///< semantic elements by BPMN element name ("userTask": 3)
    int diagrams = 0;
    int planes = 0;
    int shapes = 0;
    int edges = 0;
    int labels = 0;
    int extensionElements = 0;  ///< elements outside the schema: extensions (zeebe:..., vendor ones), unknown ones
    int foreignAttributes = 0;  ///< attributes in other namespaces, excluding namespace declarations
    int processes() const;
    int flowNodes = 0;

    std::string toJson(const std::string& file) const;
    bool operator==(const DocumentStats&) const = default;
};

DocumentStats computeStats(const Document& doc);

} // namespace runway::core
