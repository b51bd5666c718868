// The simulation session on the bundled check-in example: timers, the boundary timeout and its
// retries, stepping back exactly, error paths, decisions, breakpoints, recording a scenario into
// the file and replaying it; the event log's exports escape untrusted names.
#include "RunwayTest.h"
#include "tst_session_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/engine/ScenarioStore.h"
#include "runway/sim/EventLogModel.h"
#include "runway/sim/InstancesModel.h"
#include "runway/sim/SimulationSession.h"
#include "runway/sim/VariablesModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <filesystem>
#include <unistd.h>

using namespace runway::core;
using namespace runway::core::engine;
using runway::sim::SimulationSession;
using runway::sim::TokenView;
using namespace std::chrono_literals;

namespace {

const std::string kExample = std::string(RUNWAY_SOURCE_DIR) + "/resources/examples/airline-checkin.bpmn";

struct Loaded {
    std::unique_ptr<Document> doc;
    std::shared_ptr<const CompiledProcess> process;
};

Loaded load(const std::string& path)
{
    Loaded l;
    auto r = BpmnReader::readFile(path);
    l.doc = std::move(r.document);
    if (l.doc) {
        Diagnostics d;
        l.process = CompiledProcess::compile(*l.doc, {}, &d);
    }
    return l;
}

TimePoint at(const char* iso) { return iso8601::parseDateTime(iso)->time; }

/// Everything of an instance's state, as text, so two states compare exactly.
std::string dump(const InstanceState& s)
{
    std::string o = iso8601::formatUtc(s.clock) + " steps " + std::to_string(s.steps) + " seq " + std::to_string(s.seq) +
                    " next " + std::to_string(s.nextToken) + "/" + std::to_string(s.nextWait) + " started " +
                    std::to_string(s.started) + " completed " + std::to_string(s.completed) + " ended " +
                    std::to_string(s.endedAt) + "\n";
    for (const auto& t : s.tokens)
        o += "token " + std::to_string(t.id) + "@" + std::to_string(t.node) + " scope " + std::to_string(t.scope) + " state " +
             std::to_string(int(t.state)) + " via " + std::to_string(t.arrivedVia) + " role " + std::to_string(int(t.role)) +
             " loop " + std::to_string(t.loopCounter) + "\n";
    for (const auto& w : s.waits)
        o += "wait " + std::to_string(w.id) + " kind " + std::to_string(int(w.kind)) + "@" + std::to_string(w.node) + " token " +
             std::to_string(w.token) + " due " + iso8601::formatUtc(w.due) + " active " + std::to_string(w.active) + "\n";
    for (const auto& sc : s.scopes)
        o += "scope " + std::to_string(sc.id) + " done " + std::to_string(sc.done) + "\n";
    for (const auto& a : s.agenda)
        o += "work " + std::to_string(int(a.kind)) + " token " + std::to_string(a.token) + " via " + std::to_string(a.via) + "\n";
    for (const auto& [k, v] : s.variables)
        o += "var " + k + " = " + v.toString() + "\n";
    for (const auto& i : s.incidents)
        o += "incident " + i + "\n";
    return o;
}

void stepUntilIdle(SimulationSession& s)
{
    for (int guard = 0; guard < 10000 && s.step(); ++guard) {
    }
}

/// The failed-check-in walk of the issue: opens, times out three times with back-off, notifies.
struct Point {
    TokenView view;
    std::string state;
    std::size_t logSize;
};

Point pointOf(const SimulationSession& s)
{
    return {s.tokenView(), s.instance(1) ? dump(s.instance(1)->state()) : std::string(), s.log().size()};
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void timeoutsRetriesAndStepBackExactly()
    {
        auto l = load(kExample);
        QVERIFY(l.process);
        SimulationSession s(l.process);
        s.setStartTime(at("2026-03-01T08:00:00Z"));
        s.setTaskDuration("Task_CheckInPassenger", 1min);
        QSignalSpy finished(&s, &SimulationSession::finished);
        QSignalSpy clock(&s, &SimulationSession::clockChanged);

        std::vector<Point> pass; // after each action
        pass.push_back(pointOf(s));
        auto act = [&](bool ok) {
            if (ok)
                pass.push_back(pointOf(s));
            return ok;
        };
        QCOMPARE(s.start("StartEvent_BookingConfirmed"), 1);
        pass.push_back(pointOf(s));
        while (act(s.step())) {
        }
        TokenView v = s.tokenView();
        QCOMPARE(v.tokensAt.keys(), QList<QString>{"Event_CheckinOpens"});
        const auto& opens = v.tokensAt["Event_CheckinOpens"].front();
        QCOMPARE(opens.instance, 1);
        QCOMPARE(opens.waits.size(), 1);
        QVERIFY(opens.waits.front().kind == Wait::Kind::Timer);
        QCOMPARE(*opens.waits.front().msLeft, qint64(23 * 3600 * 1000)); // 08:00 to 07:00 the next day

        // Next timer: check-in opens; the task works for a minute, with a 30 s boundary timeout.
        QVERIFY(act(s.nextTimer()));
        QCOMPARE(iso8601::formatUtc(s.clock()), std::string("2026-03-02T07:00:00Z"));
        QVERIFY(clock.count() >= 1);
        while (act(s.step())) {
        }
        v = s.tokenView();
        QCOMPARE(v.tokensAt.keys(), QList<QString>{"Task_CheckInPassenger"});
        QStringList waitsAt;
        for (const auto& w : v.tokensAt["Task_CheckInPassenger"].front().waits)
            waitsAt << w.element + "=" + QString::number(*w.msLeft);
        waitsAt.sort();
        QCOMPARE(waitsAt, (QStringList{"Event_CheckinTimedOut=30000", "Task_CheckInPassenger=60000"}));
        QVERIFY(v.visitedElements.contains("Event_CheckinOpens"));
        QVERIFY(v.visitedFlows.contains("Flow_ToCheckin"));

        // The boundary timeout fires first; the retry waits five minutes.
        QVERIFY(act(s.nextTimer()));
        while (act(s.step())) {
        }
        QCOMPARE(s.tokenView().tokensAt.keys(), QList<QString>{"Event_BackOff"});
        QCOMPARE(s.tokenView().visitedElements.value("Event_CheckinTimedOut"), 1);
        QCOMPARE(s.instance(1)->variables().find("retries")->toString(), std::string("0")); // counted after the back-off

        // Retry until the fallback.
        while (!s.instance(1)->completed()) {
            QVERIFY(act(s.nextTimer()));
            while (act(s.step())) {
            }
        }
        QCOMPARE(l.process->node(s.instance(1)->state().endedAt).id, std::string("EndEvent_AskedToCheckInManually"));
        QCOMPARE(iso8601::formatUtc(s.clock()), std::string("2026-03-02T07:17:00Z"));
        QCOMPARE(s.tokenView().visitedElements.value("Event_CheckinTimedOut"), 4);
        QCOMPARE(s.tokenView().visitedElements.value("EndEvent_AskedToCheckInManually"), 1); // reached once
        QCOMPARE(finished.count(), 1);
        QCOMPARE(std::size_t(s.historySize()), pass.size() - 1);
        QCOMPARE(s.instancesModel()->data(s.instancesModel()->index(0, runway::sim::InstancesModel::State)).toString(),
                 QString("completed"));

        // Step back one action at a time: every earlier point comes back exactly.
        const Point end = pass.back();
        for (std::size_t i = pass.size() - 1; i-- > 1;) {
            QCOMPARE(s.stepBack(1), 1);
            const Point now = pointOf(s);
            QVERIFY2(now.state == pass[i].state, (now.state + "\n---\n" + pass[i].state).c_str());
            QVERIFY(now.view == pass[i].view);
            QCOMPARE(now.logSize, pass[i].logSize);
            QCOMPARE(std::size_t(s.eventLog()->rowCount()), pass[i].logSize);
        }
        QCOMPARE(s.historySize(), 1); // just the start
        // Forward again: the same end, then back to the start in one go.
        while (!s.instance(1)->completed()) {
            while (s.step()) {
            }
            if (!s.instance(1)->completed())
                QVERIFY(s.nextTimer());
        }
        QCOMPARE(pointOf(s).state, end.state);
        QVERIFY(pointOf(s).view == end.view);
        QCOMPARE(s.historySize(), int(pass.size()) - 1);
        QCOMPARE(s.stepBack(s.historySize() - 1), int(pass.size()) - 2);
        QCOMPARE(pointOf(s).state, pass[1].state);
        QVERIFY(pointOf(s).view == pass[1].view);
        s.reset();
        QCOMPARE(s.instanceCount(), 0);
        QVERIFY(s.tokenView().tokensAt.isEmpty() && s.log().empty());
    }

    void longHistoriesThinTheirCheckpointsAndStayExact()
    {
        auto l = load(kExample);
        SimulationSession s(l.process);
        s.start("StartEvent_BookingConfirmed");
        stepUntilIdle(s);
        std::vector<std::string> states{dump(s.instance(1)->state())};
        // More actions than kMaxCheckpoints checkpoints of 32 hold: the checkpoints are thinned.
        const int n = int(SimulationSession::kMaxCheckpoints) * 32 + 500;
        for (int i = 0; i < n; ++i) {
            s.advanceBy(std::chrono::minutes(1 + i % 7));
            states.push_back(dump(s.instance(1)->state()));
        }
        QCOMPARE(l.process->node(s.instance(1)->state().endedAt).id, std::string("EndEvent_CheckedIn"));
        for (int back : {1, 37, 4000, 2500}) {
            QCOMPARE(s.stepBack(back), back);
            states.resize(states.size() - std::size_t(back));
            QCOMPARE(dump(s.instance(1)->state()), states.back());
        }
    }

    void severalInstancesStepBackExactly()
    {
        auto l = load(kExample);
        SimulationSession s(l.process);
        s.setTaskDuration("Task_CheckInPassenger", 1min);
        auto all = [&] {
            std::string o;
            for (int id = 1; id <= s.instanceCount(); ++id)
                o += "instance " + std::to_string(id) + "\n" + dump(s.instance(id)->state());
            return o;
        };
        std::vector<std::string> states{all()};
        // Instances started at different times, stepped in turn: most checkpoints hold snapshots
        // of instances the actions since the previous one did not touch.
        for (int round = 0; round < 90; ++round) {
            if (round < 3)
                QCOMPARE(s.start("StartEvent_BookingConfirmed"), round + 1);
            else if (round % 4 != 3 || !s.nextTimer()) // every fourth: the next timer, while one waits
                s.advanceBy(std::chrono::seconds(20 + round));
            states.push_back(all());
            while (s.step())
                states.push_back(all());
        }
        QVERIFY(s.historySize() > 96); // several checkpoints
        QCOMPARE(std::size_t(s.historySize()), states.size() - 1);
        while (s.historySize() > 0) {
            QCOMPARE(s.stepBack(1), 1);
            states.pop_back();
            QCOMPARE(all(), states.back());
        }
        QCOMPARE(s.instanceCount(), 0);
    }

    void errorPathsAndIncidents()
    {
        auto l = load(kExample);
        SimulationSession s(l.process);
        s.setTaskDuration("Task_CheckInPassenger", 1min);
        QCOMPARE(s.start("StartEvent_BookingConfirmed"), 1);
        QVERIFY(s.nextTimer());
        stepUntilIdle(s);
        QVERIFY(!s.failActivity(1, "Task_SendBoardingPass", "CHECKIN_REJECTED")); // no token there
        QVERIFY(s.failActivity(1, "Task_CheckInPassenger", "CHECKIN_REJECTED"));
        QCOMPARE(s.tokenView().tokensAt.keys(), QList<QString>{"Task_ManualCheckin"});
        Variables seat{{"seat", Value("12A")}};
        QVERIFY(s.completeTask(1, "Task_ManualCheckin", seat));
        QCOMPARE(l.process->node(s.instance(1)->state().endedAt).id, std::string("EndEvent_CheckedInAtDesk"));
        QVERIFY(s.tokenView().visitedElements.contains("Event_CheckinRejected"));

        // An error nobody catches is an incident on the element, with the explanation.
        SimulationSession t(l.process);
        QSignalSpy incidents(&t, &SimulationSession::incident);
        t.setTaskDuration("Task_CheckInPassenger", 1min);
        t.start("StartEvent_BookingConfirmed");
        t.nextTimer();
        stepUntilIdle(t);
        QVERIFY(t.failActivity(1, "Task_CheckInPassenger", "NO_SUCH_CODE"));
        QCOMPARE(incidents.count(), 1);
        const auto info = incidents.front().front().value<runway::sim::IncidentInfo>();
        QCOMPARE(info.instance, 1);
        QVERIFY2(info.explanation.contains("NO_SUCH_CODE"), qPrintable(info.explanation));
        QCOMPARE(t.incidents().size(), 1);
        QCOMPARE(t.instancesModel()->data(t.instancesModel()->index(0, runway::sim::InstancesModel::State)).toString(),
                 QString("incident"));
        // Stepping back removes it.
        t.stepBack(1);
        QVERIFY(t.incidents().isEmpty());
        QVERIFY(!t.instance(1)->failed());
    }

    void decisionsPresetsAndBreakpoints()
    {
        auto l = load(kExample);
        SimulationSession s(l.process);
        s.setTaskDuration("Task_CheckInPassenger", 1min);
        s.setAskAtGateways(true);
        QSignalSpy asked(&s, &SimulationSession::decisionNeeded);
        s.start("StartEvent_BookingConfirmed");
        s.nextTimer();
        stepUntilIdle(s);
        s.nextTimer(); // the timeout
        stepUntilIdle(s);
        QCOMPARE(asked.count(), 1);
        const auto d = s.pendingDecision();
        QVERIFY(d.has_value());
        QCOMPARE(d->gateway, QString("Gateway_RetryCheckin"));
        QCOMPARE(d->candidates, (QStringList{"Flow_Retry", "Flow_NoRetry"}));
        QVERIFY(!s.decide({"Flow_ToCheckin"})); // not a way out of this gateway
        QVERIFY(s.decide({"Flow_NoRetry"}));
        stepUntilIdle(s);
        QCOMPARE(l.process->node(s.instance(1)->state().endedAt).id, std::string("EndEvent_AskedToCheckInManually"));
        QCOMPARE(s.instance(1)->variables().find("retries")->toString(), std::string("0"));

        // A preset answers without asking; a breakpoint stops play when a token enters the element.
        SimulationSession p(l.process);
        p.setTaskDuration("Task_CheckInPassenger", 1min);
        p.setAskAtGateways(true);
        p.presetChoice("Gateway_RetryCheckin", {"Flow_Retry"});
        QCOMPARE(p.presetFor("Gateway_RetryCheckin"), QStringList{"Flow_Retry"});
        p.setBreakpoint("Event_BackOff", true);
        QSignalSpy hit(&p, &SimulationSession::breakpointHit);
        QSignalSpy askedP(&p, &SimulationSession::decisionNeeded);
        p.start("StartEvent_BookingConfirmed");
        p.setSpeed(0);
        p.play();
        QVERIFY(p.isPlaying());
        QVERIFY(hit.wait(5000));
        QVERIFY(!p.isPlaying());
        QCOMPARE(hit.front().at(1).toString(), QString("Event_BackOff"));
        QCOMPARE(askedP.count(), 0);
        QCOMPARE(p.tokenView().tokensAt.keys(), QList<QString>{"Event_BackOff"});
        // Paced play reaches the end too (the preset keeps retrying until the condition's count).
        p.setBreakpoint("Event_BackOff", false);
        p.presetChoice("Gateway_RetryCheckin", {});
        p.setAskAtGateways(false);
        QSignalSpy done(&p, &SimulationSession::finished);
        p.setSpeed(2000);
        p.play();
        QVERIFY(done.wait(10000));
        QCOMPARE(l.process->node(p.instance(1)->state().endedAt).id, std::string("EndEvent_AskedToCheckInManually"));
    }

    void severalInstancesAndVariables()
    {
        auto l = load(kExample);
        SimulationSession s(l.process);
        QCOMPARE(s.start("StartEvent_BookingConfirmed"), 1);
        QCOMPARE(s.start("StartEvent_BookingConfirmed", Variables{{"passenger", Value("Ada")}}), 2);
        QCOMPARE(s.start("Task_CheckInPassenger"), 0); // not a start event
        stepUntilIdle(s);
        QCOMPARE(s.instanceCount(), 2);
        const auto tokens = s.tokenView().tokensAt.value("Event_CheckinOpens");
        QCOMPARE(tokens.size(), 2);
        QVERIFY(tokens[0].colour != tokens[1].colour);
        QCOMPARE(s.instancesModel()->rowCount(), 2);

        auto* vars = s.variablesModel();
        vars->setInstance(2);
        QCOMPARE(vars->rowCount(), 1); // retries is set only when check-in opens
        QCOMPARE(vars->data(vars->index(0, 0)).toString(), QString("passenger"));
        QCOMPARE(vars->data(vars->index(0, 1)).toString(), QString("\"Ada\""));
        QVERIFY(vars->setData(vars->index(0, 1), QString("\"Grace\" + \" Hopper\"")));
        QCOMPARE(s.instance(2)->variables().find("passenger")->asString(), std::string("Grace Hopper"));
        QString error;
        QVERIFY(!vars->setVariable("x", "1 +", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(s.instance(1)->variables().find("passenger") == nullptr);
        s.stepBack(1); // the edit is an action too
        QCOMPARE(s.instance(2)->variables().find("passenger")->asString(), std::string("Ada"));

        // The event log filters by instance and text.
        auto* log = s.eventLog();
        const int all = log->rowCount();
        log->setFilter(2, {}, {});
        QVERIFY(log->rowCount() > 0 && log->rowCount() < all);
        for (int r = 0; r < log->rowCount(); ++r)
            QCOMPARE(log->data(log->index(r, 0), runway::sim::EventLogModel::InstanceRole).toInt(), 2);
        log->setFilter(0, {TraceEvent::Kind::TimerScheduled}, "checkinopens");
        QCOMPARE(log->rowCount(), 2);
        log->setFilter(0, {}, {});
        QCOMPARE(log->rowCount(), all);
    }

    void recordSaveReopenReplay()
    {
        auto l = load(kExample);
        SimulationSession s(l.process);
        s.setStartTime(at("2026-03-01T08:00:00Z"));
        s.setTaskDuration("Task_CheckInPassenger", 1min);
        s.setAskAtGateways(true);
        s.start("StartEvent_BookingConfirmed");
        stepUntilIdle(s);
        s.nextTimer();
        stepUntilIdle(s);
        s.nextTimer(); // timeout
        stepUntilIdle(s);
        QVERIFY(s.decide({"Flow_Retry"}));
        stepUntilIdle(s);
        s.nextTimer(); // back-off
        stepUntilIdle(s);
        s.advanceBy(10s);
        QVERIFY(s.failActivity(1, "Task_CheckInPassenger", "CHECKIN_REJECTED"));
        QVERIFY(s.completeTask(1, "Task_ManualCheckin", Variables{{"seat", Value("12A")}}));
        const Scenario recorded = s.scenario("retried once, then rejected");
        using K = Scenario::Step::Kind;
        std::vector<K> kinds;
        for (const auto& st : recorded.steps)
            kinds.push_back(st.kind);
        QVERIFY(kinds == (std::vector<K>{K::Start, K::NextTimer, K::Choose, K::NextTimer, K::NextTimer, K::Advance, K::Fail,
                                         K::Complete, K::Expect}));
        QCOMPARE(recorded.steps.back().expect.ended, std::optional<std::string>("EndEvent_CheckedInAtDesk"));

        // Save into a copy of the file, reopen, run it headless and in a session.
        std::string error;
        QVERIFY(!ScenarioStore::put(*l.doc, recorded, &error).empty());
        const auto path = (std::filesystem::temp_directory_path() / ("runway-session-" + std::to_string(::getpid()) + ".bpmn")).string();
        QVERIFY(BpmnWriter::saveFile(*l.doc, path, &error));
        auto reopened = load(path);
        std::filesystem::remove(path);
        QVERIFY(reopened.process);
        Diagnostics errors;
        const auto stored = ScenarioStore::load(*reopened.doc, &errors);
        QCOMPARE(stored.size(), std::size_t(1));
        const auto result = runScenario(stored.front(), reopened.process);
        QVERIFY2(result.passed, result.failure.c_str());

        SimulationSession replay(reopened.process);
        replay.loadScenario(stored.front());
        int n = 0;
        while (replay.replayNext())
            ++n;
        QVERIFY2(replay.replayFailure().isEmpty(), qPrintable(replay.replayFailure()));
        QCOMPARE(n, int(stored.front().steps.size()));
        QCOMPARE(dump(replay.instance(1)->state()), dump(result.finalState));
        QCOMPARE(dump(replay.instance(1)->state()), dump(s.instance(1)->state()));

        // A broken expectation fails, naming it.
        Scenario broken = stored.front();
        broken.steps.back().expect.variables.set("seat", Value("14C"));
        const auto bad = runScenario(broken, reopened.process);
        QVERIFY(!bad.passed);
        QVERIFY2(bad.failure.find("expected variable seat = \"14C\", got \"12A\"") != std::string::npos, bad.failure.c_str());
    }

    void eventLogExportsEscapeUntrustedNames()
    {
        auto r = BpmnReader::readBytes(kHostileNames, "hostile.bpmn");
        Diagnostics d;
        auto process = CompiledProcess::compile(*r.document, {}, &d);
        QVERIFY(process);
        SimulationSession s(process);
        s.start();
        stepUntilIdle(s);
        const QString taskName = QString::fromUtf8("a, \"b\"\n<script>alert(1)</script>");
        const QString csv = s.eventLog()->toCsv();
        QVERIFY2(csv.startsWith("time,instance,event,element,name,detail\r\n"), qPrintable(csv));
        QVERIFY2(csv.contains(",T,\"a, \"\"b\"\"\n<script>alert(1)</script>\","), qPrintable(csv));
        QVERIFY2(csv.contains(",U,\"'=HYPERLINK(\"\"x\"\")\","), qPrintable(csv)); // not a formula
        // Every record has six fields once quoted fields are read as RFC 4180 says.
        int fields = 1, records = 0;
        bool quoted = false;
        for (int i = 0; i < csv.size(); ++i) {
            const QChar c = csv[i];
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
                ++fields;
            else if (!quoted && c == '\n') {
                QCOMPARE(fields, 6);
                fields = 1;
                ++records;
            }
        }
        QCOMPARE(records, s.eventLog()->rowCount() + 1);

        QJsonParseError err;
        const auto json = QJsonDocument::fromJson(s.eventLog()->toJson().toUtf8(), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(json.array().size(), s.eventLog()->rowCount());
        bool found = false;
        for (const auto& row : json.array())
            if (row.toObject().value("element").toString() == "T") {
                QCOMPARE(row.toObject().value("name").toString(), taskName);
                found = true;
            }
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
