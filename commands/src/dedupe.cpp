#include "common.h"

#include "atlas/io/csv.h"
#include "atlas/io/text.h"
#include "atlas/query/duplicates.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace atlas::commands::detail {

const char* kDedupeHelp =
    "usage: conflict-atlas dedupe FILE... [--format csv|json] [--min-score S] [--across] [--all-pairs]\n"
    "Candidate pairs of events that may be one incident reported twice, across the files and\n"
    "within each: the same day within each side's date precision, the same place within each\n"
    "side's place precision, compatible types and actors; each with its score (0-1) and reasons.\n"
    "A project's decisions are applied first: merged pairs are one event, pairs kept apart are\n"
    "not proposed again.\n"
    "  --format csv|json   csv (default): a_id,b_id,score,a_file,a_record,b_file,b_record,\n"
    "                      a_date,b_date,a_place,b_place,reasons; json: the same as objects\n"
    "  --min-score S       leave out pairs below S (default 0.6)\n"
    "  --across            only pairs whose events come from different files\n"
    "  --all-pairs         every pair above the score; by default each event is in its best pair\n"
    "                      only (a report in one dataset is at most one report in another)\n";

int dedupe(const std::vector<std::string>& args, const InputOptions& options) {
    std::vector<std::string> files;
    std::string format = "csv";
    DuplicateOptions find;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return printHelp(kDedupeHelp);
        if (a.rfind("--", 0) != 0) {
            files.push_back(a);
            continue;
        }
        if (a == "--across") {
            find.acrossFilesOnly = true;
            continue;
        }
        if (a == "--all-pairs") {
            find.bestMatchOnly = false;
            continue;
        }
        if (a != "--format" && a != "--min-score") return usageError("dedupe", "unknown option " + a);
        if (i + 1 >= args.size()) return usageError("dedupe", a + " needs a value");
        const std::string& v = args[++i];
        if (a == "--format") {
            format = lower(v);
            if (format != "csv" && format != "json") return usageError("dedupe", "--format is csv or json");
        } else {
            char* end = nullptr;
            const double score = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end != '\0' || !(score >= 0 && score <= 1))
                return usageError("dedupe", "--min-score takes a number from 0 to 1, not \"" + v + "\"");
            find.minScore = score;
        }
    }
    if (files.empty()) return usageError("dedupe", "give at least one file");
    Loaded loaded = loadAll(files, {}, options);
    const Dataset& d = loaded.dataset;
    std::vector<DuplicatePair> pairs = findDuplicates(d, find);
    if (loaded.project) dropDecidedPairs(d, pairs, loaded.project->duplicates);

    auto fileOf = [&](std::uint32_t row) {
        const auto p = d.events.provenance(row);
        return p ? p->origin.file : std::string();
    };
    auto recordOf = [&](std::uint32_t row) {
        const auto p = d.events.provenance(row);
        return p ? p->recordText() : std::string();
    };
    auto scoreText = [](double score) {
        char text[16];
        std::snprintf(text, sizeof text, "%.3f", score);
        return std::string(text);
    };
    if (format == "json") {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const DuplicatePair& p : pairs) {
            auto side = [&](std::uint32_t row) {
                return nlohmann::ordered_json{{"id", std::string(d.events.id(row))},
                                              {"file", fileOf(row)},
                                              {"record", recordOf(row)},
                                              {"date", d.events.date(row).toString()},
                                              {"type", std::string(toKey(d.events.type(row)))},
                                              {"place", d.events.placeName(row)}};
            };
            out.push_back({{"a_id", std::string(d.events.id(p.a))},
                           {"b_id", std::string(d.events.id(p.b))},
                           {"score", std::stod(scoreText(p.score))},
                           {"a", side(p.a)},
                           {"b", side(p.b)},
                           {"reasons", p.reasons}});
        }
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << "a_id,b_id,score,a_file,a_record,b_file,b_record,a_date,b_date,a_place,b_place,reasons\r\n";
        for (const DuplicatePair& p : pairs) {
            std::string line = delimitedField(std::string(d.events.id(p.a))) + ',' + delimitedField(std::string(d.events.id(p.b))) + ',' +
                               scoreText(p.score) + ',' + delimitedField(fileOf(p.a)) + ',' + delimitedField(recordOf(p.a)) + ',' +
                               delimitedField(fileOf(p.b)) + ',' + delimitedField(recordOf(p.b)) + ',' + d.events.date(p.a).toString() +
                               ',' + d.events.date(p.b).toString() + ',' + delimitedField(d.events.placeName(p.a)) + ',' +
                               delimitedField(d.events.placeName(p.b)) + ',' + delimitedField(joinFrom(p.reasons, 0, "; "));
            std::cout << line << "\r\n";
        }
    }
    std::cout.flush();
    std::fprintf(stderr, "%zu candidate pair%s among %zu events\n", pairs.size(), pairs.size() == 1 ? "" : "s", d.events.size());
    return loaded.bad ? kBadInput : kOk;
}

} // namespace atlas::commands::detail
