#include "atlas/io/atomic_file.h"
#include "atlas/model/diagnostic_codes.h"

#include <filesystem>
#include <fstream>

namespace atlas {

std::vector<Diagnostic> writeFileAtomicallyAt(
    const std::string& path, const std::function<std::optional<std::string>(const std::string& temporary)>& write) {
    // Beside the target, so the rename stays on one file system and is atomic.
    const std::string temporary = path + ".tmp-" + std::to_string(std::hash<std::string>{}(path) & 0xffff);
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored); // a leftover of an earlier failed write
    auto failure = [&](const std::string& message) {
        std::filesystem::remove(temporary, ignored);
        return std::vector<Diagnostic>{{Severity::Fatal, codes::kFileWrite, message, path, 0, 0, "", {}}};
    };
    if (const auto problem = write(temporary)) return failure(*problem);
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) return failure("cannot replace the file: " + error.message());
    return {};
}

std::vector<Diagnostic> writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    return writeFileAtomicallyAt(path, [&](const std::string& temporary) -> std::optional<std::string> {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream) return "cannot create " + temporary;
        write(stream);
        stream.flush();
        if (!stream) return "writing " + temporary + " failed (disk full?)";
        return std::nullopt;
    });
}

} // namespace atlas
