// runway-bench-gen: writing the built process as BPMN 2.0 XML with its DI (the part of the
// Generator in BenchGenerator.h that emits text).

#include "BenchGenerator.h"

#include <charconv>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

namespace runway::bench {

void Generator::esc(std::string_view s, bool attribute)
{
    for (char ch : s) {
        switch (ch) {
        case '&': m_out += "&amp;"; break;
        case '<': m_out += "&lt;"; break;
        case '>': m_out += "&gt;"; break;
        case '"':
            if (attribute)
                m_out += "&quot;";
            else
                m_out += ch;
            break;
        default: m_out += ch;
        }
    }
}

void Generator::attr(const char* name, std::string_view value)
{
    m_out += ' ';
    m_out += name;
    m_out += "=\"";
    esc(value, true);
    m_out += '"';
}

void Generator::attr(const char* name, int value)
{
    char buf[16];
    auto r = std::to_chars(buf, buf + sizeof buf, value);
    m_out += ' ';
    m_out += name;
    m_out += "=\"";
    m_out.append(buf, r.ptr);
    m_out += '"';
}

void Generator::textElement(int depth, const char* tag, std::string_view text, const char* xsiType)
{
    indent(depth);
    m_out += '<';
    m_out += tag;
    if (xsiType)
        attr("xsi:type", xsiType);
    m_out += '>';
    esc(text, false);
    m_out += "</";
    m_out += tag;
    m_out += ">\n";
}

void Generator::bounds(int depth, const Box& b)
{
    indent(depth);
    m_out += "<dc:Bounds";
    attr("x", b.x);
    attr("y", b.y);
    attr("width", b.w);
    attr("height", b.h);
    m_out += " />\n";
}

void Generator::labelBounds(int depth, const Box& b)
{
    indent(depth);
    m_out += "<bpmndi:BPMNLabel>\n";
    bounds(depth + 1, b);
    indent(depth);
    m_out += "</bpmndi:BPMNLabel>\n";
}

const char* Generator::tagOf(Kind k)
{
    switch (k) {
    case Kind::StartEvent: return "bpmn:startEvent";
    case Kind::EndEvent: return "bpmn:endEvent";
    case Kind::Task: return "bpmn:task";
    case Kind::UserTask: return "bpmn:userTask";
    case Kind::ServiceTask: return "bpmn:serviceTask";
    case Kind::ExclusiveGateway: return "bpmn:exclusiveGateway";
    case Kind::ParallelGateway: return "bpmn:parallelGateway";
    case Kind::TimerCatch: return "bpmn:intermediateCatchEvent";
    case Kind::BoundaryTimer:
    case Kind::BoundaryError: return "bpmn:boundaryEvent";
    case Kind::SubProcess: return "bpmn:subProcess";
    default: return "";
    }
}

void Generator::writeNode(int depth, const Node& n)
{
    const char* tag = tagOf(n.kind);
    indent(depth);
    m_out += '<';
    m_out += tag;
    attr("id", n.id);
    if (!n.name.empty())
        attr("name", n.name);
    if (isBoundary(n.kind)) {
        if (!n.cancelActivity)
            attr("cancelActivity", "false");
        attr("attachedToRef", m_nodes[static_cast<std::size_t>(n.attachedTo)].id);
    }
    if (n.defaultFlow >= 0)
        attr("default", m_flows[static_cast<std::size_t>(n.defaultFlow)].id);
    m_out += ">\n";
    if (!n.documentation.empty())
        textElement(depth + 1, "bpmn:documentation", n.documentation);
    for (int f : n.incoming)
        textElement(depth + 1, "bpmn:incoming", m_flows[static_cast<std::size_t>(f)].id);
    for (int f : n.outgoing)
        textElement(depth + 1, "bpmn:outgoing", m_flows[static_cast<std::size_t>(f)].id);
    if (n.timer) {
        indent(depth + 1);
        m_out += "<bpmn:timerEventDefinition";
        attr("id", n.eventDefinitionId);
        m_out += ">\n";
        textElement(depth + 2, n.timerIsCycle ? "bpmn:timeCycle" : "bpmn:timeDuration", n.timer->value,
                    "bpmn:tFormalExpression");
        indent(depth + 1);
        m_out += "</bpmn:timerEventDefinition>\n";
    } else if (n.error >= 0) {
        indent(depth + 1);
        m_out += "<bpmn:errorEventDefinition";
        attr("id", n.eventDefinitionId);
        attr("errorRef", m_errorIds[static_cast<std::size_t>(n.error)]);
        m_out += " />\n";
    }
    if (n.ownContainer >= 0)
        writeContainer(depth + 1, n.ownContainer);
    indent(depth);
    m_out += "</";
    m_out += tag;
    m_out += ">\n";
}

void Generator::writeFlow(int depth, const Flow& f)
{
    indent(depth);
    m_out += "<bpmn:sequenceFlow";
    attr("id", f.id);
    if (!f.name.empty())
        attr("name", f.name);
    attr("sourceRef", m_nodes[static_cast<std::size_t>(f.source)].id);
    attr("targetRef", m_nodes[static_cast<std::size_t>(f.target)].id);
    if (f.condition.empty()) {
        m_out += " />\n";
        return;
    }
    m_out += ">\n";
    textElement(depth + 1, "bpmn:conditionExpression", f.condition, "bpmn:tFormalExpression");
    indent(depth);
    m_out += "</bpmn:sequenceFlow>\n";
}

void Generator::writeContainer(int depth, int container)
{
    for (const Item& it : m_containers[static_cast<std::size_t>(container)]) {
        if (it.isFlow)
            writeFlow(depth, m_flows[static_cast<std::size_t>(it.index)]);
        else
            writeNode(depth, m_nodes[static_cast<std::size_t>(it.index)]);
    }
}

void Generator::writeShape(int depth, const Node& n)
{
    indent(depth);
    m_out += "<bpmndi:BPMNShape";
    attr("id", n.id + "_di");
    attr("bpmnElement", n.id);
    if (n.kind == Kind::ExclusiveGateway)
        attr("isMarkerVisible", "true");
    if (n.kind == Kind::SubProcess)
        attr("isExpanded", "true");
    m_out += ">\n";
    bounds(depth + 1, n.box);
    if (n.hasLabel)
        labelBounds(depth + 1, n.label);
    indent(depth);
    m_out += "</bpmndi:BPMNShape>\n";
}

void Generator::writeEdge(int depth, const Flow& f)
{
    indent(depth);
    m_out += "<bpmndi:BPMNEdge";
    attr("id", f.id + "_di");
    attr("bpmnElement", f.id);
    m_out += ">\n";
    for (const Point& p : f.waypoints) {
        indent(depth + 1);
        m_out += "<di:waypoint";
        attr("x", p.x);
        attr("y", p.y);
        m_out += " />\n";
    }
    if (f.hasLabel)
        labelBounds(depth + 1, f.label);
    indent(depth);
    m_out += "</bpmndi:BPMNEdge>\n";
}

std::string Generator::write()
{
    m_out.reserve(static_cast<std::size_t>(m_target) * 700 + 4096);
    m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    m_out += "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
             " xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\""
             " xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\""
             " xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\""
             " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
             " xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\""
             " id=\"Definitions_bench\" targetNamespace=\"http://bpmn.io/schema/bpmn\""
             " exporter=\"runway-bench-gen\" exporterVersion=\"1\""
             " modeler:executionPlatform=\"Camunda Cloud\" modeler:executionPlatformVersion=\"8.6.0\">\n";
    for (std::size_t i = 0; i < std::size(kErrors); ++i) {
        indent(1);
        m_out += "<bpmn:error";
        attr("id", m_errorIds[i]);
        attr("name", kErrors[i].name);
        attr("errorCode", kErrors[i].code);
        m_out += " />\n";
    }
    indent(1);
    m_out += "<bpmn:process";
    attr("id", m_processId);
    attr("name", "Order to cash (generated)");
    attr("isExecutable", "true");
    m_out += ">\n";
    writeContainer(2, 0);
    indent(1);
    m_out += "</bpmn:process>\n";
    indent(1);
    m_out += "<bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n";
    indent(2);
    m_out += "<bpmndi:BPMNPlane id=\"BPMNPlane_1\"";
    attr("bpmnElement", m_processId);
    m_out += ">\n";
    for (const Item& it : m_di) {
        if (it.isFlow)
            writeEdge(3, m_flows[static_cast<std::size_t>(it.index)]);
        else
            writeShape(3, m_nodes[static_cast<std::size_t>(it.index)]);
    }
    indent(2);
    m_out += "</bpmndi:BPMNPlane>\n";
    indent(1);
    m_out += "</bpmndi:BPMNDiagram>\n";
    m_out += "</bpmn:definitions>\n";
    return std::move(m_out);
}

} // namespace runway::bench
