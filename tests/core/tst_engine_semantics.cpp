// Engine semantics beyond the basics: transactions and their cancellation (BPMN 2.0.2, 10.3,
// 13.5), compensation handlers and nested compensation (10.6), the complex gateway's activation
// condition (13.4.5), and the timer heap that finds the next due timer among thousands.
#include "RunwayTest.h"
#include "EngineRun.h"
#include "tst_engine_semantics_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/engine/Instance.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

using namespace runway::core;
using namespace runway::core::engine;
using namespace std::chrono_literals;

namespace {

using Run = runway::test::EngineRun;
using runway::test::compile;
using runway::test::record; // called with timers: these tests also see the timers fire

std::size_t count(const std::vector<std::string>& log, const std::string& entry)
{
    return static_cast<std::size_t>(std::count(log.begin(), log.end(), entry));
}

const TimePoint kT0 = TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch());

/// How many of the instance's timers (and timed work) are still armed.
std::size_t activeTimers(const Instance& in)
{
    return static_cast<std::size_t>(std::count_if(in.state().waits.begin(), in.state().waits.end(), [](const Wait& w) {
        return w.active && (w.kind == Wait::Kind::Timer || w.kind == Wait::Kind::Work);
    }));
}

} // namespace

class TestEngineSemantics : public QObject {
    Q_OBJECT
private slots:
    // ---------------------------------------------------------------- transactions

