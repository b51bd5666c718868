// The facade's pools beyond the first (addParticipant: a new participant with its own empty
// process, horizontal or vertical), and copying a sub-process together with what is inside it
// (pasted once, with fresh ids everywhere). Each edit validates against the OMG schema and undoes
// and redoes byte for byte.
#include "RunwayTest.h"
#include "runway/core/Semantics.h"
#include "tst_modeling_fixtures.h"
#include "tst_modeling_support.h"

#include <set>
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

/// An id that occurs twice in the document, or empty.
std::string duplicateId(const Document& doc)
{
    std::set<std::string, std::less<>> seen;
    for (const Element* e : doc.allElements())
        if (!e->id().empty() && !seen.insert(std::string(e->id())).second)
            return std::string(e->id());
    return {};
}

std::size_t countOf(const Document& doc, BpmnType t)
{
    std::size_t n = 0;
    for (const Element* e : doc.allElements())
        n += e->type == t;
    return n;
}

} // namespace

class TestModelingPools : public QObject {
    Q_OBJECT
private slots:
    void addParticipantMakesAPoolWithItsOwnProcess()
    {
        for (bool horizontal : {true, false}) {
            Session s(kCollaboration);
            QVERIFY(s.doc != nullptr);
            const std::size_t pools = countOf(*s.doc, BpmnType::Participant);
            const std::size_t processes = countOf(*s.doc, BpmnType::Process);
            const std::string before = s.bytes();
            Edit e = s.m->addParticipant(s("Collab"), {650, 1200}, horizontal);
            CHECK_EDIT(*s.doc, e, before);
            QCOMPARE(countOf(*s.doc, BpmnType::Participant), pools + 1);
            QCOMPARE(countOf(*s.doc, BpmnType::Process), processes + 1);
            Element* pool = e.element();
            QVERIFY(pool && pool->type == BpmnType::Participant);
            QVERIFY(pool->parent == s("Collab"));
            Element* process = sem::processOf(*s.doc, pool);
            QVERIFY(process != nullptr);
            QVERIFY(process != s("PA") && process != s("PB"));
            QVERIFY(process->childrenOfType(BpmnType::Task).empty());
            // Its shape: default size, centred where asked, in the collaboration's plane.
            Element* shape = s.doc->shapeFor(pool->id());
            QVERIFY(shape != nullptr);
            QVERIFY(shape->parent == s("Plane"));
            QCOMPARE(shape->attr("isHorizontal"), std::string_view(horizontal ? "true" : "false"));
            const auto b = boundsOf(*s.doc, pool->id());
            QCOMPARE(b.width, horizontal ? 600.0 : 250.0);
            QCOMPARE(b.height, horizontal ? 250.0 : 600.0);
            QCOMPARE(b.x + b.width / 2, 650.0);
            QCOMPARE(b.y + b.height / 2, 1200.0);
            // A usable pool: a task created in it goes into its process.
            const std::string withPool = s.bytes();
            Edit task = s.m->create({BpmnType::Task}, pool, {650, 1200});
            CHECK_EDIT(*s.doc, task, withPool);
            QVERIFY(task.element()->parent == process);
            QCOMPARE(duplicateId(*s.doc), std::string());
        }
    }

    void addParticipantRefusesWhatIsNotADrawnCollaboration()
    {
        Session s(kProcess);
        const std::string before = s.bytes();
        Edit e = s.m->addParticipant(s("P"), {300, 300}, true);
        QVERIFY(!e.ok());
        QVERIFY(e.changes.empty());
        QCOMPARE(s.bytes(), before);
        // The first pool comes from createPool; after it, addParticipant adds a second one.
        Edit first = s.m->createPool(s("P"));
        QVERIFY(first.ok());
        Element* collaboration = first.element()->parent;
        const std::string withPool = s.bytes();
        Edit second = s.m->addParticipant(collaboration, {400, 600}, false);
        CHECK_EDIT(*s.doc, second, withPool);
        QCOMPARE(countOf(*s.doc, BpmnType::Participant), std::size_t(2));
    }

    void copyingASubProcessWithItsContentPastesItOnce()
    {
        Session s(kCollaboration);
        const std::string before = s.bytes();
        // The sub-process and, selected as well, what is inside it (a rubber band takes both).
        Element* sel[] = {s("SPT"), s("SP"), s("SPS")};
        Clipboard clip = s.m->copy(sel);
        QCOMPARE(clip.semantic.size(), std::size_t(1)); // SP, holding SPS, SPT and SPF
        QCOMPARE(clip.di.size(), std::size_t(4));       // SP, SPS, SPT shapes and SPF's edge
        Edit e = s.m->paste(clip, s("PoolA"), {0, 330});
        CHECK_EDIT(*s.doc, e, before);
        QCOMPARE(duplicateId(*s.doc), std::string());
        QCOMPARE(e.created.size(), std::size_t(1));
        Element* copy = e.element();
        QCOMPARE(copy->type, BpmnType::SubProcess);
        QVERIFY(copy->id() != std::string_view("SP"));
        QCOMPARE(copy->childrenOfType(BpmnType::Task).size(), std::size_t(1));
        QCOMPARE(copy->childrenOfType(BpmnType::StartEvent).size(), std::size_t(1));
        QCOMPARE(copy->childrenOfType(BpmnType::SequenceFlow).size(), std::size_t(1));
        QCOMPARE(countOf(*s.doc, BpmnType::SubProcess), std::size_t(3)); // SP, ESP and the copy
        const Element* task = copy->childrenOfType(BpmnType::Task).front();
        QCOMPARE(boundsOf(*s.doc, task->id()).y, boundsOf(*s.doc, "SPT").y + 330);

        // Duplicate (the same path) of the sub-process with its task selected too.
        const std::string mid = s.bytes();
        Element* both[] = {s("SP"), s("SPT")};
        Edit d = s.m->duplicate(both);
        CHECK_EDIT(*s.doc, d, mid);
        QCOMPARE(duplicateId(*s.doc), std::string());
        QCOMPARE(d.created.size(), std::size_t(1));
    }
};

RUNWAY_TEST_MAIN(TestModelingPools, addParticipantMakesAPoolWithItsOwnProcess,
                 addParticipantRefusesWhatIsNotADrawnCollaboration, copyingASubProcessWithItsContentPastesItOnce)
#ifndef RUNWAY_NO_QT
#include "tst_modeling_pools.moc"
#endif
