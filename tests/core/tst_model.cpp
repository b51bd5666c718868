// Reading the model through its typed helpers: semantics (processes, flows, events) and DI
// (bounds, waypoints, labels, flags, several diagrams).
#include "RunwayTest.h"
#include "tst_model_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/Di.h"
#include "runway/core/Semantics.h"

#include <string>

using namespace runway::core;

namespace {


} // namespace

class TestModel : public QObject {
    Q_OBJECT
private slots:
    void semantics()
    {
        auto r = BpmnReader::readBytes(kModel, "m.bpmn");
        QVERIFY(r.ok());
        const Document& d = *r.document;
        auto ps = sem::processes(d);
        QCOMPARE(ps.size(), std::size_t(1));
        QCOMPARE(sem::documentation(ps[0]), std::string("Checks passengers in."));
        QCOMPARE(sem::flowNodes(ps[0]).size(), std::size_t(4));
        QCOMPARE(sem::flowElements(ps[0]).size(), std::size_t(6));
        Element* t = d.findById("T");
        QCOMPARE(sem::outgoing(d, t).size(), std::size_t(1));
        QCOMPARE(sem::outgoing(d, t)[0]->id(), std::string_view("F2"));
        QCOMPARE(sem::incoming(d, t)[0]->id(), std::string_view("F1"));
        auto bs = sem::boundaryEvents(d, t);
        QCOMPARE(bs.size(), std::size_t(1));
        QVERIFY(!bs[0]->boolAttr("cancelActivity"));
        QVERIFY(d.findById("S")->boolAttr("isInterrupting")); // schema default: true
        QVERIFY(sem::eventDefinitions(bs[0])[0]->type == BpmnType::TimerEventDefinition);
        auto defs = sem::eventDefinitions(d.findById("E"));
        QCOMPARE(defs.size(), std::size_t(2)); // a multiple end event
        QVERIFY(defs[0]->type == BpmnType::ErrorEventDefinition);
        QVERIFY(defs[1]->type == BpmnType::MessageEventDefinition);
    }

    void diagramInterchange()
    {
        auto r = BpmnReader::readBytes(kModel, "m.bpmn");
        const Document& d = *r.document;
        auto diagrams = d.diagrams();
        QCOMPARE(diagrams.size(), std::size_t(1));
        QCOMPARE(di::planeElement(d, diagrams[0]), d.findById("P"));
        QCOMPARE(di::diagramElements(di::plane(diagrams[0])).size(), std::size_t(3));
        auto b = di::bounds(d.shapeFor("T"));
        QVERIFY(b.has_value());
        QCOMPARE(*b, (di::Bounds{100.5, 80, 100, 80}));
        QCOMPARE(*di::labelBounds(d.shapeFor("T")), (di::Bounds{1, 2, 3, 4}));
        QVERIFY(!di::bounds(d.shapeFor("E")).has_value()); // height is not a number
        QCOMPARE(di::waypoints(d.diFor("F2")[0]).size(), std::size_t(3));
        QCOMPARE(di::waypoints(d.diFor("F2")[0])[1], (di::Point{250, 120}));
        QCOMPARE(di::flag(d.shapeFor("T"), "isExpanded"), std::optional<bool>(true));
        QVERIFY(!di::flag(d.shapeFor("T"), "isHorizontal").has_value());
    }

    void corpusDiagrams()
    {
        RUNWAY_REQUIRE_CORPUS();
        const std::string ref = runway::test::corpusDir() + "/miwg/reference/";
        // C.4.0 holds four diagrams, each showing a different process or collaboration.
        auto c4 = BpmnReader::readFile(ref + "C.4.0.bpmn");
        QVERIFY(c4.ok());
        auto diagrams = c4.document->diagrams();
        QCOMPARE(diagrams.size(), std::size_t(4));
        for (Element* dg : diagrams) {
            QVERIFY(di::planeElement(*c4.document, dg) != nullptr);
            QVERIFY(!di::diagramElements(di::plane(dg)).empty());
        }
        // A.4.1 lays its pools out vertically.
        auto a41 = BpmnReader::readFile(ref + "A.4.1.bpmn");
        QVERIFY(a41.ok());
        int vertical = 0;
        for (Element* p : sem::participants(*a41.document)) {
            QVERIFY(sem::processOf(*a41.document, p) != nullptr);
            if (di::flag(a41.document->shapeFor(p->id()), "isHorizontal") == std::optional<bool>(false))
                ++vertical;
        }
        QVERIFY(vertical >= 1);
        // Every shape and edge of B.2.0 has geometry.
        auto b2 = BpmnReader::readFile(ref + "B.2.0.bpmn");
        for (Element* e : di::diagramElements(di::plane(b2.document->diagrams()[0]))) {
            if (e->type == BpmnType::BPMNShape)
                QVERIFY2(di::bounds(e).has_value(), std::string(e->id()).c_str());
            else
                QVERIFY2(di::waypoints(e).size() >= 2, std::string(e->id()).c_str());
        }
    }
};

RUNWAY_TEST_MAIN(TestModel, semantics, diagramInterchange, corpusDiagrams)
#ifndef RUNWAY_NO_QT
#include "tst_model.moc"
#endif
