// The simulation mode as a user drives it: View > Simulate on the bundled check-in example, the
// toolbar's actions through the boundary timeout and its retries to the fallback end, stepping
// back to the start with the overlay and the session exactly as on the way forward, an error path
// through the controller's triggers, the panel (log filter, click to select, exports, variables),
// and leaving the mode, which restores the editor.
#include "MainWindow.h"
#include "PropertiesPanel.h"
#include "SimulationController.h"
#include "SimulationDock.h"
#include "TokenOverlay.h"

#include "runway/core/BpmnWriter.h"
#include "runway/core/Iso8601.h"
#include "runway/core/engine/CompiledProcess.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/sim/EventLogModel.h"
#include "runway/sim/SimulationSession.h"
#include "runway/sim/VariablesModel.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsScene>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QTableView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QToolBar>
#include <QtTest>

using runway::app::MainWindow;
using runway::app::SimulationController;
using runway::app::TokenOverlay;
using runway::sim::TokenView;
using namespace std::chrono_literals;

namespace {

QString examplePath()
{
    return QStringLiteral(RUNWAY_SOURCE_DIR) + QStringLiteral("/resources/examples/airline-checkin.bpmn");
}

/// What a user sees and what the session holds after an action.
struct Point {
    QHash<QString, int> drawn; ///< tokens the overlay draws per element
    TokenView overlay;         ///< the overlay's view
    TokenView session;         ///< the session's view
    qint64 clock = 0;
    int logRows = 0;
    QString variables;
    QString clockText;
};

QString variablesOf(const runway::sim::SimulationSession& s)
{
    QString out;
    if (const auto* i = s.instance(1))
        for (const auto& [name, value] : i->variables())
            out += QString::fromStdString(name + "=" + value.toString() + ";");
    return out;
}

Point pointOf(const SimulationController& sim)
{
    const auto& s = *sim.session();
    return {sim.overlay()->tokenCounts(), sim.overlay()->view(), s.tokenView(), s.clock().time_since_epoch().count(),
            s.eventLog()->rowCount(), variablesOf(s), sim.clockLabel()->text()};
}

bool samePoint(const Point& a, const Point& b)
{
    return a.drawn == b.drawn && a.overlay == b.overlay && a.session == b.session && a.clock == b.clock &&
           a.logRows == b.logRows && a.variables == b.variables && a.clockText == b.clockText;
}

QList<TokenOverlay*> overlaysIn(runway::modeler::canvas::DiagramCanvas* canvas)
{
    QList<TokenOverlay*> found;
    for (QGraphicsItem* item : canvas->scene()->items())
        if (item->type() == TokenOverlay::Type)
            found << static_cast<TokenOverlay*>(item);
    return found;
}

} // namespace

