// The facade's loop settings: testBefore, loopMaximum and loopCondition of a standard loop,
// loopCardinality and completionCondition of a multi-instance activity (BPMN 2.0, Semantic.xsd
// tStandardLoopCharacteristics / tMultiInstanceLoopCharacteristics).
#include "runway/core/modeling/Modeling.h"

#include <algorithm>
#include <string>

namespace runway::core::modeling {

namespace {
bool is(const Element* e, BpmnType t)
{
    return e && e->isA(t);
}

bool isStandardSetting(LoopSetting s)
{
    return s == LoopSetting::TestBefore || s == LoopSetting::LoopMaximum || s == LoopSetting::LoopCondition;
}

/// The attribute or child element name of a setting, as the schema spells it.
const char* settingName(LoopSetting s)
{
    switch (s) {
    case LoopSetting::TestBefore: return "testBefore";
    case LoopSetting::LoopMaximum: return "loopMaximum";
    case LoopSetting::LoopCondition: return "loopCondition";
    case LoopSetting::LoopCardinality: return "loopCardinality";
    case LoopSetting::CompletionCondition: return "completionCondition";
    }
    return "";
}

bool isWholeNumber(std::string_view v)
{
    return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}
} // namespace

Edit Modeling::setLoopSetting(Element* activity, LoopSetting which, std::string_view value)
{
    if (!is(activity, BpmnType::Activity))
        return refuse("only activities loop");
    Element* loop = activity->childOfType(BpmnType::LoopCharacteristics);
    const std::string name = settingName(which);
    if (isStandardSetting(which) && !is(loop, BpmnType::StandardLoopCharacteristics))
        return refuse(name + " belongs to a standard loop; make the activity a standard loop first");
    if (!isStandardSetting(which) && !is(loop, BpmnType::MultiInstanceLoopCharacteristics))
        return refuse(name +
                      " belongs to a multi-instance activity; make it parallel or sequential multi-instance first");
    if (which == LoopSetting::TestBefore && !value.empty() && value != "true" && value != "false")
        return refuse("testBefore is \"true\" or \"false\", not \"" + std::string(value) + "\"");
    if (which == LoopSetting::LoopMaximum && !value.empty() && !isWholeNumber(value))
        return refuse("loopMaximum is a whole number of 0 or more, not \"" + std::string(value) + "\"");

    m_doc.beginEdit();
    if (which == LoopSetting::TestBefore || which == LoopSetting::LoopMaximum) {
        if (value.empty())
            m_doc.removeAttribute(loop, name);
        else if (loop->attr(name) != value)
            m_doc.setAttribute(loop, name, value);
        return finish({});
    }
    Element* old = loop->child(Ns::Model, name);
    if (old && value == old->textContent())
        return finish({});
    if (old)
        m_doc.remove(old);
    if (!value.empty())
        insertOrdered(loop, newFormalExpression(name, value));
    return finish({});
}

} // namespace runway::core::modeling
