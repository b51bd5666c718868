// Timer values as the properties panel checks and previews them while they are typed: each kind
// (date, duration, cycle) read with the ISO 8601 parser, plain-English previews, expressions, and
// clear errors for empty values, typos and values of another kind.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/modeling/TimerText.h"
#include "tst_modeling_fixtures.h"

#include <string>
#include <string_view>

using namespace runway::core;
using namespace runway::core::modeling;

namespace {

std::string preview(TimerKind kind, std::string_view text)
{
    const TimerText t = checkTimer(kind, text);
    return t.valid ? t.preview : "invalid: " + t.error;
}

bool contains(const std::string& hay, std::string_view needle)
{
    return hay.find(needle) != std::string::npos;
}

} // namespace

class TestTimerText : public QObject {
    Q_OBJECT
private slots:
    void cycles()
    {
        QCOMPARE(preview(TimerKind::Cycle, "R3/PT10M"), std::string("every 10 minutes, 3 times"));
        QCOMPARE(preview(TimerKind::Cycle, "  R3/PT10M\n"), std::string("every 10 minutes, 3 times"));
        QCOMPARE(preview(TimerKind::Cycle, "R/PT1H"), std::string("every hour"));
        QCOMPARE(preview(TimerKind::Cycle, "R2/P1D"), std::string("every day, 2 times"));
        QCOMPARE(preview(TimerKind::Cycle, "R4/PT2H30M"), std::string("every 2 hours and 30 minutes, 4 times"));
        QCOMPARE(preview(TimerKind::Cycle, "R5/2026-01-01T08:00:00Z/P1D"),
                 std::string("every day from 2026-01-01 08:00 UTC, 5 times"));
        QCOMPARE(preview(TimerKind::Cycle, "R1/PT5M"), std::string("once, after 5 minutes"));
        QCOMPARE(preview(TimerKind::Cycle, "R/P1W"), std::string("every week"));
        // A cron cycle is described by the cron parser.
        const TimerText cron = checkTimer(TimerKind::Cycle, "0 0 9 * * MON-FRI");
        QVERIFY2(cron.valid, cron.error.c_str());
        QVERIFY2(contains(cron.preview, "09:00"), cron.preview.c_str());
    }

    void durations()
    {
        QCOMPARE(preview(TimerKind::Duration, "PT2H30M"), std::string("after 2 hours and 30 minutes"));
        QCOMPARE(preview(TimerKind::Duration, "PT15M"), std::string("after 15 minutes"));
        QCOMPARE(preview(TimerKind::Duration, "P1D"), std::string("after 1 day"));
        QCOMPARE(preview(TimerKind::Duration, "P14D"), std::string("after 2 weeks"));
        QCOMPARE(preview(TimerKind::Duration, "PT1.5S"), std::string("after 1.5 seconds"));
        QCOMPARE(preview(TimerKind::Duration, "PT0S"), std::string("immediately"));
        QCOMPARE(preview(TimerKind::Duration, "P1Y2M"), std::string("after 1 year and 2 months"));
    }

    void dates()
    {
        QCOMPARE(preview(TimerKind::Date, "2026-12-01T09:00:00Z"), std::string("at 2026-12-01 09:00 UTC"));
        QCOMPARE(preview(TimerKind::Date, "2026-12-01T09:00:30Z"), std::string("at 2026-12-01 09:00:30 UTC"));
        QCOMPARE(preview(TimerKind::Date, "2026-12-01T09:00:00+02:00"),
                 std::string("at 2026-12-01 09:00 +02:00 (07:00 UTC)"));
        QCOMPARE(preview(TimerKind::Date, "2026-12-01T01:00:00+02:00"),
                 std::string("at 2026-12-01 01:00 +02:00 (2026-11-30 23:00 UTC)"));
        QCOMPARE(preview(TimerKind::Date, "2026-03-05"),
                 std::string("at 2026-03-05 00:00 (the engine's local time; Runway reads it as UTC)"));
        QVERIFY(contains(preview(TimerKind::Date, "2026-03-05T10:15:00"), "engine's local time"));
    }

