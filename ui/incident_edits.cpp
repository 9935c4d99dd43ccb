#include "incident_edits.h"

#include "atlas_document.h"
#include "form_text.h"

#include "atlas/io/edit_journal.h"
#include "atlas/model/vocabulary.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <chrono>

namespace atlas::ui {

// The store's connection and what the client knows of it: touched only by work queued on the
// worker thread, one piece at a time, so it needs no lock.
struct IncidentEdits::Worker {
    std::string url;
    std::unique_ptr<atlas::PgStore> store;
    atlas::StoreState state;
    // Connected, reconnecting after the server went away; a sentence when it cannot.
    QString ensureConnected() {
        if (store && store->connected()) return {};
        std::vector<atlas::Diagnostic> problems;
        store = atlas::PgStore::connect(url, problems);
        return store ? QString() : QString::fromStdString(problems.empty() ? "cannot connect" : problems.front().message);
    }
};

namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }


QStringList lines(const QString& block) {
    QStringList out;
    for (const QString& line : block.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty()) out << line.trimmed();
    return out;
}

QString joined(const std::vector<std::string>& values, const QString& separator) {
    QStringList out;
    for (const std::string& v : values) out << text(v);
    return out.join(separator);
}

// A row in a few lines, for the two sides of a conflict.
QString summaryOf(const atlas::Event& event) {
    return QObject::tr("%1, %2 · %3 · killed %4, wounded %5\n%6")
        .arg(text(event.date.toString()), text(std::string(atlas::toLabel(event.type))), text(event.place.name), text(event.killed.toText()),
             text(event.wounded.toText()), text(event.description));
}
QString summaryOf(const atlas::Site& site) {
    QStringList changes;
    for (const atlas::SiteStatusChange& c : site.history) changes << text(c.date.toString()) + QLatin1Char(' ') + text(std::string(atlas::toLabel(c.status)));
    return QObject::tr("%1 · %2\n%3").arg(text(site.name), text(std::string(atlas::toKey(site.kind))), changes.join(QStringLiteral(", ")));
}
QString validityText(const atlas::Validity& v) {
    return text(v.from.toString()) + QStringLiteral(" – ") + (v.to ? text(v.to->toString()) : QObject::tr("in force"));
}
QString summaryOf(const atlas::Line& line) {
    return QObject::tr("%1 · %2 · %3 points\n%4").arg(text(line.name), validityText(line.validity)).arg(line.path.size()).arg(text(line.description));
}
QString summaryOf(const atlas::Area& area) { // the corners of its outline (a closed ring repeats the first)
    return QObject::tr("%1 · %2 · held by %3 · %4 points\n%5")
        .arg(text(area.name), validityText(area.validity), text(area.controller))
        .arg(area.rings.empty() ? 0 : area.rings.front().size() - (area.rings.front().size() > 1 && area.rings.front().front() == area.rings.front().back() ? 1 : 0))
        .arg(text(area.description));
}
template <class Item> QString summary(const std::optional<Item>& row) { return row ? summaryOf(*row) : QObject::tr("(deleted)"); }

} // namespace

atlas::Date IncidentEdits::today() {
    const QDate now = QDate::currentDate();
    return *atlas::Date::fromYearMonthDay(now.year(), now.month(), now.day());
}

IncidentEdits::IncidentEdits(AtlasDocument* document, QObject* parent) : QObject(parent), m_document(document) {
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    m_retry.setInterval(3000);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_worker && !m_sending) {
            m_online = true; // tried: sendPending reconnects first, and says so when it cannot
            sendPending();
            if (m_pending.empty()) fetchChanges();
        }
    });
    // CONFLICT_ATLAS_STORE_LIMIT: another limit for a machine with more or less memory.
    if (const int limit = qEnvironmentVariableIntValue("CONFLICT_ATLAS_STORE_LIMIT"); limit > 0) m_storeLimit = limit;
    m_viewSettled.setSingleShot(true);
    m_viewSettled.setInterval(400);
    connect(&m_viewSettled, &QTimer::timeout, this, &IncidentEdits::loadView);
    connect(document, &AtlasDocument::fileRead, this, [this](const QUrl& location, bool merged) {
        if (m_worker || m_connecting) disconnectStore();
        sourceOpened(merged ? QStringLiteral("merged: ") + m_document->sourceName() : location.toLocalFile());
    });
    connect(document, &AtlasDocument::datasetChanged, this, [this] {
        if (m_worker && m_document->asKnownOn().isEmpty() && m_replaying) fetchChanges();
        m_replaying = !m_document->asKnownOn().isEmpty();
    });
    // An export to CSV or KML keeps no sites, lines, areas or actors, and is not the file the
    // edits are made to: only a save of the whole model ends the journal.
    connect(document, &AtlasDocument::wholeModelSaved, this, [this](const QString&) {
        if (m_worker) return;
        // In the file now: the journal has done its work.
        if (!m_journalPath.isEmpty()) QFile::remove(m_journalPath);
        m_unsaved = 0;
        // Saved as another file: later edits are journaled for that one. Undo still reaches back.
        if (const QString location = m_document->saveLocation().toLocalFile(); !location.isEmpty()) {
            m_source = location;
            m_journalPath = journalPathFor(location);
        }
        emit historyChanged();
    });
}

