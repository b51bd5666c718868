#include "runway/core/Iso8601.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace runway::core::iso8601 {

namespace {

using namespace std::chrono;

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
constexpr std::array<const char*, 7> kDayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isSpaceChar(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
char upper(char c)
{
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

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

std::string plural(std::int64_t n, const char* unit)
{
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

/// "a", "a and b", "a, b and c".
std::string joinAnd(const std::vector<std::string>& parts)
{
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            s += i + 1 == parts.size() ? " and " : ", ";
        s += parts[i];
    }
    return s;
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

struct Civil {
    int y;
    unsigned mo, d;
    int h, mi, s, ms;
};

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

bool looksLikeDate(std::string_view t)
{
    return t.size() >= 5 && isDigit(t[0]) && isDigit(t[1]) && isDigit(t[2]) && isDigit(t[3]) && t[4] == '-';
}

constexpr const char* kDurationExamples =
    "write PT15M for 15 minutes, P1DT2H for a day and 2 hours, or P2W for 2 weeks";

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

// ------------------------------------------------------------------ date-times

constexpr const char* kDateExample = "2026-01-01T08:00:00Z";

Parsed<DateTime> parseDateTimeLiteral(std::string_view t)
{
    if (t.empty())
        return fail<DateTime>(std::string("the date is empty; write a date and time such as ") + kDateExample +
                              " (UTC) or 2026-01-01T08:00:00+02:00");
    if (t[0] == 'P')
        return fail<DateTime>(q(t) +
                              " is a duration, not a date; put it in a time duration, or write a date such "
                              "as " +
                              kDateExample);
    if (t[0] == 'R')
        return fail<DateTime>(q(t) +
                              " is a repeating cycle, not a date; put it in a time cycle, or write a date "
                              "such as " +
                              kDateExample);
    std::size_t i = 0;
    auto digits = [&](std::size_t n, int& out, bool exact = true) {
        if (i + n > t.size())
            return false;
        int v = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (!isDigit(t[i + k]))
                return false;
            v = v * 10 + (t[i + k] - '0');
        }
        // n digits exactly: a further digit means the field is too long
        if (exact && i + n < t.size() && isDigit(t[i + n]))
            return false;
        out = v;
        i += n;
        return true;
    };
    const std::string bad =
        q(t) + " is not an ISO 8601 date-time; write " + kDateExample + " (UTC) or " + "2026-01-01T08:00:00+02:00";
    int y = 0, mo = 0, d = 0;
    if (!digits(4, y) || i >= t.size() || t[i] != '-') {
        if (looksLikeDate(t) || (t.size() > 4 && isDigit(t[0])))
            return fail<DateTime>(q(t) + ": a date starts with a four-digit year, then month and day: " + kDateExample);
        return fail<DateTime>(bad);
    }
    ++i;
    if (!digits(2, mo) || i >= t.size() || t[i] != '-')
        return fail<DateTime>(q(t) + ": write the month and the day with two digits each: " + kDateExample);
    ++i;
    if (!digits(2, d))
        return fail<DateTime>(q(t) + ": write the month and the day with two digits each: " + kDateExample);
    if (mo < 1 || mo > 12)
        return fail<DateTime>(q(t) + ": month " + std::to_string(mo) + " does not exist (01 to 12); for example " +
                              kDateExample);
    const int dim = daysInMonth(y, static_cast<unsigned>(mo));
    if (d < 1 || d > dim)
        return fail<DateTime>(q(t) + ": day " + std::to_string(d) + " does not exist in " + kMonthNames[mo] + " " +
                              std::to_string(y) + " (it has " + std::to_string(dim) + " days)");
    DateTime dt;
    std::int64_t ms = 0;
    if (i == t.size() || t[i] == 'Z' || t[i] == '+' || t[i] == '-') {
        dt.dateOnly = true;
    } else if (t[i] == ' ' || t[i] == 't') {
        std::string fixed(t);
        fixed[i] = 'T';
        return fail<DateTime>(q(t) + ": separate the date and the time with a capital T: " + fixed);
    } else if (t[i] != 'T') {
        return fail<DateTime>(bad);
    } else {
        ++i;
        int h = 0, mi = 0, s = 0;
        if (!digits(2, h) || i >= t.size() || t[i] != ':' || (++i, !digits(2, mi)))
            return fail<DateTime>(q(t) +
                                  ": write the time as hh:mm or hh:mm:ss, with two digits each: " + kDateExample);
        if (i < t.size() && t[i] == ':') {
            ++i;
            if (!digits(2, s))
                return fail<DateTime>(q(t) + ": write the seconds with two digits: " + kDateExample);
            if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
                ++i;
                if (i >= t.size() || !isDigit(t[i]))
                    return fail<DateTime>(q(t) + " has a decimal sign without digits after it: 2026-01-01T08:00:00.5Z");
                std::int64_t scale = 100;
                while (i < t.size() && isDigit(t[i])) {
                    ms += (t[i] - '0') * scale;
                    scale /= 10;
                    ++i;
                }
            }
        }
        if (h > 24 || (h == 24 && (mi || s || ms)))
            return fail<DateTime>(q(t) + ": hour " + std::to_string(h) + " does not exist (00 to 23)");
        if (mi > 59)
            return fail<DateTime>(q(t) + ": minute " + std::to_string(mi) + " does not exist (00 to 59)");
        if (s == 60)
            return fail<DateTime>(q(t) + ": leap seconds (:60) are not supported; write :59 or the next minute");
        if (s > 59)
            return fail<DateTime>(q(t) + ": second " + std::to_string(s) + " does not exist (00 to 59)");
        ms += h * kHour + mi * kMinute + s * kSecond;
    }
    if (i < t.size()) {
        const char c = t[i];
        if (c == 'Z') {
            dt.offsetMinutes = 0;
            ++i;
        } else if (c == '+' || c == '-') {
            ++i;
            int oh = 0, om = 0;
            if (!digits(2, oh, false))
                return fail<DateTime>(q(t) + ": write the offset as +hh:mm (2026-01-01T08:00:00+02:00) or Z for UTC");
            if (i < t.size() && t[i] == ':')
                ++i;
            if (i < t.size() && !digits(2, om))
                return fail<DateTime>(q(t) + ": write the offset as +hh:mm (2026-01-01T08:00:00+02:00) or Z for UTC");
            if (oh > 18 || om > 59 || (oh == 18 && om > 0))
                return fail<DateTime>(q(t) + ": the offset " + std::string(1, c) + two(oh) + ":" + two(om) +
                                      " is out of range (-18:00 to +18:00)");
            dt.offsetMinutes = (c == '-' ? -1 : 1) * (oh * 60 + om);
        } else if (c == 'z') {
            return fail<DateTime>(q(t) + ": write UTC as a capital Z: " + upperCopy(t));
        }
        if (i < t.size())
            return fail<DateTime>(q(t) + " has unexpected text at '" + std::string(t.substr(i)) + "'; write " +
                                  kDateExample);
    }
    const std::int64_t offsetMs = dt.offsetMinutes.value_or(0) * kMinute;
    dt.time = TimePoint(sys_days(year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)})) +
              milliseconds(ms - offsetMs);
    return succeed(dt);
}

