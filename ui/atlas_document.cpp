#include "atlas_document.h"
#include "atlas/model/diagnostic_codes.h"

#include "atlas/model/actor_tree.h"
#include "atlas/io/workspace.h"

#include "atlas/io/atomic_file.h"
#include "atlas/model/merge.h"
#include "atlas/model/revisions.h"
#include "atlas/io/native_format.h"
#include "atlas/geo/geo.h"
#include "atlas/io/read_any.h"
#include "atlas/io/write_any.h"
#include <QCoreApplication>
#include <QPointer>

#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <QVariantMap>

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

namespace atlas::ui {

namespace {

// Owns a dataset and the index over it in one allocation, so a shared_ptr to the index keeps
// both alive.
struct IndexedDataset {
    explicit IndexedDataset(std::shared_ptr<const atlas::Dataset> d) : dataset(std::move(d)), index(*dataset) {}
    std::shared_ptr<const atlas::Dataset> dataset;
    atlas::EventIndex index;
};

std::shared_ptr<const atlas::EventIndex> indexOf(std::shared_ptr<const atlas::Dataset> dataset) {
    auto holder = std::make_shared<const IndexedDataset>(std::move(dataset));
    return {holder, &holder->index};
}

} // namespace

AtlasDocument::AtlasDocument(QObject* parent)
    : QObject(parent), m_dataset(std::make_shared<atlas::Dataset>()), m_eventIndex(indexOf(m_dataset)) {
    connect(&m_loader, &FileLoader::finished, this, &AtlasDocument::finishLoad);
    connect(this, &AtlasDocument::datasetChanged, this, &AtlasDocument::problemsChanged);
    connect(&m_loader, &FileLoader::progressChanged, this, &AtlasDocument::loadProgressChanged);
}

bool AtlasDocument::open(const QUrl& location) { return load(location, false); }

bool AtlasDocument::add(const QUrl& location) { return load(location, m_loaded); }

// What the file being read in the background is for: opened or added, read again or not.
struct AtlasDocument::PendingLoad {
    bool merge = false;
    bool rereading = false; // the last file again: it replaces its first reading
    atlas::GeoJsonOptions geoJson; // the date properties it is read with (a project keeps them)
    QUrl location;
    QString displayName;
};

AtlasDocument::~AtlasDocument() {
    // A save still being written finishes first: its file is replaced whole or not at all.
    if (m_saveThread) m_saveThread->wait();
}

void AtlasDocument::setSaveLocation(const QUrl& location) {
    if (location == m_saveLocation) return;
    m_saveLocation = location;
    emit saveLocationChanged();
}

void AtlasDocument::save() {
    if (!m_saveLocation.isEmpty()) saveAs(m_saveLocation);
}

void AtlasDocument::saveAs(const QUrl& location) {
    if (m_saving) return;
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    const auto format = atlas::datasetFormatOfPath(path.toStdString());
    if (!format) {
        emit saveFinished(tr("Not saved: %1 is no format Conflict Atlas writes (.gpkg, .atlas.json, .geojson, .csv, .kml)")
                              .arg(QFileInfo(path).fileName()),
                          false);
        return;
    }
    // The dataset is immutable while shared: the worker reads it as it is now, even if another
    // file is opened meanwhile.
    std::shared_ptr<const atlas::Dataset> dataset = latestDataset(); // a replay is a view, not the data
    QPointer<AtlasDocument> self(this);
    const bool wholeModel = atlas::keepsWholeModel(*format);
    m_saveThread = QThread::create([dataset, path, format = *format, self, wholeModel] {
        auto problems = atlas::writeDatasetFile(*dataset, path.toStdString(), format);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, path, wholeModel, problems = std::move(problems)] {
                if (self) self->finishSave(path, wholeModel, problems);
            },
            Qt::QueuedConnection);
    });
    connect(m_saveThread, &QThread::finished, m_saveThread, &QObject::deleteLater);
    m_saving = true;
    m_saveThread->start();
    emit savingChanged();
}

