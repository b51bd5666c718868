// The timer scenarios of bpmn-engine (the corpus's bpmn-engine/feature-scenarios.json and its
// models in bpmn-engine/resources and inline-from-features) run on Runway's engine in virtual time:
// each timer must fall due exactly when the model's timer definition says, counted from a fixed
// start, the tokens must take the path the scenario describes, and no timer may linger once the
// run is over. Where bpmn-engine departs from BPMN 2.0.2, Runway follows the specification, and
// the test says so with the section.
#include "RunwayTest.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/engine/Instance.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::engine;
using namespace std::chrono_literals;
using runway::test::corpusDir;

namespace {

/// 2026-03-01 08:00 UTC: the virtual time every run starts at.
const TimePoint kT0 = TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 1).time_since_epoch() + 8h);

struct Model {
    std::unique_ptr<Document> doc;
    std::shared_ptr<const CompiledProcess> process;
    Diagnostics diagnostics;
    std::string problems;
};

/// Reads and compiles a model of the corpus (path below bpmn-engine/).
Model load(const std::string& path)
{
    Model m;
    auto read = BpmnReader::readFile(corpusDir() + "/bpmn-engine/" + path);
    if (!read.ok()) {
        m.problems = read.diagnostics.empty() ? path + ": cannot be read" : read.diagnostics.front().format();
        return m;
    }
    m.doc = std::move(read.document);
    m.process = CompiledProcess::compile(*m.doc, {}, &m.diagnostics);
    for (const auto& d : m.diagnostics)
        m.problems += d.format() + "\n";
    return m;
}

/// What happened in a run: elements entered, left, cancelled; timers scheduled (with their due
/// time) and fired (with the clock).
struct Timeline {
    std::vector<std::string> log;
    std::vector<std::pair<std::string, std::string>> scheduled; ///< element, due time (UTC)
    std::vector<std::pair<std::string, TimePoint>> fired;        ///< element, clock
};

void observe(Instance& in, const Model& m, Timeline& t)
{
    in.setObserver([&t, p = m.process](const TraceEvent& e) {
        const std::string id = e.node == kNoNode ? std::string() : p->node(e.node).id;
        switch (e.kind) {
        case TraceEvent::Kind::ElementEntered: t.log.push_back("enter:" + id); break;
        case TraceEvent::Kind::ElementLeft: t.log.push_back("leave:" + id); break;
        case TraceEvent::Kind::ElementCancelled: t.log.push_back("cancel:" + id); break;
        case TraceEvent::Kind::TimerScheduled: t.scheduled.emplace_back(id, e.detail); break;
        case TraceEvent::Kind::TimerFired: t.fired.emplace_back(id, e.time); break;
        case TraceEvent::Kind::TimerCancelled: t.log.push_back("timer-cancelled:" + id); break;
        default: break;
        }
    });
}

bool has(const std::vector<std::string>& log, const std::string& entry)
{
    return std::find(log.begin(), log.end(), entry) != log.end();
}

/// When the timer of `element` falls due if armed at `armedAt`, computed from the timer definition
/// written in the model (timeDuration, timeDate or timeCycle), independently of the run.
TimePoint dueFromModel(const Model& m, const std::string& element, TimePoint armedAt, std::string_view value = {})
{
    const Node& n = m.process->node(m.process->nodeIndex(element));
    auto timer = iso8601::parseTimer(n.timer.kind, value.empty() ? std::string_view(n.timer.text) : value);
    if (!timer)
        return TimePoint{};
    return timer->first(armedAt).value_or(TimePoint{});
}

/// No timer (nor timed work) is still armed.
bool noTimerLingers(const Instance& in)
{
    return !in.nextTimerDue() && std::none_of(in.state().waits.begin(), in.state().waits.end(), [](const Wait& w) {
               return w.active && w.kind == Wait::Kind::Timer;
           });
}

std::string utc(TimePoint t)
{
    return iso8601::formatUtc(t);
}

/// Work at the named tasks is left waiting (a script that never calls back, a long service call).
struct Pending : ConditionPolicy {
    std::vector<std::string> waiting;
    WorkDecision work(const Instance& in, NodeIndex n) override
    {
        const auto& id = in.process().node(n).id;
        if (std::find(waiting.begin(), waiting.end(), id) != waiting.end())
            return {WorkDecision::Kind::Wait, {}};
        return ConditionPolicy::work(in, n);
    }
};

} // namespace

