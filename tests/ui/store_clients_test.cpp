// Two analysts on one shared store, as the window runs them (two AtlasSessions, each with its
// IncidentEdits connected on its worker thread, listening on its own connection): an incident
// one adds (or a line drawn, a site's status changed) is on the other's map within 2 s; both
// correcting one incident (or line) at once lose nothing
// (one is refused with both versions, then written over on request); the server going away
// mid-session keeps the edit here until it is back. Against the test server (label db:
// tools/dev test starts one and names it in ATLAS_TEST_DATABASE); skipped without one.
#include "atlas_session.h"

#include "atlas/io/native_format.h"
#include "atlas/query/query.h"
#include "atlas/store/pg_store.h"

#include <QElapsedTimer>
#include <QGeoCoordinate>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <libpq-fe.h>
#include <unistd.h>

using namespace atlas::ui;

namespace {

bool admin(const QByteArray& url, const QByteArray& sql) {
    PGconn* connection = PQconnectdb(url.constData());
    bool ok = PQstatus(connection) == CONNECTION_OK;
    if (ok) {
        PQclear(PQexec(connection, "SET client_min_messages = warning"));
        PGresult* result = PQexec(connection, sql.constData());
        ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
        if (!ok) qWarning("%s", PQresultErrorMessage(result));
        PQclear(result);
    } else {
        qWarning("%s", PQerrorMessage(connection));
    }
    PQfinish(connection);
    return ok;
}

bool holds(AtlasSession& session, const QString& id) {
    return atlas::findEventRow(session.document()->dataset().events, id.toStdString()).has_value();
}

class StoreClientsTest : public QObject {
    Q_OBJECT

    QByteArray m_base, m_schema;

    [[nodiscard]] QString url(const QByteArray& user = {}) const {
        QByteArray out = m_base + (m_base.contains('?') ? "&" : "?") + "options=-csearch_path%3D" + m_schema + "%2Cpublic";
        if (!user.isEmpty()) out += "&user=" + user;
        return QString::fromUtf8(out);
    }
    // Connects a session and waits for the store's data.
    static bool connectTo(AtlasSession& session, const QString& url) {
        QSignalSpy opened(session.edits(), &IncidentEdits::storeOpened);
        session.edits()->connectToStore(url);
        return opened.wait(20000) && session.edits()->online();
    }
    static QVariantMap correction(IncidentEdits& edits, const QString& id, const QString& field, const QString& value) {
        QVariantMap fields = edits.incidentFields(id);
        fields[field] = value;
        return fields;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_base = qgetenv("ATLAS_TEST_DATABASE");
        if (m_base.isEmpty()) QSKIP("no test server: tools/dev test starts one (tools/dev db start), named in ATLAS_TEST_DATABASE");
        m_schema = "window_" + QByteArray::number(::getpid());
        QVERIFY(admin(m_base, "CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public; DROP SCHEMA IF EXISTS " + m_schema +
                                  " CASCADE; CREATE SCHEMA " + m_schema));
        std::vector<atlas::Diagnostic> problems;
        auto store = atlas::PgStore::connect(url().toStdString(), problems);
        QVERIFY(store);
        QVERIFY(store->init().empty());
        const atlas::LoadResult sample = atlas::readNativeFile(ATLAS_SAMPLE_DATASET);
        QVERIFY(store->push(sample.dataset, problems));
    }
    void cleanupTestCase() {
        if (!m_schema.isEmpty())
            admin(m_base, "DROP SCHEMA IF EXISTS " + m_schema + " CASCADE; DROP ROLE IF EXISTS " + m_schema + "_analyst");
    }

