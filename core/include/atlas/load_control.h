#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>

namespace atlas {

/// Lets a caller watch a long load and stop it: `progress` is called now and then with the
/// bytes read and the file's size; when `*cancel` becomes true the reader stops at the next
/// buffer and the load ends with a fatal "load.cancelled" diagnostic (the caller's previous
/// data is untouched — nothing is returned but that diagnostic).
struct LoadControl {
    std::function<void(std::uint64_t bytesRead, std::uint64_t totalBytes)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

namespace detail {
/// Opens a file for a reader: a plain binary stream, or one that reports to the LoadControl
/// installed for this thread by ScopedLoadControl. Null when the file cannot be opened.
[[nodiscard]] std::unique_ptr<std::istream> openInput(const std::string& path);
/// Whether the load running on this thread was cancelled.
[[nodiscard]] bool loadCancelled();

class ScopedLoadControl {
public:
    explicit ScopedLoadControl(const LoadControl* control);
    ~ScopedLoadControl();
    ScopedLoadControl(const ScopedLoadControl&) = delete;
    ScopedLoadControl& operator=(const ScopedLoadControl&) = delete;

private:
    const LoadControl* m_previous;
    bool m_previousCancelled;
};
} // namespace detail

} // namespace atlas
