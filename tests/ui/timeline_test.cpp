// The time controller (Timeline): the slider's day and the window over the data.
#include "atlas_document.h"
#include "timeline.h"

#include <QSignalSpy>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class TimelineTest : public QObject {
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
};

const RegisterUiTest registered([] { return std::make_unique<TimelineTest>(); });

} // namespace

#include "timeline_test.moc"
