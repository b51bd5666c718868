// Editing gestures on the real canvas (offscreen), driven with QTest mouse and key events: the
// context pad (append, connect, change type, delete), connecting by dragging from an element's
// border (refused into a start event, with a forbidden cursor and the reason while dragging),
// bend points (add, move, remove), moving a segment, reconnecting a flow's end, and editing a
// label in place. Each ends with undo back to a byte-identical document and redo forward again.
#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/Di.h"
#include "runway/modeler/canvas/BendpointGesture.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/ConnectGesture.h"
#include "runway/modeler/canvas/ContextPad.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/canvas/LabelEditor.h"
#include "tst_canvas_connect_fixtures.h"

#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace runway;
using modeler::canvas::BendpointGesture;
using modeler::canvas::ConnectGesture;
using modeler::canvas::ContextPad;
using modeler::canvas::DiagramCanvas;
using modeler::canvas::DocumentView;
using modeler::canvas::LabelEditor;

namespace {

std::unique_ptr<core::Document> readExample(const char* name = "airline-checkin.bpmn")
{
    auto r = core::BpmnReader::readFile(std::string(RUNWAY_SOURCE_DIR "/resources/examples/") + name);
    return std::move(r.document);
}

std::string str(std::string_view s)
{
    return std::string(s);
}

/// The sequence flows from source to target.
std::vector<core::Element*> flowsBetween(const core::Document& doc, std::string_view source, std::string_view target)
{
    std::vector<core::Element*> out;
    for (core::Element* e : doc.allElements())
        if (e->type == core::BpmnType::SequenceFlow && e->attr("sourceRef") == source && e->attr("targetRef") == target)
            out.push_back(e);
    return out;
}

std::size_t countOf(const core::Document& doc, core::BpmnType t)
{
    std::size_t n = 0;
    for (const core::Element* e : doc.allElements())
        n += e->type == t;
    return n;
}

/// A shown view of the example, the whole diagram in sight.
struct Fixture {
    explicit Fixture(const char* example = "airline-checkin.bpmn")
        : view(readExample(example), QString::fromLatin1(example))
    {
    }
    DocumentView view;
    DiagramCanvas* canvas = nullptr;
    std::string before;

    bool open()
    {
        view.resize(1400, 900);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return false;
        canvas = view.currentCanvas();
        before = core::BpmnWriter::toString(view.document());
        return canvas != nullptr;
    }
    core::Document& doc() { return view.document(); }
    QUndoStack* undo() { return view.editor().undoStack(); }
    QRectF boundsOf(const QString& id) const { return canvas->itemFor(id)->item().bounds; }
    QPoint at(QPointF scenePos) const { return canvas->mapFromScene(scenePos); }
    QPoint centreOf(const QString& id) const { return at(boundsOf(id).center()); }
    /// A point on the top border of a shape, a little right of its left corner.
    QPoint topBorderOf(const QString& id) const
    {
        const QRectF b = boundsOf(id);
        return at(QPointF(b.left() + b.width() * 0.3, b.top()));
    }
    /// Undo everything back to the start (byte-identical), then redo to `after`.
    void undoRedo(const std::string& after)
    {
        while (undo()->canUndo())
            undo()->undo();
        QCOMPARE(core::BpmnWriter::toString(doc()), before);
        while (undo()->canRedo())
            undo()->redo();
        QCOMPARE(core::BpmnWriter::toString(doc()), after);
    }
};

/// A mouse move with no button down, as the window system delivers it (QTest::mouseMove without a
/// button only moves the cursor, which the offscreen platform does not turn into an event).
void hover(QWidget* viewport, QPoint pos)
{
    QMouseEvent me(QEvent::MouseMove, pos, viewport->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &me);
}

/// A double-click as the window system delivers it: press, release, double-click, release.
void doubleClick(QWidget* viewport, QPoint pos)
{
    QTest::mouseClick(viewport, Qt::LeftButton, {}, pos);
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, pos);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, pos);
}

