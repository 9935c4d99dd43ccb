#pragma once

#include "atlas/geo/polygon_index.h"
#include "atlas/geo/reference_layer.h"
#include "atlas/io/project.h"
#include "atlas/query/query.h"
#include "atlas/render/area_shading.h"
#include "atlas/render/scene.h"
#include "filter_settings.h"
#include "visible_events_model.h"

#include <QAbstractListModel>
#include <QDate>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>
#include <vector>

namespace atlas::ui {

/// The Layers panel: the analyst's reference layers (boundaries, roads, camps — any file GDAL
/// reads, through core's readReferenceLayers), each shown or hidden, with its opacity, outline
/// and label field; and incidents per area: one layer coloured by the incidents (or killed) of
/// the window and filters in each area, on a scale fixed over the whole data (so the colours
/// mean the same on every day), or by the change against a second period. Counting is core's
/// (locateEvents, EventIndex::countByArea and areaPeaks), as `conflict-atlas aggregate` counts.
class ReferenceLayers : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the session")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// The layer coloured by incidents (a row), or -1 for none.
    Q_PROPERTY(int choroplethLayer READ choroplethLayer WRITE setChoroplethLayer NOTIFY choroplethChanged)
    /// What the colours count: "events" or "killed".
    Q_PROPERTY(QString measure READ measure WRITE setMeasure NOTIFY choroplethChanged)
    /// Two periods compared: the earlier period's days (A); the window is B. Invalid dates: off.
    Q_PROPERTY(QDate compareFrom READ compareFrom NOTIFY choroplethChanged)
    Q_PROPERTY(QDate compareTo READ compareTo NOTIFY choroplethChanged)
    Q_PROPERTY(bool comparing READ comparing NOTIFY choroplethChanged)
    /// The choropleth's legend: [{label, colour}] and its title.
    Q_PROPERTY(QVariantList legend READ legend NOTIFY countsChanged)
    Q_PROPERTY(QString legendTitle READ legendTitle NOTIFY countsChanged)
    /// The areas with the most (or, comparing, the largest changes): [{feature, name, events,
    /// killed, before, change, band}], at most 12.
    Q_PROPERTY(QVariantList topAreas READ topAreas NOTIFY countsChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        FileRole,
        ShownRole,
        OpacityRole,
        OutlineRole,
        LabelFieldRole,
        FieldsRole,
        FeatureCountRole,
        AreaCountRole,
        CrsRole,
    };
    Q_ENUM(Role)

    explicit ReferenceLayers(QObject* parent = nullptr);
    ~ReferenceLayers() override;

