#include "Ast.h"
#include "Evaluator.h"
#include "Lexer.h"
#include "Parser.h"
#include "Text.h"

#include <exception>

namespace runway::core {

using namespace expr;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool onlySpace(std::string_view s)
{
    for (char c : s)
        if (!isSpace(c))
            return false;
    return true;
}

// The next "${" or "#{" at or after `from` that is not escaped with a backslash, or npos.
std::size_t nextJuelStart(std::string_view text, std::size_t from)
{
    for (std::size_t i = from; i + 1 < text.size(); ++i)
        if ((text[i] == '$' || text[i] == '#') && text[i + 1] == '{' && (i == 0 || text[i - 1] != '\\'))
            return i;
    return std::string_view::npos;
}

void compileFeel(Program& p, std::size_t start, bool hadEquals, ColumnCounter& cols)
{
    std::size_t end = 0;
    auto tokens = lex(p.text, start, Dialect::Feel, end, cols);
    if (tokens.size() == 1)
        throw compileError(hadEquals ? "nothing follows '='" : "the expression is empty", cols.at(start),
                           ": write an expression, such as =amount > 1000");
    Parser parser(p, std::move(tokens), Dialect::Feel);
    p.root = parser.parseAll();
}

// JUEL: "${...}" alone, or literal text with ${...} parts (joined as text).
void compileJuel(Program& p, ColumnCounter& cols)
{
    const std::string_view text = p.text;
    std::vector<std::int32_t> parts;
    std::vector<bool> literal;
    Parser builder(p, {Token{}}, Dialect::Juel);
    std::size_t pos = 0;
    std::string pending; // literal text, with "\${" unescaped
    while (pos < text.size()) {
        const std::size_t at = nextJuelStart(text, pos);
        const std::size_t stop = at == std::string_view::npos ? text.size() : at;
        for (std::size_t i = pos; i < stop; ++i)
            if (!(text[i] == '\\' && i + 2 < text.size() && text[i + 2] == '{' &&
                  (text[i + 1] == '$' || text[i + 1] == '#')))
                pending += text[i];
        if (at == std::string_view::npos)
            break;
        if (!pending.empty()) {
            parts.push_back(builder.literal(Value(pending), cols.at(pos)));
            literal.push_back(true);
            pending.clear();
        }
        std::size_t end = 0;
        auto tokens = lex(text, at + 2, Dialect::Juel, end, cols);
        if (tokens.size() == 1)
            throw compileError("empty expression '" + std::string(text.substr(at, 2)) + "}'", cols.at(at),
                               ": write a value or a condition between the braces, such as ${approved}");
        Parser parser(p, std::move(tokens), Dialect::Juel);
        parts.push_back(parser.parseAll());
        literal.push_back(false);
        pos = end;
    }
    if (!pending.empty()) {
        parts.push_back(builder.literal(Value(pending), cols.at(pos)));
        literal.push_back(true);
    }
    // Space around a single ${...} is not part of the value.
    std::size_t expressions = 0, otherText = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!literal[i])
            ++expressions;
        else if (!onlySpace(p.constants[p.node(parts[i]).index].asString()))
            ++otherText;
    }
    if (expressions == 1 && otherText == 0) {
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (!literal[i])
                p.root = parts[i];
        return;
    }
    Node n;
    n.op = Op::Concat;
    n.column = 1;
    p.root = builder.add(n, parts);
}

ExpressionResult compileText(std::string_view text, Dialect dialect)
{
    if (text.size() > Expression::kMaxLength)
        return ExpressionResult{std::nullopt,
                                {"the expression is longer than " + std::to_string(Expression::kMaxLength) +
                                     " bytes (64 KiB) at column 1: keep expressions short, and data in variables",
                                 1}};
    auto p = std::make_shared<Program>();
    p->text = std::string(text);
    ColumnCounter cols(p->text);
    std::size_t b = 0;
    while (b < text.size() && isSpace(text[b]))
        ++b;
    const bool equals = b < text.size() && text[b] == '=';
    Dialect d = dialect;
    if (d == Dialect::Auto)
        d = equals ? Dialect::Feel : nextJuelStart(text, 0) != std::string_view::npos ? Dialect::Juel : Dialect::Auto;
    p->dialect = d;
    if (d == Dialect::Feel) {
        compileFeel(*p, equals ? b + 1 : b, equals, cols);
    } else if (d == Dialect::Juel && nextJuelStart(text, 0) != std::string_view::npos) {
        compileJuel(*p, cols);
    } else { // a static value: the text itself
        p->dialect = Dialect::Auto;
        Parser builder(*p, {Token{}}, Dialect::Juel);
        p->root = builder.literal(Value(std::string(text)), 1);
    }
    return ExpressionResult{Access::make(std::move(p)), {}};
}

} // namespace

ExpressionResult Expression::compile(std::string_view text, Dialect dialect)
{
    try {
        return compileText(text, dialect);
    } catch (const CompileError& e) {
        return ExpressionResult{std::nullopt, {e.message, e.column}};
    } catch (const std::exception& e) {
        return ExpressionResult{std::nullopt, {std::string("the expression could not be compiled: ") + e.what(), 1}};
    }
}

EvalResult Expression::evaluate(const Variables& variables, const EvalContext& context) const
{
    EvalResult r;
    try {
        Evaluator evaluator(*m_program, variables, context);
        Value tmp;
        const Value* v = evaluator.eval(m_program->root, tmp);
        if (v == &tmp)
            r.value = std::move(tmp);
        else if (v)
            r.value = *v;
        else
            r.error = evaluator.error();
    } catch (const std::exception& e) {
        r.error = {std::string("the expression could not be evaluated: ") + e.what(), 1};
    }
    return r;
}

ConditionResult Expression::evaluateCondition(const Variables& variables, const EvalContext& context) const
{
    ConditionResult c;
    if (isStatic()) {
        c.error = {"the condition '" + text() +
                       "' is not an expression, so it is never true or false: write it in FEEL (=approved) or "
                       "JUEL (${approved})",
                   1};
        return c;
    }
    EvalResult r = evaluate(variables, context);
    if (!r) {
        c.error = std::move(r.error);
    } else if (r->isBoolean()) {
        c.value = r->asBoolean();
    } else {
        const int column = m_program->node(m_program->root).column;
        c.error = {"expected the condition to give true or false but it gave " +
                       (r->isNull() ? std::string("null (is a variable it reads null?)") : r->toString()) +
                       atColumn(column),
                   column};
    }
    return c;
}

Dialect Expression::dialect() const
{
    return m_program->dialect;
}

const std::string& Expression::text() const
{
    return m_program->text;
}

const std::vector<std::string>& Expression::variablesUsed() const
{
    return m_program->used;
}

} // namespace runway::core
