"""Border Patrol sector boundaries (approximated by the gazetteer as whole
counties), the chosen one drawn stronger."""

from __future__ import annotations

from maps.layers import VectorLayer, feature

SIMPLIFY_DEG = 0.005
STYLE = {"color": "#78909c", "weight": 1.2, "dashArray": "1 5", "fillColor": "#455a64", "fillOpacity": 0.0}
CHOSEN = {"color": "#455a64", "weight": 2.5, "dashArray": "6 4", "fillOpacity": 0.04}


def sectors_layer(gaz, *, chosen: str | None = None, show: bool = True) -> VectorLayer:
    from html import escape

    features = []
    for place in gaz.by_kind("sector"):
        if not place.has_shape:
            continue
        shape = gaz.geometry(place.id).simplify(SIMPLIFY_DEG, preserve_topology=True)
        features.append(feature(shape, tip=escape(f"{place.name} (Border Patrol)"),
                                style=CHOSEN if place.id == chosen else {}))
    return VectorLayer("Border Patrol sectors", features, style=STYLE, class_name="bm-sector", show=show)
