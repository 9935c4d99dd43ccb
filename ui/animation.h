#pragma once

// Animations of the timeline as one video (MP4, WebM) or GIF: each frame a snapshot
// (snapshot.h) of the same area with its own window, drawn over a background painted once,
// encoded in-process by core's writeVideo (FFmpeg libraries). Used by `conflict-atlas export`
// and the window's File → Export animation….

#include "snapshot.h"

#include "atlas/io/video_writer.h"

#include <functional>

namespace atlas::ui {

struct AnimationJob {
    QString path;             ///< .mp4, .webm or .gif
    int frameCount = 0;
    /// Frame i's view: the same box, size and paper for every frame; its window, day and fills.
    std::function<SnapshotView(int)> frame;
    double fps = 4;
    int holdLastFrames = 0;
    QString title;            ///< the container's title tag
    QString recipe;           ///< the container's comment tag (MP4, WebM)
    /// After each frame encoded; returning false cancels (nothing is left on disk).
    std::function<bool(int done, int total)> progress;
};

/// Draws and encodes every frame; the result says what went wrong, or that it was cancelled.
[[nodiscard]] atlas::VideoResult writeAnimation(const atlas::Dataset& dataset, const atlas::EventIndex& index,
                                                const std::vector<atlas::render::EventSymbol>& symbols, const AnimationJob& job);

} // namespace atlas::ui
