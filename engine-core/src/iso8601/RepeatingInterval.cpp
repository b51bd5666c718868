#include "Common.h"

#include <vector>

namespace runway::core::iso8601 {

using namespace detail;

namespace {

using namespace std::chrono;

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

} // namespace runway::core::iso8601
