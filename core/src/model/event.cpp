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

} // namespace atlas
