import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// A line (ceasefire line, corridor, front, patrol route) or a control area drawn on the map, or
// one already there: its name, kind or controller, validity, sources — checked as typed
// (SituationEdits.checkShape: core's validation) and written through SituationEdits.saveShape.
// Its points are drawn on the map (AtlasView.startShape); "Edit the shape" goes back there.
Dialog {
    id: dialog

    required property SituationEdits situation
    required property AtlasDocument document
    property bool isNew: true
    property var fields: ({})
    property var problems: []
    property string saveError: ""
    readonly property bool isLine: (fields.kind ?? "line") === "line"

    // The analyst wants to move the points on the map: the form as it is, to come back to.
    signal editShapeRequested(var fields, bool isNew)

    title: (isNew ? (isLine ? qsTr("Add a line") : qsTr("Add an area")) : (isLine ? qsTr("Edit line %1") : qsTr("Edit area %1")).arg(fields.id ?? ""))
    modal: true
    width: 600
    height: Math.min(parent ? parent.height - 40 : 700, 640)
    anchors.centerIn: parent

    function openWith(values, newOne) {
        isNew = newOne
        fields = values
        saveError = ""
        nameField.text = values.name ?? ""
        kindBox.currentIndex = Math.max(0, kindBox.indexOfValue(values.lineKind ?? "front_line"))
        halfWidthField.text = values.halfWidthKm ?? ""
        partiesField.text = values.parties ?? ""
        controllerBox.currentIndex = controllerBox.indexOfValue(values.controller ?? "")
        fromField.text = values.validFrom ?? ""
        toField.text = values.validTo ?? ""
        approximateBox.checked = values.approximate ?? false
        descriptionArea.text = values.description ?? ""
        sourcesArea.text = values.sources ?? ""
        recheck()
        open()
    }
    function openEdit(kind, id) {
        const values = situation.shapeFields(kind, id)
        if (values.id === undefined) return
        openWith(values, false)
    }
    function current() {
        const out = Object.assign({}, fields)
        out.name = nameField.text
        out.validFrom = fromField.text
        out.validTo = toField.text
        out.approximate = approximateBox.checked
        out.description = descriptionArea.text
        out.sources = sourcesArea.text
        if (isLine) {
            out.lineKind = kindBox.currentValue
            out.halfWidthKm = halfWidthField.text
            out.parties = partiesField.text
        } else {
            // An actor the data does not know stays as it was, unless another is chosen.
            out.controller = controllerBox.currentIndex >= 0 ? controllerBox.currentValue : (fields.controller ?? "")
        }
        return out
    }
    function recheck() { problems = situation.checkShape(current(), isNew) }
    function problemFor(field) {
        for (const p of problems) if (p.field === field) return p.message
        return ""
    }

    footer: DialogButtonBox {
        Button {
            objectName: "saveShape"
            text: dialog.isNew ? qsTr("Add") : qsTr("Save")
            enabled: dialog.problems.length === 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: "deleteShape"
            visible: !dialog.isNew
            text: dialog.isLine ? qsTr("Delete the line") : qsTr("Delete the area")
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
            onClicked: {
                const error = dialog.situation.removeShape(dialog.fields.kind, dialog.fields.id)
                if (error === "") dialog.close()
                else dialog.saveError = error
            }
        }
        Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        onAccepted: {
            const error = dialog.situation.saveShape(dialog.current(), dialog.isNew)
            if (error === "") dialog.close()
            else { dialog.saveError = error; dialog.open() }
        }
        onRejected: dialog.close()
    }

    component FieldLabel: Label { Layout.alignment: Qt.AlignRight | Qt.AlignTop; Layout.topMargin: 8 }
    component ProblemText: Label {
        property string field
        Layout.columnSpan: 2
        Layout.fillWidth: true
        visible: text !== ""
        text: dialog.problemFor(field)
        color: "#b00020"
        wrapMode: Text.WordWrap
        font.pixelSize: 12
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        GridLayout {
            width: parent.width - 16
            columns: 2
            columnSpacing: 10
            rowSpacing: 4

            FieldLabel { text: qsTr("Name") }
            TextField {
                id: nameField
                objectName: "shapeName"
                Layout.fillWidth: true
                placeholderText: dialog.isLine ? qsTr("e.g. Front line west of Saraqib") : qsTr("e.g. Pocket east of the M5")
                onTextEdited: dialog.recheck()
            }
            ProblemText { field: "name" }
            ProblemText { field: "id" }

            FieldLabel { text: qsTr("Shape") }
            RowLayout {
                Label {
                    objectName: "shapePoints"
                    text: qsTr("%n point(s) on the map", "", (dialog.fields.points ?? []).length)
                          + ((dialog.fields.holes ?? 0) > 0 ? qsTr(" (and %n hole(s), kept)", "", dialog.fields.holes) : "")
                }
                Button {
                    objectName: "editShapeOnMap"
                    text: qsTr("Edit the shape on the map")
                    onClicked: { const values = dialog.current(); dialog.close(); dialog.editShapeRequested(values, dialog.isNew) }
                }
            }
            ProblemText { field: "path" }
            ProblemText { field: "rings" }

            FieldLabel { text: qsTr("Kind"); visible: dialog.isLine }
            ComboBox {
                id: kindBox
                objectName: "shapeLineKind"
                visible: dialog.isLine
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "key"
                model: dialog.situation.lineKindChoices()
                onActivated: dialog.recheck()
            }
            FieldLabel { text: qsTr("Corridor half width (km)"); visible: dialog.isLine }
            TextField { id: halfWidthField; visible: dialog.isLine; placeholderText: qsTr("none"); onTextEdited: dialog.recheck() }
            ProblemText { field: "halfWidthKm" }
            FieldLabel { text: qsTr("Parties"); visible: dialog.isLine }
            RowLayout {
                visible: dialog.isLine
                TextField { id: partiesField; Layout.fillWidth: true; placeholderText: qsTr("actor ids, comma-separated"); onTextEdited: dialog.recheck() }
                ComboBox {
                    Layout.preferredWidth: 150
                    model: dialog.document.actorChoices
                    textRole: "name"
                    valueRole: "id"
                    displayText: qsTr("Add…")
                    onActivated: {
                        const now = partiesField.text.trim()
                        partiesField.text = now === "" ? currentValue : now + ", " + currentValue
                        dialog.recheck()
                    }
                }
            }
            ProblemText { field: "parties" }

            FieldLabel { text: qsTr("Held by"); visible: !dialog.isLine }
            ComboBox {
                id: controllerBox
                objectName: "shapeController"
                visible: !dialog.isLine
                Layout.fillWidth: true
                model: dialog.document.actorChoices
                textRole: "name"
                valueRole: "id"
                displayText: currentIndex >= 0 ? currentText : (dialog.fields.controller ?? "") !== "" ? dialog.fields.controller : qsTr("(choose the actor holding it)")
                onActivated: dialog.recheck()
            }
            ProblemText { field: "controller" }

            FieldLabel { text: qsTr("Valid") }
            RowLayout {
                TextField { id: fromField; objectName: "shapeValidFrom"; placeholderText: "YYYY-MM-DD"; onTextEdited: dialog.recheck() }
                Label { text: qsTr("to") }
                TextField { id: toField; objectName: "shapeValidTo"; placeholderText: qsTr("(still in force)"); onTextEdited: dialog.recheck() }
            }
            ProblemText { field: "validFrom" }
            ProblemText { field: "validTo" }
            Item { width: 1; height: 1 }
            CheckBox { id: approximateBox; text: qsTr("Approximate (traced from descriptions, not surveyed)") }

            FieldLabel { text: qsTr("Description") }
            TextArea { id: descriptionArea; Layout.fillWidth: true; Layout.preferredHeight: 60; wrapMode: TextEdit.Wrap }
            FieldLabel { text: qsTr("Sources") }
            TextArea {
                id: sourcesArea
                objectName: "shapeSources"
                Layout.fillWidth: true
                Layout.preferredHeight: 60
                placeholderText: qsTr("one a line: publisher | title | date | URL")
                onTextChanged: dialog.recheck()
            }
            ProblemText { field: "sources" }

            Label {
                objectName: "shapeSaveError"
                Layout.columnSpan: 2
                Layout.fillWidth: true
                visible: text !== ""
                text: dialog.saveError
                color: "#b00020"
                wrapMode: Text.WordWrap
            }
        }
    }
}
