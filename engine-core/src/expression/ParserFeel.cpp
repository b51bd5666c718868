// FEEL's own forms: names and built-in functions (some with spaces), if, some/every/for, lists,
// ranges, contexts, and the tests after 'in'.
#include "Functions.h"
#include "Parser.h"

#include <set>

namespace runway::core::expr {

namespace {

std::vector<std::string_view> words(std::string_view name)
{
    std::vector<std::string_view> out;
    while (!name.empty()) {
        const auto space = name.find(' ');
        out.push_back(name.substr(0, space));
        name = space == std::string_view::npos ? std::string_view() : name.substr(space + 1);
    }
    return out;
}

// FEEL functions Runway knows of but does not evaluate, and why.
struct Unsupported {
    std::string_view name;
    std::string_view why;
};
constexpr Unsupported kUnsupported[] = {
    {"date and time", "dates and times are not values in this evaluator"},
    {"years and months duration", "durations are not values in this evaluator"},
    {"duration", "durations are not values in this evaluator"},
    {"date", "dates are not values in this evaluator"},
    {"time", "times are not values in this evaluator"},
    {"matches", "regular expressions are not evaluated in simulation"},
    {"replace", "regular expressions are not evaluated in simulation"},
    {"split", "regular expressions are not evaluated in simulation"},
};

} // namespace

std::int32_t Parser::feelName()
{
    const Token& t = tok();
    const std::string& w = t.text;
    if (w == "true" || w == "false" || w == "null") {
        take();
        return literal(w == "null" ? Value() : Value(w == "true"), t.column);
    }
    if (w == "if")
        return feelIf();
    if (w == "some")
        return feelIteration(Op::Some);
    if (w == "every")
        return feelIteration(Op::Every);
    if (w == "for")
        return feelIteration(Op::For);
    if (w == "not" && at(Tok::LParen, 1))
        return feelNot();
    if (w == "is" && atWord("defined", 1) && at(Tok::LParen, 2))
        return feelIsDefined();
    std::size_t words = 0;
    const int function = feelFunction(words);
    if (function >= 0) {
        for (std::size_t i = 0; i < words; ++i)
            take();
        return feelCall(function, t);
    }
    static const char* const reserved[] = {"and",     "or",        "then",   "else",     "in",
                                           "between", "satisfies", "return", "instance", "of"};
    for (const char* r : reserved)
        if (w == r)
            unexpected(t);
    take();
    return nameNode(t);
}

// Kept out of the recursive functions, so that their stack frames stay small.
RUNWAY_EXPR_NOINLINE int Parser::feelFunction(std::size_t& wordCount) const
{
    const Token& t = tok();
    auto matches = [&](std::string_view name) {
        const auto ws = words(name);
        bool match = at(Tok::LParen, ws.size());
        for (std::size_t i = 0; match && i < ws.size(); ++i)
            match = atWord(ws[i], i);
        wordCount = ws.size();
        return match;
    };
    for (const Unsupported& u : kUnsupported)
        if (matches(u.name))
            fail(t, "the FEEL function '" + std::string(u.name) + "' at column " + std::to_string(t.column) +
                        " is not supported: " + std::string(u.why));
    const auto all = functions();
    for (std::size_t f = 0; f < all.size(); ++f)
        if (matches(all[f].name))
            return static_cast<int>(f);
    if (at(Tok::LParen, 1))
        fail(t, "unknown function '" + t.text + "' at column " + std::to_string(t.column) +
                    "; the functions known here are: " + functionNames());
    return -1;
}

RUNWAY_EXPR_NOINLINE void Parser::checkArity(int function, int n, const Token& name) const
{
    const Function& f = functions()[static_cast<std::size_t>(function)];
    if (n >= f.minArgs && (f.maxArgs < 0 || n <= f.maxArgs))
        return;
    std::string takes = std::to_string(f.minArgs);
    if (f.maxArgs < 0)
        takes += " or more";
    else if (f.maxArgs != f.minArgs)
        takes += f.maxArgs == f.minArgs + 1 ? " or " + std::to_string(f.maxArgs) : " to " + std::to_string(f.maxArgs);
    fail(name, std::string(f.name) + "() at column " + std::to_string(name.column) + " takes " + takes +
                   (f.minArgs == 1 && f.maxArgs == 1 ? " argument" : " arguments") + " but was given " +
                   std::to_string(n));
}

std::int32_t Parser::feelNot()
{
    const Token& t = take();
    const Token& open = take();
    Node n;
    n.op = Op::Not;
    n.a = expression();
    n.column = t.column;
    if (at(Tok::Comma))
        unexpected(tok(), ": not() takes one argument (negated lists of tests are not supported)");
    expect(Tok::RParen, "')'", open);
    return add(n);
}

std::int32_t Parser::feelIsDefined()
{
    const Token& t = take();
    take();
    const Token& open = take();
    Node n;
    n.op = Op::IsDefined;
    const Token& argStart = tok();
    n.a = expression();
    n.column = t.column;
    const Op argOp = m_program.node(n.a).op;
    if (argOp != Op::Name && argOp != Op::Path)
        unexpected(argStart, ": is defined() takes a variable or a path, as in is defined(customer.tier)");
    expect(Tok::RParen, "')'", open);
    return add(n);
}

std::int32_t Parser::feelCall(int function, const Token& name)
{
    const Token& open = take(); // '('
    std::vector<std::int32_t> args;
    if (!at(Tok::RParen)) {
        for (;;) {
            if (at(Tok::Name) && at(Tok::Colon, 1))
                unexpected(tok(), ": named arguments are not supported; give the arguments in order");
            args.push_back(expression());
            if (!at(Tok::Comma))
                break;
            take();
        }
    }
    expect(Tok::RParen, "')'", open);
    checkArity(function, static_cast<int>(args.size()), name);
    Node node;
    node.op = Op::Call;
    node.index = static_cast<std::uint32_t>(function);
    node.column = name.column;
    return add(node, args);
}

std::int32_t Parser::feelIf()
{
    const Token& t = take();
    Guard guard(*this);
    Node n;
    n.op = Op::If;
    n.a = expression();
    expectWord("then", "after the condition of 'if'");
    n.b = expression();
    expectWord("else", "('if' needs both 'then' and 'else')");
    n.c = expression();
    n.column = t.column;
    return add(n);
}

std::int32_t Parser::feelIteration(Op op)
{
    const Token& t = take();
    Guard guard(*this);
    if (!at(Tok::Name))
        unexpected(tok(), ": expected the name of the variable that takes each item");
    const Token& var = take();
    expectWord("in", "after the variable's name");
    Node n;
    n.op = op;
    n.index = intern(var.text);
    n.a = expression();
    n.column = t.column;
    if (at(Tok::Comma))
        unexpected(tok(), ": only one 'name in list' is supported");
    expectWord(op == Op::For ? "return" : "satisfies", "after the list");
    m_bound.push_back(var.text);
    n.b = expression();
    m_bound.pop_back();
    return add(n);
}

std::int32_t Parser::feelParen()
{
    const Token& open = take();
    const std::int32_t e = expression();
    if (at(Tok::DotDot)) {
        take();
        return feelRangeRest(e, true, open);
    }
    expect(Tok::RParen, "')'", open);
    return e;
}

std::int32_t Parser::feelBracket()
{
    const Token& open = take(); // '[', or ']' opening a range whose start is left out
    if (open.kind == Tok::RBracket) {
        Guard guard(*this);
        const std::int32_t low = expression();
        if (!at(Tok::DotDot))
            unexpected(tok(), ": expected '..' of a range");
        take();
        return feelRangeRest(low, true, open);
    }
    std::vector<std::int32_t> items;
    if (!at(Tok::RBracket)) {
        items.push_back(expression());
        if (at(Tok::DotDot)) {
            take();
            return feelRangeRest(items.front(), false, open);
        }
        while (at(Tok::Comma)) {
            take();
            items.push_back(expression());
        }
    }
    expect(Tok::RBracket, "']'", open);
    Node n;
    n.op = Op::List;
    n.column = open.column;
    return add(n, items);
}

std::int32_t Parser::feelRangeRest(std::int32_t low, bool lowOpen, const Token& opener)
{
    if (m_program.node(low).op == Op::UnaryTest)
        fail(opener, "a range cannot start with a comparison at column " + std::to_string(opener.column));
    Node n;
    n.op = Op::Range;
    n.a = low;
    n.b = expression();
    n.column = opener.column;
    n.flags = lowOpen ? kLowOpen : 0;
    if (at(Tok::RParen))
        n.flags |= kHighOpen;
    else if (!at(Tok::RBracket))
        unexpected(tok(), ": expected ']' (end included) or ')' (end excluded) to close the range at column " +
                              std::to_string(opener.column));
    take();
    return add(n);
}

std::int32_t Parser::feelContext()
{
    const Token& open = take();
    std::vector<std::int32_t> kids;
    std::set<std::string> keys;
    if (!at(Tok::RBrace)) {
        for (;;) {
            if (!at(Tok::Name) && !at(Tok::String))
                unexpected(tok(), ": expected a name or a string as the key of a context entry");
            const Token& key = take();
            if (!keys.insert(key.text).second)
                fail(key, "the key '" + key.text + "' at column " + std::to_string(key.column) +
                              " appears twice in the context");
            if (!at(Tok::Colon))
                unexpected(tok(), ": expected ':' after the key '" + key.text + "'");
            take();
            kids.push_back(static_cast<std::int32_t>(intern(key.text)));
            kids.push_back(expression());
            if (!at(Tok::Comma))
                break;
            take();
        }
    }
    expect(Tok::RBrace, "'}'", open);
    Node n;
    n.op = Op::Ctx;
    n.column = open.column;
    return add(n, kids);
}

std::int32_t Parser::feelIn(std::int32_t left, const Token& op)
{
    std::vector<std::int32_t> tests;
    if (at(Tok::LParen)) {
        const Token& open = take();
        Guard guard(*this);
        const std::int32_t first = feelInTest();
        if (at(Tok::DotDot)) {
            take();
            tests.push_back(feelRangeRest(first, true, open));
        } else {
            tests.push_back(first);
            while (at(Tok::Comma)) {
                take();
                tests.push_back(feelInTest());
            }
            expect(Tok::RParen, "')'", open);
        }
    } else {
        tests.push_back(feelInTest());
    }
    Node n;
    n.op = Op::In;
    n.a = left;
    n.column = op.column;
    return add(n, tests);
}

std::int32_t Parser::feelInTest()
{
    Op op;
    switch (tok().kind) {
    case Tok::Lt: op = Op::Lt; break;
    case Tok::Le: op = Op::Le; break;
    case Tok::Gt: op = Op::Gt; break;
    case Tok::Ge: op = Op::Ge; break;
    case Tok::Eq: op = Op::Eq; break;
    case Tok::Ne: op = Op::Ne; break;
    default: return binary(4);
    }
    const Token& t = take();
    Node n;
    n.op = Op::UnaryTest;
    n.flags = static_cast<std::uint8_t>(op);
    n.a = binary(4);
    n.column = t.column;
    return add(n);
}

std::int32_t Parser::feelBetween(std::int32_t left, const Token& op)
{
    Node n;
    n.op = Op::Between;
    n.a = left;
    n.b = binary(4);
    expectWord("and", "between the two bounds of 'between'");
    n.c = binary(4);
    n.column = op.column;
    return add(n);
}

} // namespace runway::core::expr