/// The waypoints of a flow, as the document has them.
std::vector<core::di::Point> route(const core::Document& doc, std::string_view flowId)
{
    for (const core::Element* d : doc.diFor(flowId))
        if (d->type == core::BpmnType::BPMNEdge)
            return core::di::waypoints(d);
    return {};
}

QPointF qp(const core::di::Point& p)
{
    return {p.x, p.y};
}

/// Drags with the left button from a to b in a few steps.
void drag(QWidget* viewport, QPoint a, QPoint b, const std::function<void()>& whileOverB = {})
{
    QTest::mousePress(viewport, Qt::LeftButton, {}, a);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(viewport, a + (b - a) * i / 4);
    if (whileOverB)
        whileOverB();
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, b);
}

} // namespace

class TestCanvasConnect : public QObject {
    Q_OBJECT

private slots:
    void connectByDraggingFromTheBorder()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString source = QStringLiteral("Task_NotifyPassenger"), target = QStringLiteral("Task_ManualCheckin");
        QVERIFY(flowsBetween(f.doc(), "Task_NotifyPassenger", "Task_ManualCheckin").empty());
        auto* gesture = ConnectGesture::of(*f.canvas);
        QVERIFY(gesture);
        QCOMPARE(gesture->borderAt(f.canvas->mapToScene(f.topBorderOf(source))), source);
        QVERIFY(gesture->borderAt(f.boundsOf(source).center()).isEmpty()); // the body moves, not connects

        drag(f.canvas->viewport(), f.topBorderOf(source), f.centreOf(target), [&] {
            QVERIFY(gesture->isConnecting());
            QCOMPARE(gesture->targetId(), target);
            QVERIFY(gesture->verdict().allowed);
            QVERIFY(f.canvas->viewport()->cursor().shape() != Qt::ForbiddenCursor);
        });
        QVERIFY(!gesture->isConnecting());
        const auto flows = flowsBetween(f.doc(), "Task_NotifyPassenger", "Task_ManualCheckin");
        QCOMPARE(flows.size(), std::size_t(1));
        QCOMPARE(core::di::waypoints(f.doc().diFor(flows.front()->id()).front()).size() >= 2, true);
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void connectingIntoAStartEventIsRefused()
    {
        Fixture f;
        QVERIFY(f.open());
        auto* gesture = ConnectGesture::of(*f.canvas);
        const QString start = QStringLiteral("StartEvent_BookingConfirmed");
        bool checked = false;
        drag(f.canvas->viewport(), f.topBorderOf(QStringLiteral("Task_ManualCheckin")), f.centreOf(start), [&] {
            QCOMPARE(gesture->targetId(), start);
            QVERIFY(!gesture->verdict().allowed);
            QVERIFY(!gesture->verdict().reason.empty());
            QCOMPARE(f.canvas->viewport()->cursor().shape(), Qt::ForbiddenCursor);
            QVERIFY(f.canvas->viewport()->toolTip().contains(QString::fromStdString(gesture->verdict().reason)));
            checked = true;
        });
        QVERIFY(checked);
        QVERIFY(f.canvas->viewport()->cursor().shape() != Qt::ForbiddenCursor);
        QCOMPARE(core::BpmnWriter::toString(f.doc()), f.before);
        QCOMPARE(f.undo()->count(), 0);
    }

