#include "Lexer.h"

#include "Text.h"
#include "TextEncoding.h"

#include <charconv>

namespace runway::core::expr {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isNameStart(char c, bool juel)
{
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80 || (juel && c == '$');
}

class Lexer {
public:
    Lexer(std::string_view text, std::size_t begin, Dialect d, ColumnCounter& columns)
        : s(text), i(begin), juel(d == Dialect::Juel), cols(columns)
    {
    }

    std::vector<Token> run(std::size_t& end)
    {
        std::vector<Token> out;
        int braces = 0;
        for (;;) {
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
                ++i;
            if (i >= s.size()) {
                if (juel)
                    throw error("missing '}'", i, ": the expression that starts before it is not closed");
                out.push_back(Token{Tok::End, static_cast<std::uint32_t>(i), 0, cols.at(i), 0, {}});
                end = i;
                return out;
            }
            if (juel && s[i] == '}' && braces == 0) {
                out.push_back(Token{Tok::End, static_cast<std::uint32_t>(i), 1, cols.at(i), 0, {}});
                end = i + 1;
                return out;
            }
            Token t = next();
            if (t.kind == Tok::LBrace)
                ++braces;
            else if (t.kind == Tok::RBrace)
                --braces;
            out.push_back(std::move(t));
        }
    }

private:
    Token make(Tok k, std::size_t start)
    {
        return Token{k, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i - start), cols.at(start), 0,
                     {}};
    }
    CompileError error(const std::string& what, std::size_t pos, std::string_view rest = {})
    {
        return compileError(what, cols.at(pos), rest);
    }
    bool peek(char c, std::size_t ahead = 0) const { return i + ahead < s.size() && s[i + ahead] == c; }

    Token next()
    {
        const std::size_t start = i;
        const char c = s[i];
        if (isDigit(c) || (c == '.' && i + 1 < s.size() && isDigit(s[i + 1])))
            return number();
        if (isNameStart(c, juel)) {
            while (i < s.size() && (isNameStart(s[i], juel) || isDigit(s[i])))
                ++i;
            Token t = make(Tok::Name, start);
            t.text = std::string(s.substr(start, i - start));
            return t;
        }
        if (c == '"' || c == '\'')
            return string(c);
        ++i;
        auto two = [&](char second, Tok yes, Tok no) {
            if (peek(second)) {
                ++i;
                return make(yes, start);
            }
            return make(no, start);
        };
        switch (c) {
        case '(': return make(Tok::LParen, start);
        case ')': return make(Tok::RParen, start);
        case '[': return make(Tok::LBracket, start);
        case ']': return make(Tok::RBracket, start);
        case '{': return make(Tok::LBrace, start);
        case '}': return make(Tok::RBrace, start);
        case ',': return make(Tok::Comma, start);
        case ':': return make(Tok::Colon, start);
        case '?': return make(Tok::Question, start);
        case ';': return make(Tok::Semicolon, start);
        case '%': return make(Tok::Percent, start);
        case '/': return make(Tok::Slash, start);
        case '.': return two('.', Tok::DotDot, Tok::Dot);
        case '+': return two('=', Tok::PlusEq, Tok::Plus);
        case '-': return two('>', Tok::Arrow, Tok::Minus);
        case '*': return two('*', Tok::StarStar, Tok::Star);
        case '=': return two('=', Tok::EqEq, Tok::Eq);
        case '!': return two('=', Tok::Ne, Tok::Bang);
        case '<': return two('=', Tok::Le, Tok::Lt);
        case '>': return two('=', Tok::Ge, Tok::Gt);
        case '&':
            if (peek('&')) {
                ++i;
                return make(Tok::AndAnd, start);
            }
            break;
        case '|':
            if (peek('|')) {
                ++i;
                return make(Tok::OrOr, start);
            }
            break;
        default: break;
        }
        std::string shown(s.substr(start, 1));
        if (static_cast<unsigned char>(c) < 0x20)
            shown = "\\x" + std::to_string(static_cast<unsigned char>(c));
        throw error("unexpected character '" + shown + "'", start);
    }

