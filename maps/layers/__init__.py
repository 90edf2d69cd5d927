"""Map layers, one a module, each a small folium element that declares the
assets it uses (``default_js``/``default_css`` from ``maps.assets``) and, for
the ones drawn by the browser, carries its JavaScript in ``js/``.

Data reach the page as JSON inside a script (``js_json``): every text that
came from an article is already escaped HTML by then (``maps.layers.popup``),
and the JSON itself cannot close the script it sits in.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

JS_FOLDER = Path(__file__).with_name("js")
REGISTRY = "(window.bordermap = window.bordermap || {layers: {}, pending: 0})"


def js_json(value) -> str:
    """``value`` as JSON that is safe inside an HTML <script>: no "<" (so no
    "</script>" or "<!--"), no NaN."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@cache
def js_source(name: str) -> str:
    """The JavaScript of ``js/<name>.js``: one function expression."""
    return (JS_FOLDER / f"{name}.js").read_text(encoding="utf-8").strip().rstrip(";")


class ScriptLayer(JSCSSMixin, Layer):
    """A layer made in the browser by the function in ``js/<script>.js``,
    called with this layer's data (``payload()``), the map, and the layers
    it depends on; registered as ``bordermap.layers[name]`` for scripts and
    tests."""

    script = ""
    css = ""  # js/<css>.css, put once into the page's head
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = ({{ this.source() }})({{ this.payload() }}, {{ this._parent.get_name() }}
            {%- for other in this.depends %}, {{ other.get_name() }}{% endfor %});
        """ + REGISTRY + """.layers[{{ this.layer_name|tojson }}] = {{ this.get_name() }};
        {% endmacro %}
    """)

    def __init__(self, name: str, *, overlay: bool = True, show: bool = True, control: bool = True,
                 depends=()):
        super().__init__(name=name, overlay=overlay, show=show, control=control)
        self.depends = list(depends)

    def source(self) -> str:
        return js_source(self.script)

    def render(self, **kwargs):
        if self.css:
            from branca.element import Element

            style = (JS_FOLDER / f"{self.css}.css").read_text(encoding="utf-8")
            self.get_root().header.add_child(Element(f"<style>{style}</style>"), name=f"bm_{self.css}_css")
        super().render(**kwargs)

    def payload(self) -> str:
        return js_json(self.data())

    def data(self):
        return {}


class VectorLayer(ScriptLayer):
    """GeoJSON drawn with one base style (each feature's ``properties.style``
    on top), points as circle markers, ``properties.tip`` (escaped HTML) as
    its tooltip and ``class_name`` on every path, so the layer can be found
    in the page."""

    script = "vector"

    def __init__(self, name: str, features: list[dict], *, style: dict, class_name: str,
                 pane: str | None = None, z_index: int = 400, radius: float = 4, interactive: bool = True,
                 **layer):
        super().__init__(name, **layer)
        self.features, self.style, self.class_name = features, style, class_name
        self.pane, self.z_index, self.radius, self.interactive = pane, z_index, radius, interactive

    def data(self):
        return {"geojson": {"type": "FeatureCollection", "features": self.features}, "style": self.style,
                "className": self.class_name, "pane": self.pane, "zIndex": self.z_index,
                "radius": self.radius, "interactive": self.interactive}


def feature(geom, **properties) -> dict:
    """A GeoJSON feature of a shapely geometry, coordinates to 5 decimals (about 1 m)."""
    import shapely

    rounded = shapely.set_precision(geom, 1e-5) if geom is not None else None
    empty = rounded is None or rounded.is_empty
    geometry = None if empty else json.loads(shapely.to_geojson(rounded))
    return {"type": "Feature", "geometry": geometry, "properties": properties}
