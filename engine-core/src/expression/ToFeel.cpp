// JUEL (Camunda 7) to FEEL (Camunda 8): what maps one to one is written again in FEEL; what does
// not (empty, computed indexes, names FEEL reserves) is an error that names the place.
#include "Ast.h"
#include "Lexer.h"
#include "Text.h"

namespace runway::core {

using namespace expr;

namespace {

// FEEL's precedence levels, loosest first.
enum Level { kIf = 0, kOr = 1, kAnd = 2, kCompare = 3, kAdd = 4, kMul = 5, kUnary = 7, kPostfix = 8, kAtom = 9 };

struct Written {
    std::string text;
    int level;
};

class FeelWriter {
public:
    explicit FeelWriter(const Program& p) : m_p(p) {}

    Written write(std::int32_t id)
    {
        const Node& n = m_p.node(id);
        switch (n.op) {
        case Op::Literal: {
            const Value& v = m_p.constants[n.index];
            return {v.toString(), kAtom};
        }
        case Op::Name: return {name(m_p.names[n.index], n), kAtom};
        case Op::Path: return {at(n.a, kPostfix) + "." + name(m_p.names[n.index], n), kPostfix};
        case Op::Index: return index(n);
        case Op::Neg: return {"-" + at(n.a, 6), kUnary};
        case Op::Not: return {"not(" + write(n.a).text + ")", kAtom};
        case Op::Empty:
            throw compileError("'empty' does not map to FEEL", n.column,
                               ": it tests for null, \"\" or an empty list at once; write the test you mean "
                               "(x = null, x = \"\", count(x) = 0)");
        case Op::Mod: return {"modulo(" + write(n.a).text + ", " + write(n.b).text + ")", kAtom};
        case Op::Add:
        case Op::Sub: return binary(n, kAdd);
        case Op::Mul:
        case Op::Div: return binary(n, kMul);
        case Op::Eq:
        case Op::Ne:
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: return {at(n.a, kCompare + 1) + " " + opText(n.op, false) + " " + at(n.b, kCompare + 1), kCompare};
        case Op::And: return binary(n, kAnd);
        case Op::Or: return binary(n, kOr);
        case Op::If: return {"if " + write(n.a).text + " then " + write(n.b).text + " else " + write(n.c).text, kIf};
        case Op::Concat: return concat(n);
        default: throw compileError("this part of the expression does not map to FEEL", n.column);
        }
    }

private:
    // The text of a child, in parentheses when it binds more loosely than `level`.
    std::string at(std::int32_t id, int level)
    {
        Written w = write(id);
        return w.level < level ? "(" + w.text + ")" : w.text;
    }

    Written binary(const Node& n, int level)
    {
        return {at(n.a, level) + " " + opText(n.op, false) + " " + at(n.b, level + 1), level};
    }

    std::string name(const std::string& s, const Node& n)
    {
        static const char* const reserved[] = {"and",       "or",      "not",      "true", "false",  "null", "if",
                                               "then",      "else",    "for",      "in",   "return", "some", "every",
                                               "satisfies", "between", "instance", "of",   "item"};
        for (const char* r : reserved)
            if (s == r)
                throw compileError("the name '" + s + "' is a word of FEEL", n.column,
                                   ": rename the variable before converting");
        if (!isPlainName(s))
            throw compileError("the name '" + s + "' cannot be written in FEEL", n.column,
                               ": FEEL names are letters, digits and '_'");
        return s;
    }

    Written index(const Node& n)
    {
        const Node& i = m_p.node(n.b);
        if (i.op == Op::Literal) {
            const Value& v = m_p.constants[i.index];
            if (v.isNumber() && v.asNumber() >= 0 &&
                v.asNumber() == static_cast<double>(static_cast<long long>(v.asNumber())))
                return {at(n.a, kPostfix) + "[" + formatNumber(v.asNumber() + 1) + "]", kPostfix}; // FEEL counts from 1
            if (v.isString() && isPlainName(v.asString()))
                return {at(n.a, kPostfix) + "." + v.asString(), kPostfix};
        }
        throw compileError("the index does not map to FEEL", n.column,
                           ": only a literal position (list[0]) or key (map['key']) does");
    }

    Written concat(const Node& n)
    {
        std::string s;
        for (std::uint32_t k = 0; k < n.count; ++k) {
            const std::int32_t id = m_p.kid(n, k);
            if (!s.empty())
                s += " + ";
            const Node& part = m_p.node(id);
            if (part.op == Op::Literal && m_p.constants[part.index].isString())
                s += write(id).text;
            else
                s += "string(" + write(id).text + ")";
        }
        return {s, kAdd};
    }

    const Program& m_p;
};

} // namespace

ConversionResult Expression::toFeel(std::string_view juel)
{
    ConversionResult r;
    try {
        auto compiled = compile(juel, Dialect::Auto);
        if (!compiled) {
            r.error = compiled.error;
            return r;
        }
        const Program& p = Access::program(*compiled);
        if (p.dialect != Dialect::Juel) {
            r.text = std::string(juel);
            return r;
        }
        r.text = "=" + FeelWriter(p).write(p.root).text;
    } catch (const CompileError& e) {
        r.error = {e.message, e.column};
    } catch (const std::exception& e) {
        r.error = {std::string("the expression could not be converted: ") + e.what(), 1};
    }
    return r;
}

} // namespace runway::core
