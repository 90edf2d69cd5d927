"""The corridor band: the corridor's stretch of the line and a band on each
side of it (25 and 100 km by default), and optionally the 100-mile zone."""

from __future__ import annotations

from maps.layers import VectorLayer, feature

STRETCH = {"color": "#ff6f00", "weight": 6, "opacity": 0.8}
BAND = {"color": "#ff8f00", "weight": 1, "opacity": 0.7, "fillColor": "#ffb300", "fillOpacity": 0.10}
ZONE = {"color": "#5d4037", "weight": 1.5, "dashArray": "4 6", "fill": False}


def corridor_layer(shape, *, show: bool = True) -> VectorLayer:
    """``shape``: a ``maps.corridors.CorridorShape``."""
    from html import escape

    name = shape.corridor.name
    features = []
    if shape.zone is not None and not shape.zone.is_empty:
        features.append(feature(shape.zone, style=ZONE, tip=escape(f"100-mile zone from the {name} stretch")))
    widths = sorted(shape.bands, reverse=True)
    for rank, km in enumerate(widths):
        opacity = BAND["fillOpacity"] * (1 + 1.5 * rank)
        features.append(feature(shape.bands[km], style={**BAND, "fillOpacity": round(opacity, 3)},
                                tip=escape(f"{name}: {km:g} km either side of the line")))
    features.append(feature(shape.stretch, style=STRETCH, tip=escape(f"{name}: its stretch of the line")))
    return VectorLayer("Corridor band", features, style=BAND, class_name="bm-band", show=show)
