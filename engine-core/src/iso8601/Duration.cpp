#include "Common.h"

#include <cstdio>
#include <vector>

namespace runway::core::iso8601 {

using namespace detail;

namespace {

using namespace std::chrono;

TimePoint addMonths(TimePoint t, std::int64_t delta)
{
    if (delta == 0)
        return t;
    const auto dayStart = floor<days>(t);
    const auto tod = t - dayStart;
    const year_month_day ymd{dayStart};
    const std::int64_t index =
        static_cast<std::int64_t>(static_cast<int>(ymd.year())) * 12 + (static_cast<unsigned>(ymd.month()) - 1) + delta;
    const int y = static_cast<int>(floorDiv(index, 12));
    const unsigned m = static_cast<unsigned>(index - static_cast<std::int64_t>(y) * 12 + 1);
    const unsigned d = std::min<unsigned>(static_cast<unsigned>(ymd.day()), static_cast<unsigned>(daysInMonth(y, m)));
    return TimePoint(sys_days(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}) + tod);
}

// ------------------------------------------------------------------ durations

struct UnitInfo {
    char letter;
    int order; // position in PnYnMnWnDTnHnMnS
    const char* name;
    std::int64_t millis; // 0 for calendar units
};

constexpr UnitInfo kDateUnits[] = {
    {'Y', 0, "year", 0}, {'M', 1, "month", 0}, {'W', 2, "week", kWeek}, {'D', 3, "day", kDay}};
constexpr UnitInfo kTimeUnits[] = {{'H', 4, "hour", kHour}, {'M', 5, "minute", kMinute}, {'S', 6, "second", kSecond}};

const UnitInfo* findUnit(char c, bool inTime)
{
    if (inTime) {
        for (const auto& u : kTimeUnits)
            if (u.letter == c)
                return &u;
    } else {
        for (const auto& u : kDateUnits)
            if (u.letter == c)
                return &u;
    }
    return nullptr;
}

constexpr const char* kDurationExamples =
    "write PT15M for 15 minutes, P1DT2H for a day and 2 hours, or P2W for 2 weeks";

} // namespace

