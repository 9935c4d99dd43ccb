#include "animation.h"

#include "atlas/io/recipe.h"
#include "atlas/model/diagnostic_codes.h"

namespace atlas::ui {

atlas::VideoResult writeAnimation(const atlas::Dataset& dataset, const atlas::EventIndex& index,
                                  const std::vector<atlas::render::EventSymbol>& symbols, const AnimationJob& job) {
    const std::string path = job.path.toStdString();
    const auto format = atlas::videoFormatOf(path);
    if (!format || job.frameCount < 1 || !job.frame) {
        atlas::VideoResult result;
        result.diagnostics.push_back({atlas::Severity::Fatal, atlas::codes::kVideoWrite,
                                      format ? "an animation needs at least one frame" : "an animation is written as .mp4, .webm or .gif", path, 0, 0, {}, {}});
        return result;
    }
    const SnapshotView first = job.frame(0);
    // The sea and the tiles are the same in every frame: painted once.
    const QImage background = snapshotBackground(first);
    QImage image(QSize(static_cast<int>(std::lround(first.size.width() * first.pixelRatio)),
                       static_cast<int>(std::lround(first.size.height() * first.pixelRatio))),
                 QImage::Format_RGB32);
    atlas::VideoJob video;
    video.path = path;
    video.format = *format;
    video.width = image.width();
    video.height = image.height();
    video.fps = job.fps;
    video.frameCount = job.frameCount;
    video.holdLastFrames = job.holdLastFrames;
    if (!job.title.isEmpty()) video.metadata.emplace_back("title", job.title.toStdString());
    if (!job.recipe.isEmpty()) video.metadata.emplace_back("comment", job.recipe.toStdString());
    video.metadata.emplace_back("encoder_tool", atlas::programVersion());
    video.frame = [&](int i) {
        SnapshotView view = i == 0 ? first : job.frame(i);
        view.largeDates = true; // what a viewer reads as it plays
        QPainter painter(&image);
        painter.scale(view.pixelRatio, view.pixelRatio);
        paintSnapshot(painter, dataset, index, symbols, view, background);
        painter.end();
        return atlas::VideoFramePixels{image.constBits(), static_cast<int>(image.bytesPerLine())};
    };
    video.progress = job.progress;
    return atlas::writeVideo(video);
}

} // namespace atlas::ui
