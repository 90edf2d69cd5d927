"""The compact panel that is also the legend: the events of the area shown
(the corridor's band, the box, or everywhere) counted by type with each
type's colour and icon, the flows across it, how many lie outside it and how
many have no place; "No events" when there are none. The title of the map
sits at the top."""

from __future__ import annotations

from collections import Counter
from html import escape

from branca.element import MacroElement
from folium.template import Template

from maps.layers import js_json
from maps.styles import DIRECTION_COLORS, style_of

CSS = """
.bm-panel { background: rgba(255,255,255,.95); padding: 8px 10px; border-radius: 6px; max-width: 270px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); font: 12px/1.35 system-ui, sans-serif; color: #222; }
.bm-panel h4 { margin: 0 0 2px; font-size: 13px; }
.bm-panel .bm-sub { color: #666; margin-bottom: 4px; }
.bm-panel table { border-collapse: collapse; width: 100%; }
.bm-panel td { padding: 1px 3px; } .bm-panel td.bm-n { text-align: right; font-weight: 600; }
.bm-panel tr.bm-zero { color: #999; }
.bm-swatch { display: inline-flex; width: 16px; height: 16px; border-radius: 50%; color: #fff;
  align-items: center; justify-content: center; font-size: 9px; }
.bm-panel .bm-foot { border-top: 1px solid #ddd; margin-top: 4px; padding-top: 4px; }
.bm-panel .bm-empty { font-weight: 600; color: #b71c1c; margin: 4px 0; }
.bm-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1000;
  background: rgba(255,255,255,.92); padding: 4px 14px; border-radius: 4px; font: 600 16px system-ui,
  sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); pointer-events: none; max-width: 60%;
  text-align: center; }
.bm-town { background: none; border: none; box-shadow: none; padding: 0 2px; font: 11px system-ui, sans-serif;
  color: #333; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }
.bm-town::before, .bm-flow-label::before { display: none; }
.bm-flow-label { font: 700 11px system-ui, sans-serif; padding: 0 4px; opacity: .9; }
.leaflet-control-layers-expanded { padding: 4px 8px 4px 6px; font: 12px/1.5 system-ui, sans-serif; }
"""


class Panel(MacroElement):
    _template = Template("""
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro html(this, kwargs) %}<div class="bm-title">{{ this.title_html }}</div>{% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
          var panel = L.control({position: "bottomright"});
          panel.onAdd = function () {
            var div = L.DomUtil.create("div", "bm-panel");
            div.innerHTML = {{ this.body_json }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
          };
          panel.addTo(map);
          var title = document.querySelector(".bm-title");
          if (title) map.getContainer().appendChild(title);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, selection, *, title: str, area_label: str, flows=None):
        super().__init__()
        self._name = "Panel"
        self.css = CSS
        self.title_html = escape(title)
        self.body_json = js_json(panel_html(selection, area_label=area_label, flows=flows))


def panel_html(selection, *, area_label: str, flows=None) -> str:
    """The panel's HTML; every name in it escaped."""
    import numpy as np

    types = selection.frame["type"].to_numpy(dtype=object, na_value=None)
    inside = Counter(types[selection.inside])
    every = Counter(types)
    parts = [f"<h4>{escape(area_label)}</h4>"]
    if not len(selection):
        parts.append('<div class="bm-empty">No events</div><div class="bm-sub">The input holds no events '
                     "to map (for the dates and types asked for).</div>")
        return "".join(parts)
    scope = "in this area" if selection.area is not None else "located"
    shown = int(selection.inside.sum())
    parts.append(f'<div class="bm-sub">{shown} of {len(selection)} events {scope}</div>')
    rows = []
    for kind, _ in sorted(every.items(), key=lambda kv: (-inside[kv[0]], -kv[1], str(kv[0]))):
        style, count = style_of(kind), inside[kind]
        rows.append(f'<tr class="{"" if count else "bm-zero"}" data-type="{escape(str(kind))}">'
                    f'<td><span class="bm-swatch" style="background:{style.color}">'
                    f'<i class="fa-solid fa-{style.icon}"></i></span></td><td>{escape(style.label)}</td>'
                    f'<td class="bm-n">{count}</td></tr>')
    parts.append(f"<table>{''.join(rows)}</table>")
    foot = []
    if flows is not None:
        north, south = sum(flows.north.values()), sum(flows.south.values())
        foot.append(f'Flows: <b style="color:{DIRECTION_COLORS["northbound"]}">&#9650; {north} north</b> · '
                    f'<b style="color:{DIRECTION_COLORS["southbound"]}">&#9660; {south} south</b>')
    outside = int(selection.outside.sum())
    if selection.area is not None:
        foot.append(f'<span class="bm-outside">Outside: {outside}</span>'
                    + (" (dashed rings; see the inset)" if outside else ""))
    unlocated = int(np.count_nonzero(selection.unlocated))
    foot.append(f'<span class="bm-unlocated">Unlocated: {unlocated}</span>'
                + (" (no place; not drawn)" if unlocated else ""))
    parts.append(f'<div class="bm-foot">{"<br>".join(foot)}</div>')
    return "".join(parts)
