import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConflictAtlas

// File → Export animation…: the map's area as a video or GIF, a frame a day from one day to
// another, each with the window's length of days before it (legend, scale, dates, filter and
// counts on every frame; colour scales fixed across frames). A preview of the first frame,
// a progress bar and Cancel while it is written; a recipe is kept beside it.
Dialog {
    id: dialog
    required property var view        // the AtlasView: its area, exporter and messages
    required property Timeline timeline
    property var workspace: null
    readonly property SnapshotExporter exporter: view.exporter
    property string status: ""

    title: qsTr("Export animation")
    modal: true
    closePolicy: exporter.animating ? Popup.NoAutoClose : Popup.CloseOnEscape
    standardButtons: Dialog.NoButton
    width: Math.min(parent ? parent.width - 60 : 860, 860)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 3 : 0

    function isoDate(d) { return Qt.formatDate(d, "yyyy-MM-dd") }
    // The month before the slider's day, a week a frame, unless the window says otherwise.
    onOpened: {
        status = ""
        const last = timeline.currentDate
        toField.text = isoDate(last)
        fromField.text = isoDate(new Date(last.getFullYear(), last.getMonth(), last.getDate() - 30))
        windowBox.value = timeline.windowDays > 0 ? timeline.windowDays : 7
        refreshPreview()
    }
    function settings() {
        const size = sizeBox.model[sizeBox.currentIndex].size
        return { from: fromField.text, to: toField.text, windowDays: windowBox.value, fps: fpsBox.value,
                 holdSeconds: holdBox.value, width: size[0], height: size[1] }
    }
    function frameCount() {
        const from = Date.parse(fromField.text), to = Date.parse(toField.text)
        return isNaN(from) || isNaN(to) || to < from ? 0 : Math.round((to - from) / 86400000) + 1
    }
    function refreshPreview() { preview.source = dialog.view.previewAnimation(settings(), 420) }
    Timer { id: previewTimer; interval: 300; onTriggered: dialog.refreshPreview() }

    FileDialog {
        id: fileDialog
        title: qsTr("Export the animation")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "mp4"
        currentFolder: dialog.workspace ? dialog.workspace.dialogFolder : StandardPaths.writableLocation(StandardPaths.HomeLocation)
        nameFilters: [qsTr("MP4 video, H.264 (*.mp4)"), qsTr("WebM video, VP9 (*.webm)"), qsTr("Animated GIF (*.gif)")]
        onAccepted: {
            if (dialog.workspace) dialog.workspace.noteDialogChoice(selectedFile)
            dialog.start(selectedFile)
        }
    }
    function start(location) {
        const problem = dialog.view.startAnimation(location, settings())
        status = problem
    }
    Connections {
        target: dialog.exporter
        function onAnimationFinished(message, written) {
            dialog.status = message
            if (written) dialog.close()
        }
    }

    contentItem: RowLayout {
        spacing: 16
        GridLayout {
            columns: 2
            Layout.alignment: Qt.AlignTop
            enabled: !dialog.exporter.animating
            Label { text: qsTr("First day") }
            TextField { id: fromField; objectName: "animationFrom"; placeholderText: "2020-10-01"; onTextEdited: previewTimer.restart() }
            Label { text: qsTr("Last day") }
            TextField { id: toField; objectName: "animationTo"; placeholderText: "2020-10-31" }
            Label { text: qsTr("Days a frame shows") }
            SpinBox { id: windowBox; from: 0; to: 3650; editable: true; onValueModified: previewTimer.restart() }
            Label { text: qsTr("Frames a second") }
            SpinBox { id: fpsBox; objectName: "animationFps"; from: 1; to: 30; value: 4; editable: true }
            Label { text: qsTr("Hold the last (s)") }
            SpinBox { id: holdBox; from: 0; to: 30; value: 2; editable: true }
            Label { text: qsTr("Size") }
            ComboBox {
                id: sizeBox
                textRole: "label"
                model: [{ label: qsTr("1920 × 1080 (full HD)"), size: [1920, 1080] }, { label: qsTr("1280 × 720"), size: [1280, 720] },
                        { label: qsTr("960 × 600 (GIF for chat)"), size: [960, 600] }, { label: qsTr("3840 × 2160 (4K)"), size: [3840, 2160] }]
                onActivated: previewTimer.restart()
            }
            Label {
                Layout.columnSpan: 2
                Layout.maximumWidth: 330
                wrapMode: Text.WordWrap
                color: "#505050"
                text: qsTr("%1 frames, %2 s. Every incident is drawn on its own; the map's area, filters and layers are kept.")
                          .arg(dialog.frameCount()).arg(((dialog.frameCount() + holdBox.value * fpsBox.value) / fpsBox.value).toFixed(1))
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            Label { text: qsTr("First frame"); font.bold: true }
            Image {
                id: preview
                objectName: "animationPreview"
                Layout.preferredWidth: 420
                Layout.preferredHeight: 420 * (sizeBox.model[sizeBox.currentIndex].size[1] / sizeBox.model[sizeBox.currentIndex].size[0])
                fillMode: Image.PreserveAspectFit
                cache: false
            }
            ProgressBar {
                objectName: "animationProgress"
                Layout.fillWidth: true
                visible: dialog.exporter.animating
                value: dialog.exporter.animationProgress
            }
            Label { Layout.fillWidth: true; wrapMode: Text.WordWrap; text: dialog.status; visible: text !== ""; color: "#1a4d8f" }
        }
    }
    footer: DialogButtonBox {
        Button {
            text: qsTr("Export…")
            enabled: !dialog.exporter.animating && dialog.frameCount() > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            onClicked: fileDialog.open()
        }
        Button {
            text: dialog.exporter.animating ? qsTr("Cancel") : qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            onClicked: dialog.exporter.animating ? dialog.exporter.cancelAnimation() : dialog.close()
        }
    }
}
