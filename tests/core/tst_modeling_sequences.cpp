// Long edit sequences through the modeling facade: a seeded random walk of 400 operations, undone all
// the way back to the starting bytes and redone forward again; the MIWG reference files as
// realistic starting points; and the pure routing and snapping functions.
#include "RunwayTest.h"
#include "runway/core/Semantics.h"
#include "tst_modeling_fixtures.h"
#include "tst_modeling_support.h"

#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::modeling;

namespace {

/// Flow nodes of a document that are drawn (the candidates of random edits).
std::vector<Element*> drawnNodes(const Document& doc)
{
    std::vector<Element*> v;
    for (Element* e : doc.allElements())
        if (e->isA(BpmnType::FlowNode) && doc.shapeFor(e->id()))
            v.push_back(e);
    return v;
}

/// One random operation; returns its edit (possibly refused).
Edit randomEdit(Modeling& m, std::mt19937& rng, int* kind)
{
    Document& doc = m.document();
    auto nodes = drawnNodes(doc);
    auto pick = [&]() { return nodes[std::uniform_int_distribution<std::size_t>(0, nodes.size() - 1)(rng)]; };
    const int k = std::uniform_int_distribution<int>(0, 12)(rng);
    *kind = k;
    if (nodes.empty())
        return {};
    Element* a = pick();
    Element* b = pick();
    const double dx = std::uniform_int_distribution<int>(-8, 8)(rng) * 10;
    const double dy = std::uniform_int_distribution<int>(-8, 8)(rng) * 10;
    switch (k) {
    case 0:
    case 1: {
        Element* sel[] = {a};
        return m.move(sel, {dx, dy});
    }
    case 2: {
        auto b0 = di::bounds(doc.shapeFor(a->id()));
        return m.create({BpmnType::Task}, a->parent, {b0->x + dx * 3, b0->y + 200 + dy});
    }
    case 3: return m.connect(a, b);
    case 4: return a->isA(BpmnType::Task) ? m.changeType(a, {BpmnType::ServiceTask}) : m.setName(a, "renamed");
    case 5: {
        Element* sel[] = {a};
        return m.remove(sel);
    }
    case 6: {
        Element* sel[] = {a, b};
        return a->parent == b->parent && a != b ? m.duplicate(sel, {dx, 300}) : m.setDocumentation(a, "why");
    }
    case 7: return a->isA(BpmnType::Activity) ? m.append(a, {BpmnType::ExclusiveGateway}) : m.setName(a, "");
    case 8: {
        Element* sel[] = {a, b};
        return a != b ? m.align(sel, Alignment::Top) : Edit{};
    }
    case 9: {
        // Drop into another container: a sub-process or the other pool, when the rules allow it.
        Element* sel[] = {a};
        Element* into = b->isA(BpmnType::SubProcess) && doc.shapeFor(b->id())->attr("isExpanded") == "true"
                            ? b
                            : doc.findById(a->parent && a->parent->id() == "PB" ? "PoolA" : "PoolB");
        return into ? m.moveInto(sel, into, {dx, dy}) : Edit{};
    }
    case 10: {
        // Detach a boundary event, or attach a free intermediate event to an activity.
        auto bb = di::bounds(doc.shapeFor(b->id()));
        if (a->type == BpmnType::BoundaryEvent)
            return m.detach(a, {bb->x + dx, bb->y - 100});
        for (Element* e : nodes)
            if ((e->type == BpmnType::IntermediateCatchEvent || e->type == BpmnType::IntermediateThrowEvent) &&
                b->isA(BpmnType::Activity) && canAttach(doc, e, b))
                return m.attach(e, b, {bb->x + bb->width / 2, bb->y + bb->height});
        return {};
    }
    case 11: {
        Element* lanesOf = doc.findById(std::uniform_int_distribution<int>(0, 1)(rng) ? "PoolA" : "PoolB");
        return lanesOf ? m.addLane(lanesOf, dx > 0) : Edit{};
    }
    default: return a->isA(BpmnType::Activity) ? m.setLoop(a, LoopKind::Parallel) : m.setName(a, "x");
    }
}

} // namespace