void AtlasDocument::finishSave(const QString& path, bool wholeModel, const std::vector<atlas::Diagnostic>& problems) {
    m_saving = false;
    emit savingChanged();
    if (!problems.empty()) {
        emit saveFinished(tr("Not saved: %1").arg(QString::fromStdString(problems.front().message)), false);
        return;
    }
    if (wholeModel) setSaveLocation(QUrl::fromLocalFile(path));
    const int saved = static_cast<int>(latestDataset()->events.size());
    emit saveFinished(wholeModel ? tr("Saved %n incident(s) to %1", "", saved).arg(QFileInfo(path).fileName())
                                 : tr("Exported %n incident(s) to %1 (incidents only: save as .gpkg to keep actors, sites, "
                                      "lines and areas)", "", saved)
                                       .arg(QFileInfo(path).fileName()),
                      true);
    if (wholeModel) emit wholeModelSaved(path);
}

void AtlasDocument::openInBackground(const QUrl& location) { startLoad(location, false); }

void AtlasDocument::addInBackground(const QUrl& location) { startLoad(location, m_loaded); }

void AtlasDocument::cancelLoading() { m_loader.cancel(); }

void AtlasDocument::rereadWithDateProperty(const QString& dateProperty, const QString& endDateProperty, const QString& dateFormat) {
    if (!m_beforeLastFile.dataset || !m_lastLocation.isLocalFile()) return;
    atlas::GeoJsonOptions options;
    options.dateProperty = dateProperty.toStdString();
    options.endDateProperty = endDateProperty.toStdString();
    options.dayOrder = dateFormat == QLatin1String("dmy")   ? atlas::DayOrder::DayFirst
                       : dateFormat == QLatin1String("mdy") ? atlas::DayOrder::MonthFirst
                                                            : atlas::DayOrder::Unknown;
    startLoad(m_lastLocation, m_lastMerged, options, true);
}

QVariantList AtlasDocument::datePropertyChoices() const {
    QVariantList out;
    if (!m_lastLocation.isLocalFile()) return out;
    for (const atlas::GeoJsonDateProperty& p : atlas::datePropertiesOfFile(m_lastLocation.toLocalFile().toStdString()))
        out.append(QVariantMap{{QStringLiteral("name"), QString::fromStdString(p.name)},
                               {QStringLiteral("points"), static_cast<qulonglong>(p.points)}});
    return out;
}

void AtlasDocument::startLoad(const QUrl& location, bool merge, const atlas::GeoJsonOptions& geoJson, bool rereading) {
    if (m_loader.busy()) return;
    if (location.scheme() == QLatin1String("qrc")) { // bundled data is small: read it at once
        load(location, merge);
        return;
    }
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    m_pending = std::make_shared<PendingLoad>();
    m_pending->merge = merge;
    m_pending->rereading = rereading;
    m_pending->location = location;
    m_pending->displayName = QFileInfo(path).fileName();
    m_loadingName = m_pending->displayName;
    m_pending->geoJson = geoJson;
    if (!m_loader.start(path, geoJson)) return;
    emit loadingChanged();
}

void AtlasDocument::finishLoad() {
    auto pending = std::move(m_pending);
    const bool cancelled = m_loader.wasCancelled();
    atlas::LoadResult result = m_loader.takeResult();
    if (cancelled) {
        m_errorText = tr("Reading %1 was cancelled; the map shows what was open before").arg(pending->displayName);
        emit datasetChanged();
    } else {
        if (pending->rereading && !result.failed()) {
            // The second reading replaces the first: back to what was there before that file.
            m_sourceName = m_beforeLastFile.sourceName;
            m_diagnostics = m_beforeLastFile.diagnostics;
            m_partial = m_beforeLastFile.partial;
            m_loaded = m_beforeLastFile.loaded;
            m_dataset = m_beforeLastFile.dataset; // apply() builds the index of the result once
        }
        const bool read = apply(std::move(result), pending->displayName, pending->merge, pending->location, pending->geoJson,
                                pending->rereading);
        if (m_queue.active && !read && !pending->merge) m_queue.opened = false; // the next file opens instead
    }
    emit loadingChanged();
    if (m_queue.active && cancelled) m_queue.active = false; // the rest of a project is not read either
    if (m_queue.active) continueQueue();
}

void AtlasDocument::openFiles(const std::vector<SourceFile>& files, std::vector<atlas::ActorMappingEntry> mapping,
                              std::vector<atlas::DuplicateDecision> duplicates) {
    if (m_loader.busy()) return;
    m_queue = {files, std::move(mapping), std::move(duplicates), false, true};
    std::reverse(m_queue.files.begin(), m_queue.files.end()); // taken from the back
    continueQueue();
}

