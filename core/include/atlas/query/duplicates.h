#pragma once

// One incident, several sources: pairs of events that may be the same incident reported twice
// (by ACLED and UCDP, or twice in one file), each with a score and the reasons; and the
// analyst's decisions on them (merge, or keep both), applied to the dataset so that a merged
// incident counts once and keeps every source with the dataset it came from.

#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"

#include <cstdint>
#include <string>
#include <vector>

namespace atlas {

/// How pairs are looked for.
struct DuplicateOptions {
    /// Pairs scoring below this are not candidates (0–1). 0.6 was chosen on the test set
    /// described in docs/decisions.md ("One incident, several sources").
    double minScore = 0.6;
    /// Only pairs whose events were read from different files.
    bool acrossFilesOnly = false;
    /// Each event in one pair at most, its best: a report in one dataset is one incident, so
    /// it is the same as at most one report of another (pairs taken best first, a pair whose
    /// event is taken already left out). Off: every pair above minScore (to review alternatives).
    bool bestMatchOnly = true;
};

/// Two events that may be one incident: `a` before `b` in the dataset.
struct DuplicatePair {
    std::uint32_t a = 0, b = 0;
    double score = 0; ///< 0–1: how alike they are, within what their precisions allow
    /// Why, in words: "same day", "3.2 km apart (b placed near a town: within 25 km)",
    /// "both air strikes", "same perpetrator: Russian Air Force", "killed 5 and 6".
    std::vector<std::string> reasons;
};

/// The candidate pairs, best first. An event pairs with another when (all of these):
///  - their days overlap, each widened by what its date precision allows (a day either side
///    for a day-precise date — sources often differ by one — half a week for a week, half a
///    month for a month) and by its end date for a span;
///  - they are within the coarser placement's radius of each other (placementRadiusKm, plus
///    5 km: sources put the same village at different points);
///  - their types are compatible (the same, or one is a coarse type — UCDP's state-based and
///    one-sided violence, "other" — that the other falls under, or both are strikes from afar);
///  - their actors do not contradict (no perpetrator of one is on a side that opposes every
///    perpetrator of the other; unknown actors contradict nothing).
/// The score weighs how close the dates (25%) and places (25%) are within those allowances,
/// how alike the types (15%), the actors (25%: a shared actor or umbrella, else the same side)
/// and the killed figures (10%). Time grows with the number of events near each other in time
/// and place, not with the square of the dataset.
[[nodiscard]] std::vector<DuplicatePair> findDuplicates(const Dataset& dataset, const DuplicateOptions& options = {});

/// What the analyst decided about a pair, by the events' ids.
struct DuplicateDecision {
    enum class Kind { Merge, Distinct };
    std::string keep;  ///< merged: the event that stays; distinct: one of the two
    std::string other; ///< merged: the event folded into `keep`; distinct: the other
    Kind kind = Kind::Merge;
    friend bool operator==(const DuplicateDecision&, const DuplicateDecision&) = default;
};
[[nodiscard]] std::string_view toKey(DuplicateDecision::Kind kind);

/// Applies the merges among `decisions` (distinct pairs change nothing): each `other` event
/// is removed and `keep` gains its sources, each marked with the dataset (file) it came from
/// (a source's extra "dataset"), and an entry in its extra "merged" (the other event's id and
/// origin), so it counts once and loses no report. A decision naming an event that is not there
/// (a file not open, an event gone from a newer export) is reported and skipped. Returns the
/// problems.
std::vector<Diagnostic> applyDuplicateDecisions(Dataset& dataset, const std::vector<DuplicateDecision>& decisions);

/// The dataset (file name) a source of a merged incident came with, or "" when it was never
/// merged (the source is the event's own).
[[nodiscard]] std::string datasetOfSource(const SourceReference& source);

/// Leaves out of `pairs` those already decided (either way, in either order).
void dropDecidedPairs(const Dataset& dataset, std::vector<DuplicatePair>& pairs, const std::vector<DuplicateDecision>& decisions);

} // namespace atlas
