#pragma once

#include "atlas/query/query.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

/// What the analyst has narrowed the map to, besides time: factions (several at once, with or
/// without their sub-groups, as perpetrator, target or either), incident types (several at
/// once), a minimum death toll and free text. It turns into core's EventFilter, the same value
/// the command line uses; the timeline adds the time window.
class FilterSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY changed)
    /// Actor ids ticked; empty for every faction.
    Q_PROPERTY(QStringList actorIds READ actorIds WRITE setActorIds NOTIFY changed)
    Q_PROPERTY(bool includeSubgroups READ includeSubgroups WRITE setIncludeSubgroups NOTIFY changed)
    /// "either", "perpetrator" or "target": the part the ticked factions play.
    Q_PROPERTY(QString actorRole READ actorRole WRITE setActorRole NOTIFY changed)
    /// Native-format type keys ("air_strike") shown; empty for every type.
    Q_PROPERTY(QStringList typeKeys READ typeKeys WRITE setTypeKeys NOTIFY changed)
    Q_PROPERTY(int minKilled READ minKilled WRITE setMinKilled NOTIFY changed)
    /// Only incidents placed exactly and dated to the day.
    Q_PROPERTY(bool exactOnly READ exactOnly WRITE setExactOnly NOTIFY changed)
    /// Side keys ("opposition", "unknown" for no mapped control area) whose ground incidents
    /// are kept on, on their day; empty for anywhere.
    Q_PROPERTY(QStringList heldBy READ heldBy WRITE setHeldBy NOTIFY changed)
    /// The area incidents are kept inside (a polygon of a reference layer), in words; empty
    /// for none.
    Q_PROPERTY(QString regionName READ regionName NOTIFY changed)
    Q_PROPERTY(bool active READ active NOTIFY changed)

public:
    explicit FilterSettings(QObject* parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString& text);
    [[nodiscard]] QStringList actorIds() const { return m_actorIds; }
    void setActorIds(const QStringList& ids);
    [[nodiscard]] bool includeSubgroups() const { return m_includeSubgroups; }
    void setIncludeSubgroups(bool include);
    [[nodiscard]] QString actorRole() const { return m_actorRole; }
    void setActorRole(const QString& role);
    [[nodiscard]] QStringList typeKeys() const { return m_typeKeys; }
    void setTypeKeys(const QStringList& keys);
    [[nodiscard]] int minKilled() const { return m_minKilled; }
    void setMinKilled(int killed);
    [[nodiscard]] bool exactOnly() const { return m_exactOnly; }
    void setExactOnly(bool on);
    [[nodiscard]] QStringList heldBy() const { return m_heldBy; }
    void setHeldBy(const QStringList& sideKeys);
    [[nodiscard]] QString regionName() const { return m_regionName; }
    /// Only incidents inside `region` (even–odd rings, degrees), called `name`.
    void setRegion(atlas::GeoPolygon region, const QString& name);
    Q_INVOKABLE void clearRegion();
    /// Only incidents inside the polygon drawn through `corners` ([{latitude, longitude}] or
    /// QGeoCoordinates, three at least); false (nothing changed) with fewer.
    Q_INVOKABLE bool setDrawnRegion(const QVariantList& corners);
    [[nodiscard]] const std::optional<atlas::GeoPolygon>& region() const { return m_region; }
    /// Whether anything is narrowed at all.
    [[nodiscard]] bool active() const;

    /// Ticks or unticks one faction (the others stay as they are).
    Q_INVOKABLE void setActorChecked(const QString& id, bool checked);
    /// Only this faction (right-click "only incidents by …").
    Q_INVOKABLE void setOnlyActor(const QString& id);
    /// Shows or hides one type. Hiding one of "every type" shows all the others.
    Q_INVOKABLE void setTypeShown(const QString& key, bool shown);
    [[nodiscard]] Q_INVOKABLE bool typeShown(const QString& key) const;
    Q_INVOKABLE void clear();

    /// The filter without its time bounds.
    [[nodiscard]] atlas::EventFilter toFilter() const;

signals:
    void changed();

private:
    QString m_text;
    QStringList m_actorIds;
    bool m_includeSubgroups = true;
    QString m_actorRole = QStringLiteral("either");
    QStringList m_typeKeys;
    int m_minKilled = 0;
    bool m_exactOnly = false;
    QStringList m_heldBy;
    std::optional<atlas::GeoPolygon> m_region;
    QString m_regionName;
};

} // namespace atlas::ui
