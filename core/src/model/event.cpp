#include "atlas/model/event.h"

namespace atlas {

std::string CasualtyCount::toText() const {
    if (!known()) return "unknown";
    const std::string lowText = std::to_string(*low);
    switch (qualifier) {
    case CountQualifier::Exact: return lowText;
    case CountQualifier::AtLeast: return "at least " + lowText;
    case CountQualifier::MoreThan: return "more than " + lowText;
    case CountQualifier::About: return "about " + lowText;
    case CountQualifier::Range: return high ? lowText + "\u2013" + std::to_string(*high) : "at least " + lowText;
    case CountQualifier::Unknown: break;
    }
    return "unknown";
}


int halfPeriodDays(DatePrecision precision) {
    switch (precision) {
    case DatePrecision::Day: return 0;
    case DatePrecision::Week: return 3;
    case DatePrecision::Month: return 15;
    }
    return 0;
}

PossibleDays possibleDays(Date date, DatePrecision precision, std::optional<Date> end) {
    if (precision == DatePrecision::Day) return {date, date};
    if (end && *end > date) return {date, *end};
    const int half = halfPeriodDays(precision);
    return {date.addDays(-half), date.addDays(half)};
}

} // namespace atlas