class TestModelingSequences : public QObject {
    Q_OBJECT
private slots:
    void randomEditsUndoToTheStartAndRedoToTheEnd()
    {
        auto doc = BpmnReader::readBytes(kCollaboration, "collab.bpmn").document;
        QVERIFY(doc != nullptr);
        Modeling m(*doc);
        std::mt19937 rng(2026);
        const std::string start = BpmnWriter::toString(*doc);
        std::vector<ChangeSet> history;
        int applied = 0;
        for (int i = 0; i < 400; ++i) {
            int kind = -1;
            Edit e = randomEdit(m, rng, &kind);
            if (!e.ok() || e.changes.empty())
                continue;
            ++applied;
            history.push_back(std::move(e.changes));
            const std::string errors = runway::test::validatorErrors(*doc);
            QVERIFY2(errors.empty(),
                     ("after step " + std::to_string(i) + " (kind " + std::to_string(kind) + "): " + errors).c_str());
            if (i % 50 == 0) {
                const std::string xsd = runway::test::schemaProblems(*doc);
                QVERIFY2(xsd.empty(),
                         ("after step " + std::to_string(i) + " (kind " + std::to_string(kind) + "): " + xsd).c_str());
            }
        }
        QVERIFY2(applied > 200, std::to_string(applied).c_str());
        const std::string end = BpmnWriter::toString(*doc);
        QVERIFY(runway::test::schemaProblems(*doc).empty());
        for (auto it = history.rbegin(); it != history.rend(); ++it)
            doc->revert(*it);
        QCOMPARE(BpmnWriter::toString(*doc), start);
        for (const ChangeSet& cs : history)
            doc->reapply(cs);
        QCOMPARE(BpmnWriter::toString(*doc), end);
    }

