#include "pull_comparison.h"

#include "event_details.h"

#include "atlas/io/read_any.h"
#include "atlas/model/actor_mapping.h"

#include <QFileInfo>


namespace atlas::ui {

namespace {

// The latest day any event of `dataset` was recorded (revisions.h), or nullopt.
std::optional<atlas::Date> latestRecording(const atlas::Dataset& dataset) {
    std::optional<atlas::Date> latest;
    for (std::size_t row = 0; row < dataset.events.size(); ++row)
        if (const auto day = atlas::recordedOn(dataset.events.details(row).extra); day && (!latest || *day > *latest)) latest = day;
    return latest;
}

} // namespace

PullComparison::PullComparison(QObject* parent) : QAbstractListModel(parent) {}

void PullComparison::setDocument(AtlasDocument* document) {
    if (document == m_document) return;
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    // Another file opened or the data changed: the comparison was of the data before.
    if (m_document)
        connect(m_document, &AtlasDocument::datasetChanged, this, [this] {
            if (m_newer && m_document->latestDataset() != (m_openIsNewer ? m_newer : m_older)) clear();
        });
    emit documentChanged();
}

QString PullComparison::compareWith(const QUrl& location) {
    if (!m_document || !m_document->loaded()) return {};
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    atlas::LoadResult read = atlas::readAnyFile(path.toStdString());
    if (read.failed()) {
        const QString why = read.diagnostics.empty() ? tr("cannot read it") : QString::fromStdString(read.diagnostics.front().message);
        setRows({}, tr("%1 not compared: %2").arg(QFileInfo(path).fileName(), why));
        return m_status;
    }
    // Read as the open files were: their actor mapping applied, so ids compare like for like.
    if (!m_document->actorMapping().empty()) (void)atlas::applyActorMapping(read.dataset, m_document->actorMapping(), "comparison");
    auto other = std::make_shared<const atlas::Dataset>(std::move(read.dataset));
    const std::shared_ptr<const atlas::Dataset> open = m_document->latestDataset();
    // The file chosen is the earlier pull unless its recordings say it is the later one.
    const auto openDay = latestRecording(*open), otherDay = latestRecording(*other);
    m_openIsNewer = !(openDay && otherDay && *otherDay > *openDay);
    m_older = m_openIsNewer ? other : open;
    m_newer = m_openIsNewer ? open : other;
    std::vector<Row> rows;
    m_changes = atlas::comparePulls(*m_older, *m_newer);
    m_spots.clear();
    for (const atlas::PullChange& change : m_changes) {
        const atlas::Dataset& holder = change.kind == atlas::PullChange::Kind::Deleted ? *m_older : *m_newer;
        const atlas::Event event = holder.events.at(change.position);
        QStringList fields;
        for (const atlas::FieldChange& f : change.changes)
            fields << QStringLiteral("%1: %2 \u2192 %3").arg(qs(f.field), qs(f.before).left(80), qs(f.after).left(80));
        rows.push_back({change,
                        qs(event.date.toString()) + QStringLiteral(" \u00B7 ") + qs(atlas::toLabel(event.type)) + QStringLiteral(" \u00B7 ") +
                            qs(event.place.name) + QStringLiteral(" \u00B7 killed: ") + qs(event.killed.toText()),
                        fields.join(QStringLiteral("; "))});
    }
    const QString name = QFileInfo(path).fileName();
    QString status = m_openIsNewer ? tr("The open data against the earlier pull %1").arg(name)
                                   : tr("%1 is the later pull (its recordings are newer): it against the open data").arg(name);
    setRows(std::move(rows), status);
    m_status += tr(": %1 added, %2 revised, %3 deleted").arg(added()).arg(revised()).arg(deleted());
    emit changed();
    return m_status;
}

void PullComparison::clear() {
    m_older.reset();
    m_newer.reset();
    m_changes.clear();
    m_spots.clear();
    setRows({}, QString());
}

void PullComparison::setRows(std::vector<Row> rows, QString status) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    m_counts[0] = m_counts[1] = m_counts[2] = 0;
    for (const Row& row : m_rows) ++m_counts[static_cast<int>(row.change.kind)];
    m_status = std::move(status);
    emit changed();
}

std::vector<atlas::render::ChangeSpot> PullComparison::spots(const std::vector<std::uint32_t>& drawn,
                                                             const std::vector<atlas::render::EventSymbol>& symbols,
                                                             const atlas::TimeWindow& window) const {
    if (!m_older || !m_document) return {};
    // Added and revised incidents are marked where the open data draws them, which it does only
    // when it is the newer pull; deleted ones where the older had them.
    if (m_spots.empty() || m_spotsForSymbols != symbols.size()) {
        std::vector<atlas::PullChange> marked;
        for (const atlas::PullChange& change : m_changes)
            if (m_openIsNewer || change.kind == atlas::PullChange::Kind::Deleted) marked.push_back(change);
        m_spots = atlas::render::changeSpots(marked, *m_older, symbols);
        m_spotsForSymbols = symbols.size();
    }
    return atlas::render::spotsShown(m_spots, drawn, window.lengthDays > 0 ? std::optional(window.first()) : std::nullopt, window.end);
}

int PullComparison::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

QVariant PullComparison::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case KindRole: return qs(atlas::toKey(row.change.kind));
    case EventIdRole: return qs(row.change.id);
    case SummaryRole: return row.summary;
    case ChangesRole: return row.changes;
    default: return {};
    }
}

QHash<int, QByteArray> PullComparison::roleNames() const {
    return {{KindRole, "kind"}, {EventIdRole, "eventId"}, {SummaryRole, "summary"}, {ChangesRole, "changes"}};
}

} // namespace atlas::ui
