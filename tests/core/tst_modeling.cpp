// The modeling facade: each operation is one undo step that keeps semantics and diagram in step;
// the result validates against the OMG schema, and undo and redo restore the bytes exactly.
#include "RunwayTest.h"
#include "runway/core/Semantics.h"
#include "tst_modeling_fixtures.h"
#include "tst_modeling_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::modeling;
using runway::test::boundsOf;

namespace {

struct Session {
    std::unique_ptr<Document> doc;
    std::unique_ptr<Modeling> m;
    explicit Session(const char* xml) : doc(BpmnReader::readBytes(xml, "fixture.bpmn").document)
    {
        if (doc)
            m = std::make_unique<Modeling>(*doc);
    }
    Element* operator()(std::string_view id) const { return doc->findById(id); }
    std::string bytes() const { return BpmnWriter::toString(*doc); }
};

bool startsWith(std::string_view s, std::string_view p)
{
    return s.substr(0, p.size()) == p;
}

/// The route of a flow is orthogonal and starts and ends on its elements' shapes.
bool routeFits(const Session& s, std::string_view flowId)
{
    Element* flow = s(flowId);
    auto [a, b] = s.m->ends(flow);
    auto pts = di::waypoints(s.m->edge(flow));
    auto sa = di::bounds(s.m->shape(a)), sb = di::bounds(s.m->shape(b));
    return sa && sb && routing::isOrthogonal(pts) && routing::onBorder(*sa, pts.front()) &&
           routing::onBorder(*sb, pts.back());
}

std::string childText(const Element* e, std::string_view local)
{
    std::string out;
    for (const Element* c : e->children())
        if (c->local() == local)
            out += c->textContent() + " ";
    return out;
}

} // namespace

class TestModeling : public QObject {
    Q_OBJECT
private slots:
    void createsEveryKindWithDefaultSizeAndPrefixedIds()
    {
        Session s(kProcess);
        QVERIFY(s.doc != nullptr);
        struct Case {
            TypeSpec spec;
            const char* prefix;
            double w, h;
        };
        const Case cases[] = {
            {{BpmnType::Task}, "Activity_", 100, 80},
            {{BpmnType::UserTask}, "Activity_", 100, 80},
            {{BpmnType::SubProcess, BpmnType::Count, std::nullopt, true}, "Activity_", 350, 200},
            {{BpmnType::CallActivity}, "Activity_", 100, 80},
            {{BpmnType::StartEvent, BpmnType::TimerEventDefinition}, "Event_", 36, 36},
            {{BpmnType::IntermediateCatchEvent, BpmnType::MessageEventDefinition}, "Event_", 36, 36},
            {{BpmnType::EndEvent, BpmnType::TerminateEventDefinition}, "Event_", 36, 36},
            {{BpmnType::ExclusiveGateway}, "Gateway_", 50, 50},
            {{BpmnType::EventBasedGateway}, "Gateway_", 50, 50},
            {{BpmnType::DataObjectReference}, "DataObjectReference_", 36, 50},
            {{BpmnType::DataStoreReference}, "DataStoreReference_", 50, 50},
            {{BpmnType::TextAnnotation}, "TextAnnotation_", 100, 30},
        };
        double y = 300;
        for (const Case& c : cases) {
            const std::string before = s.bytes();
            Edit e = s.m->create(c.spec, s("P"), {500, y});
            CHECK_EDIT(*s.doc, e, before);
            Element* el = e.element();
            QVERIFY(el != nullptr && el->type == c.spec.type);
            QVERIFY2(startsWith(el->id(), c.prefix), std::string(el->id()).c_str());
            QCOMPARE(el->id().size(), std::string_view(c.prefix).size() + 7);
            const auto b = boundsOf(*s.doc, el->id());
            QCOMPARE(b.width, c.w);
            QCOMPARE(b.height, c.h);
            QCOMPARE(b.x + b.width / 2, 500.0);
            QCOMPARE(b.y + b.height / 2, y);
            if (c.spec.eventDefinition != BpmnType::Count)
                QVERIFY(eventDefinitionOf(el) == c.spec.eventDefinition);
            y += 250;
        }
    }

