// FEEL (Camunda 8) to JUEL (Camunda 7), the other direction of Expression::toFeel (ToFeel.cpp).
#include "deploy/RuleContext.h"
#include "expression/Ast.h"
#include "expression/Text.h"
#include "runway/core/deploy/Convert.h"

namespace runway::core::deploy {

using namespace expr;

namespace {

// JUEL's precedence levels, loosest first.
enum Level { kIf = 0, kOr = 1, kAnd = 2, kEq = 3, kRel = 4, kAdd = 5, kMul = 6, kUnary = 7, kPostfix = 8, kAtom = 9 };

struct Refused {
    std::string message;
    int column;
};

struct Written {
    std::string text;
    int level;
};

class JuelWriter {
public:
    explicit JuelWriter(const Program& p) : m_p(p) {}

    Written write(std::int32_t id)
    {
        const Node& n = m_p.node(id);
        switch (n.op) {
        case Op::Literal: return literal(m_p.constants[n.index], n);
        case Op::Name: return {name(m_p.names[n.index], n), kAtom};
        case Op::Path: return {at(n.a, kPostfix) + "." + name(m_p.names[n.index], n), kPostfix};
        case Op::Index: return index(n);
        case Op::Neg: return {"-" + at(n.a, kUnary), kUnary};
        case Op::Not: return {"!" + at(n.a, kUnary), kUnary};
        case Op::Add:
        case Op::Sub: return binary(n, kAdd);
        case Op::Mul:
        case Op::Div: return binary(n, kMul);
        case Op::Eq:
        case Op::Ne: return binary(n, kEq);
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: return binary(n, kRel);
        case Op::And: return binary(n, kAnd);
        case Op::Or: return binary(n, kOr);
        case Op::If: return {at(n.a, kOr) + " ? " + at(n.b, kOr) + " : " + at(n.c, kIf), kIf};
        case Op::Between:
            return {at(n.a, kRel + 1) + " >= " + at(n.b, kRel + 1) + " && " + at(n.a, kRel + 1) +
                        " <= " + at(n.c, kRel + 1),
                    kAnd};
        default:
            throw Refused{"this part of the expression has no JUEL counterpart (FEEL functions, lists, "
                          "filters, ranges and loops do not map); rewrite it by hand",
                          n.column};
        }
    }

private:
    std::string at(std::int32_t id, int level)
    {
        Written w = write(id);
        return w.level < level ? "(" + w.text + ")" : w.text;
    }

    /// A variable or field name, refused when JUEL reserves it ("empty", "div", "lt"...).
    static std::string name(const std::string& s, const Node& n)
    {
        static const char* const reserved[] = {"and", "or",  "not", "eq",    "ne",   "lt",    "gt",   "le",
                                               "ge",  "div", "mod", "empty", "true", "false", "null", "instanceof"};
        for (const char* r : reserved)
            if (s == r)
                throw Refused{"the name '" + s + "' is a word of JUEL; rename the variable before converting",
                              n.column};
        return s;
    }

    Written binary(const Node& n, int level)
    {
        return {at(n.a, level) + " " + opText(n.op, true) + " " + at(n.b, level + 1), level};
    }

    Written literal(const Value& v, const Node& n)
    {
        if (v.isString() || v.isNumber() || v.isNull() || v.isBoolean())
            return {v.toString(), kAtom}; // "text" with \" escapes, 1500, null, true: JUEL reads them alike
        throw Refused{"this literal has no JUEL counterpart", n.column};
    }

    Written index(const Node& n)
    {
        const Node& i = m_p.node(n.b);
        if (i.op == Op::Literal) {
            const Value& v = m_p.constants[i.index];
            if (v.isNumber() && v.asNumber() >= 1 &&
                v.asNumber() == static_cast<double>(static_cast<long long>(v.asNumber())))
                return {at(n.a, kPostfix) + "[" + formatNumber(v.asNumber() - 1) + "]", kPostfix}; // JUEL counts from 0
        }
        throw Refused{"only a literal position (list[1]) maps to JUEL, not a filter", n.column};
    }

    const Program& m_p;
};

} // namespace

ConversionResult toJuel(std::string_view feel)
{
    ConversionResult r;
    const auto t = trimmed(feel);
    if (t.empty() || t.front() != '=') {
        r.text = std::string(feel);
        return r;
    }
    auto compiled = Expression::compile(t.substr(1), Dialect::Feel);
    if (!compiled) {
        r.error = compiled.error;
        return r;
    }
    try {
        const Program& p = Access::program(*compiled);
        r.text = "${" + JuelWriter(p).write(p.root).text + "}";
    } catch (const Refused& e) {
        r.error = {e.message, e.column};
    }
    return r;
}

} // namespace runway::core::deploy
