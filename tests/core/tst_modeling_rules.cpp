// The modeling rules of engine-core: what may connect to what, attach, drop and change type,
// each rule with an allowed and a denied case, and denials say why.
#include "RunwayTest.h"
#include "runway/core/BpmnReader.h"
#include "runway/core/modeling/ModelingRules.h"
#include "tst_modeling_fixtures.h"

#include <memory>
#include <string>

using namespace runway::core;
using namespace runway::core::modeling;

namespace {

struct Fixture {
    std::unique_ptr<Document> doc;
    Fixture() : doc(BpmnReader::readBytes(kCollaboration, "collab.bpmn").document) {}
    Element* operator()(const char* id) const { return doc->findById(id); }
};

bool says(const Verdict& v, const char* words)
{
    return !v.allowed && v.reason.find(words) != std::string::npos;
}

} // namespace

class TestModelingRules : public QObject {
    Q_OBJECT
private slots:
    void sequenceFlowsInsideOneProcessLevel()
    {
        Fixture f;
        QVERIFY(f.doc != nullptr);
        QVERIFY(canConnect(*f.doc, f("T2"), f("RT"), FlowType::Sequence).allowed);
        QVERIFY(canConnect(*f.doc, f("TA"), f("T2"), FlowType::Sequence).allowed);
        QVERIFY(says(canConnect(*f.doc, f("TA"), f("TB"), FlowType::Sequence), "pools"));
        QVERIFY(says(canConnect(*f.doc, f("TA"), f("SPT"), FlowType::Sequence), "sub-processes"));
        QVERIFY(says(canConnect(*f.doc, f("TA"), f("TA"), FlowType::Sequence), "itself"));
        QVERIFY(says(canConnect(*f.doc, f("SA"), f("TA"), FlowType::Sequence), "already connected"));
        QVERIFY(says(canConnect(*f.doc, f("AN"), f("TA"), FlowType::Sequence), "text annotation"));
    }

    void nothingIntoStartOrBoundaryNothingOutOfEnd()
    {
        Fixture f;
        QVERIFY(says(canConnect(*f.doc, f("T2"), f("SA"), FlowType::Sequence), "start event"));
        QVERIFY(says(canConnect(*f.doc, f("T2"), f("BA"), FlowType::Sequence), "boundary event"));
        QVERIFY(says(canConnect(*f.doc, f("EA"), f("T2"), FlowType::Sequence), "end event"));
        QVERIFY(canConnect(*f.doc, f("BA"), f("T2"), FlowType::Sequence).allowed); // out of a boundary event is fine
    }

    void eventBasedGatewayTargets()
    {
        Fixture f;
        QVERIFY(canConnect(*f.doc, f("EB"), f("RT"), FlowType::Sequence).allowed);
        QVERIFY(canConnect(*f.doc, f("EB"), f("NE"), FlowType::Sequence).allowed);
        QVERIFY(says(canConnect(*f.doc, f("EB"), f("IT"), FlowType::Sequence), "event-based gateway"));
        QVERIFY(says(canConnect(*f.doc, f("EB"), f("T2"), FlowType::Sequence), "event-based gateway"));
        // A target of the event-based gateway takes no other incoming flow.
        QVERIFY(says(canConnect(*f.doc, f("GA"), f("CT"), FlowType::Sequence), "no other incoming"));
        QVERIFY(canConnect(*f.doc, f("GA"), f("RT"), FlowType::Sequence).allowed);
    }

    void compensationHandlersHaveNoSequenceFlows()
    {
        Fixture f;
        QVERIFY(says(canConnect(*f.doc, f("T2"), f("TH"), FlowType::Sequence), "compensation handler"));
        QVERIFY(says(canConnect(*f.doc, f("TH"), f("T2"), FlowType::Sequence), "compensation handler"));
        QVERIFY(says(canConnect(*f.doc, f("BC"), f("T2"), FlowType::Sequence), "association"));
        QVERIFY(canConnect(*f.doc, f("BC"), f("TH"), FlowType::Association).allowed);
        QVERIFY(says(canConnect(*f.doc, f("BC"), f("T2"), FlowType::Association), "handler"));
        QVERIFY(says(canConnect(*f.doc, f("ESP"), f("T2"), FlowType::Sequence), "event sub-process"));
    }

    void messageFlowsBetweenPools()
    {
        Fixture f;
        QVERIFY(canConnect(*f.doc, f("TA"), f("TB"), FlowType::Message).allowed);
        QVERIFY(canConnect(*f.doc, f("TB"), f("PoolC"), FlowType::Message).allowed);
        QVERIFY(canConnect(*f.doc, f("PoolC"), f("SA"), FlowType::Message).allowed);
        QVERIFY(canConnect(*f.doc, f("EA"), f("TB"), FlowType::Message).allowed);
        QVERIFY(says(canConnect(*f.doc, f("TA"), f("T2"), FlowType::Message), "same pool"));
        QVERIFY(says(canConnect(*f.doc, f("GA"), f("TB"), FlowType::Message), "gateways"));
        QVERIFY(says(canConnect(*f.doc, f("TB"), f("EB"), FlowType::Message), "gateways"));
        QVERIFY(says(canConnect(*f.doc, f("TA"), f("EB2"), FlowType::Message), "cannot receive"));
        QVERIFY(says(canConnect(*f.doc, f("SB"), f("TA"), FlowType::Message), "cannot send"));
    }

