#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atlas {

/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01 so that windows and
/// histograms are integer arithmetic.
class Date {
public:
    constexpr Date() = default;
    constexpr explicit Date(std::int32_t daysSinceEpoch) : m_days(daysSinceEpoch) {}

    /// Parses "YYYY-MM-DD"; nullopt for anything else, including impossible days (2020-02-30).
    [[nodiscard]] static std::optional<Date> parse(std::string_view text);
    [[nodiscard]] static std::optional<Date> fromYearMonthDay(int year, int month, int day);

    [[nodiscard]] constexpr std::int32_t daysSinceEpoch() const { return m_days; }
    [[nodiscard]] int year() const;
    [[nodiscard]] int month() const;
    [[nodiscard]] int day() const;
    /// "YYYY-MM-DD".
    [[nodiscard]] std::string toString() const;

    [[nodiscard]] constexpr Date addDays(std::int32_t days) const { return Date(m_days + days); }
    friend constexpr auto operator<=>(Date, Date) = default;

private:
    std::int32_t m_days = 0;
};

/// Days from a to b (positive when b is later).
[[nodiscard]] constexpr std::int32_t daysBetween(Date a, Date b) {
    return b.daysSinceEpoch() - a.daysSinceEpoch();
}

} // namespace atlas
