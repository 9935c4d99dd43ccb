#include "atlas_session.h"

#include "atlas/model/diagnostic_codes.h"
#include "atlas/model/vocabulary.h"

#include <QFileInfo>
#include <QSize>

#include <algorithm>
#include <utility>

namespace atlas::ui {

AtlasSession::AtlasSession(QObject* parent) : QObject(parent) {
    m_timeline.setDocument(&m_document);
    m_timeline.setFilters(&m_filters);
    m_events.setDocument(&m_document);
    m_events.setTimeline(&m_timeline);
    m_events.setFilters(&m_filters);
    m_sites.setDocument(&m_document);
    m_sites.setTimeline(&m_timeline);
    m_comparison.setDocument(&m_document);
    m_layers.setSources(&m_events, &m_filters);
    // The selection follows its event while the window slides; new rows mean other events.
    connect(&m_events, &QAbstractItemModel::modelReset, this, [this] {
        setSelectedRow(-1);
        selectPendingEvent();
    });
    connect(&m_events, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex&, int first, int last) {
        if (m_selectedRow >= first && m_selectedRow <= last) setSelectedRow(-1);
        else if (m_selectedRow > last) setSelectedRow(m_selectedRow - (last - first + 1));
    });
    connect(&m_events, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        if (m_selectedRow >= first) setSelectedRow(m_selectedRow + (last - first + 1));
        selectPendingEvent();
    });
    connect(&m_document, &AtlasDocument::filesOpened, this, &AtlasSession::finishOpeningProject);
}

namespace {

QVariantMap viewMap(const atlas::MapView& view) {
    return {{QStringLiteral("latitude"), view.latitude}, {QStringLiteral("longitude"), view.longitude},
            {QStringLiteral("zoom"), view.zoom}, {QStringLiteral("bearing"), view.bearing}};
}

std::optional<atlas::MapView> mapViewOf(const QVariantMap& map) {
    if (!map.contains(QStringLiteral("latitude")) || !map.contains(QStringLiteral("zoom"))) return std::nullopt;
    return atlas::MapView{map.value(QStringLiteral("latitude")).toDouble(), map.value(QStringLiteral("longitude")).toDouble(),
                          map.value(QStringLiteral("zoom")).toDouble(), map.value(QStringLiteral("bearing")).toDouble()};
}

QString pathOf(const QUrl& location) { return location.isLocalFile() ? location.toLocalFile() : location.toString(); }

} // namespace

QString AtlasSession::saveProject(const QUrl& location, const QVariantMap& view, const QVariantMap& layers,
                                  const QVariantList& bookmarks) {
    QString path = pathOf(location);
    if (!path.endsWith(QString::fromUtf8(atlas::kProjectExtension.data()))) path += QString::fromUtf8(atlas::kProjectExtension.data());
    atlas::Project project;
    for (const AtlasDocument::SourceFile& file : m_document.sourceFiles()) {
        if (!file.location.isLocalFile()) continue; // bundled data has no path to keep
        project.files.push_back({file.location.toLocalFile().toStdString(), "", 0, file.geoJson});
    }
    if (project.files.empty()) return tr("Nothing to save in a project: open a file first");
    project.actorMapping = m_document.actorMapping();
    project.duplicates = m_document.duplicateDecisions();
    project.filter = m_filters.toFilter();
    if (m_timeline.currentDate().isValid())
        project.date = atlas::Date::parse(m_timeline.currentDate().toString(Qt::ISODate).toStdString());
    project.windowDays = m_timeline.windowDays();
    if (m_timeline.windowStart().isValid())
        project.windowStart = atlas::Date::parse(m_timeline.windowStart().toString(Qt::ISODate).toStdString());
    project.view = mapViewOf(view);
    for (auto it = layers.begin(); it != layers.end(); ++it) project.layers[it.key().toStdString()] = it.value().toString().toStdString();
    project.layers["histogramSplit"] = std::to_string(m_timeline.histogramSplit());
    project.layers["tableSort"] = m_table.columnKeys().value(m_table.sortColumn()).toStdString();
    project.layers["tableDescending"] = m_table.sortDescending() ? "true" : "false";
    project.layers["tableHidden"] = m_table.hiddenColumns().join(QLatin1Char(',')).toStdString();
    for (const QVariant& entry : bookmarks) {
        const QVariantMap bookmark = entry.toMap();
        if (const auto v = mapViewOf(bookmark)) project.bookmarks.push_back({bookmark.value(QStringLiteral("name")).toString().toStdString(), *v});
    }
    project.referenceLayers = m_layers.projectLayers();
    project.areaColouring = m_layers.projectColouring();
    const auto problems = atlas::writeProjectFile(path.toStdString(), std::move(project));
    if (!problems.empty()) return tr("Project not saved: %1").arg(QString::fromStdString(problems.front().message));
    m_projectLocation = QUrl::fromLocalFile(path);
    emit projectLocationChanged();
    return tr("Project saved to %1").arg(QFileInfo(path).fileName());
}

