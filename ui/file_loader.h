#pragma once

#include "atlas/io/geojson.h"
#include "atlas/io/native_format.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace atlas::ui {

/// Reads one file on a worker thread through core (atlas::readAnyFile), with progress for a
/// bar and a way to stop it; one file at a time. What to do with the result is the caller's
/// (AtlasDocument): `finished` says it is there, takeResult() hands it over.
class FileLoader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~FileLoader() override; // a load still running is cancelled and waited for

    [[nodiscard]] bool busy() const { return m_thread != nullptr; }
    /// 0..1 of the file read so far.
    [[nodiscard]] double progress() const { return m_progress; }
    /// Starts reading `path`; false when a load is already running.
    bool start(const QString& path, const atlas::GeoJsonOptions& geoJson);
    /// Asks the reader to stop at its next buffer; `finished` follows with a cancelled result.
    void cancel();
    /// The result of the load that finished (once).
    [[nodiscard]] atlas::LoadResult takeResult();
    /// Whether the load that finished was stopped by cancel().
    [[nodiscard]] bool wasCancelled() const;

signals:
    void progressChanged();
    void finished();

private:
    struct Shared {
        std::atomic<bool> cancel{false};
        std::atomic<double> progress{0.0};
        atlas::LoadResult result;
    };
    std::shared_ptr<Shared> m_shared;
    QThread* m_thread = nullptr;
    QTimer* m_progressTimer = nullptr;
    double m_progress = 0.0;
};

} // namespace atlas::ui
