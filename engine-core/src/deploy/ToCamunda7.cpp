// Camunda 8 settings (zeebe:) to Camunda 7 (camunda:), and FEEL to JUEL.
#include "Converter.h"
#include "RuleContext.h"
#include "runway/core/deploy/Convert.h"

namespace runway::core::deploy {

namespace {

class ToCamunda7 {
public:
    explicit ToCamunda7(Converter& c) : m_c(c), m_doc(c.doc), m_cam(c.camunda), m_zb(c.zeebe) {}

    void run()
    {
        for (Element* e : m_c.elements) {
            // A model from another engine gets the history time to live Camunda 7 requires; a
            // Camunda 7 model without one is left for the check to report.
            if (m_c.source.engine != Engine::Camunda7 && e->type == BpmnType::Process &&
                e->attr("isExecutable") == "true" && m_c.attr(e, m_cam, "historyTimeToLive").empty()) {
                m_c.set(e, "historyTimeToLive", "180", m_cam);
                m_c.note(e, "convert-default",
                         "the " + describe(e) +
                             " had no history time to live, which Camunda 7 requires; it is now 180 days: set your "
                             "retention period");
            }
            if (e->local() == "conditionExpression" || e->local() == "completionCondition" ||
                e->local() == "timeDate" || e->local() == "timeDuration" || e->local() == "timeCycle")
                expressionText(e);
            if (e->type == BpmnType::Message)
                message(e);
            for (Element* x : m_c.extensionsIn(e, m_zb))
                extension(e, x);
            m_c.removeRest(e, m_zb, "zeebe",
                           {"userTask", "modelerTemplate", "modelerTemplateVersion", "modelerTemplateIcon"},
                           "it has no counterpart in Camunda 7; set up what it did there by hand if you need it");
        }
    }

private:
    bool juel(const Element* e, const std::string& what, const std::string& text, std::string* out)
    {
        auto r = toJuel(text);
        if (!r) {
            m_c.dropped(e, what, text, "it cannot be written in JUEL (" + r.error.message + ")");
            return false;
        }
        *out = *r.text;
        return true;
    }

    void extension(Element* e, Element* x)
    {
        const auto local = x->local();
        if (local == "taskDefinition")
            taskDefinition(e, x);
        else if (local == "ioMapping")
            ioMapping(e, x);
        else if (local == "assignmentDefinition")
            assignment(e, x);
        else if (local == "formDefinition")
            form(e, x);
        else if (local == "calledElement")
            calledElement(e, x);
        else if (local == "calledDecision")
            calledDecision(e, x);
        else if (local == "loopCharacteristics")
            loop(e, x);
        else
            return; // reported by removeRest
        m_doc.remove(x);
    }

    /// A job type becomes an external task topic; on a message throw or end event Camunda 7 reads
    /// it from the message event definition.
    void taskDefinition(Element* e, Element* x)
    {
        const std::string type(trimmed(x->attr("type")));
        Element* holder = e;
        if (e->isA(BpmnType::Event))
            for (Element* c : e->children())
                if (c->local() == "messageEventDefinition")
                    holder = c;
        if (type.empty() || type.front() == '=') {
            m_c.dropped(e, "job type", type, "Camunda 7 needs a fixed external task topic; set camunda:topic");
            return;
        }
        m_c.set(holder, "type", "external", m_cam);
        m_c.set(holder, "topic", type, m_cam);
        const std::string retries(trimmed(x->attr("retries")));
        if (!retries.empty() && retries != "3")
            m_c.note(e, "convert-approximated",
                     "the " + retries + " retries of the " + describe(e) +
                         " are not carried over: in Camunda 7 the external task worker sets the retries when it "
                         "reports a failure");
    }

