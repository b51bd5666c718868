#pragma once

#include <bitset>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace runway::core {

/// An instant, in UTC, to the millisecond. Runway needs no time zone database: values carry their
/// own offsets ("+02:00", "Z"), and a value without one is read as UTC.
using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

/// The time values of BPMN timer events (ISO 8601 durations, date-times and repeating intervals, and
/// the six-field cron form that Camunda 8 accepts in timeCycle): parsing with messages a person can
/// act on, arithmetic the execution engine schedules timers with, and plain-language descriptions.
///
/// Values are trimmed of surrounding white space (XML text often has some). Designators are
/// upper case, as ISO 8601 writes them (PT15M, not pt15m).
namespace iso8601 {

/// A parse result: a value, or an expression (nothing to parse), or an error.
template <typename T>
struct Parsed {
    std::optional<T> value;
    /// The text is an expression ("=..." in FEEL, or containing "${"), evaluated by the engine when
    /// the timer starts: not a literal, and not an error.
    bool expression = false;
    /// What is wrong, and an example of a valid value. Empty unless the text is a literal that
    /// could not be read.
    std::string error;

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
};

/// True for values an engine evaluates rather than reads: FEEL ("= duration") and JUEL ("${d}").
bool isExpression(std::string_view text);

/// A duration: PnYnMnDTnHnMnS or PnW. Years and months are calendar units (their length depends on
/// where they start), so they are kept apart from the rest; days are 24 hours (time points are UTC,
/// so there are no daylight saving jumps). Fractions are allowed on the last part (PT0.5S, PT1.5H,
/// P0.5D) and kept to the millisecond (finer digits are dropped).
struct Duration {
    std::int64_t years = 0;
    std::int64_t months = 0;
    std::int64_t days = 0;   ///< weeks are stored as 7 days
    std::int64_t millis = 0; ///< hours, minutes, seconds and their fractions

    bool isZero() const { return years == 0 && months == 0 && days == 0 && millis == 0; }
    bool hasCalendarPart() const { return years != 0 || months != 0; }
    /// The exact length, when there are no years or months.
    std::optional<std::chrono::milliseconds> fixedLength() const;

    /// t + this duration: years and months first, on the calendar (the day of month is kept, or
    /// clamped to the month's last day: 2026-01-31 + P1M = 2026-02-28), then days, then the rest.
    TimePoint addTo(TimePoint t) const;
    /// t - this duration, the mirror of addTo (2026-03-31 - P1M = 2026-02-28).
    TimePoint subtractFrom(TimePoint t) const;

    /// "15 minutes", "1 day and 2 hours", "2 weeks", "0.5 seconds", "0 seconds".
    std::string describe() const;
    /// The canonical ISO 8601 text: "PT15M", "P1DT2H", "P14D", "PT0.5S", "PT0S".
    std::string toString() const;

    bool operator==(const Duration&) const = default;
};

/// A date-time: 2026-01-01T08:00:00Z, 2026-01-01T08:00:00+02:00 (also +0200 and +02),
/// 2026-01-01T08:00:00.250Z, 2026-01-01T08:00Z, or a date alone (2026-01-01: its midnight).
struct DateTime {
    TimePoint time; ///< the instant, in UTC
    /// The offset written in the value, in minutes east of UTC; empty when none was written (then
    /// the engine's local time is meant, which Runway reads as UTC).
    std::optional<int> offsetMinutes;
    bool dateOnly = false;

    /// "2026-01-01 08:00 UTC", "2026-01-01 08:00 +02:00 (06:00 UTC)", "2026-01-01 08:00:30.500 UTC".
    std::string describe() const;

    bool operator==(const DateTime&) const = default;
};

/// A Spring-style cron expression of six fields, as Camunda 8 accepts in timeCycle:
/// second minute hour day-of-month month day-of-week ("0 0 9-17 * * MON-FRI"). Each field takes
/// "*", "?" (day fields only, same as "*"), numbers, names (JAN-DEC, SUN-SAT, any case), ranges
/// (9-17), lists (1,15), and steps (*/15, 0/5, 10-50/10). Day of week: 0 or 7 is Sunday, 1 Monday.
/// When both day-of-month and day-of-week are restricted, a day must match both (as in Spring).
/// The macros @yearly (@annually), @monthly, @weekly, @daily (@midnight) and @hourly are accepted.
/// Times are UTC.
struct Cron {
    std::bitset<60> seconds, minutes;
    std::bitset<24> hours;
    std::bitset<32> daysOfMonth; ///< bits 1..31
    std::bitset<13> months;      ///< bits 1..12
    std::bitset<7> daysOfWeek;   ///< bit 0 Sunday .. 6 Saturday
    std::string text;            ///< as written (trimmed)

