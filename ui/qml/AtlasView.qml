import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtLocation
import QtPositioning
import ConflictAtlas

// Map with the event layer, the timeline under it and the details panel beside it.
Item {
    id: view

    required property AtlasDocument document
    required property Timeline timeline
    required property VisibleEventsModel events
    required property string tileDirectory
    property bool onlineTiles: false
    readonly property alias map: mapView.map
    readonly property alias eventLayer: eventLayer
    readonly property alias timelineBar: timelineBar

    // Left/Right move one day, Page Up/Down a week, wherever the focus is.
    Shortcut { sequences: ["Right"]; onActivated: view.timeline.stepDays(1) }
    Shortcut { sequences: ["Left"]; onActivated: view.timeline.stepDays(-1) }
    Shortcut { sequences: [StandardKey.MoveToNextPage]; onActivated: view.timeline.stepDays(7) }
    Shortcut { sequences: [StandardKey.MoveToPreviousPage]; onActivated: view.timeline.stepDays(-7) }

    Plugin {
        id: tilePlugin
        name: "osm"
        // Built-in OpenStreetMap URL only: no provider list fetched from a server.
        PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
        // The offline basemap is served as the "custom" map type from pre-rendered tiles; a tile
        // that is missing there resolves to a local file URL, so offline mode never goes online.
        PluginParameter { name: "osm.mapping.custom.host"; value: "file:///nonexistent/conflict-atlas-offline/" }
        PluginParameter { name: "osm.mapping.offline.directory"; value: view.tileDirectory }
        PluginParameter { name: "osm.useragent"; value: "ConflictAtlas/0.1 (desktop conflict-map viewer)" }
    }

    function mapType(style) {
        const types = mapView.map.supportedMapTypes
        for (let i = 0; i < types.length; ++i)
            if (types[i].style === style)
                return types[i]
        return types.length > 0 ? types[0] : null
    }

    function syncEventLayer() {
        // Four reference points around the centre define the map's projection exactly.
        const centre = mapView.map.center
        const d = 0.25
        const latitudes = [centre.latitude + d, centre.latitude + d, centre.latitude - d, centre.latitude - d]
        const longitudes = [centre.longitude - d, centre.longitude + d, centre.longitude + d, centre.longitude - d]
        const points = []
        for (let i = 0; i < 4; ++i) {
            const p = mapView.map.fromCoordinate(QtPositioning.coordinate(latitudes[i], longitudes[i]), false)
            points.push(eventLayer.mapFromItem(mapView.map, p.x, p.y))
        }
        eventLayer.setViewMapping(latitudes, longitudes, points)
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: 0

            Item {
                id: mapArea
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true

                MapView {
                    id: mapView
                    anchors.fill: parent
                    map.plugin: tilePlugin
                    map.center: QtPositioning.coordinate(35.85, 36.62) // Idlib province
                    map.zoomLevel: 9
                    map.minimumZoomLevel: 5
                    map.maximumZoomLevel: view.onlineTiles ? 18 : 12
                    map.activeMapType: view.mapType(view.onlineTiles ? MapType.StreetMap : MapType.CustomMap)
                    map.copyrightsVisible: view.onlineTiles
                }

                Connections {
                    target: mapView.map
                    function onCenterChanged() { view.syncEventLayer() }
                    function onZoomLevelChanged() { view.syncEventLayer() }
                    function onBearingChanged() { view.syncEventLayer() }
                    function onTiltChanged() { view.syncEventLayer() }
                    function onWidthChanged() { view.syncEventLayer() }
                    function onHeightChanged() { view.syncEventLayer() }
                    function onMapReadyChanged() { view.syncEventLayer() }
                }

                EventLayer {
                    id: eventLayer
                    anchors.fill: parent
                    model: view.events
                    Component.onCompleted: view.syncEventLayer()

                    TapHandler {
                        onTapped: (eventPoint) => eventLayer.selectedRow =
                                  eventLayer.rowAt(eventPoint.position.x, eventPoint.position.y)
                    }
                }

                MapLegend {
                    anchors { left: parent.left; top: parent.top; margins: 10 }
                    events: view.events
                }

                Label {
                    anchors { right: parent.right; bottom: parent.bottom; margins: 4 }
                    padding: 3
                    font.pixelSize: 11
                    text: view.onlineTiles ? qsTr("Map data © OpenStreetMap contributors")
                                           : qsTr("Basemap: Natural Earth 1:10m (public domain)")
                    background: Rectangle { color: "#ccffffff"; radius: 2 }
                }

                Label {
                    visible: view.document.errorText !== ""
                    anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; margins: 10 }
                    padding: 8
                    text: view.document.errorText
                    color: "#7a1f00"
                    background: Rectangle { color: "#fff3cd"; border.color: "#e0b252"; radius: 3 }
                }
            }

            TimelineBar {
                id: timelineBar
                Layout.fillWidth: true
                timeline: view.timeline
                events: view.events
            }
        }

        DetailsPanel {
            SplitView.preferredWidth: 360
            SplitView.minimumWidth: 260
            events: view.events
            selectedRow: eventLayer.selectedRow
            onRowChosen: (row) => eventLayer.selectedRow = row
        }
    }
}
