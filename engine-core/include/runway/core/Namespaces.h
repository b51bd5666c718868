#pragma once

#include <cstdint>
#include <string_view>

namespace runway::core {

/// A namespace as the document knows it: the well-known ones have fixed values, others are
/// numbered per document in the order they are met. Namespaces are always matched by URI.
enum class Ns : std::uint16_t {
    None = 0, // attributes without a prefix
    Model,    // BPMN 2.0 semantic model
    BpmnDi,   // BPMN 2.0 DI
    Dc,       // OMG DD common
    Di,       // OMG DD interchange
    Xsi,
    Xml,
    Xmlns, // namespace declarations (xmlns, xmlns:p) are kept as attributes in this namespace
    FirstCustom
};

namespace uri {
inline constexpr std::string_view Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
inline constexpr std::string_view BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
inline constexpr std::string_view Dc = "http://www.omg.org/spec/DD/20100524/DC";
inline constexpr std::string_view Di = "http://www.omg.org/spec/DD/20100524/DI";
inline constexpr std::string_view Xsi = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr std::string_view Xml = "http://www.w3.org/XML/1998/namespace";
inline constexpr std::string_view Xmlns = "http://www.w3.org/2000/xmlns/";
// Extensions Runway reads (kept losslessly like any other; named here for convenience).
inline constexpr std::string_view Zeebe = "http://camunda.org/schema/zeebe/1.0";
inline constexpr std::string_view Camunda = "http://camunda.org/schema/1.0/bpmn";
inline constexpr std::string_view Modeler = "http://camunda.org/schema/modeler/1.0";
inline constexpr std::string_view BpmnIoColor = "http://bpmn.io/schema/bpmn/biocolor/1.0";
inline constexpr std::string_view OmgColor = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";
// Runway's own extensions (stored scenarios: decision record 0010).
inline constexpr std::string_view Runway = "https://runway.dev/schema/bpmn/1.0";
} // namespace uri

/// The prefix Runway uses when it must declare a well-known namespace itself.
std::string_view defaultPrefix(Ns ns);
std::string_view wellKnownUri(Ns ns);

} // namespace runway::core
