#include "runway/core/Validator.h"

#include "validation/ValidationContext.h"

#include <algorithm>

// One walk over the document collects what the rules need (elements by id, flow ends, DI
// references); every rule then runs over those lists with hash lookups, so a file of any size is
// checked in time proportional to its size. docs/validation.md lists the codes.

namespace runway::core {

namespace validation {

Diagnostics ValidationContext::run()
{
    Element* root = m_doc.root();
    if (!root)
        return {};
    collect(root);
    checkSequenceFlows();
    checkFlowNodes();
    checkBoundaryEvents();
    checkMessageFlows();
    checkDefinitionRefs();
    checkOtherRefs();
    checkTimers();
    checkDi(root);
    std::stable_sort(m_out.begin(), m_out.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    return std::move(m_out);
}

} // namespace validation

Diagnostics Validator::validate(const Document& doc)
{
    return validation::ValidationContext(doc).run();
}

} // namespace runway::core
