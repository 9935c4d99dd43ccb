#pragma once

// The query engine: one filter type shared by the window and the command line, and an index
// built once per dataset that answers filters, histograms and breakdowns over a
// million events in milliseconds.

#include "atlas/model/dataset.h"
#include "atlas/geo/geo.h"
#include "atlas/geo/hexagons.h"
#include "atlas/geo/polygon_index.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace atlas {

/// Which part an actor of EventFilter::actors must play in an event.
enum class ActorRole { Either, Perpetrator, Target };
/// "either", "perpetrator", "target": what `--role`, projects and the window call a role.
[[nodiscard]] std::string_view toKey(ActorRole role);
[[nodiscard]] std::optional<ActorRole> actorRoleFromKey(std::string_view key);

/// Which events to show. Every criterion left at its default lets everything through.
struct EventFilter {
    /// First day, inclusive. Events are compared by their date (a span's first day); an event
    /// dated only to a week or a month is in the window when any day it may fall on is
    /// (atlas::possibleDays).
    std::optional<Date> from;
    std::optional<Date> to;   ///< last day, inclusive
    /// Actor ids; an event matches when one of its perpetrators or targets is in the set.
    std::vector<std::string> actors;
    /// With sub-groups, "nlf" also matches events of Faylaq al-Sham (its child).
    bool includeSubgroups = true;
    /// Whether those actors must be among the perpetrators, the targets, or either.
    ActorRole actorRole = ActorRole::Either;
    std::vector<EventType> types; ///< empty: every type
    std::vector<Side> sides;      ///< side of the event (its first perpetrator's); empty: all
    /// The side holding the ground where the event took place, on its day (the control areas
    /// of the data, atlas/query/ground_held.h); Unknown: in no mapped area. Empty: anywhere.
    std::vector<Side> heldBy;
    std::optional<GeoBox> box;
    std::optional<GeoPolygon> region;
    /// What the region is, in words ("District 7 of districts.shp"), for descriptions.
    std::string regionName;
    /// Case-insensitive (ASCII letters) substring of the description, place, actor names or
    /// sources.
    std::string text;
    int minKilled = 0; ///< lower bound of the killed figure must reach this
    /// Leave out events placed more coarsely than this (e.g. NearTown drops district- and
    /// governorate-level placements).
    PlacePrecision coarsestPrecision = PlacePrecision::Governorate;
    /// Leave out events dated only to a week or a month.
    bool dayPreciseOnly = false;

    /// "Exact only" (`--exact-only`, the window's box, projects): placed exactly and dated to
    /// the day.
    [[nodiscard]] bool exactOnly() const { return coarsestPrecision == PlacePrecision::Exact && dayPreciseOnly; }
    void setExactOnly(bool on) {
        coarsestPrecision = on ? PlacePrecision::Exact : PlacePrecision::Governorate;
        dayPreciseOnly = on;
    }

    /// The filter of a time window and nothing else.
    [[nodiscard]] static EventFilter forWindow(Date first, Date last);
    friend bool operator==(const EventFilter&, const EventFilter&) = default;
};

/// The box around the events at `positions` with room at the edges (15%, and at least 0.2°),
/// for a view that shows them all; nullopt when there are none.
[[nodiscard]] std::optional<GeoBox> boxAroundEvents(const Dataset& dataset, const std::vector<std::uint32_t>& positions);

enum class HistogramBucket { Day, Week, Month };
/// Bars split by type, by the perpetrator's side, or by the side holding the ground struck.
enum class HistogramSplit { None, ByType, BySide, ByGroundHeld };

/// Counts per time bin, optionally split into groups (types or sides).
struct Histogram {
    Date first;               ///< first day of bin 0
    HistogramBucket bucket = HistogramBucket::Day;
    int groups = 1;           ///< 1, kEventTypeCount or kSideCount
    std::vector<std::uint32_t> counts; ///< bins × groups, bin-major: events dated to the day
    /// Events dated only to a week or a month, spread over the days they may fall on (each
    /// adds 1/n to each of its n days): bins × groups, as `counts`.
    std::vector<float> spread;

    [[nodiscard]] int binCount() const { return groups == 0 ? 0 : static_cast<int>(counts.size()) / groups; }
    [[nodiscard]] std::uint32_t at(int bin, int group) const {
        return counts[static_cast<std::size_t>(bin) * static_cast<std::size_t>(groups) + static_cast<std::size_t>(group)];
    }
    [[nodiscard]] std::uint32_t total(int bin) const;
    [[nodiscard]] float spreadAt(int bin, int group) const {
        return spread.empty() ? 0.0f : spread[static_cast<std::size_t>(bin) * static_cast<std::size_t>(groups) + static_cast<std::size_t>(group)];
    }
    [[nodiscard]] float spreadTotal(int bin) const;
    /// The bin `day` falls in (may be outside 0..binCount()-1).
    [[nodiscard]] int binOf(Date day) const;
};

