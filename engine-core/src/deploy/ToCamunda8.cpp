// Camunda 7 settings (camunda:) to Camunda 8 (zeebe:), and JUEL to FEEL.
#include "Converter.h"
#include "RuleContext.h"
#include "runway/core/Expression.h"
#include "runway/core/Semantics.h"

#include <cctype>

namespace runway::core::deploy {

namespace {

class ToZeebe {
public:
    explicit ToZeebe(Converter& c) : m_c(c), m_doc(c.doc), m_cam(c.camunda), m_zb(c.zeebe) {}

    void run()
    {
        for (Element* e : m_c.elements) {
            switch (e->type) {
            case BpmnType::ServiceTask:
            case BpmnType::SendTask: implementation(e, e); break;
            case BpmnType::BusinessRuleTask:
                if (!m_c.attr(e, m_cam, "decisionRef").empty())
                    decision(e);
                else
                    implementation(e, e);
                break;
            case BpmnType::ScriptTask: script(e); break;
            case BpmnType::UserTask: userTask(e); break;
            case BpmnType::CallActivity: callActivity(e); break;
            case BpmnType::MultiInstanceLoopCharacteristics: multiInstance(e); break;
            case BpmnType::MessageEventDefinition:
                if (e->parent &&
                    (e->parent->type == BpmnType::EndEvent || e->parent->type == BpmnType::IntermediateThrowEvent))
                    implementation(e->parent, e);
                break;
            default: break;
            }
            if (e->local() == "conditionExpression" || e->local() == "completionCondition" ||
                e->local() == "timeDate" || e->local() == "timeDuration" || e->local() == "timeCycle")
                expressionText(e);
            if (!m_c.extensionsIn(e, m_cam).empty())
                inputOutput(e);
            m_c.removeRest(e, m_cam, "camunda",
                           {"asyncBefore", "asyncAfter", "exclusive", "historyTimeToLive", "isStartableInTasklist",
                            "jobPriority", "taskPriority"},
                           "it has no counterpart in Camunda 8; set up what it did there by hand if you need it");
        }
    }

private:
    /// FEEL for a Camunda 7 value: JUEL is converted, static text is kept. Reports and returns
    /// false when it cannot be.
    bool feel(const Element* e, const std::string& what, const std::string& text, std::string* out)
    {
        auto r = Expression::toFeel(text);
        if (!r) {
            m_c.dropped(e, what, text, "it cannot be written in FEEL (" + r.error.message + ")");
            return false;
        }
        *out = *r.text;
        return true;
    }

    /// Where Zeebe needs an expression: static text becomes a FEEL string.
    bool feelExpression(const Element* e, const std::string& what, const std::string& text, std::string* out)
    {
        if (!feel(e, what, text, out))
            return false;
        if (trimmed(*out).empty() || trimmed(*out).front() != '=') {
            std::string quoted = "=\"";
            for (char ch : *out) {
                if (ch == '"' || ch == '\\')
                    quoted += '\\';
                quoted += ch;
            }
            *out = quoted + "\"";
        }
        return true;
    }

    void implementation(Element* e, Element* holder)
    {
        const std::string type = m_c.attr(holder, m_cam, "type"), topic = m_c.attr(holder, m_cam, "topic");
        if (type == "external" && !topic.empty()) {
            Element* td = m_c.appendExtension(e, m_zb, "taskDefinition");
            m_c.set(td, "type", topic);
            m_c.unset(holder, "type", m_cam);
            m_c.unset(holder, "topic", m_cam);
            retries(e, holder, td);
            return;
        }
        for (const char* a : {"class", "delegateExpression", "expression"}) {
            const std::string v = m_c.attr(holder, m_cam, a);
            if (v.empty())
                continue;
            m_c.dropped(e, std::string("camunda:") + a, v,
                        "Camunda 8 runs no Java code inside the engine; a job worker does the work: give the task "
                        "a job type (zeebe:taskDefinition) and write a worker for it");
            m_c.unset(holder, a, m_cam);
        }
    }

