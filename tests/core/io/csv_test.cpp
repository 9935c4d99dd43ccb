// The RFC 4180 record reader (io/csv).
#include "atlas/io/csv.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace atlas;

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

namespace {

// Every record of `text` read through blocks of `blockBytes`, with each field's position.
std::vector<std::string> recordsInBlocks(const std::string& text, std::size_t blockBytes) {
    std::istringstream in(text);
    CsvBlockReader blocks(in, blockBytes);
    CsvBlock block;
    std::vector<std::string> out;
    std::vector<std::string_view> fields;
    while (blocks.next(block)) {
        CsvRecordParser parser(block.bytes(), block.firstLine);
        while (parser.next(fields)) {
            std::string record = std::to_string(parser.recordLine()) + ":";
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const CsvPosition at = parser.fieldPosition(i);
                record += "[" + std::string(fields[i]) + "@" + std::to_string(at.line) + "." + std::to_string(at.column) + "]";
            }
            if (!parser.problem().empty())
                record += " problem@" + std::to_string(parser.problemPosition().line) + "." +
                          std::to_string(parser.problemPosition().column) + ": " + parser.problem();
            out.push_back(record);
        }
    }
    return out;
}

} // namespace

TEST(CsvBlocks, HowTheInputIsCutChangesNoRecordAndNoPosition) {
    const std::vector<std::string> inputs{
        "a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\n4,,\"\"\r\n",
        "\xEF\xBB\xBF" "a,b\n\"q\"\"\",2\r\n3,\"\n\n\"\n",
        "a,b\n1,x\"y\n2,\"q\"tail\"more\n3,\"never closed\n4,5\n", // irregular quotes: the parser decides
        "a,b\r1,2\r3,4",                                             // CR alone ends records
        "a,\"b\"x\r\"c\",d\r\ne\"f,g\n",                            // irregular, with a CR alone
        "no line break at the end",
        "",
    };
    for (const std::string& text : inputs) {
        const auto whole = recordsInBlocks(text, 1 << 20);
        for (const std::size_t blockBytes : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{13}})
            EXPECT_EQ(recordsInBlocks(text, blockBytes), whole) << "blocks of " << blockBytes << " in: " << text;
    }
    // The records the third input holds, as CsvReader has always read them.
    const auto irregular = recordsInBlocks(inputs[2], 1);
    ASSERT_EQ(irregular.size(), 4u);
    EXPECT_EQ(irregular[1].substr(0, 20), "2:[1@2.1][x\"y@2.3] p");
    EXPECT_NE(irregular[2].find("[qtail\"more@3.3]"), std::string::npos);
    EXPECT_NE(irregular[3].find("never closed\n4,5\n@4.3]"), std::string::npos);
}

TEST(CsvBlocks, FindsWhereTheLastWholeRecordEnds) {
    EXPECT_EQ(csvLastRecordEnd("a,b\nc,d"), 4u);
    EXPECT_EQ(csvLastRecordEnd("a,\"b\nc\",d\ne"), 10u);       // the first line break is inside quotes
    EXPECT_EQ(csvLastRecordEnd("a,\"b\nc"), std::string_view::npos);
    EXPECT_EQ(csvLastRecordEnd("x\"y\nz,\"w\n"), 4u);           // a stray quote does not open a field
    EXPECT_EQ(csvLastRecordEnd("a\r"), std::string_view::npos); // a CR that an LF may follow
    EXPECT_EQ(csvLineBreaks("a\nb\n\nc"), 3u);
}

TEST(DelimitedField, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(delimitedField("plain"), "plain");
    EXPECT_EQ(delimitedField("a, b"), "\"a, b\"");
    EXPECT_EQ(delimitedField("say \"x\""), "\"say \"\"x\"\"\"");
    EXPECT_EQ(delimitedField("a, b", '\t'), "a, b");
    EXPECT_EQ(delimitedField("a\tb", '\t'), "\"a\tb\"");
    EXPECT_EQ(delimitedField("two\nlines", '\t'), "\"two\nlines\"");
}