    void miwgReferenceFilesAsStartingPoints()
    {
        RUNWAY_REQUIRE_CORPUS();
        const auto dir = std::filesystem::path(runway::test::corpusDir()) / "miwg" / "reference";
        int files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".bpmn")
                continue;
            auto r = BpmnReader::readFile(entry.path().string());
            QVERIFY2(r.ok(), entry.path().string().c_str());
            Document& doc = *r.document;
            const bool validAtStart = runway::test::schemaProblems(doc).empty();
            const bool cleanAtStart = runway::test::validatorErrors(doc).empty();
            Modeling m(doc);
            const std::string start = BpmnWriter::toString(doc);
            std::vector<ChangeSet> history;
            Element* task = nullptr;
            for (Element* e : drawnNodes(doc))
                if (e->type == BpmnType::Task || e->type == BpmnType::UserTask || e->type == BpmnType::ServiceTask) {
                    task = e;
                    break;
                }
            if (!task)
                continue;
            ++files;
            const std::string name = entry.path().filename().string();
            Element* sel[] = {task};
            Edit steps[] = {m.move(sel, {10, 20}), m.changeType(task, {BpmnType::ManualTask}),
                            m.setName(doc.findById(task->id()), "edited")};
            for (Edit& e : steps) {
                QVERIFY2(e.ok(), (name + ": " + e.error).c_str());
                history.push_back(e.changes);
            }
            Element* again[] = {doc.findById(task->id())};
            Edit dup = m.duplicate(again, {0, 150});
            QVERIFY2(dup.ok(), (name + ": " + dup.error).c_str());
            history.push_back(dup.changes);
            Edit app = m.append(doc.findById(task->id()), {BpmnType::EndEvent});
            QVERIFY2(app.ok(), (name + ": " + app.error).c_str());
            history.push_back(app.changes);
            if (validAtStart) {
                const std::string xsd = runway::test::schemaProblems(doc);
                QVERIFY2(xsd.empty(), (name + ": " + xsd).c_str());
            }
            if (cleanAtStart) {
                const std::string errors = runway::test::validatorErrors(doc);
                QVERIFY2(errors.empty(), (name + ": " + errors).c_str());
            }
            for (auto it = history.rbegin(); it != history.rend(); ++it)
                doc.revert(*it);
            QVERIFY2(BpmnWriter::toString(doc) == start, name.c_str());
        }
        QVERIFY(files >= 10);
    }

    void routesAreOrthogonalAndDockOnSides()
    {
        const Bounds a{100, 100, 100, 80};
        for (const Bounds& b : {Bounds{300, 100, 100, 80}, Bounds{300, 250, 36, 36}, Bounds{-200, 40, 50, 50},
                                Bounds{120, 300, 100, 80}, Bounds{90, -200, 36, 36}, Bounds{150, 120, 100, 80}}) {
            for (bool fromBottom : {false, true}) {
                auto pts = routing::route(a, b, fromBottom);
                QVERIFY(pts.size() >= 2);
                QVERIFY(routing::isOrthogonal(pts));
                QVERIFY(routing::onBorder(a, pts.front()));
                QVERIFY(routing::onBorder(b, pts.back()));
                if (fromBottom)
                    QCOMPARE(pts.front().y, 180.0);
            }
        }
        // Straight across when the centres line up, from the right side to the left side.
        auto straight = routing::route(a, {300, 100, 100, 80});
        QCOMPARE(straight.size(), std::size_t(2));
        QCOMPARE(straight.front().x, 200.0);
        QCOMPARE(straight.back().x, 300.0);
    }

    void rerouteKeepsInnerBendPoints()
    {
        const Bounds a{100, 100, 100, 80}, b{400, 300, 100, 80};
        const std::vector<Point> user{{150, 180}, {150, 340}, {400, 340}};
        auto pts = routing::reroute(user, {110, 100, 100, 80}, b); // a moved right a little
        QCOMPARE(pts.size(), std::size_t(3));
        QCOMPARE(pts[1].x, 150.0); // the user's bend point stays
        QCOMPARE(pts[1].y, 340.0);
        QVERIFY(routing::onBorder({110, 100, 100, 80}, pts.front()));
        // When the ends can no longer dock straight, a fresh route.
        auto fresh = routing::reroute(user, {600, 100, 100, 80}, b);
        QVERIFY(routing::isOrthogonal(fresh));
        QVERIFY(routing::onBorder({600, 100, 100, 80}, fresh.front()));
        QVERIFY(routing::onBorder(b, fresh.back()));
        (void)a;
    }

    void waypointEditsStayOrthogonal()
    {
        const std::vector<Point> route{{0, 0}, {50, 0}, {50, 100}, {100, 100}};
        auto moved = routing::moveSegment(route, 1, 20);
        QVERIFY(routing::isOrthogonal(moved));
        QCOMPARE(moved[1].x, 70.0);
        QCOMPARE(moved[2].x, 70.0);
        auto bent = routing::addBendpoint(route, 0, {25, -30});
        QVERIFY(routing::isOrthogonal(bent));
        QVERIFY(bent.size() > route.size());
        auto removed = routing::removeBendpoint(route, 1);
        QVERIFY(routing::isOrthogonal(removed));
        QCOMPARE(removed.front().x, 0.0);
        QCOMPARE(removed.back().x, 100.0);
        QCOMPARE(routing::simplify({{0, 0}, {10, 0}, {20, 0}, {20, 0}}).size(), std::size_t(2));
    }

    void snappingToGridAndNeighbours()
    {
        QCOMPARE(snapToGrid(14), 10.0);
        QCOMPARE(snapToGrid(15), 20.0);
        const Point d = snapDelta({103, 47, 100, 80}, {11, 9});
        QCOMPARE(d.x, 7.0);  // 103 + 11 = 114, on the grid 110
        QCOMPARE(d.y, 13.0); // 47 + 13 = 60
        const Bounds neighbours[] = {{300, 200, 36, 36}, {600, 600, 50, 50}};
        // The moving task's centre comes within 3 px of the event's centre (y = 218): it snaps.
        Snapped s = alignmentGuides({100, 100, 100, 80}, {0, 81}, neighbours);
        QCOMPARE(s.delta.y, 78.0); // 100 + 78 + 40 = 218
        QCOMPARE(s.guides.size(), std::size_t(1));
        QVERIFY(s.guides[0].axis == Axis::Horizontal);
        QCOMPARE(s.guides[0].position, 218.0);
        // Far from everyone: the grid decides.
        Snapped g = alignmentGuides({100, 100, 100, 80}, {33, 33}, neighbours);
        QVERIFY(g.guides.empty());
        QCOMPARE(g.delta.x, 30.0);
    }
};

RUNWAY_TEST_MAIN(TestModelingSequences, randomEditsUndoToTheStartAndRedoToTheEnd, miwgReferenceFilesAsStartingPoints,
                 routesAreOrthogonalAndDockOnSides, rerouteKeepsInnerBendPoints, waypointEditsStayOrthogonal,
                 snappingToGridAndNeighbours)
#ifndef RUNWAY_NO_QT
#include "tst_modeling_sequences.moc"
#endif