class TestCorpusBpmnEngineTimers : public QObject {
    Q_OBJECT
private slots:
    // timers-feature.js, "a flow with different timers" (timers.bpmn): a time cycle start event, a
    // task with a non-interrupting time duration boundary event, a time date catch event, a user task.
    void flowWithDifferentTimers()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/timers.bpmn");
        QVERIFY2(m.process, m.problems.c_str());

        // "Then the start event is waiting; time cycle is executing": R3/PT10H from the moment the
        // process is deployed. BPMN 2.0.2, 13.2 (Process Instantiation) and 10.5.2 (Start Event: timer):
        // each time the timer start event fires it creates a new process instance, here three, ten
        // hours apart. bpmn-engine instead runs one instance whose start event waits for the timer.
        // Runway creates the instance when the start event fires.
        const Node& start = m.process->node(m.process->nodeIndex("start-cycle"));
        QCOMPARE(start.timer.text, std::string("R3/PT10H"));
        QVERIFY(start.timer.literal.has_value());
        std::vector<TimePoint> starts;
        for (auto at = start.timer.literal->first(kT0); at && starts.size() < 10;
             at = start.timer.literal->next(*at, kT0))
            starts.push_back(*at);
        QCOMPARE(starts, (std::vector<TimePoint>{kT0 + 10h, kT0 + 20h, kT0 + 30h}));

