import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// Offered when points of a GeoJSON file were skipped for want of a date under the usual
// names: pick the property that holds their dates (and, if any, their end dates), and the
// file is read again with it; and how to read numeric dates such as 03/04/2011, which could be
// day or month first.
Dialog {
    id: dialog
    required property AtlasDocument document
    // [{name, points}], asked of the document when the dialog opens.
    property var choices: []

    title: qsTr("Where are the dates?")
    modal: true
    standardButtons: Dialog.NoButton
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 3 : 0
    width: 480

    onAboutToShow: choices = document.datePropertyChoices()

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("%n point(s) of %1 had no date under date, event_date, start, start_date, time or timestamp, and were skipped.",
                       "", dialog.document.undatedPoints).arg(dialog.document.sourceName)
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: dialog.choices.length === 0
            color: "#7a1f00"
            text: qsTr("None of the points' properties holds dates (ISO dates or epoch times); they cannot be placed in time.")
        }
        GridLayout {
            visible: dialog.choices.length > 0
            columns: 2
            Label { text: qsTr("Dates from") }
            ComboBox {
                id: dateBox
                objectName: "dateBox"
                Layout.fillWidth: true
                model: dialog.choices.map(c => qsTr("%1 (%n point(s))", "", c.points).arg(c.name))
            }
            Label { text: qsTr("03/04/2011 is") }
            ComboBox {
                id: orderBox
                objectName: "dateFormatBox"
                Layout.fillWidth: true
                model: [qsTr("either: skip such dates"), qsTr("3 April 2011 (day first)"), qsTr("4 March 2011 (month first)")]
            }
            Label { text: qsTr("End dates from") }
            ComboBox {
                id: endBox
                objectName: "endBox"
                Layout.fillWidth: true
                model: [qsTr("(the usual names: end_date, end)")].concat(dialog.choices.map(c => c.name))
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "readAgain"
            text: qsTr("Read the file again")
            enabled: dialog.choices.length > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            onClicked: {
                const end = endBox.currentIndex > 0 ? dialog.choices[endBox.currentIndex - 1].name : ""
                dialog.document.rereadWithDateProperty(dialog.choices[dateBox.currentIndex].name, end, ["", "dmy", "mdy"][orderBox.currentIndex])
                dialog.close()
            }
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            onClicked: dialog.close()
        }
    }
}
