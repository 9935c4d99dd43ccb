#pragma once

#include "atlas/model/edits.h"
#include "atlas/model/event.h"

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <string>
#include <vector>

namespace atlas::ui {

// What the incident, line, area and site forms read and write the same way.

/// Actor or incident ids as a form holds them: comma-separated, spaces ignored.
inline std::vector<std::string> idsFromText(const QString& list) {
    std::vector<std::string> out;
    for (const QString& id : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!id.trimmed().isEmpty()) out.push_back(id.trimmed().toStdString());
    return out;
}

/// Core's problems as the forms list them: [{field, message}].
inline void appendProblems(const std::vector<atlas::EditProblem>& found, QVariantList& problems) {
    for (const atlas::EditProblem& p : found)
        problems.append(QVariantMap{{QStringLiteral("field"), QString::fromStdString(p.field)}, {QStringLiteral("message"), QString::fromStdString(p.message)}});
}

// Sources: one a line, "publisher | title | date | URL".

/// The sources of a form's text; what the form does not show of a source (unknown fields)
/// stays with the one in the same place of `former`.
inline std::vector<atlas::SourceReference> sourcesFromText(const QString& block, const std::vector<atlas::SourceReference>& former) {
    std::vector<atlas::SourceReference> sources;
    for (const QString& line : block.split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty()) continue;
        const QStringList parts = line.trimmed().split(QLatin1Char('|'));
        atlas::SourceReference source;
        source.publisher = parts.value(0).trimmed().toStdString();
        source.title = parts.value(1).trimmed().toStdString();
        source.date = parts.value(2).trimmed().toStdString();
        source.url = parts.value(3).trimmed().toStdString();
        if (sources.size() < former.size()) source.extra = former[sources.size()].extra;
        sources.push_back(std::move(source));
    }
    return sources;
}

inline QString sourcesToText(const std::vector<atlas::SourceReference>& sources) {
    QStringList lines;
    for (const atlas::SourceReference& s : sources)
        lines << QStringList{QString::fromStdString(s.publisher), QString::fromStdString(s.title), QString::fromStdString(s.date), QString::fromStdString(s.url)}
                     .join(QStringLiteral(" | "));
    return lines.join(QLatin1Char('\n'));
}

} // namespace atlas::ui