        // "When start event times out": the first instance, at T0 + 10h.
        const TimePoint t1 = starts.front();
        const std::string catchDate = "2026-03-02T12:00:00Z";
        ConditionPolicy policy;
        Instance in(m.process, &policy, t1);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start("start-cycle"));
        // The catch event's date is ${environment.variables.catchDate}, evaluated when it is armed.
        in.setVariables([&] {
            Variables v;
            v.setPath("environment.variables.catchDate", Value(catchDate));
            return v;
        }());
        in.runUntilIdle();
        // "Then bound time duration event is waiting; time duration is executing": PT1M from now.
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"task"});
        QCOMPARE(tl.scheduled.size(), std::size_t(1));
        QCOMPARE(tl.scheduled[0].first, std::string("bound-duration"));
        QCOMPARE(tl.scheduled[0].second, utc(dueFromModel(m, "bound-duration", t1)));
        QCOMPARE(tl.scheduled[0].second, utc(t1 + 1min));

        // Stopped, state saved, resumed somewhere else: another Instance from the snapshot has the
        // same timer due at the same time.
        Instance elsewhere(m.process, &policy);
        elsewhere.restore(in.snapshot());
        QVERIFY(elsewhere.nextTimerDue() == t1 + 1min);
        QCOMPARE(elsewhere.waitingAt(), std::vector<std::string>{"task"});

        // "When bound task is signaled": before the minute is over. Its boundary timer goes with it.
        in.advanceBy(30s);
        QVERIFY(tl.fired.empty());
        QVERIFY(in.completeTask("task"));
        in.runUntilIdle();
        QVERIFY(has(tl.log, "timer-cancelled:bound-duration"));
        // "Then throw time date event is waiting; time date is executing": due at the date given.
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"catch-date"});
        QCOMPARE(tl.scheduled.size(), std::size_t(2));
        QCOMPARE(tl.scheduled[1].first, std::string("catch-date"));
        QCOMPARE(tl.scheduled[1].second, utc(dueFromModel(m, "catch-date", in.clock(), catchDate)));
        QCOMPARE(tl.scheduled[1].second, catchDate);

        // "When throw event is cancelled" / "time date is due": the clock reaches the date and the
        // event happens. (Runway cannot cancel a catch event from outside; it fires when due.)
        QVERIFY(in.advanceToNextTimer());
        in.runUntilIdle();
        QCOMPARE(tl.fired.size(), std::size_t(1));
        QCOMPARE(tl.fired[0].first, std::string("catch-date"));
        QCOMPARE(utc(tl.fired[0].second), catchDate);
        // "Then user task with due date is waiting" (camunda:dueDate is a task-list attribute that
        // Runway does not schedule: it is no BPMN timer).
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"user-due"});
        QVERIFY(in.completeTask("user-due"));
        in.runToEnd();
        // "Then execution completes", at the catch date, through the end event; nothing lingers.
        QVERIFY(in.completed());
        QVERIFY(!in.failed());
        QCOMPARE(m.process->node(in.state().endedAt).id, std::string("end"));
        QCOMPARE(utc(in.clock()), catchDate);
        QVERIFY(!has(tl.log, "enter:duration-end"));
        QVERIFY(noTimerLingers(in));
    }

    // The same flow when the task is not signaled in time: the non-interrupting duration timer
    // fires once (PT1M is a duration, not a cycle) and starts a second path while the task goes on.
    void flowWithDifferentTimersBoundaryFires()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/timers.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        ConditionPolicy policy;
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start("start-cycle"));
        Variables v;
        v.setPath("environment.variables.catchDate", Value(std::string("2026-03-01T09:00:00Z")));
        in.setVariables(v);
        in.runUntilIdle();
        QVERIFY(in.advanceToNextTimer());
        in.runUntilIdle();
        QCOMPARE(tl.fired.size(), std::size_t(1));
        QCOMPARE(tl.fired[0].first, std::string("bound-duration"));
        QVERIFY(tl.fired[0].second == dueFromModel(m, "bound-duration", kT0));
        QVERIFY(tl.fired[0].second == kT0 + 1min);
        QVERIFY(has(tl.log, "enter:duration-end"));
        QVERIFY(!has(tl.log, "cancel:task")); // non-interrupting: the task still waits
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"task"});
        QVERIFY(!in.nextTimerDue()); // a duration fires once
        QVERIFY(in.completeTask("task"));
        in.runUntilIdle();
        QVERIFY(in.advanceToNextTimer());
        in.runUntilIdle();
        QCOMPARE(tl.fired.size(), std::size_t(2));
        QCOMPARE(tl.fired[1].first, std::string("catch-date"));
        QCOMPARE(utc(tl.fired[1].second), std::string("2026-03-01T09:00:00Z"));
        QVERIFY(in.completeTask("user-due"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QVERIFY(noTimerLingers(in));
    }

    // issues-feature.js, "boundary timeout" (boundary-timeout.bpmn): a user task with an
    // interrupting PT0.1S boundary timer; the task and the timer both lead to a parallel gateway.
    // bpmn-engine discards the path not taken and lets the gateway complete the run. BPMN 2.0.2,
    // 13.4.2 (Parallel Gateway): the gateway waits for a token on every incoming sequence flow, and
    // only one of the two paths ever carries one, so Runway's run waits at the gateway for good.
    void boundaryTimeoutSignaledInTime()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/boundary-timeout.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        ConditionPolicy policy;
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start());
        in.runUntilIdle();
        // "Then user task is waiting to be signaled", with its timeout due 100 ms on.
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"userTask"});
        QCOMPARE(tl.scheduled.size(), std::size_t(1));
        QCOMPARE(tl.scheduled[0].second, utc(dueFromModel(m, "boundTimeoutEvent", kT0)));
        QVERIFY(in.nextTimerDue() == kT0 + 100ms);
        // "When user task is signaled": "user task was taken", "timeout was discarded".
        QVERIFY(in.completeTask("userTask"));
        in.runToEnd();
        QVERIFY(has(tl.log, "leave:userTask"));
        QVERIFY(has(tl.log, "timer-cancelled:boundTimeoutEvent"));
        QVERIFY(tl.fired.empty());
        // "And no timers was left lingering".
        QVERIFY(noTimerLingers(in));
        QVERIFY(in.clock() == kT0);
        // 13.4.2: the join waits for the boundary path, which will never come.
        QVERIFY(!in.completed());
        QVERIFY(!in.failed());
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"join"});
    }

    void boundaryTimeoutTimesOut()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/boundary-timeout.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        ConditionPolicy policy;
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start());
        in.runToEnd();
        // "When executed again": nobody signals; "user task was discarded", "timeout was taken".
        QCOMPARE(tl.fired.size(), std::size_t(1));
        QCOMPARE(tl.fired[0].first, std::string("boundTimeoutEvent"));
        QVERIFY(tl.fired[0].second == dueFromModel(m, "boundTimeoutEvent", kT0));
        QVERIFY(tl.fired[0].second == kT0 + 100ms);
        QVERIFY(has(tl.log, "cancel:userTask"));
        QVERIFY(!has(tl.log, "leave:userTask"));
        QVERIFY(has(tl.log, "leave:boundTimeoutEvent"));
        QVERIFY(noTimerLingers(in));
        QVERIFY(in.clock() == kT0 + 100ms);
        // 13.4.2, as above: the join waits for the user task's path, which was cancelled.
        QVERIFY(!in.completed());
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"join"});
    }

    // boundary-non-interupting-timer.bpmn: a user task with a non-interrupting PT0.01S timer; both
    // paths meet at a parallel gateway. When the timer fires first, both paths carry a token and the
    // run completes when the task is done (13.4.2).
    void nonInterruptingBoundaryTimerJoinsTheTask()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/boundary-non-interupting-timer.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        ConditionPolicy policy;
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start());
        in.runUntilIdle();
        QVERIFY(in.advanceToNextTimer());
        in.runUntilIdle();
        QCOMPARE(tl.fired.size(), std::size_t(1));
        QVERIFY(tl.fired[0].second == dueFromModel(m, "boundaryEvent", kT0));
        QVERIFY(tl.fired[0].second == kT0 + 10ms);
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"join", "userTask"}));
        QVERIFY(!in.nextTimerDue()); // a duration fires once, even on a non-interrupting event
        QVERIFY(in.completeTask("userTask"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(m.process->node(in.state().endedAt).id, std::string("EndEvent_04z4jtj"));
        QVERIFY(in.clock() == kT0 + 10ms);
        QVERIFY(noTimerLingers(in));
    }

    // timer-event.bpmn: task, a PT0.05S intermediate timer, task, end: the run ends 50 ms on.
    void intermediateTimerDelaysTheFlow()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/timer-event.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        ConditionPolicy policy;
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start());
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"duration"});
        QVERIFY(has(tl.log, "leave:task1"));
        QVERIFY(!has(tl.log, "enter:task2"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(tl.fired.size(), std::size_t(1));
        QVERIFY(tl.fired[0].second == dueFromModel(m, "duration", kT0));
        QVERIFY(in.clock() == kT0 + 50ms);
        QVERIFY(has(tl.log, "leave:task2"));
        QVERIFY(noTimerLingers(in));
    }

    // bound-error-and-timer.bpmn: a script task with an error boundary event and a PT0.05S timer
    // boundary event leading to a terminate end event. Runway never runs scripts: the policy keeps
    // the task busy (the script that never calls next()) or fails it with the error.
    void scriptTaskTimesOutToTerminate()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/bound-error-and-timer.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        Pending policy;
        policy.waiting = {"scriptTask"};
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start());
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QCOMPARE(tl.fired.size(), std::size_t(1));
        QCOMPARE(tl.fired[0].first, std::string("timerEvent"));
        QVERIFY(tl.fired[0].second == dueFromModel(m, "timerEvent", kT0));
        QVERIFY(in.clock() == kT0 + 50ms);
        QVERIFY(has(tl.log, "cancel:scriptTask"));
        QCOMPARE(m.process->node(in.state().endedAt).id, std::string("timedEndEvent"));
        QVERIFY(noTimerLingers(in));
    }

    void scriptTaskErrorCancelsItsTimer()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/bound-error-and-timer.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        Pending policy;
        policy.waiting = {"scriptTask"};
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start());
        in.runUntilIdle();
        QVERIFY(in.nextTimerDue() == kT0 + 50ms);
        QVERIFY(in.failActivity("scriptTask", "404"));
        in.runToEnd();
        QVERIFY(has(tl.log, "enter:errorEvent"));
        QVERIFY(has(tl.log, "timer-cancelled:timerEvent"));
        QVERIFY(tl.fired.empty());
        QVERIFY(in.clock() == kT0);
        QVERIFY(noTimerLingers(in));
        // endInError throws the error again at the process level, where nothing catches it: the
        // run fails (bpmn-engine: "run fails"), with an incident that names the error.
        QVERIFY(in.failed());
        QVERIFY2(in.incidents()[0].find("404") != std::string::npos, in.incidents()[0].c_str());
    }

    // Engine-feature.js, "Mother of all" (mother-of-all.bpmn): user task, then a sub-process whose
    // user task times out after PT0.1S, an inclusive gateway, a parallel join, a decision that
    // loops back. Runway never runs the script tasks (they complete at once).
    void motherOfAllTimesOut()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("resources/mother-of-all.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        QCOMPARE(m.process->id(), std::string("motherOfAll"));
        ConditionPolicy policy;
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start());
        in.runUntilIdle();
        // "And the first is an user task".
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"userTask1"});
        in.advanceBy(1h); // nothing is due while the user thinks
        QVERIFY(tl.fired.empty());
        const TimePoint signaled = in.clock();
        QVERIFY(in.completeTask("userTask1"));
        in.runUntilIdle();
        // subProcess1 has no start event: its user task, without incoming flows, starts with it
        // (10.5.2, implicit start).
        QVERIFY(has(tl.log, "enter:subUserTask1"));
        // "And the second is a sub process with timeout event": due 100 ms after it started.
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"subProcess1", "subUserTask1"}));
        QVERIFY(in.nextTimerDue() == dueFromModel(m, "subUserTaskTimer", signaled));
        QVERIFY(in.nextTimerDue() == signaled + 100ms);
        // "When timeout occur".
        QVERIFY(in.advanceToNextTimer());
        in.runUntilIdle();
        QCOMPARE(tl.fired.size(), std::size_t(1));
        QCOMPARE(tl.fired[0].first, std::string("subUserTaskTimer"));
        QVERIFY(tl.fired[0].second == signaled + 100ms);
        QVERIFY(has(tl.log, "cancel:subUserTask1"));
        QVERIFY(has(tl.log, "leave:subScriptTask1"));
        QVERIFY(has(tl.log, "leave:subProcess1"));
        // "Then the definition loops back to the first user task again": not so in BPMN 2.0.2. The
        // inclusive gateway takes its two flows without a condition and not its default flow
        // (13.4.3: the default flow is taken only when no other is), and the parallel join waits for
        // a token on each of its three incoming flows (13.4.2), so the run waits at the join; bpmn-
        // engine's discarded default path completes the join instead.
        QVERIFY(has(tl.log, "leave:pickMeTask"));
        QVERIFY(has(tl.log, "leave:noPickMeTask"));
        QVERIFY(!has(tl.log, "enter:defaultTask"));
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"join", "join"}));
        QVERIFY(!in.completed());
        QVERIFY(!in.failed());
        QVERIFY(noTimerLingers(in));
    }

    // timers-feature.js, "engine with invalid timers": an invalid date (timers--2.bpmn, 2023-01-32)
    // and an invalid cycle (timers--3.bpmn, R-3/2023-01-32). bpmn-engine's run fails; Runway
    // refuses to compile the process, with a message that names the file, the line and the event.
    void invalidTimersAreRefused()
    {
        RUNWAY_REQUIRE_CORPUS();
        for (const char* file : {"inline-from-features/timers--2.bpmn", "inline-from-features/timers--3.bpmn"}) {
            const Model m = load(file);
            QVERIFY2(m.doc, m.problems.c_str());
            QVERIFY2(!m.process, file);
            const auto error = std::find_if(m.diagnostics.begin(), m.diagnostics.end(), [](const Diagnostic& d) {
                return d.severity == Diagnostic::Severity::Error;
            });
            QVERIFY2(error != m.diagnostics.end(), m.problems.c_str());
            QCOMPARE(error->code, std::string("timer-invalid"));
            QCOMPARE(error->elementId, std::string("bound-timer-2"));
            QVERIFY2(error->line > 0, m.problems.c_str());
            QVERIFY2(error->format().find("timers--") != std::string::npos, m.problems.c_str());
        }
    }

    // timers-feature.js, "engine with added arbitrary timers" (timers--1.bpmn): a user task with a
    // PT30S interrupting boundary timer, and no start event: the task starts with its process
    // (10.5.2, implicit start). The arbitrary timers of the scenario are bpmn-engine's API, not the
    // model's; what is checked is the model's timer: due 30 s on, gone once the task completes.
    void userTaskWithBoundaryTimerAndNoStartEvent()
    {
        RUNWAY_REQUIRE_CORPUS();
        const Model m = load("inline-from-features/timers--1.bpmn");
        QVERIFY2(m.process, m.problems.c_str());
        ConditionPolicy policy;
        Instance in(m.process, &policy, kT0);
        Timeline tl;
        observe(in, m, tl);
        QVERIFY(in.start()); // no start event: the task without incoming flows starts (10.5.2)
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"task"});
        QVERIFY(in.nextTimerDue() == dueFromModel(m, "bound-timer-2", kT0));
        QVERIFY(in.nextTimerDue() == kT0 + 30s);
        QVERIFY(in.completeTask("task"));
        in.runToEnd();
        QVERIFY(in.completed() && !in.failed());
        QVERIFY(tl.fired.empty());
        QVERIFY(noTimerLingers(in));
    }
};

RUNWAY_TEST_MAIN(TestCorpusBpmnEngineTimers, flowWithDifferentTimers, flowWithDifferentTimersBoundaryFires,
                 boundaryTimeoutSignaledInTime, boundaryTimeoutTimesOut, nonInterruptingBoundaryTimerJoinsTheTask,
                 intermediateTimerDelaysTheFlow, scriptTaskTimesOutToTerminate, scriptTaskErrorCancelsItsTimer,
                 motherOfAllTimesOut, invalidTimersAreRefused, userTaskWithBoundaryTimerAndNoStartEvent)
#ifndef RUNWAY_NO_QT
#include "tst_corpus_bpmn_engine_timers.moc"
#endif
