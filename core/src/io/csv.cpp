#include "atlas/io/csv.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace atlas {

namespace {

bool endsField(char c) { return c == ',' || c == '\n' || c == '\r'; }

// The bytes an unquoted field stops at (its end, or a stray quote), as a table: one load a
// byte instead of four comparisons, in the loop every unquoted byte goes through.
constexpr auto kStopsUnquoted = [] {
    std::array<bool, 256> stops{};
    for (const unsigned char c : {',', '\n', '\r', '"'}) stops[c] = true;
    return stops;
}();

// The last line break in [begin, end), or nullptr.
const char* lastLineBreak(const char* begin, const char* end) {
    return static_cast<const char*>(memrchr(begin, '\n', static_cast<std::size_t>(end - begin)));
}

} // namespace

// --- where records end ----------------------------------------------------------------------

std::size_t csvLineBreaks(std::string_view data) {
    // memchr is vectorised; a loop over the bytes (std::count) was not, and cost a tenth of a
    // large import on the reading thread.
    std::size_t count = 0;
    const char* at = data.data();
    const char* const end = at + data.size();
    while (at < end) {
        const auto* found = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)));
        if (!found) break;
        ++count;
        at = found + 1;
    }
    return count;
}

std::size_t csvLastRecordEnd(std::string_view data) {
    // Fast path for well-formed CSV: quotes come in pairs, so a line break outside quotes ends
    // a record. It only jumps from quote to quote. A quote that opens a field must follow a
    // separator, and one that closes it must precede one; when a quote breaks that rule (a
    // stray quote, text after a closing quote), the parser's own reading decides instead.
    const char* const begin = data.data();
    const char* const end = begin + data.size();
    std::size_t last = std::string_view::npos;
    bool quoted = false;
    bool irregular = false;
    for (const char* at = begin; at < end;) {
        const auto* quote = static_cast<const char*>(std::memchr(at, '"', static_cast<std::size_t>(end - at)));
        const char* const stop = quote ? quote : end;
        if (!quoted)
            if (const char* lineBreak = lastLineBreak(at, stop)) last = static_cast<std::size_t>(lineBreak - begin) + 1;
        if (!quote) break;
        if (!quoted) {
            if (quote != begin && !endsField(quote[-1])) {
                irregular = true;
                break;
            }
            quoted = true;
            at = quote + 1;
        } else if (quote + 1 == end) {
            break; // the record goes on past the data
        } else if (quote[1] == '"') {
            at = quote + 2; // a doubled quote inside the field
        } else if (endsField(quote[1])) {
            quoted = false;
            at = quote + 1;
        } else {
            irregular = true;
            break;
        }
    }
    if (!irregular) return last;
    last = std::string_view::npos;
    CsvRecordParser parser(data);
    std::vector<std::string_view> fields;
    while (parser.next(fields)) {
        const std::size_t recordEnd = parser.recordEnd();
        // Blocks are cut only after an LF: a record cut short by the end of the data is not
        // known to be whole, and after a CR alone the next block would start mid-line (its
        // columns counted from the wrong place).
        if (parser.recordTerminated() && data[recordEnd - 1] == '\n') last = recordEnd;
    }
    return last;
}

// --- CsvBlockReader -------------------------------------------------------------------------

CsvBlockReader::CsvBlockReader(std::istream& in, std::size_t blockBytes) : m_in(in), m_blockBytes(std::max<std::size_t>(blockBytes, 1)) {}

