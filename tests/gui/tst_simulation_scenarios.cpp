// Scenarios in the simulation mode: a walk recorded from the toolbar is stored in the document as
// one undo step, saved, read back and replayed from the Scenarios tab (it passes); expectations
// edited as JSON are validated, and a broken one makes the replay fail naming it; rename and
// delete are undo steps too.
#include "MainWindow.h"
#include "ScenarioPanel.h"
#include "SimulationDock.h"
#include "SimulationController.h"
#include "tst_simulation_fixtures.h"

#include "runway/core/engine/CompiledProcess.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/sim/SimulationSession.h"

#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QTabWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using runway::app::MainWindow;
using runway::app::ScenarioExpectationsDialog;
using runway::app::SimulationController;

namespace {

const QString kName = QStringLiteral("small order accepted");

QString writeOrder(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("order.bpmn"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(kOrderProcess) != kOrderProcess.size())
        return {};
    return path;
}

/// Records a walk of a small order to the accepted end and stores it as kName.
bool recordSmallOrder(SimulationController* sim)
{
    sim->recordAction()->trigger();
    if (!sim->isRecording())
        return false;
    sim->startVariablesEdit()->setText(QStringLiteral("{amount: 5}"));
    if (sim->startChosen() != 1)
        return false;
    sim->speedBox()->setValue(0);
    sim->playAction()->trigger();
    if (!QTest::qWaitFor([&] { return !sim->session()->isPlaying(); }))
        return false;
    QString error;
    return sim->recordScenario(kName, &error);
}

} // namespace