namespace detail {

Parsed<Duration> parseDurationLiteral(std::string_view t)
{
    if (t.empty())
        return fail<Duration>("the duration is empty; " + std::string(kDurationExamples));
    if (t[0] == '-')
        return fail<Duration>(q(t) + " is negative, and a timer cannot wait a negative time; write " +
                              std::string(t.substr(1)) + " instead");
    if (t[0] == 'p')
        return fail<Duration>(q(t) + ": write the letters of a duration in capitals: " + upperCopy(t));
    if (t[0] != 'P') {
        if (t[0] == 'R')
            return fail<Duration>(q(t) + " is a repeating cycle, not a duration; put it in a time cycle, or write a "
                                         "duration such as PT10M");
        if (looksLikeDate(t))
            return fail<Duration>(q(t) + " is a date, not a duration; put it in a time date, or write a duration "
                                         "such as PT15M");
        std::size_t i = 0;
        while (i < t.size() && isDigit(t[i]))
            ++i;
        if (i == t.size())
            return fail<Duration>(q(t) + " is a bare number; a duration starts with P and names its unit: write PT" +
                                  std::string(t) + "S for " + std::string(t) + " seconds, or PT" + std::string(t) +
                                  "M for " + std::string(t) + " minutes");
        if (i > 0 && i + 1 == t.size()) {
            const char u = upper(t[i]);
            const std::string n(t.substr(0, i));
            if (u == 'H' || u == 'M' || u == 'S')
                return fail<Duration>(q(t) + " lacks the leading PT; write PT" + n + u);
            if (u == 'D' || u == 'W' || u == 'Y')
                return fail<Duration>(q(t) + " lacks the leading P; write P" + n + u);
        }
        return fail<Duration>(q(t) + " is not an ISO 8601 duration; " + std::string(kDurationExamples));
    }

    Duration d;
    std::size_t i = 1;
    bool inTime = false, sawFraction = false, anyPart = false, anyTimePart = false;
    int lastOrder = -1;
    while (i < t.size()) {
        const char c = t[i];
        if (c == 'T') {
            if (inTime)
                return fail<Duration>(q(t) + " has T twice; T comes once, before the hours, minutes and seconds "
                                             "(P1DT2H30M)");
            inTime = true;
            ++i;
            continue;
        }
        if (c == 't')
            return fail<Duration>(q(t) + ": write the letters of a duration in capitals: " + upperCopy(t));
        if (!isDigit(c)) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                return fail<Duration>(q(t) + " has no number before '" + std::string(1, c) + "'; " +
                                      std::string(kDurationExamples));
            if (c == '.' || c == ',')
                return fail<Duration>(q(t) + " has a fraction without a whole part; write a 0 before it (PT0.5S)");
            return fail<Duration>(q(t) + " has an unexpected '" + std::string(1, c) + "'; " +
                                  std::string(kDurationExamples));
        }
        if (sawFraction)
            return fail<Duration>(q(t) + ": only the last part of a duration may have a fraction; write PT1H30M, "
                                         "not PT1.5H30M");
        const std::size_t numStart = i;
        std::int64_t whole = 0;
        while (i < t.size() && isDigit(t[i])) {
            whole = whole * 10 + (t[i] - '0');
            if (whole > kMaxNumber)
                return fail<Duration>(q(t) + ": the number " + std::string(t.substr(numStart)) +
                                      " is too large for a duration; use a larger unit");
            ++i;
        }
        std::int64_t fracNum = 0, fracDen = 1;
        bool hasFraction = false;
        if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
            hasFraction = true;
            ++i;
            if (i >= t.size() || !isDigit(t[i]))
                return fail<Duration>(q(t) + " has a decimal sign without digits after it; write PT0.5S for half a "
                                             "second");
            int digits = 0;
            while (i < t.size() && isDigit(t[i])) {
                if (digits < 9) { // nine digits are below a millisecond for any unit up to a week
                    fracNum = fracNum * 10 + (t[i] - '0');
                    fracDen *= 10;
                    ++digits;
                }
                ++i;
            }
        }
        const std::string number(t.substr(numStart, i - numStart));
        if (i >= t.size()) {
            if (inTime)
                return fail<Duration>(q(t) + " has no unit after " + number + "; write " + std::string(t) + "M for " +
                                      number + " minutes (or H for hours, S for seconds)");
            if (t.find('T') == std::string_view::npos && t.size() == i && numStart == 1)
                return fail<Duration>(q(t) + " has no unit after " + number + "; write P" + number + "D for " + number +
                                      " days, or PT" + number + "M for " + number + " minutes");
            return fail<Duration>(q(t) + " has no unit after " + number + "; write " + std::string(t) + "D for " +
                                  number + " days");
        }
        const char u = t[i];
        if (u >= 'a' && u <= 'z')
            return fail<Duration>(q(t) + ": write the letters of a duration in capitals: " + upperCopy(t));
        const UnitInfo* unit = findUnit(u, inTime);
        if (!unit) {
            if (!inTime && (u == 'H' || u == 'S'))
                return fail<Duration>(q(t) + ": " + (u == 'H' ? "hours" : "seconds") + " come after T; write PT" +
                                      number + u + " (P1DT2H for a day and 2 hours)");
            if (inTime && (u == 'D' || u == 'W' || u == 'Y'))
                return fail<Duration>(q(t) + ": " +
                                      (u == 'D'   ? "days"
                                       : u == 'W' ? "weeks"
                                                  : "years") +
                                      " come before T; write P" + number + u);
            return fail<Duration>(q(t) + ": '" + std::string(1, u) +
                                  "' is not a duration unit; the units are Y, M (months), W, D, then after T: H, M "
                                  "(minutes), S");
        }
        ++i;
        if (unit->order <= lastOrder)
            return fail<Duration>(q(t) + ": the parts must come in the order Y, M, W, D, then T, H, M, S, each at "
                                         "most once (P1DT2H30M)");
        lastOrder = unit->order;
        if (hasFraction && unit->millis == 0)
            return fail<Duration>(q(t) + ": " + unit->name +
                                  "s cannot have a fraction, because their length varies; write P1Y6M rather than "
                                  "P1.5Y, or use days");
        switch (unit->letter) {
        case 'Y': d.years = whole; break;
        case 'M':
            if (inTime)
                d.millis += whole * kMinute;
            else
                d.months = whole;
            break;
        case 'W': d.days += whole * 7; break;
        case 'D': d.days += whole; break;
        default: d.millis += whole * unit->millis; break;
        }
        if (hasFraction) {
            sawFraction = true;
            d.millis += fracNum * unit->millis / fracDen;
        }
        anyPart = true;
        anyTimePart = anyTimePart || inTime;
    }
    if (!anyPart)
        return fail<Duration>(q(t) + " has no parts; " + std::string(kDurationExamples));
    if (inTime && !anyTimePart)
        return fail<Duration>(q(t) + " has nothing after T; remove the T, or add a time: P1DT2H");
    return succeed(d);
}

} // namespace detail

// ------------------------------------------------------------------ Duration

std::optional<std::chrono::milliseconds> Duration::fixedLength() const
{
    if (hasCalendarPart())
        return std::nullopt;
    return milliseconds(days * kDay + millis);
}

TimePoint Duration::addTo(TimePoint t) const
{
    t = addMonths(t, years * 12 + months);
    return t + milliseconds(days * kDay + millis);
}

TimePoint Duration::subtractFrom(TimePoint t) const
{
    t = addMonths(t, -(years * 12 + months));
    return t - milliseconds(days * kDay + millis);
}

std::string Duration::toString() const
{
    std::string s = "P";
    if (years)
        s += std::to_string(years) + "Y";
    if (months)
        s += std::to_string(months) + "M";
    if (days)
        s += std::to_string(days) + "D";
    if (millis) {
        s += "T";
        std::int64_t rest = millis;
        if (const auto h = rest / kHour) {
            s += std::to_string(h) + "H";
            rest %= kHour;
        }
        if (const auto m = rest / kMinute) {
            s += std::to_string(m) + "M";
            rest %= kMinute;
        }
        if (rest) {
            s += std::to_string(rest / kSecond);
            if (const auto ms = rest % kSecond) {
                char b[8];
                std::snprintf(b, sizeof b, ".%03lld", static_cast<long long>(ms));
                std::string f = b;
                while (f.back() == '0')
                    f.pop_back();
                s += f;
            }
            s += "S";
        }
    }
    if (s == "P")
        s = "PT0S";
    return s;
}

Parsed<Duration> parseDuration(std::string_view text)
{
    text = trim(text);
    if (isExpression(text))
        return expressionResult<Duration>();
    return parseDurationLiteral(text);
}

} // namespace runway::core::iso8601
