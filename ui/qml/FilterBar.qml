import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Narrows the incidents shown: free text, a faction (with its sub-groups or not), a type,
// and a minimum death toll. Every change goes to FilterSettings, which the map, the list and
// the timeline histogram all follow.
ColumnLayout {
    id: bar
    required property AtlasDocument document
    required property FilterSettings filters
    property bool busy: false
    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search descriptions, places, factions, sources")
            text: bar.filters.text
            // Typing is followed after a short pause so a long dataset is not queried per key.
            onTextEdited: typingPause.restart()
            onAccepted: { typingPause.stop(); bar.filters.text = text }
            Timer { id: typingPause; interval: 250; onTriggered: bar.filters.text = searchField.text }
        }
        BusyIndicator { running: bar.busy; visible: running; implicitWidth: 24; implicitHeight: 24 }
    }
    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: actorBox
            objectName: "actorBox"
            Layout.fillWidth: true
            textRole: "label"
            valueRole: "id"
            model: [{ label: qsTr("All factions"), id: "" }].concat(
                       bar.document.actorChoices.map(a => ({ label: "\u2003".repeat(a.depth) + a.name, id: a.id })))
            // Read count: the filter may be set before the list is filled (the command line).
            currentIndex: count > 0 ? Math.max(0, indexOfValue(bar.filters.actorId)) : 0
            onActivated: bar.filters.actorId = currentValue
        }
        CheckBox {
            objectName: "subgroupsBox"
            text: qsTr("with sub-groups")
            checked: bar.filters.includeSubgroups
            enabled: bar.filters.actorId !== ""
            onToggled: bar.filters.includeSubgroups = checked
        }
    }
    RowLayout {
        Layout.fillWidth: true
        ComboBox {
            id: typeBox
            objectName: "typeBox"
            Layout.fillWidth: true
            textRole: "label"
            valueRole: "key"
            model: [{ label: qsTr("All types"), key: "" }].concat(bar.document.typeChoices)
            currentIndex: count > 0 ? Math.max(0, indexOfValue(bar.filters.typeKey)) : 0
            onActivated: bar.filters.typeKey = currentValue
        }
        Label { text: qsTr("killed ≥") }
        SpinBox {
            objectName: "minKilledBox"
            from: 0
            to: 10000
            editable: true
            value: bar.filters.minKilled
            onValueModified: bar.filters.minKilled = value
            implicitWidth: 110
        }
        Button {
            objectName: "resetFilters"
            text: qsTr("Reset")
            enabled: bar.filters.active
            onClicked: { searchField.text = ""; bar.filters.clear() }
        }
    }

    // The active filter in one line, so what narrows the map is always said.
    Label {
        objectName: "filterSummary"
        Layout.fillWidth: true
        visible: bar.filters.active
        elide: Text.ElideRight
        color: "#7a4a00"
        font.pixelSize: 12
        text: {
            const f = bar.filters
            const parts = []
            if (f.actorId !== "") {
                const actor = bar.document.actorChoices.find(a => a.id === f.actorId)
                parts.push(qsTr("by %1").arg(actor ? actor.name : f.actorId) + (f.includeSubgroups ? qsTr(" and its sub-groups") : ""))
            }
            if (f.typeKey !== "") {
                const type = bar.document.typeChoices.find(t => t.key === f.typeKey)
                parts.push(type ? type.label : f.typeKey)
            }
            if (f.minKilled > 0) parts.push(qsTr("at least %1 killed").arg(f.minKilled))
            if (f.text !== "") parts.push(qsTr("mentioning \u201C%1\u201D").arg(f.text))
            return qsTr("Filtered: ") + parts.join(" \u00B7 ")
        }
    }
}
