#pragma once

#include "atlas/render/area_shading.h"
#include "atlas/render/scene.h"
#include "pull_comparison.h"
#include "reference_layers.h"
#include "visible_events_model.h"

#include <QImage>
#include <QPointer>
#include <QQuickItem>
#include <QTransform>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace atlas::ui {

/// The map's own layer above the basemap: draws the map scene (atlas/render/scene.h) of what
/// the map shows — control areas, lines and sites on the slider's date, and every event of the
/// window or its clusters. Events go into one scene-graph geometry (a million of them cannot be
/// map items); the few areas, lines and sites are painted with the snapshot's painter
/// (scenepainter.h) into one texture. Clicks are answered from the same scene.
/// The QML side reports how the map projects four reference coordinates; from them the layer
/// derives an exact projective mapping from Web Mercator to its pixels, which holds under zoom,
/// pan, bearing and tilt.
class SceneLayer : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(VisibleEventsModel* model READ model WRITE setModel NOTIFY modelChanged REQUIRED)
    /// The selected event's row (bound to AtlasSession::selectedRow), drawn on top with a halo.
    Q_PROPERTY(int selectedRow READ selectedRow WRITE setSelectedRow NOTIFY selectedRowChanged)
    /// The selected site, as a row of the situation's sites (SiteStatusModel), or -1.
    Q_PROPERTY(int selectedSite READ selectedSite WRITE setSelectedSite NOTIFY selectedSiteChanged)
    Q_PROPERTY(int drawnCount READ drawnCount NOTIFY drawnCountChanged)
    /// Above this many events inside the view, nearby events are drawn as clusters.
    Q_PROPERTY(int clusterThreshold READ clusterThreshold WRITE setClusterThreshold NOTIFY clusterThresholdChanged)
    /// Halos round incidents placed less than exactly (core's placementRadiusKm), on by default.
    Q_PROPERTY(bool placementHalos READ placementHalos WRITE setPlacementHalos NOTIFY placementHalosChanged)
    /// Two pulls compared (Data → Compare with another pull…): their changes are marked; may be null.
    Q_PROPERTY(PullComparison* comparison READ comparison WRITE setComparison NOTIFY comparisonChanged)
    /// The analyst's reference layers, drawn under everything else; may be null.
    Q_PROPERTY(ReferenceLayers* referenceLayers READ referenceLayers WRITE setReferenceLayers NOTIFY referenceLayersChanged)
    /// How many reference features the last scene draws.
    Q_PROPERTY(int referenceCount READ referenceCount NOTIFY sceneBuilt)
    /// How incidents are drawn: "symbols" (each its symbol, clustered when many), "hexagons"
    /// (counted per hexagon about 28 pixels across) or "heat" (kernel density, 14 pixels in
    /// radius), both on a scale fixed over the data.
    Q_PROPERTY(QString density READ density WRITE setDensity NOTIFY densityChanged)
    /// The hexagons' or heat's legend: [{label, colour}], empty with symbols.
    Q_PROPERTY(QVariantList densityLegend READ densityLegend NOTIFY sceneBuilt)
    /// What that legend counts, in words.
    Q_PROPERTY(QString densityTitle READ densityTitle NOTIFY sceneBuilt)
    Q_PROPERTY(int hexCount READ hexCount NOTIFY sceneBuilt)
    /// How many changes the last scene marks.
    Q_PROPERTY(int changeCount READ changeCount NOTIFY sceneBuilt)
    /// Whether the last scene has clusters.
    Q_PROPERTY(bool clustered READ clustered NOTIFY sceneBuilt)
    /// How many control areas, lines and sites the last scene draws (those of the slider's day).
    Q_PROPERTY(int areaCount READ areaCount NOTIFY sceneBuilt)
    Q_PROPERTY(int lineCount READ lineCount NOTIFY sceneBuilt)
    Q_PROPERTY(int siteCount READ siteCount NOTIFY sceneBuilt)
    /// [{x, y, count, label}] of the clusters of the last scene, for their numbers.
    Q_PROPERTY(QVariantList clusterLabels READ clusterLabels NOTIFY sceneBuilt)

