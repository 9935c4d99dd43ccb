#include "symbology.h"

#include <cmath>
#include <numbers>
#include <string>
#include <unordered_map>

std::vector<MapSymbol> symbolsOf(const atlas::Dataset& dataset) {
    std::vector<MapSymbol> symbols;
    symbols.reserve(dataset.events.size());
    std::unordered_map<std::string, QColor> colourOfPerpetrator;
    for (std::size_t position = 0; position < dataset.events.size(); ++position) {
        const atlas::Event& event = dataset.events[position];
        MapSymbol symbol;
        symbol.position = atlas::toMercator(event.place.point);
        const std::string& first = event.perpetrators.empty() ? std::string() : event.perpetrators.front();
        auto found = colourOfPerpetrator.find(first);
        if (found == colourOfPerpetrator.end()) {
            const atlas::Actor* perpetrator = first.empty() ? nullptr : dataset.findActor(first);
            const auto own = perpetrator ? atlas::parseHexColour(perpetrator->colour) : std::nullopt;
            found = colourOfPerpetrator.emplace(first, toQColor(own.value_or(atlas::sideColour(dataset.sideOfEvent(event))))).first;
        }
        symbol.colour = found->second;
        symbol.shape = atlas::symbolShape(event.type);
        symbol.radius = static_cast<float>(atlas::symbolRadius(event.killed));
        symbol.eventIndex = static_cast<int>(position);
        symbols.push_back(symbol);
    }
    return symbols;
}

QPainterPath symbolOutline(atlas::SymbolShape shape, double radius) {
    QPainterPath path;
    switch (shape) {
    case atlas::SymbolShape::Circle: path.addEllipse(QPointF(0, 0), radius, radius); break;
    case atlas::SymbolShape::Triangle: // points down: a strike from above
        path.moveTo(-radius * 1.1, -radius * 0.75);
        path.lineTo(radius * 1.1, -radius * 0.75);
        path.lineTo(0.0, radius * 1.15);
        path.closeSubpath();
        break;
    case atlas::SymbolShape::Square: path.addRect(QRectF(-radius * 0.85, -radius * 0.85, radius * 1.7, radius * 1.7)); break;
    case atlas::SymbolShape::Diamond:
        path.moveTo(0.0, -radius * 1.15);
        path.lineTo(radius * 1.15, 0.0);
        path.lineTo(0.0, radius * 1.15);
        path.lineTo(-radius * 1.15, 0.0);
        path.closeSubpath();
        break;
    }
    return path;
}

QColor areaColour(const atlas::Dataset& dataset, const atlas::Area& area) {
    const atlas::Actor* controller = dataset.findActor(area.controller);
    const auto own = controller ? atlas::parseHexColour(controller->colour) : std::nullopt;
    return toQColor(own.value_or(atlas::sideColour(dataset.sideOfActor(area.controller))));
}