void AtlasDocument::continueQueue() {
    // After the first file opened, its mapping (once): later files get it as they are added.
    if (m_queue.opened && !m_queue.mapping.empty()) {
        std::vector<atlas::ActorMappingEntry> mapping = std::move(m_queue.mapping);
        m_queue.mapping.clear();
        applyActorEdits(std::move(mapping));
    }
    while (!m_queue.files.empty()) {
        const SourceFile next = m_queue.files.back();
        m_queue.files.pop_back();
        const bool merge = m_queue.opened;
        m_queue.opened = true; // assumed until the load says otherwise (a failed first file: see below)
        if (next.location.scheme() == QLatin1String("qrc") || !next.location.isLocalFile()) {
            if (!load(next.location, merge)) m_queue.opened = merge;
            continue;
        }
        startLoad(next.location, merge, next.geoJson);
        return; // finishLoad() comes back here
    }
    m_queue.active = false;
    // Merges name events of several files: applied once all of them are read.
    if (m_queue.opened && !m_queue.duplicates.empty()) decideDuplicates(std::exchange(m_queue.duplicates, {}));
    emit filesOpened();
}

bool AtlasDocument::load(const QUrl& location, bool merge) {
    atlas::LoadResult result;
    QString displayName;
    if (location.scheme() == QLatin1String("qrc")) {
        // Bundled resources are not on disk; hand core the bytes to read.
        const QString resourcePath = QLatin1Char(':') + location.path();
        QFile file(resourcePath);
        displayName = location.fileName();
        if (!file.open(QIODevice::ReadOnly)) {
            m_errorText = tr("Cannot open the bundled file %1").arg(resourcePath);
            emit datasetChanged();
            return false;
        }
        const QByteArray bytes = file.readAll();
        result = atlas::readNativeText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                       displayName.toStdString());
    } else {
        const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
        displayName = QFileInfo(path).fileName();
        result = atlas::readAnyFile(path.toStdString());
    }
    return apply(std::move(result), displayName, merge, location);
}

bool AtlasDocument::apply(atlas::LoadResult result, QString displayName, bool merge, const QUrl& location,
                          const atlas::GeoJsonOptions& geoJson, bool rereading) {
    if (!result.failed()) {
        endReplay(); // a file read goes into the latest data
        // A file read again (another date property) replaces its entry; any other is added.
        if (!merge) m_sourceFiles.clear();
        if (rereading && !m_sourceFiles.empty())
            m_sourceFiles.back().geoJson = geoJson;
        else
            m_sourceFiles.push_back({location, geoJson});
        m_lastLocation = location;
        m_lastMerged = merge;
        m_undatedPoints = static_cast<int>(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                                         [](const atlas::Diagnostic& d) { return d.code == atlas::codes::kGeojsonDate; }));
        // Kept only while the file may be read again with a date property: it can be the
        // whole earlier dataset.
        m_beforeLastFile = m_undatedPoints > 0 ? BeforeLastFile{m_dataset, m_sourceName, m_diagnostics, m_partial, m_loaded}
                                               : BeforeLastFile{};
    }
    if (!merge) m_diagnostics.clear();
    for (const atlas::Diagnostic& diagnostic : result.diagnostics)
        m_diagnostics << QString::fromStdString(diagnostic.toString());
    if (result.failed()) {
        m_errorText = m_diagnostics.isEmpty() ? tr("Cannot read %1").arg(displayName) : m_diagnostics.first();
        emit datasetChanged();
        return false;
    }
    std::shared_ptr<atlas::Dataset> dataset;
    if (merge) {
        // The policy every command follows too (atlas/workspace.h): mapped, then merged.
        dataset = std::make_shared<atlas::Dataset>(*m_dataset);
        atlas::addFileToDataset(*dataset, std::move(result.dataset), m_actorMapping, displayName.toStdString());
        displayName = m_sourceName + QStringLiteral(" + ") + displayName;
    } else {
        dataset = std::make_shared<atlas::Dataset>(std::move(result.dataset));
    }
    if (!merge) {
        m_actorMapping.clear();
        m_duplicateDecisions.clear();
    }
    m_merged = merge;
    replaceDataset(std::move(dataset));
    m_sourceName = displayName;
    m_partial = result.partial() || (merge && m_partial);
    m_errorText = bannerText(QString());
    m_loaded = true;
    // Save writes back to the file opened when that file holds the whole model; after files
    // were merged, Save asks where (the merge is none of the files).
    {
        const auto format = location.isLocalFile() ? atlas::datasetFormatOfPath(location.toLocalFile().toStdString())
                                                   : std::nullopt;
        setSaveLocation(!merge && format && atlas::keepsWholeModel(*format) ? location : QUrl());
    }
    emit datasetChanged();
    if (!location.isEmpty()) emit fileRead(location, merge); // a store's pull is no recent file
    return true;
}

