#include "atlas/query/duplicates.h"

#include "atlas/geo/geo.h"
#include "atlas/io/text.h"
#include "atlas/model/actor_tree.h"
#include "atlas/model/diagnostic_codes.h"
#include "atlas/style/style.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace atlas {

namespace {

// Sources often date one incident a day apart (a night strike, a report of "yesterday").
constexpr int kDayTolerance = 1;
// Sources put one village at points a few kilometres apart (gazetteers, the village's edge).
constexpr double kPlaceToleranceKm = 5.0;
constexpr double kCellDegrees = 0.5;

// Families of types that reports of one incident may give: strikes from afar are told apart
// badly by witnesses; UCDP's coarse types (state-based violence is coded as an armed clash,
// one-sided violence as an attack on civilians) cover several fine ones.
enum Family : unsigned { Remote = 1, Ground = 2, OnPeople = 4, Blast = 8, Territory = 16, Words = 32 };
unsigned familyOf(EventType type) {
    switch (type) {
    case EventType::AirStrike:
    case EventType::DroneStrike:
    case EventType::Shelling:
    case EventType::Missile: return Remote;
    case EventType::ArmedClash: return Ground | Remote | Territory | Blast; // UCDP state-based
    case EventType::AttackOnCivilians: return OnPeople | Remote | Blast;  // UCDP one-sided
    case EventType::Killing: return OnPeople | Ground;
    case EventType::Explosion:
    case EventType::SuicideBombing: return Blast | OnPeople;
    case EventType::TerritoryChange:
    case EventType::Withdrawal: return Territory | Ground;
    case EventType::Agreement:
    case EventType::Statement: return Words;
    case EventType::Other: return Remote | Ground | OnPeople | Blast | Territory;
    }
    return 0;
}

std::string kmText(double km) {
    char text[32];
    std::snprintf(text, sizeof text, km < 10 ? "%.1f" : "%.0f", km);
    return text;
}

struct Item {
    std::int32_t first = 0, last = 0; // the days the event may be on, widened by its precision
    std::uint32_t row = 0;
};

struct Scorer {
    const Dataset& dataset;
    const EventTable& events;
    std::vector<Side> sideOfRef; // per pooled actor id: its effective side
    // Per pooled actor id: itself and its umbrellas as numbers ([0] itself), walked once here
    // rather than by id for every pair of actors of every pair of events looked at.
    std::vector<std::vector<std::uint32_t>> lineageOfRef;
    std::vector<std::string> idOfNumber;

    explicit Scorer(const Dataset& d) : dataset(d), events(d.events) {
        const ActorTree tree(d);
        const std::size_t refs = events.actorIds().size();
        sideOfRef.resize(refs);
        lineageOfRef.resize(refs);
        std::unordered_map<std::string, std::uint32_t> numberOf;
        for (std::uint32_t ref = 0; ref < refs; ++ref) {
            const std::string& id = events.actorIds().at(ref);
            sideOfRef[ref] = tree.effectiveSide(id);
            for (std::string& step : tree.lineage(id)) {
                const auto [at, added] = numberOf.try_emplace(step, static_cast<std::uint32_t>(idOfNumber.size()));
                if (added) idOfNumber.push_back(std::move(step));
                lineageOfRef[ref].push_back(at->second);
            }
        }
    }

    // The actor two pooled ids share, itself or as an umbrella of the other (its number).
    std::optional<std::uint32_t> sharedActor(std::uint32_t ra, std::uint32_t rb) const {
        const auto& la = lineageOfRef[ra];
        const auto& lb = lineageOfRef[rb];
        if (la.empty() || lb.empty()) return std::nullopt;
        if (std::find(la.begin(), la.end(), lb.front()) != la.end()) return lb.front(); // b is a or above it
        if (std::find(lb.begin(), lb.end(), la.front()) != lb.end()) return la.front();
        return std::nullopt;
    }

    // The known sides of an event's perpetrators and targets, as bit sets.
    struct RoleSides {
        unsigned perpetrators = 0, targets = 0;
        [[nodiscard]] bool any() const { return (perpetrators | targets) != 0; }
    };
    RoleSides roleSides(std::uint32_t row) const {
        RoleSides sides;
        const auto refs = events.actorRefs(row);
        for (std::size_t i = 0; i < refs.size(); ++i) {
            const Side side = sideOfRef[refs[i]];
            if (side == Side::Unknown) continue;
            (i < events.perpetratorCount(row) ? sides.perpetrators : sides.targets) |= 1u << static_cast<unsigned>(side);
        }
        return sides;
    }

