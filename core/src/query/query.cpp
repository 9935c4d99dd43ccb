#include "atlas/query/query.h"

#include "atlas/io/text.h"
#include "atlas/model/actor_tree.h"
#include "atlas/query/ground_held.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <numeric>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace atlas {

namespace {

char lowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }



std::uint32_t bit(int value) { return std::uint32_t{1} << static_cast<unsigned>(value); }

int monthNumber(Date day) { return day.year() * 12 + day.month() - 1; }

} // namespace

std::string_view toKey(ActorRole role) {
    switch (role) {
    case ActorRole::Perpetrator: return "perpetrator";
    case ActorRole::Target: return "target";
    case ActorRole::Either: break;
    }
    return "either";
}

std::optional<ActorRole> actorRoleFromKey(std::string_view key) {
    for (const ActorRole role : {ActorRole::Either, ActorRole::Perpetrator, ActorRole::Target})
        if (toKey(role) == key) return role;
    return std::nullopt;
}

EventFilter EventFilter::forWindow(Date first, Date last) {
    EventFilter filter;
    filter.from = first;
    filter.to = last;
    return filter;
}

std::uint32_t Histogram::total(int bin) const {
    std::uint32_t sum = 0;
    for (int group = 0; group < groups; ++group) sum += at(bin, group);
    return sum;
}

int Histogram::binOf(Date day) const {
    switch (bucket) {
    case HistogramBucket::Day: return daysBetween(first, day);
    case HistogramBucket::Week: return daysBetween(first, day) / 7;
    case HistogramBucket::Month: return monthNumber(day) - monthNumber(first);
    }
    return 0;
}

float Histogram::spreadTotal(int bin) const {
    float sum = 0;
    for (int group = 0; group < groups; ++group) sum += spreadAt(bin, group);
    return sum;
}

// --- EventIndex -----------------------------------------------------------------------------

EventIndex::EventIndex(const Dataset& dataset) : m_dataset(&dataset) {
    // Everything here reads the dataset's columns (EventTable): no event is materialised.
    std::unordered_map<std::string, std::uint32_t> actorIndex;
    auto addActor = [&](const std::string& id) -> std::uint32_t {
        const auto [it, inserted] = actorIndex.emplace(id, static_cast<std::uint32_t>(m_actorIds.size()));
        if (inserted) {
            m_actorIds.push_back(id);
            m_actorParent.push_back(-1);
        }
        return it->second;
    };
    for (const Actor& actor : dataset.actors) addActor(actor.id);
    for (std::size_t i = 0; i < dataset.actors.size(); ++i) {
        const std::string& parent = dataset.actors[i].parent;
        if (!parent.empty()) m_actorParent[i] = static_cast<int>(addActor(parent));
    }
    // The events' actor ids are pooled: map each pooled id to the index's actor table and to
    // its side once, not once per event.
    const EventTable& events = dataset.events;
    const StringPool& pooled = events.actorIds();
    std::vector<std::uint32_t> actorOfRef(pooled.size());
    std::vector<std::uint8_t> sideOfRef(pooled.size());
    const ActorTree tree(dataset);
    for (std::uint32_t ref = 0; ref < pooled.size(); ++ref) {
        actorOfRef[ref] = addActor(pooled.at(ref));
        sideOfRef[ref] = static_cast<std::uint8_t>(tree.effectiveSide(pooled.at(ref)));
    }
    m_actorSide.resize(m_actorIds.size());
    for (std::size_t a = 0; a < m_actorIds.size(); ++a) m_actorSide[a] = static_cast<std::uint8_t>(tree.effectiveSide(m_actorIds[a]));

    // Date order by a counting sort over the days (stable, linear): events span a few
    // thousand days, far fewer than there are events.
    const std::size_t n = events.size();
    m_position.resize(n);
    const std::span<const std::int32_t> days = events.days();
    if (n > 0) {
        const auto [lowest, highest] = std::minmax_element(days.begin(), days.end());
        const auto span = static_cast<std::size_t>(static_cast<std::int64_t>(*highest) - *lowest) + 1;
        if (span <= 4 * n + 1024) {
            std::vector<std::uint32_t> start(span + 1, 0);
            for (const std::int32_t day : days) ++start[static_cast<std::size_t>(day - *lowest) + 1];
            for (std::size_t d = 1; d <= span; ++d) start[d] += start[d - 1];
            for (std::uint32_t i = 0; i < n; ++i) m_position[start[static_cast<std::size_t>(days[i] - *lowest)]++] = i;
        } else {
            std::iota(m_position.begin(), m_position.end(), 0u);
            std::stable_sort(m_position.begin(), m_position.end(), [&](std::uint32_t a, std::uint32_t b) { return days[a] < days[b]; });
        }
    }

    m_day.resize(n);
    m_x.resize(n);
    m_y.resize(n);
    m_type.resize(n);
    m_side.resize(n);
    m_precision.resize(n);
    m_datePrecision.resize(n);
    m_lead.assign(n, 0);
    m_lag.assign(n, 0);
    m_killed.resize(n);
    m_actorBits.resize(n);
    m_perpetrators.resize(n);
    m_actorBegin.resize(n + 1);
    m_actorBegin[0] = 0;
    for (std::size_t row = 0; row < n; ++row)
        m_actorBegin[row + 1] = m_actorBegin[row] + static_cast<std::uint32_t>(events.actorRefs(m_position[row]).size());
    m_actors.resize(m_actorBegin[n]);
    // Each row is filled on its own (the actor offsets are known): rows split across the cores.
    auto fill = [&](std::size_t first, std::size_t last) {
        for (std::size_t row = first; row < last; ++row) {
            const std::uint32_t position = m_position[row];
            m_day[row] = days[position];
            const MercatorPoint m = toMercator(events.point(position));
            m_x[row] = static_cast<float>(m.x);
            m_y[row] = static_cast<float>(m.y);
            m_type[row] = static_cast<std::uint8_t>(events.type(position));
            m_precision[row] = static_cast<std::uint8_t>(events.placePrecision(position));
            m_datePrecision[row] = static_cast<std::uint8_t>(events.datePrecision(position));
            m_killed[row] = static_cast<std::uint16_t>(std::clamp(events.killedLowerBound(position), 0, 65535));
            std::uint64_t actorBits = 0;
            const auto refs = events.actorRefs(position);
            std::uint32_t k = m_actorBegin[row];
            for (const std::uint32_t ref : refs) {
                const std::uint32_t actor = actorOfRef[ref];
                m_actors[k++] = actor;
                actorBits |= std::uint64_t{1} << (actor % 64);
            }
            m_actorBits[row] = actorBits;
            m_perpetrators[row] = static_cast<std::uint16_t>(events.perpetratorCount(position));
            // The side of an event is its first perpetrator's.
            m_side[row] = events.perpetratorCount(position) > 0 ? sideOfRef[refs[0]] : static_cast<std::uint8_t>(Side::Unknown);
        }
    };
    const std::size_t threads = n < 200'000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(fill, n * t / threads, n * (t + 1) / threads);
    fill(0, n / threads);
    for (std::thread& helper : helpers) helper.join();

    // Who held the ground each incident struck, on its day: the side of the control area's
    // holder (Unknown outside every mapped area). Nothing to do without areas.
    m_heldBy.assign(n, static_cast<std::uint8_t>(Side::Unknown));
    if (!dataset.areas.empty()) {
        const std::vector<std::int32_t> held = groundHeldAt(dataset);
        std::vector<std::uint8_t> sideOfArea(dataset.areas.size());
        for (std::size_t a = 0; a < dataset.areas.size(); ++a) sideOfArea[a] = static_cast<std::uint8_t>(tree.effectiveSide(dataset.areas[a].controller));
        for (std::size_t row = 0; row < n; ++row)
            if (const std::int32_t area = held[m_position[row]]; area >= 0) m_heldBy[row] = sideOfArea[static_cast<std::size_t>(area)];
    }

    // The doubt of the events dated only to a week or a month.
    for (std::size_t row = 0; row < n; ++row) {
        if (m_datePrecision[row] == 0) continue;
        const std::uint32_t position = m_position[row];
        const PossibleDays doubt = possibleDays(Date(m_day[row]), events.datePrecision(position), events.endDate(position));
        const std::int32_t lead = m_day[row] - doubt.first.daysSinceEpoch(), lag = doubt.last.daysSinceEpoch() - m_day[row];
        if (lead > kWideDays || lag > kWideDays) {
            m_wideRows.push_back({static_cast<std::uint32_t>(row), doubt.first.daysSinceEpoch(), doubt.last.daysSinceEpoch()});
            continue;
        }
        m_lead[row] = static_cast<std::uint8_t>(lead);
        m_lag[row] = static_cast<std::uint8_t>(lag);
        m_maxLead = std::max(m_maxLead, lead);
        m_maxLag = std::max(m_maxLag, lag);
    }
}

