#pragma once

#include "runway/core/Document.h"
#include "runway/core/FileIo.h"

#include <string>

namespace runway::core {

/// Writes a Document as BPMN 2.0 XML: children in the order the OMG schema requires, everything
/// else (extensions, foreign attributes, comments, namespace prefixes) as it was read, two-space
/// indentation. Writing the same document twice gives the same bytes.
class BpmnWriter {
public:
    static std::string toString(const Document& doc);
    /// Writes atomically: a temporary file in the same folder, flushed to disk, then renamed over
    /// the target, so a crash or a kill never leaves a half-written file. Returns false and sets
    /// error (with the reason) on failure; the target is then untouched.
    static bool saveFile(const Document& doc, const std::string& path, std::string* error);
};

} // namespace runway::core
