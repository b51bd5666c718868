// The whole editing walk in the real main window (offscreen), driven as a user does it, with QTest
// mouse and key events: create a task from the palette, append one through the context pad,
// connect two elements by dragging, attach a boundary event by dropping it on a task's border and
// move the task (the event follows), change the event's type through the pad's menu, rename a
// task in place (F2), type a timer into the properties panel, copy and paste. What is saved
// validates against the BPMN 2.0 XSD; Ctrl+Z back to the start gives the exact bytes read, and
// redo gives the edited bytes again.
#include "../support/RunProcess.h"
#include "../support/RunwayTest.h"
#include "MainWindow.h"
#include "Palette.h"
#include "PropertiesPanel.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/Di.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/ConnectGesture.h"
#include "runway/modeler/canvas/ContextPad.h"
#include "runway/modeler/canvas/CreateGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/canvas/LabelEditor.h"
#include "tst_canvas_edit_fixtures.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include <fstream>

using namespace runway;
using app::MainWindow;
using modeler::canvas::ConnectGesture;
using modeler::canvas::ContextPad;
using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;
using modeler::canvas::LabelEditor;

namespace {

std::vector<core::Element*> ofType(const core::Document& doc, core::BpmnType t)
{
    std::vector<core::Element*> out;
    for (core::Element* e : doc.allElements())
        if (e->type == t)
            out.push_back(e);
    return out;
}

std::vector<core::Element*> flowsBetween(const core::Document& doc, std::string_view source, std::string_view target)
{
    std::vector<core::Element*> out;
    for (core::Element* e : doc.allElements())
        if (e->type == core::BpmnType::SequenceFlow && e->attr("sourceRef") == source && e->attr("targetRef") == target)
            out.push_back(e);
    return out;
}

/// The main window with the fixture open, its canvas at 100 %.
struct Walk {
    QTemporaryDir dir;
    MainWindow w;
    bool ok = false;
    bool windowActive = false;

    Walk()
    {
        const QString path = dir.filePath(QStringLiteral("walk.bpmn"));
        {
            std::ofstream out(path.toStdString(), std::ios::binary);
            out << fixtures::kEditable;
        }
        w.setUnsavedPrompt([](const QString&) { return MainWindow::UnsavedChoice::Discard; });
        w.resize(1400, 900);
        w.show();
        w.activateWindow();
        if (!QTest::qWaitForWindowExposed(&w) || !w.openFile(path))
            return;
        windowActive = QTest::qWaitForWindowActive(&w, 1000);
        w.propertiesDock()->show();
        if (!canvas())
            return;
        canvas()->zoomToActualSize();
        canvas()->centerOn(QPointF(420, 300));
        ok = true;
    }
    DocumentView* view() const { return w.currentView(); }
    DiagramCanvas* canvas() const { return w.currentCanvas(); }
    core::Document& doc() const { return view()->document(); }
    QUndoStack* undo() const { return view()->editor().undoStack(); }
    std::string bytes() const { return core::BpmnWriter::toString(doc()); }
    QWidget* vp() const { return canvas()->viewport(); }
    QRectF rect(const QString& id) const
    {
        const auto b = core::di::bounds(doc().shapeFor(id.toStdString()));
        return b ? QRectF(b->x, b->y, b->width, b->height) : QRectF();
    }
    /// Scrolls so that the scene rectangle is in view (only when it is not).
    void show(const QRectF& scene) const { canvas()->ensureVisible(scene.adjusted(-20, -20, 20, 20)); }
    QPoint at(QPointF scene) const { return canvas()->mapFromScene(scene); }
    void click(QPointF scene) const
    {
        show(QRectF(scene, QSizeF(1, 1)));
        QTest::mouseClick(vp(), Qt::LeftButton, {}, at(scene));
    }
    /// A left-button drag in steps, as a hand does it (QTest::mouseMove carries no button state:
    /// the moves are sent with the left button held).
    void drag(QPointF from, QPointF to) const
    {
        show(QRectF(from, to).normalized());
        QTest::mousePress(vp(), Qt::LeftButton, {}, at(from));
        for (int i = 1; i <= 5; ++i) {
            const QPoint p = at(from + (to - from) * (i / 5.0));
            QMouseEvent move(QEvent::MouseMove, QPointF(p), QPointF(vp()->mapToGlobal(p)), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(vp(), &move);
        }
        QTest::mouseRelease(vp(), Qt::LeftButton, {}, at(to));
    }
    void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier) const
    {
        canvas()->setFocus();
        QTest::keyClick(canvas(), Qt::Key(k), mods);
    }
    /// The field of the properties form shown.
    template <typename T>
    T* field(const QString& name) const
    {
        for (T* f : w.propertiesPanel()->findChildren<T*>(name))
            if (f->parentWidget()->isVisibleTo(w.propertiesPanel()))
                return f;
        return nullptr;
    }
};

} // namespace

