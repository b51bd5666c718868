// Processes for the engine-semantics tests (transactions, compensation, complex gateways, the timer
// heap), kept out of the test source because moc misreads "//" inside raw string literals.
#pragma once

#include "tst_engine_fixtures.h"

#include <string>

namespace {

inline std::string userTask(const std::string& id)
{
    return "<bpmn:userTask id=\"" + id + "\" />\n";
}

/// A boundary event on `activity`; `definition` is its event definition (empty: none).
inline std::string boundary(const std::string& id, const std::string& activity, const std::string& definition,
                            bool interrupting = true)
{
    return "<bpmn:boundaryEvent id=\"" + id + "\" attachedToRef=\"" + activity + "\"" +
           (interrupting ? "" : " cancelActivity=\"false\"") + ">" + definition + "</bpmn:boundaryEvent>\n";
}

} // namespace

namespace {

/// A transaction T: A then B (each with a compensation handler, UndoA and UndoB), beside a user
/// task W; after B a cancel end event. T has a cancel boundary event leading to Cancelled, and
/// completes normally to Done. `cancelBoundary` false leaves the boundary event out.
inline std::string transactionModel(bool cancelBoundary)
{
    const std::string comp = "<bpmn:compensateEventDefinition />";
    return model(
        "<bpmn:startEvent id=\"S\" />"
        "<bpmn:transaction id=\"T\">"
        "<bpmn:startEvent id=\"TS\" /><bpmn:parallelGateway id=\"Fork\" />"
        "<bpmn:serviceTask id=\"A\" /><bpmn:serviceTask id=\"B\" /><bpmn:userTask id=\"W\" />"
        "<bpmn:endEvent id=\"CancelEnd\"><bpmn:cancelEventDefinition /></bpmn:endEvent>" +
        boundary("CA", "A", comp) + boundary("CB", "B", comp) +
        "<bpmn:serviceTask id=\"UndoA\" isForCompensation=\"true\" />"
        "<bpmn:serviceTask id=\"UndoB\" isForCompensation=\"true\" />" +
        flow("t1", "TS", "Fork") + flow("t2", "Fork", "A") + flow("t3", "A", "B") + flow("t4", "B", "CancelEnd") +
        flow("t5", "Fork", "W") +
        "<bpmn:association id=\"a1\" sourceRef=\"CA\" targetRef=\"UndoA\" />"
        "<bpmn:association id=\"a2\" sourceRef=\"CB\" targetRef=\"UndoB\" />"
        "</bpmn:transaction>" +
        (cancelBoundary ? boundary("TC", "T", "<bpmn:cancelEventDefinition />") + "<bpmn:endEvent id=\"Cancelled\" />" +
                              flow("f3", "TC", "Cancelled")
                        : std::string()) +
        "<bpmn:endEvent id=\"Done\" />" + flow("f1", "S", "T") + flow("f2", "T", "Done"));
}

} // namespace

namespace {

/// A fork to the user tasks A, B and C, joined by the complex gateway G (activation condition
/// `condition`), then the service task X and the end E. Flows into G: ja, jb, jc.
inline std::string complexModel(const std::string& condition)
{
    return model("<bpmn:startEvent id=\"S\" /><bpmn:parallelGateway id=\"Fork\" />" + userTask("A") + userTask("B") +
                 userTask("C") + "<bpmn:complexGateway id=\"G\"><bpmn:activationCondition xsi:type=\"bpmn:tFormalExpression\">" +
                 condition + "</bpmn:activationCondition></bpmn:complexGateway><bpmn:serviceTask id=\"X\" />"
                 "<bpmn:endEvent id=\"E\" />" +
                 flow("f0", "S", "Fork") + flow("fa", "Fork", "A") + flow("fb", "Fork", "B") + flow("fc", "Fork", "C") +
                 flow("ja", "A", "G") + flow("jb", "B", "G") + flow("jc", "C", "G") + flow("fx", "G", "X") +
                 flow("fe", "X", "E"));
}

} // namespace

namespace {

/// A compensation end event; `activity` names the activity to compensate (empty: all).
inline std::string compensateEnd(const std::string& id, const std::string& activity = {})
{
    return "<bpmn:endEvent id=\"" + id + "\"><bpmn:compensateEventDefinition" +
           (activity.empty() ? std::string() : " activityRef=\"" + activity + "\"") + " /></bpmn:endEvent>";
}

/// Service task `id` with a compensation boundary event and its handler `Undo<id>`.
inline std::string compensableTask(const std::string& id)
{
    return "<bpmn:serviceTask id=\"" + id + "\" />" + boundary("C" + id, id, "<bpmn:compensateEventDefinition />") +
           "<bpmn:serviceTask id=\"Undo" + id + "\" isForCompensation=\"true\" />"
           "<bpmn:association id=\"a" + id + "\" sourceRef=\"C" + id + "\" targetRef=\"Undo" + id + "\" />";
}

} // namespace
