// A precedence-climbing parser of FEEL and JUEL into an Expression::Program. Throws CompileError;
// compile() catches it. Nesting is bounded (Expression::kMaxDepth) both while parsing and in the
// tree it builds, so neither this parser nor the evaluator can run out of stack.
#pragma once

#include "Ast.h"
#include "Lexer.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// For what recursive functions call rarely (errors, lookups): kept out of their stack frames.
#if defined(_MSC_VER)
#define RUNWAY_EXPR_NOINLINE __declspec(noinline)
#else
#define RUNWAY_EXPR_NOINLINE __attribute__((noinline))
#endif

namespace runway::core::expr {

class Parser {
public:
    Parser(Program& program, std::vector<Token> tokens, Dialect dialect);

    /// The whole token list as one expression; returns its root node.
    std::int32_t parseAll();

    /// Node building, also used by compile() for JUEL text with several ${...} parts.
    std::int32_t add(Node n);
    std::int32_t add(Node n, const std::vector<std::int32_t>& kids);
    std::int32_t literal(Value v, int column);

private:
    struct Guard {
        explicit Guard(Parser& p);
        ~Guard() { --parser.m_nesting; }
        Parser& parser;
    };
    struct BinaryOp {
        Op op;
        int prec;
    };

    // tokens
    const Token& tok(std::size_t ahead = 0) const;
    bool at(Tok k, std::size_t ahead = 0) const { return tok(ahead).kind == k; }
    bool atWord(std::string_view word, std::size_t ahead = 0) const;
    const Token& take();
    void expect(Tok k, std::string_view what, const Token& opener);
    void expectWord(std::string_view word, std::string_view context);
    [[noreturn]] void unexpected(const Token& t, std::string_view hint = {}) const;
    [[noreturn]] void fail(const Token& t, std::string message) const;

    // names
    std::uint32_t intern(const std::string& name);
    std::int32_t nameNode(const Token& t);

    // grammar, both dialects (Parser.cpp)
    std::int32_t expression();
    std::int32_t binary(int minPrec);
    bool binaryOp(const Token& t, BinaryOp& out) const;
    bool juelBinaryOp(const Token& t, BinaryOp& out) const; // ParserJuel.cpp
    std::int32_t unary();
    std::int32_t postfix(std::int32_t base, const Token& start);
    std::int32_t primary();
    std::int32_t juelPrimary();                                                  // ParserJuel.cpp
    [[noreturn]] void refuseCall(const Token& start, const Token& callee) const; // ParserJuel.cpp
    void checkRanges() const;

    // FEEL's own forms (ParserFeel.cpp)
    std::int32_t feelName();
    int feelFunction(std::size_t& wordCount) const; // a built-in function's index, or -1
    void checkArity(int function, int count, const Token& name) const;
    std::int32_t feelNot();
    std::int32_t feelIsDefined();
    std::int32_t feelCall(int function, const Token& name);
    std::int32_t feelIf();
    std::int32_t feelIteration(Op op);
    std::int32_t feelBracket();
    std::int32_t feelParen();
    std::int32_t feelContext();
    std::int32_t feelRangeRest(std::int32_t low, bool lowOpen, const Token& opener);
    std::int32_t feelIn(std::int32_t left, const Token& op);
    std::int32_t feelInTest();
    std::int32_t feelBetween(std::int32_t left, const Token& op);

    Program& m_program;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    bool m_juel;
    int m_nesting = 0;
    std::vector<std::string> m_bound; // names bound by filters and iterations, innermost last
    std::unordered_map<std::string, std::uint32_t> m_names;
    std::unordered_set<std::string> m_used;
};

} // namespace runway::core::expr
