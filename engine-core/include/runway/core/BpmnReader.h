#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"

#include <memory>
#include <string>
#include <string_view>

namespace runway::core {

struct ReadResult {
    std::unique_ptr<Document> document; ///< null when the file could not be read
    Diagnostics diagnostics;            ///< warnings, and the error when document is null
    bool ok() const { return document != nullptr; }
};

/// Reads BPMN 2.0 XML into a Document, keeping everything it does not model.
///
/// Untrusted input is expected: a DOCTYPE is refused (so no entity is ever expanded or fetched),
/// nesting is bounded, encodings are checked, and every failure is a Diagnostic naming the file,
/// the line and what to do, never a crash. Tolerant of what real tools write: schema deviations
/// become warnings.
class BpmnReader {
public:
    static ReadResult readFile(const std::string& path);
    /// Reads bytes already in memory; fileName is used in messages.
    static ReadResult readBytes(std::string_view bytes, const std::string& fileName);

private:
    /// release: the caller's buffer holding bytes, freed as soon as the parser has its own copy.
    static ReadResult read(std::string_view bytes, const std::string& fileName, std::string* release);
};

} // namespace runway::core
