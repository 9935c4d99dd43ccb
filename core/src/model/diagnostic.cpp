#include "atlas/model/diagnostic.h"

#include <algorithm>

namespace atlas {

const char* toString(Severity severity) {
    switch (severity) {
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    case Severity::Fatal: return "fatal";
    }
    return "error";
}

std::string Diagnostic::toString() const {
    std::string text = file.empty() ? std::string("<input>") : file;
    if (line > 0) text += ":" + std::to_string(line) + ":" + std::to_string(column);
    text += ": ";
    text += atlas::toString(severity);
    text += ": " + message;
    if (!record.empty()) text += " [at " + record + (jsonPointer.empty() ? "" : " " + jsonPointer) + "]";
    else if (!jsonPointer.empty()) text += " [at " + jsonPointer + "]";
    return text;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity != Severity::Warning; });
}

bool hasFatal(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Fatal; });
}

} // namespace atlas
