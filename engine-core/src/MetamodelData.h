// Declarations of the generated metamodel tables (see tools/gen-metamodel.py).
#pragma once

#include "runway/core/BpmnType.h"
#include "runway/core/Namespaces.h"

#include <cstddef>

namespace runway::core::meta {

struct TypeDecl {
    BpmnType type;
    Ns ns;
    const char* xsdName;
    BpmnType base; // BpmnType::Count: none
    bool isAbstract;
    bool isMixed;
    bool hasAny; // xsd:any content: children of any namespace are expected
    std::size_t firstChild, childCount, firstAttr, attrCount;
};

/// One entry of a type's content sequence, in schema order.
struct ChildDecl {
    Ns ns;
    const char* name;
    bool isRef;         // refers to a global element (and its substitution group)
    BpmnType localType; // for a local element declaration with a complex type; Count otherwise
    bool isMany;
};

struct AttrDecl {
    const char* name;
    const char* defaultValue; // nullptr: no default
    bool required;
};

struct ElementDecl {
    Ns ns;
    const char* name;
    BpmnType type;
    Ns substNs;
    const char* substitutionGroup; // nullptr: none
    bool isAbstract;
};

extern const TypeDecl kTypes[];
extern const ChildDecl kChildren[];
extern const AttrDecl kAttrs[];
extern const ElementDecl kElements[];
extern const std::size_t kTypeCount;
extern const std::size_t kElementCount;

} // namespace runway::core::meta
