#pragma once

// Videos and animated GIFs of the timeline, encoded in-process with the FFmpeg libraries
// (libavcodec, libavformat, libavfilter, libswscale; no ffmpeg program needed): MP4 as H.264,
// WebM as VP9, both yuv420p; GIF with one palette made from a sample of the frames and
// ordered dithering (stable between frames, so the map does not shimmer). The frames come
// from a callback, so a caller never holds more than one; the file is written beside its
// final name and renamed over it only when complete (a cancelled or failed video leaves no
// file behind).

#include "atlas/model/diagnostic.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atlas {

enum class VideoFormat { Mp4, WebM, Gif };

/// The format a path's extension names (.mp4, .webm, .gif, in any case), or none.
[[nodiscard]] std::optional<VideoFormat> videoFormatOf(std::string_view path);

/// One frame's pixels: 32 bits a pixel, B, G, R, A in memory (QImage's Format_RGB32 and
/// ARGB32 on little-endian machines), `stride` bytes a row; valid until the next call.
struct VideoFramePixels {
    const std::uint8_t* bgra = nullptr;
    int stride = 0;
};

struct VideoJob {
    std::string path;
    VideoFormat format = VideoFormat::Mp4;
    int width = 0, height = 0;  ///< of every frame; an odd one is padded to even (yuv420p needs it)
    double fps = 4;             ///< frames a second, 0.1 to 60
    int frameCount = 0;
    int holdLastFrames = 0;     ///< the last frame shown this many frames longer
    /// Container tags (title, comment, …): written to MP4 and WebM; a GIF has none.
    std::vector<std::pair<std::string, std::string>> metadata;
    /// Frame `index` (0 … frameCount - 1). A GIF asks for a few frames twice (its palette).
    std::function<VideoFramePixels(int index)> frame;
    /// Called after each frame is encoded; returning false cancels (no file is left).
    std::function<bool(int done, int total)> progress;
};

struct VideoResult {
    std::vector<Diagnostic> diagnostics; ///< fatal "video.write" when no video was written
    bool cancelled = false;
    std::string codec;                   ///< the encoder used ("libx264", "libvpx-vp9", "gif")
    [[nodiscard]] bool failed() const { return hasFatal(diagnostics) || cancelled; }
};

/// Encodes `job` into `job.path`, atomically. Never throws.
[[nodiscard]] VideoResult writeVideo(const VideoJob& job);

} // namespace atlas
