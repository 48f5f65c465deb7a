"""Random points inside a commune's outline (GeoJSON Polygon or MultiPolygon, WGS 84)."""

from __future__ import annotations

import random
from typing import Any

Ring = list[list[float]]


def _polygons(outline: dict[str, Any] | None) -> list[list[Ring]]:
    if not outline:
        return []
    if outline.get("type") == "Polygon":
        return [outline["coordinates"]]
    if outline.get("type") == "MultiPolygon":
        return list(outline["coordinates"])
    return []


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(outline: dict[str, Any] | None, x: float, y: float) -> bool:
    """Even-odd rule: inside the outer ring of a polygon and outside its holes."""
    for polygon in _polygons(outline):
        inside = polygon and _in_ring(x, y, polygon[0])
        if inside and not any(_in_ring(x, y, hole) for hole in polygon[1:]):
            return True
    return False


class PointPool:
    """Points inside one commune, drawn until `size` exist, then reused (200,000 entries must
    not cost 200,000 point-in-polygon tests on detailed outlines)."""

    def __init__(self, outline, centre: tuple[float, float], rng: random.Random, size=400):
        self.outline, self.centre, self.rng, self.size = outline, centre, rng, size
        rings = [polygon[0] for polygon in _polygons(outline) if polygon]
        xs = [p[0] for ring in rings for p in ring]
        ys = [p[1] for ring in rings for p in ring]
        self.bbox = (min(xs), min(ys), max(xs), max(ys)) if xs else None
        self.points: list[tuple[float, float]] = []

    def draw(self) -> tuple[float, float]:
        if len(self.points) >= self.size:
            return self.rng.choice(self.points)
        point = self._inside() or self._near_centre()
        self.points.append(point)
        return point

    def _inside(self) -> tuple[float, float] | None:
        if self.bbox is None:
            return None
        west, south, east, north = self.bbox
        for _ in range(50):
            x, y = self.rng.uniform(west, east), self.rng.uniform(south, north)
            if contains(self.outline, x, y):
                return round(x, 5), round(y, 5)
        return None

    def _near_centre(self) -> tuple[float, float]:
        x, y = self.centre
        return round(x + self.rng.uniform(-0.01, 0.01), 5), round(
            y + self.rng.uniform(-0.01, 0.01), 5
        )


def centre_of(outline: dict[str, Any] | None) -> tuple[float, float] | None:
    """Mean of the outer ring's vertices: rough, only a fallback."""
    rings = [polygon[0] for polygon in _polygons(outline) if polygon]
    points = [p for ring in rings for p in ring]
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
