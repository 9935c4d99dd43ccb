#include "atlas/io/atomic_file.h"
#include "atlas/model/diagnostic_codes.h"

#include <filesystem>
#include <fstream>

namespace atlas {

std::vector<Diagnostic> writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    // Beside the target, so the rename stays on one file system and is atomic.
    const std::string temporary = path + ".tmp-" + std::to_string(std::hash<std::string>{}(path) & 0xffff);
    auto failure = [&](const std::string& message) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return std::vector<Diagnostic>{{Severity::Fatal, codes::kFileWrite, message, path, 0, 0, "", {}}};
    };
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream) return failure("cannot create " + temporary);
        write(stream);
        stream.flush();
        if (!stream) return failure("writing " + temporary + " failed (disk full?)");
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) return failure("cannot replace the file: " + error.message());
    return {};
}

} // namespace atlas
