#pragma once

#include "atlas_document.h"
#include "timeline.h"

#include <QAbstractListModel>
#include <QColor>
#include <QGeoCoordinate>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace atlas::ui {

/// Common base of the models that show what was true on the timeline's date: they rebuild
/// when the dataset or the date changes (not when only the window length does).
class SituationListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(AtlasDocument* document READ document WRITE setDocument NOTIFY documentChanged REQUIRED)
    Q_PROPERTY(Timeline* timeline READ timeline WRITE setTimeline NOTIFY timelineChanged REQUIRED)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;
    [[nodiscard]] AtlasDocument* document() const { return m_document; }
    void setDocument(AtlasDocument* document);
    [[nodiscard]] Timeline* timeline() const { return m_timeline; }
    void setTimeline(Timeline* timeline);
    [[nodiscard]] int count() const { return rowCount(); }

signals:
    void documentChanged();
    void timelineChanged();
    void countChanged();

protected:
    /// Fill the rows for `situation`; called inside begin/endResetModel.
    virtual void fill(const atlas::Dataset& dataset, const atlas::Situation& situation) = 0;
    virtual void clearRows() = 0;

private:
    void rebuild();
    QPointer<AtlasDocument> m_document;
    QPointer<Timeline> m_timeline;
    atlas::Date m_builtFor;
    bool m_built = false;
};

/// The sites with a known status on the date (observation posts and the like).
class SiteStatusModel : public SituationListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role { SiteIdRole = Qt::UserRole + 1, NameRole, KindRole, StatusRole, StatusKeyRole, OperatorRole,
                LatitudeRole, LongitudeRole, ColourRole };
    Q_ENUM(Role)
    using SituationListModel::SituationListModel;
    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    /// Name, kind, operator, status on the date and the whole dated history with sources.
    Q_INVOKABLE QVariantMap details(int row) const;
    Q_INVOKABLE int rowOfSite(const QString& siteId) const;
    /// Where the site of `row` is.
    Q_INVOKABLE QGeoCoordinate coordinateOf(int row) const;

protected:
    void fill(const atlas::Dataset& dataset, const atlas::Situation& situation) override;
    void clearRows() override { m_rows.clear(); }

private:
    struct Row { const atlas::Site* site; atlas::SiteStatus status; };
    std::vector<Row> m_rows;
};

} // namespace atlas::ui