bool CsvBlockReader::next(CsvBlock& block) {
    // The block is the carried start of a record, then what the stream gives; when no record
    // ends in it, a larger buffer is read into (as much again, so a huge record is scanned a
    // bounded number of times, not once per block).
    std::size_t size = m_carry.size();
    std::size_t capacity = size + m_blockBytes;
    auto data = std::make_unique_for_overwrite<char[]>(capacity);
    std::memcpy(data.get(), m_carry.data(), size);
    m_carry.clear();
    std::size_t cut = std::string_view::npos;
    for (;;) {
        if (!m_end) {
            if (size == capacity) {
                capacity = std::max(size + m_blockBytes, 2 * size);
                auto larger = std::make_unique_for_overwrite<char[]>(capacity);
                std::memcpy(larger.get(), data.get(), size);
                data = std::move(larger);
            }
            const std::size_t want = capacity - size;
            m_in.read(data.get() + size, static_cast<std::streamsize>(want));
            const auto got = static_cast<std::size_t>(m_in.gcount());
            if (got < want) m_end = true;
            size += got;
        }
        if (!m_started) {
            // UTF-8 byte-order mark: EF BB BF (as much of it as there is), once three bytes
            // (or the whole input) are in.
            if (size < 3 && !m_end) continue;
            m_started = true;
            const auto* bytes = reinterpret_cast<const unsigned char*>(data.get());
            std::size_t mark = 0;
            if (size > 0 && bytes[0] == 0xEF) {
                mark = 1;
                if (size > 1 && bytes[1] == 0xBB) mark = 2;
                if (mark == 2 && size > 2 && bytes[2] == 0xBF) mark = 3;
            }
            std::memmove(data.get(), data.get() + mark, size - mark);
            size -= mark;
        }
        if (m_end) break; // the rest is the last block, whole or not
        cut = csvLastRecordEnd({data.get(), size});
        if (cut != std::string_view::npos) break;
    }
    if (size == 0) return false;
    if (cut != std::string_view::npos && cut < size) {
        m_carry.assign(data.get() + cut, size - cut);
        size = cut;
    }
    block.m_data = std::move(data);
    block.m_size = size;
    block.firstLine = m_line;
    m_line += static_cast<int>(csvLineBreaks(block.bytes()));
    return true;
}

// --- CsvRecordParser ------------------------------------------------------------------------

void CsvRecordParser::note(std::size_t offset, const char* what) {
    if (!m_problem.empty()) return; // the first problem of a record is the telling one
    m_problem = what;
    m_problemPosition = positionOf(offset);
}

CsvPosition CsvRecordParser::positionOf(std::size_t offset) const {
    // The counted cursor only moves forward, to the start of a record; within the record the
    // count starts again from there, so asking in any order costs no more than the record.
    if (m_countedTo > m_recordBegin) {
        m_countedTo = 0;
        m_countedLine = 0;
    }
    if (m_countedLine == 0) m_countedLine = m_firstLine;
    const char* const data = m_data.data();
    m_countedLine += static_cast<int>(csvLineBreaks(m_data.substr(m_countedTo, m_recordBegin - m_countedTo)));
    m_countedTo = m_recordBegin;
    offset = std::min(offset, m_data.size());
    int line = m_countedLine;
    if (offset > m_recordBegin) line += static_cast<int>(csvLineBreaks(m_data.substr(m_recordBegin, offset - m_recordBegin)));
    std::size_t lineStart = offset;
    while (lineStart > 0 && data[lineStart - 1] != '\n') --lineStart;
    return {line, static_cast<int>(offset - lineStart) + 1};
}

