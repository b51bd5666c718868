// The simulation mode's interactive parts on a small order process (tst_simulation_fixtures.h):
// decisions picked by clicking a highlighted flow or from the prompt, presets from a gateway's
// context menu, breakpoints, incidents on the element and the event log's filters.
#include "DecisionDialog.h"
#include "MainWindow.h"
#include "SimulationController.h"
#include "SimulationDock.h"
#include "TokenOverlay.h"
#include "tst_simulation_fixtures.h"

#include "runway/core/engine/CompiledProcess.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/sim/EventLogModel.h"
#include "runway/sim/SimulationSession.h"

#include <QAction>
#include <QComboBox>
#include <QGraphicsItem>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using runway::app::DecisionDialog;
using runway::app::MainWindow;
using runway::app::SimulationController;

namespace {

/// The order process in a window, simulating.
struct Fixture {
    QTemporaryDir dir;
    MainWindow window;
    SimulationController* sim = nullptr;

    bool open()
    {
        QFile f(dir.filePath(QStringLiteral("order.bpmn")));
        if (!f.open(QIODevice::WriteOnly) || f.write(kOrderProcess) != kOrderProcess.size())
            return false;
        f.close();
        window.resize(1200, 800);
        window.show();
        if (!window.openFile(f.fileName()))
            return false;
        sim = window.simulation();
        sim->toggleAction()->trigger();
        return sim->isActive();
    }
    runway::sim::SimulationSession* session() const { return sim->session(); }
    runway::modeler::canvas::DiagramCanvas* canvas() { return window.currentCanvas(); }
    /// Steps until nothing moves; how many steps moved.
    int stepUntilIdle()
    {
        int n = 0;
        while (n < 1000 && session()->step())
            ++n;
        return n;
    }
    QString endedAt(int instance = 1) const
    {
        const auto* in = session()->instance(instance);
        return in && in->completed() ? QString::fromStdString(session()->process().node(in->state().endedAt).id) : QString();
    }
};

QAction* presetItem(QMenu* menu, const QString& flow)
{
    auto* presets = menu->findChild<QMenu*>(QStringLiteral("simPresetMenu"));
    if (!presets)
        return nullptr;
    for (QAction* a : presets->actions())
        if (a->data().toString() == flow)
            return a;
    return nullptr;
}

} // namespace

class TestSimulationUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RunwayTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_simulation_ui"));
    }

    void decisionPickedByClickingAFlow()
    {
        Fixture f;
        QVERIFY(f.open());
        auto* s = f.session();
        auto* overlay = f.sim->overlay();
        QVERIFY(!f.sim->decideAction()->isEnabled());
        f.sim->askAction()->setChecked(true);
        QVERIFY(s->askAtGateways());
        f.sim->startVariablesEdit()->setText(QStringLiteral("{amount: 50}"));
        QCOMPARE(f.sim->startChosen(), 1);
        QSignalSpy asked(s, &runway::sim::SimulationSession::decisionNeeded);
        f.stepUntilIdle();
        // The token waits at the gateway; its flows are highlighted and Decide… is offered.
        QCOMPARE(asked.size(), 1);
        QCOMPARE(overlay->tokenCounts(), (QHash<QString, int>{{QStringLiteral("Gateway_Amount"), 1}}));
        QCOMPARE(overlay->decisionFlows(), (QStringList{QStringLiteral("Flow_Small"), QStringLiteral("Flow_Large")}));
        QVERIFY(f.sim->decideAction()->isEnabled());
        if (const QString shot = qEnvironmentVariable("RUNWAY_SIM_SCREENSHOT_DIR"); !shot.isEmpty())
            QVERIFY(f.window.grab().save(shot + QStringLiteral("/decision.png")));

        // The prompt lists the flows by name and condition.
        const auto d = s->pendingDecision();
        QVERIFY(d);
        const auto choices = f.sim->choicesFor(*d);
        QCOMPARE(choices.size(), 2);
        QCOMPARE(DecisionDialog::label(choices[0]), QStringLiteral("small — =amount <= 100"));
        DecisionDialog dialog(*d, QStringLiteral("Amount?"), choices);
        QCOMPARE(dialog.list()->count(), 2);
        QVERIFY(dialog.selectedFlows().isEmpty());
        dialog.list()->item(1)->setSelected(true);
        QCOMPARE(dialog.selectedFlows(), QStringList{QStringLiteral("Flow_Large")});

        // A click beside the flows decides nothing; a click on the "large" flow takes it, although
        // the amount would take the "small" one.
        auto* canvas = f.canvas();
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, canvas->mapFromScene(QPointF(480, 200)));
        QVERIFY(s->pendingDecision());
        QCOMPARE(f.sim->decisionFlowAt(canvas->mapFromScene(QPointF(480, 322))), QStringLiteral("Flow_Large"));
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, canvas->mapFromScene(QPointF(480, 322)));
        QVERIFY(!s->pendingDecision());
        QVERIFY(overlay->decisionFlows().isEmpty());
        QVERIFY(!f.sim->decideAction()->isEnabled());
        f.stepUntilIdle();
        QVERIFY(overlay->view().visitedFlows.contains(QStringLiteral("Flow_Large")));
        QVERIFY(!overlay->view().visitedFlows.contains(QStringLiteral("Flow_Small")));
    }

    void presetFromTheGatewayMenu()
    {
        Fixture f;
        QVERIFY(f.open());
        auto* s = f.session();
        f.sim->askAction()->setChecked(true);
        // "Always Take" on the gateway: its flows by name and condition, "Follow the Conditions" checked.
        std::unique_ptr<QMenu> menu(f.sim->elementMenu(QStringLiteral("Gateway_Amount")));
        QAction* small = presetItem(menu.get(), QStringLiteral("Flow_Small"));
        QVERIFY(small);
        QCOMPARE(small->text(), QStringLiteral("small — =amount <= 100"));
        QVERIFY(!small->isChecked());
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("simPresetNone"))->isChecked());
        small->trigger();
        QCOMPARE(s->presetFor(QStringLiteral("Gateway_Amount")), QStringList{QStringLiteral("Flow_Small")});
        std::unique_ptr<QMenu> again(f.sim->elementMenu(QStringLiteral("Gateway_Amount")));
        QVERIFY(presetItem(again.get(), QStringLiteral("Flow_Small"))->isChecked());
        // Other elements have no such entry.
        std::unique_ptr<QMenu> taskMenu(f.sim->elementMenu(QStringLiteral("Task_Check")));
        QVERIFY(!taskMenu->findChild<QMenu*>(QStringLiteral("simPresetMenu")));

        // Play: the amount would go the "large" way and ask mode would stop, but the preset decides.
        QSignalSpy asked(s, &runway::sim::SimulationSession::decisionNeeded);
        f.sim->startVariablesEdit()->setText(QStringLiteral("{amount: 500}"));
        QCOMPARE(f.sim->startChosen(), 1);
        f.sim->speedBox()->setValue(0);
        f.sim->playAction()->trigger();
        QTRY_VERIFY(!s->isPlaying());
        QCOMPARE(asked.size(), 0);
        QCOMPARE(f.endedAt(), QStringLiteral("End_Accepted"));

        // Back to the conditions: the next instance goes the "large" way.
        std::unique_ptr<QMenu> third(f.sim->elementMenu(QStringLiteral("Gateway_Amount")));
        third->findChild<QAction*>(QStringLiteral("simPresetNone"))->trigger();
        QVERIFY(s->presetFor(QStringLiteral("Gateway_Amount")).isEmpty());
        f.sim->askAction()->setChecked(false);
        QCOMPARE(f.sim->startChosen(), 2);
        f.stepUntilIdle();
        QVERIFY(!s->pendingDecision());
        QVERIFY(f.sim->overlay()->view().visitedFlows.contains(QStringLiteral("Flow_Large")));
    }

    void breakpointPausesPlay()
    {
        Fixture f;
        QVERIFY(f.open());
        auto* s = f.session();
        auto* overlay = f.sim->overlay();
        std::unique_ptr<QMenu> menu(f.sim->elementMenu(QStringLiteral("Task_Check")));
        auto* item = menu->findChild<QAction*>(QStringLiteral("simBreakpointItem"));
        QVERIFY(item && item->isCheckable() && !item->isChecked());
        item->trigger();
        QVERIFY(s->hasBreakpoint(QStringLiteral("Task_Check")));
        QCOMPARE(overlay->breakpoints(), QSet<QString>{QStringLiteral("Task_Check")});
        std::unique_ptr<QMenu> again(f.sim->elementMenu(QStringLiteral("Task_Check")));
        QVERIFY(again->findChild<QAction*>(QStringLiteral("simBreakpointItem"))->isChecked());

        // Play at full speed: it pauses with the token at the task, and says why.
        QSignalSpy said(f.sim, &SimulationController::message);
        f.sim->startVariablesEdit()->setText(QStringLiteral("{amount: 5}"));
        QCOMPARE(f.sim->startChosen(), 1);
        f.sim->speedBox()->setValue(0);
        f.sim->playAction()->trigger();
        QVERIFY(s->isPlaying());
        QTRY_VERIFY(!s->isPlaying());
        QVERIFY(!f.sim->playAction()->isChecked());
        QCOMPARE(overlay->tokenCounts(), (QHash<QString, int>{{QStringLiteral("Task_Check"), 1}}));
        QVERIFY(!s->instance(1)->completed());
        QVERIFY(!said.isEmpty());
        QVERIFY(said.back().front().toString().contains(QStringLiteral("breakpoint at Check order (Task_Check)")));
        if (const QString shot = qEnvironmentVariable("RUNWAY_SIM_SCREENSHOT_DIR"); !shot.isEmpty())
            QVERIFY(f.window.grab().save(shot + QStringLiteral("/breakpoint.png")));

        // Play on: it runs to the end. Cleared, the next instance runs through.
        f.sim->playAction()->trigger();
        QTRY_VERIFY(!s->isPlaying());
        QCOMPARE(f.endedAt(), QStringLiteral("End_Accepted"));
        again->findChild<QAction*>(QStringLiteral("simBreakpointItem"))->trigger();
        QVERIFY(!s->hasBreakpoint(QStringLiteral("Task_Check")));
        QVERIFY(overlay->breakpoints().isEmpty());
        QCOMPARE(f.sim->startChosen(), 2);
        f.sim->playAction()->trigger();
        QTRY_VERIFY(!s->isPlaying());
        QCOMPARE(f.endedAt(2), QStringLiteral("End_Accepted"));
    }

    void incidentsShowOnTheElement()
    {
        Fixture f;
        QVERIFY(f.open());
        auto* s = f.session();
        auto* overlay = f.sim->overlay();
        QSignalSpy raised(s, &runway::sim::SimulationSession::incident);
        f.sim->startVariablesEdit()->setText(QStringLiteral("{amount: 500}"));
        QCOMPARE(f.sim->startChosen(), 1);
        f.stepUntilIdle();
        // The error nobody catches: an incident at the error end event, with a badge there.
        QCOMPARE(raised.size(), 1);
        const auto incidents = s->incidents();
        QCOMPARE(incidents.size(), 1);
        QCOMPARE(incidents.front().element, QStringLiteral("End_Rejected"));
        QVERIFY(incidents.front().explanation.contains(QStringLiteral("TOO_LARGE")));
        QCOMPARE(overlay->incidentBadges().size(), 1);
        QGraphicsItem* badge = overlay->incidentBadges().front();
        QCOMPARE(badge->toolTip(), QStringLiteral("Instance 1: ") + incidents.front().explanation);
        QCOMPARE(badge->data(0).toString(), QStringLiteral("End_Rejected"));
        const QRectF at = f.canvas()->itemFor(QStringLiteral("End_Rejected"))->item().bounds;
        QVERIFY(badge->sceneBoundingRect().intersects(at));
        // What the person sees under the mouse there: the badge, above the notation.
        const QPoint onBadge = f.canvas()->mapFromScene(badge->sceneBoundingRect().center());
        QVERIFY(!f.canvas()->items(onBadge).isEmpty());
        QCOMPARE(f.canvas()->items(onBadge).front(), badge);
        if (const QString shot = qEnvironmentVariable("RUNWAY_SIM_SCREENSHOT_DIR"); !shot.isEmpty())
            QVERIFY(f.window.grab().save(shot + QStringLiteral("/incident.png")));

        // Tokens of one instance only: another instance's badge and tokens go.
        f.sim->startVariablesEdit()->setText(QStringLiteral("{amount: 1}"));
        QCOMPARE(f.sim->startChosen(), 2);
        QVERIFY(s->step());
        QCOMPARE(f.sim->tokenFilterBox()->count(), 3);
        const QHash<QString, int> both = overlay->tokenCounts();
        QVERIFY(!both.isEmpty());
        f.sim->tokenFilterBox()->setCurrentIndex(1); // instance 1: ended in the incident, no token
        QCOMPARE(overlay->instanceFilter(), 1);
        QVERIFY(overlay->tokenCounts().isEmpty());
        QCOMPARE(overlay->incidentBadges().size(), 1);
        f.sim->tokenFilterBox()->setCurrentIndex(2);
        QCOMPARE(overlay->tokenCounts(), both);
        QVERIFY(overlay->incidentBadges().isEmpty());
        f.sim->tokenFilterBox()->setCurrentIndex(0);
        QCOMPARE(overlay->incidentBadges().size(), 1);
        // Stepping back past the incident removes its badge.
        while (!s->incidents().isEmpty() && s->stepBack(1) == 1) {
        }
        QVERIFY(overlay->incidentBadges().isEmpty());
    }

    void logFiltersByInstanceKindAndText()
    {
        using Kind = runway::core::engine::TraceEvent::Kind;
        using runway::sim::EventLogModel;
        Fixture f;
        QVERIFY(f.open());
        auto* s = f.session();
        auto* panel = f.sim->panel();
        f.sim->startVariablesEdit()->setText(QStringLiteral("{amount: 500}"));
        QCOMPARE(f.sim->startChosen(), 1);
        f.sim->startVariablesEdit()->setText(QStringLiteral("{amount: 5}"));
        QCOMPARE(f.sim->startChosen(), 2);
        f.stepUntilIdle();
        auto* log = s->eventLog();
        const int all = log->rowCount();
        QCOMPARE(std::size_t(all), s->log().size());
        QCOMPARE(panel->logInstanceFilter()->count(), 3);

        auto rows = [&] {
            QVector<runway::sim::LogEntry> out;
            for (int r = 0; r < log->rowCount(); ++r)
                out << log->entry(r);
            return out;
        };
        // One instance.
        panel->logInstanceFilter()->setCurrentIndex(2);
        const int second = log->rowCount();
        QVERIFY(second > 0 && second < all);
        for (const auto& e : rows())
            QCOMPARE(e.instance, 2);
        // ...and one kind.
        const int flows = panel->logKindFilter()->findText(QStringLiteral("Flows taken"));
        QVERIFY(flows > 0);
        panel->logKindFilter()->setCurrentIndex(flows);
        QCOMPARE(log->rowCount(), 3); // in, checked, small
        for (const auto& e : rows())
            QVERIFY(e.instance == 2 && e.event.kind == Kind::FlowTaken);
        // ...and the text.
        panel->logFilter()->setText(QStringLiteral("Flow_Small"));
        QCOMPARE(log->rowCount(), 1);
        QCOMPARE(log->index(0, EventLogModel::Element).data(EventLogModel::ElementIdRole).toString(), QStringLiteral("Flow_Small"));
        panel->logFilter()->setText(QStringLiteral("Flow_Large"));
        QCOMPARE(log->rowCount(), 0);
        // Every instance, incidents only: the first instance's uncaught error.
        panel->logFilter()->clear();
        panel->logInstanceFilter()->setCurrentIndex(0);
        panel->logKindFilter()->setCurrentIndex(panel->logKindFilter()->findText(QStringLiteral("Incidents")));
        QCOMPARE(log->rowCount(), 1);
        QCOMPARE(rows().front().instance, 1);
        QVERIFY(rows().front().event.kind == Kind::Incident);
        // All again.
        panel->logKindFilter()->setCurrentIndex(0);
        QCOMPARE(log->rowCount(), all);
    }
};

QTEST_MAIN(TestSimulationUi)
#include "tst_simulation_ui.moc"
