// The outline of a file (modeler::ProcessTreeModel): processes, pools, lanes and flow-node counts.
#include "runway/core/BpmnReader.h"
#include "runway/modeler/ProcessTreeModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using runway::core::BpmnReader;
using runway::modeler::countFlowNodes;
using runway::modeler::FlowNodeCounts;
using runway::modeler::ProcessTreeModel;

namespace {

// Two pools (one a black box), lanes nested two deep, a sub-process with its own nodes, a call
// activity and every gateway and event kind the counts must sort.
// Written with single-quoted attributes: moc reads "//" in a raw string literal as a comment.
const char* const kCollaboration =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL' id='Defs' targetNamespace='urn:test'>\n"
    "  <bpmn:collaboration id='Collab'>\n"
    "    <bpmn:participant id='Pool_Airline' name='Airline' processRef='Process_Airline' />\n"
    "    <bpmn:participant id='Pool_Passenger' name='Passenger' />\n"
    "    <bpmn:participant id='Pool_Dangling' processRef='Process_Gone' />\n"
    "  </bpmn:collaboration>\n"
    "  <bpmn:process id='Process_Airline' name='Check-in' isExecutable='false'>\n"
    "    <bpmn:laneSet id='LaneSet_1'>\n"
    "      <bpmn:lane id='Lane_Ground' name='Ground staff'>\n"
    "        <bpmn:flowNodeRef>Start</bpmn:flowNodeRef>\n"
    "        <bpmn:childLaneSet id='LaneSet_2'>\n"
    "          <bpmn:lane id='Lane_Desk' name='Desk'>\n"
    "            <bpmn:flowNodeRef>Task_A</bpmn:flowNodeRef>\n"
    "            <bpmn:flowNodeRef>Gw</bpmn:flowNodeRef>\n"
    "          </bpmn:lane>\n"
    "        </bpmn:childLaneSet>\n"
    "      </bpmn:lane>\n"
    "      <bpmn:lane id='Lane_Systems' name='Systems' />\n"
    "    </bpmn:laneSet>\n"
    "    <bpmn:startEvent id='Start' />\n"
    "    <bpmn:userTask id='Task_A' />\n"
    "    <bpmn:parallelGateway id='Gw' />\n"
    "    <bpmn:subProcess id='Sub'>\n"
    "      <bpmn:startEvent id='Sub_Start' />\n"
    "      <bpmn:scriptTask id='Sub_Task' />\n"
    "      <bpmn:endEvent id='Sub_End' />\n"
    "    </bpmn:subProcess>\n"
    "    <bpmn:callActivity id='Call' />\n"
    "    <bpmn:boundaryEvent id='Boundary' attachedToRef='Task_A' />\n"
    "    <bpmn:eventBasedGateway id='Gw2' />\n"
    "    <bpmn:endEvent id='End' />\n"
    "    <bpmn:sequenceFlow id='F1' sourceRef='Start' targetRef='Task_A' />\n"
    "    <bpmn:dataObject id='Data' />\n"
    "  </bpmn:process>\n"
    "  <bpmn:process id='Process_Unnamed' />\n"
    "</bpmn:definitions>\n";

std::unique_ptr<runway::core::Document> read(const char* xml)
{
    auto r = BpmnReader::readBytes(xml, "test.bpmn");
    return std::move(r.document);
}

QString text(const QModelIndex& index, int column = ProcessTreeModel::NameColumn)
{
    return index.siblingAtColumn(column).data().toString();
}

} // namespace

