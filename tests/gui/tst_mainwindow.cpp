// The main window as a user meets it: a file given on the command line, the outline of its
// processes, the Problems dock, a file that cannot be read, the recent files, settings.
#include "MainWindow.h"
#include "ProblemsPanel.h"
#include "runway/core/BpmnReader.h"
#include "runway/modeler/ProcessTreeModel.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

using runway::app::MainWindow;
using runway::app::ProblemsPanel;
using runway::modeler::ProcessTreeModel;

namespace {

QString examplePath()
{
    return QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn");
}

QSettings appSettings()
{
    return QSettings(QStringLiteral("Runway"), QStringLiteral("Runway"));
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// The rows of the Problems panel that are errors.
QList<QTreeWidgetItem*> errorRows(const ProblemsPanel* panel)
{
    QList<QTreeWidgetItem*> rows;
    for (int i = 0; i < panel->topLevelItemCount(); ++i)
        if (panel->topLevelItem(i)->data(ProblemsPanel::LocationColumn, ProblemsPanel::IsErrorRole).toBool())
            rows << panel->topLevelItem(i);
    return rows;
}

QString describeProblems(const ProblemsPanel* panel)
{
    return panel->toText(false);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before any QSettings is made: the settings then live under ~/.qttest, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(appSettings().fileName().contains(QLatin1String("qttest")),
                 qPrintable("settings would be written to " + appSettings().fileName()));
        QVERIFY2(QFileInfo::exists(examplePath()), qPrintable(examplePath()));
    }

    void init()
    {
        QSettings s = appSettings();
        s.clear();
        s.sync();
    }

    void opensTheExampleLikeTheCommandLine()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // main() passes the argument as given, often relative to the current folder.
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(QStringLiteral(RUNWAY_SOURCE_DIR)));
        const bool opened = w.openFile(QStringLiteral("resources/examples/airline-checkin.bpmn"));
        QDir::setCurrent(previous);
        QVERIFY2(opened, qPrintable(describeProblems(w.problemsPanel())));
        QCOMPARE(w.currentFile(), QFileInfo(examplePath()).absoluteFilePath());
        QVERIFY(w.windowTitle().contains(QLatin1String("airline-checkin.bpmn")));

        // The tree shows the process by name, executable, with its flow nodes counted by kind.
        QTreeView* view = w.processView();
        QVERIFY(view->isVisible());
        QAbstractItemModel* model = view->model();
        QCOMPARE(model, static_cast<QAbstractItemModel*>(w.processModel()));
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex process = model->index(0, ProcessTreeModel::NameColumn);
        QCOMPARE(process.data().toString(), QStringLiteral("Automatic airline check-in"));
        QCOMPARE(process.data(ProcessTreeModel::ElementIdRole).toString(), QStringLiteral("Process_AirlineCheckin"));
        QCOMPARE(process.siblingAtColumn(ProcessTreeModel::DetailsColumn).data().toString(),
                 QStringLiteral("Process, executable"));
        QCOMPARE(model->rowCount(process), 1); // the flow-node summary; the example has no lanes
        const QModelIndex summary = model->index(0, ProcessTreeModel::NameColumn, process);
        QCOMPARE(summary.data().toString(), QStringLiteral("Flow nodes: 14"));
        QCOMPARE(summary.siblingAtColumn(ProcessTreeModel::DetailsColumn).data().toString(),
                 QStringLiteral("Tasks: 4, Gateways: 2, Events: 8, Sub-processes: 0"));
        QVERIFY2(view->isExpanded(process), "the outline opens expanded");
        QVERIFY(view->visualRect(summary).isValid());

