#pragma once

// Details of many imported events packed one after another in one buffer, instead of an
// EventDetails (a dozen strings and vectors, each its own allocation) per event: what an
// import of a million CSV rows holds in memory, at about the bytes of its text.

#include "atlas/model/event_table.h"

#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atlas {

class PackedEventDetails final : public EventDetailSource {
public:
    /// One event's details as views, in the shape CSV imports give them: sources known by
    /// their publisher only, extra fields whose values are texts (kept as JSON strings).
    struct Entry {
        std::string_view description;
        std::span<const std::string_view> publishers;
        std::span<const std::string_view> tags;
        /// (index into the keys given to the constructor, text)
        std::span<const std::pair<std::uint32_t, std::string_view>> extras;
    };

    /// `extraKeys`: the names the extra fields of every entry are drawn from.
    explicit PackedEventDetails(std::vector<std::string> extraKeys) : m_keys(std::move(extraKeys)) {}

    /// Packs `entry`; returns its key (for EventTable::pushWithDetailsIn).
    std::int64_t add(const Entry& entry);
    /// Frees the capacity left over once every entry is added.
    void shrink() { m_bytes.shrink_to_fit(); }

    [[nodiscard]] EventDetails fetch(std::int64_t key) const override;
    /// The first search lower-cases the searched texts once (description and publishers, as
    /// EventIndex's blob holds them); later searches scan that.
    [[nodiscard]] std::vector<std::int64_t> keysContaining(std::string_view needle) const override;

private:
    void prepareSearch() const;

    std::vector<std::string> m_keys;
    std::string m_bytes;
    mutable std::once_flag m_searchOnce;
    mutable std::string m_searchText;                                        // lower-cased, '\n' after each text
    mutable std::vector<std::pair<std::size_t, std::int64_t>> m_searchStarts; // (where an entry's texts start, its key)
};

} // namespace atlas
