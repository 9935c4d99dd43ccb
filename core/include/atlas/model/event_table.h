#pragma once

// How a dataset holds its events: by column, so a million of them fit in about a hundred bytes
// each. What indexing, drawing, listing and filtering need (id, type, dates, point, place,
// actors, casualty figures) is held in compact columns; the rest of an event (description,
// sources, tags, links, unknown fields) is its details, held in memory for files read whole,
// or left in the file it came from (a GeoPackage) and fetched when someone asks.

#include "atlas/model/event.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace atlas {

/// The part of an event that is read, not searched by index or drawn: kept apart so a large
/// dataset need not hold it in memory.
struct EventDetails {
    std::string description;
    std::vector<SourceReference> sources;
    std::vector<std::string> tags;
    std::vector<EventLink> links;
    ExtraFields extra;        ///< the event's unknown fields
    ExtraFields placeExtra;   ///< its place's
    ExtraFields killedExtra;  ///< its casualty figures'
    ExtraFields woundedExtra;
    friend bool operator==(const EventDetails&, const EventDetails&) = default;
};

/// Where details not held in memory are read from (the GeoPackage they were opened from).
class EventDetailSource {
public:
    virtual ~EventDetailSource() = default;
    /// The details stored under `key`. Called from any thread; empty details when the source
    /// can no longer give them (the file went away), never an exception.
    [[nodiscard]] virtual EventDetails fetch(std::int64_t key) const = 0;
    /// The keys of the events whose description, or a source's publisher or title, contains
    /// `needle` (lower-case; the texts are compared lower-cased in ASCII, as EventIndex does).
    [[nodiscard]] virtual std::vector<std::int64_t> keysContaining(std::string_view needle) const = 0;
};

/// One event's columns as views into someone else's memory (a reader's row): what the table
/// copies when it adds an event, without building an Event first.
struct EventRow {
    std::string_view id;
    Date date;
    std::optional<Date> endDate;
    EventType type = EventType::Other;
    DatePrecision datePrecision = DatePrecision::Day;
    GeoPoint point;
    PlacePrecision placePrecision = PlacePrecision::Exact;
    std::string_view placeName, admin1, admin2;
    std::span<const std::string_view> perpetrators, targets;
    CasualtyCount killed, wounded; ///< their extras are details, not read here
    bool civilianTargeting = false;
};

/// How a file numbers the records events are read from: what "record 12" means there.
enum class RecordKind : std::uint8_t {
    Ordinal,        ///< the event's position among the file's events, from 0 (a format with no better handle)
    CsvLine,        ///< the line a CSV record starts on, from 1
    JsonEvent,      ///< the index in the native file's "events" array ("events[3]")
    GeoJsonFeature, ///< the index in a FeatureCollection's "features" array
    GeoPackageFid,  ///< the row's fid in the GeoPackage's events table
};

/// A file events were read from, and how it numbers its records.
struct RecordOrigin {
    std::string file; ///< the file's name, without its folder
    RecordKind kind = RecordKind::Ordinal;
    friend bool operator==(const RecordOrigin&, const RecordOrigin&) = default;
};

/// Where one event was read: the file, and the record there.
struct EventProvenance {
    RecordOrigin origin;
    std::int64_t record = 0;
    /// "acled.csv, line 12", "sample.atlas.json, events[3]", "big.gpkg, fid 17".
    [[nodiscard]] std::string toText() const;
    /// "line 12", "events[3]", "fid 17".
    [[nodiscard]] std::string recordText() const;
};

/// Interned strings: each distinct text stored once, referred to by a 32-bit number.
class StringPool {
public:
    std::uint32_t intern(std::string_view text);
    [[nodiscard]] const std::string& at(std::uint32_t ref) const { return m_strings[ref]; }
    [[nodiscard]] std::size_t size() const { return m_strings.size(); }
    /// Gives every entry whose text is a key of `renamed` that key's value, all at once (so a
    /// new text may be one that another entry is leaving behind).
    void rename(const std::unordered_map<std::string, std::string>& renamed);
    [[nodiscard]] std::size_t memoryBytes() const;

private:
    // Looked up by string_view without making a string (C++20 heterogeneous lookup).
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::vector<std::string> m_strings;
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_refs;
};

