// ISO 8601 timer values (durations, date-times, repeating intervals) and cron cycles: parsing,
// the error messages, calendar arithmetic, next() of cycles, and the plain-language descriptions.
#include "RunwayTest.h"
#include "runway/core/Iso8601.h"

#include <optional>
#include <string>
#include <string_view>

using namespace runway::core;
using namespace runway::core::iso8601;
using namespace std::chrono_literals;

namespace {

std::string S(std::string_view s)
{
    return std::string(s);
}

TimePoint at(std::string_view text)
{
    auto p = parseDateTime(text);
    return p ? p->time : TimePoint{};
}

/// An optional time as text, so that failures show readable values.
std::string fmt(const std::optional<TimePoint>& t)
{
    return t ? formatUtc(*t) : std::string("none");
}

bool contains(const std::string& hay, std::string_view needle)
{
    return hay.find(needle) != std::string::npos;
}

std::string durationError(std::string_view text)
{
    return parseDuration(text).error;
}
std::string dateError(std::string_view text)
{
    return parseDateTime(text).error;
}
std::string cycleError(std::string_view text)
{
    return parseCycle(text).error;
}

std::string durationText(std::string_view text)
{
    auto p = parseDuration(text);
    return p ? p->toString() : "error: " + p.error;
}

std::string cycleDescription(std::string_view text)
{
    auto p = parseCycle(text);
    return p ? p->describe() : "error: " + p.error;
}

} // namespace

class TestIso8601 : public QObject {
    Q_OBJECT

private slots:
    void durationForms()
    {
        auto d = parseDuration("PT15M");
        QVERIFY(d.ok());
        QCOMPARE(d->millis, std::int64_t(15 * 60 * 1000));
        QCOMPARE(d->days, std::int64_t(0));

        d = parseDuration("P1DT2H");
        QVERIFY(d.ok());
        QCOMPARE(d->days, std::int64_t(1));
        QCOMPARE(d->millis, std::int64_t(2 * 3600 * 1000));

        d = parseDuration("P2W");
        QVERIFY(d.ok());
        QCOMPARE(d->days, std::int64_t(14));

        d = parseDuration("PT0.5S");
        QVERIFY(d.ok());
        QCOMPARE(d->millis, std::int64_t(500));

        d = parseDuration("P1Y2M");
        QVERIFY(d.ok());
        QCOMPARE(d->years, std::int64_t(1));
        QCOMPARE(d->months, std::int64_t(2));
        QVERIFY(d->hasCalendarPart());
        QVERIFY(!d->fixedLength().has_value());

        // the M before T is months, after T minutes
        d = parseDuration("P1MT1M");
        QVERIFY(d.ok());
        QCOMPARE(d->months, std::int64_t(1));
        QCOMPARE(d->millis, std::int64_t(60 * 1000));

        QCOMPARE(durationText("PT1,5S"), S("PT1.5S"));  // comma as decimal sign
        QCOMPARE(durationText("PT1.5M"), S("PT1M30S")); // fractions of any time unit
        QCOMPARE(durationText("P0.5D"), S("PT12H"));
        QCOMPARE(durationText("PT36H"), S("PT36H")); // hours are not folded into days
        QCOMPARE(durationText("PT0S"), S("PT0S"));
        QCOMPARE(durationText("PT0.05S"), S("PT0.05S")); // bpmn-engine's timers
        QCOMPARE(durationText("PT0.0001S"), S("PT0S"));  // below a millisecond: dropped
        QCOMPARE(durationText("P1W3D"), S("P10D"));
        QCOMPARE(durationText("  PT15M\n  "), S("PT15M")); // XML text is trimmed
        QCOMPARE(durationText("P1Y2M3DT4H5M6.789S"), S("P1Y2M3DT4H5M6.789S"));
        QCOMPARE(parseDuration("PT2H")->fixedLength().value(), std::chrono::milliseconds(2h));
    }

    void durationErrors()
    {
        std::string e = durationError("PT15");
        QVERIFY2(contains(e, "'PT15' has no unit after 15") && contains(e, "PT15M for 15 minutes"), e.c_str());
        e = durationError("P3");
        QVERIFY2(contains(e, "no unit after 3") && contains(e, "P3D"), e.c_str());
        e = durationError("P");
        QVERIFY2(contains(e, "no parts") && contains(e, "PT15M"), e.c_str());
        e = durationError("P1DT");
        QVERIFY2(contains(e, "nothing after T") && contains(e, "P1DT2H"), e.c_str());
        e = durationError("15M");
        QVERIFY2(contains(e, "PT15M"), e.c_str());
        e = durationError("900");
        QVERIFY2(contains(e, "bare number") && contains(e, "PT900S"), e.c_str());
        e = durationError("pt15m");
        QVERIFY2(contains(e, "capitals") && contains(e, "PT15M"), e.c_str());
        e = durationError("PT1.5H30M");
        QVERIFY2(contains(e, "only the last part"), e.c_str());
        e = durationError("P1.5Y");
        QVERIFY2(contains(e, "cannot have a fraction"), e.c_str());
        e = durationError("PT1D");
        QVERIFY2(contains(e, "before T") && contains(e, "P1D"), e.c_str());
        e = durationError("P1H");
        QVERIFY2(contains(e, "after T") && contains(e, "PT1H"), e.c_str());
        e = durationError("PT5S3M");
        QVERIFY2(contains(e, "order"), e.c_str());
        e = durationError("-PT5M");
        QVERIFY2(contains(e, "negative") && contains(e, "PT5M"), e.c_str());
        e = durationError("PTT5M");
        QVERIFY2(contains(e, "T twice"), e.c_str());
        e = durationError("PT5X");
        QVERIFY2(contains(e, "not a duration unit"), e.c_str());
        e = durationError("PT.5S");
        QVERIFY2(contains(e, "write a 0 before it"), e.c_str());
        e = durationError("R3/PT10M");
        QVERIFY2(contains(e, "repeating cycle"), e.c_str());
        e = durationError("2026-01-01T08:00:00Z");
        QVERIFY2(contains(e, "is a date"), e.c_str());
        e = durationError("PT99999999999H");
        QVERIFY2(contains(e, "too large"), e.c_str());
        e = durationError("");
        QVERIFY2(contains(e, "empty"), e.c_str());
        QVERIFY(!parseDuration("PT15").ok());
        QVERIFY(!parseDuration("PT15").expression);
    }

