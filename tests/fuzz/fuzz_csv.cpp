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
        atlas::fuzz::requireSound(atlas::readAcledCsv(in, "fuzz.csv", size), "fuzz.csv");
    }
    {
        std::istringstream in(text);
        atlas::fuzz::requireSound(atlas::readUcdpGedCsv(in, "fuzz.csv"), "fuzz.csv");
    }
    return 0;
}
