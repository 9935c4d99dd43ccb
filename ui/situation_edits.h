#pragma once

#include "atlas/model/edits.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

class AtlasDocument;
class IncidentEdits;

/// The situation written in the window: a site's status changed on a date, and lines and
/// control areas drawn on the map or changed (their points, name, kind, controller or parties,
/// validity, sources) or deleted. The forms' fields to and from core's sites, lines and areas,
/// checked by core (validateSite, validateLine, validateArea); each edit made through
/// IncidentEdits::make, so it shares the incidents' undo history, crash journal and store link.
class SituationEdits : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by AtlasSession")

public:
    SituationEdits(AtlasDocument* document, IncidentEdits* edits, QObject* parent = nullptr);

    /// [{key, label}] of a site's statuses, and of the kinds of line.
    Q_INVOKABLE QVariantList statusChoices() const;
    Q_INVOKABLE QVariantList lineKindChoices() const;

    /// The site `id`: {id, name, kind, operator, history: [{date, status, statusLabel, note,
    /// sources}]}, or {} when there is none.
    Q_INVOKABLE QVariantMap siteFields(const QString& id) const;
    /// [{field, message}] for a status change {siteId, date, status, note, sources}: the site
    /// as it would be, checked.
    Q_INVOKABLE QVariantList checkStatusChange(const QVariantMap& change) const;
    /// Sets the site's status from that date on (the same status that day is written again).
    Q_INVOKABLE QString changeStatus(const QVariantMap& change);
    /// Takes back the site's status change at `index` of its history (siteFields' order).
    Q_INVOKABLE QString removeStatusChange(const QString& siteId, int index);

    /// The form of a new line or area ("line", "area") drawn through `points` (coordinates),
    /// valid from `isoDate`.
    Q_INVOKABLE QVariantMap blankShape(const QString& kind, const QVariantList& points, const QString& isoDate) const;
    /// The form of the line or area `id`: {kind, id, name, lineKind, halfWidthKm, parties,
    /// controller, validFrom, validTo, approximate, description, sources, points}; {} when none.
    /// An area's points are its outline without the closing point; its holes are kept as they are.
    Q_INVOKABLE QVariantMap shapeFields(const QString& kind, const QString& id) const;
    /// [{field, message}]: what is wrong with the form (unreadable fields, then core's checks).
    Q_INVOKABLE QVariantList checkShape(const QVariantMap& fields, bool isNew) const;
    /// Writes the form: a new line or area (its id made from its name when empty), or `fields.id`
    /// changed. "" when made, else why not.
    Q_INVOKABLE QString saveShape(const QVariantMap& fields, bool isNew);
    Q_INVOKABLE QString removeShape(const QString& kind, const QString& id);

private:
    template <class Item> std::optional<Item> shapeOf(const QVariantMap& fields, bool isNew, QVariantList* problems) const;
    std::optional<atlas::Site> siteWithChange(const QVariantMap& change, QVariantList* problems) const;

    AtlasDocument* m_document;
    IncidentEdits* m_edits;
};

} // namespace atlas::ui
