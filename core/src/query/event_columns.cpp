#include "atlas/query/event_columns.h"

#include "atlas/io/csv.h"
#include "atlas/model/vocabulary.h"

#include <algorithm>
#include <numeric>
#include <sstream>
#include <utility>

namespace atlas {

namespace {

struct ColumnNames {
    EventColumn column;
    std::string_view key;
    std::string_view title;
};
constexpr std::array<ColumnNames, kEventColumnCount> kColumnNames{{
    {EventColumn::Date, "date", "Date"},
    {EventColumn::Type, "type", "Type"},
    {EventColumn::Perpetrator, "perpetrator", "Perpetrator"},
    {EventColumn::Target, "target", "Target"},
    {EventColumn::Killed, "killed", "Killed"},
    {EventColumn::Wounded, "wounded", "Wounded"},
    {EventColumn::Place, "place", "Place"},
    {EventColumn::Precision, "precision", "Placed"},
    {EventColumn::Side, "side", "Side"},
    {EventColumn::Source, "source", "Source"},
    {EventColumn::Id, "id", "Id"},
    {EventColumn::Record, "record", "Record"},
}};

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Each string's rank in case-insensitive order (equal strings share a rank): rows are then
/// ordered by integers, not by comparing their strings again and again. Strings are compared
/// lower-cased (copied only when one has a capital) and first by eight bytes after the prefix
/// all of them share ("SYR" of ACLED ids), so most comparisons are one integer comparison:
/// a million ids rank in a fraction of what comparing characters one by one takes.
std::vector<std::uint32_t> ranksOf(const std::vector<std::string_view>& strings) {
    const std::size_t n = strings.size();
    std::vector<std::string> lowered;
    std::vector<std::string_view> text = strings;
    if (std::any_of(strings.begin(), strings.end(), [](std::string_view s) {
            return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        })) {
        lowered.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            lowered[i].resize(strings[i].size());
            std::transform(strings[i].begin(), strings[i].end(), lowered[i].begin(), lowerAscii);
            text[i] = lowered[i];
        }
    }
    std::size_t common = n == 0 ? 0 : text[0].size();
    for (std::size_t i = 1; i < n && common > 0; ++i) {
        const auto [a, b] = std::mismatch(text[0].begin(), text[0].begin() + static_cast<std::ptrdiff_t>(std::min(common, text[i].size())),
                                          text[i].begin());
        common = static_cast<std::size_t>(a - text[0].begin());
        (void)b;
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t prefix = 0;
        for (std::size_t k = 0; k < 8; ++k) {
            const std::size_t at = common + k;
            prefix = (prefix << 8) | (at < text[i].size() ? static_cast<unsigned char>(text[i][at]) : 0u);
        }
        order[i] = {prefix, static_cast<std::uint32_t>(i)};
    }
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return text[a.second] < text[b.second];
    });
    std::vector<std::uint32_t> rank(n);
    std::uint32_t current = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && text[order[i - 1].second] != text[order[i].second]) ++current;
        rank[order[i].second] = current;
    }
    return rank;
}

std::string actorList(const Dataset& dataset, std::span<const std::uint32_t> refs) {
    std::string names;
    for (const std::uint32_t ref : refs) {
        if (!names.empty()) names += "; ";
        names += dataset.actorName(dataset.events.actorIds().at(ref));
    }
    return names;
}

std::span<const std::uint32_t> perpetratorRefs(const EventTable& events, std::uint32_t position) {
    return events.actorRefs(position).first(events.perpetratorCount(position));
}
std::span<const std::uint32_t> targetRefs(const EventTable& events, std::uint32_t position) {
    return events.actorRefs(position).subspan(events.perpetratorCount(position));
}

std::string sourceText(const std::vector<SourceReference>& sources) {
    if (sources.empty()) return {};
    std::string text = sources.front().publisher.empty() ? sources.front().title : sources.front().publisher;
    if (sources.size() > 1) text += " (+" + std::to_string(sources.size() - 1) + ")";
    return text;
}

std::string sourceText(const EventTable& events, std::uint32_t position) {
    if (const EventDetails* held = events.heldDetails(position)) return sourceText(held->sources);
    return sourceText(events.details(position).sources);
}

