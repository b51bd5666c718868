#include "Parser.h"

#include <algorithm>

namespace runway::core::expr {

namespace {

CompileError tooDeep(int column)
{
    return compileError("the expression is nested more than " + std::to_string(Expression::kMaxDepth) + " levels deep",
                        column, ": split it into simpler parts");
}

} // namespace

Parser::Guard::Guard(Parser& p) : parser(p)
{
    if (++p.m_nesting > Expression::kMaxDepth)
        throw tooDeep(p.tok().column);
}

Parser::Parser(Program& program, std::vector<Token> tokens, Dialect dialect)
    : m_program(program), m_tokens(std::move(tokens)), m_juel(dialect == Dialect::Juel)
{
    for (std::uint32_t i = 0; i < program.names.size(); ++i)
        m_names.emplace(program.names[i], i);
    m_used.insert(program.used.begin(), program.used.end());
}

std::int32_t Parser::parseAll()
{
    const std::int32_t root = expression();
    if (!at(Tok::End))
        unexpected(tok());
    checkRanges();
    return root;
}

// ---- tokens ----

const Token& Parser::tok(std::size_t ahead) const
{
    const std::size_t i = m_pos + ahead;
    return i < m_tokens.size() ? m_tokens[i] : m_tokens.back();
}

bool Parser::atWord(std::string_view word, std::size_t ahead) const
{
    const Token& t = tok(ahead);
    return t.kind == Tok::Name && t.text == word;
}

const Token& Parser::take()
{
    const Token& t = tok(); // the tokens never change while parsing: references stay valid
    if (m_pos < m_tokens.size() - 1)
        ++m_pos;
    return t;
}

void Parser::expect(Tok k, std::string_view what, const Token& opener)
{
    if (at(k)) {
        take();
        return;
    }
    std::string rest = ": expected " + std::string(what);
    if (opener.kind != Tok::End)
        rest += " to close the " + describe(opener, m_program.text) + " at column " + std::to_string(opener.column);
    throw compileError("unexpected " + describe(tok(), m_program.text), tok().column, rest);
}

void Parser::expectWord(std::string_view word, std::string_view context)
{
    if (atWord(word)) {
        take();
        return;
    }
    throw compileError("unexpected " + describe(tok(), m_program.text), tok().column,
                       ": expected '" + std::string(word) + "' " + std::string(context));
}

void Parser::unexpected(const Token& t, std::string_view hint) const
{
    std::string rest(hint);
    const bool current = m_pos < m_tokens.size() && m_tokens[m_pos].pos == t.pos;
    const bool afterName = current && m_pos > 0 && m_tokens[m_pos - 1].kind == Tok::Name;
    if (rest.empty() && t.kind == Tok::Name && afterName && !m_juel)
        rest = "; names with spaces are not supported: name the variable without spaces";
    throw compileError("unexpected " + describe(t, m_program.text), t.column, rest);
}

void Parser::fail(const Token& t, std::string message) const
{
    throw CompileError{std::move(message), t.column};
}

// ---- nodes and names ----

std::int32_t Parser::add(Node n)
{
    int depth = 0;
    for (std::int32_t c : {n.a, n.b, n.c})
        if (c >= 0)
            depth = std::max(depth, m_program.node(c).depth);
    for (std::uint32_t i = 0; i < n.count; ++i) {
        if (n.op == Op::Ctx && i % 2 == 0)
            continue; // a name index
        depth = std::max(depth, m_program.node(m_program.kids[n.first + i]).depth);
    }
    n.depth = depth + 1;
    if (n.depth > Expression::kMaxDepth)
        throw tooDeep(n.column);
    m_program.nodes.push_back(n);
    return static_cast<std::int32_t>(m_program.nodes.size() - 1);
}

std::int32_t Parser::add(Node n, const std::vector<std::int32_t>& kids)
{
    n.first = static_cast<std::uint32_t>(m_program.kids.size());
    n.count = static_cast<std::uint32_t>(kids.size());
    m_program.kids.insert(m_program.kids.end(), kids.begin(), kids.end());
    return add(n);
}

std::int32_t Parser::literal(Value v, int column)
{
    Node n;
    n.op = Op::Literal;
    n.index = static_cast<std::uint32_t>(m_program.constants.size());
    n.column = column;
    m_program.constants.push_back(std::move(v));
    return add(n);
}

std::uint32_t Parser::intern(const std::string& name)
{
    auto [it, added] = m_names.emplace(name, static_cast<std::uint32_t>(m_program.names.size()));
    if (added)
        m_program.names.push_back(name);
    return it->second;
}

std::int32_t Parser::nameNode(const Token& t)
{
    const bool bound = std::find(m_bound.begin(), m_bound.end(), t.text) != m_bound.end();
    if (!bound && m_used.insert(t.text).second)
        m_program.used.push_back(t.text);
    Node n;
    n.op = Op::Name;
    n.index = intern(t.text);
    n.column = t.column;
    return add(n);
}

// ---- grammar ----

std::int32_t Parser::expression()
{
    Guard guard(*this);
    const std::int32_t e = binary(1);
    if (!at(Tok::Question))
        return e;
    if (!m_juel)
        unexpected(tok(), ": FEEL writes 'if c then a else b', not 'c ? a : b'");
    const Token& q = take();
    Node n;
    n.op = Op::If;
    n.a = e;
    n.b = expression();
    expect(Tok::Colon, "':' of the '?'", q);
    n.c = expression();
    n.column = q.column;
    return add(n);
}

bool Parser::binaryOp(const Token& t, BinaryOp& out) const
{
    auto set = [&](Op op, int prec) {
        out = BinaryOp{op, prec};
        return true;
    };
    const std::string& w = t.text;
    if (m_juel)
        return juelBinaryOp(t, out);
    switch (t.kind) {
    case Tok::Eq: return set(Op::Eq, 3);
    case Tok::Ne: return set(Op::Ne, 3);
    case Tok::Lt: return set(Op::Lt, 3);
    case Tok::Le: return set(Op::Le, 3);
    case Tok::Gt: return set(Op::Gt, 3);
    case Tok::Ge: return set(Op::Ge, 3);
    case Tok::Plus: return set(Op::Add, 4);
    case Tok::Minus: return set(Op::Sub, 4);
    case Tok::Star: return set(Op::Mul, 5);
    case Tok::Slash: return set(Op::Div, 5);
    case Tok::StarStar: return set(Op::Pow, 6);
    case Tok::EqEq: unexpected(t, ": FEEL compares with '=', not '=='");
    case Tok::AndAnd: unexpected(t, ": FEEL writes 'and', not '&&'");
    case Tok::OrOr: unexpected(t, ": FEEL writes 'or', not '||'");
    case Tok::Percent: unexpected(t, ": FEEL has no '%': write modulo(a, b)");
    case Tok::Name:
        if (w == "or")
            return set(Op::Or, 1);
        if (w == "and")
            return set(Op::And, 2);
        if (w == "between")
            return set(Op::Between, 3);
        if (w == "in")
            return set(Op::In, 3);
        if (w == "instance")
            unexpected(t, ": 'instance of' is not supported");
        return false;
    default: return false;
    }
}

std::int32_t Parser::binary(int minPrec)
{
    std::int32_t left = unary();
    for (;;) {
        BinaryOp op;
        if (!binaryOp(tok(), op) || op.prec < minPrec)
            return left;
        const Token& t = take();
        if (op.op == Op::Between) {
            left = feelBetween(left, t);
        } else if (op.op == Op::In) {
            left = feelIn(left, t);
        } else {
            Node n;
            n.op = op.op;
            n.a = left;
            n.b = binary(op.prec + 1);
            n.column = t.column;
            left = add(n);
        }
        BinaryOp next;
        if (!m_juel && op.prec == 3 && binaryOp(tok(), next) && next.prec == 3)
            unexpected(tok(), ": comparisons cannot be chained; write 'a < b and b < c'");
    }
}

std::int32_t Parser::unary()
{
    const Token& t = tok();
    const bool juelNot = m_juel && (t.kind == Tok::Bang || (t.kind == Tok::Name && t.text == "not"));
    const bool juelEmpty = m_juel && t.kind == Tok::Name && t.text == "empty";
    if (t.kind == Tok::Minus || juelNot || juelEmpty) {
        Guard guard(*this);
        take();
        Node n;
        n.op = t.kind == Tok::Minus ? Op::Neg : juelNot ? Op::Not : Op::Empty;
        // FEEL: -2 ** 2 is -(2 ** 2); JUEL has no '**'.
        n.a = m_juel ? unary() : binary(6);
        n.column = t.column;
        return add(n);
    }
    if (!m_juel && t.kind == Tok::Bang)
        unexpected(t, ": FEEL negates with not(x), not '!'");
    const std::int32_t p = primary();
    return postfix(p, t);
}

std::int32_t Parser::postfix(std::int32_t base, const Token& start)
{
    for (;;) {
        if (at(Tok::Dot)) {
            take();
            if (!at(Tok::Name))
                unexpected(tok(), ": a name must follow '.'");
            const Token& name = take();
            if (at(Tok::LParen))
                refuseCall(start, name);
            Node n;
            n.op = Op::Path;
            n.a = base;
            n.index = intern(name.text);
            n.column = name.column;
            base = add(n);
        } else if (at(Tok::LBracket)) {
            const Token& open = take();
            if (!m_juel)
                m_bound.push_back("item");
            Node n;
            n.op = Op::Index;
            n.a = base;
            n.b = expression();
            n.column = open.column;
            if (!m_juel)
                m_bound.pop_back();
            expect(Tok::RBracket, "']'", open);
            base = add(n);
        } else if (at(Tok::LParen)) {
            refuseCall(start, tok());
        } else {
            return base;
        }
    }
}

std::int32_t Parser::primary()
{
    if (m_juel)
        return juelPrimary();
    const Token& t = tok();
    switch (t.kind) {
    case Tok::Number: take(); return literal(Value(t.number), t.column);
    case Tok::String: take(); return literal(Value(t.text), t.column);
    case Tok::Name: return feelName();
    case Tok::LParen: return feelParen();
    case Tok::LBracket:
    case Tok::RBracket: return feelBracket();
    case Tok::LBrace: return feelContext();
    default: unexpected(t);
    }
}

void Parser::checkRanges() const
{
    std::vector<bool> allowed(m_program.nodes.size(), false);
    for (const Node& n : m_program.nodes)
        if (n.op == Op::In)
            for (std::uint32_t i = 0; i < n.count; ++i)
                allowed[static_cast<std::size_t>(m_program.kids[n.first + i])] = true;
    for (std::size_t i = 0; i < m_program.nodes.size(); ++i) {
        const Node& n = m_program.nodes[i];
        if (n.op == Op::Range && !allowed[i])
            throw compileError("a range like [1..10] is only supported after 'in'", n.column, ": write 'x in [1..10]'");
    }
}

} // namespace runway::core::expr
