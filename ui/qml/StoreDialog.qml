import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// File → Connect to database…: a team's shared store on PostgreSQL/PostGIS. The connection
// string is used to connect and kept nowhere (not in recent files, not in projects); a
// password belongs in ~/.pgpass or a service file, which libpq reads.
Dialog {
    id: dialog
    required property IncidentEdits edits
    title: qsTr("Connect to a team's database")
    modal: true
    width: 560
    anchors.centerIn: parent

    footer: DialogButtonBox {
        Button {
            objectName: "connectStore"
            text: qsTr("Connect")
            enabled: urlField.text.trim() !== "" && !dialog.edits.connecting
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        onAccepted: { dialog.edits.connectToStore(urlField.text); dialog.close() }
        onRejected: dialog.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("A PostgreSQL connection URI (postgresql://analyst@server:5432/atlas), a key=value string (host=… dbname=…), or service=NAME from your pg_service.conf. Passwords come from ~/.pgpass or the service file; leave them out of what you type here.")
        }
        TextField {
            id: urlField
            objectName: "storeUrl"
            Layout.fillWidth: true
            placeholderText: "postgresql://analyst@localhost:5432/atlas"
            onAccepted: if (text.trim() !== "") { dialog.edits.connectToStore(text); dialog.close() }
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.edits.storeStatus !== ""
            text: dialog.edits.storeStatus
            wrapMode: Text.WordWrap
            color: dialog.edits.online ? "#1b5e20" : "#8a5a00"
        }
    }
}
