#pragma once

#include "timeline.h"

#include <QPointer>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace atlas::ui {

/// The timeline's histogram: a bar a day, stacked by side or type (Timeline::histogramSplit),
/// the window's days in full colour and the rest faded; incidents known only to a week or a
/// month are spread over the days they may fall on, a lighter share on top of each bar. Hovering names the day under the
/// mouse (hoveredDay, for a tooltip of Timeline::dayText); a click moves the date there;
/// dragging across bars makes those days the window. Drawn in one paint rather than an item a
/// day, so years of days cost one texture.
class HistogramView : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Timeline* timeline READ timeline WRITE setTimeline NOTIFY timelineChanged REQUIRED)
    /// Where the first day's bar is centred and how far the last one is from it (the slider's
    /// handle travel, so bars sit over their days on the slider).
    Q_PROPERTY(qreal startX READ startX WRITE setStartX NOTIFY geometryOfBarsChanged)
    Q_PROPERTY(qreal span READ span WRITE setSpan NOTIFY geometryOfBarsChanged)
    Q_PROPERTY(int hoveredDay READ hoveredDay NOTIFY hoveredDayChanged)

public:
    explicit HistogramView(QQuickItem* parent = nullptr);

    [[nodiscard]] Timeline* timeline() const { return m_timeline; }
    void setTimeline(Timeline* timeline);
    [[nodiscard]] qreal startX() const { return m_startX; }
    void setStartX(qreal x);
    [[nodiscard]] qreal span() const { return m_span; }
    void setSpan(qreal span);
    [[nodiscard]] int hoveredDay() const { return m_hoveredDay; }
    /// The day whose bar is at x (nearest), or -1 without days.
    Q_INVOKABLE int dayAt(qreal x) const;
    /// Where day `day`'s bar is centred.
    Q_INVOKABLE qreal xOfDay(int day) const;

    void paint(QPainter* painter) override;

signals:
    void timelineChanged();
    void geometryOfBarsChanged();
    void hoveredDayChanged();

protected:
    void hoverEnterEvent(QHoverEvent* event) override;
    void hoverMoveEvent(QHoverEvent* event) override;
    void hoverLeaveEvent(QHoverEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void setHoveredDay(int day);

    QPointer<Timeline> m_timeline;
    qreal m_startX = 0;
    qreal m_span = 0;
    int m_hoveredDay = -1;
    int m_dragFrom = -1; // the day a press started on, while the button is down
    int m_dragTo = -1;
};

} // namespace atlas::ui
