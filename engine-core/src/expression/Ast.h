// The compiled form of an expression: nodes in one vector, children by index. Built once by the
// parser, then only read (by any number of threads at once).
#pragma once

#include "runway/core/Expression.h"

#include <cstdint>
#include <string>
#include <vector>

namespace runway::core::expr {

enum class Op : std::uint8_t {
    Literal,   // constants[index]
    Name,      // names[index]
    Path,      // a.names[index]
    Index,     // a[b]: FEEL filter or 1-based index; JUEL 0-based index or key
    List,      // kids: elements
    Ctx,       // kids: name index, value node, name index, value node...
    Range,     // a..b; flags: kLowOpen, kHighOpen (only as a test of In)
    UnaryTest, // "< b" in "x in (< 5, > 10)": flags = the comparison Op, a = operand
    Neg,       // -a
    Not,       // not(a), !a
    Empty,     // JUEL: empty a
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Between,   // a between b and c
    In,        // a in kids (tests: Range, UnaryTest or an expression)
    If,        // if a then b else c; JUEL a ? b : c
    Call,      // built-in function index; kids: arguments
    IsDefined, // is defined(a)
    Some,      // some names[index] in a satisfies b
    Every,     // every names[index] in a satisfies b
    For,       // for names[index] in a return b
    Concat,    // JUEL text with ${...} parts: kids joined as text
};

constexpr std::uint8_t kLowOpen = 1, kHighOpen = 2;

struct Node {
    Op op = Op::Literal;
    std::uint8_t flags = 0;
    std::int32_t a = -1, b = -1, c = -1;
    std::uint32_t index = 0;            // constant, name or function, by op
    std::uint32_t first = 0, count = 0; // kids
    std::int32_t column = 0;            // where to point at in messages
    std::int32_t depth = 1;             // of the subtree
};

/// "=", "<", "and"...: how messages and the FEEL writer show an operator.
const char* opText(Op op, bool juel);

} // namespace runway::core::expr

namespace runway::core {

struct Expression::Program {
    std::string text;
    Dialect dialect = Dialect::Feel; // Auto for a static value
    std::vector<expr::Node> nodes;
    std::vector<std::int32_t> kids;
    std::vector<Value> constants;
    std::vector<std::string> names;
    std::vector<std::string> used;
    std::int32_t root = -1;

    const expr::Node& node(std::int32_t i) const { return nodes[static_cast<std::size_t>(i)]; }
    std::int32_t kid(const expr::Node& n, std::uint32_t i) const { return kids[n.first + i]; }
};

namespace expr {
using Program = Expression::Program;

struct Access {
    static Expression make(std::shared_ptr<const Program> p) { return Expression(std::move(p)); }
    static const Program& program(const Expression& e) { return *e.m_program; }
};
} // namespace expr

} // namespace runway::core