    Token number()
    {
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (peek('.') && i + 1 < s.size() && isDigit(s[i + 1])) {
            ++i;
            while (i < s.size() && isDigit(s[i]))
                ++i;
        }
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            std::size_t j = i + 1;
            if (j < s.size() && (s[j] == '+' || s[j] == '-'))
                ++j;
            if (j < s.size() && isDigit(s[j])) {
                i = j;
                while (i < s.size() && isDigit(s[i]))
                    ++i;
            }
        }
        if (i < s.size() && isNameStart(s[i], juel))
            throw error("a number runs into a name ('" + std::string(s.substr(start, i - start + 1)) + "...')", start,
                        ": put an operator or a space between them");
        Token t = make(Tok::Number, start);
        const char* b = s.data() + start;
        if (*b == '.') { // ".5": from_chars wants a digit first
            std::string withZero = "0" + std::string(s.substr(start, i - start));
            std::from_chars(withZero.data(), withZero.data() + withZero.size(), t.number);
        } else {
            auto r = std::from_chars(b, s.data() + i, t.number);
            if (r.ec == std::errc::result_out_of_range)
                throw error("the number " + std::string(s.substr(start, i - start)) + " is out of range", start);
        }
        return t;
    }

    Token string(char quote)
    {
        const std::size_t start = i;
        if (!juel && quote == '\'')
            throw error("a string in single quotes", start, ": FEEL writes strings in double quotes (\"text\")");
        ++i;
        std::string text;
        for (;;) {
            if (i >= s.size())
                throw error("the string starting", start, " is not closed: a " + std::string(1, quote) + " is missing");
            const char c = s[i];
            if (c == quote) {
                ++i;
                break;
            }
            if (c != '\\') {
                text += c;
                ++i;
                continue;
            }
            if (i + 1 >= s.size())
                throw error("the string starting", start, " is not closed: a " + std::string(1, quote) + " is missing");
            const char e = s[i + 1];
            i += 2;
            switch (e) {
            case '"':
            case '\'':
            case '\\': text += e; break;
            case 'n': text += juel ? "\\n" : "\n"; break;
            case 'r': text += juel ? "\\r" : "\r"; break;
            case 't': text += juel ? "\\t" : "\t"; break;
            case 'u':
                if (!juel && unicodeEscape(text))
                    break;
                [[fallthrough]];
            default:
                if (!juel)
                    throw error("unknown escape '\\" + std::string(1, e) + "' in a string", i - 2,
                                " (known: \\\" \\\\ \\n \\r \\t \\uXXXX)");
                text += '\\'; // JUEL keeps other backslashes as they are
                text += e;
            }
        }
        Token t = make(Tok::String, start);
        t.text = std::move(text);
        return t;
    }

    // After "\u": four hex digits (a surrogate pair as two escapes).
    bool unicodeEscape(std::string& out)
    {
        auto hex4 = [&](std::size_t at, unsigned& v) {
            if (at + 4 > s.size())
                return false;
            v = 0;
            for (std::size_t k = at; k < at + 4; ++k) {
                const char h = s[k];
                v <<= 4;
                if (isDigit(h))
                    v |= static_cast<unsigned>(h - '0');
                else if (h >= 'a' && h <= 'f')
                    v |= static_cast<unsigned>(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F')
                    v |= static_cast<unsigned>(h - 'A' + 10);
                else
                    return false;
            }
            return true;
        };
        unsigned cp = 0;
        if (!hex4(i, cp))
            return false;
        i += 4;
        unsigned low = 0;
        if (cp >= 0xD800 && cp < 0xDC00 && peek('\\') && peek('u', 1) && hex4(i + 2, low) && low >= 0xDC00 &&
            low < 0xE000) {
            i += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        encoding::appendUtf8(out, cp);
        return true;
    }

    std::string_view s;
    std::size_t i;
    bool juel;
    ColumnCounter& cols;
};

} // namespace

std::vector<Token> lex(std::string_view text, std::size_t begin, Dialect dialect, std::size_t& end,
                       ColumnCounter& columns)
{
    return Lexer(text, begin, dialect, columns).run(end);
}

CompileError compileError(std::string_view what, int column, std::string_view rest)
{
    return CompileError{std::string(what) + " at column " + std::to_string(column) + std::string(rest), column};
}

std::string describe(const Token& t, std::string_view text)
{
    switch (t.kind) {
    case Tok::End: return "the end of the expression";
    case Tok::Name: return "name '" + t.text + "'";
    case Tok::Number: return "number " + std::string(text.substr(t.pos, t.len));
    case Tok::String: return "string " + std::string(text.substr(t.pos, t.len));
    default: return "'" + std::string(text.substr(t.pos, t.len)) + "'";
    }
}

} // namespace runway::core::expr