void AtlasSession::forgetProjectLocation() {
    if (m_projectLocation.isEmpty()) return;
    m_projectLocation.clear();
    emit projectLocationChanged();
}

QString AtlasSession::openProject(const QUrl& location) {
    const QString path = pathOf(location);
    atlas::ProjectReadResult read = atlas::readProjectFile(path.toStdString());
    if (read.failed()) return tr("Cannot open the project: %1").arg(QString::fromStdString(read.diagnostics.front().toString()));
    std::vector<atlas::Diagnostic> problems = std::move(read.diagnostics);
    const auto fileProblems = atlas::checkProjectFiles(path.toStdString(), read.project);
    problems.insert(problems.end(), fileProblems.begin(), fileProblems.end());
    return openProjectFiles(std::move(read.project), path.toStdString(), std::move(problems), QUrl::fromLocalFile(path));
}

QString AtlasSession::openRecipe(const QUrl& location) {
    const std::string path = pathOf(location).toStdString();
    atlas::RecipeReadResult read = atlas::readRecipeFile(path);
    if (read.failed()) return tr("Cannot open the recipe: %1").arg(QString::fromStdString(read.diagnostics.front().toString()));
    std::vector<atlas::Diagnostic> problems = std::move(read.diagnostics);
    for (const atlas::Diagnostic& problem : atlas::checkRecipeFiles(path, read.recipe)) {
        if (problem.severity == atlas::Severity::Fatal) return tr("Cannot open the recipe: %1").arg(QString::fromStdString(problem.message));
        problems.push_back(problem); // changed since: said, and opened as the data is now
    }
    // The recipe's inputs as a project: its files, mappings and filters; the picture's day,
    // window, layers and way of drawing incidents.
    const atlas::RecipePicture& picture = read.recipe.picture;
    atlas::Project project = read.recipe.inputs;
    project.date = picture.date;
    project.windowDays = picture.windowDays;
    for (const atlas::ProjectFile& layer : picture.layers) {
        atlas::ProjectLayer entry;
        entry.path = layer.path;
        project.referenceLayers.push_back(entry);
    }
    if (!picture.colourBy.empty() && !project.referenceLayers.empty()) {
        project.areaColouring.layer = 0;
        project.areaColouring.killed = picture.colourBy == "killed";
        project.areaColouring.compareFrom = picture.compareFrom;
        project.areaColouring.compareTo = picture.compareTo;
    }
    project.layers["density"] = picture.incidentsAs;
    m_pendingBox = {picture.box.minLongitude, picture.box.minLatitude, picture.box.maxLongitude, picture.box.maxLatitude};
    return openProjectFiles(std::move(project), path, std::move(problems), {});
}

QString AtlasSession::openProjectFiles(atlas::Project project, const std::string& path, std::vector<atlas::Diagnostic> problems, const QUrl& location) {
    std::vector<AtlasDocument::SourceFile> files;
    for (const atlas::ProjectFile& file : project.files) {
        const QString resolved = QString::fromStdString(atlas::resolveProjectPath(path, file.path));
        if (QFileInfo::exists(resolved)) files.push_back({QUrl::fromLocalFile(resolved), file.geoJson}); // a missing one is reported
    }
    if (files.empty()) {
        m_pendingBox.clear();
        const auto missing = std::find_if(problems.begin(), problems.end(), [](const atlas::Diagnostic& d) { return d.code == atlas::codes::kProjectFileMissing; });
        return project.files.empty() ? tr("The project names no file to open")
                                     : tr("None of the project's files is where it says: %1")
                                           .arg(QString::fromStdString(missing != problems.end() ? missing->message : project.files.front().path));
    }
    for (atlas::ProjectLayer& layer : project.referenceLayers) layer.path = atlas::resolveProjectPath(path, layer.path);
    m_pendingProject = std::move(project);
    m_pendingProblems = std::move(problems);
    if (!location.isEmpty()) {
        m_projectLocation = location;
        emit projectLocationChanged();
    }
    m_document.openFiles(files, m_pendingProject->actorMapping, m_pendingProject->duplicates);
    return {};
}

