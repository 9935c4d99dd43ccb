// Videos and GIFs (atlas/io/video_writer.h), read back with the FFmpeg libraries: the frames,
// their size, the tags; failures and cancels leave no file.
#include "atlas/io/video_writer.h"

extern "C" {
#include <libavformat/avformat.h>
}

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>
#include <vector>

using namespace atlas;

namespace {

namespace fs = std::filesystem;

struct Probe {
    int frames = 0, width = 0, height = 0;
    std::string codec, comment;
};

// What the file holds: its video stream's packets (one per frame for these encoders), size, codec, comment tag.
std::optional<Probe> probe(const std::string& path) {
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, path.c_str(), nullptr, nullptr) < 0) return std::nullopt;
    Probe out;
    if (avformat_find_stream_info(format, nullptr) >= 0) {
        const int stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (stream >= 0) {
            const AVCodecParameters* parameters = format->streams[stream]->codecpar;
            out.width = parameters->width;
            out.height = parameters->height;
            out.codec = avcodec_get_name(parameters->codec_id);
            AVPacket* packet = av_packet_alloc();
            while (av_read_frame(format, packet) >= 0) {
                if (packet->stream_index == stream) ++out.frames;
                av_packet_unref(packet);
            }
            av_packet_free(&packet);
        }
        if (const AVDictionaryEntry* comment = av_dict_get(format->metadata, "comment", nullptr, 0)) out.comment = comment->value;
    }
    avformat_close_input(&format);
    return out;
}

// Frames of `width` × `height`, each a different shade, a square moving across.
struct Frames {
    int width, height;
    std::vector<std::uint8_t> pixels;
    int drawn = 0;
    VideoFramePixels operator()(int index) {
        ++drawn;
        pixels.assign(static_cast<std::size_t>(width) * height * 4, 0);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                std::uint8_t* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 4];
                const bool square = x / 8 == index % (width / 8) && y < 16;
                p[0] = square ? 20 : 200;                       // blue
                p[1] = static_cast<std::uint8_t>(index * 10);   // green
                p[2] = square ? 230 : 40;                       // red
                p[3] = 255;
            }
        return {pixels.data(), width * 4};
    }
};

fs::path temporaryFolder() {
    const fs::path folder = fs::temp_directory_path() / ("atlas-video-test-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    return folder;
}

VideoJob jobOf(const fs::path& path, VideoFormat format, Frames& frames, int count) {
    VideoJob job;
    job.path = path.string();
    job.format = format;
    job.width = frames.width;
    job.height = frames.height;
    job.fps = 5;
    job.frameCount = count;
    job.frame = [&frames](int i) { return frames(i); };
    return job;
}

} // namespace

TEST(VideoWriter, KnowsTheFormatsByExtension) {
    EXPECT_EQ(videoFormatOf("brief.mp4"), VideoFormat::Mp4);
    EXPECT_EQ(videoFormatOf("/a/B.WEBM"), VideoFormat::WebM);
    EXPECT_EQ(videoFormatOf("x.gif"), VideoFormat::Gif);
    EXPECT_FALSE(videoFormatOf("x.png"));
    EXPECT_FALSE(videoFormatOf("mp4"));
}

TEST(VideoWriter, WritesAnMp4WithEveryFrameTheHeldOnesAndItsTags) {
    const fs::path path = temporaryFolder() / "brief.mp4";
    Frames frames{65, 49, {}}; // odd: padded to even for yuv420p
    VideoJob job = jobOf(path, VideoFormat::Mp4, frames, 12);
    job.holdLastFrames = 3;
    job.metadata = {{"title", "October"}, {"comment", "{\"recipe\": 1}"}};
    int reported = 0;
    job.progress = [&](int done, int total) {
        EXPECT_EQ(total, 15);
        reported = done;
        return true;
    };
    const VideoResult result = writeVideo(job);
    ASSERT_FALSE(result.failed()) << (result.diagnostics.empty() ? "" : result.diagnostics.front().message);
    EXPECT_EQ(reported, 15);
    const auto seen = probe(path.string());
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->codec, "h264");
    EXPECT_EQ(seen->frames, 15);
    EXPECT_EQ(seen->width, 66);
    EXPECT_EQ(seen->height, 50);
    EXPECT_EQ(seen->comment, "{\"recipe\": 1}");
    EXPECT_EQ(frames.drawn, 12); // each frame drawn once
    fs::remove_all(path.parent_path());
}

TEST(VideoWriter, WritesAWebMAndAGifWithOnePaletteFromASample) {
    const fs::path folder = temporaryFolder();
    Frames frames{80, 48, {}};
    const VideoResult webm = writeVideo(jobOf(folder / "a.webm", VideoFormat::WebM, frames, 6));
    ASSERT_FALSE(webm.failed());
    EXPECT_EQ(probe((folder / "a.webm").string())->codec, "vp9");
    EXPECT_EQ(probe((folder / "a.webm").string())->frames, 6);

    frames.drawn = 0;
    const VideoResult gif = writeVideo(jobOf(folder / "a.gif", VideoFormat::Gif, frames, 20));
    ASSERT_FALSE(gif.failed()) << (gif.diagnostics.empty() ? "" : gif.diagnostics.front().message);
    const auto seen = probe((folder / "a.gif").string());
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->codec, "gif");
    EXPECT_EQ(seen->frames, 20);
    EXPECT_EQ(seen->width, 80); // a GIF needs no even size
    EXPECT_EQ(frames.drawn, 20 + 8); // the palette's sample of eight, then every frame
    fs::remove_all(folder);
}

TEST(VideoWriter, ACancelOrAFailureLeavesNoFileAndSaysWhy) {
    const fs::path folder = temporaryFolder();
    Frames frames{64, 48, {}};
    VideoJob job = jobOf(folder / "cancelled.mp4", VideoFormat::Mp4, frames, 30);
    job.progress = [](int done, int) { return done < 5; };
    const VideoResult cancelled = writeVideo(job);
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_TRUE(fs::is_empty(folder)) << "no video and no partial file";

    VideoJob zeroFps = jobOf(folder / "z.mp4", VideoFormat::Mp4, frames, 3);
    zeroFps.fps = 0;
    const VideoResult bad = writeVideo(zeroFps);
    ASSERT_TRUE(bad.failed());
    EXPECT_EQ(bad.diagnostics.front().code, "video.write");
    EXPECT_NE(bad.diagnostics.front().message.find("frames a second"), std::string::npos);

    const VideoResult nowhere = writeVideo(jobOf(folder / "no such folder" / "x.mp4", VideoFormat::Mp4, frames, 3));
    ASSERT_TRUE(nowhere.failed());
    EXPECT_NE(nowhere.diagnostics.front().message.find("cannot write"), std::string::npos);

    VideoJob undrawable = jobOf(folder / "u.gif", VideoFormat::Gif, frames, 3);
    undrawable.frame = [](int) { return VideoFramePixels{}; };
    const VideoResult notDrawn = writeVideo(undrawable);
    ASSERT_TRUE(notDrawn.failed());
    EXPECT_NE(notDrawn.diagnostics.front().message.find("could not be drawn"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(folder));
    fs::remove_all(folder);
}
