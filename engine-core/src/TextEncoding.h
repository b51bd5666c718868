// Byte-level checks and conversions done before XML parsing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace runway::core::encoding {

/// Offset of the first byte that is not valid UTF-8, or nullopt when all of it is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view s);
/// 1-based line number of a byte offset.
int lineOf(std::string_view s, std::size_t offset);
std::string latin1ToUtf8(std::string_view s);
/// Appends a code point (at most U+10FFFF) as UTF-8.
void appendUtf8(std::string& out, std::uint32_t cp);
/// Converts UTF-16 (after its byte order mark) to UTF-8; nullopt on a broken surrogate pair.
std::optional<std::string> utf16ToUtf8(std::string_view s, bool bigEndian);
/// The encoding named in the XML declaration, lower-cased, or empty.
std::string declaredEncoding(std::string_view s);

} // namespace runway::core::encoding
