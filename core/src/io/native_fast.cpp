#include "atlas/io/native_fast.h"

#include "atlas/io/text.h"
#include "atlas/model/vocabulary.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>

namespace atlas::detail {

// --- the scan ---------------------------------------------------------------------------------

namespace {

// A cursor over the text that follows only what the scan needs: strings (skipped from quote to
// quote) and brackets. Any surprise sets `failed`, and the caller gives up.
struct Scanner {
    const char* at;
    const char* end;
    bool failed = false;

    void skipSpace() {
        while (at < end && (*at == ' ' || *at == '\n' || *at == '\r' || *at == '\t')) ++at;
    }
    bool take(char c) {
        skipSpace();
        if (at < end && *at == c) {
            ++at;
            return true;
        }
        return false;
    }
    // `at` on the opening quote; leaves it after the closing one. Says whether the string held
    // a backslash.
    bool skipString() {
        bool escaped = false;
        for (const char* from = at + 1;;) {
            const auto* quote = static_cast<const char*>(std::memchr(from, '"', static_cast<std::size_t>(end - from)));
            if (!quote) {
                failed = true;
                at = end;
                return escaped;
            }
            std::size_t backslashes = 0;
            for (const char* p = quote; p > from && p[-1] == '\\'; --p) ++backslashes;
            if (backslashes > 0 || std::memchr(from, '\\', static_cast<std::size_t>(quote - from))) escaped = true;
            from = quote + 1;
            if (backslashes % 2 == 0) {
                at = from;
                return escaped;
            }
        }
    }
    void skipValue() {
        skipSpace();
        if (at == end) {
            failed = true;
            return;
        }
        if (*at == '"') {
            skipString();
            return;
        }
        if (*at != '{' && *at != '[') { // a number, true, false or null
            const char* start = at;
            while (at < end && *at != ',' && *at != '}' && *at != ']' && *at != ' ' && *at != '\n' && *at != '\r' &&
                   *at != '\t')
                ++at;
            failed = failed || at == start;
            return;
        }
        // An object or array: count brackets, jumping over strings (which may hold brackets).
        static constexpr auto kInteresting = [] {
            std::array<bool, 256> table{};
            for (const unsigned char c : {'"', '{', '}', '[', ']'}) table[c] = true;
            return table;
        }();
        std::size_t depth = 0;
        while (at < end) {
            while (at < end && !kInteresting[static_cast<unsigned char>(*at)]) ++at;
            if (at == end) break;
            switch (*at) {
            case '"': skipString(); continue;
            case '{':
            case '[': ++depth; break;
            default:
                if (--depth == 0) {
                    ++at;
                    return;
                }
            }
            ++at;
        }
        failed = true;
    }
};

} // namespace

std::optional<NativeEventsLayout> scanNativeEvents(std::string_view text) {
    Scanner scan{text.data(), text.data() + text.size()};
    NativeEventsLayout layout;
    bool seenEvents = false;
    if (!scan.take('{')) return std::nullopt;
    if (scan.take('}')) return std::nullopt; // no events
    for (;;) {
        scan.skipSpace();
        if (scan.at == scan.end || *scan.at != '"') return std::nullopt;
        const char* keyBegin = scan.at + 1;
        if (scan.skipString()) return std::nullopt; // a key written with escapes: the exact reader decides
        if (scan.failed) return std::nullopt;
        const std::string_view key(keyBegin, static_cast<std::size_t>(scan.at - 1 - keyBegin));
        if (!scan.take(':')) return std::nullopt;
        if (key == "events") {
            if (seenEvents) return std::nullopt;
            seenEvents = true;
            scan.skipSpace();
            if (scan.at == scan.end || *scan.at != '[') return std::nullopt;
            layout.arrayOpen = static_cast<std::size_t>(scan.at - text.data());
            ++scan.at;
            if (!scan.take(']')) {
                for (;;) {
                    scan.skipSpace();
                    const auto begin = static_cast<std::size_t>(scan.at - text.data());
                    scan.skipValue();
                    if (scan.failed) return std::nullopt;
                    layout.elements.push_back({begin, static_cast<std::size_t>(scan.at - text.data())});
                    if (scan.take(',')) continue;
                    if (scan.take(']')) break;
                    return std::nullopt;
                }
            }
            layout.arrayClose = static_cast<std::size_t>(scan.at - 1 - text.data());
        } else {
            scan.skipValue();
            if (scan.failed) return std::nullopt;
        }
        if (scan.take(',')) continue;
        if (scan.take('}')) break;
        return std::nullopt;
    }
    scan.skipSpace();
    if (scan.at != scan.end || !seenEvents) return std::nullopt;
    return layout;
}

// --- decoding one event -----------------------------------------------------------------------

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Thrown (and caught in decode) when the event is not plainly valid: the exact reader takes it.
struct NotPlain {};

std::string_view stringOf(element value) {
    if (value.type() != element_type::STRING) throw NotPlain{};
    return value.get_string().value_unsafe();
}

// A text field: absent or null is empty; anything but a string is not plain.
std::string textOf(const element* value) {
    if (!value || value->is_null()) return {};
    return std::string(stringOf(*value));
}

template <typename Enum, typename Parse> Enum enumOf(const element* value, Enum fallback, Parse parse) {
    if (!value || value->is_null()) return fallback;
    if (const auto parsed = parse(stringOf(*value))) return *parsed;
    throw NotPlain{};
}

std::vector<std::string> stringListOf(const element* value) {
    std::vector<std::string> out;
    if (!value || value->is_null()) return out;
    if (value->type() != element_type::ARRAY) throw NotPlain{};
    const simdjson::dom::array items = value->get_array().value_unsafe();
    for (const element item : items) out.emplace_back(stringOf(item));
    return out;
}

// An unknown field's value as the exact reader keeps it (nlohmann's dump): only the forms
// whose text is certain to be the same; others are not plain.
std::string dumpOf(element value) {
    switch (value.type()) {
    case element_type::STRING: return jsonString(value.get_string().value_unsafe());
    case element_type::INT64: return std::to_string(value.get_int64().value_unsafe());
    case element_type::UINT64: return std::to_string(value.get_uint64().value_unsafe());
    case element_type::BOOL: return value.get_bool().value_unsafe() ? "true" : "false";
    case element_type::NULL_VALUE: return "null";
    default: throw NotPlain{};
    }
}

// The fields of `object`: those named in `known` into `slots` (same order), the rest as extra
// fields in key order (as the exact reader's std::map gives them). A repeated key is not plain
// (which value counts is the exact reader's rule).
template <std::size_t N>
ExtraFields fieldsOf(element object, const std::array<std::string_view, N>& known, std::array<const element*, N>& slots,
                     std::array<element, N>& storage) {
    if (object.type() != element_type::OBJECT) throw NotPlain{};
    slots.fill(nullptr);
    ExtraFields extra;
    const simdjson::dom::object fields = object.get_object().value_unsafe();
    for (const simdjson::dom::key_value_pair field : fields) {
        std::size_t i = 0;
        while (i < N && known[i] != field.key) ++i;
        if (i < N) {
            if (slots[i]) throw NotPlain{};
            storage[i] = field.value;
            slots[i] = &storage[i];
        } else {
            extra.emplace_back(std::string(field.key), dumpOf(field.value));
        }
    }
    if (extra.size() > 1) {
        std::sort(extra.begin(), extra.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 1; i < extra.size(); ++i)
            if (extra[i].first == extra[i - 1].first) throw NotPlain{};
    }
    return extra;
}

double coordinateOf(const element* value, double limit) {
    if (!value) throw NotPlain{};
    const element_type type = value->type();
    if (type != element_type::DOUBLE && type != element_type::INT64 && type != element_type::UINT64) throw NotPlain{};
    const double v = value->get_double().value_unsafe();
    if (!std::isfinite(v) || std::abs(v) > limit) throw NotPlain{};
    return v;
}

CasualtyCount casualtiesOf(const element* value) {
    CasualtyCount count;
    if (!value || value->is_null()) return count;
    static constexpr std::array<std::string_view, 3> kKnown{"qualifier", "low", "high"};
    std::array<const element*, 3> slot;
    std::array<element, 3> storage;
    count.extra = fieldsOf(*value, kKnown, slot, storage);
    if (!slot[0] || slot[0]->is_null()) throw NotPlain{}; // the exact reader reports it
    const auto qualifier = countQualifierFromKey(stringOf(*slot[0]));
    if (!qualifier) throw NotPlain{};
    auto bound = [](const element* v) -> std::optional<int> {
        if (!v || v->is_null()) return std::nullopt;
        std::int64_t n = 0;
        if (v->type() == element_type::INT64) n = v->get_int64().value_unsafe();
        else if (v->type() == element_type::UINT64 && v->get_uint64().value_unsafe() <= 10'000'000u) n = static_cast<std::int64_t>(v->get_uint64().value_unsafe());
        else throw NotPlain{};
        if (n < 0 || n > 10'000'000) throw NotPlain{};
        return static_cast<int>(n);
    };
    count.low = bound(slot[1]);
    count.high = bound(slot[2]);
    if (count.low && count.high && *count.high < *count.low) throw NotPlain{};
    if (*qualifier == CountQualifier::Unknown) return count;
    if (!count.low) throw NotPlain{};
    count.qualifier = *qualifier;
    return count;
}

Event eventOf(element item) {
    enum Field { Id, Type, DateField, EndDate, DatePrec, PlaceField, Perpetrators, Targets, Killed, Wounded, Civilian,
                 Description, Sources, Tags, Links, kFields };
    static constexpr std::array<std::string_view, kFields> kKnown{
        "id", "type", "date", "endDate", "datePrecision", "place", "perpetrators", "targets",
        "killed", "wounded", "civilianTargeting", "description", "sources", "tags", "links"};
    std::array<const element*, kFields> field;
    std::array<element, kFields> storage;
    Event event;
    event.extra = fieldsOf(item, kKnown, field, storage);
    if (!field[Id] || field[Id]->is_null()) throw NotPlain{};
    event.id = std::string(stringOf(*field[Id]));
    if (event.id.empty()) throw NotPlain{};
    if (!field[Type] || field[Type]->is_null()) throw NotPlain{};
    event.type = enumOf(field[Type], EventType::Other, eventTypeFromKey);
    if (!field[DateField] || field[DateField]->is_null()) throw NotPlain{};
    const auto start = Date::parse(stringOf(*field[DateField]));
    if (!start) throw NotPlain{};
    event.date = *start;
    if (field[EndDate] && !field[EndDate]->is_null()) {
        const auto end = Date::parse(stringOf(*field[EndDate]));
        if (!end || *end < *start) throw NotPlain{};
        event.endDate = end;
    }
    event.datePrecision = enumOf(field[DatePrec], DatePrecision::Day, datePrecisionFromKey);
    {
        if (!field[PlaceField]) throw NotPlain{};
        static constexpr std::array<std::string_view, 6> kPlace{"lat", "lon", "precision", "name", "admin1", "admin2"};
        std::array<const element*, 6> slot;
        std::array<element, 6> placeStorage;
        event.place.extra = fieldsOf(*field[PlaceField], kPlace, slot, placeStorage);
        event.place.point = {coordinateOf(slot[0], 90.0), coordinateOf(slot[1], 180.0)};
        event.place.name = textOf(slot[3]);
        event.place.admin1 = textOf(slot[4]);
        event.place.admin2 = textOf(slot[5]);
        event.place.precision = enumOf(slot[2], PlacePrecision::Exact, placePrecisionFromKey);
    }
    event.perpetrators = stringListOf(field[Perpetrators]);
    event.targets = stringListOf(field[Targets]);
    event.killed = casualtiesOf(field[Killed]);
    event.wounded = casualtiesOf(field[Wounded]);
    if (field[Civilian] && !field[Civilian]->is_null()) {
        if (field[Civilian]->type() != element_type::BOOL) throw NotPlain{};
        event.civilianTargeting = field[Civilian]->get_bool().value_unsafe();
    }
    event.description = textOf(field[Description]);
    // An event without a sources array draws a warning from the exact reader.
    if (!field[Sources] || field[Sources]->type() != element_type::ARRAY) throw NotPlain{};
    const simdjson::dom::array sources = field[Sources]->get_array().value_unsafe();
    for (const element sourceItem : sources) {
        static constexpr std::array<std::string_view, 4> kSource{"publisher", "title", "date", "url"};
        std::array<const element*, 4> slot;
        std::array<element, 4> sourceStorage;
        SourceReference source;
        source.extra = fieldsOf(sourceItem, kSource, slot, sourceStorage);
        source.publisher = textOf(slot[0]);
        source.title = textOf(slot[1]);
        source.date = textOf(slot[2]);
        source.url = textOf(slot[3]);
        event.sources.push_back(std::move(source));
    }
    event.tags = stringListOf(field[Tags]);
    if (field[Links] && !field[Links]->is_null()) {
        if (field[Links]->type() != element_type::ARRAY) throw NotPlain{};
        const simdjson::dom::array links = field[Links]->get_array().value_unsafe();
        for (const element linkItem : links) {
            static constexpr std::array<std::string_view, 2> kLink{"event", "relation"};
            std::array<const element*, 2> slot;
            std::array<element, 2> linkStorage;
            EventLink link;
            link.extra = fieldsOf(linkItem, kLink, slot, linkStorage);
            if (!slot[0] || slot[0]->is_null()) throw NotPlain{};
            link.eventId = std::string(stringOf(*slot[0]));
            link.relation = enumOf(slot[1], LinkRelation::Related, linkRelationFromKey);
            event.links.push_back(std::move(link));
        }
    }
    return event;
}

} // namespace

struct FastEventDecoder::Parser {
    simdjson::dom::parser parser;
};

FastEventDecoder::FastEventDecoder() : m_parser(std::make_unique<Parser>()) {}
FastEventDecoder::~FastEventDecoder() = default;

std::optional<Event> FastEventDecoder::decode(std::string_view text) {
    // A \u escape may stand for a lone surrogate, which readers treat differently.
    if (text.find("\\u") != std::string_view::npos) return std::nullopt;
    element item;
    if (m_parser->parser.parse(text.data(), text.size(), false).get(item) != simdjson::SUCCESS) return std::nullopt;
    try {
        return eventOf(item);
    } catch (const NotPlain&) {
        return std::nullopt;
    }
}

} // namespace atlas::detail
