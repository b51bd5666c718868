// Auto-layout: files without DI get a complete, valid diagram in which every flow node is drawn, no
// two shapes of one level overlap, and every route is orthogonal and docks on its shapes' borders.
#include "RunwayTest.h"
#include "runway/core/Semantics.h"
#include "runway/core/modeling/Layout.h"
#include "tst_modeling_fixtures.h"
#include "tst_modeling_support.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::modeling;

namespace {

bool isConnection(const Element* e)
{
    return e->type == BpmnType::SequenceFlow || e->type == BpmnType::MessageFlow || e->type == BpmnType::Association ||
           e->isA(BpmnType::DataAssociation);
}

/// What the layout got wrong, or empty.
std::string layoutProblems(const Document& doc, const Modeling& m)
{
    std::string out;
    std::map<const Element*, std::vector<std::pair<const Element*, di::Bounds>>> levels;
    for (Element* e : doc.allElements()) {
        const bool node = e->isA(BpmnType::FlowNode) || e->type == BpmnType::Participant ||
                          e->type == BpmnType::DataObjectReference || e->type == BpmnType::TextAnnotation;
        if (node) {
            auto b = di::bounds(doc.shapeFor(e->id()));
            if (!b) {
                out += std::string(e->id()) + " has no shape\n";
                continue;
            }
            if (e->type != BpmnType::BoundaryEvent)
                levels[e->parent].push_back({e, *b});
        }
        if (isConnection(e)) {
            auto [a, z] = m.ends(e);
            auto drawable = [](const Element* x) {
                return x && (x->isA(BpmnType::FlowNode) || x->type == BpmnType::Participant ||
                             x->type == BpmnType::DataObjectReference || x->type == BpmnType::DataStoreReference ||
                             x->type == BpmnType::TextAnnotation ||
                             ((x->type == BpmnType::DataInput || x->type == BpmnType::DataOutput) && x->parent &&
                              x->parent->parent && x->parent->parent->type == BpmnType::Process));
            };
            if (!drawable(a) || !drawable(z))
                continue; // e.g. to an activity's own data input, which no diagram draws
            auto pts = di::waypoints(m.edge(e));
            auto sa = di::bounds(doc.shapeFor(a ? a->id() : "")), sz = di::bounds(doc.shapeFor(z ? z->id() : ""));
            if (pts.size() < 2 || !sa || !sz)
                out += std::string(e->id()) + " is not drawn\n";
            else if (!routing::isOrthogonal(pts))
                out += std::string(e->id()) + " is not orthogonal\n";
            else if (!routing::onBorder(*sa, pts.front()) || !routing::onBorder(*sz, pts.back()))
                out += std::string(e->id()) + " does not dock on its shapes\n";
        }
        if (e->type == BpmnType::Lane) {
            auto lb = di::bounds(doc.shapeFor(e->id()));
            for (Element* r : e->children())
                if (r->local() == "flowNodeRef")
                    if (auto nb = di::bounds(doc.shapeFor(r->textContent())); nb && lb)
                        if (nb->y < lb->y || nb->y + nb->height > lb->y + lb->height)
                            out += r->textContent() + " lies outside its lane " + std::string(e->id()) + "\n";
        }
    }
    // A forward sequence flow (its target to the right of its source) is never drawn through a
    // node of its level: one that spans several layers goes around those in between.
    for (Element* f : doc.allElements()) {
        if (f->type != BpmnType::SequenceFlow)
            continue;
        auto [a, z] = m.ends(f);
        auto sa = di::bounds(doc.shapeFor(a ? a->id() : "")), sz = di::bounds(doc.shapeFor(z ? z->id() : ""));
        if (!sa || !sz || a->type == BpmnType::BoundaryEvent || sz->x <= sa->x + sa->width)
            continue;
        // Its name (wrapped to 90 units by the notation) fits between the two shapes.
        if (!f->name().empty() && sz->x - (sa->x + sa->width) < 110 - 0.5)
            out += std::string(f->id()) + " leaves no room for its name\n";
        const auto pts = di::waypoints(m.edge(f));
        for (const auto& [node, b] : levels[f->parent]) {
            if (node == a || node == z)
                continue;
            for (std::size_t i = 1; i < pts.size(); ++i) {
                const double x0 = std::min(pts[i - 1].x, pts[i].x), x1 = std::max(pts[i - 1].x, pts[i].x);
                const double y0 = std::min(pts[i - 1].y, pts[i].y), y1 = std::max(pts[i - 1].y, pts[i].y);
                if (x0 < b.x + b.width - 1 && b.x + 1 < x1 + 0.001 && y0 < b.y + b.height - 1 && b.y + 1 < y1 + 0.001) {
                    out += std::string(f->id()) + " is drawn through " + std::string(node->id()) + "\n";
                    break;
                }
            }
        }
    }
    for (const auto& [parent, shapes] : levels)
        for (std::size_t i = 0; i < shapes.size(); ++i)
            for (std::size_t j = i + 1; j < shapes.size(); ++j) {
                const auto &a = shapes[i].second, &b = shapes[j].second;
                if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
                    out +=
                        std::string(shapes[i].first->id()) + " overlaps " + std::string(shapes[j].first->id()) + "\n";
            }
    return out;
}

/// Removes every diagram, as a file without DI would come.
void stripDi(Document& doc)
{
    for (Element* d : doc.diagrams())
        doc.remove(d);
}

} // namespace

