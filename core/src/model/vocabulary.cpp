#include "atlas/model/vocabulary.h"

#include <array>
#include <utility>

namespace atlas {

namespace {

template <typename Enum, std::size_t N>
using Table = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Table<EventType, kEventTypeCount> kEventTypeKeys{{
    {EventType::Other, "other"},
    {EventType::AirStrike, "air_strike"},
    {EventType::DroneStrike, "drone_strike"},
    {EventType::Shelling, "shelling"},
    {EventType::Missile, "missile"},
    {EventType::ArmedClash, "armed_clash"},
    {EventType::AttackOnCivilians, "attack_on_civilians"},
    {EventType::Killing, "killing"},
    {EventType::Explosion, "explosion"},
    {EventType::SuicideBombing, "suicide_bombing"},
    {EventType::TerritoryChange, "territory_change"},
    {EventType::Withdrawal, "withdrawal"},
    {EventType::Agreement, "agreement"},
    {EventType::Statement, "statement"},
}};

constexpr Table<EventType, kEventTypeCount> kEventTypeLabels{{
    {EventType::Other, "Other"},
    {EventType::AirStrike, "Air strike"},
    {EventType::DroneStrike, "Drone strike"},
    {EventType::Shelling, "Shelling / artillery"},
    {EventType::Missile, "Missile"},
    {EventType::ArmedClash, "Armed clash"},
    {EventType::AttackOnCivilians, "Attack on civilians"},
    {EventType::Killing, "Killing / execution"},
    {EventType::Explosion, "IED / explosion"},
    {EventType::SuicideBombing, "Suicide bombing"},
    {EventType::TerritoryChange, "Territory change"},
    {EventType::Withdrawal, "Withdrawal / evacuation"},
    {EventType::Agreement, "Agreement / ceasefire"},
    {EventType::Statement, "Statement"},
}};

constexpr Table<Side, kSideCount> kSideKeys{{
    {Side::Unknown, "unknown"},
    {Side::ProGovernment, "pro_government"},
    {Side::Opposition, "opposition"},
    {Side::Jihadist, "jihadist"},
    {Side::TurkishForces, "turkish_forces"},
    {Side::RussianForces, "russian_forces"},
    {Side::KurdishLed, "kurdish_led"},
    {Side::Other, "other"},
}};

constexpr Table<Side, kSideCount> kSideLabels{{
    {Side::Unknown, "Unknown"},
    {Side::ProGovernment, "Pro-government"},
    {Side::Opposition, "Opposition"},
    {Side::Jihadist, "Jihadist"},
    {Side::TurkishForces, "Turkish forces"},
    {Side::RussianForces, "Russian forces"},
    {Side::KurdishLed, "Kurdish-led"},
    {Side::Other, "Other"},
}};

constexpr Table<DatePrecision, 3> kDatePrecisionKeys{{
    {DatePrecision::Day, "day"}, {DatePrecision::Week, "week"}, {DatePrecision::Month, "month"}}};

constexpr Table<PlacePrecision, 4> kPlacePrecisionKeys{{
    {PlacePrecision::Exact, "exact"},
    {PlacePrecision::NearTown, "near_town"},
    {PlacePrecision::District, "district"},
    {PlacePrecision::Governorate, "governorate"},
}};

constexpr Table<CountQualifier, 6> kQualifierKeys{{
    {CountQualifier::Unknown, "unknown"},
    {CountQualifier::Exact, "exact"},
    {CountQualifier::AtLeast, "at_least"},
    {CountQualifier::MoreThan, "more_than"},
    {CountQualifier::About, "about"},
    {CountQualifier::Range, "range"},
}};

constexpr Table<LinkRelation, 4> kLinkRelationKeys{{
    {LinkRelation::Related, "related"},
    {LinkRelation::RetaliationFor, "retaliation_for"},
    {LinkRelation::PartOf, "part_of"},
    {LinkRelation::FollowUpTo, "follow_up_to"},
}};

constexpr Table<SiteKind, 6> kSiteKindKeys{{
    {SiteKind::Other, "other"},
    {SiteKind::ObservationPost, "observation_post"},
    {SiteKind::MilitaryPost, "military_post"},
    {SiteKind::Base, "base"},
    {SiteKind::Crossing, "crossing"},
    {SiteKind::Checkpoint, "checkpoint"},
}};

constexpr Table<SiteStatus, 8> kSiteStatusKeys{{
    {SiteStatus::Unknown, "unknown"},
    {SiteStatus::Established, "established"},
    {SiteStatus::Active, "active"},
    {SiteStatus::Encircled, "encircled"},
    {SiteStatus::Evacuating, "evacuating"},
    {SiteStatus::Evacuated, "evacuated"},
    {SiteStatus::HandedOver, "handed_over"},
    {SiteStatus::Destroyed, "destroyed"},
}};

constexpr Table<SiteStatus, 8> kSiteStatusLabels{{
    {SiteStatus::Unknown, "Unknown"},
    {SiteStatus::Established, "Established"},
    {SiteStatus::Active, "Active"},
    {SiteStatus::Encircled, "Encircled"},
    {SiteStatus::Evacuating, "Being evacuated"},
    {SiteStatus::Evacuated, "Evacuated"},
    {SiteStatus::HandedOver, "Handed over"},
    {SiteStatus::Destroyed, "Destroyed"},
}};

constexpr Table<LineKind, 5> kLineKindKeys{{
    {LineKind::Other, "other"},
    {LineKind::CeasefireLine, "ceasefire_line"},
    {LineKind::SecurityCorridor, "security_corridor"},
    {LineKind::FrontLine, "front_line"},
    {LineKind::PatrolRoute, "patrol_route"},
}};

constexpr Table<LineKind, 5> kLineKindLabels{{
    {LineKind::Other, "Line"},
    {LineKind::CeasefireLine, "Ceasefire line"},
    {LineKind::SecurityCorridor, "Security corridor"},
    {LineKind::FrontLine, "Front line"},
    {LineKind::PatrolRoute, "Patrol route"},
}};

template <typename Enum, std::size_t N>
std::string_view lookup(const Table<Enum, N>& table, Enum value) {
    for (const auto& [candidate, text] : table)
        if (candidate == value) return text;
    return table.front().second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> reverseLookup(const Table<Enum, N>& table, std::string_view key) {
    for (const auto& [value, text] : table)
        if (text == key) return value;
    return std::nullopt;
}

} // namespace

std::string_view toKey(EventType value) { return lookup(kEventTypeKeys, value); }
std::string_view toKey(Side value) { return lookup(kSideKeys, value); }
std::string_view toKey(DatePrecision value) { return lookup(kDatePrecisionKeys, value); }
std::string_view toKey(PlacePrecision value) { return lookup(kPlacePrecisionKeys, value); }
std::string_view toKey(CountQualifier value) { return lookup(kQualifierKeys, value); }
std::string_view toKey(LinkRelation value) { return lookup(kLinkRelationKeys, value); }
std::string_view toKey(SiteKind value) { return lookup(kSiteKindKeys, value); }
std::string_view toKey(SiteStatus value) { return lookup(kSiteStatusKeys, value); }
std::string_view toKey(LineKind value) { return lookup(kLineKindKeys, value); }
std::string_view toLabel(SiteStatus value) { return lookup(kSiteStatusLabels, value); }
std::string_view toLabel(LineKind value) { return lookup(kLineKindLabels, value); }
std::string_view toLabel(EventType value) { return lookup(kEventTypeLabels, value); }
std::string_view toLabel(Side value) { return lookup(kSideLabels, value); }

std::optional<EventType> eventTypeFromKey(std::string_view key) { return reverseLookup(kEventTypeKeys, key); }
std::optional<Side> sideFromKey(std::string_view key) { return reverseLookup(kSideKeys, key); }
std::optional<DatePrecision> datePrecisionFromKey(std::string_view key) {
    return reverseLookup(kDatePrecisionKeys, key);
}
std::optional<PlacePrecision> placePrecisionFromKey(std::string_view key) {
    return reverseLookup(kPlacePrecisionKeys, key);
}
std::optional<CountQualifier> countQualifierFromKey(std::string_view key) {
    return reverseLookup(kQualifierKeys, key);
}
std::optional<LinkRelation> linkRelationFromKey(std::string_view key) { return reverseLookup(kLinkRelationKeys, key); }
std::optional<SiteKind> siteKindFromKey(std::string_view key) { return reverseLookup(kSiteKindKeys, key); }
std::optional<SiteStatus> siteStatusFromKey(std::string_view key) { return reverseLookup(kSiteStatusKeys, key); }
std::optional<LineKind> lineKindFromKey(std::string_view key) { return reverseLookup(kLineKindKeys, key); }

} // namespace atlas
