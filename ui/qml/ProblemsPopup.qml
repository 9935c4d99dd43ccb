import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Every problem found while reading, on demand.
Popup {
    id: problemsPopup
    objectName: "problemsPopup"
    required property AtlasDocument document
    x: (parent.width - width) / 2
    y: 50
    width: Math.min(parent.width - 40, 820)
    height: Math.min(parent.height - 100, 420)
    modal: true
    ColumnLayout {
        anchors.fill: parent
        Label { text: qsTr("Problems found while reading %1").arg(problemsPopup.document.sourceName); font.bold: true }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: problemsPopup.document.diagnostics
            ScrollBar.vertical: ScrollBar {}
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                text: modelData
                wrapMode: Text.WrapAnywhere
                font.family: "monospace"
                font.pixelSize: 11
                bottomPadding: 4
            }
        }
        Button { text: qsTr("Close"); Layout.alignment: Qt.AlignRight; onClicked: problemsPopup.close() }
    }
}
