// runway-cli test and runway-cli scenario: scenarios stored in a copy of the example pass, a broken
// one fails naming its expectation, and files without scenarios or unreadable ones exit 2.
#include "RunProcess.h"
#include "RunwayTest.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using runway::test::cliPath;
using runway::test::readAll;
using runway::test::runProcess;
namespace fs = std::filesystem;

namespace {

const std::string kExample = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/airline-checkin.bpmn";
const std::string kScenarios = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/airline-checkin.scenarios.json";

std::string temp(const std::string& name)
{
    return (fs::temp_directory_path() / ("runway-test-cmd-" + std::to_string(::getpid()) + "-" + name)).string();
}

std::string write(const std::string& name, const std::string& content)
{
    const auto p = temp(name);
    std::ofstream(p) << content;
    return p;
}

bool contains(const std::string& s, const std::string& part)
{
    return s.find(part) != std::string::npos;
}

/// A copy of the example with its scenarios stored in it.
std::string storedCopy(const std::string& name)
{
    const auto copy = temp(name);
    fs::copy_file(kExample, copy, fs::copy_options::overwrite_existing);
    runProcess({cliPath(), "scenario", "add", copy, kScenarios});
    return copy;
}

} // namespace

class TestTestCommand : public QObject {
    Q_OBJECT
private slots:
    void storedScenariosPass()
    {
        const auto copy = temp("good.bpmn");
        fs::copy_file(kExample, copy, fs::copy_options::overwrite_existing);
        auto add = runProcess({cliPath(), "scenario", "add", copy, kScenarios});
        QVERIFY2(add.exitCode == 0, (add.out + add.err).c_str());
        QVERIFY(contains(add.out, "stored 'check-in succeeds at the first try'"));
        auto list = runProcess({cliPath(), "scenario", "list", copy});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(contains(list.out, "Process_AirlineCheckin: check-in succeeds at the first try (6 steps)"), list.out.c_str());
        QVERIFY(contains(list.out, "3 scenarios stored in"));

        auto r = runProcess({cliPath(), "test", copy});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).c_str());
        QVERIFY2(contains(r.out, "PASS " + copy + ": the airline rejects the check-in: manual check-in at the desk"),
                 r.out.c_str());
        QVERIFY(contains(r.out, "3 passed, 0 failed"));
        // Adding the same file again replaces, it does not duplicate.
        runProcess({cliPath(), "scenario", "add", copy, kScenarios});
        QVERIFY(contains(runProcess({cliPath(), "test", copy}).out, "3 passed, 0 failed"));
        fs::remove(copy);
    }

    void aBrokenScenarioFailsNamingTheExpectation()
    {
        const auto copy = storedCopy("broken.bpmn");
        const auto broken = write("broken.json",
                                  "{\"name\": \"wrong end\", \"durations\": {\"Task_CheckInPassenger\": \"PT1M\"}, "
                                  "\"steps\": [{\"start\": \"StartEvent_BookingConfirmed\"}, {\"run\": true},"
                                  "{\"expect\": {\"ended\": \"EndEvent_CheckedIn\"}}]}");
        QCOMPARE(runProcess({cliPath(), "scenario", "add", copy, broken}).exitCode, 0);
        auto r = runProcess({cliPath(), "test", copy});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(contains(r.out, "FAIL " + copy + ": wrong end: step 3: expected the instance to end at "
                                                  "'EndEvent_CheckedIn', got 'EndEvent_AskedToCheckInManually'"),
                 r.out.c_str());
        QVERIFY(contains(r.out, "3 passed, 1 failed"));
        auto j = runProcess({cliPath(), "test", "--json", copy});
        QCOMPARE(j.exitCode, 1);
        QVERIFY2(contains(j.out, "\"name\":\"wrong end\",\"passed\":false,\"failure\":\"step 3: expected the instance"),
                 j.out.c_str());
        QVERIFY(contains(j.out, "\"passed\":3,\"failed\":1,\"unusableFiles\":0"));

        // Removing it makes the file pass again; removing it twice is a problem.
        QCOMPARE(runProcess({cliPath(), "scenario", "remove", copy, "wrong end"}).exitCode, 0);
        QCOMPARE(runProcess({cliPath(), "test", copy}).exitCode, 0);
        auto again = runProcess({cliPath(), "scenario", "remove", copy, "wrong end"});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(contains(again.err, "no stored scenario is named 'wrong end'"));
        fs::remove(copy);
        fs::remove(broken);
    }

    void filesWithoutScenariosOrUnreadableExit2()
    {
        const auto good = storedCopy("mixed.bpmn");
        auto none = runProcess({cliPath(), "test", good, kExample});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(contains(none.err, kExample + ": no scenarios are stored in the file"), none.err.c_str());
        QVERIFY(contains(none.out, "3 passed, 0 failed, 1 file without runnable scenarios"));
        const auto missing = temp("missing.bpmn");
        auto r = runProcess({cliPath(), "test", missing});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(contains(r.err, missing), r.err.c_str());
        QCOMPARE(runProcess({cliPath(), "test"}).exitCode, 2);
        QCOMPARE(runProcess({cliPath(), "scenario", "frobnicate", good}).exitCode, 2);
        // -o writes elsewhere and leaves FILE as it was.
        const auto before = readAll(good);
        const auto out = temp("out.bpmn");
        QCOMPARE(runProcess({cliPath(), "scenario", "remove", good, "check-in succeeds at the first try", "-o", out}).exitCode, 0);
        QCOMPARE(readAll(good), before);
        QVERIFY(contains(runProcess({cliPath(), "test", out}).out, "2 passed, 0 failed"));
        fs::remove(good);
        fs::remove(out);
    }
};

RUNWAY_TEST_MAIN(TestTestCommand, storedScenariosPass, aBrokenScenarioFailsNamingTheExpectation,
                 filesWithoutScenariosOrUnreadableExit2)
#ifndef RUNWAY_NO_QT
#include "tst_test_command.moc"
#endif
