#pragma once

#include <string>
#include <vector>

namespace runway::core {

/// A problem found in a file: what, where (file, line, element) and what to do about it.
struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;          ///< 1-based; 0 when unknown
    std::string elementId; ///< may be empty
    std::string code;      ///< stable, machine-readable ("duplicate-id", "xml-malformed", ...)
    std::string message;   ///< what is wrong, and what to do

    bool isError() const { return severity == Severity::Error; }
    /// "file:line: error: message [code]", the form compilers use, which editors can jump to.
    std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& d);
/// Escapes a string for a JSON string literal (without the quotes).
std::string jsonEscape(const std::string& s);
std::string toJson(const Diagnostic& d);

} // namespace runway::core
