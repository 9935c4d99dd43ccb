#pragma once

#include <string>
#include <vector>

namespace atlas {

/// How bad a problem in the input is.
///  - Warning: the item is kept (perhaps with a field left unknown).
///  - Error: the item is skipped; the load goes on but its result is partial.
///  - Fatal: nothing usable could be read from the file.
enum class Severity { Warning, Error, Fatal };

/// One problem found in an input file, with where it is.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;        ///< stable identifier, e.g. "json.syntax", "event.date.invalid"
    std::string message;     ///< what is wrong and what was expected
    std::string file;
    int line = 0;            ///< 1-based; 0 when unknown
    int column = 0;          ///< 1-based; 0 when unknown
    std::string jsonPointer; ///< RFC 6901 path of the offending value, when the input is JSON
    /// The record in a database file: table, row and column ("events fid 12, column date").
    std::string record;

    /// "file:line:column: error: message [at /events/3/date]" or "… [at events fid 12, column date]".
    [[nodiscard]] std::string toString() const;
};

[[nodiscard]] const char* toString(Severity severity);
[[nodiscard]] bool hasErrors(const std::vector<Diagnostic>& diagnostics);
[[nodiscard]] bool hasFatal(const std::vector<Diagnostic>& diagnostics);

} // namespace atlas