atlas::Recipe AtlasSession::recipeFor(const atlas::GeoBox& box, QSize size, const QString& format, bool clusters, const QString& incidentsAs) const {
    atlas::Recipe recipe;
    recipe.program = atlas::programVersion();
    for (const AtlasDocument::SourceFile& file : m_document.sourceFiles()) {
        if (!file.location.isLocalFile()) continue; // the bundled sample: named by the title only
        atlas::ProjectFile entry = atlas::identifyFile(file.location.toLocalFile().toStdString());
        entry.geoJson = file.geoJson;
        recipe.inputs.files.push_back(std::move(entry));
    }
    recipe.inputs.actorMapping = m_document.actorMapping();
    recipe.inputs.duplicates = m_document.duplicateDecisions();
    recipe.inputs.filter = m_filters.toFilter();
    recipe.inputs.filter.region.reset(); // a drawn region is not kept (docs/decisions.md)
    recipe.inputs.filter.regionName.clear();
    atlas::RecipePicture& picture = recipe.picture;
    picture.format = format.toStdString();
    if (m_timeline.currentDate().isValid())
        picture.date = atlas::Date::parse(m_timeline.currentDate().toString(Qt::ISODate).toStdString()).value_or(atlas::Date());
    picture.windowDays = std::max(0, m_timeline.windowDays());
    picture.box = box;
    picture.width = size.width();
    picture.height = size.height();
    picture.clusters = clusters;
    picture.incidentsAs = incidentsAs.toStdString();
    // The layers shown, each file once (the command draws every layer of a file it is given).
    const std::vector<atlas::ProjectLayer> layers = m_layers.projectLayers();
    int firstShown = -1;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (!layers[i].shown) continue;
        if (firstShown < 0) firstShown = static_cast<int>(i);
        const bool listed = std::any_of(picture.layers.begin(), picture.layers.end(),
                                        [&](const atlas::ProjectFile& f) { return f.path == layers[i].path; });
        if (!listed) picture.layers.push_back(atlas::identifyFile(layers[i].path));
    }
    const atlas::ProjectAreaColouring colouring = m_layers.projectColouring();
    if (colouring.layer >= 0 && colouring.layer == firstShown) { // the command colours the first layer's areas
        picture.colourBy = colouring.killed ? "killed" : "events";
        picture.compareFrom = colouring.compareFrom;
        picture.compareTo = colouring.compareTo;
    }
    if (!m_document.asKnownOn().isEmpty()) picture.asKnownOn = atlas::Date::parse(m_document.asKnownOn().toStdString());
    return recipe;
}

