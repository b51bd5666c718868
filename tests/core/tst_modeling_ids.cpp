// Modeling::setId: a new id renames every reference to the old one in one undo step, and an id
// that is not a valid NCName or is already used is refused with a sentence, changing nothing.
#include "RunwayTest.h"
#include "runway/core/Semantics.h"
#include "tst_modeling_ids_fixtures.h"
#include "tst_modeling_support.h"

#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::modeling;

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

std::string S(std::string_view s)
{
    return std::string(s);
}

/// The text of the children named local of the element with that id, joined by spaces.
std::string refs(const Session& s, std::string_view id, std::string_view local)
{
    std::string out;
    for (const Element* c : s(id)->children())
        if (c->local() == local)
            out += (out.empty() ? "" : " ") + c->textContent();
    return out;
}

std::size_t count(const std::string& hay, const std::string& needle)
{
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1))
        ++n;
    return n;
}

} // namespace

class TestModelingIds : public QObject {
    Q_OBJECT
private slots:
    void renameUpdatesEveryReference()
    {
        Session s(kIds);
        QVERIFY(s.doc);
        const std::string before = s.bytes();
        QCOMPARE(count(before, "\"T1\"") + count(before, ">T1<"), std::size_t(7));
        Element* task = s("T1");
        const Edit e = s.m->setId(task, "Task_TakeOrder");
        QVERIFY2(e.ok(), e.error.c_str());
        QCOMPARE(S(task->id()), S("Task_TakeOrder"));
        QCOMPARE(s.doc->findById("Task_TakeOrder"), task);
        QVERIFY(!s("T1"));
        QCOMPARE(S(s("F1")->attr("targetRef")), S("Task_TakeOrder"));
        QCOMPARE(S(s("F2")->attr("sourceRef")), S("Task_TakeOrder"));
        QCOMPARE(S(s("B1")->attr("attachedToRef")), S("Task_TakeOrder"));
        QCOMPARE(S(s("A1")->attr("targetRef")), S("Task_TakeOrder"));
        QCOMPARE(refs(s, "L1", "flowNodeRef"), S("S Task_TakeOrder B1"));
        QCOMPARE(S(s("T1_di")->attr("bpmnElement")), S("Task_TakeOrder"));
        QCOMPARE(s.doc->shapeFor("Task_TakeOrder"), s("T1_di"));
        // The flows' own lists are untouched; the facade finds the task's connections by its new id.
        QCOMPARE(refs(s, "Task_TakeOrder", "incoming"), S("F1"));
        QCOMPARE(s.m->connectionsOf(task).size(), std::size_t(4)); // F1, F2, A1, DA
        QCOMPARE(s.m->boundaryEventsOf(task).size(), std::size_t(1));
        // No reference to the old id is left anywhere.
        const std::string after = s.bytes();
        QCOMPARE(count(after, "\"T1\"") + count(after, ">T1<"), std::size_t(0));
        QCOMPARE(count(after, "Task_TakeOrder"), std::size_t(7));
        CHECK_EDIT(*s.doc, e, before);
    }

    void renameFlowsAndRootElements()
    {
        Session s(kIds);
        const std::string before = s.bytes();
        // A flow: incoming/outgoing of both ends, a gateway's default, its edge.
        const Edit flow = s.m->setId(s("F3"), "Flow_Usual");
        QVERIFY2(flow.ok(), flow.error.c_str());
        QCOMPARE(S(s("G")->attr("default")), S("Flow_Usual"));
        QCOMPARE(refs(s, "G", "outgoing"), S("Flow_Usual F4"));
        QCOMPARE(refs(s, "R", "incoming"), S("Flow_Usual"));
        QCOMPARE(S(s("F3_di")->attr("bpmnElement")), S("Flow_Usual"));
        CHECK_EDIT(*s.doc, flow, before);

        // A message: the receive task's messageRef.
        const std::string before2 = s.bytes();
        const Edit msg = s.m->setId(s("Msg1"), "Message_Payment");
        QVERIFY2(msg.ok(), msg.error.c_str());
        QCOMPARE(S(s("R")->attr("messageRef")), S("Message_Payment"));
        CHECK_EDIT(*s.doc, msg, before2);

        // A process: the participant's processRef and the call activity that calls it.
        const std::string before3 = s.bytes();
        const Edit proc = s.m->setId(s("P2"), "Process_Shipping");
        QVERIFY2(proc.ok(), proc.error.c_str());
        QCOMPARE(S(s("C")->attr("calledElement")), S("Process_Shipping"));
        CHECK_EDIT(*s.doc, proc, before3);
        const Edit proc1 = s.m->setId(s("P1"), "Process_Shop");
        QVERIFY2(proc1.ok(), proc1.error.c_str());
        QCOMPARE(S(s("Pool")->attr("processRef")), S("Process_Shop"));

        // A data object: the reference's dataObjectRef; the data association's targetRef text.
        QVERIFY(s.m->setId(s("DO"), "DataObject_Order").ok());
        QCOMPARE(S(s("DOR")->attr("dataObjectRef")), S("DataObject_Order"));
        QVERIFY(s.m->setId(s("DOR"), "DataRef_Order").ok());
        QCOMPARE(refs(s, "DA", "targetRef"), S("DataRef_Order"));
    }

