import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Details of the selected incident, or the list of incidents in the window to pick from.
Pane {
    id: panel
    required property VisibleEventsModel events
    required property SiteStatusModel sites
    required property AtlasDocument document
    required property FilterSettings filters
    required property FilterChoices choices
    required property int selectedRow
    required property int selectedSiteRow
    signal rowChosen(int row)
    /// "Zoom to it" in an incident's details: the map comes close to it.
    signal rowZoomed(int row)
    signal siteChosen(int row)
    /// The analyst asked to edit the incident shown (its id).
    signal editRequested(string id)
    /// The analyst asked to change the status of the site shown (its id).
    signal siteStatusRequested(string id)
    readonly property var details: selectedRow >= 0 ? events.details(selectedRow) : ({})
    readonly property var siteDetails: selectedSiteRow >= 0 ? sites.details(selectedSiteRow) : ({})
    padding: 12

    ColumnLayout {
        anchors.fill: parent
        visible: panel.selectedRow < 0 && panel.selectedSiteRow < 0
        spacing: 6
        Label {
            text: qsTr("Incidents in the window")
            font.bold: true
            font.pixelSize: 15
        }
        FilterBar {
            Layout.fillWidth: true
            document: panel.document
            filters: panel.filters
            choices: panel.choices
            busy: panel.events.busy
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Click a symbol on the map, or an incident below, to read what happened.")
            color: "#505050"
        }
        ListView {
            id: list
            objectName: "incidentList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.events
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property int index
                required property string date
                required property string type
                required property string place
                required property color colour
                width: ListView.view.width
                contentItem: RowLayout {
                    spacing: 8
                    Rectangle { width: 10; height: 10; radius: 5; color: colour; border.color: "#202020" }
                    Label {
                        Layout.fillWidth: true
                        text: date + "  " + type + "\n" + place
                        elide: Text.ElideRight
                        font.pixelSize: 12
                    }
                }
                onClicked: panel.rowChosen(index)
            }
        }
    }

    ScrollView {
        anchors.fill: parent
        visible: panel.selectedRow >= 0
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                Rectangle { width: 14; height: 14; radius: 7; color: panel.details.colour || "grey"; border.color: "#202020" }
                Label {
                    objectName: "detailsTitle"
                    Layout.fillWidth: true
                    text: (panel.details.type || "") + " · " + (panel.details.date || "")
                    font.bold: true
                    font.pixelSize: 15
                    wrapMode: Text.WordWrap
                }
                ToolButton {
                    objectName: "zoomToIncident"
                    text: qsTr("Zoom to it")
                    onClicked: panel.rowZoomed(panel.selectedRow)
                }
                ToolButton {
                    objectName: "editIncident"
                    text: qsTr("Edit…")
                    onClicked: panel.editRequested(panel.details.id)
                }
                ToolButton { text: "✕"; onClicked: panel.rowChosen(-1) }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 10
                rowSpacing: 4
                Repeater {
                    model: [
                        [qsTr("By"), panel.details.perpetrators],
                        [qsTr("Against"), panel.details.targets],
                        [qsTr("Killed"), panel.details.killed],
                        [qsTr("Wounded"), panel.details.wounded],
                        [qsTr("Place"), panel.details.place],
                        [qsTr("Placed"), panel.details.placePrecision],
                        [qsTr("Dated"), panel.details.datePrecision],
                        [qsTr("Side"), panel.details.side],
                        [qsTr("Ground"), panel.details.groundHeld],
                        [qsTr("Id"), panel.details.id],
                        [qsTr("From"), panel.details.record],
                        [qsTr("Recorded"), panel.details.recording]
                    ].filter(row => (row[0] !== qsTr("Recorded") && row[0] !== qsTr("Ground")) || row[1])
                    delegate: RowLayout {
                        required property var modelData
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        Label { text: modelData[0]; color: "#606060"; Layout.preferredWidth: 70; Layout.alignment: Qt.AlignTop }
                        Label { text: modelData[1] || "—"; Layout.fillWidth: true; wrapMode: Text.WordWrap }
                    }
                }
            }

            Label {
                Layout.fillWidth: true
                text: panel.details.description || ""
                wrapMode: Text.WordWrap
            }

            Label { text: qsTr("Sources"); font.bold: true }
            Repeater {
                model: panel.details.sources || []
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    textFormat: Text.RichText
                    font.pixelSize: 12
                    text: "<b>" + modelData.publisher + "</b>" + (modelData.date ? ", " + modelData.date : "") + ": "
                          + (modelData.url ? "<a href=\"" + modelData.url + "\">" + modelData.title + "</a>" : modelData.title)
                          + (modelData.dataset ? " <i>(" + qsTr("from %1").arg(modelData.dataset) + ")</i>" : "")
                    onLinkActivated: (link) => Qt.openUrlExternally(link)
                }
            }
        }
    }

    ScrollView {
        anchors.fill: parent
        visible: panel.selectedRow < 0 && panel.selectedSiteRow >= 0
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 8
            RowLayout {
                Layout.fillWidth: true
                Rectangle { width: 14; height: 14; radius: 2; color: panel.siteDetails.colour || "grey" }
                Label {
                    objectName: "siteTitle"
                    Layout.fillWidth: true
                    text: panel.siteDetails.name || ""
                    font.bold: true
                    font.pixelSize: 15
                    wrapMode: Text.WordWrap
                }
                ToolButton { text: "✕"; onClicked: panel.siteChosen(-1) }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("%1 of %2 · on this date: <b>%3</b>").arg(panel.siteDetails.kind || "")
                      .arg(panel.siteDetails.operator || "—").arg(panel.siteDetails.status || "")
                textFormat: Text.StyledText
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: (panel.siteDetails.place || "") + " (located: " + (panel.siteDetails.placePrecision || "") + ")"
                color: "#505050"
            }
            Label { Layout.fillWidth: true; wrapMode: Text.WordWrap; text: panel.siteDetails.description || "" }
            Button {
                objectName: "changeSiteStatusButton"
                text: qsTr("Change the status on a date…")
                onClicked: panel.siteStatusRequested(panel.siteDetails.id)
            }
            Label { text: qsTr("History"); font.bold: true }
            Repeater {
                model: panel.siteDetails.history || []
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 1
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: "<b>" + modelData.date + (modelData.approximateDate ? " (approx.)" : "") + "</b> — "
                              + modelData.status + (modelData.note ? ": " + modelData.note : "")
                        textFormat: Text.StyledText
                    }
                    Repeater {
                        model: modelData.sources
                        delegate: Label {
                            required property var modelData
                            Layout.fillWidth: true
                            Layout.leftMargin: 12
                            wrapMode: Text.WordWrap
                            textFormat: Text.RichText
                            font.pixelSize: 11
                            text: modelData.publisher + (modelData.date ? ", " + modelData.date : "") + ": "
                                  + (modelData.url ? "<a href=\"" + modelData.url + "\">" + modelData.title + "</a>" : modelData.title)
                            onLinkActivated: (link) => Qt.openUrlExternally(link)
                        }
                    }
                }
            }
        }
    }
}
