#include "RuleContext.h"
#include "runway/core/Expression.h"
#include "runway/core/Semantics.h"

// What Camunda 7 checks when a definition is deployed (its BPMN parser and the history time to
// live enforced since 7.20), as its documentation describes it.

namespace runway::core::deploy {

namespace {

class Camunda7 {
public:
    explicit Camunda7(RuleContext& ctx) : m_ctx(ctx), m_doc(ctx.doc()) {}

    void run()
    {
        if (m_ctx.executable().empty()) {
            const auto procs = sem::processes(m_doc);
            add(Severity::Error, procs.empty() ? m_doc.root() : procs.front(), "c7-no-executable-process",
                "no process in this file is executable, so Camunda 7 deploys nothing (and says nothing about it); "
                "mark the process executable (isExecutable=\"true\")");
            return;
        }
        for (const Element* p : m_ctx.executable())
            checkHistoryTimeToLive(p);
        for (const Element* e : m_ctx.elements())
            checkElement(e);
    }

private:
    void add(Severity s, const Element* e, const char* code, std::string message)
    {
        m_ctx.add(s, e, code, std::move(message));
    }

    std::string_view camunda(const Element* e, std::string_view local) const
    {
        return attrIn(m_doc, e, uri::Camunda, local);
    }

    void checkHistoryTimeToLive(const Element* p)
    {
        if (!trimmed(camunda(p, "historyTimeToLive")).empty())
            return;
        const bool enforced = m_ctx.platform().atLeast(7, 20);
        add(enforced ? Severity::Error : Severity::Warning, p, "c7-history-ttl-missing",
            "the " + describe(p) + " has no history time to live (camunda:historyTimeToLive)" +
                (enforced ? ", which Camunda 7.20 and later require to deploy it"
                          : ", so its history is never cleaned up") +
                "; set it to the days history is kept, such as 180");
    }

    void checkElement(const Element* e)
    {
        switch (e->type) {
        case BpmnType::ServiceTask:
        case BpmnType::SendTask: checkImplementation(e, e, false); break;
        case BpmnType::BusinessRuleTask: checkImplementation(e, e, true); break;
        case BpmnType::ScriptTask: checkScript(e); break;
        case BpmnType::ComplexGateway:
            add(Severity::Error, e, "c7-element-unsupported",
                "the " + describe(e) + " is not supported by Camunda 7; use exclusive, parallel or inclusive gateways");
            break;
        case BpmnType::SequenceFlow: checkCondition(e); break;
        default: break;
        }
        if (e->isA(BpmnType::Event))
            checkEvent(e);
    }

    /// Exactly one of class, expression, delegate expression, external topic or connector (or a
    /// decision for a business rule task). A throw event holds it on its messageEventDefinition.
    void checkImplementation(const Element* e, const Element* holder, bool decision)
    {
        int count = 0;
        for (const char* a : {"class", "expression", "delegateExpression"})
            if (!trimmed(camunda(holder, a)).empty())
                ++count;
        const bool external = camunda(holder, "type") == "external";
        if (external) {
            ++count;
            if (trimmed(camunda(holder, "topic")).empty())
                add(Severity::Error, e, "c7-external-topic-missing",
                    "the " + describe(e) +
                        " is an external task without a topic (camunda:topic); name the topic "
                        "its worker fetches");
        }
        if (extension(m_doc, holder, uri::Camunda, "connector"))
            ++count;
        if (decision && !trimmed(camunda(holder, "decisionRef")).empty())
            ++count;
        if (count == 0)
            add(Severity::Error, e, "c7-implementation-missing",
                "the " + describe(e) +
                    " has no implementation, which Camunda 7 requires to deploy it; set a Java class, an expression, "
                    "a delegate expression" +
                    (decision ? ", a decision (camunda:decisionRef)" : "") + " or an external topic");
        else if (count > 1)
            add(Severity::Error, e, "c7-implementation-multiple",
                "the " + describe(e) +
                    " has more than one implementation (class, expression, delegate expression, "
                    "external topic, connector" +
                    std::string(decision ? ", decision" : "") + "), which Camunda 7 rejects; keep one");
    }

    void checkScript(const Element* e)
    {
        if (trimmed(e->attr("scriptFormat")).empty())
            add(Severity::Error, e, "c7-script-format-missing",
                "the " + describe(e) +
                    " has no script format, which Camunda 7 requires; set scriptFormat (such as "
                    "groovy or javascript)");
        const Element* script = e->child(Ns::Model, "script");
        if ((!script || trimmed(script->textContent()).empty()) && trimmed(camunda(e, "resource")).empty())
            add(Severity::Error, e, "c7-script-missing",
                "the " + describe(e) + " has no script, inline or as a resource (camunda:resource); add one");
    }

    void checkEvent(const Element* e)
    {
        const auto defs = sem::eventDefinitions(e);
        if (defs.size() != 1)
            return;
        const Element* def = defs.front();
        if (def->local() == "messageEventDefinition" &&
            (e->type == BpmnType::EndEvent || e->type == BpmnType::IntermediateThrowEvent))
            checkImplementation(e, def, false);
        if (def->local() == "timerEventDefinition") {
            int values = 0;
            for (const Element* c : def->children())
                if (c->ns == Ns::Model &&
                    (c->local() == "timeDate" || c->local() == "timeDuration" || c->local() == "timeCycle"))
                    ++values;
            if (values != 1)
                add(Severity::Error, e, "c7-timer-definition",
                    "the timer of the " + describe(e) + " has " + std::to_string(values) +
                        " of timeDate, timeDuration and timeCycle; Camunda 7 needs exactly one: keep the one you mean");
        }
    }

    void checkCondition(const Element* f)
    {
        std::string text;
        const Element* at = nullptr;
        if (!conditionOf(f, &text, &at))
            return;
        const auto t = trimmed(text);
        if (t.empty() || !trimmed(at->attr("language")).empty())
            return; // a script condition in another language: Camunda 7 hands it to that script engine
        if (t.front() == '=') {
            const auto juel = "${" + std::string(trimmed(t.substr(1))) + "}";
            add(Severity::Error, at, "c7-condition-not-juel",
                "the condition '" + std::string(t) + "' of the sequence flow '" + std::string(f->id()) +
                    "' is FEEL, but Camunda 7 evaluates conditions as JUEL; write it as " + juel);
            return;
        }
        auto compiled = Expression::compile(t, Dialect::Juel);
        if (!compiled && beyondRunway(compiled.error.message))
            add(Severity::Warning, at, "c7-condition-unchecked",
                "the condition '" + std::string(t) + "' of the sequence flow '" + std::string(f->id()) +
                    "' could not be checked, as it uses JUEL that Runway does not evaluate (" + compiled.error.message +
                    "); Camunda 7 will check it when it evaluates it");
        else if (!compiled)
            add(Severity::Error, at, "c7-condition-invalid",
                "the condition '" + std::string(t) + "' of the sequence flow '" + std::string(f->id()) +
                    "' is not valid JUEL: " + compiled.error.message + "; correct it");
        else if (compiled->isStatic())
            add(Severity::Error, at, "c7-condition-invalid",
                "the condition '" + std::string(t) + "' of the sequence flow '" + std::string(f->id()) +
                    "' is plain text, not a JUEL expression, and never gives true or false; write it as ${...}");
    }

    RuleContext& m_ctx;
    const Document& m_doc;
};

} // namespace

void camunda7Rules(RuleContext& ctx)
{
    Camunda7(ctx).run();
}

} // namespace runway::core::deploy
