import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtLocation
import QtPositioning
import ConflictAtlas

// Map with the event layer, the timeline under it and the details panel beside it.
Item {
    id: view

    /// The document, filters, timeline and models this view shows (one AtlasSession).
    required property AtlasSession session
    readonly property AtlasDocument document: session.document
    readonly property Timeline timeline: session.timeline
    readonly property VisibleEventsModel events: session.events
    readonly property FilterSettings filters: session.filters
    readonly property SiteStatusModel sites: session.sites
    required property string tileDirectory
    // Selection: an event of the window, or else a site (never both).
    property int selectedSiteRow: -1
    // Where the map's tiles come from: "offline" (the bundled basemap), "osm" (OpenStreetMap
    // online) or "custom" (customTiles: an XYZ URL template or a local tile folder).
    property string tileSource: "offline"
    readonly property bool onlineTiles: tileSource === "osm"
    // {template, attribution, maxZoom} of the custom source (MapTools.tileSourceOf).
    property var customTiles: ({})
    // The incident table under the map (View → Incident table, Ctrl+T).
    property bool tableShown: false
    /// The Layers panel (View → Layers): reference layers and incidents per area.
    /// How incidents are drawn: "symbols" or "hexagons" (counted per hexagon).
    property string density: "symbols"
    property bool layersShown: session.layers.count > 0 // opened with layers (--layer, a project): shown
    readonly property alias layersPanel: layersPanel
    readonly property alias areaPopup: areaPopup
    // Halos round incidents placed less than exactly (View → Placement halos).
    property bool placementHalos: true
    readonly property alias incidentTable: incidentTable
    // The measuring tool: while on, clicks on the map add points to a path (not incidents).
    property bool measuring: false
    property var measurePath: []
    readonly property var measureResult: MapTools.measure(measurePath)
    readonly property alias measureButton: measureButton
    readonly property alias placeField: placeField
    readonly property alias placeList: placeList
    readonly property alias hoverTip: hoverTip
    readonly property alias incidentMenu: incidentMenu
    readonly property alias stackList: stackList
    // The coordinate under the mouse, read as decimal degrees and as degrees, minutes, seconds.
    property string cursorText: ""
    /// The analyst asked for a new incident at a point, or to edit or delete one (Main's dialogs).
    signal addIncidentRequested(real latitude, real longitude)
    signal editIncidentRequested(string id)
    signal deleteIncidentRequested(string id)
    // A line or area drawn (its form, with the points), to be written in its dialog.
    signal shapeDrawn(var fields, bool isNew)
    signal editShapeRequested(string kind, string id)
    signal siteStatusRequested(string siteId)
    readonly property alias mapMenu: mapMenu
    function mapCentre() { return mapView.map.center }
    // Above this many events in view the map draws clusters (not at the closest zoom, where
    // they could not be opened further).
    property int clusterThreshold: 3000
    // The map, made again (mapLoader) when the custom tile source changes: Qt Location takes a
    // map's plugin once.
    readonly property var mapView: mapLoader.item
    readonly property var map: mapView ? mapView.map : null
    readonly property alias sceneLayer: sceneLayer
    readonly property alias timelineBar: timelineBar
    readonly property alias problemsPopup: problemsPopup
    readonly property alias datePropertyDialog: datePropertyDialog

    // Left/Right move one day, Page Up/Down a week, wherever the focus is (a text field keeps
    // the keys it types with).
    Shortcut { sequences: ["Right"]; onActivated: view.timeline.stepDays(1) }
    Shortcut { sequences: ["Left"]; onActivated: view.timeline.stepDays(-1) }
    Shortcut { sequences: [StandardKey.MoveToNextPage]; onActivated: view.timeline.stepDays(7) }
    Shortcut { sequences: [StandardKey.MoveToPreviousPage]; onActivated: view.timeline.stepDays(-7) }
    // Space plays and pauses; Ctrl+Left/Right go to the previous/next day with incidents.
    Shortcut { sequences: ["Space"]; onActivated: view.timeline.togglePlaying() }
    Shortcut { sequences: ["Ctrl+Right"]; onActivated: view.timeline.stepToIncidentDay(1) }
    Shortcut { sequences: ["Ctrl+Left"]; onActivated: view.timeline.stepToIncidentDay(-1) }
    Shortcut { sequences: ["M"]; onActivated: view.setMeasuring(!view.measuring) }
    Shortcut { sequences: ["Escape"]; enabled: view.measuring; onActivated: view.setMeasuring(false) }

    // The tooltip for what the mouse is over: an incident (date, type, place, toll) or a cluster.
    property int hoverRow: -1
    function hoverAt(hit, point) {
        let text = hoverTip.text
        if (hit.kind === "event") {
            if (hit.row !== hoverRow) {
                hoverRow = hit.row
                const d = events.details(hit.row)
                text = d.date + " \u00B7 " + d.type + "\n" + d.place
                       + (d.killed !== "unknown" ? "\n" + qsTr("killed: %1").arg(d.killed) : "")
            }
        } else if (hit.kind === "cluster") {
            hoverRow = -1
            text = qsTr("%n incident(s): click to zoom in", "", hit.count)
        } else {
            hoverRow = -1
            hoverTipAsked = false
            hoverTip.close()
            return
        }
        hoverTip.x = point.x + 14
        hoverTip.y = point.y + 14
        // Opened once per thing hovered: the map sends hover moves whenever it redraws under a
        // still mouse, and opening again would restart the tip's delay every time.
        if (text !== hoverTip.text || !hoverTipAsked) {
            hoverTip.text = text
            hoverTip.open()
            hoverTipAsked = true
        }
    }
    property bool hoverTipAsked: false // the tip is open or waiting out its delay

    // The map's view, for a bookmark; and back to one.
    function currentView() {
        return { latitude: mapView.map.center.latitude, longitude: mapView.map.center.longitude,
                 zoom: mapView.map.zoomLevel, bearing: mapView.map.bearing }
    }
    // A view to show once the map can (it may be being made again for other tiles).
    function showViewWhenReady(v) {
        if (map && map.mapReady && keptView === null) showView(v)
        else keptView = v
    }
    function showView(v) {
        if (v.box !== undefined) { // a recipe's area: framed, whatever the window's size
            mapView.map.bearing = 0
            fitBox(v.box)
            return
        }
        mapView.map.bearing = v.bearing ?? 0
        mapView.map.zoomLevel = v.zoom
        mapView.map.center = QtPositioning.coordinate(v.latitude, v.longitude)
    }

    // Fits the map to the incidents (a small margin round them), e.g. when a file is opened.
    function zoomToData() {
        const box = view.document.dataBounds
        if (!mapView || !mapView.map.mapReady || box.length !== 4) return
        // A single point (or a tight cluster) would zoom all the way in: keep some country round it.
        const padLon = Math.max(0.05, (box[2] - box[0]) * 0.05), padLat = Math.max(0.05, (box[3] - box[1]) * 0.05)
        fitBox([box[0] - padLon, box[1] - padLat, box[2] + padLon, box[3] + padLat])
    }
    // Frames [west, south, east, north] (a selection of incidents).
    function zoomToBox(box) {
        if (!mapView || !mapView.map.mapReady || box.length !== 4) return
        fitBox(box)
    }
    // The box framed last, and the camera that framed it: while the map still shows just that,
    // a change of the map's size (the window laid out, the table opened) frames it again.
    property var fitted: null
    function fitBox(box) {
        const map = mapView.map
        map.fitViewportToGeoShape(QtPositioning.rectangle(QtPositioning.coordinate(box[3], box[0]),
                                                          QtPositioning.coordinate(box[1], box[2])), 0)
        fitted = { box: box, latitude: map.center.latitude, longitude: map.center.longitude, zoom: map.zoomLevel }
    }
    function refitAfterResize() {
        const map = view.map
        if (!fitted || !map || !map.mapReady) return
        const untouched = Math.abs(map.zoomLevel - fitted.zoom) < 1e-9 && Math.abs(map.center.latitude - fitted.latitude) < 1e-9
                          && Math.abs(map.center.longitude - fitted.longitude) < 1e-9
        if (untouched) fitBox(fitted.box)
        else fitted = null // moved by the user since: their view stays
    }
    // Centres the map on a place found by name, close enough to see its villages.
    function goToPlace(place) {
        mapView.map.center = QtPositioning.coordinate(place.latitude, place.longitude)
        mapView.map.zoomLevel = Math.max(mapView.map.zoomLevel, Math.min(11, mapView.map.maximumZoomLevel))
        showMessage(place.name + (place.source === "GeoNames" ? qsTr(" (GeoNames)") : ""))
    }
    // Centres the map on an incident of the window, close enough to tell it from its neighbours.
    function zoomToRow(row) {
        const d = view.events.details(row)
        if (d.latitude === undefined) return
        mapView.map.center = QtPositioning.coordinate(d.latitude, d.longitude)
        mapView.map.zoomLevel = Math.max(mapView.map.zoomLevel, Math.min(11, mapView.map.maximumZoomLevel))
    }

    Connections {
        target: view.document
        // A file opened (not added to the map) is shown whole.
        function onFileRead(location, merged) { if (!merged) view.zoomToData() }
    }
    Connections {
        target: view.session.edits
        // A large store loads the area in view: its whole extent first (to choose from).
        function onStoreOpened() {
            if (view.session.edits.partial) view.zoomToBox(view.session.edits.storeExtent)
            else view.zoomToData()
            viewReport.restart()
        }
    }
    // Where the map is, told to the store link once it has stopped moving (a large store loads
    // the incidents of that area).
    Timer {
        id: viewReport
        interval: 250
        onTriggered: {
            const a = view.mapArea()
            view.session.edits.viewChanged(a[0], a[1], a[2], a[3])
        }
    }

    function setMeasuring(on) {
        measuring = on
        measurePath = []
        if (on) { drawingRegion = false; shapeKind = "" }
    }
    // Drawing a line or an area (a tool, as the region: no part of the scene until it is
    // written): clicks add points, a point's handle is dragged to move it or right-clicked to
    // take it out; Enter (Done) hands the shape to its form, Esc gives up.
    property string shapeKind: "" // "line" or "area" while one is drawn
    property var shapePath: []
    property var shapeForm: ({})
    property bool shapeIsNew: true
    property int mapMoves: 0 // bumped as the map moves: the handles follow it
    function startShape(form, isNew) {
        setMeasuring(false)
        setDrawingRegion(false)
        shapeForm = form
        shapeIsNew = isNew
        shapePath = form.points ?? []
        shapeKind = form.kind
    }
    function finishShape() {
        if (shapePath.length < (shapeKind === "line" ? 2 : 3)) {
            showMessage(shapeKind === "line" ? qsTr("A line needs at least two points") : qsTr("An area needs at least three corners"))
            return
        }
        const form = Object.assign({}, shapeForm)
        form.points = shapePath
        shapeKind = ""
        shapePath = []
        shapeDrawn(form, shapeIsNew)
    }
    function cancelShape() { shapeKind = ""; shapePath = [] }
    function nearShapePoint(x, y) {
        for (const c of shapePath) {
            const p = map.mapToItem(sceneLayer, map.fromCoordinate(c, false))
            if (Math.abs(p.x - x) <= 7 && Math.abs(p.y - y) <= 7) return true
        }
        return false
    }
    function removeShapePoint(index) {
        const path = shapePath.slice()
        path.splice(index, 1)
        shapePath = path
    }
    Shortcut { sequences: ["Escape"]; enabled: view.shapeKind !== ""; onActivated: view.cancelShape() }
    Shortcut { sequences: ["Return", "Enter"]; enabled: view.shapeKind !== ""; onActivated: view.finishShape() }
    Shortcut { sequences: ["Backspace"]; enabled: view.shapeKind !== "" && view.shapePath.length > 0; onActivated: view.removeShapePoint(view.shapePath.length - 1) }
    // Drawing a region to filter by: clicks add corners; Enter (or Use) makes it the filter's
    // region, Esc gives up.
    property bool drawingRegion: false
    property var regionPath: []
    function setDrawingRegion(on) {
        drawingRegion = on
        regionPath = []
        if (on) { measuring = false; shapeKind = "" }
    }
    function useDrawnRegion() {
        if (!filters.setDrawnRegion(regionPath)) { showMessage(qsTr("Click at least three corners")); return }
        setDrawingRegion(false)
    }
    Shortcut { sequences: ["Escape"]; enabled: view.drawingRegion; onActivated: view.setDrawingRegion(false) }
    Shortcut { sequences: ["Return", "Enter"]; enabled: view.drawingRegion; onActivated: view.useDrawnRegion() }

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

    // A custom tile source: an XYZ template (https://…/{z}/{x}/{y}.png) or a folder of z/x/y
    // tiles, as the osm plugin's "custom" map type. A plugin reads its parameters once, so each
    // source gets a plugin of its own, and the map is made again with it.
    property var customPlugin: null
    Component {
        id: customPluginComponent
        Plugin {
            name: "osm"
            PluginParameter { name: "osm.mapping.providersrepository.disabled"; value: true }
            PluginParameter { name: "osm.mapping.custom.host"; value: view.customTiles.template ?? "" }
            PluginParameter { name: "osm.mapping.custom.mapcopyright"; value: view.customTiles.attribution ?? "" }
            PluginParameter { name: "osm.useragent"; value: "ConflictAtlas/0.1 (desktop conflict-map viewer)" }
        }
    }
    property var keptView: null // the view to come back to when the map is made again
    function useTiles(source, custom) {
        const remake = source === "custom" || tileSource === "custom"
        if (custom !== undefined) customTiles = custom
        if (!remake) {
            tileSource = source
            return
        }
        keptView = mapView && mapView.map.mapReady ? currentView() : keptView
        mapLoader.active = false
        if (customPlugin) customPlugin.destroy()
        customPlugin = source === "custom" ? customPluginComponent.createObject(view) : null
        tileSource = source
        mapLoader.active = true
        if (map && map.mapReady) mapBecameReady() // made ready at once: no change to hear of
    }

    // The map can show things: the view it should open on, then the scene over it.
    function mapBecameReady() {
        if (!mapView) return
        // The area asked for on the command line (--bbox), once the map can show it.
        const box = view.session.initialBox
        if (mapView.map.mapReady && view.keptView) {
            view.showView(view.keptView) // the map made again for other tiles
            view.keptView = null
        } else if (mapView.map.mapReady && box.length === 4)
            view.fitBox(box)
        else if (mapView.map.mapReady && (view.session.initialView.latitude !== undefined || view.session.initialView.box !== undefined))
            view.showView(view.session.initialView) // where the window was last closed
        else if (mapView.map.mapReady)
            view.zoomToData() // the file opened before the map was ready
        view.syncSceneLayer()
        view.session.mapReady = mapView.map.mapReady
    }

    function mapType(style) {
        const types = mapView.map.supportedMapTypes
        for (let i = 0; i < types.length; ++i)
            if (types[i].style === style)
                return types[i]
        return types.length > 0 ? types[0] : null
    }

    function afterResize() {
        if (!view.map) return
        refitAfterResize()
        syncSceneLayer()
    }
    function syncSceneLayer() {
        mapMoves++
        // Four reference points around the centre define the map's projection exactly.
        const centre = mapView.map.center
        const d = 0.25
        const latitudes = [centre.latitude + d, centre.latitude + d, centre.latitude - d, centre.latitude - d]
        const longitudes = [centre.longitude - d, centre.longitude + d, centre.longitude + d, centre.longitude - d]
        const points = []
        for (let i = 0; i < 4; ++i) {
            const p = mapView.map.fromCoordinate(QtPositioning.coordinate(latitudes[i], longitudes[i]), false)
            points.push(sceneLayer.mapFromItem(mapView.map, p.x, p.y))
        }
        sceneLayer.setViewMapping(latitudes, longitudes, points)
    }

    // The last sentence about something done (a snapshot saved), shown for a while.
    property string message: ""

    SnapshotExporter {
        id: snapshotExporter
        events: view.events
        tileDirectory: view.tileDirectory
        placementHalos: view.placementHalos
        layers: view.session.layers
        density: view.density
        session: view.session
        onAnimationFinished: (message, written) => view.showMessage(message)
    }
    // Export animation… and Print layout… use it: its progress, its previews.
    readonly property alias exporter: snapshotExporter
    // The map's area, west, south, east, north: what an animation or a page shows.
    function mapArea() {
        return view.snapshotArea(true).slice(0, 4)
    }
    function exportLayout(location, layout) {
        const a = view.mapArea()
        view.showMessage(snapshotExporter.exportLayout(location, layout, a[0], a[1], a[2], a[3]))
        return view.message
    }
    function previewLayout(layout, width) {
        const a = view.mapArea()
        return snapshotExporter.previewLayout(layout, a[0], a[1], a[2], a[3], width)
    }
    function startAnimation(location, animation) {
        const a = view.mapArea()
        return snapshotExporter.startAnimation(location, animation, a[0], a[1], a[2], a[3])
    }
    function previewAnimation(animation, width) {
        const a = view.mapArea()
        return snapshotExporter.previewAnimation(animation, a[0], a[1], a[2], a[3], width)
    }

    // The map's area, size and clustering, as a snapshot of it takes them (everyIncident:
    // each incident its own symbol even where the map draws clusters).
    function snapshotArea(everyIncident) {
        const region = mapView.map.visibleRegion.boundingGeoRectangle()
        return [region.topLeft.longitude, region.bottomRight.latitude, region.bottomRight.longitude, region.topLeft.latitude,
                Math.round(mapView.map.width), Math.round(mapView.map.height),
                everyIncident ? 2147483647 : sceneLayer.clusterThreshold]
    }
    // Writes what the map shows now (area, window, filters, clusters) as a PNG, PDF or SVG of
    // the map's size.
    function exportSnapshot(location, everyIncident) {
        message = snapshotExporter.exportTo(location, ...snapshotArea(everyIncident))
        messageTimer.restart()
        return message
    }
    // What that snapshot would draw, mark by mark (to check it against the map's own scene).
    function snapshotMarks(everyIncident) {
        return snapshotExporter.drawnMarks(...snapshotArea(everyIncident))
    }
    Timer { id: messageTimer; interval: 6000; onTriggered: view.message = "" }
    // Shows a sentence about something done (a file saved) for a while.
    function showMessage(text) {
        message = text
        messageTimer.restart()
    }

    // Two zoom levels closer, keeping the point under (x, y) of the scene layer where it is.
    function zoomInAt(x, y) {
        const p = mapView.map.mapFromItem(sceneLayer, x, y)
        const coordinate = mapView.map.toCoordinate(p, false)
        mapView.map.zoomLevel = Math.min(mapView.map.maximumZoomLevel, mapView.map.zoomLevel + 2)
        mapView.map.alignCoordinateToPoint(coordinate, p)
    }

    Connections {
        target: view.sites
        function onModelReset() { view.selectedSiteRow = -1 }
    }

    SplitView {
        anchors.fill: parent
        orientation: Qt.Horizontal

        LayersPanel {
            id: layersPanel
            visible: view.layersShown
            SplitView.preferredWidth: 370
            SplitView.minimumWidth: 260
            layers: view.session.layers
            filters: view.filters
            density: view.density
            onDensityChosen: (density) => view.density = density
            onDrawRegion: view.setDrawingRegion(true)
            onMessage: (text) => view.showMessage(text)
        }

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: 0

            SplitView {
                id: mapAndTable
                Layout.fillWidth: true
                Layout.fillHeight: true
                orientation: Qt.Vertical

                Item {
                    id: mapArea
                    SplitView.fillHeight: true
                    SplitView.minimumHeight: 200
                    clip: true

                    Loader {
                        id: mapLoader
                        anchors.fill: parent
                        sourceComponent: MapView {
                            map.plugin: view.tileSource === "custom" && view.customPlugin ? view.customPlugin : tilePlugin
                            map.center: QtPositioning.coordinate(35.85, 36.62) // Idlib province
                            map.zoomLevel: 9
                            map.minimumZoomLevel: 5
                            map.maximumZoomLevel: view.tileSource === "osm" ? 18 : view.tileSource === "custom" ? (view.customTiles.maxZoom ?? 18) : 12
                            map.activeMapType: view.mapType(view.tileSource === "offline" ? MapType.CustomMap
                                                            : view.tileSource === "osm" ? MapType.StreetMap : MapType.CustomMap)
                            map.copyrightsVisible: false // the attribution label says it, for every source
                            Component.onCompleted: { map.addMapItem(measureLine); map.addMapItem(regionOutline); map.addMapItem(shapeLine); map.addMapItem(shapeArea) }
                        }
                    }

                    Connections {
                        target: view.map
                        function onCenterChanged() { view.syncSceneLayer(); viewReport.restart() }
                        function onZoomLevelChanged() { view.syncSceneLayer(); viewReport.restart() }
                        function onBearingChanged() { view.syncSceneLayer() }
                        function onTiltChanged() { view.syncSceneLayer() }
                        // A new size reaches the map's projection after this signal: sync (and frame
                        // again what was framed) once it has.
                        function onWidthChanged() { Qt.callLater(view.afterResize) }
                        function onHeightChanged() { Qt.callLater(view.afterResize) }
                        function onMapReadyChanged() { view.mapBecameReady() }
                    }

                    // The map scene: control areas, lines and sites on the slider's date, and the
                    // window's events or their clusters (SceneLayer, from core's scene).
                    SceneLayer {
                        id: sceneLayer
                        anchors.fill: parent
                        model: view.events
                        selectedRow: view.session.selectedRow
                        selectedSite: view.selectedSiteRow
                        placementHalos: view.placementHalos
                        comparison: view.session.comparison
                        referenceLayers: view.session.layers
                        density: view.density
                        clusterThreshold: view.map && view.map.zoomLevel >= view.map.maximumZoomLevel - 0.01 ? 2147483647 : view.clusterThreshold
                        Component.onCompleted: view.syncSceneLayer()

                        TapHandler {
                            onTapped: (eventPoint) => {
                                const x = eventPoint.position.x
                                const y = eventPoint.position.y
                                if (view.shapeKind !== "") {
                                    // A click on a point's handle (not dragged) adds no point on top of it.
                                    if (!view.nearShapePoint(x, y))
                                        view.shapePath = view.shapePath.concat([mapView.map.toCoordinate(mapView.map.mapFromItem(sceneLayer, x, y), false)])
                                    return
                                }
                                if (view.drawingRegion) {
                                    view.regionPath = view.regionPath.concat([mapView.map.toCoordinate(mapView.map.mapFromItem(sceneLayer, x, y), false)])
                                    return
                                }
                                if (view.measuring) {
                                    const coordinate = mapView.map.toCoordinate(mapView.map.mapFromItem(sceneLayer, x, y), false)
                                    view.measurePath = view.measurePath.concat([coordinate])
                                    return
                                }
                                // Several incidents on one spot: list them, so none stays hidden under another.
                                const stacked = sceneLayer.rowsAt(x, y)
                                if (stacked.length > 1) {
                                    stackList.rows = stacked
                                    stackList.popup(sceneLayer, x, y)
                                    return
                                }
                                const hit = sceneLayer.hitAt(x, y)
                                if (hit.kind === "cluster") { // a cluster opens by zooming in on it
                                    view.zoomInAt(x, y)
                                    return
                                }
                                view.session.selectedRow = hit.kind === "event" ? hit.row : -1
                                view.selectedSiteRow = hit.kind === "site" ? hit.row : -1
                                // Nothing drawn there: the area of a reference layer under it, with its counts.
                                if (hit.kind === "" && view.session.layers.count > 0) {
                                    const c = mapView.map.toCoordinate(mapView.map.mapFromItem(sceneLayer, x, y), false)
                                    const area = view.session.layers.areaAt(c.latitude, c.longitude)
                                    if (area.name !== undefined) {
                                        areaPopup.area = area
                                        areaPopup.open() // then placed: its height is known once its rows are made
                                        areaPopup.x = Math.max(4, Math.min(x + 8, sceneLayer.width - areaPopup.width - 4))
                                        areaPopup.y = Math.max(4, Math.min(y + 8, sceneLayer.height - areaPopup.height - 4))
                                    }
                                }
                            }
                        }
                        // The coordinate under the mouse, for the label in the corner; what is under it,
                        // for the tooltip.
                        HoverHandler {
                            id: mapHover
                            onPointChanged: {
                                const p = point.position
                                view.cursorText = hovered
                                    ? MapTools.coordinateText(mapView.map.toCoordinate(mapView.map.mapFromItem(sceneLayer, p.x, p.y), false))
                                    : ""
                                view.hoverAt(hovered ? sceneLayer.hitAt(p.x, p.y) : ({ kind: "" }), p)
                            }
                            onHoveredChanged: if (!hovered) { view.cursorText = ""; view.hoverAt({ kind: "" }, Qt.point(0, 0)) }
                        }
                        // Right-click an incident: filter to its perpetrator, its place or its day.
                        TapHandler {
                            acceptedButtons: Qt.RightButton
                            onTapped: (eventPoint) => {
                                if (view.shapeKind !== "") return // the handles' own right-click takes a point out
                                const hit = sceneLayer.hitAt(eventPoint.position.x, eventPoint.position.y)
                                if (hit.kind !== "event") {
                                    // Elsewhere: a new incident, line or area here; the site, line or
                                    // area under the click to change.
                                    mapMenu.coordinate = mapView.map.toCoordinate(mapView.map.mapFromItem(sceneLayer, eventPoint.position.x, eventPoint.position.y), false)
                                    mapMenu.site = hit.kind === "site" ? view.sites.details(hit.row) : ({})
                                    mapMenu.shape = sceneLayer.situationAt(eventPoint.position.x, eventPoint.position.y)
                                    mapMenu.popup(sceneLayer, eventPoint.position.x, eventPoint.position.y)
                                    return
                                }
                                incidentMenu.incident = view.events.details(hit.row)
                                incidentMenu.popup(sceneLayer, eventPoint.position.x, eventPoint.position.y)
                            }
                        }
                    }

                    // How many events each cluster holds (drawn by the layer below; the text is the scene's).
                    Repeater {
                        objectName: "clusterLabels"
                        model: sceneLayer.clusterLabels.length
                        delegate: Text {
                            required property int index
                            readonly property var cluster: sceneLayer.clusterLabels[index] ?? ({ x: 0, y: 0, count: 0, label: "" })
                            x: cluster.x - width / 2
                            y: cluster.y - height / 2
                            text: cluster.label
                            color: "white"
                            style: Text.Outline
                            styleColor: "#202020"
                            font.pixelSize: 11
                            font.bold: true
                        }
                    }

                    // The measured path, drawn by the map under the incidents (a tool's line, not data:
                    // it is no part of the scene and of no snapshot).
                    MapPolyline {
                        id: measureLine
                        line.width: 3
                        line.color: "#1f5fbf"
                        path: view.measurePath
                    }

                    // The line or area being drawn, with a handle on each point.
                    MapPolyline {
                        id: shapeLine
                        line.width: 3
                        line.color: "#c05000"
                        path: view.shapeKind === "line" ? view.shapePath : []
                    }
                    MapPolygon {
                        id: shapeArea
                        border.width: 2
                        border.color: "#c05000"
                        color: "#33c05000"
                        path: view.shapeKind === "area" ? view.shapePath : []
                    }
                    Repeater {
                        objectName: "shapeHandles"
                        model: view.shapeKind !== "" ? view.shapePath.length : 0
                        delegate: Rectangle {
                            id: handle
                            required property int index
                            readonly property point at: {
                                view.mapMoves // follows the map as it moves
                                const c = view.shapePath[index]
                                if (!c || !view.map) return Qt.point(-100, -100)
                                const p = view.map.fromCoordinate(c, false)
                                return view.map.mapToItem(sceneLayer, p.x, p.y)
                            }
                            x: at.x - width / 2
                            y: at.y - height / 2
                            width: 12
                            height: 12
                            radius: index === 0 ? 2 : 6 // the first point square
                            color: pointDrag.active ? "#c05000" : "white"
                            border.color: "#c05000"
                            border.width: 2
                            DragHandler {
                                id: pointDrag
                                target: null
                                // The point moves, not the map under it.
                                grabPermissions: PointerHandler.CanTakeOverFromAnything | PointerHandler.TakeOverForbidden
                                onCentroidChanged: {
                                    if (!active) return
                                    const s = centroid.scenePosition
                                    const path = view.shapePath.slice()
                                    path[handle.index] = view.map.toCoordinate(view.map.mapFromItem(null, s.x, s.y), false)
                                    view.shapePath = path
                                }
                            }
                            TapHandler { acceptedButtons: Qt.RightButton; onTapped: view.removeShapePoint(handle.index) }
                        }
                    }
                    Rectangle {
                        objectName: "shapeBanner"
                        visible: view.shapeKind !== ""
                        // At the foot of the map: the legend and the place search hold its top.
                        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 44 }
                        width: shapeRow.implicitWidth + 16
                        height: shapeRow.implicitHeight + 10
                        radius: 3
                        color: "#fbf1e8"
                        border.color: "#c05000"
                        RowLayout {
                            id: shapeRow
                            anchors.centerIn: parent
                            Label {
                                text: (view.shapeKind === "line" ? qsTr("Drawing a line: %n point(s)", "", view.shapePath.length)
                                                                 : qsTr("Drawing an area: %n corner(s)", "", view.shapePath.length))
                                      + qsTr(" — click to add, drag to move, right-click to remove")
                                font.bold: true
                            }
                            Button { objectName: "shapeDone"; text: qsTr("Done"); enabled: view.shapePath.length >= (view.shapeKind === "line" ? 2 : 3); onClicked: view.finishShape() }
                            Button { text: qsTr("Undo point"); enabled: view.shapePath.length > 0; onClicked: view.removeShapePoint(view.shapePath.length - 1) }
                            Button { text: qsTr("Cancel"); onClicked: view.cancelShape() }
                        }
                    }

                    // The region being drawn (a tool's outline, in no scene or snapshot until it is the filter's).
                    MapPolygon {
                        id: regionOutline
                        border.width: 2
                        border.color: "#7a1fbf"
                        color: "#227a1fbf"
                        path: view.regionPath
                    }
                    Rectangle {
                        objectName: "regionBanner"
                        visible: view.drawingRegion
                        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: 10 }
                        width: regionRow.implicitWidth + 16
                        height: regionRow.implicitHeight + 10
                        radius: 3
                        color: "#f3ecfb"
                        border.color: "#7a1fbf"
                        RowLayout {
                            id: regionRow
                            anchors.centerIn: parent
                            Label { text: qsTr("Click the region's corners (%n so far)", "", view.regionPath.length); font.bold: true }
                            Button { text: qsTr("Use as filter"); enabled: view.regionPath.length >= 3; onClicked: view.useDrawnRegion() }
                            Button { text: qsTr("Cancel"); onClicked: view.setDrawingRegion(false) }
                        }
                    }

                    MapLegend {
                        anchors { left: parent.left; top: parent.top; margins: 10 }
                        events: view.events
                        comparison: view.session.comparison
                        referenceLayers: view.session.layers
                        sceneLayer: sceneLayer
                    }

                    // Find a place by name (the basemap's towns and GeoNames' places): type, then
                    // Enter for the first match or a click on any.
                    TextField {
                        id: placeField
                        objectName: "placeField"
                        anchors { right: measureButton.left; top: parent.top; margins: 10 }
                        width: 210
                        placeholderText: qsTr("Find a place (Ctrl+F)")
                        property var matches: []
                        onTextEdited: {
                            matches = text.trim().length >= 2 ? PlaceSearch.search(text, 10, view.map ? view.map.center : QtPositioning.coordinate()) : []
                            if (matches.length > 0) placeList.open()
                            else placeList.close()
                        }
                        onAccepted: if (matches.length > 0) { view.goToPlace(matches[0]); placeList.close() }
                        Keys.onEscapePressed: { placeList.close(); focus = false }
                        Shortcut { sequences: ["Ctrl+F"]; onActivated: { placeField.forceActiveFocus(); placeField.selectAll() } }
                        Popup {
                            id: placeList
                            objectName: "placeList"
                            y: placeField.height
                            width: 300
                            padding: 2
                            height: Math.min(320, placeRows.contentHeight + 4)
                            ListView {
                                id: placeRows
                                anchors.fill: parent
                                clip: true
                                model: placeField.matches
                                delegate: ItemDelegate {
                                    required property var modelData
                                    width: ListView.view.width
                                    text: modelData.name + (modelData.ascii !== modelData.name ? "  (" + modelData.ascii + ")" : "")
                                          + (modelData.population > 0 ? qsTr(" \u00B7 %L1 inhabitants").arg(modelData.population) : "")
                                    font.pixelSize: 12
                                    onClicked: { view.goToPlace(modelData); placeList.close() }
                                }
                            }
                        }
                    }

                    Button {
                        id: measureButton
                        objectName: "measureButton"
                        anchors { right: parent.right; top: parent.top; margins: 10 }
                        text: qsTr("Measure")
                        checkable: true
                        checked: view.measuring
                        focusPolicy: Qt.NoFocus
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Distance and bearing between points you click (M; Esc ends)")
                        onToggled: view.setMeasuring(checked)
                    }

                    Label {
                        objectName: "measureLabel"
                        visible: view.measuring
                        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: 10 }
                        padding: 6
                        text: view.measureResult.text
                        font.bold: true
                        background: Rectangle { color: "#eef3fb"; border.color: "#1f5fbf"; radius: 3 }
                    }

                    ToolTip {
                        id: hoverTip
                        objectName: "hoverTip"
                        parent: sceneLayer
                        delay: 300
                    }

                    // An area of a reference layer: its incidents in the window, by side and type.
                    Popup {
                        id: areaPopup
                        objectName: "areaPopup"
                        parent: sceneLayer
                        width: 300
                        padding: 10
                        property var area: ({})
                        ColumnLayout {
                            width: parent.width
                            spacing: 3
                            Label { text: areaPopup.area.name ?? ""; font.bold: true; font.pixelSize: 14; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                            Label { text: areaPopup.area.layerName ?? ""; color: "#606060"; font.pixelSize: 11 }
                            Label {
                                objectName: "areaCounts"
                                text: qsTr("%1 incidents, at least %2 killed in the window").arg(areaPopup.area.events ?? 0).arg(areaPopup.area.killed ?? 0)
                                Layout.fillWidth: true; wrapMode: Text.WordWrap
                            }
                            Label {
                                visible: areaPopup.area.before !== undefined
                                text: qsTr("%1 in the compared period (%2)").arg(areaPopup.area.before ?? 0).arg(areaPopup.area.change ?? "")
                            }
                            Repeater {
                                model: areaPopup.area.bySide ?? []
                                delegate: RowLayout {
                                    required property var modelData
                                    Rectangle { width: 10; height: 10; radius: 5; color: modelData.colour }
                                    Label { text: modelData.label; Layout.fillWidth: true }
                                    Label { text: modelData.count }
                                }
                            }
                            Label {
                                visible: (areaPopup.area.byType ?? []).length > 0
                                Layout.fillWidth: true; wrapMode: Text.WordWrap; color: "#404040"
                                text: (areaPopup.area.byType ?? []).map(t => t.label + " " + t.count).join(" · ")
                            }
                            RowLayout {
                                Button {
                                    objectName: "onlyThisArea"
                                    text: qsTr("Show only this area")
                                    onClicked: { view.session.layers.filterToArea(areaPopup.area.layer, areaPopup.area.feature); areaPopup.close() }
                                }
                                Button {
                                    text: qsTr("Colour by incidents")
                                    visible: view.session.layers.choroplethLayer !== areaPopup.area.layer
                                    onClicked: { view.session.layers.choroplethLayer = areaPopup.area.layer; view.layersShown = true; areaPopup.close() }
                                }
                            }
                        }
                    }

                    // The incidents stacked where a click landed: choose one to read it.
                    Menu {
                        id: stackList
                        objectName: "stackList"
                        width: 420
                        property var rows: []
                        MenuItem { text: qsTr("%n incident(s) here:", "", stackList.rows.length); enabled: false }
                        Instantiator {
                            model: stackList.rows
                            delegate: MenuItem {
                                required property var modelData
                                readonly property var incident: view.events.details(modelData)
                                text: incident.date + " \u00B7 " + incident.type + " \u00B7 " + incident.place
                                onTriggered: { view.session.selectedRow = modelData; view.selectedSiteRow = -1 }
                            }
                            onObjectAdded: (index, object) => stackList.insertItem(index + 1, object)
                            onObjectRemoved: (index, object) => stackList.removeItem(object)
                        }
                    }

                    Menu {
                        id: mapMenu
                        objectName: "mapMenu"
                        property var coordinate
                        width: 380 // site and area names are long: "Change the status of Surman observation post…"
                        property var site: ({})
                        property var shape: ({})
                        MenuItem {
                            objectName: "addIncidentHere"
                            text: qsTr("Add an incident here…")
                            enabled: view.document.loaded
                            onTriggered: view.addIncidentRequested(mapMenu.coordinate.latitude, mapMenu.coordinate.longitude)
                        }
                        MenuItem {
                            objectName: "drawLineHere"
                            text: qsTr("Draw a line from here…")
                            enabled: view.document.loaded
                            onTriggered: view.startShape(view.session.situationEdits.blankShape("line", [mapMenu.coordinate], Qt.formatDate(view.timeline.currentDate, "yyyy-MM-dd")), true)
                        }
                        MenuItem {
                            objectName: "drawAreaHere"
                            text: qsTr("Draw an area from here…")
                            enabled: view.document.loaded
                            onTriggered: view.startShape(view.session.situationEdits.blankShape("area", [mapMenu.coordinate], Qt.formatDate(view.timeline.currentDate, "yyyy-MM-dd")), true)
                        }
                        MenuItem {
                            objectName: "changeSiteStatus"
                            visible: mapMenu.site.id !== undefined
                            height: visible ? implicitHeight : 0
                            text: qsTr("Change the status of \u201C%1\u201D…").arg(mapMenu.site.name ?? "")
                            onTriggered: view.siteStatusRequested(mapMenu.site.id)
                        }
                        MenuItem {
                            objectName: "editShapeHere"
                            visible: (mapMenu.shape.kind ?? "") !== ""
                            height: visible ? implicitHeight : 0
                            text: (mapMenu.shape.kind === "line" ? qsTr("Edit the line \u201C%1\u201D…") : qsTr("Edit the area \u201C%1\u201D…")).arg(mapMenu.shape.name ?? "")
                            onTriggered: view.editShapeRequested(mapMenu.shape.kind, mapMenu.shape.id)
                        }
                    }

                    Menu {
                        id: incidentMenu
                        objectName: "incidentMenu"
                        width: 420 // the names are long: "Only incidents by Russian Aerospace Forces"
                        property var incident: ({})
                        MenuItem {
                            objectName: "filterToPerpetrator"
                            enabled: (incidentMenu.incident.perpetratorId ?? "") !== ""
                            text: enabled ? qsTr("Only incidents by %1").arg(incidentMenu.incident.perpetratorName) : qsTr("No perpetrator to filter by")
                            onTriggered: view.filters.setOnlyActor(incidentMenu.incident.perpetratorId)
                        }
                        MenuItem {
                            objectName: "filterToPlace"
                            enabled: (incidentMenu.incident.placeName ?? "") !== ""
                            text: qsTr("Only incidents mentioning %1").arg(incidentMenu.incident.placeName)
                            onTriggered: view.filters.text = incidentMenu.incident.placeName
                        }
                        MenuItem {
                            objectName: "filterToDay"
                            text: qsTr("Only %1").arg(incidentMenu.incident.day ?? "")
                            onTriggered: {
                                view.timeline.windowDays = 1
                                view.timeline.setCurrentDateText(incidentMenu.incident.day)
                            }
                        }
                        // After the filters (items 0–2): writing the incident.
                        MenuSeparator {}
                        MenuItem {
                            objectName: "editThisIncident"
                            text: qsTr("Edit this incident…")
                            onTriggered: view.editIncidentRequested(incidentMenu.incident.id)
                        }
                        MenuItem {
                            objectName: "deleteThisIncident"
                            text: qsTr("Delete this incident")
                            onTriggered: view.deleteIncidentRequested(incidentMenu.incident.id)
                        }
                    }

                    Label {
                        objectName: "cursorLabel"
                        visible: view.cursorText !== ""
                        anchors { left: parent.left; bottom: parent.bottom; margins: 4 }
                        padding: 3
                        font.pixelSize: 11
                        text: view.cursorText
                        background: Rectangle { color: "#ccffffff"; radius: 2 }
                    }

                    Label {
                        objectName: "attributionLabel"
                        anchors { right: parent.right; bottom: parent.bottom; margins: 4 }
                        // Beside the coordinates, wrapped onto two lines where the map is narrow.
                        width: Math.min(implicitWidth, parent.width - 330)
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignRight
                        padding: 3
                        font.pixelSize: 11
                        text: view.tileSource === "osm" ? qsTr("Map data © OpenStreetMap contributors")
                              : view.tileSource === "custom" ? (view.customTiles.attribution || qsTr("Tiles: %1").arg(view.customTiles.template))
                              : MapTools.offlineAttribution
                        background: Rectangle { color: "#ccffffff"; radius: 2 }
                    }

                    Label {
                        objectName: "messageLabel"
                        visible: view.message !== ""
                        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 28 }
                        padding: 6
                        text: view.message
                        background: Rectangle { color: "#e8f0fe"; border.color: "#7da2d8"; radius: 3 }
                    }

                    LoadingOverlay {
                        anchors.centerIn: parent
                        document: view.document
                    }
                    Rectangle { // the data replayed as known on a day: said on the map, with the way back
                        id: replayBanner
                        objectName: "replayBanner"
                        visible: view.document.asKnownOn !== ""
                        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: 34 }
                        width: replayRow.implicitWidth + 20
                        height: replayRow.implicitHeight + 10
                        radius: 4
                        color: "#fff1c4"
                        border.color: "#c98a00"
                        RowLayout {
                            id: replayRow
                            anchors.centerIn: parent
                            spacing: 10
                            Label { text: view.document.asKnownOnText; font.bold: true; color: "#5a3d00" }
                            Button { text: qsTr("Latest data"); onClicked: view.document.setAsKnownOn("") }
                        }
                    }
                    ProblemBanner {
                        // Top right, under the place search and the measuring tool's button: the legend
                        // holds the top left corner.
                        anchors { right: parent.right; top: measureButton.bottom; margins: 10 }
                        document: view.document
                        onChooseDateProperty: datePropertyDialog.open()
                        onShowProblems: problemsPopup.open()
                    }
                    DatePropertyDialog {
                        id: datePropertyDialog
                        objectName: "datePropertyDialog"
                        document: view.document
                    }
                    ProblemsPopup {
                        id: problemsPopup
                        document: view.document
                    }
                }

                IncidentTable {
                    id: incidentTable
                    objectName: "incidentTablePane"
                    visible: view.tableShown
                    SplitView.preferredHeight: 260
                    SplitView.minimumHeight: 120
                    session: view.session
                    onRowZoomed: (row) => { view.session.selectedRow = row; view.selectedSiteRow = -1; view.zoomToRow(row) }
                    onBoxZoomed: (box) => view.zoomToBox(box)
                    onMessage: (text) => view.showMessage(text)
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
            sites: view.sites
            document: view.document
            filters: view.filters
            choices: view.session.choices
            selectedRow: view.session.selectedRow
            selectedSiteRow: view.selectedSiteRow
            onRowChosen: (row) => { view.session.selectedRow = row; view.selectedSiteRow = -1 }
            onRowZoomed: (row) => { view.session.selectedRow = row; view.selectedSiteRow = -1; view.zoomToRow(row) }
            onSiteChosen: (row) => { view.session.selectedRow = -1; view.selectedSiteRow = row }
            onEditRequested: (id) => view.editIncidentRequested(id)
            onSiteStatusRequested: (id) => view.siteStatusRequested(id)
        }
    }
}
