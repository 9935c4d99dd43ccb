#pragma once

#include "atlas/dataset.h"

#include <cstdint>
#include <span>
#include <vector>

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

/// Events ordered by start date, built once per dataset: a time window is two binary searches.
class EventTimeIndex {
public:
    EventTimeIndex() = default;
    explicit EventTimeIndex(const Dataset& dataset);

    /// Positions (into Dataset::events) of the events whose start date lies in the window,
    /// in date order.
    [[nodiscard]] std::span<const std::uint32_t> eventsIn(const TimeWindow& window) const;
    /// Events per day from `first` to `last` inclusive (empty when last < first).
    [[nodiscard]] std::vector<int> countsPerDay(Date first, Date last) const;

    [[nodiscard]] bool empty() const { return m_order.empty(); }
    [[nodiscard]] Date firstDate() const { return m_dates.empty() ? Date() : Date(m_dates.front()); }
    [[nodiscard]] Date lastDate() const { return m_dates.empty() ? Date() : Date(m_dates.back()); }

private:
    std::vector<std::uint32_t> m_order;  // event positions sorted by date (stable)
    std::vector<std::int32_t> m_dates;   // m_dates[i] = date of events[m_order[i]]
};

} // namespace atlas