    void durationArithmetic()
    {
        const auto p1m = *parseDuration("P1M").value;
        // the day of month is kept, or clamped to the month's end; the time of day stays
        QCOMPARE(formatUtc(p1m.addTo(at("2026-01-31T10:30:00Z"))), S("2026-02-28T10:30:00Z"));
        QCOMPARE(formatUtc(p1m.addTo(at("2024-01-31T00:00:00Z"))), S("2024-02-29T00:00:00Z"));
        QCOMPARE(formatUtc(p1m.addTo(at("2026-12-15T08:00:00Z"))), S("2027-01-15T08:00:00Z"));
        QCOMPARE(formatUtc(p1m.subtractFrom(at("2026-03-31T00:00:00Z"))), S("2026-02-28T00:00:00Z"));
        QCOMPARE(formatUtc(p1m.subtractFrom(at("2026-01-15T00:00:00Z"))), S("2025-12-15T00:00:00Z"));
        QCOMPARE(formatUtc(parseDuration("P1Y")->addTo(at("2024-02-29T12:00:00Z"))), S("2025-02-28T12:00:00Z"));
        QCOMPARE(formatUtc(parseDuration("P14M")->addTo(at("2026-01-10T00:00:00Z"))), S("2027-03-10T00:00:00Z"));
        // years and months first, then days, then time
        QCOMPARE(formatUtc(parseDuration("P1M1DT1H")->addTo(at("2026-01-31T23:00:00Z"))), S("2026-03-02T00:00:00Z"));
        QCOMPARE(formatUtc(parseDuration("P1DT2H")->addTo(at("2026-01-01T08:00:00Z"))), S("2026-01-02T10:00:00Z"));
        QCOMPARE(formatUtc(parseDuration("PT0.5S")->addTo(at("2026-01-01T08:00:00Z"))), S("2026-01-01T08:00:00.500Z"));
        QCOMPARE(formatUtc(parseDuration("PT90M")->subtractFrom(at("2026-01-01T00:30:00Z"))),
                 S("2025-12-31T23:00:00Z"));
        // days are 24 hours: no daylight saving in UTC
        QCOMPARE(formatUtc(parseDuration("P1D")->addTo(at("2026-03-28T12:00:00+01:00"))), S("2026-03-29T11:00:00Z"));
    }

    void dateTimeForms()
    {
        auto d = parseDateTime("2026-01-01T08:00:00Z");
        QVERIFY(d.ok());
        QCOMPARE(formatUtc(d->time), S("2026-01-01T08:00:00Z"));
        QCOMPARE(d->offsetMinutes.value_or(-1), 0);
        QVERIFY(!d->dateOnly);

        d = parseDateTime("2026-01-01T08:00:00+02:00");
        QVERIFY(d.ok());
        QCOMPARE(formatUtc(d->time), S("2026-01-01T06:00:00Z"));
        QCOMPARE(d->offsetMinutes.value_or(-1), 120);

        QCOMPARE(formatUtc(at("2026-01-01T01:00:00+02:00")), S("2025-12-31T23:00:00Z"));
        QCOMPARE(formatUtc(at("2026-01-01T08:00:00+0530")), S("2026-01-01T02:30:00Z"));
        QCOMPARE(formatUtc(at("2026-01-01T08:00:00+05")), S("2026-01-01T03:00:00Z"));
        QCOMPARE(formatUtc(at("2026-01-01T20:00:00-05:00")), S("2026-01-02T01:00:00Z"));
        QCOMPARE(formatUtc(at("2026-01-01T08:00:00.250Z")), S("2026-01-01T08:00:00.250Z"));
        QCOMPARE(formatUtc(at("2026-01-01T08:00:00.5Z")), S("2026-01-01T08:00:00.500Z"));
        QCOMPARE(formatUtc(at("2026-01-01T08:00:00,123456Z")), S("2026-01-01T08:00:00.123Z"));
        QCOMPARE(formatUtc(at("2026-01-01T08:00Z")), S("2026-01-01T08:00:00Z"));
        QCOMPARE(formatUtc(at("2026-01-01T24:00:00Z")), S("2026-01-02T00:00:00Z"));
        QCOMPARE(formatUtc(at("2024-02-29T12:00:00Z")), S("2024-02-29T12:00:00Z"));
        QCOMPARE(formatUtc(at("1969-12-31T23:59:59Z")), S("1969-12-31T23:59:59Z"));

        d = parseDateTime("2026-01-01T08:00:00"); // no offset: the engine's local time, read as UTC
        QVERIFY(d.ok());
        QVERIFY(!d->offsetMinutes.has_value());
        QCOMPARE(formatUtc(d->time), S("2026-01-01T08:00:00Z"));

        d = parseDateTime("2026-01-01");
        QVERIFY(d.ok());
        QVERIFY(d->dateOnly);
        QCOMPARE(formatUtc(d->time), S("2026-01-01T00:00:00Z"));
    }

