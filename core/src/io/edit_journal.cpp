#include "atlas/io/edit_journal.h"

#include "atlas/model/diagnostic_codes.h"
#include "native_json.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace atlas {

namespace {

using Json = nlohmann::json;

constexpr const char* kJournalKey = "conflictAtlasEditJournal";

template <class Item> Json rowOrNull(const std::optional<Item>& row) { return row ? detail::rowToJson(*row) : Json(nullptr); }

// The "kind" of a journal line: absent for an incident (the first journals held only those).
template <class Item> constexpr const char* kKindKey = nullptr;
template <> constexpr const char* kKindKey<Site> = "site";
template <> constexpr const char* kKindKey<Line> = "line";
template <> constexpr const char* kKindKey<Area> = "area";

bool writeAll(int descriptor, const std::string& text) {
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(descriptor, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        written += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

namespace {

// Appends one line (after the source line when the journal is new), flushed to the disk.
std::vector<Diagnostic> appendLine(const std::string& path, const std::string& source, const Json& line) {
    std::vector<Diagnostic> problems;
    auto fail = [&](const std::string& what) {
        problems.push_back({Severity::Fatal, codes::kFileWrite, what + ": " + std::strerror(errno), path, 0, 0, {}, {}});
        return problems;
    };
    struct stat existing {};
    const bool fresh = ::stat(path.c_str(), &existing) != 0 || existing.st_size == 0;
    // O_APPEND: each edit one write at the end, whatever happened to the file before.
    const int descriptor = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (descriptor < 0) return fail("cannot open the edit journal");
    std::string text;
    if (fresh) text = Json{{kJournalKey, 1}, {"source", source}}.dump() + "\n";
    else {
        // A last line cut short by a crash is ended first, so this one is not glued to it (the
        // reader then names the cut line and keeps what follows as its own lines).
        char last = '\n';
        if (::pread(descriptor, &last, 1, existing.st_size - 1) == 1 && last != '\n') text = "\n";
    }
    text += line.dump() + "\n";
    const bool ok = writeAll(descriptor, text) && ::fdatasync(descriptor) == 0;
    const int error = errno;
    ::close(descriptor);
    errno = error;
    if (!ok) return fail("cannot write the edit journal");
    return problems;
}

} // namespace

std::vector<Diagnostic> appendToJournal(const std::string& path, const std::string& source, const Edit& edit) {
    return std::visit(
        [&](const auto& e) {
            using Item = typename std::decay_t<decltype(e)>::Item;
            Json line{{"before", rowOrNull(e.before)}, {"after", rowOrNull(e.after)}};
            if constexpr (kKindKey<Item> != nullptr) line["kind"] = kKindKey<Item>;
            return appendLine(path, source, line);
        },
        edit);
}

namespace {

// One journal line's edit of rows of one kind; "" or why it cannot be read.
template <class Item> std::string readEdit(Json& value, std::vector<Edit>& edits) {
    RowEdit<Item> edit;
    for (auto [key, slot] : {std::pair{"before", &edit.before}, std::pair{"after", &edit.after}}) {
        if (value[key].is_null()) continue;
        std::string error;
        *slot = detail::rowFromJson<Item>(value[key], error);
        if (!*slot) return std::string("the ") + kItemWord<Item> + " under \"" + key + "\" cannot be read: " + error;
    }
    if (!edit.before && !edit.after) return "an edit with neither a before nor an after";
    edits.push_back(std::move(edit));
    return {};
}

} // namespace

std::vector<Diagnostic> appendActorToJournal(const std::string& path, const std::string& source, const Actor& actor) {
    return appendLine(path, source, Json{{"actor", detail::actorToJson(actor)}});
}

std::optional<EditJournal> readJournal(const std::string& path, std::vector<Diagnostic>& problems) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problems.push_back({Severity::Fatal, codes::kFileOpen, "cannot open the edit journal", path, 0, 0, {}, {}});
        return std::nullopt;
    }
    std::stringstream whole;
    whole << in.rdbuf();
    const std::string text = whole.str();
    EditJournal journal;
    std::size_t begin = 0;
    int line = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        const std::string_view row(text.data() + begin, end - begin);
        ++line;
        begin = end + 1;
        if (row.empty()) continue;
        Json value = Json::parse(row, nullptr, false);
        if (line == 1) {
            if (value.is_discarded() || !value.is_object() || !value.contains(kJournalKey) || !value.value("source", Json()).is_string()) {
                problems.push_back({Severity::Fatal, codes::kJournalLine, "not an edit journal (its first line names no source)", path, 1, 1, {}, {}});
                return std::nullopt;
            }
            journal.source = value["source"].get<std::string>();
            continue;
        }
        if (value.is_discarded()) {
            // Not JSON: a write interrupted by a crash (later appends start on a line of their
            // own). Left out; what came before and after is whole.
            problems.push_back({Severity::Warning, codes::kJournalCut, "an edit was cut short while being written and is left out", path, line, 1, {}, {}});
            continue;
        }
        auto bad = [&](const std::string& message) {
            problems.push_back({Severity::Error, codes::kJournalLine, message + " (the edits before it are kept)", path, line, 1, {}, {}});
        };
        if (!value.is_discarded() && value.is_object() && value.contains("actor")) {
            std::string error;
            auto actor = detail::actorFromJson(value["actor"], error);
            if (!actor) {
                bad("the actor cannot be read: " + error);
                break;
            }
            journal.actors.push_back(std::move(*actor));
            continue;
        }
        if (value.is_discarded() || !value.is_object() || !value.contains("before") || !value.contains("after")) {
            bad("expected an edit: {\"before\": row or null, \"after\": row or null}, with \"kind\" for a site, line or area");
            break;
        }
        const std::string kind = value.value("kind", std::string("incident"));
        std::string error;
        if (kind == "incident") error = readEdit<Event>(value, journal.edits);
        else if (kind == "site") error = readEdit<Site>(value, journal.edits);
        else if (kind == "line") error = readEdit<Line>(value, journal.edits);
        else if (kind == "area") error = readEdit<Area>(value, journal.edits);
        else error = "\"" + kind + "\" is no kind of edit (incident, site, line, area)";
        if (!error.empty()) {
            bad(error);
            break;
        }
    }
    if (line == 0) {
        problems.push_back({Severity::Fatal, codes::kJournalLine, "the edit journal is empty", path, 0, 0, {}, {}});
        return std::nullopt;
    }
    return journal;
}

} // namespace atlas
