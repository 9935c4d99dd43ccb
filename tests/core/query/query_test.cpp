// The query engine (query/query): the index against a plain scan, and the latest-query runner.
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>

using namespace atlas;

namespace {

const Dataset& synthetic() {
    static const Dataset dataset = bench::makeSyntheticDataset(20000, 7);
    return dataset;
}

// The synthetic data with a sixth of its events known only to a week or a month (as ACLED
// writes them, in the middle of the period), some of those with the span a source gives
// (UCDP's date_start–date_end), a few over more than two months.
const Dataset& withApproximateDates() {
    static const Dataset dataset = [] {
        Dataset out;
        const Dataset& from = synthetic();
        out.metadata = from.metadata;
        out.actors = from.actors;
        for (std::size_t i = 0; i < from.events.size(); ++i) {
            Event e = from.events[i];
            switch (i % 12) {
            case 1: e.datePrecision = DatePrecision::Week; break;
            case 5: e.datePrecision = DatePrecision::Month; break;
            case 7:
                e.datePrecision = DatePrecision::Month;
                e.endDate = e.date.addDays(i % 24 == 7 ? 29 : 120);
                break;
            default: break;
            }
            out.events.push_back(std::move(e));
        }
        out.reindexActors();
        return out;
    }();
    return dataset;
}

const Dataset& sample() {
    static const Dataset dataset = readNativeFile(ATLAS_SAMPLE_DATASET).dataset;
    return dataset;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isWithin(const Dataset& data, const std::string& actor, const std::string& ancestor) {
    std::string current = actor;
    for (int steps = 0; steps < 32 && !current.empty(); ++steps) {
        if (current == ancestor) return true;
        const Actor* a = data.findActor(current);
        current = a ? a->parent : std::string();
    }
    return false;
}

// The reference: one event, one filter, no cleverness.
bool referenceMatches(const Dataset& data, const Event& e, const EventFilter& f) {
    // In the window when any day it may fall on is.
    const PossibleDays days = possibleDays(e.date, e.datePrecision, e.endDate);
    if (f.from && days.last < *f.from) return false;
    if (f.to && days.first > *f.to) return false;
    if (f.from && f.to && *f.from > *f.to) return false;
    if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), e.type) == f.types.end()) return false;
    if (!f.sides.empty() && std::find(f.sides.begin(), f.sides.end(), data.sideOfEvent(e)) == f.sides.end())
        return false;
    if (e.place.precision > f.coarsestPrecision) return false;
    if (f.dayPreciseOnly && e.datePrecision != DatePrecision::Day) return false;
    if (e.killed.lowerBound() < f.minKilled) return false;
    if (f.box && !f.box->contains(e.place.point)) return false;
    if (f.region && !f.region->contains(e.place.point)) return false;
    if (!f.actors.empty()) {
        bool any = false;
        for (const auto* ids : {&e.perpetrators, &e.targets}) {
            if (f.actorRole == ActorRole::Perpetrator && ids == &e.targets) continue;
            if (f.actorRole == ActorRole::Target && ids == &e.perpetrators) continue;
            for (const auto& id : *ids)
                for (const auto& wanted : f.actors)
                    any = any || (f.includeSubgroups ? isWithin(data, id, wanted) : id == wanted);
        }
        if (!any) return false;
    }
    if (!f.text.empty()) {
        std::string all = e.description + "\n" + e.place.name + "\n" + e.place.admin1 + "\n" + e.place.admin2;
        for (const auto* ids : {&e.perpetrators, &e.targets})
            for (const auto& id : *ids) {
                const Actor* a = data.findActor(id);
                all += "\n" + (a ? a->name : id);
                if (a)
                    for (const auto& alias : a->aliases) all += "\n" + alias;
            }
        for (const auto& s : e.sources) all += "\n" + s.publisher + "\n" + s.title;
        if (lower(all).find(lower(f.text)) == std::string::npos) return false;
    }
    return true;
}

std::vector<std::uint32_t> reference(const Dataset& data, const EventFilter& f) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < data.events.size(); ++i)
        if (referenceMatches(data, data.events[i], f)) out.push_back(i);
    return out;
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v) {
    std::sort(v.begin(), v.end());
    return v;
}

