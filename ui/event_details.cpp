#include "event_details.h"

#include "atlas/query/ground_held.h"

#include "atlas/model/revisions.h"
#include "atlas/query/duplicates.h"

#include "atlas/style/style.h"

#include "atlas/model/vocabulary.h"

#include <QCoreApplication>
#include <QStringList>

namespace atlas::ui {

QVariantList sourceList(const std::vector<atlas::SourceReference>& sources) {
    QVariantList list;
    for (const atlas::SourceReference& source : sources)
        list.append(QVariantMap{{QStringLiteral("publisher"), qs(source.publisher)},
                                {QStringLiteral("title"), qs(source.title)},
                                {QStringLiteral("date"), qs(source.date)},
                                {QStringLiteral("url"), qs(source.url)},
                                {QStringLiteral("dataset"), qs(atlas::datasetOfSource(source))}});
    return list;
}

QString placePrecisionText(atlas::PlacePrecision precision) {
    const int km = static_cast<int>(atlas::placementRadiusKm(precision));
    switch (precision) {
    case atlas::PlacePrecision::Exact: return QCoreApplication::translate("EventDetails", "exactly, at the point drawn");
    case atlas::PlacePrecision::NearTown: return QCoreApplication::translate("EventDetails", "near a town: within %1 km of the point drawn").arg(km);
    case atlas::PlacePrecision::District: return QCoreApplication::translate("EventDetails", "to its district only: about %1 km round the point drawn").arg(km);
    case atlas::PlacePrecision::Governorate:
        return QCoreApplication::translate("EventDetails", "to its governorate only: about %1 km round the point drawn").arg(km);
    }
    return {};
}

QString datePrecisionText(atlas::DatePrecision precision) {
    switch (precision) {
    case atlas::DatePrecision::Day: return QCoreApplication::translate("EventDetails", "to the day");
    case atlas::DatePrecision::Week: return QCoreApplication::translate("EventDetails", "to the week only");
    case atlas::DatePrecision::Month: return QCoreApplication::translate("EventDetails", "to the month only");
    }
    return {};
}

QVariantMap eventDetails(const atlas::Dataset& dataset, std::uint32_t position, int row, const QColor& colour) {
    const atlas::Event& event = dataset.events[position];
    QString date = qs(event.date.toString());
    if (event.endDate) date += QStringLiteral(" – ") + qs(event.endDate->toString());
    if (event.datePrecision != atlas::DatePrecision::Day)
        date += QStringLiteral(" (") + QCoreApplication::translate("EventDetails", "within a %1").arg(qs(atlas::toKey(event.datePrecision))) + QLatin1Char(')');
    QString place = qs(event.place.name);
    QStringList adminNames;
    for (const std::string* name : {&event.place.admin2, &event.place.admin1})
        if (!name->empty()) adminNames << qs(*name);
    const QString admin = adminNames.join(QStringLiteral(", "));
    if (!admin.isEmpty()) place += QStringLiteral(" (") + admin + QLatin1Char(')');
    // Where it was read: the file and its record there ("acled.csv, line 12").
    const auto provenance = dataset.events.provenance(position);
    const QString record = provenance ? qs(provenance->toText()) : QString();
    // When it was recorded, first seen and revised (revisions.h): "recorded 2020-10-29 · first
    // seen 2020-10-28 · 1 earlier version"; empty when the source says nothing of it.
    QStringList recording;
    if (const auto recorded = atlas::recordedOn(event.extra)) recording << QCoreApplication::translate("EventDetails", "recorded %1").arg(qs(recorded->toString()));
    if (const auto seen = atlas::firstSeenOn(event); seen && seen != atlas::recordedOn(event.extra))
        recording << QCoreApplication::translate("EventDetails", "first seen %1").arg(qs(seen->toString()));
    if (const auto earlier = atlas::earlierVersions(event).size(); earlier > 0)
        recording << QCoreApplication::translate("EventDetails", "%n earlier version(s)", "", int(earlier));
    // Who held the ground there on the day (the data's control areas, query/ground_held.h).
    QString ground;
    if (const auto area = atlas::controlAreaAt(dataset, event.place.point, event.date)) {
        const atlas::Area& held = dataset.areas[*area];
        ground = QCoreApplication::translate("EventDetails", "held by %1 (%2%3)")
                     .arg(qs(atlas::toLabel(dataset.sideOfActor(held.controller))), qs(held.name.empty() ? held.id : held.name),
                          held.approximate ? QCoreApplication::translate("EventDetails", "; an approximate outline") : QString());
    } else if (!dataset.areas.empty()) {
        ground = QCoreApplication::translate("EventDetails", "no mapped control area on the day");
    }
    return {{QStringLiteral("row"), row},
            {QStringLiteral("groundHeld"), ground},
            {QStringLiteral("record"), record},
            {QStringLiteral("recording"), recording.join(QStringLiteral(" \u00B7 "))},
            {QStringLiteral("id"), qs(event.id)},
            {QStringLiteral("date"), date},
            {QStringLiteral("type"), qs(atlas::toLabel(event.type))},
            {QStringLiteral("side"), qs(atlas::toLabel(dataset.sideOfEvent(event)))},
            {QStringLiteral("colour"), colour},
            {QStringLiteral("perpetrators"), qs(dataset.actorNames(event.perpetrators))},
            {QStringLiteral("targets"), qs(dataset.actorNames(event.targets))},
            {QStringLiteral("killed"), qs(event.killed.toText())},
            {QStringLiteral("wounded"), qs(event.wounded.toText())},
            {QStringLiteral("place"), place},
            {QStringLiteral("placePrecision"), placePrecisionText(event.place.precision)},
            {QStringLiteral("datePrecision"), datePrecisionText(event.datePrecision)},
            {QStringLiteral("latitude"), event.place.point.latitude},
            {QStringLiteral("longitude"), event.place.point.longitude},
            {QStringLiteral("description"), qs(event.description)},
            // What the map's right-click menu filters by.
            {QStringLiteral("day"), qs(event.date.toString())},
            {QStringLiteral("placeName"), qs(event.place.name)},
            {QStringLiteral("perpetratorId"), event.perpetrators.empty() ? QString() : qs(event.perpetrators.front())},
            {QStringLiteral("perpetratorName"), event.perpetrators.empty() ? QString() : qs(dataset.actorName(event.perpetrators.front()))},
            {QStringLiteral("sources"), sourceList(event.sources)}};
}

} // namespace atlas::ui
