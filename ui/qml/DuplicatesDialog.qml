import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Data → Find duplicates…: incidents that may be one incident reported twice (by ACLED and
// UCDP, or twice in one file), best first, each pair with its score and why. The analyst
// merges (the kept incident gains the other's sources, each marked with its dataset, and
// counts once) or keeps both; decisions go into the project and are applied again when it is
// opened. Not modal: "Show" selects an incident on the map behind.
Dialog {
    id: dialog
    required property AtlasSession session
    readonly property alias pairs: pairModel
    // A sentence from "Show" (an incident the filters hide), else the model's status.
    property string showStatus: ""

    title: qsTr("Find duplicates")
    modal: false
    standardButtons: Dialog.NoButton
    width: Math.min(parent ? parent.width - 60 : 980, 980)
    height: Math.min(parent ? parent.height - 60 : 680, 680)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0

    onOpened: {
        showStatus = ""
        if (pairModel.count === 0 && !pairModel.searching) find()
    }
    function find() {
        showStatus = ""
        pairModel.find(scoreBox.value / 100, acrossBox.checked)
    }
    function show(eventId) {
        showStatus = dialog.session.showEvent(eventId)
    }

    DuplicatePairsModel {
        id: pairModel
        document: dialog.session.document
    }

    contentItem: ColumnLayout {
        spacing: 6
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: "#505050"
            text: qsTr("Pairs on the same day and at the same place within what each one's precision allows, with compatible types and actors. Merging keeps every source of both, marked with the dataset it came from; the merged incident counts once. Decisions are saved with the project.")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label { text: qsTr("Minimum score") }
            SpinBox {
                id: scoreBox
                objectName: "minScore"
                from: 30; to: 100; stepSize: 5; value: 60
                textFromValue: (v) => (v / 100).toFixed(2)
                valueFromText: (t) => Math.round(parseFloat(t) * 100)
            }
            CheckBox { id: acrossBox; objectName: "acrossFiles"; text: qsTr("Only pairs across files") }
            Button {
                objectName: "findPairs"
                text: qsTr("Find")
                enabled: !pairModel.searching
                onClicked: dialog.find()
            }
            BusyIndicator { running: pairModel.searching; visible: running; Layout.preferredHeight: 28; Layout.preferredWidth: 28 }
            Item { Layout.fillWidth: true }
            Label {
                text: pairModel.count > 0 ? qsTr("%1 of %2 undecided").arg(pairModel.undecided).arg(pairModel.count) : ""
                color: "#505050"
            }
        }
        ListView {
            id: pairList
            objectName: "pairList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: pairModel
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: pairRow
                required property int index
                required property string firstId
                required property string secondId
                required property string firstText
                required property string secondText
                required property double score
                required property string reasons
                required property string decision
                width: ListView.view.width - 12
                height: pairColumn.implicitHeight + 12
                radius: 3
                color: decision === "" ? (index % 2 ? "#f6f6f6" : "white") : "#eef5ea"
                border.color: "#d0d0d0"
                RowLayout {
                    anchors { fill: parent; margins: 6 }
                    spacing: 10
                    ColumnLayout { // the score, as a number and a bar
                        Layout.preferredWidth: 54
                        Layout.alignment: Qt.AlignTop
                        Label { text: pairRow.score.toFixed(2); font.bold: true; font.pixelSize: 16 }
                        Rectangle {
                            Layout.preferredWidth: 48; Layout.preferredHeight: 6; color: "#dddddd"
                            Rectangle { width: parent.width * pairRow.score; height: parent.height; color: pairRow.score >= 0.8 ? "#2e7d32" : "#c98a00" }
                        }
                    }
                    ColumnLayout {
                        id: pairColumn
                        Layout.fillWidth: true
                        spacing: 2
                        Repeater {
                            model: [{ id: pairRow.firstId, text: pairRow.firstText, mark: "A" }, { id: pairRow.secondId, text: pairRow.secondText, mark: "B" }]
                            RowLayout {
                                required property var modelData
                                Layout.fillWidth: true
                                spacing: 6
                                Label { text: modelData.mark; font.bold: true; color: "#1a4d8f" }
                                Label {
                                    Layout.fillWidth: true
                                    text: "<b>" + modelData.id + "</b> · " + modelData.text
                                    textFormat: Text.StyledText
                                    wrapMode: Text.Wrap
                                    font.strikeout: (pairRow.decision === "merged-first" && modelData.mark === "B")
                                                    || (pairRow.decision === "merged-second" && modelData.mark === "A")
                                }
                                Button { text: qsTr("Show"); flat: true; onClicked: dialog.show(modelData.id) }
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: pairRow.reasons
                            wrapMode: Text.Wrap
                            color: "#606060"
                            font.pixelSize: 11
                        }
                        RowLayout {
                            visible: pairRow.decision === ""
                            spacing: 6
                            Button { objectName: "mergeKeepFirst"; text: qsTr("Merge, keep A"); onClicked: pairModel.merge(pairRow.index, true) }
                            Button { objectName: "mergeKeepSecond"; text: qsTr("Merge, keep B"); onClicked: pairModel.merge(pairRow.index, false) }
                            Button { objectName: "keepBoth"; text: qsTr("Keep both"); onClicked: pairModel.keepBoth(pairRow.index) }
                        }
                        Label {
                            visible: pairRow.decision !== ""
                            color: "#2e7d32"
                            text: pairRow.decision === "merged-first" ? qsTr("Merged into A")
                                : pairRow.decision === "merged-second" ? qsTr("Merged into B")
                                : qsTr("Kept as two incidents")
                        }
                    }
                }
            }
        }
        Label {
            objectName: "duplicatesStatus"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: text !== ""
            text: dialog.showStatus !== "" ? dialog.showStatus : pairModel.status
            color: "#1a4d8f"
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            onClicked: dialog.close()
        }
    }
}
