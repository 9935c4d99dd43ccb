// KML for Google Earth (io/kml): one Placemark per event, in time, styled per side, escaped.
#include "atlas/io/kml.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace atlas;

TEST(Kml, WritesPlacemarksWithTimeAndSideStylesAndEscapesText) {
    Dataset d;
    Actor army;
    army.id = "army";
    army.name = "Army & allies";
    army.side = Side::ProGovernment;
    d.actors.push_back(army);
    Event one;
    one.id = "e1";
    one.type = EventType::Shelling;
    one.date = Date::parse("2020-10-27").value();
    one.place.point = {35.6, 36.6};
    one.place.name = "Sarmin <east>";
    one.perpetrators = {"army"};
    Event span = one;
    span.id = "e2";
    span.endDate = Date::parse("2020-10-29");
    d.events.push_back(one);
    d.events.push_back(span);
    d.reindexActors();
    const std::uint32_t all[] = {0, 1};
    std::ostringstream out;
    writeKml(d, all, out);
    const std::string kml = out.str();
    EXPECT_EQ(kml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
    EXPECT_NE(kml.find("<Style id=\"side-pro_government\">"), std::string::npos);
    EXPECT_LT(kml.find("<Style id="), kml.find("<Placemark")) << "styles before features, as the schema wants";
    EXPECT_NE(kml.find("<TimeStamp><when>2020-10-27</when></TimeStamp>"), std::string::npos);
    EXPECT_NE(kml.find("<TimeSpan><begin>2020-10-27</begin><end>2020-10-29</end></TimeSpan>"), std::string::npos);
    EXPECT_NE(kml.find("Sarmin &lt;east&gt;"), std::string::npos);
    EXPECT_NE(kml.find("Army &amp; allies"), std::string::npos);
    EXPECT_NE(kml.find("<coordinates>36.600000,35.600000</coordinates>"), std::string::npos) << "longitude first";
    EXPECT_EQ(kml.find("<Placemark", kml.find("<Placemark id=\"e2\"") + 1), std::string::npos) << "two placemarks";
}
