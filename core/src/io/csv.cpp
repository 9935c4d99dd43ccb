#include "atlas/io/csv.h"

namespace atlas {

CsvReader::CsvReader(std::istream& in) : m_in(in), m_buffer(1 << 16) {}

int CsvReader::peek() {
    if (m_pos == m_end) {
        m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_end = static_cast<std::size_t>(m_in.gcount());
        m_pos = 0;
        if (m_end == 0) return -1;
    }
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

int CsvReader::get() {
    const int c = peek();
    if (c < 0) return c;
    ++m_pos;
    ++m_bytes;
    if (c == '\n') {
        ++m_line;
        m_column = 1;
    } else {
        ++m_column;
    }
    return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    m_starts.clear();
    m_problem.clear();
    auto note = [&](const std::string& what) {
        if (!m_problem.empty()) return; // the first problem of a record is the telling one
        m_problem = what;
        m_problemLine = m_line;
        m_problemColumn = m_column;
    };
    if (!m_started) {
        m_started = true;
        if (peek() == 0xEF) { // UTF-8 BOM: EF BB BF
            get();
            if (peek() == 0xBB) get();
            if (peek() == 0xBF) get();
            m_column = 1;
        }
    }
    if (peek() < 0) return false;
    m_recordLine = m_line;

    for (;;) { // one field per turn
        m_starts.push_back({m_line, m_column});
        std::string field;
        int c = peek();
        if (c == '"') {
            get();
            const Position open = m_starts.back();
            for (;;) {
                // Fast path inside quotes: copy up to the next quote, counting line breaks.
                if (m_pos < m_end && m_buffer[m_pos] != '"') {
                    std::size_t end = m_pos;
                    while (end < m_end && m_buffer[end] != '"') {
                        if (m_buffer[end] == '\n') {
                            ++m_line;
                            m_column = 1;
                        } else {
                            ++m_column;
                        }
                        ++end;
                    }
                    field.append(m_buffer.data() + m_pos, end - m_pos);
                    m_bytes += end - m_pos;
                    m_pos = end;
                    continue;
                }
                c = get();
                if (c < 0) {
                    m_problem = "a quoted field opened at line " + std::to_string(open.line) + ", column " +
                                std::to_string(open.column) + " is never closed";
                    m_problemLine = open.line;
                    m_problemColumn = open.column;
                    fields.push_back(std::move(field));
                    return true;
                }
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        field.push_back('"');
                        continue;
                    }
                    break;
                }
                field.push_back(static_cast<char>(c));
            }
            // After the closing quote only a separator or the end of the record may follow.
            while ((c = peek()) >= 0 && c != ',' && c != '\n' && c != '\r') {
                note("text after a closing quote (expected a comma or the end of the record)");
                field.push_back(static_cast<char>(get()));
            }
        } else {
            // Fast path: copy the run of ordinary bytes straight out of the buffer.
            while ((c = peek()) >= 0 && c != ',' && c != '\n' && c != '\r') {
                if (c == '"') {
                    note("a quote inside an unquoted field (quote the whole field and double the quote)");
                    field.push_back(static_cast<char>(get()));
                    continue;
                }
                std::size_t end = m_pos;
                while (end < m_end) {
                    const char b = m_buffer[end];
                    if (b == ',' || b == '\n' || b == '\r' || b == '"') break;
                    ++end;
                }
                field.append(m_buffer.data() + m_pos, end - m_pos);
                m_column += static_cast<int>(end - m_pos); // no line break inside the run
                m_bytes += end - m_pos;
                m_pos = end;
            }
        }
        fields.push_back(std::move(field));
        c = peek();
        if (c == ',') {
            get();
            continue;
        }
        if (c == '\r') {
            get();
            if (peek() == '\n') get();
        } else if (c == '\n') {
            get();
        }
        return true;
    }
}

} // namespace atlas
