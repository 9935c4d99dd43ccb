// Merging files (model/merge): ACLED revisions and deletions, other sources kept apart.
#include "atlas/io/acled.h"
#include "atlas/model/actor_mapping.h"
#include "atlas/io/csv.h"
#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/geojson.h"
#include "atlas/model/merge.h"
#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/io/read_any.h"
#include "atlas/io/ucdp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

using namespace atlas;

namespace {

[[maybe_unused]] const std::string kDir = ATLAS_TEST_DATA_DIR "/acled/";

[[maybe_unused]] const Event* byId(const Dataset& d, const std::string& id) {
    const auto it = std::find_if(d.events.begin(), d.events.end(), [&](const Event& e) { return e.id == id; });
    return it == d.events.end() ? nullptr : &*it;
}

[[maybe_unused]] std::string extra(const Event& e, const std::string& key) {
    for (const auto& [k, v] : e.extra)
        if (k == key) return v;
    return {};
}

[[maybe_unused]] LoadResult readText(const std::string& text) {
    std::istringstream in(text);
    return readAcledCsv(in, "test.csv");
}

} // namespace

TEST(AcledReader, ANewerExportRevisesAddsAndDeletes) {
    LoadResult older = readAcledCsvFile(kDir + "current-export.csv");
    LoadResult newer = readAcledCsvFile(kDir + "newer-export.csv");
    ASSERT_FALSE(newer.failed());
    ASSERT_TRUE(isAcledImport(older.dataset));
    Dataset merged = older.dataset;
    const AcledRevision update = applyAcledRevision(merged, newer.dataset);
    EXPECT_EQ(update.replaced, 2u);
    EXPECT_EQ(update.added, 1u);
    EXPECT_EQ(update.removed, 1u) << "SYRTEST3 is no longer listed for those days";
    ASSERT_EQ(merged.events.size(), 3u);
    ASSERT_NE(byId(merged, "SYRTEST1"), nullptr);
    EXPECT_EQ(byId(merged, "SYRTEST1")->killed.low, 79);
    EXPECT_EQ(byId(merged, "SYRTEST3"), nullptr);
    EXPECT_NE(byId(merged, "SYRTEST6"), nullptr);
    // mergeDataset does the same for two ACLED imports, but keeps other sources apart.
    Dataset viaMerge = older.dataset;
    mergeDataset(viaMerge, newer.dataset, "newer-export.csv");
    EXPECT_EQ(viaMerge.events.size(), 3u);
    Dataset mixed = readUcdpGedCsvFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv").dataset;
    mergeDataset(mixed, older.dataset, "current-export.csv");
    EXPECT_EQ(mixed.events.size(), 4u);
}