    void expressions()
    {
        const TimerText feel = checkTimer(TimerKind::Duration, "= reminderDelay");
        QVERIFY(feel.valid);
        QVERIFY(feel.expression);
        QVERIFY(feel.error.empty());
        QCOMPARE(feel.preview, std::string("computed when the timer starts: = reminderDelay"));
        const TimerText juel = checkTimer(TimerKind::Cycle, "${cycle}");
        QVERIFY(juel.valid && juel.expression);
        QCOMPARE(juel.preview, std::string("computed when the timer starts: ${cycle}"));
        QVERIFY(!checkTimer(TimerKind::Cycle, "R3/PT10M").expression);
    }

    void invalidValues()
    {
        // Half typed, misspelt, empty: not valid, a sentence, no preview.
        for (const char* text : {"PT", "R3/PT10", "10 minutes", "P1H", "2026-13-01T09:00:00Z", "R3/"}) {
            const TimerKind kind = text[0] == '2' ? TimerKind::Date : text[0] == 'R' ? TimerKind::Cycle
                                                                                        : TimerKind::Duration;
            const TimerText t = checkTimer(kind, text);
            QVERIFY2(!t.valid, text);
            QVERIFY2(!t.error.empty(), text);
            QVERIFY2(t.preview.empty(), text);
        }
        const TimerText empty = checkTimer(TimerKind::Duration, "  ");
        QVERIFY(!empty.valid);
        QVERIFY2(contains(empty.error, "never fires") && contains(empty.error, "PT10M"), empty.error.c_str());
        // The parser's message says what is wrong with a literal.
        const TimerText typo = checkTimer(TimerKind::Duration, "PT10X");
        QVERIFY(!typo.valid);
        QVERIFY2(!typo.error.empty(), typo.error.c_str());
    }

    void valueOfAnotherKind()
    {
        const TimerText cycleAsDuration = checkTimer(TimerKind::Duration, "R3/PT10M");
        QVERIFY(!cycleAsDuration.valid);
        QVERIFY2(contains(cycleAsDuration.error, "this is a cycle, not a duration"), cycleAsDuration.error.c_str());
        const TimerText durationAsDate = checkTimer(TimerKind::Date, "PT10M");
        QVERIFY(!durationAsDate.valid);
        QVERIFY2(contains(durationAsDate.error, "this is a duration, not a date"), durationAsDate.error.c_str());
        QCOMPARE(std::string(timerKindName(TimerKind::Cycle)), std::string("cycle"));
    }

    void setTimerReplacesTheValue()
    {
        // The panel applies a timer at each key typed: each value replaces the last, also the ones
        // the facade created itself (which the reader did not type), and a new kind replaces the old.
        auto doc = BpmnReader::readBytes(kCollaboration, "fixture.bpmn").document;
        QVERIFY(doc);
        Modeling m(*doc);
        Element* event = doc->findById("CT");
        for (const char* text : {"R", "R3", "R3/PT10M"})
            QVERIFY(m.setTimer(event, TimerKind::Cycle, text).ok());
        const Element* def = doc->findById("CT_t");
        int values = 0;
        for (const Element* c : def->children())
            values += c->local() == "timeCycle";
        QCOMPARE(values, 1);
        QCOMPARE(def->child(Ns::Model, "timeCycle")->textContent(), std::string("R3/PT10M"));
        QVERIFY(m.setTimer(event, TimerKind::Date, "2026-12-01T09:00:00Z").ok());
        QVERIFY(!def->child(Ns::Model, "timeCycle"));
        QCOMPARE(def->child(Ns::Model, "timeDate")->textContent(), std::string("2026-12-01T09:00:00Z"));
        QCOMPARE(checkTimer(TimerKind::Date, def->child(Ns::Model, "timeDate")->textContent()).preview,
                 std::string("at 2026-12-01 09:00 UTC"));
    }
};

RUNWAY_TEST_MAIN(TestTimerText, cycles, durations, dates, expressions, invalidValues, valueOfAnotherKind,
                 setTimerReplacesTheValue)
#ifndef RUNWAY_NO_QT
#include "tst_timer_text.moc"
#endif
