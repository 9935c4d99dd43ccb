#pragma once

#include "atlas/model/dataset.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace atlas::bench {

/// A test set for finding duplicates across datasets, shaped like ACLED and UCDP GED data on
/// the same conflict (docs/decisions.md, "One incident, several sources"):
///  - `acled`: a year of makeSyntheticDataset's ACLED-shaped events (places with a Zipf-like
///    skew, so many incidents share a town and a day: the hard case), placed as ACLED's
///    geo_precision has them: the town named (75%), near a town (20%), the governorate (5%);
///  - `ucdp`: half of the violent ones reported again the way UCDP GED differs from ACLED —
///    the same day (65%), a day apart (20%), dated only to the week (10%) or month (5%);
///    within a kilometre (60%, and half of the next 30% when ACLED names the town), 2–8 km
///    away at a village said to be within 25 km (the rest of that 30%), or at the district's
///    centre 5–20 km away (10%); the same fine type (50%) or UCDP's coarse one; actors named
///    differently but on the same sides, a third with the two sides' order swapped (side A is
///    the government); the killed figure differing by up to 40% or unknown (15%) — and as many
///    incidents only UCDP has, from the same generator (same places, actors and days);
///  - `truePairs`: (ACLED id, UCDP id) of every incident reported twice.
/// Each file's events say they were read from "acled-shaped.csv" or "ucdp-shaped.csv".
struct DuplicateSet {
    Dataset acled, ucdp;
    std::vector<std::pair<std::string, std::string>> truePairs;
};
[[nodiscard]] DuplicateSet makeDuplicateSet(std::size_t eventsPerYear, std::uint64_t seed = 20201026);

} // namespace atlas::bench
