#include "Common.h"

#include <vector>

namespace runway::core::iso8601 {

using namespace detail;

namespace {

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

} // namespace

namespace detail {

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

} // namespace detail

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

Parsed<Cron> parseCron(std::string_view text)
{
    text = trim(text);
    if (isExpression(text))
        return expressionResult<Cron>();
    if (text.empty())
        return fail<Cron>(std::string("the cron expression is empty; write ") + kCronExample);
    return parseCronLiteral(text);
}

} // namespace runway::core::iso8601
