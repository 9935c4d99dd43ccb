import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// A site's status on a date (an observation post encircled, evacuated, handed over): its dated
// history, a change added (or the one of that day replaced) or taken back, checked as typed
// (SituationEdits.checkStatusChange) and written through SituationEdits.changeStatus.
Dialog {
    id: dialog

    required property SituationEdits situation
    property var site: ({})
    property var problems: []
    property string saveError: ""

    title: qsTr("Status of %1").arg(site.name ?? "")
    modal: true
    width: 560
    height: Math.min(parent ? parent.height - 40 : 640, 600)
    anchors.centerIn: parent

    function openFor(siteId, isoDate) {
        site = situation.siteFields(siteId)
        if (site.id === undefined) return
        saveError = ""
        dateField.text = isoDate
        statusBox.currentIndex = 0
        noteField.text = ""
        sourcesArea.text = ""
        recheck()
        open()
    }
    function current() {
        return { siteId: site.id, date: dateField.text, status: statusBox.currentValue, note: noteField.text, sources: sourcesArea.text }
    }
    function recheck() { problems = situation.checkStatusChange(current()) }
    function reload() { site = situation.siteFields(site.id); recheck() }

    footer: DialogButtonBox {
        Button {
            objectName: "saveStatus"
            text: qsTr("Set the status")
            enabled: dialog.problems.length === 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button { text: qsTr("Close"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        onAccepted: {
            const error = dialog.situation.changeStatus(dialog.current())
            if (error === "") dialog.close()
            else { dialog.saveError = error; dialog.open() }
        }
        onRejected: dialog.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label { text: qsTr("%1 · operated by %2").arg(dialog.site.kind ?? "").arg(dialog.site.operator ?? ""); color: "#505050" }
        Label { text: qsTr("Its history"); font.bold: true }
        ListView {
            objectName: "statusHistory"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 170)
            clip: true
            model: dialog.site.history ?? []
            delegate: RowLayout {
                required property var modelData
                required property int index
                width: ListView.view.width
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: modelData.date + "  " + modelData.statusLabel + (modelData.note !== "" ? " \u2014 " + modelData.note : "")
                }
                ToolButton {
                    text: qsTr("Remove")
                    font.pixelSize: 11
                    onClicked: {
                        dialog.saveError = dialog.situation.removeStatusChange(dialog.site.id, index)
                        dialog.reload()
                    }
                }
            }
        }
        Label { text: qsTr("A change of status"); font.bold: true; Layout.topMargin: 6 }
        GridLayout {
            columns: 2
            Layout.fillWidth: true
            Label { text: qsTr("From") }
            TextField { id: dateField; objectName: "statusDate"; placeholderText: "YYYY-MM-DD"; onTextEdited: dialog.recheck() }
            Label { text: qsTr("Status") }
            ComboBox {
                id: statusBox
                objectName: "statusChoice"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "key"
                model: dialog.situation.statusChoices()
                onActivated: dialog.recheck()
            }
            Label { text: qsTr("Note") }
            TextField { id: noteField; objectName: "statusNote"; Layout.fillWidth: true; placeholderText: qsTr("e.g. surrounded by the advance on Saraqib") }
            Label { text: qsTr("Sources"); Layout.alignment: Qt.AlignTop }
            TextArea {
                id: sourcesArea
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                placeholderText: qsTr("one a line: publisher | title | date | URL")
                onTextChanged: dialog.recheck()
            }
        }
        Repeater {
            model: dialog.problems
            delegate: Label { required property var modelData; text: modelData.message; color: "#b00020"; wrapMode: Text.WordWrap; Layout.fillWidth: true }
        }
        Label { objectName: "statusSaveError"; visible: text !== ""; text: dialog.saveError; color: "#b00020"; wrapMode: Text.WordWrap; Layout.fillWidth: true }
        Item { Layout.fillHeight: true }
    }
}
