// runway-bench-canvas: how fast the app shows a file (`make bench`, tools/bench/canvas-bench.sh).
//
//   runway-bench-canvas [--size WxH] [--zoom fit|100] [--frames N] [--update-mode minimal|smart|full|bounding]
//                       [--no-interaction] [--edit] FILE
//
// In an offscreen QApplication, as the app does it: reads FILE, builds the canvas of its first
// diagram (a DocumentView in a WxH window, default 1600x1000) and paints the first frame of the
// canvas, its viewport and minimap (QWidget::grab), at "fit to window" (default) or 100 %. Then, unless
// --no-interaction, a scripted pan and zoom: N frames (default 60) of scrolling by 1/30 of the
// view at 100 %, and N frames of zooming in and out around the centre, each one timed as Qt's own
// repaint of what the step exposed (the scroll or zoom, then processing the paint events), and
// also as a full repaint of the viewport (grab), the worst case. Prints one JSON line; peak RSS is
// getrusage's ru_maxrss of this process at the end.
//
// --edit measures editing instead of panning and zooming, at 100 % around a task in the middle of
// the diagram, each edit through the document's Editor as the canvas makes it (the facade's change,
// the undo step, and the canvas's update of its items; then, apart, Qt painting what changed):
// 30 moves of that task by one grid step (after one warm-up move, reported on its own), and copying
// the first --paste N flow nodes (default 1000) and pasting them below the diagram, then undoing and
// redoing that paste; and, for comparison, one full rebuild of the canvas's items (what every edit
// cost before the canvas followed edits incrementally). Prints one JSON line.
#include "runway/core/BpmnReader.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/modeler/canvas/DocumentView.h"
#include "runway/modeler/canvas/Editor.h"

#include <QApplication>
#include <QUndoStack>
#include <QFileInfo>
#include <QScrollBar>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;
using runway::modeler::canvas::DiagramCanvas;
using runway::modeler::canvas::DocumentView;

