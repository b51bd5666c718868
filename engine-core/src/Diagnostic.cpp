#include "runway/core/Diagnostic.h"

#include <algorithm>
#include <cstdio>

namespace runway::core {

std::string Diagnostic::format() const
{
    std::string s = file;
    if (line > 0)
        s += ":" + std::to_string(line);
    s += isError() ? ": error: " : ": warning: ";
    if (!elementId.empty())
        s += "'" + elementId + "': ";
    s += message;
    if (!code.empty())
        s += " [" + code + "]";
    return s;
}

bool hasErrors(const Diagnostics& d)
{
    return std::any_of(d.begin(), d.end(), [](const Diagnostic& x) { return x.isError(); });
}

std::string jsonEscape(const std::string& s)
{
    std::string out;
    out.reserve(s.size() + 8);
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out;
}

std::string toJson(const Diagnostic& d)
{
    return "{\"severity\":\"" + std::string(d.isError() ? "error" : "warning") + "\",\"file\":\"" + jsonEscape(d.file) +
           "\",\"line\":" + std::to_string(d.line) + ",\"element\":\"" + jsonEscape(d.elementId) + "\",\"code\":\"" +
           jsonEscape(d.code) + "\",\"message\":\"" + jsonEscape(d.message) + "\"}";
}

} // namespace runway::core
