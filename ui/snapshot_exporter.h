#pragma once

#include "atlas_session.h"
#include "reference_layers.h"

#include "snapshot.h"
#include "visible_events_model.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

/// File → Export snapshot, Export animation and Print layout: writes what the map shows now
/// (its area, the timeline's window, the filters) as a PNG, PDF or SVG, a video or GIF of a
/// span of days, or a page, through the same renderer as `conflict-atlas export`; each with
/// its recipe inside and beside it (atlas/io/recipe.h) when a session is given.
class SnapshotExporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(VisibleEventsModel* events READ events WRITE setEvents NOTIFY eventsChanged REQUIRED)
    Q_PROPERTY(QString tileDirectory READ tileDirectory WRITE setTileDirectory NOTIFY tileDirectoryChanged)
    /// Placement halos as the map shows them (on unless the map's are off).
    Q_PROPERTY(bool placementHalos MEMBER m_placementHalos NOTIFY placementHalosChanged)
    /// The reference layers and incidents per area, drawn as the map draws them; may be null.
    Q_PROPERTY(ReferenceLayers* layers MEMBER m_layers NOTIFY layersChanged)
    /// "symbols" or "hexagons", as the map draws incidents.
    Q_PROPERTY(QString density MEMBER m_density NOTIFY layersChanged)
    /// What the recipes are made from (files, mappings, filters, day, window); may be null.
    Q_PROPERTY(AtlasSession* session MEMBER m_session NOTIFY layersChanged)
    /// An animation being encoded (on a worker thread), and how far it is (0 to 1).
    Q_PROPERTY(bool animating READ animating NOTIFY animationChanged)
    Q_PROPERTY(double animationProgress READ animationProgress NOTIFY animationChanged)

public:
    using QObject::QObject;
    /// An animation still being written is cancelled and waited for.
    ~SnapshotExporter() override;
    [[nodiscard]] VisibleEventsModel* events() const { return m_events; }
    void setEvents(VisibleEventsModel* events);
    [[nodiscard]] QString tileDirectory() const { return m_tileDirectory; }
    void setTileDirectory(const QString& directory);

    /// Writes the snapshot of the area west..east × south..north at width × height pixels,
    /// clustered as the map is (above `clusterThreshold` events in view); returns a sentence
    /// for the user (where it went, or what went wrong).
    Q_INVOKABLE QString exportTo(const QUrl& location, double west, double south, double east, double north, int width,
                                 int height, int clusterThreshold) const;

    /// A print layout of that area (`layout`: paper A4|A3|letter, landscape, dpi, title,
    /// subtitle, notes) written to `location` (.pdf, .png, .svg); a sentence for the user.
    Q_INVOKABLE QString exportLayout(const QUrl& location, const QVariantMap& layout, double west, double south, double east,
                                     double north) const;
    /// The page of that layout drawn at most `width` pixels wide into a temporary PNG, for the
    /// dialog's live preview: its URL (a new one each time, so an Image reloads it).
    Q_INVOKABLE QUrl previewLayout(const QVariantMap& layout, double west, double south, double east, double north, int width);

    /// Starts encoding the animation of that area (`animation`: from, to (YYYY-MM-DD), windowDays
    /// (0: everything up to each day), fps, holdSeconds, width, height) into `location` (.mp4,
    /// .webm, .gif) on a worker thread; animationFinished says how it ended. "" when started,
    /// else why not.
    Q_INVOKABLE QString startAnimation(const QUrl& location, const QVariantMap& animation, double west, double south, double east,
                                       double north);
    Q_INVOKABLE void cancelAnimation() { m_cancel = true; }
    /// Its first frame as a temporary PNG at most `width` pixels wide (the dialog's preview).
    Q_INVOKABLE QUrl previewAnimation(const QVariantMap& animation, double west, double south, double east, double north, int width);
    [[nodiscard]] bool animating() const { return m_animating; }
    [[nodiscard]] double animationProgress() const { return m_progress; }

    /// The marks the snapshot of that area would draw (atlas::ui::describeMarks).
    Q_INVOKABLE QVariantList drawnMarks(double west, double south, double east, double north, int width, int height,
                                        int clusterThreshold) const;

signals:
    void layersChanged();
    void eventsChanged();
    void tileDirectoryChanged();
    void placementHalosChanged();
    void animationChanged();
    /// An animation ended: `message` for the user; `written` false when cancelled or failed.
    void animationFinished(const QString& message, bool written);

private:
    [[nodiscard]] SnapshotView viewOf(double west, double south, double east, double north, int width, int height,
                                             int clusterThreshold) const;
    QPointer<VisibleEventsModel> m_events;
    QString m_tileDirectory;
    bool m_placementHalos = true;
    QPointer<ReferenceLayers> m_layers;
    QString m_density = QStringLiteral("symbols");
    QPointer<AtlasSession> m_session;
    // The view of a page (`layout`) or of an animation's frame (`animation`, frame `index`).
    [[nodiscard]] SnapshotView layoutView(const QVariantMap& layout, double west, double south, double east, double north) const;
    [[nodiscard]] std::vector<SnapshotView> animationFrames(const QVariantMap& animation, double west, double south, double east,
                                                            double north, QString& problem) const;
    // The recipe of `view` as written into it, and written beside `path` after.
    [[nodiscard]] atlas::Recipe recipeOf(const SnapshotView& view, const QString& format) const;
    // Writes `view` to `path` with its recipe inside and beside it (with a session); `saved`
    // (%1: the file's name) or `notSaved` (%1: why) for the user.
    [[nodiscard]] QString writePicture(SnapshotView view, const QString& path, const QString& saved, const QString& notSaved) const;
    [[nodiscard]] QString previewPath(const QString& stem);
    QTemporaryDir m_previews;
    int m_previewCount = 0;
    bool m_animating = false;
    double m_progress = 0;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_framesDone{0};
    QPointer<QThread> m_worker;
};

} // namespace atlas::ui
