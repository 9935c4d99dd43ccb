#include "atlas/io/video_writer.h"

#include "atlas/model/diagnostic_codes.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>

namespace atlas {

namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string avError(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

// Owners of FFmpeg's objects, so every way out frees them.
struct FormatContext {
    AVFormatContext* context = nullptr;
    bool headerWritten = false, trailerWritten = false;
    ~FormatContext() {
        if (!context) return;
        // A muxer frees what it holds back (the GIF muxer: a packet) only in its trailer: an
        // abandoned video (cancelled, failed) still gets one before its file is removed.
        if (headerWritten && !trailerWritten) (void)av_write_trailer(context);
        if (context->pb && !(context->oformat->flags & AVFMT_NOFILE)) avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
struct CodecContext {
    AVCodecContext* context = nullptr;
    ~CodecContext() { avcodec_free_context(&context); }
};
struct Frame {
    AVFrame* frame = av_frame_alloc();
    ~Frame() { av_frame_free(&frame); }
};
struct Packet {
    AVPacket* packet = av_packet_alloc();
    ~Packet() { av_packet_free(&packet); }
};
struct Graph {
    AVFilterGraph* graph = avfilter_graph_alloc();
    AVFilterContext* source = nullptr;   // the frames
    AVFilterContext* palette = nullptr;  // paletteuse's second input
    AVFilterContext* sink = nullptr;
    ~Graph() { avfilter_graph_free(&graph); }
};
struct Scaler {
    SwsContext* context = nullptr;
    ~Scaler() { sws_freeContext(context); }
};

// A failure, said once: the first reason wins.
struct Failure {
    std::string message;
    explicit operator bool() const { return !message.empty(); }
    bool set(std::string text) {
        if (message.empty()) message = std::move(text);
        return false;
    }
};

// The frame's pixels copied into an even-sized BGRA frame (the last column and row repeated).
bool fillFrame(AVFrame* target, const VideoFramePixels& pixels, int width, int height) {
    if (av_frame_make_writable(target) < 0) return false;
    for (int y = 0; y < target->height; ++y) {
        const std::uint8_t* row = pixels.bgra + static_cast<std::ptrdiff_t>(std::min(y, height - 1)) * pixels.stride;
        std::uint8_t* out = target->data[0] + static_cast<std::ptrdiff_t>(y) * target->linesize[0];
        std::memcpy(out, row, static_cast<std::size_t>(width) * 4);
        if (target->width > width) std::memcpy(out + width * 4, row + (width - 1) * 4, 4);
    }
    return true;
}

AVFrame* bgraFrame(Frame& holder, int width, int height) {
    holder.frame->format = AV_PIX_FMT_BGRA;
    holder.frame->width = width;
    holder.frame->height = height;
    if (av_frame_get_buffer(holder.frame, 0) < 0) return nullptr;
    return holder.frame;
}

// The encoder's packets written to the file (after each frame sent, and at the end).
bool drain(AVCodecContext* codec, AVFormatContext* format, AVStream* stream, Packet& packet, Failure& failure) {
    while (true) {
        const int received = avcodec_receive_packet(codec, packet.packet);
        if (received == AVERROR(EAGAIN) || received == AVERROR_EOF) return true;
        if (received < 0) return failure.set("the encoder failed: " + avError(received));
        av_packet_rescale_ts(packet.packet, codec->time_base, stream->time_base);
        packet.packet->stream_index = stream->index;
        const int written = av_interleaved_write_frame(format, packet.packet);
        if (written < 0) return failure.set("cannot write the video: " + avError(written));
    }
}

// A filter of `graph` named `name` made from `filter` with `arguments`.
AVFilterContext* addFilter(Graph& graph, const char* filter, const char* name, const std::string& arguments, Failure& failure) {
    AVFilterContext* context = nullptr;
    const int made = avfilter_graph_create_filter(&context, avfilter_get_by_name(filter), name, arguments.empty() ? nullptr : arguments.c_str(),
                                                  nullptr, graph.graph);
    if (made < 0) failure.set(std::string("the ") + filter + " filter cannot be made: " + avError(made));
    return made < 0 ? nullptr : context;
}

std::string bufferArguments(int width, int height, AVPixelFormat format) {
    return "video_size=" + std::to_string(width) + "x" + std::to_string(height) + ":pix_fmt=" + std::to_string(format) +
           ":time_base=1/100:pixel_aspect=1/1";
}

// The GIF's one palette: palettegen over up to eight frames spread over the animation (the
// basemap and the style's colours are the same in every frame; the sample catches the
// incidents' colours of early and late frames).
AVFrame* makePalette(const VideoJob& job, int width, int height, Frame& palette, Failure& failure) {
    Graph graph;
    graph.source = addFilter(graph, "buffer", "in", bufferArguments(width, height, AV_PIX_FMT_BGRA), failure);
    AVFilterContext* generate = addFilter(graph, "palettegen", "palettegen", "max_colors=256:reserve_transparent=0:stats_mode=full", failure);
    graph.sink = addFilter(graph, "buffersink", "out", "", failure);
    if (failure) return nullptr;
    if (avfilter_link(graph.source, 0, generate, 0) < 0 || avfilter_link(generate, 0, graph.sink, 0) < 0 ||
        avfilter_graph_config(graph.graph, nullptr) < 0) {
        failure.set("the palette filter cannot be set up");
        return nullptr;
    }
    const int samples = std::min(job.frameCount, 8);
    Frame input;
    if (!bgraFrame(input, width, height)) {
        failure.set("out of memory for a frame");
        return nullptr;
    }
    for (int k = 0; k < samples; ++k) {
        const int index = samples == 1 ? 0 : static_cast<int>(std::lround(double(k) * (job.frameCount - 1) / (samples - 1)));
        const VideoFramePixels pixels = job.frame(index);
        if (!pixels.bgra || !fillFrame(input.frame, pixels, job.width, job.height)) {
            failure.set("frame " + std::to_string(index + 1) + " could not be drawn");
            return nullptr;
        }
        input.frame->pts = k;
        if (av_buffersrc_add_frame_flags(graph.source, input.frame, AV_BUFFERSRC_FLAG_KEEP_REF) < 0) {
            failure.set("the palette filter refused a frame");
            return nullptr;
        }
    }
    if (av_buffersrc_add_frame(graph.source, nullptr) < 0) { // end of the sample: palettegen answers now
        failure.set("the palette filter cannot finish");
        return nullptr;
    }
    if (const int got = av_buffersink_get_frame(graph.sink, palette.frame); got < 0) {
        failure.set("no palette was made: " + avError(got));
        return nullptr;
    }
    return palette.frame;
}

} // namespace

std::optional<VideoFormat> videoFormatOf(std::string_view path) {
    const std::string name = lowered(path);
    auto endsWith = [&](std::string_view suffix) { return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0; };
    if (endsWith(".mp4")) return VideoFormat::Mp4;
    if (endsWith(".webm")) return VideoFormat::WebM;
    if (endsWith(".gif")) return VideoFormat::Gif;
    return std::nullopt;
}

VideoResult writeVideo(const VideoJob& job) {
    // The libraries' own chatter (x264's statistics) is not for our users; their errors come
    // back as return codes, said in our diagnostics.
    av_log_set_level(AV_LOG_ERROR);
    VideoResult result;
    Failure failure;
    auto fail = [&](std::string message) {
        result.diagnostics.push_back({Severity::Fatal, codes::kVideoWrite, std::move(message), job.path, 0, 0, {}, {}});
        return result;
    };
    if (job.width < 16 || job.height < 16 || job.width > 8192 || job.height > 8192) return fail("a video is from 16×16 to 8192×8192 pixels");
    if (!(job.fps >= 0.1 && job.fps <= 60)) return fail("a video has from 0.1 to 60 frames a second");
    // A GIF counts its delays in hundredths of a second and browsers slow anything under two.
    if (job.format == VideoFormat::Gif && job.fps > 50) return fail("a GIF has at most 50 frames a second");
    if (job.frameCount < 1 || !job.frame) return fail("a video needs at least one frame");
    const bool gif = job.format == VideoFormat::Gif;
    // yuv420p halves the colour planes: an odd side is padded by one pixel.
    const int width = gif ? job.width : (job.width + 1) / 2 * 2;
    const int height = gif ? job.height : (job.height + 1) / 2 * 2;

    // Written beside the target, renamed over it when complete.
    namespace fs = std::filesystem;
    std::random_device random;
    const std::string temporary = job.path + ".partial-" + std::to_string(random() % 1000000);
    struct RemoveUnlessKept {
        std::string path;
        bool keep = false;
        ~RemoveUnlessKept() {
            std::error_code ignored;
            if (!keep) fs::remove(path, ignored);
        }
    } cleanup{temporary};

    const char* muxer = job.format == VideoFormat::Mp4 ? "mp4" : job.format == VideoFormat::WebM ? "webm" : "gif";
    FormatContext format;
    if (const int made = avformat_alloc_output_context2(&format.context, nullptr, muxer, temporary.c_str()); made < 0)
        return fail(std::string("FFmpeg has no ") + muxer + " muxer: " + avError(made));
    const AVCodec* codec = nullptr;
    if (job.format == VideoFormat::Mp4) {
        codec = avcodec_find_encoder_by_name("libx264");
        if (!codec) codec = avcodec_find_encoder(AV_CODEC_ID_H264);
    } else if (job.format == VideoFormat::WebM) {
        codec = avcodec_find_encoder_by_name("libvpx-vp9");
        if (!codec) codec = avcodec_find_encoder(AV_CODEC_ID_VP9);
    } else {
        codec = avcodec_find_encoder(AV_CODEC_ID_GIF);
    }
    if (!codec) return fail(std::string("this FFmpeg has no encoder for ") + muxer);
    result.codec = codec->name;
    CodecContext encoder;
    encoder.context = avcodec_alloc_context3(codec);
    AVCodecContext* c = encoder.context;
    c->width = width;
    c->height = height;
    c->sample_aspect_ratio = AVRational{1, 1};
    // GIF delays are in hundredths of a second; the others count frames.
    const AVRational frameRate = av_d2q(job.fps, 1000);
    c->time_base = gif ? AVRational{1, 100} : av_inv_q(frameRate);
    c->framerate = frameRate;
    c->pix_fmt = gif ? AV_PIX_FMT_PAL8 : AV_PIX_FMT_YUV420P;
    if (!gif) { // said in the stream, so players do not guess (the conversion below uses the same)
        c->colorspace = AVCOL_SPC_BT709;
        c->color_primaries = AVCOL_PRI_BT709;
        c->color_trc = AVCOL_TRC_BT709;
        c->color_range = AVCOL_RANGE_MPEG;
    }
    c->gop_size = std::max(1, static_cast<int>(std::lround(job.fps * 2))); // a key frame every two seconds: seeking stays quick
    if (format.context->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary* codecOptions = nullptr;
    if (result.codec == "libx264") {
        // Maps are flat colours and thin lines: constant quality 20 keeps the text sharp, and
        // "veryfast" keeps a year of 1080p frames within a minute on two cores.
        av_dict_set(&codecOptions, "preset", "veryfast", 0);
        av_dict_set(&codecOptions, "crf", "20", 0);
        av_dict_set(&codecOptions, "tune", "animation", 0);
    } else if (result.codec == "libvpx-vp9") {
        av_dict_set(&codecOptions, "crf", "30", 0);
        av_dict_set(&codecOptions, "b", "0", 0);
        av_dict_set(&codecOptions, "deadline", "realtime", 0);
        av_dict_set(&codecOptions, "cpu-used", "8", 0);
        av_dict_set(&codecOptions, "row-mt", "1", 0);
    }
    const int opened = avcodec_open2(c, codec, &codecOptions);
    av_dict_free(&codecOptions);
    if (opened < 0) return fail("the " + result.codec + " encoder cannot start: " + avError(opened));
    AVStream* stream = avformat_new_stream(format.context, nullptr);
    if (!stream || avcodec_parameters_from_context(stream->codecpar, c) < 0) return fail("cannot add the video stream");
    stream->time_base = c->time_base;
    stream->avg_frame_rate = frameRate;
    for (const auto& [key, value] : job.metadata) av_dict_set(&format.context->metadata, key.c_str(), value.c_str(), 0);
    if (const int io = avio_open(&format.context->pb, temporary.c_str(), AVIO_FLAG_WRITE); io < 0)
        return fail("cannot write " + temporary + ": " + avError(io));
    AVDictionary* muxOptions = nullptr;
    if (job.format == VideoFormat::Mp4) av_dict_set(&muxOptions, "movflags", "+faststart", 0); // plays while it downloads
    const int header = avformat_write_header(format.context, &muxOptions);
    av_dict_free(&muxOptions);
    if (header < 0) return fail("cannot write the video's header: " + avError(header));
    format.headerWritten = true;

    Frame input;
    if (!bgraFrame(input, width, height)) return fail("out of memory for a frame");
    Frame converted;
    Packet packet;
    Scaler scaler;
    Graph graph;
    Frame palette;
    if (gif) {
        if (!makePalette(job, width, height, palette, failure)) return fail(failure.message);
        graph.source = addFilter(graph, "buffer", "in", bufferArguments(width, height, AV_PIX_FMT_BGRA), failure);
        graph.palette = addFilter(graph, "buffer", "palette", bufferArguments(palette.frame->width, palette.frame->height,
                                                                            static_cast<AVPixelFormat>(palette.frame->format)), failure);
        // Ordered (Bayer) dithering: the same pixel dithers the same way in every frame.
        AVFilterContext* use = addFilter(graph, "paletteuse", "paletteuse", "dither=bayer:bayer_scale=3:diff_mode=rectangle", failure);
        graph.sink = addFilter(graph, "buffersink", "out", "", failure);
        if (failure) return fail(failure.message);
        if (avfilter_link(graph.source, 0, use, 0) < 0 || avfilter_link(graph.palette, 0, use, 1) < 0 || avfilter_link(use, 0, graph.sink, 0) < 0 ||
            avfilter_graph_config(graph.graph, nullptr) < 0)
            return fail("the GIF's palette filter cannot be set up");
        palette.frame->pts = 0;
        if (av_buffersrc_add_frame(graph.palette, palette.frame) < 0) return fail("the GIF's palette was refused");
        if (av_buffersrc_add_frame(graph.palette, nullptr) < 0) return fail("the GIF's palette was refused"); // one palette for every frame
    } else {
        scaler.context = sws_getContext(width, height, AV_PIX_FMT_BGRA, width, height, AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr);
        converted.frame->format = AV_PIX_FMT_YUV420P;
        converted.frame->width = width;
        converted.frame->height = height;
        if (!scaler.context || av_frame_get_buffer(converted.frame, 0) < 0) return fail("cannot set up the colour conversion");
        // BT.709 into the limited range, as the stream says.
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(scaler.context, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
    }

    auto encode = [&](AVFrame* frame) {
        if (const int sent = avcodec_send_frame(c, frame); sent < 0) return failure.set("the encoder refused a frame: " + avError(sent));
        return drain(c, format.context, stream, packet, failure);
    };
    // Pushes one frame's pixels (already in `input`) through the conversion and the encoder.
    auto push = [&](std::int64_t index) {
        const std::int64_t pts = gif ? std::llround(double(index) * 100.0 / job.fps) : index;
        if (gif) {
            input.frame->pts = pts;
            if (av_buffersrc_add_frame_flags(graph.source, input.frame, AV_BUFFERSRC_FLAG_KEEP_REF) < 0) return failure.set("the GIF filter refused a frame");
            Frame mapped;
            while (av_buffersink_get_frame(graph.sink, mapped.frame) >= 0) { // its own pts: the time base is the buffer's, 1/100
                if (!encode(mapped.frame)) return false;
                av_frame_unref(mapped.frame);
            }
            return true;
        }
        if (av_frame_make_writable(converted.frame) < 0) return failure.set("out of memory for a frame");
        sws_scale(scaler.context, input.frame->data, input.frame->linesize, 0, height, converted.frame->data, converted.frame->linesize);
        converted.frame->pts = pts;
        return encode(converted.frame);
    };
    const int total = job.frameCount + std::max(0, job.holdLastFrames);
    for (int index = 0; index < total; ++index) {
        if (index < job.frameCount) {
            const VideoFramePixels pixels = job.frame(index);
            if (!pixels.bgra) return fail("frame " + std::to_string(index + 1) + " could not be drawn");
            if (!fillFrame(input.frame, pixels, job.width, job.height)) return fail("out of memory for a frame");
        }
        if (!push(index)) return fail(failure.message);
        if (job.progress && !job.progress(index + 1, total)) {
            result.cancelled = true;
            return result;
        }
    }
    if (gif) {
        // Whatever the palette filter still holds comes out at its end.
        if (av_buffersrc_add_frame(graph.source, nullptr) < 0) return fail("the GIF filter cannot finish");
        Frame mapped;
        while (av_buffersink_get_frame(graph.sink, mapped.frame) >= 0) {
            if (!encode(mapped.frame)) return fail(failure.message);
            av_frame_unref(mapped.frame);
        }
    }
    if (!encode(nullptr)) return fail(failure.message); // flush what the encoder holds
    format.trailerWritten = true;
    if (const int trailer = av_write_trailer(format.context); trailer < 0) return fail("cannot finish the video: " + avError(trailer));
    if (const int closed = avio_closep(&format.context->pb); closed < 0) return fail("cannot finish the video: " + avError(closed));
    std::error_code renamed;
    fs::rename(temporary, job.path, renamed);
    if (renamed) return fail("cannot replace " + job.path + ": " + renamed.message());
    cleanup.keep = true;
    return result;
}

} // namespace atlas