void AtlasSession::finishOpeningProject() {
    if (!m_pendingProject) return;
    const atlas::Project project = std::move(*m_pendingProject);
    m_pendingProject.reset();
    // The settings as a saved state, so restore() applies them by the same rules (a faction
    // no longer in the data dropped, the date kept inside the data).
    QStringList actors, types;
    for (const std::string& id : project.filter.actors) actors << QString::fromStdString(id);
    for (const atlas::EventType type : project.filter.types) types << QString::fromUtf8(atlas::toKey(type).data());
    const auto layer = [&](const char* name) {
        const auto found = project.layers.find(name);
        return found == project.layers.end() ? QString() : QString::fromStdString(found->second);
    };
    QVariantMap state{{QStringLiteral("text"), QString::fromStdString(project.filter.text)},
                      {QStringLiteral("actorIds"), actors},
                      {QStringLiteral("includeSubgroups"), project.filter.includeSubgroups},
                      {QStringLiteral("actorRole"), QString::fromUtf8(atlas::toKey(project.filter.actorRole).data())},
                      {QStringLiteral("typeKeys"), types},
                      {QStringLiteral("minKilled"), project.filter.minKilled},
                      {QStringLiteral("exactOnly"), project.filter.exactOnly()},
                      {QStringLiteral("tableSort"), layer("tableSort")},
                      {QStringLiteral("tableDescending"), layer("tableDescending") == QLatin1String("true")},
                      {QStringLiteral("tableHidden"), layer("tableHidden").split(QLatin1Char(','), Qt::SkipEmptyParts)}};
    if (project.windowDays >= 0) state.insert(QStringLiteral("windowDays"), project.windowDays);
    if (project.date) state.insert(QStringLiteral("date"), QString::fromStdString(project.date->toString()));
    if (project.windowStart) state.insert(QStringLiteral("windowStart"), QString::fromStdString(project.windowStart->toString()));
    if (const QString split = layer("histogramSplit"); !split.isEmpty()) state.insert(QStringLiteral("histogramSplit"), split.toInt());
    if (!project.filter.heldBy.empty()) {
        QStringList held;
        for (const atlas::Side side : project.filter.heldBy) held << QString::fromUtf8(atlas::toKey(side).data());
        state.insert(QStringLiteral("heldBy"), held);
    }
    restore(state);
    const auto layerProblems = m_layers.restore(project.referenceLayers, project.areaColouring);
    m_pendingProblems.insert(m_pendingProblems.end(), layerProblems.begin(), layerProblems.end());
    m_document.noteProblems(m_pendingProblems);
    m_pendingProblems.clear();
    QVariantMap layers;
    for (const auto& [name, value] : project.layers) layers.insert(QString::fromStdString(name), QString::fromStdString(value));
    QVariantList bookmarks;
    for (const atlas::Bookmark& bookmark : project.bookmarks) {
        QVariantMap entry = viewMap(bookmark.view);
        entry.insert(QStringLiteral("name"), QString::fromStdString(bookmark.name));
        bookmarks << entry;
    }
    QVariantMap view = project.view ? viewMap(*project.view) : QVariantMap();
    if (!m_pendingBox.isEmpty()) view.insert(QStringLiteral("box"), std::exchange(m_pendingBox, {})); // a recipe's map area
    // A window made after this (a project named on the command line) opens on its view and layers.
    if (!view.isEmpty()) m_initialView = view;
    m_initialLayers = layers;
    emit projectOpened(view, layers, bookmarks);
}

void AtlasSession::setSelectedRow(int row) {
    if (row < -1 || row >= m_events.count()) row = -1;
    if (row == m_selectedRow) return;
    m_selectedRow = row;
    emit selectedRowChanged();
}

QString AtlasSession::showEvent(const QString& eventId) {
    m_pendingSelection.clear();
    if (const int row = m_events.rowOfEvent(eventId); row >= 0) {
        setSelectedRow(row);
        return {};
    }
    const atlas::EventTable& events = m_document.dataset().events;
    const std::string id = eventId.toStdString();
    std::size_t position = 0; // a scan, for a click: milliseconds at 1M
    while (position < events.size() && events.id(position) != id) ++position;
    if (position == events.size()) return tr("No incident %1 is open").arg(eventId);
    // Outside the window: the window moves to end on its day (its length kept); the rows come
    // at once or from the worker, and the selection follows them.
    const atlas::Date date = events.date(position);
    if (!m_timeline.window().contains(date)) {
        m_pendingSelection = eventId;
        m_timeline.setCurrentDateText(QString::fromStdString(date.toString()));
        if (m_pendingSelection.isEmpty()) return {}; // the rows came at once and it is selected
        if (!m_events.busy()) {
            m_pendingSelection.clear();
            return tr("%1 is hidden by the filters").arg(eventId);
        }
        return {};
    }
    return tr("%1 is hidden by the filters").arg(eventId);
}

void AtlasSession::selectPendingEvent() {
    if (m_pendingSelection.isEmpty()) return;
    if (const int row = m_events.rowOfEvent(m_pendingSelection); row >= 0) {
        m_pendingSelection.clear();
        setSelectedRow(row);
    }
}

void AtlasSession::setMapReady(bool ready) {
    if (ready == m_mapReady) return;
    m_mapReady = ready;
    emit mapReadyChanged();
}

