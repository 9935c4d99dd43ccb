#pragma once

// Writing a dataset in any format Conflict Atlas writes, chosen by the file's extension: the
// one place the window's Save As and the commands' outputs agree on what goes where.

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace atlas {

enum class DatasetFormat { GeoPackage, Native, GeoJson, AcledCsv, Kml };

/// .gpkg, .atlas.json/.json, .geojson, .csv, .kml; nullopt for anything else.
[[nodiscard]] std::optional<DatasetFormat> datasetFormatOfPath(const std::string& path);

/// Whether the format holds the whole model (actors with umbrellas, sites, lines, areas, links,
/// metadata), so a file saved in it can be opened again as it was.
[[nodiscard]] bool keepsWholeModel(DatasetFormat format);

/// Writes the whole dataset atomically (a temporary file beside `path`, then a rename): any
/// previous file stays whole if the write fails. Returns the problem, if any.
[[nodiscard]] std::vector<Diagnostic> writeDatasetFile(const Dataset& dataset, const std::string& path, DatasetFormat format);

} // namespace atlas