// ------------------------------------------------------------------ cron

struct FieldSpec {
    const char* name;
    int lo, hi;
    const char* const* names; // names[k] is value lo+k... (nullptr: none)
    int nameBase;
    int nameCount;
    bool allowsQuestion;
};

constexpr const char* kMonthAbbr[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr const char* kDayAbbr[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

constexpr FieldSpec kCronFields[6] = {
    {"second", 0, 59, nullptr, 0, 0, false},    {"minute", 0, 59, nullptr, 0, 0, false},
    {"hour", 0, 23, nullptr, 0, 0, false},      {"day-of-month", 1, 31, nullptr, 0, 0, true},
    {"month", 1, 12, kMonthAbbr, 1, 12, false}, {"day-of-week", 0, 7, kDayAbbr, 0, 7, true},
};

constexpr const char* kCronExample = "0 0 9 * * MON-FRI (09:00 on weekdays)";

/// Parses one field into bits [lo..hi]; returns an error message or "".
std::string parseCronField(std::string_view whole, std::string_view field, const FieldSpec& spec,
                           std::vector<bool>& bits)
{
    bits.assign(static_cast<std::size_t>(spec.hi + 1), false);
    auto where = [&] { return q(whole) + ": the " + std::string(spec.name) + " field " + q(field); };
    auto value = [&](std::string_view v, int& out) -> std::string {
        if (v.empty())
            return where() + " has an empty value; for example " + kCronExample;
        if (spec.names) {
            const std::string u = upperCopy(v);
            for (int k = 0; k < spec.nameCount; ++k)
                if (u == spec.names[k]) {
                    out = spec.nameBase + k;
                    return {};
                }
        }
        const std::string uv = upperCopy(v);
        if (uv.find('#') != std::string::npos || uv == "L" || uv == "LW" || uv.rfind("L-", 0) == 0 ||
            (uv.size() > 1 && isDigit(uv[0]) && (uv.back() == 'L' || uv.back() == 'W')))
            return where() + ": " + q(v) +
                   " (last day, weekday or nth weekday) is not supported by Runway yet; list the days instead";
        if (isDigit(v[0])) {
            int n = 0;
            for (char c : v) {
                if (!isDigit(c))
                    return where() + " has " + q(v) + ", which is not a number";
                n = n * 10 + (c - '0');
                if (n > 1000)
                    break;
            }
            if (n < spec.lo || n > spec.hi)
                return where() + ": " + std::string(spec.name) + " " + std::to_string(n) + " is out of range (" +
                       std::to_string(spec.lo) + "-" + std::to_string(spec.hi) +
                       (spec.hi == 7 ? ", where 0 and 7 are Sunday)" : ")");
            out = n;
            return {};
        }
        if (spec.names) {
            std::string all;
            for (int k = 0; k < spec.nameCount; ++k)
                all += (k ? ", " : "") + std::string(spec.names[k]);
            return where() + ": " + q(v) + " is not a " + (spec.lo == 1 ? "month" : "day") + " name (" + all + ")";
        }
        return where() + " has " + q(v) + ", which is not a number";
    };
    std::size_t pos = 0;
    while (pos <= field.size()) {
        std::size_t comma = field.find(',', pos);
        if (comma == std::string_view::npos)
            comma = field.size();
        std::string_view item = field.substr(pos, comma - pos);
        pos = comma + 1;
        if (item.empty())
            return where() + " has an empty list entry; write lists as 1,15,30";
        std::string_view range = item;
        int step = 1;
        bool hasStep = false;
        if (auto slash = item.find('/'); slash != std::string_view::npos) {
            range = item.substr(0, slash);
            std::string_view st = item.substr(slash + 1);
            if (st.empty() || !std::all_of(st.begin(), st.end(), isDigit))
                return where() + ": the step in " + q(item) + " must be a number, as in */15";
            step = 0;
            for (char c : st) {
                step = step * 10 + (c - '0');
                if (step > 1000)
                    break;
            }
            if (step == 0)
                return where() + ": a step of 0 never advances; write */15 for every 15th";
            hasStep = true;
        }
        int a = spec.lo, b = spec.hi;
        if (range == "*") {
            if (spec.hi == 7)
                b = 6; // Sunday once, as 0
        } else if (range == "?") {
            if (!spec.allowsQuestion)
                return where() + ": '?' is allowed only in the day-of-month and day-of-week fields";
            if (hasStep)
                return where() + ": '?' takes no step";
            if (spec.hi == 7)
                b = 6;
        } else if (auto dash = range.find('-', 1); dash != std::string_view::npos) {
            if (auto e = value(range.substr(0, dash), a); !e.empty())
                return e;
            if (auto e = value(range.substr(dash + 1), b); !e.empty())
                return e;
            if (a > b)
                return where() + ": the range " + q(range) + " runs backwards; write the smaller value first (" +
                       std::to_string(b) + "-" + std::to_string(a) +
                       "), or for a range across the end list both parts (" + std::to_string(a) + "-" +
                       std::to_string(spec.hi == 7 ? 6 : spec.hi) + "," + std::to_string(spec.lo) + "-" +
                       std::to_string(b) + ")";
        } else {
            if (auto e = value(range, a); !e.empty())
                return e;
            b = hasStep ? spec.hi : a; // "5/15": from 5 to the end, every 15th
            if (hasStep && spec.hi == 7)
                b = 6;
        }
        for (int v = a; v <= b; v += step)
            bits[static_cast<std::size_t>(v)] = true;
    }
    if (spec.hi == 7 && bits[7]) { // Sunday written as 7
        bits[0] = true;
        bits[7] = false;
    }
    return {};
}

template <std::size_t N>
void copyBits(const std::vector<bool>& v, std::bitset<N>& out)
{
    out.reset();
    for (std::size_t k = 0; k < N && k < v.size(); ++k)
        out[k] = v[k];
}

template <std::size_t N>
int firstFrom(const std::bitset<N>& b, int from)
{
    for (int k = std::max(from, 0); k < static_cast<int>(N); ++k)
        if (b[static_cast<std::size_t>(k)])
            return k;
    return -1;
}

Parsed<Cron> parseCronLiteral(std::string_view t)
{
    std::string_view expanded = t;
    if (!t.empty() && t[0] == '@') {
        const std::string m = upperCopy(t);
        if (m == "@YEARLY" || m == "@ANNUALLY")
            expanded = "0 0 0 1 1 *";
        else if (m == "@MONTHLY")
            expanded = "0 0 0 1 * *";
        else if (m == "@WEEKLY")
            expanded = "0 0 0 * * 0";
        else if (m == "@DAILY" || m == "@MIDNIGHT")
            expanded = "0 0 0 * * *";
        else if (m == "@HOURLY")
            expanded = "0 0 * * * *";
        else
            return fail<Cron>(q(t) + " is not a known cron macro (@yearly, @monthly, @weekly, @daily, @hourly)");
    }
    std::vector<std::string_view> fields;
    for (std::size_t i = 0; i < expanded.size();) {
        while (i < expanded.size() && isSpaceChar(expanded[i]))
            ++i;
        std::size_t j = i;
        while (j < expanded.size() && !isSpaceChar(expanded[j]))
            ++j;
        if (j > i)
            fields.push_back(expanded.substr(i, j - i));
        i = j;
    }
    if (fields.size() == 5)
        return fail<Cron>(q(t) + " has 5 fields; this cron form has 6, starting with the second: write 0 " +
                          std::string(t) + " for the same times");
    if (fields.size() == 7)
        return fail<Cron>(q(t) + " has 7 fields; the year field (Quartz) is not supported: remove the last field");
    if (fields.size() != 6)
        return fail<Cron>(q(t) + " has " + std::to_string(fields.size()) +
                          " fields; a cron expression has 6 (second minute hour day-of-month month day-of-week), "
                          "as in " +
                          kCronExample);
    Cron c;
    c.text = std::string(t);
    std::vector<bool> bits;
    for (int f = 0; f < 6; ++f) {
        if (auto e = parseCronField(t, fields[f], kCronFields[f], bits); !e.empty())
            return fail<Cron>(e);
        switch (f) {
        case 0: copyBits(bits, c.seconds); break;
        case 1: copyBits(bits, c.minutes); break;
        case 2: copyBits(bits, c.hours); break;
        case 3: copyBits(bits, c.daysOfMonth); break;
        case 4: copyBits(bits, c.months); break;
        case 5: copyBits(bits, c.daysOfWeek); break;
        }
    }
    return succeed(std::move(c));
}

/// Runs of set bits in [lo, hi], in the given order of values.
std::vector<std::pair<int, int>> runs(const std::vector<int>& values)
{
    std::vector<std::pair<int, int>> r;
    for (int v : values) {
        if (!r.empty() && r.back().second + 1 == v)
            r.back().second = v;
        else
            r.push_back({v, v});
    }
    return r;
}

template <typename Bits, typename Namer>
std::string listText(const Bits& bits, int lo, int hi, Namer name)
{
    std::vector<int> vals;
    for (int v = lo; v <= hi; ++v)
        if (bits[static_cast<std::size_t>(v)])
            vals.push_back(v);
    std::vector<std::string> parts;
    for (auto [a, b] : runs(vals)) {
        if (b - a >= 2)
            parts.push_back(name(a) + " to " + name(b));
        else
            for (int v = a; v <= b; ++v)
                parts.push_back(name(v));
    }
    return joinAnd(parts);
}

template <std::size_t N>
int singleValue(const std::bitset<N>& b)
{
    return b.count() == 1 ? firstFrom(b, 0) : -1;
}

/// The step k when the set is {0, k, 2k, ...} over [0, n) and k divides n; 0 otherwise.
template <std::size_t N>
int uniformStep(const std::bitset<N>& b, int n)
{
    if (!b[0] || b.count() < 2)
        return b.count() == static_cast<std::size_t>(n) ? 1 : 0;
    const int k = firstFrom(b, 1);
    if (k <= 0 || n % k != 0)
        return 0;
    for (int v = 0; v < n; ++v)
        if (b[static_cast<std::size_t>(v)] != (v % k == 0))
            return 0;
    return k;
}

/// The hours as one contiguous range [a, b], or {-1, -1}.
std::pair<int, int> hourRange(const std::bitset<24>& h)
{
    const int a = firstFrom(h, 0);
    if (a < 0)
        return {-1, -1};
    int b = a;
    while (b + 1 < 24 && h[static_cast<std::size_t>(b + 1)])
        ++b;
    return firstFrom(h, b + 1) < 0 ? std::pair{a, b} : std::pair{-1, -1};
}

std::string hm(int h, int m)
{
    return two(h) + ":" + two(m);
}

/// "Monday to Friday", "Saturday and Sunday": Monday first, as people read a week.
std::string dayList(const std::bitset<7>& dow)
{
    std::bitset<8> rotated; // 1..7 = Monday..Sunday
    for (int d = 0; d < 7; ++d)
        if (dow[static_cast<std::size_t>(d)])
            rotated[static_cast<std::size_t>(d == 0 ? 7 : d)] = true;
    return listText(rotated, 1, 7, [](int v) { return std::string(kDayNames[v % 7]); });
}

} // namespace

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

std::string Duration::describe() const
{
    std::vector<std::string> parts;
    if (years)
        parts.push_back(plural(years, "year"));
    if (months)
        parts.push_back(plural(months, "month"));
    if (days) {
        if (days % 7 == 0 && !years && !months && !millis)
            parts.push_back(plural(days / 7, "week"));
        else
            parts.push_back(plural(days, "day"));
    }
    std::int64_t rest = millis;
    if (const auto h = rest / kHour) {
        parts.push_back(plural(h, "hour"));
        rest %= kHour;
    }
    if (const auto m = rest / kMinute) {
        parts.push_back(plural(m, "minute"));
        rest %= kMinute;
    }
    if (rest) {
        const auto s = rest / kSecond, ms = rest % kSecond;
        if (ms == 0) {
            parts.push_back(plural(s, "second"));
        } else {
            char b[32];
            std::snprintf(b, sizeof b, "%lld.%03lld", static_cast<long long>(s), static_cast<long long>(ms));
            std::string n = b;
            while (n.back() == '0')
                n.pop_back();
            parts.push_back(n + " seconds");
        }
    }
    if (parts.empty())
        return "0 seconds";
    return joinAnd(parts);
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

// ------------------------------------------------------------------ DateTime

std::string DateTime::describe() const
{
    if (!offsetMinutes) {
        const Civil c = civil(time);
        return dateText(c) + " " + clockText(c) + " (the engine's local time; Runway reads it as UTC)";
    }
    const Civil u = civil(time);
    if (*offsetMinutes == 0)
        return dateText(u) + " " + clockText(u) + " UTC";
    const Civil local = civil(time + minutes(*offsetMinutes));
    const int off = std::abs(*offsetMinutes);
    std::string s = dateText(local) + " " + clockText(local) + " " + (*offsetMinutes < 0 ? "-" : "+") + two(off / 60) +
                    ":" + two(off % 60) + " (";
    if (dateText(u) != dateText(local))
        s += dateText(u) + " ";
    return s + clockText(u) + " UTC)";
}

Parsed<DateTime> parseDateTime(std::string_view text)
{
    text = trim(text);
    if (isExpression(text))
        return expressionResult<DateTime>();
    return parseDateTimeLiteral(text);
}

// ------------------------------------------------------------------ Cron

std::optional<TimePoint> Cron::next(TimePoint after) const
{
    namespace ch = std::chrono;
    // Whole seconds only: start at the first whole second strictly after `after`.
    const auto t = ch::floor<ch::seconds>(after) + ch::seconds(1);
    auto date = ch::floor<ch::days>(t);
    std::int64_t sod = (t - date).count(); // second of the day
    const auto limit = date + ch::days(400 * 366);
    while (date < limit) {
        const ch::year_month_day ymd{date};
        const unsigned m = static_cast<unsigned>(ymd.month());
        if (!months[m]) {
            const auto nextMonth = ymd.year() / ymd.month() + ch::months(1);
            date = ch::sys_days(nextMonth / 1);
            sod = 0;
            continue;
        }
        const unsigned dom = static_cast<unsigned>(ymd.day());
        const unsigned dow = ch::weekday(date).c_encoding();
        if (daysOfMonth[dom] && daysOfWeek[dow]) {
            const int h0 = static_cast<int>(sod / 3600), m0 = static_cast<int>(sod / 60 % 60),
                      s0 = static_cast<int>(sod % 60);
            for (int h = firstFrom(hours, h0); h >= 0; h = firstFrom(hours, h + 1)) {
                const int mStart = h == h0 ? m0 : 0;
                for (int mi = firstFrom(minutes, mStart); mi >= 0; mi = firstFrom(minutes, mi + 1)) {
                    const int sStart = (h == h0 && mi == m0) ? s0 : 0;
                    const int s = firstFrom(seconds, sStart);
                    if (s >= 0)
                        return TimePoint(date) + ch::hours(h) + ch::minutes(mi) + ch::seconds(s);
                }
            }
        }
        date += ch::days(1);
        sod = 0;
    }
    return std::nullopt;
}

std::string Cron::describe() const
{
    const bool allDom = daysOfMonth.count() == 31, allDow = daysOfWeek.count() == 7, allMonths = months.count() == 12;
    const bool allHours = hours.count() == 24;
    const int s1 = singleValue(seconds), m1 = singleValue(minutes), h1 = singleValue(hours);
    const auto [ha, hb] = hourRange(hours);
    bool clock = false; // the text names clock times, so say they are UTC
    std::string time;
    const int minuteStep = uniformStep(minutes, 60), secondStep = uniformStep(seconds, 60);
    auto secondSuffix = [&] { return s1 > 0 ? " at second " + std::to_string(s1) : std::string(); };
    if (s1 >= 0 && m1 >= 0 && h1 >= 0) {
        time = "at " + hm(h1, m1) + (s1 ? ":" + two(s1) : "");
        clock = true;
    } else if (s1 >= 0 && m1 >= 0) {
        if (allHours) {
            time = m1 == 0 && s1 == 0 ? "every hour, on the hour"
                                      : "every hour at minute " + std::to_string(m1) + secondSuffix();
        } else if (ha >= 0) {
            time = "every hour from " + hm(ha, m1) + " to " + hm(hb, m1) + secondSuffix();
            clock = true;
        } else if (hours.count() <= 6) {
            std::vector<std::string> ts;
            for (int h = 0; h < 24; ++h)
                if (hours[static_cast<std::size_t>(h)])
                    ts.push_back(hm(h, m1) + (s1 ? ":" + two(s1) : ""));
            time = "at " + joinAnd(ts);
            clock = true;
        } else {
            time = "at minute " + std::to_string(m1) + " of hours " +
                   listText(hours, 0, 23, [](int v) { return std::to_string(v); }) + secondSuffix();
            clock = true;
        }
    } else if (s1 >= 0 && minuteStep > 0) {
        time = minuteStep == 1 ? "every minute" : "every " + std::to_string(minuteStep) + " minutes";
        time += secondSuffix();
        if (!allHours) {
            clock = true;
            if (ha >= 0)
                time += " from " + hm(ha, 0) + " to " + hm(hb, 60 - minuteStep);
            else
                time += " during hours " + listText(hours, 0, 23, [](int v) { return std::to_string(v); });
        }
    } else if (secondStep > 0 && minutes.count() == 60) {
        time = secondStep == 1 ? "every second" : "every " + std::to_string(secondStep) + " seconds";
        if (!allHours) {
            clock = true;
            if (ha >= 0)
                time += " from " + hm(ha, 0) + " to " + hm(hb, 59) + ":" + two(60 - secondStep);
            else
                time += " during hours " + listText(hours, 0, 23, [](int v) { return std::to_string(v); });
        }
    } else {
        auto num = [](int v) { return std::to_string(v); };
        time = std::string("at ") + (seconds.count() == 1 ? "second " : "seconds ") + listText(seconds, 0, 59, num) +
               " of " + (minutes.count() == 1 ? "minute " : "minutes ") + listText(minutes, 0, 59, num);
        if (!allHours) {
            time += std::string(" of ") + (hours.count() == 1 ? "hour " : "hours ") + listText(hours, 0, 23, num);
            clock = true;
        }
    }
    std::string s;
    const bool single = time.rfind("at ", 0) == 0 && clock;
    if (allDom && allDow && allMonths && single)
        s = "every day " + time;
    else if (allDom && !allDow && single)
        s = "every " + dayList(daysOfWeek) + " " + time;
    else
        s = time;
    if (!allDow && !(allDom && single)) {
        // Monday first, as people read a week.
        s += " on " + dayList(daysOfWeek);
    }
    if (!allDom) {
        s += std::string(daysOfMonth.count() == 1 ? " on day " : " on days ") +
             listText(daysOfMonth, 1, 31, [](int v) { return std::to_string(v); }) + " of the month";
    }
    if (!allMonths)
        s += " in " + listText(months, 1, 12, [](int v) { return std::string(kMonthNames[v]); });
    if (clock)
        s += " (UTC)";
    return s;
}

Parsed<Cron> parseCron(std::string_view text)
{
    text = trim(text);
    if (isExpression(text))
        return expressionResult<Cron>();
    if (text.empty())
        return fail<Cron>(std::string("the cron expression is empty; write ") + kCronExample);
    return parseCronLiteral(text);
}

// ------------------------------------------------------------------ Cycle

namespace {

std::string repeatsText(const Duration& p)
{
    // "every hour" for one of a single unit, else "every 10 minutes"
    const std::string d = p.describe();
    if (d.rfind("1 ", 0) == 0 && d.find(" and ") == std::string::npos && d.find(',') == std::string::npos)
        return "every " + d.substr(2);
    return "every " + d;
}

/// The first of base + k*P for k in [k0, kMax] (kMax < 0: no limit) that is after `after`.
std::optional<TimePoint> forward(TimePoint base, const Duration& p, std::int64_t k0, std::int64_t kMax, TimePoint after)
{
    if (auto len = p.fixedLength()) {
        const std::int64_t L = len->count();
        std::int64_t k = k0;
        const TimePoint first = base + milliseconds(L * k0);
        if (first <= after)
            k = floorDiv((after - base).count(), L) + 1;
        if (kMax >= 0 && k > kMax)
            return std::nullopt;
        return base + milliseconds(L * k);
    }
    TimePoint t = base;
    for (std::int64_t k = 0; k < k0; ++k)
        t = p.addTo(t);
    for (std::int64_t k = k0;; ++k) {
        if (kMax >= 0 && k > kMax)
            return std::nullopt;
        if (t > after)
            return t;
        t = p.addTo(t);
    }
}

} // namespace

std::optional<TimePoint> Cycle::next(TimePoint after, TimePoint armedAt) const
{
    if (form == Form::Cron)
        return cron.next(after);
    if (repetitions == 0)
        return std::nullopt;
    const std::int64_t n = repetitions; // -1: no limit
    if (start)
        return forward(start->time, period, 0, n < 0 ? -1 : n - 1, after);
    if (end) {
        // Firings end, end-P, end-2P, ... (at most n): the earliest one still after `after`.
        const TimePoint e = end->time;
        if (e <= after)
            return std::nullopt;
        if (auto len = period.fixedLength()) {
            const std::int64_t L = len->count();
            std::int64_t k = (e - after).count() / L;
            if ((e - after).count() % L == 0)
                --k;
            if (n >= 0)
                k = std::min(k, n - 1);
            return e - milliseconds(L * k);
        }
        TimePoint t = e;
        for (std::int64_t k = 1; n < 0 || k < n; ++k) {
            const TimePoint earlier = period.subtractFrom(t);
            if (earlier <= after)
                break;
            t = earlier;
        }
        return t;
    }
    return forward(armedAt, period, 1, n, after);
}

std::string Cycle::describe() const
{
    if (form == Form::Cron)
        return cron.describe();
    if (repetitions == 0)
        return "never: R0 repeats zero times";
    if (repetitions == 1) {
        if (start)
            return "once, at " + start->describe();
        if (end)
            return "once, at " + end->describe();
        return "once, after " + period.describe();
    }
    std::string s = repeatsText(period);
    if (start)
        s += " from " + start->describe();
    if (end && !start)
        s += " until " + end->describe();
    if (repetitions > 1)
        s += ", " + std::to_string(repetitions) + " times";
    return s;
}

Parsed<Cycle> parseCycle(std::string_view text)
{
    text = trim(text);
    if (isExpression(text))
        return expressionResult<Cycle>();
    constexpr const char* examples = "write R3/PT10M for every 10 minutes, 3 times, R/P1D for every day, or a cron "
                                     "expression such as 0 0 9 * * MON-FRI";
    if (text.empty())
        return fail<Cycle>(std::string("the time cycle is empty; ") + examples);
    Cycle c;
    if (text[0] != 'R') {
        if (text[0] == '@' || text.find(' ') != std::string_view::npos || text.find('\t') != std::string_view::npos ||
            text.find('*') != std::string_view::npos) {
            auto cron = parseCronLiteral(text);
            if (!cron)
                return fail<Cycle>(cron.error);
            c.form = Cycle::Form::Cron;
            c.cron = std::move(*cron.value);
            return succeed(std::move(c));
        }
        if (text[0] == 'P')
            return fail<Cycle>(q(text) + " is a duration, not a cycle: write R/" + std::string(text) +
                               " to repeat it without end, or R3/" + std::string(text) + " for 3 times");
        if (looksLikeDate(text))
            return fail<Cycle>(q(text) + " is a date, not a cycle: write R/" + std::string(text) +
                               "/P1D for every day from then, or put it in a time date");
        if (text[0] == 'r')
            return fail<Cycle>(q(text) + ": write the letters of a cycle in capitals: " + upperCopy(text));
        return fail<Cycle>(q(text) + " is not a time cycle; " + examples);
    }
    // R[n]/...
    const auto slash = text.find('/');
    const std::string_view count = text.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1);
    if (slash == std::string_view::npos)
        return fail<Cycle>(q(text) + " says how often but not the interval: write " + std::string(text) +
                           "/PT10M for every 10 minutes");
    if (!count.empty()) {
        if (count[0] == '-')
            return fail<Cycle>(q(text) + ": the repeat count after R cannot be negative; write R3/PT10M for 3 times, "
                                         "or R/PT10M for no limit");
        if (!std::all_of(count.begin(), count.end(), isDigit))
            return fail<Cycle>(q(text) + ": " + q(count) +
                               " after R is not a count; write R3/PT10M for 3 times, or R/PT10M for no limit");
        std::int64_t n = 0;
        for (char ch : count) {
            n = n * 10 + (ch - '0');
            if (n > kMaxNumber)
                return fail<Cycle>(q(text) + ": the repeat count " + std::string(count) +
                                   " is too large; write R/ for no limit");
        }
        c.repetitions = n;
    }
    std::vector<std::string_view> parts;
    for (std::size_t i = slash + 1;;) {
        const auto nx = text.find('/', i);
        parts.push_back(text.substr(i, nx == std::string_view::npos ? std::string_view::npos : nx - i));
        if (nx == std::string_view::npos)
            break;
        i = nx + 1;
    }
    const std::string prefix(text.substr(0, slash + 1));
    if (parts.size() > 2)
        return fail<Cycle>(q(text) + " has too many parts; a repeating interval is R3/PT10M, "
                                     "R3/2026-01-01T08:00:00Z/PT10M or R3/2026-01-01T08:00:00Z/2026-01-01T09:00:00Z");
    for (auto p : parts)
        if (p.empty())
            return fail<Cycle>(q(text) + " has an empty part between slashes; for example " + prefix + "PT10M");
    auto isDur = [](std::string_view p) { return !p.empty() && (p[0] == 'P' || p[0] == '-'); };
    auto zeroPeriod = [&] {
        return fail<Cycle>(q(text) +
                           ": the interval is zero, so the timer would fire again and again at once; "
                           "give it a length, as in " +
                           prefix + "PT10M");
    };
    if (parts.size() == 1) {
        if (!isDur(parts[0])) {
            if (looksLikeDate(parts[0]))
                return fail<Cycle>(q(text) + " has a start but no interval: write " + std::string(text) +
                                   "/P1D for every day from then");
            auto d = parseDurationLiteral(parts[0]);
            return fail<Cycle>(q(text) + ": the interval " + d.error);
        }
        auto d = parseDurationLiteral(parts[0]);
        if (!d)
            return fail<Cycle>(q(text) + ": the interval " + d.error);
        c.period = *d.value;
        if (c.period.isZero())
            return zeroPeriod();
        return succeed(std::move(c));
    }
    const bool d0 = isDur(parts[0]), d1 = isDur(parts[1]);
    if (d0 && d1)
        return fail<Cycle>(q(text) + " has two intervals; give one interval with a start or an end: R3/" +
                           std::string(parts[0]) + " or R3/2026-01-01T08:00:00Z/" + std::string(parts[0]));
    if (d0) {
        auto d = parseDurationLiteral(parts[0]);
        if (!d)
            return fail<Cycle>(q(text) + ": the interval " + d.error);
        auto e = parseDateTimeLiteral(parts[1]);
        if (!e)
            return fail<Cycle>(q(text) + ": the end " + e.error);
        c.period = *d.value;
        c.end = *e.value;
        if (c.period.isZero())
            return zeroPeriod();
        return succeed(std::move(c));
    }
    auto s = parseDateTimeLiteral(parts[0]);
    if (!s)
        return fail<Cycle>(q(text) + ": the start " + s.error);
    c.start = *s.value;
    if (d1) {
        auto d = parseDurationLiteral(parts[1]);
        if (!d)
            return fail<Cycle>(q(text) + ": the interval " + d.error);
        c.period = *d.value;
        if (c.period.isZero())
            return zeroPeriod();
        return succeed(std::move(c));
    }
    auto e = parseDateTimeLiteral(parts[1]);
    if (!e)
        return fail<Cycle>(q(text) + ": the end " + e.error);
    if (e.value->time <= c.start->time)
        return fail<Cycle>(q(text) + ": the end is not after the start; write the earlier time first");
    c.end = *e.value;
    c.period.millis = (c.end->time - c.start->time).count();
    return succeed(std::move(c));
}

// ------------------------------------------------------------------ Timer

std::optional<TimePoint> Timer::next(TimePoint after, TimePoint armedAt) const
{
    switch (kind) {
    case TimerKind::Date: {
        const TimePoint at = std::max(date.time, armedAt);
        return at > after ? std::optional(at) : std::nullopt;
    }
    case TimerKind::Duration: {
        const TimePoint at = duration.addTo(armedAt);
        return at > after ? std::optional(at) : std::nullopt;
    }
    case TimerKind::Cycle: return cycle.next(after, armedAt);
    }
    return std::nullopt;
}

std::string Timer::describe() const
{
    switch (kind) {
    case TimerKind::Date: return "at " + date.describe();
    case TimerKind::Duration: return duration.isZero() ? "immediately" : "after " + duration.describe();
    case TimerKind::Cycle: return cycle.describe();
    }
    return {};
}

Parsed<Timer> parseTimer(TimerKind kind, std::string_view text)
{
    Timer t;
    t.kind = kind;
    switch (kind) {
    case TimerKind::Date: {
        auto p = parseDateTime(text);
        if (!p)
            return p.expression ? expressionResult<Timer>() : fail<Timer>(p.error);
        t.date = *p.value;
        break;
    }
    case TimerKind::Duration: {
        auto p = parseDuration(text);
        if (!p)
            return p.expression ? expressionResult<Timer>() : fail<Timer>(p.error);
        t.duration = *p.value;
        break;
    }
    case TimerKind::Cycle: {
        auto p = parseCycle(text);
        if (!p)
            return p.expression ? expressionResult<Timer>() : fail<Timer>(p.error);
        t.cycle = std::move(*p.value);
        break;
    }
    }
    return succeed(std::move(t));
}

std::string describeTimer(TimerKind kind, std::string_view text)
{
    const auto t = trim(text);
    if (t.empty())
        return "no value: the timer never fires";
    auto p = parseTimer(kind, t);
    if (p.expression)
        return "computed by the expression " + q(t) + " when the timer starts";
    if (!p)
        return "cannot be read: " + p.error;
    return p->describe();
}

} // namespace runway::core::iso8601
