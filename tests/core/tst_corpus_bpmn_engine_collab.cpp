// bpmn-engine's collaboration models run on Runway: the behaviours its feature tests describe
// (feature-scenarios.json: call-activity-feature.js, Engine-feature.js "A definition with lanes",
// multiple-sources-feature.js), with the ends derived from reading each model. The models are read
// from the shared corpus, never copied; edits for a variant (a call activity that calls nothing, a
// multi-instance call) are made in memory.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/engine/Conformance.h"
#include "runway/core/engine/Instance.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::engine;
using runway::test::corpusDir;

namespace {

const TimePoint kT0 = TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch());

std::unique_ptr<Document> readModel(const std::string& name)
{
    auto r = BpmnReader::readFile(corpusDir() + "/bpmn-engine/resources/" + name);
    return std::move(r.document);
}

struct Log {
    std::vector<std::string>
        entries; ///< "enter:X@instance", "leave:X@instance", "cancel:X@instance", "start:X@instance"
    void attach(Instance& in, const CompiledProcess& p)
    {
        in.setObserver([this, &p](const TraceEvent& e) {
            const std::string at = e.node == kNoNode ? std::string("-") : p.node(e.node).id;
            const std::string where = "@" + std::to_string(e.instance);
            switch (e.kind) {
            case TraceEvent::Kind::InstanceStarted: entries.push_back("start:" + at + where); break;
            case TraceEvent::Kind::ElementEntered: entries.push_back("enter:" + at + where); break;
            case TraceEvent::Kind::ElementLeft: entries.push_back("leave:" + at + where); break;
            case TraceEvent::Kind::ElementCancelled: entries.push_back("cancel:" + at + where); break;
            default: break;
            }
        });
    }
    long count(const std::string& prefix) const
    {
        return std::count_if(entries.begin(), entries.end(),
                             [&](const std::string& e) { return e.rfind(prefix, 0) == 0; });
    }
    bool has(const std::string& entry) const
    {
        return std::find(entries.begin(), entries.end(), entry) != entries.end();
    }
};

std::string problems(const Diagnostics& d)
{
    std::string s;
    for (const auto& x : d)
        s += x.format() + "\n";
    return s;
}

/// Where each process instance of the run ended: "process:endEvent", sorted.
std::vector<std::string> ends(const Instance& in)
{
    std::vector<std::string> v;
    for (const Scope& s : in.state().scopes)
        if (s.id == s.instance)
            v.push_back(in.process().processInfo(s.process).id + ":" +
                        (s.done && s.endedAt != kNoNode ? in.process().node(s.endedAt).id : std::string("-")));
    std::sort(v.begin(), v.end());
    return v;
}

std::string firstIncident(const Instance& in)
{
    return in.incidents().empty() ? std::string() : in.incidents().front();
}

} // namespace

class TestCorpusBpmnEngineCollab : public QObject {
    Q_OBJECT
private slots:
    // call-activity-feature.js, "call process in the same diagram": the run completes.
    void callProcessInTheSameDiagram()
    {
        RUNWAY_REQUIRE_CORPUS();
        auto doc = readModel("call-activity.bpmn");
        QVERIFY(doc);
        Diagnostics d;
        auto p = CompiledProcess::compile(*doc, "Process_1", &d);
        QVERIFY2(p, problems(d).c_str());
        QVERIFY(p->processIndex("called-process") > 0);
        ConditionPolicy policy;
        Instance in(p, &policy, kT0);
        Log log;
        log.attach(in, *p);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        // The called process (no start event: its task starts it, 10.5.2) ran as a child instance.
        QCOMPARE(log.count("start:-@"), 1L);
        const auto child = std::find_if(log.entries.begin(), log.entries.end(),
                                        [](const std::string& e) { return e.rfind("enter:task@", 0) == 0; });
        QVERIFY(child != log.entries.end());
        QVERIFY(*child != "enter:task@0");
        QCOMPARE(ends(in), (std::vector<std::string>{"Process_1:end", "called-process:-"}));
        QVERIFY(in.state().scopes[0].done);
    }

