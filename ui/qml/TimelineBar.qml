import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ConflictAtlas

// The date slider with the per-day histogram of incidents above it.
Pane {
    id: bar
    required property Timeline timeline
    required property VisibleEventsModel events
    readonly property alias slider: slider
    readonly property alias windowSelector: windowSelector
    readonly property alias playButton: playButton
    readonly property alias speedSelector: speedSelector
    readonly property alias dateField: dateField
    readonly property alias histogram: histogram
    padding: 10
    background: Rectangle { color: "#f4f4f2"; border.color: "#c8c8c8" }

    ColumnLayout {
        anchors.fill: parent
        spacing: 2

        // Playback, the date field and the window length; then what the window shows.
        RowLayout {
            Layout.fillWidth: true
            Button {
                id: playButton
                objectName: "playButton"
                // Play and pause as media players draw them.
                text: bar.timeline.playing ? "\u275A\u275A" : "\u25B6"
                implicitWidth: 34
                // Space is the window's play key: a focused button would take it as a click too.
                focusPolicy: Qt.NoFocus
                enabled: bar.timeline.hasDates
                ToolTip.visible: hovered
                ToolTip.text: bar.timeline.playing ? qsTr("Pause (Space)") : qsTr("Play (Space)")
                onClicked: bar.timeline.togglePlaying()
            }
            ComboBox {
                id: speedSelector
                objectName: "speedSelector"
                implicitWidth: 118
                focusPolicy: Qt.NoFocus
                textRole: "text"
                valueRole: "days"
                model: [1, 2, 7, 30].map(d => ({ text: d === 1 ? qsTr("1 day/s") : qsTr("%1 days/s").arg(d), days: d }))
                onActivated: bar.timeline.daysPerSecond = currentValue
                Component.onCompleted: currentIndex = indexOfValue(bar.timeline.daysPerSecond)
            }
            CheckBox {
                objectName: "loopBox"
                text: qsTr("Loop")
                focusPolicy: Qt.NoFocus
                checked: bar.timeline.loop
                onToggled: bar.timeline.loop = checked
            }
            CheckBox {
                objectName: "skipEmptyBox"
                text: qsTr("Skip empty days")
                focusPolicy: Qt.NoFocus
                checked: bar.timeline.skipEmptyDays
                onToggled: bar.timeline.skipEmptyDays = checked
            }
            TextField {
                id: dateField
                objectName: "dateField"
                implicitWidth: 170
                placeholderText: qsTr("Go to 2020-10-26 or a span…")
                property bool rejected: false
                ToolTip.visible: rejected
                ToolTip.text: qsTr("Type a day (2020-10-26, 26 Oct 2020), a span (2020-10-20..2020-10-27) or a start (2020-10-20..) for a window that grows with the date")
                background: Rectangle {
                    border.color: dateField.rejected ? "#b23a2e" : (dateField.activeFocus ? "#3a6ea5" : "#b0b0b0")
                    border.width: dateField.rejected ? 2 : 1
                    radius: 2
                }
                onTextEdited: rejected = false
                onAccepted: {
                    rejected = !bar.timeline.setDateText(text)
                    if (!rejected) {
                        text = ""
                        focus = false
                    }
                }
            }
            Item { Layout.fillWidth: true }
            Label { text: qsTr("Window:") }
            ComboBox {
                id: windowSelector
                textRole: "text"
                valueRole: "days"
                // The usual lengths, and the one in force when it is another (--from/--to).
                readonly property var usual: [1, 7, 30, 0]
                model: {
                    const days = bar.timeline.windowDays
                    const lengths = usual.indexOf(days) >= 0 ? usual : usual.slice(0, 3).concat([days]).sort((a, b) => a - b).concat([0])
                    return lengths.map(d => ({ text: d === 0 ? qsTr("Everything up to the date") : d === 1 ? qsTr("1 day") : qsTr("%1 days").arg(d), days: d }))
                }
                onActivated: bar.timeline.windowDays = currentValue
                Component.onCompleted: currentIndex = indexOfValue(bar.timeline.windowDays)
                Connections {
                    target: bar.timeline
                    function onWindowChanged() { windowSelector.currentIndex = windowSelector.indexOfValue(bar.timeline.windowDays) }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "dateLabel"
                text: bar.timeline.windowText
                font.bold: true
                font.pixelSize: 16
            }
            Label {
                text: qsTr("%n incident(s) shown", "", bar.events.count)
                      + (bar.events.killedLowerBound > 0 ? qsTr(" · at least %1 killed").arg(bar.events.killedLowerBound) : "")
                color: "#404040"
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label { text: qsTr("Bars:") }
            ComboBox {
                objectName: "histogramSplit"
                implicitWidth: 110
                focusPolicy: Qt.NoFocus
                model: [qsTr("total"), qsTr("by side"), qsTr("by type"), qsTr("by ground held")]
                currentIndex: bar.timeline.histogramSplit
                onActivated: (index) => bar.timeline.histogramSplit = index
            }
        }

        // A bar a day, stacked by side or type, the window's days in full colour: hover for the
        // day's counts, click to go to a day, drag across days to make them the window.
        HistogramView {
            id: histogram
            objectName: "histogram"
            Layout.fillWidth: true
            Layout.preferredHeight: 44
            timeline: bar.timeline
            startX: slider.leftPadding + slider.handle.width / 2
            span: slider.availableWidth - slider.handle.width
            // Its own tooltip, over the bar (the attached ToolTip is one popup shared by every item).
            ToolTip {
                objectName: "dayTip"
                visible: histogram.hoveredDay >= 0
                text: bar.timeline.dayText(histogram.hoveredDay)
                delay: 200
                x: Math.min(histogram.width - width, Math.max(0, histogram.xOfDay(histogram.hoveredDay) - width / 2))
                y: -height - 4
            }
        }

        Slider {
            id: slider
            objectName: "dateSlider"
            Layout.fillWidth: true
            from: 0
            to: Math.max(0, bar.timeline.dayCount - 1)
            stepSize: 1
            snapMode: Slider.SnapAlways
            value: bar.timeline.currentDay
            onMoved: bar.timeline.currentDay = Math.round(value)
        }

        RowLayout {
            Layout.fillWidth: true
            Label { text: bar.timeline.hasDates ? Qt.formatDate(bar.timeline.firstDate, "d MMM yyyy") : ""; color: "#606060"; font.pixelSize: 11 }
            Label {
                text: qsTr("Space plays · ← → one day · Ctrl+← → days with incidents · PgUp/PgDn one week · wheel zooms · drag pans")
                color: "#808080"
                font.pixelSize: 11
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                elide: Text.ElideRight
            }
            Label { text: bar.timeline.hasDates ? Qt.formatDate(bar.timeline.lastDate, "d MMM yyyy") : ""; color: "#606060"; font.pixelSize: 11 }
        }
    }
}
