// The app shell around the canvas: files from the command line, documents in tabs, diagram tabs,
// drill-down, the Problems panel leading to the element, properties of the selection, New, Save
// As (and reopening gives the same document), closing with unsaved changes, and export.
#include "tst_appshell_fixtures.h"

#include "MainWindow.h"
#include "ProblemsPanel.h"
#include "PropertiesPanel.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/DocumentCompare.h"
#include "runway/modeler/ProcessTreeModel.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/notation/Export.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "RunwayTest.h"

using runway::app::MainWindow;
using runway::app::ProblemsPanel;
using runway::modeler::canvas::DiagramCanvas;
using runway::modeler::canvas::DocumentView;

namespace {

QString examplePath()
{
    return QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn");
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QAction* menuAction(const MainWindow& w, const QString& text)
{
    for (const QMenu* menu : w.menuBar()->findChildren<QMenu*>())
        for (QAction* a : menu->actions())
            if (QString(a->text()).remove(QLatin1Char('&')) == text)
                return a;
    return nullptr;
}

int darkPixels(const QImage& image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qGray(image.pixel(x, y)) < 100;
    return n;
}

} // namespace

class TestAppShell : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("Runway"), QStringLiteral("Runway")).clear();
    }

    void commandLineOpensEachFileInATab()
    {
        // The real program, as a user starts it: two files, a picture of the window, quit.
        const QString program = QStringLiteral("app/gui/runway"); // tests run in the build folder
        QVERIFY2(QFileInfo::exists(program), qPrintable(QDir::current().absoluteFilePath(program)));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString second = dir.filePath(QStringLiteral("drill.bpmn"));
        QVERIFY(writeFile(second, fixtures::kDrillDown));
        const QString shot = dir.filePath(QStringLiteral("window.png"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        process.start(program, {QStringLiteral("--screenshot"), shot, examplePath(), second});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QImage image(shot);
        QVERIFY2(!image.isNull(), qPrintable(process.readAllStandardError()));
        QVERIFY(darkPixels(image) > 2000); // menus, docks and the diagram of the last file

        // The same path in-process: both files open, the last one in front.
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        QVERIFY(w.openFile(second));
        QCOMPARE(w.documentCount(), 2);
        QCOMPARE(w.currentFile(), second);
        QCOMPARE(w.documentTabs()->tabText(0), QStringLiteral("airline-checkin.bpmn"));
        // A file already open comes to the front instead of opening twice.
        QVERIFY(w.openFile(examplePath()));
        QCOMPARE(w.documentCount(), 2);
        QCOMPARE(w.documentTabs()->currentIndex(), 0);
        QVERIFY(w.processModel());
        QCOMPARE(w.processModel()->rowCount(), 1);
    }

    void zoomToFitFromTheViewMenu()
    {
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        QVERIFY(canvas);
        QAction* fit = menuAction(w, QStringLiteral("Fit to Window"));
        QAction* actual = menuAction(w, QStringLiteral("Actual Size"));
        QAction* zoomIn = menuAction(w, QStringLiteral("Zoom In"));
        QVERIFY(fit && actual && zoomIn);
        QCOMPARE(zoomIn->shortcut(), QKeySequence(QKeySequence::ZoomIn));
        QCOMPARE(actual->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_0));
        zoomIn->trigger();
        zoomIn->trigger();
        zoomIn->trigger();
        QVERIFY(canvas->zoom() > 1.0);
        const QRectF bounds = canvas->notationScene().bounds;
        QVERIFY(!canvas->mapToScene(canvas->viewport()->rect()).boundingRect().contains(bounds));
        fit->trigger();
        QVERIFY(canvas->mapToScene(canvas->viewport()->rect()).boundingRect().contains(bounds));
        QVERIFY(canvas->zoom() <= 1.0);
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("zoomLabel"))->text(),
                 QStringLiteral("%1 %").arg(qRound(canvas->zoom() * 100)));
        actual->trigger();
        QCOMPARE(canvas->zoom(), 1.0);
    }

    void switchDiagramTabs()
    {
        RUNWAY_REQUIRE_CORPUS();
        const QString c40 = QString::fromStdString(runway::test::corpusDir()) + QStringLiteral("/miwg/reference/C.4.0.bpmn");
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(c40));
        DocumentView* view = w.currentView();
        QVERIFY(view);
        QCOMPARE(view->diagramCount(), 4);
        QTabBar* tabs = view->diagramTabs();
        QVERIFY(tabs->isVisible());
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Onboarding employee"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("IT"));
        DiagramCanvas* first = w.currentCanvas();
        QVERIFY(first->itemCount() > 40);

        QTest::mouseClick(tabs, Qt::LeftButton, Qt::NoModifier, tabs->tabRect(2).center());
        QCOMPARE(view->currentDiagram(), 2);
        DiagramCanvas* payroll = w.currentCanvas();
        QVERIFY(payroll != first);
        QCOMPARE(payroll->diagram(), view->document().diagrams().at(2));
        QVERIFY(payroll->isVisible());
        QVERIFY(!first->isVisible());
        QVERIFY(payroll->itemCount() > 0);
        // Each diagram shows its own plane's elements only.
        for (const auto& item : payroll->notationScene().items)
            QVERIFY2(!first->showsElement(item.id) || item.id.isEmpty(), qPrintable(item.id));
    }

    void drillIntoACollapsedSubProcess()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("drill.bpmn"));
        QVERIFY(writeFile(path, fixtures::kDrillDown));
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        DiagramCanvas* main = w.currentCanvas();
        QAction* back = menuAction(w, QStringLiteral("Back to Parent Diagram"));
        QVERIFY(back);
        QVERIFY(!back->isEnabled());
        QTest::mouseDClick(main->viewport(), Qt::LeftButton, Qt::NoModifier,
                           main->mapFromScene(main->itemFor(QStringLiteral("Sub"))->item().bounds.center()));
        QCOMPARE(w.currentView()->currentDiagram(), 1);
        QVERIFY(w.currentCanvas()->showsElement(QStringLiteral("SubTask")));
        QVERIFY(back->isEnabled());
        back->trigger();
        QCOMPARE(w.currentCanvas(), main);
        QVERIFY(!back->isEnabled());
    }

    void problemLeadsToItsElement()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("problem.bpmn"));
        QVERIFY(writeFile(path, fixtures::kProblemInSecondDiagram));
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        QCOMPARE(w.currentView()->currentDiagram(), 0);
        ProblemsPanel* problems = w.problemsPanel();
        QTreeWidgetItem* row = nullptr;
        for (int i = 0; i < problems->topLevelItemCount(); ++i)
            if (problems->topLevelItem(i)->data(0, ProblemsPanel::ElementIdRole).toString() == QLatin1String("B_Gateway"))
                row = problems->topLevelItem(i);
        QVERIFY2(row, qPrintable(problems->toText(false)));

        // Choosing the row (Enter) switches to the diagram that shows the element, selects and centres it.
        problems->setCurrentItem(row);
        problems->setFocus();
        QTest::keyClick(problems, Qt::Key_Return);
        QCOMPARE(w.currentView()->currentDiagram(), 1);
        DiagramCanvas* canvas = w.currentCanvas();
        QCOMPARE(canvas->selectedElementId(), QStringLiteral("B_Gateway"));
        const QRectF visible = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(canvas->itemFor(QStringLiteral("B_Gateway"))->item().bounds));
        // The element carries a warning badge there; the properties show it.
        QCOMPARE(canvas->badges().size(), 1);
        QVERIFY(!canvas->badges().first()->isError());
        QCOMPARE(canvas->badges().first()->data(0).toString(), QStringLiteral("B_Gateway"));
        QCOMPARE(w.propertiesPanel()->value(QStringLiteral("Id")), QStringLiteral("B_Gateway"));
        QCOMPARE(w.propertiesPanel()->value(QStringLiteral("Type")), QStringLiteral("exclusiveGateway"));
        QCOMPARE(w.propertiesPanel()->value(QStringLiteral("Name")), QStringLiteral("Which way?"));
    }

    void selectionShowsProperties()
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        const auto* task = canvas->itemFor(QStringLiteral("Task_CheckInPassenger"));
        QVERIFY(task);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier,
                          canvas->mapFromScene(task->item().bounds.center() + QPointF(0, 20)));
        runway::app::PropertiesPanel* p = w.propertiesPanel();
        QCOMPARE(p->elementId(), QStringLiteral("Task_CheckInPassenger"));
        QCOMPARE(p->value(QStringLiteral("Type")), QStringLiteral("serviceTask"));
        const runway::core::Element* e = w.document()->findById("Task_CheckInPassenger");
        QCOMPARE(p->value(QStringLiteral("Name")), QString::fromStdString(std::string(e->name())));
        QCOMPARE(p->value(QStringLiteral("Line")), QString::number(e->line));
        QCOMPARE(p->value(QStringLiteral("Attributes")), QString::number(e->attrs.size()));
        QVERIFY(p->attributesTree()->editTriggers() == QAbstractItemView::NoEditTriggers);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(3, 3));
        QVERIFY(p->elementId().isEmpty());
        QCOMPARE(p->value(QStringLiteral("Type")), QString());
        QTRY_COMPARE(p->attributesTree()->topLevelItemCount(), 0);
    }

    void saveAsThenReopenGivesTheSameDocument()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DocumentView* view = w.currentView();
        QVERIFY(!view->isModified());
        QVERIFY(!w.isWindowModified());

        // A change through the editor marks it modified and shows.
        runway::core::Document& doc = view->document();
        runway::core::Element* task = doc.findById("Task_SendBoardingPass");
        QVERIFY(task);
        runway::modeler::canvas::Editor& editor = view->editor();
        QVERIFY(editor.apply(editor.modeling().setName(task, "Send the boarding pass by e-mail"), QStringLiteral("Rename")));
        QVERIFY(view->isModified());
        QVERIFY(w.isWindowModified());
        QVERIFY(w.documentTabs()->tabText(0).endsWith(QLatin1String(" *")));
        QCOMPARE(w.currentCanvas()->itemFor(QStringLiteral("Task_SendBoardingPass"))->item().label,
                 QStringLiteral("Send the boarding pass by e-mail"));

        // A folder that is not there: nothing written, still modified.
        const QString nowhere = dir.filePath(QStringLiteral("missing/folder/x.bpmn"));
        QVERIFY(!w.saveAs(nowhere));
        QVERIFY(!QFileInfo::exists(nowhere));
        QVERIFY(view->isModified());

        const QString target = dir.filePath(QStringLiteral("saved copy.bpmn"));
        QVERIFY(w.saveAs(target));
        QVERIFY(!view->isModified());
        QVERIFY(!w.isWindowModified());
        QCOMPARE(w.currentFile(), target);
        QCOMPARE(w.documentTabs()->tabText(0), QStringLiteral("saved copy.bpmn"));
        QVERIFY(w.windowTitle().contains(QLatin1String("saved copy.bpmn")));
        QCOMPARE(w.recentFiles().first(), target);
        // The bytes are the writer's, and nothing else was left in the folder (no temporary file).
        QCOMPARE(readAll(target), QByteArray::fromStdString(runway::core::BpmnWriter::toString(doc)));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("saved copy.bpmn")});

        // Reopened, it is the same document as the one in memory.
        auto reread = runway::core::BpmnReader::readFile(target.toStdString());
        QVERIFY(reread.ok());
        std::string where;
        QVERIFY2(runway::core::sameDocument(doc, *reread.document, &where), where.c_str());
        QCOMPARE(std::string(reread.document->findById("Task_SendBoardingPass")->name()),
                 std::string("Send the boarding pass by e-mail"));
        // And it differs from the example exactly by that change.
        auto original = runway::core::BpmnReader::readFile(examplePath().toStdString());
        QVERIFY(!runway::core::sameDocument(*original.document, *reread.document));

        // Save (not As) writes to the same file again.
        QVERIFY(editor.apply(editor.modeling().setName(task, "Send boarding pass"), QStringLiteral("Rename")));
        QVERIFY(w.save());
        auto again = runway::core::BpmnReader::readFile(target.toStdString());
        QCOMPARE(std::string(again.document->findById("Task_SendBoardingPass")->name()), std::string("Send boarding pass"));
        QVERIFY2(runway::core::sameDocument(*original.document, *again.document, &where), where.c_str());
    }

    void closingAsksAboutUnsavedChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.bpmn"));
        QVERIFY(QFile::copy(examplePath(), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        MainWindow w;
        QStringList asked;
        MainWindow::UnsavedChoice answer = MainWindow::UnsavedChoice::Cancel;
        w.setUnsavedPrompt([&](const QString& name) {
            asked << name;
            return answer;
        });
        QVERIFY(w.openFile(path));
        QVERIFY(w.closeFile()); // unmodified: closes without a question
        QVERIFY(asked.isEmpty());
        QCOMPARE(w.documentCount(), 0);
        QVERIFY(w.placeholder()->isVisible() || !w.isVisible());

        QVERIFY(w.openFile(path));
        runway::core::Document& doc = w.currentView()->document();
        runway::modeler::canvas::Editor& editor = w.currentView()->editor();
        QVERIFY(editor.apply(editor.modeling().setName(doc.findById("Task_ManualCheckin"), "Desk check-in"),
                             QStringLiteral("Rename")));
        QVERIFY(!w.closeFile()); // Cancel
        QCOMPARE(asked, QStringList{QStringLiteral("c.bpmn")});
        QCOMPARE(w.documentCount(), 1);
        answer = MainWindow::UnsavedChoice::Save;
        QVERIFY(w.closeFile());
        QCOMPARE(w.documentCount(), 0);
        auto saved = runway::core::BpmnReader::readFile(path.toStdString());
        QCOMPARE(std::string(saved.document->findById("Task_ManualCheckin")->name()), std::string("Desk check-in"));

        QVERIFY(w.openFile(path));
        runway::modeler::canvas::Editor& reopened = w.currentView()->editor();
        QVERIFY(reopened.apply(
            reopened.modeling().setName(w.currentView()->document().findById("Task_ManualCheckin"), "Thrown away"),
            QStringLiteral("Rename")));
        answer = MainWindow::UnsavedChoice::Discard;
        QVERIFY(w.closeFile());
        saved = runway::core::BpmnReader::readFile(path.toStdString());
        QCOMPARE(std::string(saved.document->findById("Task_ManualCheckin")->name()), std::string("Desk check-in"));
        QCOMPARE(asked.size(), 3);
    }

    void newDocumentHasAProcessAndAStartEvent()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction* action = menuAction(w, QStringLiteral("New"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::New));
        action->trigger();
        action->trigger();
        QCOMPARE(w.documentCount(), 2);
        QCOMPARE(w.documentTabs()->tabText(1), QStringLiteral("Untitled 2"));
        QVERIFY(w.currentFile().isEmpty());
        const runway::core::Document* doc = w.document();
        QVERIFY(doc);
        QCOMPARE(w.processModel()->processCount(), 1);
        QCOMPARE(w.processModel()->totalCounts().total(), 1);
        QVERIFY(w.currentCanvas()->showsElement(QStringLiteral("StartEvent_1")));
        QCOMPARE(w.problemsPanel()->errorCount(), 0);
        QVERIFY(!w.currentView()->isModified());
    }

    void exportHasNoEditorChrome()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("problem.bpmn"));
        QVERIFY(writeFile(path, fixtures::kProblemInSecondDiagram));
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        w.currentView()->showDiagram(1);
        w.selectElement(QStringLiteral("B_Gateway")); // selected, and with a badge on screen
        QCOMPARE(w.currentCanvas()->badges().size(), 1);
        const QString png = dir.filePath(QStringLiteral("second.png"));
        QString error;
        QVERIFY2(w.exportDiagram(png, &error), qPrintable(error));

        // The same picture as the painter's own export of that diagram: no badge, no selection.
        auto doc = runway::core::BpmnReader::readFile(path.toStdString());
        const runway::modeler::notation::NotationPainter painter;
        const auto scene = runway::modeler::notation::buildScene(
            *doc.document, runway::modeler::notation::findDiagram(*doc.document, "D2"), painter);
        const QString reference = dir.filePath(QStringLiteral("reference.png"));
        QVERIFY(runway::modeler::notation::exportScene(scene, painter, reference, runway::modeler::notation::ImageFormat::Png,
                                                       {}, &error));
        const QImage a(png), b(reference);
        QVERIFY(!a.isNull());
        QCOMPARE(a.size(), b.size());
        QVERIFY(a == b);

        QVERIFY(!w.exportDiagram(dir.filePath(QStringLiteral("picture.gif")), &error));
        QVERIFY2(error.contains(QLatin1String(".svg")), qPrintable(error));
        QVERIFY(menuAction(w, QStringLiteral("Export Diagram\u2026")));
    }

    void germanTranslationCoversTheNewWindow()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/runway_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        {
            MainWindow w;
            QVERIFY(menuAction(w, QStringLiteral("An Fenster anpassen")));
            QVERIFY(menuAction(w, QStringLiteral("Speichern unter\u2026")));
            QVERIFY(menuAction(w, QStringLiteral("Diagramm exportieren\u2026")));
            QCOMPARE(w.outlineDock()->windowTitle(), QStringLiteral("Gliederung"));
            QCOMPARE(w.propertiesDock()->windowTitle(), QStringLiteral("Eigenschaften"));
            w.newDocument();
            QCOMPARE(w.documentTabs()->tabText(0), QStringLiteral("Unbenannt 1"));
        }
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestAppShell)
#include "tst_appshell.moc"
