"""Distances on the Earth and the metric projection used near the border.

Great-circle distances use the mean Earth radius. Planar work near the
border (distance to the line, simplification tolerances) uses a Lambert
conformal conic fitted to 25°–33°N, whose scale error stays under 0.7%
between 22° and 36°N: good enough for kilometres to the border.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088
BORDER_LCC = (
    "+proj=lcc +lat_0=29 +lon_0=-106 +lat_1=25 +lat_2=33 +datum=WGS84 +units=m +no_defs"
)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_matrix_km(lats, lons, lats2, lons2):
    """Distances from every point (lats, lons) to every point (lats2, lons2)."""
    import numpy as np

    p1 = np.radians(np.asarray(lats, dtype=float))[:, None]
    l1 = np.radians(np.asarray(lons, dtype=float))[:, None]
    p2 = np.radians(np.asarray(lats2, dtype=float))[None, :]
    l2 = np.radians(np.asarray(lons2, dtype=float))[None, :]
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def to_border_lcc(lons, lats):
    """Project WGS 84 longitudes/latitudes to the border LCC, in metres."""
    from pyproj import Transformer

    transformer = _transformer(Transformer)
    return transformer.transform(lons, lats)


_TRANSFORMER = None


def _transformer(factory):
    global _TRANSFORMER
    if _TRANSFORMER is None:
        _TRANSFORMER = factory.from_crs("EPSG:4326", BORDER_LCC, always_xy=True)
    return _TRANSFORMER
