#pragma once

#include "atlas/model/actor_tree.h"

#include "atlas_document.h"

#include "atlas/model/actor_mapping.h"

#include <QAbstractListModel>
#include <QColor>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <map>
#include <string>
#include <vector>

namespace atlas::ui {

/// The actors of the open dataset, umbrellas first with their sub-groups under them, for the
/// actors dialog. A row's umbrella and side can be changed; changes wait in the model until
/// apply() hands them to the document as one actor mapping (one rebuild of the index for the
/// lot) or revert() drops them. Rows are built only while `active` (the dialog is open), so a
/// large dataset pays for counting each actor's events only when someone looks.
class ActorTableModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AtlasDocument* document READ document WRITE setDocument NOTIFY documentChanged REQUIRED)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingChanged)
    /// [{key, label, colour}] of every side, "unknown" (= as its umbrella) first.
    Q_PROPERTY(QVariantList sideChoices READ sideChoices CONSTANT)

public:
    enum Role {
        ActorIdRole = Qt::UserRole + 1,
        NameRole,
        DepthRole,
        EventCountRole,
        ParentIdRole,  ///< the umbrella's id, pending change included; "" for top-level
        ParentNameRole,
        SideKeyRole,   ///< the actor's own side, pending change included; "unknown" inherits
        ColourRole,    ///< of the side its events are drawn in (own side, else its umbrella's)
        EditedRole,    ///< whether a change to this row waits for apply()
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] AtlasDocument* document() const { return m_document; }
    void setDocument(AtlasDocument* document);
    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int pendingCount() const { return static_cast<int>(m_edits.size()); }
    [[nodiscard]] static QVariantList sideChoices();

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Sets the side of `row` (a side key); false for an unknown key or row.
    Q_INVOKABLE bool setSide(int row, const QString& sideKey);
    /// Puts `row` under the umbrella `parentId` ("" for top-level); false when that would make
    /// the actor its own umbrella (the umbrella is the actor or one of its sub-groups).
    Q_INVOKABLE bool setParent(int row, const QString& parentId);
    /// [{id, name}] of the actors `row` may be put under: "" (none) first, then every actor
    /// that is neither `row` nor below it.
    Q_INVOKABLE QVariantList parentChoices(int row) const;
    /// Hands the waiting changes to the document; returns its sentence for the user.
    Q_INVOKABLE QString apply();
    Q_INVOKABLE void revert();
    Q_INVOKABLE int rowOfActor(const QString& actorId) const;

signals:
    void documentChanged();
    void activeChanged();
    void countChanged();
    void pendingChanged();

private:
    struct Row {
        const atlas::Actor* actor;
        int depth;
        int events;
    };
    struct Edit {
        std::optional<std::string> parent;
        std::optional<atlas::Side> side;
    };
    void rebuild();
    [[nodiscard]] const std::string& pendingParentOf(const atlas::Actor& actor) const;
    [[nodiscard]] atlas::ActorTree tree() const;
    [[nodiscard]] atlas::Side pendingSideOf(const atlas::Actor& actor) const;
    [[nodiscard]] bool isBelow(const std::string& id, const std::string& ancestor) const;

    QPointer<AtlasDocument> m_document;
    bool m_active = false;
    std::vector<Row> m_rows;
    std::map<std::string, Edit> m_edits; // by actor id
};

} // namespace atlas::ui
