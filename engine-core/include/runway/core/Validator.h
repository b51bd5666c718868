#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"

namespace runway::core {

/// Structural checks of a document: what makes a model wrong whatever engine runs it (duplicate
/// ids, dangling references, flows crossing pools, unparseable timers, DI out of step with the
/// semantics). Each finding names the element, its source line and what to do.
class Validator {
public:
    static Diagnostics validate(const Document& doc);
};

} // namespace runway::core
