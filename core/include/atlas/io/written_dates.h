#pragma once

// Dates as people write them in third-party files: "March 2, 2011", "2 March 2011",
// "2011/03/02", "2011_03_02", "02.03.2011", "2011-03-02T10:00", or a range "August 5, 2012 -
// August 10, 2012", with stray spaces. What a reader of such files (GeoJSON points) accepts, and
// which form each date had, so a file's dates can be reported by form.

#include "atlas/model/date.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace atlas {

enum class WrittenDateForm {
    Iso,             ///< 2011-03-02 (a time after it ignored)
    YearSlashed,     ///< 2011/03/02
    YearUnderscored, ///< 2011_03_02
    DayMonthName,    ///< 2 March 2011, 02-Mar-2011
    MonthNameDay,    ///< March 2, 2011
    DayDotted,       ///< 02.03.2011: day first, as dotted dates are written (Germany, Russia, Turkey…)
    DayFirst,        ///< 25/03/2011 (day first: the first number is above 12, or as told)
    MonthFirst,      ///< 03/25/2011 (month first: the second number is above 12, or as told)
};
inline constexpr int kWrittenDateFormCount = 8;
[[nodiscard]] std::string_view toLabel(WrittenDateForm form);

/// How to read numeric dates whose day and month could be either (03/04/2011).
enum class DayOrder { Unknown, DayFirst, MonthFirst };

struct WrittenDate {
    Date first;
    std::optional<Date> last; ///< a range's last day
    WrittenDateForm form = WrittenDateForm::Iso;
};

/// How many dates were read in each form: "2 as \"March 2, 2011\", 1 as \"2011_03_02\"" (empty
/// when none), for a dataset's provenance, so a misread form shows.
[[nodiscard]] std::string describeDateForms(const std::array<std::size_t, kWrittenDateFormCount>& counts);

/// Reads `text` in any of the forms above, or a range of two joined by "-", "–", "to" or "..".
/// nullopt when it is none of them, or numeric with day and month both 12 or below and
/// `order` Unknown (ambiguous: the caller asks, or takes --date-format).
[[nodiscard]] std::optional<WrittenDate> parseWrittenDate(std::string_view text, DayOrder order = DayOrder::Unknown);

} // namespace atlas
