// The actors dialog's model (ActorTableModel): umbrellas, sides, mappings.
#include "actor_table_model.h"
#include "atlas_document.h"
#include "filter_settings.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class ActorTableModelTest : public QObject {
    Q_OBJECT

private slots:
    void actorTableEditsUmbrellasAndSidesAndSavesThemAsAMapping() {
        const QUrl acled = QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"));
        AtlasDocument document;
        QVERIFY(document.open(acled));
        ActorTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&document);
        QCOMPARE(model.count(), 0); // rows only while the dialog is open
        model.setActive(true);
        QCOMPARE(model.count(), int(document.dataset().actors.size()));
        auto rowNamed = [&](const QString& name) {
            for (int row = 0; row < model.rowCount(); ++row)
                if (model.data(model.index(row), ActorTableModel::NameRole).toString() == name) return row;
            return -1;
        };
        auto value = [&](int row, int role) { return model.data(model.index(row), role); };
        const int nlf = rowNamed(QStringLiteral("NLF: National Liberation Front"));
        const int faylaq = rowNamed(QStringLiteral("Faylaq al Sham"));
        QVERIFY(nlf >= 0 && faylaq >= 0);
        QCOMPARE(value(nlf, ActorTableModel::EventCountRole).toInt(), 1);
        const QString nlfId = value(nlf, ActorTableModel::ActorIdRole).toString();
        const QString faylaqId = value(faylaq, ActorTableModel::ActorIdRole).toString();

        QVERIFY(model.setParent(faylaq, nlfId));
        QVERIFY2(!model.setParent(nlf, faylaqId), "the NLF cannot go under its own (pending) sub-group");
        QVERIFY(!model.setSide(faylaq, QStringLiteral("rebels")));
        QVERIFY(model.setSide(faylaq, QStringLiteral("unknown"))); // as its umbrella
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(value(faylaq, ActorTableModel::ParentNameRole).toString(), QStringLiteral("NLF: National Liberation Front"));
        QVERIFY(value(faylaq, ActorTableModel::EditedRole).toBool());
        QVERIFY(!value(nlf, ActorTableModel::EditedRole).toBool());
        // The sub-group is drawn in its umbrella's colour, whatever that becomes, before Apply.
        QVERIFY(model.setSide(nlf, QStringLiteral("turkish_forces")));
        QCOMPARE(model.pendingCount(), 2);
        QCOMPARE(value(faylaq, ActorTableModel::ColourRole).value<QColor>(), value(nlf, ActorTableModel::ColourRole).value<QColor>());
        QVERIFY(model.setSide(nlf, QStringLiteral("opposition"))); // back as it was: no change left
        QCOMPARE(model.pendingCount(), 1);
        QCOMPARE(value(faylaq, ActorTableModel::ColourRole).value<QColor>(), value(nlf, ActorTableModel::ColourRole).value<QColor>());
        for (const QVariant& choice : model.parentChoices(nlf))
            QVERIFY2(choice.toMap().value("id").toString() != faylaqId, "a sub-group is no umbrella to offer");
        QVERIFY(document.dataset().findActor(faylaqId.toStdString())->parent.empty()); // nothing applied yet

        model.revert();
        QCOMPARE(model.pendingCount(), 0);
        QVERIFY(value(faylaq, ActorTableModel::ParentIdRole).toString().isEmpty());
        QVERIFY(model.setParent(faylaq, nlfId));
        QVERIFY(model.setSide(faylaq, QStringLiteral("unknown")));
        const int unidentified = rowNamed(QStringLiteral("Unidentified Armed Group (Syria)"));
        QVERIFY(model.setSide(unidentified, QStringLiteral("pro_government")));
        const QString sentence = model.apply();
        QVERIFY2(sentence.contains(QStringLiteral("2 actor(s) changed")), qPrintable(sentence));
        QCOMPARE(model.pendingCount(), 0);
        QVERIFY2(document.errorText().startsWith(QStringLiteral("Partly loaded")), "the file had bad rows; it still says so");
        const atlas::Actor* faylaqActor = document.dataset().findActor(faylaqId.toStdString());
        QCOMPARE(faylaqActor->parent, nlfId.toStdString());
        QCOMPARE(faylaqActor->side, atlas::Side::Unknown);
        QCOMPARE(document.dataset().sideOfActor(faylaqId.toStdString()), atlas::Side::Opposition);
        QCOMPARE(document.dataset().sideOfActor(value(unidentified, ActorTableModel::ActorIdRole).toString().toStdString()),
                 atlas::Side::ProGovernment);
        const int faylaqNow = rowNamed(QStringLiteral("Faylaq al Sham"));
        QCOMPARE(value(faylaqNow, ActorTableModel::DepthRole).toInt(), 1);
        QCOMPARE(faylaqNow, rowNamed(QStringLiteral("NLF: National Liberation Front")) + 1); // listed under its umbrella
        FilterSettings filters;
        filters.setOnlyActor(nlfId);
        QCOMPARE(document.eventIndex()->count(filters.toFilter()), 1u);

        // Saved as a mapping, applied to a fresh import of the same export.
        QTemporaryDir dir;
        const QUrl saved = QUrl::fromLocalFile(dir.filePath(QStringLiteral("actors.json")));
        QVERIFY(document.saveActorMapping(saved).startsWith(QStringLiteral("Saved")));
        AtlasDocument fresh;
        QVERIFY(fresh.open(acled));
        QVERIFY(fresh.applyActorMappingFile(saved).contains(QStringLiteral("changed")));
        QCOMPARE(fresh.dataset().findActor(faylaqId.toStdString())->parent, nlfId.toStdString());
        QCOMPARE(fresh.dataset().sideOfActor(faylaqId.toStdString()), atlas::Side::Opposition);
        // A file added afterwards gets the mapping too.
        QVERIFY(fresh.add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/older-export.csv"))));
        for (const atlas::Actor& actor : fresh.dataset().actors)
            if (actor.name == "Faylaq al Sham") QCOMPARE(actor.parent, nlfId.toStdString());
        // A broken mapping changes nothing and says where.
        QTemporaryFile broken(dir.filePath(QStringLiteral("XXXXXX.json")));
        QVERIFY(broken.open());
        broken.write("{\"actors\": [\n  {\"name\": 3}\n");
        broken.flush();
        const QString refused = fresh.applyActorMappingFile(QUrl::fromLocalFile(broken.fileName()));
        QVERIFY2(refused.contains(QStringLiteral("not applied")), qPrintable(refused));
        QVERIFY2(fresh.errorText().contains(broken.fileName() + QStringLiteral(":3:1: fatal")), qPrintable(fresh.errorText()));
        QCOMPARE(fresh.dataset().findActor(faylaqId.toStdString())->parent, nlfId.toStdString());
    }

    // A colleague's GeoJSON keeps its dates under a property of its own: the points are
    // skipped at first, the document offers the properties that hold dates, and reading the
    // file again with one places them, whether the file was opened or added to the map.
};

const RegisterUiTest registered([] { return std::make_unique<ActorTableModelTest>(); });

} // namespace

#include "actor_table_model_test.moc"
