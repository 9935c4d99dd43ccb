#include "atlas/model/packed_details.h"

#include "atlas/io/text.h"

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

std::vector<std::int64_t> PackedEventDetails::keysContaining(std::string_view needle) const {
    std::vector<std::int64_t> keys;
    std::string lowered;
    auto contains = [&](std::string_view text) {
        lowered.clear();
        appendSearchText(lowered, text);
        return lowered.find(needle) != std::string::npos;
    };
    Cursor in{m_bytes, 0};
    while (in.at < m_bytes.size()) {
        const auto key = static_cast<std::int64_t>(in.at);
        bool hit = contains(in.text());
        for (auto n = in.number(); n > 0; --n) {
            const std::string_view publisher = in.text();
            hit = hit || contains(publisher);
        }
        for (auto n = in.number(); n > 0; --n) in.text();
        for (auto n = in.number(); n > 0; --n) {
            in.number();
            in.text();
        }
        if (hit) keys.push_back(key);
    }
    return keys;
}

} // namespace atlas
