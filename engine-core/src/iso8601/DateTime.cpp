#include "Common.h"

namespace runway::core::iso8601 {

using namespace detail;

namespace {

using namespace std::chrono;

// ------------------------------------------------------------------ date-times

constexpr const char* kDateExample = "2026-01-01T08:00:00Z";

} // namespace

namespace detail {

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

} // namespace detail

// ------------------------------------------------------------------ DateTime

Parsed<DateTime> parseDateTime(std::string_view text)
{
    text = trim(text);
    if (isExpression(text))
        return expressionResult<DateTime>();
    return parseDateTimeLiteral(text);
}

} // namespace runway::core::iso8601