    void dateTimeErrors()
    {
        std::string e = dateError("2023-01-32"); // from bpmn-engine's timer feature
        QVERIFY2(contains(e, "day 32 does not exist in January 2023") && contains(e, "31 days"), e.c_str());
        e = dateError("2023-02-29");
        QVERIFY2(contains(e, "February 2023") && contains(e, "28 days"), e.c_str());
        e = dateError("2026-13-01T00:00:00Z");
        QVERIFY2(contains(e, "month 13"), e.c_str());
        e = dateError("2026-01-01T25:00:00Z");
        QVERIFY2(contains(e, "hour 25"), e.c_str());
        e = dateError("2026-01-01T08:60:00Z");
        QVERIFY2(contains(e, "minute 60"), e.c_str());
        e = dateError("2026-01-01T23:59:60Z");
        QVERIFY2(contains(e, "leap seconds"), e.c_str());
        e = dateError("2026-01-01 08:00:00Z");
        QVERIFY2(contains(e, "capital T") && contains(e, "2026-01-01T08:00:00Z"), e.c_str());
        e = dateError("2026-1-1T08:00:00Z");
        QVERIFY2(contains(e, "two digits"), e.c_str());
        e = dateError("26-01-01T08:00:00Z");
        QVERIFY2(contains(e, "four-digit year"), e.c_str());
        e = dateError("2026-01-01T08:00:00+19:00");
        QVERIFY2(contains(e, "out of range"), e.c_str());
        e = dateError("2026-01-01T08:00:00Zulu");
        QVERIFY2(contains(e, "unexpected text"), e.c_str());
        e = dateError("2026-01-01T08:00:00z");
        QVERIFY2(contains(e, "capital Z"), e.c_str());
        e = dateError("PT1H");
        QVERIFY2(contains(e, "is a duration, not a date"), e.c_str());
        e = dateError("R3/PT1H");
        QVERIFY2(contains(e, "repeating cycle"), e.c_str());
        e = dateError("tomorrow");
        QVERIFY2(contains(e, "not an ISO 8601 date-time") && contains(e, "2026-01-01T08:00:00Z"), e.c_str());
        QVERIFY(!parseDateTime("2026-01-01T08").ok());
        QVERIFY(!parseDateTime("").ok());
    }

    void expressionsAreNotLiterals()
    {
        for (const char* x : {"=now() + duration(\"PT1H\")", "= dueDate", "${dueDate}",
                              "  ${environment.variables.catchDate}  ", "R3/${interval}"}) {
            QVERIFY2(isExpression(x), x);
            auto d = parseDuration(x);
            QVERIFY(!d.ok());
            QVERIFY(d.expression);
            QVERIFY(d.error.empty());
            QVERIFY(parseDateTime(x).expression);
            QVERIFY(parseCycle(x).expression);
            QVERIFY(parseTimer(TimerKind::Cycle, x).expression);
            QVERIFY(contains(describeTimer(TimerKind::Duration, x), "expression"));
        }
        QVERIFY(!isExpression("PT15M"));
        QVERIFY(!isExpression("0 0 9 * * MON-FRI"));
    }

    void cycleForms()
    {
        auto c = parseCycle("R3/PT10M");
        QVERIFY(c.ok());
        QVERIFY(c->form == Cycle::Form::Repeat);
        QCOMPARE(c->repetitions, std::int64_t(3));
        QCOMPARE(c->period.millis, std::int64_t(600000));
        QVERIFY(!c->start && !c->end);

        c = parseCycle("R/PT1H");
        QVERIFY(c.ok());
        QVERIFY(c->unbounded());

        c = parseCycle("R/2026-01-01T08:00:00Z/P1D");
        QVERIFY(c.ok());
        QVERIFY(c->start.has_value());
        QCOMPARE(formatUtc(c->start->time), S("2026-01-01T08:00:00Z"));
        QCOMPARE(c->period.days, std::int64_t(1));

        c = parseCycle("R5/2026-01-01T08:00:00Z/PT10M");
        QVERIFY(c.ok());
        QCOMPARE(c->repetitions, std::int64_t(5));

        c = parseCycle("R2/2026-01-01T08:00:00Z/2026-01-01T09:30:00Z"); // start/end: the period is their distance
        QVERIFY(c.ok());
        QCOMPARE(c->period.millis, std::int64_t(90 * 60 * 1000));

        c = parseCycle("R3/PT1H/2026-01-02T00:00:00Z"); // duration/end
        QVERIFY(c.ok());
        QVERIFY(c->end.has_value() && !c->start.has_value());

        c = parseCycle("R6/P1D"); // MIWG C.9.1
        QVERIFY(c.ok());
        QCOMPARE(c->repetitions, std::int64_t(6));
        QVERIFY(parseCycle("R1/P5D").ok()); // MIWG C.9.2
        QVERIFY(parseCycle("R3/PT10H").ok());
        QVERIFY(parseCycle("R0/PT1M").ok());
        QVERIFY(parseCycle("\n   R3/PT10M\n").ok());
    }

