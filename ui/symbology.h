#pragma once

// Core's style (atlas/style.h) in Qt's terms, for everything that draws: the map's layers and
// models, and the snapshot exporter. One definition, so a snapshot looks like the map.

#include "atlas/model/dataset.h"
#include "atlas/geo/geo.h"
#include "atlas/render/scene.h"
#include "atlas/style/style.h"

#include <QColor>

#include <vector>

namespace atlas::ui {

[[nodiscard]] inline QColor toQColor(atlas::Rgb rgb) { return QColor(rgb.red, rgb.green, rgb.blue); }

[[nodiscard]] inline QColor toQColor(atlas::Rgba rgba) { return QColor(rgba.red, rgba.green, rgba.blue, rgba.alpha); }

} // namespace atlas::ui
