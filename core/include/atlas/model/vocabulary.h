#pragma once

#include <optional>
#include <string_view>

namespace atlas {

/// What happened. The native format spells each as its snake_case key (see docs/format.md);
/// the ACLED mapping is documented there too.
enum class EventType {
    Other,
    AirStrike,
    DroneStrike,
    Shelling,
    Missile,
    ArmedClash,
    AttackOnCivilians,
    Killing,
    Explosion,
    SuicideBombing,
    TerritoryChange,
    Withdrawal,
    Agreement,
    Statement,
};
inline constexpr int kEventTypeCount = 14;

/// Which camp an actor belongs to; drives symbol colour.
enum class Side {
    Unknown,
    ProGovernment,
    Opposition,
    Jihadist,
    TurkishForces,
    RussianForces,
    KurdishLed,
    Other,
};
inline constexpr int kSideCount = 8;

enum class DatePrecision { Day, Week, Month };
enum class PlacePrecision { Exact, NearTown, District, Governorate };

/// How an event relates to another one.
enum class LinkRelation { Related, RetaliationFor, PartOf, FollowUpTo };

/// Fixed sites whose status changes over time.
enum class SiteKind { Other, ObservationPost, MilitaryPost, Base, Crossing, Checkpoint };
enum class SiteStatus { Unknown, Established, Active, Encircled, Evacuating, Evacuated, HandedOver, Destroyed };

/// Lines on the map with a validity span.
enum class LineKind { Other, CeasefireLine, SecurityCorridor, FrontLine, PatrolRoute };

/// How a casualty figure was reported: "78", "at least 15", "more than 78", "about 200".
enum class CountQualifier { Unknown, Exact, AtLeast, MoreThan, About, Range };

[[nodiscard]] std::string_view toKey(EventType value);
[[nodiscard]] std::string_view toKey(Side value);
[[nodiscard]] std::string_view toKey(DatePrecision value);
[[nodiscard]] std::string_view toKey(PlacePrecision value);
[[nodiscard]] std::string_view toKey(CountQualifier value);
[[nodiscard]] std::string_view toKey(LinkRelation value);
[[nodiscard]] std::string_view toKey(SiteKind value);
[[nodiscard]] std::string_view toKey(SiteStatus value);
[[nodiscard]] std::string_view toKey(LineKind value);

/// Human-readable labels ("Air strike", "Turkish forces").
[[nodiscard]] std::string_view toLabel(EventType value);
[[nodiscard]] std::string_view toLabel(Side value);
[[nodiscard]] std::string_view toLabel(SiteStatus value);
[[nodiscard]] std::string_view toLabel(LineKind value);

/// Parse a native-format key; nullopt when the key is not in the vocabulary.
[[nodiscard]] std::optional<EventType> eventTypeFromKey(std::string_view key);
[[nodiscard]] std::optional<Side> sideFromKey(std::string_view key);
[[nodiscard]] std::optional<DatePrecision> datePrecisionFromKey(std::string_view key);
[[nodiscard]] std::optional<PlacePrecision> placePrecisionFromKey(std::string_view key);
[[nodiscard]] std::optional<CountQualifier> countQualifierFromKey(std::string_view key);
[[nodiscard]] std::optional<LinkRelation> linkRelationFromKey(std::string_view key);
[[nodiscard]] std::optional<SiteKind> siteKindFromKey(std::string_view key);
[[nodiscard]] std::optional<SiteStatus> siteStatusFromKey(std::string_view key);
[[nodiscard]] std::optional<LineKind> lineKindFromKey(std::string_view key);

} // namespace atlas
