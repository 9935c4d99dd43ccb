#pragma once

#include "atlas/model/event.h"

#include <optional>
#include <string>
#include <vector>

namespace atlas {

/// Days something holds: from `from` to `to` inclusive; no `to` means still in force.
struct Validity {
    Date from;
    std::optional<Date> to;
    [[nodiscard]] bool contains(Date day) const { return day >= from && (!to || day <= *to); }
    friend bool operator==(const Validity&, const Validity&) = default;
};

/// A dated change of a site's status, with the reports that document it.
struct SiteStatusChange {
    Date date;
    DatePrecision datePrecision = DatePrecision::Day;
    SiteStatus status = SiteStatus::Unknown;
    std::string note;
    std::vector<SourceReference> sources;
    ExtraFields extra;
    friend bool operator==(const SiteStatusChange&, const SiteStatusChange&) = default;
};

/// A fixed place whose status changes: an observation post, base, crossing or checkpoint.
struct Site {
    std::string id;
    std::string name;
    SiteKind kind = SiteKind::Other;
    std::string operatorId; ///< actor id
    Place place;
    std::vector<SiteStatusChange> history; ///< in date order
    std::string description;
    ExtraFields extra;

    /// The status in force on `day`: the last change on or before it; Unknown before the first.
    [[nodiscard]] SiteStatus statusOn(Date day) const;
    friend bool operator==(const Site&, const Site&) = default;
};

/// A ceasefire line, security corridor, front line or patrol route, valid for a span.
struct Line {
    std::string id;
    std::string name;
    LineKind kind = LineKind::Other;
    std::vector<GeoPoint> path;
    double halfWidthKm = 0.0; ///< corridors: how far the zone reaches either side of the path
    Validity validity;
    std::vector<std::string> parties; ///< actor ids
    bool approximate = false;         ///< geometry traced from descriptions, not surveyed
    std::string description;
    std::vector<SourceReference> sources;
    ExtraFields extra;
    friend bool operator==(const Line&, const Line&) = default;
};

/// An area controlled by one actor for a span: polygon rings (first outer, then holes).
struct Area {
    std::string id;
    std::string name;
    std::string controller; ///< actor id
    std::vector<std::vector<GeoPoint>> rings;
    Validity validity;
    bool approximate = false;
    std::string description;
    std::vector<SourceReference> sources;
    ExtraFields extra;
    friend bool operator==(const Area&, const Area&) = default;
};

} // namespace atlas