class TestSimulation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RunwayTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_simulation"));
    }

    void simulateTheCheckInExample()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openFile(examplePath()));
        auto* view = w.currentView();
        auto* canvas = w.currentCanvas();
        QVERIFY(view && canvas);
        const std::string bytesBefore = runway::core::BpmnWriter::toString(view->document());
        const QByteArray windowBefore = w.saveState();
        const int itemsBefore = int(canvas->scene()->items().size());

        SimulationController* sim = w.simulation();
        QVERIFY(sim);
        QVERIFY(!sim->isActive());
        QVERIFY(!sim->toolBar()->isVisible());
        QVERIFY(!sim->stepAction()->isEnabled());
        // The toggle is in the View menu.
        auto* viewMenu = w.menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
        QVERIFY(viewMenu && viewMenu->actions().contains(sim->toggleAction()));

        // Enter: the toolbar, the dock and the clock show; editing is locked; no token yet.
        sim->toggleAction()->trigger();
        QVERIFY(sim->isActive());
        QVERIFY(sim->toggleAction()->isChecked());
        QVERIFY(sim->toolBar()->isVisible());
        QVERIFY(sim->dock()->isVisible());
        QVERIFY(sim->clockLabel()->isVisible());
        QVERIFY(!w.propertiesPanel()->isEnabled());
        QCOMPARE(overlaysIn(canvas).size(), 1);
        QVERIFY(sim->overlay()->tokenCounts().isEmpty());
        QCOMPARE(sim->startEventBox()->count(), 1);
        QCOMPARE(sim->startEventBox()->currentData().toString(), QStringLiteral("StartEvent_BookingConfirmed"));

        auto* s = sim->session();
        s->setStartTime(runway::core::iso8601::parseDateTime("2026-03-01T08:00:00Z")->time);
        s->setTaskDuration(QStringLiteral("Task_CheckInPassenger"), 1min);

        std::vector<Point> pass;
        auto act = [&](QAction* a) {
            const int before = s->historySize();
            a->trigger();
            if (s->historySize() == before)
                return false;
            pass.push_back(pointOf(*sim));
            return true;
        };
        auto stepUntilIdle = [&] {
            for (int guard = 0; guard < 1000 && act(sim->stepAction()); ++guard) {
            }
        };

        // Start with variables typed in the toolbar.
        sim->startVariablesEdit()->setText(QStringLiteral("{retries: 0, passenger: \"Ada\"}"));
        QVERIFY(act(sim->startAction()));
        QCOMPARE(s->instanceCount(), 1);
        QCOMPARE(QString::fromStdString(s->instance(1)->variables().find("passenger")->toString()), QStringLiteral("\"Ada\""));
        stepUntilIdle();
        QCOMPARE(sim->overlay()->tokenCounts(), (QHash<QString, int>{{QStringLiteral("Event_CheckinOpens"), 1}}));
        const auto& opens = sim->overlay()->view().tokensAt.value(QStringLiteral("Event_CheckinOpens")).front();
        QCOMPARE(opens.colour, 0);
        QCOMPARE(opens.waits.size(), 1);
        QCOMPARE(*opens.waits.front().msLeft, qint64(23 * 3600 * 1000));
        QCOMPARE(TokenOverlay::formatLeft(*opens.waits.front().msLeft), QStringLiteral("23:00:00"));
        QCOMPARE(sim->clockLabel()->text(), QStringLiteral("Virtual time: 2026-03-01 08:00:00 UTC"));

        // Next timer: check-in opens; the task works, the boundary timeout waits beside it.
        QVERIFY(act(sim->nextTimerAction()));
        QCOMPARE(sim->clockLabel()->text(), QStringLiteral("Virtual time: 2026-03-02 07:00:00 UTC"));
        stepUntilIdle();
        QCOMPARE(sim->overlay()->tokenCounts(), (QHash<QString, int>{{QStringLiteral("Task_CheckInPassenger"), 1}}));
        QVERIFY(sim->overlay()->view().visitedFlows.contains(QStringLiteral("Flow_ToCheckin")));
        if (const QString shot = qEnvironmentVariable("RUNWAY_SIM_SCREENSHOT"); !shot.isEmpty())
            QVERIFY(w.grab().save(shot));

        // The timeout fires first (30 s before the work's minute); retries until the fallback end.
        QVERIFY(act(sim->nextTimerAction()));
        stepUntilIdle();
        QCOMPARE(sim->overlay()->tokenCounts(), (QHash<QString, int>{{QStringLiteral("Event_BackOff"), 1}}));
        QCOMPARE(sim->overlay()->view().visitedElements.value(QStringLiteral("Event_CheckinTimedOut")), 1);
        while (!s->instance(1)->completed()) {
            QVERIFY(act(sim->nextTimerAction()));
            stepUntilIdle();
            QVERIFY(pass.size() < 500);
        }
        QCOMPARE(s->process().node(s->instance(1)->state().endedAt).id, std::string("EndEvent_AskedToCheckInManually"));
        QVERIFY(sim->overlay()->tokenCounts().isEmpty());
        QCOMPARE(sim->overlay()->view().visitedElements.value(QStringLiteral("Event_CheckinTimedOut")), 4);
        QCOMPARE(sim->overlay()->view().visitedElements.value(QStringLiteral("EndEvent_AskedToCheckInManually")), 1);
        QCOMPARE(sim->clockLabel()->text(), QStringLiteral("Virtual time: 2026-03-02 07:17:00 UTC"));
        QCOMPARE(std::size_t(s->historySize()), pass.size());

        // Step back one action at a time: every earlier point comes back exactly, on the canvas too.
        for (std::size_t i = pass.size() - 1; i-- > 0;) {
            sim->stepBackAction()->trigger();
            QVERIFY2(samePoint(pointOf(*sim), pass[i]), qPrintable(QStringLiteral("after stepping back to action %1").arg(i + 1)));
        }
        QCOMPARE(s->historySize(), 1); // just the start
        sim->stepBackAction()->trigger(); // ...which goes too
        QCOMPARE(s->instanceCount(), 0);
        QVERIFY(sim->overlay()->tokenCounts().isEmpty());

        // Forward again, then back to the start in one Step Back of many actions.
        QVERIFY(act(sim->startAction()));
        const Point started = pass.back();
        QVERIFY(samePoint(started, pass.front()));
        stepUntilIdle();
        QVERIFY(act(sim->nextTimerAction()));
        stepUntilIdle();
        QVERIFY(act(sim->nextTimerAction()));
        stepUntilIdle();
        sim->stepBackCountBox()->setValue(s->historySize() - 1);
        sim->stepBackAction()->trigger();
        QCOMPARE(s->historySize(), 1);
        QVERIFY(samePoint(pointOf(*sim), started));

        // The error path: the task fails with the error code, the manual check-in completes.
        sim->stepBackCountBox()->setValue(1);
        stepUntilIdle();
        QVERIFY(act(sim->nextTimerAction()));
        stepUntilIdle();
        QVERIFY(!sim->failActivity(QStringLiteral("Task_SendBoardingPass"), QStringLiteral("CHECKIN_REJECTED")));
        std::unique_ptr<QMenu> taskMenu(sim->elementMenu(QStringLiteral("Task_CheckInPassenger")));
        QVERIFY(taskMenu->findChild<QAction*>(QStringLiteral("simFailItem")));
        // An error boundary event offers no message or signal named after its error code.
        std::unique_ptr<QMenu> errorMenu(sim->elementMenu(QStringLiteral("Event_CheckinRejected")));
        QVERIFY(errorMenu->findChild<QAction*>(QStringLiteral("simTriggerItem")));
        for (QAction* a : errorMenu->actions())
            QVERIFY2(!a->text().contains(QStringLiteral("CHECKIN_REJECTED")), qPrintable(a->text()));
        QVERIFY(sim->failActivity(QStringLiteral("Task_CheckInPassenger"), QStringLiteral("CHECKIN_REJECTED")));
        stepUntilIdle();
        QCOMPARE(sim->overlay()->tokenCounts(), (QHash<QString, int>{{QStringLiteral("Task_ManualCheckin"), 1}}));
        QVERIFY(sim->overlay()->view().visitedElements.contains(QStringLiteral("Event_CheckinRejected")));
        std::unique_ptr<QMenu> userMenu(sim->elementMenu(QStringLiteral("Task_ManualCheckin")));
        QVERIFY(userMenu->findChild<QAction*>(QStringLiteral("simCompleteItem")));
        // Variables edited in the panel are the session's.
        auto* vars = s->variablesModel();
        QVERIFY(vars->rowCount() >= 2); // retries and passenger, from the start
        int retriesRow = -1;
        for (int r = 0; r < vars->rowCount(); ++r)
            if (vars->index(r, runway::sim::VariablesModel::Name).data().toString() == QStringLiteral("retries"))
                retriesRow = r;
        QVERIFY(retriesRow >= 0);
        QVERIFY(vars->setData(vars->index(retriesRow, runway::sim::VariablesModel::Value), QStringLiteral("7")));
        QCOMPARE(QString::fromStdString(s->instance(1)->variables().find("retries")->toString()), QStringLiteral("7"));

        runway::core::Variables desk;
        desk.set("desk", runway::core::Value(std::string("B12")));
        QVERIFY(sim->completeTask(QStringLiteral("Task_ManualCheckin"), desk));
        stepUntilIdle();
        QVERIFY(s->instance(1)->completed());
        QCOMPARE(s->process().node(s->instance(1)->state().endedAt).id, std::string("EndEvent_CheckedInAtDesk"));
        QVERIFY(variablesOf(*s).contains(QStringLiteral("desk=\"B12\"")));

        // The log filters, selects, exports.
        auto* panel = sim->panel();
        const int allRows = s->eventLog()->rowCount();
        panel->logFilter()->setText(QStringLiteral("Task_ManualCheckin"));
        const int shown = s->eventLog()->rowCount();
        QVERIFY(shown > 0 && shown < allRows);
        const QModelIndex first = s->eventLog()->index(0, runway::sim::EventLogModel::Element);
        QCOMPARE(first.data(runway::sim::EventLogModel::ElementIdRole).toString(), QStringLiteral("Task_ManualCheckin"));
        QTest::mouseClick(panel->logView()->viewport(), Qt::LeftButton, {}, panel->logView()->visualRect(first).center());
        QCOMPARE(view->selectedElementId(), QStringLiteral("Task_ManualCheckin"));

        QTemporaryDir dir;
        QVERIFY(panel->exportLog(dir.filePath(QStringLiteral("log.csv")), false));
        QVERIFY(panel->exportLog(dir.filePath(QStringLiteral("log.json")), true));
        QFile csv(dir.filePath(QStringLiteral("log.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray csvText = csv.readAll();
        QCOMPARE(csvText.count('\n'), shown + 1); // header and the rows shown
        QVERIFY(csvText.contains("Task_ManualCheckin"));
        QFile json(dir.filePath(QStringLiteral("log.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(json.readAll().contains("Task_ManualCheckin"));
        QString error;
        QVERIFY(!panel->exportLog(dir.filePath(QStringLiteral("missing/log.csv")), false, &error));
        QVERIFY(error.contains(QStringLiteral("missing/log.csv")));

        // Leave: the editor is back exactly as it was.
        sim->toggleAction()->trigger();
        QVERIFY(!sim->isActive());
        QVERIFY(!sim->session());
        QVERIFY(overlaysIn(canvas).isEmpty());
        QCOMPARE(int(canvas->scene()->items().size()), itemsBefore);
        QVERIFY(!sim->toolBar()->isVisible());
        QVERIFY(!sim->dock()->isVisible());
        QVERIFY(!sim->clockLabel()->isVisible());
        QVERIFY(w.propertiesPanel()->isEnabled());
        QCOMPARE(w.saveState(), windowBefore);
        QCOMPARE(runway::core::BpmnWriter::toString(view->document()), bytesBefore);
        QVERIFY(!view->isModified());
        QCOMPARE(canvas->contextMenuPolicy(), Qt::DefaultContextMenu);
    }

    void editingIsLockedWhileSimulating()
    {
        MainWindow w;
        w.setUnsavedPrompt([](const QString&) { return MainWindow::UnsavedChoice::Discard; });
        QVERIFY(w.openFile(examplePath()));
        auto& editor = w.currentView()->editor();
        auto* task = editor.element(QStringLiteral("Task_ManualCheckin"));
        QVERIFY(task);
        const std::string bytesBefore = runway::core::BpmnWriter::toString(editor.document());
        SimulationController* sim = w.simulation();
        QVERIFY(!editor.isReadOnly());

        sim->toggleAction()->trigger();
        QVERIFY(sim->isActive());
        QVERIFY(editor.isReadOnly());
        // A change refused: the document stays as it was, nothing goes on the undo stack.
        QSignalSpy refused(&editor, &runway::modeler::canvas::Editor::refused);
        QVERIFY(!editor.apply(editor.modeling().setName(task, "Renamed"), QStringLiteral("Rename")));
        QCOMPARE(refused.size(), 1);
        QVERIFY(refused.front().front().toString().contains(QStringLiteral("simulation")));
        QCOMPARE(runway::core::BpmnWriter::toString(editor.document()), bytesBefore);
        QCOMPARE(editor.undoStack()->count(), 0);
        QVERIFY(!w.currentView()->isModified());

        // Leaving lifts the lock: the same change goes through.
        sim->toggleAction()->trigger();
        QVERIFY(!sim->isActive());
        QVERIFY(!editor.isReadOnly());
        QVERIFY(editor.apply(editor.modeling().setName(task, "Renamed"), QStringLiteral("Rename")));
        QCOMPARE(editor.undoStack()->count(), 1);
        QVERIFY(w.currentView()->isModified());
    }

    void tokensMoveAlongTheFlowsTheyTake()
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(w.openFile(examplePath()));
        SimulationController* sim = w.simulation();
        sim->toggleAction()->trigger();
        auto* s = sim->session();
        QVERIFY(s);
        QCOMPARE(SimulationController::animationMsFor(0), 0);    // fastest: no animation
        QCOMPARE(SimulationController::animationMsFor(1), 600);  // capped
        QCOMPARE(SimulationController::animationMsFor(4), 200);  // most of the time between steps
        QCOMPARE(SimulationController::animationMsFor(100), 0);  // too short to see

        sim->speedBox()->setValue(4);
        QVERIFY(sim->startChosen() == 1);
        // Step until a flow is taken: the token moves along it, in the instance's colour.
        TokenOverlay* overlay = sim->overlay();
        int guard = 0;
        while (!overlay->isAnimating() && guard++ < 20)
            QVERIFY(s->step());
        QVERIFY(overlay->isAnimating());
        QCOMPARE(overlay->animationDuration(), 200);
        const auto moving = overlay->movingTokens();
        QCOMPARE(moving.size(), 1);
        QCOMPARE(moving.front().first, 1);
        const QPointF first = moving.front().second;
        // The flow taken is the one whose waypoints the token follows.
        QString flowId;
        for (auto it = s->log().rbegin(); it != s->log().rend(); ++it)
            if (it->event.kind == runway::core::engine::TraceEvent::Kind::FlowTaken) {
                flowId = QString::fromStdString(s->process().flow(it->event.flow).id);
                break;
            }
        auto* edge = w.currentCanvas()->itemFor(flowId);
        QVERIFY(edge);
        QVERIFY(QLineF(first, edge->item().waypoints.front()).length() < 1.0);
        QTRY_VERIFY_WITH_TIMEOUT(!overlay->movingTokens().isEmpty() &&
                                     QLineF(overlay->movingTokens().front().second, first).length() > 1.0,
                                 1000);
        if (const QString shot = qEnvironmentVariable("RUNWAY_SIM_SCREENSHOT_DIR"); !shot.isEmpty())
            QVERIFY(w.grab().save(shot + QStringLiteral("/animation.png")));
        QTRY_VERIFY_WITH_TIMEOUT(!overlay->isAnimating(), 2000);
        QVERIFY(overlay->movingTokens().isEmpty());

        // Stepping back jumps: no animation.
        QVERIFY(s->step() || s->nextTimer());
        sim->stepBackAction()->trigger();
        QVERIFY(!overlay->isAnimating());
        // Fastest: none either.
        sim->speedBox()->setValue(0);
        while (s->step()) {
        }
        QVERIFY(s->nextTimer());
        QVERIFY(!overlay->isAnimating());
    }

    void nothingToSimulateSaysWhy()
    {
        MainWindow w;
        SimulationController* sim = w.simulation();
        QString error;
        QVERIFY(!sim->enter(&error));
        QVERIFY(error.contains(QStringLiteral("open a BPMN file")));
        QVERIFY(!sim->isActive());

        runway::core::Variables vars;
        QVERIFY(SimulationController::parseVariables(QStringLiteral("{a: 1, b: \"x\"}"), &vars, &error));
        QCOMPARE(int(vars.size()), 2);
        QVERIFY(!SimulationController::parseVariables(QStringLiteral("42"), &vars, &error));
        QVERIFY(error.contains(QStringLiteral("context")));
        QVERIFY(!SimulationController::parseVariables(QStringLiteral("{a: "), &vars, &error));
    }

    void closingTheTabLeavesTheSimulation()
    {
        MainWindow w;
        w.setUnsavedPrompt([](const QString&) { return MainWindow::UnsavedChoice::Discard; });
        QVERIFY(w.openFile(examplePath()));
        SimulationController* sim = w.simulation();
        sim->toggleAction()->trigger();
        QVERIFY(sim->isActive());
        QVERIFY(sim->startChosen() == 1);
        QVERIFY(w.closeFile());
        QVERIFY(!sim->isActive());
        QVERIFY(!sim->toggleAction()->isEnabled());
    }
};

QTEST_MAIN(TestSimulation)
#include "tst_simulation.moc"
