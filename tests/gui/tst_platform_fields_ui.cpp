// The engine settings form (PlatformFieldsEditor) on the app's own window: typing a job type into
// a Camunda 8 service task is one undo step that takes the deployability problem off the problems
// panel (undo brings it back, byte for byte); a Camunda 7 file shows the Camunda 7 fields; File >
// Execution Platform… switches the engine, and the form and the checks follow.
#include "MainWindow.h"
#include "PlatformDialog.h"
#include "PlatformFieldsEditor.h"
#include "ProblemsPanel.h"
#include "RunwayTest.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/deploy/Platform.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGraphicsScene>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

using runway::app::MainWindow;
using runway::app::PlatformDialog;
using runway::app::PlatformFieldsEditor;
using runway::app::ProblemsPanel;
using runway::core::BpmnWriter;
using runway::core::deploy::Platform;
using runway::modeler::canvas::Editor;

namespace {

const QString kTask = QStringLiteral("Task_CheckInPassenger");
const QByteArray kTaskDefinition = QByteArrayLiteral("<zeebe:taskDefinition type=\"airline-check-in\" />");
const QByteArray kCamunda8Mark = QByteArrayLiteral("modeler:executionPlatform=\"Camunda Cloud\"\n                  "
                                                   "modeler:executionPlatformVersion=\"8.6.0\"");
const QByteArray kCamunda7Mark = QByteArrayLiteral("modeler:executionPlatform=\"Camunda Platform\"\n                  "
                                                   "modeler:executionPlatformVersion=\"7.21.0\"");

QByteArray example()
{
    QFile f(QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// The airline example (Camunda 8.6) with the job type of the check-in task taken out.
bool writeWithoutTaskType(const QString& path)
{
    QByteArray bytes = example();
    if (bytes.count(kTaskDefinition) != 1)
        return false;
    return writeFile(path, bytes.replace(kTaskDefinition, QByteArray()));
}

/// The airline example marked for Camunda 7.21.
bool writeCamunda7(const QString& path)
{
    QByteArray bytes = example();
    if (bytes.count(kCamunda8Mark) != 1)
        return false;
    return writeFile(path, bytes.replace(kCamunda8Mark, kCamunda7Mark));
}

bool hasProblem(const ProblemsPanel* panel, const QString& code, const QString& element)
{
    for (int i = 0; i < panel->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* row = panel->topLevelItem(i);
        if (row->data(ProblemsPanel::LocationColumn, ProblemsPanel::CodeRole).toString() == code &&
            row->data(ProblemsPanel::LocationColumn, ProblemsPanel::ElementIdRole).toString() == element)
            return true;
    }
    return false;
}

QAction* menuAction(const MainWindow& w, const QString& text)
{
    for (const QMenu* menu : w.menuBar()->findChildren<QMenu*>())
        for (QAction* a : menu->actions())
            if (QString(a->text()).remove(QLatin1Char('&')) == text)
                return a;
    return nullptr;
}

std::string bytesOf(const MainWindow& w)
{
    return BpmnWriter::toString(*w.document());
}

} // namespace

class TestPlatformFieldsUi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("Runway"), QStringLiteral("Runway")).clear();
    }

    void typingTheJobTypeFixesTheProblemInOneUndoStep()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-type.bpmn"));
        QVERIFY(writeWithoutTaskType(path));
        MainWindow w;
        QVERIFY(w.openFile(path));
        Editor& editor = w.currentView()->editor();
        ProblemsPanel* panel = w.problemsPanel();
        QVERIFY2(hasProblem(panel, QStringLiteral("c8-task-type-missing"), kTask), qPrintable(panel->toText(false)));
        const std::string before = bytesOf(w);
        const int steps = editor.undoStack()->count();

        PlatformFieldsEditor form;
        form.setElement(&editor, editor.element(kTask));
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QCOMPARE(form.fieldKeys(),
                 QStringList({"taskType", "retries", "inputs", "outputs", "headers", "executionListeners"}));
        auto* type = qobject_cast<QLineEdit*>(form.fieldWidget(QStringLiteral("taskType")));
        QVERIFY(type);
        QVERIFY(type->text().isEmpty());
        type->setFocus();
        QTest::keyClicks(type, QStringLiteral("airline-check-in"));

        // One undo step for the whole word; the same widget, still focused, with the whole text.
        QCOMPARE(editor.undoStack()->count(), steps + 1);
        QCOMPARE(form.fieldWidget(QStringLiteral("taskType")), static_cast<QWidget*>(type));
        QCOMPARE(type->text(), QStringLiteral("airline-check-in"));
        QVERIFY(bytesOf(w).find("<zeebe:taskDefinition type=\"airline-check-in\"") != std::string::npos);
        QTRY_VERIFY2(!hasProblem(panel, QStringLiteral("c8-task-type-missing"), kTask), qPrintable(panel->toText(false)));

        // Undo: the problem is back, the file is as it was, and the form shows it.
        editor.undoStack()->undo();
        QCOMPARE(editor.undoStack()->index(), steps);
        QTRY_VERIFY(hasProblem(panel, QStringLiteral("c8-task-type-missing"), kTask));
        QVERIFY(bytesOf(w) == before);
        QVERIFY(type->text().isEmpty());
        QCOMPARE(form.fieldWidget(QStringLiteral("taskType")), static_cast<QWidget*>(type));
        editor.undoStack()->redo();
        QCOMPARE(type->text(), QStringLiteral("airline-check-in"));
        QTRY_VERIFY(!hasProblem(panel, QStringLiteral("c8-task-type-missing"), kTask));

        // A value the field does not take is refused, with the reason under the form.
        auto* retries = qobject_cast<QLineEdit*>(form.fieldWidget(QStringLiteral("retries")));
        QVERIFY(retries);
        QTest::keyClicks(retries, QStringLiteral("x"));
        QVERIFY(form.lastError().contains(QStringLiteral("whole number")));
        QCOMPARE(editor.undoStack()->count(), steps + 1);
        retries->clear();
        QTest::keyClicks(retries, QStringLiteral("5"));
        QVERIFY(form.lastError().isEmpty());
        QVERIFY(bytesOf(w).find("type=\"airline-check-in\" retries=\"5\"") != std::string::npos);
    }

    void thePropertiesPanelShowsTheFieldsOfTheSelection()
    {
        // In the window: selecting the task on the canvas shows its engine settings in the
        // properties dock, and typing there fixes the problem as in the form alone.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-type.bpmn"));
        QVERIFY(writeWithoutTaskType(path));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        auto* form = w.findChild<PlatformFieldsEditor*>(QStringLiteral("platformFields"));
        QVERIFY(form);
        QVERIFY(form->fieldKeys().isEmpty()); // nothing selected
        w.selectElement(kTask);
        QCOMPARE(form->elementId(), kTask);
        QVERIFY(form->fieldKeys().contains(QStringLiteral("taskType")));
        auto* type = qobject_cast<QLineEdit*>(form->fieldWidget(QStringLiteral("taskType")));
        QVERIFY(type);
        QTRY_VERIFY(type->isVisibleTo(&w)); // the form's layout shows new fields from the event loop
        type->setFocus();
        QTest::keyClicks(type, QStringLiteral("check-in"));
        QTRY_VERIFY(!hasProblem(w.problemsPanel(), QStringLiteral("c8-task-type-missing"), kTask));
        w.currentView()->editor().undoStack()->undo();
        QTRY_VERIFY(hasProblem(w.problemsPanel(), QStringLiteral("c8-task-type-missing"), kTask));
        w.currentCanvas()->scene()->clearSelection();
        QTRY_VERIFY(form->fieldKeys().isEmpty()); // at once, or a moment later while a field had the focus
    }

    void keyValueListsAddEditAndRemoveRows()
    {
        MainWindow w;
        QVERIFY(w.openFile(MainWindow::exampleFile()));
        Editor& editor = w.currentView()->editor();
        PlatformFieldsEditor form;
        form.setElement(&editor, editor.element(kTask));
        auto* table = qobject_cast<QTableWidget*>(form.fieldWidget(QStringLiteral("headers")));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 0);
        auto* add = form.findChild<QPushButton*>(QStringLiteral("headers/add"));
        auto* remove = form.findChild<QPushButton*>(QStringLiteral("headers/remove"));
        QVERIFY(add && remove);
        const int steps = editor.undoStack()->count();
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(bytesOf(w).find("<zeebe:taskHeaders>") != std::string::npos);
        table->item(0, 0)->setText(QStringLiteral("priority"));
        table->item(0, 1)->setText(QStringLiteral("high"));
        QVERIFY2(bytesOf(w).find("<zeebe:header key=\"priority\" value=\"high\" />") != std::string::npos,
                 bytesOf(w).c_str());
        QCOMPARE(editor.undoStack()->count(), steps + 3);
        table->setCurrentCell(0, 0);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(bytesOf(w).find("zeebe:taskHeaders") == std::string::npos);
        // Undo puts the row back in the table.
        editor.undoStack()->undo();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("high"));
    }

    void camunda7FileShowsCamunda7Fields()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c7.bpmn"));
        QVERIFY(writeCamunda7(path));
        MainWindow w;
        QVERIFY(w.openFile(path));
        QCOMPARE(w.platformLabel()->text(), QStringLiteral("Checked for Camunda 7.21"));
        Editor& editor = w.currentView()->editor();
        ProblemsPanel* panel = w.problemsPanel();
        QVERIFY2(hasProblem(panel, QStringLiteral("c7-implementation-missing"), kTask),
                 qPrintable(panel->toText(false)));

        PlatformFieldsEditor form;
        form.setElement(&editor, editor.element(kTask));
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QCOMPARE(form.fieldKeys(), QStringList({"c7.implementation", "c7.implementationValue", "c7.asyncBefore",
                                                "c7.asyncAfter", "c7.retryTimeCycle", "c7.inputs", "c7.outputs"}));
        QVERIFY(!form.fieldWidget(QStringLiteral("taskType")));
        auto* kind = qobject_cast<QComboBox*>(form.fieldWidget(QStringLiteral("c7.implementation")));
        auto* topic = qobject_cast<QLineEdit*>(form.fieldWidget(QStringLiteral("c7.implementationValue")));
        auto* async = qobject_cast<QCheckBox*>(form.fieldWidget(QStringLiteral("c7.asyncBefore")));
        QVERIFY(kind && topic && async);
        kind->setCurrentIndex(kind->findData(QStringLiteral("external")));
        emit kind->activated(kind->currentIndex());
        QTRY_VERIFY(hasProblem(panel, QStringLiteral("c7-external-topic-missing"), kTask));
        QTest::keyClicks(topic, QStringLiteral("check-in"));
        QTRY_VERIFY(!hasProblem(panel, QStringLiteral("c7-implementation-missing"), kTask));
        QTRY_VERIFY(!hasProblem(panel, QStringLiteral("c7-external-topic-missing"), kTask));
        QTest::mouseClick(async, Qt::LeftButton, {}, QPoint(8, async->height() / 2)); // on the box
        QVERIFY(async->isChecked());
        const std::string xml = bytesOf(w);
        QVERIFY2(xml.find("camunda:type=\"external\" camunda:topic=\"check-in\" camunda:asyncBefore=\"true\"") !=
                     std::string::npos,
                 xml.c_str());
        QVERIFY(xml.find("xmlns:camunda=") != std::string::npos);

        // The process has the history time to live.
        form.setElement(&editor, editor.element(QStringLiteral("Process_AirlineCheckin")));
        QCOMPARE(form.fieldKeys(), QStringList({"c7.historyTimeToLive"}));

        // Read-only while simulating.
        editor.setReadOnly(true);
        QVERIFY(!form.fieldWidget(QStringLiteral("c7.historyTimeToLive"))->isEnabled());
        editor.setReadOnly(false);
        QVERIFY(form.fieldWidget(QStringLiteral("c7.historyTimeToLive"))->isEnabled());
    }

    void switchingThePlatformThroughTheDialog()
    {
        MainWindow w;
        QVERIFY(w.openFile(MainWindow::exampleFile()));
        Editor& editor = w.currentView()->editor();
        PlatformFieldsEditor form;
        form.setElement(&editor, editor.element(kTask));
        QVERIFY(form.fieldKeys().contains(QStringLiteral("taskType")));
        const std::string before = bytesOf(w);
        const int steps = editor.undoStack()->count();

        QAction* action = menuAction(w, QStringLiteral("Execution Platform\u2026"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<PlatformDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            // The dialog opens on the file's platform.
            QVERIFY(dialog->platform() == Platform::camunda8(6));
            auto* engine = dialog->findChild<QComboBox*>(QStringLiteral("engine"));
            auto* version = dialog->findChild<QComboBox*>(QStringLiteral("version"));
            engine->setCurrentIndex(engine->findText(QStringLiteral("Camunda 7")));
            version->setCurrentIndex(version->findText(QStringLiteral("7.20.0")));
            answered = true;
            dialog->accept();
        });
        action->trigger();
        QVERIFY(answered);
        QVERIFY(Platform::ofDocument(*w.document()) == Platform::camunda7(20));
        QCOMPARE(editor.undoStack()->count(), steps + 1);
        QTRY_COMPARE(w.platformLabel()->text(), QStringLiteral("Checked for Camunda 7.20"));
        QVERIFY(form.fieldKeys().contains(QStringLiteral("c7.implementation")));
        QVERIFY(!form.fieldKeys().contains(QStringLiteral("taskType")));
        QTRY_VERIFY(hasProblem(w.problemsPanel(), QStringLiteral("c7-history-ttl-missing"),
                           QStringLiteral("Process_AirlineCheckin")));

        editor.undoStack()->undo();
        QVERIFY(bytesOf(w) == before);
        QTRY_COMPARE(w.platformLabel()->text(), QStringLiteral("Checked for Camunda 8.6"));
        QVERIFY(form.fieldKeys().contains(QStringLiteral("taskType")));

        // Plain BPMN: no engine fields, and a hint where to choose one.
        QTimer::singleShot(0, this, [&] {
            if (auto* dialog = qobject_cast<PlatformDialog*>(QApplication::activeModalWidget())) {
                dialog->setPlatform(Platform{});
                dialog->accept();
            }
        });
        action->trigger();
        QVERIFY(Platform::ofDocument(*w.document()) == Platform{});
        QVERIFY(form.fieldKeys().isEmpty());
        QVERIFY(
            form.findChild<QLabel*>(QStringLiteral("platformHeading"))->text().contains(QStringLiteral("plain BPMN")));
        QVERIFY(bytesOf(w).find("executionPlatform") == std::string::npos);
    }
};

QTEST_MAIN(TestPlatformFieldsUi)
#include "tst_platform_fields_ui.moc"