    void calledElementOfAnotherFileIsLeftAlone()
    {
        Session s(kIds);
        // calledElement="P2" names the process; a task that happened to be called P2 would not be it.
        QVERIFY(s.m->setId(s("P2"), "Other").ok());
        QVERIFY(s.m->setAttribute(s("C"), "calledElement", "T1").ok()); // names another file's process
        QVERIFY(s.m->setId(s("T1"), "Task_X").ok());
        QCOMPARE(S(s("C")->attr("calledElement")), S("T1"));
    }

    void refusesInvalidIds()
    {
        Session s(kIds);
        const std::string before = s.bytes();
        struct Case {
            const char* id;
            const char* says;
        };
        for (const Case& c : std::vector<Case>{{"", "empty"},
                                               {"1st", "start with a letter"},
                                               {"-x", "start with a letter"},
                                               {"Take order", "spaces"},
                                               {"a:b", "cannot contain ':'"},
                                               {"a/b", "cannot contain '/'"},
                                               {"a&b", "cannot contain '&'"}}) {
            const Edit e = s.m->setId(s("T1"), c.id);
            QVERIFY2(!e.ok(), c.id);
            QVERIFY2(e.error.find(c.says) != std::string::npos, e.error.c_str());
            QVERIFY(e.changes.empty());
            QCOMPARE(s.bytes(), before);
        }
        // Valid NCNames: letters of any script, digits, '-', '.', '_' after the first.
        QVERIFY(s.m->setId(s("T1"), "_x-1.y").ok());
        QVERIFY(s.m->setId(s("_x-1.y"), "Tâche_été").ok());
        QVERIFY(s("Tâche_été"));
    }

    void refusesDuplicates()
    {
        Session s(kIds);
        const std::string before = s.bytes();
        const Edit e = s.m->setId(s("T1"), "R");
        QVERIFY(!e.ok());
        QVERIFY2(e.error.find("already used by 'Wait for payment'") != std::string::npos, e.error.c_str());
        QCOMPARE(s.bytes(), before);
        QCOMPARE(S(s("T1")->id()), S("T1"));
        // The same id: nothing to do, nothing refused.
        const Edit same = s.m->setId(s("T1"), "T1");
        QVERIFY(same.ok());
        QVERIFY(same.changes.empty());
        QVERIFY(!s.m->setId(nullptr, "X").ok());
    }

    void undoRestoresIndexes()
    {
        Session s(kIds);
        const Edit e = s.m->setId(s("T1"), "Task_New");
        QVERIFY(e.ok());
        s.doc->revert(e.changes);
        QVERIFY(s("T1"));
        QVERIFY(!s("Task_New"));
        QCOMPARE(s.doc->shapeFor("T1"), s("T1_di"));
        QCOMPARE(s.m->connectionsOf(s("T1")).size(), std::size_t(4));
        s.doc->reapply(e.changes);
        QCOMPARE(s.doc->shapeFor("Task_New"), s("T1_di"));
    }
};

RUNWAY_TEST_MAIN(TestModelingIds, renameUpdatesEveryReference, renameFlowsAndRootElements,
                 calledElementOfAnotherFileIsLeftAlone, refusesInvalidIds, refusesDuplicates, undoRestoresIndexes)
#ifndef RUNWAY_NO_QT
#include "tst_modeling_ids.moc"
#endif