std::pair<std::int32_t, std::int32_t> EventIndex::possibleRange(std::size_t row) const {
    if (m_datePrecision[row] != 0 && m_lead[row] == 0 && m_lag[row] == 0) {
        const auto wide = std::lower_bound(m_wideRows.begin(), m_wideRows.end(), row,
                                           [](const WideRow& w, std::size_t r) { return w.row < r; });
        if (wide != m_wideRows.end() && wide->row == row) return {wide->first, wide->last};
    }
    return {m_day[row] - m_lead[row], m_day[row] + m_lag[row]};
}

EventIndex::~EventIndex() = default;

std::uint32_t EventIndex::actorIndexOf(const std::string& id) const {
    const auto found = std::find(m_actorIds.begin(), m_actorIds.end(), id);
    return found == m_actorIds.end() ? std::numeric_limits<std::uint32_t>::max()
                                     : static_cast<std::uint32_t>(found - m_actorIds.begin());
}

struct EventIndex::Compiled {
    std::size_t begin = 0, end = 0; // rows dated in the time range
    std::int32_t from = 0, to = 0;  // the range's days
    // Rows dated outside the range whose doubt may reach into it: [scanBegin, begin) and
    // [end, scanEnd), and the wide rows (none when approximate dates are left out).
    std::size_t scanBegin = 0, scanEnd = 0;
    bool approximate = false;
    std::uint32_t typeMask = 0;     // 0: every type
    std::uint32_t sideMask = 0;
    std::uint32_t heldMask = 0; // sides whose ground is wanted; 0: any
    std::uint8_t coarsest = 3;
    bool dayOnly = false;
    std::uint16_t minKilled = 0;
    bool hasBox = false;
    GeoBox box;
    float outerX0 = 0, outerX1 = 0, outerY0 = 0, outerY1 = 0; // box grown by a rounding margin
    float innerX0 = 0, innerX1 = 0, innerY0 = 0, innerY1 = 0; // and shrunk by it
    std::shared_ptr<const PolygonIndex> region; // the filter's region, indexed (kept for the next query)
    bool hasActors = false;
    ActorRole role = ActorRole::Either;
    std::vector<std::uint8_t> wantedActor;
    std::uint64_t wantedBits = ~std::uint64_t{0}; // every bit when actors are not filtered
    std::string needle;
    bool nothing = false; // the filter cannot match anything
};

