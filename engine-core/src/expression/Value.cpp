#include "runway/core/Value.h"

#include "Text.h"

#include <algorithm>

namespace runway::core {

namespace detail {
const std::string& emptyString()
{
    static const std::string empty;
    return empty;
}
const List& emptyList()
{
    static const List empty;
    return empty;
}
const Context& emptyContext()
{
    static const Context empty;
    return empty;
}
} // namespace detail

Value::Value(std::string s) : m_type(Type::String)
{
    auto* box = new detail::StringBox;
    box->value = std::move(s);
    m_u.box = box;
}

Value::Value(List l) : m_type(Type::List)
{
    auto* box = new detail::ListBox;
    box->value = std::move(l);
    m_u.box = box;
}

Value::Value(Context c) : m_type(Type::Context)
{
    auto* box = new detail::ContextBox;
    box->value = std::move(c);
    m_u.box = box;
}

void Value::releaseBox() noexcept
{
    const Type type = m_type;
    detail::Box* box = m_u.box;
    m_type = Type::Null;
    if (box->refs.fetch_sub(1, std::memory_order_acq_rel) != 1)
        return;
    switch (type) {
    case Type::String: delete static_cast<detail::StringBox*>(box); break;
    case Type::List: delete static_cast<detail::ListBox*>(box); break;
    case Type::Context: delete static_cast<detail::ContextBox*>(box); break;
    default: break;
    }
}

std::string_view Value::typeName(Type t)
{
    switch (t) {
    case Type::Null: return "null";
    case Type::Boolean: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::List: return "list";
    case Type::Context: return "context";
    }
    return "value";
}

std::string Value::toString() const
{
    switch (type()) {
    case Type::Null: return "null";
    case Type::Boolean: return asBoolean() ? "true" : "false";
    case Type::Number: return expr::formatNumber(asNumber());
    case Type::String: return expr::quoteFeel(asString());
    case Type::List: {
        std::string s = "[";
        for (const auto& v : asList()) {
            if (s.size() > 1)
                s += ", ";
            s += v.toString();
        }
        return s + "]";
    }
    case Type::Context: {
        std::string s = "{";
        for (const auto& [k, v] : asContext()) {
            if (s.size() > 1)
                s += ", ";
            s += expr::isPlainName(k) ? k : expr::quoteFeel(k);
            s += ": ";
            s += v.toString();
        }
        return s + "}";
    }
    }
    return {};
}

std::string Value::toText() const
{
    return isString() ? asString() : toString();
}

bool Value::operator==(const Value& other) const
{
    if (type() != other.type())
        return false;
    switch (type()) {
    case Type::Null: return true;
    case Type::Boolean: return asBoolean() == other.asBoolean();
    case Type::Number: return asNumber() == other.asNumber();
    case Type::String: return asString() == other.asString();
    case Type::List: return asList() == other.asList();
    case Type::Context: return asContext() == other.asContext();
    }
    return false;
}

// ---- Context ----

Context::Context(std::initializer_list<Entry> entries)
{
    for (const auto& e : entries)
        set(e.first, e.second);
}

const Value* Context::find(std::string_view name) const
{
    for (const auto& e : m_entries)
        if (e.first == name)
            return &e.second;
    return nullptr;
}

void Context::set(std::string name, Value value)
{
    for (auto& e : m_entries)
        if (e.first == name) {
            e.second = std::move(value);
            return;
        }
    m_entries.emplace_back(std::move(name), std::move(value));
}

bool Context::operator==(const Context& other) const
{
    if (size() != other.size())
        return false;
    for (const auto& [k, v] : m_entries) {
        const Value* o = other.find(k);
        if (!o || !(*o == v))
            return false;
    }
    return true;
}

// ---- Variables ----

Variables::Variables(std::initializer_list<Entry> entries)
{
    for (const auto& e : entries)
        set(e.first, e.second);
}

std::vector<Variables::Entry>::const_iterator Variables::lowerBound(std::string_view name) const
{
    // Names mostly differ in their first character: compare it before calling memcmp.
    return std::lower_bound(m_entries.begin(), m_entries.end(), name, [](const Entry& e, std::string_view n) {
        const std::string_view k = e.first;
        if (!k.empty() && !n.empty() && k[0] != n[0])
            return static_cast<unsigned char>(k[0]) < static_cast<unsigned char>(n[0]);
        return k < n;
    });
}

const Value* Variables::find(std::string_view name) const
{
    auto it = lowerBound(name);
    return it != m_entries.end() && it->first == name ? &it->second : nullptr;
}

const Value* Variables::findPath(std::string_view path) const
{
    auto dot = path.find('.');
    const Value* v = find(path.substr(0, dot));
    while (v && dot != std::string_view::npos) {
        path.remove_prefix(dot + 1);
        dot = path.find('.');
        v = v->isContext() ? v->asContext().find(path.substr(0, dot)) : nullptr;
    }
    return v;
}

void Variables::set(std::string name, Value value)
{
    auto it = m_entries.begin() + (lowerBound(name) - m_entries.cbegin());
    if (it != m_entries.end() && it->first == name)
        it->second = std::move(value);
    else
        m_entries.emplace(it, std::move(name), std::move(value));
}

namespace {
// The context `base` with `value` set at the dotted `path`, contexts made or copied on the way.
Value withPath(const Value* base, std::string_view path, Value value)
{
    const auto dot = path.find('.');
    const std::string_view head = path.substr(0, dot);
    Context c = base && base->isContext() ? base->asContext() : Context();
    if (dot == std::string_view::npos)
        c.set(std::string(head), std::move(value));
    else
        c.set(std::string(head), withPath(c.find(head), path.substr(dot + 1), std::move(value)));
    return Value(std::move(c));
}
} // namespace

void Variables::setPath(std::string_view path, Value value)
{
    const auto dot = path.find('.');
    if (dot == std::string_view::npos) {
        set(std::string(path), std::move(value));
        return;
    }
    const std::string head(path.substr(0, dot));
    set(head, withPath(find(head), path.substr(dot + 1), std::move(value)));
}

bool Variables::erase(std::string_view name)
{
    auto it = lowerBound(name);
    if (it == m_entries.end() || it->first != name)
        return false;
    m_entries.erase(it);
    return true;
}

} // namespace runway::core
