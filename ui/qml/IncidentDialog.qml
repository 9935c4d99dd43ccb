import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Data → Add incident / Edit incident: the incident's fields, checked as they are typed
// (IncidentEdits.check: core's validation), written through IncidentEdits.save.
Dialog {
    id: dialog

    required property IncidentEdits edits
    required property AtlasDocument document
    property bool isNew: true
    property var fields: ({})
    // [{field, message}] for the form as it is now.
    property var problems: []
    property string saveError: ""

    title: isNew ? qsTr("Add an incident") : qsTr("Edit incident %1").arg(fields.id ?? "")
    modal: true
    width: 640
    height: Math.min(parent ? parent.height - 40 : 800, 780)
    anchors.centerIn: parent

    function openNew(latitude, longitude, isoDate) {
        isNew = true
        load(edits.blankIncident(latitude, longitude, isoDate))
        open()
    }
    function openEdit(id) {
        isNew = false
        load(edits.incidentFields(id))
        open()
    }
    function load(values) {
        fields = values
        saveError = ""
        idField.text = values.id ?? ""
        typeBox.currentIndex = Math.max(0, typeBox.indexOfValue(values.type ?? "other"))
        dateField.text = values.date ?? ""
        endDateField.text = values.endDate ?? ""
        datePrecisionBox.currentIndex = Math.max(0, datePrecisionBox.indexOfValue(values.datePrecision ?? "day"))
        latitudeField.text = values.latitude ?? ""
        longitudeField.text = values.longitude ?? ""
        placeField.text = values.placeName ?? ""
        placePrecisionBox.currentIndex = Math.max(0, placePrecisionBox.indexOfValue(values.placePrecision ?? "exact"))
        admin1Field.text = values.admin1 ?? ""
        admin2Field.text = values.admin2 ?? ""
        perpetratorsField.text = values.perpetrators ?? ""
        targetsField.text = values.targets ?? ""
        killedField.text = values.killed ?? ""
        woundedField.text = values.wounded ?? ""
        civiliansBox.checked = values.civilianTargeting ?? false
        descriptionArea.text = values.description ?? ""
        sourcesArea.text = values.sources ?? ""
        linksArea.text = values.links ?? ""
        recheck()
    }
    function current() {
        return {
            id: idField.text, type: typeBox.currentValue, date: dateField.text, endDate: endDateField.text,
            datePrecision: datePrecisionBox.currentValue, latitude: latitudeField.text, longitude: longitudeField.text,
            placeName: placeField.text, placePrecision: placePrecisionBox.currentValue, admin1: admin1Field.text,
            admin2: admin2Field.text, perpetrators: perpetratorsField.text, targets: targetsField.text,
            killed: killedField.text, wounded: woundedField.text, civilianTargeting: civiliansBox.checked,
            description: descriptionArea.text, sources: sourcesArea.text, links: linksArea.text
        }
    }
    function recheck() { problems = edits.check(current(), isNew) }
    function problemFor(field) {
        for (const p of problems) if (p.field === field) return p.message
        return ""
    }
    function addActor(target, id) {
        const now = target.text.trim()
        target.text = now === "" ? id : now + ", " + id
    }

    footer: DialogButtonBox {
        Button {
            objectName: "saveIncident"
            text: dialog.isNew ? qsTr("Add") : qsTr("Save")
            enabled: dialog.problems.length === 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        onAccepted: {
            const error = dialog.edits.save(dialog.current(), dialog.isNew)
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

    // A new actor: name, side, umbrella; added to the perpetrators or the targets.
    Popup {
        id: newActorPopup
        objectName: "newActorPopup"
        anchors.centerIn: parent
        modal: true
        width: 420
        property string error: ""
        onOpened: { actorName.text = ""; error = ""; actorName.forceActiveFocus() }
        function make(target) {
            const made = dialog.edits.addActor(actorName.text, actorSide.currentValue, actorParent.currentIndex > 0 ? actorParent.currentValue : "")
            if (made.error) { error = made.error; return }
            dialog.addActor(target, made.id)
            dialog.recheck()
            close()
        }
        ColumnLayout {
            anchors.fill: parent
            Label { text: qsTr("A new actor"); font.bold: true }
            TextField { id: actorName; objectName: "newActorName"; Layout.fillWidth: true; placeholderText: qsTr("name, e.g. Hamza Division") }
            ComboBox { id: actorSide; Layout.fillWidth: true; model: dialog.edits.sideChoices(); textRole: "label"; valueRole: "key" }
            ComboBox {
                id: actorParent
                Layout.fillWidth: true
                model: [{ id: "", name: qsTr("(no umbrella)") }].concat(dialog.document.actorChoices)
                textRole: "name"
                valueRole: "id"
            }
            Label { visible: newActorPopup.error !== ""; text: newActorPopup.error; color: "#b00020"; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            RowLayout {
                Button { objectName: "newActorAsPerpetrator"; text: qsTr("Add as perpetrator"); onClicked: newActorPopup.make(perpetratorsField) }
                Button { text: qsTr("Add as target"); onClicked: newActorPopup.make(targetsField) }
                Button { text: qsTr("Cancel"); onClicked: newActorPopup.close() }
            }
        }
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

            FieldLabel { text: qsTr("Id") }
            TextField { id: idField; objectName: "incidentId"; Layout.fillWidth: true; readOnly: !dialog.isNew; onTextEdited: dialog.recheck() }
            ProblemText { field: "id" }

            FieldLabel { text: qsTr("Type") }
            ComboBox {
                id: typeBox
                objectName: "incidentType"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "key"
                model: dialog.edits.typeChoices()
                onActivated: dialog.recheck()
            }

            FieldLabel { text: qsTr("Date") }
            RowLayout {
                TextField { id: dateField; objectName: "incidentDate"; placeholderText: "YYYY-MM-DD"; onTextEdited: dialog.recheck() }
                Label { text: qsTr("to") }
                TextField { id: endDateField; objectName: "incidentEndDate"; placeholderText: qsTr("(one day)"); onTextEdited: dialog.recheck() }
                ComboBox {
                    id: datePrecisionBox
                    textRole: "label"
                    valueRole: "key"
                    model: [{ key: "day", label: qsTr("to the day") }, { key: "week", label: qsTr("to the week") }, { key: "month", label: qsTr("to the month") }]
                    onActivated: dialog.recheck()
                }
            }
            ProblemText { field: "date" }
            ProblemText { field: "endDate" }

            FieldLabel { text: qsTr("Place") }
            RowLayout {
                TextField { id: latitudeField; objectName: "incidentLatitude"; placeholderText: qsTr("latitude"); Layout.preferredWidth: 110; onTextEdited: dialog.recheck() }
                TextField { id: longitudeField; objectName: "incidentLongitude"; placeholderText: qsTr("longitude"); Layout.preferredWidth: 110; onTextEdited: dialog.recheck() }
                ComboBox {
                    id: placePrecisionBox
                    Layout.fillWidth: true
                    textRole: "label"
                    valueRole: "key"
                    model: [{ key: "exact", label: qsTr("exact") }, { key: "near_town", label: qsTr("near a town") },
                            { key: "district", label: qsTr("district") }, { key: "governorate", label: qsTr("governorate") }]
                    onActivated: dialog.recheck()
                }
            }
            ProblemText { field: "latitude" }
            ProblemText { field: "longitude" }
            FieldLabel { text: qsTr("Place name") }
            RowLayout {
                TextField { id: placeField; objectName: "incidentPlace"; Layout.fillWidth: true; placeholderText: qsTr("e.g. Kafr Nabl") }
                Button {
                    text: qsTr("Find")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Take the coordinates of the first place of this name in the gazetteer")
                    onClicked: {
                        const found = PlaceSearch.search(placeField.text)
                        if (found.length === 0) { dialog.saveError = qsTr("No place called %1 in the gazetteer").arg(placeField.text); return }
                        latitudeField.text = found[0].latitude.toFixed(5)
                        longitudeField.text = found[0].longitude.toFixed(5)
                        dialog.saveError = ""
                        dialog.recheck()
                    }
                }
            }
            FieldLabel { text: qsTr("Governorate, district") }
            RowLayout {
                TextField { id: admin1Field; Layout.fillWidth: true }
                TextField { id: admin2Field; Layout.fillWidth: true }
            }

            FieldLabel { text: qsTr("Perpetrators") }
            RowLayout {
                TextField { id: perpetratorsField; objectName: "incidentPerpetrators"; Layout.fillWidth: true; placeholderText: qsTr("actor ids, comma-separated"); onTextEdited: dialog.recheck() }
                ComboBox {
                    Layout.preferredWidth: 150
                    model: dialog.document.actorChoices
                    textRole: "name"
                    valueRole: "id"
                    displayText: qsTr("Add…")
                    onActivated: { dialog.addActor(perpetratorsField, currentValue); dialog.recheck() }
                }
            }
            ProblemText { field: "perpetrators" }
            FieldLabel { text: qsTr("Targets") }
            RowLayout {
                TextField { id: targetsField; objectName: "incidentTargets"; Layout.fillWidth: true; placeholderText: qsTr("actor ids, comma-separated"); onTextEdited: dialog.recheck() }
                ComboBox {
                    Layout.preferredWidth: 150
                    model: dialog.document.actorChoices
                    textRole: "name"
                    valueRole: "id"
                    displayText: qsTr("Add…")
                    onActivated: { dialog.addActor(targetsField, currentValue); dialog.recheck() }
                }
            }
            ProblemText { field: "targets" }
            Item { width: 1; height: 1 }
            Button {
                objectName: "newActorButton"
                text: qsTr("New actor…")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("A perpetrator or target the data does not have yet")
                onClicked: newActorPopup.open()
            }

            FieldLabel { text: qsTr("Killed, wounded") }
            RowLayout {
                TextField { id: killedField; objectName: "incidentKilled"; Layout.fillWidth: true; placeholderText: qsTr("15, more than 78, 20-30"); onTextEdited: dialog.recheck() }
                TextField { id: woundedField; objectName: "incidentWounded"; Layout.fillWidth: true; placeholderText: qsTr("unknown"); onTextEdited: dialog.recheck() }
            }
            ProblemText { field: "killed" }
            ProblemText { field: "wounded" }
            Item { width: 1; height: 1 }
            CheckBox { id: civiliansBox; text: qsTr("Civilians targeted") }

            FieldLabel { text: qsTr("Description") }
            TextArea { id: descriptionArea; objectName: "incidentDescription"; Layout.fillWidth: true; Layout.preferredHeight: 70; wrapMode: TextEdit.Wrap }

            FieldLabel { text: qsTr("Sources") }
            TextArea {
                id: sourcesArea
                objectName: "incidentSources"
                Layout.fillWidth: true
                Layout.preferredHeight: 60
                placeholderText: qsTr("one a line: publisher | title | date | URL")
                onTextChanged: dialog.recheck()
            }
            ProblemText { field: "sources" }
            FieldLabel { text: qsTr("Related incidents") }
            TextArea {
                id: linksArea
                Layout.fillWidth: true
                Layout.preferredHeight: 44
                placeholderText: qsTr("one a line: retaliation_for: incident id (or related, part_of, follow_up_to)")
                onTextChanged: dialog.recheck()
            }
            ProblemText { field: "links" }

            Label {
                objectName: "incidentSaveError"
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
