#pragma once

// Core's style (atlas/style.h) in Qt's terms, for everything that draws: the map's layers and
// models, and the snapshot exporter. One definition, so a snapshot looks like the map.

#include "atlas/dataset.h"
#include "atlas/geo.h"
#include "atlas/style.h"

#include <QColor>
#include <QPainterPath>

#include <vector>

/// One event as the map draws it: pre-projected position and resolved symbology.
struct MapSymbol {
    atlas::MercatorPoint position;
    QColor colour;
    atlas::SymbolShape shape = atlas::SymbolShape::Circle;
    float radius = 6.0f;
    int eventIndex = 0; ///< into the dataset's events
};

[[nodiscard]] inline QColor toQColor(atlas::Rgb rgb) { return QColor(rgb.red, rgb.green, rgb.blue); }

/// Every event's symbol, in dataset order: colour of the first perpetrator (its own colour,
/// else its side's), shape by type, size by those killed. Resolved once per dataset (about a
/// second for a million events).
[[nodiscard]] std::vector<MapSymbol> symbolsOf(const atlas::Dataset& dataset);
/// The outline of a symbol of `radius` pixels centred on (0, 0), as the map draws it.
[[nodiscard]] QPainterPath symbolOutline(atlas::SymbolShape shape, double radius);

[[nodiscard]] inline QColor toQColor(atlas::Rgba rgba) { return QColor(rgba.red, rgba.green, rgba.blue, rgba.alpha); }
/// An area in its controller's colour (its own, else its side's).
[[nodiscard]] QColor areaColour(const atlas::Dataset& dataset, const atlas::Area& area);
