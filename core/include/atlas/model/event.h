#pragma once

#include "atlas/model/date.h"
#include "atlas/model/vocabulary.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atlas {

/// Fields of an object that this program does not know, kept as (key, raw JSON text) so that
/// saving a file never drops them.
using ExtraFields = std::vector<std::pair<std::string, std::string>>;
/// The raw (JSON) value of `key` among `extra`, or nullptr.
[[nodiscard]] inline const std::string* findExtra(const ExtraFields& extra, std::string_view key) {
    for (const auto& [k, v] : extra)
        if (k == key) return &v;
    return nullptr;
}

/// WGS84 coordinate in decimal degrees.
struct GeoPoint {
    double latitude = 0.0;
    double longitude = 0.0;
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

/// Where an event happened and how exactly that is known.
struct Place {
    GeoPoint point;
    PlacePrecision precision = PlacePrecision::Exact;
    std::string name;   ///< e.g. "Jabal Duwayli, near Kafr Takharim"
    std::string admin1; ///< governorate
    std::string admin2; ///< district
    ExtraFields extra;
    friend bool operator==(const Place&, const Place&) = default;
};

/// A casualty figure as reported: a range [low, high] with how it was worded.
/// "more than 78" is {MoreThan, 78, nullopt}; unknown is {Unknown, nullopt, nullopt}.
struct CasualtyCount {
    CountQualifier qualifier = CountQualifier::Unknown;
    std::optional<int> low;
    std::optional<int> high;
    ExtraFields extra;

    [[nodiscard]] bool known() const { return qualifier != CountQualifier::Unknown && low.has_value(); }
    /// The smallest figure the report supports (0 when unknown), for sizing and thresholds.
    [[nodiscard]] int lowerBound() const { return low.value_or(0); }
    /// "more than 78", "15", "20–30", "unknown".
    [[nodiscard]] std::string toText() const;
    friend bool operator==(const CasualtyCount&, const CasualtyCount&) = default;
};

/// A published report an event is taken from.
struct SourceReference {
    std::string publisher;
    std::string title;
    std::string date; ///< publication date as printed, usually YYYY-MM-DD
    std::string url;
    ExtraFields extra;
    friend bool operator==(const SourceReference&, const SourceReference&) = default;
};

/// How one event relates to another ("retaliation for" the strike of the day before).
struct EventLink {
    LinkRelation relation = LinkRelation::Related;
    std::string eventId;
    ExtraFields extra;
    friend bool operator==(const EventLink&, const EventLink&) = default;
};

/// One incident: who did what to whom, where and when, with its sources.
struct Event {
    std::string id;
    EventType type = EventType::Other;
    Date date;
    std::optional<Date> endDate; ///< set for spans (e.g. a withdrawal over several days)
    DatePrecision datePrecision = DatePrecision::Day;
    Place place;
    std::vector<std::string> perpetrators; ///< actor ids
    std::vector<std::string> targets;      ///< actor ids
    CasualtyCount killed;
    CasualtyCount wounded;
    bool civilianTargeting = false;
    std::string description;
    std::vector<SourceReference> sources;
    std::vector<std::string> tags;
    std::vector<EventLink> links;
    ExtraFields extra;
    friend bool operator==(const Event&, const Event&) = default;
};

/// How many days either side of its date an event known only to `precision` may be: 0 for a
/// day, 3 for a week, 15 for a month (the date taken as the middle of its period).
[[nodiscard]] int halfPeriodDays(DatePrecision precision);

/// The days an event may have happened on, first and last inclusive.
struct PossibleDays {
    Date first, last;
    [[nodiscard]] int length() const { return daysBetween(first, last) + 1; }
};
/// The days an event dated `date` to `precision` may fall on: the day itself when known to the
/// day (a span's later days are its duration, not doubt about its date); for a week or a month,
/// the span the source gives when there is one (UCDP's date_start–date_end), else the week or
/// month round the date (±3 days, ±15 days): ACLED's export gives one date inside the period,
/// not its bounds, so the date is taken as the middle (an assumption, docs/decisions.md).
[[nodiscard]] PossibleDays possibleDays(Date date, DatePrecision precision, std::optional<Date> end);

} // namespace atlas
