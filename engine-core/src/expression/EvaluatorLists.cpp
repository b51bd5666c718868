// The evaluator's paths, indexes, filters, iterations and function calls.
#include "Evaluator.h"
#include "Functions.h"
#include "Text.h"

#include <cmath>

namespace runway::core::expr {

namespace {

// Keeps a result that points into a temporary of the callee: copied into the caller's tmp.
const Value* keep(const Value* v, Value& tmp)
{
    if (!v)
        return nullptr;
    Value copy = *v; // v may point inside local's payload, which assigning tmp could free
    tmp = std::move(copy);
    return &tmp;
}

} // namespace

const Value* Evaluator::path(const Node& n, Value& tmp)
{
    Value bt;
    const Value* base = eval(n.a, bt);
    if (!base)
        return nullptr;
    const std::string& key = m_program.names[n.index];
    const bool owned = base == &bt;
    if (base->isNull()) {
        tmp = Value();
        return &tmp;
    }
    if (base->isContext()) {
        const Value* v = base->asContext().find(key);
        if (!v) {
            tmp = Value(); // a missing entry is null, as in FEEL and for a map in JUEL
            return &tmp;
        }
        return owned ? keep(v, tmp) : v;
    }
    if (base->isList() && !m_juel) { // FEEL: the entry of each item
        List out;
        for (const Value& item : base->asList()) {
            const Value* v = item.isContext() ? item.asContext().find(key) : nullptr;
            if (!v && !item.isContext() && !item.isNull())
                return failOp(n, "cannot read '" + key + "' of a " + std::string(item.typeName()) + " in a list");
            out.push_back(v ? *v : Value());
        }
        tmp = Value(std::move(out));
        return &tmp;
    }
    return failOp(n, "cannot read '" + key + "' of a " + std::string(base->typeName()) + " (" +
                         (base->toString().size() > 40 ? base->toString().substr(0, 40) + "..." : base->toString()) +
                         ")");
}

const Value* Evaluator::index(const Node& n, Value& tmp)
{
    Value bt;
    const Value* base = eval(n.a, bt);
    if (!base)
        return nullptr;
    const bool owned = base == &bt;
    if (base->isNull()) {
        tmp = Value();
        return &tmp;
    }
    if (!m_juel) {
        if (!base->isList())
            return failOp(n, "expected a list before '[' but got " + std::string(base->typeName()));
        if (!owned)
            return filter(n, base->asList(), tmp);
        const Value* r = filter(n, base->asList(), tmp);
        return r == &tmp ? r : keep(r, tmp);
    }
    // JUEL: list[0] (from 0) or context["key"]
    Value it;
    const Value* i = eval(n.b, it);
    if (!i)
        return nullptr;
    const Value* found = nullptr;
    if (base->isList()) {
        double d = 0;
        std::string error;
        if (!juelNumber(*i, d, error))
            return failOp(n, error + " as an index");
        const List& l = base->asList();
        if (d >= 0 && d < static_cast<double>(l.size()))
            found = &l[static_cast<std::size_t>(d)];
    } else if (base->isContext()) {
        found = base->asContext().find(i->toText());
    } else {
        return failOp(n, "expected a list or a map before '[' but got " + std::string(base->typeName()));
    }
    if (!found) {
        tmp = Value();
        return &tmp;
    }
    return owned ? keep(found, tmp) : found;
}

// FEEL's list[...]: a number is an index from 1 (negative from the end); anything else is a
// condition on each item, which is `item` and, for a context, its entries by name.
const Value* Evaluator::filter(const Node& n, const List& list, Value& tmp)
{
    List kept;
    for (std::size_t k = 0; k < list.size() || k == 0; ++k) {
        const bool none = list.empty();
        const Value* item = none ? nullptr : &list[k];
        if (item) {
            m_frames.push_back(Frame{"item", item});
            if (item->isContext())
                m_frames.push_back(Frame{{}, item});
        }
        Value ct;
        const Value* c = eval(n.b, ct);
        if (item)
            m_frames.resize(m_frames.size() - (item->isContext() ? 2 : 1));
        if (!c)
            return none ? (m_error = {}, tmp = Value(List()), &tmp) : nullptr;
        if (c->isNumber()) {
            if (k > 0)
                return failOp(n, "the filter gave a number for one item and a boolean for another");
            const double d = std::trunc(c->asNumber());
            const double size = static_cast<double>(list.size());
            const double at = d > 0 ? d - 1 : size + d;
            if (d == 0 || at < 0 || at >= size) {
                tmp = Value();
                return &tmp;
            }
            return &list[static_cast<std::size_t>(at)];
        }
        if (none)
            break;
        if (c->isBoolean()) {
            if (c->asBoolean())
                kept.push_back(*item);
        } else if (!c->isNull()) {
            return failOp(n, "expected a boolean (a condition) or a number (an index) in '[...]' but got " +
                                 std::string(c->typeName()));
        }
    }
    tmp = Value(std::move(kept));
    return &tmp;
}

// some / every / for over one list.
const Value* Evaluator::iterate(const Node& n, Value& tmp)
{
    Value lt;
    const Value* source = eval(n.a, lt);
    if (!source)
        return nullptr;
    if (source->isNull()) {
        tmp = Value();
        return &tmp;
    }
    if (!source->isList())
        return failOp(n, "expected a list after 'in' but got " + std::string(source->typeName()));
    const std::string_view var = m_program.names[n.index];
    Value result(n.op == Op::Every);
    List out;
    for (const Value& item : source->asList()) {
        m_frames.push_back(Frame{var, &item});
        Value bt;
        const Value* v = eval(n.b, bt);
        m_frames.pop_back();
        if (!v)
            return nullptr;
        if (n.op == Op::For) {
            out.push_back(*v);
            continue;
        }
        if (!v->isBoolean() && !v->isNull())
            return failOp(n, "expected a boolean after 'satisfies' but got " + std::string(v->typeName()));
        result = n.op == Op::Some ? or3(result, *v) : and3(result, *v);
        if (result.isBoolean() && result.asBoolean() == (n.op == Op::Some))
            break; // decided
    }
    tmp = n.op == Op::For ? Value(std::move(out)) : result;
    return &tmp;
}

const Value* Evaluator::call(const Node& n, Value& tmp)
{
    constexpr std::uint32_t kInline = 4;
    Value inlineValues[kInline];
    const Value* inlineArgs[kInline];
    std::vector<Value> moreValues;
    std::vector<const Value*> moreArgs;
    Value* values = inlineValues;
    const Value** args = inlineArgs;
    if (n.count > kInline) {
        moreValues.resize(n.count);
        moreArgs.resize(n.count);
        values = moreValues.data();
        args = moreArgs.data();
    }
    const Function& f = functions()[n.index];
    bool anyNull = false;
    for (std::uint32_t i = 0; i < n.count; ++i) {
        args[i] = eval(m_program.kid(n, i), values[i]);
        if (!args[i])
            return nullptr;
        anyNull = anyNull || args[i]->isNull();
    }
    if (anyNull && f.nullGivesNull) {
        tmp = Value();
        return &tmp;
    }
    std::string error;
    if (!f.impl(args, static_cast<int>(n.count), tmp, error, m_context))
        return fail(n, std::string(f.name) + "() at column " + std::to_string(n.column) + " " + error);
    return &tmp;
}

} // namespace runway::core::expr
