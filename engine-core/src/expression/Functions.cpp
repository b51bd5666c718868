#include "Functions.h"

#include "Text.h"
#include "runway/core/Iso8601.h"

#include <charconv>
#include <chrono>
#include <cmath>

namespace runway::core::expr {

namespace {

using Args = const Value* const*;

bool wrongType(std::string& error, const char* what, const char* expected, const Value& got)
{
    error = std::string("expects ") + expected + " as its " + what + " argument but got " + std::string(got.typeName());
    return false;
}

bool needString(Args a, int i, std::string& error)
{
    static const char* const nth[] = {"first", "second", "third"};
    return a[i]->isString() || wrongType(error, nth[i < 3 ? i : 2], "a string", *a[i]);
}

bool needNumber(Args a, int i, std::string& error)
{
    static const char* const nth[] = {"first", "second", "third"};
    return a[i]->isNumber() || wrongType(error, nth[i < 3 ? i : 2], "a number", *a[i]);
}

bool finite(double d, Value& out, std::string& error)
{
    if (!std::isfinite(d)) {
        error = "gives a number out of range";
        return false;
    }
    out = Value(d);
    return true;
}

// ---- strings ----

bool stringLength(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (!needString(a, 0, error))
        return false;
    out = Value(static_cast<double>(codePoints(a[0]->asString())));
    return true;
}

template <bool Upper>
bool changeCase(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (!needString(a, 0, error))
        return false;
    std::string s = a[0]->asString();
    for (char& c : s) // ASCII letters only: no locale and no Unicode tables in engine-core
        if (Upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z'))
            c = static_cast<char>(c + (Upper ? 'A' - 'a' : 'a' - 'A'));
    out = Value(std::move(s));
    return true;
}

enum class Find { Contains, Starts, Ends };
template <Find F>
bool findText(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (!needString(a, 0, error) || !needString(a, 1, error))
        return false;
    const std::string_view s = a[0]->asString(), t = a[1]->asString();
    bool r = false;
    if constexpr (F == Find::Contains)
        r = s.find(t) != std::string_view::npos;
    else if constexpr (F == Find::Starts)
        r = s.substr(0, t.size()) == t;
    else
        r = s.size() >= t.size() && s.substr(s.size() - t.size()) == t;
    out = Value(r);
    return true;
}

bool substring(Args a, int n, Value& out, std::string& error, const EvalContext&)
{
    if (!needString(a, 0, error) || !needNumber(a, 1, error) || (n > 2 && !needNumber(a, 2, error)))
        return false;
    const std::string& s = a[0]->asString();
    const double length = static_cast<double>(codePoints(s));
    const double start = std::trunc(a[1]->asNumber());
    if (start == 0) {
        error = "counts positions from 1 (or from -1 at the end), not from 0";
        return false;
    }
    double from = start > 0 ? start - 1 : length + start; // 0-based
    if (from < 0)
        from = 0;
    double count = n > 2 ? std::trunc(a[2]->asNumber()) : length;
    if (count < 0)
        count = 0;
    if (from >= length) {
        out = Value(std::string());
        return true;
    }
    const std::size_t b = byteOffsetOf(s, static_cast<std::size_t>(from));
    const std::size_t e = from + count >= length ? s.size() : byteOffsetOf(s, static_cast<std::size_t>(from + count));
    out = Value(s.substr(b, e - b));
    return true;
}

bool toString(Args a, int, Value& out, std::string&, const EvalContext&)
{
    out = Value(a[0]->toText());
    return true;
}

bool toNumber(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (a[0]->isNumber()) {
        out = *a[0];
        return true;
    }
    if (!needString(a, 0, error))
        return false;
    const std::string& s = a[0]->asString();
    double d = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(d)) {
        error = "cannot read " + a[0]->toString() + " as a number";
        return false;
    }
    out = Value(d);
    return true;
}

// ---- lists ----

// The items of a function that takes a list or several arguments (sum([1, 2]) or sum(1, 2)).
bool items(Args a, int n, std::vector<const Value*>& out, std::string& error)
{
    if (n == 1) {
        if (!a[0]->isList())
            return wrongType(error, "first", "a list (or several arguments)", *a[0]);
        for (const auto& v : a[0]->asList())
            out.push_back(&v);
    } else {
        out.assign(a, a + n);
    }
    return true;
}

bool count(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (!a[0]->isList())
        return wrongType(error, "first", "a list", *a[0]);
    out = Value(static_cast<double>(a[0]->asList().size()));
    return true;
}

enum class Agg { Sum, Mean, Min, Max };
template <Agg A>
bool aggregate(Args a, int n, Value& out, std::string& error, const EvalContext&)
{
    if (n == 1 && a[0]->isNull()) {
        out = Value();
        return true;
    }
    std::vector<const Value*> xs;
    if (!items(a, n, xs, error))
        return false;
    if (xs.empty()) {
        out = A == Agg::Sum ? Value(0) : Value();
        return true;
    }
    const bool strings = (A == Agg::Min || A == Agg::Max) && xs.front()->isString();
    const Value* best = xs.front();
    double sum = 0;
    for (const Value* x : xs) {
        if (x->isNull()) {
            out = Value();
            return true;
        }
        if (strings ? !x->isString() : !x->isNumber()) {
            error = std::string("expects ") + (strings ? "only strings" : "only numbers") + " but got " +
                    std::string(x->typeName());
            return false;
        }
        sum += x->asNumber();
        const bool less = strings ? x->asString() < best->asString() : x->asNumber() < best->asNumber();
        const bool greater = strings ? best->asString() < x->asString() : best->asNumber() < x->asNumber();
        if ((A == Agg::Min && less) || (A == Agg::Max && greater))
            best = x;
    }
    if constexpr (A == Agg::Sum)
        return finite(sum, out, error);
    else if constexpr (A == Agg::Mean)
        return finite(sum / static_cast<double>(xs.size()), out, error);
    out = *best;
    return true;
}

bool listContains(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (a[0]->isNull()) {
        out = Value();
        return true;
    }
    if (!a[0]->isList())
        return wrongType(error, "first", "a list", *a[0]);
    bool found = false;
    for (const auto& v : a[0]->asList())
        found = found || v == *a[1];
    out = Value(found);
    return true;
}

// ---- numbers ----

enum class Round { Abs, Floor, Ceiling };
template <Round R>
bool rounding(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (!needNumber(a, 0, error))
        return false;
    const double x = a[0]->asNumber();
    out = Value(R == Round::Abs ? std::fabs(x) : R == Round::Floor ? std::floor(x) : std::ceil(x));
    return true;
}

bool decimal(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (!needNumber(a, 0, error) || !needNumber(a, 1, error))
        return false;
    const double scale = std::trunc(a[1]->asNumber());
    if (scale < -20 || scale > 20) {
        error = "takes a scale from -20 to 20";
        return false;
    }
    const double f = std::pow(10.0, scale);
    return finite(std::nearbyint(a[0]->asNumber() * f) / f, out, error); // half to even, as FEEL rounds
}

bool modulo(Args a, int, Value& out, std::string& error, const EvalContext&)
{
    if (!needNumber(a, 0, error) || !needNumber(a, 1, error))
        return false;
    const double x = a[0]->asNumber(), y = a[1]->asNumber();
    if (y == 0) {
        error = "divides by zero";
        return false;
    }
    return finite(x - y * std::floor(x / y), out, error); // the sign of the divisor, as FEEL's modulo
}

// ---- time ----

template <bool Today>
bool clock(Args, int, Value& out, std::string& error, const EvalContext& context)
{
    if (!context.nowMillis) {
        error = "is not available in simulation unless the simulation gives a clock (its virtual time)";
        return false;
    }
    const TimePoint t{std::chrono::milliseconds(*context.nowMillis)};
    std::string s = iso8601::formatUtc(t);
    out = Value(Today ? s.substr(0, 10) : s);
    return true;
}

// Names of several words before the one-word names they start with ("string length" before "string").
constexpr Function kFunctions[] = {
    {"string length", 1, 1, true, stringLength},
    {"upper case", 1, 1, true, changeCase<true>},
    {"lower case", 1, 1, true, changeCase<false>},
    {"starts with", 2, 2, true, findText<Find::Starts>},
    {"ends with", 2, 2, true, findText<Find::Ends>},
    {"list contains", 2, 2, false, listContains},
    {"contains", 2, 2, true, findText<Find::Contains>},
    {"substring", 2, 3, true, substring},
    {"string", 1, 1, true, toString},
    {"number", 1, 1, true, toNumber},
    {"count", 1, 1, true, count},
    {"sum", 1, -1, false, aggregate<Agg::Sum>},
    {"mean", 1, -1, false, aggregate<Agg::Mean>},
    {"min", 1, -1, false, aggregate<Agg::Min>},
    {"max", 1, -1, false, aggregate<Agg::Max>},
    {"abs", 1, 1, true, rounding<Round::Abs>},
    {"floor", 1, 1, true, rounding<Round::Floor>},
    {"ceiling", 1, 1, true, rounding<Round::Ceiling>},
    {"decimal", 2, 2, true, decimal},
    {"modulo", 2, 2, true, modulo},
    {"now", 0, 0, true, clock<false>},
    {"today", 0, 0, true, clock<true>},
};

} // namespace

std::span<const Function> functions()
{
    return kFunctions;
}

int findFunction(std::string_view name)
{
    for (std::size_t i = 0; i < std::size(kFunctions); ++i)
        if (kFunctions[i].name == name)
            return static_cast<int>(i);
    return -1;
}

std::string functionNames()
{
    std::string s = "not, is defined";
    for (const auto& f : kFunctions)
        s += ", " + std::string(f.name);
    return s;
}

} // namespace runway::core::expr