EventIndex::Compiled EventIndex::compile(const EventFilter& filter) const {
    Compiled c;
    const std::int32_t from = filter.from ? filter.from->daysSinceEpoch() : std::numeric_limits<std::int32_t>::min();
    const std::int32_t to = filter.to ? filter.to->daysSinceEpoch() : std::numeric_limits<std::int32_t>::max();
    c.begin = static_cast<std::size_t>(std::lower_bound(m_day.begin(), m_day.end(), from) - m_day.begin());
    c.end = static_cast<std::size_t>(std::upper_bound(m_day.begin(), m_day.end(), to) - m_day.begin());
    if (from > to || c.end < c.begin) c.end = c.begin;
    c.from = from;
    c.to = to;
    c.scanBegin = c.begin;
    c.scanEnd = c.end;
    c.approximate = !filter.dayPreciseOnly && from <= to && (m_maxLead > 0 || m_maxLag > 0 || !m_wideRows.empty());
    if (c.approximate) {
        // An event dated before `from` by up to its lag may reach into the range; one after `to`
        // by up to its lead.
        const auto clampDay = [](std::int64_t day) {
            return static_cast<std::int32_t>(std::clamp<std::int64_t>(day, std::numeric_limits<std::int32_t>::min(),
                                                                      std::numeric_limits<std::int32_t>::max()));
        };
        c.scanBegin = static_cast<std::size_t>(std::lower_bound(m_day.begin(), m_day.end(), clampDay(std::int64_t{from} - m_maxLag)) - m_day.begin());
        c.scanEnd = static_cast<std::size_t>(std::upper_bound(m_day.begin(), m_day.end(), clampDay(std::int64_t{to} + m_maxLead)) - m_day.begin());
    }
    for (EventType type : filter.types) c.typeMask |= bit(static_cast<int>(type));
    for (Side side : filter.sides) c.sideMask |= bit(static_cast<int>(side));
    for (Side side : filter.heldBy) c.heldMask |= bit(static_cast<int>(side));
    c.coarsest = static_cast<std::uint8_t>(filter.coarsestPrecision);
    c.dayOnly = filter.dayPreciseOnly;
    c.minKilled = static_cast<std::uint16_t>(std::clamp(filter.minKilled, 0, 65535));
    if (filter.box) {
        c.hasBox = true;
        c.box = *filter.box;
        const MercatorPoint topLeft = toMercator({c.box.maxLatitude, c.box.minLongitude});
        const MercatorPoint bottomRight = toMercator({c.box.minLatitude, c.box.maxLongitude});
        // Float columns are exact to about 1e-7 of the world; between the inner and outer box
        // the exact double coordinates decide.
        constexpr double margin = 1e-6;
        c.outerX0 = static_cast<float>(topLeft.x - margin);
        c.outerX1 = static_cast<float>(bottomRight.x + margin);
        c.outerY0 = static_cast<float>(topLeft.y - margin);
        c.outerY1 = static_cast<float>(bottomRight.y + margin);
        c.innerX0 = static_cast<float>(topLeft.x + margin);
        c.innerX1 = static_cast<float>(bottomRight.x - margin);
        c.innerY0 = static_cast<float>(topLeft.y + margin);
        c.innerY1 = static_cast<float>(bottomRight.y - margin);
    }
    if (filter.region) {
        // A district's outline has thousands of vertices: indexed once and kept while the
        // region stays the same (moving the window asks again with it).
        std::lock_guard lock(m_regionMutex);
        if (!m_regionIndex || m_region != *filter.region) {
            m_region = *filter.region;
            m_regionIndex = std::make_shared<const PolygonIndex>(std::span<const GeoPolygon>(&m_region, 1));
        }
        c.region = m_regionIndex;
    }
    if (!filter.actors.empty()) {
        c.hasActors = true;
        c.role = filter.actorRole;
        c.wantedActor.assign(m_actorIds.size(), 0);
        for (const std::string& id : filter.actors) {
            const std::uint32_t index = actorIndexOf(id);
            if (index < c.wantedActor.size()) c.wantedActor[index] = 1;
        }
        if (filter.includeSubgroups) {
            // An actor is wanted when any of its ancestors is; parents may be listed after
            // their children, so follow each chain up (chains are short, cycles are cut).
            for (std::size_t a = 0; a < m_actorParent.size(); ++a) {
                int parent = m_actorParent[a];
                for (int steps = 0; parent >= 0 && steps < 32 && !c.wantedActor[a]; ++steps) {
                    if (c.wantedActor[static_cast<std::size_t>(parent)]) c.wantedActor[a] = 1;
                    parent = m_actorParent[static_cast<std::size_t>(parent)];
                }
            }
        }
        if (std::find(c.wantedActor.begin(), c.wantedActor.end(), 1) == c.wantedActor.end()) c.nothing = true;
        c.wantedBits = 0;
        for (std::size_t a = 0; a < c.wantedActor.size(); ++a)
            if (c.wantedActor[a]) c.wantedBits |= std::uint64_t{1} << (a % 64);
    }
    for (char ch : filter.text) c.needle.push_back(lowerAscii(ch));
    return c;
}

