// FEEL's built-in functions that the evaluator knows: pure, and bounded by their arguments' size.
#pragma once

#include "runway/core/Expression.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace runway::core::expr {

/// Computes out from args (count checked by the parser), or says what is wrong in `error` (without
/// the function's name or column, which the evaluator adds) and returns false.
using FunctionImpl = bool (*)(const Value* const* args, int count, Value& out, std::string& error,
                              const EvalContext& context);

struct Function {
    std::string_view name; ///< as FEEL writes it: "string length", "upper case"
    int minArgs = 0;
    int maxArgs = 0;           ///< -1: any number
    bool nullGivesNull = true; ///< a null argument makes the result null without calling impl
    FunctionImpl impl = nullptr;
};

std::span<const Function> functions();
/// The index of a function by its name, or -1.
int findFunction(std::string_view name);

/// "string length, upper case, ..." for messages.
std::string functionNames();

} // namespace runway::core::expr
