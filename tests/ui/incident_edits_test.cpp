// Incidents written in the window (IncidentEdits) on a file: the form checked field by field,
// an incident added, changed and deleted, undone and redone; an edit not saved survives the
// program stopping (the journal, offered back at the next open) and is gone once saved.
#include "atlas_session.h"

#include "atlas/io/edit_journal.h"
#include "atlas/io/native_format.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class IncidentEditsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_folder;
    QString m_file;

    // A form for a new incident near Kafr Nabl by the Russian air force.
    static QVariantMap newForm(IncidentEdits& edits) {
        QVariantMap form = edits.blankIncident(35.586, 36.560, QStringLiteral("2020-10-26"));
        form[QStringLiteral("perpetrators")] = QStringLiteral("russian-air-force");
        form[QStringLiteral("placeName")] = QStringLiteral("Kafr Nabl");
        form[QStringLiteral("killed")] = QStringLiteral("more than 78");
        form[QStringLiteral("sources")] = QStringLiteral("Russia Monitor | Strike on Kafr Nabl | 2020-10-27 | https://example.org/report");
        return form;
    }
    static QStringList fieldsOf(const QVariantList& problems) {
        QStringList fields;
        for (const QVariant& p : problems) fields << p.toMap().value(QStringLiteral("field")).toString();
        return fields;
    }

