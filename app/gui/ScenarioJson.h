// A stored scenario's expectations as the JSON the person edits: a list of the objects of its
// "expect" steps, in order, and back. Validation is the scenario format's own (Scenario::parse),
// so the editor accepts exactly what runway-cli and the store accept.
#pragma once

#include "runway/core/engine/Scenario.h"

#include <QString>

#include <optional>

namespace runway::app::scenariojson {

/// The expectations of s: a JSON array with one object per "expect" step, indented.
QString expectations(const core::engine::Scenario& s);

/// s with its expectations replaced by text (a JSON array of expectation objects): the first
/// replaces the first "expect" step, and so on; extra ones are appended as final steps, missing
/// ones drop the remaining "expect" steps. nullopt, with *error (where, what, and what to write),
/// when text is not such an array or an expectation is not one the scenario format knows.
std::optional<core::engine::Scenario> withExpectations(const core::engine::Scenario& s, const QString& text,
                                                        QString* error);

} // namespace runway::app::scenariojson
