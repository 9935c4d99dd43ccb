// The RFC 4180 record reader (io/csv).
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

TEST(CsvReader, HandlesQuotesLineBreaksBomAndBothLineEnds) {
    std::istringstream in("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\n4,,\"\"\r\n");
    CsvReader csv(in);
    std::vector<std::string> f;
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{"a", "b", "c"}));
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{"1", "x, \"y\"\nz", "3"}));
    EXPECT_EQ(csv.recordLine(), 2);
    EXPECT_EQ(csv.fieldColumn(1), 3);
    EXPECT_TRUE(csv.problem().empty());
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{""})); // the blank line
    ASSERT_TRUE(csv.next(f));
    EXPECT_EQ(f, (std::vector<std::string>{"4", "", ""}));
    EXPECT_EQ(csv.recordLine(), 5);
    EXPECT_FALSE(csv.next(f));
}

TEST(CsvReader, ReportsAnUnclosedQuoteWithWhereItOpened) {
    std::istringstream in("a,b\n1,\"never closed\n2,3\n");
    CsvReader csv(in);
    std::vector<std::string> f;
    ASSERT_TRUE(csv.next(f));
    ASSERT_TRUE(csv.next(f));
    EXPECT_NE(csv.problem().find("never closed"), std::string::npos);
    EXPECT_EQ(csv.problemLine(), 2);
    EXPECT_EQ(csv.problemColumn(), 3);
}
