#pragma once

#include "atlas/model/dataset.h"

#include <cstdint>

namespace atlas::bench {

/// A deterministic synthetic dataset shaped like ACLED's Syria data: `count` events over
/// eight years (2013–2020) across Syria, about 40 actors and 400 places with a Zipf-like
/// skew (a few actors and places dominate), casualties mostly small with a long tail, and a
/// sentence of description and one source per event.
[[nodiscard]] Dataset makeSyntheticDataset(std::size_t count, std::uint64_t seed = 20201026);

} // namespace atlas::bench
