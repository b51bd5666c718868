#pragma once

#include "runway/core/Document.h"

#include <optional>
#include <string>
#include <string_view>

namespace runway::core::deploy {

/// The engine a model is meant for.
enum class Engine {
    Bpmn,     ///< plain BPMN 2.0: no engine, only the structural checks
    Camunda8, ///< Zeebe, in Camunda 8 (Camunda Modeler: "Camunda Cloud")
    Camunda7, ///< Camunda 7 (Camunda Modeler: "Camunda Platform")
};

/// An engine and the version of it that a model targets. A file names it as Camunda Modeler does,
/// with modeler:executionPlatform ("Camunda Cloud" or "Camunda Platform") and
/// modeler:executionPlatformVersion ("8.6.0"), so Camunda's own tools read the same target; on the
/// command line it is written "camunda8@8.6", "camunda7@7.21" or "bpmn".
struct Platform {
    Engine engine = Engine::Bpmn;
    int major = 0, minor = 0; ///< 0.0 for Bpmn

    /// The versions Runway knows the rules of; a target outside them is refused.
    static constexpr int kCamunda8MinMinor = 0, kCamunda8MaxMinor = 8;
    static constexpr int kCamunda7MinMinor = 15, kCamunda7MaxMinor = 24;

    static Platform camunda8(int minor = 6) { return {Engine::Camunda8, 8, minor}; }
    static Platform camunda7(int minor = 21) { return {Engine::Camunda7, 7, minor}; }

    /// "camunda8", "camunda8@8.6", "camunda8@8.6.0", "camunda7@7.21", "bpmn". Without a version,
    /// Camunda 8.6 or 7.21. Sets error (what is wrong and what is accepted) and returns nothing
    /// for anything else.
    static std::optional<Platform> parseTarget(std::string_view text, std::string* error);
    /// The target the file names with its modeler attributes; Bpmn when it names none. A file that
    /// names a platform or version Runway does not know is reported in error (and Bpmn returned).
    static Platform ofDocument(const Document& doc, std::string* error = nullptr);

    /// "camunda8@8.6", "camunda7@7.21", "bpmn".
    std::string target() const;
    /// "Camunda 8.6", "Camunda 7.21", "plain BPMN" for messages.
    std::string displayName() const;
    /// modeler:executionPlatform: "Camunda Cloud", "Camunda Platform", or empty for Bpmn.
    std::string_view executionPlatform() const;
    /// modeler:executionPlatformVersion: "8.6.0".
    std::string executionPlatformVersion() const;
    bool atLeast(int maj, int min) const { return major > maj || (major == maj && minor >= min); }

    bool operator==(const Platform&) const = default;
};

/// Writes the platform into the file's modeler attributes (an edit of doc), declaring the modeler
/// namespace when needed; for Bpmn, removes them.
void setPlatform(Document& doc, const Platform& platform);

} // namespace runway::core::deploy
