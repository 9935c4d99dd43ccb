#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace atlas {

/// Reads RFC 4180 records from a stream, one at a time: fields separated by commas, quoted
/// fields may hold commas, doubled quotes and line breaks; records end with CRLF or LF; a
/// UTF-8 byte-order mark at the very start is skipped. Memory stays at one record.
class CsvReader {
public:
    explicit CsvReader(std::istream& in);

    /// Reads the next record into `fields`; false at the end of the input.
    bool next(std::vector<std::string>& fields);

    /// Where the record last read starts, and where each of its fields starts (1-based).
    [[nodiscard]] int recordLine() const { return m_recordLine; }
    [[nodiscard]] int fieldLine(std::size_t field) const { return m_starts.at(field).line; }
    [[nodiscard]] int fieldColumn(std::size_t field) const { return m_starts.at(field).column; }

    /// A problem in the record last read that the reader recovered from (a quote inside an
    /// unquoted field, text after a closing quote, a quote left open at the end of input);
    /// empty when the record was well formed.
    [[nodiscard]] const std::string& problem() const { return m_problem; }
    [[nodiscard]] int problemLine() const { return m_problemLine; }
    [[nodiscard]] int problemColumn() const { return m_problemColumn; }

    /// Bytes consumed so far (for progress).
    [[nodiscard]] std::uint64_t bytesRead() const { return m_bytes; }

private:
    int get();
    int peek();

    struct Position {
        int line = 1;
        int column = 1;
    };
    std::istream& m_in;
    std::vector<char> m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::uint64_t m_bytes = 0;
    int m_line = 1;
    int m_column = 1;
    bool m_started = false;
    int m_recordLine = 0;
    std::vector<Position> m_starts;
    std::string m_problem;
    int m_problemLine = 0;
    int m_problemColumn = 0;
};

} // namespace atlas
