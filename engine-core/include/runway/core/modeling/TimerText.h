#pragma once

#include "runway/core/Iso8601.h"
#include "runway/core/modeling/Modeling.h"

#include <string>
#include <string_view>

namespace runway::core::modeling {

/// A timer value as a properties panel shows it while it is typed: whether it can be read for its
/// kind (date, duration or cycle), what is wrong if not, and what it means in plain English.
struct TimerText {
    bool valid = false;      ///< a literal that reads for its kind, or an expression
    bool expression = false; ///< FEEL ("=...") or JUEL ("${...}"): computed by the engine
    std::string error;       ///< what is wrong and what a valid value looks like; empty when valid
    std::string preview;     ///< "every 10 minutes, 3 times", "after 2 hours 30 minutes"; empty when not valid
};

/// Checks a timer value for its kind with the ISO 8601 parser (runway/core/Iso8601.h) and describes
/// it as iso8601::Timer::describe() does: a date "at 2026-12-01 09:00 UTC", a duration "after 2
/// hours and 30 minutes", a cycle "every 10 minutes, 3 times" (R3/PT10M), "every day from
/// 2026-01-01 08:00 UTC, 5 times" (R5/2026-01-01T08:00:00Z/P1D), a cron cycle "every Monday to
/// Friday at 09:00 (UTC)". An expression is "computed when the timer starts: =expr". An empty value,
/// or one of another kind (a duration typed as a date), is not valid, with a sentence that says so.
TimerText checkTimer(TimerKind kind, std::string_view text);

/// "date", "duration", "cycle".
std::string_view timerKindName(TimerKind kind);

} // namespace runway::core::modeling
