// Merging files (model/merge): ACLED revisions and deletions, other sources kept apart.
#include "atlas/io/acled.h"
#include "atlas/io/ucdp.h"
#include "atlas/model/merge.h"
#include "event_lookup.h"

#include <gtest/gtest.h>

using namespace atlas;
using atlas::test::byId;

namespace {

const std::string kDir = ATLAS_TEST_DATA_DIR "/acled/";

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
    ASSERT_TRUE(byId(merged, "SYRTEST1").has_value());
    EXPECT_EQ(byId(merged, "SYRTEST1")->killed.low, 79);
    EXPECT_FALSE(byId(merged, "SYRTEST3").has_value());
    EXPECT_TRUE(byId(merged, "SYRTEST6").has_value());
    // mergeDataset does the same for two ACLED imports, but keeps other sources apart.
    Dataset viaMerge = older.dataset;
    mergeDataset(viaMerge, newer.dataset, "newer-export.csv");
    EXPECT_EQ(viaMerge.events.size(), 3u);
    Dataset mixed = readUcdpGedCsvFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv").dataset;
    mergeDataset(mixed, older.dataset, "current-export.csv");
    EXPECT_EQ(mixed.events.size(), 4u);
}