IncidentEdits::~IncidentEdits() {
    stopListening();
    m_thread.quit();
    m_thread.wait();
}

QString IncidentEdits::journalPathFor(const QString& source) {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/journals");
    QDir().mkpath(folder);
    return folder + QLatin1Char('/') + QString::fromLatin1(QCryptographicHash::hash(source.toUtf8(), QCryptographicHash::Sha1).toHex()) +
           QStringLiteral(".jsonl");
}

void IncidentEdits::sourceOpened(const QString& source) {
    m_history.clear();
    m_unsaved = 0;
    m_pending.clear();
    m_pendingActors.clear();
    m_source = source;
    m_journalPath = source.isEmpty() ? QString() : journalPathFor(source);
    m_leftJournal = {};
    if (!m_journalPath.isEmpty() && QFile::exists(m_journalPath)) {
        std::vector<atlas::Diagnostic> problems;
        if (auto left = atlas::readJournal(m_journalPath.toStdString(), problems); left && left->source == source.toStdString())
            m_leftJournal = std::move(*left);
        m_document->noteProblems(problems);
    }
    emit historyChanged();
    emit journalChanged();
}

QString IncidentEdits::restoreText() const {
    return tr("%n change(s) to this data (incidents, sites, lines, areas, new actors) were not saved when the program last stopped", "",
              int(m_leftJournal.edits.size() + m_leftJournal.actors.size()));
}

QString IncidentEdits::restoreJournal() {
    std::vector<atlas::Edit> edits = std::move(m_leftJournal.edits);
    const std::vector<atlas::Actor> actors = std::move(m_leftJournal.actors);
    m_leftJournal = {};
    emit journalChanged();
    // The actors the edits name first.
    m_document->addActors(actors);
    m_unsaved += int(actors.size());
    if (m_worker) m_pendingActors.insert(m_pendingActors.end(), actors.begin(), actors.end());
    int made = 0;
    QStringList refused;
    for (const atlas::Edit& edit : edits) {
        // Not journaled again: they are in the journal already.
        const QString problem = m_document->applyEdits({edit});
        if (!problem.isEmpty()) {
            refused << problem;
            continue;
        }
        m_history.record(edit);
        ++m_unsaved;
        ++made;
        if (m_worker) m_pending.push_back(edit);
    }
    sendPending();
    emit historyChanged();
    QString sentence = tr("%n edit(s) restored", "", made);
    if (!refused.isEmpty()) sentence += tr("; %n not (%1)", "", int(refused.size())).arg(refused.join(QStringLiteral("; ")));
    return sentence;
}

void IncidentEdits::discardJournal() {
    m_leftJournal = {};
    if (!m_journalPath.isEmpty()) QFile::remove(m_journalPath);
    emit journalChanged();
}

void IncidentEdits::journal(const atlas::Edit& edit) {
    if (m_journalPath.isEmpty()) return;
    const auto problems = atlas::appendToJournal(m_journalPath.toStdString(), m_source.toStdString(), edit);
    if (!problems.empty()) m_document->noteProblems(problems);
}

QString IncidentEdits::make(const atlas::Edit& edit, bool record) {
    if (const QString refused = m_document->applyEdits({edit}); !refused.isEmpty()) return refused;
    if (record) m_history.record(edit);
    journal(edit);
    ++m_unsaved;
    if (m_worker) {
        m_pending.push_back(edit);
        sendPending();
    }
    emit historyChanged();
    return {};
}

