// conflict-atlas: the desktop viewer. Opens the bundled north-west Syria sample when no file
// is given. --self-test loads all QML and the data, checks them and exits; --screenshot FILE
// saves the window once the map has drawn (used for the README picture and for looking at
// the GUI under Xvfb).
#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

#include "atlas/commands/commands.h"
#include "atlas/io/recipe.h"
#include "export_writer.h"
#include "atlas_session.h"
#include "atlas/store/pg_store.h"
#include "snapshot.h"
#include "workspace_settings.h"

#include <cstring>

Q_IMPORT_QML_PLUGIN(ConflictAtlasPlugin)

using namespace atlas::ui;

namespace {

constexpr auto kSampleDataset = "qrc:/data/idlib-2020.atlas.json";

// Where the pre-rendered offline basemap tiles are: --tiles, $CONFLICT_ATLAS_TILES, or beside
// the executable in the build tree.
QString findTileDirectory(const QString& fromCommandLine) {
    QStringList candidates;
    if (!fromCommandLine.isEmpty()) candidates << fromCommandLine;
    if (qEnvironmentVariableIsSet("CONFLICT_ATLAS_TILES")) candidates << qEnvironmentVariable("CONFLICT_ATLAS_TILES");
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << appDir + QStringLiteral("/../basemap-tiles") << appDir + QStringLiteral("/basemap-tiles")
               << appDir + QStringLiteral("/../share/conflict-atlas/basemap-tiles");
    for (const QString& candidate : candidates) {
        QDirIterator tiles(candidate, {QStringLiteral("osm_100-l-8-*.png")}, QDir::Files);
        if (tiles.hasNext()) return QDir(candidate).canonicalPath();
    }
    return {};
}

int fail(const QString& message) {
    std::fprintf(stderr, "conflict-atlas: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char* argv[]) {
    // info / query / convert work without a display and never start Qt; export starts Qt on
    // the offscreen platform (fonts and painting, no window).
    if (const atlas::commands::Command* command = argc >= 2 ? atlas::commands::findCommand(argv[1]) : nullptr) {
        const std::vector<std::string> arguments(argv + 1, argv + argc);
        if (!command->needsQt) return atlas::commands::run(arguments);
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        return atlas::commands::run(arguments, atlas::app::makeExportWriter(findTileDirectory({})));
    }

    // A word that is neither a command nor a file is a typo, said so before a window is tried.
    if (argc >= 2 && argv[1][0] != '-' && !QFileInfo::exists(QString::fromLocal8Bit(argv[1])) && !atlas::isStoreUrl(argv[1])) {
        std::fprintf(stderr, "conflict-atlas: no such file or command: %s (commands:", argv[1]);
        for (const auto& command : atlas::commands::allCommands()) std::fprintf(stderr, " %s", command.name);
        std::fprintf(stderr, ")\n");
        return atlas::commands::kBadInput; // as for a file that is not there (--self-test FILE)
    }

    // --help and --version print and exit: they must work without a display (and make the man page).
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if ((std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--version") == 0 ||
             std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "--help-all") == 0) &&
            !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    // 4× multisampling smooths the symbol edges drawn by the event layer.
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setSamples(4);
    QSurfaceFormat::setDefaultFormat(format);

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("conflict-atlas"));
    QGuiApplication::setOrganizationName(QStringLiteral("Conflict Atlas"));
    QGuiApplication::setApplicationVersion(QString::fromUtf8(atlas::programVersion()).section(QLatin1Char(' '), -1));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Conflict Atlas: browse conflict incidents on a map through time."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A .atlas.json dataset (default: the bundled sample)."),
                                 QStringLiteral("[file]"));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      QStringLiteral("Load all QML and the data, check them, print a summary and exit."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the window as a PNG once the map has drawn, then exit."),
                                        QStringLiteral("png"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("Start on this day (YYYY-MM-DD)."),
                                  QStringLiteral("date"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Window length in days: 1, 7, 30 … (0 = everything up to the date)."),
                                    QStringLiteral("days"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Select the event with this id."),
                                    QStringLiteral("id"));
    const QCommandLineOption tiles(QStringLiteral("tiles"), QStringLiteral("Directory of offline basemap tiles."),
                                   QStringLiteral("dir"));
    const QCommandLineOption actorMap(QStringLiteral("actor-map"),
                                      QStringLiteral("Give the actors ids, umbrellas and sides from this mapping file."),
                                      QStringLiteral("file"));
    const QCommandLineOption asKnownOn(QStringLiteral("as-known-on"),
                                       QStringLiteral("Show the data as it stood at the end of this day (YYYY-MM-DD), as the commands' --as-known-on."),
                                       QStringLiteral("date"));
    const QCommandLineOption compareWith(QStringLiteral("compare-with"),
                                         QStringLiteral("Compare the data with an earlier pull of it (Data → Compare with another pull…)."),
                                         QStringLiteral("file"));
    const QCommandLineOption layer(QStringLiteral("layer"),
                                   QStringLiteral("Add a reference layer (boundaries, roads: any file GDAL reads); repeatable."),
                                   QStringLiteral("file"));
    const QCommandLineOption colourBy(QStringLiteral("colour-by"),
                                      QStringLiteral("Colour the first layer's areas by the window's incidents (events) or killed."),
                                      QStringLiteral("events|killed"));
    const QCommandLineOption compareFrom(QStringLiteral("compare-from"),
                                         QStringLiteral("With --colour-by: compare each area with the period from this day …"),
                                         QStringLiteral("date"));
    const QCommandLineOption compareTo(QStringLiteral("compare-to"), QStringLiteral("… to this day (YYYY-MM-DD)."),
                                       QStringLiteral("date"));
    const QCommandLineOption incidentsAs(QStringLiteral("incidents-as"),
                                         QStringLiteral("Draw incidents as symbols (default), hexagons (counted per hexagon) or heat (density)."),
                                         QStringLiteral("symbols|hexagons|heat"));
    parser.addOptions({selfTest, screenshot, date, window, select, tiles, actorMap, asKnownOn, compareWith, layer, colourBy, compareFrom, compareTo,
                       incidentsAs});
    // The filter options are the commands' own (atlas::commands::FilterOptions): one parser,
    // one meaning. They are taken out first; QCommandLineParser reads the rest.
    std::vector<std::string> arguments(argv + 1, argv + argc);
    atlas::commands::FilterOptions filterOptions;
    const std::string filterProblem = atlas::commands::takeFilterOptions(arguments, filterOptions);
    parser.setApplicationDescription(parser.applicationDescription() +
                                     QStringLiteral("\n\nFilters, as for conflict-atlas query:\n") +
                                     QString::fromUtf8(atlas::commands::kFilterOptionsHelp).trimmed().prepend(QStringLiteral("  ")));
    QStringList rest{QString::fromLocal8Bit(argv[0])};
    for (const std::string& argument : arguments) rest << QString::fromStdString(argument);
    parser.process(rest);
    if (!filterProblem.empty()) return fail(QString::fromStdString(filterProblem));

    if (parser.positionalArguments().size() > 1) return fail(QStringLiteral("give at most one dataset or project file"));
    QUrl datasetLocation(QString::fromLatin1(kSampleDataset));
    // A team's database in place of a file (postgresql://…, host=… dbname=…, service=NAME).
    QString storeUrl;
    if (!parser.positionalArguments().isEmpty() && atlas::isStoreUrl(parser.positionalArguments().first().toStdString()))
        storeUrl = parser.positionalArguments().first();
    else if (!parser.positionalArguments().isEmpty()) {
        const QFileInfo file(parser.positionalArguments().first());
        if (!file.exists()) return fail(QStringLiteral("no such file: %1").arg(file.filePath()));
        datasetLocation = QUrl::fromLocalFile(file.absoluteFilePath());
    }
    bool windowOk = true;
    const int windowDays = parser.isSet(window) ? parser.value(window).toInt(&windowOk) : -1;
    if (!windowOk || windowDays < -1) return fail(QStringLiteral("--window takes a number of days"));

    const QString tileDirectory = findTileDirectory(parser.value(tiles));
    if (tileDirectory.isEmpty())
        std::fprintf(stderr, "conflict-atlas: warning: offline basemap tiles not found (build the "
                             "atlas_basemap_tiles target or pass --tiles); the map background stays empty\n");

    // Headless runs neither read nor write the user's settings: their picture is the same for
    // everyone, and a test leaves no recent files behind.
    const bool persistent = !parser.isSet(selfTest) && !parser.isSet(screenshot);
    WorkspaceSettings workspace(persistent);
    // Without a file to open, the one open when the window last closed comes back (if it is
    // still there), with its date, window, filters and view.
    const QVariantMap lastState = workspace.lastState();
    // Several files (or actor mappings) were open: they were kept as a project of their own.
    const QString lastFile = lastState.value(QStringLiteral("file")).toString();
    const QString lastProject = lastState.value(QStringLiteral("project")).toString();
    if (!storeUrl.isEmpty()) {
        // Nothing from the last session: the store is what is asked for.
    } else if (parser.positionalArguments().isEmpty() && !lastProject.isEmpty() && QFileInfo::exists(lastProject))
        datasetLocation = QUrl::fromLocalFile(lastProject);
    else if (parser.positionalArguments().isEmpty() && !lastFile.isEmpty() && QFileInfo::exists(lastFile))
        datasetLocation = QUrl::fromLocalFile(lastFile);

    // The window's objects, wired once; everything below talks to them by their C++ API.
    AtlasSession session;
    AtlasDocument& document = *session.document();
    QObject::connect(&document, &AtlasDocument::fileRead, &workspace, [&](const QUrl& location) { workspace.noteFileRead(location); });
    const bool recipe = datasetLocation.toLocalFile().endsWith(QStringLiteral(".recipe.json"));
    if (!storeUrl.isEmpty()) {
        // Connected and pulled on the store link's worker thread, waited for here.
        QEventLoop waitForStore;
        QObject::connect(session.edits(), &IncidentEdits::storeChanged, &waitForStore, [&] {
            if (!session.edits()->connecting()) waitForStore.quit();
        });
        session.edits()->connectToStore(storeUrl);
        if (session.edits()->connecting()) waitForStore.exec();
        if (session.edits()->storeName().isEmpty()) return fail(session.edits()->storeStatus());
    } else if (recipe || datasetLocation.toLocalFile().endsWith(QStringLiteral(".atlasproj"))) {
        // A project: its files read (in the background, waited for here), its settings applied,
        // its bookmarks added; its view and layers wait in the session for the window.
        QEventLoop waitForFiles;
        QObject::connect(&session, &AtlasSession::projectOpened, &waitForFiles,
                         [&](const QVariantMap&, const QVariantMap&, const QVariantList& bookmarks) {
                             const QVariantList known = workspace.bookmarks();
                             for (const QVariant& entry : bookmarks) {
                                 const QVariantMap b = entry.toMap();
                                 const bool there = std::any_of(known.begin(), known.end(), [&](const QVariant& k) {
                                     return k.toMap().value(QStringLiteral("name")) == b.value(QStringLiteral("name"));
                                 });
                                 if (!there)
                                     workspace.addBookmark(b.value(QStringLiteral("name")).toString(), b.value(QStringLiteral("latitude")).toDouble(),
                                                           b.value(QStringLiteral("longitude")).toDouble(), b.value(QStringLiteral("zoom")).toDouble(),
                                                           b.value(QStringLiteral("bearing")).toDouble());
                             }
                             waitForFiles.quit();
                         });
        QObject::connect(&document, &AtlasDocument::loadingChanged, &waitForFiles, [&] {
            if (!document.loading() && !document.loaded()) waitForFiles.quit(); // nothing could be read
        });
        const QString problem = recipe ? session.openRecipe(datasetLocation) : session.openProject(datasetLocation);
        if (!problem.isEmpty()) return fail(problem);
        waitForFiles.exec();
        if (datasetLocation == QUrl::fromLocalFile(lastProject)) session.forgetProjectLocation(); // the program's own
    } else {
        document.open(datasetLocation); // a file that cannot be read is reported in the window (and by --self-test)
    }
    LaunchOptions launch;
    launch.actorMap = parser.value(actorMap);
    launch.date = parser.value(date);
    launch.windowDays = windowDays;
    launch.filter = filterOptions.filter;
    launch.actors = filterOptions.actors;
    launch.given = filterOptions.given;
    launch.selectEvent = parser.value(select);
    launch.asKnownOn = parser.value(asKnownOn);
    launch.compareWith = parser.value(compareWith);
    for (const QString& file : parser.values(layer)) launch.layerFiles.append(QFileInfo(file).absoluteFilePath());
    launch.colourBy = parser.value(colourBy);
    launch.incidentsAs = parser.value(incidentsAs);
    launch.compareFrom = parser.value(compareFrom);
    launch.compareTo = parser.value(compareTo);
    QStringList notes;
    // Only then: a file named on the command line opens as asked (the saved filters of the same
    // file would narrow it without being asked for).
    const bool reopened = parser.positionalArguments().isEmpty() && !lastFile.isEmpty() && datasetLocation == QUrl::fromLocalFile(lastFile);
    if (document.loaded() && reopened) session.restore(lastState);
    if (document.loaded()) {
        const QString problem = session.apply(launch, &notes);
        for (const QString& note : notes) std::fprintf(stderr, "conflict-atlas: %s\n", qPrintable(note));
        if (!problem.isEmpty()) return fail(problem);
    }

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("tileDirectory"), tileDirectory},
                                 {QStringLiteral("session"), QVariant::fromValue(&session)},
                                 {QStringLiteral("workspace"), QVariant::fromValue(&workspace)}});
    engine.loadFromModule("ConflictAtlas", "Main");
    if (engine.rootObjects().isEmpty()) return fail(QStringLiteral("the user interface failed to load"));
    auto* rootWindow = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!rootWindow) return fail(QStringLiteral("the main QML object is not a window"));
    workspace.restoreAndTrack(rootWindow);
    // What the next start brings back, kept as the application quits.
    QObject::connect(&app, &QGuiApplication::aboutToQuit, &workspace, [&] {
        QVariant view, layers;
        if (auto* atlasView = rootWindow->property("atlasView").value<QObject*>())
            QMetaObject::invokeMethod(atlasView, "currentView", Q_RETURN_ARG(QVariant, view));
        QMetaObject::invokeMethod(rootWindow, "currentLayers", Q_RETURN_ARG(QVariant, layers));
        QVariantMap state = session.state(view.toMap());
        state.insert(QStringLiteral("layers"), layers.toMap()); // basemap (its custom tiles too) and table
        // Several files, or mappings applied, are more than "the file": kept as a project (in the
        // user's data folder), which the next start opens with everything it holds.
        if (document.sourceFiles().size() > 1 || !document.actorMapping().empty() || !document.duplicateDecisions().empty() ||
            session.layers()->count() > 0) {
            const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            QDir().mkpath(folder);
            const QString project = folder + QStringLiteral("/last-session.atlasproj");
            if (session.saveProject(QUrl::fromLocalFile(project), view.toMap(), layers.toMap(), {}).startsWith(QStringLiteral("Project saved")))
                state.insert(QStringLiteral("project"), project);
        }
        workspace.rememberState(state);
    });

    if (!parser.isSet(selfTest) && !parser.isSet(screenshot)) return QGuiApplication::exec();

    // Headless checks: wait (bounded) until the map is ready and a few frames have been drawn.
    int framesAfterReady = 0;
    int exitCode = -1;
    QObject::connect(rootWindow, &QQuickWindow::frameSwapped, &app, [&] {
        if (exitCode >= 0 || !session.mapReady() || ++framesAfterReady < 12) return;
        const int events = document.eventCount();
        const int shown = session.events()->count();
        const QString error = document.errorText();
        if (parser.isSet(screenshot)) {
            const QImage image = rootWindow->grabWindow();
            exitCode = image.save(parser.value(screenshot)) ? 0 : fail(QStringLiteral("cannot write %1").arg(parser.value(screenshot)));
        } else if (!document.loaded()) {
            exitCode = fail(QStringLiteral("self-test: the dataset did not load: %1").arg(error));
        } else if (tileDirectory.isEmpty()) {
            exitCode = fail(QStringLiteral("self-test: no offline basemap tiles"));
        } else {
            std::printf("self-test: OK: %d events loaded, %d shown, map ready, tiles in %s\n", events, shown,
                        qPrintable(tileDirectory));
            exitCode = 0;
        }
        for (const QString& line : document.diagnostics())
            std::fprintf(stderr, "%s\n", qPrintable(line));
        QCoreApplication::exit(exitCode);
    });
    // Keep frames coming while we wait for the map (a static scene would stop rendering).
    QTimer frameTicker;
    QObject::connect(&frameTicker, &QTimer::timeout, rootWindow, &QQuickWindow::update);
    frameTicker.start(30);
    QTimer::singleShot(30000, &app, [&] {
        if (exitCode < 0) QCoreApplication::exit(fail(QStringLiteral("timed out waiting for the map to draw")));
    });
    return QGuiApplication::exec();
}
