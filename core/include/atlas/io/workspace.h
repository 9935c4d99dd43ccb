#pragma once

// The one policy for bringing files into a dataset, shared by the window (AtlasDocument) and
// every command (app/cli): the same files and mappings give the same dataset in both.

#include "atlas/model/actor_mapping.h"
#include "atlas/model/dataset.h"
#include "atlas/model/diagnostic.h"
#include "atlas/io/load_result.h"

#include <span>
#include <string>
#include <vector>

namespace atlas {

/// The policy's step for a file added to what is open: the mappings applied so far are applied
/// to `file` (names it lacks are no news), then it is merged into `open` (merge.h). Workspace
/// uses it, and so does the window, which keeps its dataset shareable between threads.
void addFileToDataset(Dataset& open, Dataset file, std::span<const ActorMappingEntry> mappings, const std::string& label);

/// What is open: the files read so far, merged, and the actor mappings applied to them.
///
/// The policy, in order:
///  - the first file read becomes the dataset as it is (its metadata too);
///  - every later file first gets every mapping applied so far (so one actor named two ways
///    in two files becomes one actor), then is merged in: actors shared by id, ACLED revisions
///    and deletions applied when a newer ACLED export comes over an older one, clashing ids
///    prefixed with the file's label (merge.h);
///  - a mapping applies to everything read so far and to every file added after it;
///  - a file that could not be read at all changes nothing; one read in part is merged and the
///    workspace is labelled partial; every problem is kept, in order.
class Workspace {
public:
    /// Adds a file's reading under `label` (its name, for clashing ids and messages).
    void add(LoadResult file, const std::string& label);
    /// Applies a mapping read from a file to what is open and to every file added later;
    /// returns its problems (also kept), located in the mapping file.
    std::vector<Diagnostic> applyMapping(const ActorMapping& mapping);
    /// The same for entries made by hand (the actors dialog), reported under `label`.
    std::vector<Diagnostic> applyMapping(std::vector<ActorMappingEntry> entries, const std::string& label);

    [[nodiscard]] const Dataset& dataset() const { return m_dataset; }
    /// Hands the dataset over (the workspace is empty afterwards, mappings kept).
    [[nodiscard]] Dataset takeDataset();
    /// Every problem met so far: reading each file, then applying mappings.
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
    /// Some file was read only in part (items with errors were skipped).
    [[nodiscard]] bool partial() const { return m_partial; }
    /// No file could be read yet.
    [[nodiscard]] bool empty() const { return m_files == 0; }
    /// The mappings applied so far, in order, as entries.
    [[nodiscard]] const std::vector<ActorMappingEntry>& mappings() const { return m_mappings; }

private:
    Dataset m_dataset;
    std::vector<ActorMappingEntry> m_mappings;
    std::vector<Diagnostic> m_diagnostics;
    std::size_t m_files = 0;
    bool m_partial = false;
};

} // namespace atlas