/// The events of a dataset, in the order they were added.
class EventTable {
public:
    /// Walks the events, each materialised as an Event (details included): for code that
    /// needs whole events (writers, tests); loops over many events read the columns instead.
    class const_iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Event;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = Event;
        const_iterator() = default;
        const_iterator(const EventTable* table, std::size_t row) : m_table(table), m_row(row) {}
        Event operator*() const { return m_table->at(m_row); }
        const_iterator& operator++() {
            ++m_row;
            return *this;
        }
        const_iterator operator++(int) {
            const_iterator before = *this;
            ++m_row;
            return before;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.m_row == b.m_row; }

    private:
        const EventTable* m_table = nullptr;
        std::size_t m_row = 0;
    };

    [[nodiscard]] std::size_t size() const { return m_day.size(); }
    [[nodiscard]] bool empty() const { return m_day.empty(); }
    void reserve(std::size_t count);
    void clear() { *this = EventTable(); }

    /// Adds an event, its details held in memory.
    void push_back(const Event& event);
    void push_back(Event&& event);
    /// Adds an event whose details stay in `source` under `key` (the event's own details are
    /// ignored). `source` is shared by every event added from it.
    void pushWithDetailsIn(const Event& event, const std::shared_ptr<const EventDetailSource>& source, std::int64_t key);
    void pushWithDetailsIn(const EventRow& row, const std::shared_ptr<const EventDetailSource>& source, std::int64_t key);
    /// Keeps only the events `rows` (in that order): what a reader does after finding events
    /// it must drop once all are read (a duplicate id).
    void keepOnly(std::span<const std::uint32_t> rows);
    /// Replaces event `row` whole (details then held in memory).
    void set(std::size_t row, const Event& event);
    /// Appends the events `rows` of `other` as they are (details left where they are).
    void append(const EventTable& other, std::span<const std::uint32_t> rows);
    void append(const EventTable& other);

    /// The whole event: columns and details (fetched from their source when not in memory).
    [[nodiscard]] Event at(std::size_t row) const;
    // const: assigning to an event of the table must be set(), not an assignment to a copy.
    [[nodiscard]] const Event operator[](std::size_t row) const { return at(row); }
    [[nodiscard]] const Event front() const { return at(0); }
    [[nodiscard]] const Event back() const { return at(size() - 1); }
    [[nodiscard]] EventDetails details(std::size_t row) const;
    /// The details when held in memory, without a copy; nullptr when they are in a file.
    [[nodiscard]] const EventDetails* heldDetails(std::size_t row) const {
        return m_detailSource[row] == kInMemory ? &m_inMemory[static_cast<std::size_t>(m_detailKey[row])] : nullptr;
    }
    [[nodiscard]] const_iterator begin() const { return {this, 0}; }
    [[nodiscard]] const_iterator end() const { return {this, size()}; }

    // --- Columns: one value per event, no copy of the event.
    [[nodiscard]] std::string_view id(std::size_t row) const {
        return std::string_view(m_idChars).substr(m_idBegin[row], m_idLength[row]);
    }
    [[nodiscard]] Date date(std::size_t row) const { return Date(m_day[row]); }
    [[nodiscard]] std::int32_t day(std::size_t row) const { return m_day[row]; }
    [[nodiscard]] std::span<const std::int32_t> days() const { return m_day; }
    [[nodiscard]] std::optional<Date> endDate(std::size_t row) const;
    [[nodiscard]] EventType type(std::size_t row) const { return static_cast<EventType>(m_type[row]); }
    [[nodiscard]] DatePrecision datePrecision(std::size_t row) const { return static_cast<DatePrecision>(m_datePrecision[row]); }
    [[nodiscard]] GeoPoint point(std::size_t row) const { return m_point[row]; }
    [[nodiscard]] PlacePrecision placePrecision(std::size_t row) const { return static_cast<PlacePrecision>(m_placePrecision[row]); }
    [[nodiscard]] const std::string& placeName(std::size_t row) const { return m_strings.at(m_placeName[row]); }
    /// Place names and administrative areas as references into placeStrings() (pooled).
    [[nodiscard]] std::uint32_t placeNameRef(std::size_t row) const { return m_placeName[row]; }
    [[nodiscard]] std::uint32_t admin1Ref(std::size_t row) const { return m_admin1[row]; }
    [[nodiscard]] std::uint32_t admin2Ref(std::size_t row) const { return m_admin2[row]; }
    [[nodiscard]] const StringPool& placeStrings() const { return m_strings; }
    [[nodiscard]] const std::string& admin1(std::size_t row) const { return m_strings.at(m_admin1[row]); }
    [[nodiscard]] const std::string& admin2(std::size_t row) const { return m_strings.at(m_admin2[row]); }
    /// The event's actors as references into actorIds(): its perpetrators, then its targets.
    [[nodiscard]] std::span<const std::uint32_t> actorRefs(std::size_t row) const {
        return std::span<const std::uint32_t>(m_actorRefs).subspan(m_actorBegin[row], m_actorCount[row]);
    }
    [[nodiscard]] std::size_t perpetratorCount(std::size_t row) const { return m_perpetratorCount[row]; }
    [[nodiscard]] const StringPool& actorIds() const { return m_actorIds; }
    /// The first perpetrator's id, or empty: what decides the side an event is drawn in.
    [[nodiscard]] const std::string* firstPerpetrator(std::size_t row) const {
        return m_perpetratorCount[row] == 0 ? nullptr : &m_actorIds.at(m_actorRefs[m_actorBegin[row]]);
    }
    [[nodiscard]] std::vector<std::string> perpetrators(std::size_t row) const;
    [[nodiscard]] std::vector<std::string> targets(std::size_t row) const;
    /// Casualty figures without their unknown fields (those are details).
    [[nodiscard]] CasualtyCount killed(std::size_t row) const { return m_killed.at(row); }
    [[nodiscard]] CasualtyCount wounded(std::size_t row) const { return m_wounded.at(row); }
    [[nodiscard]] int killedLowerBound(std::size_t row) const { return std::max(0, m_killed.low[row]); }
    [[nodiscard]] bool civilianTargeting(std::size_t row) const { return m_civilianTargeting[row] != 0; }
    /// Whether the details of `row` are held in memory (not left in a file).
    [[nodiscard]] bool detailsInMemory(std::size_t row) const { return m_detailSource[row] == kInMemory; }
    /// Whether any event's details are held in memory.
    [[nodiscard]] bool hasDetailsInMemory() const { return !m_inMemory.empty(); }
    /// Whether any event's details are left in a source.
    [[nodiscard]] bool hasDetailSources() const { return !m_sources.empty(); }
    /// The source of `row`'s details and its key there; nullptr when held in memory.
    [[nodiscard]] const EventDetailSource* detailSource(std::size_t row) const {
        return m_detailSource[row] == kInMemory ? nullptr : m_sources[m_detailSource[row]].get();
    }
    [[nodiscard]] std::int64_t detailKey(std::size_t row) const { return m_detailKey[row]; }

    // --- Provenance: the file and record each event was read from (not part of the event:
    // a file written from the table starts a record numbering of its own).
    /// Says which file every event of the table was read from (a reader calls it once, at the
    /// end). Records keep their numbers; until told otherwise an event's record is its position
    /// among the events pushed.
    void setOrigin(const RecordOrigin& origin);
    /// Sets the record `row` was read from (a CSV line, a fid).
    void setRecord(std::size_t row, std::int64_t record) { m_record[row] = record; }
    /// Sets every row's record at once: `records` has one per row (a reader's own count).
    void setRecords(std::span<const std::int64_t> records);
    /// Renumbers records that are positions in `numbers` — events read through another
    /// reader, which numbered them its way (a GeoJSON's full-model events by the native reader,
    /// a GeoPackage layer by the GeoJSON reader): record r becomes numbers[r].
    void renumberRecords(std::span<const std::int64_t> numbers);
    [[nodiscard]] std::int64_t record(std::size_t row) const { return m_record[row]; }
    /// The file and record `row` was read from; nullopt when it was made in memory.
    [[nodiscard]] std::optional<EventProvenance> provenance(std::size_t row) const;
    /// The files the events were read from, each once, in the order they joined.
    [[nodiscard]] const std::vector<RecordOrigin>& origins() const { return m_origins; }
    /// The index of `row`'s file in origins(), or -1 when it was made in memory.
    [[nodiscard]] int originIndex(std::size_t row) const { return m_origin[row] == kNoOrigin ? -1 : m_origin[row]; }

    /// Renames actor ids in every event at once (actor mappings): ids not in `renamed` stay.
    void renameActors(const std::unordered_map<std::string, std::string>& renamed);
    /// Renames one event's id (merging files whose ids clash).
    void setId(std::size_t row, std::string_view id);
    /// Renames the events whose ids are keys of `renamed`.
    void renameIds(const std::unordered_map<std::string, std::string>& renamed);

    /// The columns as named byte arrays (this machine's byte order), for a container to keep
    /// beside its rows so that opening needs no row-by-row decoding (the GeoPackage's column
    /// cache). `keys[row]` is where each event's details are in that container.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> cachedColumns(std::span<const std::int64_t> keys) const;
    /// The table from cachedColumns' arrays, its details in `source`; nullopt when an array is
    /// missing, of the wrong length, or holds a value out of range (a damaged or foreign cache:
    /// the container then reads its rows instead). Every value is checked before it is used.
    /// `column(name)` gives an array's bytes, valid until the next call (so a container can
    /// hand them over one at a time, never all at once), or nothing.
    using CachedColumn = std::function<std::optional<std::string_view>(const char* name)>;
    [[nodiscard]] static std::optional<EventTable> fromCachedColumns(const CachedColumn& column,
                                                                     const std::shared_ptr<const EventDetailSource>& source);

    /// Bytes held: columns, pools and details kept in memory (an estimate of their strings).
    [[nodiscard]] std::size_t memoryBytes() const;

    friend bool operator==(const EventTable& a, const EventTable& b);

