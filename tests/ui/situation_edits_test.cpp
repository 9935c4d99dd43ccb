// The situation written in the window (SituationEdits) on a file: a site's status changed on a
// date and taken back; a line and an area drawn (checked first), changed and deleted, undone;
// all of it in the crash journal, offered back at the next opening, and in the file once saved.
#include "atlas_session.h"

#include "atlas/io/edit_journal.h"

#include <QFile>
#include <QGeoCoordinate>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

QVariantList coordinates(std::initializer_list<std::pair<double, double>> points) {
    QVariantList out;
    for (const auto& [latitude, longitude] : points) out.append(QVariant::fromValue(QGeoCoordinate(latitude, longitude)));
    return out;
}

QStringList messagesOf(const QVariantList& problems) {
    QStringList out;
    for (const QVariant& p : problems) out << p.toMap().value(QStringLiteral("field")).toString() + QStringLiteral(": ") + p.toMap().value(QStringLiteral("message")).toString();
    return out;
}

const atlas::Line* lineNamed(const atlas::Dataset& dataset, const std::string& id) {
    for (const atlas::Line& line : dataset.lines)
        if (line.id == id) return &line;
    return nullptr;
}

class SituationEditsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_folder;
    QString m_file;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_folder.isValid());
    }
    void init() {
        m_file = m_folder.filePath(QStringLiteral("idlib.atlas.json"));
        QFile::remove(m_file);
        QVERIFY(QFile::copy(QStringLiteral(ATLAS_SAMPLE_DATASET), m_file));
        QFile::setPermissions(m_file, QFile::ReadOwner | QFile::WriteOwner);
        QFile::remove(IncidentEdits::journalPathFor(m_file));
    }

    void aSitesStatusIsChangedOnADateAndTakenBack() {
        AtlasSession session;
        QVERIFY(session.document()->open(QUrl::fromLocalFile(m_file)));
        SituationEdits& situation = *session.situationEdits();
        const atlas::Site site = session.document()->dataset().sites.front();
        const QString siteId = QString::fromStdString(site.id);
        const QVariantMap fields = situation.siteFields(siteId);
        QCOMPARE(fields.value(QStringLiteral("history")).toList().size(), qsizetype(site.history.size()));
        const atlas::Date day = site.history.front().date.addDays(3);
        QVariantMap change{{QStringLiteral("siteId"), siteId},
                           {QStringLiteral("date"), QString::fromStdString(day.toString())},
                           {QStringLiteral("status"), QStringLiteral("encircled")},
                           {QStringLiteral("note"), QStringLiteral("surrounded by the advance")},
                           {QStringLiteral("sources"), QStringLiteral("Russia Monitor | The post surrounded | | https://example.org/post")}};
        // A day in the future is refused, and said.
        QVariantMap future = change;
        future[QStringLiteral("date")] = QStringLiteral("2099-01-01");
        QVERIFY2(messagesOf(situation.checkStatusChange(future)).join(' ').contains(QStringLiteral("2099-01-01 is in the future")),
                 qPrintable(messagesOf(situation.checkStatusChange(future)).join(' ')));
        QVERIFY(!situation.changeStatus(future).isEmpty());
        QVERIFY(situation.checkStatusChange(change).isEmpty());
        QCOMPARE(situation.changeStatus(change), QString());
        const atlas::Site changed = session.document()->dataset().sites.front();
        QCOMPARE(changed.statusOn(day), atlas::SiteStatus::Encircled);
        QCOMPARE(changed.statusOn(day.addDays(-1)), site.statusOn(day.addDays(-1)));
        QCOMPARE(session.edits()->undoText(), QStringLiteral("Undo edit site ") + siteId);
        QCOMPARE(session.edits()->unsavedCount(), 1);
        // The change of that day taken back by hand, then the whole edit by undo and redo.
        const QVariantList history = situation.siteFields(siteId).value(QStringLiteral("history")).toList();
        int added = -1;
        for (int i = 0; i < history.size(); ++i)
            if (history[i].toMap().value(QStringLiteral("date")).toString() == QString::fromStdString(day.toString())) added = i;
        QVERIFY(added > 0);
        QCOMPARE(history[added].toMap().value(QStringLiteral("status")).toString(), QStringLiteral("encircled"));
        QCOMPARE(situation.removeStatusChange(siteId, added), QString());
        QCOMPARE(session.document()->dataset().sites.front(), site);
        QCOMPARE(session.edits()->undo(), QString());
        QCOMPARE(session.document()->dataset().sites.front(), changed);
        QCOMPARE(session.edits()->undo(), QString());
        QCOMPARE(session.document()->dataset().sites.front(), site);
    }

    void aLineAndAnAreaDrawnSurviveAStopAndAreSaved() {
        QString lineId, areaId;
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(m_file)));
            SituationEdits& situation = *session.situationEdits();
            // A line of one point and no name: said, nothing made.
            QVariantMap line = situation.blankShape(QStringLiteral("line"), coordinates({{35.80, 36.62}}), QStringLiteral("2020-02-06"));
            const QStringList lineProblems = messagesOf(situation.checkShape(line, true));
            QVERIFY2(lineProblems.contains(QStringLiteral("name: the line needs a name")), qPrintable(lineProblems.join('|')));
            QVERIFY2(lineProblems.contains(QStringLiteral("path: a line needs at least two points (it has 1)")), qPrintable(lineProblems.join('|')));
            QVERIFY(!situation.saveShape(line, true).isEmpty());
            line[QStringLiteral("name")] = QStringLiteral("Front west of Saraqib");
            line[QStringLiteral("points")] = coordinates({{35.80, 36.62}, {35.85, 36.60}, {35.88, 36.55}});
            line[QStringLiteral("validTo")] = QStringLiteral("2020-02-01");
            QVERIFY(messagesOf(situation.checkShape(line, true)).join('|').contains(QStringLiteral("validTo: the end 2020-02-01 is before the start 2020-02-06")));
            line[QStringLiteral("validTo")] = QStringLiteral("2020-03-05");
            QCOMPARE(situation.saveShape(line, true), QString());
            lineId = QStringLiteral("line-front-west-of-saraqib");
            const atlas::Line* made = lineNamed(session.document()->dataset(), lineId.toStdString());
            QVERIFY(made);
            QCOMPARE(made->path.size(), std::size_t(3));
            QCOMPARE(made->kind, atlas::LineKind::FrontLine);
            QVERIFY(made->approximate);
            // In force on its days, on the map's situation.
            QCOMPARE(session.document()->dataset().situationOn(*atlas::Date::parse("2020-02-20")).lines.back()->id, lineId.toStdString());

            // An area of three corners, held by the Syrian army; its outline closed when written.
            QVariantMap area = situation.blankShape(QStringLiteral("area"), coordinates({{35.70, 36.60}, {35.70, 36.70}, {35.80, 36.70}}), QStringLiteral("2020-02-10"));
            area[QStringLiteral("name")] = QStringLiteral("Pocket east of the M5");
            area[QStringLiteral("controller")] = QStringLiteral("nobody-known");
            QVERIFY(messagesOf(situation.checkShape(area, true)).join('|').contains(QStringLiteral("controller: no actor has the id nobody-known")));
            area[QStringLiteral("controller")] = QString::fromStdString(session.document()->dataset().actors.front().id);
            QCOMPARE(situation.saveShape(area, true), QString());
            areaId = QStringLiteral("area-pocket-east-of-the-m5");
            const QVariantMap shown = situation.shapeFields(QStringLiteral("area"), areaId);
            QCOMPARE(shown.value(QStringLiteral("points")).toList().size(), 3);
            QCOMPARE(session.document()->dataset().areas.back().rings.front().size(), std::size_t(4));
            // Moved (a fourth corner) and ended; undone and done again.
            QVariantMap moved = shown;
            moved[QStringLiteral("points")] = coordinates({{35.70, 36.60}, {35.70, 36.70}, {35.80, 36.70}, {35.80, 36.60}});
            moved[QStringLiteral("validTo")] = QStringLiteral("2020-03-01");
            QCOMPARE(situation.saveShape(moved, false), QString());
            QCOMPARE(session.document()->dataset().areas.back().rings.front().size(), std::size_t(5));
            QCOMPARE(session.edits()->undo(), QString());
            QCOMPARE(session.document()->dataset().areas.back().rings.front().size(), std::size_t(4));
            QCOMPARE(session.edits()->redo(), QString());
            // And a line of the sample deleted.
            const QString old = QString::fromStdString(session.document()->dataset().lines.front().id);
            QCOMPARE(situation.removeShape(QStringLiteral("line"), old), QString());
            QVERIFY(!lineNamed(session.document()->dataset(), old.toStdString()));
            std::vector<atlas::Diagnostic> problems;
            const auto journal = atlas::readJournal(IncidentEdits::journalPathFor(m_file).toStdString(), problems);
            QVERIFY(journal);
            QCOMPARE(journal->edits.size(), std::size_t(6)); // line, area, moved, undo, redo, deletion
            // An export to CSV holds incidents only: the edits stay unsaved, the journal stays.
            QSignalSpy exported(session.document(), &AtlasDocument::saveFinished);
            session.document()->saveAs(QUrl::fromLocalFile(m_folder.filePath(QStringLiteral("incidents.csv"))));
            QVERIFY(exported.wait(30000));
            QVERIFY(exported[0][1].toBool());
            QVERIFY(QFile::exists(IncidentEdits::journalPathFor(m_file)));
            QCOMPARE(session.edits()->unsavedCount(), 6);
        } // stopped without saving
        AtlasSession next;
        QVERIFY(next.document()->open(QUrl::fromLocalFile(m_file)));
        QVERIFY(next.edits()->restorable());
        QCOMPARE(next.edits()->restoreJournal(), QStringLiteral("6 edit(s) restored"));
        QVERIFY(lineNamed(next.document()->dataset(), lineId.toStdString()));
        QCOMPARE(next.document()->dataset().areas.back().id, areaId.toStdString());
        QCOMPARE(next.document()->dataset().areas.back().validity.to, atlas::Date::parse("2020-03-01"));
        QSignalSpy saved(next.document(), &AtlasDocument::saveFinished);
        next.document()->save();
        QVERIFY(saved.wait(30000));
        QVERIFY(saved[0][1].toBool());
        AtlasSession third;
        QVERIFY(third.document()->open(QUrl::fromLocalFile(m_file)));
        QVERIFY(!third.edits()->restorable());
        QCOMPARE(third.document()->dataset().areas.back(), next.document()->dataset().areas.back());
        QCOMPARE(*lineNamed(third.document()->dataset(), lineId.toStdString()), *lineNamed(next.document()->dataset(), lineId.toStdString()));
    }
};

const RegisterUiTest registered([] { return std::make_unique<SituationEditsTest>(); });

} // namespace

#include "situation_edits_test.moc"
