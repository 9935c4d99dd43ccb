#pragma once

#include "atlas/model/actor_mapping.h"
#include "atlas/model/dataset.h"
#include "atlas/model/edits.h"
#include "atlas/io/load_result.h"
#include "atlas/io/geojson.h"
#include "atlas/io/native_format.h"
#include "atlas/query/duplicates.h"
#include "atlas/query/query.h"

#include "file_loader.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace atlas::ui {

/// The open dataset: loads it through core's readers and publishes what the views need.
/// Problems found while reading are kept as diagnostics, never thrown away.
class AtlasDocument : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString title READ title NOTIFY datasetChanged)
    Q_PROPERTY(QString sourceName READ sourceName NOTIFY datasetChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY datasetChanged)
    /// [west, south, east, north] of the incidents, or empty: what "zoom to data" shows.
    Q_PROPERTY(QVariantList dataBounds READ dataBounds NOTIFY datasetChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY datasetChanged)
    Q_PROPERTY(bool partial READ partial NOTIFY datasetChanged)
    Q_PROPERTY(QStringList diagnostics READ diagnostics NOTIFY problemsChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY problemsChanged)
    /// A file being read in the background (openInBackground / addInBackground).
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(double loadProgress READ loadProgress NOTIFY loadProgressChanged)
    Q_PROPERTY(QString loadingName READ loadingName NOTIFY loadingChanged)
    /// Points of the file read last that were skipped for want of a date (GeoJSON whose dates
    /// are under a property of its own): the window then offers to choose that property.
    Q_PROPERTY(int undatedPoints READ undatedPoints NOTIFY datasetChanged)
    /// [{id, name, depth}] in hierarchy order (an umbrella, then its sub-groups), for filters.
    Q_PROPERTY(QVariantList actorChoices READ actorChoices NOTIFY datasetChanged)
    /// [{key, label}] of the event types the dataset uses.
    Q_PROPERTY(QVariantList typeChoices READ typeChoices NOTIFY datasetChanged)
    /// [{key, label}] of the sides holding the data's control areas, then "unknown" (no mapped
    /// area), for "on ground held by"; empty when the data maps no control areas.
    Q_PROPERTY(QVariantList groundChoices READ groundChoices NOTIFY datasetChanged)
    /// Where File → Save writes: the file opened, when it is one file in a format that holds
    /// the whole model (.gpkg, .atlas.json, .geojson); empty otherwise (Save asks, as Save As).
    Q_PROPERTY(QUrl saveLocation READ saveLocation NOTIFY saveLocationChanged)
    /// A save is being written (on a worker thread).
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
    /// The day the data is replayed as known on (YYYY-MM-DD), or "" for the latest data.
    Q_PROPERTY(QString asKnownOn READ asKnownOn NOTIFY datasetChanged)
    /// What the replay shows, in a sentence ("" for the latest data).
    Q_PROPERTY(QString asKnownOnText READ asKnownOnText NOTIFY datasetChanged)

