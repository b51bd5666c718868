// A timer value checked for its kind and described in plain English, for the properties panel.
// The description is the ISO 8601 module's own (Timer::describe), so the panel, the simulation
// and the CLI word a timer the same way.

#include "runway/core/modeling/TimerText.h"

namespace runway::core::modeling {

namespace {

namespace iso = iso8601;

std::string_view trim(std::string_view s)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

const char* otherKind(TimerKind kind, std::string_view text)
{
    for (TimerKind k : {TimerKind::Duration, TimerKind::Cycle, TimerKind::Date})
        if (k != kind && iso::parseTimer(k, text).ok())
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
    const auto parsed = iso::parseTimer(kind, t);
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
    out.preview = parsed->describe(); // the wording the simulation and the CLI use too
    return out;
}

} // namespace runway::core::modeling