    /// camunda:failedJobRetryTimeCycle R5/PT10M gives retries 5 (the back-off is not carried over).
    void retries(Element* e, Element* holder, Element* td)
    {
        for (Element* x : m_c.extensionsIn(holder, m_cam)) {
            if (x->local() != "failedJobRetryTimeCycle")
                continue;
            const std::string cycle(trimmed(x->textContent()));
            if (cycle.size() > 1 && cycle[0] == 'R') {
                const auto slash = cycle.find('/');
                const std::string n = cycle.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
                if (!n.empty() && n.find_first_not_of("0123456789") == std::string::npos) {
                    m_c.set(td, "retries", n);
                    m_c.note(e, "convert-approximated",
                             "the retry cycle '" + cycle + "' of the " + describe(e) + " becomes " + n +
                                 " retries; the time between retries is set by the job worker in Camunda 8");
                    m_doc.remove(x);
                }
            }
        }
    }

    void decision(Element* e)
    {
        Element* cd = m_c.appendExtension(e, m_zb, "calledDecision");
        m_c.set(cd, "decisionId", m_c.attr(e, m_cam, "decisionRef"));
        std::string result = m_c.attr(e, m_cam, "resultVariable");
        if (result.empty()) {
            result = "decisionResult";
            m_c.note(e, "convert-default",
                     "the " + describe(e) + " had no result variable, which Camunda 8 requires; it is now '" + result +
                         "'");
        }
        m_c.set(cd, "resultVariable", result);
        const std::string map = m_c.attr(e, m_cam, "mapDecisionResult");
        if (!map.empty() && map != "singleEntry" && map != "singleResult")
            m_c.note(e, "convert-approximated",
                     "the " + describe(e) + " mapped the decision result as '" + map +
                         "'; Camunda 8 stores the decision's output as it is in the result variable");
        for (const char* a : {"decisionRef", "resultVariable", "mapDecisionResult", "decisionRefBinding"})
            m_c.unset(e, a, m_cam);
    }

    void script(Element* e)
    {
        std::string format(e->attr("scriptFormat"));
        for (auto& ch : format)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        Element* body = e->child(Ns::Model, "script");
        if (format.empty() && !body)
            return; // no Camunda 7 script: a job worker or zeebe:script does the work
        if (format != "feel" || !body) {
            m_c.note(e, "convert-dropped",
                     "the " + (format.empty() ? std::string("script") : format + " script") + " of the " + describe(e) +
                         " is not carried over: Camunda 8 runs no scripts in the engine; write the result as a FEEL "
                         "expression (zeebe:script) or give the task a job type for a worker");
            return;
        }
        Element* s = m_c.appendExtension(e, m_zb, "script");
        const std::string text(trimmed(body->textContent()));
        m_c.set(s, "expression", text.empty() || text.front() == '=' ? text : "=" + text);
        std::string result = m_c.attr(e, m_cam, "resultVariable");
        if (result.empty()) {
            result = "result";
            m_c.note(e, "convert-default", "the " + describe(e) + " had no result variable; it is now 'result'");
        }
        m_c.set(s, "resultVariable", result);
        m_c.unset(e, "resultVariable", m_cam);
        m_c.unset(e, "scriptFormat", Ns::None);
        m_doc.remove(body);
    }

    void userTask(Element* e)
    {
        // A user task from another engine becomes a Camunda user task (8.5 and later); one made for
        // Camunda 8 keeps its kind (a job-worker user task stays one).
        bool zeebeUserTask = false;
        for (const Element* x : m_c.extensionsIn(e, m_zb))
            zeebeUserTask = zeebeUserTask || x->local() == "userTask";
        if (m_c.source.engine != Engine::Camunda8 && !zeebeUserTask && m_c.target.atLeast(8, 5))
            m_c.appendExtension(e, m_zb, "userTask");
        Element* assignment = nullptr;
        for (const char* a : {"assignee", "candidateGroups", "candidateUsers"}) {
            const std::string v = m_c.attr(e, m_cam, a);
            if (v.empty())
                continue;
            std::string f;
            if (feel(e, std::string("camunda:") + a, v, &f)) {
                if (!assignment)
                    assignment = m_c.appendExtension(e, m_zb, "assignmentDefinition");
                m_c.set(assignment, a, f);
            }
            m_c.unset(e, a, m_cam);
        }
        const std::string formKey = m_c.attr(e, m_cam, "formKey");
        if (!formKey.empty()) {
            Element* form = m_c.appendExtension(e, m_zb, "formDefinition");
            const std::string prefix = "camunda-forms:deployment:";
            if (formKey.rfind(prefix, 0) == 0) {
                m_c.set(form, "formId", formKey.substr(prefix.size()));
                m_c.note(e, "convert-approximated",
                         "the form '" + formKey + "' of the " + describe(e) + " is now the linked form '" +
                             formKey.substr(prefix.size()) + "'; deploy the form with the process");
            } else {
                m_c.set(form, "externalReference", formKey);
                m_c.note(e, "convert-approximated",
                         "the form key '" + formKey + "' of the " + describe(e) +
                             " is now an external form reference; your task application opens it");
            }
            m_c.unset(e, "formKey", m_cam);
        }
        const std::string formRef = m_c.attr(e, m_cam, "formRef");
        if (!formRef.empty()) {
            m_c.set(m_c.appendExtension(e, m_zb, "formDefinition"), "formId", formRef);
            m_c.unset(e, "formRef", m_cam);
            m_c.unset(e, "formRefBinding", m_cam);
            m_c.unset(e, "formRefVersion", m_cam);
        }
    }

