#include "json_stream.h"
#include "atlas/model/diagnostic_codes.h"

#include "atlas/io/json_position.h"
#include "atlas/io/load_control.h"

#include <fstream>
#include <iterator>

namespace atlas::detail {

bool JsonSource::parse(StreamingHandler& handler, LoadResult& result) {
    bool parsed = false;
    try {
        if (m_fromFile) {
            const auto stream = openInput(m_label, m_control);
            if (!stream) {
                result.dataset = Dataset();
                result.diagnostics.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the file for reading", m_label, 0, 0, "", {}});
                return false;
            }
            parsed = json::sax_parse(*stream, &handler);
            if (stream->cancelled()) { // the parser saw the text end early: that is no syntax error
                result = cancelledLoad(m_label);
                return false;
            }
        } else {
            parsed = json::sax_parse(m_text.begin(), m_text.end(), &handler);
        }
    } catch (const json::exception& error) {
        handler.errorMessage = error.what(); // defensive: the SAX path reports through parse_error
    }
    if (parsed && !handler.errorOffset) return true;
    std::string what = handler.errorMessage;
    if (const auto start = what.find("syntax error"); start != std::string::npos) what = what.substr(start);
    result.dataset = Dataset();
    result.diagnostics.push_back(at(Severity::Fatal, codes::kJsonSyntax, "not valid JSON: " + what, "", handler.errorOffset.value_or(0), false));
    return false;
}

Diagnostic JsonSource::at(Severity severity, std::string code, std::string message, const std::string& pointer,
                          std::optional<std::size_t> offset, bool locatePointer) {
    Diagnostic diagnostic{severity, std::move(code), std::move(message), m_label, 0, 0, pointer, {}};
    if (!offset && locatePointer) offset = locateJsonPointer(textForPositions(), pointer);
    if (offset) {
        const TextPosition position = positionOfOffset(textForPositions(), *offset);
        diagnostic.line = position.line;
        diagnostic.column = position.column;
    }
    return diagnostic;
}

std::string_view JsonSource::textForPositions() {
    if (!m_fromFile) return m_text;
    if (!m_fileText) {
        std::ifstream stream(m_label, std::ios::binary);
        m_fileText.emplace(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
    }
    return *m_fileText;
}

} // namespace atlas::detail
