// The mutation API: every edit reports a change set, indexes follow, and reverting a change set
// restores the exact document.
#include "RunwayTest.h"
#include "tst_document_fixtures.h"

#include "runway/core/BpmnReader.h"
#include "runway/core/BpmnWriter.h"
#include "runway/core/DocumentCompare.h"

#include <string>
#include <vector>

using namespace runway::core;

namespace {


struct Recorder : DocumentObserver {
    std::vector<ChangeSet> seen;
    void documentChanged(const ChangeSet& cs) override { seen.push_back(cs); }
};

std::unique_ptr<Document> load()
{
    auto r = BpmnReader::readBytes(kModel, "m.bpmn");
    return std::move(r.document);
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT
private slots:
    void setAttributeReportsAndReverts()
    {
        auto doc = load();
        QVERIFY(doc != nullptr);
        const std::string before = BpmnWriter::toString(*doc);
        Recorder rec;
        doc->addObserver(&rec);
        Element* t = doc->findById("T");
        doc->setAttribute(t, "name", "Check in online");
        QCOMPARE(rec.seen.size(), std::size_t(1));
        QCOMPARE(rec.seen[0].affectedIds(), std::vector<std::string>{"T"});
        QCOMPARE(t->name(), std::string_view("Check in online"));
        // Setting the same value is no change at all.
        doc->setAttribute(t, "name", "Check in online");
        QCOMPARE(rec.seen.size(), std::size_t(1));
        doc->revert(rec.seen[0]);
        QCOMPARE(BpmnWriter::toString(*doc), before);
        doc->removeObserver(&rec);
    }

    void groupedEditIsOneChangeSet()
    {
        auto doc = load();
        const std::string before = BpmnWriter::toString(*doc);
        Recorder rec;
        doc->addObserver(&rec);
        doc->beginEdit();
        Element* process = doc->findById("P");
        Element* end = doc->createElement(Ns::Model, "endEvent");
        QVERIFY(end->type == BpmnType::EndEvent);
        QCOMPARE(end->qname, std::string_view("endEvent")); // BPMN is the default namespace here
        doc->setAttribute(end, "id", "E");
        doc->insert(process, end, doc->findById("F1"));
        Element* flow = doc->createElement(Ns::Model, "sequenceFlow");
        doc->setAttribute(flow, "id", "F2");
        doc->setAttribute(flow, "sourceRef", "T");
        doc->setAttribute(flow, "targetRef", "E");
        doc->insert(process, flow);
        doc->remove(doc->findById("S"));
        ChangeSet cs = doc->endEdit();
        QCOMPARE(rec.seen.size(), std::size_t(1));
        QCOMPARE(cs.changes.size(), rec.seen[0].changes.size());
        QVERIFY(doc->findById("E") == end);
        QVERIFY(doc->findById("F2") == flow);
        QVERIFY(doc->findById("S") == nullptr);
        const std::string after = BpmnWriter::toString(*doc);
        QVERIFY(after.find("<endEvent id=\"E\" />") != std::string::npos);
        QVERIFY(after.find("<endEvent id=\"E\" />") < after.find("<sequenceFlow id=\"F1\""));

        doc->revert(cs);
        QCOMPARE(BpmnWriter::toString(*doc), before);
        QVERIFY(doc->findById("E") == nullptr);
        QVERIFY(doc->findById("S") != nullptr);
        doc->reapply(cs);
        QCOMPARE(BpmnWriter::toString(*doc), after);
        doc->revert(cs);
        auto fresh = load();
        std::string where;
        QVERIFY2(sameDocument(*doc, *fresh, &where), where.c_str());
        doc->removeObserver(&rec);
    }

    void idIndexFollowsRenames()
    {
        auto doc = load();
        Element* t = doc->findById("T");
        doc->beginEdit();
        doc->setAttribute(t, "id", "Task_checkIn");
        doc->setAttribute(doc->shapeFor("T"), "bpmnElement", "Task_checkIn");
        ChangeSet cs = doc->endEdit();
        QVERIFY(doc->findById("T") == nullptr);
        QVERIFY(doc->findById("Task_checkIn") == t);
        QVERIFY(doc->shapeFor("Task_checkIn") != nullptr);
        QVERIFY(doc->shapeFor("T") == nullptr);
        doc->revert(cs);
        QVERIFY(doc->findById("T") == t);
        QVERIFY(doc->shapeFor("T") != nullptr);
        QCOMPARE(doc->shapeFor("T")->childOfType(BpmnType::Bounds)->doubleAttr("width"), 100.0);
    }

    void removingASubtreeUnindexesIt()
    {
        auto doc = load();
        Element* diagram = doc->findById("D");
        doc->remove(diagram);
        QVERIFY(doc->findById("T_di") == nullptr);
        QVERIFY(doc->shapeFor("T") == nullptr);
        QVERIFY(doc->diagrams().empty());
    }

    void foreignAttributesAndNamespaceDeclarations()
    {
        auto doc = load();
        const std::string before = BpmnWriter::toString(*doc);
        doc->beginEdit();
        Ns zeebe = doc->internNamespace("http://camunda.org/schema/zeebe/1.0");
        QCOMPARE(doc->declareNamespace(zeebe, "zeebe"), std::string_view("zeebe"));
        doc->setAttribute(doc->findById("T"), "modelerTemplate", "tpl", zeebe);
        ChangeSet cs = doc->endEdit();
        const std::string out = BpmnWriter::toString(*doc);
        QVERIFY(out.find("xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"") != std::string::npos);
        QVERIFY(out.find("<task id=\"T\" name=\"Check in\" zeebe:modelerTemplate=\"tpl\" />") != std::string::npos);
        // Declared once: asking again changes nothing.
        Recorder rec;
        doc->addObserver(&rec);
        QCOMPARE(doc->declareNamespace(zeebe, "other"), std::string_view("zeebe"));
        QVERIFY(rec.seen.empty());
        doc->removeObserver(&rec);
        auto again = BpmnReader::readBytes(out, "again.bpmn");
        QVERIFY(again.ok());
        QCOMPARE(again.document->findById("T")->attr(again.document->internNamespace("http://camunda.org/schema/zeebe/1.0"),
                                                      "modelerTemplate"),
                 std::string_view("tpl"));
        doc->revert(cs);
        QCOMPARE(BpmnWriter::toString(*doc), before);
    }

    void setTextReplacesContent()
    {
        auto doc = load();
        Element* t = doc->findById("T");
        Element* documentation = doc->createElement(Ns::Model, "documentation");
        doc->beginEdit();
        doc->insert(t, documentation);
        doc->setText(documentation, "Runs when check-in opens.");
        ChangeSet first = doc->endEdit();
        QCOMPARE(documentation->textContent(), std::string("Runs when check-in opens."));
        Recorder rec;
        doc->addObserver(&rec);
        doc->setText(documentation, "Runs 23 hours before departure.");
        doc->removeObserver(&rec);
        QCOMPARE(rec.seen.size(), std::size_t(1));
        QCOMPARE(documentation->textContent(), std::string("Runs 23 hours before departure."));
        QVERIFY(BpmnWriter::toString(*doc).find("<documentation>Runs 23 hours before departure.</documentation>") !=
                std::string::npos);
        doc->revert(rec.seen[0]);
        QCOMPARE(documentation->textContent(), std::string("Runs when check-in opens."));
        doc->revert(first);
        QVERIFY(t->childOfType(BpmnType::Documentation) == nullptr);
    }
};

RUNWAY_TEST_MAIN(TestDocument, setAttributeReportsAndReverts, groupedEditIsOneChangeSet, idIndexFollowsRenames,
                 removingASubtreeUnindexesIt, foreignAttributesAndNamespaceDeclarations, setTextReplacesContent)
#ifndef RUNWAY_NO_QT
#include "tst_document.moc"
#endif
