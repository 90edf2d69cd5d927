"""Ports of entry: small white dots, named on hover."""

from __future__ import annotations

from maps.layers import VectorLayer, feature

STYLE = {"color": "#263238", "weight": 1.2, "fillColor": "#ffffff", "fillOpacity": 1.0}


def ports_layer(gaz, *, show: bool = True) -> VectorLayer:
    from html import escape

    import shapely

    features = [feature(shapely.Point(p.lon, p.lat), tip=escape(p.name))
                for p in gaz.by_kind("port_of_entry")]
    return VectorLayer("Ports of entry", features, style=STYLE, class_name="bm-port", radius=3, show=show)