QString AtlasDocument::bannerText(const QString& latest) const {
    // A partly loaded dataset stays labelled so whatever happens to it afterwards.
    if (!m_partial) return latest;
    const QString partly = tr("Partly loaded: some items had errors and were skipped");
    return latest.isEmpty() ? partly : partly + QStringLiteral(" · ") + latest;
}

void AtlasDocument::noteProblems(const std::vector<atlas::Diagnostic>& problems) {
    if (problems.empty()) return;
    for (const atlas::Diagnostic& d : problems) m_diagnostics << QString::fromStdString(d.toString());
    m_errorText = bannerText(QString::fromStdString(problems.front().message));
    emit problemsChanged(); // not datasetChanged: the data is what it was, nothing to rebuild
}

QString AtlasDocument::applyEdits(const std::vector<atlas::Edit>& edits) {
    if (const QString blocked = replayBlocks(tr("Editing")); !blocked.isEmpty()) return blocked;
    if (edits.empty()) return {};
    auto dataset = std::make_shared<atlas::Dataset>(*m_dataset);
    for (const atlas::Edit& edit : edits)
        if (const auto refused = atlas::applyEdit(*dataset, edit)) return QString::fromStdString(*refused);
    replaceDataset(std::move(dataset));
    // The last file can no longer be read again in its place: the edits would be lost.
    m_beforeLastFile = {};
    m_undatedPoints = 0;
    emit datasetChanged();
    return {};
}

bool AtlasDocument::openRead(atlas::LoadResult result, const QString& displayName) {
    return apply(std::move(result), displayName, false, QUrl());
}

void AtlasDocument::addActors(const std::vector<atlas::Actor>& actors) {
    if (actors.empty()) return;
    auto dataset = std::make_shared<atlas::Dataset>(*m_dataset);
    for (const atlas::Actor& actor : actors) {
        const auto same = std::find_if(dataset->actors.begin(), dataset->actors.end(), [&](const atlas::Actor& a) { return a.id == actor.id; });
        if (same != dataset->actors.end()) *same = actor;
        else dataset->actors.push_back(actor);
    }
    replaceDataset(std::move(dataset)); // the actors' lookup rebuilt there
    emit datasetChanged();
}

void AtlasDocument::replaceData(atlas::Dataset dataset) {
    endReplay();
    replaceDataset(std::make_shared<atlas::Dataset>(std::move(dataset)));
    m_beforeLastFile = {};
    emit datasetChanged();
}

void AtlasDocument::replaceDataset(std::shared_ptr<atlas::Dataset> dataset) {
    dataset->reindexActors(); // a moved or copied dataset keeps its actors; rebuild the lookup to be safe
    m_eventIndex = indexOf(dataset);
    m_dataBounds.clear();
    if (const auto box = atlas::boundsOfEvents(dataset->events))
        m_dataBounds = {box->minLongitude, box->minLatitude, box->maxLongitude, box->maxLatitude};
    m_dataset = std::move(dataset);
}

QString AtlasDocument::commitActorChanges(std::shared_ptr<atlas::Dataset> dataset, const std::vector<atlas::Diagnostic>& diagnostics,
                                          const QString& what) {
    for (const atlas::Diagnostic& d : diagnostics) m_diagnostics << QString::fromStdString(d.toString());
    if (atlas::hasFatal(diagnostics)) {
        m_errorText = bannerText(QString::fromStdString(diagnostics.front().toString()));
        emit datasetChanged();
        return tr("%1 not applied: %2").arg(what, QString::fromStdString(diagnostics.front().message));
    }
    std::size_t changed = 0;
    const auto& before = m_dataset->actors;
    for (std::size_t i = 0; i < dataset->actors.size(); ++i) {
        const atlas::Actor& now = dataset->actors[i];
        if (i >= before.size() || now.id != before[i].id || now.parent != before[i].parent || now.side != before[i].side) ++changed;
    }
    replaceDataset(std::move(dataset));
    // Reading the last file again would start from before these changes: no longer offered.
    m_beforeLastFile = {};
    m_undatedPoints = 0;
    m_errorText = bannerText(diagnostics.empty() ? QString() : tr("%1: %n problem(s)", "", int(diagnostics.size())).arg(what));
    emit datasetChanged();
    QString message = tr("%1: %n actor(s) changed", "", int(changed)).arg(what);
    if (!diagnostics.empty()) message += tr("; %n problem(s), listed under Problems", "", int(diagnostics.size()));
    return message;
}

