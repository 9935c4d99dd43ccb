// Incidents per area as colours (render/area_shading): classes on the fixed scale, bands when
// comparing, nothing where nothing happened.
#include "atlas/render/area_shading.h"

#include "atlas/query/area_aggregation.h"

#include <gtest/gtest.h>

using namespace atlas;

namespace {

AreaCounts counts(std::initializer_list<std::uint32_t> events) {
    AreaCounts c;
    for (std::uint32_t n : events) {
        AreaTotals t;
        t.events = n;
        t.killedAtLeast = 10 * n;
        c.areas.push_back(t);
    }
    return c;
}

} // namespace

TEST(AreaShading, ClassesOnTheFixedScale) {
    const std::vector<std::uint64_t> classes = scaleClasses(20); // 1, 2, 5, 10, 20
    const render::AreaShading s = render::shadeAreas(counts({0, 1, 7, 40}), std::nullopt, classes, false);
    ASSERT_EQ(s.fills.size(), 4u);
    EXPECT_EQ(s.fills[0].alpha, 0);                 // none: not coloured
    EXPECT_GT(s.fills[1].alpha, 0);
    EXPECT_NE(s.fills[1], s.fills[2]);
    EXPECT_EQ(s.fills[3].red, map_style::kChoroplethRamp[4].red); // above the scale: the top class
    ASSERT_EQ(s.legend.size(), classes.size());
    EXPECT_EQ(s.legend.front().first, "1");
    EXPECT_EQ(s.legend.back().first, "11 or more");
    // Killed instead: 70 killed is above a scale topped at 20.
    const render::AreaShading k = render::shadeAreas(counts({0, 1, 7}), std::nullopt, classes, true);
    EXPECT_EQ(k.fills[2].red, map_style::kChoroplethRamp[4].red);
    EXPECT_EQ(render::shadedValue(counts({3}).areas[0], true), 30u);
}

TEST(AreaShading, BandsWhenComparing) {
    const render::AreaShading s = render::shadeAreas(counts({0, 4, 10, 5}), counts({0, 0, 5, 5}), {}, false);
    EXPECT_EQ(s.fills[0].alpha, 0); // none in either
    EXPECT_EQ(s.fills[1].red, map_style::kChangeBandColours[static_cast<int>(ChangeBand::New)].red);
    EXPECT_EQ(s.fills[2].red, map_style::kChangeBandColours[static_cast<int>(ChangeBand::Surge)].red);
    EXPECT_EQ(s.fills[3].red, map_style::kChangeBandColours[static_cast<int>(ChangeBand::Stable)].red);
    EXPECT_EQ(s.legend.size(), static_cast<std::size_t>(kChangeBandCount - 1));
}

TEST(AreaShading, HeatReadsIncidentsHeapedOnOneSpot) {
    Dataset d;
    for (int i = 0; i < 5; ++i) {
        Event e;
        e.id = "e" + std::to_string(i);
        e.date = *Date::parse("2020-10-26");
        e.place.point = {36.0, 36.5};
        d.events.push_back(e);
    }
    const EventIndex index(d);
    const render::ViewTransform view = render::ViewTransform::fitting({36.0, 35.5, 37.0, 36.5}, 400, 400);
    const std::vector<std::uint64_t> classes{1, 2, 5, 10};
    const render::HeatMark heat = render::heatMark(d, index, EventFilter{}, view, 400, 400, classes, 14, 4);
    ASSERT_EQ(heat.columns, 100);
    ASSERT_EQ(heat.rows, 100);
    const render::PixelPoint at = view.map(GeoPoint{36.0, 36.5});
    const auto cell = [&](double x, double y) {
        return heat.cells[static_cast<std::size_t>(y / 4) * 100 + static_cast<std::size_t>(x / 4)];
    };
    const render::AreaShading legend = render::shadeValues({}, classes);
    EXPECT_EQ(cell(at.x, at.y).red, legend.legend[2].second.red); // five on the spot: the 3–5 class
    EXPECT_EQ(cell(at.x + 40, at.y).alpha, 0);                    // beyond the kernel: clear
    EXPECT_GT(cell(at.x + 8, at.y).alpha, 0);                     // within it: some
}

TEST(AreaShading, HexagonsComparedKeepThoseEmptiedSince) {
    Dataset d;
    const auto add = [&](const char* id, const char* date, double lat, double lon) {
        Event e;
        e.id = id;
        e.date = *Date::parse(date);
        e.place.point = {lat, lon};
        d.events.push_back(e);
    };
    add("a", "2020-01-05", 36.0, 36.5); // January only: emptied since
    add("b", "2020-02-05", 35.0, 37.5); // February only: new
    add("c", "2020-01-06", 35.5, 38.5);
    add("d", "2020-02-06", 35.5, 38.5); // one each month: stable
    const EventIndex index(d);
    const auto layer = render::hexbinChange(index, EventFilter::forWindow(*Date::parse("2020-02-01"), *Date::parse("2020-02-29")),
                                            EventFilter::forWindow(*Date::parse("2020-01-01"), *Date::parse("2020-01-31")), 0.001);
    ASSERT_EQ(layer.bins.cells.size(), 3u);
    ASSERT_EQ(layer.shading.fills.size(), 3u);
    const auto colourOf = [&](GeoPoint p) {
        const HexCoordinate hex = hexOf(toMercator(p), 0.001);
        for (std::size_t i = 0; i < layer.bins.cells.size(); ++i)
            if (layer.bins.cells[i].hex == hex) return layer.shading.fills[i];
        return Rgba{};
    };
    EXPECT_EQ(colourOf({36.0, 36.5}).red, map_style::kChangeBandColours[static_cast<int>(ChangeBand::Fewer25)].red);
    EXPECT_EQ(colourOf({35.0, 37.5}).red, map_style::kChangeBandColours[static_cast<int>(ChangeBand::New)].red);
    EXPECT_EQ(colourOf({35.5, 38.5}).red, map_style::kChangeBandColours[static_cast<int>(ChangeBand::Stable)].red);
}
