#include "atlas/query/filter_description.h"

#include "atlas/io/text.h"

#include <cstdio>

namespace atlas {

namespace {

std::string joined(const std::vector<std::string>& parts, const char* separator) { return joinFrom(parts, 0, separator); }

std::string degrees(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

} // namespace

std::vector<std::string> describeFilter(const Dataset& dataset, const EventFilter& filter) {
    std::vector<std::string> parts;
    if (filter.from && filter.to) parts.push_back(filter.from->toString() + " – " + filter.to->toString());
    else if (filter.from) parts.push_back("from " + filter.from->toString());
    else if (filter.to) parts.push_back("up to " + filter.to->toString());
    if (!filter.types.empty()) {
        std::vector<std::string> names;
        for (const EventType type : filter.types) names.emplace_back(toLabel(type));
        parts.push_back(joined(names, ", "));
    }
    if (!filter.actors.empty()) {
        const char* role = filter.actorRole == ActorRole::Perpetrator ? "perpetrator: "
                           : filter.actorRole == ActorRole::Target    ? "target: "
                                                                      : "actor: ";
        parts.push_back(role + dataset.actorNames(filter.actors) + (filter.includeSubgroups ? " (with sub-groups)" : ""));
    }
    if (!filter.sides.empty()) {
        std::vector<std::string> names;
        for (const Side side : filter.sides) names.emplace_back(toLabel(side));
        parts.push_back("side: " + joined(names, ", "));
    }
    if (!filter.heldBy.empty()) {
        std::vector<std::string> names;
        for (const Side side : filter.heldBy) names.emplace_back(side == Side::Unknown ? "no mapped control" : toLabel(side));
        parts.push_back("on ground held by: " + joined(names, ", "));
    }
    if (filter.region) parts.push_back("within " + (filter.regionName.empty() ? std::string("a drawn region") : filter.regionName));
    if (filter.box)
        parts.push_back("within " + degrees(filter.box->minLongitude) + "," + degrees(filter.box->minLatitude) + " – " +
                        degrees(filter.box->maxLongitude) + "," + degrees(filter.box->maxLatitude));
    if (!filter.text.empty()) parts.push_back("“" + filter.text + "”");
    if (filter.minKilled > 0) parts.push_back("at least " + std::to_string(filter.minKilled) + " killed");
    if (filter.exactOnly()) {
        parts.emplace_back("exact only");
    } else {
        if (filter.coarsestPrecision != PlacePrecision::Governorate)
            parts.push_back("placed at most " + std::string(toKey(filter.coarsestPrecision)));
        if (filter.dayPreciseOnly) parts.emplace_back("dated to the day");
    }
    return parts;
}

std::vector<std::string> datasetNames(const Dataset& dataset) {
    std::vector<std::string> names;
    for (const RecordOrigin& origin : dataset.events.origins()) names.push_back(origin.file);
    if (names.empty() && !dataset.metadata.title.empty()) names.push_back(dataset.metadata.title);
    return names;
}

std::string selectionNote(const Dataset& dataset, const EventFilter& filter) {
    const std::vector<std::string> parts = describeFilter(dataset, filter);
    const std::vector<std::string> names = datasetNames(dataset);
    return "Datasets: " + (names.empty() ? std::string("none named") : joined(names, ", ")) +
           " · Filter: " + (parts.empty() ? std::string("none") : joined(parts, "; "));
}

} // namespace atlas
