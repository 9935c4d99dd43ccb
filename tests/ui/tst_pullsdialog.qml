import QtQuick
import QtQuick.Controls
import QtTest
import ConflictAtlas
import ConflictAtlasTests

// Data → Compare with another pull…, as an analyst uses it: the newer ACLED export open, the
// earlier one chosen; the dialog lists what was added, revised (old → new) and deleted.
Item {
    id: root
    width: 1100
    height: 760

    AtlasSession { id: session }
    PullsDialog {
        id: dialog
        parent: root
        session: session
    }

    TestCase {
        name: "PullsDialog"
        when: windowShown

        function test_theEarlierPullsDifferencesAreListed() {
            verify(session.document.open(Qt.resolvedUrl("../data/acled/newer-export.csv")))
            const comparison = session.comparison
            const said = comparison.compareWith(Qt.resolvedUrl("../data/acled/current-export.csv"))
            verify(said.indexOf("1 added, 2 revised, 1 deleted") >= 0, said)
            compare(comparison.added, 1)
            compare(comparison.revised, 2)
            compare(comparison.deleted, 1)
            dialog.open()
            tryVerify(() => dialog.opened)
            const list = findChild(dialog.contentItem, "changeList")
            tryCompare(list, "count", 4)
            let revised = null
            for (let i = 0; i < list.count; ++i) {
                const row = list.itemAtIndex(i)
                if (row && row.eventId === "SYRTEST1") revised = row
            }
            verify(revised)
            compare(revised.kind, "revised")
            verify(revised.changes.indexOf("killed: at least 78 \u2192 at least 79") >= 0, revised.changes)
            if (ImageFiles.screenshotFolder() !== "")
                grabImage(root).save(ImageFiles.screenshotFolder() + "/pulls-dialog.png")
            // Opening another file ends the comparison: it was of the data before.
            verify(session.document.open(Qt.resolvedUrl("../data/acled/current-export.csv")))
            verify(!comparison.active)
            compare(list.count, 0)
            dialog.close()
        }
    }
}