QString AtlasSession::apply(const LaunchOptions& options, QStringList* notes) {
    if (!options.actorMap.isEmpty()) {
        // Before the filters: --actor may name an id the mapping gives.
        const QString sentence = m_document.applyActorMappingFile(QUrl::fromLocalFile(QFileInfo(options.actorMap).absoluteFilePath()));
        if (notes) *notes << sentence;
    }
    if (!options.asKnownOn.isEmpty()) {
        if (!atlas::Date::parse(options.asKnownOn.toStdString())) return tr("--as-known-on takes a day as YYYY-MM-DD, not \"%1\"").arg(options.asKnownOn);
        const QString sentence = m_document.setAsKnownOn(options.asKnownOn);
        if (notes) *notes << sentence;
    }
    if (!options.compareWith.isEmpty()) {
        const QString sentence = m_comparison.compareWith(QUrl::fromLocalFile(QFileInfo(options.compareWith).absoluteFilePath()));
        if (!m_comparison.active()) return sentence;
        if (notes) *notes << sentence;
    }
    if (!options.incidentsAs.isEmpty()) {
        if (options.incidentsAs != QLatin1String("symbols") && options.incidentsAs != QLatin1String("hexagons") &&
            options.incidentsAs != QLatin1String("heat"))
            return tr("--incidents-as takes symbols, hexagons or heat, not \"%1\"").arg(options.incidentsAs);
        m_initialLayers.insert(QStringLiteral("density"), options.incidentsAs); // the map's layers, as a project gives them
    }
    for (const QString& file : options.layerFiles) {
        const QString problem = m_layers.addPath(file);
        if (!problem.isEmpty()) return problem;
        if (notes && !m_layers.problems().isEmpty()) *notes << m_layers.problems();
    }
    if (!options.colourBy.isEmpty()) {
        if (options.colourBy != QLatin1String("events") && options.colourBy != QLatin1String("killed"))
            return tr("--colour-by takes events or killed, not \"%1\"").arg(options.colourBy);
        int row = 0;
        while (row < m_layers.count() && m_layers.layer(row)->areaCount() == 0) ++row;
        if (row == m_layers.count()) return tr("--colour-by needs a --layer with areas");
        m_layers.setMeasure(options.colourBy);
        m_layers.setChoroplethLayer(row);
    }
    if (!options.compareFrom.isEmpty() || !options.compareTo.isEmpty()) {
        if (m_layers.choroplethLayer() < 0 && options.incidentsAs != QLatin1String("hexagons"))
            return tr("--compare-from and --compare-to need --colour-by and a --layer, or --incidents-as hexagons");
        if (!m_layers.compareWith(options.compareFrom, options.compareTo))
            return tr("--compare-from and --compare-to take the first and last days of a period, as YYYY-MM-DD");
    }
    if (!options.filter.heldBy.empty()) {
        QStringList keys;
        for (const atlas::Side side : options.filter.heldBy) keys.append(QString::fromUtf8(atlas::toKey(side).data()));
        m_filters.setHeldBy(keys);
    }
    if (options.filter.region) m_filters.setRegion(*options.filter.region, QString::fromStdString(options.filter.regionName));
    QStringList actorIds;
    for (const std::string& wanted : options.actors) {
        const atlas::Actor* actor = m_document.dataset().findActorByIdNameOrAlias(wanted);
        if (!actor) return tr("no actor \"%1\" in the data (give its id, name or an alias)").arg(QString::fromStdString(wanted));
        actorIds.append(QString::fromStdString(actor->id));
    }
    if (!actorIds.isEmpty()) m_filters.setActorIds(actorIds);
    const auto given = [&](const char* option) { return std::find(options.given.begin(), options.given.end(), option) != options.given.end(); };
    if (given("--exact-actor")) m_filters.setIncludeSubgroups(false);
    if (given("--exact-only")) m_filters.setExactOnly(true);
    if (given("--role")) m_filters.setActorRole(QString::fromUtf8(atlas::toKey(options.filter.actorRole).data()));
    QStringList typeKeys;
    for (const atlas::EventType type : options.filter.types) typeKeys.append(QString::fromUtf8(atlas::toKey(type).data()));
    if (!typeKeys.isEmpty()) m_filters.setTypeKeys(typeKeys);
    if (!options.filter.text.empty()) m_filters.setText(QString::fromStdString(options.filter.text));
    if (options.filter.minKilled > 0) m_filters.setMinKilled(options.filter.minKilled);
    if (options.windowDays >= 0) m_timeline.setWindowDays(options.windowDays);
    if (!options.date.isEmpty() && !m_timeline.setCurrentDateText(options.date))
        return tr("--date takes a day of the data as YYYY-MM-DD, not \"%1\"").arg(options.date);
    // --from/--to mean what they mean for query: the window is those days.
    if (options.filter.from || options.filter.to) {
        const atlas::Date last = options.filter.to.value_or(m_timeline.window().end);
        if (!m_timeline.setCurrentDateText(QString::fromStdString(last.toString())))
            return tr("--to takes a day of the data as YYYY-MM-DD");
        m_timeline.setWindowDays(options.filter.from ? atlas::daysBetween(*options.filter.from, last) + 1 : 0);
    }
    if (options.filter.box) {
        const atlas::GeoBox& box = *options.filter.box;
        m_initialBox = {box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude};
    }
    if (!options.selectEvent.isEmpty()) {
        const int row = m_events.rowOfEvent(options.selectEvent);
        if (row < 0) return tr("no event %1 in the window shown").arg(options.selectEvent);
        setSelectedRow(row);
    }
    return {};
}