template <typename Visit> void EventIndex::forEachMatch(const EventFilter& filter, Visit&& visit) const {
    const Compiled c = compile(filter);
    if (c.nothing) return;

    auto matches = [&](std::size_t row) {
        if (c.typeMask && !(c.typeMask & bit(m_type[row]))) return false;
        if (c.sideMask && !(c.sideMask & bit(m_side[row]))) return false;
        if (c.heldMask && !(c.heldMask & bit(m_heldBy[row]))) return false;
        if (m_precision[row] > c.coarsest) return false;
        if (c.dayOnly && m_datePrecision[row] != 0) return false;
        if (m_killed[row] < c.minKilled) return false;
        if (c.hasBox) {
            const float x = m_x[row], y = m_y[row];
            if (x < c.outerX0 || x > c.outerX1 || y < c.outerY0 || y > c.outerY1) return false;
            if (x < c.innerX0 || x > c.innerX1 || y < c.innerY0 || y > c.innerY1) {
                if (!c.box.contains(m_dataset->events.point(m_position[row]))) return false;
            }
        }
        if (c.hasActors) {
            const auto [first, last] = roleRange(row, c.role);
            bool any = false;
            for (std::uint32_t k = first; k < last && !any; ++k) any = c.wantedActor[m_actors[k]] != 0;
            if (!any) return false;
        }
        if (c.region) {
            if (!c.region->containsAny(m_dataset->events.point(m_position[row]))) return false;
        }
        return true;
    };

    // The rows dated in the range, by the fastest way the filter allows.
    auto scanDated = [&] {
        const bool onlyTime = !c.typeMask && !c.sideMask && !c.heldMask && c.coarsest >= 3 && !c.dayOnly && c.minKilled == 0 && !c.hasBox &&
                              !c.hasActors && !c.region;
        if (c.needle.empty() && onlyTime) {
            for (std::size_t row = c.begin; row < c.end; ++row) visit(row);
            return;
        }
        if (c.needle.empty()) {
            // Two passes per block: a branch-free sweep over the small columns collects candidate
            // rows (no mispredicted branch per event), then the exact checks run on the few left.
            const std::uint32_t typeMask = c.typeMask ? c.typeMask : ~std::uint32_t{0};
            const std::uint32_t sideMask = c.sideMask ? c.sideMask : ~std::uint32_t{0};
            const float x0 = c.hasBox ? c.outerX0 : -1.0f, x1 = c.hasBox ? c.outerX1 : 2.0f;
            const float y0 = c.hasBox ? c.outerY0 : -1.0f, y1 = c.hasBox ? c.outerY1 : 2.0f;
            constexpr std::size_t kBlock = 2048;
            std::array<std::uint32_t, kBlock> candidates;
            for (std::size_t blockBegin = c.begin; blockBegin < c.end; blockBegin += kBlock) {
                const std::size_t blockEnd = std::min(c.end, blockBegin + kBlock);
                std::size_t n = 0;
                for (std::size_t row = blockBegin; row < blockEnd; ++row) {
                    const bool pass = ((typeMask >> m_type[row]) & 1u) & ((sideMask >> m_side[row]) & 1u) &
                                      (m_precision[row] <= c.coarsest) & (!c.dayOnly | (m_datePrecision[row] == 0)) &
                                      (m_killed[row] >= c.minKilled) &
                                      ((m_actorBits[row] & c.wantedBits) != 0) & (m_x[row] >= x0) & (m_x[row] <= x1) &
                                      (m_y[row] >= y0) & (m_y[row] <= y1);
                    candidates[n] = static_cast<std::uint32_t>(row);
                    n += pass ? 1 : 0;
                }
                for (std::size_t i = 0; i < n; ++i)
                    if (matches(candidates[i])) visit(candidates[i]);
            }
            return;
        }
        if (m_dataset->events.hasDetailSources()) {
            const auto textMatches = textMatchesByParts(c.needle);
            for (std::size_t row = c.begin; row < c.end; ++row)
                if ((*textMatches)[row] && matches(row)) visit(row);
            return;
        }
        // Text: search the slice of the lower-cased text blob once, then check the other
        // predicates only for the events whose text matched.
        prepareTextSearch();
        const std::string_view text(m_text);
        std::size_t at = m_textBegin[c.begin];
        const std::size_t stop = m_textBegin[c.end];
        while (at < stop) {
            const std::size_t hit = text.find(c.needle, at);
            if (hit == std::string_view::npos || hit >= stop) break;
            const auto next = std::upper_bound(m_textBegin.begin() + static_cast<std::ptrdiff_t>(c.begin),
                                               m_textBegin.begin() + static_cast<std::ptrdiff_t>(c.end) + 1,
                                               static_cast<std::uint32_t>(hit));
            const auto row = static_cast<std::size_t>(next - m_textBegin.begin()) - 1;
            if (matches(row)) visit(row);
            at = m_textBegin[row + 1];
        }
    };

    // Rows dated outside the range that may fall in it: dated only to a week or a month. All
    // rows are visited in row (date) order.
    auto textMatches = [&](std::size_t row) {
        if (c.needle.empty()) return true;
        if (m_dataset->events.hasDetailSources()) return (*textMatchesByParts(c.needle))[row] != 0;
        prepareTextSearch();
        return std::string_view(m_text).substr(m_textBegin[row], m_textBegin[row + 1] - m_textBegin[row]).find(c.needle) !=
               std::string_view::npos;
    };
    auto scanDoubtful = [&](std::size_t begin, std::size_t end) {
        for (std::size_t row = begin; row < end; ++row) {
            if (m_datePrecision[row] == 0) continue;
            const auto [first, last] = (m_lead[row] | m_lag[row]) ? std::pair{m_day[row] - m_lead[row], m_day[row] + m_lag[row]}
                                                                  : possibleRange(row); // a wide row
            if (first > c.to || last < c.from) continue;
            if (matches(row) && textMatches(row)) visit(row);
        }
    };
    // Wide rows beyond the scanned rows, before them or after (in row order either way).
    auto scanWide = [&](bool before) {
        for (const WideRow& wide : m_wideRows) {
            if (before ? wide.row >= c.scanBegin : wide.row < c.scanEnd) continue;
            if (wide.first > c.to || wide.last < c.from) continue;
            if (matches(wide.row) && textMatches(wide.row)) visit(wide.row);
        }
    };
    if (c.approximate) {
        scanWide(true);
        scanDoubtful(c.scanBegin, c.begin);
    }
    if (c.begin < c.end) scanDated();
    if (c.approximate) {
        scanDoubtful(c.end, c.scanEnd);
        scanWide(false);
    }
}

