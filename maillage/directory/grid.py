"""The map's grid: Web Mercator cells of 64 pixels, stored per establishment as integers.

At zoom z the world is 2**(z + 2) cells wide and high (a 256-pixel tile holds 4 × 4 cells).
Each establishment keeps its cell at the finest zoom (`GRID_ZOOM`); its cell at a coarser zoom is
that integer shifted right, so clusters nest exactly from one zoom to the next and stay put while
the map pans. `map_tile` packs the cell at `TILE_ZOOM` in one integer (column-major), indexed with
what the map reads: the database groups the rows of a large area by tile in index order, without
sorting them, and the few tiles are merged into cells in Python.
"""

from __future__ import annotations

import math

GRID_ZOOM = 20
GRID_SIZE = 2 ** (GRID_ZOOM + 2)
TILE_ZOOM = 13
TILE_SHIFT = GRID_ZOOM - TILE_ZOOM
TILE_ROW_BITS = TILE_ZOOM + 2
TILE_ROW_MASK = (1 << TILE_ROW_BITS) - 1
MAX_LATITUDE = 85.05112878  # Web Mercator's square world


def grid_of(longitude: float, latitude: float) -> tuple[int, int]:
    """The column and row (north to south) of a point's cell at `GRID_ZOOM`."""
    x = (longitude + 180.0) / 360.0
    sine = math.sin(math.radians(max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))))
    y = 0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)
    return _clamp(int(x * GRID_SIZE)), _clamp(int(y * GRID_SIZE))


def _clamp(value: int) -> int:
    return max(0, min(GRID_SIZE - 1, value))


def shift_of(zoom: int) -> int:
    """How many bits a `GRID_ZOOM` cell loses to become a cell at `zoom`."""
    return GRID_ZOOM - zoom


def tile_of(column: int, row: int) -> int:
    """The `TILE_ZOOM` tile of a `GRID_ZOOM` cell, packed column first."""
    return pack_tile(column >> TILE_SHIFT, row >> TILE_SHIFT)


def pack_tile(tile_column: int, tile_row: int) -> int:
    """A `TILE_ZOOM` tile's column and row, packed column first as `map_tile`."""
    return tile_column << TILE_ROW_BITS | tile_row


def tile_cell(tile: int, zoom: int) -> tuple[int, int]:
    """The cell at `zoom` (≤ TILE_ZOOM) holding a packed tile."""
    shift = TILE_ZOOM - zoom
    return (tile >> TILE_ROW_BITS) >> shift, (tile & TILE_ROW_MASK) >> shift


def tile_range(west_column: int, east_column: int) -> tuple[int, int]:
    """The packed tiles of every row between two `GRID_ZOOM` columns: one index range."""
    return tile_of(west_column, 0), tile_of(east_column, GRID_SIZE - 1)


def grid_fields(longitude: float | None, latitude: float | None) -> dict[str, int | None]:
    """The stored grid columns of a position (all None when it is not located)."""
    if longitude is None or latitude is None:
        return {"grid_x": None, "grid_y": None, "map_tile": None}
    column, row = grid_of(longitude, latitude)
    return {"grid_x": column, "grid_y": row, "map_tile": tile_of(column, row)}