std::optional<atlas::Event> IncidentEdits::eventOf(const QVariantMap& fields, bool isNew, QVariantList* problems) const {
    auto problem = [&](const char* field, const QString& message) {
        if (problems) problems->append(QVariantMap{{QStringLiteral("field"), QString::fromLatin1(field)}, {QStringLiteral("message"), message}});
    };
    const atlas::Dataset& dataset = m_document->dataset();
    atlas::Event event;
    const QString id = fields.value(QStringLiteral("id")).toString().trimmed();
    // An incident changed keeps what the form does not show (tags, unknown fields).
    if (!isNew) {
        const auto row = atlas::findEventRow(dataset.events, id.toStdString());
        if (!row) {
            problem("id", tr("no incident has the id %1").arg(id));
            return std::nullopt;
        }
        event = dataset.events.at(*row);
    }
    event.id = id.toStdString();
    bool readable = true;
    if (auto type = atlas::eventTypeFromKey(fields.value(QStringLiteral("type")).toString().toStdString())) event.type = *type;
    if (auto date = atlas::Date::parse(fields.value(QStringLiteral("date")).toString().trimmed().toStdString())) event.date = *date;
    else problem("date", tr("a date is written YYYY-MM-DD")), readable = false;
    const QString end = fields.value(QStringLiteral("endDate")).toString().trimmed();
    event.endDate.reset();
    if (!end.isEmpty()) {
        if (auto date = atlas::Date::parse(end.toStdString())) event.endDate = *date;
        else problem("endDate", tr("an end date is written YYYY-MM-DD, or left empty")), readable = false;
    }
    if (auto p = atlas::datePrecisionFromKey(fields.value(QStringLiteral("datePrecision")).toString().toStdString())) event.datePrecision = *p;
    bool ok = false;
    event.place.point.latitude = fields.value(QStringLiteral("latitude")).toString().trimmed().toDouble(&ok);
    if (!ok) problem("latitude", tr("a latitude is a number of degrees")), readable = false;
    event.place.point.longitude = fields.value(QStringLiteral("longitude")).toString().trimmed().toDouble(&ok);
    if (!ok) problem("longitude", tr("a longitude is a number of degrees")), readable = false;
    if (auto p = atlas::placePrecisionFromKey(fields.value(QStringLiteral("placePrecision")).toString().toStdString())) event.place.precision = *p;
    event.place.name = fields.value(QStringLiteral("placeName")).toString().trimmed().toStdString();
    event.place.admin1 = fields.value(QStringLiteral("admin1")).toString().trimmed().toStdString();
    event.place.admin2 = fields.value(QStringLiteral("admin2")).toString().trimmed().toStdString();
    event.perpetrators = idsFromText(fields.value(QStringLiteral("perpetrators")).toString());
    event.targets = idsFromText(fields.value(QStringLiteral("targets")).toString());
    for (auto [key, count] : {std::pair{"killed", &event.killed}, std::pair{"wounded", &event.wounded}}) {
        const QString written = fields.value(QString::fromLatin1(key)).toString();
        if (auto parsed = atlas::parseCasualtyText(written.toStdString())) {
            parsed->extra = count->extra;
            *count = *parsed;
        } else {
            problem(key, tr("write a number as \"15\", \"more than 78\", \"at least 3\", \"about 40\", \"20-30\", or leave it empty, not \"%1\"").arg(written));
            readable = false;
        }
    }
    event.civilianTargeting = fields.value(QStringLiteral("civilianTargeting")).toBool();
    event.description = fields.value(QStringLiteral("description")).toString().toStdString();
    // Sources, one a line: publisher | title | date | URL. What the form does not show of a
    // source or a link (unknown fields) stays with the one in the same place.
    event.sources = sourcesFromText(fields.value(QStringLiteral("sources")).toString(), event.sources);
    const std::vector<atlas::EventLink> formerLinks = std::move(event.links);
    // Links, one a line: relation: incident id ("retaliation_for: kafr-…").
    event.links.clear();
    for (const QString& line : lines(fields.value(QStringLiteral("links")).toString())) {
        const int colon = line.indexOf(QLatin1Char(':'));
        atlas::EventLink link;
        const auto relation = colon < 0 ? std::optional(atlas::LinkRelation::Related)
                                        : atlas::linkRelationFromKey(line.left(colon).trimmed().toStdString());
        if (!relation) {
            problem("links", tr("\"%1\" is no relation (related, retaliation_for, part_of, follow_up_to)").arg(line.left(colon).trimmed()));
            readable = false;
            continue;
        }
        link.relation = *relation;
        link.eventId = (colon < 0 ? line : line.mid(colon + 1)).trimmed().toStdString();
        if (event.links.size() < formerLinks.size()) link.extra = formerLinks[event.links.size()].extra;
        event.links.push_back(std::move(link));
    }
    if (!readable) return std::nullopt;
    return event;
}

QVariantList IncidentEdits::typeChoices() const {
    QVariantList out;
    for (int i = 0; i < atlas::kEventTypeCount; ++i) {
        const auto type = static_cast<atlas::EventType>(i);
        const std::string_view key = atlas::toKey(type);
        out.append(QVariantMap{{QStringLiteral("key"), text(std::string(key))}, {QStringLiteral("label"), text(std::string(atlas::toLabel(type)))}});
    }
    return out;
}

QVariantList IncidentEdits::sideChoices() const {
    QVariantList out;
    for (int i = 0; i < atlas::kSideCount; ++i) {
        const auto side = static_cast<atlas::Side>(i);
        out.append(QVariantMap{{QStringLiteral("key"), text(std::string(atlas::toKey(side)))}, {QStringLiteral("label"), text(std::string(atlas::toLabel(side)))}});
    }
    return out;
}

QVariantMap IncidentEdits::addActor(const QString& name, const QString& sideKey, const QString& parentId) {
    auto refuse = [](const QString& why) { return QVariantMap{{QStringLiteral("error"), why}}; };
    if (restorable()) return refuse(tr("Restore or discard the edits left from the last session first"));
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) return refuse(tr("the new actor needs a name"));
    const atlas::Dataset& dataset = m_document->dataset();
    if (const atlas::Actor* known = dataset.findActorByIdNameOrAlias(trimmed.toStdString()))
        return refuse(tr("%1 is there already (id %2)").arg(trimmed, text(known->id)));
    const auto side = atlas::sideFromKey(sideKey.toStdString());
    if (!side) return refuse(tr("no side called %1").arg(sideKey));
    if (!parentId.isEmpty() && !dataset.findActor(parentId.toStdString())) return refuse(tr("no actor has the id %1").arg(parentId));
    // An id from the name: lower-case ASCII letters and digits, the rest one hyphen.
    std::string stem;
    for (const QChar c : trimmed.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) stem.push_back(char(c.unicode()));
        else if (!stem.empty() && stem.back() != '-') stem.push_back('-');
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    if (stem.empty()) stem = "actor";
    std::string id = stem;
    for (int n = 2; dataset.findActor(id); ++n) id = stem + "-" + std::to_string(n);
    atlas::Actor actor;
    actor.id = id;
    actor.name = trimmed.toStdString();
    actor.parent = parentId.toStdString();
    actor.side = *side;
    m_document->addActors({actor});
    if (!m_journalPath.isEmpty()) {
        const auto problems = atlas::appendActorToJournal(m_journalPath.toStdString(), m_source.toStdString(), actor);
        if (!problems.empty()) m_document->noteProblems(problems);
    }
    ++m_unsaved;
    if (m_worker) {
        m_pendingActors.push_back(actor);
        sendPending();
    }
    emit historyChanged();
    return {{QStringLiteral("id"), text(id)}};
}