    // nullopt: the two cannot be one incident.
    // Reasons are put in words only when `explain` (for the pairs kept): most pairs looked at
    // score too low, and their words would cost more than their numbers.
    std::optional<DuplicatePair> score(const Item& x, const Item& y, bool explain) const {
        const std::uint32_t a = std::min(x.row, y.row), b = std::max(x.row, y.row);
        DuplicatePair pair{a, b, 0, {}};
        // Dates.
        const int gap = std::abs(events.day(a) - events.day(b));
        const int allowed = kDayTolerance + halfPeriodDays(events.datePrecision(a)) + halfPeriodDays(events.datePrecision(b));
        const bool overlap = x.first <= y.last + kDayTolerance && y.first <= x.last + kDayTolerance;
        if (!overlap) return std::nullopt;
        const double dateScore = gap == 0 ? 1.0 : std::max(0.0, 1.0 - double(gap) / double(allowed + 1));
        if (explain && gap == 0) pair.reasons.emplace_back("same day");
        else if (explain) pair.reasons.push_back(std::to_string(gap) + (gap == 1 ? " day apart" : " days apart") +
                                    (allowed > kDayTolerance ? " (within the dates' precision)" : ""));
        // Places.
        const double km = greatCircleKm(events.point(a), events.point(b));
        const double radius = std::max(placementRadiusKm(events.placePrecision(a)),
                                       placementRadiusKm(events.placePrecision(b)));
        const double tolerance = radius + kPlaceToleranceKm;
        if (km > tolerance) return std::nullopt;
        const double placeScore = 1.0 - km / tolerance;
        if (explain) pair.reasons.push_back(km < 0.05 ? std::string("same point")
                                         : kmText(km) + " km apart" + (radius > 0 ? " (within " + kmText(radius) + " km the placement allows)" : ""));
        // Types.
        double typeScore = 0;
        if (events.type(a) == events.type(b)) {
            typeScore = 1.0;
            if (explain) pair.reasons.push_back("both " + lower(std::string(toLabel(events.type(a)))));
        } else if (familyOf(events.type(a)) & familyOf(events.type(b))) {
            typeScore = 0.6;
            if (explain) pair.reasons.push_back(lower(std::string(toLabel(events.type(a)))) + " and " + lower(std::string(toLabel(events.type(b)))));
        } else {
            return std::nullopt;
        }
        // Actors: one shared (or under one umbrella), else a side in common; opposite camps with
        // nothing in common cannot be one incident.
        const auto refsA = events.actorRefs(a), refsB = events.actorRefs(b);
        double actorScore = 0.4; // nothing known either way
        std::optional<std::uint32_t> shared;
        for (std::size_t i = 0; i < refsA.size() && !shared; ++i)
            for (std::size_t j = 0; j < refsB.size() && !shared; ++j) shared = sharedActor(refsA[i], refsB[j]);
        if (shared) {
            actorScore = 1.0;
            if (explain) pair.reasons.push_back("shared actor: " + dataset.actorName(idOfNumber[*shared]));
        } else {
            // By side and role: the same camps on the same sides of the incident (either way
            // round: UCDP's side A is the government whoever struck) is strong; one camp in
            // common is weak; known camps with none in common cannot be one incident.
            const RoleSides sa = roleSides(a), sb = roleSides(b);
            if (sa.any() && sb.any()) {
                const unsigned both = (sa.perpetrators | sa.targets) & (sb.perpetrators | sb.targets);
                if (!both) return std::nullopt;
                auto agree = [](unsigned mine, unsigned theirs) { return !mine || !theirs || (mine & theirs); };
                const bool sameWay = agree(sa.perpetrators, sb.perpetrators) && agree(sa.targets, sb.targets);
                const bool swapped = agree(sa.perpetrators, sb.targets) && agree(sa.targets, sb.perpetrators);
                actorScore = sameWay || swapped ? 0.75 : 0.45;
                std::string names;
                for (int side = 0; explain && side < kSideCount; ++side)
                    if (both & (1u << side)) names += (names.empty() ? "" : ", ") + std::string(toLabel(static_cast<Side>(side)));
                if (explain) pair.reasons.push_back((sameWay || swapped ? "the same sides: " : "one side in common: ") + names);
            } else {
                if (explain) pair.reasons.emplace_back("actors not comparable");
            }
        }
        // Killed.
        double killedScore = 0.5;
        const CasualtyCount ka = events.killed(a), kb = events.killed(b);
        if (ka.known() && kb.known()) {
            const double la = ka.lowerBound(), lb = kb.lowerBound();
            killedScore = la == lb ? 1.0 : 1.0 - std::abs(la - lb) / std::max(la, lb);
            if (explain) pair.reasons.push_back("killed " + ka.toText() + " and " + kb.toText());
        }
        pair.score = 0.25 * dateScore + 0.25 * placeScore + 0.15 * typeScore + 0.25 * actorScore + 0.10 * killedScore;
        return pair;
    }
};

} // namespace

