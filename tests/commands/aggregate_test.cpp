// conflict-atlas aggregate and --within: incidents per area of a boundary file, the same
// numbers as asking `query --within` area by area.
#include "atlas/io/gdal_layer.h"

#include "run_command.h"
#include "synthetic_layers.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include <unistd.h>
#include <fstream>
#include <sstream>
#include <utility>

using namespace atlas;
using namespace atlas::commands;

namespace {

const std::string kSample = ATLAS_SAMPLE_DATASET;

// Districts over north-west Syria, in UTM zone 37N as a national boundary file would be.
const std::string& districtsFile() {
    static const std::string path = [] {
        // A folder per process: ctest runs each test in a process of its own, side by side.
        const auto folder = std::filesystem::temp_directory_path() / ("atlas-aggregate-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(folder);
        bench::SyntheticDistrictsOptions options;
        options.count = 30;
        options.epsg = 32637;
        options.pixels = 300;
        options.west = 35.7, options.east = 38.0, options.south = 35.0, options.north = 36.9;
        const std::string file = (folder / "nw districts.shp").string();
        bench::writeSyntheticDistricts(file, options);
        return file;
    }();
    return path;
}

struct Row {
    std::string area;
    long events = 0, killed = 0;
    std::vector<std::string> cells;
};

std::vector<Row> rows(const std::string& csv) {
    std::vector<Row> result;
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line); // header
    while (std::getline(lines, line)) {
        Row row;
        // Cells, a quoted one ("Afrin, Azaz") whole.
        std::string cell;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') cell += line[++i];
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) row.cells.push_back(std::exchange(cell, {}));
            else cell += c;
        }
        row.cells.push_back(cell);
        row.area = row.cells.at(0);
        row.events = std::stol(row.cells.at(2));
        row.killed = std::stol(row.cells.at(3));
        result.push_back(row);
    }
    return result;
}

// "12 of 152 events match": the 12.
long matching(const Ran& ran) {
    const auto at = ran.err.find(" of ");
    return at == std::string::npos ? -1 : std::stol(ran.err.substr(0, at));
}

} // namespace

TEST(Aggregate, EachAreaCountsWhatQueryWithinItFinds) {
    const Ran ran = runCommand({"aggregate", kSample, "--by", districtsFile(), "--from", "2020-01-01", "--to", "2020-06-30"});
    ASSERT_EQ(ran.code, kOk) << ran.err;
    const std::vector<Row> table = rows(ran.out);
    ASSERT_GT(table.size(), 20u);
    EXPECT_EQ(table.back().area, "(outside every area)");
    long total = 0, nonEmpty = 0;
    for (const Row& row : table) {
        total += row.events;
        if (row.events == 0 || row.area == table.back().area) continue;
        ++nonEmpty;
        // The same area through the filter: the region test, not the per-event assignment.
        const Ran within = runCommand({"query", kSample, "--from", "2020-01-01", "--to", "2020-06-30", "--within", districtsFile() + ":" + row.area});
        ASSERT_EQ(within.code, kOk) << within.err;
        EXPECT_EQ(matching(within), row.events) << row.area;
    }
    EXPECT_GE(nonEmpty, 3);
    const Ran all = runCommand({"query", kSample, "--from", "2020-01-01", "--to", "2020-06-30"});
    EXPECT_EQ(total, matching(all)); // every incident once: in one area or outside
}

TEST(Aggregate, TwoPeriodsComparedInBands) {
    const Ran ran = runCommand({"aggregate", kSample, "--by", districtsFile(), "--from", "2020-02-15", "--to", "2020-02-29",
                                "--compare-from", "2020-02-01", "--compare-to", "2020-02-14", "--type", "air_strike"});
    ASSERT_EQ(ran.code, kOk) << ran.err;
    EXPECT_EQ(ran.out.substr(0, ran.out.find('\n')), "area,fid,events,killed_at_least,events_before,killed_before,change_percent,change");
    const Ran before = runCommand({"aggregate", kSample, "--by", districtsFile(), "--from", "2020-02-01", "--to", "2020-02-14", "--type", "air_strike"});
    const std::vector<Row> compared = rows(ran.out), earlier = rows(before.out);
    ASSERT_EQ(compared.size(), earlier.size());
    int changed = 0;
    for (std::size_t i = 0; i < compared.size(); ++i) {
        EXPECT_EQ(std::stol(compared[i].cells.at(4)), earlier[i].events) << compared[i].area;
        const long a = earlier[i].events, b = compared[i].events;
        const std::string& band = compared[i].cells.at(7);
        if (a == 0) {
            EXPECT_EQ(band, b == 0 ? "none" : "new");
        } else if (b >= 2 * a) {
            EXPECT_EQ(band, "surge");
        } else if (b * 100 <= a * 75) {
            EXPECT_EQ(band, "down25");
        }
        changed += band != "none";
    }
    EXPECT_GT(changed, 2);
}

