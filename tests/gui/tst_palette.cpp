// The palette in the main window: every element kind is there with an icon; a click on an entry
// and then on the canvas creates that element there, a palette drop (a synthesized QDropEvent:
// QTest cannot drive a real QDrag) creates it where it lands, pools and lanes come from it too,
// read-only mode and foreign payloads create nothing. Edit > Find Element selects what it finds,
// and Help > Keyboard Shortcuts lists the window's shortcuts from its actions. Each change is one undo step back to a
// byte-identical document, and redo brings it forward again.
#include "FindElement.h"
#include "MainWindow.h"
#include "Palette.h"
#include "ShortcutsDialog.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/Di.h"
#include "runway/core/Metamodel.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/CreateGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/canvas/LabelEditor.h"

#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace runway;
using app::MainWindow;
using app::Palette;
using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;

namespace {

QString examplePath()
{
    return QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn");
}

std::vector<core::Element*> ofType(const core::Document& doc, core::BpmnType t)
{
    std::vector<core::Element*> out;
    for (core::Element* e : doc.allElements())
        if (e->type == t)
            out.push_back(e);
    return out;
}

/// A point of the canvas below the diagram, with no element under it, scrolled into view.
QPoint emptySpot(DiagramCanvas* canvas)
{
    const QRectF bounds = canvas->notationScene().bounds;
    const QPointF scenePos(bounds.center().x(), bounds.bottom() + 100);
    canvas->centerOn(scenePos);
    return canvas->mapFromScene(scenePos);
}

/// A palette drop as Qt delivers it: a drag enter (which makes the viewport the drag's target),
/// a move, then the drop. True when the canvas accepted the drop.
bool dropOn(DiagramCanvas* canvas, const QMimeData* mime, QPoint at, bool* moveAccepted = nullptr)
{
    QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas->viewport(), &enter);
    QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas->viewport(), &move);
    if (moveAccepted)
        *moveAccepted = move.isAccepted();
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(canvas->viewport(), &drop);
    return drop.isAccepted();
}

