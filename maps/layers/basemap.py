"""A vector basemap drawn from the gazetteer — states, the border rivers and
towns — for maps that must work with no network (no web tiles)."""

from __future__ import annotations

from maps.layers import VectorLayer, feature

BORDER_STATES = ("California", "Arizona", "New Mexico", "Texas", "Baja California", "Sonora", "Chihuahua",
                 "Coahuila", "Nuevo León", "Tamaulipas")
FINE_DEG, COARSE_DEG = 0.003, 0.03  # simplification of border states, and of the others
LAND = {"US": "#f3f0e8", "MX": "#ece6d6"}
STATE = {"color": "#9e9686", "weight": 1, "fillOpacity": 1.0, "opacity": 0.8}
RIVER = {"color": "#7fb3d5", "weight": 2, "opacity": 1.0}
TOWN = {"color": "#757575", "weight": 0.8, "fillColor": "#9e9e9e", "fillOpacity": 1.0}
PANE, Z_INDEX = "bmBasemap", 150  # under overlays (400) and tiles (200)


class BasemapLayer(VectorLayer):
    css = "basemap"  # the sea's colour behind the states


def basemap_layer(gaz, *, show: bool = True) -> VectorLayer:
    features = _states(gaz) + _rivers(gaz) + _towns(gaz)
    return BasemapLayer("Outline map (gazetteer)", features, style=STATE, class_name="bm-basemap", pane=PANE,
                       z_index=Z_INDEX, radius=2.5, interactive=True, overlay=False, show=show)


def _states(gaz) -> list[dict]:
    from html import escape

    features = []
    for place in gaz.by_kind("state"):
        if not place.has_shape or place.country not in LAND:
            continue
        tolerance = FINE_DEG if place.name in BORDER_STATES else COARSE_DEG
        shape = gaz.geometry(place.id).simplify(tolerance, preserve_topology=True)
        features.append(feature(shape, style={"fillColor": LAND[place.country]}, tip=escape(place.name)))
    return features


def _rivers(gaz) -> list[dict]:
    return [feature(gaz.geometry(p.id), style=RIVER) for p in gaz.by_kind("river") if p.has_shape]


def _towns(gaz) -> list[dict]:
    """Border-state towns of 100,000 or more, smaller ones near the line,
    big cities and capitals of both countries; the big ones labelled, the
    towns on the line labelled when zoomed in."""
    from html import escape

    import shapely

    features = []
    for kind in ("city", "town", "village"):
        for p in gaz.by_kind(kind):
            people = p.population or 0
            border_km = p.border_km if p.border_km is not None else 1e9
            near = p.admin1 in BORDER_STATES and (people >= 100_000 or (people >= 5_000 and border_km <= 80))
            if p.country not in LAND or not (near or people >= 1_000_000 or p.capital):
                continue
            major = people >= 300_000 or p.capital
            labelled = major or (people >= 20_000 and border_km <= 15)
            label_class = "bm-town" if major else "bm-town bm-town-minor" if labelled else ""
            features.append(feature(shapely.Point(p.lon, p.lat), tip=escape(p.name), tipPermanent=labelled,
                                    tipDirection="right", tipClass=label_class,
                                    style={**TOWN, "radius": 2.5 if major else 1.8}))
    return features