TEST(Aggregate, GeoJsonHoldsTheAreasWithTheirCounts) {
    const Ran csv = runCommand({"aggregate", kSample, "--by", districtsFile(), "--split", "side"});
    const Ran ran = runCommand({"aggregate", kSample, "--by", districtsFile(), "--split", "side", "--format", "geojson"});
    ASSERT_EQ(ran.code, kOk) << ran.err;
    const auto json = nlohmann::json::parse(ran.out);
    const std::vector<Row> table = rows(csv.out);
    ASSERT_EQ(json["features"].size() + 1, table.size());
    for (std::size_t i = 0; i < json["features"].size(); ++i) {
        const auto& p = json["features"][i]["properties"];
        EXPECT_EQ(p["area"], table[i].area);
        EXPECT_EQ(p["events"].get<long>(), table[i].events);
        EXPECT_TRUE(p.contains("ADM2_PCODE")); // the layer's own fields come along
        EXPECT_TRUE(p.contains("side_pro_government"));
        EXPECT_EQ(json["features"][i]["geometry"]["type"], "MultiPolygon");
    }
    EXPECT_EQ(json["outside"]["events"].get<long>(), table.back().events);
}

TEST(Aggregate, BadUsageAndBadLayers) {
    EXPECT_EQ(runCommand({"aggregate", kSample}).code, kBadUsage); // no --by
    EXPECT_EQ(runCommand({"aggregate", kSample, "--by", districtsFile(), "--compare-from", "2020-01-01"}).code, kBadUsage);
    EXPECT_EQ(runCommand({"aggregate", kSample, "--by", districtsFile(), "--compare-from", "2020-02-01", "--compare-to", "2020-01-01"}).code,
              kBadUsage);
    const Ran field = runCommand({"aggregate", kSample, "--by", districtsFile(), "--field", "NOPE"});
    EXPECT_EQ(field.code, kBadUsage);
    EXPECT_NE(field.err.find("ADM2_PCODE"), std::string::npos) << field.err; // says which fields there are
    const auto broken = std::filesystem::temp_directory_path() / ("atlas-aggregate-broken-" + std::to_string(::getpid()) + ".geojson");
    std::ofstream(broken) << "{\"type\":\"FeatureCollection\",\"features\":[";
    const Ran bad = runCommand({"aggregate", kSample, "--by", broken.string()});
    EXPECT_EQ(bad.code, kBadInput);
    EXPECT_NE(bad.err.find(broken.filename().string()), std::string::npos) << bad.err;
    const Ran unknown = runCommand({"query", kSample, "--within", districtsFile() + ":Atlantis"});
    EXPECT_EQ(unknown.code, kBadUsage);
    EXPECT_NE(unknown.err.find("District"), std::string::npos) << unknown.err; // lists some names
}

TEST(Aggregate, ByTheDataControlAreasAsHeldOnEachDay) {
    const Ran ran = runCommand({"aggregate", kSample, "--by", "control", "--type", "air_strike"});
    ASSERT_EQ(ran.code, kOk) << ran.err;
    const std::vector<Row> table = rows(ran.out);
    ASSERT_EQ(table.size(), 4u); // the sample's three control areas, then outside them
    // The two opposition areas (before Maarat al-Numan fell, after the ceasefire) hold what
    // --held-by opposition finds; outside every area is --held-by unknown.
    const Ran opposition = runCommand({"query", kSample, "--type", "air_strike", "--held-by", "opposition"});
    const Ran nowhere = runCommand({"query", kSample, "--type", "air_strike", "--held-by", "unknown"});
    EXPECT_EQ(table[0].events + table[1].events, matching(opposition));
    EXPECT_EQ(table[3].events, matching(nowhere));
    EXPECT_GT(matching(opposition), 0);
    EXPECT_EQ(runCommand({"query", kSample, "--held-by", "martians"}).code, kBadUsage);
}

