#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace runway::core {

/// The types of a Value.
enum class ValueType : unsigned char { Null, Boolean, Number, String, List, Context };

class Value;
class Context;
using List = std::vector<Value>;
namespace detail {
struct Box; // a shared payload: a reference count, then the string, list or context
}

/// A value of a process variable, or what an expression gives: null, a boolean, a number, a string,
/// a list or a context (an object: names to values, in the order they were set).
///
/// Numbers are doubles, so integers are exact up to 2^53. Strings, lists and contexts are immutable
/// once made and shared between copies (counted references), so a Value is 16 bytes and copying one
/// is cheap: a number or a boolean copies no memory at all, a string, list or context adds one to a
/// count. The engine can snapshot an instance's variables freely, and any number of threads may
/// read (and copy) the same value.
class Value {
public:
    using Type = ValueType;

    Value() noexcept {}
    Value(std::nullptr_t) noexcept {}
    Value(bool b) noexcept : m_type(Type::Boolean) { m_u.boolean = b; }
    template <typename N>
    requires(std::is_arithmetic_v<N> && !std::is_same_v<N, bool> && !std::is_same_v<N, char>) Value(N n)
    noexcept : m_type(Type::Number) { m_u.number = static_cast<double>(n); }
    Value(const char* s) : Value(std::string(s)) {}
    Value(std::string_view s) : Value(std::string(s)) {}
    Value(std::string s);
    Value(List l);
    Value(Context c);
    Value(char) = delete; // a character is neither a number nor a string here: write Value(std::string(1, c))

    Value(const Value& o) noexcept : m_type(o.m_type), m_u(o.m_u) { retain(); }
    Value(Value&& o) noexcept : m_type(o.m_type), m_u(o.m_u) { o.m_type = Type::Null; }
    Value& operator=(const Value& o) noexcept
    {
        o.retain(); // first: o may live inside the payload that release() frees
        const Type t = o.m_type;
        const Payload u = o.m_u;
        release();
        m_type = t;
        m_u = u;
        return *this;
    }
    Value& operator=(Value&& o) noexcept
    {
        const Type t = o.m_type;
        const Payload u = o.m_u;
        o.m_type = Type::Null; // takes o's reference before release(), which may destroy o
        release();
        m_type = t;
        m_u = u;
        return *this;
    }
    ~Value() { release(); }

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBoolean() const { return m_type == Type::Boolean; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isList() const { return m_type == Type::List; }
    bool isContext() const { return m_type == Type::Context; }

    /// The payload. Asking for the wrong type gives false, 0, "" or an empty list or context.
    bool asBoolean() const { return isBoolean() && m_u.boolean; }
    double asNumber() const { return isNumber() ? m_u.number : 0.0; }
    const std::string& asString() const;
    const List& asList() const;
    const Context& asContext() const;

    /// "null", "boolean", "number", "string", "list", "context" (the words messages use).
    std::string_view typeName() const { return typeName(type()); }
    static std::string_view typeName(Type t);

    /// As FEEL writes the value, for messages: null, true, 1500, 0.25, "gold" (quoted, escaped),
    /// [1, 2], {tier: "gold"}. Long values are not shortened.
    std::string toString() const;
    /// The text of the value as FEEL's string() gives it: strings unquoted, others as toString().
    std::string toText() const;

    /// Same type and same content (lists and contexts compared deeply, context entries in any order).
    bool operator==(const Value& other) const;

private:
    union Payload {
        bool boolean;
        double number;
        detail::Box* box;
    };
    bool shared() const { return m_type >= Type::String; }
    void retain() const noexcept;
    void release() noexcept
    {
        if (shared())
            releaseBox();
    }
    void releaseBox() noexcept;

    Type m_type = Type::Null;
    Payload m_u{};
};

/// A context (FEEL's word; an object or map elsewhere): names to values, kept in the order they
/// were first set. Lookups are linear, which is the fastest for the few entries variables have.
class Context {
public:
    using Entry = std::pair<std::string, Value>;

    Context() = default;
    Context(std::initializer_list<Entry> entries);

    /// The value of a name, or nullptr.
    const Value* find(std::string_view name) const;
    /// Sets a name, replacing its value or adding it at the end.
    void set(std::string name, Value value);

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    std::vector<Entry>::const_iterator begin() const { return m_entries.begin(); }
    std::vector<Entry>::const_iterator end() const { return m_entries.end(); }

    /// The same names with equal values, in any order.
    bool operator==(const Context& other) const;

private:
    std::vector<Entry> m_entries;
};

/// The variables of a process instance (or of a scope): names to values. Nested contexts make
/// paths: "customer.tier" is the entry "tier" of the context in the variable "customer".
///
/// Kept sorted by name in one vector: lookups are binary searches without allocation, and a copy is
/// one allocation plus the names (the values' payloads are shared).
class Variables {
public:
    using Entry = std::pair<std::string, Value>;

    Variables() = default;
    Variables(std::initializer_list<Entry> entries);

    /// The value of a variable, or nullptr when it is not set (a variable set to null is found).
    const Value* find(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name) != nullptr; }
    /// The value at a dotted path ("customer.address.city"), or nullptr when a part is missing or
    /// is not a context.
    const Value* findPath(std::string_view path) const;

    void set(std::string name, Value value);
    /// Sets the entry at a dotted path, making or copying the contexts on the way ("customer.tier"
    /// on a variable customer that is not a context replaces it with one).
    void setPath(std::string_view path, Value value);
    /// Removes a variable; false when it was not set.
    bool erase(std::string_view name);

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    /// Entries sorted by name.
    std::vector<Entry>::const_iterator begin() const { return m_entries.begin(); }
    std::vector<Entry>::const_iterator end() const { return m_entries.end(); }

    bool operator==(const Variables& other) const = default;

private:
    std::vector<Entry>::const_iterator lowerBound(std::string_view name) const;
    std::vector<Entry> m_entries;
};

// ---- the shared payloads (inline, as reading them is what expressions do most) ----

namespace detail {
struct Box {
    std::atomic<std::int32_t> refs{1};
};
struct StringBox : Box {
    std::string value;
};
struct ListBox : Box {
    List value;
};
struct ContextBox : Box {
    Context value;
};
const std::string& emptyString();
const List& emptyList();
const Context& emptyContext();
} // namespace detail

inline void Value::retain() const noexcept
{
    if (shared())
        m_u.box->refs.fetch_add(1, std::memory_order_relaxed);
}

inline const std::string& Value::asString() const
{
    return isString() ? static_cast<const detail::StringBox*>(m_u.box)->value : detail::emptyString();
}

inline const List& Value::asList() const
{
    return isList() ? static_cast<const detail::ListBox*>(m_u.box)->value : detail::emptyList();
}

inline const Context& Value::asContext() const
{
    return isContext() ? static_cast<const detail::ContextBox*>(m_u.box)->value : detail::emptyContext();
}

} // namespace runway::core