    void ioMapping(Element* e, Element* x)
    {
        Element* io = nullptr;
        for (Element* m : x->children()) {
            const bool input = m->local() == "input";
            if (!input && m->local() != "output")
                continue;
            const std::string target(m->attr("target")), source(m->attr("source"));
            std::string j;
            if (!juel(e, (input ? "input mapping " : "output mapping ") + target, source, &j))
                continue;
            if (!io)
                io = m_c.appendExtension(e, m_cam, "inputOutput");
            Element* p = m_c.append(io, m_cam, input ? "inputParameter" : "outputParameter");
            m_c.set(p, "name", target);
            m_doc.setText(p, j);
        }
    }

    void assignment(Element* e, Element* x)
    {
        for (const char* a : {"assignee", "candidateGroups", "candidateUsers"}) {
            const std::string v(x->attr(a));
            std::string j;
            if (!v.empty() && juel(e, std::string("zeebe:") + a, v, &j))
                m_c.set(e, a, j, m_cam);
        }
    }

    void form(Element* e, Element* x)
    {
        if (const std::string id(x->attr("formId")); !id.empty()) {
            m_c.set(e, "formRef", id, m_cam);
            m_c.set(e, "formRefBinding", "latest", m_cam);
        } else if (const std::string ref(x->attr("externalReference")); !ref.empty()) {
            m_c.set(e, "formKey", ref, m_cam);
        } else if (const std::string key(x->attr("formKey")); !key.empty()) {
            m_c.set(e, "formKey", key, m_cam);
            m_c.note(e, "convert-approximated",
                     "the embedded form '" + key + "' of the " + describe(e) +
                         " is kept as a form key; deploy the form with the process in Camunda 7");
        }
    }

    void calledElement(Element* e, Element* x)
    {
        std::string j;
        if (!juel(e, "called process", std::string(x->attr("processId")), &j))
            return;
        m_c.set(e, "calledElement", j);
        if (x->attr("propagateAllChildVariables") != "false") {
            m_c.set(m_c.appendExtension(e, m_cam, "in"), "variables", "all");
            m_c.set(m_c.appendExtension(e, m_cam, "out"), "variables", "all");
        }
    }

    void calledDecision(Element* e, Element* x)
    {
        m_c.set(e, "decisionRef", x->attr("decisionId"), m_cam);
        m_c.set(e, "resultVariable", x->attr("resultVariable"), m_cam);
        m_c.set(e, "mapDecisionResult", "singleResult", m_cam);
        m_c.note(e, "convert-approximated",
                 "the decision result of the " + describe(e) +
                     " is mapped as a single result (one rule's outputs); change camunda:mapDecisionResult if the "
                     "decision returns several rules");
    }

    void loop(Element* e, Element* x)
    {
        std::string j;
        if (!juel(e, "input collection", std::string(x->attr("inputCollection")), &j))
            return;
        m_c.set(e, "collection", j, m_cam);
        if (const auto element = x->attr("inputElement"); !element.empty())
            m_c.set(e, "elementVariable", element, m_cam);
        if (const auto out = x->attr("outputCollection"); !out.empty())
            m_c.dropped(e, "output collection", out,
                        "Camunda 7 collects no multi-instance output; gather the results in a variable yourself");
    }

    void message(Element* e)
    {
        for (Element* x : m_c.extensionsIn(e, m_zb))
            if (x->local() == "subscription") {
                m_c.dropped(e, "correlation key", x->attr("correlationKey"),
                            "Camunda 7 correlates a message through its API (correlate with the key as a process "
                            "variable or business key)");
                m_doc.remove(x);
            }
    }

    /// A condition, completion condition or timer value in FEEL becomes JUEL.
    void expressionText(Element* e)
    {
        const std::string text = e->textContent();
        const auto t = trimmed(text);
        if (t.empty() || t.front() != '=')
            return;
        auto r = toJuel(std::string(t));
        if (r)
            m_doc.setText(e, *r.text);
        else
            m_c.unconverted(e, std::string(t), "JUEL", r.error.message);
    }

    Converter& m_c;
    Document& m_doc;
    Ns m_cam, m_zb;
};

} // namespace

void toCamunda7(Converter& c)
{
    ToCamunda7(c).run();
}

} // namespace runway::core::deploy