bool CsvRecordParser::next(std::vector<std::string_view>& fields) {
    fields.clear();
    m_fieldBegin.clear();
    m_spans.clear();
    m_scratch.clear();
    m_problem.clear();
    m_terminated = false;
    const std::size_t size = m_data.size();
    const char* const data = m_data.data();
    if (m_pos >= size) return false;
    m_recordBegin = m_pos;
    std::size_t& pos = m_pos;
    for (;;) { // one field per turn
        const std::size_t fieldBegin = pos;
        m_fieldBegin.push_back(fieldBegin);
        if (pos < size && data[pos] == '"') {
            ++pos;
            std::size_t begin = pos;
            bool plain = true; // the field is the slice [begin, pos) of the block
            std::size_t scratchBegin = m_scratch.size();
            for (;;) {
                const auto* quote = static_cast<const char*>(std::memchr(data + pos, '"', size - pos));
                if (!quote) {
                    // This outranks any problem noted before: it swallowed the rest of the input.
                    const CsvPosition open = positionOf(fieldBegin);
                    m_problem = "a quoted field opened at line " + std::to_string(open.line) + ", column " +
                                std::to_string(open.column) + " is never closed";
                    m_problemPosition = open;
                    if (plain) {
                        m_spans.push_back({false, begin, size - begin});
                    } else {
                        m_scratch.append(data + pos, size - pos);
                        m_spans.push_back({true, scratchBegin, m_scratch.size() - scratchBegin});
                    }
                    pos = size;
                    for (const Span& s : m_spans)
                        fields.push_back(s.inScratch ? std::string_view(m_scratch).substr(s.begin, s.length)
                                                     : m_data.substr(s.begin, s.length));
                    return true;
                }
                const auto at = static_cast<std::size_t>(quote - data);
                if (at + 1 < size && data[at + 1] == '"') { // a doubled quote: one quote in the text
                    if (plain) {
                        plain = false;
                        scratchBegin = m_scratch.size();
                        m_scratch.append(data + begin, at + 1 - begin);
                    } else {
                        m_scratch.append(data + pos, at + 1 - pos);
                    }
                    pos = at + 2;
                    continue;
                }
                if (plain) m_spans.push_back({false, begin, at - begin});
                else m_scratch.append(data + pos, at - pos);
                pos = at + 1;
                break;
            }
            // After the closing quote only a separator or the end of the record may follow.
            if (pos < size && !endsField(data[pos])) {
                note(pos, "text after a closing quote (expected a comma or the end of the record)");
                const std::size_t textBegin = pos;
                while (pos < size && !endsField(data[pos])) ++pos;
                if (plain) { // move what was a slice into the buffer, then add the text
                    plain = false;
                    scratchBegin = m_scratch.size();
                    m_scratch.append(data + m_spans.back().begin, m_spans.back().length);
                    m_spans.pop_back();
                }
                m_scratch.append(data + textBegin, pos - textBegin);
            }
            if (!plain) m_spans.push_back({true, scratchBegin, m_scratch.size() - scratchBegin});
        } else {
            for (;;) {
                while (pos < size && !kStopsUnquoted[static_cast<unsigned char>(data[pos])]) ++pos;
                if (pos == size || data[pos] != '"') break;
                note(pos, "a quote inside an unquoted field (quote the whole field and double the quote)");
                ++pos;
            }
            m_spans.push_back({false, fieldBegin, pos - fieldBegin});
        }
        if (pos < size && data[pos] == ',') {
            ++pos;
            continue;
        }
        if (pos < size) {
            m_terminated = true;
            if (data[pos] == '\r') {
                ++pos;
                if (pos < size && data[pos] == '\n') ++pos;
            } else {
                ++pos; // '\n'
            }
        }
        break;
    }
    fields.reserve(m_spans.size());
    for (const Span& s : m_spans)
        fields.push_back(s.inScratch ? std::string_view(m_scratch).substr(s.begin, s.length) : m_data.substr(s.begin, s.length));
    return true;
}

// --- CsvReader ------------------------------------------------------------------------------

// Small blocks: readers that go record by record want memory to stay small, not throughput.
CsvReader::CsvReader(std::istream& in) : m_blocks(in, std::size_t{1} << 16) {}

bool CsvReader::next(std::vector<std::string>& fields) {
    fields.clear();
    while (!m_parser.next(m_views)) {
        if (!m_blocks.next(m_block)) return false;
        m_parser = CsvRecordParser(m_block.bytes(), m_block.firstLine);
    }
    for (const std::string_view view : m_views) fields.emplace_back(view);
    return true;
}

std::string delimitedField(std::string_view text, char delimiter) {
    const char special[] = {delimiter, '"', '\r', '\n'};
    if (text.find_first_of(std::string_view(special, sizeof special)) == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace atlas
