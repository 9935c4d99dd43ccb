// libFuzzer target: the native reader on arbitrary bytes. What it accepts must save and read
// back unchanged (the format is lossless).
#include "fuzz_checks.h"

#include "atlas/io/native_format.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const atlas::LoadResult result = atlas::readNativeText(text, "fuzz.atlas.json");
    atlas::fuzz::requireSound(result, "fuzz.atlas.json");
    // The fast road (events decoded with simdjson) reads exactly as the exact reader.
    const atlas::LoadResult exact = atlas::detail::readNativeTextExact(text, "fuzz.atlas.json");
    if (exact.diagnostics.size() != result.diagnostics.size())
        atlas::fuzz::broken("the fast road and the exact reader report a different number of problems");
    for (std::size_t i = 0; i < exact.diagnostics.size(); ++i)
        if (exact.diagnostics[i].toString() != result.diagnostics[i].toString())
            atlas::fuzz::broken("the fast road reports " + result.diagnostics[i].toString() + ", the exact reader " +
                                exact.diagnostics[i].toString());
    if (!result.failed() && atlas::writeNativeText(result.dataset) != atlas::writeNativeText(exact.dataset))
        atlas::fuzz::broken("the fast road reads a different dataset than the exact reader");
    if (result.failed() || !result.diagnostics.empty()) return 0;
    const atlas::LoadResult again = atlas::readNativeText(atlas::writeNativeText(result.dataset), "again.atlas.json");
    if (!again.diagnostics.empty()) atlas::fuzz::broken("a clean file, saved again, reads with diagnostics: " + again.diagnostics.front().toString());
    if (!(again.dataset.events == result.dataset.events)) atlas::fuzz::broken("a clean file, saved again, reads back different events");
    return 0;
}
