"""``corridor_map``: events on an interactive map of a border corridor.

    from maps import geo_events, corridor_map

    m = corridor_map(geo_events(["article.txt"]), corridor="Nogales")
    m.save("nogales.html")

The map is a ``folium.Map`` whose layers (each its own module in
``maps.layers``) are listed in a layer control: the basemap, the corridor
band, sector boundaries, the border line, ports of entry, flow arrows, a
heat map, the events (clustered in the browser), a time control and an
inset of the events outside the corridor; a panel counts the corridor's
events by type and is the legend.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from maps.corridors import BAND_KM

BORDER_ID = "border:us-mexico"
DEFAULT_TITLE = "US–Mexico border events"
ONLINE_TILES = ("OpenStreetMap", "OpenStreetMap (web tiles)")
# Street level is as close as a news event's place deserves; every zoom level
# between these is one more level of clusters for the browser to build.
MIN_ZOOM, MAX_ZOOM = 4, 16
PANEL_PX = 200  # the panel's width, less what it may cover of the area's rounded end


class InitialView(MacroElement):
    """Fits the map to its area before any layer is drawn, without the
    animation folium's ``fit_bounds`` starts (clustering must not begin
    half-way through a zoom)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.fitBounds({{ this.bounds|tojson }}, {animate: false,
            paddingTopLeft: [20, 50], paddingBottomRight: [{{ this.right }}, 20]});
        {% endmacro %}
    """)

    def __init__(self, west: float, south: float, east: float, north: float, *, right: int = 20):
        super().__init__()
        self.bounds = [[south, west], [north, east]]
        self.right = right  # pixels kept clear on the right, where the panel stands


class ReadyFlag(MacroElement):
    """Sets ``bordermap.ready`` once the page has drawn every layer (the events
    are added in chunks): for tests, PNG snapshots and the benchmark."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var bm = window.bordermap = window.bordermap || {layers: {}, pending: 0};
          bm.map = {{ this._parent.get_name() }};
          bm.check = function () {
            if (bm.mapReady && bm.pending === 0 && !bm.ready) {
              bm.ready = true;
              document.documentElement.setAttribute("data-bordermap-ready", "1");
            }
          };
          bm.mapReady = true;
          bm.check();
        })();
        {% endmacro %}
    """)


def corridor_map(events, *, corridor=None, bbox=None, since=None, until=None, types=None, title=None,
                 offline: bool = False, zone_100_miles: bool = False, band_km=BAND_KM, gazetteer=None):
    """A ``folium.Map`` of ``events`` (an events GeoDataFrame from
    ``maps.geo_events``/``maps.read_events``, or Event objects or their dicts).

    ``corridor``: a sector, border segment or twin-city crossing name (see
    ``maps.corridors``); the map shows its stretch, bands ``band_km`` wide on
    each side (and the 100-mile zone with ``zone_100_miles``), and the events
    outside the outer band in an inset. ``bbox``: (west, south, east, north)
    to show instead of, or inside, the corridor. ``since``/``until``: dates
    (YYYY, YYYY-MM or YYYY-MM-DD) an event's date must overlap. ``types``:
    the event types to keep. ``offline``: no web tiles but a basemap drawn
    from the gazetteer, and Leaflet and its plugins put into the page (see
    ``maps.render.save_map``), so the file works with no network at all.
    """
    import folium
    import shapely

    from maps import assets
    from maps.corridors import buffer_km, corridor_shape, find_corridor
    from maps.layers import basemap, border, flows, panel, ports, sectors
    from maps.layers import corridor as band_layer
    from maps.layers.events import EventsLayer
    from maps.layers.heat import HeatLayer
    from maps.layers.inset import InsetLayer
    from maps.layers.timeline import TimelineLayer
    from maps.page import attach_figure
    from maps.selection import check_bbox, check_types, select_events

    gaz = _gazetteer(gazetteer)
    chosen = find_corridor(corridor, gaz) if corridor is not None else None
    box = check_bbox(bbox)
    shape = corridor_shape(chosen, gaz, band_km=band_km, zone_100_miles=zone_100_miles) if chosen else None
    area = shape.outer if shape else (shapely.box(*box) if box else None)
    selection = select_events(events, area=area, since=since, until=until, types=check_types(types))
    heading = title or (f"Border events: {chosen.name}" if chosen else DEFAULT_TITLE)

    m = folium.Map(location=[30.5, -106.0], zoom_start=5, tiles=None, control_scale=True,
                   **{"maxZoom": MAX_ZOOM, "minZoom": MIN_ZOOM})
    m.default_js, m.default_css = [assets.LEAFLET_JS], [assets.LEAFLET_CSS]
    attach_figure(m, title=heading, offline=offline)
    west, south, east, north = box or (area.bounds if area is not None else gaz.geometry(BORDER_ID).bounds)
    InitialView(west, south, east, north, right=PANEL_PX).add_to(m)
    if not offline:
        folium.TileLayer(ONLINE_TILES[0], name=ONLINE_TILES[1]).add_to(m)
    basemap.basemap_layer(gaz, show=offline).add_to(m)
    if shape is not None:
        band_layer.corridor_layer(shape).add_to(m)
    sector = chosen.place_id if chosen and chosen.kind == "sector" else None
    sectors.sectors_layer(gaz, chosen=sector).add_to(m)
    border.border_layer(gaz).add_to(m)
    ports.ports_layer(gaz).add_to(m)
    near_line = buffer_km(gaz.geometry(BORDER_ID), max(band_km))
    units = flows.assign_flows(selection, _flow_units(shape, gaz), near_line)
    flows.flows_layer(units, gaz).add_to(m)
    events_layer = EventsLayer(selection)
    events_layer.add_to(m)
    HeatLayer(events_layer).add_to(m)
    TimelineLayer(events_layer).add_to(m)
    if area is not None:
        InsetLayer(selection, area, gaz).add_to(m)
    summary = units[0] if shape is not None else _merged(units)
    label = _area_label(chosen, box, band_km)
    panel.Panel(selection, title=heading, area_label=label, flows=summary).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    ReadyFlag().add_to(m)
    return m


def _flow_units(shape, gaz):
    from maps.corridors import corridor_shape, corridors
    from maps.layers.flows import FlowUnit

    if shape is not None:
        return [FlowUnit(shape.corridor.name, shape.stretch, shape.outer, max(shape.bands))]
    sectors = [corridor_shape(c, gaz, band_km=(max(BAND_KM),)) for c in corridors(gaz) if c.kind == "sector"]
    return [FlowUnit(s.corridor.name, s.stretch, s.outer, max(s.bands)) for s in sectors]


def _merged(units):
    from maps.layers.flows import FlowUnit

    whole = FlowUnit("the border", None, None)
    for unit in units:
        whole.north.update(unit.north)
        whole.south.update(unit.south)
        whole.by_article += unit.by_article
    return whole


def _area_label(chosen, box, band_km) -> str:
    if chosen is not None:
        return f"{chosen.name} · within {max(band_km):g} km of the line"
    if box is not None:
        return "Events in the box " + ", ".join(f"{v:g}" for v in box)
    return "All events"


def _gazetteer(gaz):
    if gaz is not None:
        return gaz
    from gazetteer import Gazetteer

    return Gazetteer.default()
