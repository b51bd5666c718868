// The engine with several process instances in one run: call activities (variables in and out,
// errors, cancellation, multi-instance, recursion, other files), variable scopes of multi-instance
// activities, messages along message flows between pools with correlation keys, signals across
// process instances and signal start events, and the implicit start of flow nodes without
// incoming sequence flows.
#include "RunwayTest.h"
#include "EngineRun.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/FileIo.h"
#include "runway/core/engine/Instance.h"
#include "tst_engine_collab_fixtures.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::engine;
using namespace std::chrono_literals;
using collab::around;
using collab::child;
using collab::definitions;
using collab::flow;
using collab::process;

namespace {

using Run = runway::test::EngineRun;
using runway::test::compile;
using runway::test::compileDoc;
using runway::test::record;

bool has(const std::vector<std::string>& log, const std::string& entry)
{
    return std::find(log.begin(), log.end(), entry) != log.end();
}

std::string firstIncident(const Instance& in)
{
    return in.incidents().empty() ? std::string() : in.incidents().front();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

const TimePoint kT0 = TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 1).time_since_epoch());

/// The root scope of the newest process instance of the run other than the first.
ScopeId newestOther(const Instance& in)
{
    ScopeId last = -1;
    for (const Scope& s : in.state().scopes)
        if (s.id == s.instance && s.id != 0)
            last = s.id;
    return last;
}

const Value* var(const Instance& in, ScopeId instance, const std::string& name)
{
    const Variables* v = in.processVariables(instance);
    return v ? v->find(name) : nullptr;
}

} // namespace

