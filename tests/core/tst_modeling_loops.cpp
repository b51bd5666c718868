// Modeling::setLoopSetting: the settings of a standard loop (testBefore, loopMaximum, loopCondition)
// and of a multi-instance activity (loopCardinality, completionCondition) are each one undo step
// that leaves a schema-valid, validator-clean file; children go where the schema orders them; an
// empty value removes the setting; a setting of the other loop kind and malformed values are refused.
#include "RunwayTest.h"
#include "tst_modeling_loops_fixtures.h"
#include "tst_modeling_support.h"

#include <string>
#include <vector>

using namespace runway::core;
using namespace runway::core::modeling;

namespace {

struct Session {
    std::unique_ptr<Document> doc;
    std::unique_ptr<Modeling> m;
    Session() : doc(BpmnReader::readBytes(kLoops, "loops.bpmn").document)
    {
        if (doc)
            m = std::make_unique<Modeling>(*doc);
    }
    Element* operator()(std::string_view id) const { return doc->findById(id); }
    Element* loopOf(std::string_view id) const { return (*this)(id)->childOfType(BpmnType::LoopCharacteristics); }
    std::string bytes() const { return BpmnWriter::toString(*doc); }
};

/// The local names of an element's child elements, in document order.
std::vector<std::string> childNames(const Element* e)
{
    std::vector<std::string> out;
    for (const Element* c = e->firstChild; c; c = c->next)
        if (c->kind == NodeKind::Element)
            out.emplace_back(c->local());
    return out;
}

} // namespace

