#pragma once

// Draws the marks of a map scene (atlas/render/scene.h) with QPainter: the snapshot backend,
// and the map's situation layer (areas, lines, sites), so both draw them the same way. The
// scene says where and how; this only turns marks into paths.

#include "atlas/render/scene.h"

#include <QPainter>
#include <QPainterPath>
#include <QVariantList>

namespace atlas::ui {

/// The outline of a symbol of `radius` pixels centred on (0, 0) (core's symbolCorners).
[[nodiscard]] QPainterPath symbolPath(atlas::SymbolShape shape, double radius);

/// Areas, lines and sites with their labels.
void paintSituationMarks(QPainter& painter, const atlas::render::Scene& scene);
/// Where paintSituationMarks draws: the areas, lines (with their bands) and sites with labels.
[[nodiscard]] QRectF situationBounds(const atlas::render::Scene& scene);
/// Clusters with their counts, symbols, then the selection.
void paintEventMarks(QPainter& painter, const atlas::render::Scene& scene);

/// The marks of a scene as [{kind, x, y, …}] in draw order: "area" (first point, rings),
/// "line" (first point, bandWidth), "site", "cluster" (count, label), "symbol" (event). For
/// checking that two backends draw the same scene, and for tools that list what is shown.
[[nodiscard]] QVariantList describeMarks(const atlas::render::Scene& scene);

} // namespace atlas::ui
