#include "file_loader.h"

#include "atlas/io/load_control.h"
#include "atlas/io/read_any.h"
#include "atlas/model/diagnostic_codes.h"

namespace atlas::ui {

FileLoader::~FileLoader() {
    if (m_thread) {
        m_shared->cancel = true;
        m_thread->wait();
    }
}

bool FileLoader::start(const QString& path, const atlas::GeoJsonOptions& geoJson) {
    if (m_thread) return false;
    m_shared = std::make_shared<Shared>();
    m_progress = 0.0;
    auto shared = m_shared;
    m_thread = QThread::create([shared, file = path.toStdString(), geoJson] {
        atlas::LoadControl control;
        control.cancel = &shared->cancel;
        control.progress = [&shared](std::uint64_t done, std::uint64_t total) {
            shared->progress = total > 0 ? double(done) / double(total) : 0.0;
        };
        shared->result = atlas::readAnyFile(file, {geoJson, &control});
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_progressTimer->stop();
        m_thread->deleteLater();
        m_thread = nullptr;
        m_progress = 1.0;
        emit progressChanged();
        emit finished();
    });
    if (!m_progressTimer) {
        // The reader updates an atomic; the bar follows it ten times a second.
        m_progressTimer = new QTimer(this);
        m_progressTimer->setInterval(100);
        connect(m_progressTimer, &QTimer::timeout, this, [this] {
            if (!m_shared) return;
            m_progress = m_shared->progress;
            emit progressChanged();
        });
    }
    m_progressTimer->start();
    m_thread->start();
    emit progressChanged();
    return true;
}

void FileLoader::cancel() {
    if (m_shared && m_thread) m_shared->cancel = true;
}

atlas::LoadResult FileLoader::takeResult() {
    if (!m_shared) return {};
    atlas::LoadResult result = std::move(m_shared->result);
    m_shared->result = {};
    return result;
}

bool FileLoader::wasCancelled() const {
    return m_shared && !m_shared->result.diagnostics.empty() && m_shared->result.diagnostics.front().code == atlas::codes::kLoadCancelled;
}

} // namespace atlas::ui