std::vector<DuplicatePair> findDuplicates(const Dataset& dataset, const DuplicateOptions& options) {
    const EventTable& events = dataset.events;
    // Events by cell of the grid, each cell's in the order of their first possible day, with
    // the longest span among them (how far before an event's first day the search starts).
    struct Cell {
        std::vector<Item> items;
        std::int32_t longest = 0;
    };
    std::map<std::pair<int, int>, Cell> cells;
    for (std::uint32_t row = 0; row < events.size(); ++row) {
        const int slack = halfPeriodDays(events.datePrecision(row));
        const auto end = events.endDate(row);
        const GeoPoint p = events.point(row);
        cells[{static_cast<int>(std::floor(p.latitude / kCellDegrees)), static_cast<int>(std::floor(p.longitude / kCellDegrees))}]
            .items.push_back({events.day(row) - slack, (end ? end->daysSinceEpoch() : events.day(row)) + slack, row});
    }
    for (auto& [key, cell] : cells) {
        std::sort(cell.items.begin(), cell.items.end(),
                  [](const Item& x, const Item& y) { return x.first < y.first || (x.first == y.first && x.row < y.row); });
        for (const Item& item : cell.items) cell.longest = std::max(cell.longest, item.last - item.first);
    }
    // The widest tolerance (a governorate's radius and the slack) in cells: two either way
    // covers 70 km of latitude and, at Syria's latitudes, of longitude; further from the
    // equator a degree of longitude is shorter, so more cells are searched.
    const double widestKm = placementRadiusKm(PlacePrecision::Governorate) + kPlaceToleranceKm;
    const int latCells = static_cast<int>(std::ceil(widestKm / (111.2 * kCellDegrees)));
    const Scorer scorer(dataset);
    std::vector<DuplicatePair> pairs;
    for (const auto& [key, cell] : cells) {
        const double latitude = (key.first + 0.5) * kCellDegrees;
        const double cosLat = std::max(0.05, std::cos(std::min(89.0, std::abs(latitude) + kCellDegrees) * M_PI / 180.0));
        const int lonCells = static_cast<int>(std::ceil(widestKm / (111.2 * cosLat * kCellDegrees)));
        for (int dy = -latCells; dy <= latCells; ++dy)
            for (int dx = -lonCells; dx <= lonCells; ++dx) {
                const auto other = cells.find({key.first + dy, key.second + dx});
                if (other == cells.end()) continue;
                const std::vector<Item>& near = other->second.items;
                const std::int32_t reach = other->second.longest;
                for (const Item& x : cell.items) {
                    // Items whose first day is late enough that they may still overlap x.
                    auto from = std::lower_bound(near.begin(), near.end(), x.first - reach - kDayTolerance,
                                                 [](const Item& item, std::int32_t day) { return item.first < day; });
                    for (auto y = from; y != near.end() && y->first <= x.last + kDayTolerance; ++y) {
                        if (y->row <= x.row) continue; // each pair once, from its first event
                        if (options.acrossFilesOnly &&
                            (events.originIndex(x.row) == events.originIndex(y->row) || events.originIndex(x.row) < 0))
                            continue;
                        if (auto pair = scorer.score(x, *y, false); pair && pair->score >= options.minScore)
                            pairs.push_back(std::move(*scorer.score(x, *y, true)));
                    }
                }
            }
    }
    std::sort(pairs.begin(), pairs.end(), [](const DuplicatePair& p, const DuplicatePair& q) {
        return p.score != q.score ? p.score > q.score : std::tie(p.a, p.b) < std::tie(q.a, q.b);
    });
    if (options.bestMatchOnly) {
        std::vector<std::uint8_t> taken(events.size(), 0);
        std::erase_if(pairs, [&](const DuplicatePair& p) {
            if (taken[p.a] || taken[p.b]) return true;
            taken[p.a] = taken[p.b] = 1;
            return false;
        });
    }
    return pairs;
}