    void cycleErrors()
    {
        std::string e = cycleError("R3");
        QVERIFY2(contains(e, "not the interval") && contains(e, "R3/PT10M"), e.c_str());
        e = cycleError("R-3/2023-01-32"); // from bpmn-engine's timer feature
        QVERIFY2(contains(e, "cannot be negative"), e.c_str());
        e = cycleError("Rx/PT1M");
        QVERIFY2(contains(e, "not a count"), e.c_str());
        e = cycleError("R/PT0S");
        QVERIFY2(contains(e, "interval is zero"), e.c_str());
        e = cycleError("PT10M");
        QVERIFY2(contains(e, "is a duration, not a cycle") && contains(e, "R/PT10M"), e.c_str());
        e = cycleError("2026-01-01T08:00:00Z");
        QVERIFY2(contains(e, "is a date, not a cycle"), e.c_str());
        e = cycleError("R3/PT10M/PT5M");
        QVERIFY2(contains(e, "two intervals"), e.c_str());
        e = cycleError("R3/2026-01-01T08:00:00Z/PT1M/PT2M");
        QVERIFY2(contains(e, "too many parts"), e.c_str());
        e = cycleError("R/2026-01-01T09:00:00Z/2026-01-01T08:00:00Z");
        QVERIFY2(contains(e, "not after the start"), e.c_str());
        e = cycleError("R3//PT1M");
        QVERIFY2(contains(e, "empty part"), e.c_str());
        e = cycleError("R/PT15");
        QVERIFY2(contains(e, "no unit after 15"), e.c_str()); // the inner duration's message
        e = cycleError("R/2026-02-30T08:00:00Z/P1D");
        QVERIFY2(contains(e, "day 30 does not exist in February 2026"), e.c_str());
        e = cycleError("R/2026-01-01T08:00:00Z");
        QVERIFY2(contains(e, "no interval"), e.c_str());
        e = cycleError("");
        QVERIFY2(contains(e, "empty"), e.c_str());
        e = cycleError("every day");
        QVERIFY2(contains(e, "fields"), e.c_str()); // read as a cron expression with 2 fields
    }

    void cycleNextRepeat()
    {
        // No start: the timer's arming starts the count; n is the number of firings.
        const auto c = *parseCycle("R3/PT10M").value;
        const TimePoint armed = at("2026-01-31T23:45:00Z");
        QCOMPARE(fmt(c.next(armed, armed)), S("2026-01-31T23:55:00Z"));
        QCOMPARE(fmt(c.next(at("2026-01-31T23:55:00Z"), armed)), S("2026-02-01T00:05:00Z"));
        QCOMPARE(fmt(c.next(at("2026-02-01T00:05:00Z"), armed)), S("2026-02-01T00:15:00Z"));
        QCOMPARE(fmt(c.next(at("2026-02-01T00:15:00Z"), armed)), S("none"));                 // three times, then done
        QCOMPARE(fmt(c.next(at("2026-02-01T00:00:00Z"), armed)), S("2026-02-01T00:05:00Z")); // between firings

        const auto endless = *parseCycle("R/PT1H").value;
        QCOMPARE(fmt(endless.next(at("2030-06-01T10:30:00Z"), armed)), S("2030-06-01T10:45:00Z"));

        QCOMPARE(fmt(parseCycle("R0/PT1M")->next(armed, armed)), S("none"));

        Timer t = *parseTimer(TimerKind::Cycle, "R2/PT0.5S").value;
        QCOMPARE(fmt(t.first(armed)), S("2026-01-31T23:45:00.500Z"));
        QCOMPARE(fmt(t.next(at("2026-01-31T23:45:00.500Z"), armed)), S("2026-01-31T23:45:01Z"));
        QCOMPARE(fmt(t.next(at("2026-01-31T23:45:01Z"), armed)), S("none"));
    }

