#include "atlas/io/written_dates.h"

#include "import_text.h"

#include <string>
#include <vector>

namespace atlas {

std::string_view toLabel(WrittenDateForm form) {
    switch (form) {
    case WrittenDateForm::Iso: return "2011-03-02";
    case WrittenDateForm::YearSlashed: return "2011/03/02";
    case WrittenDateForm::YearUnderscored: return "2011_03_02";
    case WrittenDateForm::DayMonthName: return "2 March 2011";
    case WrittenDateForm::MonthNameDay: return "March 2, 2011";
    case WrittenDateForm::DayDotted: return "02.03.2011";
    case WrittenDateForm::DayFirst: return "25/03/2011";
    case WrittenDateForm::MonthFirst: return "03/25/2011";
    }
    return "";
}

namespace {

using import::monthFromName;
using import::trimView;

bool isDigits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// One date (no range).
std::optional<WrittenDate> parseOne(std::string_view raw, DayOrder order) {
    const std::string_view text = trimView(raw);
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-')
        if (const auto iso = Date::parse(text.substr(0, 10)); iso && (text.size() == 10 || text[10] == 'T' || text[10] == ' '))
            return WrittenDate{*iso, std::nullopt, WrittenDateForm::Iso};
    // Parts between separators, and the separators met (for the numeric forms).
    std::vector<std::string> parts(1);
    std::string separators;
    for (const char c : text) {
        const bool separator = c == ' ' || c == '/' || c == '_' || c == '.' || c == ',' || c == '-';
        if (!separator) {
            parts.back().push_back(c);
            continue;
        }
        if (parts.back().empty()) continue; // "March 2, 2011": ", " is one separator
        if (c != ' ' && c != ',') separators.push_back(c);
        parts.emplace_back();
    }
    if (parts.back().empty()) parts.pop_back();
    if (parts.size() != 3) return std::nullopt;
    auto make = [](int year, int month, int day, WrittenDateForm form) -> std::optional<WrittenDate> {
        const auto date = Date::fromYearMonthDay(year, month, day);
        if (!date) return std::nullopt;
        return WrittenDate{*date, std::nullopt, form};
    };
    auto yearOf = [](const std::string& s) -> std::optional<int> {
        if (!isDigits(s) || (s.size() != 4 && s.size() != 2)) return std::nullopt;
        const int y = std::stoi(s);
        return s.size() == 4 ? y : y + (y >= 70 ? 1900 : 2000);
    };
    // Year first: 2011/03/02, 2011_03_02, 2011.03.02.
    if (parts[0].size() == 4 && isDigits(parts[0]) && isDigits(parts[1]) && isDigits(parts[2])) {
        const char sep = separators.empty() ? ' ' : separators[0];
        const auto form = sep == '_' ? WrittenDateForm::YearUnderscored : sep == '-' ? WrittenDateForm::Iso : WrittenDateForm::YearSlashed;
        return make(std::stoi(parts[0]), std::stoi(parts[1]), std::stoi(parts[2]), form);
    }
    const auto year = yearOf(parts[2]);
    if (!year) return std::nullopt;
    if (const int month = isDigits(parts[0]) ? 0 : monthFromName(parts[0]); month && isDigits(parts[1]))
        return make(*year, month, std::stoi(parts[1]), WrittenDateForm::MonthNameDay);
    if (const int month = isDigits(parts[1]) ? 0 : monthFromName(parts[1]); month && isDigits(parts[0]))
        return make(*year, month, std::stoi(parts[0]), WrittenDateForm::DayMonthName);
    if (!isDigits(parts[0]) || !isDigits(parts[1]) || parts[0].size() > 2 || parts[1].size() > 2) return std::nullopt;
    const int a = std::stoi(parts[0]), b = std::stoi(parts[1]);
    if (separators.find('.') != std::string::npos) return make(*year, b, a, WrittenDateForm::DayDotted);
    if (a > 12 || (b <= 12 && order == DayOrder::DayFirst)) return make(*year, b, a, WrittenDateForm::DayFirst);
    if (b > 12 || order == DayOrder::MonthFirst) return make(*year, a, b, WrittenDateForm::MonthFirst);
    return std::nullopt; // 03/04/2011: which is the day is not written
}

} // namespace

std::optional<WrittenDate> parseWrittenDate(std::string_view text, DayOrder order) {
    if (auto one = parseOne(text, order)) return one;
    // A range: two dates joined by " - ", "–", " to " or "..".
    for (const std::string_view joint : {std::string_view(" - "), std::string_view("\u2013"), std::string_view(" to "), std::string_view("..")}) {
        const std::size_t at = text.find(joint);
        if (at == std::string_view::npos) continue;
        const auto first = parseOne(text.substr(0, at), order), last = parseOne(text.substr(at + joint.size()), order);
        if (!first || !last || last->first < first->first) continue;
        WrittenDate range = *first;
        if (last->first > first->first) range.last = last->first;
        return range;
    }
    return std::nullopt;
}

std::string describeDateForms(const std::array<std::size_t, kWrittenDateFormCount>& counts) {
    std::string forms;
    for (int f = 0; f < kWrittenDateFormCount; ++f)
        if (const std::size_t n = counts[static_cast<std::size_t>(f)])
            forms += (forms.empty() ? "" : ", ") + std::to_string(n) + " as \"" + std::string(toLabel(static_cast<WrittenDateForm>(f))) + "\"";
    return forms;
}

} // namespace atlas
