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
