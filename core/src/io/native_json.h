#pragma once

// The native format as a JSON value, for the formats that carry the full model in another
// shape (GeoJSON with a conflict_atlas member): written once, in native_format.cpp.

#include "atlas/model/dataset.h"

#include <nlohmann/json.hpp>

namespace atlas::detail {

/// The whole dataset as the native document: format, version, metadata, actors, sites, lines,
/// areas, events and unknown top-level fields, in the native field order.
[[nodiscard]] nlohmann::json nativeDocument(const Dataset& dataset);

/// One item as the native document writes it (the GeoPackage container keeps what has no
/// column of its own in the same shape).
[[nodiscard]] nlohmann::json actorToJson(const Actor& actor);
/// One actor read back by the native reader; nullopt, with its message in `error`, when it is not one.
[[nodiscard]] std::optional<Actor> actorFromJson(const nlohmann::json& value, std::string& error);
[[nodiscard]] nlohmann::json eventToJson(const Event& event);
/// One incident read back from eventToJson's shape by the native reader (its rules and
/// defaults); nullopt, with the reader's message in `error`, when it is not one.
[[nodiscard]] std::optional<Event> eventFromJson(const nlohmann::json& value, std::string& error);
[[nodiscard]] nlohmann::json siteToJson(const Site& site);
[[nodiscard]] nlohmann::json lineToJson(const Line& line);
[[nodiscard]] nlohmann::json areaToJson(const Area& area);
/// A site, line or area read back from its *ToJson shape by the native reader; nullopt, with
/// the reader's message in `error`, when it is not one.
[[nodiscard]] std::optional<Site> siteFromJson(const nlohmann::json& value, std::string& error);
[[nodiscard]] std::optional<Line> lineFromJson(const nlohmann::json& value, std::string& error);
[[nodiscard]] std::optional<Area> areaFromJson(const nlohmann::json& value, std::string& error);

/// Any row as the native document writes it, and back (the journal and the store).
inline nlohmann::json rowToJson(const Event& event) { return eventToJson(event); }
inline nlohmann::json rowToJson(const Site& site) { return siteToJson(site); }
inline nlohmann::json rowToJson(const Line& line) { return lineToJson(line); }
inline nlohmann::json rowToJson(const Area& area) { return areaToJson(area); }
template <class Item> std::optional<Item> rowFromJson(const nlohmann::json& value, std::string& error);
template <> inline std::optional<Event> rowFromJson<Event>(const nlohmann::json& value, std::string& error) { return eventFromJson(value, error); }
template <> inline std::optional<Site> rowFromJson<Site>(const nlohmann::json& value, std::string& error) { return siteFromJson(value, error); }
template <> inline std::optional<Line> rowFromJson<Line>(const nlohmann::json& value, std::string& error) { return lineFromJson(value, error); }
template <> inline std::optional<Area> rowFromJson<Area>(const nlohmann::json& value, std::string& error) { return areaFromJson(value, error); }
[[nodiscard]] nlohmann::json metadataToJson(const DatasetMetadata& metadata);
[[nodiscard]] nlohmann::json sourcesToJson(const std::vector<SourceReference>& sources);

} // namespace atlas::detail
