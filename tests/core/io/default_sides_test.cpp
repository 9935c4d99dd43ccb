// The default sides of imported actors (io/default_sides, resources/mappings/default-sides.json).
#include "atlas/io/default_sides.h"
#include "atlas/io/ucdp.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace atlas;

TEST(DefaultSides, EveryEntryOfTheResourceIsBuiltInAsWritten) {
    std::ifstream file(ATLAS_BASEMAP_DIR "/../mappings/default-sides.json");
    const auto document = nlohmann::json::parse(file);
    ASSERT_TRUE(document["actors"].is_array());
    ASSERT_GE(document["actors"].size(), 30u);
    for (const auto& entry : document["actors"]) {
        const auto side = sideFromKey(entry["side"].get<std::string>());
        ASSERT_TRUE(side) << entry.dump();
        ASSERT_TRUE(entry.contains("source") && document["sources"].is_object()) << entry.dump(); // every name is sourced
        if (entry.contains("prefix")) {
            const std::string prefix = entry["prefix"].get<std::string>();
            EXPECT_EQ(defaultSideOfActor(prefix), side) << prefix;
            EXPECT_EQ(defaultSideOfActor(prefix + ") Air Force"), side) << prefix; // a sub-unit, a year suffix
        } else {
            const std::string name = entry["name"].get<std::string>();
            EXPECT_EQ(defaultSideOfActor(name), side) << name;
            EXPECT_FALSE(defaultSideOfActor(name + " (a faction of it)")) << name; // names are whole
        }
    }
    // The two spellings of the Assad-era army ACLED has used, and its units.
    EXPECT_EQ(defaultSideOfActor("Military Forces of Syria (2000-)"), Side::ProGovernment);
    EXPECT_EQ(defaultSideOfActor("Military Forces of Syria (2000-2024) Syrian Arab Air Force"), Side::ProGovernment);
    // Left to the analyst: the state after December 2024, victims, anyone unknown.
    EXPECT_FALSE(defaultSideOfActor("Military Forces of Syria (2024-)"));
    EXPECT_FALSE(defaultSideOfActor("Civilians"));
    EXPECT_FALSE(defaultSideOfActor("Some Brigade"));
}

TEST(DefaultSides, AUcdpFileOpensWithItsSidesKnown) {
    const LoadResult r = readUcdpGedCsvFile(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv");
    ASSERT_FALSE(r.failed());
    const Event strike = r.dataset.events[0];
    EXPECT_EQ(r.dataset.sideOfActor(strike.perpetrators.at(0)), Side::ProGovernment); // Government of Syria
    EXPECT_EQ(r.dataset.sideOfActor(strike.targets.at(0)), Side::Opposition);         // Syrian insurgents
}
