#include "atlas/time_index.h"

#include <algorithm>
#include <numeric>

namespace atlas {

EventTimeIndex::EventTimeIndex(const Dataset& dataset) {
    m_order.resize(dataset.events.size());
    std::iota(m_order.begin(), m_order.end(), 0u);
    std::stable_sort(m_order.begin(), m_order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return dataset.events[a].date < dataset.events[b].date;
    });
    m_dates.reserve(m_order.size());
    for (std::uint32_t position : m_order) m_dates.push_back(dataset.events[position].date.daysSinceEpoch());
}

std::span<const std::uint32_t> EventTimeIndex::eventsIn(const TimeWindow& window) const {
    const auto begin = std::lower_bound(m_dates.begin(), m_dates.end(), window.first().daysSinceEpoch());
    const auto end = std::upper_bound(begin, m_dates.end(), window.end.daysSinceEpoch());
    return {m_order.data() + (begin - m_dates.begin()), static_cast<std::size_t>(end - begin)};
}

std::vector<int> EventTimeIndex::countsPerDay(Date first, Date last) const {
    if (last < first) return {};
    std::vector<int> counts(static_cast<std::size_t>(daysBetween(first, last) + 1), 0);
    const auto begin = std::lower_bound(m_dates.begin(), m_dates.end(), first.daysSinceEpoch());
    const auto end = std::upper_bound(begin, m_dates.end(), last.daysSinceEpoch());
    for (auto it = begin; it != end; ++it) ++counts[static_cast<std::size_t>(*it - first.daysSinceEpoch())];
    return counts;
}

} // namespace atlas
