#include "situation_edits.h"

#include "atlas_document.h"
#include "incident_edits.h"
#include "form_text.h"

#include "atlas/model/vocabulary.h"

#include <QGeoCoordinate>

namespace atlas::ui {

namespace {

QString text(std::string_view value) { return QString::fromUtf8(value.data(), qsizetype(value.size())); }

QVariantMap problem(const char* field, const QString& message) {
    return {{QStringLiteral("field"), QString::fromLatin1(field)}, {QStringLiteral("message"), message}};
}

// A point of a form: a QGeoCoordinate (the map's) or {latitude, longitude}.
std::optional<atlas::GeoPoint> pointOf(const QVariant& value) {
    if (value.canConvert<QGeoCoordinate>()) {
        const auto c = value.value<QGeoCoordinate>();
        if (c.isValid()) return atlas::GeoPoint{c.latitude(), c.longitude()};
    }
    const QVariantMap map = value.toMap();
    bool okLatitude = false, okLongitude = false;
    const double latitude = map.value(QStringLiteral("latitude")).toDouble(&okLatitude);
    const double longitude = map.value(QStringLiteral("longitude")).toDouble(&okLongitude);
    if (okLatitude && okLongitude) return atlas::GeoPoint{latitude, longitude};
    return std::nullopt;
}

QVariantList coordinatesOf(const std::vector<atlas::GeoPoint>& points) {
    QVariantList out;
    for (const atlas::GeoPoint& p : points) out.append(QVariant::fromValue(QGeoCoordinate(p.latitude, p.longitude)));
    return out;
}

} // namespace

SituationEdits::SituationEdits(AtlasDocument* document, IncidentEdits* edits, QObject* parent) : QObject(parent), m_document(document), m_edits(edits) {}

QVariantList SituationEdits::statusChoices() const {
    QVariantList out;
    for (const auto status : {atlas::SiteStatus::Established, atlas::SiteStatus::Active, atlas::SiteStatus::Encircled, atlas::SiteStatus::Evacuating,
                              atlas::SiteStatus::Evacuated, atlas::SiteStatus::HandedOver, atlas::SiteStatus::Destroyed, atlas::SiteStatus::Unknown})
        out.append(QVariantMap{{QStringLiteral("key"), text(atlas::toKey(status))}, {QStringLiteral("label"), text(atlas::toLabel(status))}});
    return out;
}

QVariantList SituationEdits::lineKindChoices() const {
    QVariantList out;
    for (const auto kind : {atlas::LineKind::FrontLine, atlas::LineKind::CeasefireLine, atlas::LineKind::SecurityCorridor, atlas::LineKind::PatrolRoute,
                            atlas::LineKind::Other})
        out.append(QVariantMap{{QStringLiteral("key"), text(atlas::toKey(kind))}, {QStringLiteral("label"), text(atlas::toLabel(kind))}});
    return out;
}

// --- Sites

QVariantMap SituationEdits::siteFields(const QString& id) const {
    const auto site = atlas::currentRow<atlas::Site>(m_document->dataset(), id.toStdString());
    if (!site) return {};
    QVariantList history;
    for (const atlas::SiteStatusChange& c : site->history)
        history.append(QVariantMap{{QStringLiteral("date"), text(c.date.toString())},
                                   {QStringLiteral("status"), text(atlas::toKey(c.status))},
                                   {QStringLiteral("statusLabel"), text(atlas::toLabel(c.status))},
                                   {QStringLiteral("note"), text(c.note)},
                                   {QStringLiteral("sources"), sourcesToText(c.sources)}});
    return {{QStringLiteral("id"), text(site->id)},
            {QStringLiteral("name"), text(site->name)},
            {QStringLiteral("kind"), text(atlas::toKey(site->kind)).replace(QLatin1Char('_'), QLatin1Char(' '))},
            {QStringLiteral("operator"), text(m_document->dataset().actorName(site->operatorId))},
            {QStringLiteral("history"), history}};
}

std::optional<atlas::Site> SituationEdits::siteWithChange(const QVariantMap& change, QVariantList* problems) const {
    auto say = [&](const char* field, const QString& message) {
        if (problems) problems->append(problem(field, message));
    };
    const QString siteId = change.value(QStringLiteral("siteId")).toString();
    auto site = atlas::currentRow<atlas::Site>(m_document->dataset(), siteId.toStdString());
    if (!site) {
        say("siteId", tr("no site has the id %1").arg(siteId));
        return std::nullopt;
    }
    atlas::SiteStatusChange made;
    const auto date = atlas::Date::parse(change.value(QStringLiteral("date")).toString().trimmed().toStdString());
    const auto status = atlas::siteStatusFromKey(change.value(QStringLiteral("status")).toString().toStdString());
    if (!date) say("date", tr("a date is written YYYY-MM-DD"));
    if (!status) say("status", tr("choose a status"));
    if (!date || !status) return std::nullopt;
    made.date = *date;
    made.status = *status;
    made.note = change.value(QStringLiteral("note")).toString().trimmed().toStdString();
    // The same change written again (withStatusChange) keeps what the form does not show of its sources.
    const auto sameDay = std::find_if(site->history.rbegin(), site->history.rend(), [&](const atlas::SiteStatusChange& c) { return c.date <= *date; });
    const bool rewritten = sameDay != site->history.rend() && sameDay->date == *date && sameDay->status == *status;
    made.sources = sourcesFromText(change.value(QStringLiteral("sources")).toString(), rewritten ? sameDay->sources : std::vector<atlas::SourceReference>{});
    return atlas::withStatusChange(std::move(*site), std::move(made));
}

QVariantList SituationEdits::checkStatusChange(const QVariantMap& change) const {
    QVariantList problems;
    const auto site = siteWithChange(change, &problems);
    if (!site) return problems;
    // The form changes the history only: an operator the data does not know (a reader's
    // warning) is not this change's to mend.
    auto found = atlas::validateSite(*site, m_document->dataset(), IncidentEdits::today(), false);
    std::erase_if(found, [](const atlas::EditProblem& p) { return p.field == "operator"; });
    appendProblems(found, problems);
    return problems;
}

QString SituationEdits::changeStatus(const QVariantMap& change) {
    if (m_edits->restorable()) return tr("Restore or discard the edits left from the last session first");
    if (const QVariantList problems = checkStatusChange(change); !problems.isEmpty())
        return problems.first().toMap().value(QStringLiteral("message")).toString();
    const auto after = siteWithChange(change, nullptr);
    const auto before = atlas::currentRow<atlas::Site>(m_document->dataset(), after->id);
    if (before == after) return {};
    return m_edits->make(atlas::SiteEdit{before, after});
}

QString SituationEdits::removeStatusChange(const QString& siteId, int index) {
    if (m_edits->restorable()) return tr("Restore or discard the edits left from the last session first");
    const auto before = atlas::currentRow<atlas::Site>(m_document->dataset(), siteId.toStdString());
    if (!before) return tr("no site has the id %1").arg(siteId);
    if (index < 0 || index >= int(before->history.size())) return tr("the site has no status change %1").arg(index + 1);
    atlas::Site after = *before;
    after.history.erase(after.history.begin() + index);
    return m_edits->make(atlas::SiteEdit{before, after});
}

// --- Lines and areas

QVariantMap SituationEdits::blankShape(const QString& kind, const QVariantList& points, const QString& isoDate) const {
    const auto day = atlas::Date::parse(isoDate.toStdString()).value_or(IncidentEdits::today());
    QVariantMap fields{{QStringLiteral("kind"), kind},
                       {QStringLiteral("id"), QString()},
                       {QStringLiteral("name"), QString()},
                       {QStringLiteral("validFrom"), text(day.toString())},
                       {QStringLiteral("validTo"), QString()},
                       {QStringLiteral("approximate"), true}, // traced on a screen, not surveyed
                       {QStringLiteral("points"), points}};
    if (kind == QLatin1String("line")) fields.insert(QStringLiteral("lineKind"), QStringLiteral("front_line"));
    return fields;
}

QVariantMap SituationEdits::shapeFields(const QString& kind, const QString& id) const {
    const atlas::Dataset& dataset = m_document->dataset();
    auto common = [&](const auto& item) {
        return QVariantMap{{QStringLiteral("kind"), kind},
                           {QStringLiteral("id"), text(item.id)},
                           {QStringLiteral("name"), text(item.name)},
                           {QStringLiteral("validFrom"), text(item.validity.from.toString())},
                           {QStringLiteral("validTo"), item.validity.to ? text(item.validity.to->toString()) : QString()},
                           {QStringLiteral("approximate"), item.approximate},
                           {QStringLiteral("description"), text(item.description)},
                           {QStringLiteral("sources"), sourcesToText(item.sources)}};
    };
    if (kind == QLatin1String("line")) {
        const auto line = atlas::currentRow<atlas::Line>(dataset, id.toStdString());
        if (!line) return {};
        QVariantMap fields = common(*line);
        QStringList parties;
        for (const std::string& p : line->parties) parties << text(p);
        fields.insert(QStringLiteral("lineKind"), text(atlas::toKey(line->kind)));
        fields.insert(QStringLiteral("halfWidthKm"), line->halfWidthKm > 0 ? QString::number(line->halfWidthKm) : QString());
        fields.insert(QStringLiteral("parties"), parties.join(QStringLiteral(", ")));
        fields.insert(QStringLiteral("points"), coordinatesOf(line->path));
        return fields;
    }
    const auto area = atlas::currentRow<atlas::Area>(dataset, id.toStdString());
    if (!area || area->rings.empty()) return {};
    QVariantMap fields = common(*area);
    std::vector<atlas::GeoPoint> outline = area->rings.front();
    if (outline.size() > 1 && outline.front() == outline.back()) outline.pop_back();
    fields.insert(QStringLiteral("controller"), text(area->controller));
    fields.insert(QStringLiteral("points"), coordinatesOf(outline));
    fields.insert(QStringLiteral("holes"), int(area->rings.size()) - 1);
    return fields;
}

template <class Item> std::optional<Item> SituationEdits::shapeOf(const QVariantMap& fields, bool isNew, QVariantList* problems) const {
    auto say = [&](const char* field, const QString& message) {
        if (problems) problems->append(problem(field, message));
    };
    const atlas::Dataset& dataset = m_document->dataset();
    Item item;
    QString id = fields.value(QStringLiteral("id")).toString().trimmed();
    const QString name = fields.value(QStringLiteral("name")).toString().trimmed();
    // A line or area changed keeps what the form does not show (holes, unknown fields).
    if (!isNew) {
        auto current = atlas::currentRow<Item>(dataset, id.toStdString());
        if (!current) {
            say("id", tr("no %1 has the id %2").arg(QString::fromLatin1(atlas::kItemWord<Item>), id));
            return std::nullopt;
        }
        item = std::move(*current);
    } else if (id.isEmpty() && !name.isEmpty()) {
        id = text(atlas::newSituationId(dataset, atlas::kItemWord<Item>, name.toStdString()));
    }
    item.id = id.toStdString();
    item.name = name.toStdString();
    bool readable = true;
    if (auto from = atlas::Date::parse(fields.value(QStringLiteral("validFrom")).toString().trimmed().toStdString())) item.validity.from = *from;
    else say("validFrom", tr("the first day it holds is written YYYY-MM-DD")), readable = false;
    const QString to = fields.value(QStringLiteral("validTo")).toString().trimmed();
    item.validity.to.reset();
    if (!to.isEmpty()) {
        if (auto day = atlas::Date::parse(to.toStdString())) item.validity.to = *day;
        else say("validTo", tr("the last day it holds is written YYYY-MM-DD, or left empty (still in force)")), readable = false;
    }
    item.approximate = fields.value(QStringLiteral("approximate")).toBool();
    item.description = fields.value(QStringLiteral("description")).toString().toStdString();
    item.sources = sourcesFromText(fields.value(QStringLiteral("sources")).toString(), item.sources);
    std::vector<atlas::GeoPoint> points;
    for (const QVariant& value : fields.value(QStringLiteral("points")).toList()) {
        if (auto p = pointOf(value)) points.push_back(*p);
        else say(std::is_same_v<Item, atlas::Line> ? "path" : "rings", tr("a point of the shape is not a coordinate")), readable = false;
    }
    if constexpr (std::is_same_v<Item, atlas::Line>) {
        item.path = std::move(points);
        if (auto kind = atlas::lineKindFromKey(fields.value(QStringLiteral("lineKind")).toString().toStdString())) item.kind = *kind;
        const QString halfWidth = fields.value(QStringLiteral("halfWidthKm")).toString().trimmed();
        bool ok = true;
        item.halfWidthKm = halfWidth.isEmpty() ? 0.0 : halfWidth.toDouble(&ok);
        if (!ok) say("halfWidthKm", tr("a half width is a number of kilometres, or left empty")), readable = false;
        item.parties = idsFromText(fields.value(QStringLiteral("parties")).toString());
    } else {
        // The outline closed, as files hold it; holes kept.
        if (points.size() >= 2 && !(points.front() == points.back())) points.push_back(points.front());
        if (item.rings.empty()) item.rings.push_back({});
        item.rings.front() = std::move(points);
        item.controller = fields.value(QStringLiteral("controller")).toString().trimmed().toStdString();
    }
    if (!readable) return std::nullopt;
    return item;
}

QVariantList SituationEdits::checkShape(const QVariantMap& fields, bool isNew) const {
    QVariantList problems;
    const atlas::Dataset& dataset = m_document->dataset();
    // Actors the data does not know (a reader's warning) are the form's problem only when the
    // form changed them: an old line's unknown party does not hold back a new end date.
    const std::string id = fields.value(QStringLiteral("id")).toString().trimmed().toStdString();
    if (fields.value(QStringLiteral("kind")).toString() == QLatin1String("line")) {
        if (const auto line = shapeOf<atlas::Line>(fields, isNew, &problems)) {
            auto found = atlas::validateLine(*line, dataset, IncidentEdits::today(), isNew);
            if (const auto before = isNew ? std::nullopt : atlas::currentRow<atlas::Line>(dataset, id); before && before->parties == line->parties)
                std::erase_if(found, [](const atlas::EditProblem& p) { return p.field == "parties" && p.message.rfind("no actor", 0) == 0; });
            appendProblems(found, problems);
        }
    } else if (const auto area = shapeOf<atlas::Area>(fields, isNew, &problems)) {
        auto found = atlas::validateArea(*area, dataset, IncidentEdits::today(), isNew);
        if (const auto before = isNew ? std::nullopt : atlas::currentRow<atlas::Area>(dataset, id); before && before->controller == area->controller)
            std::erase_if(found, [](const atlas::EditProblem& p) { return p.field == "controller" && p.message.rfind("no actor", 0) == 0; });
        appendProblems(found, problems);
    }
    // A new shape's id is made from its name: with no name yet, the name's problem says it.
    if (isNew && fields.value(QStringLiteral("id")).toString().trimmed().isEmpty() && fields.value(QStringLiteral("name")).toString().trimmed().isEmpty())
        problems.removeIf([](const QVariant& p) { return p.toMap().value(QStringLiteral("field")).toString() == QLatin1String("id"); });
    return problems;
}

QString SituationEdits::saveShape(const QVariantMap& fields, bool isNew) {
    if (m_edits->restorable()) return tr("Restore or discard the edits left from the last session first");
    if (const QVariantList problems = checkShape(fields, isNew); !problems.isEmpty())
        return problems.first().toMap().value(QStringLiteral("message")).toString();
    auto write = [&]<class Item>(std::optional<Item> after) -> QString {
        std::optional<Item> before;
        if (!isNew) before = atlas::currentRow<Item>(m_document->dataset(), after->id);
        if (before == after) return {};
        return m_edits->make(atlas::RowEdit<Item>{before, after});
    };
    if (fields.value(QStringLiteral("kind")).toString() == QLatin1String("line")) return write(shapeOf<atlas::Line>(fields, isNew, nullptr));
    return write(shapeOf<atlas::Area>(fields, isNew, nullptr));
}

QString SituationEdits::removeShape(const QString& kind, const QString& id) {
    if (m_edits->restorable()) return tr("Restore or discard the edits left from the last session first");
    const atlas::Dataset& dataset = m_document->dataset();
    if (kind == QLatin1String("line")) {
        if (auto line = atlas::currentRow<atlas::Line>(dataset, id.toStdString())) return m_edits->make(atlas::LineEdit{std::move(line), std::nullopt});
    } else if (auto area = atlas::currentRow<atlas::Area>(dataset, id.toStdString())) {
        return m_edits->make(atlas::AreaEdit{std::move(area), std::nullopt});
    }
    return tr("no %1 has the id %2").arg(kind, id);
}

} // namespace atlas::ui