    void dataAssociationsToAndFromData()
    {
        Fixture f;
        QVERIFY(canConnect(*f.doc, f("DO"), f("TA"), FlowType::DataInput).allowed);
        QVERIFY(canConnect(*f.doc, f("TA"), f("DO"), FlowType::DataOutput).allowed);
        QVERIFY(canConnect(*f.doc, f("NE"), f("DO"), FlowType::DataOutput).allowed); // a catch event writes
        QVERIFY(says(canConnect(*f.doc, f("DO"), f("GA"), FlowType::DataInput), "cannot read"));
        QVERIFY(says(canConnect(*f.doc, f("GA"), f("DO"), FlowType::DataOutput), "cannot write"));
        QVERIFY(says(canConnect(*f.doc, f("TA"), f("T2"), FlowType::DataInput), "data object"));
    }

    void associationsExplainElements()
    {
        Fixture f;
        QVERIFY(canConnect(*f.doc, f("AN"), f("T2"), FlowType::Association).allowed);
        QVERIFY(canConnect(*f.doc, f("GA"), f("AN"), FlowType::Association).allowed);
        QVERIFY(says(canConnect(*f.doc, f("AN"), f("AN"), FlowType::Association), "itself"));
        QVERIFY(says(canConnect(*f.doc, f("T2"), f("TA"), FlowType::Association), "text annotation"));
    }

    void naturalFlowBetweenElements()
    {
        Fixture f;
        QVERIFY(naturalFlow(*f.doc, f("TA"), f("T2")) == FlowType::Sequence);
        QVERIFY(naturalFlow(*f.doc, f("TA"), f("TB")) == FlowType::Message);
        QVERIFY(naturalFlow(*f.doc, f("AN"), f("T2")) == FlowType::Association);
        QVERIFY(naturalFlow(*f.doc, f("BC"), f("TH")) == FlowType::Association);
        QVERIFY(naturalFlow(*f.doc, f("DO"), f("T2")) == FlowType::DataInput);
        QVERIFY(naturalFlow(*f.doc, f("T2"), f("DO")) == FlowType::DataOutput);
        QVERIFY(naturalFlow(*f.doc, f("EA"), f("T2")) == FlowType::None);
    }

    void attachingEventsToActivities()
    {
        Fixture f;
        QVERIFY(canAttach(*f.doc, f("NE"), f("T2")).allowed);
        QVERIFY(canAttach(*f.doc, f("IT"), f("SP")).allowed);
        QVERIFY(says(canAttach(*f.doc, f("SA"), f("T2")), "start and end"));
        QVERIFY(says(canAttach(*f.doc, f("CT"), f("T2")), "incoming"));
        QVERIFY(says(canAttach(*f.doc, f("NE"), f("GA")), "activities"));
        QVERIFY(says(canAttach(*f.doc, f("NE"), f("ESP")), "event sub-process"));
        QVERIFY(says(canAttach(*f.doc, f("GA"), f("T2")), "only events"));
    }

    void droppingIntoContainers()
    {
        Fixture f;
        QVERIFY(canDrop(*f.doc, f("T2"), f("SP")).allowed);
        QVERIFY(canDrop(*f.doc, f("T2"), f("PoolB")).allowed);
        QVERIFY(canDrop(*f.doc, f("AN"), f("PoolC")).allowed);
        QVERIFY(canDrop(*f.doc, f("PoolA"), f("Collab")).allowed);
        QVERIFY(says(canDrop(*f.doc, f("T2"), f("PoolC")), "black-box"));
        QVERIFY(says(canDrop(*f.doc, f("SP"), f("T2")), "cannot hold"));
        QVERIFY(says(canDrop(*f.doc, f("SP"), f("SPT")), "itself"));
        QVERIFY(says(canDrop(*f.doc, f("SP"), f("SP")), "itself"));
        QVERIFY(says(canDrop(*f.doc, f("PoolA"), f("SP")), "pool"));
        QVERIFY(says(canDrop(*f.doc, f("BA"), f("SP")), "boundary event"));
    }

