// Diagnostics (model/diagnostic): where and what, in the form compilers use.
#include "atlas/model/diagnostic.h"
#include "atlas/model/diagnostic_codes.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

using namespace atlas;

TEST(Diagnostic, SaysFileLineColumnSeverityAndPointer) {
    const Diagnostic d{Severity::Error, "field.type", "\"date\" must be a string, found a number", "x.atlas.json", 4, 51, "/events/3/date", {}};
    EXPECT_EQ(d.toString(), "x.atlas.json:4:51: error: \"date\" must be a string, found a number [at /events/3/date]");
    const Diagnostic noPosition{Severity::Warning, "w", "something", "", 0, 0, "", {}};
    EXPECT_EQ(noPosition.toString(), "<input>: warning: something");
}

TEST(Diagnostic, ErrorsAndFatalsAreTold) {
    const Diagnostic warning{Severity::Warning, "w", "", "", 0, 0, "", {}};
    const Diagnostic error{Severity::Error, "e", "", "", 0, 0, "", {}};
    const Diagnostic fatal{Severity::Fatal, "f", "", "", 0, 0, "", {}};
    EXPECT_FALSE(hasErrors({warning}));
    EXPECT_TRUE(hasErrors({warning, error}));
    EXPECT_FALSE(hasFatal({warning, error}));
    EXPECT_TRUE(hasFatal({fatal}));
    EXPECT_TRUE(hasErrors({fatal}));
}

TEST(DiagnosticCodes, EachCodeIsStableUniqueAndExplained) {
    std::set<std::string> seen;
    for (const auto& [code, meaning] : codes::kAll) {
        const std::string text(code);
        EXPECT_TRUE(seen.insert(text).second) << text << " twice";
        EXPECT_NE(text.find('.'), std::string::npos) << text << ": area.name";
        for (char c : text) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '.' || c == '_') << text;
        EXPECT_GT(std::string(meaning).size(), 10u) << text;
    }
    EXPECT_GE(seen.size(), 60u);
    EXPECT_TRUE(seen.count(codes::kGeojsonDate)); // what the window matches on
}
