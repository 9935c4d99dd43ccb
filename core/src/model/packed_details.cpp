#include "atlas/model/packed_details.h"

#include "atlas/io/text.h"

#include <algorithm>
#include <iterator>

namespace atlas {

// Each entry: description, publishers, tags, extras; every text a length (LEB128) then its
// bytes; every list its count first; an extra is its key's index then its text.

namespace {

void putNumber(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

void putText(std::string& out, std::string_view text) {
    putNumber(out, text.size());
    out.append(text);
}

// Reads what putNumber/putText wrote; the bytes are the table's own, never a file's, so a
// read past the end is a programming error (at() throws rather than read out of bounds).
struct Cursor {
    std::string_view bytes;
    std::size_t at;
    std::uint64_t number() {
        std::uint64_t value = 0;
        for (int shift = 0;; shift += 7) {
            const auto byte = static_cast<unsigned char>(bytes.at(at++));
            value |= std::uint64_t{byte & 0x7fu} << shift;
            if (!(byte & 0x80)) return value;
        }
    }
    std::string_view text() {
        const auto length = static_cast<std::size_t>(number());
        const std::string_view out = bytes.substr(at, length);
        at += out.size();
        return out;
    }
};


} // namespace

std::int64_t PackedEventDetails::add(const Entry& entry) {
    const auto key = static_cast<std::int64_t>(m_bytes.size());
    putText(m_bytes, entry.description);
    putNumber(m_bytes, entry.publishers.size());
    for (const std::string_view publisher : entry.publishers) putText(m_bytes, publisher);
    putNumber(m_bytes, entry.tags.size());
    for (const std::string_view tag : entry.tags) putText(m_bytes, tag);
    putNumber(m_bytes, entry.extras.size());
    for (const auto& [index, text] : entry.extras) {
        putNumber(m_bytes, index);
        putText(m_bytes, text);
    }
    return key;
}

EventDetails PackedEventDetails::fetch(std::int64_t key) const {
    EventDetails details;
    if (key < 0 || static_cast<std::size_t>(key) >= m_bytes.size()) return details;
    Cursor in{m_bytes, static_cast<std::size_t>(key)};
    details.description = in.text();
    for (auto n = in.number(); n > 0; --n) details.sources.push_back({std::string(in.text()), {}, {}, {}, {}});
    for (auto n = in.number(); n > 0; --n) details.tags.emplace_back(in.text());
    for (auto n = in.number(); n > 0; --n) {
        const auto index = static_cast<std::size_t>(in.number());
        details.extra.emplace_back(m_keys.at(index), jsonString(in.text()));
    }
    return details;
}

void PackedEventDetails::prepareSearch() const {
    std::call_once(m_searchOnce, [this] {
        Cursor in{m_bytes, 0};
        while (in.at < m_bytes.size()) {
            m_searchStarts.emplace_back(m_searchText.size(), static_cast<std::int64_t>(in.at));
            appendSearchText(m_searchText, in.text());
            for (auto n = in.number(); n > 0; --n) appendSearchText(m_searchText, in.text());
            for (auto n = in.number(); n > 0; --n) in.text();
            for (auto n = in.number(); n > 0; --n) {
                in.number();
                in.text();
            }
        }
    });
}

std::vector<std::int64_t> PackedEventDetails::keysContaining(std::string_view needle) const {
    prepareSearch();
    std::vector<std::int64_t> keys;
    const std::string_view text(m_searchText);
    for (std::size_t at = 0;;) {
        const std::size_t hit = text.find(needle, at);
        if (hit == std::string_view::npos) break;
        // The entry whose texts hold the hit; the search goes on after them.
        const auto next = std::upper_bound(m_searchStarts.begin(), m_searchStarts.end(), hit,
                                           [](std::size_t offset, const auto& start) { return offset < start.first; });
        keys.push_back(std::prev(next)->second);
        at = next == m_searchStarts.end() ? text.size() : next->first;
    }
    return keys;
}

} // namespace atlas
