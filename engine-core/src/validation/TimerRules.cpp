#include "ValidationContext.h"
#include "runway/core/Iso8601.h"

namespace runway::core::validation {

// ------------------------------------------------------------ timers

void ValidationContext::checkTimers()
{
    using iso8601::TimerKind;
    for (const Element* t : m_timers) {
        bool any = false;
        for (const Element* c : t->children()) {
            if (c->ns != Ns::Model)
                continue;
            TimerKind kind;
            if (c->local() == "timeDate")
                kind = TimerKind::Date;
            else if (c->local() == "timeDuration")
                kind = TimerKind::Duration;
            else if (c->local() == "timeCycle")
                kind = TimerKind::Cycle;
            else
                continue;
            any = true;
            const std::string text = c->textContent();
            if (trim(text).empty()) {
                add(Severity::Warning, c, "timer-empty",
                    "the timer's " + std::string(c->local()) +
                        " is empty, so an engine cannot schedule it; give it a value such as " +
                        (kind == TimerKind::Date       ? "2026-01-01T08:00:00Z"
                         : kind == TimerKind::Duration ? "PT15M"
                                                       : "R3/PT10M"));
                continue;
            }
            const auto p = iso8601::parseTimer(kind, text);
            if (!p && !p.expression)
                add(Severity::Error, c, "timer-invalid",
                    "the timer's " + std::string(c->local()) + " cannot be read: " + p.error);
        }
        if (!any)
            add(Severity::Warning, t, "timer-empty",
                "the timer has no timeDate, timeDuration or timeCycle, so an engine cannot schedule it; give it "
                "one (PT15M waits 15 minutes)");
    }
}

} // namespace runway::core::validation
