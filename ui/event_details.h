#pragma once

// What the details panel shows of an event, and the Qt text helpers the models share: the
// formatting of one event, kept apart from the list model that holds the window's rows.

#include "atlas/model/dataset.h"

#include <QColor>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <string>
#include <string_view>
#include <vector>

namespace atlas::ui {

[[nodiscard]] inline QString qs(const std::string& text) { return QString::fromStdString(text); }
[[nodiscard]] inline QString qs(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

/// [{publisher, title, date, url, dataset}] for the panels' source lists; `dataset` names the
/// file a merged incident's source came with ("" for the event's own).
[[nodiscard]] QVariantList sourceList(const std::vector<atlas::SourceReference>& sources);

/// How precisely an event is placed, in words with the distance its placement allows ("near a
/// town: within 25 km of the point drawn"); how precisely it is dated ("to the week only").
[[nodiscard]] QString placePrecisionText(atlas::PlacePrecision precision);
[[nodiscard]] QString datePrecisionText(atlas::DatePrecision precision);

/// Everything known about the event at `position`: date (with its span and precision), type,
/// side and `colour`, perpetrators and targets by name, killed and wounded as reported, place
/// (with its district and governorate) and how precisely it is known, coordinates,
/// description and sources; `row` is the list row it is shown in.
[[nodiscard]] QVariantMap eventDetails(const atlas::Dataset& dataset, std::uint32_t position, int row, const QColor& colour);

} // namespace atlas::ui
