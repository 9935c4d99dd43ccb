#include "timeline.h"

#include "atlas_document.h"

#include <QLocale>

#include <algorithm>

namespace atlas::ui {

namespace {

QDate toQDate(atlas::Date date) { return QDate(date.year(), date.month(), date.day()); }

atlas::Date fromQDate(const QDate& date) {
    return atlas::Date::fromYearMonthDay(date.year(), date.month(), date.day()).value_or(atlas::Date());
}

} // namespace

Timeline::Timeline(QObject* parent) : QObject(parent) {}

void Timeline::setDocument(AtlasDocument* document) {
    if (m_document == document) return;
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) connect(m_document, &AtlasDocument::datasetChanged, this, &Timeline::resetRange);
    emit documentChanged();
    resetRange();
}

void Timeline::setFilters(FilterSettings* filters) {
    if (m_filters == filters) return;
    if (m_filters) disconnect(m_filters, nullptr, this, nullptr);
    m_filters = filters;
    if (m_filters) connect(m_filters, &FilterSettings::changed, this, &Timeline::rebuildHistogram);
    emit filtersChanged();
    rebuildHistogram();
}

void Timeline::resetRange() {
    const atlas::EventIndex* index = m_document ? m_document->eventIndex().get() : nullptr;
    m_hasDates = index && index->size() > 0;
    if (m_hasDates) {
        m_first = index->firstDate();
        m_last = index->lastDate();
    } else {
        m_first = m_last = atlas::Date();
    }
    emit rangeChanged();
    rebuildHistogram();
    // A newly opened dataset is shown whole: everything up to its last day.
    m_currentDay = dayCount() - 1;
    emit windowChanged();
}

void Timeline::rebuildHistogram() {
    m_histogram.clear();
    m_histogramMaximum = 0;
    if (m_document && m_document->eventIndex()->size() > 0) {
        atlas::EventFilter filter = m_filters ? m_filters->toFilter() : atlas::EventFilter{};
        filter.from = m_first;
        filter.to = m_last;
        const atlas::Histogram days = m_document->eventIndex()->histogram(filter, atlas::HistogramBucket::Day);
        m_histogram.reserve(days.binCount());
        for (int bin = 0; bin < days.binCount(); ++bin) {
            const int count = static_cast<int>(days.total(bin));
            m_histogram.append(count);
            m_histogramMaximum = std::max(m_histogramMaximum, count);
        }
    }
    emit histogramChanged();
}

QDate Timeline::firstDate() const { return toQDate(m_first); }
QDate Timeline::lastDate() const { return toQDate(m_last); }
int Timeline::dayCount() const { return atlas::daysBetween(m_first, m_last) + 1; }

void Timeline::setCurrentDay(int day) {
    day = std::clamp(day, 0, std::max(0, dayCount() - 1));
    if (day == m_currentDay) return;
    m_currentDay = day;
    emit windowChanged();
}

QDate Timeline::currentDate() const { return toQDate(m_first.addDays(m_currentDay)); }

void Timeline::setCurrentDate(const QDate& date) {
    if (date.isValid()) setCurrentDay(atlas::daysBetween(m_first, fromQDate(date)));
}

bool Timeline::setCurrentDateText(const QString& isoDate) {
    const auto date = atlas::Date::parse(isoDate.toStdString());
    if (!date) return false;
    setCurrentDay(atlas::daysBetween(m_first, *date));
    return true;
}

void Timeline::setWindowDays(int days) {
    days = std::max(0, days);
    if (days == m_windowDays) return;
    m_windowDays = days;
    emit windowChanged();
}

atlas::TimeWindow Timeline::window() const { return {m_first.addDays(m_currentDay), m_windowDays}; }

QString Timeline::windowText() const {
    if (!m_hasDates) return tr("No dated incidents");
    const QLocale locale(QLocale::English);
    const QString end = locale.toString(currentDate(), QStringLiteral("d MMM yyyy"));
    if (m_windowDays == 0) return tr("up to %1").arg(end);
    if (m_windowDays == 1) return end;
    const QDate start = toQDate(window().first());
    return tr("%1 – %2").arg(locale.toString(start, QStringLiteral("d MMM yyyy")), end);
}

} // namespace atlas::ui