namespace {

double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

long peakRssKb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

struct Stats {
    double median = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.median = ms[ms.size() / 2];
    s.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    s.max = ms.back();
    return s;
}

int usage()
{
    std::fprintf(stderr, "usage: runway-bench-canvas [--size WxH] [--zoom fit|100] [--frames N] "
                         "[--update-mode minimal|smart|full|bounding] [--no-interaction] [--edit [--paste N]] FILE\n");
    return 2;
}

/// Times one scripted step: the step, then Qt painting what it exposed; and a full repaint.
template <typename Step>
void frame(DiagramCanvas* canvas, Step step, std::vector<double>& exposed, std::vector<double>& full)
{
    const auto t0 = Clock::now();
    step();
    // The scene's deferred update, then the viewport's paint event for what the step exposed.
    QCoreApplication::processEvents();
    const auto t1 = Clock::now();
    exposed.push_back(seconds(t0, t1) * 1000);
    const auto t2 = Clock::now();
    const QPixmap pixels = canvas->viewport()->grab();
    const auto t3 = Clock::now();
    full.push_back(seconds(t2, t3) * 1000);
    (void)pixels;
}

double msSince(Clock::time_point t0)
{
    return seconds(t0, Clock::now()) * 1000;
}

/// The --edit measurements (see the head of this file).
int benchEditing(DocumentView& view, DiagramCanvas* canvas, const std::string& file, int pasteCount)
{
    using namespace runway;
    core::Document& doc = view.document();
    modeler::canvas::Editor& ed = view.editor();
    std::vector<core::Element*> nodes;
    for (core::Element* e : doc.allElements())
        if (e->isA(core::BpmnType::FlowNode) && e->type != core::BpmnType::BoundaryEvent && doc.shapeFor(e->id()))
            nodes.push_back(e);
    core::Element* task = nullptr;
    for (std::size_t i = nodes.size() / 2; i < nodes.size() && !task; ++i)
        if (nodes[i]->isA(core::BpmnType::Activity))
            task = nodes[i];
    if (!task || nodes.empty()) {
        std::fprintf(stderr, "runway-bench-canvas: %s has no drawn task to move\n", file.c_str());
        return 1;
    }
    canvas->zoomToActualSize();
    canvas->selectElement(QString::fromUtf8(task->id().data(), qsizetype(task->id().size())), true);
    QCoreApplication::processEvents();
    const int rebuildsBefore = canvas->rebuildCount();

    core::Element* moved[] = {task};
    auto t = Clock::now();
    ed.apply(ed.modeling().move(moved, {10, 0}), QStringLiteral("Move"));
    const double firstMove = msSince(t);
    QCoreApplication::processEvents();
    std::vector<double> moveMs, movePaintMs;
    for (int i = 0; i < 30; ++i) {
        t = Clock::now();
        ed.apply(ed.modeling().move(moved, {i % 2 ? 10.0 : -10.0, 0}), QStringLiteral("Move"));
        moveMs.push_back(msSince(t));
        t = Clock::now();
        QCoreApplication::processEvents();
        movePaintMs.push_back(msSince(t));
    }

    // Top-level flow nodes (a sub-process's content goes with it), as a user's selection would be.
    std::vector<core::Element*> copied;
    for (core::Element* e : nodes)
        if (e->parent == nodes.front()->parent && int(copied.size()) < pasteCount)
            copied.push_back(e);
    t = Clock::now();
    const core::modeling::Clipboard clip = ed.modeling().copy(copied);
    const double copyMs = msSince(t);
    core::Element* container = copied.front()->parent;
    const int itemsBefore = canvas->itemCount();
    t = Clock::now();
    const bool pasted = ed.apply(ed.modeling().paste(clip, container, {0, clip.extent.height + 400}), QStringLiteral("Paste"));
    const double pasteMs = msSince(t);
    const int itemsPasted = canvas->itemCount() - itemsBefore;
    t = Clock::now();
    QCoreApplication::processEvents();
    const double pastePaintMs = msSince(t);
    t = Clock::now();
    ed.undoStack()->undo();
    const double undoMs = msSince(t);
    const bool undoneBack = canvas->itemCount() == itemsBefore;
    t = Clock::now();
    ed.undoStack()->redo();
    const double redoMs = msSince(t);
    QCoreApplication::processEvents();
    // For comparison: what every edit cost before the canvas followed edits incrementally.
    const int rebuildsSoFar = canvas->rebuildCount();
    t = Clock::now();
    canvas->rebuild();
    const double rebuildMs = msSince(t);

    const Stats mv = stats(moveMs), mp = stats(movePaintMs);
    std::printf("{\"tool\":\"runway-edit\",\"file\":\"%s\",\"items\":%d,\"first_move_ms\":%.3f,"
                "\"move_ms_median\":%.3f,\"move_ms_p95\":%.3f,\"move_ms_max\":%.3f,\"move_paint_ms_median\":%.3f,"
                "\"move_paint_ms_max\":%.3f,\"paste_nodes\":%d,\"paste_ok\":%s,\"paste_items\":%d,\"copy_ms\":%.3f,"
                "\"paste_ms\":%.3f,\"paste_paint_ms\":%.3f,\"paste_undo_ms\":%.3f,\"paste_redo_ms\":%.3f,"
                "\"undo_restored_items\":%s,\"rebuilds\":%d,\"full_rebuild_ms\":%.3f,\"peak_rss_kb\":%ld}\n",
                QFileInfo(QString::fromStdString(file)).fileName().toUtf8().constData(), itemsBefore, firstMove,
                mv.median, mv.p95, mv.max, mp.median, mp.max, int(copied.size()), pasted ? "true" : "false",
                itemsPasted, copyMs, pasteMs, pastePaintMs, undoMs, redoMs, undoneBack ? "true" : "false",
                rebuildsSoFar - rebuildsBefore, rebuildMs, peakRssKb());
    return pasted ? 0 : 1;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int width = 1600, height = 1000, frames = 60;
    bool fit = true, interact = true, edit = false;
    int pasteCount = 1000;
    QGraphicsView::ViewportUpdateMode mode = QGraphicsView::MinimalViewportUpdate;
    const char* modeName = "minimal";
    std::string file;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--size") && i + 1 < args.size()) {
            const QStringList wh = args[++i].split(QLatin1Char('x'));
            if (wh.size() != 2)
                return usage();
            width = wh[0].toInt();
            height = wh[1].toInt();
        } else if (a == QLatin1String("--zoom") && i + 1 < args.size()) {
            fit = args[++i] == QLatin1String("fit");
        } else if (a == QLatin1String("--frames") && i + 1 < args.size()) {
            frames = std::max(1, args[++i].toInt());
        } else if (a == QLatin1String("--update-mode") && i + 1 < args.size()) {
            const QString m = args[++i];
            if (m == QLatin1String("smart"))
                mode = QGraphicsView::SmartViewportUpdate, modeName = "smart";
            else if (m == QLatin1String("full"))
                mode = QGraphicsView::FullViewportUpdate, modeName = "full";
            else if (m == QLatin1String("bounding"))
                mode = QGraphicsView::BoundingRectViewportUpdate, modeName = "bounding";
        } else if (a == QLatin1String("--no-interaction")) {
            interact = false;
        } else if (a == QLatin1String("--edit")) {
            edit = true;
        } else if (a == QLatin1String("--paste") && i + 1 < args.size()) {
            pasteCount = std::max(1, args[++i].toInt());
        } else if (a.startsWith(QLatin1String("--")) || !file.empty()) {
            return usage();
        } else {
            file = a.toStdString();
        }
    }
    if (file.empty())
        return usage();

    // ---- open and show the first frame ----
    const auto t0 = Clock::now();
    auto read = runway::core::BpmnReader::readFile(file);
    if (!read.document) {
        std::fprintf(stderr, "runway-bench-canvas: cannot read %s: %s\n", file.c_str(),
                     read.diagnostics.empty() ? "?" : read.diagnostics.front().message.c_str());
        return 1;
    }
    const auto t1 = Clock::now();
    DocumentView view(std::move(read.document), QString::fromStdString(file));
    view.resize(width, height);
    DiagramCanvas* canvas = view.currentCanvas();
    if (!canvas) {
        std::fprintf(stderr, "runway-bench-canvas: %s has no diagram\n", file.c_str());
        return 1;
    }
    canvas->setViewportUpdateMode(mode);
    view.show();
    if (fit)
        canvas->fitToWindow();
    else
        canvas->zoomToActualSize();
    const auto t2 = Clock::now();
    const QPixmap first = canvas->grab(); // the viewport and the minimap over it
    const auto t3 = Clock::now();
    const double firstZoom = canvas->zoom();
    if (edit)
        return benchEditing(view, canvas, file, pasteCount);

    // ---- scripted pan and zoom at 100 % ----
    std::vector<double> panExposed, panFull, zoomExposed, zoomFull;
    if (interact) {
        QCoreApplication::processEvents();
        canvas->zoomToActualSize();
        QScrollBar* h = canvas->horizontalScrollBar();
        QScrollBar* v = canvas->verticalScrollBar();
        h->setValue(h->minimum() + (h->maximum() - h->minimum()) / 3);
        v->setValue(v->minimum() + (v->maximum() - v->minimum()) / 3);
        QCoreApplication::processEvents();
        const int dx = std::max(1, canvas->viewport()->width() / 30), dy = std::max(1, canvas->viewport()->height() / 30);
        for (int i = 0; i < frames; ++i) {
            frame(canvas, [&] {
                h->setValue(h->value() + dx);
                v->setValue(v->value() + (i % 2 ? dy : -dy) / 2);
            }, panExposed, panFull);
        }
        for (int i = 0; i < frames; ++i) {
            const bool in = (i / 10) % 2 == 0; // ten steps in, ten out, ...
            frame(canvas, [&] { canvas->setZoom(canvas->zoom() * (in ? 1.1 : 1 / 1.1)); }, zoomExposed, zoomFull);
        }
    }

    const Stats pe = stats(panExposed), pf = stats(panFull), ze = stats(zoomExposed), zf = stats(zoomFull);
    std::printf("{\"tool\":\"runway\",\"file\":\"%s\",\"items\":%d,\"size\":\"%dx%d\",\"zoom\":\"%s\",\"first_zoom\":%.4f,"
                "\"update_mode\":\"%s\",\"read_s\":%.6f,\"scene_s\":%.6f,\"paint_s\":%.6f,\"first_frame_s\":%.6f,"
                "\"pan_ms_median\":%.3f,\"pan_ms_p95\":%.3f,\"pan_ms_max\":%.3f,"
                "\"pan_full_ms_median\":%.3f,\"pan_full_ms_max\":%.3f,"
                "\"zoom_ms_median\":%.3f,\"zoom_ms_p95\":%.3f,\"zoom_ms_max\":%.3f,"
                "\"zoom_full_ms_median\":%.3f,\"zoom_full_ms_max\":%.3f,\"frames\":%d,\"peak_rss_kb\":%ld}\n",
                QFileInfo(QString::fromStdString(file)).fileName().toUtf8().constData(), canvas->itemCount(), width,
                height, fit ? "fit" : "100", firstZoom, modeName, seconds(t0, t1), seconds(t1, t2), seconds(t2, t3),
                seconds(t0, t3), pe.median, pe.p95, pe.max, pf.median, pf.max, ze.median, ze.p95, ze.max, zf.median,
                zf.max, interact ? frames : 0, peakRssKb());
    (void)first;
    return 0;
}
