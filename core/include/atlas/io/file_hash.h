#pragma once

// Content hashes of data files: a project and an image's recipe name each dataset by its
// SHA-256, so a changed file is told from the one the work was done on.

#include <optional>
#include <string>
#include <string_view>

namespace atlas {

/// The SHA-256 of a file's bytes as 64 lower-case hex digits (OpenSSL's digest, read in 1 MiB
/// blocks: about a second per gigabyte); nullopt when the file cannot be read.
[[nodiscard]] std::optional<std::string> sha256OfFile(const std::string& path);
/// The same of bytes in memory.
[[nodiscard]] std::string sha256OfBytes(std::string_view bytes);

} // namespace atlas