std::shared_ptr<const std::vector<std::uint8_t>> EventIndex::textMatchesByParts(const std::string& needle) const {
    std::lock_guard lock(m_partsMutex);
    if (m_partsMatches && m_partsNeedle == needle) return m_partsMatches;
    const EventTable& events = m_dataset->events;
    std::string lowered;
    auto contains = [&](std::string_view text) {
        lowered.clear();
        appendSearchText(lowered, text);
        return lowered.find(needle) != std::string::npos;
    };
    // Pooled texts are few: each is looked at once.
    std::vector<std::uint8_t> placeHit(events.placeStrings().size()), actorHit(events.actorIds().size());
    for (std::uint32_t ref = 0; ref < placeHit.size(); ++ref) placeHit[ref] = contains(events.placeStrings().at(ref)) ? 1 : 0;
    for (std::uint32_t ref = 0; ref < actorHit.size(); ++ref) {
        const std::string& id = events.actorIds().at(ref);
        const Actor* actor = m_dataset->findActor(id);
        bool hit = contains(actor ? actor->name : id);
        if (actor)
            for (const std::string& alias : actor->aliases) hit = hit || contains(alias);
        actorHit[ref] = hit ? 1 : 0;
    }
    auto matches = std::make_shared<std::vector<std::uint8_t>>(m_position.size());
    // Row by row only when something in memory can match: a pooled name, or details held here.
    const bool anyPooled = std::find(placeHit.begin(), placeHit.end(), 1) != placeHit.end() ||
                           std::find(actorHit.begin(), actorHit.end(), 1) != actorHit.end();
    const std::size_t inMemoryRows = anyPooled || events.hasDetailsInMemory() ? m_position.size() : 0;
    for (std::size_t row = 0; row < inMemoryRows; ++row) {
        const std::uint32_t p = m_position[row];
        bool hit = placeHit[events.placeNameRef(p)] || placeHit[events.admin1Ref(p)] || placeHit[events.admin2Ref(p)];
        for (const std::uint32_t ref : events.actorRefs(p)) hit = hit || actorHit[ref];
        if (!hit)
            if (const EventDetails* details = events.heldDetails(p)) {
                hit = contains(details->description);
                for (const SourceReference& source : details->sources) hit = hit || contains(source.publisher) || contains(source.title);
            }
        (*matches)[row] = hit ? 1 : 0;
    }
    // Details in files: each source answers for its own (by its index), keys mapped to rows.
    std::call_once(m_keysOnce, [&] {
        for (std::size_t row = 0; row < m_position.size(); ++row)
            if (const EventDetailSource* source = events.detailSource(m_position[row]))
                m_keyRows.emplace_back(source, events.detailKey(m_position[row]), static_cast<std::uint32_t>(row));
        std::sort(m_keyRows.begin(), m_keyRows.end());
    });
    for (auto first = m_keyRows.begin(); first != m_keyRows.end();) {
        const EventDetailSource* source = std::get<0>(*first);
        const auto last = std::find_if(first, m_keyRows.end(), [&](const auto& entry) { return std::get<0>(entry) != source; });
        for (const std::int64_t key : source->keysContaining(needle)) {
            auto at = std::lower_bound(first, last, std::tuple<const EventDetailSource*, std::int64_t, std::uint32_t>{source, key, 0});
            for (; at != last && std::get<1>(*at) == key; ++at) (*matches)[std::get<2>(*at)] = 1;
        }
        first = last;
    }
    m_partsNeedle = needle;
    m_partsMatches = std::move(matches);
    return m_partsMatches;
}

void EventIndex::prepareTextSearch() const {
    std::call_once(m_textOnce, [this] {
        m_textBegin.reserve(m_position.size() + 1);
        for (std::uint32_t position : m_position) {
            m_textBegin.push_back(static_cast<std::uint32_t>(m_text.size()));
            const EventTable& events = m_dataset->events;
            // This blob is built only when every event's details are in memory (else the
            // search goes by parts): read them in place rather than copy each.
            EventDetails fetched;
            const EventDetails* held = events.heldDetails(position);
            const EventDetails& details = held ? *held : (fetched = events.details(position));
            appendSearchText(m_text, details.description);
            appendSearchText(m_text, events.placeName(position));
            appendSearchText(m_text, events.admin1(position));
            appendSearchText(m_text, events.admin2(position));
            for (const std::uint32_t ref : events.actorRefs(position)) {
                const std::string& id = events.actorIds().at(ref);
                const Actor* actor = m_dataset->findActor(id);
                appendSearchText(m_text, actor ? actor->name : id);
                if (actor)
                    for (const std::string& alias : actor->aliases) appendSearchText(m_text, alias);
            }
            for (const SourceReference& source : details.sources) {
                appendSearchText(m_text, source.publisher);
                appendSearchText(m_text, source.title);
            }
        }
        m_textBegin.push_back(static_cast<std::uint32_t>(m_text.size()));
    });
}

