#include "atlasdocument.h"

#include "atlas/native_format.h"

#include <QFile>
#include <QFileInfo>

AtlasDocument::AtlasDocument(QObject* parent)
    : QObject(parent), m_dataset(std::make_shared<atlas::Dataset>()) {}

bool AtlasDocument::open(const QUrl& location) {
    atlas::LoadResult result;
    QString displayName;
    if (location.scheme() == QLatin1String("qrc")) {
        // Bundled resources are not on disk; hand core the bytes to read.
        const QString resourcePath = QLatin1Char(':') + location.path();
        QFile file(resourcePath);
        displayName = location.fileName();
        if (!file.open(QIODevice::ReadOnly)) {
            m_errorText = tr("Cannot open the bundled file %1").arg(resourcePath);
            emit datasetChanged();
            return false;
        }
        const QByteArray bytes = file.readAll();
        result = atlas::readNativeText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                       displayName.toStdString());
    } else {
        const QString path = location.isLocalFile() ? location.toLocalFile() : location.toString();
        displayName = QFileInfo(path).fileName();
        result = atlas::readNativeFile(path.toStdString());
    }

    m_diagnostics.clear();
    for (const atlas::Diagnostic& diagnostic : result.diagnostics)
        m_diagnostics << QString::fromStdString(diagnostic.toString());
    if (result.failed()) {
        m_errorText = m_diagnostics.isEmpty() ? tr("Cannot read %1").arg(displayName) : m_diagnostics.first();
        emit datasetChanged();
        return false;
    }
    auto dataset = std::make_shared<atlas::Dataset>(std::move(result.dataset));
    dataset->reindexActors(); // the move keeps the actor vector, but rebuild the lookup to be safe
    m_timeIndex = atlas::EventTimeIndex(*dataset);
    m_dataset = std::move(dataset);
    m_sourceName = displayName;
    m_partial = result.partial();
    m_errorText = m_partial ? tr("Partly loaded: some items had errors and were skipped") : QString();
    m_loaded = true;
    emit datasetChanged();
    return true;
}

QString AtlasDocument::title() const {
    const QString title = QString::fromStdString(m_dataset->metadata.title);
    return title.isEmpty() ? m_sourceName : title;
}