QString IncidentEdits::freshId(atlas::Date day) const {
    QString id = text(atlas::newEventId(m_document->dataset(), day));
    // In a shared store another analyst may take the same number at the same moment (or hold it
    // outside the area loaded): a few random letters keep the two apart.
    if (m_worker) id += QStringLiteral("-%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
    return id;
}

QVariantMap IncidentEdits::blankIncident(double latitude, double longitude, const QString& isoDate) const {
    const auto day = atlas::Date::parse(isoDate.toStdString()).value_or(today());
    return {{QStringLiteral("id"), freshId(day)},
            {QStringLiteral("type"), QStringLiteral("air_strike")},
            {QStringLiteral("date"), text(day.toString())},
            {QStringLiteral("endDate"), QString()},
            {QStringLiteral("datePrecision"), QStringLiteral("day")},
            {QStringLiteral("latitude"), QString::number(latitude, 'f', 5)},
            {QStringLiteral("longitude"), QString::number(longitude, 'f', 5)},
            {QStringLiteral("placePrecision"), QStringLiteral("exact")},
            {QStringLiteral("killed"), QString()},
            {QStringLiteral("wounded"), QString()}};
}

QVariantMap IncidentEdits::incidentFields(const QString& id) const {
    const atlas::Dataset& dataset = m_document->dataset();
    const auto row = atlas::findEventRow(dataset.events, id.toStdString());
    if (!row) return {};
    const atlas::Event event = dataset.events.at(*row);
    QStringList links;
    for (const atlas::EventLink& l : event.links) links << text(std::string(atlas::toKey(l.relation))) + QStringLiteral(": ") + text(l.eventId);
    auto count = [](const atlas::CasualtyCount& c) { return c.known() ? text(c.toText()) : QString(); };
    return {{QStringLiteral("id"), text(event.id)},
            {QStringLiteral("type"), text(std::string(atlas::toKey(event.type)))},
            {QStringLiteral("date"), text(event.date.toString())},
            {QStringLiteral("endDate"), event.endDate ? text(event.endDate->toString()) : QString()},
            {QStringLiteral("datePrecision"), text(std::string(atlas::toKey(event.datePrecision)))},
            {QStringLiteral("latitude"), QString::number(event.place.point.latitude, 'g', 10)},
            {QStringLiteral("longitude"), QString::number(event.place.point.longitude, 'g', 10)},
            {QStringLiteral("placeName"), text(event.place.name)},
            {QStringLiteral("placePrecision"), text(std::string(atlas::toKey(event.place.precision)))},
            {QStringLiteral("admin1"), text(event.place.admin1)},
            {QStringLiteral("admin2"), text(event.place.admin2)},
            {QStringLiteral("perpetrators"), joined(event.perpetrators, QStringLiteral(", "))},
            {QStringLiteral("targets"), joined(event.targets, QStringLiteral(", "))},
            {QStringLiteral("killed"), count(event.killed)},
            {QStringLiteral("wounded"), count(event.wounded)},
            {QStringLiteral("civilianTargeting"), event.civilianTargeting},
            {QStringLiteral("description"), text(event.description)},
            {QStringLiteral("sources"), sourcesToText(event.sources)},
            {QStringLiteral("links"), links.join(QLatin1Char('\n'))}};
}

QVariantList IncidentEdits::check(const QVariantMap& fields, bool isNew) const {
    QVariantList problems;
    const auto event = eventOf(fields, isNew, &problems);
    if (!event) return problems;
    auto found = atlas::validateEvent(*event, m_document->dataset(), today(), isNew);
    // With only an area of a large store loaded, a linked incident may be elsewhere.
    if (m_partial) std::erase_if(found, [](const atlas::EditProblem& p) { return p.field == "links"; });
    appendProblems(found, problems);
    return problems;
}

QString IncidentEdits::save(const QVariantMap& fields, bool isNew) {
    if (restorable()) return tr("Restore or discard the edits left from the last session first");
    if (const QVariantList problems = check(fields, isNew); !problems.isEmpty())
        return problems.first().toMap().value(QStringLiteral("message")).toString();
    const auto event = eventOf(fields, isNew, nullptr);
    if (isNew) return make(atlas::EventEdit{std::nullopt, *event});
    const auto row = atlas::findEventRow(m_document->dataset().events, event->id);
    const atlas::Event before = m_document->dataset().events.at(*row);
    if (before == *event) return {};
    return make(atlas::EventEdit{before, *event});
}

QString IncidentEdits::remove(const QString& id) {
    if (restorable()) return tr("Restore or discard the edits left from the last session first");
    const auto row = atlas::findEventRow(m_document->dataset().events, id.toStdString());
    if (!row) return tr("no incident has the id %1").arg(id);
    return make(atlas::EventEdit{m_document->dataset().events.at(*row), std::nullopt});
}

QString IncidentEdits::undo() {
    auto edit = m_history.undo();
    if (!edit) return {};
    if (QString refused = make(*edit, false); !refused.isEmpty()) {
        m_history.restoreUndo(*edit);
        emit historyChanged();
        return tr("Cannot undo: %1").arg(refused);
    }
    return {};
}

QString IncidentEdits::redo() {
    auto edit = m_history.redo();
    if (!edit) return {};
    if (QString refused = make(*edit, false); !refused.isEmpty()) {
        m_history.restoreRedo(*edit);
        emit historyChanged();
        return tr("Cannot redo: %1").arg(refused);
    }
    return {};
}

// --- The store

void IncidentEdits::setStoreStatus(const QString& status, bool online) {
    m_storeStatus = status;
    m_online = online;
    emit storeChanged();
}

void IncidentEdits::connectToStore(const QString& url) {
    if (m_connecting) return;
    disconnectStore();
    m_connecting = true;
    const std::string address = url.trimmed().toStdString();
    m_storeName = text(atlas::redactedUrl(address));
    setStoreStatus(tr("Connecting to %1…").arg(m_storeName), false);
    auto worker = std::make_shared<Worker>();
    worker->url = address;
    const int generation = ++m_generation;
    QMetaObject::invokeMethod(m_context, [this, worker, generation, limit = std::uint64_t(m_storeLimit)] {
        QString problem = worker->ensureConnected();
        atlas::LoadResult pulled;
        std::optional<atlas::StoreStatus> status;
        std::optional<atlas::GeoBox> extent;
        if (problem.isEmpty()) {
            std::vector<atlas::Diagnostic> problems;
            status = worker->store->status(problems);
            atlas::EventFilter filter;
            if (status && status->events > limit) {
                // Too many to read whole: actors, sites, lines and areas now, incidents by the
                // area in view (a box off the globe holds none).
                extent = worker->store->extent(problems);
                filter.box = atlas::GeoBox{-1000, -1000, -999, -999};
            }
            pulled = worker->store->pull(filter, &worker->state);
            if (pulled.failed()) problem = text(pulled.diagnostics.front().message);
        }
        QMetaObject::invokeMethod(this, [this, worker, generation, problem, pulled = std::move(pulled), status, extent]() mutable {
            if (generation != m_generation) return; // disconnected, or another source opened, meanwhile
            m_connecting = false;
            if (!problem.isEmpty()) {
                m_storeName.clear();
                setStoreStatus(tr("Not connected: %1").arg(problem), false);
                emit notice(m_storeStatus);
                return;
            }
            const std::size_t count = pulled.dataset.events.size();
            m_document->openRead(std::move(pulled), m_storeName);
            m_worker = worker;
            sourceOpened(m_storeName);
            m_storeCount = status ? status->events : count;
            m_partial = status && status->events > std::uint64_t(m_storeLimit);
            m_storeExtent = extent;
            m_loadedBox.reset();
            const QString role = status ? text(status->user) : QString();
            const bool canWrite = status && status->canWrite;
            setStoreStatus(tr("Connected to %1 as %2 (%3); others' changes appear as they are made").arg(m_storeName, role, canWrite ? tr("may edit") : tr("read only")),
                           true);
            if (m_partial) {
                emit notice(tr("The store holds %L1 incidents, more than the window reads at once (%L2): it loads those of the area in view")
                                .arg(qulonglong(m_storeCount))
                                .arg(m_storeLimit));
                if (m_view) m_viewSettled.start();
            } else {
                emit notice(tr("%n incident(s) read from the store", "", int(count)));
            }
            startListening(worker->url);
            emit storeOpened();
        });
    });
}

void IncidentEdits::setStoreLimit(int limit) {
    if (limit <= 0 || limit == m_storeLimit) return;
    m_storeLimit = limit;
    emit storeChanged();
}

QVariantList IncidentEdits::storeExtent() const {
    if (!m_storeExtent) return {};
    return {m_storeExtent->minLongitude, m_storeExtent->minLatitude, m_storeExtent->maxLongitude, m_storeExtent->maxLatitude};
}

void IncidentEdits::viewChanged(double west, double south, double east, double north) {
    m_view = atlas::GeoBox{west, south, east, north};
    if (!m_partial || !m_worker) return;
    const bool inside = m_loadedBox && m_loadedBox->minLongitude <= west && m_loadedBox->minLatitude <= south &&
                        m_loadedBox->maxLongitude >= east && m_loadedBox->maxLatitude >= north;
    if (!inside) m_viewSettled.start();
}

void IncidentEdits::loadView() {
    if (!m_partial || !m_worker || !m_view) return;
    if (m_loadingView) {
        m_viewSettled.start(); // after the one under way
        return;
    }
    m_loadingView = true;
    // The view with half its size again on each side: panning a little needs no new read.
    const atlas::GeoBox view = *m_view;
    const double dx = (view.maxLongitude - view.minLongitude) / 2, dy = (view.maxLatitude - view.minLatitude) / 2;
    const atlas::GeoBox wide{std::max(-180.0, view.minLongitude - dx), std::max(-90.0, view.minLatitude - dy), std::min(180.0, view.maxLongitude + dx),
                             std::min(90.0, view.maxLatitude + dy)};
    QMetaObject::invokeMethod(m_context, [this, worker = m_worker, view, wide, limit = std::uint64_t(m_storeLimit)] {
        std::optional<atlas::LoadResult> pulled;
        std::optional<atlas::GeoBox> loaded;
        std::uint64_t inView = 0;
        QString problem = worker->ensureConnected();
        if (problem.isEmpty()) {
            std::vector<atlas::Diagnostic> problems;
            for (const atlas::GeoBox& box : {wide, view}) {
                atlas::EventFilter filter;
                filter.box = box;
                const auto count = worker->store->count(filter, problems);
                if (!count) break;
                inView = *count;
                if (*count > limit) continue;
                pulled = worker->store->pull(filter, &worker->state);
                loaded = box;
                break;
            }
            if (!problems.empty()) problem = text(problems.front().message);
        }
        QMetaObject::invokeMethod(this, [this, worker, pulled = std::move(pulled), loaded, inView, problem]() mutable {
            m_loadingView = false;
            if (worker != m_worker) return;
            if (!pulled || pulled->failed()) {
                if (!problem.isEmpty()) emit notice(problem);
                else if (pulled) emit notice(text(pulled->diagnostics.front().message));
                else emit notice(tr("The area in view holds %L1 incidents, more than the window reads at once (%L2): zoom in to load them").arg(qulonglong(inView)).arg(m_storeLimit));
                return;
            }
            // The edits not yet in the store stay shown over what was read.
            atlas::Dataset data = std::move(pulled->dataset);
            for (const atlas::Edit& edit : m_pending) (void)atlas::applyEdit(data, edit);
            const std::size_t count = data.events.size();
            m_document->replaceData(std::move(data));
            m_loadedBox = loaded;
            emit notice(tr("Loaded the %L1 incidents of the area in view (of %L2 in the store)").arg(qulonglong(count)).arg(qulonglong(m_storeCount)));
            emit viewLoaded();
        });
    });
}

void IncidentEdits::disconnectStore() {
    ++m_generation;
    m_connecting = false;
    stopListening();
    m_retry.stop();
    if (m_worker) {
        // Closed on its own thread, after whatever is queued there.
        QMetaObject::invokeMethod(m_context, [worker = m_worker] { worker->store.reset(); });
    }
    m_worker.reset();
    m_pendingActors.clear();
    m_partial = false;
    m_storeExtent.reset();
    m_loadedBox.reset();
    m_pending.clear();
    m_sending = false;
    m_storeName.clear();
    setStoreStatus(QString(), false);
}

void IncidentEdits::sendPending() {
    if (!m_worker || m_sending || !m_online || (m_pending.empty() && m_pendingActors.empty())) return;
    m_sending = true;
    std::vector<atlas::Edit> batch(m_pending.begin(), m_pending.end());
    m_sendingActors = m_pendingActors.size();
    QMetaObject::invokeMethod(m_context, [this, worker = m_worker, batch = std::move(batch), actors = m_pendingActors]() mutable {
        std::optional<atlas::StoreCommit> outcome;
        QString problem = worker->ensureConnected();
        if (problem.isEmpty()) {
            std::vector<atlas::Diagnostic> problems;
            outcome = worker->store->commit(batch, worker->state.revisions, problems, actors);
            if (outcome && outcome->committed)
                for (const auto& [id, revision] : outcome->revisions) {
                    if (revision == 0) worker->state.revisions.erase(id);
                    else worker->state.revisions[id] = revision;
                }
            if (!outcome && !problems.empty()) problem = text(problems.front().message);
        }
        // Away, or a failure that may pass (a deadlock with another writer): kept and tried again.
        const bool lost = !worker->store || !worker->store->connected() || (!outcome && worker->store->lastFailureTransient());
        QMetaObject::invokeMethod(this, [this, batch = std::move(batch), outcome = std::move(outcome), problem, lost]() mutable {
            committed(std::move(batch), std::move(outcome), problem, lost);
        });
    });
}

void IncidentEdits::committed(std::vector<atlas::Edit> sent, std::optional<atlas::StoreCommit> outcome, QString problem, bool lost) {
    m_sending = false;
    if (!m_worker) return;
    if (!outcome && lost) {
        setStoreStatus(tr("The server cannot be reached (%1): %n edit(s) kept here and in the journal, sent when it is back", "", int(m_pending.size()))
                           .arg(problem),
                       false);
        m_retry.start();
        return;
    }
    m_retry.stop();
    if (!outcome) {
        // Refused by the server (no right to write, …): taken back here, and said.
        for (auto it = sent.rbegin(); it != sent.rend(); ++it) (void)m_document->applyEdits({atlas::inverse(*it)});
        for (std::size_t i = 0; i < sent.size() && !m_pending.empty(); ++i) m_pending.pop_front();
        m_pendingActors.clear();
        m_unsaved = int(m_pending.size());
        m_history.clear();
        forgetJournalWhenDone();
        emit historyChanged();
        emit notice(tr("The store refused the edit: %1").arg(problem));
        return;
    }
    if (outcome->committed) {
        for (std::size_t i = 0; i < sent.size() && !m_pending.empty(); ++i) m_pending.pop_front();
        m_pendingActors.erase(m_pendingActors.begin(), m_pendingActors.begin() + std::ptrdiff_t(std::min(m_sendingActors, m_pendingActors.size())));
        m_unsaved = int(m_pending.size() + m_pendingActors.size());
        forgetJournalWhenDone();
        setStoreStatus(m_storeStatus, true);
        emit historyChanged();
        emit notice(tr("%n edit(s) written to the store", "", int(sent.size())));
        sendPending();
        return;
    }
    // Conflicts: those edits leave the queue and the data shows the store's version; the rest
    // go again. Each conflict keeps the analyst's version until they choose.
    for (const atlas::StoreConflict& conflict : outcome->conflicts) {
        std::erase_if(m_pending, [&](const atlas::Edit& e) { return e == conflict.mine; });
        const bool keep = std::visit(
            [&](const auto& mine) {
                using Item = typename std::decay_t<decltype(mine)>::Item;
                const auto& theirs = std::get<atlas::RowEdit<Item>>(conflict.theirs).after;
                // The store has this very edit already (an earlier commit whose reply was lost): done.
                if (theirs == mine.after) return false;
                const auto local = atlas::currentRow<Item>(m_document->dataset(), mine.id());
                if (local != theirs) (void)m_document->applyEdits({atlas::RowEdit<Item>{local, theirs}});
                return true;
            },
            conflict.mine);
        if (!keep) continue;
        m_conflicts.push_back(conflict);
        emit notice(text(conflict.toText()));
    }
    m_unsaved = int(m_pending.size());
    emit conflictsChanged();
    emit historyChanged();
    sendPending();
}

void IncidentEdits::forgetJournalWhenDone() {
    // Kept while anything is not in the store: queued edits, new actors, or conflicts undecided.
    if (m_pending.empty() && m_pendingActors.empty() && m_conflicts.empty() && !m_journalPath.isEmpty()) QFile::remove(m_journalPath);
}

QVariantList IncidentEdits::conflicts() const {
    QVariantList out;
    for (const atlas::StoreConflict& c : m_conflicts)
        std::visit(
            [&](const auto& mine) {
                using Item = typename std::decay_t<decltype(mine)>::Item;
                out.append(QVariantMap{{QStringLiteral("id"), text(mine.id())},
                                       {QStringLiteral("text"), text(c.toText())},
                                       {QStringLiteral("mine"), summary(mine.after)},
                                       {QStringLiteral("theirs"), summary(std::get<atlas::RowEdit<Item>>(c.theirs).after)}});
            },
            c.mine);
    return out;
}

void IncidentEdits::resolveConflict(int index, bool keepMine) {
    if (index < 0 || index >= int(m_conflicts.size())) return;
    const atlas::StoreConflict conflict = m_conflicts[std::size_t(index)];
    m_conflicts.erase(m_conflicts.begin() + index);
    if (keepMine && m_worker) {
        std::visit(
            [&](const auto& mineEdit) {
                using Item = typename std::decay_t<decltype(mineEdit)>::Item;
                const auto& theirs = std::get<atlas::RowEdit<Item>>(conflict.theirs).after;
                if (!theirs && !mineEdit.after) return; // both deleted it
                // Written over what the window shows of it now (the store's version, or a later
                // one heard since): the commit checks the store still has that.
                const std::string id = mineEdit.id();
                std::optional<Item> shown = atlas::currentRow<Item>(m_document->dataset(), id);
                QMetaObject::invokeMethod(m_context, [worker = m_worker, key = atlas::storeRevisionKey<Item>(id), revision = conflict.theirRevision] {
                    if (revision > 0 && !worker->state.revisions.contains(key)) worker->state.revisions[key] = revision;
                });
                std::optional<Item> mine = mineEdit.after;
                if (mineEdit.isAddition() && shown) {
                    // Another row took this id: theirs stays, and mine is added under a new one.
                    if constexpr (std::is_same_v<Item, atlas::Event>) mine->id = freshId(mine->date).toStdString();
                    else mine->id = atlas::newSituationId(m_document->dataset(), atlas::kItemWord<Item>, mine->name + " " + std::to_string(QRandomGenerator::global()->bounded(0x10000)));
                    shown.reset();
                }
                if (shown != mine) {
                    if (const QString refused = make(atlas::RowEdit<Item>{shown, mine}); !refused.isEmpty()) {
                        // Not lost: the conflict stays to be decided.
                        m_conflicts.insert(m_conflicts.begin() + index, conflict);
                        emit notice(refused);
                    }
                }
            },
            conflict.mine);
    }
    forgetJournalWhenDone();
    emit conflictsChanged();
}

void IncidentEdits::fetchChanges() {
    if (!m_worker) return;
    // While the data is replayed as known on a day, the store's changes wait (they go into the
    // latest data): fetched when the replay ends.
    if (!m_document->asKnownOn().isEmpty()) return;
    QMetaObject::invokeMethod(m_context, [this, worker = m_worker] {
        if (!worker->ensureConnected().isEmpty()) return;
        std::vector<atlas::Diagnostic> problems;
        auto changes = worker->store->changesSince(worker->state.lastChange, problems);
        if (!changes) return;
        worker->state.lastChange = changes->lastChange;
        auto note = [&]<class Item>(const atlas::StoreRowChanges<Item>& rows) {
            for (std::size_t i = 0; i < rows.current.size(); ++i) worker->state.revisions[atlas::storeRevisionKey<Item>(rows.current[i].id)] = rows.revisions[i];
            for (const std::string& id : rows.deleted) worker->state.revisions.erase(atlas::storeRevisionKey<Item>(id));
        };
        note(atlas::StoreRowChanges<atlas::Event>{changes->current, changes->revisions, changes->deleted});
        note(changes->sites);
        note(changes->lines);
        note(changes->areas);
        QMetaObject::invokeMethod(this, [this, worker, changes = std::move(*changes)]() mutable {
            if (worker == m_worker) applyChanges(std::move(changes));
        });
    });
}

void IncidentEdits::applyChanges(atlas::StoreChanges changes) {
    // Actors first: the incidents may name them.
    std::erase_if(changes.actors, [&](const atlas::Actor& actor) {
        const atlas::Actor* known = m_document->dataset().findActor(actor.id);
        return known && *known == actor;
    });
    m_document->addActors(changes.actors);
    // Edits from the data as it is here to the store's: what this client wrote itself is
    // already so and is passed over.
    const atlas::Dataset& dataset = m_document->dataset();
    std::vector<atlas::Edit> edits;
    auto differences = [&]<class Item>(std::vector<Item>& current, const std::vector<std::string>& deleted) {
        for (Item& row : current) {
            std::optional<Item> local = atlas::currentRow<Item>(dataset, row.id);
            if (local != row) edits.push_back(atlas::RowEdit<Item>{std::move(local), std::move(row)});
        }
        for (const std::string& id : deleted)
            if (auto local = atlas::currentRow<Item>(dataset, id)) edits.push_back(atlas::RowEdit<Item>{std::move(local), std::nullopt});
    };
    differences(changes.current, changes.deleted);
    const std::size_t incidents = edits.size();
    differences(changes.sites.current, changes.sites.deleted);
    differences(changes.lines.current, changes.lines.deleted);
    differences(changes.areas.current, changes.areas.deleted);
    if (edits.empty()) return;
    const int count = int(edits.size());
    if (const QString refused = m_document->applyEdits(edits); !refused.isEmpty()) {
        emit notice(tr("Changes from the store not shown: %1").arg(refused));
        return;
    }
    if (incidents == edits.size()) emit notice(tr("%n incident(s) changed in the store by others", "", count));
    else emit notice(tr("%n incident(s), site(s), line(s) or area(s) changed in the store by others", "", count));
}

void IncidentEdits::startListening(const std::string& url) {
    stopListening();
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_stopListening = stop;
    const int generation = m_generation;
    // Its own connection: LISTEN holds it, waiting on the server's socket. What it posts back
    // is dropped when the connection it belongs to has been replaced (`generation`).
    m_listener = std::thread([this, url, stop, generation] {
        auto post = [&](auto work) {
            QMetaObject::invokeMethod(this, [this, generation, work] {
                if (generation == m_generation) work();
            });
        };
        std::unique_ptr<atlas::PgStore> store;
        bool wasLost = false;
        while (!*stop) {
            if (!store || !store->connected()) {
                std::vector<atlas::Diagnostic> problems;
                store = atlas::PgStore::connect(url, problems);
                if (store && !store->listen(problems)) {
                    // Connected, but the store cannot notify (an older schema): said once; the
                    // changes are seen when the store is opened again.
                    const QString why = problems.empty() ? QString() : text(problems.front().message);
                    post([this, why] { emit notice(why); });
                    return;
                }
                if (!store) {
                    if (!wasLost) post([this] {
                        m_retry.start();
                        setStoreStatus(tr("The server cannot be reached: edits are kept here and sent when it is back"), false);
                    });
                    wasLost = true;
                    // Tried again in a second, checking for the end every tenth.
                    for (int i = 0; i < 10 && !*stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    continue;
                }
                // Listening (again): what changed before, or while away, is fetched now.
                post([this, wasLost] {
                    if (wasLost) {
                        m_retry.stop();
                        setStoreStatus(tr("Connected to %1 again").arg(m_storeName), true);
                        sendPending();
                    }
                    fetchChanges();
                });
                wasLost = false;
            }
            switch (store->waitForChange(200)) {
            case atlas::StoreWait::Changed: post([this] { fetchChanges(); }); break;
            case atlas::StoreWait::Lost: store.reset(); break;
            case atlas::StoreWait::TimedOut: break;
            }
        }
    });
}

void IncidentEdits::stopListening() {
    if (m_stopListening) *m_stopListening = true;
    if (m_listener.joinable()) m_listener.join();
    m_stopListening.reset();
}

} // namespace atlas::ui
