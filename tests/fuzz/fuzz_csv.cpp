// libFuzzer target: the CSV readers (RFC 4180 records, ACLED and UCDP GED layouts) on
// arbitrary bytes.
#include "fuzz_checks.h"

#include "atlas/io/acled.h"
#include "atlas/io/csv.h"
#include "atlas/io/ucdp.h"

#include <cstddef>
#include <cstdint>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    {
        std::istringstream in(text);
        atlas::CsvReader reader(in);
        std::vector<std::string> fields;
        std::size_t bytes = 0;
        while (reader.next(fields))
            for (const auto& f : fields) bytes += f.size();
        if (bytes > size) atlas::fuzz::broken("the CSV reader returned more bytes than it was given");
    }
    {
        std::istringstream in(text);
        const atlas::LoadResult whole = atlas::readAcledCsv(in, "fuzz.csv", size);
        atlas::fuzz::requireSound(whole, "fuzz.csv");
        // Cut into blocks of a few bytes (parsed apart, then joined), the file reads the same.
        std::istringstream again(text);
        const atlas::LoadResult cut = atlas::detail::readAcledCsvInBlocks(again, "fuzz.csv", size, 1 + size % 7);
        if (!(cut.dataset.events == whole.dataset.events) || !(cut.dataset.actors == whole.dataset.actors) ||
            cut.diagnostics.size() != whole.diagnostics.size())
            atlas::fuzz::broken("the ACLED reader read differently with the file cut into small blocks");
        for (std::size_t i = 0; i < cut.diagnostics.size(); ++i)
            if (cut.diagnostics[i].toString() != whole.diagnostics[i].toString())
                atlas::fuzz::broken("the ACLED reader placed a problem differently with the file cut into small blocks");
    }
    {
        std::istringstream in(text);
        atlas::fuzz::requireSound(atlas::readUcdpGedCsv(in, "fuzz.csv"), "fuzz.csv");
    }
    return 0;
}
