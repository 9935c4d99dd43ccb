#pragma once

#include "atlas/query/event_columns.h"

#include "visible_events_model.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <vector>

namespace atlas::ui {

/// The incidents of the window (VisibleEventsModel's rows) as a table: one column per
/// atlas::EventColumn, sorted by any of them, some hidden, rows selected for copying and
/// export. Cells are core's text (eventColumnText), so a copied row says what the table shows.
/// Rows are re-sorted only while `active` (the table is on screen): playing a million events
/// with the table closed costs nothing here.
class IncidentTableModel : public QAbstractTableModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the session's table: AtlasSession.table")
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    /// Index into columnKeys of the column rows are ordered by.
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY sortChanged)
    Q_PROPERTY(bool sortDescending READ sortDescending NOTIFY sortChanged)
    Q_PROPERTY(QStringList columnKeys READ columnKeys CONSTANT)
    Q_PROPERTY(QStringList columnTitles READ columnTitles CONSTANT)
    /// Keys of the columns not shown (nor copied, nor exported).
    Q_PROPERTY(QStringList hiddenColumns READ hiddenColumns WRITE setHiddenColumns NOTIFY hiddenColumnsChanged)
    /// Selected rows among those shown.
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)

public:
    enum Role {
        SelectedRole = Qt::UserRole + 1,
        EventRowRole, ///< the row of VisibleEventsModel it shows
        ColourRole,   ///< its symbol's colour (for the date cell's swatch)
    };
    Q_ENUM(Role)

    explicit IncidentTableModel(VisibleEventsModel* events, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] int sortColumn() const { return static_cast<int>(m_sortColumn); }
    [[nodiscard]] bool sortDescending() const { return m_descending; }
    [[nodiscard]] static QStringList columnKeys();
    [[nodiscard]] static QStringList columnTitles();
    [[nodiscard]] QStringList hiddenColumns() const { return m_hidden; }
    void setHiddenColumns(const QStringList& keys);
    [[nodiscard]] int selectedCount() const { return m_selectedCount; }

    /// Orders the rows by `column`; ascending, or the other way when `descending`.
    Q_INVOKABLE void sortBy(int column, bool descending);
    /// A header click: by `column`, the other way round when it already orders the rows.
    Q_INVOKABLE void toggleSort(int column);
    /// Shows or hides a column (one column always stays shown).
    Q_INVOKABLE void setColumnShown(int column, bool shown);
    [[nodiscard]] Q_INVOKABLE bool columnShown(int column) const;

    /// The row of VisibleEventsModel a table row shows, or -1; and back.
    [[nodiscard]] Q_INVOKABLE int eventRow(int tableRow) const;
    [[nodiscard]] Q_INVOKABLE int tableRow(int eventRow) const;

    /// A click on a row: alone, it selects only that row; with Ctrl (Qt::ControlModifier) it
    /// toggles the row; with Shift it selects from the last row clicked to this one.
    Q_INVOKABLE void select(int tableRow, int modifiers = 0);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    [[nodiscard]] Q_INVOKABLE bool isSelected(int tableRow) const;

    /// The selected rows (in table order, with a header) as "csv" or "tsv" text.
    [[nodiscard]] Q_INVOKABLE QString selectedText(const QString& format) const;
    /// Puts selectedText on the clipboard; says what it did.
    Q_INVOKABLE QString copySelected(const QString& format);
    /// Writes every row, as the table shows them (shown columns, this order), to a CSV file
    /// (tab-separated for .tsv or .tab), atomically. Says what it did, or what went wrong.
    Q_INVOKABLE QString exportTo(const QUrl& location) const;
    /// [west, south, east, north] round the selected rows, else round the one at `eventRow`;
    /// empty when there is nothing to frame.
    [[nodiscard]] Q_INVOKABLE QVariantList selectionBounds(int eventRow) const;

signals:
    void activeChanged();
    void sortChanged();
    void hiddenColumnsChanged();
    void selectionChanged();

private:
    void rebuild();
    [[nodiscard]] std::vector<atlas::EventColumn> shownColumns() const;
    [[nodiscard]] std::vector<std::uint32_t> selectedPositions() const;
    void countSelected();

    QPointer<VisibleEventsModel> m_events;
    bool m_active = false;
    atlas::EventColumn m_sortColumn = atlas::EventColumn::Date;
    bool m_descending = false;
    QStringList m_hidden;
    const atlas::Dataset* m_dataset = nullptr; ///< the dataset the arrays below are for
    std::vector<std::uint32_t> m_order;        ///< dataset positions of the rows, in table order
    std::vector<std::int32_t> m_eventRowOf;    ///< by dataset position: its VisibleEventsModel row
    std::vector<std::int32_t> m_tableRowOf;    ///< by dataset position: its table row
    std::vector<std::uint8_t> m_selected;      ///< by dataset position
    int m_selectedCount = 0;
    int m_anchor = -1;                         ///< the last row clicked, for Shift
};

} // namespace atlas::ui