QString AtlasDocument::decideDuplicates(std::vector<atlas::DuplicateDecision> decisions) {
    if (decisions.empty()) return {};
    if (const QString blocked = replayBlocks(tr("Merging")); !blocked.isEmpty()) return blocked;
    const auto merges = std::count_if(decisions.begin(), decisions.end(), [](const atlas::DuplicateDecision& d) {
        return d.kind == atlas::DuplicateDecision::Kind::Merge;
    });
    std::vector<atlas::Diagnostic> problems;
    if (merges > 0) {
        auto dataset = std::make_shared<atlas::Dataset>(*m_dataset);
        problems = atlas::applyDuplicateDecisions(*dataset, decisions);
        replaceDataset(std::move(dataset));
        // Reading the last file again would start from before the merge: no longer offered.
        m_beforeLastFile = {};
        m_undatedPoints = 0;
    }
    m_duplicateDecisions.insert(m_duplicateDecisions.end(), decisions.begin(), decisions.end());
    for (const atlas::Diagnostic& d : problems) m_diagnostics << QString::fromStdString(d.toString());
    const auto applied = merges - static_cast<std::ptrdiff_t>(problems.size());
    QString message = merges > 0 ? tr("%n incident(s) merged into another", "", int(applied))
                                 : tr("%n pair(s) kept as separate incidents", "", int(decisions.size()));
    if (!problems.empty()) {
        message += tr("; %n decision(s) name an incident that is not open, listed under Problems", "", int(problems.size()));
        m_errorText = bannerText(QString::fromStdString(problems.front().message));
    }
    if (merges > 0) emit datasetChanged();
    else if (!problems.empty()) emit problemsChanged();
    return message;
}

void AtlasDocument::endReplay() {
    if (!m_latest) return;
    // Back as they were: the latest data may be read on other threads (a save, a search), so it
    // is not touched, and its index is the one it had.
    m_dataset = std::move(m_latest);
    m_eventIndex = std::move(m_latestIndex);
    m_dataBounds = m_latestBounds;
    m_latest.reset();
    m_latestIndex.reset();
    m_asKnownOn.clear();
    m_asKnownOnText.clear();
}

QString AtlasDocument::replayBlocks(const QString& what) const {
    return m_latest ? tr("%1 waits: the data is shown as known on %2; return to the latest data first").arg(what, m_asKnownOn) : QString();
}

QString AtlasDocument::setAsKnownOn(const QString& isoDate) {
    if (isoDate.trimmed().isEmpty()) {
        if (!m_latest) return {};
        endReplay();
        emit datasetChanged();
        return tr("The latest data: %n incident(s)", "", eventCount());
    }
    const auto day = atlas::Date::parse(isoDate.trimmed().toStdString());
    if (!day) return tr("\"%1\" is no day: type it as YYYY-MM-DD").arg(isoDate);
    const std::shared_ptr<const atlas::Dataset> latest = latestDataset();
    atlas::AsKnownOn then = atlas::asKnownOn(*latest, *day);
    if (!m_latest) {
        m_latestIndex = m_eventIndex;
        m_latestBounds = m_dataBounds;
    }
    m_latest = latest;
    m_asKnownOn = QString::fromStdString(day->toString());
    QString text = tr("As known on %1: %n incident(s)", "", int(then.dataset.events.size())).arg(m_asKnownOn);
    QStringList parts;
    if (then.asRecordedThen > 0) parts << tr("%n as recorded then", "", int(then.asRecordedThen));
    if (then.notYetRecorded > 0) parts << tr("%n recorded later left out", "", int(then.notYetRecorded));
    if (then.deletedSince > 0) parts << tr("%n deleted since brought back", "", int(then.deletedSince));
    if (then.undated > 0) parts << tr("%n without a recording day shown as they are", "", int(then.undated));
    if (!parts.isEmpty()) text += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    m_asKnownOnText = text;
    replaceDataset(std::make_shared<atlas::Dataset>(std::move(then.dataset)));
    emit datasetChanged();
    return text;
}

