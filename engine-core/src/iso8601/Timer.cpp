#include "Common.h"

namespace runway::core::iso8601 {

using namespace detail;

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
