// The execution engine on small processes: token flow, gateways, timers in virtual time, boundary
// events, errors, compensation, guards, and stepping back through snapshots.
#include "RunwayTest.h"
#include "EngineRun.h"
#include "tst_engine_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/engine/Instance.h"

#include <chrono>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::engine;
using namespace std::chrono_literals;

namespace {

using Run = runway::test::EngineRun;
using runway::test::compile;
using runway::test::record;

bool has(const std::vector<std::string>& log, const std::string& entry)
{
    return std::find(log.begin(), log.end(), entry) != log.end();
}

/// Work on named tasks takes virtual time; everything else completes at once.
struct Durations : ConditionPolicy {
    std::vector<std::pair<std::string, std::chrono::milliseconds>> durations;
    WorkDecision work(const Instance& in, NodeIndex n) override
    {
        for (const auto& [id, d] : durations)
            if (in.process().node(n).id == id)
                return {WorkDecision::Kind::Take, d};
        return {};
    }
};

const TimePoint kT0 = TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch());

} // namespace

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    void sequenceRunsToTheEnd()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:serviceTask id=\"A\" /><bpmn:task id=\"B\" />"
                               "<bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "A") + flow("f2", "A", "B") + flow("f3", "B", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY(in.completed());
        QVERIFY(!in.failed());
        const std::vector<std::string> expected{"enter:S", "leave:S", "enter:A", "leave:A", "enter:B",
                                                "leave:B", "enter:E", "leave:E"};
        QCOMPARE(r.log, expected);
        QCOMPARE(in.state().endedAt, r.process->nodeIndex("E"));
        QVERIFY(in.clock() == kT0);
    }

    void exclusiveGatewayFollowsConditionsOrDefault()
    {
        auto xml = model("<bpmn:startEvent id=\"S\" /><bpmn:exclusiveGateway id=\"G\" default=\"fLow\" />"
                         "<bpmn:endEvent id=\"Big\" /><bpmn:endEvent id=\"Small\" />" +
                         flow("f1", "S", "G") + flow("fBig", "G", "Big", "=amount &gt; 1000") + flow("fLow", "G", "Small"));
        auto r = compile(xml);
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        for (const auto& [amount, end] : {std::pair<double, std::string>{5000, "Big"}, {10, "Small"}}) {
            Instance in(r.process, &policy, kT0);
            QVERIFY(in.start({}, Variables{{"amount", amount}}));
            in.runToEnd();
            QVERIFY(in.completed());
            QCOMPARE(r.process->node(in.state().endedAt).id, end);
        }
        // An unknown variable is a located incident, not a crash.
        Instance in(r.process, &policy, kT0);
        in.start();
        in.runToEnd();
        QVERIFY(in.failed());
        QVERIFY2(in.incidents()[0].find("'G'") != std::string::npos, in.incidents()[0].c_str());
        QVERIFY2(in.incidents()[0].find("amount") != std::string::npos, in.incidents()[0].c_str());
    }

    void parallelForkAndJoin()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:parallelGateway id=\"Fork\" />"
                               "<bpmn:userTask id=\"A\" /><bpmn:userTask id=\"B\" /><bpmn:parallelGateway id=\"Join\" />"
                               "<bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "Fork") + flow("fa", "Fork", "A") + flow("fb", "Fork", "B") +
                               flow("ja", "A", "Join") + flow("jb", "B", "Join") + flow("fe", "Join", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"A", "B"}));
        QVERIFY(in.completeTask("A"));
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"B", "Join"}));
        QVERIFY(!in.completed());
        QVERIFY(in.completeTask("B"));
        in.runUntilIdle();
        QVERIFY(in.completed());
        QCOMPARE(std::count(r.log.begin(), r.log.end(), std::string("enter:E")), std::ptrdiff_t(1));
    }

    void inclusiveJoinWaitsOnlyForTokensThatCanArrive()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:inclusiveGateway id=\"Fork\" />"
                               "<bpmn:userTask id=\"A\" /><bpmn:userTask id=\"B\" /><bpmn:userTask id=\"C\" />"
                               "<bpmn:inclusiveGateway id=\"Join\" /><bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "Fork") + flow("fa", "Fork", "A", "=a") + flow("fb", "Fork", "B", "=b") +
                               flow("fc", "Fork", "C", "=c") + flow("ja", "A", "Join") + flow("jb", "B", "Join") +
                               flow("jc", "C", "Join") + flow("fe", "Join", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"a", true}, {"b", false}, {"c", true}});
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"A", "C"}));
        in.completeTask("A");
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"C", "Join"})); // C can still arrive
        in.completeTask("C");
        in.runUntilIdle();
        QVERIFY(in.completed()); // B was never started, so nothing waits for it
    }

    void timersMoveTheVirtualClock()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:intermediateCatchEvent id=\"W\">" +
                               timer("timeDuration", "PT15M") +
                               "</bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id=\"At\">" +
                               timer("timeDate", "2026-01-02T08:00:00+02:00") +
                               "</bpmn:intermediateCatchEvent><bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "W") + flow("f2", "W", "At") + flow("f3", "At", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start();
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"W"});
        QVERIFY(in.nextTimerDue() == kT0 + 15min);
        QVERIFY(in.advanceToNextTimer());
        QVERIFY(in.clock() == kT0 + 15min);
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"At"});
        in.advanceBy(std::chrono::hours(2));
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"At"}); // not yet due
        QVERIFY(in.clock() == kT0 + 2h + 15min);
        in.runToEnd();
        QVERIFY(in.completed());
        QVERIFY(in.clock() == kT0 + 24h + 6h); // 08:00 at +02:00 is 06:00 UTC
    }

    void timerValuesFromExpressions()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:intermediateCatchEvent id=\"W\">" +
                               timer("timeDuration", "=wait") +
                               "</bpmn:intermediateCatchEvent><bpmn:endEvent id=\"E\" />" + flow("f1", "S", "W") +
                               flow("f2", "W", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"wait", "PT45M"}});
        in.runToEnd();
        QVERIFY(in.completed());
        QVERIFY(in.clock() == kT0 + 45min);
        Instance wrong(r.process, &policy, kT0);
        wrong.start({}, Variables{{"wait", 45}});
        wrong.runToEnd();
        QVERIFY(wrong.failed());
        QVERIFY2(wrong.incidents()[0].find("gives 45, not an ISO 8601 text") != std::string::npos, wrong.incidents()[0].c_str());
        Instance bad(r.process, &policy, kT0);
        bad.start({}, Variables{{"wait", "45 minutes"}});
        bad.runToEnd();
        QVERIFY(bad.failed());
        QVERIFY2(bad.incidents()[0].find("'W'") != std::string::npos, bad.incidents()[0].c_str());
    }

    void conditionalEventsFireWhenTheirConditionBecomesTrue()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:intermediateCatchEvent id=\"Wait\">"
                               "<bpmn:conditionalEventDefinition><bpmn:condition xsi:type=\"bpmn:tFormalExpression\">"
                               "=stock &gt; 0</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>"
                               "<bpmn:userTask id=\"Pack\" /><bpmn:boundaryEvent id=\"Rush\" cancelActivity=\"false\" "
                               "attachedToRef=\"Pack\"><bpmn:conditionalEventDefinition><bpmn:condition "
                               "xsi:type=\"bpmn:tFormalExpression\">=priority = \"high\"</bpmn:condition>"
                               "</bpmn:conditionalEventDefinition></bpmn:boundaryEvent><bpmn:endEvent id=\"E\" />"
                               "<bpmn:endEvent id=\"Told\" />" +
                               flow("f1", "S", "Wait") + flow("f2", "Wait", "Pack") + flow("f3", "Pack", "E") +
                               flow("f4", "Rush", "Told")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start({}, Variables{{"stock", 0}, {"priority", "low"}});
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"Wait"});
        in.setVariables(Variables{{"stock", 5}});
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"Pack"});
        in.setVariables(Variables{{"priority", "high"}});
        in.runUntilIdle();
        in.setVariables(Variables{{"priority", "high"}}); // still true: no second firing
        in.runUntilIdle();
        QCOMPARE(std::count(r.log.begin(), r.log.end(), std::string("enter:Told")), std::ptrdiff_t(1));
        in.setVariables(Variables{{"priority", "low"}});
        in.setVariables(Variables{{"priority", "high"}}); // false, then true again: fires again
        in.runUntilIdle();
        QCOMPARE(std::count(r.log.begin(), r.log.end(), std::string("enter:Told")), std::ptrdiff_t(2));
        QVERIFY(in.completeTask("Pack"));
        in.runToEnd();
        QVERIFY(in.completed());
    }

    void interruptingBoundaryTimerIsATimeout()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:serviceTask id=\"Call\" />"
                               "<bpmn:boundaryEvent id=\"Timeout\" attachedToRef=\"Call\">" +
                               timer("timeDuration", "PT30S") +
                               "</bpmn:boundaryEvent><bpmn:endEvent id=\"Done\" /><bpmn:endEvent id=\"TimedOut\" />" +
                               flow("f1", "S", "Call") + flow("f2", "Call", "Done") + flow("f3", "Timeout", "TimedOut")));
        QVERIFY2(r.process, r.problems.c_str());
        Durations slow;
        slow.durations = {{"Call", 2min}};
        Instance in(r.process, &slow, kT0);
        record(r, in);
        in.start();
        in.runToEnd();
        QVERIFY(in.completed());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("TimedOut"));
        QVERIFY(in.clock() == kT0 + 30s);
        QVERIFY(has(r.log, "cancel:Call"));
        QVERIFY(!has(r.log, "leave:Call"));
        Durations fast;
        fast.durations = {{"Call", 10s}};
        Instance quick(r.process, &fast, kT0);
        quick.start();
        quick.runToEnd();
        QCOMPARE(r.process->node(quick.state().endedAt).id, std::string("Done"));
        QVERIFY(quick.clock() == kT0 + 10s);
        QVERIFY(!quick.nextTimerDue().has_value()); // the timeout was cancelled with the task
    }

    void nonInterruptingCycleTimerRepeats()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:userTask id=\"Approve\" />"
                               "<bpmn:boundaryEvent id=\"Remind\" cancelActivity=\"false\" attachedToRef=\"Approve\">" +
                               timer("timeCycle", "R3/PT10M") +
                               "</bpmn:boundaryEvent><bpmn:endEvent id=\"Done\" /><bpmn:endEvent id=\"Reminded\" />" +
                               flow("f1", "S", "Approve") + flow("f2", "Approve", "Done") + flow("f3", "Remind", "Reminded")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.advanceBy(1h);
        QCOMPARE(std::count(r.log.begin(), r.log.end(), std::string("enter:Reminded")), std::ptrdiff_t(3));
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"Approve"}); // still running
        QVERIFY(in.completeTask("Approve"));
        in.runToEnd();
        QVERIFY(in.completed());
    }

    void errorsFindTheNearestCatch()
    {
        const std::string errors = "<bpmn:error id=\"Err\" errorCode=\"PAYMENT_FAILED\" />\n"
                                   "<bpmn:error id=\"Other\" errorCode=\"OTHER\" />\n";
        auto r = compile(model(
            "<bpmn:startEvent id=\"S\" /><bpmn:subProcess id=\"Sub\"><bpmn:startEvent id=\"SS\" />"
            "<bpmn:userTask id=\"Pay\" /><bpmn:endEvent id=\"SE\" />" +
                flow("s1", "SS", "Pay") + flow("s2", "Pay", "SE") +
                "</bpmn:subProcess><bpmn:boundaryEvent id=\"Caught\" attachedToRef=\"Sub\">"
                "<bpmn:errorEventDefinition errorRef=\"Err\" /></bpmn:boundaryEvent>"
                "<bpmn:endEvent id=\"Ok\" /><bpmn:endEvent id=\"Failed\" />" +
                flow("f1", "S", "Sub") + flow("f2", "Sub", "Ok") + flow("f3", "Caught", "Failed"),
            errors));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.runUntilIdle();
        QVERIFY(in.failActivity("Pay", "PAYMENT_FAILED"));
        in.runToEnd();
        QVERIFY(in.completed());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("Failed"));
        QVERIFY(has(r.log, "cancel:Sub"));
        // An error no one catches is an incident naming the path.
        Instance other(r.process, &policy, kT0);
        other.start();
        other.runUntilIdle();
        other.failActivity("Pay", "OTHER");
        QVERIFY(other.failed());
        QVERIFY2(other.incidents()[0].find("'OTHER' was not caught") != std::string::npos, other.incidents()[0].c_str());
        QVERIFY2(other.incidents()[0].find("Pay in Sub") != std::string::npos, other.incidents()[0].c_str());
    }

    void eventBasedGatewayFirstEventWins()
    {
        const std::string messages = "<bpmn:message id=\"M\" name=\"pizzaDelivered\" />\n";
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:eventBasedGateway id=\"G\" />"
                               "<bpmn:intermediateCatchEvent id=\"Delivered\"><bpmn:messageEventDefinition messageRef=\"M\" />"
                               "</bpmn:intermediateCatchEvent><bpmn:intermediateCatchEvent id=\"Hour\">" +
                                   timer("timeDuration", "PT60M") +
                                   "</bpmn:intermediateCatchEvent><bpmn:endEvent id=\"Eat\" /><bpmn:endEvent id=\"Call\" />" +
                                   flow("f1", "S", "G") + flow("f2", "G", "Delivered") + flow("f3", "G", "Hour") +
                                   flow("f4", "Delivered", "Eat") + flow("f5", "Hour", "Call"),
                               messages));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start();
        in.advanceBy(20min);
        QVERIFY(in.correlateMessage("pizzaDelivered"));
        in.runToEnd();
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("Eat"));
        QVERIFY(in.clock() == kT0 + 20min); // the hour's timer was withdrawn
        Instance late(r.process, &policy, kT0);
        late.start();
        late.runToEnd();
        QCOMPARE(r.process->node(late.state().endedAt).id, std::string("Call"));
        QVERIFY(late.clock() == kT0 + 60min);
        QVERIFY(!late.correlateMessage("pizzaDelivered")); // nothing waits any more
    }

    void compensationUndoesInReverseOrder()
    {
        std::string body = "<bpmn:startEvent id=\"S\" />";
        for (const char* step : {"Flight", "Hotel", "Car"})
            body += std::string("<bpmn:serviceTask id=\"Book") + step + "\" />"
                    "<bpmn:boundaryEvent id=\"Comp" + step + "\" attachedToRef=\"Book" + step +
                    "\"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>"
                    "<bpmn:serviceTask id=\"Cancel" + step + "\" isForCompensation=\"true\" />"
                    "<bpmn:association id=\"A" + step + "\" associationDirection=\"One\" sourceRef=\"Comp" + step +
                    "\" targetRef=\"Cancel" + step + "\" />";
        body += "<bpmn:serviceTask id=\"Pay\" /><bpmn:boundaryEvent id=\"PayFailed\" attachedToRef=\"Pay\">"
                "<bpmn:errorEventDefinition /></bpmn:boundaryEvent>"
                "<bpmn:intermediateThrowEvent id=\"Undo\"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>"
                "<bpmn:endEvent id=\"Booked\" /><bpmn:endEvent id=\"Cancelled\" />" +
                flow("f1", "S", "BookFlight") + flow("f2", "BookFlight", "BookHotel") + flow("f3", "BookHotel", "BookCar") +
                flow("f4", "BookCar", "Pay") + flow("f5", "Pay", "Booked") + flow("f6", "PayFailed", "Undo") +
                flow("f7", "Undo", "Cancelled");
        auto r = compile(model(body));
        QVERIFY2(r.process, r.problems.c_str());
        struct PayWaits : ConditionPolicy {
            WorkDecision work(const Instance& in, NodeIndex n) override
            {
                return in.process().node(n).id == "Pay" ? WorkDecision{WorkDecision::Kind::Wait, {}} : WorkDecision{};
            }
        } policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"Pay"});
        QVERIFY(in.failActivity("Pay", "CARD_DECLINED")); // caught by the catch-all boundary
        in.runToEnd();
        QVERIFY(in.completed());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("Cancelled"));
        std::vector<std::string> undone;
        for (const auto& e : r.log)
            if (e.rfind("enter:Cancel", 0) == 0)
                undone.push_back(e.substr(6));
        QCOMPARE(undone, (std::vector<std::string>{"CancelCar", "CancelHotel", "CancelFlight", "Cancelled"}));
    }

    void runawayLoopStopsWithAnIncident()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:exclusiveGateway id=\"G\" /><bpmn:task id=\"Spin\" />" +
                               flow("f1", "S", "G") + flow("f2", "G", "Spin") + flow("f3", "Spin", "G")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.setLimits(1000, 100);
        in.start();
        in.runToEnd();
        QVERIFY(in.failed());
        QVERIFY2(in.incidents()[0].find("loops without waiting") != std::string::npos, in.incidents()[0].c_str());
    }

    void terminateEndsEverything()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:parallelGateway id=\"F\" /><bpmn:userTask id=\"Slow\" />"
                               "<bpmn:endEvent id=\"Stop\"><bpmn:terminateEventDefinition /></bpmn:endEvent>" +
                               flow("f1", "S", "F") + flow("f2", "F", "Slow") + flow("f3", "F", "Stop")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start();
        in.runToEnd();
        QVERIFY(in.completed());
        QVERIFY(in.waitingAt().empty());
    }

    void signalsAndLinks()
    {
        const std::string signalDefs = "<bpmn:signal id=\"Sig\" name=\"storm\" />\n";
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:intermediateCatchEvent id=\"Wait\">"
                               "<bpmn:signalEventDefinition signalRef=\"Sig\" /></bpmn:intermediateCatchEvent>"
                               "<bpmn:intermediateThrowEvent id=\"Go\"><bpmn:linkEventDefinition name=\"L\" /></bpmn:intermediateThrowEvent>"
                               "<bpmn:intermediateCatchEvent id=\"Land\"><bpmn:linkEventDefinition name=\"L\" /></bpmn:intermediateCatchEvent>"
                               "<bpmn:endEvent id=\"E\" />" +
                                   flow("f1", "S", "Wait") + flow("f2", "Wait", "Go") + flow("f3", "Land", "E"),
                               signalDefs));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start();
        in.runUntilIdle();
        QCOMPARE(in.broadcastSignal("calm"), 0);
        QCOMPARE(in.broadcastSignal("storm"), 1);
        in.runToEnd();
        QVERIFY(in.completed());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("E"));
    }

    void eventSubProcesses()
    {
        const std::string defs = "<bpmn:message id=\"Where\" name=\"whereIsMyPizza\" />\n"
                                 "<bpmn:error id=\"Burnt\" errorCode=\"BURNT\" />\n";
        auto r = compile(model(
            "<bpmn:startEvent id=\"S\" /><bpmn:userTask id=\"Bake\" /><bpmn:endEvent id=\"E\" />" +
                flow("f1", "S", "Bake") + flow("f2", "Bake", "E") +
                // non-interrupting: each question gets an answer while the baking goes on
                "<bpmn:subProcess id=\"Ask\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"AskStart\" isInterrupting=\"false\">"
                "<bpmn:messageEventDefinition messageRef=\"Where\" /></bpmn:startEvent><bpmn:sendTask id=\"Calm\" />"
                "<bpmn:endEvent id=\"AskEnd\" />" +
                flow("a1", "AskStart", "Calm") + flow("a2", "Calm", "AskEnd") +
                "</bpmn:subProcess>"
                // interrupting: an error anywhere in the process ends it here
                "<bpmn:subProcess id=\"Oops\" triggeredByEvent=\"true\"><bpmn:startEvent id=\"OopsStart\">"
                "<bpmn:errorEventDefinition errorRef=\"Burnt\" /></bpmn:startEvent><bpmn:endEvent id=\"OopsEnd\" />" +
                flow("o1", "OopsStart", "OopsEnd") + "</bpmn:subProcess>",
            defs));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.runUntilIdle();
        QVERIFY(in.correlateMessage("whereIsMyPizza"));
        in.runUntilIdle();
        QVERIFY(in.correlateMessage("whereIsMyPizza")); // still subscribed: non-interrupting
        in.runUntilIdle();
        QCOMPARE(std::count(r.log.begin(), r.log.end(), std::string("leave:Calm")), std::ptrdiff_t(2));
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"Bake"});
        QVERIFY(in.failActivity("Bake", "BURNT"));
        in.runToEnd();
        QVERIFY2(in.completed(), in.failed() ? in.incidents()[0].c_str() : "not completed");
        QVERIFY(has(r.log, "cancel:Bake"));
        QVERIFY(has(r.log, "enter:OopsEnd"));
        QVERIFY(!in.correlateMessage("whereIsMyPizza")); // the subscription ended with the process
        // Without the error, the process ends normally and the event sub-processes stop listening.
        Instance calm(r.process, &policy, kT0);
        calm.start();
        calm.runUntilIdle();
        calm.completeTask("Bake");
        calm.runToEnd();
        QVERIFY(calm.completed());
        QCOMPARE(r.process->node(calm.state().endedAt).id, std::string("E"));
    }

    void standardLoops()
    {
        // test after: runs until the condition fails, at most loopMaximum times
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:task id=\"Try\"><bpmn:standardLoopCharacteristics "
                               "loopMaximum=\"5\"><bpmn:loopCondition xsi:type=\"bpmn:tFormalExpression\">=loopCounter &lt; 3"
                               "</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:task><bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "Try") + flow("f2", "Try", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.runToEnd();
        QVERIFY2(in.completed(), in.failed() ? in.incidents()[0].c_str() : "");
        QCOMPARE(std::count(r.log.begin(), r.log.end(), std::string("enter:Try")), std::ptrdiff_t(3));
        // test before with a false condition: the activity does not run at all
        auto b = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:task id=\"Try\"><bpmn:standardLoopCharacteristics "
                               "testBefore=\"true\"><bpmn:loopCondition xsi:type=\"bpmn:tFormalExpression\">=false"
                               "</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:task><bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "Try") + flow("f2", "Try", "E")));
        QVERIFY2(b.process, b.problems.c_str());
        Instance never(b.process, &policy, kT0);
        never.start();
        never.runToEnd();
        QVERIFY(never.completed());
        QCOMPARE(never.variables().find("loopCounter"), static_cast<const Value*>(nullptr));
    }

    void multiInstanceActivities()
    {
        const std::string zeebe = "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" ";
        auto parallel = compile(model(
            "<bpmn:startEvent id=\"S\" /><bpmn:userTask id=\"Review\"><bpmn:multiInstanceLoopCharacteristics>"
            "<bpmn:loopCardinality xsi:type=\"bpmn:tFormalExpression\">=reviewers</bpmn:loopCardinality>"
            "<bpmn:completionCondition xsi:type=\"bpmn:tFormalExpression\">=numberOfCompletedInstances &gt;= 2"
            "</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>"
            "<bpmn:boundaryEvent id=\"Late\" attachedToRef=\"Review\">" +
            timer("timeDuration", "P2D") + "</bpmn:boundaryEvent><bpmn:endEvent id=\"E\" /><bpmn:endEvent id=\"TooLate\" />" +
            flow("f1", "S", "Review") + flow("f2", "Review", "E") + flow("f3", "Late", "TooLate")));
        QVERIFY2(parallel.process, parallel.problems.c_str());
        ConditionPolicy policy;
        Instance in(parallel.process, &policy, kT0);
        in.start({}, Variables{{"reviewers", 3}});
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Review", "Review", "Review"}));
        QVERIFY(in.completeTask("Review"));
        in.runUntilIdle();
        QCOMPARE(in.waitingAt().size(), std::size_t(2));
        QVERIFY(in.completeTask("Review")); // two of three: the completion condition holds
        in.runToEnd();
        QVERIFY2(in.completed(), in.failed() ? in.incidents()[0].c_str() : "");
        QCOMPARE(parallel.process->node(in.state().endedAt).id, std::string("E"));
        QVERIFY(in.clock() == kT0); // the boundary timer went with the activity
        // A boundary event interrupts the activity as a whole.
        Instance late(parallel.process, &policy, kT0);
        late.start({}, Variables{{"reviewers", 3}});
        late.runToEnd();
        QCOMPARE(parallel.process->node(late.state().endedAt).id, std::string("TooLate"));
        QVERIFY(late.waitingAt().empty());

        // sequential over an input collection (Camunda 8's zeebe:loopCharacteristics)
        std::string xml = model("<bpmn:startEvent id=\"S\" /><bpmn:serviceTask id=\"Notify\"><bpmn:multiInstanceLoopCharacteristics "
                                "isSequential=\"true\"><bpmn:extensionElements><zeebe:loopCharacteristics "
                                "inputCollection=\"=passengers\" inputElement=\"passenger\" /></bpmn:extensionElements>"
                                "</bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask><bpmn:endEvent id=\"E\" />" +
                                flow("f1", "S", "Notify") + flow("f2", "Notify", "E"));
        xml.insert(xml.find("id=\"D\""), zeebe);
        auto seq = compile(xml);
        QVERIFY2(seq.process, seq.problems.c_str());
        Durations slow;
        slow.durations = {{"Notify", 1min}};
        Instance s(seq.process, &slow, kT0);
        record(seq, s);
        s.start({}, Variables{{"passengers", Value(List{Value("Ada"), Value("Grace"), Value("Alan")})}});
        s.runToEnd();
        QVERIFY2(s.completed(), s.failed() ? s.incidents()[0].c_str() : "");
        QVERIFY(s.clock() == kT0 + 3min); // one after another
        // Each instance's item is a local variable of that instance, not a process variable.
        QCOMPARE(s.variables().find("passenger"), static_cast<const Value*>(nullptr));
        QCOMPARE(std::count(seq.log.begin(), seq.log.end(), std::string("enter:Notify")), std::ptrdiff_t(4)); // the activity and 3 instances
    }

    void stepBackRestoresTheExactState()
    {
        auto r = compile(model("<bpmn:startEvent id=\"S\" /><bpmn:intermediateCatchEvent id=\"W\">" +
                               timer("timeDuration", "PT1H") + "</bpmn:intermediateCatchEvent><bpmn:userTask id=\"U\" />"
                               "<bpmn:endEvent id=\"E\" />" +
                               flow("f1", "S", "W") + flow("f2", "W", "U") + flow("f3", "U", "E")));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"x", 1}});
        std::vector<InstanceState> history{in.snapshot()};
        while (in.step())
            history.push_back(in.snapshot());
        in.advanceToNextTimer();
        while (in.step())
            history.push_back(in.snapshot());
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"U"});
        QVERIFY(in.clock() == kT0 + 1h);
        // Back to the start: the same waits, clock and variables; then forward again, the same way.
        in.restore(history.front());
        QVERIFY(in.clock() == kT0);
        QVERIFY(in.waitingAt() == std::vector<std::string>{"S"});
        QVERIFY(in.variables() == (Variables{{"x", 1}}));
        std::size_t i = 1;
        while (in.step()) {
            QVERIFY(i < history.size());
            const InstanceState& now = in.state();
            const InstanceState& then = history[i];
            QCOMPARE(now.tokens.size(), then.tokens.size());
            for (std::size_t k = 0; k < now.tokens.size(); ++k) {
                QCOMPARE(now.tokens[k].node, then.tokens[k].node);
                QVERIFY(now.tokens[k].state == then.tokens[k].state);
            }
            QCOMPARE(now.agenda.size(), then.agenda.size());
            QVERIFY(now.clock == then.clock);
            ++i;
        }
        in.advanceToNextTimer();
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"U"});
        QVERIFY(in.clock() == kT0 + 1h);
    }
};

RUNWAY_TEST_MAIN(TestEngine, sequenceRunsToTheEnd, exclusiveGatewayFollowsConditionsOrDefault, parallelForkAndJoin,
                 inclusiveJoinWaitsOnlyForTokensThatCanArrive, timersMoveTheVirtualClock, timerValuesFromExpressions,
                 conditionalEventsFireWhenTheirConditionBecomesTrue,
                 interruptingBoundaryTimerIsATimeout, nonInterruptingCycleTimerRepeats, errorsFindTheNearestCatch,
                 eventBasedGatewayFirstEventWins, compensationUndoesInReverseOrder, runawayLoopStopsWithAnIncident,
                 terminateEndsEverything, signalsAndLinks, eventSubProcesses, standardLoops, multiInstanceActivities,
                 stepBackRestoresTheExactState)
#ifndef RUNWAY_NO_QT
#include "tst_engine.moc"
#endif
