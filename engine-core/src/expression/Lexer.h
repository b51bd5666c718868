// Tokens of FEEL and JUEL expressions.
#pragma once

#include "Text.h"
#include "runway/core/Expression.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace runway::core::expr {

enum class Tok : std::uint8_t {
    End,
    Number,
    String,
    Name,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Dot,
    DotDot,
    Colon,
    Question,
    Plus,
    Minus,
    Star,
    StarStar,
    Slash,
    Percent,
    Eq,   // =
    EqEq, // ==
    Ne,   // !=
    Lt,
    Le,
    Gt,
    Ge,
    AndAnd, // &&
    OrOr,   // ||
    Bang,   // !
    Arrow,  // -> (JUEL lambdas: refused)
    Semicolon,
    PlusEq, // += (JUEL string concatenation of EL 3.0: refused)
};

struct Token {
    Tok kind = Tok::End;
    std::uint32_t pos = 0; // byte offset in the whole text
    std::uint32_t len = 0;
    std::int32_t column = 0; // 1-based, in characters
    double number = 0;
    std::string text; // a name, or a string literal's decoded content
};

/// Thrown inside the compiler only (compile() catches it): the message, which names the column,
/// and the column.
struct CompileError {
    std::string message;
    int column = 0;
};

/// "<what> at column N<rest>".
CompileError compileError(std::string_view what, int column, std::string_view rest = {});

/// Tokens of text[begin, ...), in the given dialect (Feel or Juel). FEEL reads to the end of the
/// text; JUEL stops at the '}' that closes "${" and sets `end` to the offset after it (a missing
/// '}' is an error). The last token is End.
/// `columns` counts over the same text.
std::vector<Token> lex(std::string_view text, std::size_t begin, Dialect dialect, std::size_t& end,
                       ColumnCounter& columns);

/// How a message names a token: "')'", "name 'foo'", "the end of the expression".
std::string describe(const Token& t, std::string_view text);

} // namespace runway::core::expr
