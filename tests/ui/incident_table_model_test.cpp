// The incident table (IncidentTableModel): sorting, the link with the window's rows,
// selection with Ctrl and Shift, hidden columns, and what is copied and exported.
#include "atlas_session.h"

#include "atlas/query/event_columns.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ui_test_registry.h"

using namespace atlas::ui;

namespace {

int columnOf(const char* key) { return IncidentTableModel::columnKeys().indexOf(QLatin1String(key)); }

class IncidentTableModelTest : public QObject {
    Q_OBJECT

private slots:
    void sortsAndFollowsTheWindowOnlyWhileShown() {
        AtlasSession session;
        IncidentTableModel& table = *session.table();
        QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(session.document()->open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        QCOMPARE(table.rowCount(), 0); // not on screen: no rows kept, nothing sorted
        table.setActive(true);
        const int shown = session.events()->count();
        QCOMPARE(table.rowCount(), shown);

        // By date, as the window's rows come: table row r is event row r.
        for (int row = 0; row < shown; row += 17) QCOMPARE(table.eventRow(row), row);

        const int killed = columnOf("killed");
        table.toggleSort(killed);
        QVERIFY(!table.sortDescending());
        table.toggleSort(killed); // again: the other way round
        QVERIFY(table.sortDescending());
        QCOMPARE(table.headerData(killed, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Killed \u25BC"));
        // The deadliest incident of 2020 in the sample comes first: the Kafr Takharim strike.
        const int top = table.eventRow(0);
        QCOMPARE(session.events()->details(top).value("id").toString(), QStringLiteral("kafr-takharim-strike-2020-10-26"));
        QCOMPARE(table.data(table.index(0, killed), Qt::DisplayRole).toString(), QStringLiteral("more than 78"));
        // Every row once, and the two maps inverse of each other.
        QSet<int> seen;
        for (int row = 0; row < table.rowCount(); ++row) {
            const int eventRow = table.eventRow(row);
            QCOMPARE(table.tableRow(eventRow), row);
            seen.insert(eventRow);
        }
        QCOMPARE(seen.size(), shown);

        // The window moves: the table shows the new window's rows, still sorted.
        session.timeline()->setWindowDays(30);
        QVERIFY(session.timeline()->setCurrentDateText(QStringLiteral("2020-10-31")));
        QCOMPARE(table.rowCount(), session.events()->count());
        QCOMPARE(session.events()->details(table.eventRow(0)).value("id").toString(), QStringLiteral("kafr-takharim-strike-2020-10-26"));

        table.setActive(false);
        QCOMPARE(table.rowCount(), 0);
    }

    void selectsWithCtrlAndShiftAndCopiesWhatItShows() {
        AtlasSession session;
        IncidentTableModel& table = *session.table();
        QVERIFY(session.document()->open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        table.setActive(true);
        QSignalSpy selection(&table, &IncidentTableModel::selectionChanged);

        table.select(2);
        QCOMPARE(table.selectedCount(), 1);
        table.select(5, Qt::ShiftModifier); // 2..5
        QCOMPARE(table.selectedCount(), 4);
        table.select(3, Qt::ControlModifier); // toggled off
        QCOMPARE(table.selectedCount(), 3);
        QVERIFY(table.isSelected(2) && !table.isSelected(3) && table.isSelected(4) && table.isSelected(5));
        table.select(7); // alone: only it
        QCOMPARE(table.selectedCount(), 1);
        QVERIFY(table.isSelected(7) && !table.isSelected(2));
        QVERIFY(selection.count() >= 4);

        // Copy: a header of the shown columns and the selected rows, as the table says them.
        table.select(0);
        table.select(1, Qt::ShiftModifier);
        table.setColumnShown(columnOf("source"), false);
        table.setColumnShown(columnOf("id"), false);
        QCOMPARE(table.hiddenColumns(), (QStringList{"source", "id"}));
        const QStringList lines = table.selectedText("csv").split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("date,type,perpetrator,target,killed,wounded,place,precision,side,record"));
        QVERIFY2(lines[1].startsWith(table.data(table.index(0, 0), Qt::DisplayRole).toString() + ","), qPrintable(lines[1]));
        QVERIFY(table.selectedText("tsv").startsWith(QStringLiteral("date\ttype\tperpetrator")));

        // Export: every row in the table's order, the shown columns only.
        table.sortBy(columnOf("killed"), true);
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("window.tsv"));
        QVERIFY(table.exportTo(QUrl::fromLocalFile(path)).startsWith(QStringLiteral("Exported")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList exported = QString::fromUtf8(file.readAll()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(exported.size(), table.rowCount() + 1);
        QVERIFY(!exported[0].contains(QStringLiteral("source")));
        QVERIFY2(exported[1].contains(QStringLiteral("\tmore than 78\t")), qPrintable(exported[1]));

        // A folder that does not exist: said, not thrown.
        QVERIFY(table.exportTo(QUrl::fromLocalFile(folder.filePath("missing/x.csv"))).startsWith(QStringLiteral("Not exported")));
    }

    void framesTheSelection() {
        AtlasSession session;
        IncidentTableModel& table = *session.table();
        QVERIFY(session.document()->open(QUrl::fromLocalFile(QStringLiteral(ATLAS_SAMPLE_DATASET))));
        table.setActive(true);
        QVERIFY(table.selectionBounds(-1).isEmpty());
        const int strike = session.events()->rowOfEvent(QStringLiteral("kafr-takharim-strike-2020-10-26"));
        const QVariantList one = table.selectionBounds(strike); // nothing selected: the current one
        QCOMPARE(one.size(), 4);
        const QVariantMap where = session.events()->details(strike);
        QVERIFY(one[0].toDouble() < where.value("longitude").toDouble() && one[2].toDouble() > where.value("longitude").toDouble());
        table.selectAll();
        const QVariantList all = table.selectionBounds(strike);
        QVERIFY(all[2].toDouble() - all[0].toDouble() > one[2].toDouble() - one[0].toDouble());
    }
};

const RegisterUiTest registered([] { return std::make_unique<IncidentTableModelTest>(); });

} // namespace

#include "incident_table_model_test.moc"
