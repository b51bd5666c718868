// A timer value checked for its kind and described in plain English, for the properties panel.

#include "runway/core/modeling/TimerText.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace runway::core::modeling {

namespace {

using namespace std::chrono;
namespace iso = iso8601;

constexpr std::int64_t kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute;

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};

std::string plural(std::int64_t n, const char* unit)
{
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

std::string two(long v)
{
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

std::string_view trim(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

iso::TimerKind isoKind(TimerKind k)
{
    switch (k) {
    case TimerKind::Date: return iso::TimerKind::Date;
    case TimerKind::Duration: return iso::TimerKind::Duration;
    case TimerKind::Cycle: return iso::TimerKind::Cycle;
    }
    return iso::TimerKind::Duration;
}

/// "1 December 2026" and "09:00" (seconds and milliseconds only when there are some).
std::string dateText(TimePoint t)
{
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    return std::to_string(unsigned(ymd.day())) + " " + kMonths[unsigned(ymd.month()) - 1] + " " +
           std::to_string(int(ymd.year()));
}

std::string clockText(TimePoint t)
{
    const auto ms = (t - floor<days>(t)).count();
    std::string s = two(long(ms / kHour)) + ":" + two(long(ms % kHour / kMinute));
    if (const auto rest = ms % kMinute) {
        s += ":" + two(long(rest / kSecond));
        if (rest % kSecond) {
            char b[8];
            std::snprintf(b, sizeof b, ".%03ld", long(rest % kSecond));
            s += b;
        }
    }
    return s;
}

/// "every hour" for one of a single unit, else "every 2 hours 30 minutes".
std::string everyText(const iso::Duration& p)
{
    const std::int64_t ms = p.millis;
    struct Unit {
        std::int64_t amount;
        const char* name;
    };
    std::vector<Unit> units;
    if (p.years)
        units.push_back({p.years, "year"});
    if (p.months)
        units.push_back({p.months, "month"});
    if (p.days)
        units.push_back(p.days % 7 == 0 && !ms ? Unit{p.days / 7, "week"} : Unit{p.days, "day"});
    if (ms && ms % kHour == 0)
        units.push_back({ms / kHour, "hour"});
    else if (ms && ms % kMinute == 0 && ms < kHour)
        units.push_back({ms / kMinute, "minute"});
    else if (ms && ms % kSecond == 0 && ms < kMinute)
        units.push_back({ms / kSecond, "second"});
    else if (ms)
        units.push_back({0, nullptr}); // several clock units: no singular form
    if (units.size() == 1 && units.front().amount == 1)
        return std::string("every ") + units.front().name;
    return "every " + describeDuration(p);
}

std::string describeCycle(const iso::Cycle& c)
{
    if (c.form == iso::Cycle::Form::Cron)
        return c.cron.describe();
    if (c.repetitions == 0)
        return "never: R0 repeats zero times";
    if (c.repetitions == 1) {
        if (c.start)
            return "once, on " + describeDateTime(*c.start);
        if (c.end)
            return "once, on " + describeDateTime(*c.end);
        return "once, after " + describeDuration(c.period);
    }
    std::string s = everyText(c.period);
    if (c.start)
        s += " from " + describeDateTime(*c.start);
    else if (c.end)
        s += " until " + describeDateTime(*c.end);
    s += c.unbounded() ? std::string(", without end") : ", " + std::to_string(c.repetitions) + " times";
    return s;
}

/// The kind a value that does not read for `kind` reads as, for a hint ("this is a duration").
const char* otherKind(TimerKind kind, std::string_view text)
{
    for (TimerKind k : {TimerKind::Duration, TimerKind::Cycle, TimerKind::Date})
        if (k != kind && iso::parseTimer(isoKind(k), text).ok())
            return k == TimerKind::Date ? "a date" : k == TimerKind::Duration ? "a duration" : "a cycle";
    return nullptr;
}

const char* example(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Date: return "2026-12-01T09:00:00Z";
    case TimerKind::Duration: return "PT10M";
    case TimerKind::Cycle: return "R3/PT10M";
    }
    return "";
}

} // namespace

std::string_view timerKindName(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Date: return "date";
    case TimerKind::Duration: return "duration";
    case TimerKind::Cycle: return "cycle";
    }
    return {};
}

