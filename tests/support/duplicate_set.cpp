#include "duplicate_set.h"

#include "synthetic.h"

#include <cmath>
#include <random>

namespace atlas::bench {

namespace {

bool violent(EventType type) {
    return type != EventType::Agreement && type != EventType::Statement && type != EventType::TerritoryChange &&
           type != EventType::Withdrawal && type != EventType::Other;
}

// A year of synthetic events.
Dataset yearOf(std::size_t eventsPerYear, std::uint64_t seed) {
    Dataset all = makeSyntheticDataset(eventsPerYear * 8, seed); // eight years, 2013–2020
    std::vector<std::uint32_t> rows;
    const Date first = *Date::parse("2019-01-01"), last = *Date::parse("2019-12-31");
    for (std::uint32_t row = 0; row < all.events.size(); ++row)
        if (all.events.date(row) >= first && all.events.date(row) <= last) rows.push_back(row);
    Dataset year = subset(all, rows);
    // Placed as ACLED places (its geo_precision): the town named for most, near a town for
    // some, only the governorate for a few.
    std::mt19937_64 random(seed + 3);
    std::uniform_real_distribution<double> unit(0, 1);
    for (std::size_t row = 0; row < year.events.size(); ++row) {
        Event e = year.events.at(row);
        const double r = unit(random);
        e.place.precision = r < 0.75 ? PlacePrecision::Exact : r < 0.95 ? PlacePrecision::NearTown : PlacePrecision::Governorate;
        year.events.set(row, e);
    }
    return year;
}

GeoPoint moved(GeoPoint from, double km, double bearingDegrees) {
    const double b = bearingDegrees * M_PI / 180.0;
    return {from.latitude + km * std::cos(b) / 111.2,
            from.longitude + km * std::sin(b) / (111.2 * std::cos(from.latitude * M_PI / 180.0))};
}

} // namespace

DuplicateSet makeDuplicateSet(std::size_t eventsPerYear, std::uint64_t seed) {
    DuplicateSet set;
    set.acled = yearOf(eventsPerYear, seed);
    set.acled.metadata.title = "ACLED-shaped";
    const Dataset others = yearOf(eventsPerYear / 2, seed + 1);
    std::mt19937_64 random(seed + 2);
    std::uniform_real_distribution<double> unit(0, 1);

    Dataset& ucdp = set.ucdp;
    ucdp.metadata.title = "UCDP-shaped";
    // The same factions under UCDP's own names.
    for (const Actor& actor : set.acled.actors) {
        Actor renamed = actor;
        renamed.id = "ucdp-" + actor.id;
        renamed.name = "UCDP " + actor.name;
        if (!renamed.parent.empty()) renamed.parent = "ucdp-" + renamed.parent;
        ucdp.actors.push_back(std::move(renamed));
    }
    ucdp.reindexActors();
    auto ucdpActors = [](const std::vector<std::string>& ids) {
        std::vector<std::string> out;
        for (const std::string& id : ids) out.push_back("ucdp-" + id);
        return out;
    };
    auto coarseType = [](EventType type) {
        return type == EventType::AttackOnCivilians || type == EventType::Killing ? EventType::AttackOnCivilians : EventType::ArmedClash;
    };
    std::size_t next = 0;
    auto add = [&](Event event) {
        event.id = "ged-" + std::to_string(900000 + next++);
        const double r = unit(random);
        if (r < 0.20) event.date = event.date.addDays(unit(random) < 0.5 ? -1 : 1);
        else if (r >= 0.20 && r < 0.30) {
            event.datePrecision = DatePrecision::Week;
            event.date = event.date.addDays(static_cast<int>(std::floor(unit(random) * 7)) - 3);
        } else if (r >= 0.30 && r < 0.35) {
            event.datePrecision = DatePrecision::Month;
            event.date = event.date.addDays(static_cast<int>(std::floor(unit(random) * 25)) - 12);
        }
        // UCDP's where_prec: the same place within a kilometre (another gazetteer's point for
        // it), a village 2–8 km away said to be within 25 km (where_prec 2) when either source
        // is that vague, or the district's centre.
        const double p = unit(random);
        if (p < 0.6 || (p < 0.9 && event.place.precision == PlacePrecision::Exact && unit(random) < 0.5)) {
            event.place.point = moved(event.place.point, unit(random) * 1.0, unit(random) * 360);
        } else if (p < 0.9) {
            event.place.point = moved(event.place.point, 2 + unit(random) * 6, unit(random) * 360);
            event.place.precision = PlacePrecision::NearTown;
        } else {
            event.place.point = moved(event.place.point, 5 + unit(random) * 15, unit(random) * 360);
            event.place.precision = PlacePrecision::District;
        }
        if (unit(random) < 0.5) event.type = coarseType(event.type);
        event.perpetrators = ucdpActors(event.perpetrators);
        event.targets = ucdpActors(event.targets);
        if (unit(random) < 1.0 / 3) std::swap(event.perpetrators, event.targets);
        if (unit(random) < 0.15) {
            event.killed = {};
        } else if (event.killed.known()) {
            const int dead = static_cast<int>(std::lround(event.killed.lowerBound() * (0.7 + unit(random) * 0.7)));
            event.killed = {CountQualifier::Exact, dead, std::nullopt, {}};
        }
        event.sources = {{"UCDP GED", "", "", "", {}}};
        ucdp.events.push_back(event);
        return event.id;
    };
    for (std::size_t row = 0; row < set.acled.events.size(); ++row) {
        if (!violent(set.acled.events.type(row)) || unit(random) >= 0.5) continue;
        const std::string id = add(set.acled.events.at(row));
        set.truePairs.emplace_back(std::string(set.acled.events.id(row)), id);
    }
    // Incidents only UCDP has: as many as it shares, violent ones only.
    const std::size_t shared = set.truePairs.size();
    for (std::size_t row = 0; row < others.events.size() && ucdp.events.size() < 2 * shared; ++row)
        if (violent(others.events.type(row))) add(others.events.at(row));
    set.acled.events.setOrigin({"acled-shaped.csv", RecordKind::CsvLine});
    ucdp.events.setOrigin({"ucdp-shaped.csv", RecordKind::CsvLine});
    return set;
}

} // namespace atlas::bench
