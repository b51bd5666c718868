// runway-cli run: scenarios pass or fail naming the expectation; batch runs; traces; bad input.
#include "RunwayTest.h"
#include "RunProcess.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using runway::test::cliPath;
using runway::test::runProcess;
namespace fs = std::filesystem;

namespace {

const std::string kExample = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/airline-checkin.bpmn";
const std::string kScenarios = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/airline-checkin.scenarios.json";

std::string temp(const std::string& name, const std::string& content)
{
    const auto p = fs::temp_directory_path() / ("runway-run-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(p) << content;
    return p.string();
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

} // namespace

class TestRun : public QObject {
    Q_OBJECT
private slots:
    void exampleScenariosPass()
    {
        auto r = runProcess({cliPath(), "run", kExample, "--scenario", kScenarios});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).c_str());
        QVERIFY2(contains(r.out, "3 passed, 0 failed"), r.out.c_str());
        QVERIFY(contains(r.out, "PASS the airline system times out"));
        const std::string saga = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/trip-booking-saga";
        auto s = runProcess({cliPath(), "run", saga + ".bpmn", "--scenario", saga + ".scenarios.json", "--trace"});
        QVERIFY2(s.exitCode == 0, (s.out + s.err).c_str());
        QVERIFY(contains(s.out, "2 passed, 0 failed"));
        // The saga undoes its bookings in the reverse order of making them.
        const auto car = s.out.find("\"element-entered\",\"element\":\"Task_CancelCar\"");
        const auto hotel = s.out.find("\"element-entered\",\"element\":\"Task_CancelHotel\"");
        const auto flight = s.out.find("\"element-entered\",\"element\":\"Task_CancelFlight\"");
        QVERIFY(car != std::string::npos && hotel != std::string::npos && flight != std::string::npos);
        QVERIFY(car < hotel && hotel < flight);
        // The pizza order runs over both pools: the customer's process starts, the pizzeria's is
        // started by the order message, and the trace says which process instance each event is in.
        const std::string pizza = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/pizza-order";
        auto p = runProcess({cliPath(), "run", pizza + ".bpmn", "--scenario", pizza + ".scenarios.json", "--trace"});
        QVERIFY2(p.exitCode == 0, (p.out + p.err).c_str());
        QVERIFY2(contains(p.out, "4 passed, 0 failed"), p.out.c_str());
        QVERIFY(contains(p.out, "\"element\":\"StartEvent_OrderReceived\""));
        QVERIFY(contains(p.out, "\"processInstance\":0") && !contains(p.out, "\"processInstance\":-"));
    }

    void aBrokenExpectationFailsByName()
    {
        const auto s = temp("broken.json",
                            "{\"name\": \"wrong end\", \"durations\": {\"Task_CheckInPassenger\": \"PT1M\"}, \"steps\": ["
                            "{\"start\": \"StartEvent_BookingConfirmed\"}, {\"run\": true},"
                            "{\"expect\": {\"ended\": \"EndEvent_CheckedIn\"}}]}");
        auto r = runProcess({cliPath(), "run", kExample, "--scenario", s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(contains(r.out, "FAIL wrong end: step 3: expected the instance to end at 'EndEvent_CheckedIn', got "
                                 "'EndEvent_AskedToCheckInManually'"),
                 r.out.c_str());
        QVERIFY(contains(r.out, "0 passed, 1 failed"));
        const auto clock = temp("clock.json", "{\"steps\": [{\"start\": \"StartEvent_BookingConfirmed\"},"
                                              "{\"nextTimer\": true}, {\"expect\": {\"clock\": \"2026-01-01T23:00:01Z\"}}]}");
        auto c = runProcess({cliPath(), "run", kExample, "--scenario", clock});
        QCOMPARE(c.exitCode, 1);
        QVERIFY2(contains(c.out, "expected the clock at 2026-01-01T23:00:01Z, it is at 2026-01-01T23:00:00Z"), c.out.c_str());
        fs::remove(s);
        fs::remove(clock);
    }

    void badScenarioFilesAreRefusedWithTheLine()
    {
        const auto s = temp("bad.json", "{\n  \"steps\": [\n    {\"start\": }\n  ]\n}\n");
        auto r = runProcess({cliPath(), "run", kExample, "--scenario", s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(contains(r.err, s + ":3: error: the file is not valid JSON"), r.err.c_str());
        const auto u = temp("unknown.json", "{\"steps\": [{\"teleport\": \"X\"}]}");
        auto q = runProcess({cliPath(), "run", kExample, "--scenario", u});
        QCOMPARE(q.exitCode, 2);
        QVERIFY2(contains(q.err, "step 1: a step is one of"), q.err.c_str());
        fs::remove(s);
        fs::remove(u);
    }

    void batchRunAndTrace()
    {
        auto r = runProcess({cliPath(), "run", kExample, "--instances", "200", "--seed", "7", "--json"});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).c_str());
        QVERIFY2(contains(r.out, "\"instances\":200"), r.out.c_str());
        QVERIFY(contains(r.out, "\"endedAt\":{\"EndEvent_CheckedIn\":200}"));
        QVERIFY(contains(r.out, "\"min\":82800.000")); // 23 hours until check-in opens
        auto t = runProcess({cliPath(), "run", kExample, "--trace"});
        QCOMPARE(t.exitCode, 0);
        int lines = 0;
        for (std::size_t p = 0; (p = t.out.find('\n', p)) != std::string::npos; ++p)
            ++lines;
        QVERIFY(lines > 10);
        QVERIFY(contains(t.out, "{\"time\":\"2026-01-01T00:00:00Z\",\"event\":\"instance-started\""));
        QVERIFY(contains(t.out, "\"event\":\"timer-fired\",\"element\":\"Event_CheckinOpens\""));
        QVERIFY(contains(t.out, "\"event\":\"instance-completed\",\"element\":\"EndEvent_CheckedIn\""));
    }

    void batchRunWithStartVariables()
    {
        // The pizza order correlates its messages by orderId: without it every instance stops at
        // an incident (a correlation key must have a value); with --variables they all complete.
        const std::string pizza = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/pizza-order.bpmn";
        auto bare = runProcess({cliPath(), "run", pizza, "--instances", "5", "--json"});
        QCOMPARE(bare.exitCode, 1);
        QVERIFY2(contains(bare.out, "\"incidents\":5"), bare.out.c_str());
        auto r = runProcess({cliPath(), "run", pizza, "--instances", "5", "--json", "--variables",
                             "{\"orderId\": \"A-1\", \"customer\": {\"name\": \"Ada\"}}"});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).c_str());
        QVERIFY2(contains(r.out, "\"incidents\":0"), r.out.c_str());
        auto bad = runProcess({cliPath(), "run", pizza, "--variables", "[1, 2]"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(contains(bad.err, "--variables"), bad.err.c_str());
        auto broken = runProcess({cliPath(), "run", pizza, "--variables", "{\"orderId\": "});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(contains(broken.err, "not valid JSON"), broken.err.c_str());
    }
};

RUNWAY_TEST_MAIN(TestRun, exampleScenariosPass, aBrokenExpectationFailsByName, badScenarioFilesAreRefusedWithTheLine,
                 batchRunAndTrace, batchRunWithStartVariables)
#ifndef RUNWAY_NO_QT
#include "tst_run.moc"
#endif