public:
    explicit AtlasDocument(QObject* parent = nullptr);

    /// Opens a file (a local file URL, a path, or a qrc: resource) in any format core reads:
    /// native .atlas.json, ACLED or UCDP GED .csv. On failure the previous dataset stays
    /// open and errorText says why.
    Q_INVOKABLE bool open(const QUrl& location);
    /// Reads another file and merges it into the open dataset (ids kept distinct per file).
    Q_INVOKABLE bool add(const QUrl& location);
    /// The same on a worker thread, for large files: `loading` and `loadProgress` follow it,
    /// cancelLoading() stops it and leaves the open dataset as it was. One load at a time.
    Q_INVOKABLE void openInBackground(const QUrl& location);
    Q_INVOKABLE void addInBackground(const QUrl& location);
    Q_INVOKABLE void cancelLoading();

    /// A file the dataset was read from, with the date properties chosen for it.
    struct SourceFile {
        QUrl location;
        atlas::GeoJsonOptions geoJson;
    };
    /// Opens `files` one after the other in the background, as a project holds them: the first
    /// opened, `mapping` applied to it, each later one added (mapped, then merged). A file that
    /// cannot be read is reported and skipped. `filesOpened` follows the last.
    /// `duplicates` (a project's decisions on candidate duplicates) are applied once the last
    /// file is read.
    void openFiles(const std::vector<SourceFile>& files, std::vector<atlas::ActorMappingEntry> mapping,
                   std::vector<atlas::DuplicateDecision> duplicates = {});
    /// The files read since the last Open, in order (what a project saves).
    [[nodiscard]] const std::vector<SourceFile>& sourceFiles() const { return m_sourceFiles; }
    /// The actor mappings applied since the last Open, in order, as entries.
    [[nodiscard]] const std::vector<atlas::ActorMappingEntry>& actorMapping() const { return m_actorMapping; }
    /// Replays the data as it stood at the end of `isoDate` (atlas::asKnownOn: each event as
    /// recorded by then, later ones left out, deleted ones brought back); "" returns to the
    /// latest data. The views follow as for any other dataset; Save still writes the latest
    /// data, and changes (actors, merges) wait until the replay ends. Returns a sentence.
    Q_INVOKABLE QString setAsKnownOn(const QString& isoDate);
    [[nodiscard]] QString asKnownOn() const { return m_asKnownOn; }
    [[nodiscard]] QString asKnownOnText() const { return m_asKnownOnText; }
    /// The latest data (the open dataset itself when no replay is on).
    [[nodiscard]] std::shared_ptr<const atlas::Dataset> latestDataset() const { return m_latest ? m_latest : m_dataset; }
    /// The analyst's decisions on candidate duplicates since the last Open, in order.
    [[nodiscard]] const std::vector<atlas::DuplicateDecision>& duplicateDecisions() const { return m_duplicateDecisions; }
    /// Records decisions on candidate duplicates (Data → Find duplicates…, a project): merges
    /// fold the other event into the kept one (atlas::applyDuplicateDecisions), "keep both"
    /// only stops the pair being proposed again. Returns a sentence for the user; a decision
    /// naming an event not open is reported under Problems and kept for the project.
    QString decideDuplicates(std::vector<atlas::DuplicateDecision> decisions);
    /// Adds problems found outside the files' readers (a project's) to the list and the banner.
    void noteProblems(const std::vector<atlas::Diagnostic>& problems);

    /// Makes hand edits (core model/edits.h) in the open dataset, all or none: "" when made, else
    /// why not (an incident changed meanwhile, a replay on). The views follow.
    QString applyEdits(const std::vector<atlas::Edit>& edits);
    /// Opens data read elsewhere (a store's pull) as if it were a file named `displayName`:
    /// nothing to save back to. The same as a file opened: datasetChanged, no fileRead.
    bool openRead(atlas::LoadResult result, const QString& displayName);
    /// Shows another part of the same source (a large store's area in view): the data replaced,
    /// its name, files and settings kept.
    void replaceData(atlas::Dataset dataset);
    /// Adds actors (or replaces those with the same id): made in the incident form, or heard
    /// from the store.
    void addActors(const std::vector<atlas::Actor>& actors);

    /// [{name, points}]: the properties of the last file's points whose values read as dates,
    /// most points first (read from the file by core).
    Q_INVOKABLE QVariantList datePropertyChoices() const;
    /// Reads the last file again (in the background, as it was read: opened or added) with
    /// the points' dates taken from `dateProperty` and end dates from `endDateProperty` ("" for
    /// the usual names). The map shows the first reading until the second one is done.
    Q_INVOKABLE void rereadWithDateProperty(const QString& dateProperty, const QString& endDateProperty, const QString& dateFormat = QString());

    /// Actor mappings (docs/import-export.md): give actors ids, umbrellas and sides. Each
    /// returns a sentence for the user; problems also go to `diagnostics`. A mapping applied
    /// here is applied again to every file added to the map afterwards, until Open.
    Q_INVOKABLE QString applyActorMappingFile(const QUrl& location);
    /// Edits made in the actors dialog (ActorTableModel), as mapping entries.
    QString applyActorEdits(std::vector<atlas::ActorMappingEntry> entries);
    /// Writes the actors as they are now as a mapping file (atomically), to apply to the next
    /// export of the same source.
    Q_INVOKABLE QString saveActorMapping(const QUrl& location);
    /// Writes the open dataset to `location` in the format its extension names (.gpkg by
    /// default in the window), atomically, on a worker thread; saveFinished says how it went.
    /// After a save in a whole-model format, Save writes there.
    Q_INVOKABLE void saveAs(const QUrl& location);
    /// saveAs(saveLocation); nothing when there is none.
    Q_INVOKABLE void save();
    [[nodiscard]] QUrl saveLocation() const { return m_saveLocation; }
    /// The file the dataset was read from when it is one file (nothing added to it), else empty.
    [[nodiscard]] QUrl singleFile() const { return m_merged ? QUrl() : m_lastLocation; }
    [[nodiscard]] bool saving() const { return m_saving; }
    [[nodiscard]] bool loading() const { return m_loader.busy(); }
    [[nodiscard]] double loadProgress() const { return m_loader.progress(); }
    [[nodiscard]] QString loadingName() const { return m_loadingName; }
    ~AtlasDocument() override;

    [[nodiscard]] QString title() const;
    [[nodiscard]] QString sourceName() const { return m_sourceName; }
    [[nodiscard]] int eventCount() const { return static_cast<int>(m_dataset->events.size()); }
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] bool partial() const { return m_partial; }
    [[nodiscard]] QStringList diagnostics() const { return m_diagnostics; }
    [[nodiscard]] QString errorText() const { return m_errorText; }
    [[nodiscard]] int undatedPoints() const { return m_undatedPoints; }
    [[nodiscard]] QVariantList dataBounds() const { return m_dataBounds; }

    [[nodiscard]] const atlas::Dataset& dataset() const { return *m_dataset; }
    /// The open dataset, shared: for work on a worker thread that must outlive a new Open.
    [[nodiscard]] std::shared_ptr<const atlas::Dataset> sharedDataset() const { return m_dataset; }
    /// The query index of the open dataset; it keeps the dataset alive while a query on a
    /// worker thread still uses it after another file was opened.
    [[nodiscard]] std::shared_ptr<const atlas::EventIndex> eventIndex() const { return m_eventIndex; }
    [[nodiscard]] QVariantList actorChoices() const;
    [[nodiscard]] QVariantList typeChoices() const;
    [[nodiscard]] QVariantList groundChoices() const;

