#include "atlas/query/time_window.h"

#include "atlas/io/text.h"

#include <array>
#include <charconv>
#include <string>
#include <vector>

namespace atlas {

namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// 1-12 for a month's English name or its first three letters, any case; 0 otherwise.
int monthNumber(std::string_view word) {
    static constexpr std::array<std::string_view, 12> names{"january", "february", "march",     "april",   "may",      "june",
                                                            "july",    "august",   "september", "october", "november", "december"};
    const std::string lowered = lower(std::string(word));
    if (lowered.size() < 3) return 0;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].substr(0, lowered.size()) == lowered && (lowered.size() == 3 || lowered == names[i]))
            return static_cast<int>(i) + 1;
    return 0;
}

std::optional<int> number(std::string_view word) {
    int value = 0;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc() || end != word.data() + word.size() || word.empty()) return std::nullopt;
    return value;
}

// One day: ISO, "26 Oct 2020" or "Oct 26, 2020".
std::optional<Date> parseDay(std::string_view text) {
    text = trimmed(text);
    if (auto iso = Date::parse(text)) return iso;
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == ' ' || text[i] == ',') {
            if (i > start) words.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    if (words.size() != 3 || words[2].size() != 4) return std::nullopt;
    const auto year = number(words[2]);
    if (!year) return std::nullopt;
    if (const int month = monthNumber(words[1]); month > 0)
        if (const auto day = number(words[0])) return Date::fromYearMonthDay(*year, month, *day);
    if (const int month = monthNumber(words[0]); month > 0)
        if (const auto day = number(words[1])) return Date::fromYearMonthDay(*year, month, *day);
    return std::nullopt;
}

} // namespace

std::optional<TypedDays> parseTypedDays(std::string_view text) {
    text = trimmed(text);
    // A start alone: "2020-10-20.." or "since 20 Oct 2020".
    const bool dots = text.size() > 2 && text.substr(text.size() - 2) == "..";
    const bool since = text.size() > 6 && lower(std::string(text.substr(0, 6))) == "since ";
    if (dots || since) {
        const auto day = parseDay(dots ? text.substr(0, text.size() - 2) : text.substr(6));
        if (!day) return std::nullopt;
        return TypedDays{*day, *day, false, true};
    }
    // The separators a span is typed with; a bare '-' is part of an ISO date.
    for (const std::string_view separator : {"..", " to ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        const auto at = text.find(separator);
        if (at == std::string_view::npos) continue;
        const auto first = parseDay(text.substr(0, at));
        const auto last = parseDay(text.substr(at + separator.size()));
        if (!first || !last) return std::nullopt;
        return *first <= *last ? TypedDays{*first, *last, true} : TypedDays{*last, *first, true};
    }
    if (const auto day = parseDay(text)) return TypedDays{*day, *day, false};
    return std::nullopt;
}

} // namespace atlas
