// What the operators do with each type, in FEEL and in JUEL.
#include "Evaluator.h"

#include <charconv>
#include <cmath>

namespace runway::core::expr {

const char* opText(Op op, bool juel)
{
    switch (op) {
    case Op::Add: return "+";
    case Op::Sub:
    case Op::Neg: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Mod: return "%";
    case Op::Pow: return "**";
    case Op::Eq: return juel ? "==" : "=";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::And: return juel ? "&&" : "and";
    case Op::Or: return juel ? "||" : "or";
    case Op::Not: return juel ? "!" : "not";
    case Op::Between: return "between";
    case Op::In: return "in";
    default: return "?";
    }
}

namespace {

std::string types(const Value& l, const Value& r)
{
    return std::string(l.typeName()) + " and " + std::string(r.typeName());
}

std::string quoted(Op op, bool juel)
{
    return std::string("'") + opText(op, juel) + "'";
}

bool numeric(Op op, double a, double b, Value& out, std::string& error, bool juel)
{
    double r = 0;
    switch (op) {
    case Op::Add: r = a + b; break;
    case Op::Sub: r = a - b; break;
    case Op::Mul: r = a * b; break;
    case Op::Div:
    case Op::Mod:
        if (b == 0) {
            error = "division by zero in " + quoted(op, juel);
            return false;
        }
        r = op == Op::Div ? a / b : std::fmod(a, b);
        break;
    case Op::Pow: r = std::pow(a, b); break;
    default: break;
    }
    if (!std::isfinite(r)) {
        error = "the result of " + quoted(op, juel) + " is not a number or out of range";
        return false;
    }
    out = Value(r);
    return true;
}

// -1, 0 or 1 for two numbers or two strings.
int order(const Value& l, const Value& r)
{
    if (l.isNumber())
        return l.asNumber() < r.asNumber() ? -1 : l.asNumber() > r.asNumber() ? 1 : 0;
    const int c = l.asString().compare(r.asString());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool ordered(Op op, int c)
{
    switch (op) {
    case Op::Lt: return c < 0;
    case Op::Le: return c <= 0;
    case Op::Gt: return c > 0;
    case Op::Ge: return c >= 0;
    case Op::Eq: return c == 0;
    default: return c != 0;
    }
}

} // namespace

bool feelArithmetic(Op op, const Value& l, const Value& r, Value& out, std::string& error)
{
    if (l.isNull() || r.isNull()) {
        out = Value();
        return true;
    }
    if (l.isNumber() && r.isNumber())
        return numeric(op, l.asNumber(), r.asNumber(), out, error, false);
    if (op == Op::Add && l.isString() && r.isString()) {
        if (l.asString().size() + r.asString().size() > (std::size_t(1) << 24)) {
            error = "the string made by '+' would be longer than 16 MiB";
            return false;
        }
        out = Value(l.asString() + r.asString());
        return true;
    }
    if (op == Op::Add)
        error = "expected two numbers or two strings on both sides of '+' but got " + types(l, r);
    else
        error = "expected a number on both sides of " + quoted(op, false) + " but got " + types(l, r);
    return false;
}

bool juelNumber(const Value& v, double& out, std::string& error)
{
    switch (v.type()) {
    case Value::Type::Null: out = 0; return true;
    case Value::Type::Number: out = v.asNumber(); return true;
    case Value::Type::String: {
        const std::string& s = v.asString();
        if (s.empty()) {
            out = 0;
            return true;
        }
        auto r = std::from_chars(s.data(), s.data() + s.size(), out);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size())
            return true;
        error = "cannot read " + v.toString() + " as a number";
        return false;
    }
    default: error = "cannot use a " + std::string(v.typeName()) + " as a number"; return false;
    }
}

bool juelBoolean(const Value& v, bool& out, std::string& error)
{
    switch (v.type()) {
    case Value::Type::Null: out = false; return true;
    case Value::Type::Boolean: out = v.asBoolean(); return true;
    case Value::Type::String: {
        const std::string& s = v.asString();
        out = s.size() == 4 && (s[0] | 0x20) == 't' && (s[1] | 0x20) == 'r' && (s[2] | 0x20) == 'u' &&
              (s[3] | 0x20) == 'e';
        return true;
    }
    default: error = "cannot use a " + std::string(v.typeName()) + " as a boolean"; return false;
    }
}

bool juelArithmetic(Op op, const Value& l, const Value& r, Value& out, std::string& error)
{
    double a = 0, b = 0;
    if (!juelNumber(l, a, error) || !juelNumber(r, b, error)) {
        error += " in " + quoted(op, true);
        return false;
    }
    return numeric(op, a, b, out, error, true);
}

bool feelCompare(Op op, const Value& l, const Value& r, Value& out, std::string& error)
{
    if (op == Op::Eq || op == Op::Ne) {
        if (l.isNull() || r.isNull() || l.type() == r.type()) {
            out = Value((l == r) == (op == Op::Eq));
            return true;
        }
        error = "expected the same type on both sides of " + quoted(op, false) + " but got " + types(l, r);
        return false;
    }
    if (l.isNull() || r.isNull()) {
        out = Value();
        return true;
    }
    if (l.type() == r.type() && (l.isNumber() || l.isString())) {
        out = Value(ordered(op, order(l, r)));
        return true;
    }
    const char* expected = l.isNumber() || r.isNumber()   ? "a number"
                           : l.isString() || r.isString() ? "a string"
                                                          : "numbers or strings";
    error = std::string("expected ") + expected + " on both sides of " + quoted(op, false) + " but got " + types(l, r);
    return false;
}

bool juelCompare(Op op, const Value& l, const Value& r, Value& out, std::string& error)
{
    const bool equality = op == Op::Eq || op == Op::Ne;
    if (l.isNull() || r.isNull()) {
        out = Value(equality ? (l.isNull() && r.isNull()) == (op == Op::Eq) : false);
        return true;
    }
    if ((l.isNumber() || l.isString()) && l.type() == r.type()) {
        out = Value(ordered(op, order(l, r)));
        return true;
    }
    if (l.isNumber() || r.isNumber()) { // EL coerces the other side to a number
        double a = 0, b = 0;
        if (!juelNumber(l, a, error) || !juelNumber(r, b, error)) {
            error += " in " + quoted(op, true);
            return false;
        }
        out = Value(ordered(op, a < b ? -1 : a > b ? 1 : 0));
        return true;
    }
    if (equality && (l.isBoolean() || r.isBoolean())) {
        bool a = false, b = false;
        if (!juelBoolean(l, a, error) || !juelBoolean(r, b, error)) {
            error += " in " + quoted(op, true);
            return false;
        }
        out = Value((a == b) == (op == Op::Eq));
        return true;
    }
    if (equality) {
        out = Value((l == r) == (op == Op::Eq));
        return true;
    }
    error = "expected numbers or strings on both sides of " + quoted(op, true) + " but got " + types(l, r);
    return false;
}

Value and3(const Value& a, const Value& b)
{
    if ((a.isBoolean() && !a.asBoolean()) || (b.isBoolean() && !b.asBoolean()))
        return Value(false);
    if (a.isBoolean() && b.isBoolean())
        return Value(true);
    return Value();
}

Value or3(const Value& a, const Value& b)
{
    if ((a.isBoolean() && a.asBoolean()) || (b.isBoolean() && b.asBoolean()))
        return Value(true);
    if (a.isBoolean() && b.isBoolean())
        return Value(false);
    return Value();
}

} // namespace runway::core::expr
