import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Narrows the incidents shown: free text, factions (from the faction tree), incident types
// (toggles with their counts), and a minimum death toll. Every change goes to FilterSettings, which the map, the list and
// the timeline histogram all follow.
ColumnLayout {
    id: bar
    required property AtlasDocument document
    required property FilterSettings filters
    required property FilterChoices choices
    property bool busy: false
    readonly property alias factionTree: factionTree

    function actorName(id) {
        const actor = bar.document.actorChoices.find(a => a.id === id)
        return actor ? actor.name : id
    }
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
    // Factions: a button that says which are ticked and opens the tree.
    Button {
        id: factionsButton
        objectName: "factionsButton"
        Layout.fillWidth: true
        text: bar.filters.actorIds.length === 0 ? qsTr("All factions \u25BE")
              : bar.filters.actorIds.length === 1 ? bar.actorName(bar.filters.actorIds[0]) + " \u25BE"
              : qsTr("%n faction(s) \u25BE", "", bar.filters.actorIds.length)
        onClicked: factionTree.open()
    }
    FactionTree {
        id: factionTree
        objectName: "factionTree"
        parent: Overlay.overlay
        x: Math.max(0, (parent ? parent.width : 0) - width - 380)
        y: 60
        choices: bar.choices
        filters: bar.filters
    }

    // Incident types as toggles: the map's symbol and colour, how many the window holds.
    Flow {
        objectName: "typeToggles"
        Layout.fillWidth: true
        spacing: 3
        Repeater {
            model: bar.choices.types
            delegate: Button {
                id: typeButton
                required property var modelData
                objectName: "typeToggle_" + modelData.key
                checkable: true
                readonly property bool shown: bar.filters.typeKeys, bar.filters.typeShown(modelData.key)
                readonly property int count: bar.choices.typeCounts[modelData.key] ?? 0
                checked: shown
                flat: !checked
                padding: 3
                leftPadding: 5
                rightPadding: 5
                font.pixelSize: 11
                opacity: checked ? 1 : 0.55
                contentItem: Row {
                    spacing: 3
                    Label { text: modelData.glyph; color: modelData.colour; font.pixelSize: 12 }
                    Label { objectName: "typeLabel"; text: modelData.label + " " + typeButton.count; font.pixelSize: 11 }
                }
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: checked ? qsTr("Shown: click to hide") : qsTr("Hidden: click to show")
                onClicked: {
                    // The filter decides (it never hides the last type): undo the button's own
                    // toggle, then ask it.
                    checked = Qt.binding(() => shown)
                    bar.filters.setTypeShown(modelData.key, !shown)
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("killed \u2265") }
        SpinBox {
            objectName: "minKilledBox"
            from: 0
            to: 10000
            editable: true
            value: bar.filters.minKilled
            onValueModified: bar.filters.minKilled = value
            implicitWidth: 110
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "resetFilters"
            text: qsTr("Reset")
            enabled: bar.filters.active
            onClicked: { searchField.text = ""; bar.filters.clear() }
        }
    }

    RowLayout { // who held the ground struck, on the day: the data's control areas
        visible: bar.document.groundChoices.length > 0
        Layout.fillWidth: true
        Label { text: qsTr("On ground held by") }
        ComboBox {
            objectName: "groundHeldBox"
            Layout.fillWidth: true
            textRole: "label"
            model: [{ key: "", label: qsTr("anyone (no filter)") }].concat(bar.document.groundChoices)
            currentIndex: bar.filters.heldBy.length === 0 ? 0 : Math.max(0, model.findIndex(c => c.key === bar.filters.heldBy[0]))
            onActivated: (i) => bar.filters.heldBy = i === 0 ? [] : [model[i].key]
        }
    }

    CheckBox {
        objectName: "exactOnlyBox"
        // Placed exactly and dated to the day; says how many of the window that leaves out.
        text: bar.filters.exactOnly ? qsTr("Exact only: %n of the window hidden", "", bar.choices.inexactCount)
                                     : qsTr("Exact only (would hide %n)", "", bar.choices.inexactCount)
        checked: bar.filters.exactOnly
        onToggled: bar.filters.exactOnly = checked
        ToolTip.visible: hovered
        ToolTip.delay: 500
        ToolTip.text: qsTr("Only incidents placed exactly and dated to the day: %n of the window are placed near a town, to a district or governorate, or dated only to a week or month", "", bar.choices.inexactCount)
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
            if (f.actorIds.length > 0) {
                const names = f.actorIds.map(id => bar.actorName(id))
                const role = f.actorRole === "perpetrator" ? qsTr("by %1") : f.actorRole === "target" ? qsTr("against %1") : qsTr("involving %1")
                parts.push(role.arg(names.join(", ")) + (f.includeSubgroups ? qsTr(" (with sub-groups)") : ""))
            }
            if (f.typeKeys.length > 0) {
                // Whichever is shorter: the types shown, or "without" those hidden.
                const label = (key) => { const type = bar.document.typeChoices.find(t => t.key === key); return type ? type.label : key }
                const hidden = bar.document.typeChoices.filter(t => !f.typeKeys.includes(t.key)).map(t => t.key)
                parts.push(hidden.length > 0 && hidden.length < f.typeKeys.length ? qsTr("without %1").arg(hidden.map(label).join(", "))
                                                                                  : f.typeKeys.map(label).join(", "))
            }
            if (f.minKilled > 0) parts.push(qsTr("at least %1 killed").arg(f.minKilled))
            if (f.exactOnly) parts.push(qsTr("exactly placed and dated only"))
            if (f.text !== "") parts.push(qsTr("mentioning \u201C%1\u201D").arg(f.text))
            if (f.heldBy.length > 0)
                parts.push(qsTr("on ground held by %1").arg(f.heldBy.map(k => (bar.document.groundChoices.find(c => c.key === k) || { label: k }).label).join(", ")))
            if (f.regionName !== "") parts.push(qsTr("inside %1").arg(f.regionName))
            return qsTr("Filtered: ") + parts.join(" \u00B7 ")
        }
    }
}