class TestEngineCollab : public QObject {
    Q_OBJECT
private slots:
    void callActivityRunsTheCalledProcessAsAChild()
    {
        auto r = compile(
            definitions(process("Parent", around("<bpmn:callActivity id=\"X\" calledElement=\"Child\" />")) + child()));
        QVERIFY2(r.process, r.problems.c_str());
        QCOMPARE(r.process->processes().size(), std::size_t(2)); // the called process joined the run
        QCOMPARE(r.process->id(), std::string("Parent"));
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        QVERIFY(in.start({}, Variables{{"x", 1}}));
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Work", "X"}));
        const ScopeId childRoot = newestOther(in);
        QVERIFY(childRoot > 0);
        QCOMPARE(*var(in, childRoot, "x"), Value(1)); // variables pass in by default
        QVERIFY(in.completeTask("Work", Variables{{"result", 42}}));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(*in.variables().find("result"), Value(42)); // and out
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("E"));
        // The child's events say they belong to the child's process instance.
        const auto at = std::find(r.log.begin(), r.log.end(), "enter:Work") - r.log.begin();
        QCOMPARE(r.instances[static_cast<std::size_t>(at)], childRoot);
        QCOMPARE(r.instances.front(), ScopeId(0));
        // The trace says which process instance, as the run holds several processes.
        TraceEvent e{
            TraceEvent::Kind::ElementEntered, kT0, r.process->nodeIndex("Work"), -1, childRoot, 3, childRoot, {}};
        QVERIFY2(contains(toJson(e, *r.process), "\"processInstance\":" + std::to_string(childRoot)),
                 toJson(e, *r.process).c_str());
    }

    void callActivityVariableMappings()
    {
        // Camunda 8: inputs add to what the child sees; with propagateAllChildVariables="false"
        // only the outputs come back.
        const std::string zeebe =
            "<bpmn:callActivity id=\"X\"><bpmn:extensionElements><zeebe:calledElement processId=\"Child\" "
            "propagateAllChildVariables=\"false\" /><zeebe:ioMapping><zeebe:input source=\"=x + 1\" target=\"y\" />"
            "<zeebe:output source=\"=y * 2\" target=\"z\" "
            "/></zeebe:ioMapping></bpmn:extensionElements></bpmn:callActivity>";
        auto r = compile(definitions(process("Parent", around(zeebe)) + child()));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"x", 1}});
        in.runUntilIdle();
        const ScopeId c = newestOther(in);
        QCOMPARE(*var(in, c, "y"), Value(2));
        QCOMPARE(*var(in, c, "x"), Value(1));
        QVERIFY(in.completeTask("Work", Variables{{"secret", 7}}));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(*in.variables().find("z"), Value(4));
        QCOMPARE(in.variables().find("secret"), static_cast<const Value*>(nullptr));
        QCOMPARE(in.variables().find("y"), static_cast<const Value*>(nullptr));

        // Camunda 7: camunda:in/out with source and target pass exactly those variables.
        const std::string c7 = "<bpmn:callActivity id=\"X\" calledElement=\"Child\"><bpmn:extensionElements>"
                               "<camunda:in source=\"x\" target=\"a\" /><camunda:out source=\"b\" target=\"c\" />"
                               "</bpmn:extensionElements></bpmn:callActivity>";
        auto r7 = compile(definitions(process("Parent", around(c7)) + child()));
        QVERIFY2(r7.process, r7.problems.c_str());
        Instance in7(r7.process, &policy, kT0);
        in7.start({}, Variables{{"x", 5}});
        in7.runUntilIdle();
        const ScopeId c7root = newestOther(in7);
        QCOMPARE(*var(in7, c7root, "a"), Value(5));
        QCOMPARE(var(in7, c7root, "x"), static_cast<const Value*>(nullptr));
        QVERIFY(in7.completeTask("Work", Variables{{"b", 9}, {"other", 1}}));
        in7.runToEnd();
        QVERIFY2(in7.completed(), firstIncident(in7).c_str());
        QCOMPARE(*in7.variables().find("c"), Value(9));
        QCOMPARE(in7.variables().find("other"), static_cast<const Value*>(nullptr));

        // camunda:in variables="all" passes everything in.
        const std::string all = "<bpmn:callActivity id=\"X\" calledElement=\"Child\"><bpmn:extensionElements>"
                                "<camunda:in variables=\"all\" /></bpmn:extensionElements></bpmn:callActivity>";
        auto ra = compile(definitions(process("Parent", around(all)) + child()));
        QVERIFY2(ra.process, ra.problems.c_str());
        Instance ina(ra.process, &policy, kT0);
        ina.start({}, Variables{{"x", 5}, {"w", 6}});
        ina.runUntilIdle();
        QCOMPARE(*var(ina, newestOther(ina), "w"), Value(6));
    }

    void errorsAndEscalationsOfTheChildReachTheCallActivity()
    {
        const std::string errors = "<bpmn:error id=\"Err\" errorCode=\"OUT_OF_STOCK\" /><bpmn:escalation id=\"Esc\" "
                                   "escalationCode=\"LATE\" />";
        const std::string throwing =
            child("Child", "<bpmn:endEvent id=\"CE\"><bpmn:errorEventDefinition errorRef=\"Err\" /></bpmn:endEvent>");
        const std::string caught =
            around("<bpmn:callActivity id=\"X\" calledElement=\"Child\" />") +
            "<bpmn:boundaryEvent id=\"B\" attachedToRef=\"X\"><bpmn:errorEventDefinition errorRef=\"Err\" />"
            "</bpmn:boundaryEvent><bpmn:endEvent id=\"Failed\" />" +
            flow("b1", "B", "Failed");
        auto r = compile(definitions(errors + process("Parent", caught) + throwing));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.runUntilIdle();
        QVERIFY(in.completeTask("Work"));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("Failed"));
        QVERIFY(!has(r.log, "leave:X"));

        // Without a catch the run fails, naming the path up from the child.
        auto u = compile(definitions(
            errors + process("Parent", around("<bpmn:callActivity id=\"X\" calledElement=\"Child\" />")) + throwing));
        QVERIFY2(u.process, u.problems.c_str());
        Instance un(u.process, &policy, kT0);
        un.start();
        un.runUntilIdle();
        un.completeTask("Work");
        un.runToEnd();
        QVERIFY(un.failed());
        QVERIFY2(contains(firstIncident(un), "'OUT_OF_STOCK' was not caught (thrown at CE in X)"),
                 firstIncident(un).c_str());

        // An escalation thrown in the child reaches a non-interrupting boundary escalation event:
        // the child goes on.
        const std::string escalating = process(
            "Child",
            "<bpmn:startEvent id=\"CS\" /><bpmn:intermediateThrowEvent id=\"Up\"><bpmn:escalationEventDefinition "
            "escalationRef=\"Esc\" /></bpmn:intermediateThrowEvent><bpmn:userTask id=\"Work\" /><bpmn:endEvent "
            "id=\"CE\" />" +
                flow("c1", "CS", "Up") + flow("c2", "Up", "Work") + flow("c3", "Work", "CE"));
        const std::string watching = around("<bpmn:callActivity id=\"X\" calledElement=\"Child\" />") +
                                     "<bpmn:boundaryEvent id=\"B\" attachedToRef=\"X\" cancelActivity=\"false\">"
                                     "<bpmn:escalationEventDefinition escalationRef=\"Esc\" /></bpmn:boundaryEvent>"
                                     "<bpmn:userTask id=\"Apologise\" />" +
                                     flow("b1", "B", "Apologise");
        auto e = compile(definitions(errors + process("Parent", watching) + escalating));
        QVERIFY2(e.process, e.problems.c_str());
        Instance esc(e.process, &policy, kT0);
        esc.start();
        esc.runUntilIdle();
        QCOMPARE(esc.waitingAt(), (std::vector<std::string>{"Apologise", "Work", "X"}));
    }

    void cancellingTheCallActivityCancelsTheChild()
    {
        const std::string body =
            around("<bpmn:callActivity id=\"X\" calledElement=\"Child\" />") +
            "<bpmn:boundaryEvent id=\"Late\" attachedToRef=\"X\">" + collab::timerDuration("PT1H") +
            "</bpmn:boundaryEvent><bpmn:endEvent id=\"TooLate\" />" + flow("b1", "Late", "TooLate");
        auto r = compile(definitions(process("Parent", body) + child()));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        in.start();
        in.runToEnd(); // the child waits at its user task; the timer fires
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("TooLate"));
        QVERIFY(has(r.log, "cancel:Work"));
        QVERIFY(in.waitingAt().empty());
        QVERIFY(!in.completeTask("Work"));

        // A terminate end event of the parent ends the child too.
        const std::string term = "<bpmn:startEvent id=\"S\" /><bpmn:parallelGateway id=\"Fork\" />"
                                 "<bpmn:callActivity id=\"X\" calledElement=\"Child\" /><bpmn:endEvent id=\"T\">"
                                 "<bpmn:terminateEventDefinition /></bpmn:endEvent><bpmn:endEvent id=\"E\" />" +
                                 flow("t1", "S", "Fork") + flow("t2", "Fork", "X") + flow("t3", "Fork", "T") +
                                 flow("t4", "X", "E");
        auto t = compile(definitions(process("Parent", term) + child()));
        QVERIFY2(t.process, t.problems.c_str());
        Instance tin(t.process, &policy, kT0);
        tin.start();
        tin.runToEnd();
        QVERIFY2(tin.completed(), firstIncident(tin).c_str());
        QVERIFY(tin.waitingAt().empty());
    }

    void multiInstanceCallActivityAndLocalVariables()
    {
        const std::string mi =
            "<bpmn:callActivity id=\"X\" calledElement=\"Child\"><bpmn:extensionElements "
            "/><bpmn:multiInstanceLoopCharacteristics>"
            "<bpmn:extensionElements><zeebe:loopCharacteristics inputCollection=\"=items\" inputElement=\"item\" "
            "outputCollection=\"results\" outputElement=\"=result\" /></bpmn:extensionElements>"
            "</bpmn:multiInstanceLoopCharacteristics></bpmn:callActivity>";
        auto r = compile(definitions(process("Parent", around(mi)) + child()));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"items", Value(List{Value("a"), Value("b"), Value("c")})}});
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Work", "Work", "Work", "X", "X", "X"}));
        // Each child got its own item and number; none of them is a variable of the parent.
        std::vector<std::string> items;
        for (const Scope& s : in.state().scopes)
            if (s.id == s.instance && s.id != 0) {
                items.push_back(var(in, s.id, "item")->asString());
                QCOMPARE(*var(in, s.id, "loopCounter"), Value(static_cast<int>(items.size())));
            }
        QCOMPARE(items, (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(in.variables().find("item"), static_cast<const Value*>(nullptr));
        QCOMPARE(in.variables().find("loopCounter"), static_cast<const Value*>(nullptr));
        // Each child's result fills its place in the output collection.
        for (const char* result : {"A", "B", "C"}) {
            QVERIFY(in.completeTask("Work", Variables{{"result", Value(std::string(result))}}));
            in.runUntilIdle();
        }
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(in.variables().find("results")->toString(),
                 Value(List{Value("A"), Value("B"), Value("C")}).toString());
        QCOMPARE(in.variables().find("result"), static_cast<const Value*>(nullptr)); // local to each instance
        QCOMPARE(*in.variables().find("numberOfCompletedInstances"), Value(3));
    }

    void writesGoToTheNearestScopeThatHasTheVariable()
    {
        // A multi-instance sub-process: a gateway inside reads the instance's item through the
        // scope chain; a task's results land in the instance when it has the variable, else in the
        // process instance.
        const std::string sub =
            "<bpmn:subProcess id=\"X\"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements>"
            "<zeebe:loopCharacteristics inputCollection=\"=[1, 2]\" inputElement=\"item\" /></bpmn:extensionElements>"
            "</bpmn:multiInstanceLoopCharacteristics><bpmn:startEvent id=\"IS\" /><bpmn:exclusiveGateway id=\"G\" />"
            "<bpmn:userTask id=\"One\" /><bpmn:userTask id=\"Two\" /><bpmn:endEvent id=\"IE1\" /><bpmn:endEvent "
            "id=\"IE2\" />" +
            flow("i1", "IS", "G") + flow("i2", "G", "One", "=item = 1") + flow("i3", "G", "Two", "=item = 2") +
            flow("i4", "One", "IE1") + flow("i5", "Two", "IE2") + "</bpmn:subProcess>";
        auto r = compile(definitions(process("P", around(sub))));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"total", 0}});
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"One", "Two", "X", "X"}));
        QVERIFY(in.completeTask("One", Variables{{"item", 10}, {"total", 5}}));
        QVERIFY(in.completeTask("Two", Variables{{"fresh", true}}));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
        QCOMPARE(*in.variables().find("total"), Value(5));    // the process instance has it
        QCOMPARE(*in.variables().find("fresh"), Value(true)); // nobody had it: the process instance
        QCOMPARE(in.variables().find("item"), static_cast<const Value*>(nullptr)); // stayed in its instance
        const auto& locals = in.state().locals;
        QVERIFY(std::any_of(locals.begin(), locals.end(),
                            [](const Variables& v) { return v.find("item") && *v.find("item") == Value(10); }));
    }

    void calledProcessByExpressionAndMissingProcesses()
    {
        const std::string byExpr = "<bpmn:callActivity id=\"X\"><bpmn:extensionElements><zeebe:calledElement "
                                   "processId=\"=which\" /></bpmn:extensionElements></bpmn:callActivity>";
        auto r = compile(definitions(process("Parent", around(byExpr)) + child()));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"which", "Child"}});
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Work", "X"}));
        Instance wrong(r.process, &policy, kT0);
        wrong.start({}, Variables{{"which", "Nobody"}});
        wrong.runUntilIdle();
        QVERIFY(wrong.failed());
        QVERIFY2(contains(firstIncident(wrong), "'X': the called process 'Nobody' is in neither this file"),
                 firstIncident(wrong).c_str());

        // A called process found nowhere: a warning when compiling, an incident when reached.
        auto m = compile(
            definitions(process("Parent", around("<bpmn:callActivity id=\"X\" calledElement=\"Elsewhere\" />"))));
        QVERIFY2(m.process, m.problems.c_str());
        QVERIFY2(contains(m.problems, "call-unresolved") && contains(m.problems, "'Elsewhere'"), m.problems.c_str());
        Instance missing(m.process, &policy, kT0);
        missing.start();
        missing.runUntilIdle();
        QVERIFY(missing.failed());
        QVERIFY2(contains(firstIncident(missing), "'X': the called process 'Elsewhere'"),
                 firstIncident(missing).c_str());
    }

    void calledProcessInAnotherFileOfTheFolder()
    {
        namespace fs = std::filesystem;
        const fs::path dir =
            fs::temp_directory_path() /
            ("runway-collab-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
        fs::create_directories(dir);
        std::string error;
        QVERIFY2(writeFileAtomically(
                     (dir / "parent.bpmn").string(),
                     definitions(process("Parent", around("<bpmn:callActivity id=\"X\" calledElement=\"Billing\" />"))),
                     &error),
                 error.c_str());
        QVERIFY2(writeFileAtomically((dir / "billing.bpmn").string(), definitions(child("Billing")), &error),
                 error.c_str());
        QVERIFY2(writeFileAtomically((dir / "broken.bpmn").string(), "<not bpmn", &error), error.c_str());
        auto read = BpmnReader::readFile((dir / "parent.bpmn").string());
        QVERIFY(read.ok());
        auto r = compileDoc(std::move(read.document));
        fs::remove_all(dir);
        QVERIFY2(r.process, r.problems.c_str());
        QVERIFY(r.process->processIndex("Billing") > 0);
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start();
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Work", "X"}));
        in.completeTask("Work");
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
    }

    void recursionIsBoundedByTheLimits()
    {
        auto r =
            compile(definitions(process("Again", around("<bpmn:callActivity id=\"X\" calledElement=\"Again\" />"))));
        QVERIFY2(r.process, r.problems.c_str());
        QCOMPARE(r.process->processes().size(), std::size_t(1));
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.setLimits(100'000, 500);
        in.start();
        in.runToEnd();
        QVERIFY(in.failed());
        QVERIFY2(contains(firstIncident(in), "tokens") || contains(firstIncident(in), "steps"),
                 firstIncident(in).c_str());
    }

    void instancesStartingEachOtherAreStopped()
    {
        auto r = compile(collab::pingPong(), "A");
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.setLimits(1'000'000, 300);
        in.start();
        in.runToEnd();
        QVERIFY(in.failed());
        QCOMPARE(in.incidents().size(), std::size_t(1));
        QVERIFY2(contains(firstIncident(in), "process instances start each other without end"),
                 firstIncident(in).c_str());
        QVERIFY(in.state().tokens.size() < 400);
    }

    void messagesFlowBetweenPools()
    {
        auto r = compile(collab::shopCollaboration(), "Customer");
        QVERIFY2(r.process, r.problems.c_str());
        QCOMPARE(r.process->processes().size(), std::size_t(2)); // both pools of the collaboration
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        record(r, in);
        QVERIFY(in.start({}, Variables{{"orderId", "A-1"}}));
        in.runUntilIdle();
        // The order started the shop's process, which carries the sender's variables.
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Pack", "Reply"}));
        QCOMPARE(in.processInstances().size(), std::size_t(2));
        const ScopeId shop = newestOther(in);
        QCOMPARE(*var(in, shop, "orderId"), Value("A-1"));
        QVERIFY(!in.completed());
        QVERIFY(in.completeTask("Pack"));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str()); // both ended
        QCOMPARE(r.process->node(in.state().endedAt).id, std::string("E"));
        QCOMPARE(r.process->node(in.state().scopes[static_cast<std::size_t>(shop)].endedAt).id, std::string("ShopEnd"));
        QVERIFY(has(r.log, "leave:Reply"));
    }

    void correlationKeysChooseTheInstance()
    {
        auto r = compile(collab::shopCollaboration(), "Customer");
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"orderId", "A"}});
        QVERIFY(in.startProcess("S", Variables{{"orderId", "B"}})); // a second customer
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Pack", "Pack", "Reply", "Reply"}));
        // By hand: the reply for B goes to B, though A subscribed first.
        QVERIFY(in.correlateMessage("reply", Variables{{"note", "yours"}}, "B"));
        QVERIFY(!in.correlateMessage("reply", {}, "C")); // no one waits with that key
        in.runUntilIdle();
        ScopeId customerB = -1;
        for (ScopeId root : in.processInstances())
            if (const Value* id = var(in, root, "orderId");
                id && *id == Value("B") && root != newestOther(in) &&
                in.state().scopes[static_cast<std::size_t>(root)].process == 0)
                customerB = root;
        QVERIFY(customerB > 0);
        QVERIFY(in.state().scopes[static_cast<std::size_t>(customerB)].done);
        QCOMPARE(*var(in, customerB, "note"), Value("yours"));
        QVERIFY(!in.state().scopes[0].done); // A still waits
        // The shop answers A along the message flow, with A's key.
        QVERIFY(in.completeTask("Pack"));
        in.runUntilIdle();
        QVERIFY(in.state().scopes[0].done);
        // A message start event starts one more instance, also after the run began.
        QVERIFY(in.correlateMessage("order", Variables{{"orderId", "D"}}));
        in.runUntilIdle();
        QCOMPARE(*var(in, newestOther(in), "orderId"), Value("D"));
    }

    void signalsReachEveryInstanceAndStartProcesses()
    {
        const std::string xml = definitions(
            "<bpmn:signal id=\"Sig\" name=\"alarm\" />" +
            process("Watch",
                    "<bpmn:startEvent id=\"S\" /><bpmn:intermediateCatchEvent id=\"Hear\"><bpmn:signalEventDefinition "
                    "signalRef=\"Sig\" /></bpmn:intermediateCatchEvent><bpmn:endEvent id=\"E\" />" +
                        flow("f1", "S", "Hear") + flow("f2", "Hear", "E")) +
            process("React",
                    "<bpmn:startEvent id=\"RS\"><bpmn:signalEventDefinition signalRef=\"Sig\" /></bpmn:startEvent>"
                    "<bpmn:userTask id=\"Run\" />" +
                        flow("r1", "RS", "Run")));
        auto read = BpmnReader::readBytes(xml, "signals.bpmn");
        QVERIFY(read.ok());
        Diagnostics d;
        CompileOptions all;
        all.allProcesses = true;
        auto p = CompiledProcess::compile(*read.document, "Watch", &d, all);
        QVERIFY(p);
        ConditionPolicy policy;
        Instance in(p, &policy, kT0);
        in.start();
        QVERIFY(in.startProcess("S")); // a second watcher
        in.runUntilIdle();
        QCOMPARE(in.broadcastSignal("alarm"), 3); // two catches and one signal start event
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), std::vector<std::string>{"Run"});
        QCOMPARE(in.processInstances().size(), std::size_t(3));
    }

    void flowNodesWithoutIncomingFlowsStart()
    {
        // A process without start events starts at every flow node without incoming flows; so does
        // a sub-process, but not its boundary events, compensation handlers or event sub-processes.
        const std::string body =
            "<bpmn:userTask id=\"A\" /><bpmn:userTask id=\"B\" /><bpmn:subProcess id=\"Sub\"><bpmn:userTask id=\"In\" "
            "/>"
            "</bpmn:subProcess><bpmn:boundaryEvent id=\"Bd\" attachedToRef=\"A\">" +
            collab::timerDuration("PT1H") +
            "</bpmn:boundaryEvent><bpmn:task id=\"Undo\" isForCompensation=\"true\" /><bpmn:endEvent id=\"E\" />" +
            flow("f1", "B", "E");
        auto r = compile(definitions(process("P", body)));
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        QVERIFY(in.start());
        in.runUntilIdle();
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"A", "B", "In", "Sub"}));
        QVERIFY(in.completeTask("B"));
        QVERIFY(in.completeTask("In"));
        QVERIFY(in.completeTask("A"));
        in.runToEnd();
        QVERIFY2(in.completed(), firstIncident(in).c_str());
    }

    void snapshotsHoldEveryProcessInstance()
    {
        auto r = compile(collab::shopCollaboration(), "Customer");
        QVERIFY2(r.process, r.problems.c_str());
        ConditionPolicy policy;
        Instance in(r.process, &policy, kT0);
        in.start({}, Variables{{"orderId", "A"}});
        in.runUntilIdle();
        const InstanceState before = in.snapshot();
        QVERIFY(in.completeTask("Pack"));
        in.runToEnd();
        QVERIFY(in.completed());
        in.restore(before);
        QVERIFY(!in.completed());
        QCOMPARE(in.waitingAt(), (std::vector<std::string>{"Pack", "Reply"}));
        QVERIFY(in.completeTask("Pack"));
        in.runToEnd();
        QVERIFY(in.completed());
    }
};

RUNWAY_TEST_MAIN(TestEngineCollab, callActivityRunsTheCalledProcessAsAChild, callActivityVariableMappings,
                 errorsAndEscalationsOfTheChildReachTheCallActivity, cancellingTheCallActivityCancelsTheChild,
                 multiInstanceCallActivityAndLocalVariables, writesGoToTheNearestScopeThatHasTheVariable,
                 calledProcessByExpressionAndMissingProcesses, calledProcessInAnotherFileOfTheFolder,
                 recursionIsBoundedByTheLimits, instancesStartingEachOtherAreStopped, messagesFlowBetweenPools,
                 correlationKeysChooseTheInstance, signalsReachEveryInstanceAndStartProcesses,
                 flowNodesWithoutIncomingFlowsStart, snapshotsHoldEveryProcessInstance)
#ifndef RUNWAY_NO_QT
#include "tst_engine_collab.moc"
#endif
