#pragma once

#include "atlas_document.h"

#include "atlas/model/revisions.h"
#include "atlas/query/time_window.h"
#include "atlas/render/scene.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace atlas::ui {

/// Data → Compare with another pull…: what another export of the same source (an earlier pull,
/// read through core) says differently from the open data — incidents added, revised (field by
/// field, old → new) and deleted (core comparePulls) — as a list, and as marks on the map
/// (SceneLayer asks for those of its window: spots()).
class PullComparison : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AtlasDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    /// A comparison is shown.
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(int added READ added NOTIFY changed)
    Q_PROPERTY(int revised READ revised NOTIFY changed)
    Q_PROPERTY(int deleted READ deleted NOTIFY changed)
    /// What was compared, or why not, in a sentence.
    Q_PROPERTY(QString status READ status NOTIFY changed)

public:
    enum Role { KindRole = Qt::UserRole + 1, EventIdRole, SummaryRole, ChangesRole };

    explicit PullComparison(QObject* parent = nullptr);

    [[nodiscard]] AtlasDocument* document() const { return m_document; }
    void setDocument(AtlasDocument* document);
    [[nodiscard]] bool active() const { return m_older != nullptr; }
    [[nodiscard]] int added() const { return m_counts[0]; }
    [[nodiscard]] int revised() const { return m_counts[1]; }
    [[nodiscard]] int deleted() const { return m_counts[2]; }
    [[nodiscard]] QString status() const { return m_status; }

    /// Reads `location` as the earlier pull and compares the open (latest) data with it; when
    /// its recordings are later than the open data's it is taken as the newer pull instead.
    /// Returns the sentence also put in `status`.
    Q_INVOKABLE QString compareWith(const QUrl& location);
    /// Ends the comparison (the map's marks go).
    Q_INVOKABLE void clear();

    /// The changed incidents to mark on a map showing `drawn` (positions in the open dataset,
    /// whose symbols are `symbols`) in `window`: added and revised ones drawn there, deleted
    /// ones dated in the window (core render::spotsShown).
    [[nodiscard]] std::vector<atlas::render::ChangeSpot> spots(const std::vector<std::uint32_t>& drawn,
                                                              const std::vector<atlas::render::EventSymbol>& symbols,
                                                              const atlas::TimeWindow& window) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void documentChanged();
    void changed();

private:
    struct Row {
        atlas::PullChange change;
        QString summary, changes;
    };
    void setRows(std::vector<Row> rows, QString status);

    QPointer<AtlasDocument> m_document;
    std::shared_ptr<const atlas::Dataset> m_older, m_newer; // what was compared
    bool m_openIsNewer = true;
    std::vector<Row> m_rows;
    std::vector<atlas::PullChange> m_changes; // as core gives them, for the map's marks
    // Where they go (core render::changeSpots), made once for the open data's symbols.
    mutable std::vector<atlas::render::ChangeSpot> m_spots;
    mutable std::size_t m_spotsForSymbols = 0;
    int m_counts[3] = {0, 0, 0};
    QString m_status;
};

} // namespace atlas::ui
