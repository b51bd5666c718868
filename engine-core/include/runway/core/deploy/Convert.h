#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/Expression.h"
#include "runway/core/deploy/Platform.h"

#include <memory>
#include <string_view>

namespace runway::core::deploy {

/// Rewrites a model for another engine, in place (one undoable edit of doc): the engine settings of
/// the other engine (camunda: for Camunda 7, zeebe: for Camunda 8) become the target's where they
/// map (an external task topic becomes a job type, a JUEL condition ${amount > 1000} the FEEL
/// =amount > 1000, input/output parameters become mappings, ...), and are removed where they do
/// not. The file is then marked for the target (modeler:executionPlatform). For plain BPMN only the
/// mark is removed: the extensions stay, as they are harmless to other tools.
///
/// Returns the conversion report: a warning for each setting that could not be carried over
/// (code "convert-dropped") or was carried over approximately ("convert-approximated"), and a note
/// for each value Runway had to choose ("convert-default"). Nothing is reported when the model is
/// already for the target's engine.
Diagnostics convert(Document& doc, const Platform& target);

/// FEEL (Camunda 8) to JUEL (Camunda 7), the other direction of Expression::toFeel:
/// "=amount > 1000 and approved" gives "${amount > 1000 && approved}". Text without a leading '='
/// is a static value and is returned unchanged. What JUEL cannot say (FEEL's built-in functions,
/// filters, ranges, for/some/every) is an error naming the column.
ConversionResult toJuel(std::string_view feel);

/// A converted document and its report.
struct Converted {
    std::unique_ptr<Document> document; ///< null when the copy could not be made
    Diagnostics report;
};

/// Converts a copy of doc (written and read back, so doc itself is untouched).
Converted convertedCopy(const Document& doc, const Platform& target);

} // namespace runway::core::deploy
