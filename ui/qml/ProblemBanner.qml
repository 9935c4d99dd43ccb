import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Problems found while reading: a banner, and the full list on demand.
Pane {
    id: problemBanner
    objectName: "problemBanner"
    required property AtlasDocument document
    /// Asked for by the buttons; the view opens its dialog and list.
    signal chooseDateProperty()
    signal showProblems()
    visible: problemBanner.document.errorText !== "" || problemBanner.document.diagnostics.length > 0
    padding: 6
    background: Rectangle { color: "#fff3cd"; border.color: "#e0b252"; radius: 3 }
    RowLayout {
        Label {
            text: problemBanner.document.errorText !== "" ? problemBanner.document.errorText
                  : qsTr("%n problem(s) while reading", "", problemBanner.document.diagnostics.length)
            color: "#7a1f00"
            Layout.maximumWidth: 520
            elide: Text.ElideRight
        }
        Button {
            objectName: "chooseDateProperty"
            text: qsTr("Choose the date property…")
            visible: problemBanner.document.undatedPoints > 0 && !problemBanner.document.loading
            flat: true
            onClicked: problemBanner.chooseDateProperty()
        }
        Button {
            objectName: "showProblems"
            text: qsTr("Show %n problem(s)", "", problemBanner.document.diagnostics.length)
            visible: problemBanner.document.diagnostics.length > 0
            flat: true
            onClicked: problemBanner.showProblems()
        }
    }
}