class TestModelingLoops : public QObject {
    Q_OBJECT
private slots:
    void standardLoopSettings()
    {
        Session s;
        QVERIFY(s.doc);
        std::string before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::TestBefore, "true"), before);
        QCOMPARE(s.loopOf("TL")->attr("testBefore"), std::string_view("true"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopMaximum, "5"), before);
        QCOMPARE(s.loopOf("TL")->attr("loopMaximum"), std::string_view("5"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopCondition, "=count < 3"), before);
        const Element* cond = s.loopOf("TL")->child(Ns::Model, "loopCondition");
        QVERIFY(cond);
        QCOMPARE(cond->textContent(), std::string("=count < 3"));
        QCOMPARE(cond->attr(Ns::Xsi, "type"), std::string_view("bpmn:tFormalExpression"));
        QVERIFY(s.bytes().find(
                    "<bpmn:loopCondition xsi:type=\"bpmn:tFormalExpression\">=count &lt; 3</bpmn:loopCondition>") !=
                std::string::npos);
        // Changing the condition replaces it: still one child.
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopCondition, "=count < 4"), before);
        QCOMPARE(childNames(s.loopOf("TL")), std::vector<std::string>{"loopCondition"});
        QCOMPARE(s.loopOf("TL")->child(Ns::Model, "loopCondition")->textContent(), std::string("=count < 4"));
    }

    void emptyValueRemovesSetting()
    {
        Session s;
        std::string before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopMaximum, "0"), before);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopCondition, "${retry}"), before);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopMaximum, ""), before);
        QVERIFY(!s.loopOf("TL")->hasAttr("loopMaximum"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopCondition, ""), before);
        QVERIFY(s.loopOf("TL")->child(Ns::Model, "loopCondition") == nullptr);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TM"), LoopSetting::LoopCardinality, "=3"), before);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TM"), LoopSetting::LoopCardinality, ""), before);
        QVERIFY(s.loopOf("TM")->child(Ns::Model, "loopCardinality") == nullptr);
    }

    void multiInstanceChildrenInSchemaOrder()
    {
        Session s;
        std::string before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TM"), LoopSetting::CompletionCondition, "=done"), before);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TM"), LoopSetting::LoopCardinality, "=items.size"), before);
        // Semantic.xsd: documentation (tBaseElement), loopCardinality, ..., inputDataItem, ..., completionCondition.
        const std::vector<std::string> order{"documentation", "loopCardinality", "inputDataItem",
                                             "completionCondition"};
        QCOMPARE(childNames(s.loopOf("TM")), order);
        QCOMPARE(s.loopOf("TM")->child(Ns::Model, "loopCardinality")->textContent(), std::string("=items.size"));
        QCOMPARE(s.loopOf("TM")->child(Ns::Model, "completionCondition")->attr(Ns::Xsi, "type"),
                 std::string_view("bpmn:tFormalExpression"));
        // The kind is not a setting: a sequential multi-instance keeps its settings' place too.
        QVERIFY(!s.loopOf("TM")->hasAttr("isSequential"));
    }

    void sameValueIsAnEmptyEdit()
    {
        Session s;
        std::string before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TM"), LoopSetting::CompletionCondition, "=done"), before);
        before = s.bytes();
        Edit e = s.m->setLoopSetting(s("TM"), LoopSetting::CompletionCondition, "=done");
        QVERIFY(e.ok());
        QVERIFY(e.changes.empty());
        QCOMPARE(s.bytes(), before);
    }

    void refusals()
    {
        struct Case {
            const char* id;
            LoopSetting setting;
            const char* value;
            const char* reasonPart;
        };
        const Case cases[] = {
            {"TM", LoopSetting::LoopCondition, "=x", "standard loop"},        // loopCondition on a multi-instance
            {"TM", LoopSetting::TestBefore, "true", "standard loop"},         // testBefore on a multi-instance
            {"TL", LoopSetting::LoopCardinality, "=3", "multi-instance"},     // cardinality on a standard loop
            {"TL", LoopSetting::CompletionCondition, "=x", "multi-instance"}, // completion on a standard loop
            {"TP", LoopSetting::LoopMaximum, "3", "standard loop"},           // no loop at all
            {"TP", LoopSetting::LoopCardinality, "3", "multi-instance"},
            {"TL", LoopSetting::LoopMaximum, "-1", "whole number"},
            {"TL", LoopSetting::LoopMaximum, "2.5", "whole number"},
            {"TL", LoopSetting::LoopMaximum, "many", "whole number"},
            {"TL", LoopSetting::LoopMaximum, " 3", "whole number"},
            {"TL", LoopSetting::TestBefore, "yes", "\"true\" or \"false\""},
            {"S", LoopSetting::LoopMaximum, "3", "only activities"},
        };
        Session s;
        QVERIFY(s.doc);
        const std::string before = s.bytes();
        for (const Case& c : cases) {
            Edit e = s.m->setLoopSetting(s(c.id), c.setting, c.value);
            const std::string what = std::string(c.id) + " " + c.value + ": " + (e.ok() ? "accepted" : e.error);
            QVERIFY2(!e.ok(), what.c_str());
            QVERIFY2(e.error.find(c.reasonPart) != std::string::npos, what.c_str());
            QVERIFY(e.changes.empty());
            QCOMPARE(s.bytes(), before);
        }
    }

    void settingsSurviveOnlyTheirKind()
    {
        // Switching the kind (setLoop) replaces the loop element, so a standard loop's settings
        // do not leak into a multi-instance one.
        Session s;
        std::string before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopMaximum, "7"), before);
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoop(s("TL"), LoopKind::Parallel), before);
        QVERIFY(!s.loopOf("TL")->hasAttr("loopMaximum"));
        before = s.bytes();
        CHECK_EDIT(*s.doc, s.m->setLoopSetting(s("TL"), LoopSetting::LoopCardinality, "=2"), before);
        QVERIFY(!s.m->setLoopSetting(s("TL"), LoopSetting::LoopMaximum, "7").ok());
    }
};

RUNWAY_TEST_MAIN(TestModelingLoops, standardLoopSettings, emptyValueRemovesSetting, multiInstanceChildrenInSchemaOrder,
                 sameValueIsAnEmptyEdit, refusals, settingsSurviveOnlyTheirKind)
#ifndef RUNWAY_NO_QT
#include "tst_modeling_loops.moc"
#endif
