import QtQuick
import QtQuick.Controls
import QtTest
import ConflictAtlas
import ConflictAtlasTests

// Drives Data → Find duplicates… as an analyst would: an ACLED export and a UCDP GED extract
// that report the Kafr Takharim strike of 26 October 2020 each, the pair found and listed
// with its reasons, merged with a click; the incident then counts once and keeps the UCDP
// report among its sources.
Item {
    id: root
    width: 1100
    height: 760

    AtlasSession { id: session }
    DuplicatesDialog {
        id: dialog
        parent: root
        session: session
    }

    TestCase {
        name: "DuplicatesDialog"
        when: windowShown

        function test_aPairFoundAcrossTwoExportsIsMergedAndCountsOnce() {
            const document = session.document
            verify(document.open(Qt.resolvedUrl("../data/acled/current-export.csv")))
            verify(document.add(Qt.resolvedUrl("../data/ucdp/ged-sample.csv")))
            const before = document.eventCount
            compare(before, 5)
            dialog.open() // looks for pairs as it opens
            tryVerify(() => dialog.opened)
            const list = findChild(dialog.contentItem, "pairList")
            tryVerify(() => !dialog.pairs.searching && list.count === 1, 5000)
            const pair = list.itemAtIndex(0)
            verify(pair)
            compare(pair.firstId, "SYRTEST1")
            compare(pair.secondId, "ged-900001")
            verify(pair.reasons.indexOf("same day") >= 0, pair.reasons)
            verify(pair.firstText.indexOf("current-export.csv, line 2") >= 0, pair.firstText)
            verify(pair.secondText.indexOf("ged-sample.csv, line 2") >= 0, pair.secondText)
            verify(pair.score > 0.6 && pair.score <= 1)
            if (ImageFiles.screenshotFolder() !== "")
                grabImage(root).save(ImageFiles.screenshotFolder() + "/duplicates-dialog.png")

            mouseClick(findChild(pair, "mergeKeepFirst"))
            compare(pair.decision, "merged-first")
            compare(dialog.pairs.undecided, 0)
            compare(document.eventCount, before - 1)
            verify(dialog.pairs.status.indexOf("1 incident(s) merged") >= 0, dialog.pairs.status)
            // The kept incident lists the UCDP report, and the pair is not proposed again.
            compare(session.showEvent("SYRTEST1"), "")
            const details = session.events.details(session.selectedRow)
            const fromGed = details.sources.filter(source => source.dataset === "ged-sample.csv")
            verify(fromGed.length > 0, JSON.stringify(details.sources))
            verify(details.sources.some(source => source.dataset === "current-export.csv"))
            compare(session.showEvent("ged-900001"), "No incident ged-900001 is open")
            mouseClick(findChild(dialog.contentItem, "findPairs"))
            tryVerify(() => !dialog.pairs.searching && dialog.pairs.status === "No candidate pairs", 5000)
            compare(list.count, 0)
            dialog.close()
        }
    }
}