QVariantMap AtlasSession::state(const QVariantMap& view) const {
    QVariantMap out{{QStringLiteral("date"), m_timeline.currentDate().toString(Qt::ISODate)},
                    {QStringLiteral("windowDays"), m_timeline.windowDays()},
                    {QStringLiteral("windowStart"), m_timeline.windowStart().toString(Qt::ISODate)},
                    {QStringLiteral("histogramSplit"), m_timeline.histogramSplit()},
                    {QStringLiteral("text"), m_filters.text()},
                    {QStringLiteral("actorIds"), m_filters.actorIds()},
                    {QStringLiteral("includeSubgroups"), m_filters.includeSubgroups()},
                    {QStringLiteral("actorRole"), m_filters.actorRole()},
                    {QStringLiteral("typeKeys"), m_filters.typeKeys()},
                    {QStringLiteral("minKilled"), m_filters.minKilled()},
                    {QStringLiteral("exactOnly"), m_filters.exactOnly()},
                    {QStringLiteral("heldBy"), m_filters.heldBy()},
                    {QStringLiteral("tableSort"), m_table.columnKeys().value(m_table.sortColumn())},
                    {QStringLiteral("tableDescending"), m_table.sortDescending()},
                    {QStringLiteral("tableHidden"), m_table.hiddenColumns()},
                    {QStringLiteral("view"), view}};
    if (m_document.loaded() && m_document.singleFile().isLocalFile()) out.insert(QStringLiteral("file"), m_document.singleFile().toLocalFile());
    return out;
}

void AtlasSession::restore(const QVariantMap& state) {
    if (state.isEmpty()) return;
    m_timeline.setWindowDays(state.value(QStringLiteral("windowDays"), m_timeline.windowDays()).toInt());
    if (const QString date = state.value(QStringLiteral("date")).toString(); !date.isEmpty()) m_timeline.setCurrentDateText(date);
    if (const QDate start = QDate::fromString(state.value(QStringLiteral("windowStart")).toString(), Qt::ISODate); start.isValid())
        m_timeline.setWindowStart(start);
    m_timeline.setHistogramSplit(state.value(QStringLiteral("histogramSplit"), m_timeline.histogramSplit()).toInt());
    m_filters.setText(state.value(QStringLiteral("text")).toString());
    // Factions no longer in the data are dropped; a state from before several could be ticked
    // holds one "actorId" and one "typeKey".
    QStringList actors = state.value(QStringLiteral("actorIds")).toStringList();
    if (const QString single = state.value(QStringLiteral("actorId")).toString(); !single.isEmpty()) actors.append(single);
    actors.removeIf([this](const QString& id) { return !m_document.dataset().findActor(id.toStdString()); });
    m_filters.setActorIds(actors);
    m_filters.setIncludeSubgroups(state.value(QStringLiteral("includeSubgroups"), true).toBool());
    m_filters.setActorRole(state.value(QStringLiteral("actorRole")).toString());
    QStringList types = state.value(QStringLiteral("typeKeys")).toStringList();
    if (const QString single = state.value(QStringLiteral("typeKey")).toString(); !single.isEmpty()) types.append(single);
    m_filters.setTypeKeys(types);
    m_filters.setMinKilled(state.value(QStringLiteral("minKilled")).toInt());
    m_filters.setExactOnly(state.value(QStringLiteral("exactOnly")).toBool());
    m_filters.setHeldBy(state.value(QStringLiteral("heldBy")).toStringList());
    if (const int column = m_table.columnKeys().indexOf(state.value(QStringLiteral("tableSort")).toString()); column >= 0)
        m_table.sortBy(column, state.value(QStringLiteral("tableDescending")).toBool());
    m_table.setHiddenColumns(state.value(QStringLiteral("tableHidden")).toStringList());
    m_initialView = state.value(QStringLiteral("view")).toMap();
    if (state.contains(QStringLiteral("layers"))) m_initialLayers = state.value(QStringLiteral("layers")).toMap();
}

} // namespace atlas::ui