    void releaseOnNothingChangesNothing()
    {
        Fixture f;
        QVERIFY(f.open());
        const QRectF b = f.boundsOf(QStringLiteral("Task_ManualCheckin"));
        drag(f.canvas->viewport(), f.topBorderOf(QStringLiteral("Task_ManualCheckin")),
             f.at(QPointF(b.center().x(), b.bottom() + 50)));
        QCOMPARE(core::BpmnWriter::toString(f.doc()), f.before);
        // Escape in the middle of a drag cancels it.
        QTest::mousePress(f.canvas->viewport(), Qt::LeftButton, {},
                          f.topBorderOf(QStringLiteral("Task_ManualCheckin")));
        QTest::mouseMove(f.canvas->viewport(), f.centreOf(QStringLiteral("Task_SendBoardingPass")));
        QTest::keyClick(f.canvas, Qt::Key_Escape);
        QVERIFY(!ConnectGesture::of(*f.canvas)->isConnecting());
        QTest::mouseRelease(f.canvas->viewport(), Qt::LeftButton, {},
                            f.centreOf(QStringLiteral("Task_SendBoardingPass")));
        QCOMPARE(core::BpmnWriter::toString(f.doc()), f.before);
        QCOMPARE(f.undo()->count(), 0);
    }

    void appendThroughTheContextPad()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString source = QStringLiteral("Task_ManualCheckin");
        QVERIFY(f.canvas->selectElement(source, false));
        ContextPad* pad = ContextPad::of(*f.canvas);
        QVERIFY(pad && pad->isVisible());
        QCOMPARE(pad->elementId(), source);
        // Beside the element, right of it.
        const QRect r = f.canvas->viewportRectOf(source);
        QVERIFY(pad->geometry().left() > r.right());
        QVERIFY(std::abs(pad->geometry().top() - r.top()) <= 2);

        const std::size_t tasks = countOf(f.doc(), core::BpmnType::Task);
        QTest::mouseClick(pad->button(ContextPad::Action::AppendTask), Qt::LeftButton);
        QCOMPARE(countOf(f.doc(), core::BpmnType::Task), tasks + 1);
        const QString created = f.canvas->selectedElementId();
        QVERIFY(created != source && !created.isEmpty());
        QCOMPARE(flowsBetween(f.doc(), "Task_ManualCheckin", created.toStdString()).size(), std::size_t(1));
        QCOMPARE(pad->elementId(), created); // the pad follows the selection

