#pragma once

// Deployability in the app: the findings the problems panel shows for the file's platform, and
// File > Export for Camunda 8 / Camunda 7 / plain BPMN. The work is done without dialogs
// (checkModel, exportForPlatform), so tests and the menu run the same code; only
// askDeployTarget and showDeployExportResult talk to the user.

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/deploy/Platform.h"

#include <QString>

#include <optional>

class QWidget;

namespace runway::app {

/// What the problems panel lists for a readable document: the Validator's findings and the rules
/// of the engine the file names (modeler:executionPlatform), in line order, as `runway-cli lint`
/// prints them. A platform Runway does not know is a warning ("deploy-platform-unknown") and the
/// file is checked as plain BPMN.
struct ModelCheck {
    core::deploy::Platform platform;
    core::Diagnostics diagnostics;
};
ModelCheck checkModel(const core::Document& doc);

/// The outcome of an export for a target engine.
struct DeployExportResult {
    core::deploy::Platform target;
    bool written = false;
    core::Diagnostics report;   ///< the conversion report: what could not be carried over
    core::Diagnostics problems; ///< what the target would reject (errors) or warn about
    QString error;              ///< why nothing was written, in words; empty when written
};

/// Converts a copy of doc for target (doc is untouched), checks it as `runway-cli lint` would and
/// writes it to path atomically only when the target would deploy it (no errors) and it has a
/// diagram. Otherwise nothing is written and error says why.
DeployExportResult exportForPlatform(const core::Document& doc, const core::deploy::Platform& target,
                                     const QString& path);

/// The version offered first: the file's own when it is for that engine, else the latest Runway knows.
core::deploy::Platform defaultTarget(const core::Document& doc, core::deploy::Engine engine);
/// Every version Runway knows the rules of for engine, newest first (one, plain BPMN, for Bpmn).
QList<core::deploy::Platform> supportedTargets(core::deploy::Engine engine);

/// Asks for the version to export for (nothing to ask for plain BPMN); nothing when cancelled.
std::optional<core::deploy::Platform> askDeployTarget(QWidget* parent, const core::Document& doc,
                                                      core::deploy::Engine engine);
/// The report of an export, as a message box: written or not, then the conversion report and the
/// problems in the compiler form ("file:line: error: ... [code]").
void showDeployExportResult(QWidget* parent, const DeployExportResult& result, const QString& path);
/// The whole result as text, as the dialog shows it in its details.
QString deployExportText(const DeployExportResult& result);

} // namespace runway::app