    void cycleNextWithStart()
    {
        const auto c = *parseCycle("R5/2026-01-01T08:00:00Z/PT10M").value;
        const TimePoint armed = at("2025-12-01T00:00:00Z");
        QCOMPARE(fmt(c.next(at("2025-12-31T00:00:00Z"), armed)), S("2026-01-01T08:00:00Z")); // the start fires
        QCOMPARE(fmt(c.next(at("2026-01-01T08:00:00Z"), armed)), S("2026-01-01T08:10:00Z"));
        QCOMPARE(fmt(c.next(at("2026-01-01T08:35:00Z"), armed)), S("2026-01-01T08:40:00Z"));
        QCOMPARE(fmt(c.next(at("2026-01-01T08:40:00Z"), armed)), S("none")); // 08:00 .. 08:40: five times

        // unbounded, far after the start: computed, not stepped through
        const auto daily = *parseCycle("R/2026-01-01T08:00:00Z/P1D").value;
        QCOMPARE(fmt(daily.next(at("2026-03-10T09:00:00Z"), armed)), S("2026-03-11T08:00:00Z"));
        QCOMPARE(fmt(daily.next(at("2126-03-10T07:59:59.999Z"), armed)), S("2126-03-10T08:00:00Z"));

        // the offset of the start is honoured (08:00 at +02:00 is 06:00 UTC)
        const auto local = *parseCycle("R/2026-01-01T08:00:00+02:00/P1D").value;
        QCOMPARE(fmt(local.next(at("2026-01-05T12:00:00Z"), armed)), S("2026-01-06T06:00:00Z"));

        // start/end: period = end - start
        const auto se = *parseCycle("R2/2026-01-01T08:00:00Z/2026-01-01T09:30:00Z").value;
        QCOMPARE(fmt(se.next(at("2026-01-01T08:00:00Z"), armed)), S("2026-01-01T09:30:00Z"));
        QCOMPARE(fmt(se.next(at("2026-01-01T09:30:00Z"), armed)), S("none"));

        // Timer::first skips firings before the arming
        Timer t = *parseTimer(TimerKind::Cycle, "R/2026-01-01T08:00:00Z/PT1H").value;
        QCOMPARE(fmt(t.first(at("2026-01-01T10:15:00Z"))), S("2026-01-01T11:00:00Z"));
        QCOMPARE(fmt(t.first(at("2026-01-01T10:00:00Z"))), S("2026-01-01T10:00:00Z"));
    }

    void cycleNextAcrossMonthEnds()
    {
        // Calendar periods step from the previous firing: Jan 31, Feb 28, Mar 28, Apr 28.
        const auto monthly = *parseCycle("R/2026-01-31T12:00:00Z/P1M").value;
        const TimePoint armed = at("2026-01-01T00:00:00Z");
        QCOMPARE(fmt(monthly.next(at("2026-01-31T12:00:00Z"), armed)), S("2026-02-28T12:00:00Z"));
        QCOMPARE(fmt(monthly.next(at("2026-02-28T12:00:00Z"), armed)), S("2026-03-28T12:00:00Z"));
        QCOMPARE(fmt(monthly.next(at("2026-04-01T00:00:00Z"), armed)), S("2026-04-28T12:00:00Z"));
        QCOMPARE(fmt(monthly.next(at("2026-12-28T12:00:00Z"), armed)), S("2027-01-28T12:00:00Z"));

        const auto leap = *parseCycle("R/2024-01-31T00:00:00Z/P1M").value;
        QCOMPARE(fmt(leap.next(at("2024-02-01T00:00:00Z"), armed)), S("2024-02-29T00:00:00Z"));

        const auto counted = *parseCycle("R3/P1M").value;
        const TimePoint armedEnd = at("2026-01-31T09:00:00Z");
        QCOMPARE(fmt(counted.next(armedEnd, armedEnd)), S("2026-02-28T09:00:00Z"));
        QCOMPARE(fmt(counted.next(at("2026-02-28T09:00:00Z"), armedEnd)), S("2026-03-28T09:00:00Z"));
        QCOMPARE(fmt(counted.next(at("2026-03-28T09:00:00Z"), armedEnd)), S("2026-04-28T09:00:00Z"));
        QCOMPARE(fmt(counted.next(at("2026-04-28T09:00:00Z"), armedEnd)), S("none"));

        // a fixed period across a month end and a year end
        const auto hourly = *parseCycle("R/2026-12-31T22:30:00Z/PT1H").value;
        QCOMPARE(fmt(hourly.next(at("2026-12-31T23:59:00Z"), armed)), S("2027-01-01T00:30:00Z"));
    }

    void cycleNextWithEnd()
    {
        // R3/PT1H/end: the last three hourly firings, ending at the end
        const auto c = *parseCycle("R3/PT1H/2026-01-02T00:00:00Z").value;
        const TimePoint armed = at("2026-01-01T00:00:00Z");
        QCOMPARE(fmt(c.next(at("2026-01-01T12:00:00Z"), armed)), S("2026-01-01T22:00:00Z"));
        QCOMPARE(fmt(c.next(at("2026-01-01T22:00:00Z"), armed)), S("2026-01-01T23:00:00Z"));
        QCOMPARE(fmt(c.next(at("2026-01-01T23:30:00Z"), armed)), S("2026-01-02T00:00:00Z"));
        QCOMPARE(fmt(c.next(at("2026-01-02T00:00:00Z"), armed)), S("none"));

        const auto unbounded = *parseCycle("R/PT1H/2026-01-02T00:00:00Z").value;
        QCOMPARE(fmt(unbounded.next(at("2026-01-01T10:30:00Z"), armed)), S("2026-01-01T11:00:00Z"));
        QCOMPARE(fmt(unbounded.next(at("2026-01-01T11:00:00Z"), armed)), S("2026-01-01T12:00:00Z"));

        const auto monthly = *parseCycle("R2/P1M/2026-03-31T00:00:00Z").value; // Feb 28, Mar 31
        QCOMPARE(fmt(monthly.next(at("2026-01-01T00:00:00Z"), armed)), S("2026-02-28T00:00:00Z"));
        QCOMPARE(fmt(monthly.next(at("2026-02-28T00:00:00Z"), armed)), S("2026-03-31T00:00:00Z"));
    }