EventFilter randomFilter(std::mt19937& random, const Dataset& data) {
    EventFilter f;
    std::uniform_int_distribution<int> coin(0, 1), day(0, 8 * 366), percent(0, 99);
    const Date origin = *Date::parse("2013-01-01");
    if (coin(random)) f.from = origin.addDays(day(random));
    if (coin(random)) f.to = (f.from ? *f.from : origin).addDays(day(random) / (coin(random) ? 1 : 40));
    if (percent(random) < 40)
        for (int t = 0; t < kEventTypeCount; ++t)
            if (coin(random)) f.types.push_back(static_cast<EventType>(t));
    if (percent(random) < 20) f.sides = {static_cast<Side>(1 + percent(random) % (kSideCount - 1))};
    if (percent(random) < 40) {
        const int n = 1 + coin(random);
        for (int i = 0; i < n; ++i) f.actors.push_back(data.actors[static_cast<std::size_t>(percent(random)) % data.actors.size()].id);
        f.includeSubgroups = coin(random) != 0;
        f.actorRole = static_cast<ActorRole>(percent(random) % 3);
    }
    if (percent(random) < 40) {
        std::uniform_real_distribution<double> lat(32.5, 37.2), lon(35.8, 42.0);
        double a = lat(random), b = lat(random), c = lon(random), d = lon(random);
        f.box = GeoBox{std::min(c, d), std::min(a, b), std::max(c, d), std::max(a, b)};
    }
    if (percent(random) < 15) {
        std::uniform_real_distribution<double> lat(32.5, 37.2), lon(35.8, 42.0);
        f.region = GeoPolygon{{{{lat(random), lon(random)}, {lat(random), lon(random)}, {lat(random), lon(random)}}}};
    }
    if (percent(random) < 25) f.minKilled = percent(random) % 6;
    if (percent(random) < 20) f.coarsestPrecision = PlacePrecision::NearTown;
    if (percent(random) < 15) f.coarsestPrecision = PlacePrecision::Exact;
    if (percent(random) < 20) f.dayPreciseOnly = true;
    if (percent(random) < 25) {
        static const std::vector<std::string> words{"SHELLED", "Place 1", "faction 3", "market", "Synthetic Monitor",
                                                    "ambushed synthetic faction 12", "no such words"};
        f.text = words[static_cast<std::size_t>(percent(random)) % words.size()];
    }
    return f;
}

} // namespace

// Hundreds of random filters on `data`: the index selects what a plain scan does, in date order.
static void expectAgreesWithAPlainScan(const Dataset& data, unsigned seed) {
    const EventIndex index(data);
    std::mt19937 random(seed);
    std::size_t nonEmpty = 0;
    for (int round = 0; round < 300; ++round) {
        const EventFilter filter = randomFilter(random, data);
        const auto expected = reference(data, filter);
        const auto got = index.select(filter);
        ASSERT_EQ(sorted(got), expected) << "round " << round;
        ASSERT_EQ(index.count(filter), expected.size());
        ASSERT_TRUE(std::is_sorted(got.begin(), got.end(), [&](std::uint32_t a, std::uint32_t b) { return data.events.date(a) < data.events.date(b); }))
            << "round " << round;
        nonEmpty += expected.empty() ? 0 : 1;
    }
    EXPECT_GT(nonEmpty, 100u) << "the random filters should not all be empty";
}

TEST(EventIndex, AgreesWithAPlainScanOnHundredsOfRandomFilters) { expectAgreesWithAPlainScan(synthetic(), 2020); }

// Rows dated before a window that may reach into it come first, still in date order.
TEST(EventIndex, AgreesWithAPlainScanWhenDatesAreKnownOnlyToAWeekOrAMonth) { expectAgreesWithAPlainScan(withApproximateDates(), 2026); }

