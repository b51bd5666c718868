// The diagram canvas on its own: zoom anchored under the mouse, keys, fit and 100 %, panning with
// the middle button and with space+drag, level of detail, the minimap's cache, selection by click,
// problem badges, and drill-down into a collapsed sub-process and back.
#include "tst_appshell_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Di.h"
#include "runway/modeler/canvas/CanvasItems.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Minimap.h"

#include <QScrollBar>
#include <QTabBar>
#include <QToolButton>
#include <QtTest>

using runway::core::BpmnReader;
using runway::modeler::canvas::DiagramCanvas;
using runway::modeler::canvas::DocumentView;
using runway::modeler::canvas::ElementItem;

namespace {

std::unique_ptr<runway::core::Document> readExample()
{
    auto r = BpmnReader::readFile(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn");
    return std::move(r.document);
}

std::unique_ptr<runway::core::Document> read(const char* xml)
{
    auto r = BpmnReader::readBytes(xml, "fixture.bpmn");
    return std::move(r.document);
}

/// Dark pixels (the notation's strokes and text) inside rect of image.
int darkPixels(const QImage& image, const QRect& rect)
{
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (qGray(image.pixel(x, y)) < 128)
                ++n;
    return n;
}

void sendWheel(QWidget* viewport, QPoint pos, int delta, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(QPointF(pos), QPointF(viewport->mapToGlobal(pos)), QPoint(), QPoint(0, delta), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

} // namespace

class TestCanvas : public QObject {
    Q_OBJECT

private slots:
    void showsEveryDiagramElement()
    {
        auto doc = readExample();
        QVERIFY(doc);
        DocumentView view(std::move(doc), QString());
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        QVERIFY(canvas);
        // One body per notation item, and the example's 14 flow nodes among them.
        int bodies = 0;
        for (QGraphicsItem* item : canvas->scene()->items())
            bodies += item->type() == ElementItem::Type;
        QCOMPARE(bodies, canvas->itemCount());
        for (const char* id : {"StartEvent_BookingConfirmed", "Task_CheckInPassenger", "Gateway_RetryCheckin"})
            QVERIFY2(canvas->showsElement(QString::fromLatin1(id)), id);
        // Labels are above every body.
        qreal highestBody = -1e9, lowestLabel = 1e9;
        for (QGraphicsItem* item : canvas->scene()->items()) {
            if (item->type() == ElementItem::Type)
                highestBody = std::max(highestBody, item->zValue());
            else if (item->type() == runway::modeler::canvas::LabelLayer::Type)
                lowestLabel = std::min(lowestLabel, item->zValue());
        }
        QVERIFY(lowestLabel > highestBody);

        // With the whole diagram in view, the layer paints every label once.
        canvas->zoomToActualSize();
        canvas->centerOn(canvas->notationScene().bounds.center());
        QVERIFY(canvas->mapToScene(canvas->viewport()->rect()).boundingRect().contains(canvas->notationScene().bounds));
        const runway::modeler::canvas::LabelLayer* layer = nullptr;
        for (QGraphicsItem* item : canvas->scene()->items())
            if (item->type() == runway::modeler::canvas::LabelLayer::Type)
                layer = static_cast<const runway::modeler::canvas::LabelLayer*>(item);
        QVERIFY(layer);
        int labelled = 0;
        for (const auto& item : canvas->notationScene().items)
            labelled += !item.label.isEmpty();
        QVERIFY(labelled >= 14);
        canvas->viewport()->grab();
        QCOMPARE(layer->lastPainted(), labelled);
        // A small view on the first event: only the labels near it.
        view.resize(260, 200);
        QTest::qWait(10);
        canvas->centerOn(canvas->itemFor(QStringLiteral("StartEvent_BookingConfirmed"))->item().bounds.center());
        canvas->viewport()->grab();
        QVERIFY2(layer->lastPainted() > 0 && layer->lastPainted() < labelled / 2,
                 qPrintable(QString::number(layer->lastPainted())));
    }

    void zoomStaysUnderTheMouse()
    {
        auto doc = readExample();
        DocumentView view(std::move(doc), QString());
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        canvas->zoomToActualSize();
        QCOMPARE(canvas->zoom(), 1.0);
        const QPoint mouse(300, 200);
        const QPointF before = canvas->mapToScene(mouse);
        sendWheel(canvas->viewport(), mouse, 240, Qt::ControlModifier); // two notches in
        QVERIFY2(qFuzzyCompare(canvas->zoom(), DiagramCanvas::kZoomStep * DiagramCanvas::kZoomStep),
                 qPrintable(QString::number(canvas->zoom())));
        const QPointF after = canvas->mapToScene(mouse);
        QVERIFY2(QLineF(before, after).length() < 2.0 / canvas->zoom(),
                 qPrintable(QStringLiteral("(%1,%2) moved to (%3,%4)")
                                .arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
        // Without Ctrl the wheel scrolls and leaves the zoom alone.
        const qreal zoom = canvas->zoom();
        const int scrolled = canvas->verticalScrollBar()->value();
        sendWheel(canvas->viewport(), mouse, -120, Qt::NoModifier);
        QCOMPARE(canvas->zoom(), zoom);
        QVERIFY(canvas->verticalScrollBar()->value() > scrolled);

        // The standard zoom keys, and the limits.
        canvas->setFocus();
        const qreal start = canvas->zoom();
        QTest::keySequence(canvas, QKeySequence(QKeySequence::ZoomOut));
        QVERIFY(qFuzzyCompare(canvas->zoom(), start / DiagramCanvas::kZoomStep));
        QTest::keySequence(canvas, QKeySequence(QKeySequence::ZoomIn));
        QVERIFY(qFuzzyCompare(canvas->zoom(), start));
        for (int i = 0; i < 100; ++i)
            canvas->zoomIn();
        QCOMPARE(canvas->zoom(), DiagramCanvas::kMaxZoom);
        for (int i = 0; i < 100; ++i)
            canvas->zoomOut();
        QCOMPARE(canvas->zoom(), DiagramCanvas::kMinZoom);
    }

    void fitShowsTheWholeDiagram()
    {
        auto doc = readExample();
        DocumentView view(std::move(doc), QString());
        view.resize(700, 500); // smaller than the diagram at 100 %
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        canvas->zoomToActualSize();
        const QRectF bounds = canvas->notationScene().bounds;
        QVERIFY(!canvas->mapToScene(canvas->viewport()->rect()).boundingRect().contains(bounds));
        canvas->fitToWindow();
        QVERIFY(canvas->zoom() < 1.0);
        const QRectF visible = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
        QVERIFY2(visible.contains(bounds), qPrintable(QStringLiteral("%1x%2 in view, %3x%4 needed")
                                                         .arg(visible.width()).arg(visible.height())
                                                         .arg(bounds.width()).arg(bounds.height())));
        // ... and no more than needed: one side of the diagram spans the view, give or take the margin.
        QVERIFY(bounds.width() > visible.width() * 0.8 || bounds.height() > visible.height() * 0.8);
        // A fitted canvas fits again when it is resized; after a zoom by the user, it does not.
        view.resize(1100, 800);
        QTRY_VERIFY(canvas->mapToScene(canvas->viewport()->rect()).boundingRect().contains(bounds));
        canvas->zoomIn();
        const qreal zoomed = canvas->zoom();
        view.resize(900, 700);
        QTest::qWait(20);
        QCOMPARE(canvas->zoom(), zoomed);
    }

    void panWithMiddleButtonAndSpace()
    {
        auto doc = readExample();
        DocumentView view(std::move(doc), QString());
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        canvas->setZoom(2.0);
        QScrollBar* h = canvas->horizontalScrollBar();
        QScrollBar* v = canvas->verticalScrollBar();
        h->setValue((h->minimum() + h->maximum()) / 2);
        v->setValue((v->minimum() + v->maximum()) / 2);
        const int h0 = h->value(), v0 = v->value();

        QWidget* vp = canvas->viewport();
        QTest::mousePress(vp, Qt::MiddleButton, Qt::NoModifier, QPoint(300, 300));
        QMouseEvent move(QEvent::MouseMove, QPointF(260, 270), vp->mapToGlobal(QPointF(260, 270)), Qt::NoButton,
                         Qt::MiddleButton, Qt::NoModifier);
        QApplication::sendEvent(vp, &move);
        QTest::mouseRelease(vp, Qt::MiddleButton, Qt::NoModifier, QPoint(260, 270));
        QCOMPARE(h->value(), h0 + 40); // the diagram follows the mouse: dragging left shows what is right
        QCOMPARE(v->value(), v0 + 30);

        // Space held: the left button drags the view instead of selecting.
        canvas->setFocus();
        QTest::keyPress(canvas, Qt::Key_Space);
        QCOMPARE(canvas->dragMode(), QGraphicsView::ScrollHandDrag);
        QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, QPoint(200, 200));
        QMouseEvent drag(QEvent::MouseMove, QPointF(250, 220), vp->mapToGlobal(QPointF(250, 220)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp, &drag);
        QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, QPoint(250, 220));
        QTest::keyRelease(canvas, Qt::Key_Space);
        QCOMPARE(canvas->dragMode(), QGraphicsView::RubberBandDrag);
        QCOMPARE(h->value(), h0 + 40 - 50);
        QCOMPARE(v->value(), v0 + 30 - 20);
        QVERIFY(canvas->scene()->selectedItems().isEmpty());
    }

    void labelsAndMarkersGoAtLowZoom()
    {
        auto doc = readExample();
        DocumentView view(std::move(doc), QString());
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        canvas->setMinimapEnabled(false);
        // The start event's label is under it, away from every stroke of the diagram.
        const ElementItem* start = canvas->itemFor(QStringLiteral("StartEvent_BookingConfirmed"));
        QVERIFY(start);
        QVERIFY(!start->item().label.isEmpty());
        const QRectF labelRect = view.painter().boundingRect(start->item(), runway::modeler::notation::Part::Label);
        QVERIFY(!labelRect.isEmpty());
        auto inkOfLabel = [&](qreal zoom) {
            canvas->setZoom(zoom);
            canvas->centerOn(start->item().bounds.center());
            const QImage image = canvas->viewport()->grab().toImage();
            return darkPixels(image, canvas->mapFromScene(labelRect).boundingRect().adjusted(1, 1, -1, -1));
        };
        QVERIFY2(inkOfLabel(1.0) > 20, "the label is drawn at 100 %");
        QVERIFY(inkOfLabel(runway::modeler::canvas::kSimplifiedBelow * 1.2) > 0);
        QCOMPARE(inkOfLabel(runway::modeler::canvas::kSimplifiedBelow * 0.8), 0);
        // The shapes themselves are still drawn, as outlines.
        const QImage low = canvas->viewport()->grab().toImage();
        QVERIFY(darkPixels(low, canvas->mapFromScene(start->item().bounds).boundingRect().adjusted(-1, -1, 1, 1)) > 0);
    }

    void minimapDrawsTheDiagramOnce()
    {
        auto doc = readExample();
        DocumentView view(std::move(doc), QString());
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        canvas->setZoom(2.0);
        QVERIFY(canvas->minimap()->isVisible());
        canvas->minimap()->repaint();
        const int renders = canvas->minimap()->renderCount();
        QVERIFY(renders >= 1);
        const QRectF before = canvas->minimap()->viewRect();
        for (int i = 0; i < 10; ++i) {
            canvas->horizontalScrollBar()->setValue(canvas->horizontalScrollBar()->value() + 30);
            canvas->minimap()->repaint();
        }
        QCOMPARE(canvas->minimap()->renderCount(), renders);
        QVERIFY(canvas->minimap()->viewRect().left() > before.left());

        // Not shown while the whole diagram is in view, nor when turned off.
        canvas->fitToWindow();
        QVERIFY(!canvas->minimap()->isVisible());
        canvas->setZoom(2.0);
        QVERIFY(canvas->minimap()->isVisible());
        canvas->setMinimapEnabled(false);
        QVERIFY(!canvas->minimap()->isVisible());
        canvas->setMinimapEnabled(true);
        QVERIFY(canvas->minimap()->isVisible());

        // A click in the minimap centres the view there.
        const QRectF map = QRectF(canvas->minimap()->rect());
        QTest::mouseClick(canvas->minimap(), Qt::LeftButton, Qt::NoModifier, map.center().toPoint());
        const QPointF centre = canvas->mapToScene(canvas->viewport()->rect().center());
        QVERIFY2(QLineF(centre, canvas->notationScene().bounds.center()).length() < 40,
                 qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
    }

    void clickSelectsAndBadgesMarkProblems()
    {
        auto doc = readExample();
        DocumentView view(std::move(doc), QString());
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiagramCanvas* canvas = view.currentCanvas();
        QSignalSpy spy(&view, &DocumentView::selectedElementChanged);
        const ElementItem* task = canvas->itemFor(QStringLiteral("Task_ManualCheckin"));
        QVERIFY(task);
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier,
                          canvas->mapFromScene(task->item().bounds.center() + QPointF(0, 25)));
        QCOMPARE(view.selectedElementId(), QStringLiteral("Task_ManualCheckin"));
        QVERIFY(!spy.isEmpty());
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("Task_ManualCheckin"));
        // Empty space clears the selection.
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(5, 5));
        QCOMPARE(view.selectedElementId(), QString());

        runway::core::Diagnostics problems;
        problems.push_back({runway::core::Diagnostic::Severity::Warning, "x.bpmn", 3, "Task_ManualCheckin", "w", "warned"});
        problems.push_back({runway::core::Diagnostic::Severity::Error, "x.bpmn", 4, "Gateway_RetryCheckin", "e", "failed"});
        problems.push_back({runway::core::Diagnostic::Severity::Error, "x.bpmn", 5, "Not_In_Diagram", "e", "elsewhere"});
        problems.push_back({runway::core::Diagnostic::Severity::Error, "x.bpmn", 6, "", "e", "no element"});
        view.setProblems(problems);
        QCOMPARE(canvas->badges().size(), 2);
        for (const auto* badge : canvas->badges()) {
            const QString id = badge->data(0).toString();
            const ElementItem* item = canvas->itemFor(id);
            QVERIFY(item);
            QCOMPARE(badge->pos(), item->item().bounds.topRight());
            QCOMPARE(badge->isError(), id == QLatin1String("Gateway_RetryCheckin"));
            QVERIFY(badge->toolTip() == QLatin1String(id == QLatin1String("Gateway_RetryCheckin") ? "failed" : "warned"));
        }
        view.setProblems({});
        QVERIFY(canvas->badges().isEmpty());
    }

    void drillIntoACollapsedSubProcessAndBack()
    {
        auto doc = read(fixtures::kDrillDown);
        QVERIFY(doc);
        DocumentView view(std::move(doc), QString());
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.diagramCount(), 2);
        QCOMPARE(view.currentDiagram(), 0);
        QVERIFY(!view.backButton()->isVisible());
        QCOMPARE(view.planeDiagramOf(QStringLiteral("Sub")), 1);
        QCOMPARE(view.planeDiagramOf(QStringLiteral("Start")), -1);

        // A double-click on something without a plane of its own changes nothing.
        DiagramCanvas* main = view.currentCanvas();
        QTest::mouseDClick(main->viewport(), Qt::LeftButton, Qt::NoModifier,
                           main->mapFromScene(main->itemFor(QStringLiteral("End"))->item().bounds.center()));
        QCOMPARE(view.currentDiagram(), 0);

        const QPoint sub = main->mapFromScene(main->itemFor(QStringLiteral("Sub"))->item().bounds.center());
        QTest::mouseDClick(main->viewport(), Qt::LeftButton, Qt::NoModifier, sub);
        QCOMPARE(view.currentDiagram(), 1);
        DiagramCanvas* inside = view.currentCanvas();
        QVERIFY(inside != main);
        QVERIFY(inside->showsElement(QStringLiteral("SubTask")));
        QVERIFY(!inside->showsElement(QStringLiteral("Sub")));
        QVERIFY(view.canGoBack());
        QVERIFY(view.backButton()->isVisible());

        // Back with the platform's Back key (Alt+Left here).
        inside->setFocus();
        QTest::keySequence(inside, QKeySequence(QKeySequence::Back));
        QCOMPARE(view.currentDiagram(), 0);
        QVERIFY(!view.canGoBack());
        QVERIFY(!view.goBack());

        // Choosing a diagram tab by hand forgets the way back.
        QVERIFY(view.drillDown(QStringLiteral("Sub")));
        QVERIFY(view.canGoBack());
        QTabBar* tabs = view.diagramTabs();
        QTest::mouseClick(tabs, Qt::LeftButton, Qt::NoModifier, tabs->tabRect(0).center());
        QCOMPARE(view.currentDiagram(), 0);
        QVERIFY(!view.canGoBack());
        QVERIFY(!view.backButton()->isVisible());
    }

    void revealSwitchesDiagram()
    {
        auto doc = read(fixtures::kProblemInSecondDiagram);
        QVERIFY(doc);
        DocumentView view(std::move(doc), QString());
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.diagramCount(), 2);
        QVERIFY(view.diagramTabs()->isVisible());
        QCOMPARE(view.diagramTabs()->tabText(1), QStringLiteral("Second diagram"));
        QVERIFY(view.revealElement(QStringLiteral("B_Gateway")));
        QCOMPARE(view.currentDiagram(), 1);
        QCOMPARE(view.selectedElementId(), QStringLiteral("B_Gateway"));
        DiagramCanvas* canvas = view.currentCanvas();
        const QRectF visible = canvas->mapToScene(canvas->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(canvas->itemFor(QStringLiteral("B_Gateway"))->item().bounds));
        QVERIFY(!view.revealElement(QStringLiteral("NoSuchElement")));
        QVERIFY(view.revealElement(QStringLiteral("A_Start")));
        QCOMPARE(view.currentDiagram(), 0);
    }
};

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
