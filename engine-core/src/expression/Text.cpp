#include "Text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace runway::core::expr {

std::string formatNumber(double d)
{
    if (d == 0)
        return "0"; // also -0
    if (std::fabs(d) < 9007199254740992.0 && d == std::trunc(d)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", d);
        return buf;
    }
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
}

std::string quoteFeel(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: out += c;
        }
    }
    return out + "\"";
}

bool isPlainName(std::string_view s)
{
    if (s.empty())
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

int columnAt(std::string_view text, std::size_t offset)
{
    if (offset > text.size())
        offset = text.size();
    return static_cast<int>(codePoints(text.substr(0, offset))) + 1;
}

std::size_t codePoints(std::string_view s)
{
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::size_t byteOffsetOf(std::string_view s, std::size_t index)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == index)
                return i;
            ++n;
        }
    return s.size();
}

std::string atColumn(int column)
{
    return " (column " + std::to_string(column) + ")";
}

} // namespace runway::core::expr
