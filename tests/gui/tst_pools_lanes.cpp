// Pools and lanes on the real canvas (offscreen): a vertical pool from the palette around a
// process, then a second pool (a participant with its own process) in the collaboration; lanes
// from the context pad (divide a pool, add one below a lane); a task dragged into another lane
// changes its lane (flowNodeRef); resizing a lane by its handle resizes its neighbour and keeps the
// pool tiled by its lanes. Each ends with undo back to the exact bytes and redo forward again.
#include "MainWindow.h"
#include "Palette.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/Di.h"
#include "runway/core/Semantics.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/ContextPad.h"
#include "runway/modeler/canvas/CreateGesture.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "tst_canvas_edit_fixtures.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace runway;
using app::MainWindow;
using modeler::canvas::ContextPad;
using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;

namespace {

std::vector<core::Element*> ofType(const core::Document& doc, core::BpmnType t)
{
    std::vector<core::Element*> out;
    for (core::Element* e : doc.allElements())
        if (e->type == t)
            out.push_back(e);
    return out;
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QRectF rectOf(const core::Document& doc, std::string_view id)
{
    const auto b = core::di::bounds(doc.shapeFor(id));
    return b ? QRectF(b->x, b->y, b->width, b->height) : QRectF();
}

/// The ids a lane refers to (flowNodeRef), space-separated.
std::string refsOf(const core::Element* lane)
{
    std::string out;
    for (const core::Element* c : lane->children())
        if (c->local() == "flowNodeRef")
            out += c->textContent() + " ";
    return out;
}

app::PaletteButton* paletteEntry(MainWindow& w, const QString& name)
{
    for (app::PaletteButton* b : w.palette()->buttons())
        if (b->accessibleName() == name)
            return b;
    return nullptr;
}

/// A point of the canvas below the diagram, with no element under it, scrolled into view.
QPointF emptySpot(DiagramCanvas* canvas)
{
    const QRectF bounds = canvas->notationScene().bounds;
    const QPointF scenePos(bounds.center().x(), bounds.bottom() + 200);
    canvas->centerOn(scenePos);
    return scenePos;
}

/// A left-button drag in steps (the moves carry the held button).
void drag(DiagramCanvas* canvas, QPointF from, QPointF to)
{
    QWidget* vp = canvas->viewport();
    canvas->ensureVisible(QRectF(from, to).normalized().adjusted(-20, -20, 20, 20));
    QTest::mousePress(vp, Qt::LeftButton, {}, canvas->mapFromScene(from));
    for (int i = 1; i <= 5; ++i) {
        const QPoint p = canvas->mapFromScene(from + (to - from) * (i / 5.0));
        QMouseEvent move(QEvent::MouseMove, QPointF(p), QPointF(vp->mapToGlobal(p)), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(vp, &move);
    }
    QTest::mouseRelease(vp, Qt::LeftButton, {}, canvas->mapFromScene(to));
}

void undoRedo(QUndoStack* undo, const core::Document& doc, const std::string& start)
{
    const std::string end = core::BpmnWriter::toString(doc);
    while (undo->canUndo())
        undo->undo();
    QCOMPARE(core::BpmnWriter::toString(doc), start);
    while (undo->canRedo())
        undo->redo();
    QCOMPARE(core::BpmnWriter::toString(doc), end);
}

} // namespace

class TestPoolsLanes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(QStringLiteral("Runway"), QStringLiteral("Runway")).clear();
    }

