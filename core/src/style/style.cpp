#include "atlas/style/style.h"

#include <algorithm>
#include <cmath>

namespace atlas {

Rgb sideColour(Side side) {
    switch (side) {
    case Side::ProGovernment: return {0xc6, 0x28, 0x28};  // red
    case Side::RussianForces: return {0x6a, 0x1b, 0x9a};  // purple
    case Side::Opposition: return {0x2e, 0x7d, 0x32};     // green
    case Side::Jihadist: return {0x21, 0x21, 0x21};       // near black
    case Side::TurkishForces: return {0x15, 0x65, 0xc0};  // blue
    case Side::KurdishLed: return {0xf9, 0xa8, 0x25};     // amber
    case Side::Other: return {0x00, 0x83, 0x8f};          // teal
    case Side::Unknown: break;
    }
    return {0x75, 0x75, 0x75}; // grey
}

Rgb typeColour(EventType type) {
    switch (type) {
    case EventType::AirStrike: return {0x1f, 0x4e, 0x9c};
    case EventType::DroneStrike: return {0x5b, 0x8f, 0xd6};
    case EventType::Shelling: return {0xe0, 0x7b, 0x00};
    case EventType::Missile: return {0xf4, 0xb0, 0x4f};
    case EventType::ArmedClash: return {0x8e, 0x24, 0xaa};
    case EventType::AttackOnCivilians: return {0xc6, 0x28, 0x28};
    case EventType::Killing: return {0xef, 0x83, 0x83};
    case EventType::Explosion: return {0x79, 0x55, 0x48};
    case EventType::SuicideBombing: return {0x4e, 0x34, 0x2e};
    case EventType::TerritoryChange: return {0x2e, 0x7d, 0x32};
    case EventType::Withdrawal: return {0x81, 0xc7, 0x84};
    case EventType::Agreement: return {0x00, 0x83, 0x8f};
    case EventType::Statement: return {0x9e, 0x9e, 0x9e};
    case EventType::Other: break;
    }
    return {0x61, 0x61, 0x61};
}

std::optional<Rgb> parseHexColour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    int values[6];
    for (int i = 0; i < 6; ++i)
        if ((values[i] = nibble(text[static_cast<std::size_t>(i) + 1])) < 0) return std::nullopt;
    return Rgb{static_cast<std::uint8_t>(values[0] * 16 + values[1]), static_cast<std::uint8_t>(values[2] * 16 + values[3]),
               static_cast<std::uint8_t>(values[4] * 16 + values[5])};
}

SymbolShape symbolShape(EventType type) {
    switch (type) {
    case EventType::AirStrike:
    case EventType::DroneStrike: return SymbolShape::Triangle;
    case EventType::Shelling:
    case EventType::Missile: return SymbolShape::Circle;
    case EventType::ArmedClash:
    case EventType::TerritoryChange: return SymbolShape::Square;
    default: return SymbolShape::Diamond;
    }
}

double symbolRadius(const CasualtyCount& killed) {
    return std::min(6.0 + 1.6 * std::sqrt(static_cast<double>(killed.lowerBound())), 22.0);
}

const std::vector<UnitCorner>& symbolCorners(SymbolShape shape) {
    static const std::vector<UnitCorner> none;
    static const std::vector<UnitCorner> triangle{{-1.1, -0.75}, {1.1, -0.75}, {0.0, 1.15}};
    static const std::vector<UnitCorner> square{{-0.85, -0.85}, {0.85, -0.85}, {0.85, 0.85}, {-0.85, 0.85}};
    static const std::vector<UnitCorner> diamond{{0.0, -1.15}, {1.15, 0.0}, {0.0, 1.15}, {-1.15, 0.0}};
    switch (shape) {
    case SymbolShape::Triangle: return triangle;
    case SymbolShape::Square: return square;
    case SymbolShape::Diamond: return diamond;
    case SymbolShape::Circle: break;
    }
    return none;
}

double clusterRadius(std::size_t count) {
    return 9.0 + 5.0 * std::log10(static_cast<double>(std::max<std::size_t>(count, 1)));
}

Rgb statusColour(SiteStatus status) {
    switch (status) {
    case SiteStatus::Established:
    case SiteStatus::Active: return {0x15, 0x65, 0xc0};
    case SiteStatus::Encircled: return {0xef, 0x6c, 0x00};
    case SiteStatus::Evacuating: return {0xf9, 0xa8, 0x25};
    case SiteStatus::Evacuated:
    case SiteStatus::HandedOver: return {0x75, 0x75, 0x75};
    case SiteStatus::Destroyed: return {0x21, 0x21, 0x21};
    case SiteStatus::Unknown: break;
    }
    return {0x9e, 0x9e, 0x9e};
}

bool statusCrossed(SiteStatus status) { return status == SiteStatus::Evacuated || status == SiteStatus::HandedOver; }

Rgb lineColour(LineKind kind) {
    switch (kind) {
    case LineKind::CeasefireLine: return {0xc6, 0x28, 0x28};
    case LineKind::SecurityCorridor: return {0x6a, 0x1b, 0x9a};
    case LineKind::FrontLine: return {0x21, 0x21, 0x21};
    case LineKind::PatrolRoute: return {0x15, 0x65, 0xc0};
    case LineKind::Other: break;
    }
    return {0x42, 0x42, 0x42};
}

double placementRadiusKm(PlacePrecision precision) {
    switch (precision) {
    case PlacePrecision::Exact: return 0.0;
    case PlacePrecision::NearTown: return 25.0;
    case PlacePrecision::District: return 30.0;
    case PlacePrecision::Governorate: return 65.0;
    }
    return 0.0;
}

} // namespace atlas
