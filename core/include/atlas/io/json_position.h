#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace atlas {

/// A 1-based line and column in a text.
struct TextPosition {
    int line = 1;
    int column = 1;
};

/// Line and column of a byte offset (columns count bytes, as compilers do).
[[nodiscard]] TextPosition positionOfOffset(std::string_view text, std::size_t offset);

/// Byte offset where the value named by an RFC 6901 JSON Pointer starts in a JSON text;
/// nullopt if the text is not valid JSON along that path or the path does not exist.
/// Linear in the text before the value: used only to place diagnostics.
[[nodiscard]] std::optional<std::size_t> locateJsonPointer(std::string_view json, std::string_view pointer);

} // namespace atlas