class TestProcessTreeModel : public QObject {
    Q_OBJECT

private slots:
    void outlineOfACollaboration()
    {
        auto doc = read(kCollaboration);
        QVERIFY(doc);
        ProcessTreeModel model(*doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Processes first, in file order, then the pools.
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.processCount(), 2);
        QCOMPARE(model.participantCount(), 3);
        const QModelIndex airline = model.index(0, 0);
        QCOMPARE(text(airline), QStringLiteral("Check-in"));
        QCOMPARE(text(airline, 1), QStringLiteral("Process, not executable"));
        QCOMPARE(model.kind(airline), ProcessTreeModel::ItemKind::Process);
        QCOMPARE(text(model.index(1, 0)), QStringLiteral("Process_Unnamed")); // no name: the id
        QCOMPARE(text(model.index(1, 0), 1), QStringLiteral("Process"));
        QCOMPARE(text(model.index(2, 0)), QStringLiteral("Airline"));
        QCOMPARE(text(model.index(2, 0), 1), QStringLiteral("Pool \u2192 Check-in"));
        QCOMPARE(model.kind(model.index(2, 0)), ProcessTreeModel::ItemKind::Participant);
        QCOMPARE(text(model.index(3, 0)), QStringLiteral("Passenger"));
        QCOMPARE(text(model.index(3, 0), 1), QStringLiteral("Pool without a process (black box)"));
        QCOMPARE(text(model.index(4, 0)), QStringLiteral("Pool_Dangling"));
        QCOMPARE(text(model.index(4, 0), 1), QStringLiteral("Pool \u2192 Process_Gone (no such process)"));

        // Under a process: the counts, then the lanes as they nest.
        QCOMPARE(model.rowCount(airline), 3);
        const QModelIndex summary = model.index(0, 0, airline);
        QCOMPARE(model.kind(summary), ProcessTreeModel::ItemKind::FlowNodeSummary);
        QCOMPARE(text(summary), QStringLiteral("Flow nodes: 11"));
        QCOMPARE(text(summary, 1), QStringLiteral("Tasks: 2, Gateways: 2, Events: 5, Sub-processes: 1, "
                                                  "Call activities: 1"));
        const QModelIndex ground = model.index(1, 0, airline);
        QCOMPARE(text(ground), QStringLiteral("Ground staff"));
        QCOMPARE(text(ground, 1), QStringLiteral("Lane, flow nodes: 1"));
        QCOMPARE(model.rowCount(ground), 1);
        const QModelIndex desk = model.index(0, 0, ground);
        QCOMPARE(text(desk), QStringLiteral("Desk"));
        QCOMPARE(text(desk, 1), QStringLiteral("Lane, flow nodes: 2"));
        QCOMPARE(desk.parent(), ground);
        QCOMPARE(text(model.index(2, 0, airline)), QStringLiteral("Systems"));
        QCOMPARE(model.rowCount(model.index(1, 0)), 1); // an empty process still gets its counts
        QCOMPARE(text(model.index(0, 0, model.index(1, 0)), 1), QStringLiteral("Tasks: 0, Gateways: 0, Events: 0, "
                                                                               "Sub-processes: 0"));

        // Items refer to elements by id.
        QCOMPARE(model.elementId(desk), QStringLiteral("Lane_Desk"));
        QCOMPARE(desk.data(ProcessTreeModel::ElementIdRole).toString(), QStringLiteral("Lane_Desk"));
        QVERIFY(desk.data(ProcessTreeModel::SourceLineRole).toInt() > 0);
        QCOMPARE(model.indexOfElement(QStringLiteral("Lane_Desk")), desk);
        QCOMPARE(model.indexOfElement(QStringLiteral("Process_Airline")), airline);
        QVERIFY(!model.indexOfElement(QStringLiteral("Task_A")).isValid()); // flow nodes are counted, not listed
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Element"));
    }

    void countsByKind()
    {
        auto doc = read(kCollaboration);
        QVERIFY(doc);
        const auto* process = doc->findById("Process_Airline");
        QVERIFY(process);
        FlowNodeCounts expected;
        expected.tasks = 2;          // Task_A, Sub_Task
        expected.gateways = 2;       // Gw, Gw2
        expected.events = 5;         // Start, Boundary, End, Sub_Start, Sub_End
        expected.subProcesses = 1;   // Sub
        expected.callActivities = 1; // Call
        QCOMPARE(countFlowNodes(*process), expected);
        QCOMPARE(countFlowNodes(*process).total(), 11);
        ProcessTreeModel model(*doc);
        QCOMPARE(model.totalCounts(), expected);
    }

    void reloadFollowsTheDocument()
    {
        auto doc = read(kCollaboration);
        QVERIFY(doc);
        ProcessTreeModel model(*doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* process = doc->findById("Process_Unnamed");
        doc->beginEdit();
        doc->setAttribute(process, "name", "Renamed");
        doc->endEdit();
        QCOMPARE(text(model.index(1, 0)), QStringLiteral("Renamed")); // looked up when asked
        doc->beginEdit();
        doc->remove(doc->findById("Collab"));
        doc->endEdit();
        model.reload();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.participantCount(), 0);
    }

    void emptyDocument()
    {
        auto doc =
            read("<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL' id='D' targetNamespace='x'/>");
        QVERIFY(doc);
        ProcessTreeModel model(*doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCounts().total(), 0);
        QVERIFY(!model.index(0, 0).isValid());
    }
};

QTEST_MAIN(TestProcessTreeModel)
#include "tst_processtreemodel.moc"
