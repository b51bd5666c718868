// runway-bench-session FILE [--steps N] [--seconds S] [--instances K] [--process ID]
//
// Benchmark of the simulation session (simulator/) on a large model: reads and compiles FILE, then
//  1. steps one transition at a time, N times (default 5000; the next timer when nothing moves,
//     a new instance when one ends), each followed by the token view the canvas would redraw
//     from, and reports the time per step (median, p95, max);
//  2. plays at full speed for S seconds (default 5) with K instances at once (default 1) while a
//     5 ms QTimer probes the event loop and the token view is rebuilt once per play tick (as the
//     canvas would); when all have ended, the session is reset and K start again. Reports
//     transitions per second and the probe's p99 and worst lateness (how long the UI could have
//     waited for the event loop).
// Gateways follow their conditions; a decision they cannot take is answered with the first flow.
// Prints one JSON line.

#include "runway/core/BpmnReader.h"
#include "runway/sim/SimulationSession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::engine;
using runway::sim::SimulationSession;

namespace {

double pct(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

std::uint64_t transitions(const SimulationSession& s)
{
    std::uint64_t n = 0;
    for (int id = 1; id <= s.instanceCount(); ++id)
        n += s.instance(id)->state().steps;
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::string file, processId;
    int steps = 5000, concurrent = 1;
    double seconds = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--steps" && i + 1 < argc)
            steps = std::stoi(argv[++i]);
        else if (a == "--seconds" && i + 1 < argc)
            seconds = std::stod(argv[++i]);
        else if (a == "--instances" && i + 1 < argc)
            concurrent = std::max(1, std::stoi(argv[++i]));
        else if (a == "--process" && i + 1 < argc)
            processId = argv[++i];
        else
            file = a;
    }
    if (file.empty()) {
        std::fprintf(stderr, "usage: runway-bench-session FILE [--steps N] [--seconds S] [--process ID]\n");
        return 2;
    }
    auto read = BpmnReader::readFile(file);
    if (!read.ok()) {
        std::fprintf(stderr, "%s\n", read.diagnostics.front().format().c_str());
        return 2;
    }
    Diagnostics diags;
    auto process = CompiledProcess::compile(*read.document, processId, &diags);
    if (!process) {
        std::fprintf(stderr, "%s: cannot compile the process\n", file.c_str());
        return 2;
    }

    SimulationSession session(process);
    // A decision the conditions cannot take: the first flow, as a person clicking quickly would.
    QObject::connect(&session, &SimulationSession::decisionNeeded, &session,
                     [&](const runway::sim::PendingDecision& d) { session.decide({d.candidates.front()}); });
    auto moveOn = [&] {
        if (session.step() || session.nextTimer())
            return true;
        if (session.pendingDecision())
            return session.decide({session.pendingDecision()->candidates.front()});
        return session.start() != 0; // the instance ended (or waits for help): another one
    };

    // 1. One step at a time, each with the token view the canvas draws from.
    if (!session.start()) {
        std::fprintf(stderr, "%s: the process has no none start event\n", file.c_str());
        return 2;
    }
    std::vector<double> stepMs;
    stepMs.reserve(static_cast<std::size_t>(steps));
    std::size_t tokens = 0;
    for (int i = 0; i < steps; ++i) {
        QElapsedTimer t;
        t.start();
        if (!moveOn())
            break;
        tokens += static_cast<std::size_t>(session.tokenView().tokensAt.size());
        stepMs.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }

    // 2. Full speed, with an event-loop probe and the token view redrawn once per tick.
    std::uint64_t done = 0, rounds = 0;
    auto restart = [&] {
        done += transitions(session);
        ++rounds;
        session.reset();
        for (int k = 0; k < concurrent; ++k)
            session.start();
    };
    session.reset();
    for (int k = 0; k < concurrent; ++k)
        session.start();
    session.setSpeed(0);
    std::vector<double> lateMs;
    QElapsedTimer clock;
    qint64 expected = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateMs.push_back(std::max<double>(0, static_cast<double>(now - expected) / 1e6));
        expected = now + 5'000'000;
    });
    std::size_t views = 0;
    QObject::connect(&session, &SimulationSession::stepped, [&] { views += static_cast<std::size_t>(session.tokenView().tokensAt.size() > 0); });
    QObject::connect(&session, &SimulationSession::playingChanged, [&](bool playing) {
        if (playing || clock.elapsed() >= seconds * 1000)
            return;
        // All ended (or wait for help), or a decision: once the tick is over, keep the run going.
        QTimer::singleShot(0, &session, [&] {
            if (auto d = session.pendingDecision())
                session.decide({d->candidates.front()});
            else if (!session.step() && !session.nextTimer())
                restart();
            session.play();
        });
    });
    clock.start();
    expected = 5'000'000;
    probe.start(5);
    session.play();
    QTimer::singleShot(static_cast<int>(seconds * 1000), &app, [&] {
        session.pause();
        app.quit();
    });
    app.exec();
    const double wall = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    done += transitions(session);

    std::printf("{\"file\":\"%s\",\"nodes\":%zu,\"steps\":%zu,\"stepMs\":{\"median\":%.4f,\"p95\":%.4f,\"max\":%.3f},"
                "\"meanTokenElements\":%.1f,\"playSeconds\":%.2f,\"transitionsPerSecond\":%.0f,\"instancesNow\":%d,"
                "\"concurrent\":%d,\"rounds\":%llu,\"ticksWithView\":%zu,\"eventLoopLatencyMs\":{\"p99\":%.2f,\"max\":%.2f,\"probes\":%zu}}\n",
                jsonEscape(file).c_str(), process->nodes().size(), stepMs.size(), pct(stepMs, 0.5), pct(stepMs, 0.95),
                stepMs.empty() ? 0.0 : *std::max_element(stepMs.begin(), stepMs.end()),
                stepMs.empty() ? 0.0 : static_cast<double>(tokens) / static_cast<double>(stepMs.size()), wall,
                static_cast<double>(done) / wall, session.instanceCount(), concurrent,
                static_cast<unsigned long long>(rounds), views, pct(lateMs, 0.99),
                lateMs.empty() ? 0.0 : *std::max_element(lateMs.begin(), lateMs.end()), lateMs.size());
    return 0;
}
