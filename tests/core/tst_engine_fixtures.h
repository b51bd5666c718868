// Small processes for the engine tests, kept out of the test source because moc misreads "//"
// inside raw string literals.
#pragma once

#include <string>

namespace {

/// Wraps process content in a definitions element (no DI: the engine never reads it).
inline std::string model(const std::string& body, const std::string& rootElements = {})
{
    return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="urn:test">
)") + rootElements + "<bpmn:process id=\"P\" isExecutable=\"true\">\n" + body + "</bpmn:process>\n</bpmn:definitions>\n";
}

inline std::string flow(const std::string& id, const std::string& from, const std::string& to,
                        const std::string& condition = {})
{
    if (condition.empty())
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\" />\n";
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to +
           "\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition +
           "</bpmn:conditionExpression></bpmn:sequenceFlow>\n";
}

inline std::string timer(const std::string& kind, const std::string& value)
{
    return "<bpmn:timerEventDefinition><bpmn:" + kind + ">" + value + "</bpmn:" + kind + "></bpmn:timerEventDefinition>";
}

} // namespace