std::vector<std::uint32_t> EventIndex::select(const EventFilter& filter) const {
    std::vector<std::uint32_t> out;
    forEachMatch(filter, [&](std::size_t row) { out.push_back(m_position[row]); });
    return out;
}

std::size_t EventIndex::count(const EventFilter& filter) const {
    std::size_t n = 0;
    forEachMatch(filter, [&](std::size_t) { ++n; });
    return n;
}

Histogram EventIndex::histogram(const EventFilter& filter, HistogramBucket bucket, HistogramSplit split) const {
    Histogram h;
    h.bucket = bucket;
    h.groups = split == HistogramSplit::ByType ? kEventTypeCount : split == HistogramSplit::None ? 1 : kSideCount;
    if (m_day.empty() && !(filter.from && filter.to)) return h;
    const Date first = filter.from.value_or(firstDate());
    const Date last = filter.to.value_or(lastDate());
    h.first = first;
    if (last < first) return h;
    int bins = 0;
    switch (bucket) {
    case HistogramBucket::Day: bins = daysBetween(first, last) + 1; break;
    case HistogramBucket::Week: bins = daysBetween(first, last) / 7 + 1; break;
    case HistogramBucket::Month: bins = monthNumber(last) - monthNumber(first) + 1; break;
    }
    h.counts.assign(static_cast<std::size_t>(bins) * static_cast<std::size_t>(h.groups), 0);
    const std::int32_t firstDay = first.daysSinceEpoch();
    // Rows come in date order, so the month of a day is worked out once per distinct day.
    std::int32_t cachedDay = std::numeric_limits<std::int32_t>::min();
    int cachedBin = 0;
    EventFilter bounded = filter;
    bounded.from = first;
    bounded.to = last;
    const std::int32_t lastDay = last.daysSinceEpoch();
    forEachMatch(bounded, [&](std::size_t row) {
        const int group = split == HistogramSplit::ByType         ? m_type[row]
                          : split == HistogramSplit::BySide       ? m_side[row]
                          : split == HistogramSplit::ByGroundHeld ? m_heldBy[row]
                                                                  : 0;
        if (m_datePrecision[row] != 0) {
            // Known only to a week or a month: a share on each day it may fall on.
            if (h.spread.empty()) h.spread.assign(h.counts.size(), 0.0f);
            const auto [from, to] = possibleRange(row);
            const float share = 1.0f / static_cast<float>(to - from + 1);
            for (std::int32_t day = std::max(from, firstDay); day <= std::min(to, lastDay); ++day)
                h.spread[static_cast<std::size_t>(h.binOf(Date(day))) * static_cast<std::size_t>(h.groups) + static_cast<std::size_t>(group)] += share;
            return;
        }
        const std::int32_t day = m_day[row];
        if (day != cachedDay) {
            cachedDay = day;
            cachedBin = h.binOf(Date(day));
        }
        ++h.counts[static_cast<std::size_t>(cachedBin) * static_cast<std::size_t>(h.groups) + static_cast<std::size_t>(group)];
    });
    return h;
}

std::pair<std::uint32_t, std::uint32_t> EventIndex::roleRange(std::size_t row, ActorRole role) const {
    const std::uint32_t begin = m_actorBegin[row], end = m_actorBegin[row + 1];
    const std::uint32_t split = std::min(end, begin + m_perpetrators[row]); // perpetrators come first
    switch (role) {
    case ActorRole::Perpetrator: return {begin, split};
    case ActorRole::Target: return {split, end};
    case ActorRole::Either: break;
    }
    return {begin, end};
}

ActorCounts EventIndex::actorCounts(EventFilter filter) const {
    const ActorRole role = filter.actorRole;
    filter.actors.clear();
    ActorCounts counts;
    counts.actorIds = m_actorIds;
    counts.withSubgroups.assign(m_actorIds.size(), 0);
    counts.own.assign(m_actorIds.size(), 0);
    std::vector<std::uint32_t> lastRow(m_actorIds.size(), std::numeric_limits<std::uint32_t>::max());
    std::vector<std::uint32_t> lastOwnRow(m_actorIds.size(), std::numeric_limits<std::uint32_t>::max());
    forEachMatch(filter, [&](std::size_t row) {
        const auto [first, last] = roleRange(row, role);
        std::uint32_t sides = 0;
        for (std::uint32_t k = first; k < last; ++k) {
            sides |= bit(m_actorSide[m_actors[k]]);
            if (lastOwnRow[m_actors[k]] != row) {
                lastOwnRow[m_actors[k]] = static_cast<std::uint32_t>(row);
                ++counts.own[m_actors[k]];
            }
            // The actor and each umbrella above it, each once per event (a loop of umbrellas
            // in bad data ends at the first actor met again).
            int actor = static_cast<int>(m_actors[k]);
            for (int steps = 0; actor >= 0 && steps < 32; ++steps) {
                const auto a = static_cast<std::size_t>(actor);
                if (lastRow[a] == row) break;
                lastRow[a] = static_cast<std::uint32_t>(row);
                ++counts.withSubgroups[a];
                actor = m_actorParent[a];
            }
        }
        for (int side = 0; side < kSideCount; ++side)
            if (sides & bit(side)) ++counts.bySide[static_cast<std::size_t>(side)];
    });
    return counts;
}

