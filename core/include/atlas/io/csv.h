#pragma once

// RFC 4180 records: fields separated by commas, quoted fields may hold commas, doubled quotes
// and line breaks; records end with CRLF, LF or CR; a UTF-8 byte-order mark at the very start
// is skipped. Three layers, one set of rules:
//  - CsvBlockReader cuts a stream into blocks of whole records (so blocks can be parsed apart,
//    on several cores);
//  - CsvRecordParser reads the records of one block as views into it, without copying;
//  - CsvReader reads a stream record by record into strings, for readers that want that.

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace atlas {

/// A line and column (1-based; columns count bytes, as the readers' diagnostics do).
struct CsvPosition {
    int line = 1;
    int column = 1;
};

/// Whole records of a stream, a block at a time.
class CsvBlock {
public:
    /// One or more whole records (the last one's line break included).
    [[nodiscard]] std::string_view bytes() const { return {m_data.get(), m_size}; }
    int firstLine = 1; ///< the line the block starts on

private:
    friend class CsvBlockReader;
    std::unique_ptr<char[]> m_data; // not zero-filled before the stream's bytes are read into it
    std::size_t m_size = 0;
};

class CsvBlockReader {
public:
    /// `blockBytes`: how much to read at a time; a block is cut at the last record that ends in
    /// it, and grows when one record is longer.
    explicit CsvBlockReader(std::istream& in, std::size_t blockBytes = std::size_t{8} << 20);
    /// The next block; false at the end of the input.
    bool next(CsvBlock& block);

private:
    std::istream& m_in;
    std::size_t m_blockBytes;
    std::string m_carry; // the start of a record not yet complete
    int m_line = 1;
    bool m_started = false;
    bool m_end = false;
};

/// A field as RFC 4180 writes it: quoted (inner quotes doubled) when it holds the delimiter, a
/// quote or a line break; as it is otherwise. Writers of CSV and TSV use it.
[[nodiscard]] std::string delimitedField(std::string_view text, char delimiter = ',');

/// How many line breaks (LF) `data` holds.
[[nodiscard]] std::size_t csvLineBreaks(std::string_view data);

/// Where the last whole record in `data` ends (just after its line break), or npos when no
/// record ends in it. `data` must start at the start of a record.
[[nodiscard]] std::size_t csvLastRecordEnd(std::string_view data);

/// The records of a block of whole records, as views. Fields are views into the block, or
/// (for a quoted field with doubled quotes) into the parser's own buffer; both stay valid until
/// the next call of next().
class CsvRecordParser {
public:
    /// `firstLine`: the line the block starts on, for positions.
    explicit CsvRecordParser(std::string_view block, int firstLine = 1) : m_data(block), m_firstLine(firstLine) {}

    /// Reads the next record into `fields`; false at the end of the block.
    bool next(std::vector<std::string_view>& fields);

    /// Where field `field` of the record last read starts, as an offset into the block.
    [[nodiscard]] std::size_t fieldOffset(std::size_t field) const { return m_fieldBegin.at(field); }
    /// Where the record last read ends (after its line break).
    [[nodiscard]] std::size_t recordEnd() const { return m_pos; }
    /// Whether the record last read ended with a line break (not at the end of the block).
    [[nodiscard]] bool recordTerminated() const { return m_terminated; }
    /// The line and column of an offset at or after the start of the record last read.
    [[nodiscard]] CsvPosition positionOf(std::size_t offset) const;
    [[nodiscard]] CsvPosition fieldPosition(std::size_t field) const { return positionOf(fieldOffset(field)); }
    [[nodiscard]] int recordLine() const { return positionOf(m_recordBegin).line; }

    /// A problem in the record last read that the parser recovered from (a quote inside an
    /// unquoted field, text after a closing quote, a quote left open at the end of input);
    /// empty when the record was well formed.
    [[nodiscard]] const std::string& problem() const { return m_problem; }
    [[nodiscard]] CsvPosition problemPosition() const { return m_problemPosition; }

private:
    void note(std::size_t offset, const char* what);

    std::string_view m_data;
    int m_firstLine;
    std::size_t m_pos = 0;
    std::size_t m_recordBegin = 0;
    bool m_terminated = false;
    std::vector<std::size_t> m_fieldBegin;
    std::string m_scratch; // fields that are not a plain slice of the block
    struct Span {
        bool inScratch;
        std::size_t begin, length;
    };
    std::vector<Span> m_spans;
    std::string m_problem;
    CsvPosition m_problemPosition;
    // Lines are counted only when a position is asked for, from the last place counted.
    mutable std::size_t m_countedTo = 0;
    mutable int m_countedLine = 0;
};

/// Reads RFC 4180 records from a stream, one at a time, as strings. Memory stays at a block.
class CsvReader {
public:
    explicit CsvReader(std::istream& in);

    /// Reads the next record into `fields`; false at the end of the input.
    bool next(std::vector<std::string>& fields);

    /// Where the record last read starts, and where each of its fields starts (1-based):
    /// counted when asked (for a problem), not for every record.
    [[nodiscard]] int recordLine() const { return m_parser.recordLine(); }
    [[nodiscard]] int fieldLine(std::size_t field) const { return m_parser.fieldPosition(field).line; }
    [[nodiscard]] int fieldColumn(std::size_t field) const { return m_parser.fieldPosition(field).column; }

    /// As CsvRecordParser::problem().
    [[nodiscard]] const std::string& problem() const { return m_parser.problem(); }
    [[nodiscard]] int problemLine() const { return m_parser.problemPosition().line; }
    [[nodiscard]] int problemColumn() const { return m_parser.problemPosition().column; }

private:
    CsvBlockReader m_blocks;
    CsvBlock m_block;
    CsvRecordParser m_parser{{}};
    std::vector<std::string_view> m_views;
};

} // namespace atlas