    void refusesWhatTheRulesDeny()
    {
        Session s(kCollaboration);
        const std::string before = s.bytes();
        Edit e = s.m->create({BpmnType::Task}, s("PoolC"), {300, 900});
        QVERIFY(!e.ok());
        QVERIFY(e.error.find("black-box") != std::string::npos);
        Edit noTrigger = s.m->create({BpmnType::IntermediateCatchEvent}, s("PoolA"), {300, 450});
        QVERIFY(!noTrigger.ok());
        Edit wrong = s.m->connect(s("EA"), s("T2"));
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.changes.empty());
        QCOMPARE(s.bytes(), before);
    }

    void appendPlacesBesideAndConnects()
    {
        Session s(kProcess);
        const std::string before = s.bytes();
        Edit e = s.m->append(s("T"), {BpmnType::UserTask});
        CHECK_EDIT(*s.doc, e, before);
        QCOMPARE(e.created.size(), std::size_t(2));
        Element* task = e.created[0];
        Element* flow = e.created[1];
        QCOMPARE(flow->attr("sourceRef"), std::string_view("T"));
        QCOMPARE(flow->attr("targetRef"), task->id());
        QVERIFY(childText(s("T"), "outgoing").find(std::string(flow->id())) != std::string::npos);
        QVERIFY(childText(task, "incoming").find(std::string(flow->id())) != std::string::npos);
        const auto tb = boundsOf(*s.doc, task->id()), eb = boundsOf(*s.doc, "E");
        QVERIFY(tb.x >= 370 + 50 - 0.5);
        const bool overlap =
            tb.x < eb.x + eb.width && eb.x < tb.x + tb.width && tb.y < eb.y + eb.height && eb.y < tb.y + tb.height;
        QVERIFY(!overlap);
        QVERIFY(routeFits(s, flow->id()));
    }

    void connectsEveryFlowType()
    {
        Session s(kCollaboration);
        struct Case {
            const char *from, *to;
            FlowType type;
            BpmnType expect;
        };
        const Case cases[] = {
            {"T2", "RT", FlowType::Sequence, BpmnType::SequenceFlow},
            {"TA", "PoolC", FlowType::Message, BpmnType::MessageFlow},
            {"AN", "T2", FlowType::Association, BpmnType::Association},
            {"DO", "T2", FlowType::DataInput, BpmnType::DataInputAssociation},
            {"T2", "DO", FlowType::DataOutput, BpmnType::DataOutputAssociation},
            {"EB", "NE", FlowType::None, BpmnType::SequenceFlow},
        };
        for (const Case& c : cases) {
            const std::string before = s.bytes();
            Edit e = s.m->connect(s(c.from), s(c.to), c.type);
            CHECK_EDIT(*s.doc, e, before);
            QVERIFY(e.element()->type == c.expect);
            auto [a, b] = s.m->ends(e.element());
            QVERIFY(a == s(c.from) && b == s(c.to));
            QVERIFY2(routeFits(s, e.element()->id()), c.from);
        }
    }

    void moveTakesBoundaryEventsAndReroutes()
    {
        Session s(kCollaboration);
        const std::string before = s.bytes();
        const auto ta = boundsOf(*s.doc, "TA"), ba = boundsOf(*s.doc, "BA"), an = boundsOf(*s.doc, "AN");
        Element* sel[] = {s("TA")};
        Edit e = s.m->move(sel, {20, 40});
        CHECK_EDIT(*s.doc, e, before);
        QCOMPARE(boundsOf(*s.doc, "TA").x, ta.x + 20);
        QCOMPARE(boundsOf(*s.doc, "TA").y, ta.y + 40);
        QCOMPARE(boundsOf(*s.doc, "BA").x, ba.x + 20);
        QCOMPARE(boundsOf(*s.doc, "BA").y, ba.y + 40);
        QCOMPARE(boundsOf(*s.doc, "AN").x, an.x); // connected, not contained: it stays
        for (const char* flow : {"F1", "F2", "F8", "M1", "A1", "A2"})
            QVERIFY2(routeFits(s, flow), flow);
        // Moving an element alone twice is two undo steps; undoing both gives the start back.
        Edit again = s.m->move(sel, {-20, -40});
        QVERIFY(again.ok());
        s.doc->revert(again.changes);
        s.doc->revert(e.changes);
        QCOMPARE(s.bytes(), before);
    }

    void moveCarriesContainerContents()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        const auto sps = boundsOf(*s.doc, "SPS");
        const auto spf = di::waypoints(s.m->edge(s("SPF")));
        Element* sp[] = {s("SP")};
        Edit e = s.m->move(sp, {10, 20});
        CHECK_EDIT(*s.doc, e, before);
        QCOMPARE(boundsOf(*s.doc, "SPS").x, sps.x + 10);
        QCOMPARE(boundsOf(*s.doc, "SPS").y, sps.y + 20);
        const auto moved = di::waypoints(s.m->edge(s("SPF")));
        QCOMPARE(moved.size(), spf.size());
        QCOMPARE(moved.front().x, spf.front().x + 10);
        QCOMPARE(moved.back().y, spf.back().y + 20);

        before = s.bytes();
        const auto tb = boundsOf(*s.doc, "TB");
        Element* pool[] = {s("PoolB")};
        Edit p = s.m->move(pool, {0, 50});
        CHECK_EDIT(*s.doc, p, before);
        QCOMPARE(boundsOf(*s.doc, "TB").y, tb.y + 50);
        QVERIFY(routeFits(s, "M1"));
        QVERIFY(routeFits(s, "FB1"));
    }

    void moveIntoAnotherContainerCutsCrossingFlows()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        const auto sp = boundsOf(*s.doc, "SP"), t2 = boundsOf(*s.doc, "T2");
        Element* t2sel[] = {s("T2")};
        const Point into{sp.x + 200 - t2.x, sp.y + 100 - t2.y};
        Edit e = s.m->moveInto(t2sel, s("SP"), into);
        CHECK_EDIT(*s.doc, e, before);
        QVERIFY(s("T2")->parent == s("SP"));
        QVERIFY(s("F3") == nullptr && s("F4") == nullptr); // they would cross process levels
        QVERIFY(!s("GA")->hasAttr("default"));
        QCOMPARE(boundsOf(*s.doc, "T2").x, sp.x + 200);

        before = s.bytes();
        Element* ta[] = {s("TA")};
        Edit p = s.m->moveInto(ta, s("PoolB"), {0, 560});
        CHECK_EDIT(*s.doc, p, before);
        QVERIFY(s("TA")->parent == s("PB"));
        QVERIFY(s("BA")->parent == s("PB")); // its boundary events come along
        for (const char* gone : {"F1", "F2", "M1", "F8", "A1", "A2"})
            QVERIFY2(s(gone) == nullptr, gone);
        QVERIFY(!s.m->moveInto(t2sel, s("PoolC"), {0, 0}).ok());
    }

    void resizeKeepsBoundaryEventsOnTheBorder()
    {
        Session s(kCollaboration);
        const std::string before = s.bytes();
        const auto ta = boundsOf(*s.doc, "TA");
        Edit e = s.m->resize(s("TA"), {ta.x, ta.y, 200, 120});
        CHECK_EDIT(*s.doc, e, before);
        const auto ba = boundsOf(*s.doc, "BA");
        QVERIFY(routing::onBorder({ta.x, ta.y, 200, 120}, {ba.x + ba.width / 2, ba.y + ba.height / 2}));
        QVERIFY(routeFits(s, "F2"));
        QVERIFY(!s.m->resize(s("TA"), {0, 0, 0, 10}).ok());
    }

    void deleteTakesConnectionsBoundaryEventsAndDi()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        Element* ta[] = {s("TA")};
        Edit e = s.m->remove(ta);
        CHECK_EDIT(*s.doc, e, before);
        for (const char* gone : {"TA", "F1", "F2", "M1", "A1", "BA", "BC", "F8", "A2", "BA_t"})
            QVERIFY2(s(gone) == nullptr, gone);
        for (const char* gone : {"TA", "F1", "BA", "M1"})
            QVERIFY2(s.doc->diFor(gone).empty(), gone);
        QVERIFY(childText(s("SA"), "outgoing").empty());
        QVERIFY(childText(s("GA"), "incoming").empty());
        QVERIFY(childText(s("EB"), "incoming").find("F8") == std::string::npos);
        QCOMPARE(s("GA")->attr("default"), std::string_view("F3"));

        before = s.bytes();
        Element* sp[] = {s("SP")};
        CHECK_EDIT(*s.doc, s.m->remove(sp), before);
        QVERIFY(s.doc->shapeFor("SPS") == nullptr);
        QVERIFY(s.doc->diFor("SPF").empty());

        before = s.bytes();
        Element* pool[] = {s("PoolB")};
        CHECK_EDIT(*s.doc, s.m->remove(pool), before);
        QVERIFY(s("PB") == nullptr);
        QVERIFY(s.doc->shapeFor("TB") == nullptr);

        before = s.bytes();
        Element* f3[] = {s("F3")};
        CHECK_EDIT(*s.doc, s.m->remove(f3), before);
        QVERIFY(!s("GA")->hasAttr("default"));
    }

    void changeTypeKeepsIdNameFlowsAndDi()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        const auto ta = boundsOf(*s.doc, "TA");
        Edit e = s.m->changeType(s("TA"), {BpmnType::UserTask});
        CHECK_EDIT(*s.doc, e, before);
        Element* user = s("TA");
        QVERIFY(user->type == BpmnType::UserTask);
        QCOMPARE(user->name(), std::string_view("Take order"));
        QCOMPARE(childText(user, "incoming"), std::string("F1 "));
        QVERIFY(boundsOf(*s.doc, "TA") == ta);
        QVERIFY(sem::boundaryEvents(*s.doc, user).size() == 2);

        before = s.bytes();
        CHECK_EDIT(*s.doc,
                   s.m->changeType(s("CT"), {BpmnType::IntermediateCatchEvent, BpmnType::MessageEventDefinition}),
                   before);
        QVERIFY(s("CT_t") == nullptr);
        QVERIFY(eventDefinitionOf(s("CT")) == BpmnType::MessageEventDefinition);

        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->changeType(s("GA"), {BpmnType::InclusiveGateway}), before);
        QCOMPARE(s("GA")->attr("default"), std::string_view("F3"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->changeType(s("GA"), {BpmnType::ParallelGateway}), before);
        QVERIFY(!s("GA")->hasAttr("default")); // a parallel gateway has no default flow

        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->changeType(s("BA"), {BpmnType::BoundaryEvent, BpmnType::MessageEventDefinition, false}),
                   before);
        QCOMPARE(s("BA")->attr("cancelActivity"), std::string_view("false"));
        QCOMPARE(s("BA")->attr("attachedToRef"), std::string_view("TA"));

        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->changeType(s("ESS"), {BpmnType::StartEvent, BpmnType::SignalEventDefinition}), before);
        QCOMPARE(s("ESS")->attr("isInterrupting"), std::string_view("false")); // kept when not asked to change
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->changeType(s("SA"), {BpmnType::StartEvent, BpmnType::TimerEventDefinition}), before);
        QVERIFY(!s.m->changeType(s("SP"), {BpmnType::Task}).ok());
    }

    void subProcessCollapsesAndExpands()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        const auto sp = boundsOf(*s.doc, "SP");
        CHECK_EDIT(*s.doc, s.m->changeType(s("SP"), {BpmnType::SubProcess, BpmnType::Count, std::nullopt, false}),
                   before);
        QCOMPARE(boundsOf(*s.doc, "SP").width, 100.0);
        Element* spsShape = s.doc->shapeFor("SPS");
        QVERIFY(spsShape != nullptr);
        QCOMPARE(spsShape->parent->attr("bpmnElement"), std::string_view("SP"));
        QCOMPARE(s.doc->diagrams().size(), std::size_t(2));

        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->changeType(s("SP"), {BpmnType::SubProcess, BpmnType::Count, std::nullopt, true}),
                   before);
        QCOMPARE(s.doc->diagrams().size(), std::size_t(1));
        const auto expanded = boundsOf(*s.doc, "SP"), sps = boundsOf(*s.doc, "SPS");
        QCOMPARE(expanded.x, sp.x);
        QVERIFY(sps.x > expanded.x && sps.x + sps.width < expanded.x + expanded.width);
        QVERIFY(sps.y > expanded.y && sps.y + sps.height < expanded.y + expanded.height);
        QVERIFY(routeFits(s, "SPF"));
    }

    void attachAndDetachBoundaryEvents()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        const auto t2 = boundsOf(*s.doc, "T2");
        Edit e = s.m->attach(s("NE"), s("T2"), {t2.x + 50, t2.y + t2.height + 5});
        CHECK_EDIT(*s.doc, e, before);
        QVERIFY(s("NE")->type == BpmnType::BoundaryEvent);
        QCOMPARE(s("NE")->attr("attachedToRef"), std::string_view("T2"));
        const auto ne = boundsOf(*s.doc, "NE");
        QCOMPARE(ne.y + ne.height / 2, t2.y + t2.height);
        // It now moves with its activity.
        Element* sel[] = {s("T2")};
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->move(sel, {0, 10}), before);
        QCOMPARE(boundsOf(*s.doc, "NE").y, ne.y + 10);

        before = s.bytes();
        Edit d = s.m->detach(s("BA"), {250, 470});
        CHECK_EDIT(*s.doc, d, before);
        QVERIFY(s("BA")->type == BpmnType::IntermediateCatchEvent);
        QVERIFY(!s("BA")->hasAttr("attachedToRef"));
        QVERIFY(eventDefinitionOf(s("BA")) == BpmnType::TimerEventDefinition);
        QVERIFY(routeFits(s, "F8"));
        QVERIFY(!s.m->attach(s("SA"), s("T2"), {0, 0}).ok());
    }

    void setsProperties()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setName(s("GA"), "Paid?"), before);
        QCOMPARE(s("GA")->name(), std::string_view("Paid?"));
        QVERIFY(di::labelBounds(s.doc->shapeFor("GA")).has_value());
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setName(s("AN"), "Orders arrive by phone"), before);
        QCOMPARE(s("AN")->childOfType(BpmnType::Text)->textContent(), std::string("Orders arrive by phone"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setDocumentation(s("T2"), "Hand over to the courier."), before);
        QCOMPARE(sem::documentation(s("T2")), std::string("Hand over to the courier."));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setTimer(s("CT"), TimerKind::Cycle, "R3/PT1H"), before);
        QCOMPARE(s("CT_t")->child(Ns::Model, "timeCycle")->textContent(), std::string("R3/PT1H"));
        QVERIFY(s("CT_t")->child(Ns::Model, "timeDuration") == nullptr);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setCondition(s("F5"), "=amount > 100"), before);
        QCOMPARE(s("F5")->child(Ns::Model, "conditionExpression")->textContent(), std::string("=amount > 100"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setDefaultFlow(s("GA"), s("F5")), before);
        QCOMPARE(s("GA")->attr("default"), std::string_view("F5"));
        QVERIFY(s("F5")->child(Ns::Model, "conditionExpression") == nullptr);
        QVERIFY(!s.m->setCondition(s("F5"), "=x").ok()); // the default flow has no condition
        QVERIFY(!s.m->setCondition(s("F6"), "=x").ok()); // nor a flow out of an event-based gateway
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setInterrupting(s("BA"), false), before);
        QCOMPARE(s("BA")->attr("cancelActivity"), std::string_view("false"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoop(s("T2"), LoopKind::Sequential), before);
        QCOMPARE(s("T2")->childOfType(BpmnType::MultiInstanceLoopCharacteristics)->attr("isSequential"),
                 std::string_view("true"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoop(s("T2"), LoopKind::Standard), before);
        QVERIFY(s("T2")->childOfType(BpmnType::MultiInstanceLoopCharacteristics) == nullptr);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setEventRef(s("CM"), "Payment"), before);
        Element* message = s.doc->resolve(s("CM_m")->attr("messageRef"));
        QVERIFY(message && message->type == BpmnType::Message);
        QCOMPARE(message->name(), std::string_view("Payment"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setEventRef(s("NE"), "Payment"), before);
        QCOMPARE(s("NE_m")->attr("messageRef"), message->id()); // found by name, not created twice
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setAttribute(s("T2"), "name", "Ship parcel"), before);
        QVERIFY(!s.m->setAttribute(s("T2"), "id", "X").ok());
        QVERIFY(!s.m->setCalledElement(s("T2"), "PB").ok());
        QVERIFY(!s.m->setTimer(s("CM"), TimerKind::Date, "2026-01-01T00:00:00Z").ok());
    }

    void copyPasteKeepsInternalFlowsWithFreshIds()
    {
        Session s(kCollaboration);
        const std::string before = s.bytes();
        Element* sel[] = {s("TA"), s("GA"), s("T2")};
        Clipboard clip = s.m->copy(sel);
        QCOMPARE(clip.semantic.size(), std::size_t(7)); // TA, its 2 boundary events, GA, T2, F2, F3
        Edit e = s.m->paste(clip, s("PoolA"), {0, 330});
        CHECK_EDIT(*s.doc, e, before);
        QCOMPARE(e.created.size(), std::size_t(7));
        int flows = 0;
        for (Element* c : e.created) {
            QVERIFY(s.doc->shapeFor(c->id()) != nullptr || c->type == BpmnType::SequenceFlow);
            for (const char* old : {"TA", "GA", "T2", "F2", "F3", "BA", "BC"})
                QVERIFY(c->id() != std::string_view(old));
            if (c->type == BpmnType::SequenceFlow) {
                ++flows;
                QVERIFY(s.m->edge(c) != nullptr);
                auto [a, b] = s.m->ends(c);
                QVERIFY(a && b);
                QVERIFY(std::find(e.created.begin(), e.created.end(), a) != e.created.end());
                QVERIFY(std::find(e.created.begin(), e.created.end(), b) != e.created.end());
            }
            if (c->type == BpmnType::Task && c->name() == "Take order") {
                QVERIFY(childText(c, "incoming").empty()); // F1 came from outside: not copied
                QCOMPARE(childText(c, "outgoing").size(), std::string("Flow_0000000 ").size());
            }
            if (c->type == BpmnType::ExclusiveGateway) {
                Element* def = s.doc->findById(c->attr("default"));
                QVERIFY(def && std::find(e.created.begin(), e.created.end(), def) != e.created.end());
            }
        }
        QCOMPARE(flows, 2);
        const auto orig = boundsOf(*s.doc, "T2");
        Element* t2copy = nullptr;
        for (Element* c : e.created)
            if (c->name() == "Ship")
                t2copy = c;
        QVERIFY(t2copy != nullptr);
        QCOMPARE(boundsOf(*s.doc, t2copy->id()).y, orig.y + 330);

        const std::string mid = s.bytes();
        Element* one[] = {s("RT")};
        Edit d = s.m->duplicate(one);
        CHECK_EDIT(*s.doc, d, mid);
        QCOMPARE(d.element()->name(), std::string_view("Wait for payment"));
        QCOMPARE(boundsOf(*s.doc, d.element()->id()).x, boundsOf(*s.doc, "RT").x + 30);
    }

    void alignsAndDistributes()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        Element* sel[] = {s("TA"), s("IT"), s("NE")};
        CHECK_EDIT(*s.doc, s.m->align(sel, Alignment::Right), before);
        const auto right = [&](const char* id) {
            auto b = boundsOf(*s.doc, id);
            return b.x + b.width;
        };
        QCOMPARE(right("TA"), right("IT"));
        QCOMPARE(right("IT"), right("NE"));
        QCOMPARE(right("NE"), 380.0);
        before = s.bytes();
        Element* column[] = {s("SA"), s("TA"), s("GA"), s("CT")};
        CHECK_EDIT(*s.doc, s.m->align(column, Alignment::Middle), before);
        const auto mid = [&](const char* id) {
            auto b = boundsOf(*s.doc, id);
            return b.y + b.height / 2;
        };
        QCOMPARE(mid("SA"), mid("CT"));
        QCOMPARE(mid("TA"), (98.0 + 273.0) / 2);
        QVERIFY(routeFits(s, "F1"));
        QVERIFY(routeFits(s, "F6"));
        Element* row[] = {s("SA"), s("TA"), s("GA"), s("T2")};
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->distribute(row, Axis::Horizontal), before);
        const auto gap = [&](const char* a, const char* b) {
            return boundsOf(*s.doc, b).x - (boundsOf(*s.doc, a).x + boundsOf(*s.doc, a).width);
        };
        QVERIFY(std::abs(gap("SA", "TA") - gap("TA", "GA")) < 1e-6);
        QVERIFY(std::abs(gap("TA", "GA") - gap("GA", "T2")) < 1e-6);
        QVERIFY(!s.m->distribute(std::span<Element* const>(row, 2), Axis::Horizontal).ok());
    }

    void poolsAroundProcesses()
    {
        for (bool horizontal : {true, false}) {
            Session s(kProcess);
            const std::string before = s.bytes();
            Edit e = s.m->createPool(s("P"), horizontal);
            CHECK_EDIT(*s.doc, e, before);
            Element* pool = e.element();
            QVERIFY(pool->type == BpmnType::Participant);
            QVERIFY(sem::processOf(*s.doc, pool) == s("P"));
            QCOMPARE(s.doc->shapeFor(pool->id())->attr("isHorizontal"),
                     std::string_view(horizontal ? "true" : "false"));
            QCOMPARE(s("Plane")->attr("bpmnElement"), pool->parent->id());
            const auto pb = boundsOf(*s.doc, pool->id());
            for (const char* id : {"S", "T", "E"}) {
                const auto b = boundsOf(*s.doc, id);
                QVERIFY(b.x > pb.x && b.x + b.width < pb.x + pb.width && b.y > pb.y &&
                        b.y + b.height < pb.y + pb.height);
            }
            QVERIFY(!s.m->createPool(s("P")).ok());
        }
    }

    void lanesHoldTheirElements()
    {
        Session s(kProcess);
        Edit pool = s.m->createPool(s("P"));
        QVERIFY(pool.ok());
        Element* participant = pool.element();
        const auto pb = boundsOf(*s.doc, participant->id());
        std::string before = s.bytes();
        Edit e = s.m->addLane(participant, false);
        CHECK_EDIT(*s.doc, e, before);
        QCOMPARE(e.created.size(), std::size_t(2)); // the new lane, and the one holding what was there
        Element* lower = e.created[0];
        Element* upper = e.created[1];
        QCOMPARE(childText(upper, "flowNodeRef"), std::string("S T E "));
        QVERIFY(childText(lower, "flowNodeRef").empty());
        QCOMPARE(boundsOf(*s.doc, participant->id()).height, pb.height + 120);
        // Elements follow their lane: moving T into the new lane moves its reference.
        const auto lb = boundsOf(*s.doc, lower->id());
        const auto tb = boundsOf(*s.doc, "T");
        Element* t[] = {s("T")};
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->move(t, {0, lb.y + lb.height / 2 - (tb.y + tb.height / 2)}), before);
        QCOMPARE(childText(lower, "flowNodeRef"), std::string("T "));
        QCOMPARE(childText(upper, "flowNodeRef"), std::string("S E "));
        // A lane above the first one pushes everything below it down.
        before = s.bytes();
        const auto sb = boundsOf(*s.doc, "S");
        Edit above = s.m->addLane(upper, true);
        CHECK_EDIT(*s.doc, above, before);
        QCOMPARE(boundsOf(*s.doc, "S").y, sb.y + 120);
        QCOMPARE(childText(upper, "flowNodeRef"), std::string("S E "));
        QVERIFY(childText(above.element(), "flowNodeRef").empty());
        QVERIFY(routeFits(s, "F1"));
        // Resizing the pool keeps every element in its lane.
        before = s.bytes();
        const auto now = boundsOf(*s.doc, participant->id());
        CHECK_EDIT(*s.doc, s.m->resize(participant, {now.x, now.y, now.width + 100, now.height}), before);
        QCOMPARE(childText(lower, "flowNodeRef"), std::string("T "));
    }

    void editsRoutes()
    {
        Session s(kCollaboration);
        std::string before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->moveSegment(s("F7"), 1, 15), before);
        auto f7 = di::waypoints(s.m->edge(s("F7")));
        QVERIFY(routing::isOrthogonal(f7));
        QCOMPARE(f7.back().y, 325.0 + 15);
        QVERIFY(routeFits(s, "F7")); // the end slid along CM's left side
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->moveSegment(s("F7"), 1, 40), before); // off CM's side: an elbow keeps the end
        QVERIFY(routeFits(s, "F7"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->addBendpoint(s("F3"), 0, {505, 160}), before);
        auto f3 = di::waypoints(s.m->edge(s("F3")));
        QVERIFY(f3.size() > 2);
        QVERIFY(routing::isOrthogonal(f3));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->removeBendpoint(s("F3"), 1), before);
        QVERIFY(routing::isOrthogonal(di::waypoints(s.m->edge(s("F3")))));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->reconnect(s("F3"), s("RT"), false), before);
        QCOMPARE(s("F3")->attr("targetRef"), std::string_view("RT"));
        QCOMPARE(childText(s("RT"), "incoming"), std::string("F3 "));
        QVERIFY(childText(s("T2"), "incoming").empty());
        QVERIFY(routeFits(s, "F3"));
        QVERIFY(!s.m->reconnect(s("F3"), s("SA"), false).ok());
    }
};

RUNWAY_TEST_MAIN(TestModeling, createsEveryKindWithDefaultSizeAndPrefixedIds, refusesWhatTheRulesDeny,
                 appendPlacesBesideAndConnects, connectsEveryFlowType, moveTakesBoundaryEventsAndReroutes,
                 moveCarriesContainerContents, moveIntoAnotherContainerCutsCrossingFlows,
                 resizeKeepsBoundaryEventsOnTheBorder, deleteTakesConnectionsBoundaryEventsAndDi,
                 changeTypeKeepsIdNameFlowsAndDi, subProcessCollapsesAndExpands, attachAndDetachBoundaryEvents,
                 setsProperties, copyPasteKeepsInternalFlowsWithFreshIds, alignsAndDistributes, poolsAroundProcesses,
                 lanesHoldTheirElements, editsRoutes)
#ifndef RUNWAY_NO_QT
#include "tst_modeling.moc"
#endif
