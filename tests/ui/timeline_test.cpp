// The time controller (Timeline): the slider's day and the window over the data.
#include "atlas_document.h"
#include "timeline.h"

#include <cmath>

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
        // Day-dated incidents are counted on their day; those known only to a week or a month
        // are spread over the days they may fall on (within the data's days).
        int total = 0;
        for (int count : timeline.histogram()) total += count;
        const atlas::EventTable& events = document.dataset().events;
        int dayDated = 0;
        double expectedSpread = 0;
        const atlas::Date first = atlas::Date::parse(timeline.firstDate().toString(Qt::ISODate).toStdString()).value();
        const atlas::Date last = atlas::Date::parse(timeline.lastDate().toString(Qt::ISODate).toStdString()).value();
        for (std::size_t row = 0; row < events.size(); ++row) {
            if (events.datePrecision(row) == atlas::DatePrecision::Day) {
                ++dayDated;
                continue;
            }
            const atlas::PossibleDays days = atlas::possibleDays(events.date(row), events.datePrecision(row), events.endDate(row));
            const int inside = atlas::daysBetween(std::max(days.first, first), std::min(days.last, last)) + 1;
            expectedSpread += double(inside) / days.length();
        }
        QCOMPARE(total, dayDated);
        QVERIFY(dayDated < document.eventCount()); // the sample has some of both
        double spread = 0;
        for (int day = 0; day < timeline.dayCount(); ++day) spread += timeline.splitHistogram().spreadTotal(day);
        QVERIFY2(std::abs(spread - expectedSpread) < 1e-3, qPrintable(QString("%1 vs %2").arg(spread).arg(expectedSpread)));
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

    // The histogram split by side or by type: each day's groups add up to its bar; a day reads
    // as its counts; days dragged across become the window.
    void theHistogramSplitsByGroupAndReadsADay() {
        AtlasDocument document;
        Timeline timeline;
        timeline.setDocument(&document);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        const QList<int> totals = timeline.histogram();
        for (const int split : {1, 2, 0}) {
            timeline.setHistogramSplit(split);
            QCOMPARE(timeline.histogram(), totals);
            const atlas::Histogram& bars = timeline.splitHistogram();
            QCOMPARE(bars.groups, split == 1 ? atlas::kSideCount : split == 2 ? atlas::kEventTypeCount : 1);
            for (int day = 0; day < bars.binCount(); ++day) QCOMPARE(static_cast<int>(bars.total(day)), totals[day]);
        }
        timeline.setHistogramSplit(1);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-26")));
        const QString text = timeline.dayText(timeline.currentDay());
        QVERIFY2(text.startsWith(QStringLiteral("26 Oct 2020: ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Russian forces")), qPrintable(text)); // the strike of that day
        timeline.selectDays(timeline.currentDay(), timeline.currentDay() - 6);
        QCOMPARE(timeline.windowDays(), 7);
        QCOMPARE(timeline.currentDate(), QDate(2020, 10, 26));
    }

    // The date field: a day moves the slider and keeps the window; a span becomes the window.
    void aTypedDayOrSpanMovesTheWindow() {
        AtlasDocument document;
        Timeline timeline;
        timeline.setDocument(&document);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        timeline.setWindowDays(7);
        QVERIFY(timeline.setDateText(QStringLiteral("26 Oct 2020")));
        QCOMPARE(timeline.currentDate(), QDate(2020, 10, 26));
        QCOMPARE(timeline.windowDays(), 7);
        QVERIFY(timeline.setDateText(QStringLiteral("2020-10-20..2020-10-27")));
        QCOMPARE(timeline.currentDate(), QDate(2020, 10, 27));
        QCOMPARE(timeline.windowDays(), 8);
        QCOMPARE(timeline.windowText(), QStringLiteral("20 Oct 2020 – 27 Oct 2020"));
        QVERIFY(!timeline.setDateText(QStringLiteral("the day after")));
        QCOMPARE(timeline.currentDate(), QDate(2020, 10, 27));
        QCOMPARE(timeline.windowDays(), 8);
        // A start alone: the window runs from it to the date, and grows as the date moves on.
        QVERIFY(timeline.setDateText(QStringLiteral("2020-10-01..")));
        QCOMPARE(timeline.windowStart(), QDate(2020, 10, 1));
        QCOMPARE(timeline.windowDays(), 27);
        QCOMPARE(timeline.window().first(), *atlas::Date::parse("2020-10-01"));
        timeline.stepDays(3);
        QCOMPARE(timeline.windowDays(), 30);
        QCOMPARE(timeline.windowText(), QStringLiteral("since 1 Oct 2020, up to 30 Oct 2020"));
        timeline.setWindowDays(7); // a length chosen: no start any more
        QVERIFY(!timeline.windowStart().isValid());
        QCOMPARE(timeline.window().first(), *atlas::Date::parse("2020-10-24"));
    }

    // Playback: the date moves on by itself at the chosen speed, stops at the end or loops, and
    // can go from one day with incidents to the next; Ctrl+arrows' steps find the same days.
    void playingMovesTheDateOnAndStopsOrLoops() {
        AtlasDocument document;
        Timeline timeline;
        timeline.setDocument(&document);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        const QList<int> days = timeline.histogram();
        // Days with incidents: dated that day, or known only to a week or month that may be it.
        QVector<int> incidentDays;
        for (int day = 0; day < days.size(); ++day)
            if (days[day] > 0 || timeline.splitHistogram().spreadTotal(day) > 0) incidentDays.append(day);
        QVERIFY(incidentDays.size() >= 3);
        QVERIFY(incidentDays.size() < days.size()); // the sample has days without incidents

        // Stepping between days with incidents, both ways; none before the first.
        timeline.setCurrentDay(incidentDays[0]);
        QVERIFY(!timeline.stepToIncidentDay(-1));
        QVERIFY(timeline.stepToIncidentDay(1));
        QCOMPARE(timeline.currentDay(), incidentDays[1]);
        QVERIFY(timeline.stepToIncidentDay(-1));
        QCOMPARE(timeline.currentDay(), incidentDays[0]);

        // Playing moves on one day a step, from where the date is.
        QSignalSpy moved(&timeline, &Timeline::windowChanged);
        timeline.setDaysPerSecond(30);
        timeline.setPlaying(true);
        QVERIFY(timeline.playing());
        QCOMPARE(timeline.currentDay(), incidentDays[0]); // it was there: played on from it
        QTRY_VERIFY_WITH_TIMEOUT(timeline.currentDay() >= incidentDays[0] + 3, 5000);
        QVERIFY(moved.count() >= 3);
        timeline.togglePlaying();
        QVERIFY(!timeline.playing());
        const int paused = timeline.currentDay();
        QTest::qWait(200);
        QCOMPARE(timeline.currentDay(), paused);

        // Skipping empty days: every step lands on a day with incidents.
        timeline.setSkipEmptyDays(true);
        timeline.setCurrentDay(incidentDays[0]);
        QVector<int> visited;
        connect(&timeline, &Timeline::windowChanged, &timeline, [&] { visited.append(timeline.currentDay()); });
        timeline.setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(visited.size() >= 3, 5000);
        timeline.setPlaying(false);
        for (int i = 0; i < 3; ++i) QCOMPARE(visited[i], incidentDays[i + 1]);

        // Without loop, playing stops on the last day with incidents; with loop it goes round.
        visited.clear();
        timeline.setCurrentDay(incidentDays[incidentDays.size() - 2]);
        timeline.setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(!timeline.playing(), 5000);
        QCOMPARE(timeline.currentDay(), incidentDays.last());
        timeline.setLoop(true);
        timeline.setCurrentDay(incidentDays[incidentDays.size() - 2]);
        visited.clear();
        timeline.setPlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(visited.size() >= 3, 5000);
        timeline.setPlaying(false);
        QCOMPARE(visited[0], incidentDays.last());
        QCOMPARE(visited[1], incidentDays[0]);

        // A new dataset stops playback.
        timeline.setPlaying(true);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QVERIFY(!timeline.playing());
    }
};

const RegisterUiTest registered([] { return std::make_unique<TimelineTest>(); });

} // namespace

#include "timeline_test.moc"
