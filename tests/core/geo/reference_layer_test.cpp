// ReferenceLayer (geo/reference_layer): the field that names features, labels, finding one.
#include "atlas/geo/reference_layer.h"

#include <gtest/gtest.h>

using namespace atlas;

TEST(ReferenceLayer, GuessesTheFieldThatNamesFeatures) {
    // OCHA's districts carry their governorate's and country's names too: the deepest level wins.
    EXPECT_EQ(guessLabelField({"ADM0_EN", "ADM0_PCODE", "ADM1_EN", "ADM2_AR", "ADM2_EN", "ADM2_PCODE"}), 4);
    EXPECT_EQ(guessLabelField({"shapeISO", "shapeID", "shapeName"}), 2); // geoBoundaries
    EXPECT_EQ(guessLabelField({"id", "NAME"}), 1);
    EXPECT_EQ(guessLabelField({"id", "camp_name", "pop"}), 1);
    EXPECT_EQ(guessLabelField({"id", "pop"}), 0);
    EXPECT_EQ(guessLabelField({}), -1);
}

TEST(ReferenceLayer, LabelsAndFindsFeatures) {
    ReferenceLayer layer;
    layer.fields = {"ADM2_EN", "ADM2_PCODE"};
    layer.labelField = 0;
    ReferenceFeature a;
    a.fid = 3;
    a.values = {"Idleb", "SY0700"};
    a.area.rings = {{{35, 36}, {35, 37}, {36, 37}}};
    ReferenceFeature b;
    b.fid = 4;
    b.values = {"", "SY0701"};
    layer.features = {a, b};
    EXPECT_EQ(layer.label(0), "Idleb");
    EXPECT_EQ(layer.label(1), "feature 4"); // no name: its id
    EXPECT_EQ(layer.label(1, 1), "SY0701");
    EXPECT_EQ(layer.fieldIndex("adm2_pcode"), 1);
    EXPECT_EQ(layer.fieldIndex("nope"), -1);
    EXPECT_EQ(layer.findFeature("idleb"), 0u);
    EXPECT_EQ(layer.findFeature("SY0701"), 1u); // by any field's value
    EXPECT_FALSE(layer.findFeature("Aleppo"));
    EXPECT_EQ(layer.areaCount(), 1u);
    ASSERT_EQ(layer.polygons().size(), 2u); // one per feature, so indexes line up
    EXPECT_TRUE(layer.polygons()[1].rings.empty());
}