std::string_view toKey(DuplicateDecision::Kind kind) { return kind == DuplicateDecision::Kind::Merge ? "merge" : "distinct"; }

namespace {

std::string originText(const EventTable& events, std::size_t row) {
    const auto provenance = events.provenance(row);
    return provenance ? provenance->toText() : std::string();
}

std::string datasetOf(const EventTable& events, std::size_t row) {
    const auto provenance = events.provenance(row);
    return provenance ? provenance->origin.file : std::string();
}

void markDataset(std::vector<SourceReference>& sources, const std::string& dataset) {
    if (dataset.empty()) return;
    for (SourceReference& source : sources) {
        if (!findExtra(source.extra, "dataset")) source.extra.emplace_back("dataset", nlohmann::json(dataset).dump());
    }
}

} // namespace

std::string datasetOfSource(const SourceReference& source) {
    const std::string* raw = findExtra(source.extra, "dataset");
    if (!raw) return {};
    const nlohmann::json value = nlohmann::json::parse(*raw, nullptr, false);
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::vector<Diagnostic> applyDuplicateDecisions(Dataset& dataset, const std::vector<DuplicateDecision>& decisions) {
    std::vector<Diagnostic> problems;
    EventTable& events = dataset.events;
    std::unordered_map<std::string, std::uint32_t> rowOf;
    for (std::uint32_t row = 0; row < events.size(); ++row) rowOf.emplace(events.id(row), row);
    std::unordered_map<std::uint32_t, std::uint32_t> mergedInto; // a removed row → the row that took it
    std::vector<std::uint8_t> removed(events.size(), 0);
    auto resolve = [&](std::uint32_t row) {
        for (auto found = mergedInto.find(row); found != mergedInto.end(); found = mergedInto.find(row)) row = found->second;
        return row;
    };
    for (const DuplicateDecision& decision : decisions) {
        if (decision.kind != DuplicateDecision::Kind::Merge) continue;
        const auto keep = rowOf.find(decision.keep), other = rowOf.find(decision.other);
        if (keep == rowOf.end() || other == rowOf.end()) {
            problems.push_back({Severity::Warning, codes::kDuplicateUnknown,
                                "the merge of \"" + decision.other + "\" into \"" + decision.keep + "\" names an event that is not open (" +
                                    (keep == rowOf.end() ? decision.keep : decision.other) + "); skipped",
                                "", 0, 0, {}, {}});
            continue;
        }
        const std::uint32_t into = resolve(keep->second), from = resolve(other->second);
        if (into == from) continue; // merged already (a decision repeated)
        Event kept = events.at(into);
        Event folded = events.at(from);
        markDataset(kept.sources, datasetOf(events, into));
        markDataset(folded.sources, datasetOf(events, from));
        for (SourceReference& source : folded.sources) kept.sources.push_back(std::move(source));
        nlohmann::json merged = nlohmann::json::array();
        for (const auto& [key, raw] : kept.extra)
            if (key == "merged") {
                nlohmann::json earlier = nlohmann::json::parse(raw, nullptr, false);
                if (earlier.is_array()) merged = std::move(earlier);
            }
        std::erase_if(kept.extra, [](const auto& kv) { return kv.first == "merged"; });
        nlohmann::json entry{{"id", folded.id}};
        if (const std::string origin = originText(events, from); !origin.empty()) entry["origin"] = origin;
        merged.push_back(std::move(entry));
        kept.extra.emplace_back("merged", merged.dump());
        events.set(into, kept);
        removed[from] = 1;
        mergedInto[from] = into;
    }
    if (!mergedInto.empty()) {
        std::vector<std::uint32_t> kept;
        kept.reserve(events.size() - mergedInto.size());
        for (std::uint32_t row = 0; row < events.size(); ++row)
            if (!removed[row]) kept.push_back(row);
        events.keepOnly(kept);
    }
    return problems;
}

void dropDecidedPairs(const Dataset& dataset, std::vector<DuplicatePair>& pairs, const std::vector<DuplicateDecision>& decisions) {
    if (decisions.empty()) return;
    std::unordered_set<std::string> decided;
    for (const DuplicateDecision& d : decisions) {
        decided.insert(d.keep + '\x1f' + d.other);
        decided.insert(d.other + '\x1f' + d.keep);
    }
    std::erase_if(pairs, [&](const DuplicatePair& p) {
        return decided.count(std::string(dataset.events.id(p.a)) + '\x1f' + std::string(dataset.events.id(p.b))) > 0;
    });
}

} // namespace atlas
