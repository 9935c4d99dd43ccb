#pragma once

// The process's own memory figures for the benchmarks (Linux): resident set and its peak.

#include <malloc.h>

#include <fstream>
#include <string>

namespace atlas::bench {

/// A field of /proc/self/status in kB ("VmRSS:", "VmHWM:"); -1 when it cannot be read.
inline long readStatusKb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
    return -1;
}

/// Resets the peak (VmHWM) to the current resident set — writing "5" to /proc/self/clear_refs —
/// after handing freed heap back, so a measurement sees its own peak and what it reuses.
inline void resetPeak() {
    malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
}

} // namespace atlas::bench
