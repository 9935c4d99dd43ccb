#pragma once

#include "atlas/io/recipe.h"

#include <QSize>

#include "atlas_document.h"
#include "filter_choices.h"
#include "filter_settings.h"
#include "incident_table_model.h"
#include "pull_comparison.h"
#include "incident_edits.h"
#include "situation_edits.h"
#include "reference_layers.h"
#include "situation_models.h"
#include "timeline.h"
#include "visible_events_model.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QUrl>

#include "atlas/io/project.h"

#include <optional>

#include <string>
#include <vector>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

/// What the command line asks of the window (app/main.cpp), applied through the session's
/// typed API: the same meanings as for the headless commands.
struct LaunchOptions {
    QString actorMap;        ///< a mapping file applied after the dataset is opened
    QString date;            ///< YYYY-MM-DD: the slider's day
    int windowDays = -1;     ///< -1: as the dataset opens (everything up to its last day)
    /// The filter options as the commands parse them (atlas::commands::FilterOptions): from/to
    /// give the window, box the area shown; `actors` are ids, names or aliases.
    atlas::EventFilter filter;
    std::vector<std::string> actors;
    /// The filter options given ("--role", "--exact-actor", …): only those change the filters,
    /// so a project's or a saved state's settings stay where the command line says nothing.
    std::vector<std::string> given;
    QString selectEvent;     ///< an event id to select
    QString asKnownOn;       ///< YYYY-MM-DD: the data replayed as known that day (after the mapping)
    QString compareWith;     ///< an earlier pull to compare the data with
    QStringList layerFiles;  ///< reference layers to add (--layer FILE, repeatable)
    QString colourBy;        ///< "events" or "killed": colour the first layer's areas by them (--colour-by)
    QString compareFrom, compareTo; ///< the areas' counts compared with these days (--compare-from/--compare-to)
    QString incidentsAs;     ///< "symbols" or "hexagons" (--incidents-as): how the map draws incidents
};

/// The window's composition root: owns the open document, the filters, the timeline and the
/// models over them, wired once. main.cpp, Main.qml, the tests and the benchmarks all receive
/// one (QML: `required property AtlasSession session`) instead of building the graph by hand,
/// and C++ talks to it through this typed API, never to QML objects by name.
class AtlasSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AtlasDocument* document READ document CONSTANT)
    Q_PROPERTY(FilterSettings* filters READ filters CONSTANT)
    Q_PROPERTY(Timeline* timeline READ timeline CONSTANT)
    Q_PROPERTY(VisibleEventsModel* events READ events CONSTANT)
    Q_PROPERTY(SiteStatusModel* sites READ sites CONSTANT)
    /// The window's incidents as a sortable table (rows of `events`).
    Q_PROPERTY(IncidentTableModel* table READ table CONSTANT)
    /// The faction tree and the types, with their counts in the window.
    Q_PROPERTY(FilterChoices* choices READ choices CONSTANT)
    /// Two pulls compared (Data → Compare with another pull…), drawn on the map.
    Q_PROPERTY(PullComparison* comparison READ comparison CONSTANT)
    /// Incidents written by hand, undo, the crash journal, and the shared store.
    Q_PROPERTY(IncidentEdits* edits READ edits CONSTANT)
    /// Sites' statuses, lines and areas written in the window (through edits).
    Q_PROPERTY(SituationEdits* situationEdits READ situationEdits CONSTANT)
    /// The Layers panel: reference layers and incidents per area.
    Q_PROPERTY(ReferenceLayers* layers READ layers CONSTANT)
    /// The selected event as a row of `events`, or -1. It follows its event while the window
    /// slides (rows leave and enter at the ends) and is cleared when the rows are replaced.
    Q_PROPERTY(int selectedRow READ selectedRow WRITE setSelectedRow NOTIFY selectedRowChanged)
    /// [west, south, east, north] the map should show when it opens (--bbox), else empty.
    Q_PROPERTY(QVariantList initialBox READ initialBox CONSTANT)
    /// The view the map should open on (a state saved at the last close: latitude, longitude,
    /// zoom, bearing), else empty; --bbox wins over it.
    Q_PROPERTY(QVariantMap initialView READ initialView CONSTANT)
    /// The map has its tiles and projection (set by the map view): headless runs wait for it.
    Q_PROPERTY(bool mapReady READ mapReady WRITE setMapReady NOTIFY mapReadyChanged)

