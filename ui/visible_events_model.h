#pragma once

#include "atlas/geo/geo.h"
#include "atlas/style/style.h"
#include "atlas_document.h"
#include "symbology.h"
#include "filter_settings.h"
#include "timeline.h"
#include "window_query.h"

#include <QAbstractListModel>
#include <QColor>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <array>
#include <vector>



namespace atlas::ui {

/// The events inside the timeline's window that pass the filters, in date order. The map
/// layer and the legend read it; details(row) gives everything the details panel shows.
/// Datasets of asyncThreshold events or more are queried on a worker thread (a newer query
/// supersedes an older one, `busy` is true meanwhile); smaller ones answer in well under a
/// millisecond, so they are queried at once and the map never shows a stale frame.
class VisibleEventsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AtlasDocument* document READ document WRITE setDocument NOTIFY documentChanged REQUIRED)
    Q_PROPERTY(Timeline* timeline READ timeline WRITE setTimeline NOTIFY timelineChanged REQUIRED)
    Q_PROPERTY(FilterSettings* filters READ filters WRITE setFilters NOTIFY filtersChanged)
    Q_PROPERTY(int asyncThreshold READ asyncThreshold WRITE setAsyncThreshold NOTIFY asyncThresholdChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int killedLowerBound READ killedLowerBound NOTIFY countChanged)
    Q_PROPERTY(QVariantList legend READ legend NOTIFY legendChanged)

public:
    enum Role {
        EventIdRole = Qt::UserRole + 1,
        DateRole,
        TypeRole,
        SideRole,
        ColourRole,
        KilledRole,
        PlaceRole,
        SummaryRole,
    };
    Q_ENUM(Role)

    explicit VisibleEventsModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] AtlasDocument* document() const { return m_document; }
    void setDocument(AtlasDocument* document);
    [[nodiscard]] Timeline* timeline() const { return m_timeline; }
    void setTimeline(Timeline* timeline);
    [[nodiscard]] FilterSettings* filters() const { return m_filters; }
    void setFilters(FilterSettings* filters);
    [[nodiscard]] int asyncThreshold() const { return m_query.asyncThreshold(); }
    void setAsyncThreshold(int events);
    [[nodiscard]] bool busy() const { return m_query.busy(); }
    /// The filter the shown events answer (time window included).
    [[nodiscard]] const atlas::EventFilter& shownFilter() const { return m_shownFilter; }
    [[nodiscard]] int count() const { return static_cast<int>(m_positions.size()); }
    /// Sum of the lower bounds of those reported killed in the window (for the caption).
    [[nodiscard]] int killedLowerBound() const { return m_killedLowerBound; }
    /// [{label, colour, count, shown}] per side present in the dataset, for the legend: `count`
    /// in the whole dataset, `shown` among the events shown now.
    [[nodiscard]] QVariantList legend() const { return m_legend; }

    /// Everything known about the event in `row`; empty for a row outside the model.
    Q_INVOKABLE QVariantMap details(int row) const;
    /// The row of the event with this id, or -1.
    Q_INVOKABLE int rowOfEvent(const QString& eventId) const;

    /// The events of the rows, as positions in the dataset's events.
    [[nodiscard]] const std::vector<std::uint32_t>& positions() const { return m_positions; }
    /// The row showing the event at `position` in the dataset, or -1.
    [[nodiscard]] int rowOfPosition(std::uint32_t position) const;
    /// Every event's symbol in dataset order (atlas::render::resolveSymbols), once per dataset.
    [[nodiscard]] const std::vector<atlas::render::EventSymbol>& datasetSymbols() const { return m_datasetSymbols; }

    /// The filter of what is shown: the filters' narrowing within the timeline's window.
    [[nodiscard]] atlas::EventFilter currentFilter() const;

signals:
    void documentChanged();
    void timelineChanged();
    void filtersChanged();
    void asyncThresholdChanged();
    void busyChanged();
    void countChanged();
    void legendChanged();
    /// The rows now answer shownFilter() (after every query, even one that changed no row).
    void shownChanged();

private:
    void onDocumentChanged();
    void rebuild();
    /// `bySide` counts the shown events per side (from the query's breakdown).
    void show(const std::vector<std::uint32_t>& positions, atlas::EventFilter filter,
              const std::array<std::uint32_t, atlas::kSideCount>& bySide);
    /// Moves from the shown rows to `next` by removing and inserting rows at the ends when
    /// the window only slid (views keep their delegates); false when that is not the case.
    // Any other change that keeps the rows both lists have in order: removals and insertions
    // in runs where they fall. False (a reset instead) when the kept rows were reordered.
    bool editTo(const std::vector<std::uint32_t>& next);
    bool slideTo(std::vector<std::uint32_t>& next);
    void rebuildStyles();
    void rebuildLegend();

    QPointer<AtlasDocument> m_document;
    QPointer<Timeline> m_timeline;
    QPointer<FilterSettings> m_filters;
    WindowQuery m_query; // which events the filter selects, at once or off the UI thread
    atlas::EventFilter m_shownFilter;
    std::vector<std::uint32_t> m_positions; ///< the rows' events
    std::vector<atlas::render::EventSymbol> m_datasetSymbols;
    QVariantList m_legend;
    int m_killedLowerBound = 0;
};

} // namespace atlas::ui
