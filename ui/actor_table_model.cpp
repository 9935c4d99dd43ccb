#include "actor_table_model.h"

#include "atlas/model/actor_tree.h"

#include "symbology.h"

#include <unordered_map>

namespace atlas::ui {

namespace {

QColor colourOf(atlas::Side side) { return toQColor(atlas::sideColour(side)); }

} // namespace

void ActorTableModel::setDocument(AtlasDocument* document) {
    if (m_document == document) return;
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) connect(m_document, &AtlasDocument::datasetChanged, this, &ActorTableModel::rebuild);
    rebuild();
    emit documentChanged();
}

void ActorTableModel::setActive(bool active) {
    if (m_active == active) return;
    m_active = active;
    rebuild();
    emit activeChanged();
}

void ActorTableModel::rebuild() {
    beginResetModel();
    m_rows.clear();
    const bool hadEdits = !m_edits.empty();
    m_edits.clear(); // a new dataset (or the same one, changed) has other rows
    if (m_document && m_active) {
        const atlas::Dataset& dataset = m_document->dataset();
        // The index counts each actor once per event it takes part in, on either side.
        std::unordered_map<std::string, int> events;
        for (const auto& [id, count] : m_document->eventIndex()->breakdown({}).byActor) events[id] = static_cast<int>(count);
        // The same hierarchy order as the faction filter, so the two lists read alike.
        for (const atlas::ActorTree::Entry& entry : atlas::ActorTree(dataset).depthFirst())
            m_rows.push_back({entry.actor, entry.depth, events[entry.actor->id]});
    }
    endResetModel();
    emit countChanged();
    if (hadEdits) emit pendingChanged();
}

int ActorTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

const std::string& ActorTableModel::pendingParentOf(const atlas::Actor& actor) const {
    if (const auto edit = m_edits.find(actor.id); edit != m_edits.end() && edit->second.parent) return *edit->second.parent;
    return actor.parent;
}

atlas::Side ActorTableModel::pendingSideOf(const atlas::Actor& actor) const {
    if (const auto edit = m_edits.find(actor.id); edit != m_edits.end() && edit->second.side) return *edit->second.side;
    return actor.side;
}

atlas::ActorTree ActorTableModel::tree() const {
    // The hierarchy with the pending edits in it.
    return atlas::ActorTree(
        m_document->dataset(), [this](const atlas::Actor& actor) -> const std::string& { return pendingParentOf(actor); },
        [this](const atlas::Actor& actor) { return pendingSideOf(actor); });
}

bool ActorTableModel::isBelow(const std::string& id, const std::string& ancestor) const { return tree().isBelow(id, ancestor); }

QVariant ActorTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const atlas::Actor& actor = *row.actor;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return QString::fromStdString(actor.name);
    case ActorIdRole: return QString::fromStdString(actor.id);
    case DepthRole: return row.depth;
    case EventCountRole: return row.events;
    case ParentIdRole: return QString::fromStdString(pendingParentOf(actor));
    case ParentNameRole: {
        const atlas::Actor* parent = m_document->dataset().findActor(pendingParentOf(actor));
        return parent ? QString::fromStdString(parent->name) : QString();
    }
    case SideKeyRole: return QString::fromStdString(std::string(atlas::toKey(pendingSideOf(actor))));
    case ColourRole: return toQColor(tree().effectiveColour(actor.id)); // as its events are drawn
    case EditedRole: return m_edits.count(actor.id) > 0;
    default: return {};
    }
}

QHash<int, QByteArray> ActorTableModel::roleNames() const {
    return {{ActorIdRole, "actorId"},       {NameRole, "name"},         {DepthRole, "depth"},
            {EventCountRole, "eventCount"}, {ParentIdRole, "parentId"}, {ParentNameRole, "parentName"},
            {SideKeyRole, "sideKey"},       {ColourRole, "colour"},     {EditedRole, "edited"}};
}

