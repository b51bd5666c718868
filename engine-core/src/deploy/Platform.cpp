#include "runway/core/deploy/Platform.h"

#include <charconv>

namespace runway::core::deploy {

namespace {

/// "8.6", "8.6.0" or "8" into major and minor (minor -1 when absent).
bool parseVersion(std::string_view s, int& major, int& minor)
{
    minor = -1;
    const char* p = s.data();
    const char* end = s.data() + s.size();
    auto r = std::from_chars(p, end, major);
    if (r.ec != std::errc() || r.ptr == p)
        return false;
    if (r.ptr == end)
        return true;
    if (*r.ptr != '.')
        return false;
    const char* q = r.ptr + 1;
    r = std::from_chars(q, end, minor);
    if (r.ec != std::errc() || r.ptr == q)
        return false;
    if (r.ptr == end)
        return true;
    if (*r.ptr != '.')
        return false;
    int patch = 0;
    q = r.ptr + 1;
    r = std::from_chars(q, end, patch);
    return r.ec == std::errc() && r.ptr != q && r.ptr == end;
}

std::string knownRange(Engine e)
{
    if (e == Engine::Camunda8)
        return "8." + std::to_string(Platform::kCamunda8MinMinor) + " to 8." +
               std::to_string(Platform::kCamunda8MaxMinor);
    return "7." + std::to_string(Platform::kCamunda7MinMinor) + " to 7." + std::to_string(Platform::kCamunda7MaxMinor);
}

/// Checks major.minor against what Runway knows for engine e.
std::optional<Platform> make(Engine e, int major, int minor, std::string* error)
{
    const bool c8 = e == Engine::Camunda8;
    const int want = c8 ? 8 : 7;
    if (minor < 0)
        minor = c8 ? 6 : 21;
    const int lo = c8 ? Platform::kCamunda8MinMinor : Platform::kCamunda7MinMinor;
    const int hi = c8 ? Platform::kCamunda8MaxMinor : Platform::kCamunda7MaxMinor;
    if (major != want || minor < lo || minor > hi) {
        if (error)
            *error = "Runway knows the deployment rules of Camunda " + knownRange(e) + ", not of " +
                     std::to_string(major) + "." + std::to_string(minor) + "; choose one of those versions";
        return std::nullopt;
    }
    return Platform{e, major, minor};
}

} // namespace

std::optional<Platform> Platform::parseTarget(std::string_view text, std::string* error)
{
    const auto at = text.find('@');
    const auto name = text.substr(0, at);
    const auto version = at == std::string_view::npos ? std::string_view() : text.substr(at + 1);
    if (name == "bpmn" && at == std::string_view::npos)
        return Platform{};
    if (name != "camunda8" && name != "camunda7") {
        if (error)
            *error = "unknown target '" + std::string(text) +
                     "'; use camunda8[@VERSION] (Zeebe), camunda7[@VERSION] or bpmn";
        return std::nullopt;
    }
    const Engine e = name == "camunda8" ? Engine::Camunda8 : Engine::Camunda7;
    int major = e == Engine::Camunda8 ? 8 : 7, minor = -1;
    if (at != std::string_view::npos && !parseVersion(version, major, minor)) {
        if (error)
            *error = "the version '" + std::string(version) + "' of target '" + std::string(text) +
                     "' cannot be read; write it as MAJOR.MINOR, such as " + (e == Engine::Camunda8 ? "8.6" : "7.21");
        return std::nullopt;
    }
    return make(e, major, minor, error);
}

Platform Platform::ofDocument(const Document& doc, std::string* error)
{
    const Element* root = doc.root();
    if (!root)
        return {};
    std::string_view name, version;
    for (const auto& a : root->attrs) {
        if (a.ns == Ns::None || a.ns == Ns::Xmlns || doc.namespaceUri(a.ns) != uri::Modeler)
            continue;
        if (a.local() == "executionPlatform")
            name = a.value;
        else if (a.local() == "executionPlatformVersion")
            version = a.value;
    }
    if (name.empty())
        return {};
    Engine e;
    if (name == "Camunda Cloud")
        e = Engine::Camunda8;
    else if (name == "Camunda Platform")
        e = Engine::Camunda7;
    else {
        if (error)
            *error = "the file names the execution platform '" + std::string(name) +
                     "', which Runway does not know; Camunda Modeler writes \"Camunda Cloud\" (8) or \"Camunda "
                     "Platform\" (7)";
        return {};
    }
    int major = e == Engine::Camunda8 ? 8 : 7, minor = -1;
    if (!version.empty() && !parseVersion(version, major, minor)) {
        if (error)
            *error = "the execution platform version '" + std::string(version) +
                     "' cannot be read; write it as Camunda Modeler does, such as 8.6.0";
        return {};
    }
    if (auto p = make(e, major, minor, error))
        return *p;
    return {};
}

std::string Platform::target() const
{
    switch (engine) {
    case Engine::Camunda8: return "camunda8@" + std::to_string(major) + "." + std::to_string(minor);
    case Engine::Camunda7: return "camunda7@" + std::to_string(major) + "." + std::to_string(minor);
    default: return "bpmn";
    }
}

std::string Platform::displayName() const
{
    if (engine == Engine::Bpmn)
        return "plain BPMN";
    return "Camunda " + std::to_string(major) + "." + std::to_string(minor);
}

std::string_view Platform::executionPlatform() const
{
    switch (engine) {
    case Engine::Camunda8: return "Camunda Cloud";
    case Engine::Camunda7: return "Camunda Platform";
    default: return {};
    }
}

std::string Platform::executionPlatformVersion() const
{
    if (engine == Engine::Bpmn)
        return {};
    return std::to_string(major) + "." + std::to_string(minor) + ".0";
}

void setPlatform(Document& doc, const Platform& platform)
{
    Element* root = doc.root();
    if (!root)
        return;
    const Ns modeler = doc.internNamespace(uri::Modeler);
    doc.beginEdit();
    if (platform.engine == Engine::Bpmn) {
        doc.removeAttribute(root, "executionPlatform", modeler);
        doc.removeAttribute(root, "executionPlatformVersion", modeler);
    } else {
        doc.declareNamespace(modeler, "modeler");
        doc.setAttribute(root, "executionPlatform", platform.executionPlatform(), modeler);
        doc.setAttribute(root, "executionPlatformVersion", platform.executionPlatformVersion(), modeler);
    }
    doc.endEdit();
}

} // namespace runway::core::deploy
