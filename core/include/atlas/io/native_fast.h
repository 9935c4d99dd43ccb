#pragma once

// The fast road through a native document's events (used by native_format.cpp; public for
// its tests): the events array is found by a scan that only follows strings and brackets,
// and each event is decoded straight from its text with simdjson on every core. Only what is
// plainly valid goes this way; any event the exact reader (native_format.cpp, nlohmann) might
// read differently — a problem to report, a value in an unusual form — is handed back to that
// reader, which stays the one authority on what a native file means and what is wrong with it.

#include "atlas/model/event.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace atlas::detail {

/// Bytes simdjson may read past the end of a value; a text decoded here must have this many
/// readable bytes after its end.
inline constexpr std::size_t kJsonPadding = 64;

/// Where the events are in a native document: the array's brackets and each element's text.
struct NativeEventsLayout {
    std::size_t arrayOpen = 0;  ///< offset of '['
    std::size_t arrayClose = 0; ///< offset of ']'
    struct Span {
        std::size_t begin, end;
    };
    std::vector<Span> elements;
};

/// Scans a document whose root is an object with one "events" member holding an array; nullopt
/// for anything else (no events, a key written with escapes, a second "events", text that does
/// not scan as JSON), which the exact reader then reads whole. Does not check the JSON fully:
/// the elements are checked when decoded, the rest by the exact reader.
[[nodiscard]] std::optional<NativeEventsLayout> scanNativeEvents(std::string_view text);

/// Decodes events from their texts; one decoder per thread.
class FastEventDecoder {
public:
    FastEventDecoder();
    ~FastEventDecoder();
    FastEventDecoder(const FastEventDecoder&) = delete;
    FastEventDecoder& operator=(const FastEventDecoder&) = delete;

    /// The event in `text` (kJsonPadding readable bytes must follow it), or nullopt when it is
    /// not plainly valid: invalid JSON, a missing or mistyped field, an unknown key of a
    /// vocabulary, a figure out of range, a duplicate key, an unknown field that is not a
    /// string, whole number, boolean or null, or a \u escape. Such an event goes to the exact
    /// reader, which reports what is wrong or reads what is unusual.
    [[nodiscard]] std::optional<Event> decode(std::string_view text);

private:
    struct Parser;
    std::unique_ptr<Parser> m_parser;
};

} // namespace atlas::detail
