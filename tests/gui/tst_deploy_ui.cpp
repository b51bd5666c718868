// Deployability in the app: the rules of the file's engine in the problems panel and as badges on
// the canvas, with their codes and the platform checked; File > Export for Camunda 8 / Camunda 7 /
// plain BPMN through MainWindow::exportForTarget, the path the menu takes after its dialogs.
#include "DeployExport.h"
#include "MainWindow.h"
#include "ProblemsPanel.h"
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/deploy/Platform.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using runway::app::DeployExportResult;
using runway::app::MainWindow;
using runway::app::ProblemsPanel;
using runway::core::deploy::Engine;
using runway::core::deploy::Platform;
using runway::modeler::canvas::DiagramCanvas;

namespace {

const QString kTask = QStringLiteral("Task_CheckInPassenger");
const QByteArray kTaskDefinition = QByteArrayLiteral("<zeebe:taskDefinition type=\"airline-check-in\" />");

QString example(const char* name)
{
    return QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// The Camunda 8 airline example with the job type of one service task taken out: Zeebe rejects it.
bool writeBrokenExample(const QString& path)
{
    QByteArray bytes = readAll(example("airline-checkin.bpmn"));
    if (bytes.count(kTaskDefinition) != 1)
        return false;
    bytes.replace(kTaskDefinition, QByteArray());
    return writeFile(path, bytes);
}

QTreeWidgetItem* rowWithCode(const ProblemsPanel* panel, const QString& code)
{
    for (int i = 0; i < panel->topLevelItemCount(); ++i)
        if (panel->topLevelItem(i)->text(ProblemsPanel::CodeColumn) == code)
            return panel->topLevelItem(i);
    return nullptr;
}

QAction* menuAction(const MainWindow& w, const QString& text)
{
    for (const QMenu* menu : w.menuBar()->findChildren<QMenu*>())
        for (QAction* a : menu->actions())
            if (QString(a->text()).remove(QLatin1Char('&')) == text)
                return a;
    return nullptr;
}

/// runway-cli's exit code for lint of file against target; -1 when it did not run.
int cliLint(const QString& file, const QString& target, QString* output)
{
    QProcess p;
    p.start(qEnvironmentVariable("RUNWAY_CLI"), {QStringLiteral("lint"), QStringLiteral("--target"), target, file});
    if (!p.waitForFinished(60000))
        return -1;
    *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestDeployUi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("Runway"), QStringLiteral("Runway")).clear();
    }

    void cleanExampleHasNoEngineFindings()
    {
        MainWindow w;
        QVERIFY(w.openFile(example("airline-checkin.bpmn")));
        QCOMPARE(w.platformLabel()->text(), QStringLiteral("Checked for Camunda 8.6"));
        QVERIFY2(!rowWithCode(w.problemsPanel(), QStringLiteral("c8-task-type-missing")),
                 qPrintable(w.problemsPanel()->toText(false)));
        QCOMPARE(w.problemsPanel()->errorCount(), 0);
    }

    void engineFindingInPanelAndOnCanvas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.bpmn"));
        QVERIFY(writeBrokenExample(path));
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        QCOMPARE(w.platformLabel()->text(), QStringLiteral("Checked for Camunda 8.6"));

        ProblemsPanel* panel = w.problemsPanel();
        QTreeWidgetItem* row = rowWithCode(panel, QStringLiteral("c8-task-type-missing"));
        QVERIFY2(row, qPrintable(panel->toText(false)));
        QCOMPARE(row->data(ProblemsPanel::LocationColumn, ProblemsPanel::ElementIdRole).toString(), kTask);
        QCOMPARE(row->data(ProblemsPanel::LocationColumn, ProblemsPanel::CodeRole).toString(),
                 QStringLiteral("c8-task-type-missing"));
        QVERIFY(row->data(ProblemsPanel::LocationColumn, ProblemsPanel::IsErrorRole).toBool());
        QVERIFY(panel->errorCount() >= 1);
        QVERIFY(panel->toText(false).contains(QStringLiteral("[c8-task-type-missing]")));

        // The element carries an error badge on the canvas.
        DiagramCanvas* canvas = w.currentCanvas();
        QVERIFY(canvas);
        bool badged = false;
        for (const auto* badge : canvas->badges())
            if (badge->data(0).toString() == kTask)
                badged = badge->isError();
        QVERIFY(badged);