    void cronParse()
    {
        auto c = parseCron("0 0 9-17 * * MON-FRI");
        QVERIFY2(c.ok(), c.error.c_str());
        QCOMPARE(c->seconds.count(), std::size_t(1));
        QVERIFY(c->seconds[0] && c->minutes[0]);
        QCOMPARE(c->hours.count(), std::size_t(9));
        QVERIFY(c->hours[9] && c->hours[17] && !c->hours[8] && !c->hours[18]);
        QCOMPARE(c->daysOfMonth.count(), std::size_t(31));
        QCOMPARE(c->months.count(), std::size_t(12));
        QCOMPARE(c->daysOfWeek.count(), std::size_t(5));
        QVERIFY(c->daysOfWeek[1] && c->daysOfWeek[5] && !c->daysOfWeek[0] && !c->daysOfWeek[6]);

        c = parseCron("0 */15 * * * *");
        QVERIFY(c.ok());
        QCOMPARE(c->minutes.count(), std::size_t(4));
        QVERIFY(c->minutes[0] && c->minutes[15] && c->minutes[30] && c->minutes[45]);

        c = parseCron("5/20 10-50/10 1,2,3 ? * ?"); // steps from a value and within a range; lists; '?'
        QVERIFY2(c.ok(), c.error.c_str());
        QCOMPARE(c->seconds.count(), std::size_t(3));
        QVERIFY(c->seconds[5] && c->seconds[25] && c->seconds[45]);
        QCOMPARE(c->minutes.count(), std::size_t(5));
        QVERIFY(c->minutes[10] && c->minutes[50] && !c->minutes[0]);
        QCOMPARE(c->hours.count(), std::size_t(3));
        QCOMPARE(c->daysOfWeek.count(), std::size_t(7));

        c = parseCron("0 0 0 1 jan,Jul sun"); // names in any case
        QVERIFY2(c.ok(), c.error.c_str());
        QCOMPARE(c->months.count(), std::size_t(2));
        QVERIFY(c->months[1] && c->months[7]);
        QVERIFY(c->daysOfWeek[0] && c->daysOfWeek.count() == 1);

        c = parseCron("0 0 0 * * 7"); // 7 is Sunday too
        QVERIFY(c.ok());
        QVERIFY(c->daysOfWeek[0] && c->daysOfWeek.count() == 1);
        c = parseCron("0 0 0 * * 5-7");
        QVERIFY(c.ok());
        QVERIFY(c->daysOfWeek[5] && c->daysOfWeek[6] && c->daysOfWeek[0] && c->daysOfWeek.count() == 3);

        c = parseCron("@daily");
        QVERIFY(c.ok());
        QVERIFY(c->hours[0] && c->hours.count() == 1);
        QCOMPARE(c->text, S("@daily"));
        QVERIFY(parseCron("@hourly").ok() && parseCron("@weekly").ok() && parseCron("@monthly").ok() &&
                parseCron("@yearly").ok());

        // Camunda 7 users write Quartz-style "0 0/5 * * * ?": also valid here
        auto cy = parseCycle("0 0/5 * * * ?");
        QVERIFY2(cy.ok(), cy.error.c_str());
        QVERIFY(cy->form == Cycle::Form::Cron);
        QCOMPARE(cy->cron.minutes.count(), std::size_t(12));
    }

    void cronErrors()
    {
        std::string e = parseCron("0 9 * * 1-5").error;
        QVERIFY2(contains(e, "5 fields") && contains(e, "0 0 9 * * 1-5"), e.c_str());
        e = parseCron("0 0 9 * * ? 2026").error;
        QVERIFY2(contains(e, "7 fields") && contains(e, "year"), e.c_str());
        e = parseCron("0 0 9 *").error;
        QVERIFY2(contains(e, "4 fields"), e.c_str());
        e = parseCron("0 0 25 * * *").error;
        QVERIFY2(contains(e, "hour 25 is out of range (0-23)"), e.c_str());
        e = parseCron("0 60 * * * *").error;
        QVERIFY2(contains(e, "minute 60"), e.c_str());
        e = parseCron("0 0 0 32 * *").error;
        QVERIFY2(contains(e, "day-of-month 32"), e.c_str());
        e = parseCron("0 0 0 0 * *").error;
        QVERIFY2(contains(e, "day-of-month 0"), e.c_str());
        e = parseCron("0 0 0 * 13 *").error;
        QVERIFY2(contains(e, "month 13"), e.c_str());
        e = parseCron("0 0 0 * * 8").error;
        QVERIFY2(contains(e, "day-of-week 8"), e.c_str());
        e = parseCron("0 0 ? * * *").error;
        QVERIFY2(contains(e, "'?' is allowed only"), e.c_str());
        e = parseCron("0 0 0 L * *").error;
        QVERIFY2(contains(e, "not supported"), e.c_str());
        e = parseCron("0 0 9 ? * 1#2").error;
        QVERIFY2(contains(e, "not supported"), e.c_str());
        e = parseCron("0 0 17-9 * * *").error;
        QVERIFY2(contains(e, "runs backwards") && contains(e, "9-17"), e.c_str());
        e = parseCron("*/0 * * * * *").error;
        QVERIFY2(contains(e, "step of 0"), e.c_str());
        e = parseCron("0 0 0 * FOO *").error;
        QVERIFY2(contains(e, "not a month name") && contains(e, "JAN"), e.c_str());
        e = parseCron("0 0 0 * * FRIDAY").error;
        QVERIFY2(contains(e, "not a day name"), e.c_str());
        e = parseCron("0 0 0 1,,2 * *").error;
        QVERIFY2(contains(e, "empty list entry"), e.c_str());
        e = parseCron("@sometimes").error;
        QVERIFY2(contains(e, "macro"), e.c_str());
        QVERIFY(!parseCycle("0 0 25 * * *").ok());
    }

