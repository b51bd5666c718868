// JUEL's own forms: its operators (symbols and words), its primaries, and the refusal of calls.
#include "Parser.h"

namespace runway::core::expr {

bool Parser::juelBinaryOp(const Token& t, BinaryOp& out) const
{
    auto set = [&](Op op, int prec) {
        out = BinaryOp{op, prec};
        return true;
    };
    const std::string& w = t.text;
    switch (t.kind) {
    case Tok::OrOr: return set(Op::Or, 1);
    case Tok::AndAnd: return set(Op::And, 2);
    case Tok::EqEq: return set(Op::Eq, 3);
    case Tok::Ne: return set(Op::Ne, 3);
    case Tok::Lt: return set(Op::Lt, 4);
    case Tok::Le: return set(Op::Le, 4);
    case Tok::Gt: return set(Op::Gt, 4);
    case Tok::Ge: return set(Op::Ge, 4);
    case Tok::Plus: return set(Op::Add, 5);
    case Tok::Minus: return set(Op::Sub, 5);
    case Tok::Star: return set(Op::Mul, 6);
    case Tok::Slash: return set(Op::Div, 6);
    case Tok::Percent: return set(Op::Mod, 6);
    case Tok::Eq:
        unexpected(t, ": JUEL compares with '==' (or eq); '=' assigns, which is never evaluated in simulation");
    case Tok::PlusEq: unexpected(t, ": string concatenation with '+=' is not supported");
    case Tok::Arrow: unexpected(t, ": lambda expressions are not evaluated in simulation");
    case Tok::Semicolon: unexpected(t, ": only one expression is allowed between '${' and '}'");
    case Tok::Name:
        if (w == "or")
            return set(Op::Or, 1);
        if (w == "and")
            return set(Op::And, 2);
        if (w == "eq" || w == "ne")
            return set(w == "eq" ? Op::Eq : Op::Ne, 3);
        if (w == "lt" || w == "le" || w == "gt" || w == "ge")
            return set(w == "lt" ? Op::Lt : w == "le" ? Op::Le : w == "gt" ? Op::Gt : Op::Ge, 4);
        if (w == "div")
            return set(Op::Div, 6);
        if (w == "mod")
            return set(Op::Mod, 6);
        if (w == "instanceof")
            unexpected(t, ": 'instanceof' is not supported");
        return false;
    default: return false;
    }
}

void Parser::refuseCall(const Token& start, const Token& callee) const
{
    const std::size_t end = callee.kind == Tok::LParen ? callee.pos : callee.pos + callee.len;
    const std::string shown = m_program.text.substr(start.pos, end - start.pos) + "(...)";
    throw compileError("method calls are not evaluated in simulation: '" + shown + "'", start.column,
                       " would run code of the application; give the value to the simulation as a variable instead");
}

std::int32_t Parser::juelPrimary()
{
    static const char* const reserved[] = {"and", "or", "not", "eq",  "ne",         "lt",   "gt",
                                           "le",  "ge", "div", "mod", "instanceof", "empty"};
    const Token& t = tok();
    switch (t.kind) {
    case Tok::Number: take(); return literal(Value(t.number), t.column);
    case Tok::String: take(); return literal(Value(t.text), t.column);
    case Tok::Name: {
        if (t.text == "true" || t.text == "false" || t.text == "null") {
            take();
            return literal(t.text == "null" ? Value() : Value(t.text == "true"), t.column);
        }
        for (const char* r : reserved)
            if (t.text == r)
                unexpected(t);
        if (at(Tok::LParen, 1))
            refuseCall(t, t);
        if (at(Tok::Colon, 1) && at(Tok::Name, 2) && at(Tok::LParen, 3))
            refuseCall(t, tok(2)); // a function of a library: ${fn:contains(a, b)}
        take();
        return nameNode(t);
    }
    case Tok::LParen: {
        const Token& open = take();
        const std::int32_t e = expression();
        expect(Tok::RParen, "')'", open);
        return e;
    }
    case Tok::LBracket:
    case Tok::LBrace: unexpected(t, ": list, set and map literals are not supported in JUEL");
    default: unexpected(t);
    }
}

} // namespace runway::core::expr