bool itemUnder(DiagramCanvas* canvas, QPoint vp)
{
    for (QGraphicsItem* g : canvas->items(vp))
        if (g->type() == modeler::canvas::ElementItem::Type)
            return true;
    return false;
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("Runway"), QStringLiteral("Runway")).clear();
    }

    void offersEveryKindWithAnIcon()
    {
        MainWindow w;
        Palette* palette = w.palette();
        QVERIFY(palette);
        QCOMPARE(palette->buttons().size(), qsizetype(modeler::canvas::elementKinds().size()));
        for (core::BpmnType t :
             {core::BpmnType::StartEvent, core::BpmnType::IntermediateThrowEvent, core::BpmnType::EndEvent,
              core::BpmnType::Task, core::BpmnType::UserTask, core::BpmnType::SubProcess, core::BpmnType::CallActivity,
              core::BpmnType::Transaction, core::BpmnType::ExclusiveGateway, core::BpmnType::ParallelGateway,
              core::BpmnType::DataObjectReference, core::BpmnType::DataStoreReference, core::BpmnType::TextAnnotation,
              core::BpmnType::Group, core::BpmnType::Participant, core::BpmnType::Lane})
            QVERIFY2(palette->buttonFor(t), core::Metamodel::instance().type(t).name.data());
        QVERIFY(palette->buttonFor(core::BpmnType::StartEvent, core::BpmnType::TimerEventDefinition));
        QVERIFY(palette->buttonFor(core::BpmnType::IntermediateCatchEvent, core::BpmnType::MessageEventDefinition));
        // Icons are painted, not blank: some pixels differ from the first one.
        for (app::PaletteButton* b : palette->buttons()) {
            const QImage image = b->icon().pixmap(28, 28).toImage();
            QVERIFY(!image.isNull());
            bool painted = false;
            for (int y = 0; y < image.height() && !painted; ++y)
                for (int x = 0; x < image.width() && !painted; ++x)
                    painted = image.pixel(x, y) != image.pixel(0, 0);
            QVERIFY2(painted, qPrintable(b->accessibleName()));
        }
    }

    void clickThenClickCreatesATask()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        DocumentView* view = w.currentView();
        QVERIFY(canvas && view);
        core::Document& doc = view->document();
        const std::string before = core::BpmnWriter::toString(doc);
        const std::size_t tasks = ofType(doc, core::BpmnType::Task).size();

        QTest::mouseClick(w.palette()->buttonFor(core::BpmnType::Task), Qt::LeftButton);
        QVERIFY(modeler::canvas::CreateGesture::of(*canvas)->isArmed());
        const QPoint spot = emptySpot(canvas);
        QVERIFY(!itemUnder(canvas, spot));
        const QPointF scenePos = canvas->mapToScene(spot);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, spot);

        const auto now = ofType(doc, core::BpmnType::Task);
        QCOMPARE(now.size(), tasks + 1);
        const auto b = core::di::bounds(doc.shapeFor(now.back()->id()));
        QVERIFY(b);
        QVERIFY(std::abs(b->x + b->width / 2 - scenePos.x()) < 1.0);
        QVERIFY(std::abs(b->y + b->height / 2 - scenePos.y()) < 1.0);
        QCOMPARE(view->editor().undoStack()->count(), 1);
        QVERIFY(!modeler::canvas::CreateGesture::of(*canvas)->isArmed()); // one click, one element
        // The new task is selected, and a second click creates nothing.
        QCOMPARE(canvas->selectedElementId(), QString::fromStdString(std::string(now.back()->id())));
        const std::string after = core::BpmnWriter::toString(doc);

        view->editor().undoStack()->undo();
        QCOMPARE(core::BpmnWriter::toString(doc), before);
        view->editor().undoStack()->redo();
        QCOMPARE(core::BpmnWriter::toString(doc), after);
    }

    void escapeDisarms()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        const std::string before = core::BpmnWriter::toString(w.currentView()->document());
        QTest::mouseClick(w.palette()->buttonFor(core::BpmnType::Task), Qt::LeftButton);
        QVERIFY(modeler::canvas::CreateGesture::of(*canvas)->isArmed());
        QTest::keyClick(canvas, Qt::Key_Escape);
        QVERIFY(!modeler::canvas::CreateGesture::of(*canvas)->isArmed());
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, emptySpot(canvas));
        QCOMPARE(core::BpmnWriter::toString(w.currentView()->document()), before);
    }

    void dropCreatesATaskWhereItLands()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        DocumentView* view = w.currentView();
        core::Document& doc = view->document();
        const std::string before = core::BpmnWriter::toString(doc);
        const std::size_t tasks = ofType(doc, core::BpmnType::UserTask).size();
        const QPoint spot = emptySpot(canvas);
        const QPointF scenePos = canvas->mapToScene(spot);

        std::unique_ptr<QMimeData> mime(
            modeler::canvas::makeKindMimeData(core::modeling::TypeSpec(core::BpmnType::UserTask)));
        bool moveAccepted = false;
        QVERIFY(dropOn(canvas, mime.get(), spot, &moveAccepted));
        QVERIFY(moveAccepted);

        const auto now = ofType(doc, core::BpmnType::UserTask);
        QCOMPARE(now.size(), tasks + 1);
        const auto b = core::di::bounds(doc.shapeFor(now.back()->id()));
        QVERIFY(b);
        QVERIFY(std::abs(b->x + b->width / 2 - scenePos.x()) < 1.0);
        QVERIFY(std::abs(b->y + b->height / 2 - scenePos.y()) < 1.0);
        QCOMPARE(view->editor().undoStack()->count(), 1);
        const std::string after = core::BpmnWriter::toString(doc);
        view->editor().undoStack()->undo();
        QCOMPARE(core::BpmnWriter::toString(doc), before);
        view->editor().undoStack()->redo();
        QCOMPARE(core::BpmnWriter::toString(doc), after);
    }

    void poolThenLaneFromThePalette()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        DocumentView* view = w.currentView();
        core::Document& doc = view->document();
        const std::string before = core::BpmnWriter::toString(doc);
        QVERIFY(ofType(doc, core::BpmnType::Participant).empty());

        const auto dropAt = [&](core::BpmnType t, QPoint at) {
            std::unique_ptr<QMimeData> mime(modeler::canvas::makeKindMimeData(core::modeling::TypeSpec(t)));
            return dropOn(canvas, mime.get(), at);
        };
        QVERIFY(dropAt(core::BpmnType::Participant, emptySpot(canvas)));
        QCOMPARE(ofType(doc, core::BpmnType::Participant).size(), std::size_t(1));
        const std::string withPool = core::BpmnWriter::toString(doc);

        // The pool is on the canvas now (rebuilt); a lane dropped onto it splits it into lanes.
        canvas = w.currentCanvas();
        const QString poolId =
            QString::fromStdString(std::string(ofType(doc, core::BpmnType::Participant).front()->id()));
        QVERIFY(canvas->showsElement(poolId));
        const QRectF poolRect = canvas->itemFor(poolId)->item().bounds;
        canvas->centerOn(poolRect.center());
        QSignalSpy refused(&view->editor(), &modeler::canvas::Editor::refused);
        QVERIFY(dropAt(core::BpmnType::Lane, canvas->mapFromScene(poolRect.center())));
        QVERIFY2(refused.isEmpty(), refused.isEmpty() ? "" : qPrintable(refused.first().first().toString()));
        QCOMPARE(ofType(doc, core::BpmnType::Lane).size(), std::size_t(2));
        QCOMPARE(view->editor().undoStack()->count(), 2);
        const std::string withLanes = core::BpmnWriter::toString(doc);

        view->editor().undoStack()->undo();
        QCOMPARE(core::BpmnWriter::toString(doc), withPool);
        view->editor().undoStack()->undo();
        QCOMPARE(core::BpmnWriter::toString(doc), before);
        view->editor().undoStack()->redo();
        view->editor().undoStack()->redo();
        QCOMPARE(core::BpmnWriter::toString(doc), withLanes);
    }

    void readOnlyAndForeignDropsCreateNothing()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        DocumentView* view = w.currentView();
        const std::string before = core::BpmnWriter::toString(view->document());
        const QPoint spot = emptySpot(canvas);

        // A payload naming a type the palette does not offer.
        QMimeData foreign;
        foreign.setData(QString::fromLatin1(modeler::canvas::kElementKindMime), QByteArray("process;;-;-"));
        QVERIFY(!dropOn(canvas, &foreign, spot));

        QVERIFY(w.palette()->isEnabled());
        view->editor().setReadOnly(true);
        QVERIFY(!w.palette()->isEnabled()); // simulation mode: nothing to create
        std::unique_ptr<QMimeData> mime(
            modeler::canvas::makeKindMimeData(core::modeling::TypeSpec(core::BpmnType::Task)));
        QVERIFY(!dropOn(canvas, mime.get(), spot));
        // A refused edit says why in the status bar.
        view->editor().setReadOnly(false);
        std::unique_ptr<QMimeData> lane(
            modeler::canvas::makeKindMimeData(core::modeling::TypeSpec(core::BpmnType::Lane)));
        QVERIFY(dropOn(canvas, lane.get(), spot));
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Drop a lane onto a pool or a lane."));
        view->editor().setReadOnly(true);
        QTest::mouseClick(w.palette()->buttonFor(core::BpmnType::Task), Qt::LeftButton);
        QVERIFY(!modeler::canvas::CreateGesture::of(*canvas)->isArmed());
        QCOMPARE(core::BpmnWriter::toString(view->document()), before);
        QCOMPARE(view->editor().undoStack()->count(), 0);
    }

    void findByNameSelectsTheElement()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        QCOMPARE(w.findAction()->shortcut(), QKeySequence(QKeySequence::Find));
        w.findAction()->trigger();
        app::FindElement* find = w.findElement();
        QVERIFY(find && find->isVisible());
        // Every drawn element is listed before typing; typing narrows the list.
        const qsizetype all = find->matchingIds().size();
        QVERIFY(all > 20);
        QTest::keyClicks(find->searchField(), QStringLiteral("manual check"));
        QCOMPARE(find->matchingIds(), QStringList{QStringLiteral("Task_ManualCheckin")});
        QTest::keyClick(find->searchField(), Qt::Key_Return);
        QVERIFY(!find->isVisible());
        QCOMPARE(w.currentCanvas()->selectedElementId(), QStringLiteral("Task_ManualCheckin"));
        // By id, too.
        w.findAction()->trigger();
        QTest::keyClicks(find->searchField(), QStringLiteral("flow_notified"));
        QCOMPARE(find->matchingIds(), QStringList{QStringLiteral("Flow_Notified")});
        QTest::keyClick(find->searchField(), Qt::Key_Return);
        QCOMPARE(w.currentCanvas()->selectedElementId(), QStringLiteral("Flow_Notified"));
    }

    void f2RenamesTheSelectedElement()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(examplePath()));
        DiagramCanvas* canvas = w.currentCanvas();
        const std::string before = core::BpmnWriter::toString(w.currentView()->document());
        QVERIFY(canvas->selectElement(QStringLiteral("Gateway_RetryCheckin"), false));
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_F2);
        auto* labels = modeler::canvas::LabelEditor::of(*canvas);
        QVERIFY(labels->isOpen());
        QCOMPARE(labels->elementId(), QStringLiteral("Gateway_RetryCheckin"));
        QTest::keyClicks(labels->editorWidget(), QStringLiteral("Try again?"));
        QTest::keyClick(labels->editorWidget(), Qt::Key_Return);
        QCOMPARE(std::string(w.currentView()->document().findById("Gateway_RetryCheckin")->name()),
                 std::string("Try again?"));
        const std::string after = core::BpmnWriter::toString(w.currentView()->document());
        QUndoStack* undo = w.currentView()->editor().undoStack();
        QCOMPARE(undo->count(), 1);
        undo->undo();
        QCOMPARE(core::BpmnWriter::toString(w.currentView()->document()), before);
        undo->redo();
        QCOMPARE(core::BpmnWriter::toString(w.currentView()->document()), after);
    }

    void shortcutsDialogListsTheWindowsShortcuts()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.shortcutsAction()->trigger();
        auto* dialog = w.findChild<app::ShortcutsDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QHash<QString, QString> listed;
        QTreeWidget* table = dialog->table();
        for (int g = 0; g < table->topLevelItemCount(); ++g)
            for (int i = 0; i < table->topLevelItem(g)->childCount(); ++i)
                listed.insert(table->topLevelItem(g)->child(i)->text(0), table->topLevelItem(g)->child(i)->text(1));
        QVERIFY2(listed.contains(QStringLiteral("Undo")), qPrintable(QStringList(listed.keys()).join(", ")));
        // All of Undo's bindings on this platform (Ctrl+Z, and Alt+Backspace on X11).
        QStringList undoKeys;
        for (const QKeySequence& k : QKeySequence::keyBindings(QKeySequence::Undo))
            undoKeys << k.toString(QKeySequence::NativeText);
        QCOMPARE(listed.value(QStringLiteral("Undo")), undoKeys.join(QStringLiteral(", ")));
        QCOMPARE(listed.value(QStringLiteral("Rename")), QStringLiteral("F2"));
        QCOMPARE(listed.value(QStringLiteral("Find Element")),
                 QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText));
        // Read from the actions: a shortcut changed is listed changed.
        w.findAction()->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+F")));
        dialog->refresh();
        bool found = false;
        for (int g = 0; g < table->topLevelItemCount(); ++g)
            for (int i = 0; i < table->topLevelItem(g)->childCount(); ++i)
                if (table->topLevelItem(g)->child(i)->text(0) == QStringLiteral("Find Element"))
                    found = table->topLevelItem(g)->child(i)->text(1) ==
                            QKeySequence(QStringLiteral("Ctrl+Shift+F")).toString(QKeySequence::NativeText);
        QVERIFY(found);
    }
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