bool ActorTableModel::setSide(int row, const QString& sideKey) {
    const auto side = atlas::sideFromKey(sideKey.toStdString());
    if (row < 0 || row >= rowCount() || !side) return false;
    const atlas::Actor& actor = *m_rows[static_cast<std::size_t>(row)].actor;
    if (pendingSideOf(actor) == *side) return true;
    Edit& edit = m_edits[actor.id];
    edit.side = *side == actor.side ? std::nullopt : std::optional(*side);
    if (!edit.side && !edit.parent) m_edits.erase(actor.id);
    // A side is inherited: every row's colour may follow.
    emit dataChanged(index(0), index(rowCount() - 1), {SideKeyRole, ColourRole, EditedRole});
    emit pendingChanged();
    return true;
}

bool ActorTableModel::setParent(int row, const QString& parentId) {
    if (row < 0 || row >= rowCount()) return false;
    const atlas::Actor& actor = *m_rows[static_cast<std::size_t>(row)].actor;
    const std::string parent = parentId.toStdString();
    if (!parent.empty() && (!m_document->dataset().findActor(parent) || isBelow(parent, actor.id))) return false;
    if (pendingParentOf(actor) == parent) return true;
    Edit& edit = m_edits[actor.id];
    edit.parent = parent == actor.parent ? std::nullopt : std::optional(parent);
    if (!edit.side && !edit.parent) m_edits.erase(actor.id);
    emit dataChanged(index(0), index(rowCount() - 1), {ParentIdRole, ParentNameRole, ColourRole, EditedRole});
    emit pendingChanged();
    return true;
}

QVariantList ActorTableModel::parentChoices(int row) const {
    QVariantList out{QVariantMap{{QStringLiteral("id"), QString()}, {QStringLiteral("name"), tr("(none: top-level)")}}};
    if (row < 0 || row >= rowCount()) return out;
    const std::string& id = m_rows[static_cast<std::size_t>(row)].actor->id;
    for (const Row& candidate : m_rows)
        if (!isBelow(candidate.actor->id, id))
            out.append(QVariantMap{{QStringLiteral("id"), QString::fromStdString(candidate.actor->id)},
                                   {QStringLiteral("name"), QString::fromStdString(candidate.actor->name)}});
    return out;
}

QString ActorTableModel::apply() {
    if (!m_document || m_edits.empty()) return tr("Nothing to apply");
    std::vector<atlas::ActorMappingEntry> entries;
    for (const auto& [id, edit] : m_edits) {
        const atlas::Actor* actor = m_document->dataset().findActor(id);
        if (actor) entries.push_back({actor->name, std::string(), edit.parent, edit.side});
    }
    // The document replaces the dataset, which rebuilds this model (and drops the edits).
    return m_document->applyActorEdits(std::move(entries));
}

void ActorTableModel::revert() {
    if (m_edits.empty()) return;
    m_edits.clear();
    emit dataChanged(index(0), index(rowCount() - 1), {ParentIdRole, ParentNameRole, SideKeyRole, ColourRole, EditedRole});
    emit pendingChanged();
}

int ActorTableModel::rowOfActor(const QString& actorId) const {
    const std::string id = actorId.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].actor->id == id) return static_cast<int>(i);
    return -1;
}

QVariantList ActorTableModel::sideChoices() {
    QVariantList out;
    for (int i = 0; i < atlas::kSideCount; ++i) {
        const auto side = static_cast<atlas::Side>(i);
        out.append(QVariantMap{{QStringLiteral("key"), QString::fromStdString(std::string(atlas::toKey(side)))},
                               {QStringLiteral("label"), side == atlas::Side::Unknown ? tr("(as its umbrella)")
                                                                                      : QString::fromStdString(std::string(atlas::toLabel(side)))},
                               {QStringLiteral("colour"), colourOf(side)}});
    }
    return out;
}

} // namespace atlas::ui
