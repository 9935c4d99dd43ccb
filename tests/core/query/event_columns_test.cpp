// The incident table's columns (query/event_columns): cell text, sorting against a plain
// stable sort on the cells' meaning, and the CSV/TSV the table copies.
#include "atlas/query/event_columns.h"
#include "atlas/query/query.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <numeric>

using namespace atlas;

namespace {

const Dataset& synthetic() {
    static const Dataset dataset = bench::makeSyntheticDataset(20000, 11);
    return dataset;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// What each column orders by, written the slow and obvious way from whole events.
std::string textKey(const Dataset& data, const Event& e, EventColumn column) {
    switch (column) {
    case EventColumn::Type: return lower(std::string(toLabel(e.type)));
    case EventColumn::Side: return lower(std::string(toLabel(data.sideOfEvent(e))));
    case EventColumn::Perpetrator: return e.perpetrators.empty() ? "" : lower(data.actorName(e.perpetrators.front()));
    case EventColumn::Target: return e.targets.empty() ? "" : lower(data.actorName(e.targets.front()));
    case EventColumn::Place: return lower(e.place.name);
    case EventColumn::Id: return lower(e.id);
    default: return {};
    }
}
long numberKey(const Event& e, EventColumn column) {
    switch (column) {
    case EventColumn::Date: return e.date.daysSinceEpoch();
    case EventColumn::Killed: return e.killed.known() ? *e.killed.low : -1;
    case EventColumn::Wounded: return e.wounded.known() ? *e.wounded.low : -1;
    case EventColumn::Precision: return static_cast<long>(e.place.precision);
    default: return 0;
    }
}

std::vector<std::uint32_t> aYearOfRows(const Dataset& data) {
    const EventIndex index(data);
    EventFilter filter;
    filter.from = index.firstDate().addDays(100);
    filter.to = index.firstDate().addDays(465);
    return index.select(filter);
}

} // namespace

TEST(EventColumns, KeysAndTitlesRoundTrip) {
    for (const EventColumn column : kEventColumns) {
        EXPECT_EQ(columnOfKey(columnKey(column)), column);
        EXPECT_FALSE(columnTitle(column).empty());
    }
    EXPECT_FALSE(columnOfKey("nonsense").has_value());
}

class SortByColumn : public ::testing::TestWithParam<EventColumn> {};

TEST_P(SortByColumn, MatchesAStableSortOnTheCellsMeaningBothWays) {
    const Dataset& data = synthetic();
    const std::vector<std::uint32_t> rows = aYearOfRows(data);
    ASSERT_GT(rows.size(), 1000u);
    const EventColumn column = GetParam();
    const bool numeric = column == EventColumn::Date || column == EventColumn::Killed || column == EventColumn::Wounded ||
                         column == EventColumn::Precision;
    for (const bool descending : {false, true}) {
        std::vector<std::uint32_t> expected = rows;
        std::stable_sort(expected.begin(), expected.end(), [&](std::uint32_t a, std::uint32_t b) {
            const Event ea = data.events.at(a), eb = data.events.at(b);
            if (numeric) return descending ? numberKey(ea, column) > numberKey(eb, column) : numberKey(ea, column) < numberKey(eb, column);
            return descending ? textKey(data, ea, column) > textKey(data, eb, column) : textKey(data, ea, column) < textKey(data, eb, column);
        });
        std::vector<std::uint32_t> sorted = rows;
        sortByColumn(data, sorted, column, descending);
        EXPECT_EQ(sorted, expected) << columnKey(column) << (descending ? " descending" : " ascending");
    }
}

INSTANTIATE_TEST_SUITE_P(EveryOrderedColumn, SortByColumn,
                         ::testing::Values(EventColumn::Date, EventColumn::Type, EventColumn::Perpetrator, EventColumn::Target,
                                           EventColumn::Killed, EventColumn::Wounded, EventColumn::Place,
                                           EventColumn::Precision, EventColumn::Side, EventColumn::Id),
                         [](const auto& param) { return std::string(columnKey(param.param)); });

TEST(EventColumns, SortsBySourceThePublisherShown) {
    Dataset data;
    for (const char* publisher : {"Syrian Observatory", "", "anadolu", "SANA"}) {
        Event e;
        e.id = std::string("e-") + publisher;
        e.date = *Date::fromYearMonthDay(2020, 10, 26);
        if (*publisher) e.sources.push_back({publisher, "t", "2020-10-26", "", {}});
        data.events.push_back(e);
    }
    std::vector<std::uint32_t> rows{0, 1, 2, 3};
    sortByColumn(data, rows, EventColumn::Source, false);
    EXPECT_EQ(rows, (std::vector<std::uint32_t>{1, 2, 3, 0})); // "", anadolu, SANA, Syrian…
}

TEST(EventColumns, CellTextSaysWhatTheEventSays) {
    Dataset data;
    Actor vks;
    vks.id = "vks";
    vks.name = "Russian Aerospace Forces";
    data.actors.push_back(vks);
    data.reindexActors();
    Event e;
    e.id = "nws-2020-10-26-kafr-takharim";
    e.type = EventType::AirStrike;
    e.date = *Date::fromYearMonthDay(2020, 10, 26);
    e.place.name = "Kafr Takharim";
    e.place.admin2 = "Harim";
    e.place.precision = PlacePrecision::NearTown;
    e.perpetrators = {"vks"};
    e.targets = {"faylaq-al-sham", "civilians"};
    e.killed = {CountQualifier::MoreThan, 78, std::nullopt, {}};
    e.sources = {{"Reuters", "Russian strike", "2020-10-26", "https://example.org/a", {}},
                 {"SOHR", "", "2020-10-26", "", {}}};
    data.events.push_back(e);
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Date), "2020-10-26");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Type), "Air strike");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Perpetrator), "Russian Aerospace Forces");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Target), "faylaq-al-sham; civilians");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Killed), "more than 78");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Wounded), "unknown");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Place), "Kafr Takharim, Harim");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Precision), "near town");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Source), "Reuters (+1)");
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Id), "nws-2020-10-26-kafr-takharim");
    e.endDate = *Date::fromYearMonthDay(2020, 10, 28);
    data.events.set(0, e);
    EXPECT_EQ(eventColumnText(data, 0, EventColumn::Date), "2020-10-26..2020-10-28");
}

TEST(EventColumns, DelimitedRowsHaveAHeaderAndOneLinePerEvent) {
    Dataset data;
    Event e;
    e.id = "x1";
    e.date = *Date::fromYearMonthDay(2020, 2, 24);
    e.place.name = "Kafr Nabl, Maarat al-Numan";
    data.events.push_back(e);
    const std::vector<std::uint32_t> rows{0};
    const std::vector<EventColumn> columns{EventColumn::Date, EventColumn::Place, EventColumn::Id};
    EXPECT_EQ(delimitedRows(data, rows, columns, ','), "date,place,id\r\n2020-02-24,\"Kafr Nabl, Maarat al-Numan\",x1\r\n");
    EXPECT_EQ(delimitedRows(data, rows, columns, '\t'), "date\tplace\tid\r\n2020-02-24\tKafr Nabl, Maarat al-Numan\tx1\r\n");
}
