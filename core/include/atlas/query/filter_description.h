#pragma once

// What a selection is, in words: the datasets its events come from and the filter that chose
// them. Every export names both (snapshots on the image and in its metadata, data files in
// their metadata), so a figure or a file can be traced back to what made it.

#include "atlas/model/dataset.h"
#include "atlas/query/query.h"

#include <string>
#include <vector>

namespace atlas {

/// The filter in words, one part per criterion that narrows anything, e.g.
/// {"2020-01-01 – 2020-03-05", "Airstrike, Shelling", "perpetrator: Russian Air Force (with
/// sub-groups)", "“hospital”", "at least 5 killed", "exact only"}. Empty: it lets everything
/// through.
[[nodiscard]] std::vector<std::string> describeFilter(const Dataset& dataset, const EventFilter& filter);

/// The names of the files the dataset's events were read from, each once, in the order they
/// were opened; the dataset's title when its events were made in memory.
[[nodiscard]] std::vector<std::string> datasetNames(const Dataset& dataset);

/// "Datasets: acled.csv, ucdp.csv · Filter: 2020-01-01 – 2020-03-05; Airstrike" (or "Filter:
/// none"): one line for an export's metadata.
[[nodiscard]] std::string selectionNote(const Dataset& dataset, const EventFilter& filter);

} // namespace atlas
