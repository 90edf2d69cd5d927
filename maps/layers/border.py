"""The international line: dashed where it crosses land, drawn as a river
where a river is the boundary (the Rio Grande / Río Bravo, the Colorado)."""

from __future__ import annotations

from maps.layers import VectorLayer, feature

RIVER_REACH_DEG = 0.02  # the line within this of a river's course follows the river
LAND = {"color": "#7b1f1f", "weight": 2.5, "dashArray": "7 5", "opacity": 0.9}
RIVER = {"color": "#1e88e5", "weight": 4, "opacity": 0.85, "dashArray": None}


def border_layer(gaz, *, show: bool = True) -> VectorLayer:
    from html import escape

    line = gaz.geometry("border:us-mexico")
    rivers = [(place, gaz.geometry(place.id)) for place in gaz.by_kind("river") if place.has_shape]
    features = []
    land = line
    for place, course in rivers:
        land = land.difference(course.buffer(RIVER_REACH_DEG))
        names = " / ".join(dict.fromkeys((place.name, *place.aliases[:1])))
        features.append(feature(course, tip=escape(f"{names}: the boundary follows the river"),
                                style=RIVER))
    features.insert(0, feature(land, tip="International boundary (land)", style=LAND))
    return VectorLayer("Border line", features, style=LAND, class_name="bm-border", show=show)