    void callActivity(Element* e)
    {
        const std::string called(trimmed(e->attr("calledElement")));
        if (called.empty())
            return;
        std::string f;
        if (extension(m_doc, e, uri::Zeebe, "calledElement") || !feel(e, "called element", called, &f))
            return;
        Element* ce = m_c.appendExtension(e, m_zb, "calledElement");
        m_c.set(ce, "processId", f);
        bool all = false;
        for (Element* x : m_c.extensionsIn(e, m_cam))
            if ((x->local() == "in" || x->local() == "out") && x->attr("variables") == "all") {
                all = true;
                m_doc.remove(x);
            }
        m_c.set(ce, "propagateAllChildVariables", all ? "true" : "false");
        m_c.unset(e, "calledElementBinding", m_cam);
    }

    void multiInstance(Element* e)
    {
        const std::string collection = m_c.attr(e, m_cam, "collection");
        const std::string element = m_c.attr(e, m_cam, "elementVariable");
        if (collection.empty())
            return;
        std::string f;
        if (!feelExpression(e, "camunda:collection", collection, &f))
            return;
        // "items" is a variable name in Camunda 7, "=items" in Camunda 8.
        if (f.front() == '=' && f.size() > 2 && f[1] == '"')
            f = "=" + collection;
        Element* lc = m_c.appendExtension(e, m_zb, "loopCharacteristics");
        m_c.set(lc, "inputCollection", f);
        if (!element.empty())
            m_c.set(lc, "inputElement", element);
        m_c.unset(e, "collection", m_cam);
        m_c.unset(e, "elementVariable", m_cam);
    }

    /// camunda:inputOutput to zeebe:ioMapping (text parameters only).
    void inputOutput(Element* e)
    {
        for (Element* io : m_c.extensionsIn(e, m_cam)) {
            if (io->local() != "inputOutput")
                continue;
            Element* mapping = nullptr;
            for (Element* p : io->children()) {
                const bool input = p->local() == "inputParameter";
                if (!input && p->local() != "outputParameter")
                    continue;
                const std::string name(p->attr("name"));
                bool nested = false;
                for (const Element* c : p->children())
                    nested = nested || c->isElement();
                std::string f;
                if (nested) {
                    m_c.dropped(e, input ? "input parameter" : "output parameter", name,
                                "a script, list or map parameter has no counterpart; write it as one FEEL expression");
                    continue;
                }
                if (!feelExpression(e, (input ? "input parameter " : "output parameter ") + name,
                                    std::string(trimmed(p->textContent())), &f))
                    continue;
                if (!mapping)
                    mapping = m_c.appendExtension(e, m_zb, "ioMapping");
                Element* m = m_c.append(mapping, m_zb, input ? "input" : "output");
                m_c.set(m, "source", f);
                m_c.set(m, "target", name);
            }
            m_doc.remove(io);
        }
    }

    /// A condition, completion condition or timer value in JUEL becomes FEEL.
    void expressionText(Element* e)
    {
        const std::string text = e->textContent();
        const auto t = trimmed(text);
        if (t.find("${") == std::string_view::npos && t.find("#{") == std::string_view::npos)
            return;
        auto r = Expression::toFeel(t);
        if (r)
            m_doc.setText(e, *r.text);
        else
            m_c.unconverted(e, std::string(t), "FEEL", r.error.message);
    }

    Converter& m_c;
    Document& m_doc;
    Ns m_cam, m_zb;
};

} // namespace

void toCamunda8(Converter& c)
{
    ToZeebe(c).run();
}

} // namespace runway::core::deploy
