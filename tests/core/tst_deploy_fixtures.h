// The file around the small models of tst_deploy.cpp, kept out of the test source because moc
// misreads "//" (the namespace URIs) inside string literals of a test class's file.
#pragma once

#include <string>

namespace {

/// A file for platform ("Camunda Cloud" or "Camunda Platform", with version) holding body (inside
/// <definitions>, default namespace BPMN; prefixes zeebe:, camunda:, xsi: declared).
inline std::string deployModel(const std::string& platform, const std::string& version, const std::string& body)
{
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                    "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" "
                    "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
                    "xmlns:modeler=\"http://camunda.org/schema/modeler/1.0\" id=\"Defs\" targetNamespace=\"urn:test\"";
    if (!platform.empty())
        s += " modeler:executionPlatform=\"" + platform + "\" modeler:executionPlatformVersion=\"" + version + "\"";
    return s + ">\n" + body + "</definitions>\n";
}

} // namespace
