#pragma once

#include "atlas/io/load_control.h"
#include "atlas/io/geojson.h"
#include "atlas/io/load_result.h"

#include <istream>
#include <string>

namespace atlas {

/// Reads a UCDP Georeferenced Event Dataset (GED) CSV, streaming, with or without the
/// optional columns (relid, code_status, conflict_dset_id, …); columns by name.
/// Mapping decisions:
///  - id → "ged-<id>"; date_start/date_end → date and end date (a span when they differ);
///    date_prec 1 → day, 2–3 → week, 4–5 → month (the model's coarsest);
///  - where_prec 1 exact, 2 near a town (25 km), 3 and 5 district, 4, 6 and 7 governorate;
///  - side_a → perpetrator, side_b → target (one actor per name);
///    type_of_violence 3 (one-sided) → attack on civilians with civilian targeting, 1 and 2 → armed clash;
///  - killed: best as the figure, low–high as the range ("about best, low–high");
///    deaths_a/b/civilians/unknown and every other column kept as "ucdp_<column>" extras;
///  - source_article split on ';' → sources (headline and date kept when given).
[[nodiscard]] LoadResult readUcdpGedCsv(std::istream& in, const std::string& fileLabel);
/// `control` (may be null) follows the reading and can cancel it (load_control.h).
[[nodiscard]] LoadResult readUcdpGedCsvFile(const std::string& path, const LoadControl* control = nullptr);

} // namespace atlas