TEST(Aggregate, ExportColoursEachFramesAreasAsAggregateCountsThem) {
    std::vector<ExportRequest> frames;
    const ExportWriter writer = [&](const Dataset&, const EventIndex&, const ExportRequest& request) {
        frames.push_back(request);
        return std::vector<Diagnostic>{};
    };
    const Ran ran = runCommand({"export", kSample, "--out", "f.png", "--date", "2020-02-14", "--each-day-until", "2020-02-15", "--window", "14",
                                "--layer", districtsFile(), "--colour-by", "events"},
                               writer);
    ASSERT_EQ(ran.code, kOk) << ran.err;
    ASSERT_EQ(frames.size(), 2u);
    ASSERT_EQ(frames[0].layers.size(), 1u);
    EXPECT_FALSE(frames[0].areaLegend.empty());
    EXPECT_EQ(frames[0].areaLegend, frames[1].areaLegend); // the scale is the same on every frame
    // An area has a fill exactly when aggregate counts incidents in it for that frame's window.
    const std::vector<Row> table = rows(runCommand({"aggregate", kSample, "--by", districtsFile(), "--from", "2020-02-01", "--to", "2020-02-14"}).out);
    const auto& fills = frames[0].layers[0].fills;
    ASSERT_EQ(fills.size() + 1, table.size());
    for (std::size_t a = 0; a < fills.size(); ++a) EXPECT_EQ(fills[a].alpha > 0, table[a].events > 0) << table[a].area;
    // Compared with the fortnight before: fills by change band.
    frames.clear();
    EXPECT_EQ(runCommand({"export", kSample, "--out", "c.png", "--date", "2020-02-14", "--window", "14", "--layer", districtsFile(), "--colour-by",
                          "events", "--compare-from", "2020-01-18", "--compare-to", "2020-01-31"},
                         writer)
                  .code,
              kOk);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_NE(frames[0].areaLegendTitle.find("against 2020-01-18"), std::string::npos);
    EXPECT_EQ(runCommand({"export", kSample, "--out", "x.png", "--colour-by", "events"}, writer).code, kBadUsage); // no layer
    EXPECT_EQ(runCommand({"export", kSample, "--out", "x.png", "--layer", districtsFile(), "--colour-by", "many"}, writer).code, kBadUsage);
}

TEST(Aggregate, PerMonthAirStrikesBySideIntoOppositionHeldGround) {
    const Ran ran = runCommand({"aggregate", kSample, "--by", "control", "--held-by", "opposition", "--type", "air_strike", "--split", "side",
                                "--per", "month"});
    ASSERT_EQ(ran.code, kOk) << ran.err;
    EXPECT_EQ(ran.out.substr(0, ran.out.find(',')), "period");
    // The rows: one per area and month of the data (2020: twelve months, three areas and the outside row).
    std::istringstream lines(ran.out);
    std::string line;
    std::getline(lines, line);
    long total = 0, rowCount = 0, january = 0;
    while (std::getline(lines, line)) {
        ++rowCount;
        const auto cells = [&] {
            std::vector<std::string> out;
            std::string cell;
            bool quoted = false;
            for (const char c : line) {
                if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) out.push_back(std::exchange(cell, {}));
                else cell += c;
            }
            out.push_back(cell);
            return out;
        }();
        total += std::stol(cells.at(3));
        if (cells[0] == "2020-01-01") january += std::stol(cells.at(3));
    }
    EXPECT_EQ(rowCount, 12 * 4);
    const Ran all = runCommand({"query", kSample, "--held-by", "opposition", "--type", "air_strike"});
    EXPECT_EQ(total, matching(all));
    const Ran inJanuary = runCommand({"query", kSample, "--held-by", "opposition", "--type", "air_strike", "--from", "2020-01-01", "--to", "2020-01-31"});
    EXPECT_EQ(january, matching(inJanuary));
    EXPECT_EQ(runCommand({"aggregate", kSample, "--by", "control", "--per", "month", "--format", "geojson"}).code, kBadUsage);
    EXPECT_EQ(runCommand({"aggregate", kSample, "--by", "control", "--per", "fortnight"}).code, kBadUsage);
}