class TestModelingLayout : public QObject {
    Q_OBJECT
private slots:
    void laysOutAFileWithoutDi()
    {
        auto doc = BpmnReader::readBytes(kCollaboration, "collab.bpmn").document;
        QVERIFY(doc != nullptr);
        QVERIFY(!needsLayout(*doc));
        stripDi(*doc);
        QVERIFY(needsLayout(*doc));
        Modeling m(*doc);
        const std::string before = BpmnWriter::toString(*doc);
        Edit e = autoLayout(m);
        CHECK_EDIT(*doc, e, before);
        const std::string problems = layoutProblems(*doc, m);
        QVERIFY2(problems.empty(), problems.c_str());
        QVERIFY(!needsLayout(*doc));
        // Left to right: a node comes after what leads to it.
        auto x = [&](const char* id) { return di::bounds(doc->shapeFor(id))->x; };
        QVERIFY(x("SA") < x("TA"));
        QVERIFY(x("TA") < x("GA"));
        QVERIFY(x("GA") < x("T2"));
        QVERIFY(x("T2") < x("EA"));
        // Pools are stacked and hold their process.
        auto pa = *di::bounds(doc->shapeFor("PoolA")), pb = *di::bounds(doc->shapeFor("PoolB"));
        QVERIFY(pa.y + pa.height <= pb.y);
        auto tb = *di::bounds(doc->shapeFor("TB"));
        QVERIFY(tb.y > pb.y && tb.y + tb.height < pb.y + pb.height);
        // The sub-process is expanded around its contents.
        auto sp = *di::bounds(doc->shapeFor("SP")), spt = *di::bounds(doc->shapeFor("SPT"));
        QVERIFY(spt.x > sp.x && spt.x + spt.width < sp.x + sp.width && spt.y > sp.y &&
                spt.y + spt.height < sp.y + sp.height);
    }

    void layoutIsOneUndoStepOverExistingDi()
    {
        auto doc = BpmnReader::readBytes(kProcess, "p.bpmn").document;
        Modeling m(*doc);
        const std::string before = BpmnWriter::toString(*doc);
        CHECK_EDIT(*doc, autoLayout(m), before);
        QCOMPARE(doc->diagrams().size(), std::size_t(1));
        QVERIFY(layoutProblems(*doc, m).empty());
    }

    void lanesKeepTheirNodes()
    {
        auto doc = BpmnReader::readBytes(kProcess, "p.bpmn").document;
        Modeling m(*doc);
        Edit pool = m.createPool(doc->findById("P"));
        Edit lane = m.addLane(pool.element(), false);
        QVERIFY(pool.ok() && lane.ok());
        Element* t[] = {doc->findById("T")};
        auto lb = *di::bounds(doc->shapeFor(lane.element()->id()));
        QVERIFY(m.move(t, {0, lb.y + 20 - di::bounds(doc->shapeFor("T"))->y}).ok());
        stripDi(*doc);
        const std::string before = BpmnWriter::toString(*doc);
        CHECK_EDIT(*doc, autoLayout(m), before);
        const std::string problems = layoutProblems(*doc, m);
        QVERIFY2(problems.empty(), problems.c_str());
    }

    void corpusProcessesStrippedOfTheirDi()
    {
        RUNWAY_REQUIRE_CORPUS();
        int files = 0;
        for (const char* sub : {"miwg/reference", "bpmn-engine", "token-simulation"}) {
            const auto dir = std::filesystem::path(runway::test::corpusDir()) / sub;
            if (!std::filesystem::is_directory(dir))
                continue;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
                if (entry.path().extension() != ".bpmn")
                    continue;
                auto r = BpmnReader::readFile(entry.path().string());
                if (!r.ok())
                    continue;
                Document& doc = *r.document;
                const std::string name = entry.path().string();
                const bool validAtStart = files < 40 && runway::test::schemaProblems(doc).empty();
                stripDi(doc);
                Modeling m(doc);
                const std::string before = BpmnWriter::toString(doc);
                Edit e = autoLayout(m);
                QVERIFY2(e.ok() && !e.changes.empty(), name.c_str());
                const std::string problems = layoutProblems(doc, m);
                QVERIFY2(problems.empty(), (name + ":\n" + problems).c_str());
                if (validAtStart) {
                    const std::string xsd = runway::test::schemaProblems(doc);
                    QVERIFY2(xsd.empty(), (name + ": " + xsd).c_str());
                }
                doc.revert(e.changes);
                QVERIFY2(BpmnWriter::toString(doc) == before, name.c_str());
                ++files;
            }
        }
        QVERIFY(files >= 20);
    }
};

RUNWAY_TEST_MAIN(TestModelingLayout, laysOutAFileWithoutDi, layoutIsOneUndoStepOverExistingDi, lanesKeepTheirNodes,
                 corpusProcessesStrippedOfTheirDi)
#ifndef RUNWAY_NO_QT
#include "tst_modeling_layout.moc"
#endif
