#pragma once

#include "atlas/model/event.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace atlas::ui {

// Sources as the forms show them: one a line, "publisher | title | date | URL".

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