    void changingActivitiesAndGateways()
    {
        Fixture f;
        QVERIFY(canChangeType(*f.doc, f("TA"), {BpmnType::UserTask}).allowed);
        QVERIFY(canChangeType(*f.doc, f("TA"), {BpmnType::SubProcess, BpmnType::Count, {}, false}).allowed);
        QVERIFY(says(canChangeType(*f.doc, f("TA"), {BpmnType::ExclusiveGateway}), "another kind of activity"));
        QVERIFY(says(canChangeType(*f.doc, f("SP"), {BpmnType::Task}), "holds elements"));
        QVERIFY(canChangeType(*f.doc, f("EB"), {BpmnType::ParallelGateway}).allowed);
        QVERIFY(says(canChangeType(*f.doc, f("GA"), {BpmnType::EventBasedGateway}), "event-based gateway"));
        QVERIFY(says(canChangeType(*f.doc, f("GA"), {BpmnType::Gateway}), "another kind"));
    }

    void changingEvents()
    {
        Fixture f;
        QVERIFY(
            canChangeType(*f.doc, f("NE"), {BpmnType::IntermediateCatchEvent, BpmnType::TimerEventDefinition}).allowed);
        QVERIFY(says(canChangeType(*f.doc, f("NE"), {BpmnType::IntermediateCatchEvent}), "does not allow"));
        QVERIFY(says(canChangeType(*f.doc, f("EA"), {BpmnType::StartEvent}), "incoming"));
        QVERIFY(says(canChangeType(*f.doc, f("SA"), {BpmnType::EndEvent}), "outgoing"));
        QVERIFY(says(canChangeType(*f.doc, f("BA"), {BpmnType::IntermediateCatchEvent, BpmnType::TimerEventDefinition}),
                     "detach"));
        QVERIFY(says(canChangeType(*f.doc, f("NE"), {BpmnType::BoundaryEvent, BpmnType::MessageEventDefinition}),
                     "attach"));
        QVERIFY(
            canChangeType(*f.doc, f("BA"), {BpmnType::BoundaryEvent, BpmnType::TimerEventDefinition, false}).allowed);
        QVERIFY(says(canChangeType(*f.doc, f("BA"), {BpmnType::BoundaryEvent, BpmnType::ErrorEventDefinition, false}),
                     "always interrupt"));
        QVERIFY(
            canChangeType(*f.doc, f("ESS"), {BpmnType::StartEvent, BpmnType::SignalEventDefinition, false}).allowed);
        QVERIFY(canChangeType(*f.doc, f("ESS"), {BpmnType::StartEvent, BpmnType::ErrorEventDefinition}).allowed);
        QVERIFY(
            says(canChangeType(*f.doc, f("SA"), {BpmnType::StartEvent, BpmnType::Count, false}), "non-interrupting"));
        QVERIFY(says(canChangeType(*f.doc, f("SA"), {BpmnType::StartEvent, BpmnType::ErrorEventDefinition}),
                     "does not allow"));
    }

    void cancelEventsOnlyInTransactions()
    {
        Fixture f;
        QVERIFY(!eventDefinitionAllowed(BpmnType::EndEvent, BpmnType::CancelEventDefinition, f("SP")).allowed);
        Element* transaction = f.doc->createElement(Ns::Model, "transaction");
        QVERIFY(eventDefinitionAllowed(BpmnType::EndEvent, BpmnType::CancelEventDefinition, transaction).allowed);
        QVERIFY(eventDefinitionAllowed(BpmnType::IntermediateThrowEvent, BpmnType::Count, f("SP")).allowed);
        QVERIFY(!eventDefinitionAllowed(BpmnType::IntermediateCatchEvent, BpmnType::Count, f("SP")).allowed);
    }

    void poolsOfElements()
    {
        Fixture f;
        QVERIFY(poolOf(*f.doc, f("SPT")) == f("PoolA"));
        QVERIFY(poolOf(*f.doc, f("TB")) == f("PoolB"));
        QVERIFY(poolOf(*f.doc, f("PoolC")) == f("PoolC"));
        QVERIFY(eventDefinitionOf(f("CT")) == BpmnType::TimerEventDefinition);
        QVERIFY(eventDefinitionOf(f("IT")) == BpmnType::Count);
        QVERIFY(isCompensationHandler(f("TH")));
        QVERIFY(!isCompensationHandler(f("T2")));
        QVERIFY(isEventSubProcess(f("ESP")));
    }
};

RUNWAY_TEST_MAIN(TestModelingRules, sequenceFlowsInsideOneProcessLevel, nothingIntoStartOrBoundaryNothingOutOfEnd,
                 eventBasedGatewayTargets, compensationHandlersHaveNoSequenceFlows, messageFlowsBetweenPools,
                 dataAssociationsToAndFromData, associationsExplainElements, naturalFlowBetweenElements,
                 attachingEventsToActivities, droppingIntoContainers, changingActivitiesAndGateways, changingEvents,
                 cancelEventsOnlyInTransactions, poolsOfElements)
#ifndef RUNWAY_NO_QT
#include "tst_modeling_rules.moc"
#endif
