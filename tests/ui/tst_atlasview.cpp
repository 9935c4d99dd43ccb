#include <QColor>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <QImage>
#include <QObject>
#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(ConflictAtlasPlugin)


// Reads pixels of image files for the QML tests (a snapshot written to disk, compared with
// the window's own pixels).
class ImageFiles : public QObject {
    Q_OBJECT
public:
    Q_INVOKABLE QColor pixel(const QString& path, int x, int y) const {
        const QImage image(path);
        if (image.isNull() || !image.valid(x, y)) return {};
        return image.pixelColor(x, y);
    }
    Q_INVOKABLE QSize size(const QString& path) const { return QImage(path).size(); }
    /// Where a test may leave pictures of what it drove, to be looked at by a person:
    /// $ATLAS_TEST_SCREENSHOTS, or "" (none are taken).
    Q_INVOKABLE QString screenshotFolder() const { return qEnvironmentVariable("ATLAS_TEST_SCREENSHOTS"); }
    /// A folder of z/x/y.png tiles, every one of `colour`, covering north-west Syria from zoom
    /// `from` to `to` (a local tile folder as an air-gapped network would have one).
    Q_INVOKABLE QString makeTileFolder(const QString& colour, int from, int to) {
        if (!m_folder.isValid()) return {};
        QImage tile(256, 256, QImage::Format_RGB32);
        tile.fill(QColor(colour));
        for (int z = from; z <= to; ++z) {
            const double n = std::ldexp(1.0, z);
            auto column = [&](double lon) { return static_cast<int>((lon + 180.0) / 360.0 * n); };
            auto row = [&](double lat) {
                const double r = lat * M_PI / 180.0;
                return static_cast<int>((1.0 - std::log(std::tan(r) + 1.0 / std::cos(r)) / M_PI) / 2.0 * n);
            };
            for (int x = column(35.0); x <= column(38.5); ++x)
                for (int y = row(37.2); y <= row(34.8); ++y) {
                    const QString dir = m_folder.filePath(QStringLiteral("%1/%2").arg(z).arg(x));
                    QDir().mkpath(dir);
                    tile.save(dir + QStringLiteral("/%1.png").arg(y));
                }
        }
        return m_folder.path();
    }

private:
    QTemporaryDir m_folder;
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    // Edit journals in a test folder, empty at the start (a journal left would hold edits back).
    void applicationAvailable() {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/journals")).removeRecursively();
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        qmlRegisterSingletonInstance("ConflictAtlasTests", 1, 0, "ImageFiles", &m_images);
        Q_UNUSED(engine);
    }

private:
    ImageFiles m_images;
};

QUICK_TEST_MAIN_WITH_SETUP(atlas_view, Setup)

#include "tst_atlasview.moc"
