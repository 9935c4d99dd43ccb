#pragma once

#include "atlas/model/date.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace atlas {

/// The days an analyst looks at: the window that ends on `end` (inclusive) and spans
/// `lengthDays` days; lengthDays 0 means everything up to and including `end`.
struct TimeWindow {
    Date end;
    int lengthDays = 1;

    [[nodiscard]] Date first() const { return lengthDays > 0 ? end.addDays(1 - lengthDays) : Date(INT32_MIN); }
    [[nodiscard]] bool contains(Date date) const { return date <= end && date >= first(); }
    friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

/// A day, or a span of days, as a person types it in the date field.
struct TypedDays {
    Date first;
    Date last;           ///< == first for one day
    bool range = false;  ///< typed as two dates
    bool onward = false; ///< typed as a start only ("2020-10-20..", "since 20 Oct 2020"): from `first` on
    friend bool operator==(const TypedDays&, const TypedDays&) = default;
};

/// "2020-10-26", "26 Oct 2020", "26 October 2020", "Oct 26, 2020", or two of these joined by
/// "..", " to " or a dash between spaces ("2020-10-20..2020-10-27", "20 Oct 2020 – 27 Oct
/// 2020"); a span typed backwards is turned round; a start alone ("2020-10-20..", "since 20 Oct
/// 2020") is a span from that day on. nullopt for anything else, an impossible day
/// included (a day-first or month-first number form such as 10/26/2020 is not guessed).
[[nodiscard]] std::optional<TypedDays> parseTypedDays(std::string_view text);

} // namespace atlas