        QTest::mouseClick(pad->button(ContextPad::Action::AppendGateway), Qt::LeftButton);
        const QString gateway = f.canvas->selectedElementId();
        QCOMPARE(f.view.editor().element(gateway)->type, core::BpmnType::ExclusiveGateway);
        QTest::mouseClick(pad->button(ContextPad::Action::AppendEnd), Qt::LeftButton);
        QCOMPARE(f.view.editor().element(f.canvas->selectedElementId())->type, core::BpmnType::EndEvent);
        // Nothing leaves an end event: no append buttons there.
        QVERIFY(!pad->button(ContextPad::Action::AppendTask)->isVisible());
        QCOMPARE(f.undo()->count(), 3);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void dragFromThePadsConnectButton()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString source = QStringLiteral("Task_NotifyPassenger"), target = QStringLiteral("Task_ManualCheckin");
        QVERIFY(f.canvas->selectElement(source, false));
        QToolButton* button = ContextPad::of(*f.canvas)->button(ContextPad::Action::Connect);
        QVERIFY(button->isVisible());
        // The button has the mouse while it is down: the moves and the release arrive there.
        const QPoint over = button->mapFromGlobal(f.canvas->viewport()->mapToGlobal(f.centreOf(target)));
        QTest::mousePress(button, Qt::LeftButton, {}, button->rect().center());
        QTest::mouseMove(button, (button->rect().center() + over) / 2);
        QTest::mouseMove(button, over);
        auto* gesture = ConnectGesture::of(*f.canvas);
        QVERIFY(gesture->isConnecting());
        QCOMPARE(gesture->targetId(), target);
        QTest::mouseRelease(button, Qt::LeftButton, {}, over);
        QVERIFY(!gesture->isConnecting());
        QCOMPARE(flowsBetween(f.doc(), "Task_NotifyPassenger", "Task_ManualCheckin").size(), std::size_t(1));
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void connectingAcrossPoolsMakesAMessageFlow()
    {
        Fixture f("pizza-order.bpmn");
        QVERIFY(f.open());
        const QString source = QStringLiteral("Task_BakePizza"), target = QStringLiteral("Event_PizzaDelivered");
        QVERIFY(f.canvas->showsElement(source) && f.canvas->showsElement(target));
        drag(f.canvas->viewport(), f.topBorderOf(source), f.centreOf(target), [&] {
            auto* g = ConnectGesture::of(*f.canvas);
            QCOMPARE(g->sourceId(), source);
            QCOMPARE(g->targetId(), target);
            QVERIFY2(g->verdict().allowed, g->verdict().reason.c_str());
        });
        std::size_t messages = 0;
        for (const core::Element* e : f.doc().allElements())
            messages += e->type == core::BpmnType::MessageFlow && e->attr("sourceRef") == "Task_BakePizza" &&
                        e->attr("targetRef") == "Event_PizzaDelivered";
        QCOMPARE(messages, std::size_t(1));
        QVERIFY(flowsBetween(f.doc(), "Task_BakePizza", "Event_PizzaDelivered").empty());
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void connectingToAnAnnotationMakesAnAssociation()
    {
        Fixture f;
        QVERIFY(f.open());
        auto& ed = f.view.editor();
        const QRectF task = f.boundsOf(QStringLiteral("Task_ManualCheckin"));
        core::Element* process = f.doc().findById("Process_AirlineCheckin");
        core::modeling::Edit edit = ed.modeling().create(core::modeling::TypeSpec(core::BpmnType::TextAnnotation),
                                                         process, {task.center().x(), task.bottom() + 60});
        const QString note = QString::fromStdString(str(edit.element()->id()));
        QVERIFY(ed.apply(std::move(edit), QStringLiteral("Create")));
        drag(f.canvas->viewport(), f.topBorderOf(QStringLiteral("Task_ManualCheckin")), f.centreOf(note));
        std::size_t associations = 0;
        for (const core::Element* e : f.doc().allElements())
            associations += e->type == core::BpmnType::Association && e->attr("sourceRef") == "Task_ManualCheckin" &&
                            e->attr("targetRef") == note.toStdString();
        QCOMPARE(associations, std::size_t(1));
        QCOMPARE(f.undo()->count(), 2);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void connectThroughThePadsButton()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString source = QStringLiteral("Task_NotifyPassenger"), target = QStringLiteral("Task_ManualCheckin");
        QVERIFY(f.canvas->selectElement(source, false));
        ContextPad* pad = ContextPad::of(*f.canvas);
        QTest::mouseClick(pad->button(ContextPad::Action::Connect), Qt::LeftButton);
        auto* gesture = ConnectGesture::of(*f.canvas);
        QVERIFY(gesture->isConnecting());
        hover(f.canvas->viewport(), f.centreOf(target));
        QCOMPARE(gesture->targetId(), target);
        QTest::mouseClick(f.canvas->viewport(), Qt::LeftButton, {}, f.centreOf(target));
        QVERIFY(!gesture->isConnecting());
        QCOMPARE(flowsBetween(f.doc(), "Task_NotifyPassenger", "Task_ManualCheckin").size(), std::size_t(1));
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void changeTypeThroughThePadsMenu()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString id = QStringLiteral("Task_ManualCheckin");
        const auto boundsBefore = core::di::bounds(f.doc().shapeFor("Task_ManualCheckin"));
        QVERIFY(f.canvas->selectElement(id, false));
        ContextPad* pad = ContextPad::of(*f.canvas);
        QTest::mouseClick(pad->button(ContextPad::Action::ChangeType), Qt::LeftButton);
        QMenu* menu = pad->changeTypeMenu();
        QVERIFY(menu->isVisible());
        QAction* service = nullptr;
        QStringList offered;
        for (QAction* a : menu->actions()) {
            offered << a->text();
            if (a->text() == QStringLiteral("Service task"))
                service = a;
        }
        QVERIFY2(service, qPrintable(offered.join(", ")));
        QVERIFY(!offered.contains(QStringLiteral("User task")));   // what it is already
        QVERIFY(!offered.contains(QStringLiteral("Start event"))); // a task with incoming flows
        service->trigger();
        menu->hide();

        core::Element* e = f.view.editor().element(id);
        QVERIFY(e);
        QCOMPARE(e->type, core::BpmnType::ServiceTask);
        QCOMPARE(str(f.doc().findById("Flow_Rejected")->attr("targetRef")), std::string("Task_ManualCheckin"));
        QCOMPARE(str(f.doc().findById("Flow_CheckedInAtDesk")->attr("sourceRef")), std::string("Task_ManualCheckin"));
        QCOMPARE(core::di::bounds(f.doc().shapeFor("Task_ManualCheckin")), boundsBefore);
        QCOMPARE(f.canvas->selectedElementId(), id);
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void changeABoundaryEventToNonInterrupting()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString id = QStringLiteral("Event_CheckinTimedOut");
        QVERIFY(f.canvas->selectElement(id, false));
        ContextPad* pad = ContextPad::of(*f.canvas);
        QTest::mouseClick(pad->button(ContextPad::Action::ChangeType), Qt::LeftButton);
        QAction* nonInterrupting = nullptr;
        for (QAction* a : pad->changeTypeMenu()->actions()) {
            QVERIFY(a->text() != QStringLiteral("Timer boundary event")); // what it is already
            if (a->text() == QStringLiteral("Timer boundary event (non-interrupting)"))
                nonInterrupting = a;
        }
        QVERIFY(nonInterrupting);
        nonInterrupting->trigger();
        pad->changeTypeMenu()->hide();
        QCOMPARE(str(f.doc().findById("Event_CheckinTimedOut")->attr("cancelActivity")), std::string("false"));
        QCOMPARE(str(f.doc().findById("Event_CheckinTimedOut")->attr("attachedToRef")),
                 std::string("Task_CheckInPassenger"));
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void expandACollapsedSubProcessThroughThePad()
    {
        Fixture f;
        QVERIFY(f.open());
        auto& ed = f.view.editor();
        const QRectF task = f.boundsOf(QStringLiteral("Task_ManualCheckin"));
        core::modeling::Edit edit = ed.modeling().create(
            core::modeling::TypeSpec(core::BpmnType::SubProcess, core::BpmnType::Count, std::nullopt, false),
            f.doc().findById("Process_AirlineCheckin"), {task.center().x(), task.bottom() + 80});
        const std::string id = str(edit.element()->id());
        QVERIFY(ed.apply(std::move(edit), QStringLiteral("Create")));
        QVERIFY(f.canvas->selectElement(QString::fromStdString(id), false));
        ContextPad* pad = ContextPad::of(*f.canvas);
        QTest::mouseClick(pad->button(ContextPad::Action::ChangeType), Qt::LeftButton);
        QAction* expanded = nullptr;
        for (QAction* a : pad->changeTypeMenu()->actions()) {
            QVERIFY(a->text() != QStringLiteral("Sub-process (collapsed)")); // what it is already
            if (a->text() == QStringLiteral("Sub-process (expanded)"))
                expanded = a;
        }
        QVERIFY(expanded);
        expanded->trigger();
        pad->changeTypeMenu()->hide();
        QCOMPARE(f.view.editor().element(QString::fromStdString(id))->type, core::BpmnType::SubProcess);
        QCOMPARE(str(f.doc().shapeFor(id)->attr("isExpanded")), std::string("true"));
        QVERIFY(f.canvas->itemFor(QString::fromStdString(id))->item().expanded);
        QCOMPARE(f.undo()->count(), 2);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void deleteThroughThePadAndReadOnlyHidesIt()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString id = QStringLiteral("Task_SendBoardingPass");
        QVERIFY(f.canvas->selectElement(id, false));
        ContextPad* pad = ContextPad::of(*f.canvas);
        QVERIFY(pad->isVisible());
        f.view.editor().setReadOnly(true);
        QVERIFY(!pad->isVisible());
        f.view.editor().setReadOnly(false);
        QVERIFY(pad->isVisible());
        QTest::mouseClick(pad->button(ContextPad::Action::Delete), Qt::LeftButton);
        QVERIFY(!f.doc().findById("Task_SendBoardingPass"));
        QVERIFY(!f.doc().findById("Flow_CheckedIn")); // with its connections
        QVERIFY(!pad->isVisible());
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void bendpointsAddMoveRemove()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString flow = QStringLiteral("Flow_CheckedInAtDesk");
        const auto start = route(f.doc(), "Flow_CheckedInAtDesk");
        QCOMPARE(start.size(), std::size_t(2));
        QVERIFY(f.canvas->selectElement(flow, false));
        auto* gesture = BendpointGesture::of(*f.canvas);
        QVERIFY(gesture);

        // Double-click the segment: a bend point there.
        const QPointF mid = (qp(start[0]) + qp(start[1])) / 2;
        QCOMPARE(gesture->hitAt(mid).grip, BendpointGesture::Grip::Segment);
        doubleClick(f.canvas->viewport(), f.at(mid));
        auto pts = route(f.doc(), "Flow_CheckedInAtDesk");
        QCOMPARE(pts.size(), std::size_t(3));
        QVERIFY(QLineF(qp(pts[1]), mid).length() < 2);
        QCOMPARE(f.undo()->count(), 1);

        // Drag it 40 px down: only that point moves, by what the mouse moved in diagram units.
        const QPoint from = f.at(qp(pts[1]));
        const QPoint to = from + QPoint(0, 40);
        QCOMPARE(gesture->hitAt(qp(pts[1])).grip, BendpointGesture::Grip::Bendpoint);
        drag(f.canvas->viewport(), from, to);
        const auto moved = route(f.doc(), "Flow_CheckedInAtDesk");
        QCOMPARE(moved.size(), std::size_t(3));
        QVERIFY(std::abs(moved[1].y - f.canvas->mapToScene(to).y()) < 1);
        QCOMPARE(moved[0], pts[0]);
        QCOMPARE(moved[2], pts[2]);
        QCOMPARE(f.undo()->count(), 2);

        // Double-click the bend point: gone, the route straight again.
        doubleClick(f.canvas->viewport(), f.at(qp(moved[1])));
        QCOMPARE(route(f.doc(), "Flow_CheckedInAtDesk").size(), std::size_t(2));
        QCOMPARE(f.undo()->count(), 3);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void dragASegment()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString flow = QStringLiteral("Flow_Rejected");
        const auto start = route(f.doc(), "Flow_Rejected");
        QVERIFY(start.size() >= 3);
        QVERIFY(f.canvas->selectElement(flow, false));
        // The horizontal segment into the task.
        int seg = -1;
        for (std::size_t i = 0; i + 1 < start.size(); ++i)
            if (std::abs(start[i].y - start[i + 1].y) < 0.5 && std::abs(start[i].x - start[i + 1].x) > 40)
                seg = int(i);
        QVERIFY(seg >= 0);
        const QPointF mid = (qp(start[std::size_t(seg)]) + qp(start[std::size_t(seg) + 1])) / 2;
        QCOMPARE(BendpointGesture::of(*f.canvas)->hitAt(mid).grip, BendpointGesture::Grip::Segment);
        drag(f.canvas->viewport(), f.at(mid), f.at(mid) + QPoint(0, -30));
        const auto after = route(f.doc(), "Flow_Rejected");
        QVERIFY(after != start);
        // The segment now runs higher, by the mouse's move in diagram units (within a pixel).
        const double dy = f.canvas->mapToScene(f.at(mid) + QPoint(0, -30)).y() - f.canvas->mapToScene(f.at(mid)).y();
        bool found = false;
        for (std::size_t i = 0; i + 1 < after.size(); ++i)
            found =
                found || (std::abs(after[i].y - after[i + 1].y) < 0.5 && std::abs(after[i].y - (mid.y() + dy)) < 1.5);
        QVERIFY(found);
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void reconnectAFlowsEnd()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString flow = QStringLiteral("Flow_CheckedInAtDesk");
        QVERIFY(f.canvas->selectElement(flow, false));
        auto* gesture = BendpointGesture::of(*f.canvas);
        const auto pts = route(f.doc(), "Flow_CheckedInAtDesk");
        QCOMPARE(gesture->hitAt(qp(pts.back())).grip, BendpointGesture::Grip::TargetEnd);

        // Onto the start event: refused while dragging, and nothing changes.
        drag(f.canvas->viewport(), f.at(qp(pts.back())), f.centreOf(QStringLiteral("StartEvent_BookingConfirmed")),
             [&] {
                 QCOMPARE(gesture->reconnectTarget(), QStringLiteral("StartEvent_BookingConfirmed"));
                 QVERIFY(!gesture->verdict().allowed);
                 QCOMPARE(f.canvas->viewport()->cursor().shape(), Qt::ForbiddenCursor);
             });
        QCOMPARE(core::BpmnWriter::toString(f.doc()), f.before);
        QCOMPARE(f.undo()->count(), 0);

        // Onto the other end event: reconnected, and the route ends there.
        QVERIFY(f.canvas->selectElement(flow, false));
        drag(f.canvas->viewport(), f.at(qp(pts.back())), f.centreOf(QStringLiteral("EndEvent_CheckedIn")),
             [&] { QVERIFY(gesture->verdict().allowed); });
        QCOMPARE(str(f.doc().findById("Flow_CheckedInAtDesk")->attr("targetRef")), std::string("EndEvent_CheckedIn"));
        const QRectF endBox = f.boundsOf(QStringLiteral("EndEvent_CheckedIn")).adjusted(-1, -1, 1, 1);
        QVERIFY(endBox.contains(qp(route(f.doc(), "Flow_CheckedInAtDesk").back())));
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void editANameInPlaceWithF2()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString id = QStringLiteral("Task_ManualCheckin");
        QVERIFY(f.canvas->selectElement(id, false));
        f.canvas->setFocus();
        QTest::keyClick(f.canvas, Qt::Key_F2);
        LabelEditor* labels = LabelEditor::of(*f.canvas);
        QVERIFY(labels && labels->isOpen());
        auto* box = qobject_cast<QPlainTextEdit*>(labels->editorWidget()); // a name inside its shape
        QVERIFY(box);
        QCOMPARE(box->toPlainText(), QStringLiteral("Manual check-in"));
        // Over the task.
        QVERIFY(f.canvas->viewportRectOf(id).intersects(box->geometry()));
        QTest::keyClicks(box, QStringLiteral("Check in"));
        QTest::keyClick(box, Qt::Key_Return, Qt::ShiftModifier); // a new line
        QTest::keyClicks(box, QStringLiteral("at the desk"));
        QCOMPARE(f.undo()->count(), 0); // nothing until it is committed
        QTest::keyClick(box, Qt::Key_Return);
        QVERIFY(!labels->isOpen());
        QCOMPARE(str(f.doc().findById("Task_ManualCheckin")->name()), std::string("Check in\nat the desk"));
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void editAnExternalLabelByDoubleClick()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString id = QStringLiteral("StartEvent_BookingConfirmed");
        LabelEditor* labels = LabelEditor::of(*f.canvas);
        // Escape cancels.
        doubleClick(f.canvas->viewport(), f.centreOf(id));
        QVERIFY(labels->isOpen());
        auto* line = qobject_cast<QLineEdit*>(labels->editorWidget()); // a label outside its shape
        QVERIFY(line);
        QCOMPARE(line->text(), QStringLiteral("Booking confirmed"));
        QTest::keyClicks(line, QStringLiteral("Something else"));
        QTest::keyClick(line, Qt::Key_Escape);
        QVERIFY(!labels->isOpen());
        QCOMPARE(core::BpmnWriter::toString(f.doc()), f.before);

        // A double-click on the label under the event opens it too; leaving the field commits.
        const QRectF b = f.boundsOf(id);
        doubleClick(f.canvas->viewport(), f.at(QPointF(b.center().x(), b.bottom() + 12)));
        QVERIFY(labels->isOpen());
        QCOMPARE(labels->elementId(), id);
        line = qobject_cast<QLineEdit*>(labels->editorWidget());
        QTest::keyClicks(line, QStringLiteral("Booked"));
        f.canvas->setFocus(); // focus out
        QVERIFY(!labels->isOpen());
        QCOMPARE(str(f.doc().findById("StartEvent_BookingConfirmed")->name()), std::string("Booked"));
        QCOMPARE(f.undo()->count(), 1);
        f.undoRedo(core::BpmnWriter::toString(f.doc()));
    }

    void doubleClickOnACollapsedSubProcessWithAPlaneDrillsDown()
    {
        auto read = core::BpmnReader::readBytes(kCollapsedSubProcess, "collapsed.bpmn");
        QVERIFY(read.document);
        DocumentView view(std::move(read.document), QStringLiteral("collapsed.bpmn"));
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        const std::string before = core::BpmnWriter::toString(view.document());
        const QString sub = QStringLiteral("Sub");
        QVERIFY(view.planeDiagramOf(sub) >= 0);
        const QPoint centre = canvas->mapFromScene(canvas->itemFor(sub)->item().bounds.center());
        doubleClick(canvas->viewport(), centre);
        // The label editor left it to the canvas: the view drilled down into the sub-process.
        QCOMPARE(view.currentDiagram(), view.planeDiagramOf(sub));
        QVERIFY(!LabelEditor::of(*canvas)->isOpen());
        QVERIFY(view.goBack());
        // F2 renames it.
        canvas = view.currentCanvas();
        QVERIFY(canvas->selectElement(sub, false));
        QTest::keyClick(canvas, Qt::Key_F2);
        LabelEditor* labels = LabelEditor::of(*canvas);
        QVERIFY(labels->isOpen());
        QTest::keyClicks(labels->editorWidget(), QStringLiteral("Renamed"));
        QTest::keyClick(labels->editorWidget(), Qt::Key_Return);
        QCOMPARE(str(view.document().findById("Sub")->name()), std::string("Renamed"));
        QUndoStack* undo = view.editor().undoStack();
        QCOMPARE(undo->count(), 1);
        const std::string after = core::BpmnWriter::toString(view.document());
        undo->undo();
        QCOMPARE(core::BpmnWriter::toString(view.document()), before);
        undo->redo();
        QCOMPARE(core::BpmnWriter::toString(view.document()), after);
    }

    void readOnlyOpensNoEditor()
    {
        Fixture f;
        QVERIFY(f.open());
        f.view.editor().setReadOnly(true);
        QVERIFY(f.canvas->selectElement(QStringLiteral("Task_ManualCheckin"), false));
        QTest::keyClick(f.canvas, Qt::Key_F2);
        QVERIFY(!LabelEditor::of(*f.canvas)->isOpen());
        // Nor does a drag from a border connect anything.
        drag(f.canvas->viewport(), f.topBorderOf(QStringLiteral("Task_NotifyPassenger")),
             f.centreOf(QStringLiteral("Task_ManualCheckin")));
        QCOMPARE(core::BpmnWriter::toString(f.doc()), f.before);
    }
};

QTEST_MAIN(TestCanvasConnect)
#include "tst_canvas_connect.moc"
