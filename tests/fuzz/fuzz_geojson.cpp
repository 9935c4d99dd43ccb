// libFuzzer target: the GeoJSON reader on arbitrary bytes. What it accepts must also survive
// the writer: GeoJSON written from a read result reads back to as many events.
#include "fuzz_checks.h"

#include "atlas/io/acled.h"
#include "atlas/io/geojson.h"
#include "atlas/io/kml.h"
#include "atlas/io/geojson.h"

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The survey of date-like properties (the window's "Choose the date property") reads the
    // same bytes another way; every property it names must hold dates on at least one point.
    for (const atlas::GeoJsonDateProperty& property : atlas::geoJsonDateProperties(text))
        if (property.points == 0) atlas::fuzz::broken("a date property on no point");
    const atlas::LoadResult result = atlas::readGeoJsonText(text, "fuzz.geojson");
    atlas::fuzz::requireSound(result, "fuzz.geojson");
    if (result.failed() || result.dataset.events.empty()) return 0;
    std::vector<std::uint32_t> all(result.dataset.events.size());
    std::iota(all.begin(), all.end(), 0u);
    std::ostringstream written;
    atlas::writeGeoJson(result.dataset, all, written);
    const atlas::LoadResult again = atlas::readGeoJsonText(written.str(), "again.geojson");
    atlas::fuzz::requireSound(again, "again.geojson");
    if (again.dataset.events.size() != result.dataset.events.size())
        atlas::fuzz::broken("GeoJSON written from a read result does not read back to as many events");
    return 0;
}