std::string describeDuration(const iso::Duration& d)
{
    std::vector<std::string> parts;
    if (d.years)
        parts.push_back(plural(d.years, "year"));
    if (d.months)
        parts.push_back(plural(d.months, "month"));
    if (d.days) {
        if (d.days % 7 == 0 && !d.years && !d.months && !d.millis)
            parts.push_back(plural(d.days / 7, "week"));
        else
            parts.push_back(plural(d.days, "day"));
    }
    std::int64_t rest = d.millis;
    if (const auto h = rest / kHour) {
        parts.push_back(plural(h, "hour"));
        rest %= kHour;
    }
    if (const auto m = rest / kMinute) {
        parts.push_back(plural(m, "minute"));
        rest %= kMinute;
    }
    if (rest) {
        if (rest % kSecond == 0) {
            parts.push_back(plural(rest / kSecond, "second"));
        } else {
            char b[32];
            std::snprintf(b, sizeof b, "%lld.%03lld", static_cast<long long>(rest / kSecond),
                          static_cast<long long>(rest % kSecond));
            std::string n = b;
            while (n.back() == '0')
                n.pop_back();
            parts.push_back(n + " seconds");
        }
    }
    if (parts.empty())
        return "0 seconds";
    std::string s;
    for (const auto& p : parts)
        s += (s.empty() ? "" : " ") + p;
    return s;
}

std::string describeDateTime(const iso::DateTime& d)
{
    if (!d.offsetMinutes) {
        if (d.dateOnly)
            return dateText(d.time);
        return dateText(d.time) + " at " + clockText(d.time) + " (the engine's local time)";
    }
    if (*d.offsetMinutes == 0)
        return dateText(d.time) + (d.dateOnly ? "" : " at " + clockText(d.time)) + " UTC";
    const TimePoint local = d.time + minutes(*d.offsetMinutes);
    const int off = std::abs(*d.offsetMinutes);
    std::string s = dateText(local) + " at " + clockText(local) + " " + (*d.offsetMinutes < 0 ? "-" : "+") +
                    two(off / 60) + ":" + two(off % 60) + " (";
    if (dateText(local) != dateText(d.time))
        s += dateText(d.time) + " ";
    return s + clockText(d.time) + " UTC)";
}

TimerText checkTimer(TimerKind kind, std::string_view text)
{
    TimerText out;
    const std::string_view t = trim(text);
    if (t.empty()) {
        out.error = "no " + std::string(timerKindName(kind)) + ": the timer never fires; enter one such as " +
                    example(kind);
        return out;
    }
    if (iso::isExpression(t)) {
        out.valid = out.expression = true;
        out.preview = "computed when the timer starts: " + std::string(t);
        return out;
    }
    const auto parsed = iso::parseTimer(isoKind(kind), t);
    if (!parsed) {
        out.error = parsed.error;
        if (const char* other = otherKind(kind, t))
            out.error = "this is " + std::string(other) + ", not a " + std::string(timerKindName(kind)) +
                        ": choose that kind, or enter a " + std::string(timerKindName(kind)) + " such as " +
                        example(kind);
        if (out.error.empty())
            out.error = "cannot be read as a " + std::string(timerKindName(kind)) + "; enter one such as " +
                        example(kind);
        return out;
    }
    out.valid = true;
    switch (kind) {
    case TimerKind::Date: out.preview = "on " + describeDateTime(parsed->date); break;
    case TimerKind::Duration:
        out.preview = parsed->duration.isZero() ? "immediately" : "after " + describeDuration(parsed->duration);
        break;
    case TimerKind::Cycle: out.preview = describeCycle(parsed->cycle); break;
    }
    return out;
}

} // namespace runway::core::modeling