TEST(EventIndex, AWeekDatedEventIsInEveryWindowItMayFallInAndSpreadOverItsDays) {
    Dataset data;
    Event week;
    week.id = "w";
    week.type = EventType::Shelling;
    week.date = *Date::parse("2020-10-14"); // somewhere in 11–17 October
    week.datePrecision = DatePrecision::Week;
    Event day = week;
    day.id = "d";
    day.datePrecision = DatePrecision::Day;
    data.events.push_back(week);
    data.events.push_back(day);
    const EventIndex index(data);
    const auto window = [&](const char* first, const char* last) {
        return index.select(EventFilter::forWindow(*Date::parse(first), *Date::parse(last)));
    };
    EXPECT_EQ(window("2020-10-16", "2020-10-20"), (std::vector<std::uint32_t>{0}));    // its last days
    EXPECT_EQ(window("2020-10-01", "2020-10-11"), (std::vector<std::uint32_t>{0}));    // its first day
    EXPECT_TRUE(window("2020-10-18", "2020-10-31").empty());                           // after its week
    EXPECT_EQ(window("2020-10-14", "2020-10-14"), (std::vector<std::uint32_t>{0, 1})); // its day, both
    EventFilter exact = EventFilter::forWindow(*Date::parse("2020-10-16"), *Date::parse("2020-10-20"));
    exact.dayPreciseOnly = true;
    EXPECT_TRUE(index.select(exact).empty());

    // The histogram: the day-dated event counted on its day, the week's spread a seventh a day.
    const Histogram h = index.histogram(EventFilter::forWindow(*Date::parse("2020-10-01"), *Date::parse("2020-10-31")),
                                        HistogramBucket::Day, HistogramSplit::ByType);
    const int shelling = static_cast<int>(EventType::Shelling);
    EXPECT_EQ(h.total(13), 1u);
    EXPECT_EQ(h.total(12), 0u);
    float spread = 0;
    for (int bin = 0; bin < h.binCount(); ++bin) {
        const float share = h.spreadAt(bin, shelling);
        EXPECT_NEAR(share, bin >= 10 && bin <= 16 ? 1.0f / 7 : 0.0f, 1e-6) << "day " << bin + 1;
        spread += h.spreadTotal(bin);
    }
    EXPECT_NEAR(spread, 1.0f, 1e-5);
    // By month the week lies in one bin, whole.
    const Histogram months = index.histogram(EventFilter::forWindow(*Date::parse("2020-09-01"), *Date::parse("2020-11-30")),
                                             HistogramBucket::Month);
    EXPECT_NEAR(months.spreadTotal(1), 1.0f, 1e-5);
    EXPECT_EQ(months.total(1), 1u);
}

TEST(PossibleDays, AreTheDayTheWeekOrTheMonthRoundTheDateOrTheSpanGiven) {
    const Date d = *Date::parse("2020-10-14");
    EXPECT_EQ(possibleDays(d, DatePrecision::Day, d.addDays(5)).length(), 1); // a span is a duration
    EXPECT_EQ(possibleDays(d, DatePrecision::Week, std::nullopt).first, d.addDays(-3));
    EXPECT_EQ(possibleDays(d, DatePrecision::Week, std::nullopt).length(), 7);
    EXPECT_EQ(possibleDays(d, DatePrecision::Month, std::nullopt).length(), 31);
    const PossibleDays given = possibleDays(d, DatePrecision::Month, d.addDays(29));
    EXPECT_EQ(given.first, d);
    EXPECT_EQ(given.last, d.addDays(29));
}

TEST(EventIndex, ReturnsEventsInDateOrder) {
    const EventIndex index(synthetic());
    const auto events = index.select(EventFilter::forWindow(*Date::parse("2016-01-01"), *Date::parse("2016-12-31")));
    ASSERT_FALSE(events.empty());
    for (std::size_t i = 1; i < events.size(); ++i)
        EXPECT_LE(synthetic().events[events[i - 1]].date, synthetic().events[events[i]].date);
}

TEST(EventIndex, UmbrellaActorIncludesItsSubgroupsUnlessExact) {
    const EventIndex index(sample());
    EventFilter filter;
    filter.actors = {"nlf"};
    auto has = [&](const std::vector<std::uint32_t>& positions, const std::string& id) {
        return std::any_of(positions.begin(), positions.end(), [&](std::uint32_t p) { return sample().events[p].id == id; });
    };
    EXPECT_TRUE(has(index.select(filter), "kafr-takharim-strike-2020-10-26")) << "Faylaq al-Sham is part of the NLF";
    filter.includeSubgroups = false;
    EXPECT_FALSE(has(index.select(filter), "kafr-takharim-strike-2020-10-26"));
    EXPECT_TRUE(has(index.select(filter), "nlf-vows-revenge-2020-10-26"));
}

