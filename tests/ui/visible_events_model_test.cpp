// The events of the window (VisibleEventsModel): rows, sliding, the legend's counts.
#include "atlas_session.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

class VisibleEventsModelTest : public QObject {
    Q_OBJECT

private slots:
    void windowSelectsTheEventsOfThoseDays() {
        AtlasSession session; // document, timeline and model wired as the window wires them
        AtlasDocument& document = *session.document();
        Timeline& timeline = *session.timeline();
        VisibleEventsModel& model = *session.events();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QCOMPARE(model.count(), document.eventCount());

        timeline.setWindowDays(1);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-26")));
        const int strike = model.rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26"));
        QVERIFY(strike >= 0);
        // That day's incidents, and those known only to the week round it (which may be that day).
        int approximate = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.data(model.index(row), VisibleEventsModel::DateRole).toString() == QStringLiteral("2020-10-26")) continue;
            QVERIFY2(model.details(row).value("datePrecision").toString().contains("week"), qPrintable(model.details(row).value("id").toString()));
            ++approximate;
        }
        QCOMPARE(approximate, 1); // the shelling of southern Idlib dated to the week of 27 October
        const QVariantMap details = model.details(strike);
        QCOMPARE(details.value("killed").toString(), QStringLiteral("more than 78"));
        QCOMPARE(details.value("wounded").toString(), QStringLiteral("at least 90"));
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
        AtlasSession session; // document, timeline and model wired as the window wires them
        AtlasDocument& document = *session.document();
        Timeline& timeline = *session.timeline();
        VisibleEventsModel& model = *session.events();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
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

    void legendCountsTheShownEventsPerSide() {
        AtlasSession session; // document, timeline and model wired as the window wires them
        AtlasDocument& document = *session.document();
        Timeline& timeline = *session.timeline();
        VisibleEventsModel& model = *session.events();
        QVERIFY(document.open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        auto shownBySide = [&] {
            QMap<QString, int> out;
            for (const QVariant& entry : model.legend()) out[entry.toMap().value("label").toString()] = entry.toMap().value("shown").toInt();
            return out;
        };
        const int sides = model.legend().size();
        timeline.setWindowDays(1);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-10-26")));
        QMap<QString, int> day = shownBySide();
        int total = 0;
        for (int n : day) total += n;
        QCOMPARE(total, model.count());
        QVERIFY(day.value(QStringLiteral("Russian forces")) >= 1); // the Kafr Takharim strike
        QCOMPARE(model.legend().size(), sides); // sides with nothing shown stay listed

        timeline.setWindowDays(0);
        QVERIFY(timeline.setCurrentDateText(QStringLiteral("2020-12-31")));
        total = 0;
        for (const QVariant& entry : model.legend()) {
            QCOMPARE(entry.toMap().value("shown").toInt(), entry.toMap().value("count").toInt()); // everything shown
            total += entry.toMap().value("shown").toInt();
        }
        QCOMPARE(total, document.eventCount());
    }

    // The snapshot renderer draws the strike where it was, in its side's colour, over the
    // legend's panel and the basemap, and only the incidents the filter lets through.
};

const RegisterUiTest registered([] { return std::make_unique<VisibleEventsModelTest>(); });

} // namespace

#include "visible_events_model_test.moc"
