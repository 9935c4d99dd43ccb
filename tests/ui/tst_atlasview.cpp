#include <QColor>
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
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        qmlRegisterSingletonInstance("ConflictAtlasTests", 1, 0, "ImageFiles", &m_images);
        Q_UNUSED(engine);
    }

private:
    ImageFiles m_images;
};

QUICK_TEST_MAIN_WITH_SETUP(atlas_view, Setup)

#include "tst_atlasview.moc"
