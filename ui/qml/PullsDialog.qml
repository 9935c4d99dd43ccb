import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConflictAtlas

// Data → Compare with another pull…: what an earlier export of the same source said differently
// from the open data — incidents added, revised (old → new, field by field) and deleted — listed
// here and marked on the map behind (green added, amber revised, a red target where a deleted
// one was). Not modal: "Show" selects an incident on the map.
Dialog {
    id: dialog
    required property AtlasSession session
    property var workspace: null
    readonly property PullComparison comparison: session.comparison
    property string showStatus: ""

    title: qsTr("Compare with another pull")
    modal: false
    standardButtons: Dialog.NoButton
    width: Math.min(parent ? parent.width - 60 : 900, 900)
    height: Math.min(parent ? parent.height - 60 : 620, 620)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0

    onOpened: { showStatus = ""; if (!comparison.active) fileDialog.open() }

    FileDialog {
        id: fileDialog
        title: qsTr("An earlier export of the same data")
        currentFolder: dialog.workspace ? dialog.workspace.dialogFolder : StandardPaths.standardLocations(StandardPaths.HomeLocation)[0]
        nameFilters: [qsTr("Incident files (*.csv *.gpkg *.json *.geojson)"), qsTr("All files (*)")]
        onAccepted: { if (dialog.workspace) dialog.workspace.noteDialogChoice(selectedFile); dialog.comparison.compareWith(selectedFile) }
    }

    contentItem: ColumnLayout {
        spacing: 6
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: "#505050"
            text: qsTr("Incidents are matched by id. On the map: green behind an incident added since the earlier pull, amber behind one revised, a red target where a deleted one was (in the window shown).")
        }
        RowLayout {
            spacing: 14
            Label { text: qsTr("%1 added").arg(dialog.comparison.added); color: "#2e7d32"; font.bold: true }
            Label { text: qsTr("%1 revised").arg(dialog.comparison.revised); color: "#b36b00"; font.bold: true }
            Label { text: qsTr("%1 deleted").arg(dialog.comparison.deleted); color: "#c62828"; font.bold: true }
            Item { Layout.fillWidth: true }
        }
        ListView {
            id: changeList
            objectName: "changeList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: dialog.comparison
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: changeRow
                required property int index
                required property string kind
                required property string eventId
                required property string summary
                required property string changes
                width: ListView.view.width - 12
                height: Math.max(changeColumn.implicitHeight, 30) + 8
                color: index % 2 ? "#f6f6f6" : "white"
                RowLayout {
                    anchors { fill: parent; margins: 4 }
                    spacing: 8
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        width: 64; height: 20; radius: 3
                        color: changeRow.kind === "added" ? "#2ea043" : changeRow.kind === "revised" ? "#e68c00" : "#c62828"
                        Label { anchors.centerIn: parent; text: changeRow.kind; color: "white"; font.pixelSize: 11; font.bold: true }
                    }
                    ColumnLayout {
                        id: changeColumn
                        Layout.fillWidth: true
                        spacing: 1
                        Label { Layout.fillWidth: true; text: "<b>" + changeRow.eventId + "</b> · " + changeRow.summary; textFormat: Text.StyledText; wrapMode: Text.Wrap }
                        Label { Layout.fillWidth: true; visible: text !== ""; text: changeRow.changes; wrapMode: Text.Wrap; color: "#704000"; font.pixelSize: 11 }
                    }
                    Button {
                        text: qsTr("Show")
                        flat: true
                        visible: changeRow.kind !== "deleted"
                        onClicked: dialog.showStatus = dialog.session.showEvent(changeRow.eventId)
                    }
                }
            }
        }
        Label {
            objectName: "pullsStatus"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: text !== ""
            text: dialog.showStatus !== "" ? dialog.showStatus : dialog.comparison.status
            color: "#1a4d8f"
        }
    }

    footer: DialogButtonBox {
        Button { text: qsTr("Choose a pull…"); DialogButtonBox.buttonRole: DialogButtonBox.ActionRole; onClicked: fileDialog.open() }
        Button {
            text: qsTr("Clear")
            enabled: dialog.comparison.active
            DialogButtonBox.buttonRole: DialogButtonBox.ResetRole
            onClicked: dialog.comparison.clear()
        }
        Button { text: qsTr("Close"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole; onClicked: dialog.close() }
    }
}
