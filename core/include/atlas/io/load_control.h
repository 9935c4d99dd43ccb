#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>

#include "atlas/io/load_result.h"

namespace atlas {

/// Lets a caller watch a long load and stop it: `progress` is called now and then with the
/// bytes (or rows) read and the total — possibly from more than one thread at once (a
/// GeoPackage is read by two), so it must only store what it is told; when `*cancel` becomes true the reader stops at the next
/// buffer and the load ends with a fatal "load.cancelled" diagnostic (the caller's previous
/// data is untouched — nothing is returned but that diagnostic).
struct LoadControl {
    std::function<void(std::uint64_t bytesRead, std::uint64_t totalBytes)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

namespace detail {
/// A file opened for a reader, read through a buffer that reports progress to `control` and
/// stops (as at the end of the file) once `control->cancel` is set.
class InputFile : public std::istream {
public:
    /// Whether the reading stopped because the caller cancelled it.
    [[nodiscard]] virtual bool cancelled() const = 0;

protected:
    InputFile() : std::istream(nullptr) {}
};
/// Opens `path` for a reader; `control` may be null (no progress, no cancel). Null when the
/// file cannot be opened.
[[nodiscard]] std::unique_ptr<InputFile> openInput(const std::string& path, const LoadControl* control);
/// What a cancelled load returns: no data, one fatal "load.cancelled" diagnostic.
[[nodiscard]] LoadResult cancelledLoad(const std::string& path);
} // namespace detail

} // namespace atlas
