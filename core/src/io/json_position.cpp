#include "atlas/io/json_position.h"

#include <string>

namespace atlas {

TextPosition positionOfOffset(std::string_view text, std::size_t offset) {
    TextPosition position;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

namespace {

class Scanner {
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    std::size_t pos = 0;

    void skipSpace() {
        while (pos < m_text.size() && (m_text[pos] == ' ' || m_text[pos] == '\n' || m_text[pos] == '\r' ||
                                       m_text[pos] == '\t'))
            ++pos;
    }
    [[nodiscard]] char peek() const { return pos < m_text.size() ? m_text[pos] : '\0'; }

    // Reads a string token and returns its raw content (escapes left as written).
    bool readString(std::string_view& raw) {
        if (peek() != '"') return false;
        const std::size_t start = ++pos;
        while (pos < m_text.size() && m_text[pos] != '"') pos += m_text[pos] == '\\' ? 2 : 1;
        if (pos >= m_text.size()) return false;
        raw = m_text.substr(start, pos - start);
        ++pos;
        return true;
    }

    bool skipValue() {
        skipSpace();
        const char c = peek();
        if (c == '"') {
            std::string_view ignored;
            return readString(ignored);
        }
        if (c == '{' || c == '[') {
            // Track nesting only; strings are skipped whole so brackets inside them are inert.
            int depth = 0;
            while (pos < m_text.size()) {
                const char d = m_text[pos];
                if (d == '"') {
                    std::string_view ignored;
                    if (!readString(ignored)) return false;
                    continue;
                }
                if (d == '{' || d == '[') ++depth;
                if (d == '}' || d == ']') {
                    if (--depth == 0) {
                        ++pos;
                        return true;
                    }
                }
                ++pos;
            }
            return false;
        }
        const std::size_t start = pos;
        while (pos < m_text.size() && m_text[pos] != ',' && m_text[pos] != '}' && m_text[pos] != ']' &&
               m_text[pos] != ' ' && m_text[pos] != '\n' && m_text[pos] != '\r' && m_text[pos] != '\t')
            ++pos;
        return pos > start;
    }

private:
    std::string_view m_text;
};

std::string unescapePointerToken(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

} // namespace

std::optional<std::size_t> locateJsonPointer(std::string_view json, std::string_view pointer) {
    Scanner scanner(json);
    scanner.skipSpace();
    std::size_t cursor = 0;
    while (cursor < pointer.size()) {
        if (pointer[cursor] != '/') return std::nullopt;
        const std::size_t next = pointer.find('/', cursor + 1);
        const std::string token = unescapePointerToken(
            pointer.substr(cursor + 1, (next == std::string_view::npos ? pointer.size() : next) - cursor - 1));
        cursor = next == std::string_view::npos ? pointer.size() : next;

        scanner.skipSpace();
        if (scanner.peek() == '{') {
            ++scanner.pos;
            bool found = false;
            while (!found) {
                scanner.skipSpace();
                std::string_view key;
                if (!scanner.readString(key)) return std::nullopt;
                scanner.skipSpace();
                if (scanner.peek() != ':') return std::nullopt;
                ++scanner.pos;
                scanner.skipSpace();
                if (key == token) {
                    found = true;
                    break;
                }
                if (!scanner.skipValue()) return std::nullopt;
                scanner.skipSpace();
                if (scanner.peek() != ',') return std::nullopt;
                ++scanner.pos;
            }
        } else if (scanner.peek() == '[') {
            std::size_t index = 0;
            for (char c : token) {
                if (c < '0' || c > '9') return std::nullopt;
                index = index * 10 + static_cast<std::size_t>(c - '0');
            }
            ++scanner.pos;
            for (std::size_t i = 0; i < index; ++i) {
                scanner.skipSpace();
                if (scanner.peek() == ']' || !scanner.skipValue()) return std::nullopt;
                scanner.skipSpace();
                if (scanner.peek() != ',') return std::nullopt;
                ++scanner.pos;
            }
            scanner.skipSpace();
            if (scanner.peek() == ']') return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    scanner.skipSpace();
    return scanner.pos;
}

} // namespace atlas
