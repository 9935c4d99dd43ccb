import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Edits the store refused because someone else changed the incident (site, line, area) first: both versions side
// by side; the analyst keeps theirs or writes theirs over (the store keeps the other in its
// history either way). Nothing is dropped until they choose.
Dialog {
    id: dialog
    required property IncidentEdits edits
    title: qsTr("Edits in conflict with the store")
    modal: true
    width: 760
    height: 460
    anchors.centerIn: parent
    standardButtons: Dialog.Close

    ListView {
        id: list
        objectName: "conflictList"
        anchors.fill: parent
        clip: true
        spacing: 12
        model: dialog.edits.conflicts
        delegate: ColumnLayout {
            required property var modelData
            required property int index
            width: list.width
            Label { text: modelData.text; font.bold: true; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            RowLayout {
                Layout.fillWidth: true
                GroupBox {
                    title: qsTr("Yours")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Label { width: parent.width; text: modelData.mine; wrapMode: Text.WordWrap }
                }
                GroupBox {
                    title: qsTr("In the store now")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Label { width: parent.width; text: modelData.theirs; wrapMode: Text.WordWrap }
                }
            }
            RowLayout {
                Button { objectName: "keepMine"; text: qsTr("Write mine over it"); onClicked: dialog.edits.resolveConflict(index, true) }
                Button { objectName: "keepTheirs"; text: qsTr("Keep the store's"); onClicked: dialog.edits.resolveConflict(index, false) }
            }
        }
    }
}
