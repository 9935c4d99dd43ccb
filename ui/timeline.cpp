#include "timeline.h"

#include <cmath>

#include "atlas_document.h"

#include "atlas/style/style.h"
#include "symbology.h"

#include <QLocale>

#include <algorithm>

namespace atlas::ui {

namespace {

QDate toQDate(atlas::Date date) { return QDate(date.year(), date.month(), date.day()); }

atlas::Date fromQDate(const QDate& date) {
    return atlas::Date::fromYearMonthDay(date.year(), date.month(), date.day()).value_or(atlas::Date());
}

} // namespace

Timeline::Timeline(QObject* parent) : QObject(parent) {
    m_playTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_playTimer, &QTimer::timeout, this, &Timeline::playStep);
}

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
    m_windowStart = -1; // a start belongs to the dataset it was chosen in
    const atlas::EventIndex* index = m_document ? m_document->eventIndex().get() : nullptr;
    m_hasDates = index && index->size() > 0;
    if (m_hasDates) {
        m_first = index->firstDate();
        m_last = index->lastDate();
    } else {
        m_first = m_last = atlas::Date();
    }
    setPlaying(false);
    emit rangeChanged();
    rebuildHistogram();
    // A newly opened dataset is shown whole: everything up to its last day.
    m_currentDay = dayCount() - 1;
    emit windowChanged();
}

void Timeline::rebuildHistogram() {
    m_histogramMaximum = 0;
    m_split = atlas::Histogram{};
    if (m_document && m_document->eventIndex()->size() > 0) {
        atlas::EventFilter filter = m_filters ? m_filters->toFilter() : atlas::EventFilter{};
        filter.from = m_first;
        filter.to = m_last;
        const auto split = m_histogramSplit == 1   ? atlas::HistogramSplit::BySide
                           : m_histogramSplit == 2 ? atlas::HistogramSplit::ByType
                           : m_histogramSplit == 3 ? atlas::HistogramSplit::ByGroundHeld
                                                   : atlas::HistogramSplit::None;
        m_split = m_document->eventIndex()->histogram(filter, atlas::HistogramBucket::Day, split);
        // Bars stack the day's share of incidents known only to a week or a month on top.
        for (int bin = 0; bin < m_split.binCount(); ++bin)
            m_histogramMaximum = std::max(m_histogramMaximum, static_cast<int>(std::ceil(dayTotal(bin) + m_split.spreadTotal(bin))));
    }
    emit histogramChanged();
}

void Timeline::setHistogramSplit(int split) {
    split = std::clamp(split, 0, 3);
    if (split == m_histogramSplit) return;
    m_histogramSplit = split;
    rebuildHistogram();
}

QColor Timeline::groupColour(int group) const {
    atlas::Rgb colour{0xb2, 0x3a, 0x2e}; // one group: the timeline's red
    if (m_histogramSplit == 1 || m_histogramSplit == 3) colour = atlas::sideColour(static_cast<atlas::Side>(group));
    else if (m_histogramSplit == 2) colour = atlas::typeColour(static_cast<atlas::EventType>(group));
    return toQColor(colour);
}

QString Timeline::dayText(int day) const {
    if (day < 0 || day >= m_split.binCount()) return {};
    const QLocale locale(QLocale::English);
    const int total = dayTotal(day);
    QString text = locale.toString(toQDate(m_first.addDays(day)), QStringLiteral("d MMM yyyy")) + QStringLiteral(": ") +
                   (total == 1 ? tr("1 incident") : tr("%1 incidents").arg(total));
    if (m_split.groups > 1)
        for (int group = 0; group < m_split.groups; ++group)
            if (const auto n = m_split.counts[static_cast<std::size_t>(day) * static_cast<std::size_t>(m_split.groups) + static_cast<std::size_t>(group)])
                text += QStringLiteral(" \u00B7 %1 %2")
                            .arg(m_histogramSplit == 2   ? QString::fromStdString(std::string(atlas::toLabel(static_cast<atlas::EventType>(group))))
                                 : m_histogramSplit == 3 ? tr("on %1 ground").arg(QString::fromStdString(std::string(atlas::toLabel(static_cast<atlas::Side>(group)))))
                                                         : QString::fromStdString(std::string(atlas::toLabel(static_cast<atlas::Side>(group)))))
                            .arg(n);
    if (const float spread = m_split.spreadTotal(day); spread >= 0.05f)
        text += tr(" \u00B7 plus %1 spread from incidents dated only to the week or month").arg(locale.toString(spread, 'f', 1));
    return text;
}