class TestSimulationScenarios : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RunwayTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_simulation_scenarios"));
    }

    void recordSaveReopenReplay()
    {
        QTemporaryDir dir;
        const QString path = writeOrder(dir);
        QVERIFY(!path.isEmpty());
        {
            MainWindow w;
            w.resize(1200, 800);
            w.show();
            QVERIFY(w.openFile(path));
            auto* view = w.currentView();
            SimulationController* sim = w.simulation();
            sim->toggleAction()->trigger();
            QVERIFY(sim->isActive());
            QVERIFY(sim->scenarioNames().isEmpty());
            QString error;
            QVERIFY(!sim->recordScenario(kName, &error)); // nothing recorded yet
            QVERIFY(error.contains(QStringLiteral("Nothing was recorded")));

            QVERIFY(recordSmallOrder(sim));
            QVERIFY(!sim->isRecording());
            QVERIFY(!sim->recordAction()->isChecked());
            // One undo step; the document shows modified; the simulation goes on, still locked.
            QCOMPARE(view->editor().undoStack()->count(), 1);
            QCOMPARE(view->editor().undoStack()->text(0), QStringLiteral("Record Scenario"));
            QVERIFY(view->isModified());
            QVERIFY(view->editor().isReadOnly());
            QVERIFY(sim->isActive());
            QVERIFY(sim->overlay()); // back on the rebuilt canvas
            QCOMPARE(sim->scenarioNames(), QStringList{kName});
            QCOMPARE(sim->scenarioPanel()->scenarios(), QStringList{kName});
            // Undo and redo take it out and put it back.
            view->editor().undoStack()->undo();
            QVERIFY(sim->scenarioPanel()->scenarios().isEmpty());
            view->editor().undoStack()->redo();
            QCOMPARE(sim->scenarioPanel()->scenarios(), QStringList{kName});

            sim->toggleAction()->trigger();
            QVERIFY(w.save());
            QVERIFY(!view->isModified());
        }
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("runway:scenario name=\"small order accepted\""));

        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(w.openFile(path));
        SimulationController* sim = w.simulation();
        sim->toggleAction()->trigger();
        auto* panel = sim->scenarioPanel();
        QCOMPARE(panel->scenarios(), QStringList{kName});
        QVERIFY(panel->selectScenario(kName));
        QVERIFY(panel->replayButton()->isEnabled());
        QTest::mouseClick(panel->replayButton(), Qt::LeftButton);
        QCOMPARE(panel->resultLabel()->text(), QStringLiteral("PASS ") + kName);
        // The walk is shown: the instance ended where the recording did.
        const auto* in = sim->session()->instance(1);
        QVERIFY(in && in->completed());
        QCOMPARE(sim->session()->process().node(in->state().endedAt).id, std::string("End_Accepted"));
        QVERIFY(!w.currentView()->isModified());
        if (const QString shot = qEnvironmentVariable("RUNWAY_SIM_SCREENSHOT_DIR"); !shot.isEmpty()) {
            sim->dock()->raise();
            sim->panel()->tabs()->setCurrentWidget(panel);
            QVERIFY(w.grab().save(shot + QStringLiteral("/scenario-pass.png")));
        }
    }

    void brokenExpectationFailsAndNamesIt()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.setUnsavedPrompt([](const QString&) { return MainWindow::UnsavedChoice::Discard; });
        w.resize(1200, 800);
        w.show();
        QVERIFY(w.openFile(writeOrder(dir)));
        auto* view = w.currentView();
        SimulationController* sim = w.simulation();
        sim->toggleAction()->trigger();
        QVERIFY(recordSmallOrder(sim));
        QVERIFY(sim->replayScenario(kName).passed);

        // The expectations as JSON: the recorded end, the elements passed, the clock, the variables.
        const QString json = sim->scenarioExpectations(kName);
        QVERIFY(json.contains(QStringLiteral("\"ended\": \"End_Accepted\"")));
        QVERIFY(json.contains(QStringLiteral("\"passed\"")));
        QVERIFY(json.contains(QStringLiteral("\"clock\"")));
        QVERIFY(json.contains(QStringLiteral("\"amount\": 5")));

        // Validation: not JSON, not a list, an unknown expectation. Nothing is stored.
        QString error;
        QVERIFY(!sim->setScenarioExpectations(kName, QStringLiteral("[\n{\"ended\": }"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("Line 2")), qPrintable(error));
        QVERIFY(!sim->setScenarioExpectations(kName, QStringLiteral("{\"ended\": \"End_Rejected\"}"), &error));
        QVERIFY(error.contains(QStringLiteral("list")));
        QVERIFY(!sim->setScenarioExpectations(kName, QStringLiteral("[{\"endedAt\": \"End_Rejected\"}]"), &error));
        QVERIFY2(error.contains(QStringLiteral("not an expectation")), qPrintable(error));
        QCOMPARE(view->editor().undoStack()->count(), 1);

        // The editor dialog stays open with the error until the JSON is valid.
        ScenarioExpectationsDialog dialog(kName, json, [&](const QString& text, QString* why) {
            return sim->setScenarioExpectations(kName, text, why);
        });
        dialog.show();
        dialog.editor()->setPlainText(QStringLiteral("[{\"endedAt\": 1}]"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorLabel()->isVisible());
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("not an expectation")));
        dialog.editor()->setPlainText(QStringLiteral("[{\"ended\": \"End_Rejected\", \"passed\": [\"Task_Check\"]}]"));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(view->editor().undoStack()->count(), 2);
        QCOMPARE(view->editor().undoStack()->text(1), QStringLiteral("Edit Scenario Expectations"));

        // The replay fails, naming the expectation that does not hold.
        const auto outcome = sim->replayScenario(kName);
        QVERIFY(outcome.ran);
        QVERIFY(!outcome.passed);
        QVERIFY2(outcome.text.startsWith(QStringLiteral("FAIL ") + kName), qPrintable(outcome.text));
        QVERIFY2(outcome.text.contains(QStringLiteral("step 2: expected the instance to end at 'End_Rejected', got 'End_Accepted'")),
                 qPrintable(outcome.text));
        QCOMPARE(sim->scenarioPanel()->resultLabel()->text(), outcome.text);
        if (const QString shot = qEnvironmentVariable("RUNWAY_SIM_SCREENSHOT_DIR"); !shot.isEmpty())
            QVERIFY(w.grab().save(shot + QStringLiteral("/scenario-fail.png")));

        // Rename and delete: one undo step each.
        QVERIFY(!sim->renameScenario(kName, QStringLiteral("  "), &error));
        QVERIFY(sim->renameScenario(kName, QStringLiteral("rejected, wrongly"), &error));
        QCOMPARE(sim->scenarioPanel()->scenarios(), QStringList{QStringLiteral("rejected, wrongly")});
        QCOMPARE(view->editor().undoStack()->count(), 3);
        QVERIFY(!sim->replayScenario(QStringLiteral("rejected, wrongly")).passed);
        QVERIFY(sim->deleteScenario(QStringLiteral("rejected, wrongly")));
        QVERIFY(sim->scenarioPanel()->scenarios().isEmpty());
        QCOMPARE(view->editor().undoStack()->count(), 4);
        const auto missing = sim->replayScenario(QStringLiteral("rejected, wrongly"));
        QVERIFY(!missing.ran);
        QVERIFY(missing.text.contains(QStringLiteral("no scenario")));
        view->editor().undoStack()->undo();
        QCOMPARE(sim->scenarioPanel()->scenarios(), QStringList{QStringLiteral("rejected, wrongly")});
    }
};

QTEST_MAIN(TestSimulationScenarios)
#include "tst_simulation_scenarios.moc"
