import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConflictAtlas

// The incidents of the window as a table: click a header to sort (again to reverse), drag its
// edge to resize, choose the columns; click a row to select it here and on the map (Ctrl and
// Shift add), double-click to zoom to it; copy the selected rows as CSV or TSV, or export
// every row as shown.
Pane {
    id: pane
    required property AtlasSession session
    readonly property IncidentTableModel table: session.table
    readonly property alias tableView: tableView
    readonly property alias columnsMenu: columnsMenu
    /// A row double-clicked: the map should come close to it (a row of session.events).
    signal rowZoomed(int eventRow)
    /// "Zoom to selection": the map should frame [west, south, east, north].
    signal boxZoomed(var box)
    /// A sentence about something done (copied, exported).
    signal message(string text)
    padding: 4
    property int lastTapRow: -1
    property double lastTapTime: 0

    // Default widths by column key; a column dragged wider keeps its width.
    readonly property var defaultWidths: ({ date: 104, type: 120, perpetrator: 190, target: 190, killed: 90, wounded: 90,
                                            place: 190, precision: 90, side: 110, source: 150, id: 150 })

    Component.onCompleted: table.active = visible
    onVisibleChanged: table.active = visible

    function copy(format) { pane.message(table.copySelected(format)) }

    Connections {
        target: pane.table
        function onHiddenColumnsChanged() { tableView.forceLayout() }
    }
    // The row selected on the map (or in the details list) comes into view here.
    Connections {
        target: pane.session
        function onSelectedRowChanged() {
            const row = pane.table.tableRow(pane.session.selectedRow)
            if (row >= 0 && pane.visible) tableView.positionViewAtRow(row, TableView.Contain)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "tableCount"
                Layout.fillWidth: true
                text: qsTr("%n incident(s) in the window", "", tableView.rows)
                      + (pane.table.selectedCount > 0 ? qsTr(" \u00B7 %n selected", "", pane.table.selectedCount) : "")
                font.pixelSize: 12
            }
            ToolButton {
                objectName: "columnsButton"
                text: qsTr("Columns")
                onClicked: columnsMenu.popup()
                Menu {
                    id: columnsMenu
                    objectName: "columnsMenu"
                    Repeater {
                        model: pane.table.columnTitles
                        delegate: MenuItem {
                            required property string modelData
                            required property int index
                            text: modelData
                            checkable: true
                            // Re-read when the hidden list changes.
                            checked: pane.table.hiddenColumns, pane.table.columnShown(index)
                            onTriggered: pane.table.setColumnShown(index, checked)
                        }
                    }
                }
            }
            ToolButton {
                objectName: "copyCsvButton"
                text: qsTr("Copy CSV")
                enabled: pane.table.selectedCount > 0
                onClicked: pane.copy("csv")
            }
            ToolButton {
                text: qsTr("Copy TSV")
                enabled: pane.table.selectedCount > 0
                onClicked: pane.copy("tsv")
            }
            ToolButton {
                objectName: "zoomToSelection"
                text: qsTr("Zoom to selection")
                enabled: pane.table.selectedCount > 0 || pane.session.selectedRow >= 0
                onClicked: {
                    const box = pane.table.selectionBounds(pane.session.selectedRow)
                    if (box.length === 4) pane.boxZoomed(box)
                }
            }
            ToolButton {
                text: qsTr("Export\u2026")
                enabled: tableView.rows > 0
                onClicked: exportDialog.open()
            }
        }

        HorizontalHeaderView {
            id: header
            objectName: "tableHeader"
            Layout.fillWidth: true
            syncView: tableView
            clip: true
            delegate: Rectangle {
                required property int column
                required property string display
                implicitHeight: 24
                implicitWidth: 80
                color: headerTap.pressed ? "#d8dde6" : "#eceef2"
                border.color: "#c4c8d0"
                Label {
                    anchors { fill: parent; leftMargin: 6; rightMargin: 6 }
                    verticalAlignment: Text.AlignVCenter
                    text: parent.display
                    font.bold: true
                    font.pixelSize: 12
                    elide: Text.ElideRight
                }
                TapHandler { id: headerTap; onTapped: pane.table.toggleSort(parent.column) }
            }
        }

        TableView {
            id: tableView
            objectName: "incidentTable"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: pane.table
            resizableColumns: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}
            columnWidthProvider: function (column) {
                if (!pane.table.columnShown(column)) return 0
                const width = explicitColumnWidth(column)
                return width >= 0 ? width : pane.defaultWidths[pane.table.columnKeys[column]]
            }
            keyNavigationEnabled: false
            // Cells are not edited: a double-click is ours (zoom to the incident), not an edit trigger.
            editTriggers: TableView.NoEditTriggers
            focus: true

            Keys.onPressed: (event) => {
                if (event.matches(StandardKey.Copy)) { pane.copy("csv"); event.accepted = true }
                else if (event.matches(StandardKey.SelectAll)) { pane.table.selectAll(); event.accepted = true }
            }

            delegate: Rectangle {
                id: cell
                required property int row
                required property int column
                required property string display
                required property bool rowSelected
                required property int eventRow
                required property color colour
                readonly property bool current: eventRow === pane.session.selectedRow
                implicitHeight: 22
                color: rowSelected ? "#c9dcf7" : current ? "#fff2c4" : row % 2 ? "#f7f7f7" : "white"
                RowLayout {
                    anchors { fill: parent; leftMargin: 6; rightMargin: 4 }
                    spacing: 4
                    Rectangle {
                        visible: cell.column === 0
                        width: 8; height: 8; radius: 4
                        color: cell.colour
                        border.color: "#303030"
                    }
                    Label {
                        Layout.fillWidth: true
                        text: cell.display
                        elide: Text.ElideRight
                        font.pixelSize: 12
                        font.bold: cell.current
                    }
                }
                TapHandler {
                    id: rowTap
                    onTapped: {
                        tableView.forceActiveFocus()
                        // A second click on the same row soon after the first zooms to the incident
                        // (counted here: the handler's tapCount restarts as the row's cells repaint).
                        const now = Date.now()
                        const again = pane.lastTapRow === cell.row && now - pane.lastTapTime < Application.styleHints.mouseDoubleClickInterval
                        pane.lastTapRow = again ? -1 : cell.row
                        pane.lastTapTime = now
                        if (again) {
                            pane.rowZoomed(cell.eventRow)
                            return
                        }
                        pane.table.select(cell.row, rowTap.point.modifiers)
                        pane.session.selectedRow = cell.eventRow
                    }
                }
            }
        }
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Export the table")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV (*.csv)"), qsTr("Tab-separated (*.tsv)")]
        onAccepted: pane.message(pane.table.exportTo(selectedFile))
    }
}