Breakdown EventIndex::breakdown(const EventFilter& filter) const {
    Breakdown b;
    std::vector<std::uint32_t> perActor(m_actorIds.size(), 0);
    std::vector<std::uint32_t> lastRow(m_actorIds.size(), std::numeric_limits<std::uint32_t>::max());
    forEachMatch(filter, [&](std::size_t row) {
        ++b.events;
        b.killedAtLeast += m_killed[row];
        ++b.byType[m_type[row]];
        ++b.bySide[m_side[row]];
        for (std::uint32_t k = m_actorBegin[row]; k < m_actorBegin[row + 1]; ++k) {
            const std::uint32_t actor = m_actors[k];
            if (lastRow[actor] == row) continue; // an actor on both sides counts once
            lastRow[actor] = static_cast<std::uint32_t>(row);
            ++perActor[actor];
        }
    });
    for (std::size_t a = 0; a < perActor.size(); ++a)
        if (perActor[a]) b.byActor.emplace_back(m_actorIds[a], perActor[a]);
    std::stable_sort(b.byActor.begin(), b.byActor.end(),
                     [](const auto& l, const auto& r) { return l.second > r.second; });
    return b;
}


AreaCounts EventIndex::countByArea(const EventFilter& filter, std::span<const std::int32_t> areaOfEvent, std::size_t areaCount) const {
    AreaCounts counts;
    counts.areas.resize(areaCount);
    forEachMatch(filter, [&](std::size_t row) {
        const std::uint32_t position = m_position[row];
        const std::int32_t area = position < areaOfEvent.size() ? areaOfEvent[position] : -1;
        AreaTotals& totals = area >= 0 && static_cast<std::size_t>(area) < areaCount ? counts.areas[static_cast<std::size_t>(area)] : counts.outside;
        ++totals.events;
        totals.killedAtLeast += m_killed[row];
        ++totals.byType[m_type[row]];
        ++totals.bySide[m_side[row]];
    });
    return counts;
}

AreaPeaks EventIndex::areaPeaks(EventFilter filter, std::span<const std::int32_t> areaOfEvent, std::size_t areaCount, int windowDays) const {
    AreaPeaks peaks;
    if (m_day.empty() || areaCount == 0) return peaks;
    filter.from.reset();
    filter.to.reset();
    windowDays = std::max(windowDays, 1);
    const std::int64_t first = m_day.front(), days = std::int64_t{m_day.back()} - first + 1;
    // Per area and day (or per few days, when areas × days would not fit in some 32 MB):
    // counts and killed, then the largest sum over any run of bins a window spans.
    const std::int64_t binDays = std::max<std::int64_t>(1, (days * static_cast<std::int64_t>(areaCount) + 4'000'000 - 1) / 4'000'000);
    const std::int64_t bins = (days + binDays - 1) / binDays;
    const std::int64_t span = std::max<std::int64_t>(1, (windowDays + binDays - 1) / binDays);
    std::vector<std::uint32_t> events(static_cast<std::size_t>(bins) * areaCount, 0), killed(events.size(), 0);
    forEachMatch(filter, [&](std::size_t row) {
        const std::uint32_t position = m_position[row];
        const std::int32_t area = position < areaOfEvent.size() ? areaOfEvent[position] : -1;
        if (area < 0 || static_cast<std::size_t>(area) >= areaCount) return;
        const auto at = static_cast<std::size_t>((m_day[row] - first) / binDays) * areaCount + static_cast<std::size_t>(area);
        ++events[at];
        killed[at] += m_killed[row];
    });
    for (std::size_t area = 0; area < areaCount; ++area) {
        std::uint64_t runEvents = 0, runKilled = 0;
        for (std::int64_t bin = 0; bin < bins; ++bin) {
            runEvents += events[static_cast<std::size_t>(bin) * areaCount + area];
            runKilled += killed[static_cast<std::size_t>(bin) * areaCount + area];
            if (bin >= span) {
                runEvents -= events[static_cast<std::size_t>(bin - span) * areaCount + area];
                runKilled -= killed[static_cast<std::size_t>(bin - span) * areaCount + area];
            }
            peaks.events = std::max(peaks.events, runEvents);
            peaks.killedAtLeast = std::max(peaks.killedAtLeast, runKilled);
        }
    }
    peaks.exact = binDays == 1;
    return peaks;
}

HexBins EventIndex::hexbin(const EventFilter& filter, double size) const {
    HexBins bins;
    bins.size = size;
    if (!(size > 0)) return bins;
    std::unordered_map<std::uint64_t, std::uint32_t> cellOf;
    forEachMatch(filter, [&](std::size_t row) {
        const HexCoordinate hex = hexOf({m_x[row], m_y[row]}, size);
        const auto [it, inserted] = cellOf.try_emplace(hexKey(hex), static_cast<std::uint32_t>(bins.cells.size()));
        if (inserted) bins.cells.push_back({hex, 0, 0});
        HexCell& cell = bins.cells[it->second];
        ++cell.events;
        cell.killedAtLeast += m_killed[row];
    });
    return bins;
}