TEST(EventIndex, TextSearchIgnoresCaseAndCoversPlacesActorsAndSources) {
    const EventIndex index(sample());
    EventFilter filter;
    filter.text = "JABAL DUWAYLI";
    EXPECT_EQ(sorted(index.select(filter)), reference(sample(), filter));
    EXPECT_FALSE(index.select(filter).empty());
    filter.text = "failaq al-sham"; // an alias of Faylaq al-Sham
    EXPECT_FALSE(index.select(filter).empty());
    filter.text = "al-masdar"; // a publisher
    EXPECT_EQ(sorted(index.select(filter)), reference(sample(), filter));
    EXPECT_GT(index.select(filter).size(), 10u);
}

TEST(EventIndex, PolygonHolesAreLeftOut) {
    // A square around Idlib with a hole around Idlib city itself.
    GeoPolygon region{{{{35.5, 36.2}, {35.5, 37.0}, {36.3, 37.0}, {36.3, 36.2}},
                       {{35.85, 36.55}, {35.85, 36.7}, {36.0, 36.7}, {36.0, 36.55}}}};
    EXPECT_TRUE(region.contains({35.6, 36.3}));
    EXPECT_FALSE(region.contains({35.933, 36.633})) << "Idlib city lies in the hole";
    EXPECT_FALSE(region.contains({35.0, 36.5}));
    const EventIndex index(sample());
    EventFilter filter;
    filter.region = region;
    EXPECT_EQ(sorted(index.select(filter)), reference(sample(), filter));
}

TEST(EventIndex, HistogramsCountWhatTheFilterSelects) {
    const EventIndex index(synthetic());
    EventFilter filter = EventFilter::forWindow(*Date::parse("2015-02-10"), *Date::parse("2015-05-20"));
    filter.types = {EventType::Shelling, EventType::AirStrike};
    const auto selected = index.select(filter);

    const Histogram days = index.histogram(filter, HistogramBucket::Day, HistogramSplit::BySide);
    ASSERT_EQ(days.binCount(), daysBetween(*filter.from, *filter.to) + 1);
    std::vector<std::uint32_t> perDay(static_cast<std::size_t>(days.binCount()), 0);
    std::array<std::uint32_t, kSideCount> perSide{};
    for (std::uint32_t p : selected) {
        ++perDay[static_cast<std::size_t>(daysBetween(*filter.from, synthetic().events[p].date))];
        ++perSide[static_cast<std::size_t>(synthetic().sideOfEvent(synthetic().events[p]))];
    }
    std::array<std::uint32_t, kSideCount> histogramSides{};
    for (int bin = 0; bin < days.binCount(); ++bin) {
        EXPECT_EQ(days.total(bin), perDay[static_cast<std::size_t>(bin)]) << "day " << bin;
        for (int side = 0; side < kSideCount; ++side) histogramSides[static_cast<std::size_t>(side)] += days.at(bin, side);
    }
    EXPECT_EQ(histogramSides, perSide);

    const Histogram months = index.histogram(filter, HistogramBucket::Month, HistogramSplit::ByType);
    ASSERT_EQ(months.binCount(), 4); // February to May
    std::uint32_t total = 0;
    for (int bin = 0; bin < months.binCount(); ++bin) total += months.total(bin);
    EXPECT_EQ(total, selected.size());
    for (int bin = 0; bin < months.binCount(); ++bin)
        EXPECT_EQ(months.at(bin, static_cast<int>(EventType::Missile)), 0u) << "missiles were filtered out";

    const Histogram weeks = index.histogram(filter, HistogramBucket::Week);
    EXPECT_EQ(weeks.binCount(), (daysBetween(*filter.from, *filter.to)) / 7 + 1);
    total = 0;
    for (int bin = 0; bin < weeks.binCount(); ++bin) total += weeks.total(bin);
    EXPECT_EQ(total, selected.size());
}

