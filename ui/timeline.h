#pragma once

#include "atlas/query/query.h"
#include "atlas/query/time_window.h"
#include "atlas_document.h"
#include "filter_settings.h"

#include <QColor>
#include <QDate>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <QtQml/qqmlregistration.h>


namespace atlas::ui {

/// The time controller: the slider date and the window length. Its whole job is one value,
/// window(), announced by windowChanged().
class Timeline : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AtlasDocument* document READ document WRITE setDocument NOTIFY documentChanged REQUIRED)
    Q_PROPERTY(FilterSettings* filters READ filters WRITE setFilters NOTIFY filtersChanged)
    Q_PROPERTY(QDate firstDate READ firstDate NOTIFY rangeChanged)
    Q_PROPERTY(QDate lastDate READ lastDate NOTIFY rangeChanged)
    Q_PROPERTY(int dayCount READ dayCount NOTIFY rangeChanged)
    /// Whether the dataset has dated incidents at all (an empty one has no range to show).
    Q_PROPERTY(bool hasDates READ hasDates NOTIFY rangeChanged)
    /// Incidents per day over the whole range that pass the filters (time aside).
    Q_PROPERTY(QList<int> histogram READ histogram NOTIFY histogramChanged)
    Q_PROPERTY(int histogramMaximum READ histogramMaximum NOTIFY histogramChanged)
    /// How the histogram's bars are divided: 0 not at all, 1 by side, 2 by type, 3 by the side
    /// holding the ground struck (the data's control areas on the day; unknown outside them).
    Q_PROPERTY(int histogramSplit READ histogramSplit WRITE setHistogramSplit NOTIFY histogramChanged)
    Q_PROPERTY(int currentDay READ currentDay WRITE setCurrentDay NOTIFY windowChanged)
    Q_PROPERTY(QDate currentDate READ currentDate WRITE setCurrentDate NOTIFY windowChanged)
    /// The window's length in days (0: everything up to the date). With a fixed start it is the
    /// days from that start to the date, growing as the date moves on.
    Q_PROPERTY(int windowDays READ windowDays WRITE setWindowDays NOTIFY windowChanged)
    /// The fixed first day of a window that grows with the date ("2020-10-20.." in the date
    /// field), or an invalid date when the window has a length instead.
    Q_PROPERTY(QDate windowStart READ windowStart WRITE setWindowStart NOTIFY windowChanged)
    Q_PROPERTY(QString windowText READ windowText NOTIFY windowChanged)
    /// Playback: the date moves on by itself, one day a step.
    Q_PROPERTY(bool playing READ playing WRITE setPlaying NOTIFY playbackChanged)
    /// Steps a second (each step one day, or to the next day with incidents).
    Q_PROPERTY(int daysPerSecond READ daysPerSecond WRITE setDaysPerSecond NOTIFY playbackChanged)
    /// At the last day, start again from the first (else stop there).
    Q_PROPERTY(bool loop READ loop WRITE setLoop NOTIFY playbackChanged)
    /// Step from a day with incidents (that pass the filters) to the next one.
    Q_PROPERTY(bool skipEmptyDays READ skipEmptyDays WRITE setSkipEmptyDays NOTIFY playbackChanged)