    // "call activity is canceled": cancelling while the called process runs ends it too; and "a
    // call activity not referencing any process" fails with a message naming it.
    void cancelledAndUnreferencedCalls()
    {
        RUNWAY_REQUIRE_CORPUS();
        auto doc = readModel("call-activity.bpmn");
        QVERIFY(doc);
        Diagnostics d;
        auto p = CompiledProcess::compile(*doc, "Process_1", &d);
        QVERIFY2(p, problems(d).c_str());
        ScriptedPolicy waiting;
        waiting.waitAt("task"); // the called process's task takes a while
        Instance in(p, &waiting, kT0);
        Log log;
        log.attach(in, *p);
        in.start();
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"call-activity", "task"}));
        in.cancel();
        QVERIFY(in.completed());
        QVERIFY(in.waitingAt().empty());
        QCOMPARE(log.count("cancel:task@"), 1L);
        QCOMPARE(log.count("cancel:call-activity@0"), 1L);

        doc->removeAttribute(doc->findById("call-activity"), "calledElement");
        Diagnostics d2;
        auto none = CompiledProcess::compile(*doc, "Process_1", &d2);
        QVERIFY2(none, problems(d2).c_str());
        QVERIFY2(problems(d2).find("call-unresolved") != std::string::npos, problems(d2).c_str());
        ConditionPolicy policy;
        Instance bad(none, &policy, kT0);
        bad.start();
        bad.runToEnd();
        QVERIFY(bad.failed());
        QVERIFY2(firstIncident(bad).find("'call-activity': the call activity names no process to call") !=
                     std::string::npos,
                 firstIncident(bad).c_str());
    }

    // "a process with a parallel multi-instance call activity with cardinality of three": three
    // instances of the called process run, each its own, and the run completes.
    void parallelMultiInstanceCallOfThree()
    {
        RUNWAY_REQUIRE_CORPUS();
        auto doc = readModel("call-activity.bpmn");
        QVERIFY(doc);
        Element* mi = doc->createElement(Ns::Model, "multiInstanceLoopCharacteristics");
        Element* cardinality = doc->createElement(Ns::Model, "loopCardinality");
        doc->setText(cardinality, "3");
        doc->insert(mi, cardinality);
        doc->insert(doc->findById("call-activity"), mi);
        Diagnostics d;
        auto p = CompiledProcess::compile(*doc, "Process_1", &d);
        QVERIFY2(p, problems(d).c_str());
        ScriptedPolicy waiting;
        waiting.waitAt("task");
        Instance in(p, &waiting, kT0);
        in.start();
        in.runUntilIdle();
        QVERIFY2(!in.failed(), firstIncident(in).c_str());
        QCOMPARE(in.waitingAt(),
                 (std::vector<std::string>{"call-activity", "call-activity", "call-activity", "task", "task", "task"}));
        std::vector<ScopeId> called;
        for (const Scope& s : in.state().scopes)
            if (s.id == s.instance && s.id != 0)
                called.push_back(s.id);
        QCOMPARE(called.size(), std::size_t(3)); // three process instances with ids of their own
        for (int i = 0; i < 3; ++i) {
            QVERIFY(in.completeTask("task"));
            in.runUntilIdle();
        }
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(in.process().node(in.state().endedAt).id, std::string("end"));
    }

    // Engine-feature.js, "A definition with lanes": both pools start (the listener by the message
    // from task1) and complete (the listener's answer releases the main process's catch event).
    void definitionWithLanesStartsAndCompletesBothPools()
    {
        RUNWAY_REQUIRE_CORPUS();
        auto doc = readModel("lanes.bpmn");
        QVERIFY(doc);
        Diagnostics d;
        auto p = CompiledProcess::compile(*doc, {}, &d);
        QVERIFY2(p, problems(d).c_str());
        QCOMPARE(p->processInfo(0).id, std::string("mainProcess"));
        ConditionPolicy policy;
        Instance in(p, &policy, kT0);
        Log log;
        log.attach(in, *p);
        in.start();
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(log.count("start:"), 2L);
        QVERIFY(log.has("start:messageStartEvent@" + std::to_string(in.processInstances().back())));
        QCOMPARE(ends(in),
                 (std::vector<std::string>{"mainProcess:mainEndEvent", "participantProcess:participantEndEvent"}));
    }

    // messaging.bpmn: ping's message reaches pong, the receive task that starts the participant's
    // process (it has no start event); without that process running, the message is lost and the
    // main process still ends.
    void pingReachesPong()
    {
        RUNWAY_REQUIRE_CORPUS();
        auto doc = readModel("messaging.bpmn");
        QVERIFY(doc);
        Diagnostics d;
        auto p = CompiledProcess::compile(*doc, {}, &d);
        QVERIFY2(p, problems(d).c_str());
        ConditionPolicy policy;
        Instance in(p, &policy, kT0);
        in.start({}, Variables{{"user", "Ada"}});
        QVERIFY(in.startProcess("pong"));
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"pong", "prepareMessage"}));
        QVERIFY(in.completeTask("prepareMessage", Variables{{"to", "Grace"}}));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(ends(in),
                 (std::vector<std::string>{"main-process:EndEvent_1099nj2", "participant-process:EndEvent_06jrogk"}));

        Instance alone(p, &policy, kT0);
        alone.start();
        alone.runUntilIdle();
        alone.completeTask("prepareMessage");
        alone.runToEnd();
        QVERIFY2(alone.completed(), firstIncident(alone).c_str());
        QCOMPARE(ends(alone), (std::vector<std::string>{"main-process:EndEvent_1099nj2"}));
    }

    // multiple-sources-feature.js, "Two definitions that communicates with signals": the trader
    // waits at the trade task; the government's definition signals a new spot price, which starts
    // the price admin's process; the admin's approval signals the trader, whose trade task is
    // interrupted and starts again with the new price; the trader trades and everything ends.
    void twoDefinitionsCommunicateWithSignals()
    {
        RUNWAY_REQUIRE_CORPUS();
        auto trade = readModel("signals.bpmn");
        auto government = readModel("send-signal.bpmn");
        QVERIFY(trade && government);
        Diagnostics d;
        CompileOptions options;
        options.more = {government.get()};
        auto p = CompiledProcess::compile(*trade, "tradeProcess", &d, options);
        QVERIFY2(p, problems(d).c_str());
        QCOMPARE(p->processes().size(), std::size_t(3));
        ConditionPolicy policy;
        Instance in(p, &policy, kT0);
        Log log;
        log.attach(in, *p);
        in.start();
        QVERIFY(in.startProcess("start")); // the second definition
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"set-spot-price", "tradeTask"})); // the trader considers
        QVERIFY(in.completeTask("set-spot-price", Variables{{"spotPrice", 100}}));
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"approveSpotPrice", "tradeTask"})); // the admin is notified
        QVERIFY(in.completeTask("approveSpotPrice", Variables{{"price", 120}}));
        in.runUntilIdle();
        QCOMPARE(log.count("cancel:tradeTask@0"), 1L);   // the trade task was discarded
        QCOMPARE(log.count("enter:getSpotPrice@0"), 2L); // the price is taken again
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"tradeTask"});
        QVERIFY(in.completeTask("tradeTask", Variables{{"amount", 3}}));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(ends(in), (std::vector<std::string>{"government:end", "spotPriceProcess:endPriceAdmin",
                                                     "tradeProcess:endTrade"}));
        QCOMPARE(*in.variables().find("amount"), Value(3));
        const ScopeId admin = in.processInstances().back();
        QCOMPARE(*in.processVariables(admin)->find("price"), Value(120));
    }
};

RUNWAY_TEST_MAIN(TestCorpusBpmnEngineCollab, callProcessInTheSameDiagram, cancelledAndUnreferencedCalls,
                 parallelMultiInstanceCallOfThree, definitionWithLanesStartsAndCompletesBothPools, pingReachesPong,
                 twoDefinitionsCommunicateWithSignals)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_bpmn_engine_collab.moc"
#endif