        // Double-clicking the row selects the element on the canvas and shows it.
        QVERIFY(canvas->selectedElementId() != kTask);
        panel->scrollToItem(row);
        const QPoint at = panel->visualItemRect(row).center();
        QTest::mouseClick(panel->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(panel->viewport(), Qt::LeftButton, {}, at);
        canvas = w.currentCanvas();
        QCOMPARE(canvas->selectedElementId(), kTask);
        const QRectF visible = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(canvas->itemFor(kTask)->item().bounds));
    }

    void menuHasTheExports()
    {
        MainWindow w;
        QAction* c8 = menuAction(w, QStringLiteral("Export for Camunda 8\u2026"));
        QAction* c7 = menuAction(w, QStringLiteral("Export for Camunda 7\u2026"));
        QAction* plain = menuAction(w, QStringLiteral("Export as Plain BPMN\u2026"));
        QVERIFY(c8 && c7 && plain);
        QVERIFY(!c7->isEnabled()); // nothing open
        QVERIFY(w.openFile(example("trip-booking-saga.bpmn")));
        QVERIFY(c8->isEnabled() && c7->isEnabled() && plain->isEnabled());
    }

    void defaultTargetFollowsTheFile()
    {
        auto r = runway::core::BpmnReader::readFile(example("trip-booking-saga.bpmn").toStdString());
        QVERIFY(r.document);
        QCOMPARE(runway::app::defaultTarget(*r.document, Engine::Camunda8).target(), std::string("camunda8@8.6"));
        const Platform latest7 = Platform::camunda7(Platform::kCamunda7MaxMinor);
        QCOMPARE(runway::app::defaultTarget(*r.document, Engine::Camunda7).target(), latest7.target());
        QCOMPARE(runway::app::supportedTargets(Engine::Camunda7).size(),
                 qsizetype(Platform::kCamunda7MaxMinor - Platform::kCamunda7MinMinor + 1));
    }

    void exportForCamunda7IsDeployable()
    {
        if (qEnvironmentVariableIsEmpty("RUNWAY_CLI"))
            QSKIP("RUNWAY_CLI is not set (run through ctest): runway-cli is needed to judge the export");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("trip-camunda7.bpmn"));
        MainWindow w;
        QVERIFY(w.openFile(example("trip-booking-saga.bpmn")));
        QString lintOutput;
        // As it is, the Camunda 8 model is not one Camunda 7 deploys.
        QVERIFY(cliLint(example("trip-booking-saga.bpmn"), QStringLiteral("camunda7@7.21"), &lintOutput) != 0);

        const DeployExportResult result = w.exportForTarget(Platform::camunda7(21), out);
        QVERIFY2(result.written, qPrintable(result.error + QLatin1Char('\n') + runway::app::deployExportText(result)));
        QVERIFY(result.error.isEmpty());
        QVERIFY(QFile::exists(out));
        QVERIFY(!result.report.empty()); // the conversion report says what it changed or dropped
        const QString text = runway::app::deployExportText(result);
        QVERIFY2(text.contains(QStringLiteral("Conversion report for Camunda 7.21")), qPrintable(text));
        QVERIFY(text.contains(QString::fromStdString(result.report.front().code)));

        QCOMPARE(cliLint(out, QStringLiteral("camunda7@7.21"), &lintOutput), 0);
        auto r = runway::core::BpmnReader::readFile(out.toStdString());
        QVERIFY(r.document);
        QCOMPARE(Platform::ofDocument(*r.document).target(), std::string("camunda7@7.21"));

        // The open document itself is untouched: still for Camunda 8, not modified.
        QCOMPARE(Platform::ofDocument(*w.document()).target(), std::string("camunda8@8.6"));
        QVERIFY(!w.currentView()->isModified());
    }

    void exportAsPlainBpmn()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("trip-plain.bpmn"));
        MainWindow w;
        QVERIFY(w.openFile(example("trip-booking-saga.bpmn")));
        const DeployExportResult result = w.exportForTarget(Platform{}, out);
        QVERIFY2(result.written, qPrintable(result.error));
        QVERIFY(!readAll(out).contains("executionPlatform"));
    }

    void undeployableExportWritesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.bpmn"));
        QVERIFY(writeBrokenExample(path));
        const QString out = dir.filePath(QStringLiteral("out.bpmn"));
        const QString existing = dir.filePath(QStringLiteral("existing.bpmn"));
        QVERIFY(writeFile(existing, "kept as it is"));
        MainWindow w;
        QVERIFY(w.openFile(path));

        DeployExportResult result = w.exportForTarget(Platform::camunda8(6), out);
        QVERIFY(!result.written);
        QVERIFY(!QFile::exists(out));
        QVERIFY2(result.error.contains(QStringLiteral("Camunda 8.6")), qPrintable(result.error));
        bool named = false;
        for (const auto& d : result.problems)
            named = named || (d.code == "c8-task-type-missing" && d.elementId == kTask.toStdString() && d.isError());
        QVERIFY2(named, qPrintable(runway::app::deployExportText(result)));

        // Nor is a file already there replaced.
        result = w.exportForTarget(Platform::camunda8(6), existing);
        QVERIFY(!result.written);
        QCOMPARE(readAll(existing), QByteArray("kept as it is"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), qsizetype(2)); // broken.bpmn, existing.bpmn
    }
};

QTEST_MAIN(TestDeployUi)
#include "tst_deploy_ui.moc"
