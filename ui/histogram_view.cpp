#include "histogram_view.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace atlas::ui {

HistogramView::HistogramView(QQuickItem* parent) : QQuickPaintedItem(parent) {
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
}

void HistogramView::setTimeline(Timeline* timeline) {
    if (m_timeline == timeline) return;
    if (m_timeline) disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (m_timeline) {
        connect(m_timeline, &Timeline::histogramChanged, this, [this] { update(); });
        connect(m_timeline, &Timeline::windowChanged, this, [this] { update(); });
    }
    emit timelineChanged();
    update();
}

void HistogramView::setStartX(qreal x) {
    if (qFuzzyCompare(x, m_startX)) return;
    m_startX = x;
    emit geometryOfBarsChanged();
    update();
}

void HistogramView::setSpan(qreal span) {
    if (qFuzzyCompare(span, m_span)) return;
    m_span = span;
    emit geometryOfBarsChanged();
    update();
}

int HistogramView::dayAt(qreal x) const {
    const int days = m_timeline ? m_timeline->splitHistogram().binCount() : 0;
    if (days == 0) return -1;
    if (days == 1 || m_span <= 0) return 0;
    return std::clamp(static_cast<int>(std::lround((x - m_startX) / m_span * (days - 1))), 0, days - 1);
}

qreal HistogramView::xOfDay(int day) const {
    const int days = m_timeline ? m_timeline->splitHistogram().binCount() : 0;
    return days > 1 ? m_startX + m_span * day / (days - 1) : m_startX;
}

void HistogramView::paint(QPainter* painter) {
    if (!m_timeline || m_timeline->histogramMaximum() <= 0) return;
    const atlas::Histogram& bars = m_timeline->splitHistogram();
    const int days = bars.binCount();
    const int groups = std::max(1, bars.groups);
    const qreal barWidth = std::max<qreal>(1.0, m_span / std::max(1, days) - 1);
    const qreal scale = height() / m_timeline->histogramMaximum();
    // The window: the days up to the current one, windowDays long (0: from the start).
    const int last = m_timeline->currentDay();
    const int first = m_timeline->windowDays() == 0 ? 0 : last - m_timeline->windowDays() + 1;
    const int dragLow = std::min(m_dragFrom, m_dragTo), dragHigh = std::max(m_dragFrom, m_dragTo);
    std::vector<QColor> colours;
    for (int group = 0; group < groups; ++group) colours.push_back(m_timeline->groupColour(group));
    for (int day = 0; day < days; ++day) {
        const bool inWindow = day >= first && day <= last;
        const qreal x = xOfDay(day) - barWidth / 2;
        qreal top = height();
        for (int group = 0; group < groups; ++group) {
            const auto count = bars.counts[static_cast<std::size_t>(day) * static_cast<std::size_t>(groups) + static_cast<std::size_t>(group)];
            if (count == 0) continue;
            const qreal h = count * scale;
            QColor colour = colours[static_cast<std::size_t>(group)];
            if (groups == 1 && !inWindow) colour = QColor(0xa9, 0xa9, 0xa9); // the single-colour histogram's grey
            else if (!inWindow) colour.setAlpha(80);
            painter->fillRect(QRectF(x, top - h, barWidth, h), colour);
            top -= h;
        }
        // On top, lighter: the day's share of incidents known only to a week or a month.
        if (bars.spread.empty()) continue;
        for (int group = 0; group < groups; ++group) {
            const float share = bars.spreadAt(day, group);
            if (share <= 0) continue;
            const qreal h = share * scale;
            QColor colour = colours[static_cast<std::size_t>(group)];
            if (groups == 1 && !inWindow) colour = QColor(0xa9, 0xa9, 0xa9);
            colour.setAlpha(inWindow ? 90 : 40);
            painter->fillRect(QRectF(x, top - h, barWidth, h), colour);
            top -= h;
        }
    }
    if (m_dragFrom >= 0 && m_dragTo >= 0 && dragLow != dragHigh) { // the days being dragged across
        const qreal left = xOfDay(dragLow) - barWidth / 2, right = xOfDay(dragHigh) + barWidth / 2;
        painter->fillRect(QRectF(left, 0, right - left, height()), QColor(0x1f, 0x5f, 0xbf, 50));
        painter->setPen(QColor(0x1f, 0x5f, 0xbf));
        painter->drawRect(QRectF(left, 0, right - left, height() - 1));
    }
}

void HistogramView::setHoveredDay(int day) {
    if (day == m_hoveredDay) return;
    m_hoveredDay = day;
    emit hoveredDayChanged();
}

// Entering names the day as moving does (the pointer may arrive already over a bar).
void HistogramView::hoverEnterEvent(QHoverEvent* event) { setHoveredDay(dayAt(event->position().x())); }

void HistogramView::hoverMoveEvent(QHoverEvent* event) { setHoveredDay(dayAt(event->position().x())); }

void HistogramView::hoverLeaveEvent(QHoverEvent*) { setHoveredDay(-1); }

void HistogramView::mousePressEvent(QMouseEvent* event) {
    m_dragFrom = m_dragTo = dayAt(event->position().x());
    event->setAccepted(m_dragFrom >= 0);
}

void HistogramView::mouseMoveEvent(QMouseEvent* event) {
    if (m_dragFrom < 0) return;
    m_dragTo = dayAt(event->position().x());
    setHoveredDay(m_dragTo);
    update();
}

void HistogramView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_dragFrom < 0 || !m_timeline) return;
    m_dragTo = dayAt(event->position().x());
    // A click moves the date to that day; a drag makes the days dragged across the window.
    if (m_dragTo == m_dragFrom) m_timeline->setCurrentDay(m_dragTo);
    else m_timeline->selectDays(m_dragFrom, m_dragTo);
    m_dragFrom = m_dragTo = -1;
    update();
}

} // namespace atlas::ui