/// How many events of a filter each actor takes part in (in the filter's actor role), its
/// sub-groups' events included, and how many involve each side: the faction tree's counts.
struct ActorCounts {
    std::vector<std::string> actorIds;     ///< the index's actors (the dataset's first)
    std::vector<std::uint32_t> withSubgroups; ///< per actorIds entry: events of it or any sub-group, each once
    std::vector<std::uint32_t> own;           ///< per actorIds entry: events it takes part in itself
    std::array<std::uint32_t, kSideCount> bySide{}; ///< events with an actor of that (effective) side
};

/// What the events of a filter are made of: for legends and captions.
struct Breakdown {
    std::uint32_t events = 0;
    std::int64_t killedAtLeast = 0; ///< sum of the killed lower bounds
    std::array<std::uint32_t, kEventTypeCount> byType{};
    std::array<std::uint32_t, kSideCount> bySide{};
    /// (actor id, events it takes part in), most frequent first.
    std::vector<std::pair<std::string, std::uint32_t>> byActor;
};


/// An area's share of a filter's events (AreaCounts).
struct AreaTotals {
    std::uint32_t events = 0;
    std::int64_t killedAtLeast = 0; ///< sum of the killed lower bounds
    std::array<std::uint32_t, kEventTypeCount> byType{};
    std::array<std::uint32_t, kSideCount> bySide{};
};
/// A filter's events counted per area of a layer (EventIndex::countByArea).
struct AreaCounts {
    std::vector<AreaTotals> areas; ///< by area index
    AreaTotals outside;            ///< events in no area
};
/// The most any one area holds in any window of a length over the whole data: the top of a
/// colour scale that stays fixed while the window moves.
struct AreaPeaks {
    std::uint64_t events = 0;
    std::uint64_t killedAtLeast = 0;
    bool exact = true; ///< false when counted in bins of a few days (long data, many areas)
};

/// A filter's events counted in hexagons of a size (atlas/geo/hexagons.h): only the hexagons
/// that hold some, in no particular order.
struct HexCell {
    HexCoordinate hex;
    std::uint32_t events = 0;
    std::int64_t killedAtLeast = 0;
};
struct HexBins {
    double size = 0; ///< centre to corner, in normalised Web Mercator
    std::vector<HexCell> cells;
};

/// Column arrays of a dataset's events in date order, built once: a time window is two binary
/// searches; the other predicates scan only that slice. Text is indexed lazily on first use.
/// The index refers to the dataset, which must outlive it and stay unchanged.
class EventIndex {
public:
    explicit EventIndex(const Dataset& dataset);
    ~EventIndex();
    EventIndex(const EventIndex&) = delete;
    EventIndex& operator=(const EventIndex&) = delete;

    [[nodiscard]] std::size_t size() const { return m_day.size(); }
    [[nodiscard]] Date firstDate() const { return m_day.empty() ? Date() : Date(m_day.front()); }
    [[nodiscard]] Date lastDate() const { return m_day.empty() ? Date() : Date(m_day.back()); }

