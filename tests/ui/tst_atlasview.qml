import QtQuick
import QtCore
import QtTest
import QtPositioning
import ConflictAtlas
import ConflictAtlasTests

// Drives the real AtlasView: the slider and keys change what is shown, a symbol is drawn
// where the layer says and a click on it opens its details.
Item {
    id: root
    width: 1280
    height: 800

    // The same session the application builds (AtlasSession), not a graph wired by hand.
    AtlasSession { id: session }
    readonly property AtlasDocument atlasDocument: session.document
    readonly property FilterSettings filterSettings: session.filters
    readonly property Timeline timeline: session.timeline
    readonly property VisibleEventsModel visibleEvents: session.events
    readonly property SiteStatusModel siteStatuses: session.sites
    AtlasView {
        id: view
        anchors.fill: parent
        session: session
        tileDirectory: "" // plain background: only the event layer draws colour
    }

    readonly property string strikeId: "kafr-takharim-strike-2020-10-26"

    TestCase {
        name: "AtlasView"
        when: windowShown

        function initTestCase() {
            verify(atlasDocument.open(Qt.resolvedUrl("../../resources/data/idlib-2020.atlas.json")))
            tryVerify(() => view.map.mapReady && session.mapReady, 10000)
        }

        function init() {
            filterSettings.clear()
            visibleEvents.asyncThreshold = 200000
            session.selectedRow = -1
            timeline.windowDays = 1
            verify(timeline.setCurrentDateText("2020-10-26"))
        }

        function test_sliderAndKeysChangeTheVisibleSet() {
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
            const onStrikeDay = visibleEvents.count

            // Arrow keys move one day, wherever the focus is.
            keyClick(Qt.Key_Right)
            compare(Qt.formatDate(timeline.currentDate, "yyyy-MM-dd"), "2020-10-27")
            compare(visibleEvents.rowOfEvent(root.strikeId), -1)
            keyClick(Qt.Key_Left)
            keyClick(Qt.Key_Left)
            compare(Qt.formatDate(timeline.currentDate, "yyyy-MM-dd"), "2020-10-25")
            compare(visibleEvents.rowOfEvent(root.strikeId), -1)

            // Dragging the slider handle to the far left shows the first day only.
            const slider = view.timelineBar.slider
            mousePress(slider, slider.leftPadding + slider.visualPosition * slider.availableWidth, slider.height / 2)
            mouseMove(slider, 1, slider.height / 2)
            mouseRelease(slider, 1, slider.height / 2)
            compare(timeline.currentDay, 0)
            compare(timeline.currentDate, timeline.firstDate)
            verify(visibleEvents.count !== onStrikeDay || visibleEvents.rowOfEvent(root.strikeId) === -1)

            // A longer window holds at least as much.
            verify(timeline.setCurrentDateText("2020-10-26"))
            timeline.windowDays = 30
            verify(visibleEvents.count > onStrikeDay)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
        }

        function test_typingADateOrASpanMovesTheWindow() {
            const field = view.timelineBar.dateField
            mouseClick(field)
            for (const ch of "2020-10-20..2020-10-26") keyClick(ch)
            keyClick(Qt.Key_Return)
            compare(Qt.formatDate(timeline.currentDate, "yyyy-MM-dd"), "2020-10-26")
            compare(timeline.windowDays, 7)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
            compare(field.text, "")
            // Not a date: the field says so and nothing moves.
            mouseClick(field)
            for (const ch of "soon") keyClick(ch)
            keyClick(Qt.Key_Return)
            verify(field.rejected)
            compare(timeline.windowDays, 7)
            field.text = ""
            field.rejected = false
            field.focus = false
        }

        function test_theHistogramReadsADayAndADragMakesTheWindow() {
            const histogram = view.timelineBar.histogram
            waitForRendering(view)
            const strikeDay = timeline.currentDay // init() put the date on the strike's day
            const x = histogram.xOfDay(strikeDay)
            compare(histogram.dayAt(x), strikeDay)
            mouseMove(histogram, x + 40, histogram.height - 2) // in, then onto the bar
            mouseMove(histogram, x, histogram.height - 2)
            tryCompare(histogram, "hoveredDay", strikeDay)
            verify(timeline.dayText(histogram.hoveredDay).indexOf("26 Oct 2020") === 0)
            // Dragging from ten days before across to the strike's day: those eleven days.
            mouseDrag(histogram, histogram.xOfDay(strikeDay - 10), histogram.height / 2,
                      x - histogram.xOfDay(strikeDay - 10), 0)
            compare(timeline.windowDays, 11)
            compare(timeline.currentDay, strikeDay)
            // A click on a bar moves the date there.
            mouseClick(histogram, histogram.xOfDay(strikeDay - 3), histogram.height / 2)
            compare(timeline.currentDay, strikeDay - 3)
            mouseMove(view.sceneLayer, 5, 5)
        }

        function test_spacePlaysAndCtrlArrowsFindDaysWithIncidents() {
            // Ctrl+Right: the next day that has incidents (the sample has empty days between).
            const before = timeline.currentDay
            keyClick(Qt.Key_Right, Qt.ControlModifier)
            verify(timeline.currentDay > before)
            verify(timeline.histogram[timeline.currentDay] > 0)
            keyClick(Qt.Key_Left, Qt.ControlModifier)
            compare(timeline.currentDay, before)

            // Space plays (the date moves on by itself) and pauses; so does the button.
            timeline.daysPerSecond = 30
            keyClick(Qt.Key_Space)
            verify(timeline.playing)
            compare(view.timelineBar.playButton.text, "\u275A\u275A")
            tryVerify(() => timeline.currentDay >= before + 2, 5000)
            keyClick(Qt.Key_Space)
            verify(!timeline.playing)
            mouseClick(view.timelineBar.playButton)
            verify(timeline.playing)
            mouseClick(view.timelineBar.playButton)
            verify(!timeline.playing)
            compare(view.timelineBar.playButton.text, "\u25B6")
        }

        function test_measuringGivesTheDistanceAndBearingOfClickedPoints() {
            view.map.center = QtPositioning.coordinate(36.0, 36.55)
            view.map.zoomLevel = 10
            const layer = view.sceneLayer
            const y = layer.height / 2
            mouseClick(view.measureButton)
            verify(view.measuring)
            // Two clicks 200 pixels apart, west to east: at zoom 10 and 36° N a pixel is
            // 156,543 m × cos 36° / 2^10 ≈ 124 m, so ≈ 24.7 km, bearing ≈ 90°.
            mouseClick(layer, layer.width / 2 - 100, y)
            mouseClick(layer, layer.width / 2 + 100, y)
            compare(view.measurePath.length, 2)
            verify(view.measureResult.km > 23.5 && view.measureResult.km < 26.0, view.measureResult.km)
            verify(Math.abs(view.measureResult.bearing - 90) < 1, view.measureResult.bearing)
            compare(findChild(view, "measureLabel").text, view.measureResult.text)
            verify(view.measureResult.text.indexOf("bearing 90°") >= 0, view.measureResult.text)
            // A third point, north: the total grows, the last leg's bearing turns.
            mouseClick(layer, layer.width / 2 + 100, y - 100)
            verify(view.measureResult.km > 35 && view.measureResult.km < 39, view.measureResult.km)
            verify(Math.abs(view.measureResult.bearing) < 1 || Math.abs(view.measureResult.bearing - 360) < 1)
            // Clicks do not select incidents while measuring; Esc ends it.
            compare(session.selectedRow, -1)
            keyClick(Qt.Key_Escape)
            verify(!view.measuring)
            compare(view.measurePath.length, 0)

            // The coordinate under the mouse, in both notations.
            mouseMove(layer, layer.width / 2, y)
            tryVerify(() => view.cursorText.indexOf("\u00B0 N") > 0 && view.cursorText.indexOf("\u2033 E") > 0, 2000, view.cursorText)
        }

        function test_hoverSaysWhatAnIncidentIsAndRightClickFiltersByIt() {
            view.map.center = QtPositioning.coordinate(36.0, 36.55)
            view.map.zoomLevel = 10
            timeline.windowDays = 7
            const row = visibleEvents.rowOfEvent(root.strikeId)
            verify(row >= 0)
            let p
            tryVerify(() => { p = view.sceneLayer.positionOfRow(row); return !isNaN(p.x) && p.x > 0 && p.x < view.sceneLayer.width })
            const details = visibleEvents.details(row)
            waitForRendering(view) // the scene of this view is built: hits are tested on it

            // Hovering the symbol: its date, type, place and toll.
            mouseMove(view.sceneLayer, p.x, p.y)
            const tip = view.hoverTip
            tryVerify(() => tip.visible, 3000, "hover row " + view.hoverRow + ", tip " + tip.text)
            verify(tip.text.indexOf("Air strike") >= 0 && tip.text.indexOf("more than 78") >= 0, tip.text)
            mouseMove(view.sceneLayer, 5, view.sceneLayer.height - 5)
            tryVerify(() => !tip.visible, 3000)

            // Right-click: the menu filters to the day, the perpetrator, the place.
            const menu = view.incidentMenu // items: 0 perpetrator, 1 place, 2 day
            mouseClick(view.sceneLayer, p.x, p.y, Qt.RightButton)
            tryVerify(() => menu.opened, 3000)
            menu.itemAt(2).triggered()
            compare(timeline.windowDays, 1)
            compare(Qt.formatDate(timeline.currentDate, "yyyy-MM-dd"), details.day)
            menu.close()
            mouseClick(view.sceneLayer, p.x, p.y, Qt.RightButton)
            tryVerify(() => menu.opened, 3000)
            menu.itemAt(0).triggered()
            compare(filterSettings.actorIds.length, 1)
            compare(filterSettings.actorIds[0], details.perpetratorId)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
            menu.close()
            mouseClick(view.sceneLayer, p.x, p.y, Qt.RightButton)
            tryVerify(() => menu.opened, 3000)
            menu.itemAt(1).triggered()
            compare(filterSettings.text, details.placeName)
            menu.close()
            tryCompare(visibleEvents, "busy", false, 5000)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
        }

        function test_anOpenedFileIsShownWholeAndAnIncidentCloseUp() {
            view.map.center = QtPositioning.coordinate(10, 10) // somewhere else entirely
            view.map.zoomLevel = 6
            verify(atlasDocument.open(Qt.resolvedUrl("../../resources/data/idlib-2020.atlas.json")))
            const box = atlasDocument.dataBounds
            compare(box.length, 4)
            let region
            tryVerify(() => {
                region = view.map.visibleRegion.boundingGeoRectangle()
                return region.contains(QtPositioning.coordinate(box[1], box[0])) && region.contains(QtPositioning.coordinate(box[3], box[2]))
            }, 3000)
            // Not zoomed out further than it takes: the data spans a good part of the view.
            verify(region.width < 4 * (box[2] - box[0]), region.width + " wide for " + (box[2] - box[0]))
            // Back to the view the other tests start from.
            timeline.windowDays = 1
            verify(timeline.setCurrentDateText("2020-10-26"))

            // Clicking an incident in the list selects it; "Zoom to it" brings the map close to it.
            const list = findChild(view, "incidentList")
            const row = visibleEvents.rowOfEvent(root.strikeId)
            verify(row >= 0)
            list.positionViewAtIndex(row, ListView.Beginning)
            const item = list.itemAtIndex(row)
            verify(item !== null)
            mouseClick(item, 10, item.height / 2)
            compare(session.selectedRow, row)
            const zoom = findChild(view, "zoomToIncident")
            tryVerify(() => zoom && zoom.visible, 2000)
            mouseClick(zoom)
            const details = visibleEvents.details(row)
            fuzzyCompare(view.map.center.latitude, details.latitude, 1e-6)
            fuzzyCompare(view.map.center.longitude, details.longitude, 1e-6)
            verify(view.map.zoomLevel >= 11)
            session.selectedRow = -1
        }

        function test_theTableSortsAndSelectsWithTheMap() {
            const table = session.table
            timeline.windowDays = 30
            verify(timeline.setCurrentDateText("2020-10-31"))
            view.tableShown = true
            tryVerify(() => table.active && table.rowCount() === visibleEvents.count, 3000)
            const tableView = findChild(view, "incidentTable")
            const header = findChild(view, "tableHeader")
            waitForRendering(view)
            // Two clicks on "Killed": the deadliest first.
            const killed = table.columnKeys.indexOf("killed")
            let cell
            tryVerify(() => { cell = header.itemAtCell(Qt.point(killed, 0)); return cell !== null }, 3000)
            mouseClick(cell)
            mouseClick(cell)
            verify(table.sortDescending)
            compare(table.sortColumn, killed)
            const strike = visibleEvents.rowOfEvent(root.strikeId)
            compare(table.eventRow(0), strike)

            // A click on a row selects it here and on the map.
            tableView.positionViewAtRow(0, TableView.AlignTop)
            waitForRendering(view)
            tryVerify(() => { cell = tableView.itemAtCell(Qt.point(1, 0)); return cell !== null }, 3000)
            mouseClick(cell)
            compare(session.selectedRow, strike)
            compare(view.sceneLayer.selectedRow, strike)
            compare(table.selectedCount, 1)

            // Selected on the map (here: in the session, as a map click does): the table brings
            // its row into view and marks it.
            const last = table.eventRow(table.rowCount() - 1)
            session.selectedRow = last
            tryVerify(() => { cell = tableView.itemAtCell(Qt.point(1, table.rowCount() - 1)); return cell !== null && cell.current }, 3000)

            // A double-click zooms the map to its incident.
            tableView.positionViewAtRow(0, TableView.AlignTop)
            waitForRendering(view)
            tryVerify(() => { cell = tableView.itemAtCell(Qt.point(1, 0)); return cell !== null }, 3000)
            mouseDoubleClickSequence(cell)
            const details = visibleEvents.details(strike)
            tryVerify(() => Math.abs(view.map.center.latitude - details.latitude) < 1e-6, 3000)
            verify(view.map.zoomLevel >= 11)

            table.clearSelection()
            table.sortBy(0, false)
            view.tableShown = false
            tryVerify(() => !table.active)
            session.selectedRow = -1
        }

        function test_incidentsStackedOnOneSpotAreListedOnClick() {
            timeline.windowDays = 0 // everything: the sample places several incidents on one point
            verify(timeline.setCurrentDateText("2020-12-29"))
            view.map.center = QtPositioning.coordinate(35.9, 36.6)
            view.map.zoomLevel = 9
            view.clusterThreshold = 100000
            tryCompare(visibleEvents, "busy", false, 5000)
            waitForRendering(view)
            let spot = null
            for (let row = 0; row < visibleEvents.count && !spot; ++row) {
                const p = view.sceneLayer.positionOfRow(row)
                if (isNaN(p.x) || p.x < 20 || p.y < 20 || p.x > view.sceneLayer.width - 20 || p.y > view.sceneLayer.height - 20) continue
                if (view.sceneLayer.rowsAt(p.x, p.y).length > 1) spot = p
            }
            verify(spot !== null, "no two incidents share a spot in view")
            const rows = view.sceneLayer.rowsAt(spot.x, spot.y)
            mouseClick(view.sceneLayer, spot.x, spot.y)
            tryVerify(() => view.stackList.opened, 3000)
            compare(view.stackList.count, rows.length + 1) // a heading, then each incident
            view.stackList.itemAt(2).triggered()
            compare(session.selectedRow, rows[1])
            view.stackList.close()
            session.selectedRow = -1
            view.clusterThreshold = 3000
        }

        function test_aPlaceIsFoundByNameAndShown() {
            view.map.center = QtPositioning.coordinate(36.3, 37.2)
            view.map.zoomLevel = 8
            const field = view.placeField
            field.forceActiveFocus()
            for (const ch of "kafr takh") keyClick(ch)
            tryVerify(() => view.placeList.opened, 3000)
            compare(field.matches[0].name, "Kafr Takharim") // the basemap's own town (GeoNames' same place not listed again)
            keyClick(Qt.Key_Return)
            fuzzyCompare(view.map.center.latitude, field.matches[0].latitude, 1e-6)
            fuzzyCompare(view.map.center.longitude, field.matches[0].longitude, 1e-6)
            verify(view.map.zoomLevel >= 11)
            verify(!view.placeList.opened)
            // A village only GeoNames names, found without its diacritics.
            field.selectAll()
            for (const ch of "taftanaz") keyClick(ch)
            tryVerify(() => view.placeList.opened, 3000)
            compare(field.matches[0].name, "Taftan\u0101z")
            compare(field.matches[0].source, "GeoNames")
            // A name nothing has: no list.
            field.selectAll()
            for (const ch of "zzqx") keyClick(ch)
            compare(field.matches.length, 0)
            verify(!view.placeList.opened)
            field.text = ""
            field.focus = false
        }

        function test_tilesFromALocalFolderReplaceTheBasemap() {
            const folder = ImageFiles.makeTileFolder("#ff00ff", 8, 10)
            verify(folder !== "")
            const refused = MapTools.tileSourceOf(folder + "/nothing-here", "", 12)
            verify(!refused.ok && refused.message.indexOf("no folder") >= 0)
            const source = MapTools.tileSourceOf(folder, "Test tiles", 10)
            verify(source.ok, source.message)
            view.map.center = QtPositioning.coordinate(35.6, 37.6) // no incident here: only tiles
            view.map.zoomLevel = 9
            view.useTiles("custom", source)
            tryVerify(() => view.map && view.map.mapReady && session.mapReady, 10000)
            compare(view.tileSource, "custom")
            fuzzyCompare(view.map.center.latitude, 35.6, 1e-6) // the view survives the new map
            compare(view.map.maximumZoomLevel, 10)
            // The map's own pixels: the folder's magenta where the bundled basemap was land.
            let magenta = false
            tryVerify(() => {
                const image = grabImage(view.map)
                const c = image.pixel(Math.round(view.map.width / 2), Math.round(view.map.height / 2))
                magenta = c.r > 0.9 && c.g < 0.1 && c.b > 0.9
                return magenta
            }, 10000, "the folder's tiles are drawn")
            compare(findChild(view, "attributionLabel").text, "Test tiles")
            view.useTiles("offline")
            tryVerify(() => view.map && view.map.mapReady, 10000)
            compare(view.tileSource, "offline")
            compare(view.map.maximumZoomLevel, 12)
            waitForRendering(view)
        }

        // The scene is drawn where the basemap puts each place, also after the map changes size
        // (the table opened and closed: the map's projection learns its new size after the item
        // does, which once left the scene drawn for the old size).
        function test_theSceneStaysOnTheBasemapWhenTheMapIsResized() {
            view.map.center = QtPositioning.coordinate(36.0, 36.55)
            view.map.zoomLevel = 10
            const row = visibleEvents.rowOfEvent(root.strikeId)
            verify(row >= 0)
            const d = visibleEvents.details(row)
            const onMap = () => {
                const p = view.map.fromCoordinate(QtPositioning.coordinate(d.latitude, d.longitude), false)
                return view.sceneLayer.mapFromItem(view.map, p.x, p.y)
            }
            const aligned = () => {
                const drawn = view.sceneLayer.positionOfRow(row), expected = onMap()
                return Math.abs(drawn.x - expected.x) < 1.5 && Math.abs(drawn.y - expected.y) < 1.5
            }
            tryVerify(aligned, 3000, "before")
            const height = view.map.height
            view.tableShown = true
            tryVerify(() => view.map.height < height - 50, 3000)
            tryVerify(aligned, 3000, "with the table open")
            view.tableShown = false
            tryVerify(() => Math.abs(view.map.height - height) < 1, 3000)
            tryVerify(aligned, 3000, "with the table closed again")
        }

        // A file opened is framed for the map's final size, not the size it had while the window
        // was being laid out.
        function test_theDataIsFramedAgainWhenTheMapGrowsBeforeAnyoneMovesIt() {
            const fullHeight = view.map.height
            view.tableShown = true
            tryVerify(() => view.map.height < fullHeight - 50, 3000)
            view.afterResize() // whatever waited for the new size has run
            view.zoomToData()
            const framedZoom = view.map.zoomLevel
            view.tableShown = false // the map grows: still untouched, so framed again (closer)
            tryVerify(() => view.map.zoomLevel > framedZoom + 0.01, 3000)
            // Once the user has moved it, a resize leaves their view alone.
            view.map.zoomLevel = 8
            view.tableShown = true
            tryVerify(() => view.map.height < fullHeight - 50, 3000)
            view.afterResize()
            compare(view.map.zoomLevel, 8)
            view.tableShown = false
            tryVerify(() => Math.abs(view.map.height - fullHeight) < 1, 3000)
        }

        function test_aViewKeptForABookmarkComesBack() {
            view.map.center = QtPositioning.coordinate(35.71, 36.51)
            view.map.zoomLevel = 11.5
            const kept = view.currentView()
            view.map.center = QtPositioning.coordinate(36.3, 37.2)
            view.map.zoomLevel = 7
            view.showView(kept)
            fuzzyCompare(view.map.center.latitude, 35.71, 1e-6)
            fuzzyCompare(view.map.center.longitude, 36.51, 1e-6)
            fuzzyCompare(view.map.zoomLevel, 11.5, 1e-6)
        }

        function test_symbolIsDrawnThereAndAClickOpensItsDetails() {
            view.map.center = QtPositioning.coordinate(36.0, 36.55)
            view.map.zoomLevel = 10
            const row = visibleEvents.rowOfEvent(root.strikeId)
            verify(row >= 0)
            let p
            tryVerify(() => { p = view.sceneLayer.positionOfRow(row); return !isNaN(p.x) && p.x > 0 && p.x < view.sceneLayer.width })
            waitForRendering(view)
            // The symbol's fill is the Russian forces' purple (#6a1b9a): blue > green by far.
            let image = grabImage(view.sceneLayer)
            const colour = image.pixel(Math.round(p.x), Math.round(p.y))
            verify(colour.b > 0.45 && colour.g < 0.25 && colour.r > 0.3, "pixel " + colour)

            mouseClick(view.sceneLayer, p.x, p.y)
            compare(view.sceneLayer.selectedRow, row)
            const details = visibleEvents.details(row)
            compare(details.killed, "more than 78")
            compare(details.type, "Air strike")
            // The selection halo is drawn in yellow around the symbol: above the triangle's top
            // edge (at 0.75 r), between its dark outline (r + 1.5) and the halo's edge (r + 6).
            waitForRendering(view)
            image = grabImage(view.sceneLayer)
            const radius = 6 + 1.6 * Math.sqrt(78)
            const halo = image.pixel(Math.round(p.x), Math.round(p.y - 0.75 * radius - 2.8))
            verify(halo.r > 0.8 && halo.g > 0.6 && halo.b < 0.3, "halo pixel " + halo)

            // Clicking empty map clears the selection.
            mouseClick(view.sceneLayer, 5, view.sceneLayer.height - 5)
            compare(view.sceneLayer.selectedRow, -1)
        }

        function test_manyEventsAreDrawnAsClustersThatOpenByZooming() {
            const centreBefore = view.map.center
            const zoomBefore = view.map.zoomLevel
            timeline.windowDays = 0 // the whole year up to the date: every event of the sample
            verify(timeline.setCurrentDateText("2020-12-31"))
            view.map.center = QtPositioning.coordinate(35.9, 36.7)
            view.map.zoomLevel = 7
            tryVerify(() => view.sceneLayer.drawnCount > 100)
            verify(!view.sceneLayer.clustered, "the sample alone stays below the default threshold")
            compare(view.sceneLayer.clusterLabels.length, 0)

            view.clusterThreshold = 20
            tryVerify(() => view.sceneLayer.clustered)
            const labels = view.sceneLayer.clusterLabels
            verify(labels.length > 0)
            let biggest = labels[0]
            let clustered = 0
            for (let i = 0; i < labels.length; ++i) {
                verify(labels[i].count >= 2)
                clustered += labels[i].count
                if (labels[i].count > biggest.count)
                    biggest = labels[i]
            }
            verify(clustered <= view.sceneLayer.drawnCount && clustered > view.sceneLayer.drawnCount / 2,
                   clustered + " of " + view.sceneLayer.drawnCount + " in clusters")
            const repeater = findChild(view, "clusterLabels")
            compare(repeater.count, labels.length) // each cluster has its number
            compare(view.sceneLayer.clusterSizeAt(biggest.x, biggest.y), biggest.count)
            compare(view.sceneLayer.rowAt(biggest.x, biggest.y), -1)
            // The cluster is drawn there in a side's colour (below its label, inside the fill).
            waitForRendering(view)
            const radius = 9 + 5 * Math.log10(biggest.count)
            const fill = grabImage(view.sceneLayer).pixel(Math.round(biggest.x), Math.round(biggest.y + radius - 2.5))
            verify(Math.max(fill.r, fill.g, fill.b) - Math.min(fill.r, fill.g, fill.b) > 0.2, "cluster pixel " + fill)

            const biggestAt = view.map.toCoordinate(view.map.mapFromItem(view.sceneLayer, biggest.x, biggest.y), false)
            // A click on a cluster zooms in on it: its events spread out.
            mouseClick(view.sceneLayer, biggest.x, biggest.y)
            tryCompare(view.map, "zoomLevel", 9)
            verify(view.sceneLayer.selectedRow === -1)

            // At the closest zoom nothing is clustered: there is no closer view to open it in.
            view.clusterThreshold = 1
            view.map.center = biggestAt
            view.map.zoomLevel = view.map.maximumZoomLevel
            tryVerify(() => !view.sceneLayer.clustered)
            verify(view.sceneLayer.drawnCount >= 2, view.sceneLayer.drawnCount + " events in view")
            view.map.zoomLevel = view.map.maximumZoomLevel - 1
            tryVerify(() => view.sceneLayer.clustered)

            view.clusterThreshold = 3000
            tryVerify(() => !view.sceneLayer.clustered)
            compare(view.sceneLayer.clusterLabels.length, 0)
            view.map.zoomLevel = zoomBefore
            view.map.center = centreBefore
        }

        function test_theMapAsShownIsExportedAsASnapshot() {
            view.map.center = QtPositioning.coordinate(36.0, 36.55)
            view.map.zoomLevel = 9
            const file = StandardPaths.writableLocation(StandardPaths.TempLocation) + "/conflict-atlas-quicktest-snapshot.png" // a URL
            const sentence = view.exportSnapshot(file)
            compare(sentence, "Snapshot saved to conflict-atlas-quicktest-snapshot.png")
            verify(findChild(view, "messageLabel").visible)
            const refused = view.exportSnapshot(file.replace(".png", ".gif"))
            verify(refused.startsWith("Snapshot not saved"), refused)
        }

        // File → Print layout… and Export animation…: the page previewed and written, the
        // animation written on a worker thread with its progress, a bad span refused.
        function test_aPageAndAnAnimationAreWrittenFromTheMap() {
            const folder = StandardPaths.writableLocation(StandardPaths.TempLocation)
            const layout = { paper: "A4", landscape: true, dpi: 150, title: "Idlib", subtitle: "October", notes: "Lower bounds." }
            const said = view.exportLayout(folder + "/conflict-atlas-quicktest-layout.pdf", layout)
            verify(said.startsWith("Layout saved to conflict-atlas-quicktest-layout.pdf"), said)
            const preview = view.previewLayout({ paper: "A3", landscape: false, dpi: 150, title: "Idlib" }, 400)
            verify(preview.toString().endsWith(".png"), preview)
            const shown = ImageFiles.size(preview.toString().replace("file://", ""))
            verify(Math.abs(shown.width - 400) <= 1 && shown.height > shown.width, shown.width + "×" + shown.height) // A3 portrait
            const frame = view.previewAnimation({ from: "2020-10-20", to: "2020-10-26", windowDays: 7, width: 1280, height: 720 }, 320)
            compare(ImageFiles.size(frame.toString().replace("file://", "")).width, 320)

            const finished = Qt.createQmlObject('import QtTest; SignalSpy { signalName: "animationFinished" }', view)
            finished.target = view.exporter
            const gif = folder + "/conflict-atlas-quicktest-week.gif"
            compare(view.startAnimation(gif, { from: "2020-10-20", to: "2020-10-26", windowDays: 7, fps: 4, holdSeconds: 0,
                                               width: 480, height: 300 }), "")
            verify(view.exporter.animating)
            finished.wait(30000)
            verify(finished.signalArguments[0][1], finished.signalArguments[0][0])
            verify(finished.signalArguments[0][0].startsWith("Animation of 7 frames saved to conflict-atlas-quicktest-week.gif"),
                   finished.signalArguments[0][0])
            verify(!view.exporter.animating)
            compare(view.exporter.animationProgress, 1)
            const refused = view.startAnimation(gif, { from: "2020-10-26", to: "2020-10-01", windowDays: 7, width: 480, height: 300 })
            verify(refused.indexOf("before") >= 0, refused)
            finished.destroy()
        }

        // The window's map and its snapshot draw one scene: the same marks at the same pixels
        // (within 1 px), clusters included; an area's hole is left open and a corridor is as
        // wide in both.
        function test_theMapAndItsSnapshotDrawTheSameScene() {
            try {
                verify(atlasDocument.open(Qt.resolvedUrl("../data/scene/hole-and-corridor.atlas.json")))
                timeline.windowDays = 0
                verify(timeline.setCurrentDateText("2020-05-10"))
                view.clusterThreshold = 20
                view.map.center = QtPositioning.coordinate(35.95, 36.5)
                view.map.zoomLevel = 9
                tryVerify(() => view.sceneLayer.clustered && view.sceneLayer.areaCount === 1 && view.sceneLayer.lineCount === 1, 5000)
                // Let the scene follow the last view change before reading it.
                tryVerify(() => {
                    const marks = view.sceneLayer.drawnMarks()
                    const snap = view.snapshotMarks()
                    return marks.length === snap.length
                }, 5000)
                const shown = view.sceneLayer.drawnMarks()
                const snapped = view.snapshotMarks()
                let clusters = 0
                for (let i = 0; i < shown.length; ++i) {
                    const a = shown[i], b = snapped[i]
                    compare(b.kind, a.kind, "mark " + i)
                    verify(Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1,
                           a.kind + " " + i + " at " + a.x + "," + a.y + " on the map, " + b.x + "," + b.y + " in the snapshot")
                    if (a.kind === "cluster") { ++clusters; compare(b.count, a.count); compare(b.label, a.label) }
                    if (a.kind === "area") { compare(a.rings, 2, "the pocket and its hole"); compare(b.rings, 2) }
                    if (a.kind === "line") verify(a.bandWidth > 8 && Math.abs(a.bandWidth - b.bandWidth) <= 1, a.bandWidth + " vs " + b.bandWidth)
                }
                verify(clusters >= 2, clusters + " clusters")
                // A snapshot of every incident draws each one, where the map clusters them.
                const every = view.snapshotMarks(true)
                compare(every.filter(m => m.kind === "cluster").length, 0)
                compare(every.filter(m => m.kind === "symbol").length, view.sceneLayer.drawnCount)

                // The pixels agree too: cluster fills, and the hole is as open as the world outside.
                const file = StandardPaths.writableLocation(StandardPaths.TempLocation) + "/conflict-atlas-quicktest-agreement.png"
                compare(view.exportSnapshot(file), "Snapshot saved to conflict-atlas-quicktest-agreement.png")
                const path = file.toString().replace("file://", "")
                const window = grabImage(view.sceneLayer)
                compare(ImageFiles.size(path).width, Math.round(view.map.width))
                function near(c, d, tolerance) {
                    return Math.abs(c.r - d.r) < tolerance && Math.abs(c.g - d.g) < tolerance && Math.abs(c.b - d.b) < tolerance
                }
                for (const mark of shown) {
                    if (mark.kind !== "cluster") continue
                    const x = Math.round(mark.x), y = Math.round(mark.y + mark.radius - 3) // below the number
                    const onMap = window.pixel(x, y), inSnapshot = ImageFiles.pixel(path, x, y)
                    verify(near(onMap, inSnapshot, 0.12), "cluster fill " + onMap + " on the map, " + inSnapshot + " in the snapshot")
                }
                const hole = view.sceneLayer.mapFromItem(view.map, view.map.fromCoordinate(QtPositioning.coordinate(35.95, 36.5), false))
                const inside = view.sceneLayer.mapFromItem(view.map, view.map.fromCoordinate(QtPositioning.coordinate(36.12, 36.5), false))
                const outside = view.sceneLayer.mapFromItem(view.map, view.map.fromCoordinate(QtPositioning.coordinate(35.45, 36.5), false))
                for (const pick of [(x, y) => window.pixel(x, y), (x, y) => ImageFiles.pixel(path, x, y)]) {
                    const h = pick(Math.round(hole.x), Math.round(hole.y))
                    const i = pick(Math.round(inside.x), Math.round(inside.y))
                    const o = pick(Math.round(outside.x), Math.round(outside.y))
                    // An area's fill is faint (14 %): the pocket differs by a few percent, the hole by none.
                    verify(near(h, o, 0.01), "the hole " + h + " shows what is outside the pocket " + o)
                    verify(!near(i, o, 0.04), "the pocket " + i + " is tinted against " + o)
                }
        
            } finally { // the other tests expect the sample
                view.clusterThreshold = 3000
                atlasDocument.open(Qt.resolvedUrl("../../resources/data/idlib-2020.atlas.json"))
            }
        }

        function test_panningMovesTheSymbolsWithTheMap() {
            const row = visibleEvents.rowOfEvent(root.strikeId)
            const before = view.sceneLayer.positionOfRow(row)
            view.map.pan(100, 50)
            const after = view.sceneLayer.positionOfRow(row)
            fuzzyCompare(after.x, before.x - 100, 1.5)
            fuzzyCompare(after.y, before.y - 50, 1.5)
            const zoom = view.map.zoomLevel
            view.map.zoomLevel = zoom + 1
            const zoomed = view.sceneLayer.positionOfRow(row)
            const centre = Qt.point(view.map.width / 2, view.map.height / 2)
            fuzzyCompare(zoomed.x - centre.x, 2 * (after.x - centre.x), 2)
        }

        function test_sitesLinesAndAreasFollowTheDate() {
            // What the map's scene draws follows the slider's day.
            verify(timeline.setCurrentDateText("2020-03-05"))
            tryCompare(view.sceneLayer, "lineCount", 0)
            verify(timeline.setCurrentDateText("2020-03-06"))
            tryVerify(() => view.sceneLayer.lineCount >= 2, 2000, "ceasefire line and corridor from 6 March")
            verify(view.sceneLayer.areaCount >= 1)
            compare(view.sceneLayer.siteCount, siteStatuses.count)

            verify(timeline.setCurrentDateText("2020-10-18"))
            let morek = siteStatuses.rowOfSite("op-morek")
            verify(morek >= 0)
            compare(siteStatuses.details(morek).status, "Encircled")
            verify(timeline.setCurrentDateText("2020-10-20"))
            morek = siteStatuses.rowOfSite("op-morek")
            compare(siteStatuses.details(morek).status, "Being evacuated") // begun on the 19th, done on 2 November
            verify(timeline.setCurrentDateText("2020-11-02"))
            morek = siteStatuses.rowOfSite("op-morek")
            compare(siteStatuses.details(morek).status, "Evacuated")
            verify(siteStatuses.details(morek).history.length >= 3)

            // Tapping the post's marker opens its history in the details panel.
            view.map.center = QtPositioning.coordinate(35.5, 36.7)
            view.map.zoomLevel = 10
            const geo = siteStatuses.coordinateOf(morek)
            const p = view.map.fromCoordinate(geo, false)
            const q = view.sceneLayer.mapFromItem(view.map, p.x, p.y)
            timeline.windowDays = 1 // keep events off the post for this tap
            // A click answers from the scene drawn: wait until it shows the new view.
            tryVerify(() => view.sceneLayer.hitAt(q.x + 6, q.y + 6).kind === "site", 5000, "the post is drawn there")
            mouseClick(view.sceneLayer, q.x + 6, q.y + 6)
            compare(view.selectedSiteRow, morek)
            compare(view.sceneLayer.selectedRow, -1)
        }

        function test_brokenFileReportsWhereAndKeepsTheData() {
            const before = atlasDocument.eventCount
            verify(!atlasDocument.open(Qt.resolvedUrl("../data/broken.atlas.json")))
            compare(atlasDocument.eventCount, before)
            verify(atlasDocument.errorText.indexOf("broken.atlas.json:4:") >= 0, atlasDocument.errorText)
        }

        function findChild(item, name) {
            if (!item) return null
            if (item.objectName === name) return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findChild(item.children[i], name)
                if (found) return found
            }
            // Popups are not children of the item that declares them: look in its data, and
            // inside a popup's content.
            if (item.data)
                for (let i = 0; i < item.data.length; ++i) {
                    const object = item.data[i]
                    if (object && object.contentItem !== undefined && object.children === undefined) {
                        if (object.objectName === name) return object
                        const found = findChild(object.contentItem, name)
                        if (found) return found
                    }
                }
            return null
        }

        function test_factionFilterFollowsTheHierarchy() {
            timeline.windowDays = 0 // everything up to the date
            const all = visibleEvents.count
            filterSettings.actorIds = ["nlf"]
            verify(visibleEvents.count < all)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0, "Faylaq al-Sham's camp counts under the NLF umbrella")
            filterSettings.includeSubgroups = false
            compare(visibleEvents.rowOfEvent(root.strikeId), -1)
            verify(visibleEvents.rowOfEvent("nlf-vows-revenge-2020-10-26") >= 0)
        }

        function test_theFactionTreeTicksSeveralWithTheirCounts() {
            timeline.windowDays = 0
            verify(timeline.setCurrentDateText("2020-12-29"))
            const choices = session.choices
            const all = visibleEvents.count
            mouseClick(findChild(view, "factionsButton"))
            tryVerify(() => choices.active, 3000)
            choices.recount()
            const count = (id) => { choices.recount(); return visibleCountInTree(choices, id) }
            const nlf = count("nlf"), russia = count("russia")
            verify(nlf > 0 && russia > 0)

            // Tick two factions (clicking their rows in the tree): incidents of either.
            const list = findChild(view, "factionList")
            clickTreeRow(list, choices.rowOf("nlf"))
            compare(filterSettings.actorIds, ["nlf"])
            compare(visibleEvents.count, nlf)
            clickTreeRow(list, choices.rowOf("russia"))
            compare(filterSettings.actorIds.length, 2)
            verify(visibleEvents.count > nlf && visibleEvents.count <= nlf + russia)
            // Untick one: the count drops to the other's, as the tree said.
            clickTreeRow(list, choices.rowOf("russia"))
            compare(visibleEvents.count, nlf)
            // Faylaq al-Sham is ticked through its umbrella (sub-groups included).
            compare(treeRole(choices, "faylaq-al-sham", "implied"), true)

            // As target only: the count follows the tree's count in that role.
            filterSettings.actorRole = "target"
            compare(visibleEvents.count, count("nlf"))
            verify(count("nlf") < nlf)
            filterSettings.actorRole = "either"

            // A side's box ticks its top-level groups.
            filterSettings.actorIds = []
            clickTreeRow(list, choices.rowOf("pro_government"))
            compare(filterSettings.actorIds, ["syrian-government"])
            verify(visibleEvents.count > 0 && visibleEvents.count < all)
            view.filters.clear()
            findChild(view, "factionTree").close()
            tryVerify(() => !choices.active, 3000)
        }

        function visibleCountInTree(choices, id) { return treeRole(choices, id, "count") }
        function treeRole(choices, id, name) {
            const row = choices.rowOf(id)
            verify(row >= 0, id + " in the tree")
            const roles = { count: Qt.UserRole + 5, implied: Qt.UserRole + 7 }
            return choices.data(choices.index(row, 0), roles[name])
        }
        function clickTreeRow(list, row) {
            list.positionViewAtIndex(row, ListView.Contain)
            let item = null
            tryVerify(() => { item = list.itemAtIndex(row); return item !== null }, 3000)
            mouseClick(item, item.width - 40, item.height / 2)
        }

        function test_typeTogglesHideATypeAndSayHowMany() {
            timeline.windowDays = 0
            verify(timeline.setCurrentDateText("2020-12-29"))
            const choices = session.choices
            choices.recount()
            const all = visibleEvents.count
            const strikes = choices.typeCounts["air_strike"]
            verify(strikes > 0)
            const toggle = findChild(view, "typeToggle_air_strike")
            verify(toggle)
            mouseClick(toggle)
            verify(!filterSettings.typeShown("air_strike"))
            compare(visibleEvents.count, all - strikes)
            choices.recount()
            // The hidden type keeps its count (what showing it again would bring back), on its button.
            compare(choices.typeCounts["air_strike"], strikes)
            verify(!toggle.checked)
            compare(findChild(toggle, "typeLabel").text, "Air strike " + strikes)
            mouseClick(toggle)
            verify(filterSettings.typeShown("air_strike"))
            compare(filterSettings.typeKeys.length, 0)
            compare(visibleEvents.count, all)
        }

        function test_exactOnlyHidesWhatIsPlacedOrDatedLooselyAndSaysHowMany() {
            timeline.windowDays = 0
            verify(timeline.setCurrentDateText("2020-12-29"))
            const choices = session.choices
            choices.recount()
            const all = visibleEvents.count
            const inexact = choices.inexactCount
            verify(inexact > 0 && inexact < all, inexact + " of " + all)
            const box = findChild(view, "exactOnlyBox")
            verify(box)
            compare(box.text, "Exact only (would hide " + inexact + ")")
            mouseClick(box)
            verify(filterSettings.exactOnly)
            compare(visibleEvents.count, all - inexact)
            for (let row = 0; row < visibleEvents.count; ++row) {
                const d = visibleEvents.details(row)
                compare(d.placePrecision, "exactly, at the point drawn")
                compare(d.datePrecision, "to the day")
            }
            choices.recount()
            compare(box.text, "Exact only: " + inexact + " of the window hidden")
            verify(findChild(view, "filterSummary").text.indexOf("exactly placed and dated only") >= 0)
            mouseClick(box)
            compare(visibleEvents.count, all)
            // The details say how precisely an incident is placed and dated, in words.
            const strike = visibleEvents.details(visibleEvents.rowOfEvent(root.strikeId))
            compare(strike.placePrecision, "near a town: within 25 km of the point drawn")
            compare(strike.datePrecision, "to the day")
        }

        function test_typingInTheSearchFieldNarrowsMapListAndHistogram() {
            timeline.windowDays = 0
            const all = visibleEvents.count
            const histogramPeak = timeline.histogramMaximum
            const field = findChild(view, "searchField")
            verify(field)
            field.forceActiveFocus()
            for (const ch of "jabal duwayli") keyClick(ch)
            keyClick(Qt.Key_Return)
            compare(filterSettings.text, "jabal duwayli")
            verify(visibleEvents.count > 0 && visibleEvents.count < all)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
            verify(timeline.histogramMaximum < histogramPeak, "the histogram counts only matching incidents")
            let total = 0
            for (const n of timeline.histogram) total += n
            compare(total, visibleEvents.count)
            field.focus = false
        }

        function test_theActiveFilterIsSaidInOneLineAndReset() {
            const summary = findChild(view, "filterSummary")
            verify(summary && !summary.visible)
            filterSettings.typeKeys = ["air_strike"]
            filterSettings.minKilled = 5
            filterSettings.text = "kafr"
            verify(summary.visible)
            compare(summary.text, "Filtered: Air strike \u00B7 at least 5 killed \u00B7 mentioning \u201Ckafr\u201D")
            mouseClick(findChild(view, "resetFilters"))
            verify(!filterSettings.active)
            verify(!summary.visible)
        }

        function test_typeAndDeathTollFilters() {
            timeline.windowDays = 0
            filterSettings.typeKeys = ["air_strike"]
            const strikes = visibleEvents.count
            verify(strikes > 0)
            for (let row = 0; row < visibleEvents.count; ++row)
                compare(visibleEvents.details(row).type, "Air strike")
            filterSettings.minKilled = 50
            verify(visibleEvents.count < strikes)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0, "more than 78 killed passes 50")
        }

        function test_largeDatasetsAreQueriedOffTheUiThread() {
            visibleEvents.asyncThreshold = 0 // treat the sample as large
            timeline.windowDays = 7
            verify(timeline.setCurrentDateText("2020-10-27"))
            tryCompare(visibleEvents, "busy", false, 5000)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
            const week = visibleEvents.count
            filterSettings.typeKeys = ["air_strike"]
            tryCompare(visibleEvents, "busy", false, 5000)
            verify(visibleEvents.count < week)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
        }

        function test_problemsWhileReadingAreListedOnDemand() {
            verify(atlasDocument.open(Qt.resolvedUrl("../data/acled/current-export.csv")))
            try {
                compare(atlasDocument.eventCount, 3)
                const banner = findChild(view, "problemBanner")
                verify(banner && banner.visible)
                const button = findChild(view, "showProblems")
                verify(button && button.visible)
                mouseClick(button)
                tryVerify(() => view.problemsPopup.opened, 3000)
                verify(atlasDocument.diagnostics[0].indexOf("current-export.csv:6:") >= 0)
                view.problemsPopup.close()
            } finally {
                // Back to the sample for whatever runs next.
                verify(atlasDocument.open(Qt.resolvedUrl("../../resources/data/idlib-2020.atlas.json")))
            }
            verify(!findChild(view, "problemBanner").visible)
        }
    
        // A boundary file on the map: its areas drawn, coloured by incidents, one clicked for
        // its counts and made the filter's region.
        function test_areasOfAReferenceLayerAreCountedAndFilteredTo() {
            const layers = session.layers
            compare(layers.addFile(Qt.resolvedUrl("../data/layers/test-areas.geojson")), "")
            timeline.windowDays = 30
            layers.choroplethLayer = 0
            tryVerify(() => view.layersShown) // a layer added: the panel is shown
            waitForRendering(view)
            tryVerify(() => view.sceneLayer.referenceCount === 2)
            verify(layers.legend.length >= 1)
            // A spot inside "West" where nothing else is drawn.
            let spot = null
            for (let lat = 35.65; lat < 36.35 && !spot; lat += 0.05) {
                for (let lon = 36.05; lon < 36.55 && !spot; lon += 0.05) {
                    const p = view.map.fromCoordinate(QtPositioning.coordinate(lat, lon), false)
                    const q = view.sceneLayer.mapFromItem(view.map, p.x, p.y)
                    if (q.x > 20 && q.y > 20 && q.x < view.sceneLayer.width - 20 && q.y < view.sceneLayer.height - 20
                            && view.sceneLayer.hitAt(q.x, q.y).kind === "") spot = q
                }
            }
            verify(spot !== null)
            mouseClick(view.sceneLayer, spot.x, spot.y)
            tryVerify(() => view.areaPopup.opened)
            compare(view.areaPopup.area.name, "West")
            const inWest = view.areaPopup.area.events
            verify(inWest > 0)
            if (ImageFiles.screenshotFolder() !== "")
                grabImage(root).save(ImageFiles.screenshotFolder() + "/areas.png")
            mouseClick(findChild(view.areaPopup.contentItem, "onlyThisArea"))
            compare(filterSettings.regionName, "West (test-areas.geojson)")
            tryCompare(visibleEvents, "count", inWest)
            filterSettings.clearRegion()
            layers.choroplethLayer = -1
            layers.remove(0)
            tryVerify(() => view.sceneLayer.referenceCount === 0)
        }

        // Incidents counted per hexagon instead of drawn one by one, with the scale's legend.
        function test_hexagonsCountTheWindowsIncidents() {
            timeline.windowDays = 0 // everything up to the day
            view.density = "hexagons"
            tryVerify(() => view.sceneLayer.hexCount > 0)
            const marks = view.sceneLayer.drawnMarks()
            verify(!marks.some(m => m.kind === "symbol"), "no symbols under the hexagons")
            const counted = marks.filter(m => m.kind === "hex").reduce((sum, m) => sum + m.events, 0)
            verify(counted > 0 && counted <= visibleEvents.count, counted + " of " + visibleEvents.count)
            verify(view.sceneLayer.densityLegend.length >= 1)
            verify(findChild(view, "hexLegend").visible)
            if (ImageFiles.screenshotFolder() !== "")
                grabImage(root).save(ImageFiles.screenshotFolder() + "/hexagons.png")
            view.density = "heat" // the same scale, as a density
            tryVerify(() => view.sceneLayer.hexCount === 0)
            verify(!view.sceneLayer.drawnMarks().some(m => m.kind === "symbol"))
            verify(view.sceneLayer.densityLegend.length >= 1)
            if (ImageFiles.screenshotFolder() !== "")
                grabImage(root).save(ImageFiles.screenshotFolder() + "/heat.png")
            view.density = "symbols"
            tryVerify(() => view.sceneLayer.drawnMarks().some(m => m.kind === "symbol"))
        }

        // A region drawn on the map by its corners becomes the filter's region.
        function test_aRegionDrawnOnTheMapFiltersTheIncidents() {
            timeline.windowDays = 30
            const before = visibleEvents.count
            const row = visibleEvents.rowOfEvent(root.strikeId)
            verify(row >= 0)
            const at = view.sceneLayer.positionOfRow(row)
            view.setDrawingRegion(true)
            verify(findChild(view, "regionBanner").visible)
            for (const [dx, dy] of [[-40, -40], [40, -40], [40, 40], [-40, 40]])
                mouseClick(view.sceneLayer, at.x + dx, at.y + dy)
            compare(view.regionPath.length, 4)
            keyClick(Qt.Key_Return)
            compare(filterSettings.regionName, "a drawn region")
            verify(!view.drawingRegion)
            tryVerify(() => visibleEvents.count < before)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0, "the strike is inside what was drawn")
            filterSettings.clearRegion()
            tryCompare(visibleEvents, "count", before)
        }

        SignalSpy { id: shapeDrawnSpy; target: view; signalName: "shapeDrawn" }
        SignalSpy { id: editShapeSpy; target: view; signalName: "editShapeRequested" }

        function test_anAreaIsDrawnByClicksItsCornersMovedAndItIsFoundOnTheMapOnceWritten() {
            view.map.center = QtPositioning.coordinate(35.55, 37.3) // east of the data: nothing drawn there
            view.map.zoomLevel = 10
            const layer = view.sceneLayer
            const cx = layer.width / 2, cy = layer.height / 2
            shapeDrawnSpy.clear()
            view.startShape(session.situationEdits.blankShape("area", [], "2020-10-26"), true)
            verify(findChild(view, "shapeBanner").visible)
            for (const [dx, dy] of [[-80, -60], [80, -60], [80, 60]])
                mouseClick(layer, cx + dx, cy + dy)
            compare(view.shapePath.length, 3)
            compare(session.selectedRow, -1)
            // The second corner dragged 40 px down: it moves, the map does not.
            const handles = findChild(view, "shapeHandles")
            tryVerify(() => handles.count === 3)
            const before = view.shapePath[1]
            const centre = view.map.center
            mouseDrag(handles.itemAt(1), 6, 6, 0, 40)
            verify(view.shapePath[1].latitude < before.latitude - 0.05, view.shapePath[1].latitude + " vs " + before.latitude)
            compare(view.map.center.latitude, centre.latitude)
            // A corner too many, taken out by a right-click on its handle.
            mouseClick(layer, cx - 80, cy + 60)
            compare(view.shapePath.length, 4)
            tryVerify(() => handles.count === 4)
            mouseClick(handles.itemAt(3), 6, 6, Qt.RightButton)
            compare(view.shapePath.length, 3)
            keyClick(Qt.Key_Return)
            compare(shapeDrawnSpy.count, 1)
            verify(view.shapeKind === "")
            const fields = shapeDrawnSpy.signalArguments[0][0]
            compare(fields.points.length, 3)
            fields.name = "Drawn in the test"
            fields.controller = "syrian-arab-army"
            compare(session.situationEdits.checkShape(fields, true).length, 0)
            compare(session.situationEdits.saveShape(fields, true), "")
            // On the map now: a right-click inside it offers to edit it.
            tryVerify(() => layer.situationAt(cx + 60, cy + 10).id === "area-drawn-in-the-test")
            editShapeSpy.clear()
            mouseClick(layer, cx + 60, cy + 10, Qt.RightButton)
            const menu = view.mapMenu
            tryVerify(() => menu.opened)
            const edit = findChild(menu.contentItem, "editShapeHere")
            verify(edit.visible)
            verify(edit.text.indexOf("Drawn in the test") >= 0, edit.text)
            verify(!findChild(menu.contentItem, "changeSiteStatus").visible)
            edit.triggered()
            menu.close()
            compare(editShapeSpy.count, 1)
            compare(editShapeSpy.signalArguments[0][1], "area-drawn-in-the-test")
            compare(session.edits.undo(), "")
            tryVerify(() => layer.situationAt(cx + 60, cy + 10).kind === "")
            // Its journal goes: the next test file opens the same data and would be offered it.
            session.edits.discardJournal()
        }
    }
}
