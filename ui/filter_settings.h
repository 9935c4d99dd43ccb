#pragma once

#include "atlas/query/query.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

/// What the analyst has narrowed the map to, besides time: a faction (with or without its
/// sub-groups), an incident type, a minimum death toll and free text. It turns into core's
/// EventFilter, the same value the command line uses; the timeline adds the time window.
/// The window offers one faction and one type at a time; core takes sets.
class FilterSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY changed)
    Q_PROPERTY(QString actorId READ actorId WRITE setActorId NOTIFY changed)
    Q_PROPERTY(bool includeSubgroups READ includeSubgroups WRITE setIncludeSubgroups NOTIFY changed)
    Q_PROPERTY(QString typeKey READ typeKey WRITE setTypeKey NOTIFY changed)
    Q_PROPERTY(int minKilled READ minKilled WRITE setMinKilled NOTIFY changed)
    Q_PROPERTY(bool active READ active NOTIFY changed)

public:
    explicit FilterSettings(QObject* parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString& text);
    /// "" for every faction.
    [[nodiscard]] QString actorId() const { return m_actorId; }
    void setActorId(const QString& id);
    [[nodiscard]] bool includeSubgroups() const { return m_includeSubgroups; }
    void setIncludeSubgroups(bool include);
    /// A native-format type key ("air_strike"); "" for every type.
    [[nodiscard]] QString typeKey() const { return m_typeKey; }
    void setTypeKey(const QString& key);
    [[nodiscard]] int minKilled() const { return m_minKilled; }
    void setMinKilled(int killed);
    /// Whether anything is narrowed at all.
    [[nodiscard]] bool active() const;

    Q_INVOKABLE void clear();

    /// The filter without its time bounds.
    [[nodiscard]] atlas::EventFilter toFilter() const;

signals:
    void changed();

private:
    QString m_text;
    QString m_actorId;
    bool m_includeSubgroups = true;
    QString m_typeKey;
    int m_minKilled = 0;
};

} // namespace atlas::ui
