import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// The faction tree: sides, their umbrella groups and the factions under them, each with a box
// and how many incidents of the window it has. Several may be ticked; ticking a side ticks its
// groups. Whether the ticked factions struck, were struck or either, and whether sub-groups
// count, are chosen above the tree.
Popup {
    id: popup
    required property FilterChoices choices
    required property FilterSettings filters
    readonly property alias list: list
    width: 420
    height: Math.min(560, parent ? parent.height : 560)
    padding: 8
    onOpened: { choices.active = true; choices.recount() }
    onClosed: choices.active = false

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Incidents where the ticked factions are"); font.pixelSize: 12 }
            ComboBox {
                id: roleBox
                objectName: "roleBox"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "key"
                model: [{ key: "either", label: qsTr("either side") }, { key: "perpetrator", label: qsTr("perpetrator") },
                        { key: "target", label: qsTr("target") }]
                // Read count: the role may be set before the list is filled (a project, the command line).
                currentIndex: count > 0 ? Math.max(0, indexOfValue(popup.filters.actorRole)) : 0
                onActivated: popup.filters.actorRole = currentValue
            }
        }
        RowLayout {
            Layout.fillWidth: true
            CheckBox {
                objectName: "subgroupsBox"
                text: qsTr("include sub-groups")
                checked: popup.filters.includeSubgroups
                onToggled: popup.filters.includeSubgroups = checked
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "allFactions"
                text: qsTr("All factions")
                enabled: popup.filters.actorIds.length > 0
                onClicked: popup.filters.actorIds = []
            }
        }
        ListView {
            id: list
            objectName: "factionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: popup.choices
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string kind
                required property string name
                required property int depth
                required property int count
                required property int checkState
                required property bool implied
                required property color colour
                width: ListView.view.width
                height: 26
                padding: 2
                leftPadding: 4 + 18 * depth
                onClicked: popup.choices.toggle(index)
                contentItem: RowLayout {
                    spacing: 6
                    CheckBox {
                        padding: 0
                        tristate: true
                        checkState: row.implied ? Qt.Checked : row.checkState
                        opacity: row.implied ? 0.5 : 1 // ticked through its umbrella
                        // The model decides the state: a click goes to it, never toggles here.
                        nextCheckState: function () { return checkState }
                        onClicked: popup.choices.toggle(row.index)
                    }
                    Rectangle { width: 10; height: 10; radius: 5; color: row.colour; border.color: "#303030" }
                    Label {
                        Layout.fillWidth: true
                        text: row.name
                        elide: Text.ElideRight
                        font.bold: row.kind === "side"
                        font.pixelSize: 12
                    }
                    Label {
                        text: row.count
                        font.pixelSize: 12
                        color: row.count > 0 ? "#202020" : "#a0a0a0"
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Counts: incidents in the window under the other filters.")
            font.pixelSize: 11
            color: "#606060"
        }
    }
}