    void verticalPoolThenASecondPoolFromThePalette()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(QStringLiteral(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn")));
        DocumentView* view = w.currentView();
        core::Document& doc = view->document();
        const std::string start = core::BpmnWriter::toString(doc);
        QVERIFY(ofType(doc, core::BpmnType::Participant).empty());
        QSignalSpy refused(&view->editor(), &modeler::canvas::Editor::refused);

        // A vertical pool around the process (as the MIWG's A.4.1 draws them).
        app::PaletteButton* vertical = paletteEntry(w, QStringLiteral("Vertical pool"));
        QVERIFY(vertical);
        QTest::mouseClick(vertical, Qt::LeftButton);
        DiagramCanvas* canvas = w.currentCanvas();
        QVERIFY(modeler::canvas::CreateGesture::of(*canvas)->isArmed());
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, canvas->mapFromScene(emptySpot(canvas)));
        QVERIFY2(refused.isEmpty(), refused.isEmpty() ? "" : qPrintable(refused.first().first().toString()));
        auto pools = ofType(doc, core::BpmnType::Participant);
        QCOMPARE(pools.size(), std::size_t(1));
        const core::Element* first = pools.front();
        QCOMPARE(doc.shapeFor(first->id())->attr("isHorizontal"), std::string_view("false"));
        QVERIFY(core::sem::processOf(doc, first) == doc.root()->childOfType(core::BpmnType::Process));
        const QRectF firstRect = rectOf(doc, first->id());
        for (const core::Element* n : core::sem::flowNodes(core::sem::processOf(doc, first)))
            if (doc.shapeFor(n->id()))
                QVERIFY2(firstRect.contains(rectOf(doc, n->id())), std::string(n->id()).c_str());

        // The diagram is a collaboration now: the Pool entry adds a pool of its own where clicked.
        canvas = w.currentCanvas();
        QVERIFY(canvas->showsElement(qs(first->id())));
        QTest::mouseClick(w.palette()->buttonFor(core::BpmnType::Participant), Qt::LeftButton);
        QVERIFY(modeler::canvas::CreateGesture::of(*canvas)->isArmed());
        const QPointF spot = emptySpot(canvas);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, canvas->mapFromScene(spot));
        QVERIFY2(refused.isEmpty(), refused.isEmpty() ? "" : qPrintable(refused.first().first().toString()));
        pools = ofType(doc, core::BpmnType::Participant);
        QCOMPARE(pools.size(), std::size_t(2));
        const core::Element* second = pools.back();
        QVERIFY(second != first);
        const core::Element* process = core::sem::processOf(doc, second);
        QVERIFY(process && process != core::sem::processOf(doc, first));
        QVERIFY(core::sem::flowNodes(process).empty());
        QCOMPARE(doc.shapeFor(second->id())->attr("isHorizontal"), std::string_view("true"));
        const QRectF secondRect = rectOf(doc, second->id());
        QCOMPARE(secondRect.size(), QSizeF(600, 250));
        QVERIFY(std::abs(secondRect.center().x() - spot.x()) < 1.0);
        QVERIFY(std::abs(secondRect.center().y() - spot.y()) < 1.0);
        QVERIFY(w.currentCanvas()->showsElement(qs(second->id())));
        QCOMPARE(w.currentCanvas()->selectedElementId(), qs(second->id()));
        QCOMPARE(view->editor().undoStack()->count(), 2);
        undoRedo(view->editor().undoStack(), doc, start);
    }

    void lanesFromThePadElementsFollowAndResizeKeepsThePoolTiled()
    {
        auto read = core::BpmnReader::readBytes(fixtures::kEditable, "lanes.bpmn");
        DocumentView view(std::move(read.document), QString());
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        core::Document& doc = view.document();
        const std::string start = core::BpmnWriter::toString(doc);
        auto& ed = view.editor();
        QVERIFY(ed.apply(ed.modeling().createPool(ed.element(QStringLiteral("Process_Edit"))), QStringLiteral("Pool")));
        const QString pool = qs(ofType(doc, core::BpmnType::Participant).front()->id());
        DiagramCanvas* canvas = view.currentCanvas();
        canvas->zoomToActualSize();
        QVERIFY(canvas->showsElement(pool));

        // A pool without lanes: the pad divides it (one lane holds what was there, one is new).
        QVERIFY(canvas->selectElement(pool, false));
        ContextPad* pad = ContextPad::of(*canvas);
        QVERIFY(pad && pad->isVisible());
        QVERIFY(pad->button(ContextPad::Action::DivideLanes)->isVisible());
        QVERIFY(!pad->button(ContextPad::Action::LaneAbove)->isVisible());
        QVERIFY(!pad->button(ContextPad::Action::AppendTask)->isVisible());
        QTest::mouseClick(pad->button(ContextPad::Action::DivideLanes), Qt::LeftButton);
        auto lanes = ofType(doc, core::BpmnType::Lane);
        QCOMPARE(lanes.size(), std::size_t(2));
        core::Element* upper = lanes[0];
        core::Element* lower = lanes[1];
        QVERIFY(refsOf(upper).find("Task_C ") != std::string::npos);
        QCOMPARE(refsOf(lower), std::string());
        QCOMPARE(canvas->selectedElementId(), qs(lower->id())); // the new lane

        // A lane: the pad adds one below it (or above).
        QVERIFY(pad->isVisible());
        QVERIFY(!pad->button(ContextPad::Action::DivideLanes)->isVisible());
        QVERIFY(pad->button(ContextPad::Action::LaneAbove)->isVisible());
        QTest::mouseClick(pad->button(ContextPad::Action::LaneBelow), Qt::LeftButton);
        lanes = ofType(doc, core::BpmnType::Lane);
        QCOMPARE(lanes.size(), std::size_t(3));
        QVERIFY(lanes[2] != upper && lanes[2] != lower); // in document order: below the lower one
        QCOMPARE(rectOf(doc, lanes[2]->id()).top(), rectOf(doc, lower->id()).bottom());

        // Task_C dragged down into the lower lane: it changes lanes.
        const QRectF c = rectOf(doc, "Task_C");
        const QRectF lowerRect = rectOf(doc, lower->id());
        const QPointF grip(c.center().x(), c.top() + 30);
        const double dy = lowerRect.center().y() - c.center().y();
        drag(canvas, grip, grip + QPointF(0, dy));
        QCOMPARE(rectOf(doc, "Task_C").center().y(), c.center().y() + dy);
        QCOMPARE(refsOf(lower), std::string("Task_C "));
        QVERIFY(refsOf(upper).find("Task_C") == std::string::npos);

        // Resizing the upper lane at its bottom handle moves the lower lane's top with it; the
        // pool keeps its bounds, and its lanes still tile it.
        const QRectF poolBefore = rectOf(doc, pool.toStdString());
        const QRectF upperRect = rectOf(doc, upper->id());
        QVERIFY(canvas->selectElement(qs(upper->id()), false));
        const QPointF handle(upperRect.center().x(), upperRect.bottom());
        drag(canvas, handle, handle - QPointF(0, 20));
        const QRectF upperNow = rectOf(doc, upper->id());
        QCOMPARE(upperNow.bottom(), upperRect.bottom() - 20);
        QCOMPARE(rectOf(doc, lower->id()).top(), upperNow.bottom());
        QCOMPARE(rectOf(doc, lower->id()).bottom(), lowerRect.bottom());
        QCOMPARE(rectOf(doc, pool.toStdString()), poolBefore);
        double heights = 0;
        for (const core::Element* l : ofType(doc, core::BpmnType::Lane))
            heights += rectOf(doc, l->id()).height();
        QCOMPARE(heights, poolBefore.height());
        QCOMPARE(refsOf(lower), std::string("Task_C "));

        // Resizing the last lane at its bottom grows the pool with it.
        const QRectF last = rectOf(doc, lanes[2]->id());
        QVERIFY(canvas->selectElement(qs(lanes[2]->id()), false));
        const QPointF bottom(last.center().x(), last.bottom());
        drag(canvas, bottom, bottom + QPointF(0, 40));
        QCOMPARE(rectOf(doc, lanes[2]->id()).bottom(), last.bottom() + 40);
        QCOMPARE(rectOf(doc, pool.toStdString()).bottom(), poolBefore.bottom() + 40);
        QCOMPARE(ed.undoStack()->count(), 6);
        undoRedo(ed.undoStack(), doc, start);
    }
};

QTEST_MAIN(TestPoolsLanes)
#include "tst_pools_lanes.moc"