void Timeline::selectDays(int a, int b) {
    if (!m_hasDates) return;
    a = std::clamp(a, 0, dayCount() - 1);
    b = std::clamp(b, 0, dayCount() - 1);
    setWindowDays(std::abs(b - a) + 1);
    setCurrentDay(std::max(a, b));
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

bool Timeline::setDateText(const QString& text) {
    const auto typed = atlas::parseTypedDays(text.toStdString());
    if (!typed) return false;
    if (typed->onward) {
        setWindowStart(toQDate(typed->first));
        return true;
    }
    if (typed->range) setWindowDays(atlas::daysBetween(typed->first, typed->last) + 1);
    setCurrentDay(atlas::daysBetween(m_first, typed->last));
    return true;
}

void Timeline::setWindowDays(int days) {
    days = std::max(0, days);
    if (days == m_windowDays && m_windowStart < 0) return;
    m_windowStart = -1; // a length chosen: the window no longer grows from a start
    m_windowDays = days;
    emit windowChanged();
}

QDate Timeline::windowStart() const { return m_windowStart >= 0 ? toQDate(m_first.addDays(m_windowStart)) : QDate(); }

void Timeline::setWindowStart(const QDate& start) {
    const int day = start.isValid() ? std::clamp(atlas::daysBetween(m_first, fromQDate(start)), 0, std::max(0, dayCount() - 1)) : -1;
    if (day == m_windowStart) return;
    if (day < 0) { // back to a length: the window as it is now
        m_windowDays = windowDays();
        m_windowStart = -1;
    } else {
        m_windowStart = day;
        if (m_currentDay < day) m_currentDay = day;
    }
    emit windowChanged();
}

int Timeline::dayTotal(int day) const {
    return day >= 0 && day < m_split.binCount() ? static_cast<int>(m_split.total(day)) : 0;
}

QList<int> Timeline::histogram() const {
    QList<int> days;
    days.reserve(m_split.binCount());
    for (int day = 0; day < m_split.binCount(); ++day) days.append(dayTotal(day));
    return days;
}

int Timeline::incidentDayFrom(int day, int direction) const {
    for (day += direction; day >= 0 && day < m_split.binCount(); day += direction)
        if (dayTotal(day) > 0 || m_split.spreadTotal(day) > 0) return day; // a week-dated incident may be that day
    return -1;
}

bool Timeline::stepToIncidentDay(int direction) {
    const int day = incidentDayFrom(m_currentDay, direction < 0 ? -1 : 1);
    if (day < 0) return false;
    setCurrentDay(day);
    return true;
}

void Timeline::setPlaying(bool playing) {
    playing = playing && m_hasDates && dayCount() > 1;
    if (playing == m_playing) return;
    m_playing = playing;
    if (m_playing) {
        // Played from the end, the data is played again from its start.
        const int last = dayCount() - 1;
        if (m_currentDay >= last || (m_skipEmptyDays && incidentDayFrom(m_currentDay, 1) < 0))
            setCurrentDay(m_skipEmptyDays && dayTotal(0) == 0 ? std::max(0, incidentDayFrom(0, 1)) : 0);
        m_playTimer.start(1000 / m_daysPerSecond);
    } else {
        m_playTimer.stop();
    }
    emit playbackChanged();
}

void Timeline::setDaysPerSecond(int days) {
    days = std::clamp(days, 1, 60);
    if (days == m_daysPerSecond) return;
    m_daysPerSecond = days;
    if (m_playing) m_playTimer.start(1000 / m_daysPerSecond);
    emit playbackChanged();
}

void Timeline::setLoop(bool loop) {
    if (loop == m_loop) return;
    m_loop = loop;
    emit playbackChanged();
}

void Timeline::setSkipEmptyDays(bool skip) {
    if (skip == m_skipEmptyDays) return;
    m_skipEmptyDays = skip;
    emit playbackChanged();
}

void Timeline::playStep() {
    int next = m_skipEmptyDays ? incidentDayFrom(m_currentDay, 1) : m_currentDay + 1;
    if (next < 0 || next >= dayCount()) {
        if (!m_loop) {
            setPlaying(false);
            return;
        }
        next = m_skipEmptyDays && dayTotal(0) == 0 ? incidentDayFrom(0, 1) : 0;
        if (next < 0) {
            setPlaying(false);
            return;
        }
    }
    setCurrentDay(next);
}

atlas::TimeWindow Timeline::window() const { return {m_first.addDays(m_currentDay), windowDays()}; }

QString Timeline::windowText() const {
    if (!m_hasDates) return tr("No dated incidents");
    const QLocale locale(QLocale::English);
    const QString end = locale.toString(currentDate(), QStringLiteral("d MMM yyyy"));
    if (m_windowStart >= 0)
        return tr("since %1, up to %2").arg(locale.toString(toQDate(m_first.addDays(m_windowStart)), QStringLiteral("d MMM yyyy")), end);
    if (m_windowDays == 0) return tr("up to %1").arg(end);
    if (m_windowDays == 1) return end;
    const QDate start = toQDate(window().first());
    return tr("%1 – %2").arg(locale.toString(start, QStringLiteral("d MMM yyyy")), end);
}

} // namespace atlas::ui
