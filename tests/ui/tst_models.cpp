#include "atlasdocument.h"
#include "atlas/native_format.h"
#include "synthetic.h"
#include "timeline.h"
#include "visibleeventsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void openingTheSampleFillsTheTimeline() {
        AtlasDocument document;
        Timeline timeline;
        QSignalSpy rangeSpy(&timeline, &Timeline::rangeChanged);
        timeline.setDocument(&document);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QVERIFY(document.errorText().isEmpty());
        QVERIFY2(document.diagnostics().isEmpty(), qPrintable(document.diagnostics().join('\n')));
        QVERIFY(document.eventCount() >= 40);
        QVERIFY(rangeSpy.count() >= 1);
        QCOMPARE(timeline.histogram().size(), timeline.dayCount());
        int total = 0;
        for (int count : timeline.histogram()) total += count;
        QCOMPARE(total, document.eventCount());
        // A new dataset is shown whole, up to its last day.
        QCOMPARE(timeline.currentDate(), timeline.lastDate());
        QCOMPARE(timeline.windowDays(), 0);
    }

    void windowSelectsTheEventsOfThoseDays() {
        AtlasDocument document;
        Timeline timeline;
        VisibleEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setDocument(&document);
        model.setDocument(&document);
        model.setTimeline(&timeline);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QCOMPARE(model.count(), document.eventCount());

        timeline.setWindowDays(1);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-26")));
        const int strike = model.rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26"));
        QVERIFY(strike >= 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row), VisibleEventsModel::DateRole).toString(), QStringLiteral("2020-10-26"));
        const QVariantMap details = model.details(strike);
        QCOMPARE(details.value("killed").toString(), QStringLiteral("more than 78"));
        QCOMPARE(details.value("wounded").toString(), QStringLiteral("90"));
        QVERIFY(details.value("targets").toString().contains(QStringLiteral("Faylaq al-Sham")));
        QVERIFY(!details.value("sources").toList().isEmpty());

        const int sameDay = model.count();
        timeline.stepDays(-1);
        QCOMPARE(timeline.currentDate(), QDate(2020, 10, 25));
        QCOMPARE(model.rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26")), -1);
        timeline.setWindowDays(7);
        timeline.stepDays(1);
        QVERIFY(model.count() >= sameDay);
        QVERIFY(model.rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26")) >= 0);
        QCOMPARE(timeline.windowText(), QStringLiteral("20 Oct 2020 – 26 Oct 2020"));
    }

    // Moving the slider a day slides the window: rows leave at one end and arrive at the other,
    // so views keep their delegates; what is shown must equal a fresh query of that window.
    void slidingTheWindowMovesRowsAtTheEnds() {
        AtlasDocument document;
        Timeline timeline;
        VisibleEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        timeline.setDocument(&document);
        model.setDocument(&document);
        model.setTimeline(&timeline);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        timeline.setWindowDays(30);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-10")));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        auto ids = [](const VisibleEventsModel& m) {
            QStringList out;
            for (int row = 0; row < m.rowCount(); ++row) out << m.data(m.index(row), VisibleEventsModel::EventIdRole).toString();
            return out;
        };
        for (int step : {1, 1, 1, 5, 9, 1, -1, -3, 2, 7, 7, -14}) {
            timeline.stepDays(step);
            VisibleEventsModel fresh;
            fresh.setDocument(&document);
            fresh.setTimeline(&timeline);
            QCOMPARE(ids(model), ids(fresh));
        }
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserted.count() > 0);
        QVERIFY(removed.count() > 0);
    }

    void opensAcledAndUcdpExportsAndMergesThem() {
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/acled/current-export.csv"))));
        QCOMPARE(document.eventCount(), 3);
        QVERIFY(document.partial());
        QCOMPARE(document.diagnostics().size(), 2);
        QVERIFY(document.diagnostics().first().contains(QStringLiteral("current-export.csv:6:")));
        QVERIFY(document.add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv"))));
        QCOMPARE(document.eventCount(), 4);
        QCOMPARE(document.diagnostics().size(), 2);
        QVERIFY(document.sourceName().contains(QStringLiteral("ged-minimal.csv")));
        // Adding the same file again keeps both copies apart.
        QVERIFY(document.add(QUrl::fromLocalFile(QStringLiteral(ATLAS_TEST_DATA_DIR "/ucdp/ged-minimal.csv"))));
        QCOMPARE(document.eventCount(), 5);
        QVERIFY(document.eventIndex()->size() == 5u);
    }

    // A large file loads on a worker thread with progress, and Cancel leaves the map as it was.
    void backgroundLoadReportsProgressAndCanBeCancelled() {
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big.atlas.json"));
        QVERIFY(atlas::writeNativeFile(atlas::bench::makeSyntheticDataset(60000, 5), big.toStdString()).empty());
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        const int sample = document.eventCount();

        QSignalSpy loading(&document, &AtlasDocument::loadingChanged);
        document.openInBackground(QUrl::fromLocalFile(big));
        QVERIFY(document.loading());
        document.cancelLoading();
        QTRY_VERIFY_WITH_TIMEOUT(!document.loading(), 30000);
        QCOMPARE(document.eventCount(), sample);
        QVERIFY(document.errorText().contains(QStringLiteral("cancelled")));

        QSignalSpy progress(&document, &AtlasDocument::loadProgressChanged);
        document.openInBackground(QUrl::fromLocalFile(big));
        QTRY_VERIFY_WITH_TIMEOUT(!document.loading(), 60000);
        QCOMPARE(document.eventCount(), 60000);
        QCOMPARE(document.loadProgress(), 1.0);
        QVERIFY(progress.count() >= 2);
        QVERIFY(loading.count() >= 4);
    }

    void sliderStaysInsideTheDataRange() {
        AtlasDocument document;
        Timeline timeline;
        timeline.setDocument(&document);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        timeline.setCurrentDay(-50);
        QCOMPARE(timeline.currentDate(), timeline.firstDate());
        timeline.setCurrentDay(100000);
        QCOMPARE(timeline.currentDate(), timeline.lastDate());
        QVERIFY(!timeline.setCurrentDateText(QStringLiteral("2020-02-30")));
    }

    void brokenFileKeepsThePreviousDatasetAndSaysWhere() {
        AtlasDocument document;
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        const int before = document.eventCount();
        QTemporaryFile broken;
        QVERIFY(broken.open());
        broken.write("{\n  \"events\": [\n    {\"id\": }\n  ]\n}\n");
        broken.flush();
        QVERIFY(!document.open(QUrl::fromLocalFile(broken.fileName())));
        QCOMPARE(document.eventCount(), before);
        QVERIFY2(document.errorText().contains(QStringLiteral(":3:")), qPrintable(document.errorText()));
    }
};

QTEST_MAIN(ModelsTest)
#include "tst_models.moc"