    void anIncidentOneAddsIsOnTheOthersMapWithinTwoSeconds() {
        AtlasSession alice, bob;
        QVERIFY(connectTo(alice, url()));
        QVERIFY(connectTo(bob, url()));
        QCOMPARE(bob.document()->eventCount(), alice.document()->eventCount());
        QVariantMap form = alice.edits()->blankIncident(35.9, 36.63, QStringLiteral("2020-10-26"));
        // By an actor Alice makes in the form: it travels with the incident.
        const QString actor = alice.edits()->addActor(QStringLiteral("Sultan Murad Division"), QStringLiteral("turkish_forces"), QString())
                                  .value(QStringLiteral("id")).toString();
        QCOMPARE(actor, QStringLiteral("sultan-murad-division"));
        form[QStringLiteral("perpetrators")] = actor;
        form[QStringLiteral("killed")] = QStringLiteral("3");
        const QString id = form.value(QStringLiteral("id")).toString();
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(alice.edits()->save(form, true), QString());
        QTRY_VERIFY_WITH_TIMEOUT(holds(bob, id), 2000);
        qInfo("seen by the second client after %lld ms", static_cast<long long>(clock.elapsed()));
        QVERIFY(bob.document()->dataset().findActor(actor.toStdString()));
        QCOMPARE(bob.document()->dataset().sideOfEvent(*atlas::findEventRow(bob.document()->dataset().events, id.toStdString())),
                 atlas::Side::TurkishForces);
        QTRY_COMPARE(alice.edits()->unsavedCount(), 0);
        // A deletion travels the same way.
        QCOMPARE(bob.edits()->remove(id), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!holds(alice, id), 2000);
    }

