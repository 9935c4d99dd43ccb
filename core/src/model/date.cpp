#include "atlas/model/date.h"

#include <chrono>
#include <cstdio>

namespace atlas {

namespace {

std::chrono::year_month_day toCivil(Date date) {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{date.daysSinceEpoch()}}};
}

bool parseDigits(std::string_view text, int& value) {
    if (text.empty()) return false;
    value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

} // namespace

std::optional<Date> Date::fromYearMonthDay(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year},
                                          std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return Date(static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::parse(std::string_view text) {
    // Exactly YYYY-MM-DD: other spellings belong to the importers that meet them.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (!parseDigits(text.substr(0, 4), year) || !parseDigits(text.substr(5, 2), month) ||
        !parseDigits(text.substr(8, 2), day))
        return std::nullopt;
    return fromYearMonthDay(year, month, day);
}

int Date::year() const { return static_cast<int>(toCivil(*this).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(toCivil(*this).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(toCivil(*this).day())); }

std::string Date::toString() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(), month(), day());
    return buffer;
}

} // namespace atlas