        // Read and validated without a single error; the status bar says what is there.
        QCOMPARE(w.problemsPanel()->errorCount(), 0);
        QVERIFY2(errorRows(w.problemsPanel()).isEmpty(), qPrintable(describeProblems(w.problemsPanel())));
        const QString summaryText = w.summaryLabel()->text();
        QVERIFY2(summaryText.contains(QLatin1String("Processes: 1")), qPrintable(summaryText));
        QVERIFY2(summaryText.contains(QLatin1String("Flow nodes: 14")), qPrintable(summaryText));
        QVERIFY2(summaryText.contains(QLatin1String("Errors: 0")), qPrintable(summaryText));
    }

    void selectingARowShowsTheElement()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        QTreeView* view = w.processView();
        const QModelIndex process = view->model()->index(0, 0);
        const QRect rect = view->visualRect(process);
        QVERIFY(!rect.isEmpty());

        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
        QCOMPARE(view->currentIndex().row(), 0);
        QVERIFY(!view->currentIndex().parent().isValid());
        QVERIFY(view->selectionModel()->isRowSelected(0, QModelIndex()));
        QString message = w.statusBar()->currentMessage();
        QVERIFY2(message.contains(QLatin1String("Process_AirlineCheckin")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("line 14")), qPrintable(message));

        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().parent(), process);
        message = w.statusBar()->currentMessage();
        QVERIFY2(message.startsWith(QLatin1String("Flow nodes: 14")), qPrintable(message));
    }

    void aBrokenFileShowsWhereAndWhy()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bytes = readAll(examplePath());
        QVERIFY(!bytes.isEmpty());
        // Cut in the middle of an element, as an interrupted copy or download leaves a file.
        const qsizetype cut = bytes.indexOf("<bpmn:boundaryEvent id=\"Event_CheckinRejected\"") + 30;
        QVERIFY(cut > 30);
        const QString broken = dir.filePath(QStringLiteral("broken.bpmn"));
        QVERIFY(writeFile(broken, bytes.left(cut)));
        const auto expected = runway::core::BpmnReader::readFile(broken.toStdString());
        QVERIFY(!expected.ok());
        QVERIFY(!expected.diagnostics.empty());
        const auto& cause = expected.diagnostics.front();
        QVERIFY(cause.line > 0);

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        QVERIFY(w.processModel());

        QVERIFY(!w.openFile(broken)); // returns, without a dialog, and without crashing
        QCOMPARE(w.currentFile(), broken);

        // The Problems dock names the file, the line and the cause.
        QVERIFY(w.problemsDock()->isVisible());
        const QList<QTreeWidgetItem*> errors = errorRows(w.problemsPanel());
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first()->text(ProblemsPanel::LocationColumn), QStringLiteral("broken.bpmn:%1").arg(cause.line));
        QVERIFY2(errors.first()->text(ProblemsPanel::MessageColumn).contains(QString::fromStdString(cause.message)),
                 qPrintable(errors.first()->text(ProblemsPanel::MessageColumn)));
        QVERIFY(w.problemsPanel()->toText(false).startsWith(broken + QLatin1Char(':') + QString::number(cause.line)));

        // Nothing of the example is left on show as if it were the broken file.
        QVERIFY(w.processModel() == nullptr);
        QVERIFY(w.document() == nullptr);
        QVERIFY(w.processView()->model() == nullptr); // the view shows no outline at all
        QVERIFY(!w.processView()->isVisible());
        QVERIFY(w.placeholder()->isVisible());
        QVERIFY2(w.placeholder()->text().contains(QLatin1String("broken.bpmn")), qPrintable(w.placeholder()->text()));
        QVERIFY2(w.placeholder()->text().contains(QStringLiteral("Line %1").arg(cause.line)),
                 qPrintable(w.placeholder()->text()));
        QVERIFY(w.windowTitle().contains(QLatin1String("broken.bpmn")));
        QVERIFY(w.windowTitle().contains(QLatin1String("not loaded")));
        QVERIFY(!w.windowTitle().contains(QLatin1String("airline-checkin")));
        QVERIFY2(w.summaryLabel()->text().contains(QLatin1String("Not loaded")), qPrintable(w.summaryLabel()->text()));
        QVERIFY(!w.summaryLabel()->text().contains(QLatin1String("Flow nodes")));
        QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("broken.bpmn")));

        // A file that is not there at all says so too.
        const QString missing = dir.filePath(QStringLiteral("missing.bpmn"));
        QVERIFY(!w.openFile(missing));
        QCOMPARE(errorRows(w.problemsPanel()).size(), 1);
        QVERIFY2(errorRows(w.problemsPanel())
                     .first()
                     ->text(ProblemsPanel::MessageColumn)
                     .contains(QLatin1String("cannot open the file")),
                 qPrintable(describeProblems(w.problemsPanel())));

        // And the window still works: the next good file shows normally.
        QVERIFY(w.openFile(examplePath()));
        QCOMPARE(w.processView()->model()->rowCount(), 1);
        QVERIFY(w.processView()->isVisible());
        QCOMPARE(w.problemsPanel()->errorCount(), 0);
    }

    void aPoolLeadsToItsProcess()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("pools.bpmn"));
        QVERIFY(writeFile(path, "<?xml version='1.0' encoding='UTF-8'?>\n"
                                "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL' "
                                "id='D' targetNamespace='urn:test'>\n"
                                "  <bpmn:collaboration id='C'>\n"
                                "    <bpmn:participant id='Pool_Airline' name='Airline' processRef='P_Airline'/>\n"
                                "  </bpmn:collaboration>\n"
                                "  <bpmn:process id='P_Airline' name='Check-in' isExecutable='false'>\n"
                                "    <bpmn:laneSet id='LS'><bpmn:lane id='L_Desk' name='Desk'/></bpmn:laneSet>\n"
                                "    <bpmn:task id='T'/>\n"
                                "  </bpmn:process>\n"
                                "</bpmn:definitions>\n"));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY2(w.openFile(path), qPrintable(describeProblems(w.problemsPanel())));
        QVERIFY(w.summaryLabel()->text().contains(QLatin1String("Pools: 1")));
        QTreeView* view = w.processView();
        QAbstractItemModel* model = view->model();
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex pool = model->index(1, 0);
        QCOMPARE(pool.data().toString(), QStringLiteral("Airline"));
        QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("Pool \u2192 Check-in"));

        // Choosing the pool (Enter on its row) moves to the process it holds.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(pool).center());
        QCOMPARE(view->currentIndex().row(), 1);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(view->currentIndex(), model->index(0, 0));
        QCOMPARE(view->currentIndex().data(ProcessTreeModel::ElementIdRole).toString(), QStringLiteral("P_Airline"));
    }

    void recentFilesFollowWhatWasOpened()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString example = QFileInfo(examplePath()).absoluteFilePath();
        const QString copy = dir.filePath(QStringLiteral("copy of check-in.bpmn"));
        QVERIFY(QFile::copy(example, copy));
        const QString broken = dir.filePath(QStringLiteral("broken.bpmn"));
        QVERIFY(writeFile(broken, "<bpmn:definitions xmlns:bpmn=\"x\">"));

        {
            MainWindow w;
            QVERIFY(w.recentFiles().isEmpty());
            QVERIFY(w.openFile(example));
            QCOMPARE(w.recentFiles(), QStringList{example});
            QVERIFY(w.openFile(copy));
            QCOMPARE(w.recentFiles(), (QStringList{copy, example}));
            QVERIFY(!w.openFile(broken)); // a file that could not be read is not offered again
            QCOMPARE(w.recentFiles(), (QStringList{copy, example}));
            QVERIFY(w.openFile(example)); // moves up, once
            QCOMPARE(w.recentFiles(), (QStringList{example, copy}));
            QVERIFY(w.openFile(MainWindow::exampleFile())); // the bundled copy is always in File > Open Example
            QCOMPARE(w.recentFiles(), (QStringList{example, copy}));
        }
        // Kept in the settings: a new window (a new session) offers the same files.
        QCOMPARE(appSettings().value(QStringLiteral("recentFiles")).toStringList(), (QStringList{example, copy}));
        MainWindow w;
        QCOMPARE(w.recentFiles(), (QStringList{example, copy}));

        // The menu lists them, numbered, and opens the one chosen.
        QMenu* menu = w.recentMenu();
        emit menu->aboutToShow();
        QStringList texts;
        QAction* copyAction = nullptr;
        for (QAction* a : menu->actions()) {
            texts << a->text();
            if (a->data().toString() == copy)
                copyAction = a;
        }
        QVERIFY2(texts.size() >= 2, qPrintable(texts.join(QLatin1Char('|'))));
        QCOMPARE(texts.at(0), QStringLiteral("&1 airline-checkin.bpmn"));
        QCOMPARE(texts.at(1), QStringLiteral("&2 copy of check-in.bpmn"));
        QVERIFY(copyAction);
        copyAction->trigger();
        QCOMPARE(w.currentFile(), copy);
        QVERIFY(w.processModel());
        QCOMPARE(w.recentFiles().first(), copy);
    }

    void bundledExampleAndIcon()
    {
        QVERIFY(QFile::exists(MainWindow::exampleFile()));
        QVERIFY(QFile::exists(QStringLiteral(":/icons/runway.svg")));
        MainWindow w;
        QVERIFY(!w.windowIcon().isNull());
        QVERIFY2(w.openFile(MainWindow::exampleFile()), qPrintable(describeProblems(w.problemsPanel())));
        QCOMPARE(w.processModel()->rowCount(), 1);
        QCOMPARE(w.problemsPanel()->errorCount(), 0);
    }

    void geometryIsKept()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(720, 530);
            w.problemsDock()->hide();
            QVERIFY(w.close());
        }
        QVERIFY(appSettings().contains(QStringLiteral("mainWindow/geometry")));
        QVERIFY(appSettings().contains(QStringLiteral("mainWindow/state")));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(720, 530));
        QVERIFY(!w.problemsDock()->isVisible());
    }

    void menusUseStandardShortcuts()
    {
        MainWindow w;
        QHash<QString, QKeySequence> shortcuts;
        const auto menus = w.menuBar()->findChildren<QMenu*>();
        for (const QMenu* menu : menus)
            for (const QAction* a : menu->actions())
                shortcuts.insert(QString(a->text()).remove(QLatin1Char('&')), a->shortcut());
        QCOMPARE(shortcuts.value(QStringLiteral("Open\u2026")), QKeySequence(QKeySequence::Open));
        QCOMPARE(shortcuts.value(QStringLiteral("Quit")), QKeySequence(QKeySequence::Quit));
        QVERIFY(shortcuts.contains(QStringLiteral("About Runway")));
        QVERIFY(shortcuts.contains(QStringLiteral("Open Recent")));
    }

    void germanTranslation()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/runway_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        {
            MainWindow w;
            QStringList titles;
            for (const QAction* a : w.menuBar()->actions())
                titles << a->text();
            QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(QLatin1Char('|'))));
            QVERIFY2(titles.contains(QStringLiteral("&Hilfe")), qPrintable(titles.join(QLatin1Char('|'))));
            QVERIFY(w.openFile(examplePath()));
            const QModelIndex summary = w.processModel()->index(0, 0, w.processModel()->index(0, 0));
            QCOMPARE(summary.siblingAtColumn(1).data().toString(),
                     QStringLiteral("Aufgaben: 4, Gateways: 2, Ereignisse: 8, Teilprozesse: 0"));
        }
        QCoreApplication::removeTranslator(&translator);
    }

    void cleanupTestCase()
    {
        QSettings s = appSettings();
        s.clear();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
