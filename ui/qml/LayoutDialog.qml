import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConflictAtlas

// File → Print layout…: the map's area on a page (A4, A3 or letter) with title, subtitle, the
// dates, the legend of what is drawn, counts by side and type, scale bar, north arrow, a
// locator inset, the sources' attribution and notes; previewed live, written as PDF (text
// selectable), SVG (vectors) or PNG at the chosen resolution, with its recipe beside it.
Dialog {
    id: dialog
    required property var view        // the AtlasView: its area and exporter
    property var workspace: null
    property string status: ""

    title: qsTr("Print layout")
    modal: true
    standardButtons: Dialog.NoButton
    width: Math.min(parent ? parent.width - 40 : 1100, 1100)
    height: Math.min(parent ? parent.height - 40 : 760, 760)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0

    function layout() {
        return { paper: paperBox.currentText, landscape: landscapeButton.checked, dpi: dpiBox.value,
                 title: titleField.text, subtitle: subtitleField.text, notes: notesArea.text }
    }
    function refresh() { preview.source = dialog.view.previewLayout(layout(), Math.max(300, Math.round(preview.width))) }
    Timer { id: previewTimer; interval: 300; onTriggered: dialog.refresh() }
    onOpened: { status = ""; if (titleField.text === "") titleField.text = dialog.view.document.title; refresh() }

    FileDialog {
        id: fileDialog
        title: qsTr("Export the layout")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        currentFolder: dialog.workspace ? dialog.workspace.dialogFolder : StandardPaths.writableLocation(StandardPaths.HomeLocation)
        nameFilters: [qsTr("PDF document (*.pdf)"), qsTr("SVG drawing (*.svg)"), qsTr("PNG image (*.png)")]
        onAccepted: {
            if (dialog.workspace) dialog.workspace.noteDialogChoice(selectedFile)
            dialog.status = dialog.view.exportLayout(selectedFile, dialog.layout())
        }
    }

    contentItem: RowLayout {
        spacing: 16
        ColumnLayout {
            Layout.preferredWidth: 290
            Layout.maximumWidth: 290
            Layout.alignment: Qt.AlignTop
            Label { text: qsTr("Paper") }
            RowLayout {
                ComboBox { id: paperBox; objectName: "layoutPaper"; model: ["A4", "A3", "letter"]; onActivated: previewTimer.restart() }
                RadioButton { id: landscapeButton; text: qsTr("Landscape"); checked: true; onToggled: previewTimer.restart() }
                RadioButton { text: qsTr("Portrait"); onToggled: previewTimer.restart() }
            }
            Label { text: qsTr("Resolution of a PNG (dots an inch)") }
            SpinBox { id: dpiBox; from: 72; to: 600; value: 150; stepSize: 50; editable: true }
            Label { text: qsTr("Title") }
            TextField { id: titleField; objectName: "layoutTitle"; Layout.fillWidth: true; onTextEdited: previewTimer.restart() }
            Label { text: qsTr("Subtitle") }
            TextField { id: subtitleField; objectName: "layoutSubtitle"; Layout.fillWidth: true; onTextEdited: previewTimer.restart() }
            Label { text: qsTr("Notes") }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 110
                TextArea {
                    id: notesArea
                    objectName: "layoutNotes"
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Sources, caveats, who to ask…")
                    background: Rectangle { color: "white"; border.color: "#b0b0b0" }
                    onTextChanged: previewTimer.restart()
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: "#505050"
                text: qsTr("The map's area, the timeline's window, the filters and layers as they are now; every incident its own symbol. The legend lists only what is drawn.")
            }
            Label { Layout.fillWidth: true; wrapMode: Text.WordWrap; text: dialog.status; visible: text !== ""; color: "#1a4d8f" }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "#d8d8d8"
            Image {
                id: preview
                objectName: "layoutPreview"
                anchors.fill: parent
                anchors.margins: 10
                fillMode: Image.PreserveAspectFit
                cache: false
                asynchronous: false
            }
        }
    }
    footer: DialogButtonBox {
        Button { text: qsTr("Export…"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole; onClicked: fileDialog.open() }
        Button { text: qsTr("Close"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole; onClicked: dialog.close() }
    }
}