std::string precisionText(PlacePrecision precision) {
    switch (precision) {
    case PlacePrecision::Exact: return "exact";
    case PlacePrecision::NearTown: return "near town";
    case PlacePrecision::District: return "district";
    case PlacePrecision::Governorate: return "governorate";
    }
    return {};
}

// Unknown figures first (key 0), then by the lowest figure reported.
std::uint64_t casualtyKey(const CasualtyCount& count) {
    return count.known() ? static_cast<std::uint64_t>(std::max(0, *count.low)) + 1 : 0;
}

} // namespace

std::string_view columnKey(EventColumn column) { return kColumnNames[static_cast<std::size_t>(column)].key; }
std::string_view columnTitle(EventColumn column) { return kColumnNames[static_cast<std::size_t>(column)].title; }

std::optional<EventColumn> columnOfKey(std::string_view key) {
    for (const ColumnNames& names : kColumnNames)
        if (names.key == key) return names.column;
    return std::nullopt;
}

std::string eventColumnText(const Dataset& dataset, std::uint32_t position, EventColumn column) {
    const EventTable& events = dataset.events;
    switch (column) {
    case EventColumn::Date: {
        std::string text = events.date(position).toString();
        if (const auto end = events.endDate(position); end && *end != events.date(position)) text += ".." + end->toString();
        return text;
    }
    case EventColumn::Type: return std::string(toLabel(events.type(position)));
    case EventColumn::Perpetrator: return actorList(dataset, perpetratorRefs(events, position));
    case EventColumn::Target: return actorList(dataset, targetRefs(events, position));
    case EventColumn::Killed: return events.killed(position).toText();
    case EventColumn::Wounded: return events.wounded(position).toText();
    case EventColumn::Place: {
        std::string text = events.placeName(position);
        const std::string& district = events.admin2(position);
        if (!district.empty() && district != text) text += (text.empty() ? "" : ", ") + district;
        return text;
    }
    case EventColumn::Precision: return precisionText(events.placePrecision(position));
    case EventColumn::Side: return std::string(toLabel(dataset.sideOfEvent(position)));
    case EventColumn::Source: return sourceText(events, position);
    case EventColumn::Id: return std::string(events.id(position));
    case EventColumn::Record: {
        const auto provenance = events.provenance(position);
        return provenance ? provenance->toText() : std::string();
    }
    }
    return {};
}

