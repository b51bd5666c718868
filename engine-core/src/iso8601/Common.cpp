#include "Common.h"

#include <cstdio>

namespace runway::core::iso8601 {

namespace detail {

using namespace std::chrono;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpaceChar(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpaceChar(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string q(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

std::string upperCopy(std::string_view s)
{
    std::string u(s);
    for (auto& c : u)
        c = upper(c);
    return u;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t d = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --d;
    return d;
}

int daysInMonth(int y, unsigned m)
{
    return static_cast<int>(static_cast<unsigned>((year{y} / month{m} / last).day()));
}

std::string two(int v)
{
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return b;
}

Civil civil(TimePoint t)
{
    const auto dayStart = floor<days>(t);
    const year_month_day ymd{dayStart};
    std::int64_t rest = (t - dayStart).count();
    Civil c{};
    c.y = static_cast<int>(ymd.year());
    c.mo = static_cast<unsigned>(ymd.month());
    c.d = static_cast<unsigned>(ymd.day());
    c.h = static_cast<int>(rest / kHour);
    rest %= kHour;
    c.mi = static_cast<int>(rest / kMinute);
    rest %= kMinute;
    c.s = static_cast<int>(rest / kSecond);
    c.ms = static_cast<int>(rest % kSecond);
    return c;
}

std::string dateText(const Civil& c)
{
    char b[32];
    std::snprintf(b, sizeof b, "%04d-%02u-%02u", c.y, c.mo, c.d);
    return b;
}

/// "08:00", "08:00:30", "08:00:30.500".
std::string clockText(const Civil& c)
{
    std::string s = two(c.h) + ":" + two(c.mi);
    if (c.s || c.ms)
        s += ":" + two(c.s);
    if (c.ms) {
        char b[8];
        std::snprintf(b, sizeof b, ".%03d", c.ms);
        s += b;
    }
    return s;
}

bool looksLikeDate(std::string_view t)
{
    return t.size() >= 5 && isDigit(t[0]) && isDigit(t[1]) && isDigit(t[2]) && isDigit(t[3]) && t[4] == '-';
}

} // namespace detail

using namespace detail;

// ------------------------------------------------------------------ public: common

bool isExpression(std::string_view text)
{
    text = trim(text);
    return (!text.empty() && text.front() == '=') || text.find("${") != std::string_view::npos ||
           text.find("#{") != std::string_view::npos;
}

std::string formatUtc(TimePoint t)
{
    const Civil c = civil(t);
    std::string s = dateText(c) + "T" + two(c.h) + ":" + two(c.mi) + ":" + two(c.s);
    if (c.ms) {
        char b[8];
        std::snprintf(b, sizeof b, ".%03d", c.ms);
        s += b;
    }
    return s + "Z";
}

std::string_view elementName(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Date: return "timeDate";
    case TimerKind::Duration: return "timeDuration";
    case TimerKind::Cycle: return "timeCycle";
    }
    return {};
}

} // namespace runway::core::iso8601
