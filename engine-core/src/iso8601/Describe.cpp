// The plain-language descriptions of durations, date-times, cron expressions and cycles.

#include "Common.h"

#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

namespace runway::core::iso8601 {

using namespace detail;

namespace {

using namespace std::chrono;

constexpr std::array<const char*, 7> kDayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

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

std::string repeatsText(const Duration& p)
{
    // "every hour" for one of a single unit, else "every 10 minutes"
    const std::string d = p.describe();
    if (d.rfind("1 ", 0) == 0 && d.find(" and ") == std::string::npos && d.find(',') == std::string::npos)
        return "every " + d.substr(2);
    return "every " + d;
}

} // namespace

// ------------------------------------------------------------------ Duration

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

// ------------------------------------------------------------------ Cron

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

// ------------------------------------------------------------------ Cycle

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

} // namespace runway::core::iso8601
