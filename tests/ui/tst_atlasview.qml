import QtQuick
import QtCore
import QtTest
import QtPositioning
import ConflictAtlas

// Drives the real AtlasView: the slider and keys change what is shown, a symbol is drawn
// where the layer says and a click on it opens its details.
Item {
    id: root
    width: 1280
    height: 800

    AtlasDocument { id: atlasDocument }
    EventFilters { id: eventFilters }
    Timeline { id: timeline; document: atlasDocument; filters: eventFilters }
    VisibleEventsModel { id: visibleEvents; document: atlasDocument; timeline: timeline; filters: eventFilters }
    SiteStatusModel { id: siteStatuses; document: atlasDocument; timeline: timeline }
    LineModel { id: lineModel; document: atlasDocument; timeline: timeline }
    AreaModel { id: areaModel; document: atlasDocument; timeline: timeline }
    AtlasView {
        id: view
        anchors.fill: parent
        document: atlasDocument
        timeline: timeline
        events: visibleEvents
        filters: eventFilters
        sites: siteStatuses
        lines: lineModel
        areas: areaModel
        tileDirectory: "" // plain background: only the event layer draws colour
    }

    readonly property string strikeId: "kafr-takharim-strike-2020-10-26"

    TestCase {
        name: "AtlasView"
        when: windowShown

        function initTestCase() {
            verify(atlasDocument.open(Qt.resolvedUrl("../../resources/data/idlib-2020.atlas.json")))
            tryVerify(() => view.map.mapReady, 10000)
        }

        function init() {
            eventFilters.clear()
            visibleEvents.asyncThreshold = 200000
            view.eventLayer.selectedRow = -1
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

        function test_symbolIsDrawnThereAndAClickOpensItsDetails() {
            view.map.center = QtPositioning.coordinate(36.0, 36.55)
            view.map.zoomLevel = 10
            const row = visibleEvents.rowOfEvent(root.strikeId)
            verify(row >= 0)
            let p
            tryVerify(() => { p = view.eventLayer.positionOfRow(row); return !isNaN(p.x) && p.x > 0 && p.x < view.eventLayer.width })
            waitForRendering(view)
            // The symbol's fill is the Russian forces' purple (#6a1b9a): blue > green by far.
            let image = grabImage(view.eventLayer)
            const colour = image.pixel(Math.round(p.x), Math.round(p.y))
            verify(colour.b > 0.45 && colour.g < 0.25 && colour.r > 0.3, "pixel " + colour)

            mouseClick(view.eventLayer, p.x, p.y)
            compare(view.eventLayer.selectedRow, row)
            const details = visibleEvents.details(row)
            compare(details.killed, "more than 78")
            compare(details.type, "Air strike")
            // The selection halo is drawn in yellow around the symbol: above the triangle's top
            // edge (at 0.75 r), between its dark outline (r + 1.5) and the halo's edge (r + 6).
            waitForRendering(view)
            image = grabImage(view.eventLayer)
            const radius = 6 + 1.6 * Math.sqrt(78)
            const halo = image.pixel(Math.round(p.x), Math.round(p.y - 0.75 * radius - 2.8))
            verify(halo.r > 0.8 && halo.g > 0.6 && halo.b < 0.3, "halo pixel " + halo)

            // Clicking empty map clears the selection.
            mouseClick(view.eventLayer, 5, view.eventLayer.height - 5)
            compare(view.eventLayer.selectedRow, -1)
        }

        function test_manyEventsAreDrawnAsClustersThatOpenByZooming() {
            const centreBefore = view.map.center
            const zoomBefore = view.map.zoomLevel
            timeline.windowDays = 0 // the whole year up to the date: every event of the sample
            verify(timeline.setCurrentDateText("2020-12-31"))
            view.map.center = QtPositioning.coordinate(35.9, 36.7)
            view.map.zoomLevel = 7
            tryVerify(() => view.eventLayer.drawnCount > 100)
            verify(!view.eventLayer.clustered, "the sample alone stays below the default threshold")
            compare(view.eventLayer.clusterLabels.length, 0)

            view.clusterThreshold = 20
            tryVerify(() => view.eventLayer.clustered)
            const labels = view.eventLayer.clusterLabels
            verify(labels.length > 0)
            let biggest = labels[0]
            let clustered = 0
            for (let i = 0; i < labels.length; ++i) {
                verify(labels[i].count >= 2)
                clustered += labels[i].count
                if (labels[i].count > biggest.count)
                    biggest = labels[i]
            }
            verify(clustered <= view.eventLayer.drawnCount && clustered > view.eventLayer.drawnCount / 2,
                   clustered + " of " + view.eventLayer.drawnCount + " in clusters")
            const repeater = findChild(view, "clusterLabels")
            compare(repeater.count, labels.length) // each cluster has its number
            compare(view.eventLayer.clusterSizeAt(biggest.x, biggest.y), biggest.count)
            compare(view.eventLayer.rowAt(biggest.x, biggest.y), -1)
            // The cluster is drawn there in a side's colour (below its label, inside the fill).
            waitForRendering(view)
            const radius = 9 + 5 * Math.log10(biggest.count)
            const fill = grabImage(view.eventLayer).pixel(Math.round(biggest.x), Math.round(biggest.y + radius - 2.5))
            verify(Math.max(fill.r, fill.g, fill.b) - Math.min(fill.r, fill.g, fill.b) > 0.2, "cluster pixel " + fill)

            const biggestAt = view.map.toCoordinate(view.map.mapFromItem(view.eventLayer, biggest.x, biggest.y), false)
            // A click on a cluster zooms in on it: its events spread out.
            mouseClick(view.eventLayer, biggest.x, biggest.y)
            tryCompare(view.map, "zoomLevel", 9)
            verify(view.eventLayer.selectedRow === -1)

            // At the closest zoom nothing is clustered: there is no closer view to open it in.
            view.clusterThreshold = 1
            view.map.center = biggestAt
            view.map.zoomLevel = view.map.maximumZoomLevel
            tryVerify(() => !view.eventLayer.clustered)
            verify(view.eventLayer.drawnCount >= 2, view.eventLayer.drawnCount + " events in view")
            view.map.zoomLevel = view.map.maximumZoomLevel - 1
            tryVerify(() => view.eventLayer.clustered)

            view.clusterThreshold = 3000
            tryVerify(() => !view.eventLayer.clustered)
            compare(view.eventLayer.clusterLabels.length, 0)
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

        function test_panningMovesTheSymbolsWithTheMap() {
            const row = visibleEvents.rowOfEvent(root.strikeId)
            const before = view.eventLayer.positionOfRow(row)
            view.map.pan(100, 50)
            const after = view.eventLayer.positionOfRow(row)
            fuzzyCompare(after.x, before.x - 100, 1.5)
            fuzzyCompare(after.y, before.y - 50, 1.5)
            const zoom = view.map.zoomLevel
            view.map.zoomLevel = zoom + 1
            const zoomed = view.eventLayer.positionOfRow(row)
            const centre = Qt.point(view.map.width / 2, view.map.height / 2)
            fuzzyCompare(zoomed.x - centre.x, 2 * (after.x - centre.x), 2)
        }

        function test_sitesLinesAndAreasFollowTheDate() {
            verify(timeline.setCurrentDateText("2020-03-05"))
            compare(lineModel.count, 0)
            const before = areaModel.count
            verify(timeline.setCurrentDateText("2020-03-06"))
            verify(lineModel.count >= 2, "ceasefire line and corridor from 6 March")
            verify(areaModel.count >= 1)

            verify(timeline.setCurrentDateText("2020-10-18"))
            let morek = siteStatuses.rowOfSite("op-morek")
            verify(morek >= 0)
            compare(siteStatuses.details(morek).status, "Encircled")
            verify(timeline.setCurrentDateText("2020-10-20"))
            morek = siteStatuses.rowOfSite("op-morek")
            compare(siteStatuses.details(morek).status, "Evacuated")
            verify(siteStatuses.details(morek).history.length >= 3)

            // Tapping the post's marker opens its history in the details panel.
            view.map.center = QtPositioning.coordinate(35.5, 36.7)
            view.map.zoomLevel = 10
            const geo = siteStatuses.coordinateOf(morek)
            const p = view.map.fromCoordinate(geo, false)
            const q = view.eventLayer.mapFromItem(view.map, p.x, p.y)
            timeline.windowDays = 1 // keep events off the post for this tap
            mouseClick(view.eventLayer, q.x + 6, q.y + 6)
            compare(view.selectedSiteRow, morek)
            compare(view.eventLayer.selectedRow, -1)
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
            return null
        }

        function test_factionFilterFollowsTheHierarchy() {
            timeline.windowDays = 0 // everything up to the date
            const all = visibleEvents.count
            eventFilters.actorId = "nlf"
            verify(visibleEvents.count < all)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0, "Faylaq al-Sham's camp counts under the NLF umbrella")
            eventFilters.includeSubgroups = false
            compare(visibleEvents.rowOfEvent(root.strikeId), -1)
            verify(visibleEvents.rowOfEvent("nlf-vows-revenge-2020-10-26") >= 0)
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
            compare(eventFilters.text, "jabal duwayli")
            verify(visibleEvents.count > 0 && visibleEvents.count < all)
            verify(visibleEvents.rowOfEvent(root.strikeId) >= 0)
            verify(timeline.histogramMaximum < histogramPeak, "the histogram counts only matching incidents")
            let total = 0
            for (const n of timeline.histogram) total += n
            compare(total, visibleEvents.count)
            field.focus = false
        }

        function test_typeAndDeathTollFilters() {
            timeline.windowDays = 0
            eventFilters.typeKey = "air_strike"
            const strikes = visibleEvents.count
            verify(strikes > 0)
            for (let row = 0; row < visibleEvents.count; ++row)
                compare(visibleEvents.details(row).type, "Air strike")
            eventFilters.minKilled = 50
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
            eventFilters.typeKey = "air_strike"
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
    }
}
