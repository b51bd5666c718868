#pragma once

#include <string>

namespace runway::core {

/// Reads a whole file into out (reserving its size first, so that growing leaves no second copy).
/// Returns false, with the reason in *error, when it cannot be opened or read.
bool readWholeFile(const std::string& path, std::string& out, std::string* error = nullptr);

/// Replaces path with data atomically: a temporary file in the same folder, flushed to disk, then
/// renamed over the target, so a crash or a kill never leaves a half-written file. Returns false
/// and sets *error (with the reason) on failure; the target is then untouched.
bool writeFileAtomically(const std::string& path, const std::string& data, std::string* error);

} // namespace runway::core
