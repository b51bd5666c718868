#pragma once

// Helpers shared by the parts of the ISO 8601 and cron code (engine-core/src/iso8601/): not part of
// the API of Iso8601.h.

#include "runway/core/Iso8601.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace runway::core::iso8601::detail {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kWeek = 7 * kDay;
/// The largest number one part of a value may hold (a billion hours is 114,000 years).
constexpr std::int64_t kMaxNumber = 999'999'999;

constexpr std::array<const char*, 13> kMonthNames = {"",        "January",  "February", "March",  "April",
                                                     "May",     "June",     "July",     "August", "September",
                                                     "October", "November", "December"};

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isSpaceChar(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
inline char upper(char c)
{
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string_view trim(std::string_view s);
/// The text in single quotes, for messages.
std::string q(std::string_view s);
std::string upperCopy(std::string_view s);

template <typename T>
Parsed<T> fail(std::string message)
{
    Parsed<T> p;
    p.error = std::move(message);
    return p;
}

template <typename T>
Parsed<T> succeed(T v)
{
    Parsed<T> p;
    p.value = std::move(v);
    return p;
}

template <typename T>
Parsed<T> expressionResult()
{
    Parsed<T> p;
    p.expression = true;
    return p;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b);
int daysInMonth(int y, unsigned m);
/// Two digits: "08".
std::string two(int v);

struct Civil {
    int y;
    unsigned mo, d;
    int h, mi, s, ms;
};

Civil civil(TimePoint t);
/// "2026-01-01".
std::string dateText(const Civil& c);
/// "08:00", "08:00:30", "08:00:30.500".
std::string clockText(const Civil& c);

/// Starts as a date does: four digits and a dash.
bool looksLikeDate(std::string_view t);

/// The first set bit at or after `from`, or -1.
template <std::size_t N>
int firstFrom(const std::bitset<N>& b, int from)
{
    for (int k = std::max(from, 0); k < static_cast<int>(N); ++k)
        if (b[static_cast<std::size_t>(k)])
            return k;
    return -1;
}

/// The parsers of trimmed text that is not an expression (Duration.cpp, DateTime.cpp, Cron.cpp).
Parsed<Duration> parseDurationLiteral(std::string_view t);
Parsed<DateTime> parseDateTimeLiteral(std::string_view t);
Parsed<Cron> parseCronLiteral(std::string_view t);

} // namespace runway::core::iso8601::detail