signals:
    void datasetChanged();
    /// A file was read into the document (opened, or added when `merged`): for recent files.
    void fileRead(const QUrl& location, bool merged);
    void loadingChanged();
    void loadProgressChanged();
    void saveLocationChanged();
    void savingChanged();
    /// A save ended: a sentence for the user, and whether the file was written.
    void saveFinished(const QString& message, bool saved);
    /// The whole model was written to `path` (a save, not an export to a format that keeps
    /// incidents only): what was edited is in a file now.
    void wholeModelSaved(const QString& path);
    /// openFiles() has read the last of its files.
    void filesOpened();
    /// The problems listed changed (with every datasetChanged, and on their own).
    void problemsChanged();

private:
    struct PendingLoad;
    bool load(const QUrl& location, bool merge);
    /// `rereading`: the last file read again (another date property): it keeps its entry.
    bool apply(atlas::LoadResult result, QString displayName, bool merge, const QUrl& location,
               const atlas::GeoJsonOptions& geoJson = {}, bool rereading = false);
    QString commitActorChanges(std::shared_ptr<atlas::Dataset> dataset, const std::vector<atlas::Diagnostic>& diagnostics,
                               const QString& what);
    void replaceDataset(std::shared_ptr<atlas::Dataset> dataset);
    /// What the banner says: `latest` (may be empty), after "partly loaded" when it was.
    [[nodiscard]] QString bannerText(const QString& latest) const;
    // What the document was before the file read last, so that file can be read again.
    struct BeforeLastFile {
        std::shared_ptr<const atlas::Dataset> dataset;
        QString sourceName;
        QStringList diagnostics;
        bool partial = false;
        bool loaded = false;
    };
    void startLoad(const QUrl& location, bool merge, const atlas::GeoJsonOptions& geoJson = {}, bool rereading = false);
    void finishLoad();
    /// The next file of openFiles(), or filesOpened when none is left.
    void continueQueue();

    std::shared_ptr<const atlas::Dataset> m_dataset;
    std::shared_ptr<const atlas::EventIndex> m_eventIndex;
    QString m_sourceName;
    QStringList m_diagnostics;
    QString m_errorText;
    bool m_loaded = false;
    std::shared_ptr<PendingLoad> m_pending;
    FileLoader m_loader; // the thread, progress and cancel of a background load
    QString m_loadingName;
    bool m_partial = false;
    int m_undatedPoints = 0;
    QVariantList m_dataBounds;
    QUrl m_lastLocation;
    bool m_merged = false; // files were added to the one opened
    bool m_lastMerged = false;
    BeforeLastFile m_beforeLastFile;
    QUrl m_saveLocation;
    QPointer<QThread> m_saveThread; // for the destructor to wait on
    bool m_saving = false;
    void setSaveLocation(const QUrl& location);
    void finishSave(const QString& path, bool wholeModel, const std::vector<atlas::Diagnostic>& problems);
    // Every mapping applied since the last Open, in order: files added later get them too.
    std::vector<atlas::ActorMappingEntry> m_actorMapping;
    std::vector<SourceFile> m_sourceFiles;
    std::vector<atlas::DuplicateDecision> m_duplicateDecisions;
    // A replay (setAsKnownOn): the day, its sentence, and the latest data it was made from.
    QString m_asKnownOn, m_asKnownOnText;
    std::shared_ptr<const atlas::Dataset> m_latest;
    std::shared_ptr<const atlas::EventIndex> m_latestIndex; // restored with it, not rebuilt
    QVariantList m_latestBounds;
    /// Ends a replay without a signal (before a load or a change replaces the data).
    void endReplay();
    /// A sentence when a change must wait for the replay to end, else "".
    [[nodiscard]] QString replayBlocks(const QString& what) const;
    // openFiles(): what is left to read, the mapping for after the first, whether one opened.
    struct Queue {
        std::vector<SourceFile> files;
        std::vector<atlas::ActorMappingEntry> mapping;
        std::vector<atlas::DuplicateDecision> duplicates;
        bool opened = false;
        bool active = false;
    } m_queue;
};

} // namespace atlas::ui