public:
    explicit AtlasSession(QObject* parent = nullptr);

    [[nodiscard]] AtlasDocument* document() { return &m_document; }
    [[nodiscard]] FilterSettings* filters() { return &m_filters; }
    [[nodiscard]] Timeline* timeline() { return &m_timeline; }
    [[nodiscard]] VisibleEventsModel* events() { return &m_events; }
    [[nodiscard]] SiteStatusModel* sites() { return &m_sites; }
    [[nodiscard]] IncidentTableModel* table() { return &m_table; }
    [[nodiscard]] FilterChoices* choices() { return &m_choices; }
    [[nodiscard]] PullComparison* comparison() { return &m_comparison; }
    [[nodiscard]] IncidentEdits* edits() { return &m_edits; }
    [[nodiscard]] SituationEdits* situationEdits() { return &m_situationEdits; }
    [[nodiscard]] ReferenceLayers* layers() { return &m_layers; }
    [[nodiscard]] int selectedRow() const { return m_selectedRow; }
    void setSelectedRow(int row);
    /// Selects an event by id, moving the time window to its day when it is outside (the
    /// window's length kept). Returns "" when it is (or will be, once the rows come) selected,
    /// else why not: no such event, or the filters hide it.
    Q_INVOKABLE QString showEvent(const QString& eventId);
    [[nodiscard]] bool mapReady() const { return m_mapReady; }
    [[nodiscard]] QVariantList initialBox() const { return m_initialBox; }
    void setMapReady(bool ready);

    /// Applies the command line's options to the open dataset. Returns what went wrong, in a
    /// sentence for the user ("" when all applied); the mapping's own report goes to `notes`.
    QString apply(const LaunchOptions& options, QStringList* notes = nullptr);

    /// What the next start brings back (WorkspaceSettings keeps it): the file open (when it is
    /// one local file, not several merged), the date and window, the filters, the histogram's
    /// split, the table's order and hidden columns, and `view` (the map's, given by the caller
    /// who has it).
    [[nodiscard]] QVariantMap state(const QVariantMap& view) const;
    /// Brings a state back over the open document: the date (kept inside the data), window,
    /// filters (a faction no longer in the data is dropped) and split; its view becomes
    /// initialView. Call before apply(), so the command line's options win.
    void restore(const QVariantMap& state);
    [[nodiscard]] QVariantMap initialView() const { return m_initialView; }

    /// Writes a project (atlas/io/project.h) of what is open: the files (relative to the
    /// project, with their hashes), the actor mappings applied, the filters, the time window,
    /// the table, and what the caller has — `view` {latitude, longitude, zoom, bearing},
    /// `layers` {name: text} and `bookmarks` [{name, latitude, longitude, zoom, bearing}].
    /// Returns a sentence for the user.
    Q_INVOKABLE QString saveProject(const QUrl& location, const QVariantMap& view, const QVariantMap& layers,
                                    const QVariantList& bookmarks);
    /// Opens a project: its files are read in the background (a missing one is reported and
    /// skipped, a changed one reported), then its settings applied and projectOpened emitted
    /// with what the view applies itself. Returns "" when the reading started, else why not.
    Q_INVOKABLE QString openProject(const QUrl& location);
    /// Opens a recipe (atlas/io/recipe.h, NAME.png.recipe.json beside an exported picture): its
    /// files are read as a project's, then its filters, day and window applied, and its map's
    /// area framed (projectOpened with view.box). Data missing is refused, data changed since
    /// is reported. Returns "" when the reading started, else why not.
    Q_INVOKABLE QString openRecipe(const QUrl& location);
    /// How a picture of `box` at `size` would be made from what is open now: the files (with
    /// their hashes), mappings, filters, day, window, layers and colouring (what File → Export
    /// records inside the picture and beside it).
    [[nodiscard]] atlas::Recipe recipeFor(const atlas::GeoBox& box, QSize size, const QString& format, bool clusters,
                                          const QString& incidentsAs) const;
    /// The project open (saved or opened last), for File → Save Project; empty without one.
    Q_PROPERTY(QUrl projectLocation READ projectLocation NOTIFY projectLocationChanged)
    [[nodiscard]] QUrl projectLocation() const { return m_projectLocation; }
    /// Save Project asks where again: the project open was the program's own (the last
    /// session's), not one the user saved.
    Q_INVOKABLE void forgetProjectLocation();
    /// The layers ({basemap, table, tileSource, …}) of a project opened, or of the state
    /// restored, before the window was made; else empty.
    Q_PROPERTY(QVariantMap initialLayers READ initialLayers CONSTANT)
    [[nodiscard]] QVariantMap initialLayers() const { return m_initialLayers; }

signals:
    /// A project's files are read and its filters, window and table applied: the view, layers
    /// and bookmarks are the window's to apply (as saveProject takes them).
    void projectOpened(const QVariantMap& view, const QVariantMap& layers, const QVariantList& bookmarks);
    void projectLocationChanged();
    void selectedRowChanged();
    void mapReadyChanged();

private:
    // Declared in the order they depend on one another: the models hold pointers to the first.
    AtlasDocument m_document;
    FilterSettings m_filters;
    Timeline m_timeline;
    VisibleEventsModel m_events;
    SiteStatusModel m_sites;
    IncidentTableModel m_table{&m_events};
    FilterChoices m_choices{&m_document, &m_filters, &m_events};
    PullComparison m_comparison;
    ReferenceLayers m_layers;
    IncidentEdits m_edits{&m_document};
    SituationEdits m_situationEdits{&m_document, &m_edits};
    int m_selectedRow = -1;
    bool m_mapReady = false;
    QVariantList m_initialBox;
    QVariantMap m_initialView;
    QUrl m_projectLocation;
    QVariantMap m_initialLayers;
    // A project being opened: applied when its files are read.
    std::optional<atlas::Project> m_pendingProject;
    std::vector<atlas::Diagnostic> m_pendingProblems;
    void finishOpeningProject();
    // Reads a project's files in the background (openProject, openRecipe); `location` becomes
    // the project's (Save Project) unless empty.
    QString openProjectFiles(atlas::Project project, const std::string& path, std::vector<atlas::Diagnostic> problems, const QUrl& location);
    // A recipe's area, framed once its files are read.
    QVariantList m_pendingBox;
    // An event showEvent() moved the window for: selected when its rows come.
    QString m_pendingSelection;
    void selectPendingEvent();
};

} // namespace atlas::ui