void sortByColumn(const Dataset& dataset, std::span<std::uint32_t> positions, EventColumn column, bool descending) {
    const EventTable& events = dataset.events;
    const std::size_t n = positions.size();
    // One integer key per row, then a sort of (key, row) pairs: the row breaks ties, which
    // keeps the sort stable in both directions.
    std::vector<std::uint64_t> key(n);
    auto rankPooled = [&](const StringPool& pool, auto&& textOfRef, auto&& refOfRow) {
        // Only the strings the rows use are ranked (a pool may hold many more).
        constexpr std::uint32_t kNoRef = 0xffffffffu;
        std::vector<std::uint32_t> slot(pool.size() + 1, kNoRef);
        std::vector<std::string_view> used;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t ref = refOfRow(positions[i]);
            if (slot[ref] == kNoRef) {
                slot[ref] = static_cast<std::uint32_t>(used.size());
                used.push_back(textOfRef(ref));
            }
        }
        const std::vector<std::uint32_t> rank = ranksOf(used);
        for (std::size_t i = 0; i < n; ++i) key[i] = rank[slot[refOfRow(positions[i])]];
    };
    switch (column) {
    case EventColumn::Date:
        for (std::size_t i = 0; i < n; ++i) key[i] = static_cast<std::uint64_t>(static_cast<std::int64_t>(events.day(positions[i])) + (std::int64_t{1} << 40));
        break;
    case EventColumn::Type:
    case EventColumn::Side: {
        // A handful of labels: rank them once.
        const bool byType = column == EventColumn::Type;
        const int labels = byType ? kEventTypeCount : kSideCount;
        std::vector<std::string_view> text(static_cast<std::size_t>(labels));
        for (int v = 0; v < labels; ++v)
            text[static_cast<std::size_t>(v)] = byType ? toLabel(static_cast<EventType>(v)) : toLabel(static_cast<Side>(v));
        const std::vector<std::uint32_t> rank = ranksOf(text);
        for (std::size_t i = 0; i < n; ++i)
            key[i] = rank[static_cast<std::size_t>(byType ? static_cast<int>(events.type(positions[i]))
                                                          : static_cast<int>(dataset.sideOfEvent(positions[i])))];
        break;
    }
    case EventColumn::Perpetrator:
    case EventColumn::Target: {
        // By the first actor's name; an event without one comes first (the empty name).
        const StringPool& ids = events.actorIds();
        std::vector<std::string> names(ids.size() + 1);
        for (std::uint32_t ref = 0; ref < ids.size(); ++ref) names[ref] = dataset.actorName(ids.at(ref));
        const auto none = static_cast<std::uint32_t>(ids.size());
        const bool perpetrator = column == EventColumn::Perpetrator;
        rankPooled(
            ids, [&](std::uint32_t ref) { return std::string_view(names[ref]); },
            [&](std::uint32_t p) {
                const auto refs = perpetrator ? perpetratorRefs(events, p) : targetRefs(events, p);
                return refs.empty() ? none : refs.front();
            });
        break;
    }
    case EventColumn::Place: {
        const StringPool& places = events.placeStrings();
        rankPooled(
            places, [&](std::uint32_t ref) { return std::string_view(places.at(ref)); },
            [&](std::uint32_t p) { return events.placeNameRef(p); });
        break;
    }
    case EventColumn::Killed:
        for (std::size_t i = 0; i < n; ++i) key[i] = casualtyKey(events.killed(positions[i]));
        break;
    case EventColumn::Wounded:
        for (std::size_t i = 0; i < n; ++i) key[i] = casualtyKey(events.wounded(positions[i]));
        break;
    case EventColumn::Precision:
        for (std::size_t i = 0; i < n; ++i) key[i] = static_cast<std::uint64_t>(events.placePrecision(positions[i]));
        break;
    case EventColumn::Record:
        // By file (in the order opened), then by record number within it.
        for (std::size_t i = 0; i < n; ++i)
            key[i] = (static_cast<std::uint64_t>(events.originIndex(positions[i]) + 1) << 48) |
                     (static_cast<std::uint64_t>(events.record(positions[i])) & ((std::uint64_t{1} << 48) - 1));
        break;
    case EventColumn::Source:
    case EventColumn::Id: {
        std::vector<std::string> owned;
        std::vector<std::string_view> text(n);
        if (column == EventColumn::Source) {
            owned.resize(n);
            for (std::size_t i = 0; i < n; ++i) text[i] = owned[i] = sourceText(events, positions[i]);
        } else {
            for (std::size_t i = 0; i < n; ++i) text[i] = events.id(positions[i]);
        }
        const std::vector<std::uint32_t> rank = ranksOf(text);
        for (std::size_t i = 0; i < n; ++i) key[i] = rank[i];
        break;
    }
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = {descending ? ~key[i] : key[i], static_cast<std::uint32_t>(i)};
    std::sort(order.begin(), order.end());
    std::vector<std::uint32_t> sorted(n);
    for (std::size_t i = 0; i < n; ++i) sorted[i] = positions[order[i].second];
    std::copy(sorted.begin(), sorted.end(), positions.begin());
}

void writeDelimitedRows(std::ostream& out, const Dataset& dataset, std::span<const std::uint32_t> positions,
                        std::span<const EventColumn> columns, char delimiter) {
    std::string line;
    auto write = [&](auto&& cell) {
        line.clear();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) line += delimiter;
            line += delimitedField(cell(columns[c]), delimiter);
        }
        line += "\r\n";
        out << line;
    };
    write([](EventColumn column) { return std::string(columnKey(column)); });
    for (const std::uint32_t position : positions)
        write([&](EventColumn column) { return eventColumnText(dataset, position, column); });
}

std::string delimitedRows(const Dataset& dataset, std::span<const std::uint32_t> positions,
                          std::span<const EventColumn> columns, char delimiter) {
    std::ostringstream out;
    writeDelimitedRows(out, dataset, positions, columns, delimiter);
    return std::move(out).str();
}

} // namespace atlas