    /// The first time strictly after `after` that matches, or empty when none does within the
    /// next 400 years (as "0 0 0 30 2 *", February 30th, never does).
    std::optional<TimePoint> next(TimePoint after) const;
    /// "every 15 minutes", "every day at 09:00 UTC", "every hour from 09:00 to 17:00 UTC, Monday to Friday".
    std::string describe() const;

    bool operator==(const Cron&) const = default;
};

/// A timeCycle: an ISO 8601 repeating interval (R3/PT10M, R/PT1H, R/2026-01-01T08:00:00Z/P1D,
/// R5/2026-01-01T08:00:00Z/PT10M, R2/2026-01-01T08:00:00Z/2026-01-01T09:00:00Z,
/// R3/PT1H/2026-01-02T00:00:00Z) or a cron expression.
///
/// Firings of a repeating interval (n = the count after R, unbounded when omitted):
///   R[n]/P            armed at A: A+P, A+2P, ... n times
///   R[n]/start/P      start, start+P, ... n times
///   R[n]/start/end    as start/P, with P = end - start
///   R[n]/P/end        ..., end-2P, end-P, end: the last n firings end at `end`
/// Calendar periods step from the previous firing (2026-01-31, 02-28, 03-28 for P1M), as engines do.
struct Cycle {
    enum class Form { Repeat, Cron };
    Form form = Form::Repeat;
    std::int64_t repetitions = -1; ///< n of R<n>; -1 when unbounded ("R/")
    std::optional<DateTime> start, end;
    Duration period; ///< for start/end, end - start
    Cron cron;       ///< when form is Cron

    bool unbounded() const { return repetitions < 0; }
    /// The first firing strictly after `after`, for a timer armed (started) at `armedAt`; empty
    /// when the cycle has no more firings.
    std::optional<TimePoint> next(TimePoint after, TimePoint armedAt) const;
    /// "every 10 minutes, 3 times", "every hour", "every day from 2026-01-01 08:00 UTC".
    std::string describe() const;
};

Parsed<Duration> parseDuration(std::string_view text);
Parsed<DateTime> parseDateTime(std::string_view text);
Parsed<Cron> parseCron(std::string_view text);
/// A repeating interval or a cron expression.
Parsed<Cycle> parseCycle(std::string_view text);

/// The three kinds of timer definition (the element that holds the value).
enum class TimerKind { Date, Duration, Cycle };

/// Any timer value, parsed by its kind.
struct Timer {
    TimerKind kind = TimerKind::Duration;
    DateTime date;     ///< kind Date
    Duration duration; ///< kind Duration
    Cycle cycle;       ///< kind Cycle

    /// When the timer fires first, armed at `armedAt`.
    std::optional<TimePoint> first(TimePoint armedAt) const
    {
        return next(armedAt - std::chrono::milliseconds(1), armedAt);
    }
    /// The first firing strictly after `after`, for a timer armed at `armedAt`. A date fires once at
    /// the date (or at once, if armed after it); a duration once, at armedAt + duration.
    std::optional<TimePoint> next(TimePoint after, TimePoint armedAt) const;
    /// "at 2026-01-01 08:00 UTC", "after 15 minutes", "every 10 minutes, 3 times".
    std::string describe() const;
};

Parsed<Timer> parseTimer(TimerKind kind, std::string_view text);
/// The description of a timer value for a properties panel: the value's describe(), or what is
/// wrong with it, or that an expression sets it.
std::string describeTimer(TimerKind kind, std::string_view text);
/// "timeDate", "timeDuration", "timeCycle".
std::string_view elementName(TimerKind kind);

/// "2026-01-01T08:00:00Z" (milliseconds shown when not zero).
std::string formatUtc(TimePoint t);

} // namespace iso8601
} // namespace runway::core
