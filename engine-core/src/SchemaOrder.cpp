#include "SchemaOrder.h"

#include <algorithm>

namespace runway::core {

std::vector<const Element*> schemaOrderedChildren(const Element* e)
{
    std::vector<std::pair<int, const Element*>> v;
    int key = -1;
    bool sorted = true;
    for (const Element* c = e->firstChild; c; c = c->next) {
        if (c->kind == NodeKind::Element && c->slot != kNoSlot) {
            if (c->slot < key)
                sorted = false;
            key = c->slot;
        }
        v.emplace_back(key, c);
    }
    if (!sorted) {
        int nextKey = -1;
        for (auto it = v.rbegin(); it != v.rend(); ++it) {
            if (it->second->kind == NodeKind::Element && it->second->slot != kNoSlot)
                nextKey = it->second->slot;
            else if (it->second->kind == NodeKind::Comment && nextKey >= 0)
                it->first = nextKey;
        }
        std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    std::vector<const Element*> out;
    out.reserve(v.size());
    for (const auto& p : v)
        out.push_back(p.second);
    return out;
}

} // namespace runway::core
