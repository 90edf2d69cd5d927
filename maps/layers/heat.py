"""A heat map of the events' density (Leaflet.heat), from the events
layer's own table, following its time filter."""

from __future__ import annotations

from maps import assets
from maps.layers import ScriptLayer

OPTIONS = {"radius": 22, "blur": 18, "minOpacity": 0.35, "maxZoom": 9}


class HeatLayer(ScriptLayer):
    script = "heat"
    default_js = [assets.HEAT_JS]

    def __init__(self, events, *, name: str = "Heat map", show: bool = False):
        super().__init__(name, show=show, depends=[events])

    def data(self):
        return OPTIONS
