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


PossibleDays possibleDays(Date date, DatePrecision precision, std::optional<Date> end) {
    switch (precision) {
    case DatePrecision::Day: return {date, date};
    case DatePrecision::Week: return end && *end > date ? PossibleDays{date, *end} : PossibleDays{date.addDays(-3), date.addDays(3)};
    case DatePrecision::Month: return end && *end > date ? PossibleDays{date, *end} : PossibleDays{date.addDays(-15), date.addDays(15)};
    }
    return {date, date};
}

} // namespace atlas
