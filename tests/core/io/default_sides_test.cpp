// The default sides of imported actors (io/default_sides, resources/mappings/default-sides.json).
#include "atlas/io/default_sides.h"
#include "atlas/io/acled.h"
#include "atlas/io/ucdp.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
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

namespace {
std::string writeTemp(const char* name, const std::string& text) {
    const std::string path = (std::filesystem::temp_directory_path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}
const Actor* actorNamed(const Dataset& d, const std::string& name) {
    for (const Actor& a : d.actors)
        if (a.name == name) return &a;
    return nullptr;
}
} // namespace

TEST(DefaultSides, ImportedFactionsGoUnderTheirUmbrellaGroups) {
    // ACLED: the SNA's factions under an umbrella made for them; the army under the government's.
    const std::string acled = writeTemp("atlas-umbrellas.csv",
        "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
        "civilian_targeting,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities\n"
        "SYRU1,2020-02-10,2020,1,Battles,Armed clash,Sultan Murad Division,JaS: Levant Front,Rebel group,"
        "Military Forces of Syria (2000-),,State forces,,Syria,Aleppo,Al Bab,Tadef,36.35,37.53,1,Test,test,2\n");
    const LoadResult a = readAcledCsvFile(acled);
    ASSERT_FALSE(a.failed());
    const Actor* sna = actorNamed(a.dataset, "Syrian National Army");
    ASSERT_NE(sna, nullptr);
    EXPECT_EQ(sna->side, Side::Opposition);
    EXPECT_EQ(actorNamed(a.dataset, "Sultan Murad Division")->parent, sna->id);
    EXPECT_EQ(actorNamed(a.dataset, "JaS: Levant Front")->parent, sna->id);
    const Actor* government = actorNamed(a.dataset, "Syrian government forces");
    ASSERT_NE(government, nullptr);
    EXPECT_EQ(actorNamed(a.dataset, "Military Forces of Syria (2000-)")->parent, government->id);
    EXPECT_EQ(a.dataset.sideOfActor(government->id), Side::ProGovernment);

    // UCDP: the Sham Legion under the National Front for Liberation the file itself names; several
    // governments on one side become one actor each.
    const std::string ucdp = writeTemp("atlas-umbrellas-ged.csv",
        "id,year,type_of_violence,side_a,side_b,where_prec,where_coordinates,adm_1,latitude,longitude,date_prec,date_start,date_end,best,low,high\n"
        "1,2019,1,Government of Syria,Sham Legion,2,A,Idlib,35.6,36.6,1,2019-05-01,2019-05-01,3,3,3\n"
        "2,2019,1,Government of Syria,National Front for Liberation,2,B,Idlib,35.7,36.7,1,2019-05-02,2019-05-02,1,1,1\n"
        "3,2019,1,\"Government of Syria, Government of Russia (Soviet Union)\",Syrian insurgents,2,C,Idlib,35.8,36.8,1,2019-05-03,2019-05-03,2,2,2\n");
    const LoadResult u = readUcdpGedCsvFile(ucdp);
    ASSERT_FALSE(u.failed()) << u.diagnostics.front().toString();
    const Actor* nfl = actorNamed(u.dataset, "National Front for Liberation");
    ASSERT_NE(nfl, nullptr);
    EXPECT_EQ(actorNamed(u.dataset, "Sham Legion")->parent, nfl->id);
    EXPECT_EQ(std::count_if(u.dataset.actors.begin(), u.dataset.actors.end(),
                            [](const Actor& x) { return x.name == "National Front for Liberation"; }), 1);
    const Event both = u.dataset.events[2];
    ASSERT_EQ(both.perpetrators.size(), 2u);
    EXPECT_EQ(u.dataset.actorName(both.perpetrators[0]), "Government of Syria");
    EXPECT_EQ(u.dataset.actorName(both.perpetrators[1]), "Government of Russia (Soviet Union)");
    EXPECT_EQ(u.dataset.sideOfActor(both.perpetrators[1]), Side::RussianForces);
    std::filesystem::remove(acled);
    std::filesystem::remove(ucdp);
}