    void setSources(VisibleEventsModel* events, FilterSettings* filters);

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(m_layers.size()); }

    /// Reads `file` (every layer in it that has features); "" when it was added, else what
    /// went wrong, file and layer named. Warnings are kept in `problems`.
    Q_INVOKABLE QString addFile(const QUrl& file);
    Q_INVOKABLE QString addPath(const QString& path);
    /// The warnings of the last file added (invalid polygons, a missing .prj …), a line each.
    Q_INVOKABLE QString problems() const { return m_problems; }
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void setShown(int row, bool shown);
    Q_INVOKABLE void setOpacity(int row, double opacity);
    Q_INVOKABLE void setOutline(int row, bool outline);
    /// The field labelling the layer's features on the map; "" for no labels.
    Q_INVOKABLE void setLabelField(int row, const QString& field);

    [[nodiscard]] int choroplethLayer() const { return m_choropleth; }
    void setChoroplethLayer(int row);
    [[nodiscard]] QString measure() const { return m_measureKilled ? QStringLiteral("killed") : QStringLiteral("events"); }
    void setMeasure(const QString& measure);
    [[nodiscard]] QDate compareFrom() const { return m_compareFrom; }
    [[nodiscard]] QDate compareTo() const { return m_compareTo; }
    [[nodiscard]] bool comparing() const { return m_compareFrom.isValid() && m_compareTo.isValid(); }
    /// Compares the window (B) with the days from–to (A); typed as in the date field ("2020-10-01").
    Q_INVOKABLE bool compareWith(const QString& from, const QString& to);
    Q_INVOKABLE void stopComparing();
    [[nodiscard]] QVariantList legend() const { return m_legend; }
    [[nodiscard]] QString legendTitle() const { return m_legendTitle; }
    [[nodiscard]] QVariantList topAreas() const { return m_topAreas; }

    /// The area of the topmost shown layer with areas at (latitude, longitude): {layer, feature,
    /// name, layerName, events, killed, bySide: [{label, colour, count}], byType: [{label,
    /// count}], before, change} for the window and filters; empty where no area is.
    Q_INVOKABLE QVariantMap areaAt(double latitude, double longitude) const;
    /// Keeps only incidents inside that area (the filter's region), or lifts it.
    Q_INVOKABLE void filterToArea(int row, int feature);
    /// The choropleth's table (CSV as `conflict-atlas aggregate` writes it) into `file`; "" or the problem.
    Q_INVOKABLE QString exportTable(const QUrl& file) const;

    /// The layers and the colouring as a project keeps them (paths as read: absolute).
    [[nodiscard]] std::vector<atlas::ProjectLayer> projectLayers() const;
    [[nodiscard]] atlas::ProjectAreaColouring projectColouring() const;
    /// Replaces the layers by a project's (paths resolved already); the problems of those that
    /// could not be read, as diagnostics naming their file.
    std::vector<atlas::Diagnostic> restore(const std::vector<atlas::ProjectLayer>& layers, const atlas::ProjectAreaColouring& colouring);
    Q_INVOKABLE void clear();

    /// How the shown layers are drawn, bottom first (the scene's input; valid until the next change).
    [[nodiscard]] const std::vector<atlas::render::ReferenceLayerStyle>& styles() const { return m_styles; }
    /// `shown` moved to the compared period (A), when comparing.
    [[nodiscard]] atlas::EventFilter comparedFilter(const atlas::EventFilter& shown) const;
    /// The choropleth's fills and legend (empty when no layer is coloured).
    [[nodiscard]] const atlas::render::AreaShading& shading() const { return m_shading; }
    /// The coloured layer's fills and legend for another window of the same length (a frame of
    /// an animation), on the same fixed scale; empty without a coloured layer.
    [[nodiscard]] atlas::render::AreaShading shadingFor(const atlas::EventFilter& shown) const;
    /// Changes with anything that alters the drawing (a repaint is due).
    [[nodiscard]] quint64 generation() const { return m_generation; }
    /// A layer's data (tests, snapshots).
    [[nodiscard]] const atlas::ReferenceLayer* layer(int row) const;

signals:
    void countChanged();
    void choroplethChanged();
    void countsChanged();
    /// Something drawn changed: layers, their look, or the choropleth's colours.
    void drawingChanged();

private:
    struct Entry;
    void restyle();
    void recount();
    void relocate();


    QPointer<VisibleEventsModel> m_events;
    QPointer<FilterSettings> m_filters;
    std::vector<std::unique_ptr<Entry>> m_layers;
    std::vector<atlas::render::ReferenceLayerStyle> m_styles;
    QString m_problems;
    int m_choropleth = -1;
    bool m_measureKilled = false;
    QDate m_compareFrom, m_compareTo;
    // The choropleth's state: each event's area (per dataset and layer), the counts of the
    // shown filter, the fixed scale's classes (per filter without its window, and window length).
    const atlas::Dataset* m_locatedFor = nullptr;
    std::vector<std::int32_t> m_areaOfEvent;
    atlas::AreaCounts m_counts;
    std::optional<atlas::AreaCounts> m_before;
    std::optional<atlas::EventFilter> m_peakFilter;
    int m_peakDays = 0;
    std::vector<std::uint64_t> m_classes;
    atlas::render::AreaShading m_shading;
    QVariantList m_legend, m_topAreas;
    QString m_legendTitle;
    quint64 m_generation = 0;
};

} // namespace atlas::ui
