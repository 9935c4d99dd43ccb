#pragma once

#include "atlas/model/event_table.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace atlas {

/// A table's event ids as an open-addressing hash table of row numbers: finds repeated ids
/// among a million in tens of milliseconds, holding 8 bytes a slot and no copy of the ids
/// (they are read from the table, so rows may be added to it between calls).
class EventIdSet {
public:
    /// Fills the set with the rows of `events`; rows whose id an earlier row has go to `repeated`.
    void build(const EventTable& events, std::vector<std::uint32_t>* repeated) {
        m_slots.clear();
        m_count = 0;
        reserve(events.size());
        for (std::uint32_t row = 0; row < events.size(); ++row)
            if (insert(events, row) && repeated) repeated->push_back(row);
    }
    /// Adds `row` of `events`; when an earlier row has its id, returns that row instead.
    std::optional<std::uint32_t> insert(const EventTable& events, std::uint32_t row) {
        if ((m_count + 1) * 2 > m_slots.size()) reserve(std::max<std::size_t>(m_count + 1, m_slots.size()), &events);
        const std::string_view id = events.id(row);
        const std::size_t hash = std::hash<std::string_view>{}(id);
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        std::size_t at = hash & m_mask;
        for (; m_slots[at].row != 0; at = (at + 1) & m_mask)
            if (m_slots[at].tag == tag && events.id(m_slots[at].row - 1) == id) return m_slots[at].row - 1;
        m_slots[at] = {tag, row + 1};
        ++m_count;
        return std::nullopt;
    }
    /// The first row with id `id`.
    [[nodiscard]] std::optional<std::uint32_t> find(const EventTable& events, std::string_view id) const {
        if (m_slots.empty()) return std::nullopt;
        const std::size_t hash = std::hash<std::string_view>{}(id);
        const auto tag = static_cast<std::uint32_t>(hash >> 32);
        for (std::size_t at = hash & m_mask; m_slots[at].row != 0; at = (at + 1) & m_mask)
            if (m_slots[at].tag == tag && events.id(m_slots[at].row - 1) == id) return m_slots[at].row - 1;
        return std::nullopt;
    }
    [[nodiscard]] bool contains(const EventTable& events, std::string_view id) const { return find(events, id).has_value(); }

    /// Makes room for `count` ids (rehashing those held; their ids are read from `events`).
    void reserve(std::size_t count, const EventTable* events = nullptr) {
        std::size_t capacity = 16;
        while (capacity < count * 2) capacity *= 2;
        if (capacity <= m_slots.size()) return;
        std::vector<Slot> old(capacity);
        old.swap(m_slots);
        m_mask = capacity - 1;
        for (const Slot& slot : old) {
            if (slot.row == 0) continue;
            const std::size_t hash = std::hash<std::string_view>{}(events->id(slot.row - 1));
            std::size_t at = hash & m_mask;
            while (m_slots[at].row != 0) at = (at + 1) & m_mask;
            m_slots[at] = slot;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0; // high bits of the hash: most mismatches end here
        std::uint32_t row = 0; // row + 1; 0 is empty
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
};

} // namespace atlas
