// Evaluates a compiled expression against variables. Results are returned as pointers: to a
// constant, to a variable, to an item of a list being iterated, or to the `tmp` the caller passed,
// so that reading a variable or a constant copies nothing.
#pragma once

#include "Ast.h"

#include <string>
#include <string_view>
#include <vector>

namespace runway::core::expr {

/// The operators' rules (Operators.cpp). On failure they return false and set `error` to a message
/// without the column, which the evaluator adds.
bool feelArithmetic(Op op, const Value& l, const Value& r, Value& out, std::string& error);
bool juelArithmetic(Op op, const Value& l, const Value& r, Value& out, std::string& error);
/// Comparisons (= != < <= > >=): out is true, false or (FEEL, with a null side) null.
bool feelCompare(Op op, const Value& l, const Value& r, Value& out, std::string& error);
bool juelCompare(Op op, const Value& l, const Value& r, Value& out, std::string& error);
/// JUEL's coercion of a value to a boolean (null and "" are false, "true" in any case is true).
bool juelBoolean(const Value& v, bool& out, std::string& error);
/// JUEL's coercion of a value to a number (null and "" are 0, strings are read).
bool juelNumber(const Value& v, double& out, std::string& error);

class Evaluator {
public:
    Evaluator(const Program& program, const Variables& variables, const EvalContext& context)
        : m_program(program), m_vars(variables), m_context(context), m_juel(program.dialect == Dialect::Juel)
    {
    }

    /// The value of node `id`, or nullptr with error() set.
    const Value* eval(std::int32_t id, Value& tmp);
    const ExpressionError& error() const { return m_error; }

private:
    struct Frame {
        std::string_view name; // empty: the entries of *value (a context) are names
        const Value* value;
    };

    const Value* fail(const Node& n, std::string message);
    const Value* failOp(const Node& n, const std::string& error);
    const Value* name(const Node& n);
    const Value* findName(std::string_view name) const;
    bool defined(std::int32_t id);
    const Value* logic(const Node& n, Value& tmp);
    const Value* path(const Node& n, Value& tmp);
    const Value* index(const Node& n, Value& tmp);
    const Value* filter(const Node& n, const List& list, Value& tmp);
    const Value* in(const Node& n, Value& tmp);
    bool test(std::int32_t id, const Value& x, Value& out);
    const Value* between(const Node& n, Value& tmp);
    const Value* iterate(const Node& n, Value& tmp);
    const Value* call(const Node& n, Value& tmp);
    const Value* collection(const Node& n, Value& tmp);
    const Value* concat(const Node& n, Value& tmp);

    const Program& m_program;
    const Variables& m_vars;
    const EvalContext& m_context;
    bool m_juel;
    std::vector<Frame> m_frames;
    std::int64_t m_steps = 0;
    ExpressionError m_error;
};

/// Three-valued and/or of FEEL over true, false and null.
Value and3(const Value& a, const Value& b);
Value or3(const Value& a, const Value& b);

} // namespace runway::core::expr
