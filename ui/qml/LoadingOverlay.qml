import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// A file being read in the background: progress and a way out.
Pane {
    id: overlay
    required property AtlasDocument document
    objectName: "loadingPane"
    visible: overlay.document.loading
    padding: 14
    background: Rectangle { color: "#f2ffffff"; border.color: "#909090"; radius: 4 }
    ColumnLayout {
        spacing: 8
        Label { text: qsTr("Reading %1…").arg(overlay.document.loadingName); font.bold: true }
        ProgressBar { Layout.preferredWidth: 320; from: 0; to: 1; value: overlay.document.loadProgress }
        Button {
            objectName: "cancelLoading"
            text: qsTr("Cancel")
            Layout.alignment: Qt.AlignRight
            onClicked: overlay.document.cancelLoading()
        }
    }
}