class TestEditingWalk : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the main window's settings go to ~/.qttest
        QSettings(QStringLiteral("Runway"), QStringLiteral("Runway")).clear();
    }

    void editEverythingThenUndoAndRedoIt()
    {
        Walk s;
        QVERIFY(s.ok);
        QVERIFY2(s.windowActive, "typing into the fields needs an active window");
        const std::string start = s.bytes();
        QCOMPARE(s.undo()->count(), 0);
        int steps = 0;

        // 1. A task from the palette: arm the entry, click on the canvas right of Task_C.
        const std::size_t tasks = ofType(s.doc(), core::BpmnType::Task).size();
        QTest::mouseClick(s.w.palette()->buttonFor(core::BpmnType::Task), Qt::LeftButton);
        QVERIFY(modeler::canvas::CreateGesture::of(*s.canvas())->isArmed());
        s.click(QPointF(700, 340));
        QCOMPARE(ofType(s.doc(), core::BpmnType::Task).size(), tasks + 1);
        const QString created = s.canvas()->selectedElementId();
        QVERIFY(!created.isEmpty());
        QCOMPARE(s.view()->editor().element(created)->type, core::BpmnType::Task);
        QVERIFY(s.rect(created).contains(QPointF(700, 340)));
        QCOMPARE(s.undo()->count(), ++steps);

        // 2. Append a task to it through the context pad.
        ContextPad* pad = ContextPad::of(*s.canvas());
        QVERIFY(pad && pad->isVisible());
        QCOMPARE(pad->elementId(), created);
        QTest::mouseClick(pad->button(ContextPad::Action::AppendTask), Qt::LeftButton);
        const QString appended = s.canvas()->selectedElementId();
        QVERIFY(!appended.isEmpty() && appended != created);
        QCOMPARE(flowsBetween(s.doc(), created.toStdString(), appended.toStdString()).size(), std::size_t(1));
        QVERIFY(s.rect(appended).left() > s.rect(created).right()); // to the right of it
        QCOMPARE(s.undo()->count(), ++steps);

        // 3. Connect Task_C to the created task: drag from Task_C's top border onto it.
        const QRectF c = s.rect(QStringLiteral("Task_C"));
        const QPointF border(c.left() + c.width() * 0.3, c.top());
        QCOMPARE(ConnectGesture::of(*s.canvas())->borderAt(border), QStringLiteral("Task_C"));
        QVERIFY(flowsBetween(s.doc(), "Task_C", created.toStdString()).empty());
        s.drag(border, s.rect(created).center());
        QCOMPARE(flowsBetween(s.doc(), "Task_C", created.toStdString()).size(), std::size_t(1));
        QCOMPARE(s.undo()->count(), ++steps);

        // 4. Attach Event_Free to Task_C: drag it onto the task's bottom border.
        s.drag(s.rect(QStringLiteral("Event_Free")).center(), QPointF(c.center().x(), c.bottom()));
        core::Element* event = s.doc().findById("Event_Free");
        QVERIFY(event);
        QCOMPARE(event->type, core::BpmnType::BoundaryEvent);
        QCOMPARE(std::string(event->attr("attachedToRef")), std::string("Task_C"));
        QCOMPARE(s.rect(QStringLiteral("Event_Free")).center().y(), c.bottom()); // on the border
        QCOMPARE(s.undo()->count(), ++steps);

        // ... and move Task_C down by 100: the event goes along.
        const QRectF eventBefore = s.rect(QStringLiteral("Event_Free"));
        const QPointF grip(c.center().x(), c.top() + 30); // the body, clear of the border and the event
        s.drag(grip, grip + QPointF(0, 100));
        QCOMPARE(s.rect(QStringLiteral("Task_C")), c.translated(0, 100));
        QCOMPARE(s.rect(QStringLiteral("Event_Free")), eventBefore.translated(0, 100));
        QCOMPARE(std::string(s.doc().findById("Event_Free")->attr("attachedToRef")), std::string("Task_C"));
        QCOMPARE(s.undo()->count(), ++steps);

        // 5. Make it a timer boundary event through the pad's change-type menu.
        s.click(s.rect(QStringLiteral("Event_Free")).center());
        QCOMPARE(s.canvas()->selectedElementId(), QStringLiteral("Event_Free"));
        QVERIFY(pad->isVisible());
        QTest::mouseClick(pad->button(ContextPad::Action::ChangeType), Qt::LeftButton);
        QMenu* menu = pad->changeTypeMenu();
        QVERIFY(menu->isVisible());
        QAction* timer = nullptr;
        QStringList offered;
        for (QAction* a : menu->actions()) {
            offered << a->text();
            if (a->text() == QStringLiteral("Timer boundary event"))
                timer = a;
        }
        QVERIFY2(timer, qPrintable(offered.join(QStringLiteral(", "))));
        timer->trigger();
        menu->hide();
        event = s.doc().findById("Event_Free");
        QCOMPARE(event->type, core::BpmnType::BoundaryEvent);
        QVERIFY(event->childOfType(core::BpmnType::TimerEventDefinition));
        QCOMPARE(std::string(event->attr("attachedToRef")), std::string("Task_C"));
        QCOMPARE(s.undo()->count(), ++steps);

        // 6. Rename the created task in place: F2, type, Enter.
        s.click(s.rect(created).center());
        QCOMPARE(s.canvas()->selectedElementId(), created);
        s.key(Qt::Key_F2);
        auto* labels = LabelEditor::of(*s.canvas());
        QVERIFY(labels->isOpen());
        QCOMPARE(labels->elementId(), created);
        QTest::keyClicks(labels->editorWidget(), QStringLiteral("Review"));
        QTest::keyClick(labels->editorWidget(), Qt::Key_Return);
        QVERIFY(!labels->isOpen());
        QCOMPARE(std::string(s.view()->editor().element(created)->name()), std::string("Review"));
        QCOMPARE(s.undo()->count(), ++steps);

        // 7. Type the timer into the properties panel: one undo step for the typing.
        s.w.selectElement(QStringLiteral("Event_Free"));
        auto* kind = s.field<QComboBox>(QStringLiteral("timerKindCombo"));
        auto* value = s.field<QLineEdit>(QStringLiteral("timerEdit"));
        QVERIFY(kind && value);
        value->setFocus();
        QTest::keyClick(value, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(value, QStringLiteral("PT15M"));
        const core::Element* def = s.doc().findById("Event_Free")->childOfType(core::BpmnType::TimerEventDefinition);
        QVERIFY(def);
        const core::Element* timeValue = def->child(core::Ns::Model, ("time" + kind->currentText()).toStdString());
        QVERIFY2(timeValue, qPrintable(kind->currentText()));
        QCOMPARE(timeValue->textContent(), std::string("PT15M"));
        QCOMPARE(s.undo()->count(), ++steps);

        // 8. Copy Task_A and paste it (Ctrl+C, Ctrl+V on the canvas).
        s.click(s.rect(QStringLiteral("Task_A")).center());
        QCOMPARE(s.canvas()->selectedElementId(), QStringLiteral("Task_A"));
        s.key(Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(s.undo()->count(), steps); // copying changes nothing
        s.key(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(s.undo()->count(), ++steps);
        int named = 0;
        for (const core::Element* t : ofType(s.doc(), core::BpmnType::Task))
            named += t->name() == "A";
        QCOMPARE(named, 2);
        const QStringList pasted = s.canvas()->selectedElementIds();
        QCOMPARE(pasted.size(), qsizetype(1));
        QVERIFY(pasted.front() != QStringLiteral("Task_A"));

        // Saved, it validates against the BPMN 2.0 schema.
        const std::string edited = s.bytes();
        QTemporaryDir out;
        const QString saved = out.filePath(QStringLiteral("walked.bpmn"));
        QVERIFY(s.w.saveAs(saved));
        QCOMPARE(runway::test::readAll(saved.toStdString()), edited);
        const std::string corpus = runway::test::corpusDir();
        if (corpus.empty() || !runway::test::haveProgram("xmllint")) {
            qInfo("XSD validation skipped: the shared corpus or xmllint (libxml2-utils) is absent");
        } else {
            const std::string problems = runway::test::xsdProblems(saved.toStdString(), corpus);
            QVERIFY2(problems.empty(), problems.c_str());
        }

        // Ctrl+Z until nothing is left to undo: the bytes first read.
        const QKeySequence redoKeys = QKeySequence::keyBindings(QKeySequence::Redo).value(0);
        QVERIFY(!redoKeys.isEmpty());
        for (int i = 0; i < steps; ++i) {
            const int was = s.undo()->index();
            s.key(Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(s.undo()->index(), was - 1);
        }
        QCOMPARE(s.undo()->index(), 0);
        QCOMPARE(s.bytes(), start);
        QVERIFY(s.canvas()->showsElement(QStringLiteral("Task_C")));
        QVERIFY(!s.canvas()->showsElement(created));
        QVERIFY(s.view()->isModified()); // differs from what was saved

        // Redo forward again: the edited bytes.
        for (int i = 0; i < steps; ++i) {
            const int was = s.undo()->index();
            s.canvas()->setFocus();
            QTest::keySequence(s.canvas(), redoKeys);
            QCOMPARE(s.undo()->index(), was + 1);
        }
        QCOMPARE(s.bytes(), edited);
        QVERIFY(s.canvas()->showsElement(created));
        QVERIFY(!s.view()->isModified()); // back at the state saved
    }
};

QTEST_MAIN(TestEditingWalk)
#include "tst_editing_walk.moc"
