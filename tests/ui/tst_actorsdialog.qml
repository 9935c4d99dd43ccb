import QtQuick
import QtQuick.Controls
import QtTest
import ConflictAtlas

// Drives the actors dialog as a user would: open it on an ACLED import, pick an umbrella
// from a row's combo box with the keyboard, Apply, and the faction list follows.
Item {
    id: root
    width: 1100
    height: 760

    AtlasDocument { id: atlasDocument }
    ActorsDialog {
        id: dialog
        parent: root
        document: atlasDocument
    }

    TestCase {
        name: "ActorsDialog"
        when: windowShown

        function delegateNamed(list, name) {
            for (let i = 0; i < list.contentItem.children.length; ++i) {
                const item = list.contentItem.children[i]
                if (item.name === name)
                    return item
            }
            return null
        }

        function chooseFromCombo(box, text) {
            mouseClick(box)
            tryVerify(() => box.popup.opened)
            const target = box.find(text)
            verify(target >= 0, "offered: " + text)
            // The popup opens on the current choice; walk to the wanted one and take it.
            const steps = target - box.highlightedIndex
            for (let i = 0; i < Math.abs(steps); ++i)
                keyClick(steps > 0 ? Qt.Key_Down : Qt.Key_Up)
            keyClick(Qt.Key_Return)
            tryVerify(() => !box.popup.visible)
        }

        function test_anUmbrellaChosenInTheDialogReachesTheFactionList() {
            verify(atlasDocument.open(Qt.resolvedUrl("../data/acled/current-export.csv")))
            dialog.open()
            tryVerify(() => dialog.opened)
            const list = findChild(dialog.contentItem, "actorList")
            verify(list)
            compare(list.count, 9) // the 8 the file names, and "Syrian government forces" the default table puts the army under
            const faylaq = delegateNamed(list, "Faylaq al Sham")
            verify(faylaq)
            compare(faylaq.parentId, "")
            const parentBox = findChild(faylaq, "parentBox")
            chooseFromCombo(parentBox, "NLF: National Liberation Front")
            compare(dialog.actors.pendingCount, 1)
            tryCompare(faylaq, "edited", true)

            const apply = findChild(dialog.footer, "applyActors")
            verify(apply.enabled)
            mouseClick(apply)
            compare(dialog.actors.pendingCount, 0)
            verify(dialog.status.indexOf("1 actor(s) changed") >= 0, dialog.status)
            // The faction filter's list now has Faylaq al Sham under the NLF.
            const choices = atlasDocument.actorChoices
            const nlf = choices.findIndex(a => a.name === "NLF: National Liberation Front")
            compare(choices[nlf + 1].name, "Faylaq al Sham")
            compare(choices[nlf + 1].depth, 1)
            // And the dialog lists it so, indented.
            tryVerify(() => delegateNamed(list, "Faylaq al Sham") && delegateNamed(list, "Faylaq al Sham").depth === 1)
            dialog.close()
        }
    }
}