    void twoCorrectionsOfOneIncidentAtOnceLoseNothing() {
        AtlasSession alice, bob;
        QVERIFY(connectTo(alice, url()));
        QVERIFY(connectTo(bob, url()));
        const QString id = QString::fromStdString(std::string(alice.document()->dataset().events.id(2)));
        // Both correct the version they read, before either hears of the other's.
        QCOMPARE(alice.edits()->save(correction(*alice.edits(), id, QStringLiteral("description"), QStringLiteral("Alice: two strikes")), false), QString());
        QCOMPARE(bob.edits()->save(correction(*bob.edits(), id, QStringLiteral("killed"), QStringLiteral("more than 12")), false), QString());
        // One of them is written; the other is refused and kept, with both versions.
        QTRY_VERIFY_WITH_TIMEOUT(alice.edits()->conflicts().size() + bob.edits()->conflicts().size() == 1, 10000);
        AtlasSession& loser = alice.edits()->conflicts().isEmpty() ? bob : alice;
        AtlasSession& winner = &loser == &alice ? bob : alice;
        const QVariantMap conflict = loser.edits()->conflicts().front().toMap();
        QCOMPARE(conflict.value(QStringLiteral("id")).toString(), id);
        QVERIFY(conflict.value(QStringLiteral("text")).toString().contains(QStringLiteral("changed by")));
        const bool aliceLost = &loser == &alice;
        QVERIFY(conflict.value(QStringLiteral("mine")).toString().contains(aliceLost ? QStringLiteral("Alice: two strikes") : QStringLiteral("more than 12")));
        QVERIFY(conflict.value(QStringLiteral("theirs")).toString().contains(aliceLost ? QStringLiteral("more than 12") : QStringLiteral("Alice: two strikes")));
        // The loser's map shows the store's version meanwhile; then they write theirs over it.
        loser.edits()->resolveConflict(0, true);
        QVERIFY(loser.edits()->conflicts().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(loser.edits()->unsavedCount(), 0, 10000);
        const auto stored = [&](AtlasSession& session) {
            const atlas::Dataset& d = session.document()->dataset();
            return d.events.at(*atlas::findEventRow(d.events, id.toStdString()));
        };
        const atlas::Event resolved = stored(loser);
        QTRY_VERIFY_WITH_TIMEOUT(stored(winner) == resolved, 2000);
        // In the store, and the winner's version kept in its history.
        std::vector<atlas::Diagnostic> problems;
        auto store = atlas::PgStore::connect(url().toStdString(), problems);
        atlas::StoreState state;
        const atlas::LoadResult now = store->pull({}, &state);
        QCOMPARE(now.dataset.events.at(*atlas::findEventRow(now.dataset.events, id.toStdString())), resolved);
        QCOMPARE(state.revisions.at(id.toStdString()), 3);
    }

    void twoNewIncidentsUnderOneIdAreBothKept() {
        AtlasSession alice, bob;
        QVERIFY(connectTo(alice, url()));
        QVERIFY(connectTo(bob, url()));
        // Ids in a store carry random letters; typed by hand, two analysts may still pick one.
        QVariantMap byAlice = alice.edits()->blankIncident(35.8, 36.6, QStringLiteral("2020-11-05"));
        QVariantMap byBob = bob.edits()->blankIncident(35.9, 36.5, QStringLiteral("2020-11-05"));
        QVERIFY(byAlice.value(QStringLiteral("id")) != byBob.value(QStringLiteral("id")));
        byAlice[QStringLiteral("id")] = byBob[QStringLiteral("id")] = QStringLiteral("typed-by-hand-1");
        byAlice[QStringLiteral("description")] = QStringLiteral("Alice's");
        byBob[QStringLiteral("description")] = QStringLiteral("Bob's");
        QCOMPARE(alice.edits()->save(byAlice, true), QString());
        QCOMPARE(bob.edits()->save(byBob, true), QString());
        QTRY_VERIFY_WITH_TIMEOUT(alice.edits()->conflicts().size() + bob.edits()->conflicts().size() == 1, 10000);
        AtlasSession& loser = alice.edits()->conflicts().isEmpty() ? bob : alice;
        QVERIFY(loser.edits()->conflicts().front().toMap().value(QStringLiteral("text")).toString().contains(QStringLiteral("was added by")));
        loser.edits()->resolveConflict(0, true);
        QTRY_COMPARE_WITH_TIMEOUT(loser.edits()->unsavedCount(), 0, 10000);
        // Both in the store: the first under the id, the other under a new one.
        std::vector<atlas::Diagnostic> problems;
        auto store = atlas::PgStore::connect(url().toStdString(), problems);
        const atlas::Dataset now = store->pull({}).dataset;
        int found = 0;
        for (const atlas::Event& event : now.events)
            if (event.description == "Alice's" || event.description == "Bob's") ++found;
        QCOMPARE(found, 2);
    }

    void aLineAndASitesStatusTravelAndTheirConflictsAreKept() {
        AtlasSession alice, bob;
        QVERIFY(connectTo(alice, url()));
        QVERIFY(connectTo(bob, url()));
        auto lineIn = [](AtlasSession& session, const std::string& id) { return atlas::currentRow<atlas::Line>(session.document()->dataset(), id); };
        // Alice draws a front line: on Bob's map within 2 s.
        QVariantList points;
        for (const auto& [latitude, longitude] : {std::pair{35.80, 36.62}, std::pair{35.85, 36.60}, std::pair{35.88, 36.55}})
            points.append(QVariant::fromValue(QGeoCoordinate(latitude, longitude)));
        QVariantMap line = alice.situationEdits()->blankShape(QStringLiteral("line"), points, QStringLiteral("2020-02-06"));
        line[QStringLiteral("name")] = QStringLiteral("Front west of Saraqib");
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(alice.situationEdits()->saveShape(line, true), QString());
        const std::string lineId = "line-front-west-of-saraqib";
        QTRY_VERIFY_WITH_TIMEOUT(lineIn(bob, lineId).has_value(), 2000);
        qInfo("a line seen by the second client after %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(*lineIn(bob, lineId), *lineIn(alice, lineId));
        // A site's status on a date, the same way.
        const QString siteId = QString::fromStdString(alice.document()->dataset().sites.front().id);
        const QVariantMap change{{QStringLiteral("siteId"), siteId}, {QStringLiteral("date"), QStringLiteral("2020-02-20")}, {QStringLiteral("status"), QStringLiteral("encircled")}};
        QCOMPARE(alice.situationEdits()->changeStatus(change), QString());
        QTRY_VERIFY_WITH_TIMEOUT(bob.document()->dataset().sites.front() == alice.document()->dataset().sites.front(), 2000);
        QTRY_COMPARE(alice.edits()->unsavedCount(), 0);
        QTRY_COMPARE(bob.edits()->unsavedCount(), 0);

        // Both correct the line at once: one is refused with both versions, nothing lost.
        QVariantMap byAlice = alice.situationEdits()->shapeFields(QStringLiteral("line"), QString::fromStdString(lineId));
        QVariantMap byBob = bob.situationEdits()->shapeFields(QStringLiteral("line"), QString::fromStdString(lineId));
        byAlice[QStringLiteral("validTo")] = QStringLiteral("2020-03-05");
        byBob[QStringLiteral("name")] = QStringLiteral("Front west of Saraqib (Bob)");
        QCOMPARE(alice.situationEdits()->saveShape(byAlice, false), QString());
        QCOMPARE(bob.situationEdits()->saveShape(byBob, false), QString());
        QTRY_VERIFY_WITH_TIMEOUT(alice.edits()->conflicts().size() + bob.edits()->conflicts().size() == 1, 10000);
        AtlasSession& loser = alice.edits()->conflicts().isEmpty() ? bob : alice;
        AtlasSession& winner = &loser == &alice ? bob : alice;
        const QVariantMap conflict = loser.edits()->conflicts().front().toMap();
        QVERIFY2(conflict.value(QStringLiteral("text")).toString().startsWith(QStringLiteral("line ") + QString::fromStdString(lineId) + QStringLiteral(" was changed by")),
                 qPrintable(conflict.value(QStringLiteral("text")).toString()));
        loser.edits()->resolveConflict(0, true);
        QTRY_COMPARE_WITH_TIMEOUT(loser.edits()->unsavedCount(), 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(lineIn(winner, lineId) == lineIn(loser, lineId), 2000);
        QCOMPARE(lineIn(winner, lineId)->name, &loser == &bob ? std::string("Front west of Saraqib (Bob)") : std::string("Front west of Saraqib"));
        // Deleted by one, gone from the other's map.
        QCOMPARE(bob.situationEdits()->removeShape(QStringLiteral("line"), QString::fromStdString(lineId)), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!lineIn(alice, lineId).has_value(), 2000);
    }

    void theServerGoingAwayKeepsTheEditUntilItIsBack() {
        const QByteArray role = m_schema + "_analyst";
        QVERIFY(admin(m_base, "DROP ROLE IF EXISTS " + role + "; CREATE ROLE " + role + " LOGIN; GRANT USAGE ON SCHEMA " + m_schema + " TO " + role +
                                  "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + m_schema + " TO " + role +
                                  "; GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + m_schema + " TO " + role));
        AtlasSession analyst;
        QVERIFY(connectTo(analyst, url(role)));
        // The server drops the analyst and lets them in no more (as if it had stopped).
        QVERIFY(admin(m_base, "ALTER ROLE " + role + " NOLOGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'"));
        QVariantMap form = analyst.edits()->blankIncident(35.7, 36.7, QStringLiteral("2020-11-02"));
        form[QStringLiteral("description")] = QStringLiteral("written while the server was away");
        const QString id = form.value(QStringLiteral("id")).toString();
        QCOMPARE(analyst.edits()->save(form, true), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!analyst.edits()->online(), 10000);
        QVERIFY2(analyst.edits()->storeStatus().contains(QStringLiteral("cannot be reached")), qPrintable(analyst.edits()->storeStatus()));
        QVERIFY(!analyst.edits()->storeStatus().contains(QStringLiteral("\n")));
        QVERIFY(holds(analyst, id));
        QCOMPARE(analyst.edits()->unsavedCount(), 1);
        QVERIFY(QFile::exists(IncidentEdits::journalPathFor(analyst.edits()->storeName())));
        // Back: the edit is sent, and nothing is left pending.
        QVERIFY(admin(m_base, "ALTER ROLE " + role + " LOGIN"));
        QTRY_COMPARE_WITH_TIMEOUT(analyst.edits()->unsavedCount(), 0, 20000);
        QVERIFY(analyst.edits()->online());
        std::vector<atlas::Diagnostic> problems;
        auto store = atlas::PgStore::connect(url().toStdString(), problems);
        QVERIFY(atlas::findEventRow(store->pull({}).dataset.events, id.toStdString()));
        QVERIFY(!QFile::exists(IncidentEdits::journalPathFor(analyst.edits()->storeName())));
    }

    void aStoreTooLargeToReadWholeIsLoadedByTheAreaInView() {
        AtlasSession session;
        session.edits()->setStoreLimit(60); // the sample's 152 are "too many" here
        QVERIFY(connectTo(session, url()));
        QVERIFY(session.edits()->partial());
        QCOMPARE(session.document()->eventCount(), 0);
        QCOMPARE(session.edits()->storeExtent().size(), 4);
        QVERIFY(!session.document()->dataset().actors.empty());
        // Everything in view: more than the limit, so nothing is read, and the analyst is told.
        QSignalSpy notices(session.edits(), &IncidentEdits::notice);
        const QVariantList extent = session.edits()->storeExtent();
        session.edits()->viewChanged(extent[0].toDouble(), extent[1].toDouble(), extent[2].toDouble(), extent[3].toDouble());
        QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 5000);
        QVERIFY2(notices.last().first().toString().contains(QStringLiteral("zoom in")), qPrintable(notices.last().first().toString()));
        QCOMPARE(session.document()->eventCount(), 0);
        // Zoomed in on Idlib city: its incidents are read, with a margin, as the engine finds them.
        const atlas::GeoBox view{36.55, 35.87, 36.72, 35.98};
        QSignalSpy loaded(session.edits(), &IncidentEdits::viewLoaded);
        session.edits()->viewChanged(view.minLongitude, view.minLatitude, view.maxLongitude, view.maxLatitude);
        QVERIFY(loaded.wait(10000));
        std::vector<atlas::Diagnostic> problems;
        auto store = atlas::PgStore::connect(url().toStdString(), problems);
        const atlas::Dataset all = store->pull({}).dataset;
        const atlas::EventIndex index(all);
        atlas::EventFilter inView;
        inView.box = view;
        const auto expected = index.select(inView);
        QVERIFY(!expected.empty());
        const atlas::Dataset& shown = session.document()->dataset();
        QVERIFY(int(shown.events.size()) <= session.edits()->storeLimit());
        for (const std::uint32_t row : expected) QVERIFY(atlas::findEventRow(shown.events, all.events.id(row)));
        // Zooming in within what was read reads nothing again (given the time a read would take).
        session.edits()->viewChanged(view.minLongitude + 0.02, view.minLatitude + 0.02, view.maxLongitude - 0.02, view.maxLatitude - 0.02);
        QVERIFY(!loaded.wait(1500));
        QCOMPARE(loaded.size(), 1);
    }

    void aBadAddressOrWrongPasswordIsSaidWithoutThePassword() {
        AtlasSession session;
        session.edits()->connectToStore(QStringLiteral("postgresql://someone:s3cret@127.0.0.1:1/atlas?connect_timeout=3"));
        QTRY_VERIFY_WITH_TIMEOUT(!session.edits()->connecting(), 10000);
        QVERIFY(session.edits()->storeStatus().startsWith(QStringLiteral("Not connected")));
        QVERIFY(!session.edits()->storeStatus().contains(QStringLiteral("s3cret")));
        QVERIFY(session.edits()->storeName().isEmpty());
    }
};

} // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    StoreClientsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "store_clients_test.moc"
