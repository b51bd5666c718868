// Modeling::setLabelBounds: an external label dragged elsewhere is one undo step that moves its
// BPMNLabel (made when the file had none), valid against the schema, and nonsense is refused.
#include "RunwayTest.h"
#include "tst_modeling_support.h"

#include <string>

using namespace runway::core;
using namespace runway::core::modeling;

namespace {

std::unique_ptr<Document> example()
{
    auto r = BpmnReader::readFile(RUNWAY_SOURCE_DIR "/resources/examples/airline-checkin.bpmn");
    return std::move(r.document);
}

std::optional<di::Bounds> labelOf(const Document& doc, std::string_view id)
{
    for (const Element* d : doc.diFor(id))
        if (auto b = di::labelBounds(d))
            return b;
    return std::nullopt;
}

} // namespace

class TestModelingLabels : public QObject {
    Q_OBJECT
private slots:
    void movesAnExistingLabel()
    {
        auto doc = example();
        QVERIFY(doc);
        Modeling m(*doc);
        Element* event = doc->findById("Event_CheckinOpens");
        QVERIFY(event);
        QVERIFY(labelOf(*doc, "Event_CheckinOpens").has_value());
        const std::string before = BpmnWriter::toString(*doc);
        const di::Bounds to{300, 240, 80, 27};
        const Edit e = m.setLabelBounds(event, to);
        CHECK_EDIT(*doc, e, before);
        QVERIFY(labelOf(*doc, "Event_CheckinOpens") == to);
        // The same place again changes nothing: no empty undo step.
        QVERIFY(m.setLabelBounds(event, to).changes.empty());
    }

    void givesAFlowWithoutLabelOne()
    {
        auto doc = example();
        Modeling m(*doc);
        Element* flow = doc->findById("Flow_ToWait");
        QVERIFY(flow);
        QVERIFY(!labelOf(*doc, "Flow_ToWait").has_value());
        const std::string before = BpmnWriter::toString(*doc);
        const di::Bounds to{210, 130, 40, 14};
        const Edit e = m.setLabelBounds(flow, to);
        CHECK_EDIT(*doc, e, before);
        QVERIFY(labelOf(*doc, "Flow_ToWait") == to);
    }

    void refusesNonsense()
    {
        auto doc = example();
        Modeling m(*doc);
        const std::string before = BpmnWriter::toString(*doc);
        Element* event = doc->findById("Event_CheckinOpens");
        QVERIFY(!m.setLabelBounds(nullptr, {0, 0, 10, 10}).ok());
        QVERIFY(!m.setLabelBounds(event, {0, 0, 0, 10}).ok());
        QVERIFY(!m.setLabelBounds(event, {std::nan(""), 0, 10, 10}).ok());
        QVERIFY(!m.setLabelBounds(doc->findById("Process_AirlineCheckin"), {0, 0, 10, 10}).ok());
        QCOMPARE(BpmnWriter::toString(*doc), before);
    }
};

RUNWAY_TEST_MAIN(TestModelingLabels, movesAnExistingLabel, givesAFlowWithoutLabelOne, refusesNonsense)
#ifndef RUNWAY_NO_QT
#include "tst_modeling_labels.moc"
#endif
