import QtQuick
import QtQuick.Controls
import QtTest
import ConflictAtlas

// Edit → Add an incident…, as an analyst fills it in: problems shown under their fields as they
// type and Add held back until there are none; a new actor made in the form; the incident on
// the map's data; then edited and undone.
Item {
    id: root
    width: 1100
    height: 900

    AtlasSession { id: session }
    IncidentDialog {
        id: dialog
        parent: root
        edits: session.edits
        document: session.document
    }

    TestCase {
        name: "IncidentDialog"
        when: windowShown

        function field(name) { return findChild(dialog.contentItem, name) }
        function type(item, text) {
            item.forceActiveFocus()
            item.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of text) keyClick(c)
        }

        function test_anIncidentTypedInIsAddedEditedAndUndone() {
            verify(session.document.open(Qt.resolvedUrl("../../resources/data/idlib-2020.atlas.json")))
            const before = session.document.eventCount
            dialog.openNew(35.586, 36.560, "2020-10-26")
            tryVerify(() => dialog.opened)
            const add = findChild(dialog.footer, "saveIncident")
            compare(field("incidentId").text, "ca-2020-10-26-1")
            // A day in the future: said under the date, and Add waits.
            type(field("incidentDate"), "2099-01-01")
            tryVerify(() => dialog.problemFor("date").indexOf("in the future") >= 0)
            verify(!add.enabled)
            type(field("incidentDate"), "2020-10-26")
            type(field("incidentKilled"), "more than 78")
            type(field("incidentWounded"), "30-20")
            tryVerify(() => dialog.problemFor("wounded").indexOf("ends below its start") >= 0)
            verify(!add.enabled)
            type(field("incidentWounded"), "20-30")
            // The perpetrator is new to the data: made in the form.
            mouseClick(field("newActorButton"))
            const popup = findChild(dialog.contentItem, "newActorPopup")
            tryVerify(() => popup.opened)
            type(findChild(popup.contentItem, "newActorName"), "Hamza Division")
            mouseClick(findChild(popup.contentItem, "newActorAsPerpetrator"))
            tryVerify(() => !popup.visible)
            compare(field("incidentPerpetrators").text, "hamza-division")
            type(field("incidentPlace"), "Kafr Nabl")
            tryVerify(() => add.enabled)
            mouseClick(add)
            tryVerify(() => !dialog.visible)
            compare(session.document.eventCount, before + 1)
            compare(session.edits.undoText, "Undo add incident ca-2020-10-26-1")

            // Edited: its description.
            dialog.openEdit("ca-2020-10-26-1")
            tryVerify(() => dialog.opened)
            verify(field("incidentId").readOnly)
            compare(field("incidentKilled").text, "more than 78")
            compare(field("incidentWounded").text, "20\u201330")
            field("incidentDescription").text = "Two strikes on the market"
            mouseClick(findChild(dialog.footer, "saveIncident"))
            tryVerify(() => !dialog.visible)
            compare(session.edits.incidentFields("ca-2020-10-26-1").description, "Two strikes on the market")
            compare(session.edits.undo(), "")
            compare(session.edits.undo(), "")
            compare(session.document.eventCount, before)
        }
    }
}
