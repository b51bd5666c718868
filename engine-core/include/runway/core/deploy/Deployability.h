#pragma once

#include "runway/core/Diagnostic.h"
#include "runway/core/Document.h"
#include "runway/core/deploy/Platform.h"

namespace runway::core::deploy {

/// The rules the chosen engine applies when a definition is deployed: what Zeebe (Camunda 8) or
/// Camunda 7 would reject, each finding naming the element, its line and what to do, with a stable
/// code ("c8-task-type-missing", "c7-history-ttl-missing"; docs/deploy.md lists them). Only
/// executable processes are checked, as only they are deployed. For plain BPMN there are no engine
/// rules: the result is empty.
Diagnostics checkDeployable(const Document& doc, const Platform& platform);

/// Everything that stands between a file and a deployment on platform: the structural findings of
/// Validator, then the engine's rules, in line order. What `runway-cli lint` prints.
Diagnostics lint(const Document& doc, const Platform& platform);

} // namespace runway::core::deploy
