// The document's id index: element by id, in 16 bytes a slot.
#pragma once

#include "FlatHashMap.h"
#include "runway/core/Element.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace runway::core {

/// Maps a key (an element's id, or a DI element's bpmnElement) to an element, storing only the
/// key's 64-bit hash and the element: the key itself is read back from the element to confirm a
/// match. A 50,000-node file has about 300,000 ids; 16-byte slots instead of 32 halve the table
/// and its page faults, which showed in the profile of reading such a file.
template <typename KeyOf>
class ElementIndex {
public:
    void reserve(std::size_t n)
    {
        const std::size_t cap = tableCapacity(n);
        if (cap > m_slots.size())
            rehash(cap);
    }

    /// Adds e under key unless the key is taken; returns the element stored for the key.
    Element* insert(std::string_view key, Element* e)
    {
        if ((m_used + 1) * 2 > m_slots.size())
            rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
        const std::uint64_t h = fnv1a(key);
        const std::size_t mask = m_slots.size() - 1;
        std::size_t tomb = npos;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (s.element == nullptr) {
                if (tomb == npos)
                    ++m_used;
                m_slots[tomb == npos ? i : tomb] = {h, e};
                return e;
            }
            if (s.element == tombstone()) {
                if (tomb == npos)
                    tomb = i;
            } else if (s.hash == h && KeyOf{}(s.element) == key) {
                return s.element;
            }
        }
    }

    Element* find(std::string_view key) const
    {
        const std::size_t i = indexOf(key);
        return i == npos ? nullptr : m_slots[i].element;
    }

    /// Removes the entry for key if it is e.
    void erase(std::string_view key, const Element* e)
    {
        const std::size_t i = indexOf(key);
        if (i != npos && m_slots[i].element == e)
            m_slots[i].element = tombstone();
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        Element* element = nullptr; // nullptr: empty
    };
    static constexpr std::size_t npos = SIZE_MAX;
    static Element* tombstone() { return reinterpret_cast<Element*>(alignof(Element)); }

    std::size_t indexOf(std::string_view key) const
    {
        if (m_slots.empty())
            return npos;
        const std::uint64_t h = fnv1a(key);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.element == nullptr)
                return npos;
            if (s.element != tombstone() && s.hash == h && KeyOf{}(s.element) == key)
                return i;
        }
    }

    void rehash(std::size_t cap)
    {
        std::vector<Slot> old(cap);
        old.swap(m_slots);
        m_used = 0;
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.element == nullptr || s.element == tombstone())
                continue;
            std::size_t i = s.hash & mask;
            while (m_slots[i].element)
                i = (i + 1) & mask;
            m_slots[i] = s;
            ++m_used;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_used = 0; // full and tombstone slots
};

} // namespace runway::core