    void cronNext()
    {
        const auto office = *parseCron("0 0 9-17 * * MON-FRI").value;
        // Friday 2026-01-02 after 17:00 -> Monday 09:00
        QCOMPARE(fmt(office.next(at("2026-01-02T17:30:00Z"))), S("2026-01-05T09:00:00Z"));
        QCOMPARE(fmt(office.next(at("2026-01-02T17:00:00Z"))), S("2026-01-05T09:00:00Z")); // strictly after
        QCOMPARE(fmt(office.next(at("2026-01-05T08:59:59.500Z"))), S("2026-01-05T09:00:00Z"));
        QCOMPARE(fmt(office.next(at("2026-01-05T09:00:00Z"))), S("2026-01-05T10:00:00Z"));
        QCOMPARE(fmt(office.next(at("2026-01-01T00:00:00Z"))), S("2026-01-01T09:00:00Z")); // Thursday

        const auto quarter = *parseCron("0 */15 * * * *").value;
        QCOMPARE(fmt(quarter.next(at("2026-01-01T10:07:00Z"))), S("2026-01-01T10:15:00Z"));
        QCOMPARE(fmt(quarter.next(at("2026-01-31T23:45:00Z"))), S("2026-02-01T00:00:00Z")); // month end

        const auto firstOfMonth = *parseCron("0 0 0 1 * *").value;
        QCOMPARE(fmt(firstOfMonth.next(at("2026-01-31T12:00:00Z"))), S("2026-02-01T00:00:00Z"));
        QCOMPARE(fmt(firstOfMonth.next(at("2026-12-01T00:00:00Z"))), S("2027-01-01T00:00:00Z")); // year end

        const auto the31st = *parseCron("0 30 6 31 * *").value; // skips months without a 31st
        QCOMPARE(fmt(the31st.next(at("2026-01-31T07:00:00Z"))), S("2026-03-31T06:30:00Z"));

        const auto leapDay = *parseCron("0 0 12 29 FEB *").value;
        QCOMPARE(fmt(leapDay.next(at("2026-01-01T00:00:00Z"))), S("2028-02-29T12:00:00Z"));

        const auto friday13 = *parseCron("0 0 0 13 * FRI").value; // both day fields must match
        QCOMPARE(fmt(friday13.next(at("2026-01-01T00:00:00Z"))), S("2026-02-13T00:00:00Z"));
        QCOMPARE(fmt(friday13.next(at("2026-02-13T00:00:00Z"))), S("2026-03-13T00:00:00Z"));

        const auto never = *parseCron("0 0 0 30 2 *").value; // February 30th
        QCOMPARE(fmt(never.next(at("2026-01-01T00:00:00Z"))), S("none"));

        const auto everySecond = *parseCron("* * * * * *").value;
        QCOMPARE(fmt(everySecond.next(at("2026-01-01T00:00:00.999Z"))), S("2026-01-01T00:00:01Z"));

        const auto fineSteps = *parseCron("10,40 5 8 * * *").value;
        QCOMPARE(fmt(fineSteps.next(at("2026-01-01T08:05:10Z"))), S("2026-01-01T08:05:40Z"));
        QCOMPARE(fmt(fineSteps.next(at("2026-01-01T08:05:40Z"))), S("2026-01-02T08:05:10Z"));

        // through Cycle and Timer
        const auto cycle = *parseCycle("0 0 9 * * MON").value;
        QCOMPARE(fmt(cycle.next(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"))), S("2026-01-05T09:00:00Z"));
        const Timer t = *parseTimer(TimerKind::Cycle, "0 0 9 * * MON").value;
        QCOMPARE(fmt(t.first(at("2026-01-05T09:00:00Z"))), S("2026-01-05T09:00:00Z"));
    }

    void timersOfEachKind()
    {
        const TimePoint armed = at("2026-01-01T08:00:00Z");
        auto d = parseTimer(TimerKind::Duration, "PT15M");
        QVERIFY(d.ok());
        QCOMPARE(fmt(d->first(armed)), S("2026-01-01T08:15:00Z"));
        QCOMPARE(fmt(d->next(at("2026-01-01T08:15:00Z"), armed)), S("none")); // once

        auto date = parseTimer(TimerKind::Date, "2026-01-02T00:00:00+01:00");
        QVERIFY(date.ok());
        QCOMPARE(fmt(date->first(armed)), S("2026-01-01T23:00:00Z"));
        QCOMPARE(fmt(date->first(at("2026-01-03T00:00:00Z"))), S("2026-01-03T00:00:00Z")); // past: fires at once

        // each kind reads its own form, and says which element the value belongs in
        std::string e = parseTimer(TimerKind::Date, "PT15M").error;
        QVERIFY2(contains(e, "time duration"), e.c_str());
        e = parseTimer(TimerKind::Duration, "R3/PT1H").error;
        QVERIFY2(contains(e, "time cycle"), e.c_str());
        QVERIFY(!parseTimer(TimerKind::Cycle, "PT1H").ok());
        QCOMPARE(S(elementName(TimerKind::Date)), S("timeDate"));
        QCOMPARE(S(elementName(TimerKind::Duration)), S("timeDuration"));
        QCOMPARE(S(elementName(TimerKind::Cycle)), S("timeCycle"));
    }

    void describeTexts()
    {
        QCOMPARE(parseDuration("PT15M")->describe(), S("15 minutes"));
        QCOMPARE(parseDuration("P1DT2H")->describe(), S("1 day and 2 hours"));
        QCOMPARE(parseDuration("P2W")->describe(), S("2 weeks"));
        QCOMPARE(parseDuration("PT0.5S")->describe(), S("0.5 seconds"));
        QCOMPARE(parseDuration("P1Y2M")->describe(), S("1 year and 2 months"));
        QCOMPARE(parseDuration("P1Y2M3DT4H")->describe(), S("1 year, 2 months, 3 days and 4 hours"));
        QCOMPARE(parseDuration("PT1H1S")->describe(), S("1 hour and 1 second"));

        QCOMPARE(describeTimer(TimerKind::Duration, "PT15M"), S("after 15 minutes"));
        QCOMPARE(describeTimer(TimerKind::Duration, "PT0S"), S("immediately"));
        QCOMPARE(describeTimer(TimerKind::Date, "2026-01-01T08:00:00Z"), S("at 2026-01-01 08:00 UTC"));
        QCOMPARE(describeTimer(TimerKind::Date, "2026-01-01T08:00:00+02:00"),
                 S("at 2026-01-01 08:00 +02:00 (06:00 UTC)"));
        QCOMPARE(describeTimer(TimerKind::Date, "2026-01-01T01:00:00+02:00"),
                 S("at 2026-01-01 01:00 +02:00 (2025-12-31 23:00 UTC)"));
        QCOMPARE(describeTimer(TimerKind::Date, "2026-01-01T08:00:30.5Z"), S("at 2026-01-01 08:00:30.500 UTC"));
        QVERIFY(contains(describeTimer(TimerKind::Date, "2026-01-01T08:00:00"), "local time"));

        QCOMPARE(describeTimer(TimerKind::Cycle, "R3/PT10M"), S("every 10 minutes, 3 times"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R/PT1H"), S("every hour"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R/P1D"), S("every day"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R/2026-01-01T08:00:00Z/P1D"),
                 S("every day from 2026-01-01 08:00 UTC"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R5/2026-01-01T08:00:00Z/PT10M"),
                 S("every 10 minutes from 2026-01-01 08:00 UTC, 5 times"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R3/PT1H/2026-01-02T00:00:00Z"),
                 S("every hour until 2026-01-02 00:00 UTC, 3 times"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R1/P5D"), S("once, after 5 days"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R6/P1D"), S("every day, 6 times"));
        QCOMPARE(describeTimer(TimerKind::Cycle, "R/P1DT12H"), S("every 1 day and 12 hours"));
        QCOMPARE(cycleDescription("R0/PT1M"), S("never: R0 repeats zero times"));

        QCOMPARE(cycleDescription("0 0 9-17 * * MON-FRI"),
                 S("every hour from 09:00 to 17:00 on Monday to Friday (UTC)"));
        QCOMPARE(cycleDescription("0 */15 * * * *"), S("every 15 minutes"));
        QCOMPARE(cycleDescription("0 0/5 * * * ?"), S("every 5 minutes"));
        QCOMPARE(cycleDescription("*/10 * * * * *"), S("every 10 seconds"));
        QCOMPARE(cycleDescription("* * * * * *"), S("every second"));
        QCOMPARE(cycleDescription("0 0 * * * *"), S("every hour, on the hour"));
        QCOMPARE(cycleDescription("0 0 12 ? * FRI"), S("every Friday at 12:00 (UTC)"));
        QCOMPARE(cycleDescription("0 15 10 * * SAT,SUN"), S("every Saturday and Sunday at 10:15 (UTC)"));
        QCOMPARE(cycleDescription("0 0 9,12,17 * * *"), S("every day at 09:00, 12:00 and 17:00 (UTC)"));
        QCOMPARE(cycleDescription("@daily"), S("every day at 00:00 (UTC)"));
        QCOMPARE(cycleDescription("0 30 8 1 * *"), S("at 08:30 on day 1 of the month (UTC)"));
        QCOMPARE(cycleDescription("0 0 0 1 1,4,7,10 *"),
                 S("at 00:00 on day 1 of the month in January, April, July and October (UTC)"));
        QCOMPARE(cycleDescription("0 */30 9-17 * * MON-FRI"),
                 S("every 30 minutes from 09:00 to 17:30 on Monday to Friday (UTC)"));

        QVERIFY(contains(describeTimer(TimerKind::Duration, "PT15"), "cannot be read: 'PT15' has no unit after 15"));
        QVERIFY(contains(describeTimer(TimerKind::Cycle, "  "), "no value"));
    }
};

RUNWAY_TEST_MAIN(TestIso8601, durationForms, durationErrors, durationArithmetic, dateTimeForms, dateTimeErrors,
                 expressionsAreNotLiterals, cycleForms, cycleErrors, cycleNextRepeat, cycleNextWithStart,
                 cycleNextAcrossMonthEnds, cycleNextWithEnd, cronParse, cronErrors, cronNext, timersOfEachKind,
                 describeTexts)
#ifndef RUNWAY_NO_QT
#include "tst_iso8601.moc"
#endif
