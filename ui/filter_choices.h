#pragma once

#include "atlas_document.h"
#include "filter_settings.h"
#include "visible_events_model.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace atlas::ui {

/// What the filters can be narrowed to, with how many incidents of the window each choice
/// holds: the faction tree (sides → umbrellas → factions, as rows with their depth and tick
/// state) and the incident types (`types`). Counts follow the window and the other filters,
/// at most every `refreshMs` (playing a million events does not recount every frame), and
/// the faction counts only while `active` (the tree is on screen).
class FilterChoices : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the session's choices: AtlasSession.choices")
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    /// [{key, label, colour, glyph}] of each type present in the dataset (changes only with it,
    /// so views keep their delegates while counts move).
    Q_PROPERTY(QVariantList types READ types NOTIFY typesChanged)
    /// {type key: incidents of the window under every filter but the type filter}.
    Q_PROPERTY(QVariantMap typeCounts READ typeCounts NOTIFY typeCountsChanged)
    /// Incidents of the window (under the other filters) that "exact only" leaves out: the ones
    /// placed near a town, to a district or governorate, or dated only to a week or month.
    Q_PROPERTY(int inexactCount READ inexactCount NOTIFY typeCountsChanged)
    Q_PROPERTY(int refreshMs READ refreshMs WRITE setRefreshMs NOTIFY refreshMsChanged)

public:
    enum Role {
        KindRole = Qt::UserRole + 1, ///< "side" or "actor"
        IdRole,        ///< the side's key or the actor's id
        NameRole,
        DepthRole,     ///< 0 for a side, 1 for a top-level actor, 2… for its sub-groups
        CountRole,     ///< incidents of the window (in the chosen role; sub-groups' too when included)
        CheckRole,     ///< Qt::Unchecked, Qt::PartiallyChecked (something below is ticked), Qt::Checked
        ImpliedRole,   ///< ticked through an umbrella (with sub-groups), not itself
        ColourRole,
    };
    Q_ENUM(Role)

    FilterChoices(AtlasDocument* document, FilterSettings* filters, VisibleEventsModel* events, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] QVariantList types() const { return m_types; }
    [[nodiscard]] QVariantMap typeCounts() const { return m_typeCounts; }
    [[nodiscard]] int inexactCount() const { return m_inexactCount; }
    [[nodiscard]] int refreshMs() const { return m_refresh.interval(); }
    void setRefreshMs(int ms);

    /// A box clicked: a faction is ticked or unticked; a side ticks all its top-level factions
    /// (with their sub-groups when those are included), or unticks everything under it.
    Q_INVOKABLE void toggle(int row);
    /// The row of a side key or an actor id, or -1.
    [[nodiscard]] Q_INVOKABLE int rowOf(const QString& id) const;
    /// Counts now rather than at the next refresh (tests, and a tree just opened).
    Q_INVOKABLE void recount();

signals:
    void activeChanged();
    void typesChanged();
    void typeCountsChanged();
    void refreshMsChanged();

private:
    struct Row {
        bool side = false;
        QString id;
        QString name;
        int depth = 0;
        int sideValue = 0;            ///< atlas::Side of a side row; of the top-level group for actors
        std::vector<int> ancestors;   ///< rows of the umbrellas above an actor (nearest first)
        QColor colour;
        int count = 0;
    };
    void rebuildRows();
    void scheduleRecount();
    [[nodiscard]] bool ticked(int row) const;
    [[nodiscard]] bool implied(int row) const;
    [[nodiscard]] Qt::CheckState checkState(int row) const;
    [[nodiscard]] std::vector<int> topLevelOf(int sideRow) const;

    QPointer<AtlasDocument> m_document;
    QPointer<FilterSettings> m_filters;
    QPointer<VisibleEventsModel> m_events;
    std::vector<Row> m_rows;
    QVariantList m_types;
    QVariantMap m_typeCounts;
    int m_inexactCount = 0;
    QTimer m_refresh;
    bool m_active = false;
};

} // namespace atlas::ui
