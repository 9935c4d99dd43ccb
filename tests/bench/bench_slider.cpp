// Frame times while the slider moves, on any dataset (meant for 1M synthetic events):
//   tools/dev exec build/tests/atlas_make_synthetic 1000000 build/synthetic-1m.atlas.json
//   tools/dev exec xvfb-run -a -s "-screen 0 1600x1000x24" build/tests/bench/atlas_bench_slider
//       build/synthetic-1m.atlas.json --window 30 --tiles build/basemap-tiles
// It opens the real window (Main.qml), then on every frame swapped moves the slider one day,
// as a fast drag does, and reports the intervals between frames: a stall shows up as a long
// interval. With --play N it plays instead (the timeline's playback at N days a second, looping)
// and reports the frames drawn while it plays and the days it moved on per second. Not a test:
// nothing is asserted, figures go to docs/benchmarks.md.
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QUrl>
#include <QtQml/QQmlExtensionPlugin>

#include "atlas_session.h"
#include "visible_events_model.h"
#include "workspace_settings.h"

#include <algorithm>
#include <cstdio>
#include <vector>

Q_IMPORT_QML_PLUGIN(ConflictAtlasPlugin)

using namespace atlas::ui;

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("dataset"));
    const QCommandLineOption frames(QStringLiteral("frames"), QStringLiteral("frames to measure"), QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("window days"), QStringLiteral("days"), QStringLiteral("30"));
    const QCommandLineOption tiles(QStringLiteral("tiles"), QStringLiteral("tile directory"), QStringLiteral("dir"));
    const QCommandLineOption play(QStringLiteral("play"), QStringLiteral("play at this many days a second"), QStringLiteral("days"), QStringLiteral("0"));
    parser.addOptions({frames, window, tiles, play});
    parser.addHelpOption();
    parser.process(app);
    if (parser.positionalArguments().size() != 1) parser.showHelp(2);

    QElapsedTimer loadClock;
    loadClock.start();
    WorkspaceSettings workspace(false); // the user's settings stay out of a measurement
    AtlasSession session;
    session.document()->open(QUrl::fromLocalFile(QFileInfo(parser.positionalArguments().first()).absoluteFilePath()));
    session.timeline()->setWindowDays(parser.value(window).toInt());
    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("tileDirectory"), parser.value(tiles)},
                                 {QStringLiteral("session"), QVariant::fromValue(&session)},
                                 {QStringLiteral("workspace"), QVariant::fromValue(&workspace)}});
    engine.loadFromModule("ConflictAtlas", "Main");
    auto* rootWindow = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!rootWindow) return 1;
    Timeline* timeline = session.timeline();
    VisibleEventsModel* events = session.events();
    std::printf("loaded %d events in %.1f s\n", session.document()->eventCount(), double(loadClock.elapsed()) / 1000.0);
    // Start at the beginning of the data so every step shows new days.
    timeline->setCurrentDay(0);

    const int wanted = parser.value(frames).toInt();
    std::vector<double> intervals;
    QElapsedTimer clock;
    int warmup = 0;
    int shownChanges = 0;
    QObject::connect(events, &VisibleEventsModel::countChanged, &app, [&] { ++shownChanges; });
    const int playSpeed = parser.value(play).toInt();
    int daysPlayed = 0;
    QElapsedTimer playClock;
    QObject::connect(timeline, &Timeline::windowChanged, &app, [&] { ++daysPlayed; });
    QObject::connect(rootWindow, &QQuickWindow::frameSwapped, &app, [&] {
        if (!session.mapReady() || events->busy()) return;
        if (warmup < 10) { // let the first frames settle
            if (++warmup == 10 && playSpeed > 0) {
                timeline->setDaysPerSecond(playSpeed);
                timeline->setLoop(true);
                timeline->setPlaying(true);
                daysPlayed = 0;
                playClock.start();
            }
            clock.start();
            return;
        }
        intervals.push_back(double(clock.nsecsElapsed()) / 1e6);
        clock.start();
        if (static_cast<int>(intervals.size()) >= wanted) {
            std::vector<double> sorted = intervals;
            std::sort(sorted.begin(), sorted.end());
            double sum = 0;
            for (double v : sorted) sum += v;
            const auto at = [&](double q) { return sorted[std::min(sorted.size() - 1, std::size_t(q * double(sorted.size())))]; };
            const auto stalls = std::count_if(sorted.begin(), sorted.end(), [](double v) { return v > 50.0; });
            std::printf("window %s days, %zu frames while %s: mean %.1f ms, "
                        "median %.1f ms, p95 %.1f ms, max %.1f ms, frames over 50 ms: %ld; model updates: %d; "
                        "shown at the end: %d events\n",
                        qPrintable(parser.value(window)), sorted.size(),
                        playSpeed > 0 ? "playing" : "the slider moved a day per frame", sum / double(sorted.size()), at(0.5),
                        at(0.95), sorted.back(), long(stalls), shownChanges, events->count());
            if (playSpeed > 0)
                std::printf("played at %d days/s: moved on %d days in %.2f s (%.1f days/s)\n", playSpeed, daysPlayed,
                            double(playClock.elapsed()) / 1000.0, daysPlayed * 1000.0 / double(std::max<qint64>(1, playClock.elapsed())));
            QCoreApplication::quit();
            return;
        }
        if (playSpeed == 0) QMetaObject::invokeMethod(timeline, "stepDays", Q_ARG(int, 1));
    });
    QTimer ticker; // keep frames coming even when nothing changed
    QObject::connect(&ticker, &QTimer::timeout, rootWindow, &QQuickWindow::update);
    ticker.start(1);
    return QGuiApplication::exec();
}
