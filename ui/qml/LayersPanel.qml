import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConflictAtlas

// The Layers panel (View → Layers, Ctrl+L): reference layers from the analyst's GIS files —
// shown or hidden, opacity, outline, label field — and incidents per area: one layer coloured
// by the window's incidents or killed on a scale fixed over the whole data, or by the change
// against a second period, with the areas that hold the most.
Pane {
    id: panel
    objectName: "layersPanel"
    required property ReferenceLayers layers
    required property FilterSettings filters
    property string problem: ""
    /// How the map draws incidents: "symbols" or "hexagons".
    property string density: "symbols"
    signal densityChosen(string density)
    /// "Draw a region…": the map takes clicks as the corners of a region to filter by.
    signal drawRegion()
    signal message(string text)
    padding: 10

    function addLayer(url) {
        const result = layers.addFile(url)
        panel.problem = result !== "" ? result : layers.problems()
        if (result === "") panel.message(qsTr("Layer added: %1").arg(url.toString().split("/").pop()))
    }

    FileDialog {
        id: addDialog
        title: qsTr("Add a reference layer")
        nameFilters: [qsTr("GIS files (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.fgb *.gpx *.csv *.gml *.tab *.mif *.sqlite *.zip)"),
                      qsTr("All files (*)")]
        onAccepted: panel.addLayer(selectedFile)
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export incidents per area")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV table (*.csv)"), qsTr("GeoJSON with the areas (*.geojson)")]
        onAccepted: {
            const result = panel.layers.exportTable(selectedFile)
            panel.message(result === "" ? qsTr("Written: %1").arg(selectedFile.toString().split("/").pop()) : result)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Layers"); font.bold: true; font.pixelSize: 15; Layout.fillWidth: true }
            Button { text: qsTr("Add layer…"); objectName: "addLayerButton"; onClicked: addDialog.open() }
        }
        RowLayout { // incidents one by one, or counted per hexagon
            Layout.fillWidth: true
            Label { text: qsTr("Incidents as") }
            ComboBox {
                objectName: "densityBox"
                Layout.fillWidth: true
                model: [qsTr("symbols"), qsTr("hexagons (counts, scale fixed over the data)"), qsTr("heat (density, scale fixed over the data)")]
                currentIndex: panel.density === "hexagons" ? 1 : panel.density === "heat" ? 2 : 0
                onActivated: (i) => panel.densityChosen(["symbols", "hexagons", "heat"][i])
            }
        }
        Label {
            visible: panel.layers.count === 0
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: "#505050"
            text: qsTr("Add boundaries (districts, sub-districts), roads or camps from a shapefile, GeoPackage, GeoJSON, KML or any file GDAL reads; other coordinate systems are converted.")
        }
        Label { // what the last file said: broken parts, invalid polygons
            visible: panel.problem !== ""
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            maximumLineCount: 6
            elide: Text.ElideRight
            color: "#8a4b00"
            text: panel.problem
        }
        RowLayout { // the region filter: an area of a layer, or one drawn
            Layout.fillWidth: true
            Label {
                text: panel.filters.regionName !== "" ? qsTr("Only inside %1").arg(panel.filters.regionName) : qsTr("Region: the whole map")
                font.bold: panel.filters.regionName !== ""
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button { objectName: "drawRegionButton"; text: qsTr("Draw…"); onClicked: panel.drawRegion() }
            Button { text: qsTr("Show all"); visible: panel.filters.regionName !== ""; onClicked: panel.filters.clearRegion() }
        }

        ListView {
            id: list
            objectName: "layerList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 300)
            clip: true
            model: panel.layers
            spacing: 6
            ScrollBar.vertical: ScrollBar {}
            delegate: Frame {
                id: layerRow
                required property int index
                required property string name
                required property string file
                required property bool shown
                required property real layerOpacity
                required property bool outline
                required property string labelField
                required property var fields
                required property int featureCount
                required property int areaCount
                required property string crs
                width: ListView.view.width
                padding: 6
                ColumnLayout {
                    width: parent.width
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        CheckBox {
                            checked: layerRow.shown
                            onToggled: panel.layers.setShown(layerRow.index, checked)
                        }
                        Label {
                            Layout.fillWidth: true
                            text: "<b>" + layerRow.name + "</b> · " + layerRow.file
                            elide: Text.ElideMiddle
                        }
                        ToolButton { text: "✕"; onClicked: panel.layers.remove(layerRow.index); ToolTip.text: qsTr("Remove the layer"); ToolTip.visible: hovered }
                    }
                    Label {
                        text: qsTr("%1 features, %2 areas · %3").arg(layerRow.featureCount).arg(layerRow.areaCount).arg(layerRow.crs)
                        color: "#606060"; font.pixelSize: 11; Layout.fillWidth: true; elide: Text.ElideRight
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("Opacity") }
                        Slider {
                            Layout.fillWidth: true
                            from: 0; to: 1; value: layerRow.layerOpacity
                            onMoved: panel.layers.setOpacity(layerRow.index, value)
                        }
                        CheckBox { text: qsTr("Outline"); checked: layerRow.outline; onToggled: panel.layers.setOutline(layerRow.index, checked) }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: qsTr("Labels") }
                        ComboBox {
                            Layout.fillWidth: true
                            model: [qsTr("(none)")].concat(layerRow.fields)
                            currentIndex: layerRow.labelField === "" ? 0 : layerRow.fields.indexOf(layerRow.labelField) + 1
                            onActivated: (i) => panel.layers.setLabelField(layerRow.index, i === 0 ? "" : layerRow.fields[i - 1])
                        }
                    }
                    CheckBox {
                        objectName: "colourByIncidents"
                        visible: layerRow.areaCount > 0
                        text: qsTr("Colour areas by incidents")
                        checked: panel.layers.choroplethLayer === layerRow.index
                        onToggled: panel.layers.choroplethLayer = checked ? layerRow.index : -1
                    }
                }
            }
        }

        // Two periods: the window (B) against days A — areas coloured by incidents, or hexagons.
        RowLayout {
            visible: panel.layers.choroplethLayer >= 0 || panel.density === "hexagons"
            Layout.fillWidth: true
            Label { text: qsTr("Against") }
            TextField { // the compared days, as set (here, by a project or the command line)
                id: compareFrom; objectName: "compareFrom"; placeholderText: "2020-10-01"; Layout.preferredWidth: 92
                text: panel.layers.comparing ? Qt.formatDate(panel.layers.compareFrom, "yyyy-MM-dd") : ""
            }
            Label { text: "–" }
            TextField {
                id: compareTo; objectName: "compareTo"; placeholderText: "2020-10-14"; Layout.preferredWidth: 92
                text: panel.layers.comparing ? Qt.formatDate(panel.layers.compareTo, "yyyy-MM-dd") : ""
            }
            Button {
                text: panel.layers.comparing ? qsTr("Stop") : qsTr("Compare")
                onClicked: {
                    if (panel.layers.comparing) { panel.layers.stopComparing(); return }
                    if (!panel.layers.compareWith(compareFrom.text, compareTo.text))
                        panel.message(qsTr("Type the earlier period's first and last days as 2020-10-01"))
                }
            }
        }

        // Incidents per area, while a layer is coloured by them.
        ColumnLayout {
            visible: panel.layers.choroplethLayer >= 0
            Layout.fillWidth: true
            spacing: 4
            RowLayout {
                Label { text: qsTr("Count") }
                ComboBox {
                    model: [qsTr("Incidents"), qsTr("Killed (at least)")]
                    currentIndex: panel.layers.measure === "killed" ? 1 : 0
                    onActivated: (i) => panel.layers.measure = i === 1 ? "killed" : "events"
                }
                Item { Layout.fillWidth: true }
                Button { text: qsTr("Export…"); onClicked: exportDialog.open() }
            }
            Label { text: panel.layers.legendTitle; wrapMode: Text.WordWrap; Layout.fillWidth: true; font.pixelSize: 11; color: "#404040" }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: panel.layers.legend
                    delegate: Row {
                        required property var modelData
                        spacing: 3
                        Rectangle { width: 14; height: 12; color: modelData.colour; border.color: "#606060"; border.width: 1; anchors.verticalCenter: parent.verticalCenter }
                        Label { text: modelData.label; font.pixelSize: 11 }
                    }
                }
            }
            Label { text: panel.layers.comparing ? qsTr("Largest changes") : qsTr("Most incidents"); font.bold: true }
            Repeater {
                model: panel.layers.topAreas
                delegate: ItemDelegate {
                    required property var modelData
                    Layout.fillWidth: true
                    padding: 2
                    contentItem: RowLayout {
                        Rectangle { visible: modelData.colour !== undefined; width: 10; height: 10; color: modelData.colour ?? "transparent" }
                        Label { text: modelData.name; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label {
                            text: modelData.change !== undefined ? modelData.before + " → " + modelData.after + "  (" + modelData.change + ")"
                                                                 : qsTr("%1 · %2 killed").arg(modelData.events).arg(modelData.killed)
                            color: "#404040"
                        }
                    }
                    onClicked: panel.layers.filterToArea(panel.layers.choroplethLayer, modelData.feature)
                    ToolTip.text: qsTr("Show only this area")
                    ToolTip.visible: hovered
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
