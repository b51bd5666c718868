// Small text helpers of the expression evaluator: numbers as FEEL writes them, quoting, columns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace runway::core::expr {

/// 1500, 0.25, -3, 1e+300: integers without a fraction, others in the shortest form that reads
/// back to the same double.
std::string formatNumber(double d);
/// "gold" with quotes, and \" \\ \n \r \t escaped.
std::string quoteFeel(std::string_view s);
/// A name FEEL can write without quotes: a letter or '_' first, then letters, digits and '_'.
bool isPlainName(std::string_view s);
/// The 1-based column, in characters (UTF-8 code points), of the byte at `offset`.
int columnAt(std::string_view text, std::size_t offset);
/// Number of UTF-8 code points.
std::size_t codePoints(std::string_view s);
/// The byte offset of code point `index` (0-based), or s.size() when past the end.
std::size_t byteOffsetOf(std::string_view s, std::size_t index);
/// " (column 7)": the suffix of evaluation errors.
std::string atColumn(int column);

/// Columns of offsets asked in increasing order, in time proportional to the text (asking for an
/// earlier offset starts again from the beginning).
class ColumnCounter {
public:
    explicit ColumnCounter(std::string_view text) : m_text(text) {}
    int at(std::size_t offset)
    {
        if (offset < m_pos) {
            m_pos = 0;
            m_column = 1;
        }
        if (offset > m_text.size())
            offset = m_text.size();
        for (; m_pos < offset; ++m_pos)
            if ((static_cast<unsigned char>(m_text[m_pos]) & 0xC0) != 0x80)
                ++m_column;
        return m_column;
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_column = 1;
};

} // namespace runway::core::expr