    /// Positions in Dataset::events of the matching events, in date order.
    [[nodiscard]] std::vector<std::uint32_t> select(const EventFilter& filter) const;
    [[nodiscard]] std::size_t count(const EventFilter& filter) const;
    /// Counts per bin from the filter's first day (or the data's) to its last.
    [[nodiscard]] Histogram histogram(const EventFilter& filter, HistogramBucket bucket,
                                      HistogramSplit split = HistogramSplit::None) const;
    [[nodiscard]] Breakdown breakdown(const EventFilter& filter) const;
    /// Per actor and per side, over the events the filter selects when its actors are left
    /// out (the counts a faction list shows beside each box, whichever boxes are ticked).
    [[nodiscard]] ActorCounts actorCounts(EventFilter filter) const;
    /// The filter's events counted per area: `areaOfEvent` gives each event's area by its
    /// position in Dataset::events (-1: none; atlas::locateEvents), `areaCount` how many there are.
    [[nodiscard]] AreaCounts countByArea(const EventFilter& filter, std::span<const std::int32_t> areaOfEvent, std::size_t areaCount) const;
    /// The largest count (and killed) of one area in any `windowDays`-day window of the data,
    /// with the filter's other criteria (its own window is ignored).
    [[nodiscard]] AreaPeaks areaPeaks(EventFilter filter, std::span<const std::int32_t> areaOfEvent, std::size_t areaCount,
                                      int windowDays) const;
    /// The filter's events in hexagons of `size` (normalised Mercator, centre to corner).
    [[nodiscard]] HexBins hexbin(const EventFilter& filter, double size) const;
    /// The most one hexagon of `size` holds in any `windowDays`-day window of the data, with
    /// the filter's other criteria: the top of the hexbin's fixed scale.
    [[nodiscard]] AreaPeaks hexPeaks(EventFilter filter, double size, int windowDays) const;
    /// Bytes held by the numeric columns and actor lists (text index excluded).
    [[nodiscard]] std::size_t memoryBytes() const;
    /// Builds the text index now rather than on the first text query.
    void prepareTextSearch() const;

private:
    struct Compiled;
    template <typename Visit> void forEachMatch(const EventFilter& filter, Visit&& visit) const;
    [[nodiscard]] Compiled compile(const EventFilter& filter) const;
    [[nodiscard]] std::uint32_t actorIndexOf(const std::string& id) const;
    /// The offsets in m_actors of a row's actors that play `role`.
    [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> roleRange(std::size_t row, ActorRole role) const;

    const Dataset* m_dataset;
    // Columns, one entry per event in date order.
    std::vector<std::int32_t> m_day;
    std::vector<float> m_x, m_y;            // Web Mercator, unit square
    std::vector<std::uint8_t> m_type, m_side, m_precision, m_datePrecision;
    std::vector<std::uint16_t> m_killed;    // lower bound, saturated at 65535
    std::vector<std::uint8_t> m_heldBy;     // side holding the ground on the event's day (groundHeldAt)
    std::vector<std::uint32_t> m_position;  // index into Dataset::events
    std::vector<std::uint32_t> m_actorBegin; // size()+1 offsets into m_actors
    std::vector<std::uint16_t> m_perpetrators; // how many of a row's actors are perpetrators (they come first)
    std::vector<std::uint32_t> m_actors;    // actor table indices, perpetrators then targets
    std::vector<std::uint64_t> m_actorBits; // bit (actor index mod 64) of each actor: a quick pre-check
    // Events dated only to a week or a month are in every window they may fall in
    // (atlas::possibleDays): how many days before and after its date each row may be (0 for
    // day-precise rows and for the few whose doubt is wider than kWideDays, kept aside), and
    // the widest of each, which is how far beyond a window the scan looks.
    static constexpr int kWideDays = 62;
    std::vector<std::uint8_t> m_lead, m_lag;
    int m_maxLead = 0, m_maxLag = 0;
    struct WideRow {
        std::uint32_t row;
        std::int32_t first, last;
    };
    std::vector<WideRow> m_wideRows; // in row order
    /// The first and last day `row` may fall on.
    [[nodiscard]] std::pair<std::int32_t, std::int32_t> possibleRange(std::size_t row) const;
    // Actor table: dataset actors first, then ids events use that the table lacks.
    std::vector<std::string> m_actorIds;
    std::vector<int> m_actorParent;         // -1 for top level
    std::vector<std::uint8_t> m_actorSide;  // effective side of each actor (its own, else its umbrella's)
    // Text search when some events' details are left in a file (a GeoPackage): rows whose
    // pooled place names or actor names contain the needle, or whose details do (in memory,
    // or as the file's own index says). The last needle's answer is kept: moving the window
    // asks again with the same text.
    [[nodiscard]] std::shared_ptr<const std::vector<std::uint8_t>> textMatchesByParts(const std::string& needle) const;
    mutable std::mutex m_partsMutex;
    mutable std::string m_partsNeedle;
    mutable std::shared_ptr<const std::vector<std::uint8_t>> m_partsMatches;
    mutable std::once_flag m_keysOnce;
    mutable std::vector<std::tuple<const EventDetailSource*, std::int64_t, std::uint32_t>> m_keyRows; // sorted
    // Text index: lower-cased text of event i at [m_textBegin[i], m_textBegin[i+1]).
    // The last region filtered by, indexed (compile's cache).
    mutable std::mutex m_regionMutex;
    mutable GeoPolygon m_region;
    mutable std::shared_ptr<const PolygonIndex> m_regionIndex;
    mutable std::once_flag m_textOnce;
    mutable std::string m_text;
    mutable std::vector<std::uint32_t> m_textBegin;
};

/// Runs queries on a worker thread so the window never waits; when a newer query arrives
/// the older one is abandoned and its result never delivered. Results carry the filter and
/// the number of the request they answer.
class LatestQueryRunner {
public:
    struct Result {
        std::uint64_t request = 0;
        EventFilter filter;
        std::vector<std::uint32_t> events; ///< positions in Dataset::events, date order
        Breakdown breakdown;
    };
    using Deliver = std::function<void(Result)>;

    /// `deliver` runs on the worker thread; hand the result over to your own thread there.
    LatestQueryRunner(std::shared_ptr<const EventIndex> index, Deliver deliver);
    ~LatestQueryRunner();
    LatestQueryRunner(const LatestQueryRunner&) = delete;
    LatestQueryRunner& operator=(const LatestQueryRunner&) = delete;

    /// Queues `filter`, replacing any query not yet started; returns its request number.
    std::uint64_t submit(EventFilter filter);
    /// Blocks until every submitted request has been answered or superseded (for tests and
    /// scripted use).
    void waitIdle();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace atlas
