#pragma once

#include "atlas/model/date.h"

#include <cstdint>

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

} // namespace atlas
