import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConflictAtlas

// The actors of the open dataset with their umbrellas and sides. Imported actors (ACLED,
// UCDP, GeoJSON) arrive flat and without sides; here they are put under their umbrellas and
// given sides by hand or from a mapping file, and the result can be saved as a mapping for
// the next export of the same source. Changes wait until Apply.
Dialog {
    id: dialog
    required property AtlasDocument document
    // The window's WorkspaceSettings (where the file dialogs start), if it has one.
    property var workspace: null
    // The last thing that happened, in a sentence (a mapping applied, a file saved).
    property string status: ""
    readonly property alias actors: actorModel

    title: qsTr("Actors: umbrellas and sides")
    modal: true
    standardButtons: Dialog.NoButton
    width: Math.min(parent ? parent.width - 60 : 900, 900)
    height: Math.min(parent ? parent.height - 60 : 640, 640)
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 2 : 0

    onOpened: status = ""

    function chooseMappingFile() {
        mappingOpenDialog.open()
    }
    function applyMappingFile(location) {
        status = document.applyActorMappingFile(location)
    }
    function saveMapping(location) {
        status = document.saveActorMapping(location)
    }

    ActorTableModel {
        id: actorModel
        document: dialog.document
        active: dialog.visible
    }

    FileDialog {
        id: mappingOpenDialog
        title: qsTr("Apply an actor mapping")
        currentFolder: dialog.workspace ? dialog.workspace.dialogFolder : StandardPaths.standardLocations(StandardPaths.HomeLocation)[0]
        nameFilters: [qsTr("Actor mappings (*.json)"), qsTr("All files (*)")]
        onAccepted: { if (dialog.workspace) dialog.workspace.noteDialogChoice(selectedFile); dialog.applyMappingFile(selectedFile) }
    }
    FileDialog {
        id: mappingSaveDialog
        title: qsTr("Save the actors as a mapping")
        currentFolder: dialog.workspace ? dialog.workspace.dialogFolder : StandardPaths.standardLocations(StandardPaths.HomeLocation)[0]
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Actor mappings (*.json)")]
        onAccepted: { if (dialog.workspace) dialog.workspace.noteDialogChoice(selectedFile); dialog.saveMapping(selectedFile) }
    }

    contentItem: ColumnLayout {
        spacing: 6
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: "#505050"
            text: qsTr("A sub-group's incidents count for its umbrella in the faction filter. An actor without a side of its own is drawn in its umbrella's colour.")
        }
        RowLayout { // column heads
            Layout.fillWidth: true
            spacing: 8
            Label { text: qsTr("Actor"); font.bold: true; Layout.fillWidth: true }
            Label { text: qsTr("Incidents"); font.bold: true; Layout.preferredWidth: 70; horizontalAlignment: Text.AlignRight }
            Label { text: qsTr("Umbrella"); font.bold: true; Layout.preferredWidth: 240 }
            Label { text: qsTr("Side"); font.bold: true; Layout.preferredWidth: 190 }
        }
        ListView {
            id: actorList
            objectName: "actorList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: actorModel
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: actorRow
                required property int index
                required property string actorId
                required property string name
                required property int depth
                required property int eventCount
                required property string parentId
                required property string parentName
                required property string sideKey
                required property color colour
                required property bool edited
                width: ListView.view.width
                height: 34
                color: edited ? "#fff8dc" : (index % 2 ? "#f6f6f6" : "white")
                RowLayout {
                    anchors { fill: parent; leftMargin: 4; rightMargin: 4 }
                    spacing: 8
                    Item { Layout.preferredWidth: actorRow.depth * 18 }
                    Rectangle { width: 12; height: 12; radius: 6; color: actorRow.colour; border.color: "#202020" }
                    Label {
                        Layout.fillWidth: true
                        text: actorRow.name + (actorRow.edited ? " *" : "")
                        elide: Text.ElideRight
                        ToolTip.visible: hover.hovered
                        ToolTip.text: actorRow.actorId
                        HoverHandler { id: hover }
                    }
                    Label { text: actorRow.eventCount; Layout.preferredWidth: 70; horizontalAlignment: Text.AlignRight }
                    ComboBox {
                        objectName: "parentBox"
                        Layout.preferredWidth: 240
                        textRole: "name"
                        valueRole: "id"
                        // The choices depend on the whole hierarchy: asked for only when opened.
                        model: [{ id: actorRow.parentId, name: actorRow.parentName }]
                        displayText: actorRow.parentId === "" ? qsTr("(none: top-level)") : actorRow.parentName
                        popup.onAboutToShow: model = actorModel.parentChoices(actorRow.index)
                        onActivated: (i) => {
                            if (!actorModel.setParent(actorRow.index, model[i].id))
                                dialog.status = qsTr("%1 cannot be put under one of its own sub-groups").arg(actorRow.name)
                        }
                    }
                    ComboBox {
                        objectName: "sideBox"
                        Layout.preferredWidth: 190
                        textRole: "label"
                        valueRole: "key"
                        model: actorModel.sideChoices
                        // From the choices themselves: indexOfValue() is not ready while the
                        // delegate is being created.
                        currentIndex: actorModel.sideChoices.findIndex(choice => choice.key === actorRow.sideKey)
                        onActivated: actorModel.setSide(actorRow.index, currentValue)
                        delegate: ItemDelegate {
                            required property var modelData
                            width: ListView.view ? ListView.view.width : 190
                            contentItem: RowLayout {
                                Rectangle { width: 10; height: 10; radius: 5; color: modelData.colour; border.color: "#202020" }
                                Label { text: modelData.label; Layout.fillWidth: true }
                            }
                        }
                    }
                }
            }
        }
        Label {
            objectName: "actorsStatus"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: text !== ""
            text: dialog.status
            color: "#1a4d8f"
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Apply mapping file…")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.chooseMappingFile()
        }
        Button {
            text: qsTr("Save as mapping…")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: mappingSaveDialog.open()
        }
        Button {
            objectName: "revertActors"
            text: qsTr("Revert")
            enabled: actorModel.pendingCount > 0
            DialogButtonBox.buttonRole: DialogButtonBox.ResetRole
            onClicked: actorModel.revert()
        }
        Button {
            objectName: "applyActors"
            text: actorModel.pendingCount > 0 ? qsTr("Apply %n change(s)", "", actorModel.pendingCount) : qsTr("Apply")
            enabled: actorModel.pendingCount > 0
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
            onClicked: dialog.status = actorModel.apply()
        }
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            onClicked: dialog.close()
        }
    }
}
