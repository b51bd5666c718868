// runway-bench-simui FILE [--steps N] [--seconds S] [--instances K] [--size WxH] [--probe MS]
//
// Benchmark of the simulation mode as people see it (issue 6): in an offscreen QApplication, the
// app's own MainWindow opens FILE (its first diagram at "fit to window" in a WxH window, default
// 1600x1000), enters the simulation (View > Simulate) and starts an instance, then
//  1. N times (default 500), one Step from the toolbar (the next timer when nothing moves, the
//     first flow for a pending decision, a new instance when one ended) followed by processing
//     the events it posted, so the token overlay, the log, the panels and the canvas have been
//     repainted: the time from the action to the canvas showing it (median, p95, max);
//  2. Play at full speed for S seconds (default 5) with K instances at once (default 1; all K start
//     again when all have ended, as runway-bench-session does), while a
//     QTimer of MS ms (default 10) probes the event loop: transitions per second, and the probe's
//     p99 and worst lateness, how long a click or a key could have waited for the window.
// Speed "fastest" (no animation) throughout. Prints one JSON line.
#include "MainWindow.h"
#include "SimulationController.h"

#include "runway/core/engine/CompiledProcess.h"
#include "runway/modeler/canvas/DiagramCanvas.h"
#include "runway/sim/SimulationSession.h"

#include <QAction>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using runway::app::MainWindow;
using runway::app::SimulationController;
using runway::sim::SimulationSession;

namespace {

struct Stats {
    double median = 0, p95 = 0, p99 = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))]; };
    s.median = at(0.5);
    s.p95 = at(0.95);
    s.p99 = at(0.99);
    s.max = v.back();
    return s;
}

std::uint64_t transitions(const SimulationSession& s)
{
    std::uint64_t n = 0;
    for (int id = 1; id <= s.instanceCount(); ++id)
        n += s.instance(id)->state().steps;
    return n;
}

int usage()
{
    std::fprintf(stderr, "usage: runway-bench-simui FILE [--steps N] [--seconds S] [--instances K] [--size WxH] [--probe MS]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // window settings stay out of the user's
    QApplication::setOrganizationName(QStringLiteral("RunwayBench"));
    QApplication::setApplicationName(QStringLiteral("runway-bench-simui"));
    int steps = 500, width = 1600, height = 1000, probeMs = 10, concurrent = 1;
    double seconds = 5;
    QString file;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args[i];
        if (a == QLatin1String("--steps") && i + 1 < args.size())
            steps = std::max(1, args[++i].toInt());
        else if (a == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = std::max(0.1, args[++i].toDouble());
        else if (a == QLatin1String("--instances") && i + 1 < args.size())
            concurrent = std::max(1, args[++i].toInt());
        else if (a == QLatin1String("--probe") && i + 1 < args.size())
            probeMs = std::max(1, args[++i].toInt());
        else if (a == QLatin1String("--size") && i + 1 < args.size()) {
            const QStringList wh = args[++i].split(QLatin1Char('x'));
            if (wh.size() != 2)
                return usage();
            width = wh[0].toInt();
            height = wh[1].toInt();
        } else if (a.startsWith(QLatin1String("--")) || !file.isEmpty())
            return usage();
        else
            file = a;
    }
    if (file.isEmpty())
        return usage();

    MainWindow window;
    window.resize(width, height);
    window.show();
    if (!window.openFile(file)) {
        std::fprintf(stderr, "runway-bench-simui: cannot open %s\n", qPrintable(file));
        return 1;
    }
    SimulationController* sim = window.simulation();
    QString error;
    if (!sim->enter(&error)) {
        std::fprintf(stderr, "runway-bench-simui: %s\n", qPrintable(error));
        return 1;
    }
    sim->speedBox()->setValue(0); // fastest: no animation
    SimulationSession& session = *sim->session();
    if (sim->startChosen() == 0) {
        std::fprintf(stderr, "runway-bench-simui: no instance starts\n");
        return 1;
    }
    QCoreApplication::processEvents();

    // 1. Step -> the canvas shows it.
    auto moveOn = [&] {
        const int before = session.historySize();
        sim->stepAction()->trigger();
        if (session.historySize() != before)
            return true;
        if (session.nextTimer())
            return true;
        if (auto d = session.pendingDecision())
            return sim->decide({d->candidates.front()});
        return sim->startChosen() != 0;
    };
    std::vector<double> stepMs;
    stepMs.reserve(static_cast<std::size_t>(steps));
    for (int i = 0; i < steps; ++i) {
        QElapsedTimer t;
        t.start();
        if (!moveOn())
            break;
        QCoreApplication::processEvents(); // the overlay's and the panels' repaint
        stepMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }

    // 2. Play at full speed with an event-loop probe.
    std::uint64_t done = 0, rounds = 0;
    auto startAll = [&] {
        for (int k = 0; k < concurrent; ++k)
            sim->startChosen();
    };
    session.reset();
    startAll();
    std::vector<double> lateMs;
    QElapsedTimer clock;
    qint64 expected = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateMs.push_back(std::max<double>(0, static_cast<double>(now - expected) / 1e6));
        expected = now + qint64(probeMs) * 1'000'000;
    });
    QObject::connect(&session, &SimulationSession::playingChanged, [&](bool playing) {
        if (playing || clock.elapsed() >= seconds * 1000)
            return;
        // Ended, waiting for help, or a decision: once this tick is over, keep the run going.
        QTimer::singleShot(0, &session, [&] {
            if (auto d = session.pendingDecision())
                session.decide({d->candidates.front()});
            else if (!session.step() && !session.nextTimer()) {
                done += transitions(session);
                ++rounds;
                session.reset();
                startAll();
            }
            sim->playAction()->setChecked(true);
        });
    });
    clock.start();
    expected = qint64(probeMs) * 1'000'000;
    probe.start(probeMs);
    sim->playAction()->setChecked(true);
    QTimer::singleShot(static_cast<int>(seconds * 1000), &app, [&] {
        sim->playAction()->setChecked(false);
        app.quit();
    });
    app.exec();
    const double wall = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    done += transitions(session);

    const Stats st = stats(stepMs), late = stats(lateMs);
    std::printf("{\"tool\":\"runway-simui\",\"file\":\"%s\",\"nodes\":%zu,\"items\":%d,\"size\":\"%dx%d\",\"steps\":%zu,"
                "\"stepToCanvasMs\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},\"playSeconds\":%.2f,"
                "\"transitionsPerSecond\":%.0f,\"concurrent\":%d,\"rounds\":%llu,\"probeMs\":%d,"
                "\"eventLoopLatencyMs\":{\"p99\":%.2f,\"max\":%.2f,\"probes\":%zu}}\n",
                QFileInfo(file).fileName().toUtf8().constData(), session.process().nodes().size(),
                window.currentCanvas() ? window.currentCanvas()->itemCount() : 0, width, height, stepMs.size(), st.median,
                st.p95, st.max, wall, static_cast<double>(done) / wall, concurrent, static_cast<unsigned long long>(rounds), probeMs,
                late.p99, late.max, lateMs.size());
    return 0;
}
