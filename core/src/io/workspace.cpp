#include "atlas/io/workspace.h"

#include "atlas/model/merge.h"

namespace atlas {

void addFileToDataset(Dataset& open, Dataset file, std::span<const ActorMappingEntry> mappings, const std::string& label) {
    if (!mappings.empty()) (void)applyActorMapping(file, mappings, "actor mapping");
    mergeDataset(open, std::move(file), label);
}

void Workspace::add(LoadResult file, const std::string& label) {
    for (Diagnostic& diagnostic : file.diagnostics) m_diagnostics.push_back(std::move(diagnostic));
    if (file.failed()) return;
    if (file.partial()) m_partial = true;
    if (m_files++ == 0) {
        m_dataset = std::move(file.dataset);
        // A mapping given before the first file (the command line's --actor-map) applies to it.
        if (!m_mappings.empty()) (void)applyActorMapping(m_dataset, m_mappings, "actor mapping");
        return;
    }
    addFileToDataset(m_dataset, std::move(file.dataset), m_mappings, label);
}

std::vector<Diagnostic> Workspace::applyMapping(const ActorMapping& mapping) {
    std::vector<Diagnostic> problems;
    if (m_files > 0) {
        problems = applyActorMapping(m_dataset, mapping);
    } else {
        problems = mapping.diagnostics; // nothing open to apply it to yet: only reading problems
    }
    if (!hasFatal(mapping.diagnostics))
        m_mappings.insert(m_mappings.end(), mapping.entries.begin(), mapping.entries.end());
    m_diagnostics.insert(m_diagnostics.end(), problems.begin(), problems.end());
    return problems;
}

std::vector<Diagnostic> Workspace::applyMapping(std::vector<ActorMappingEntry> entries, const std::string& label) {
    std::vector<Diagnostic> problems;
    if (m_files > 0) problems = applyActorMapping(m_dataset, entries, label);
    m_mappings.insert(m_mappings.end(), entries.begin(), entries.end());
    m_diagnostics.insert(m_diagnostics.end(), problems.begin(), problems.end());
    return problems;
}

Dataset Workspace::takeDataset() {
    Dataset out = std::move(m_dataset);
    m_dataset = Dataset();
    return out;
}

} // namespace atlas
