#include "snapshot_exporter.h"

#include "animation.h"
#include "scene_painter.h"
#include "snapshot.h"

#include "atlas/io/recipe.h"
#include "atlas/io/video_writer.h"

#include <QDate>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <climits>

namespace atlas::ui {

SnapshotExporter::~SnapshotExporter() {
    m_cancel = true;
    if (m_worker) m_worker->wait();
}

void SnapshotExporter::setEvents(VisibleEventsModel* events) {
    if (m_events == events) return;
    m_events = events;
    emit eventsChanged();
}

void SnapshotExporter::setTileDirectory(const QString& directory) {
    if (m_tileDirectory == directory) return;
    m_tileDirectory = directory;
    emit tileDirectoryChanged();
}

SnapshotView SnapshotExporter::viewOf(double west, double south, double east, double north, int width, int height,
                                      int clusterThreshold) const {
    SnapshotView view;
    view.box = {west, south, east, north};
    view.size = QSize(width, height);
    if (m_events) view.filter = m_events->currentFilter();
    view.situationDate = view.filter.to.value_or(atlas::Date());
    view.tileDirectory = m_tileDirectory;
    // The map as shown: its clusters too.
    view.clustering = atlas::render::Clustering::AsOnScreen;
    view.clusterThreshold = static_cast<std::size_t>(std::max(0, clusterThreshold));
    view.placementHalos = m_placementHalos;
    view.hexagons = m_density == QLatin1String("hexagons");
    view.heat = m_density == QLatin1String("heat");
    if (view.hexagons && m_layers && m_layers->comparing()) view.hexagonsAgainst = m_layers->comparedFilter(view.filter);
    if (m_layers) {
        view.referenceLayers = m_layers->styles();
        if (m_layers->choroplethLayer() >= 0) {
            view.areaLegendTitle = m_layers->legendTitle();
            view.areaLegend = m_layers->shading().legend;
        }
    }
    return view;
}

namespace {

QString pathOf(const QUrl& location) { return location.isLocalFile() ? location.toLocalFile() : location.toString(); }

// The recipe beside a picture written: a sentence to add when it could not be.
QString writeSidecar(const QString& picture, const atlas::Recipe& recipe) {
    // The bundled sample has no file a recipe could name: the picture records what it can.
    if (recipe.inputs.files.empty()) return QObject::tr(" (no recipe beside it: the data is the bundled sample, not a file)");
    const auto problems = atlas::writeRecipeFile(atlas::recipePathFor(picture.toStdString()), recipe);
    return problems.empty() ? QString() : QObject::tr(" (its recipe not written: %1)").arg(QString::fromStdString(problems.front().message));
}

std::optional<atlas::Date> dateOf(const QVariant& value) { return atlas::Date::parse(value.toString().toStdString()); }

} // namespace

atlas::Recipe SnapshotExporter::recipeOf(const SnapshotView& view, const QString& format) const {
    // Clusters as the command draws them with --clusters; "every incident" is a threshold never reached.
    const bool clusters = view.clustering == atlas::render::Clustering::AsOnScreen && view.clusterThreshold < std::size_t(INT_MAX);
    atlas::Recipe recipe = m_session->recipeFor(view.box, view.size, format, clusters, m_density);
    atlas::RecipePicture& picture = recipe.picture;
    picture.placementHalos = view.placementHalos;
    picture.title = view.title.toStdString();
    if (!view.paper.isEmpty()) {
        picture.paper = view.paper.toStdString();
        picture.landscape = view.size.width() > view.size.height();
        picture.dpi = static_cast<int>(std::lround(view.pixelRatio * 96));
        picture.subtitle = view.subtitle.toStdString();
        picture.notes = view.notes.toStdString();
    }
    if (view.filter.to) picture.date = *view.filter.to;
    return recipe;
}

QString SnapshotExporter::writePicture(SnapshotView view, const QString& path, const QString& saved, const QString& notSaved) const {
    const AtlasDocument& document = *m_events->document();
    std::optional<atlas::Recipe> recipe;
    if (m_session) {
        recipe = recipeOf(view, QFileInfo(path).suffix().toLower());
        view.recipe = QString::fromStdString(atlas::recipeText(*recipe, atlas::RecipeForm::Embedded));
    }
    const auto problems = writeSnapshot(path, document.dataset(), *document.eventIndex(), m_events->datasetSymbols(), view);
    if (!problems.empty()) return notSaved.arg(QString::fromStdString(problems.front().message));
    return saved.arg(QFileInfo(path).fileName()) + (recipe ? writeSidecar(path, *recipe) : QString());
}

QString SnapshotExporter::exportTo(const QUrl& location, double west, double south, double east, double north, int width,
                                   int height, int clusterThreshold) const {
    if (!m_events || !m_events->document()) return tr("Nothing to export");
    return writePicture(viewOf(west, south, east, north, width, height, clusterThreshold), pathOf(location), tr("Snapshot saved to %1"),
                        tr("Snapshot not saved: %1"));
}

SnapshotView SnapshotExporter::layoutView(const QVariantMap& layout, double west, double south, double east, double north) const {
    const std::string paper = atlas::paperName(layout.value(QStringLiteral("paper"), QStringLiteral("A4")).toString().toStdString()).value_or("A4");
    const bool landscape = layout.value(QStringLiteral("landscape"), true).toBool();
    const auto [width, height] = atlas::paperPixels(paper, landscape);
    // Every incident its own symbol on paper, as `export --paper` draws them.
    SnapshotView view = viewOf(west, south, east, north, width, height, INT_MAX);
    view.paper = QString::fromStdString(paper);
    view.pixelRatio = std::clamp(layout.value(QStringLiteral("dpi"), 150).toInt(), 72, 600) / 96.0;
    view.title = layout.value(QStringLiteral("title")).toString();
    view.subtitle = layout.value(QStringLiteral("subtitle")).toString();
    view.notes = layout.value(QStringLiteral("notes")).toString();
    for (const auto& style : view.referenceLayers)
        if (style.layer) view.layerSources << QFileInfo(QString::fromStdString(style.layer->path)).fileName();
    view.layerSources.removeDuplicates();
    return view;
}

QString SnapshotExporter::exportLayout(const QUrl& location, const QVariantMap& layout, double west, double south, double east,
                                       double north) const {
    if (!m_events || !m_events->document()) return tr("Nothing to export");
    return writePicture(layoutView(layout, west, south, east, north), pathOf(location), tr("Layout saved to %1"), tr("Layout not saved: %1"));
}

QString SnapshotExporter::previewPath(const QString& stem) {
    return m_previews.filePath(QStringLiteral("%1-%2.png").arg(stem).arg(++m_previewCount));
}

QUrl SnapshotExporter::previewLayout(const QVariantMap& layout, double west, double south, double east, double north, int width) {
    if (!m_events || !m_events->document() || !m_previews.isValid()) return {};
    const AtlasDocument& document = *m_events->document();
    SnapshotView view = layoutView(layout, west, south, east, north);
    view.pixelRatio = std::clamp(double(width) / view.size.width(), 0.1, 2.0);
    const QString path = previewPath(QStringLiteral("layout"));
    if (!writeSnapshot(path, document.dataset(), *document.eventIndex(), m_events->datasetSymbols(), view).empty()) return {};
    return QUrl::fromLocalFile(path);
}

std::vector<SnapshotView> SnapshotExporter::animationFrames(const QVariantMap& animation, double west, double south, double east,
                                                            double north, QString& problem) const {
    const auto from = dateOf(animation.value(QStringLiteral("from")));
    const auto to = dateOf(animation.value(QStringLiteral("to")));
    if (!from || !to) {
        problem = tr("The first and last days are dates YYYY-MM-DD");
        return {};
    }
    if (*to < *from) {
        problem = tr("The last day (%1) is before the first (%2)").arg(QString::fromStdString(to->toString()), QString::fromStdString(from->toString()));
        return {};
    }
    if (atlas::daysBetween(*from, *to) >= 3660) {
        problem = tr("At most ten years of frames");
        return {};
    }
    const int width = animation.value(QStringLiteral("width"), 1920).toInt(), height = animation.value(QStringLiteral("height"), 1080).toInt();
    if (width < 200 || height < 150 || width > 8192 || height > 8192) {
        problem = tr("A video is from 200×150 to 8192×8192 pixels");
        return {};
    }
    const int windowDays = std::max(0, animation.value(QStringLiteral("windowDays"), 0).toInt());
    // Every incident its own symbol, as `export --each-day-until` draws them.
    const SnapshotView base = viewOf(west, south, east, north, width, height, INT_MAX);
    std::vector<SnapshotView> frames;
    for (atlas::Date day = *from; !(*to < day); day = day.addDays(1)) {
        SnapshotView frame = base;
        frame.filter.to = day;
        frame.filter.from = windowDays > 0 ? std::optional<atlas::Date>(day.addDays(1 - windowDays)) : std::nullopt;
        frame.situationDate = day;
        if (m_layers && m_layers->choroplethLayer() >= 0) {
            // The coloured layer's fills of this frame's window, on the window's fixed scale.
            const atlas::render::AreaShading shading = m_layers->shadingFor(frame.filter);
            const auto layer = static_cast<std::size_t>(m_layers->choroplethLayer());
            if (layer < frame.referenceLayers.size()) frame.referenceLayers[layer].fills = shading.fills;
            frame.areaLegend = shading.legend;
        }
        if (frame.hexagons && m_layers && m_layers->comparing()) frame.hexagonsAgainst = m_layers->comparedFilter(frame.filter);
        frames.push_back(std::move(frame));
    }
    return frames;
}

QUrl SnapshotExporter::previewAnimation(const QVariantMap& animation, double west, double south, double east, double north, int width) {
    if (!m_events || !m_events->document() || !m_previews.isValid()) return {};
    QString problem;
    QVariantMap first = animation;
    first.insert(QStringLiteral("to"), animation.value(QStringLiteral("from")));
    std::vector<SnapshotView> frames = animationFrames(first, west, south, east, north, problem);
    if (frames.empty()) return {};
    SnapshotView& view = frames.front();
    view.pixelRatio = std::clamp(double(width) / view.size.width(), 0.1, 2.0);
    const AtlasDocument& document = *m_events->document();
    const QString path = previewPath(QStringLiteral("frame"));
    if (!writeSnapshot(path, document.dataset(), *document.eventIndex(), m_events->datasetSymbols(), view).empty()) return {};
    return QUrl::fromLocalFile(path);
}

QString SnapshotExporter::startAnimation(const QUrl& location, const QVariantMap& animation, double west, double south, double east,
                                         double north) {
    if (m_animating) return tr("An animation is being written already");
    if (!m_events || !m_events->document()) return tr("Nothing to export");
    // The worker reads the dataset while it draws: not while a file is being read into it.
    if (m_events->document()->loading()) return tr("Wait until the file is read");
    const QString path = pathOf(location);
    if (!atlas::videoFormatOf(path.toStdString())) return tr("An animation is written as .mp4, .webm or .gif");
    QString problem;
    auto frames = std::make_shared<std::vector<SnapshotView>>(animationFrames(animation, west, south, east, north, problem));
    if (frames->empty()) return problem;
    const double fps = animation.value(QStringLiteral("fps"), 4).toDouble();
    if (!(fps >= 0.1 && fps <= 60)) return tr("From 0.1 to 60 frames a second");
    const double hold = std::clamp(animation.value(QStringLiteral("holdSeconds"), 2).toDouble(), 0.0, 600.0);
    std::optional<atlas::Recipe> recipe;
    AnimationJob job;
    job.path = path;
    job.frameCount = static_cast<int>(frames->size());
    job.fps = fps;
    job.holdLastFrames = static_cast<int>(std::lround(hold * fps));
    const AtlasDocument& document = *m_events->document();
    job.title = frames->front().title.isEmpty() ? QString::fromStdString(document.dataset().metadata.title) : frames->front().title;
    if (m_session) {
        recipe = recipeOf(frames->front(), QFileInfo(path).suffix().toLower());
        recipe->picture.date = *frames->front().filter.to;
        recipe->picture.until = frames->back().filter.to;
        recipe->picture.windowDays = std::max(0, animation.value(QStringLiteral("windowDays"), 0).toInt());
        recipe->picture.fps = fps;
        recipe->picture.holdLastSeconds = hold;
        recipe->picture.clusters = false;
        job.recipe = QString::fromStdString(atlas::recipeText(*recipe, atlas::RecipeForm::Embedded));
    }
    job.frame = [frames](int i) { return (*frames)[static_cast<std::size_t>(i)]; };
    m_cancel = false;
    m_framesDone = 0;
    job.progress = [this](int done, int total) {
        m_framesDone = done * 1000 / std::max(1, total);
        return !m_cancel.load();
    };
    m_animating = true;
    m_progress = 0;
    emit animationChanged();
    // The frames are drawn and encoded on a worker thread; the dataset, its index and symbols
    // stay as they are meanwhile (the dialog is modal).
    const atlas::Dataset* dataset = &document.dataset();
    const auto index = document.eventIndex();
    // The symbols copied: the events model may resolve them again while the worker draws.
    const auto symbols = std::make_shared<const std::vector<atlas::render::EventSymbol>>(m_events->datasetSymbols());
    auto result = std::make_shared<atlas::VideoResult>();
    QThread* worker = QThread::create([=] { *result = writeAnimation(*dataset, *index, *symbols, job); });
    m_worker = worker;
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        m_progress = m_framesDone / 1000.0;
        emit animationChanged();
    });
    poll->start(100);
    connect(worker, &QThread::finished, this, [=, this] {
        poll->deleteLater();
        worker->deleteLater();
        m_animating = false;
        m_progress = 1;
        emit animationChanged();
        if (result->cancelled) {
            emit animationFinished(tr("Animation cancelled; nothing written"), false);
        } else if (result->failed()) {
            emit animationFinished(tr("Animation not saved: %1").arg(QString::fromStdString(result->diagnostics.front().message)), false);
        } else {
            emit animationFinished((job.frameCount == 1 ? tr("Animation of 1 frame saved to %1").arg(QFileInfo(path).fileName())
                                                        : tr("Animation of %1 frames saved to %2").arg(job.frameCount).arg(QFileInfo(path).fileName())) +
                                       (recipe ? writeSidecar(path, *recipe) : QString()),
                                   true);
        }
    });
    worker->start();
    return {};
}

QVariantList SnapshotExporter::drawnMarks(double west, double south, double east, double north, int width, int height,
                                          int clusterThreshold) const {
    if (!m_events || !m_events->document()) return {};
    const AtlasDocument& document = *m_events->document();
    return atlas::ui::describeMarks(snapshotScene(document.dataset(), *document.eventIndex(), m_events->datasetSymbols(),
                                                  viewOf(west, south, east, north, width, height, clusterThreshold)));
}

} // namespace atlas::ui
