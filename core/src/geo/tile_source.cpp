#include "atlas/geo/tile_source.h"

#include <filesystem>

namespace atlas {

namespace {

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

bool isNumber(const std::string& name) {
    return !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
}

// The extension of the first tile under z/x/, or "" when there is none.
std::string tileExtension(const std::filesystem::path& folder) {
    namespace fs = std::filesystem;
    std::error_code error;
    for (const auto& zoom : fs::directory_iterator(folder, error)) {
        if (!zoom.is_directory() || !isNumber(zoom.path().filename().string())) continue;
        for (const auto& column : fs::directory_iterator(zoom.path(), error)) {
            if (!column.is_directory() || !isNumber(column.path().filename().string())) continue;
            for (const auto& tile : fs::directory_iterator(column.path(), error)) {
                const std::string extension = tile.path().extension().string();
                if (extension == ".png" || extension == ".jpg" || extension == ".jpeg" || extension == ".webp") return extension;
            }
        }
    }
    return {};
}

} // namespace

TileSourceParse parseTileSource(std::string_view input) {
    TileSourceParse out;
    std::string text = trimmed(input);
    if (text.empty()) {
        out.error = "give a tile URL template or a folder of tiles";
        return out;
    }
    const bool web = text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
    if (web) {
        if (text.find("{-y}") != std::string::npos) {
            out.error = "TMS tiles ({-y}, rows counted from the south) are not supported: give the server's XYZ URL";
            return out;
        }
        if (text.find("{q}") != std::string::npos || text.find("{quadkey}") != std::string::npos) {
            out.error = "quadkey tiles ({q}) are not supported: give an XYZ URL with {z}, {x} and {y}";
            return out;
        }
        replaceAll(text, "{z}", "%z");
        replaceAll(text, "{x}", "%x");
        replaceAll(text, "{y}", "%y");
        replaceAll(text, "{s}", "a");
        if (text.find("%z") == std::string::npos || text.find("%x") == std::string::npos || text.find("%y") == std::string::npos) {
            out.error = "the URL needs {z}, {x} and {y} where the zoom, column and row go, e.g. https://tile.example.org/{z}/{x}/{y}.png";
            return out;
        }
        out.urlTemplate = text;
        return out;
    }
    // A folder: a path, or a file: URL of one.
    std::string path = text;
    if (path.rfind("file://", 0) == 0) path = path.substr(7);
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(path, error)) {
        out.error = text.find("://") != std::string::npos ? "only http, https and file URLs are tile sources"
                                                           : "no folder " + path + " (a tile folder holds zoom/column/row images)";
        return out;
    }
    const std::string extension = tileExtension(path);
    if (extension.empty()) {
        out.error = "no tiles in " + path + ": a tile folder holds zoom/column/row images, e.g. 9/305/204.png";
        return out;
    }
    std::string absolute = fs::absolute(path, error).lexically_normal().generic_string();
    if (!absolute.empty() && absolute.back() == '/') absolute.pop_back();
    out.urlTemplate = "file://" + absolute + "/%z/%x/%y" + extension;
    out.local = true;
    return out;
}

} // namespace atlas