public:
    explicit SceneLayer(QQuickItem* parent = nullptr);

    [[nodiscard]] VisibleEventsModel* model() const { return m_model; }
    void setModel(VisibleEventsModel* model);
    [[nodiscard]] int selectedRow() const { return m_selectedRow; }
    void setSelectedRow(int row);
    [[nodiscard]] int selectedSite() const { return m_selectedSite; }
    void setSelectedSite(int site);
    [[nodiscard]] int drawnCount() const { return static_cast<int>(m_scene.eventsInView); }
    [[nodiscard]] int clusterThreshold() const { return m_clusterThreshold; }
    [[nodiscard]] bool placementHalos() const { return m_placementHalos; }
    void setPlacementHalos(bool on);
    [[nodiscard]] PullComparison* comparison() const { return m_comparison; }
    void setComparison(PullComparison* comparison);
    [[nodiscard]] ReferenceLayers* referenceLayers() const { return m_referenceLayers; }
    void setReferenceLayers(ReferenceLayers* layers);
    [[nodiscard]] int referenceCount() const { return static_cast<int>(m_scene.reference.size()); }
    [[nodiscard]] QString density() const { return m_density; }
    void setDensity(const QString& density);
    [[nodiscard]] QVariantList densityLegend() const { return m_densityLegend; }
    [[nodiscard]] QString densityTitle() const { return m_densityTitle; }
    [[nodiscard]] int hexCount() const { return static_cast<int>(m_scene.hexes.size()); }
    [[nodiscard]] int changeCount() const { return static_cast<int>(m_scene.changes.size()); }
    void setClusterThreshold(int threshold);
    [[nodiscard]] bool clustered() const { return m_scene.clustered(); }
    [[nodiscard]] QVariantList clusterLabels() const { return m_clusterLabels; }
    [[nodiscard]] int areaCount() const { return static_cast<int>(m_scene.areas.size()); }
    [[nodiscard]] int lineCount() const { return static_cast<int>(m_scene.lines.size()); }
    [[nodiscard]] int siteCount() const { return static_cast<int>(m_scene.sites.size()); }

    /// Tells the layer where the map draws four coordinates (latitudes[i], longitudes[i]):
    /// screenPoints[i] is a QPointF in this item's coordinates.
    Q_INVOKABLE void setViewMapping(const QList<qreal>& latitudes, const QList<qreal>& longitudes,
                                    const QVariantList& screenPoints);
    /// What is drawn at (x, y), topmost first: {kind: "event" | "cluster" | "site" | "", row
    /// (the event's or the site's row, -1 for a cluster), count (events under it)}.
    Q_INVOKABLE QVariantMap hitAt(qreal x, qreal y) const;
    /// The rows of every incident whose symbol is at (x, y), the topmost first.
    Q_INVOKABLE QVariantList rowsAt(qreal x, qreal y) const;
    /// The row of the event drawn at (x, y), or -1 (also over a cluster or a site).
    Q_INVOKABLE int rowAt(qreal x, qreal y) const;
    /// How many events the cluster drawn at (x, y) holds, or 0 where there is none.
    Q_INVOKABLE int clusterSizeAt(qreal x, qreal y) const;
    /// The row of the site drawn at (x, y) (nearest within reach), or -1.
    Q_INVOKABLE int siteAt(qreal x, qreal y) const;
    /// The line or control area drawn at a point (core's situationAt): {kind: "line"/"area",
    /// id, name}, or {kind: ""}.
    Q_INVOKABLE QVariantMap situationAt(qreal x, qreal y) const;
    /// Where the symbol of `row` is drawn, in this item's coordinates.
    Q_INVOKABLE QPointF positionOfRow(int row) const;
    /// The marks of the last scene (atlas::ui::describeMarks).
    Q_INVOKABLE QVariantList drawnMarks() const;

    /// The scene of the last frame and the view it was built for (tests, snapshots as shown).
    [[nodiscard]] const atlas::render::Scene& scene() const { return m_scene; }
    [[nodiscard]] atlas::render::ViewTransform viewTransform() const;

signals:
    void modelChanged();
    void selectedRowChanged();
    void selectedSiteChanged();
    void drawnCountChanged();
    void clusterThresholdChanged();
    void placementHalosChanged();
    void comparisonChanged();
    void referenceLayersChanged();
    void densityChanged();
    void sceneBuilt();

protected:
    void updatePolish() override;
    QSGNode* updatePaintNode(QSGNode* oldNode, UpdatePaintNodeData* data) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;

private:
    void connectTimeline();
    void resetDrawOrder();
    void rebuildDrawOrder();
    void rowsChanged();
    void refresh(); // rebuild the scene before the next paint
    void updateSelectedMark();
    /// The row a hit names: the event's in the model, the site's, or -1.
    [[nodiscard]] int rowOf(const atlas::render::SceneHit& hit) const;

    QPointer<VisibleEventsModel> m_model;
    QPointer<Timeline> m_timeline;
    // Built on the GUI thread (updatePolish); the render thread only reads them while the GUI
    // thread waits (updatePaintNode).
    atlas::render::Scene m_scene;
    QImage m_situation;          // the areas, lines and sites, painted
    QRectF m_situationRect;      // where m_situation goes in the item
    bool m_situationDirty = true;      // the view, its size or the selected site changed: paint again
    bool m_situationUploaded = false;  // the texture holds m_situation
    std::vector<std::uint64_t> m_situationPainted; // what m_situation shows, to skip days that change nothing
    QVariantList m_clusterLabels;
    QTransform m_mercatorToItem;
    bool m_hasMapping = false;
    std::vector<std::uint32_t> m_drawOrder; // the rows' events, largest symbols first
    std::vector<atlas::render::EventSymbol> m_drawSymbols; // their symbols, in the same order
    int m_clusterThreshold = atlas::map_style::kClusterThreshold;
    bool m_placementHalos = true;
    QPointer<PullComparison> m_comparison;
    QPointer<ReferenceLayers> m_referenceLayers;
    QString m_density = QStringLiteral("symbols");
    // The hexbin layer of the last frame, and its scale's classes with what they were worked out
    // for (the filter without its window, the window's length in it, the hexagons' size).
    atlas::render::HexbinLayer m_hexbins;
    struct HexScaleKey {
        atlas::EventFilter filter; // without its window
        int windowDays = 0;
        double size = 0;
        bool operator==(const HexScaleKey&) const = default;
    };
    std::optional<HexScaleKey> m_hexScaleFor;
    std::vector<std::uint64_t> m_hexClasses;
    QVariantList m_densityLegend;
    QString m_densityTitle;
    quint64 m_referencePainted = ~0ull; // the reference layers' generation the texture shows
    std::vector<atlas::render::ChangeSpot> m_changeSpots; // the scene request's, kept while it is built
    int m_selectedRow = -1;
    int m_selectedSite = -1;
};

} // namespace atlas::ui