private:
    static constexpr std::uint16_t kInMemory = 0xffff;
    static constexpr std::uint16_t kNoOrigin = 0xffff;
    static constexpr std::int32_t kNone = -1; // no end date / no casualty bound

    struct CasualtyColumns {
        std::vector<std::uint8_t> qualifier;
        std::vector<std::int32_t> low, high; // kNone when absent
        void push(const CasualtyCount& count);
        void set(std::size_t row, const CasualtyCount& count);
        [[nodiscard]] CasualtyCount at(std::size_t row) const;
        void reserve(std::size_t n);
        [[nodiscard]] std::size_t memoryBytes() const;
    };

    void pushColumns(const Event& event);
    void pushColumns(const EventRow& row);
    void pushId(std::string_view id);
    void pushActors(std::span<const std::string_view> perpetrators, std::span<const std::string_view> targets);
    void pushDetailsIn(const std::shared_ptr<const EventDetailSource>& source, std::int64_t key);
    void setColumns(std::size_t row, const Event& event);
    void appendRow(const EventTable& other, std::size_t row, std::uint16_t sourceOffset, const std::vector<std::uint16_t>& originOf);
    void pushProvenance();
    /// Our index of each of `other`'s origins (added to ours when new).
    [[nodiscard]] std::vector<std::uint16_t> joinOrigins(const EventTable& other);
    [[nodiscard]] static EventDetails detailsOf(const Event& event);
    [[nodiscard]] static EventDetails detailsOf(Event&& event);

    // Variable-length values (ids, actor lists) are appended to one array each and found by
    // offset and length, so replacing one appends the new value (the old bytes stay as slack):
    // every change is O(1) however large the table.
    std::string m_idChars;
    std::vector<std::uint32_t> m_idBegin;
    std::vector<std::uint16_t> m_idLength;
    std::vector<std::int32_t> m_day, m_endDay;
    std::vector<std::uint8_t> m_type, m_datePrecision, m_placePrecision, m_civilianTargeting;
    std::vector<GeoPoint> m_point;
    std::vector<std::uint32_t> m_placeName, m_admin1, m_admin2; // into m_strings
    std::vector<std::uint32_t> m_actorBegin;                    // into m_actorRefs
    std::vector<std::uint16_t> m_actorCount, m_perpetratorCount;
    std::vector<std::uint32_t> m_actorRefs;                     // into m_actorIds
    CasualtyColumns m_killed, m_wounded;
    StringPool m_strings, m_actorIds;
    // Details: in memory (m_inMemory[key]) or in a source (m_sources[source], key).
    std::vector<std::uint16_t> m_detailSource;
    std::vector<std::int64_t> m_detailKey;
    std::vector<EventDetails> m_inMemory;
    std::vector<std::shared_ptr<const EventDetailSource>> m_sources;
    // Provenance: m_origins[m_origin[row]] and the record there (kNoOrigin: made in memory).
    std::vector<std::uint16_t> m_origin;
    std::vector<std::int64_t> m_record;
    std::vector<RecordOrigin> m_origins;
};

} // namespace atlas
