"""Lambert-93 (EPSG:2154, metropolitan France) to longitude and latitude (RGF93 ≈ WGS84).

INSEE publishes SIRENE positions in Lambert-93 for metropolitan France. The projection is a
Lambert conformal conic on the GRS80 ellipsoid; the inverse below is Snyder's (USGS Professional
Paper 1395, formulas 15-1 to 15-11 and 7-9), exact to well under a metre. Overseas départements
use other projections (UTM zones) that this module does not read.
"""

from __future__ import annotations

import math

A = 6378137.0  # GRS80 semi-major axis, metres
E = 0.0818191910428158  # GRS80 first eccentricity
LON0 = math.radians(3.0)
LAT0 = math.radians(46.5)
LAT1, LAT2 = math.radians(44.0), math.radians(49.0)
X0, Y0 = 700000.0, 6600000.0
EPSG = 2154


def _m(phi: float) -> float:
    return math.cos(phi) / math.sqrt(1 - (E * math.sin(phi)) ** 2)


def _t(phi: float) -> float:
    e_sin = E * math.sin(phi)
    ratio: float = ((1 - e_sin) / (1 + e_sin)) ** (E / 2)
    return math.tan(math.pi / 4 - phi / 2) / ratio


N = (math.log(_m(LAT1)) - math.log(_m(LAT2))) / (math.log(_t(LAT1)) - math.log(_t(LAT2)))
F = _m(LAT1) / (N * _t(LAT1) ** N)
RHO0 = A * F * _t(LAT0) ** N


def to_lonlat(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) in degrees of a Lambert-93 point (x east, y north, metres)."""
    dx, dy = x - X0, RHO0 - (y - Y0)
    rho = math.hypot(dx, dy)
    t = (rho / (A * F)) ** (1 / N)
    lon = math.atan2(dx, dy) / N + LON0
    lat = math.pi / 2 - 2 * math.atan(t)
    for _ in range(15):  # converges in 4 or 5 steps
        e_sin = E * math.sin(lat)
        following = math.pi / 2 - 2 * math.atan(t * ((1 - e_sin) / (1 + e_sin)) ** (E / 2))
        if abs(following - lat) < 1e-12:
            break
        lat = following
    return math.degrees(lon), math.degrees(following)


def from_lonlat(lon: float, lat: float) -> tuple[float, float]:
    """The forward projection, for tests and for writing files in INSEE's coordinates."""
    rho = A * F * _t(math.radians(lat)) ** N
    theta = N * (math.radians(lon) - LON0)
    return X0 + rho * math.sin(theta), Y0 + RHO0 - rho * math.cos(theta)