private slots:
    void initTestCase() {
        // Journals go to a test folder of the user's, not the real one.
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

    void theFormIsCheckedFieldByField() {
        AtlasSession session;
        QVERIFY(session.document()->open(QUrl::fromLocalFile(m_file)));
        IncidentEdits& edits = *session.edits();
        QVariantMap form = newForm(edits);
        QVERIFY2(edits.check(form, true).isEmpty(), qPrintable(fieldsOf(edits.check(form, true)).join(',')));
        form[QStringLiteral("date")] = QStringLiteral("2099-01-01");
        form[QStringLiteral("wounded")] = QStringLiteral("30-20");
        form[QStringLiteral("latitude")] = QStringLiteral("95");
        form[QStringLiteral("targets")] = QStringLiteral("nobody-we-know");
        QCOMPARE(fieldsOf(edits.check(form, true)), (QStringList{"date", "latitude", "wounded", "targets"}));
        form = newForm(edits);
        form[QStringLiteral("date")] = QStringLiteral("26/10/2020");
        form[QStringLiteral("killed")] = QStringLiteral("lots");
        const QVariantList unreadable = edits.check(form, true);
        QCOMPARE(fieldsOf(unreadable), (QStringList{"date", "killed"}));
        QVERIFY(unreadable[1].toMap().value(QStringLiteral("message")).toString().contains(QStringLiteral("more than 78")));
        // Refused as a whole: nothing is added.
        const int before = session.document()->eventCount();
        QVERIFY(!edits.save(form, true).isEmpty());
        QCOMPARE(session.document()->eventCount(), before);
        QVERIFY(!edits.canUndo());
    }

    void addChangeDeleteThenUndoAndRedo() {
        AtlasSession session;
        QVERIFY(session.document()->open(QUrl::fromLocalFile(m_file)));
        IncidentEdits& edits = *session.edits();
        const std::string original = atlas::writeNativeText(session.document()->dataset());
        const int count = session.document()->eventCount();

        const QVariantMap form = newForm(edits);
        const QString id = form.value(QStringLiteral("id")).toString();
        QCOMPARE(edits.save(form, true), QString());
        QCOMPARE(session.document()->eventCount(), count + 1);
        const atlas::Dataset& added = session.document()->dataset();
        const atlas::Event made = added.events.at(*atlas::findEventRow(added.events, id.toStdString()));
        QCOMPARE(made.killed.toText(), std::string("more than 78"));
        QCOMPARE(made.perpetrators, std::vector<std::string>{"russian-air-force"});
        QCOMPARE(made.sources.front().url, std::string("https://example.org/report"));
        // The window's views follow: the incident is in the window of its day.
        QVERIFY(session.timeline()->setCurrentDateText(QStringLiteral("2020-10-26")));
        session.timeline()->setWindowDays(1);
        QTRY_VERIFY(session.events()->rowCount() > 0);
        bool shown = false;
        for (int row = 0; row < session.events()->rowCount(); ++row)
            shown = shown || session.events()->details(row).value(QStringLiteral("id")).toString() == id;
        QVERIFY(shown);

        // An existing incident changed: what the form does not show (its tags) is kept.
        const QString existing = QString::fromStdString(std::string(session.document()->dataset().events.id(0)));
        const atlas::Event before = session.document()->dataset().events.at(0);
        QVariantMap fields = edits.incidentFields(existing);
        fields[QStringLiteral("description")] = QStringLiteral("Corrected: two strikes, not one");
        QCOMPARE(edits.save(fields, false), QString());
        const atlas::Event after = session.document()->dataset().events.at(0);
        QCOMPARE(after.description, std::string("Corrected: two strikes, not one"));
        QCOMPARE(after.tags, before.tags);
        QCOMPARE(after.sources, before.sources);
        QCOMPARE(after.links, before.links);
        QCOMPARE(after.extra, before.extra);
        QCOMPARE(after.killed, before.killed);
        QCOMPARE(edits.remove(id), QString());
        QCOMPARE(session.document()->eventCount(), count);
        QCOMPARE(edits.unsavedCount(), 3);
        QCOMPARE(edits.undoText(), QStringLiteral("Undo delete incident ") + id);

        QCOMPARE(edits.undo(), QString());
        QCOMPARE(session.document()->eventCount(), count + 1);
        QCOMPARE(edits.undo(), QString());
        QCOMPARE(session.document()->dataset().events.at(0), before);
        QCOMPARE(edits.undo(), QString());
        QCOMPARE(atlas::writeNativeText(session.document()->dataset()), original);
        QVERIFY(!edits.canUndo());
        QCOMPARE(edits.redo(), QString());
        QCOMPARE(session.document()->eventCount(), count + 1);
        QVERIFY(edits.canRedo());
    }

    void anUnsavedEditSurvivesTheProgramStoppingAndIsGoneOnceSaved() {
        QString id;
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(m_file)));
            // Its perpetrator is an actor the data does not have yet, made in the form.
            const QVariantMap made = session.edits()->addActor(QStringLiteral("Hamza Division"), QStringLiteral("opposition"), QString());
            QCOMPARE(made.value(QStringLiteral("id")).toString(), QStringLiteral("hamza-division"));
            QVERIFY(session.edits()->addActor(QStringLiteral("hamza division"), QStringLiteral("opposition"), QString()).contains(QStringLiteral("error")));
            QVariantMap form = newForm(*session.edits());
            form[QStringLiteral("perpetrators")] = made.value(QStringLiteral("id"));
            id = form.value(QStringLiteral("id")).toString();
            QCOMPARE(session.edits()->save(form, true), QString());
            // On disk already, before anything is saved.
            std::vector<atlas::Diagnostic> problems;
            const auto journal = atlas::readJournal(IncidentEdits::journalPathFor(m_file).toStdString(), problems);
            QVERIFY(journal);
            QCOMPARE(journal->edits.size(), std::size_t(1));
            QCOMPARE(journal->actors.size(), std::size_t(1));
            QCOMPARE(journal->source, m_file.toStdString());
        } // the program stops without saving
        AtlasSession next;
        QVERIFY(next.document()->open(QUrl::fromLocalFile(m_file)));
        IncidentEdits& edits = *next.edits();
        QVERIFY(edits.restorable());
        QVERIFY2(edits.restoreText().startsWith(QStringLiteral("2 change(s)")), qPrintable(edits.restoreText()));
        QVERIFY(!atlas::findEventRow(next.document()->dataset().events, id.toStdString()));
        // New edits wait until the analyst chooses.
        QVERIFY(!edits.save(newForm(edits), true).isEmpty());
        QCOMPARE(edits.restoreJournal(), QStringLiteral("1 edit(s) restored"));
        QVERIFY(atlas::findEventRow(next.document()->dataset().events, id.toStdString()));
        QVERIFY(next.document()->dataset().findActor("hamza-division"));
        QCOMPARE(next.document()->dataset().sideOfActor("hamza-division"), atlas::Side::Opposition);
        QCOMPARE(edits.unsavedCount(), 2);

        QSignalSpy saved(next.document(), &AtlasDocument::saveFinished);
        next.document()->save();
        QVERIFY(saved.wait(30000));
        QVERIFY(saved[0][1].toBool());
        QVERIFY(!QFile::exists(IncidentEdits::journalPathFor(m_file)));
        QCOMPARE(edits.unsavedCount(), 0);
        AtlasSession third;
        QVERIFY(third.document()->open(QUrl::fromLocalFile(m_file)));
        QVERIFY(!third.edits()->restorable());
        QVERIFY(atlas::findEventRow(third.document()->dataset().events, id.toStdString()));
        QVERIFY(third.document()->dataset().findActor("hamza-division"));
    }

    void aJournalLeftIsDiscardedOnRequest() {
        {
            AtlasSession session;
            QVERIFY(session.document()->open(QUrl::fromLocalFile(m_file)));
            QCOMPARE(session.edits()->remove(QString::fromStdString(std::string(session.document()->dataset().events.id(3)))), QString());
        }
        AtlasSession next;
        QVERIFY(next.document()->open(QUrl::fromLocalFile(m_file)));
        const int count = next.document()->eventCount();
        QVERIFY(next.edits()->restorable());
        next.edits()->discardJournal();
        QVERIFY(!next.edits()->restorable());
        QVERIFY(!QFile::exists(IncidentEdits::journalPathFor(m_file)));
        QCOMPARE(next.document()->eventCount(), count);
        QCOMPARE(next.edits()->save(newForm(*next.edits()), true), QString());
    }
};

const RegisterUiTest registered([] { return std::make_unique<IncidentEditsTest>(); });

} // namespace

#include "incident_edits_test.moc"
