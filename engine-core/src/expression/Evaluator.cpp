#include "Evaluator.h"

#include "Text.h"

#include <algorithm>

namespace runway::core::expr {

namespace {
constexpr std::size_t kKnownShown = 20; // names listed in an "unknown variable" message
}

const Value* Evaluator::fail(const Node& n, std::string message)
{
    if (m_error.message.empty()) {
        m_error.message = std::move(message);
        m_error.column = n.column;
    }
    return nullptr;
}

const Value* Evaluator::failOp(const Node& n, const std::string& error)
{
    return fail(n, error + atColumn(n.column));
}

const Value* Evaluator::eval(std::int32_t id, Value& tmp)
{
    const Node& n = m_program.node(id);
    if (++m_steps > Expression::kMaxSteps)
        return fail(n, "the evaluation took more than " + std::to_string(Expression::kMaxSteps) +
                           " steps (loops over very large lists?)" + atColumn(n.column));
    switch (n.op) {
    case Op::Literal: return &m_program.constants[n.index];
    case Op::Name: return name(n);
    case Op::Path: return path(n, tmp);
    case Op::Index: return index(n, tmp);
    case Op::List:
    case Op::Ctx: return collection(n, tmp);
    case Op::Range:
    case Op::UnaryTest:
        return fail(n, std::string("a range or test is only evaluated after 'in'") + atColumn(n.column));
    case Op::Neg: {
        Value t;
        const Value* v = eval(n.a, t);
        if (!v)
            return nullptr;
        if (m_juel) {
            double d = 0;
            std::string error;
            if (!juelNumber(*v, d, error))
                return failOp(n, error + " in '-'");
            tmp = Value(-d);
        } else if (v->isNumber()) {
            tmp = Value(-v->asNumber());
        } else if (v->isNull()) {
            tmp = Value();
        } else {
            return failOp(n, "expected a number after '-' but got " + std::string(v->typeName()));
        }
        return &tmp;
    }
    case Op::Not:
    case Op::And:
    case Op::Or: return logic(n, tmp);
    case Op::Empty: {
        Value t;
        const Value* v = eval(n.a, t);
        if (!v)
            return nullptr;
        tmp = Value(v->isNull() || (v->isString() && v->asString().empty()) || (v->isList() && v->asList().empty()) ||
                    (v->isContext() && v->asContext().empty()));
        return &tmp;
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Mod:
    case Op::Pow:
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge: {
        Value lt, rt;
        const Value* l = eval(n.a, lt);
        if (!l)
            return nullptr;
        const Value* r = eval(n.b, rt);
        if (!r)
            return nullptr;
        const bool arithmetic = n.op <= Op::Pow;
        if (!arithmetic && l->isNumber() && r->isNumber()) { // the common case, the same in both dialects
            const double a = l->asNumber(), b = r->asNumber();
            const bool yes = n.op == Op::Eq   ? a == b
                             : n.op == Op::Ne ? a != b
                             : n.op == Op::Lt ? a < b
                             : n.op == Op::Le ? a <= b
                             : n.op == Op::Gt ? a > b
                                              : a >= b;
            tmp = Value(yes);
            return &tmp;
        }
        std::string error;
        const bool ok =
            arithmetic ? (m_juel ? juelArithmetic(n.op, *l, *r, tmp, error) : feelArithmetic(n.op, *l, *r, tmp, error))
                       : (m_juel ? juelCompare(n.op, *l, *r, tmp, error) : feelCompare(n.op, *l, *r, tmp, error));
        return ok ? &tmp : failOp(n, error);
    }
    case Op::Between: return between(n, tmp);
    case Op::In: return in(n, tmp);
    case Op::If: {
        Value t;
        const Value* c = eval(n.a, t);
        if (!c)
            return nullptr;
        bool yes = false;
        if (m_juel) {
            std::string error;
            if (!juelBoolean(*c, yes, error))
                return failOp(n, error + " in the condition of '?'");
        } else if (c->isBoolean()) {
            yes = c->asBoolean();
        } else if (!c->isNull()) {
            return failOp(n, "expected a boolean as the condition of 'if' but got " + std::string(c->typeName()));
        }
        return eval(yes ? n.b : n.c, tmp);
    }
    case Op::Call: return call(n, tmp);
    case Op::IsDefined: tmp = Value(defined(n.a)); return &tmp;
    case Op::Some:
    case Op::Every:
    case Op::For: return iterate(n, tmp);
    case Op::Concat: return concat(n, tmp);
    }
    return fail(n, "unknown operation" + atColumn(n.column));
}

// ---- names ----

const Value* Evaluator::findName(std::string_view name) const
{
    for (auto f = m_frames.rbegin(); f != m_frames.rend(); ++f) {
        if (f->name.empty()) {
            if (const Value* v = f->value->asContext().find(name))
                return v;
        } else if (f->name == name) {
            return f->value;
        }
    }
    return m_vars.find(name);
}

const Value* Evaluator::name(const Node& n)
{
    const std::string& name = m_program.names[n.index];
    if (const Value* v = findName(name))
        return v;
    std::vector<std::string_view> known;
    for (const auto& [k, v] : m_vars)
        known.push_back(k);
    for (const Frame& f : m_frames) {
        if (!f.name.empty())
            known.push_back(f.name);
        else
            for (const auto& [k, v] : f.value->asContext())
                known.push_back(k);
    }
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    std::string message = "unknown variable '" + name + "' at column " + std::to_string(n.column);
    if (known.empty()) {
        message += "; no variables are set";
    } else {
        message += "; known: ";
        for (std::size_t i = 0; i < known.size() && i < kKnownShown; ++i)
            message += (i ? ", " : "") + std::string(known[i]);
        if (known.size() > kKnownShown)
            message += ", ... (" + std::to_string(known.size()) + " in all)";
    }
    return fail(n, std::move(message));
}

bool Evaluator::defined(std::int32_t id)
{
    const Node& n = m_program.node(id);
    if (n.op == Op::Name)
        return findName(m_program.names[n.index]) != nullptr;
    if (n.op != Op::Path || !defined(n.a))
        return false;
    Value t;
    const ExpressionError before = m_error;
    const Value* base = eval(n.a, t);
    if (!base) {
        m_error = before; // a base that cannot be read makes the path undefined, not the expression wrong
        return false;
    }
    return base->isContext() && base->asContext().find(m_program.names[n.index]);
}

// ---- and, or, not ----

const Value* Evaluator::logic(const Node& n, Value& tmp)
{
    // Each side as -1 (null, FEEL only), 0 (false) or 1 (true); JUEL coerces to a boolean.
    auto truth = [&](std::int32_t id, int& out) {
        Value t;
        const Value* v = eval(id, t);
        if (!v)
            return false;
        if (m_juel) {
            bool b = false;
            std::string error;
            if (!juelBoolean(*v, b, error))
                return failOp(n, error + " in '" + opText(n.op, true) + "'"), false;
            out = b;
            return true;
        }
        if (v->isBoolean() || v->isNull()) {
            out = v->isNull() ? -1 : v->asBoolean();
            return true;
        }
        const std::string where =
            n.op == Op::Not ? std::string("in not()") : std::string("on both sides of '") + opText(n.op, false) + "'";
        return failOp(n, "expected a boolean " + where + " but got " + std::string(v->typeName())), false;
    };
    auto result = [&](int r) {
        tmp = r < 0 ? Value() : Value(r == 1);
        return &tmp;
    };
    int l = 0;
    if (!truth(n.a, l))
        return nullptr;
    if (n.op == Op::Not)
        return result(l < 0 ? -1 : !l);
    const int decides = n.op == Op::Or ? 1 : 0; // false decides 'and', true decides 'or'
    if (l == decides)                           // short-circuit: the right side is not evaluated
        return result(l);
    int r = 0;
    if (!truth(n.b, r))
        return nullptr;
    if (r == decides)
        return result(r);
    return result(l < 0 || r < 0 ? -1 : l);
}

// ---- between and in ----

const Value* Evaluator::between(const Node& n, Value& tmp)
{
    Value xt, lt, ht;
    const Value* x = eval(n.a, xt);
    const Value* lo = x ? eval(n.b, lt) : nullptr;
    const Value* hi = lo ? eval(n.c, ht) : nullptr;
    if (!hi)
        return nullptr;
    Value a, b;
    std::string error;
    if (!feelCompare(Op::Ge, *x, *lo, a, error) || !feelCompare(Op::Le, *x, *hi, b, error)) {
        const auto at = error.find("'>='") != std::string::npos ? error.find("'>='") : error.find("'<='");
        if (at != std::string::npos)
            error.replace(at, 4, "'between'");
        return failOp(n, error);
    }
    tmp = and3(a, b);
    return &tmp;
}

const Value* Evaluator::in(const Node& n, Value& tmp)
{
    Value xt;
    const Value* x = eval(n.a, xt);
    if (!x)
        return nullptr;
    Value result(false);
    for (std::uint32_t i = 0; i < n.count; ++i) {
        Value one;
        if (!test(m_program.kid(n, i), *x, one))
            return nullptr;
        result = or3(result, one);
        if (result.isBoolean() && result.asBoolean())
            break;
    }
    tmp = result;
    return &tmp;
}

bool Evaluator::test(std::int32_t id, const Value& x, Value& out)
{
    const Node& t = m_program.node(id);
    std::string error;
    if (t.op == Op::Range) {
        Value lt, ht, a, b;
        const Value* lo = eval(t.a, lt);
        const Value* hi = lo ? eval(t.b, ht) : nullptr;
        if (!hi)
            return false;
        const Op low = (t.flags & kLowOpen) ? Op::Gt : Op::Ge, high = (t.flags & kHighOpen) ? Op::Lt : Op::Le;
        if (!feelCompare(low, x, *lo, a, error) || !feelCompare(high, x, *hi, b, error))
            return failOp(t, error + " (in the range)"), false;
        out = and3(a, b);
        return true;
    }
    if (t.op == Op::UnaryTest) {
        Value vt;
        const Value* v = eval(t.a, vt);
        if (!v)
            return false;
        if (!feelCompare(static_cast<Op>(t.flags), x, *v, out, error))
            return failOp(t, error), false;
        return true;
    }
    Value vt;
    const Value* v = eval(id, vt);
    if (!v)
        return false;
    if (v->isList()) {
        const List& l = v->asList();
        out = Value(std::find(l.begin(), l.end(), x) != l.end());
    } else {
        out = Value(*v == x);
    }
    return true;
}

// ---- lists, contexts, JUEL text ----

const Value* Evaluator::collection(const Node& n, Value& tmp)
{
    if (n.op == Op::List) {
        List items;
        items.reserve(n.count);
        for (std::uint32_t i = 0; i < n.count; ++i) {
            Value t;
            const Value* v = eval(m_program.kid(n, i), t);
            if (!v)
                return nullptr;
            items.push_back(*v);
        }
        tmp = Value(std::move(items));
        return &tmp;
    }
    Context c;
    for (std::uint32_t i = 0; i + 1 < n.count; i += 2) {
        Value t;
        const Value* v = eval(m_program.kid(n, i + 1), t);
        if (!v)
            return nullptr;
        c.set(m_program.names[static_cast<std::size_t>(m_program.kid(n, i))], *v);
    }
    tmp = Value(std::move(c));
    return &tmp;
}

const Value* Evaluator::concat(const Node& n, Value& tmp)
{
    std::string s;
    for (std::uint32_t i = 0; i < n.count; ++i) {
        Value t;
        const Value* v = eval(m_program.kid(n, i), t);
        if (!v)
            return nullptr;
        if (!v->isNull()) // EL writes null as ""
            s += v->toText();
        if (s.size() > (std::size_t(1) << 24))
            return fail(n, "the text would be longer than 16 MiB" + atColumn(n.column));
    }
    tmp = Value(std::move(s));
    return &tmp;
}

} // namespace runway::core::expr