    /// A cancel end event cancels its transaction (10.3, 13.5.6): the work still running in it
    /// stops, what completed in it is compensated in reverse order, and the token leaves through the
    /// transaction's cancel boundary event, not its normal outgoing flow.
    void cancelEndCompensatesAndLeavesThroughCancelBoundary()
    {
        auto r = compile(transactionModel(true));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY2(in.completed() && !in.failed(), in.incidents().empty() ? "" : in.incidents()[0].c_str());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("Cancelled"));
        QCOMPARE(count(r.log, "enter:Done"), std::size_t(0));
        QCOMPARE(count(r.log, "cancel:W"), std::size_t(1)); // the user task was still waiting
        QCOMPARE(count(r.log, "cancel:T"), std::size_t(1));
        auto pos = [&](const std::string& e) { return std::find(r.log.begin(), r.log.end(), e) - r.log.begin(); };
        // B completed last, so it is undone first; the boundary event follows the compensation.
        QVERIFY(pos("leave:B") < pos("enter:UndoB"));
        QVERIFY(pos("leave:UndoB") < pos("enter:UndoA"));
        QVERIFY(pos("leave:UndoA") < pos("cancel:T"));
        QVERIFY(pos("cancel:T") < pos("enter:TC"));
        QVERIFY(pos("enter:TC") < pos("enter:Cancelled"));
        QCOMPARE(count(r.log, "enter:UndoA"), std::size_t(1));
        QCOMPARE(count(r.log, "enter:UndoB"), std::size_t(1));
        QVERIFY(in.activeTokens().empty());
    }

    /// Only completed work is compensated (10.6): A, still running when the transaction is
    /// cancelled, is cancelled, not undone.
    void cancelCompensatesOnlyCompletedWork()
    {
        auto r = compile(model(
            "<bpmn:startEvent id=\"S\" /><bpmn:transaction id=\"T\"><bpmn:startEvent id=\"TS\" />"
            "<bpmn:parallelGateway id=\"Fork\" /><bpmn:serviceTask id=\"A\" />"
            "<bpmn:endEvent id=\"CancelEnd\"><bpmn:cancelEventDefinition /></bpmn:endEvent>"
            "<bpmn:serviceTask id=\"UndoA\" isForCompensation=\"true\" />" +
            boundary("CA", "A", "<bpmn:compensateEventDefinition />") + flow("t1", "TS", "Fork") +
            flow("t2", "Fork", "A") + flow("t3", "Fork", "CancelEnd") +
            "<bpmn:association id=\"a1\" sourceRef=\"CA\" targetRef=\"UndoA\" /></bpmn:transaction>" +
            boundary("TC", "T", "<bpmn:cancelEventDefinition />") + "<bpmn:endEvent id=\"Cancelled\" />" +
            "<bpmn:endEvent id=\"Done\" />" + flow("f1", "S", "T") + flow("f2", "T", "Done") +
            flow("f3", "TC", "Cancelled")));
        QVERIFY2(r.process, r.problems.c_str());
        struct Hour : ConditionPolicy {
            WorkDecision work(const Instance& in, NodeIndex n) override
            {
                return in.process().node(n).id == "A" ? WorkDecision{WorkDecision::Kind::Take, 1h} : WorkDecision{};
            }
        } policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("Cancelled"));
        QCOMPARE(count(r.log, "cancel:A"), std::size_t(1));
        QCOMPARE(count(r.log, "enter:UndoA"), std::size_t(0));
        QVERIFY(in.clock() == kT0); // A's hour of work never passed
    }

    /// Without a cancel boundary event the cancelled transaction just ends: nothing goes on after it.
    void cancelledTransactionWithoutBoundaryEnds()
    {
        auto r = compile(transactionModel(false));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(count(r.log, "enter:Done"), std::size_t(0));
        QCOMPARE(count(r.log, "enter:UndoA"), std::size_t(1));
        QVERIFY(in.activeTokens().empty());
    }

    /// A cancel end event outside a transaction is an incident that says where and what to do.
    void cancelEndOutsideTransactionIsAnIncident()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:subProcess id=\"Sub\"><bpmn:startEvent id=\"SS\" />"
                               "<bpmn:endEvent id=\"X\"><bpmn:cancelEventDefinition /></bpmn:endEvent>" +
                               flow("s1", "SS", "X") + "</bpmn:subProcess><bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "Sub") + flow("f2", "Sub", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY(in.failed());
        QVERIFY2(in.incidents()[0].find("'X'") != std::string::npos, in.incidents()[0].c_str());
        QVERIFY2(in.incidents()[0].find("not directly inside a transaction") != std::string::npos,
                 in.incidents()[0].c_str());
    }

    // ---------------------------------------------------------------- compensation

    /// A completed sub-process without a compensation handler is compensated by compensating what
    /// completed inside it (13.5.5), the last first; the sub-process's scope is kept for that.
    void completedSubProcessCompensatesItsInside()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:subProcess id=\"Sub\"><bpmn:startEvent id=\"SS\" />" +
                               compensableTask("A") + compensableTask("B") + "<bpmn:endEvent id=\"SE\" />" +
                               flow("s1", "SS", "A") + flow("s2", "A", "B") + flow("s3", "B", "SE") +
                               "</bpmn:subProcess>" + compensableTask("C") + compensateEnd("Undo", "Sub") +
                               flow("f1", "S", "Sub") + flow("f2", "Sub", "C") + flow("f3", "C", "Undo")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY2(in.completed() && !in.failed(), in.incidents().empty() ? "" : in.incidents()[0].c_str());
        auto pos = [&](const std::string& e) { return std::find(r.log.begin(), r.log.end(), e) - r.log.begin(); };
        QCOMPARE(count(r.log, "enter:UndoB"), std::size_t(1));
        QCOMPARE(count(r.log, "enter:UndoA"), std::size_t(1));
        QVERIFY(pos("leave:UndoB") < pos("enter:UndoA"));
        QCOMPARE(count(r.log, "enter:UndoC"), std::size_t(0)); // activityRef: only Sub
        QCOMPARE(count(r.log, "leave:Sub"), std::size_t(2));   // left again once compensated
        QVERIFY(pos("leave:UndoA") < pos("leave:Undo"));
        QVERIFY(in.state().compensations.empty());
    }

    /// A compensation event sub-process inside a sub-process is that sub-process's compensation
    /// handler (10.6): compensating the sub-process runs it, and a compensation throw inside it
    /// compensates what completed in the sub-process.
    void compensationEventSubProcessIsTheHandler()
    {
        auto r = compile(model(
            "<bpmn:startEvent id=\"S\" /><bpmn:subProcess id=\"Sub\"><bpmn:startEvent id=\"SS\" />" + compensableTask("A") +
            "<bpmn:endEvent id=\"SE\" />" + flow("s1", "SS", "A") + flow("s2", "A", "SE") +
            "<bpmn:subProcess id=\"Handler\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"HS\">"
            "<bpmn:compensateEventDefinition /></bpmn:startEvent><bpmn:serviceTask id=\"Notify\" />" +
            "<bpmn:intermediateThrowEvent id=\"UndoInside\"><bpmn:compensateEventDefinition activityRef=\"A\" />"
            "</bpmn:intermediateThrowEvent><bpmn:endEvent id=\"HE\" />" +
            flow("h1", "HS", "Notify") + flow("h2", "Notify", "UndoInside") + flow("h3", "UndoInside", "HE") +
            "</bpmn:subProcess></bpmn:subProcess>" + compensateEnd("Undo") + flow("f1", "S", "Sub") +
            flow("f2", "Sub", "Undo")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runUntilIdle();
        QVERIFY(in.completed() && !in.failed());
        auto pos = [&](const std::string& e) { return std::find(r.log.begin(), r.log.end(), e) - r.log.begin(); };
        QCOMPARE(count(r.log, "enter:Notify"), std::size_t(1));
        QCOMPARE(count(r.log, "enter:UndoA"), std::size_t(1));
        QVERIFY(pos("leave:Sub") < pos("enter:Handler"));
        QVERIFY(pos("leave:Notify") < pos("enter:UndoA"));
        QVERIFY(pos("leave:UndoA") < pos("leave:UndoInside"));
        QVERIFY(pos("leave:Handler") < pos("leave:Undo"));
    }

    /// Compensation in progress is part of the state: a snapshot taken while a handler waits
    /// resumes it the same way.
    void compensationInProgressSurvivesASnapshot()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" />" + compensableTask("A") + compensableTask("B") +
                               compensateEnd("Undo") + flow("f1", "S", "A") + flow("f2", "A", "B") +
                               flow("f3", "B", "Undo")));
        QVERIFY2(r.process, r.problems.c_str());
        struct SlowUndo : ConditionPolicy {
            WorkDecision work(const Instance& in, NodeIndex n) override
            {
                return in.process().node(n).id.rfind("Undo", 0) == 0 ? WorkDecision{WorkDecision::Kind::Take, 1h}
                                                                      : WorkDecision{};
            }
        } policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Undo", "UndoB"}));
        QCOMPARE(in.state().compensations.size(), std::size_t(1));
        const InstanceState mid = in.snapshot();
        in.runToEnd();
        QVERIFY(in.completed());
        QVERIFY(in.clock() == kT0 + 2h); // UndoB, then UndoA, an hour each
        in.restore(mid);
        r.log.clear();
        in.runToEnd();
        QVERIFY(in.completed());
        QVERIFY(in.clock() == kT0 + 2h);
        QCOMPARE(count(r.log, "enter:UndoA"), std::size_t(1));
        QCOMPARE(count(r.log, "enter:UndoB"), std::size_t(0)); // it was already running
    }

    // ---------------------------------------------------------------- the complex gateway

    /// 2 out of 3 (13.4.5): the gateway fires when the second token arrives, once; the third is
    /// consumed when it comes, without firing again, and the gateway is ready for the next round.
    void complexGatewayFiresOnceWhenItsConditionHolds()
    {
        auto r = compile(complexModel("=activationCount &gt;= 2"));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runUntilIdle();
        QVERIFY(in.completeTask("A"));
        in.runUntilIdle();
        QCOMPARE(count(r.log, "enter:X"), std::size_t(0)); // one token: the condition does not hold
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"B", "C", "G"}));
        QVERIFY(in.completeTask("C"));
        in.runUntilIdle();
        QCOMPARE(count(r.log, "enter:X"), std::size_t(1));
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"B"}));
        QCOMPARE(in.state().complexResets.size(), std::size_t(1)); // waiting for reset: B's token
        QVERIFY(in.completeTask("B"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(count(r.log, "enter:X"), std::size_t(1)); // B's token did not fire it again
        QCOMPARE(count(r.log, "enter:G"), std::size_t(3));
        QVERIFY(in.state().complexResets.empty()); // reset
    }

    /// The number of tokens on each incoming flow is there by the flow's id: here the gateway waits
    /// for A whatever else arrives, and takes B's token with it when it fires.
    void complexGatewaySeesTokensPerIncomingFlow()
    {
        auto r = compile(complexModel("=ja.activationCount = 1"));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runUntilIdle();
        QVERIFY(in.completeTask("B"));
        QVERIFY(in.completeTask("C"));
        in.runUntilIdle();
        QCOMPARE(count(r.log, "enter:X"), std::size_t(0));
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"A", "G", "G"}));
        QVERIFY(in.completeTask("A"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(count(r.log, "enter:X"), std::size_t(1));
        QVERIFY(in.state().complexResets.empty()); // every flow had its token: no reset to wait for
    }

    /// The gateway also resets when the token it waits for can no longer come (B ends elsewhere).
    void complexGatewayResetsWhenNoTokenCanCome()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:parallelGateway id=\"Fork\" />" + userTask("A") +
                               userTask("B") + "<bpmn:exclusiveGateway id=\"Choice\" default=\"toG\" />"
                               "<bpmn:complexGateway id=\"G\"><bpmn:activationCondition xsi:type=\"bpmn:tFormalExpression\">"
                               "=activationCount &gt;= 1</bpmn:activationCondition></bpmn:complexGateway>"
                               "<bpmn:serviceTask id=\"X\" /><bpmn:endEvent id=\"E\" /><bpmn:endEvent id=\"Elsewhere\" />" +
                               flow("f0", "S", "Fork") + flow("fa", "Fork", "A") + flow("fb", "Fork", "B") +
                               flow("ja", "A", "G") + flow("fc", "B", "Choice") +
                               flow("away", "Choice", "Elsewhere", "=away") + flow("toG", "Choice", "G") +
                               flow("fx", "G", "X") + flow("fe", "X", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start({}, Variables{{"away", true}}));
        in.runUntilIdle();
        QVERIFY(in.completeTask("A"));
        in.runUntilIdle();
        QCOMPARE(count(r.log, "enter:X"), std::size_t(1));
        QCOMPARE(in.state().complexResets.size(), std::size_t(1)); // B may still come
        QVERIFY(in.completeTask("B"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(count(r.log, "enter:Elsewhere"), std::size_t(1));
        QVERIFY(in.state().complexResets.empty());
    }

    /// A condition that cannot be evaluated is an incident at the gateway.
    void complexGatewayConditionErrorIsAnIncident()
    {
        auto r = compile(complexModel("=noSuchVariable &gt; 1"));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        QVERIFY(in.start());
        in.runUntilIdle();
        QVERIFY(in.completeTask("A"));
        in.runUntilIdle();
        QVERIFY(in.failed());
        QVERIFY2(in.incidents()[0].find("'G'") != std::string::npos, in.incidents()[0].c_str());
        QVERIFY2(in.incidents()[0].find("activation condition") != std::string::npos, in.incidents()[0].c_str());
    }

    /// Without an activation condition a complex gateway joins as an inclusive gateway does: it
    /// waits while a token can still arrive (13.4.3), then fires once for all of them.
    void complexGatewayWithoutConditionJoinsLikeInclusive()
    {
        auto r = compile(complexModel(""));
        QVERIFY2(r.process, r.problems.c_str());
        QVERIFY(!r.process->node(r.process->nodeIndex("G")).activation);
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runUntilIdle();
        QVERIFY(in.completeTask("A"));
        QVERIFY(in.completeTask("B"));
        in.runUntilIdle();
        QCOMPARE(count(r.log, "enter:X"), std::size_t(0)); // C can still come
        QVERIFY(in.completeTask("C"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(count(r.log, "enter:X"), std::size_t(1));
        QVERIFY(in.state().complexResets.empty());
    }

    /// An activation condition that cannot be read stops the compilation, naming the gateway.
    void complexGatewayUnreadableConditionIsRefused()
    {
        auto r = compile(complexModel("=activationCount &gt;="));
        QVERIFY(!r.process);
        QVERIFY2(r.problems.find("'G'") != std::string::npos, r.problems.c_str());
        QVERIFY2(r.problems.find("activation condition") != std::string::npos, r.problems.c_str());
    }

    // ---------------------------------------------------------------- the timer heap

    /// A thousand user tasks, each with a non-interrupting boundary timer that repeats five times
    /// with its own period (many fall due at the same second): the timers fire in the order of a
    /// plain reference model that scans every pending timer for the earliest (ties: armed first).
    void timerHeapFiresThousandsOfTimersInOrder()
    {
        constexpr int kTasks = 1000;
        constexpr int kRepeat = 5;
        std::vector<int> period(kTasks);
        std::string body = "<bpmn:startEvent id=\"S\" /><bpmn:parallelGateway id=\"Fork\" />\n" + flow("f0", "S", "Fork");
        for (int i = 0; i < kTasks; ++i) {
            period[static_cast<std::size_t>(i)] = 1 + (i * 37) % 97;
            const std::string n = std::to_string(i);
            body += userTask("U" + n) +
                    boundary("B" + n, "U" + n,
                             timer("timeCycle", "R" + std::to_string(kRepeat) + "/PT" +
                                                    std::to_string(period[static_cast<std::size_t>(i)]) + "S"),
                             false) +
                    "<bpmn:endEvent id=\"E" + n + "\" />\n" + flow("fu" + n, "Fork", "U" + n) +
                    flow("fb" + n, "B" + n, "E" + n);
        }
        auto r = compile(model(body));
        QVERIFY2(r.process, r.problems.c_str());

        // The reference: every pending timer (due, arming number, task), the earliest taken by a scan.
        struct Pending {
            TimePoint due;
            std::uint64_t seq;
            int task;
            int fired;
        };
        std::vector<Pending> pending;
        std::uint64_t seq = 0;
        for (int i = 0; i < kTasks; ++i)
            pending.push_back({kT0 + std::chrono::seconds(period[static_cast<std::size_t>(i)]), ++seq, i, 0});
        std::vector<std::pair<TimePoint, std::string>> expected;
        while (!pending.empty()) {
            auto first = std::min_element(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
                return a.due < b.due || (a.due == b.due && a.seq < b.seq);
            });
            expected.emplace_back(first->due, "B" + std::to_string(first->task));
            if (++first->fired < kRepeat) {
                first->due += std::chrono::seconds(period[static_cast<std::size_t>(first->task)]);
                first->seq = ++seq;
            } else {
                pending.erase(first);
            }
        }
        QCOMPARE(expected.size(), std::size_t(kTasks * kRepeat));

        Instance in(r.process, nullptr, kT0);
        std::vector<std::pair<TimePoint, std::string>> fired;
        in.setObserver([&](const TraceEvent& e) {
            if (e.kind == TraceEvent::Kind::TimerFired)
                fired.emplace_back(e.time, r.process->node(e.node).id);
        });
        QVERIFY(in.start());
        in.runUntilIdle();
        QCOMPARE(activeTimers(in), std::size_t(kTasks));
        // Half way, a snapshot: the rest fires the same way from it again.
        for (int i = 0; i < kTasks * kRepeat / 2; ++i) {
            QVERIFY(in.advanceToNextTimer());
            in.runUntilIdle();
        }
        const InstanceState half = in.snapshot();
        const std::size_t firedAtHalf = fired.size();
        in.runToEnd();
        QVERIFY(!in.failed());
        QVERIFY(fired == expected);
        QVERIFY(in.clock() == expected.back().first);
        QVERIFY(!in.nextTimerDue());
        QCOMPARE(activeTimers(in), std::size_t(0));
        QCOMPARE(in.waitingAt().size(), std::size_t(kTasks)); // the user tasks still wait
        // Every timer armed got its own id, yet the inactive ones did not pile up.
        QCOMPARE(in.state().nextWait, std::uint32_t(kTasks * kRepeat + 1));
        QVERIFY2(in.state().waits.size() <= 2 * kTasks + 64, std::to_string(in.state().waits.size()).c_str());
        QVERIFY(in.state().timerHeap.size() <= in.state().waits.size());

        in.restore(half);
        fired.resize(firedAtHalf);
        in.runToEnd();
        QVERIFY(fired == expected);
    }

    /// Ids stay valid when the inactive subscriptions are dropped: a task's boundary timer, armed
    /// after many others came and went, is still found and fires; a disarmed one never does.
    void waitIdsSurviveCompaction()
    {
        // A loop: the task waits 1 minute (timed work) with a boundary timer of 1 hour, 200 times.
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:task id=\"A\">"
                               "<bpmn:standardLoopCharacteristics loopMaximum=\"200\" /></bpmn:task>" +
                               boundary("T", "A", timer("timeDuration", "PT1H")) +
                               "<bpmn:endEvent id=\"E\" /><bpmn:endEvent id=\"Late\" />" + flow("f1", "S", "A") +
                               flow("f2", "A", "E") + flow("f3", "T", "Late")));
        QVERIFY2(r.process, r.problems.c_str());
        struct Minute : ConditionPolicy {
            WorkDecision work(const Instance&, NodeIndex) override { return {WorkDecision::Kind::Take, 1min}; }
        } policy;
        Instance in(r.process, &policy, kT0);
        record(r, in, true);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY2(in.completed() && !in.failed(), in.incidents().empty() ? "" : in.incidents()[0].c_str());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("E"));
        QCOMPARE(count(r.log, "timer:T"), std::size_t(0));
        QVERIFY(in.clock() == kT0 + 200min);
        QVERIFY(in.state().nextWait > 200);
        QVERIFY2(in.state().waits.size() < 100, std::to_string(in.state().waits.size()).c_str());
    }
};

RUNWAY_TEST_MAIN(TestEngineSemantics, cancelEndCompensatesAndLeavesThroughCancelBoundary,
                 cancelCompensatesOnlyCompletedWork, cancelledTransactionWithoutBoundaryEnds,
                 cancelEndOutsideTransactionIsAnIncident, completedSubProcessCompensatesItsInside,
                 compensationEventSubProcessIsTheHandler, compensationInProgressSurvivesASnapshot,
                 complexGatewayFiresOnceWhenItsConditionHolds,
                 complexGatewaySeesTokensPerIncomingFlow, complexGatewayResetsWhenNoTokenCanCome,
                 complexGatewayConditionErrorIsAnIncident, complexGatewayWithoutConditionJoinsLikeInclusive,
                 complexGatewayUnreadableConditionIsRefused, timerHeapFiresThousandsOfTimersInOrder, waitIdsSurviveCompaction)
#ifndef RUNWAY_NO_QT
#include "tst_engine_semantics.moc"
#endif