QString AtlasDocument::applyActorMappingFile(const QUrl& location) {
    if (const QString blocked = replayBlocks(tr("The actor mapping")); !blocked.isEmpty()) return blocked;
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    const atlas::ActorMapping mapping = atlas::readActorMappingFile(path.toStdString());
    auto dataset = std::make_shared<atlas::Dataset>(*m_dataset);
    const std::vector<atlas::Diagnostic> diagnostics = atlas::applyActorMapping(*dataset, mapping);
    if (!atlas::hasFatal(diagnostics))
        m_actorMapping.insert(m_actorMapping.end(), mapping.entries.begin(), mapping.entries.end());
    return commitActorChanges(std::move(dataset), diagnostics, tr("Actor mapping %1").arg(QFileInfo(path).fileName()));
}

QString AtlasDocument::applyActorEdits(std::vector<atlas::ActorMappingEntry> entries) {
    if (const QString blocked = replayBlocks(tr("Your changes")); !blocked.isEmpty()) return blocked;
    auto dataset = std::make_shared<atlas::Dataset>(*m_dataset);
    const std::vector<atlas::Diagnostic> diagnostics = atlas::applyActorMapping(*dataset, entries, "actors dialog");
    m_actorMapping.insert(m_actorMapping.end(), entries.begin(), entries.end());
    return commitActorChanges(std::move(dataset), diagnostics, tr("Your changes"));
}

QString AtlasDocument::saveActorMapping(const QUrl& location) {
    const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
    const std::string text = atlas::writeActorMapping(*m_dataset);
    const auto problems = atlas::writeFileAtomically(path.toStdString(), [&](std::ostream& out) { out << text; });
    if (!problems.empty()) return tr("Not saved: %1").arg(QString::fromStdString(problems.front().message));
    return tr("Saved %n actor(s) to %1", "", int(m_dataset->actors.size())).arg(QFileInfo(path).fileName());
}

QString AtlasDocument::title() const {
    const QString title = QString::fromStdString(m_dataset->metadata.title);
    return title.isEmpty() ? m_sourceName : title;
}

QVariantList AtlasDocument::actorChoices() const {
    // Sub-groups under their umbrella (atlas::ActorTree), for the faction filter.
    QVariantList out;
    for (const atlas::ActorTree::Entry& entry : atlas::ActorTree(*m_dataset).depthFirst())
        out.append(QVariantMap{{QStringLiteral("id"), QString::fromStdString(entry.actor->id)},
                               {QStringLiteral("name"), QString::fromStdString(entry.actor->name)},
                               {QStringLiteral("depth"), entry.depth}});
    return out;
}

QVariantList AtlasDocument::typeChoices() const {
    std::array<bool, atlas::kEventTypeCount> used{};
    for (std::size_t row = 0; row < m_dataset->events.size(); ++row)
        used[static_cast<std::size_t>(m_dataset->events.type(row))] = true;
    QVariantList out;
    for (int type = 0; type < atlas::kEventTypeCount; ++type) {
        if (!used[static_cast<std::size_t>(type)]) continue;
        const auto value = static_cast<atlas::EventType>(type);
        out.append(QVariantMap{{QStringLiteral("key"), QString::fromStdString(std::string(atlas::toKey(value)))},
                               {QStringLiteral("label"), QString::fromStdString(std::string(atlas::toLabel(value)))}});
    }
    return out;
}

QVariantList AtlasDocument::groundChoices() const {
    std::array<bool, atlas::kSideCount> holds{};
    for (const atlas::Area& area : m_dataset->areas) holds[static_cast<std::size_t>(m_dataset->sideOfActor(area.controller))] = true;
    QVariantList out;
    if (m_dataset->areas.empty()) return out;
    holds[static_cast<std::size_t>(atlas::Side::Unknown)] = false; // listed last, as "no mapped area"
    const auto choice = [](atlas::Side side, const QString& label) {
        return QVariantMap{{QStringLiteral("key"), QString::fromStdString(std::string(atlas::toKey(side)))}, {QStringLiteral("label"), label}};
    };
    for (int side = 0; side < atlas::kSideCount; ++side)
        if (holds[static_cast<std::size_t>(side)])
            out.append(choice(static_cast<atlas::Side>(side), QString::fromStdString(std::string(atlas::toLabel(static_cast<atlas::Side>(side))))));
    out.append(choice(atlas::Side::Unknown, tr("no mapped control area")));
    return out;
}

} // namespace atlas::ui
