import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Colour by side, shape by kind of incident, size by those killed.
Pane {
    id: legend
    required property VisibleEventsModel events
    // Two pulls compared: the legend says what the marks mean (null: none).
    property PullComparison comparison: null
    // Incidents per area: its colour scale (null or no coloured layer: none).
    property ReferenceLayers referenceLayers: null
    // The map's layer: its hexagons' scale, when incidents are counted per hexagon (null: none).
    property SceneLayer sceneLayer: null
    padding: 8
    opacity: 0.92
    background: Rectangle { color: "white"; border.color: "#b0b0b0"; radius: 3 }

    ColumnLayout {
        spacing: 3
        Label { text: qsTr("Perpetrator's side"); font.bold: true; font.pixelSize: 12 }
        Repeater {
            model: legend.events.legend
            RowLayout {
                required property var modelData
                spacing: 6
                Rectangle { width: 12; height: 12; radius: 6; color: modelData.colour; border.color: "#202020" }
                Label { text: modelData.label; font.pixelSize: 12; Layout.fillWidth: true }
                Label { // how many of this side's incidents are shown now
                    text: modelData.shown
                    font.pixelSize: 12
                    color: modelData.shown > 0 ? "#202020" : "#a0a0a0"
                    horizontalAlignment: Text.AlignRight
                    Layout.minimumWidth: 28
                }
            }
        }
        Label {
            text: qsTr("▼ air/drone strike  ● shelling/missile\n■ clash  ◆ other · size: killed\n"
                       + "◉ hollow: dated only to the week or month\n"
                       + "Posts ▪ on the date: blue active, orange encircled,\namber leaving, grey ✕ evacuated")
            font.pixelSize: 11
            color: "#404040"
        }
        Label {
            visible: legend.comparison !== null && legend.comparison.active
            text: qsTr("Against the earlier pull: <font color='#2ea043'>●</font> added · <font color='#e68c00'>●</font> revised · <font color='#c62828'>◎</font> deleted")
            textFormat: Text.StyledText
            font.pixelSize: 11
            color: "#404040"
        }
        ColumnLayout {
            objectName: "hexLegend"
            visible: legend.sceneLayer !== null && legend.sceneLayer.densityLegend.length > 0
            spacing: 2
            Label { text: legend.sceneLayer ? legend.sceneLayer.densityTitle : ""; font.pixelSize: 11; font.bold: true }
            Repeater {
                model: legend.sceneLayer ? legend.sceneLayer.densityLegend : []
                RowLayout {
                    required property var modelData
                    spacing: 6
                    Rectangle { width: 14; height: 11; color: modelData.colour; border.color: "#707070" }
                    Label { text: modelData.label; font.pixelSize: 11 }
                }
            }
        }
        ColumnLayout {
            objectName: "areaLegend"
            visible: legend.referenceLayers !== null && legend.referenceLayers.choroplethLayer >= 0
            spacing: 2
            Label { text: legend.referenceLayers ? legend.referenceLayers.legendTitle : ""; font.pixelSize: 11; font.bold: true; wrapMode: Text.WordWrap; Layout.maximumWidth: 260 }
            Repeater {
                model: legend.referenceLayers ? legend.referenceLayers.legend : []
                RowLayout {
                    required property var modelData
                    spacing: 6
                    Rectangle { width: 14; height: 11; color: modelData.colour; border.color: "#707070" }
                    Label { text: modelData.label; font.pixelSize: 11 }
                }
            }
        }
    }
}