AreaPeaks EventIndex::hexPeaks(EventFilter filter, double size, int windowDays) const {
    AreaPeaks peaks;
    if (!(size > 0)) return peaks;
    filter.from.reset();
    filter.to.reset();
    windowDays = std::max(windowDays, 1);
    // Each hexagon's rows in date order (the index's order), then a window sliding over them:
    // linear in the events, whatever the number of days.
    struct Run {
        std::vector<std::int32_t> days;
        std::vector<std::uint16_t> killed;
    };
    std::unordered_map<std::uint64_t, Run> runs;
    forEachMatch(filter, [&](std::size_t row) {
        Run& run = runs[hexKey(hexOf({m_x[row], m_y[row]}, size))];
        run.days.push_back(m_day[row]);
        run.killed.push_back(m_killed[row]);
    });
    for (auto& [key, run] : runs) {
        if (!std::is_sorted(run.days.begin(), run.days.end())) { // rows dated to a week or month come apart
            std::vector<std::size_t> order(run.days.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return run.days[a] < run.days[b]; });
            Run sorted;
            for (std::size_t i : order) sorted.days.push_back(run.days[i]), sorted.killed.push_back(run.killed[i]);
            run = std::move(sorted);
        }
        std::uint64_t killed = 0;
        std::size_t first = 0;
        for (std::size_t last = 0; last < run.days.size(); ++last) {
            killed += run.killed[last];
            while (run.days[last] - run.days[first] >= windowDays) killed -= run.killed[first++];
            peaks.events = std::max<std::uint64_t>(peaks.events, last - first + 1);
            peaks.killedAtLeast = std::max(peaks.killedAtLeast, killed);
        }
    }
    return peaks;
}

std::size_t EventIndex::memoryBytes() const {
    auto bytes = [](const auto& v) { return v.capacity() * sizeof(typename std::decay_t<decltype(v)>::value_type); };
    return bytes(m_day) + bytes(m_x) + bytes(m_y) + bytes(m_type) + bytes(m_side) + bytes(m_precision) + bytes(m_datePrecision) +
           bytes(m_lead) + bytes(m_lag) + bytes(m_killed) + bytes(m_heldBy) + bytes(m_position) + bytes(m_actorBegin) + bytes(m_actors) + bytes(m_actorBits) + bytes(m_perpetrators);
}

// --- LatestQueryRunner ----------------------------------------------------------------------

struct LatestQueryRunner::State {
    std::shared_ptr<const EventIndex> index;
    Deliver deliver;
    std::mutex mutex;
    std::condition_variable wake;
    std::condition_variable idle;
    std::optional<std::pair<std::uint64_t, EventFilter>> pending;
    std::uint64_t lastSubmitted = 0;
    bool busy = false;
    bool stopping = false;
    std::thread worker;

    void run() {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [&] { return stopping || pending.has_value(); });
            if (stopping) return;
            auto [request, filter] = std::move(*pending);
            pending.reset();
            busy = true;
            lock.unlock();
            Result result;
            result.request = request;
            result.events = index->select(filter);
            result.breakdown = index->breakdown(filter);
            result.filter = std::move(filter);
            lock.lock();
            const bool current = request == lastSubmitted;
            if (current) {
                lock.unlock();
                deliver(std::move(result));
                lock.lock();
            }
            busy = false;
            idle.notify_all();
        }
    }
};

LatestQueryRunner::LatestQueryRunner(std::shared_ptr<const EventIndex> index, Deliver deliver)
    : m_state(std::make_unique<State>()) {
    m_state->index = std::move(index);
    m_state->deliver = std::move(deliver);
    m_state->worker = std::thread([state = m_state.get()] { state->run(); });
}

LatestQueryRunner::~LatestQueryRunner() {
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
    }
    m_state->wake.notify_all();
    m_state->worker.join();
}

std::uint64_t LatestQueryRunner::submit(EventFilter filter) {
    std::lock_guard lock(m_state->mutex);
    const std::uint64_t request = ++m_state->lastSubmitted;
    m_state->pending.emplace(request, std::move(filter));
    m_state->wake.notify_one();
    return request;
}

void LatestQueryRunner::waitIdle() {
    std::unique_lock lock(m_state->mutex);
    m_state->idle.wait(lock, [&] { return !m_state->busy && !m_state->pending.has_value(); });
}

std::optional<GeoBox> boxAroundEvents(const Dataset& dataset, const std::vector<std::uint32_t>& positions) {
    if (positions.empty()) return std::nullopt;
    GeoBox box{180, 90, -180, -90};
    for (const std::uint32_t p : positions) {
        const GeoPoint point = dataset.events.point(p);
        box.minLongitude = std::min(box.minLongitude, point.longitude);
        box.maxLongitude = std::max(box.maxLongitude, point.longitude);
        box.minLatitude = std::min(box.minLatitude, point.latitude);
        box.maxLatitude = std::max(box.maxLatitude, point.latitude);
    }
    const double padLongitude = std::max(0.2, (box.maxLongitude - box.minLongitude) * 0.15);
    const double padLatitude = std::max(0.2, (box.maxLatitude - box.minLatitude) * 0.15);
    return GeoBox{std::max(-180.0, box.minLongitude - padLongitude), std::max(-85.0, box.minLatitude - padLatitude),
                  std::min(180.0, box.maxLongitude + padLongitude), std::min(85.0, box.maxLatitude + padLatitude)};
}

} // namespace atlas
