#include "atlas/io/load_control.h"
#include "atlas/model/diagnostic_codes.h"

#include <filesystem>
#include <fstream>
#include <vector>

namespace atlas::detail {

namespace {

// A read buffer over a file that counts what passes through and stops when cancelled.
class ObservedFileBuffer : public std::streambuf {
public:
    ObservedFileBuffer(const std::string& path, const LoadControl* control) : m_control(control), m_buffer(1 << 16) {
        m_file.open(path, std::ios::binary | std::ios::in);
        std::error_code error;
        m_total = std::filesystem::file_size(path, error);
        if (error) m_total = 0;
    }
    bool isOpen() const { return m_file.is_open(); }
    bool cancelled() const { return m_cancelled; }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (m_control && m_control->cancel && m_control->cancel->load(std::memory_order_relaxed)) {
            m_cancelled = true;
            return traits_type::eof();
        }
        const std::streamsize n = m_file.sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        if (n <= 0) return traits_type::eof();
        m_read += static_cast<std::uint64_t>(n);
        if (m_control && m_control->progress && (m_read - m_reported >= (1u << 20) || m_read == m_total)) {
            m_reported = m_read;
            m_control->progress(m_read, m_total);
        }
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + n);
        return traits_type::to_int_type(*gptr());
    }

private:
    const LoadControl* m_control;
    bool m_cancelled = false;
    std::filebuf m_file;
    std::vector<char> m_buffer;
    std::uint64_t m_total = 0, m_read = 0, m_reported = 0;
};

class ObservedFileStream : public InputFile {
public:
    ObservedFileStream(const std::string& path, const LoadControl* control) : m_buffer(path, control) {
        rdbuf(&m_buffer);
        if (!m_buffer.isOpen()) setstate(std::ios::failbit);
    }
    [[nodiscard]] bool cancelled() const override { return m_buffer.cancelled(); }

private:
    ObservedFileBuffer m_buffer;
};

} // namespace

std::unique_ptr<InputFile> openInput(const std::string& path, const LoadControl* control) {
    auto stream = std::make_unique<ObservedFileStream>(path, control);
    if (!*stream) return nullptr;
    return stream;
}

LoadResult cancelledLoad(const std::string& path) {
    LoadResult cancelled;
    cancelled.diagnostics.push_back({Severity::Fatal, codes::kLoadCancelled, "loading was cancelled", path, 0, 0, {}, {}});
    return cancelled;
}

} // namespace atlas::detail