TEST(EventIndex, BreakdownMatchesTheSelectedEvents) {
    const EventIndex index(synthetic());
    EventFilter filter = EventFilter::forWindow(*Date::parse("2019-01-01"), *Date::parse("2019-03-31"));
    filter.minKilled = 1;
    const auto selected = index.select(filter);
    const Breakdown b = index.breakdown(filter);
    EXPECT_EQ(b.events, selected.size());
    std::int64_t killed = 0;
    std::map<std::string, std::uint32_t> perActor;
    std::array<std::uint32_t, kEventTypeCount> perType{};
    for (std::uint32_t p : selected) {
        const Event& e = synthetic().events[p];
        killed += e.killed.lowerBound();
        ++perType[static_cast<std::size_t>(e.type)];
        std::set<std::string> actors(e.perpetrators.begin(), e.perpetrators.end());
        actors.insert(e.targets.begin(), e.targets.end());
        for (const auto& a : actors) ++perActor[a];
    }
    EXPECT_EQ(b.killedAtLeast, killed);
    EXPECT_EQ(b.byType, perType);
    ASSERT_EQ(b.byActor.size(), perActor.size());
    for (const auto& [actor, n] : b.byActor) EXPECT_EQ(n, perActor[actor]) << actor;
    EXPECT_TRUE(std::is_sorted(b.byActor.begin(), b.byActor.end(),
                               [](const auto& l, const auto& r) { return l.second > r.second; }));
}

TEST(EventFilter, RolesAndExactOnlyReadAndWriteAsTheCommandsAndProjectsSpellThem) {
    for (const ActorRole role : {ActorRole::Either, ActorRole::Perpetrator, ActorRole::Target})
        EXPECT_EQ(actorRoleFromKey(toKey(role)), role);
    EXPECT_EQ(toKey(ActorRole::Target), "target");
    EXPECT_FALSE(actorRoleFromKey("victim").has_value());
    EventFilter f;
    EXPECT_FALSE(f.exactOnly());
    f.setExactOnly(true);
    EXPECT_TRUE(f.exactOnly());
    EXPECT_EQ(f.coarsestPrecision, PlacePrecision::Exact);
    EXPECT_TRUE(f.dayPreciseOnly);
    f.setExactOnly(false);
    EXPECT_EQ(f, EventFilter{});
}

TEST(EventIndex, ActorCountsIncludeSubgroupsAndFollowTheRole) {
    const Dataset& data = synthetic();
    const EventIndex index(data);
    for (const ActorRole role : {ActorRole::Either, ActorRole::Perpetrator, ActorRole::Target}) {
        EventFilter filter = EventFilter::forWindow(*Date::parse("2019-01-01"), *Date::parse("2019-06-30"));
        filter.actorRole = role;
        filter.actors = {data.actors.front().id}; // left out by actorCounts: counts are for every box
        const ActorCounts counts = index.actorCounts(filter);
        filter.actors.clear();
        const auto selected = index.select(filter);
        std::map<std::string, std::uint32_t> expected, own;
        std::array<std::uint32_t, kSideCount> bySide{};
        for (const std::uint32_t p : selected) {
            const Event e = data.events[p];
            std::vector<std::string> ids;
            if (role != ActorRole::Target) ids.insert(ids.end(), e.perpetrators.begin(), e.perpetrators.end());
            if (role != ActorRole::Perpetrator) ids.insert(ids.end(), e.targets.begin(), e.targets.end());
            std::set<std::string> within; // each actor and every umbrella above it, once per event
            std::set<Side> sides;
            for (const std::string& id : ids) {
                sides.insert(data.sideOfActor(id));
                for (const Actor& a : data.actors)
                    if (isWithin(data, id, a.id)) within.insert(a.id);
                within.insert(id);
            }
            for (const std::string& id : within) ++expected[id];
            for (const std::string& id : std::set<std::string>(ids.begin(), ids.end())) ++own[id];
            for (const Side side : sides) ++bySide[static_cast<std::size_t>(side)];
        }
        ASSERT_EQ(counts.actorIds.size(), counts.withSubgroups.size());
        for (std::size_t a = 0; a < counts.actorIds.size(); ++a)
        {
            EXPECT_EQ(counts.withSubgroups[a], expected[counts.actorIds[a]]) << counts.actorIds[a] << " role " << int(role);
            EXPECT_EQ(counts.own[a], own[counts.actorIds[a]]) << counts.actorIds[a] << " role " << int(role);
        }
        EXPECT_EQ(counts.bySide, bySide) << "role " << int(role);
        // An umbrella counts at least what each of its sub-groups does.
        for (const Actor& a : data.actors) {
            if (a.parent.empty()) continue;
            const auto child = std::find(counts.actorIds.begin(), counts.actorIds.end(), a.id) - counts.actorIds.begin();
            const auto parent = std::find(counts.actorIds.begin(), counts.actorIds.end(), a.parent) - counts.actorIds.begin();
            EXPECT_GE(counts.withSubgroups[static_cast<std::size_t>(parent)], counts.withSubgroups[static_cast<std::size_t>(child)]);
        }
    }
}