public:
    explicit Timeline(QObject* parent = nullptr);

    [[nodiscard]] AtlasDocument* document() const { return m_document; }
    void setDocument(AtlasDocument* document);
    [[nodiscard]] FilterSettings* filters() const { return m_filters; }
    void setFilters(FilterSettings* filters);

    [[nodiscard]] QDate firstDate() const;
    [[nodiscard]] QDate lastDate() const;
    [[nodiscard]] int dayCount() const;
    [[nodiscard]] bool hasDates() const { return m_hasDates; }
    [[nodiscard]] QList<int> histogram() const;
    [[nodiscard]] int histogramMaximum() const { return m_histogramMaximum; }
    [[nodiscard]] int histogramSplit() const { return m_histogramSplit; }
    void setHistogramSplit(int split);
    /// The histogram by day and group (sides or types, as histogramSplit says; one group when
    /// not split): what HistogramView draws.
    [[nodiscard]] const atlas::Histogram& splitHistogram() const { return m_split; }
    /// The colour of group `group` of splitHistogram().
    [[nodiscard]] QColor groupColour(int group) const;
    /// "26 Oct 2020: 12 incidents · Pro-government 5 · Russian forces 4 …": a day's bar, read.
    Q_INVOKABLE QString dayText(int day) const;
    /// Makes the days from `a` to `b` (either order) the window.
    Q_INVOKABLE void selectDays(int a, int b);

    /// Days since firstDate: what the slider moves.
    [[nodiscard]] int currentDay() const { return m_currentDay; }
    void setCurrentDay(int day);
    [[nodiscard]] QDate currentDate() const;
    void setCurrentDate(const QDate& date);
    /// 1, 7, 30 … days ending on the current date; 0 = everything up to it.
    [[nodiscard]] int windowDays() const {
        return m_windowStart >= 0 ? std::max(1, m_currentDay - m_windowStart + 1) : m_windowDays;
    }
    [[nodiscard]] QDate windowStart() const;
    void setWindowStart(const QDate& start);
    void setWindowDays(int days);
    /// "20–26 Oct 2020" or "up to 26 Oct 2020".
    [[nodiscard]] QString windowText() const;

    Q_INVOKABLE void stepDays(int days) { setCurrentDay(m_currentDay + days); }
    /// Moves to the previous (-1) or next (+1) day with incidents that pass the filters; false
    /// (and no change) when there is none that way.
    Q_INVOKABLE bool stepToIncidentDay(int direction);

    [[nodiscard]] bool playing() const { return m_playing; }
    void setPlaying(bool playing);
    Q_INVOKABLE void togglePlaying() { setPlaying(!m_playing); }
    [[nodiscard]] int daysPerSecond() const { return m_daysPerSecond; }
    void setDaysPerSecond(int days);
    [[nodiscard]] bool loop() const { return m_loop; }
    void setLoop(bool loop);
    [[nodiscard]] bool skipEmptyDays() const { return m_skipEmptyDays; }
    void setSkipEmptyDays(bool skip);
    /// Moves the slider to an ISO date ("2020-10-26"); false (and no change) if it is not one.
    Q_INVOKABLE bool setCurrentDateText(const QString& isoDate);
    /// What the date field takes (atlas::parseTypedDays): a day moves the slider there, the
    /// window kept; a span ("2020-10-20..2020-10-27") becomes the window, ending on its last
    /// day. False (and no change) for text that is neither.
    Q_INVOKABLE bool setDateText(const QString& text);
    [[nodiscard]] atlas::TimeWindow window() const;

signals:
    void documentChanged();
    void rangeChanged();
    void histogramChanged();
    void filtersChanged();
    void windowChanged();
    void playbackChanged();

private:
    void resetRange();
    void rebuildHistogram();
    void playStep();
    [[nodiscard]] int incidentDayFrom(int day, int direction) const; // -1: none
    [[nodiscard]] int dayTotal(int day) const; // incidents on a day of the histogram, 0 outside it

    QPointer<AtlasDocument> m_document;
    QPointer<FilterSettings> m_filters;
    atlas::Date m_first;
    bool m_hasDates = false;
    atlas::Date m_last;
    int m_histogramMaximum = 0;
    int m_histogramSplit = 1;
    atlas::Histogram m_split;
    int m_currentDay = 0;
    int m_windowDays = 0;
    int m_windowStart = -1; // a day, when the window grows from it
    QTimer m_playTimer;
    bool m_playing = false;
    int m_daysPerSecond = 2;
    bool m_loop = false;
    bool m_skipEmptyDays = false;
};

} // namespace atlas::ui
