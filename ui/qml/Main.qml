import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ConflictAtlas

// The application window: menus and file dialog around one AtlasView.
ApplicationWindow {
    id: window

    required property string tileDirectory
    /// The open document, its filters, timeline and models (AtlasSession, from main.cpp).
    required property AtlasSession session
    /// Recent files, the dialogs' folder and the window's place (WorkspaceSettings, from main.cpp).
    required property WorkspaceSettings workspace
    readonly property AtlasDocument atlasDocument: session.document
    readonly property alias atlasView: atlasView
    readonly property alias actorsDialog: actorsDialog
    readonly property alias duplicatesDialog: duplicatesDialog
    readonly property alias pullsDialog: pullsDialog
    readonly property alias incidentDialog: incidentDialog
    readonly property alias shapeDialog: shapeDialog
    readonly property alias siteStatusDialog: siteStatusDialog
    readonly property alias storeDialog: storeDialog
    readonly property alias conflictsDialog: conflictsDialog

    width: 1360
    height: 860
    visible: true
    title: atlasDocument.loaded ? atlasDocument.title + (atlasDocument.asKnownOn !== "" ? " — as known on " + atlasDocument.asKnownOn : "")
                                  + " — Conflict Atlas" : "Conflict Atlas"

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")
            Action { text: qsTr("&Open…"); shortcut: StandardKey.Open; onTriggered: { openDialog.adding = false; openDialog.open() } }
            Action { text: qsTr("&Add to the map…"); onTriggered: { openDialog.adding = true; openDialog.open() } }
            Action { text: qsTr("Open &Project…"); onTriggered: projectOpenDialog.open() }
            Action { text: qsTr("Connect to &database…"); onTriggered: storeDialog.open() }
            Action {
                text: qsTr("Dis&connect from the database")
                enabled: window.session.edits.storeName !== ""
                onTriggered: window.session.edits.disconnectStore()
            }
            Menu {
                id: recentMenu
                title: qsTr("Open &Recent")
                width: 520  // room for the folder after the name
                enabled: window.workspace.recentFiles.length > 0
                Instantiator {
                    model: window.workspace.recentFiles
                    delegate: MenuItem {
                        required property string modelData
                        required property int index
                        // The name first (what one looks for), then where it is.
                        text: (index < 9 ? "&" + (index + 1) + "  " : "") + modelData.split("/").pop()
                              + "  —  " + modelData.substring(0, modelData.lastIndexOf("/"))
                        onTriggered: atlasDocument.openInBackground("file://" + encodeURI(modelData))
                    }
                    onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                    onObjectRemoved: (index, object) => recentMenu.removeItem(object)
                }
                MenuSeparator {}
                Action { text: qsTr("&Clear the list"); onTriggered: window.workspace.clearRecentFiles() }
            }
            MenuSeparator {}
            Action {
                text: qsTr("&Save")
                shortcut: StandardKey.Save
                enabled: atlasDocument.loaded && !atlasDocument.saving
                onTriggered: atlasDocument.saveLocation.toString() !== "" ? atlasDocument.save() : saveDialog.open()
            }
            Action {
                text: qsTr("Save &As…")
                shortcut: StandardKey.SaveAs
                enabled: atlasDocument.loaded && !atlasDocument.saving
                onTriggered: saveDialog.open()
            }
            Action {
                text: qsTr("Save Pro&ject")
                shortcut: "Ctrl+Shift+S"
                enabled: atlasDocument.loaded
                onTriggered: window.session.projectLocation.toString() !== "" ? window.saveProject(window.session.projectLocation)
                                                                              : projectSaveDialog.open()
            }
            Action {
                text: qsTr("Save Project &As…")
                enabled: atlasDocument.loaded
                onTriggered: projectSaveDialog.open()
            }
            MenuSeparator {}
            Action {
                text: qsTr("&Export snapshot…") // the map as shown, clusters included
                shortcut: "Ctrl+E"
                onTriggered: { exportDialog.everyIncident = false; exportDialog.open() }
            }
            Action {
                text: qsTr("Export snapshot of &every incident…")
                onTriggered: { exportDialog.everyIncident = true; exportDialog.open() }
            }
            Action {
                text: qsTr("Export a&nimation…") // a video or GIF, a frame a day
                shortcut: "Ctrl+Shift+E"
                enabled: atlasDocument.loaded && !atlasDocument.loading
                onTriggered: animationDialog.open()
            }
            Action {
                text: qsTr("&Print layout…") // a page: map, legend, inset, notes
                shortcut: StandardKey.Print
                enabled: atlasDocument.loaded
                onTriggered: layoutDialog.open()
            }
            MenuSeparator {}
            Action { text: qsTr("&Quit"); shortcut: StandardKey.Quit; onTriggered: window.close() } // asks first about edits not saved
        }
        Menu {
            title: qsTr("&Edit")
            Action {
                objectName: "undoAction"
                text: window.session.edits.canUndo ? window.session.edits.undoText : qsTr("Undo")
                shortcut: StandardKey.Undo
                enabled: window.session.edits.canUndo
                onTriggered: window.say(window.session.edits.undo())
            }
            Action {
                text: window.session.edits.canRedo ? window.session.edits.redoText : qsTr("Redo")
                shortcut: StandardKey.Redo
                enabled: window.session.edits.canRedo
                onTriggered: window.say(window.session.edits.redo())
            }
            MenuSeparator {}
            Action {
                text: qsTr("&Add an incident…")
                shortcut: "Ctrl+I"
                enabled: atlasDocument.loaded
                onTriggered: {
                    const centre = atlasView.mapCentre()
                    incidentDialog.openNew(centre.latitude, centre.longitude, Qt.formatDate(window.session.timeline.currentDate, "yyyy-MM-dd"))
                }
            }
            Action {
                text: qsTr("&Edit the selected incident…")
                enabled: window.session.selectedRow >= 0
                onTriggered: incidentDialog.openEdit(window.session.events.details(window.session.selectedRow).id)
            }
            Action {
                text: qsTr("&Delete the selected incident")
                enabled: window.session.selectedRow >= 0
                onTriggered: window.say(window.session.edits.remove(window.session.events.details(window.session.selectedRow).id))
            }
            MenuSeparator {}
            Action {
                text: qsTr("Draw a &line…")
                enabled: atlasDocument.loaded
                onTriggered: atlasView.startShape(window.session.situationEdits.blankShape("line", [], Qt.formatDate(window.session.timeline.currentDate, "yyyy-MM-dd")), true)
            }
            Action {
                text: qsTr("Draw an &area…")
                enabled: atlasDocument.loaded
                onTriggered: atlasView.startShape(window.session.situationEdits.blankShape("area", [], Qt.formatDate(window.session.timeline.currentDate, "yyyy-MM-dd")), true)
            }
            MenuSeparator {}
            Action {
                text: qsTr("Edits in &conflict (%1)…").arg(window.session.edits.conflicts.length)
                enabled: window.session.edits.conflicts.length > 0
                onTriggered: conflictsDialog.open()
            }
        }
        Menu {
            title: qsTr("&Data")
            Action { text: qsTr("&Actors and sides…"); onTriggered: actorsDialog.open() }
            Action {
                text: qsTr("Apply actor &mapping…")
                // Opens the actors dialog too, to show what the mapping changed.
                onTriggered: { actorsDialog.open(); actorsDialog.chooseMappingFile() }
            }
            MenuSeparator {}
            Action {
                text: qsTr("As &known on…")
                enabled: atlasDocument.loaded
                onTriggered: asKnownOnDialog.open()
            }
            Action {
                text: qsTr("&Compare with another pull…")
                enabled: atlasDocument.loaded
                onTriggered: pullsDialog.open()
            }
            Action {
                text: qsTr("Find &duplicates…")
                enabled: atlasDocument.loaded
                onTriggered: duplicatesDialog.open()
            }
        }
        Menu {
            title: qsTr("&View")
            Action {
                text: qsTr("&Zoom to the data")
                shortcut: "Ctrl+0"
                onTriggered: atlasView.zoomToData()
            }
            Action {
                text: qsTr("Zoom to the &selection")
                shortcut: "Ctrl+Shift+0"
                // The rows selected in the table, else the incident selected on the map.
                enabled: window.session.selectedRow >= 0 || window.session.table.selectedCount > 0
                onTriggered: atlasView.zoomToBox(window.session.table.selectionBounds(window.session.selectedRow))
            }
            Menu {
                id: bookmarksMenu
                title: qsTr("&Bookmarks")
                Action { text: qsTr("&Add a bookmark of this view…"); shortcut: "Ctrl+D"; onTriggered: bookmarkDialog.open() }
                MenuSeparator {}
                // The bookmarks, each restoring its view (inserted after the separator).
                Instantiator {
                    model: window.workspace.bookmarks
                    delegate: MenuItem {
                        required property var modelData
                        text: modelData.name
                        onTriggered: atlasView.showView(modelData)
                    }
                    onObjectAdded: (index, object) => bookmarksMenu.insertItem(index + 2, object)
                    onObjectRemoved: (index, object) => bookmarksMenu.removeItem(object)
                }
                Menu {
                    id: removeBookmarkMenu
                    title: qsTr("&Remove")
                    enabled: window.workspace.bookmarks.length > 0
                    Instantiator {
                        model: window.workspace.bookmarks
                        delegate: MenuItem {
                            required property var modelData
                            required property int index
                            text: modelData.name
                            onTriggered: window.workspace.removeBookmark(index)
                        }
                        onObjectAdded: (index, object) => removeBookmarkMenu.insertItem(index, object)
                        onObjectRemoved: (index, object) => removeBookmarkMenu.removeItem(object)
                    }
                }
            }
            Action {
                text: qsTr("&Layers and incidents per area")
                shortcut: "Ctrl+L"
                checkable: true
                checked: atlasView.layersShown
                onTriggered: atlasView.layersShown = checked
            }
            Action {
                text: qsTr("Incident &table")
                shortcut: "Ctrl+T"
                checkable: true
                checked: atlasView.tableShown
                onTriggered: atlasView.tableShown = checked
            }
            Action {
                text: qsTr("&Placement halos")
                checkable: true
                checked: atlasView.placementHalos
                onTriggered: atlasView.placementHalos = checked
            }
            Menu {
                title: qsTr("Base&map")
                width: 300
                ActionGroup { id: basemapGroup }
                Action {
                    text: qsTr("&Offline (bundled)")
                    checkable: true
                    ActionGroup.group: basemapGroup
                    checked: atlasView.tileSource === "offline"
                    onTriggered: atlasView.useTiles("offline")
                }
                Action {
                    text: qsTr("Online map tiles (&OpenStreetMap)")
                    checkable: true
                    ActionGroup.group: basemapGroup
                    checked: atlasView.tileSource === "osm"
                    onTriggered: atlasView.useTiles("osm")
                }
                Action {
                    text: qsTr("&Custom tiles (URL or folder)…")
                    checkable: true
                    ActionGroup.group: basemapGroup
                    checked: atlasView.tileSource === "custom"
                    onTriggered: { checked = Qt.binding(() => atlasView.tileSource === "custom"); tilesDialog.open() }
                }
            }
        }
    }

    // Names the view being bookmarked (an empty name is numbered: "View 3").
    Dialog {
        id: bookmarkDialog
        objectName: "bookmarkDialog"
        title: qsTr("Bookmark this view")
        anchors.centerIn: parent
        modal: true
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAboutToShow: { bookmarkName.text = ""; bookmarkName.forceActiveFocus() }
        TextField {
            id: bookmarkName
            objectName: "bookmarkName"
            implicitWidth: 280
            placeholderText: qsTr("Name, e.g. Jabal al-Zawiya")
            onAccepted: bookmarkDialog.accept()
        }
        onAccepted: {
            const v = atlasView.currentView()
            atlasView.showMessage(qsTr("Bookmarked as \u201C%1\u201D").arg(
                window.workspace.addBookmark(bookmarkName.text, v.latitude, v.longitude, v.zoom, v.bearing)))
        }
    }

    // A tile source of one's own: an XYZ server (with {z}/{x}/{y}) or a folder of z/x/y tiles,
    // for networks without the internet. Checked before it is used.
    Dialog {
        id: tilesDialog
        objectName: "tilesDialog"
        title: qsTr("Custom map tiles")
        anchors.centerIn: parent
        modal: true
        standardButtons: Dialog.Ok | Dialog.Cancel
        property string problem: ""
        property bool reopening: false // shown again to say what is wrong: keep what was typed
        onAboutToShow: {
            if (!reopening) {
                problem = ""
                tilesText.text = atlasView.customTiles.given ?? ""
                tilesAttribution.text = atlasView.customTiles.attribution ?? ""
                tilesMaxZoom.value = atlasView.customTiles.maxZoom ?? 18
            }
            reopening = false
        }
        onOpened: tilesText.forceActiveFocus()
        Column {
            spacing: 6
            width: 520
            Label { text: qsTr("An XYZ tile URL, e.g. https://tile.example.org/{z}/{x}/{y}.png, or a folder of z/x/y tiles:") ; wrapMode: Text.WordWrap; width: parent.width }
            Row {
                spacing: 6
                TextField {
                    id: tilesText
                    objectName: "tilesText"
                    width: 410
                    placeholderText: qsTr("https://…/{z}/{x}/{y}.png  or  /path/to/tiles")
                    onAccepted: tilesDialog.accept()
                }
                Button { text: qsTr("Folder…"); onClicked: tilesFolderDialog.open() }
            }
            Label { text: qsTr("Attribution (shown on the map and in snapshots):") }
            TextField { id: tilesAttribution; objectName: "tilesAttribution"; width: parent.width; placeholderText: qsTr("© the tiles' makers") }
            Row {
                spacing: 6
                Label { text: qsTr("Closest zoom:"); anchors.verticalCenter: parent.verticalCenter }
                SpinBox { id: tilesMaxZoom; from: 1; to: 22; value: 18 }
            }
            Label { visible: tilesDialog.problem !== ""; text: tilesDialog.problem; color: "#a02020"; wrapMode: Text.WordWrap; width: parent.width }
        }
        FolderDialog {
            id: tilesFolderDialog
            onAccepted: tilesText.text = selectedFolder.toString()
        }
        onAccepted: {
            const source = MapTools.tileSourceOf(tilesText.text, tilesAttribution.text, tilesMaxZoom.value)
            if (!source.ok) {
                problem = source.message
                reopening = true
                Qt.callLater(open) // shown again (once closed) until the source can be used or the user cancels
                return
            }
            atlasView.useTiles("custom", source)
        }
    }

    FileDialog {
        id: openDialog
        property bool adding: false
        title: adding ? qsTr("Add a file to the map") : qsTr("Open a dataset")
        currentFolder: window.workspace.dialogFolder
        nameFilters: [qsTr("All supported (*.gpkg *.atlas.json *.json *.csv *.geojson *.atlasproj)"),
                      qsTr("Recipes of exported pictures (*.recipe.json)"),
                      qsTr("Conflict Atlas datasets (*.gpkg *.atlas.json *.json)"),
                      qsTr("ACLED or UCDP GED exports (*.csv)"), qsTr("GeoJSON (*.geojson)"), qsTr("All files (*)")]
        onAccepted: {
            window.workspace.noteDialogChoice(selectedFile)
            if (selectedFile.toString().endsWith(".atlasproj")) window.openProject(selectedFile)
            else if (selectedFile.toString().endsWith(".recipe.json")) window.openRecipe(selectedFile)
            else adding ? atlasDocument.addInBackground(selectedFile) : atlasDocument.openInBackground(selectedFile)
        }
    }

    // Projects: the files, mappings, filters, window, view, layers and bookmarks (docs/format.md).
    FileDialog {
        id: projectOpenDialog
        title: qsTr("Open a project")
        currentFolder: window.workspace.dialogFolder
        nameFilters: [qsTr("Conflict Atlas projects (*.atlasproj)"), qsTr("All files (*)")]
        onAccepted: { window.workspace.noteDialogChoice(selectedFile); window.openProject(selectedFile) }
    }
    FileDialog {
        id: projectSaveDialog
        title: qsTr("Save the project")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "atlasproj"
        currentFolder: window.workspace.dialogFolder
        nameFilters: [qsTr("Conflict Atlas projects (*.atlasproj)")]
        onAccepted: { window.workspace.noteDialogChoice(selectedFile); window.saveProject(selectedFile) }
    }
    function openProject(location) {
        const problem = window.session.openProject(location)
        if (problem !== "") atlasView.showMessage(problem)
    }
    // A recipe (beside an exported picture): its data, filters, day and window, and its area.
    function openRecipe(location) {
        const problem = window.session.openRecipe(location)
        if (problem !== "") atlasView.showMessage(problem)
    }
    function saveProject(location) {
        const layers = window.currentLayers()
        atlasView.showMessage(window.session.saveProject(location, atlasView.currentView(), layers, window.workspace.bookmarks))
    }
    // The layers as a project and the next start keep them.
    function currentLayers() {
        const layers = { basemap: atlasView.tileSource, table: atlasView.tableShown ? "shown" : "hidden",
                         placementHalos: atlasView.placementHalos ? "shown" : "hidden", density: atlasView.density }
        if (atlasView.tileSource === "custom") {
            layers.tileSource = atlasView.customTiles.given
            layers.tileAttribution = atlasView.customTiles.attribution
            layers.tileMaxZoom = String(atlasView.customTiles.maxZoom)
        }
        return layers
    }
    function applyLayers(layers) {
        if (layers.table !== undefined) atlasView.tableShown = layers.table === "shown"
        if (layers.density !== undefined) atlasView.density = layers.density
        if (layers.placementHalos !== undefined) atlasView.placementHalos = layers.placementHalos !== "hidden"
        if (layers.basemap === "custom") {
            const source = MapTools.tileSourceOf(layers.tileSource ?? "", layers.tileAttribution ?? "", parseInt(layers.tileMaxZoom ?? "18"))
            if (source.ok) atlasView.useTiles("custom", source)
            else atlasView.showMessage(qsTr("Custom tiles not used: %1").arg(source.message))
        } else if (layers.basemap === "osm" || layers.basemap === "offline") {
            atlasView.useTiles(layers.basemap)
        }
    }
    // A project named on the command line, or the last session, set the layers before this
    // window was made.
    Component.onCompleted: applyLayers(window.session.initialLayers)
    Connections {
        target: window.session
        // The project's files are read and its filters applied: the view, layers and bookmarks here.
        function onProjectOpened(view, layers, bookmarks) {
            window.applyLayers(layers)
            if (view.latitude !== undefined || view.box !== undefined) atlasView.showViewWhenReady(view)
            const names = window.workspace.bookmarks.map(b => b.name)
            for (const b of bookmarks)
                if (!names.includes(b.name)) window.workspace.addBookmark(b.name, b.latitude, b.longitude, b.zoom, b.bearing)
            atlasView.showMessage(view.box !== undefined ? qsTr("Recipe opened: its data, filters, day and area")
                                                         : qsTr("Project %1 opened").arg(window.session.projectLocation.toString().split("/").pop()))
        }
    }

    // Save As: a GeoPackage unless another format is chosen (it opens fastest and in QGIS too).
    FileDialog {
        id: saveDialog
        title: qsTr("Save the dataset")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "gpkg"
        currentFolder: window.workspace.dialogFolder
        selectedFile: window.workspace.dialogFolder + "/" + window.suggestedSaveName()
        nameFilters: [qsTr("GeoPackage (*.gpkg)"), qsTr("Conflict Atlas JSON (*.atlas.json)"), qsTr("GeoJSON (*.geojson)"),
                      qsTr("ACLED-style CSV, incidents only (*.csv)"), qsTr("KML, incidents only (*.kml)")]
        onAccepted: { window.workspace.noteDialogChoice(selectedFile); atlasDocument.saveAs(selectedFile) }
    }
    // The open file's name with .gpkg in place of its extension.
    function suggestedSaveName() {
        const name = atlasDocument.sourceName.split(" + ")[0]
        const base = name.replace(/(\.atlas)?\.(json|csv|geojson|gpkg)$/i, "")
        return (base === "" ? "dataset" : base) + ".gpkg"
    }
    Connections {
        target: atlasDocument
        function onSaveFinished(message, saved) { atlasView.showMessage(message) }
    }

    FileDialog {
        id: exportDialog
        property bool everyIncident: false
        title: qsTr("Export a snapshot of the map")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "png"
        currentFolder: window.workspace.dialogFolder
        nameFilters: [qsTr("PNG image (*.png)"), qsTr("PDF document (*.pdf)"), qsTr("SVG drawing (*.svg)")]
        onAccepted: { window.workspace.noteDialogChoice(selectedFile); atlasView.exportSnapshot(selectedFile, everyIncident) }
    }

    Dialog {
        id: asKnownOnDialog
        objectName: "asKnownOnDialog"
        parent: Overlay.overlay
        x: (parent.width - width) / 2
        y: (parent.height - height) / 3
        width: 520
        title: qsTr("The data as known on a day")
        modal: true
        property string status: ""
        onOpened: { status = ""; asKnownOnField.text = atlasDocument.asKnownOn; asKnownOnField.forceActiveFocus() }
        function replay() { status = atlasDocument.setAsKnownOn(asKnownOnField.text) }
        contentItem: ColumnLayout {
            spacing: 8
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: "#505050"
                text: qsTr("Replays what the data said at the end of a day: each incident as recorded by then (ACLED's timestamps, the revisions later pulls brought), incidents recorded later left out, incidents deleted since brought back.")
            }
            RowLayout {
                Label { text: qsTr("As known on") }
                TextField {
                    id: asKnownOnField
                    objectName: "asKnownOnField"
                    placeholderText: "2020-10-28"
                    Layout.fillWidth: true
                    onAccepted: asKnownOnDialog.replay()
                }
            }
            Label { Layout.fillWidth: true; wrapMode: Text.WordWrap; text: asKnownOnDialog.status; color: "#1a4d8f"; visible: text !== "" }
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Replay"); DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole; onClicked: asKnownOnDialog.replay() }
            Button {
                text: qsTr("Latest data")
                enabled: atlasDocument.asKnownOn !== ""
                DialogButtonBox.buttonRole: DialogButtonBox.ResetRole
                onClicked: asKnownOnDialog.status = atlasDocument.setAsKnownOn("")
            }
            Button { text: qsTr("Close"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole; onClicked: asKnownOnDialog.close() }
        }
    }

    AnimationDialog {
        id: animationDialog
        objectName: "animationDialog"
        parent: Overlay.overlay
        view: atlasView
        timeline: window.session.timeline
        workspace: window.workspace
    }
    LayoutDialog {
        id: layoutDialog
        objectName: "layoutDialog"
        parent: Overlay.overlay
        view: atlasView
        workspace: window.workspace
    }

    PullsDialog {
        id: pullsDialog
        parent: Overlay.overlay
        session: window.session
        workspace: window.workspace
    }

    DuplicatesDialog {
        id: duplicatesDialog
        parent: Overlay.overlay
        session: window.session
    }

    ActorsDialog {
        id: actorsDialog
        parent: Overlay.overlay
        document: atlasDocument
        workspace: window.workspace
    }

    // Closing with edits not in the file: Save, or close and have them offered again (they are in
    // the journal), or stay. A store's edits are committed as they are made: nothing to ask.
    property bool closeConfirmed: false
    onClosing: (close) => {
        if (closeConfirmed || window.session.edits.storeName !== "" || window.session.edits.unsavedCount === 0) return
        close.accepted = false
        unsavedDialog.open()
    }
    Dialog {
        id: unsavedDialog
        objectName: "unsavedDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Edits not saved")
        property bool closeAfterSave: false
        Label {
            width: 460
            wrapMode: Text.WordWrap
            text: qsTr("%n edit(s) to %1 are not in the file yet. Closed without saving, they stay in the journal and are offered again when the file is next opened.", "",
                       window.session.edits.unsavedCount).arg(atlasDocument.sourceName)
        }
        footer: DialogButtonBox {
            Button {
                text: qsTr("Save")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "closeKeepingEdits"
                text: qsTr("Close, keep them for next time")
                DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
                onClicked: { window.closeConfirmed = true; unsavedDialog.close(); window.close() }
            }
            Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            onAccepted: {
                unsavedDialog.closeAfterSave = true
                if (atlasDocument.saveLocation.toString() !== "") atlasDocument.save()
                else saveDialog.open()
            }
            onRejected: unsavedDialog.close()
        }
        Connections {
            target: atlasDocument
            function onSaveFinished(message, saved) {
                if (!unsavedDialog.closeAfterSave) return
                unsavedDialog.closeAfterSave = false
                if (saved) { window.closeConfirmed = true; window.close() }
            }
        }
    }

    /// Shows a sentence from an edit (a refusal, a notice) in the edits bar for a while.
    function say(message) {
        if (message === "" || message === undefined) return
        editsBar.notice = message
        noticeTimer.restart()
    }
    Timer { id: noticeTimer; interval: 8000; onTriggered: editsBar.notice = "" }
    Connections {
        target: window.session.edits
        function onNotice(message) { window.say(message) }
        function onConflictsChanged() { if (window.session.edits.conflicts.length > 0) conflictsDialog.open() }
    }

    header: ColumnLayout {
        spacing: 0
        // Edits left from a run that stopped before they were saved: offered back.
        Rectangle {
            objectName: "restoreBar"
            Layout.fillWidth: true
            implicitHeight: restoreRow.implicitHeight + 8
            visible: window.session.edits.restorable
            color: "#fff3cd"
            RowLayout {
                id: restoreRow
                anchors.fill: parent
                anchors.margins: 4
                Label { Layout.fillWidth: true; text: window.session.edits.restoreText; wrapMode: Text.WordWrap }
                Button { objectName: "restoreEdits"; text: qsTr("Restore them"); onClicked: window.say(window.session.edits.restoreJournal()) }
                Button { text: qsTr("Discard them"); onClicked: window.session.edits.discardJournal() }
            }
        }
        // The store link and what edits just did.
        Rectangle {
            id: editsBar
            objectName: "editsBar"
            property string notice: ""
            Layout.fillWidth: true
            implicitHeight: editsRow.implicitHeight + 6
            visible: window.session.edits.storeStatus !== "" || notice !== "" || window.session.edits.unsavedCount > 0
            color: window.session.edits.storeStatus !== "" && !window.session.edits.online ? "#ffe0b2" : "#e8f1fb"
            RowLayout {
                id: editsRow
                anchors.fill: parent
                anchors.margins: 3
                Label {
                    objectName: "storeStatus"
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: {
                        const parts = []
                        if (window.session.edits.storeStatus !== "") parts.push(window.session.edits.storeStatus)
                        else if (window.session.edits.unsavedCount > 0)
                            parts.push(qsTr("%n edit(s) not saved yet (kept in the journal until you save)", "", window.session.edits.unsavedCount))
                        if (editsBar.notice !== "") parts.push(editsBar.notice)
                        return parts.join("  ·  ")
                    }
                }
            }
        }
    }

    IncidentDialog {
        id: incidentDialog
        objectName: "incidentDialog"
        parent: Overlay.overlay
        edits: window.session.edits
        document: atlasDocument
    }
    ShapeDialog {
        id: shapeDialog
        objectName: "shapeDialog"
        parent: Overlay.overlay
        situation: window.session.situationEdits
        document: atlasDocument
        onEditShapeRequested: (fields, isNew) => atlasView.startShape(fields, isNew)
    }
    SiteStatusDialog {
        id: siteStatusDialog
        objectName: "siteStatusDialog"
        parent: Overlay.overlay
        situation: window.session.situationEdits
    }
    StoreDialog {
        id: storeDialog
        objectName: "storeDialog"
        parent: Overlay.overlay
        edits: window.session.edits
    }
    ConflictsDialog {
        id: conflictsDialog
        objectName: "conflictsDialog"
        parent: Overlay.overlay
        edits: window.session.edits
    }

    AtlasView {
        id: atlasView
        anchors.fill: parent
        session: window.session
        tileDirectory: window.tileDirectory
        onAddIncidentRequested: (latitude, longitude) =>
            incidentDialog.openNew(latitude, longitude, Qt.formatDate(window.session.timeline.currentDate, "yyyy-MM-dd"))
        onEditIncidentRequested: (id) => incidentDialog.openEdit(id)
        onDeleteIncidentRequested: (id) => window.say(window.session.edits.remove(id))
        onShapeDrawn: (fields, isNew) => shapeDialog.openWith(fields, isNew)
        onEditShapeRequested: (kind, id) => shapeDialog.openEdit(kind, id)
        onSiteStatusRequested: (siteId) => siteStatusDialog.openFor(siteId, Qt.formatDate(window.session.timeline.currentDate, "yyyy-MM-dd"))
    }
}
