#pragma once

#include "runway/core/Value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runway::core {

/// The expression languages of the engines Runway models for.
enum class Dialect {
    Feel, ///< FEEL as Camunda 8 writes it; compile() takes the text with or without its leading '='
    Juel, ///< JUEL as Camunda 7 writes it: "${...}" or "#{...}", possibly inside literal text
    Auto, ///< by the text: "=..." is FEEL, text with "${" or "#{" is JUEL, anything else a static string
};

/// What is wrong with an expression: a message a modeler can act on, which names the column, and
/// the column itself (1-based, in characters of the text given to compile(), 0 when no one place
/// is at fault).
struct ExpressionError {
    std::string message;
    int column = 0;
};

/// Optional inputs of an evaluation.
struct EvalContext {
    /// The simulation's clock, in milliseconds since 1970-01-01T00:00:00Z. now() and today() give
    /// an error without it: a simulation must not depend on the wall clock.
    std::optional<std::int64_t> nowMillis;
};

/// A value, or why there is none.
struct EvalResult {
    std::optional<Value> value;
    ExpressionError error; ///< empty message when value is set

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
    const Value& operator*() const { return *value; }
    const Value* operator->() const { return &*value; }
};

/// The outcome of a condition: true or false, or why neither.
struct ConditionResult {
    std::optional<bool> value;
    ExpressionError error;

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
};

class Expression;
struct ExpressionResult;
namespace expr {
struct Access; // the implementation's way in (src/expression)
}

/// FEEL text converted from JUEL, or why it cannot be.
struct ConversionResult {
    std::optional<std::string> text;
    ExpressionError error;

    bool ok() const { return text.has_value(); }
    explicit operator bool() const { return ok(); }
};

/// An expression of a model (a condition, a timer value, a correlation key), compiled once and
/// evaluated against variables as often as needed. Only what is described in docs/expressions.md is
/// understood: scripts, method calls and anything else that would run code are refused at compile
/// time, so evaluating an untrusted model cannot do more than compute a value.
///
/// A compiled expression is immutable and cheap to copy (copies share it); any number of threads
/// may evaluate one at once. No function of this class throws: every problem is an ExpressionError.
class Expression {
public:
    /// Limits on untrusted text: longer text, or deeper nesting (of parentheses, operators,
    /// lists...), is an error, never a stack overflow.
    static constexpr std::size_t kMaxLength = 64 * 1024;
    static constexpr int kMaxDepth = 200;
    /// The most steps (evaluated nodes, loop iterations included) one evaluation may take.
    static constexpr std::int64_t kMaxSteps = 1'000'000;

    static ExpressionResult compile(std::string_view text, Dialect dialect = Dialect::Auto);

    EvalResult evaluate(const Variables& variables, const EvalContext& context = {}) const;
    /// evaluate(), then a boolean is required: null or any other value is an error (as engines raise
    /// an incident for a condition that gives no boolean).
    ConditionResult evaluateCondition(const Variables& variables, const EvalContext& context = {}) const;

    /// The dialect the text was read in: Feel or Juel, or Auto for a static value (text that is no
    /// expression: it evaluates to itself, as a string).
    Dialect dialect() const;
    bool isStatic() const { return dialect() == Dialect::Auto; }
    /// The text as given to compile().
    const std::string& text() const;
    /// The variables the expression reads, by their first name ("customer" for customer.tier), in
    /// the order they first appear. Names bound inside the expression (item in a filter, x in
    /// "some x in ...") are left out; names inside a filter may be fields of the list's items.
    const std::vector<std::string>& variablesUsed() const;

    /// Converts a JUEL expression (Camunda 7) to FEEL (Camunda 8): "${amount > 1000 && approved}"
    /// gives "=amount > 1000 and approved". Text that is not JUEL (a static value, or FEEL that
    /// compiles) is returned unchanged. What has no FEEL counterpart (empty, a computed index) is an
    /// error, as is text that does not compile.
    static ConversionResult toFeel(std::string_view juel);

    struct Program; // the compiled form (src/expression/Ast.h)

private:
    friend struct expr::Access;
    explicit Expression(std::shared_ptr<const Program> program) : m_program(std::move(program)) {}
    std::shared_ptr<const Program> m_program;
};

/// A compiled expression, or why the text cannot be compiled.
struct ExpressionResult {
    std::optional<Expression> expression;
    ExpressionError error;

    bool ok() const { return expression.has_value(); }
    explicit operator bool() const { return ok(); }
    const Expression& operator*() const { return *expression; }
    const Expression* operator->() const { return &*expression; }
};

} // namespace runway::core
