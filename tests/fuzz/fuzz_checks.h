#pragma once
// What every reader promises about its result, whatever the input: checked by the fuzz
// targets after each run, so a reader that quietly builds nonsense fails as loudly as one
// that crashes. A broken promise aborts with a message (libFuzzer then saves the input).

#include "atlas/io/native_format.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace atlas::fuzz {

[[noreturn]] inline void broken(const std::string& what) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
    std::abort();
}

inline void requireCount(const CasualtyCount& count, const std::string& where) {
    if (count.low && *count.low < 0) broken(where + ": negative count");
    if (count.low && count.high && *count.high < *count.low) broken(where + ": range ends below its start");
}

/// Sound results: a failed load returns no data; every event that was kept has a position on
/// the globe and sane counts and dates; every diagnostic names its file and a position that
/// is not negative.
inline void requireSound(const LoadResult& result, const std::string& file) {
    for (const Diagnostic& d : result.diagnostics) {
        if (d.file != file) broken("diagnostic without its file: " + d.toString());
        if (d.line < 0 || d.column < 0) broken("negative position: " + d.toString());
        if (d.message.empty()) broken("diagnostic without a message");
    }
    const Dataset& dataset = result.dataset;
    if (result.failed() && !dataset.events.empty()) broken("a failed load returned events");
    for (const Event& e : dataset.events) {
        const std::string where = "event " + e.id;
        if (!(e.place.point.latitude >= -90 && e.place.point.latitude <= 90 && e.place.point.longitude >= -180 && e.place.point.longitude <= 180))
            broken(where + ": position off the globe");
        if (e.endDate && *e.endDate < e.date) broken(where + ": ends before it starts");
        requireCount(e.killed, where + " killed");
        requireCount(e.wounded, where + " wounded");
    }
}

} // namespace atlas::fuzz
