// An open-addressing hash map for the reader's hot lookups.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace runway::core {

/// FNV-1a: short keys (element names, ids) hash in a handful of instructions.
inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 14695981039346656037ull)
{
    for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
    return h;
}

/// The smallest power of two of at least 16 that keeps n entries at most half full.
inline std::size_t tableCapacity(std::size_t n)
{
    std::size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    return cap;
}

/// Linear probing over one array, keys and values stored inline. Reading a 50,000-node file
/// does about 300,000 inserts and as many lookups; std::unordered_map allocates a node per insert
/// and chases a pointer per lookup, which made it a sixth of the read time (decision record 0003).
/// Key and Value must be cheap to copy; Hash returns a 64-bit hash, Eq compares keys.
template <typename Key, typename Value, typename Hash, typename Eq = std::equal_to<Key>>
class FlatHashMap {
public:
    void reserve(std::size_t n)
    {
        const std::size_t cap = tableCapacity(n);
        if (cap > m_slots.size())
            rehash(cap);
    }

    /// Inserts when absent; returns the value stored for the key (the existing one if present).
    Value& tryEmplace(const Key& key, const Value& value)
    {
        if ((m_used + 1) * 2 > m_slots.size())
            rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
        const std::size_t mask = m_slots.size() - 1;
        std::size_t tomb = SIZE_MAX;
        for (std::size_t i = Hash{}(key) & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (s.state == Empty) {
                Slot& target = tomb != SIZE_MAX ? m_slots[tomb] : s;
                if (tomb == SIZE_MAX)
                    ++m_used;
                target = Slot{key, value, Full};
                ++m_size;
                return target.value;
            }
            if (s.state == Tomb) {
                if (tomb == SIZE_MAX)
                    tomb = i;
            } else if (Eq{}(s.key, key)) {
                return s.value;
            }
        }
    }

    Value* find(const Key& key)
    {
        const std::size_t i = indexOf(key);
        return i == npos ? nullptr : &m_slots[i].value;
    }
    const Value* find(const Key& key) const { return const_cast<FlatHashMap*>(this)->find(key); }

    bool erase(const Key& key)
    {
        const std::size_t i = indexOf(key);
        if (i == npos)
            return false;
        m_slots[i].state = Tomb;
        --m_size;
        return true;
    }

    void clear()
    {
        m_slots.assign(m_slots.size(), Slot{});
        m_size = m_used = 0;
    }
    std::size_t size() const { return m_size; }

private:
    static constexpr std::size_t npos = SIZE_MAX;
    std::size_t indexOf(const Key& key) const
    {
        if (m_slots.empty())
            return npos;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = Hash{}(key) & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.state == Empty)
                return npos;
            if (s.state == Full && Eq{}(s.key, key))
                return i;
        }
    }
    enum State : std::uint8_t { Empty, Full, Tomb };
    struct Slot {
        Key key{};
        Value value{};
        State state = Empty;
    };

    void rehash(std::size_t cap)
    {
        std::vector<Slot> old(cap);
        old.swap(m_slots);
        m_size = m_used = 0;
        for (const Slot& s : old)
            if (s.state == Full)
                tryEmplace(s.key, s.value);
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0, m_used = 0; // m_used counts full and tombstone slots
};

struct StringViewHash {
    std::uint64_t operator()(std::string_view s) const { return fnv1a(s); }
};

} // namespace runway::core
