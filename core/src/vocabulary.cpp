#include "atlas/vocabulary.h"

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

} // namespace atlas