TEST(EventIndex, FitsInSixtyFourBytesPerEventWithoutText) {
    const EventIndex index(synthetic());
    EXPECT_LE(index.memoryBytes(), 64u * index.size());
}

TEST(EventIndex, EmptyDatasetAndImpossibleFiltersGiveNothing) {
    const Dataset empty;
    const EventIndex none(empty);
    EXPECT_TRUE(none.select({}).empty());
    EXPECT_EQ(none.histogram({}, HistogramBucket::Day).binCount(), 0);
    const EventIndex index(sample());
    EventFilter backwards = EventFilter::forWindow(*Date::parse("2020-10-30"), *Date::parse("2020-10-01"));
    EXPECT_TRUE(index.select(backwards).empty());
    EventFilter unknownActor;
    unknownActor.actors = {"no-such-actor"};
    EXPECT_TRUE(index.select(unknownActor).empty());
}

TEST(LatestQueryRunner, DeliversTheNewestAnswerAndNeverAnOlderOneAfterIt) {
    auto index = std::make_shared<const EventIndex>(synthetic());
    std::mutex mutex;
    std::vector<std::uint64_t> delivered;
    LatestQueryRunner::Result last;
    LatestQueryRunner runner(index, [&](LatestQueryRunner::Result result) {
        std::lock_guard lock(mutex);
        delivered.push_back(result.request);
        last = std::move(result);
    });
    EventFilter filter;
    std::uint64_t newest = 0;
    const Date start = *Date::parse("2014-01-01");
    for (int i = 0; i < 200; ++i) {
        filter = EventFilter::forWindow(start.addDays(i), start.addDays(i + 30));
        newest = runner.submit(filter);
    }
    runner.waitIdle();
    std::lock_guard lock(mutex);
    ASSERT_FALSE(delivered.empty());
    EXPECT_EQ(delivered.back(), newest);
    EXPECT_TRUE(std::is_sorted(delivered.begin(), delivered.end()));
    EXPECT_EQ(last.filter, filter);
    EXPECT_EQ(last.events, index->select(filter));
    EXPECT_EQ(last.breakdown.events, last.events.size());
}

TEST(EventIndex, HexbinsCountTheFiltersEventsPerHexagon) {
    const Dataset d = bench::makeSyntheticDataset(20'000);
    const EventIndex index(d);
    EventFilter filter = EventFilter::forWindow(*Date::parse("2017-01-01"), *Date::parse("2017-12-31"));
    filter.types = {EventType::AirStrike, EventType::Shelling};
    const double size = 0.0008;
    const HexBins bins = index.hexbin(filter, size);
    std::map<std::uint64_t, std::pair<std::uint32_t, std::int64_t>> expected;
    for (std::uint32_t position : index.select(filter)) {
        auto& [events, killed] = expected[hexKey(hexOf(toMercator(d.events.point(position)), size))];
        ++events;
        killed += d.events.killedLowerBound(position);
    }
    ASSERT_EQ(bins.cells.size(), expected.size());
    for (const HexCell& cell : bins.cells) {
        const auto found = expected.find(hexKey(cell.hex));
        ASSERT_NE(found, expected.end());
        EXPECT_EQ(cell.events, found->second.first);
        EXPECT_EQ(cell.killedAtLeast, found->second.second);
    }
}

TEST(EventIndex, HexPeaksAreTheMostOneHexagonHoldsInAnyWindow) {
    const Dataset d = bench::makeSyntheticDataset(6'000);
    const EventIndex index(d);
    EventFilter filter;
    filter.sides = {Side::Opposition};
    const double size = 0.002;
    const AreaPeaks peaks = index.hexPeaks(filter, size, 20);
    std::uint64_t most = 0;
    for (Date from = index.firstDate(); from <= index.lastDate(); from = from.addDays(1)) {
        filter.from = from;
        filter.to = from.addDays(19);
        for (const HexCell& cell : index.hexbin(filter, size).cells) most = std::max<std::uint64_t>(most, cell.events);
    }
    EXPECT_GT(most, 1u);
    EXPECT_EQ(peaks.events, most);
}
