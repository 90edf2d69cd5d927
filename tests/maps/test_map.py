"""maps.render.corridor_map: the layers, the panel, offline pages and the
seed article's map, checked in Python (tests/browser/ checks them drawn)."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import pytest
from map_samples import located

from maps import assets
from maps.errors import MapInputError, OutputFileError, UnknownCorridorError
from maps.layers.events import EventsLayer
from maps.layers.inset import InsetLayer
from maps.page import map_html, save_map
from maps.render import corridor_map

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "joint-effort-targets-border-crime.txt"
ATTACK = '<img src=x onerror="window.__pwned=1">'
needs_copy = pytest.mark.skipif(not (assets.npm_root() / "leaflet").is_dir(),
                                reason="the local copy of Leaflet is not installed (make assets)")
LAYERS = ["Corridor band", "Border Patrol sectors", "Border line", "Ports of entry", "Flows across the line",
          "Events", "Heat map", "Time control", "Inset: events outside"]


def child(m, kind):
    return next(c for c in m._children.values() if isinstance(c, kind))


def layer_names(m) -> list[str]:
    return [c.layer_name for c in m._children.values() if isinstance(c, folium.map.Layer) and c.overlay]


def panel_html(m) -> str:
    import json

    from maps.layers.panel import Panel

    return json.loads(child(m, Panel).body_json)


def test_a_corridor_map_has_every_layer(gaz, map_events):
    m = corridor_map(map_events, corridor="Nogales", gazetteer=gaz)
    assert isinstance(m, folium.Map)
    assert layer_names(m) == LAYERS
    html = map_html(m)
    assert "L.control.layers" in html and "tile.openstreetmap.org" in html
    assert "<title>Border events: Nogales</title>" in html


def test_panel_counts_the_corridor(gaz, map_events):
    panel = panel_html(corridor_map(map_events, corridor="Nogales", gazetteer=gaz))
    assert "<h4>Nogales · within 100 km of the line</h4>" in panel
    assert "6 of 8 events in this area" in panel
    assert re.search(r'data-type="drug_smuggling">.*?<td class="bm-n">1</td>', panel)
    assert re.search(r'class="bm-zero" data-type="agreement">.*?<td class="bm-n">0</td>', panel)
    assert "2 north" in panel and "1 south" in panel
    assert "Outside: 1" in panel and "Unlocated: 1" in panel


def test_events_table_holds_located_events_only(gaz, map_events):
    m = corridor_map(map_events, corridor="Nogales", gazetteer=gaz)
    table = child(m, EventsLayer).table
    assert table["n"] == 7 and len(table["lat"]) == 7 and sum(table["off"]) == 1
    assert all(lat != 0 for lat in table["lat"])
    inset = child(m, InsetLayer).payload_data["places"]
    assert len(inset) == 1 and "Mexico City" in inset[0][4]


def test_article_text_is_escaped_in_the_page(gaz):
    events = [located("x", "drug_smuggling", -110.94, 31.32, title=ATTACK,
                      evidence=f"Agents in Nogales read {ATTACK} aloud.")]
    m = corridor_map(events, corridor="Nogales", title=ATTACK, gazetteer=gaz)
    html = map_html(m)
    assert "<img src=x" not in html
    table = child(m, EventsLayer).table
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in table["docs"][0]
    assert "<mark>Nogales</mark>" in table["evidence"][0] and "&lt;img" in table["evidence"][0]


def test_empty_input_gives_a_map_that_says_so(gaz):
    m = corridor_map([], corridor="Tucson", gazetteer=gaz)
    assert "No events" in panel_html(m)
    assert child(m, EventsLayer).table["n"] == 0
    assert "No events" in map_html(m)


def test_filters_and_options(gaz, map_events):
    m = corridor_map(map_events, bbox=(-111.5, 31.0, -110.5, 31.6), types=["violence", "agreement"],
                     since="2024-03", gazetteer=gaz)
    assert "Corridor band" not in layer_names(m)
    assert "1 of 2 events in this area" in panel_html(m)
    zone = corridor_map(map_events, corridor="Tucson", zone_100_miles=True, gazetteer=gaz)
    assert "100-mile zone" in map_html(zone)
    with pytest.raises(UnknownCorridorError):
        corridor_map(map_events, corridor="Atlantis", gazetteer=gaz)
    with pytest.raises(MapInputError):
        corridor_map(map_events, types=["smuggling"], gazetteer=gaz)
    with pytest.raises(MapInputError):
        corridor_map(map_events, bbox="1,2,3", gazetteer=gaz)


def test_whole_border_map_draws_flows_per_sector(gaz, map_events):
    m = corridor_map(map_events, gazetteer=gaz)
    assert "Inset: events outside" not in layer_names(m)
    html = map_html(m)
    assert "Northbound through Tucson Sector: 2 events" in html


@needs_copy
def test_offline_page_links_nothing(gaz, map_events, tmp_path):
    m = corridor_map(map_events, corridor="Nogales", offline=True, gazetteer=gaz)
    path = save_map(m, tmp_path / "map.html")
    html = path.read_text(encoding="utf-8")
    assert assets.external_references(html) == []
    assert not re.search(r"""(?:src|href)=["']?https?://""", html.replace('href="https://leafletjs.com"', ""))
    assert "tile.openstreetmap.org" not in html and "bm-basemap" in html
    assert assets.external_references(m.get_root().render()) == []  # so is Map.save's page


def test_png_needs_an_offline_map(gaz, map_events, tmp_path):
    with pytest.raises(OutputFileError, match="offline"):
        save_map(corridor_map(map_events, gazetteer=gaz), tmp_path / "map.png")
    with pytest.raises(OutputFileError, match="expected .html or .png"):
        save_map(corridor_map(map_events, gazetteer=gaz), tmp_path / "map.svg")


@pytest.mark.skipif(not SEED.exists(), reason="the seed article (../shared/seed) is not beside the repo")
def test_seed_article_map(gaz):
    from maps import geo_events

    m = corridor_map(geo_events([SEED], gazetteer=gaz), corridor="Arizona-Sonora", gazetteer=gaz)
    table = child(m, EventsLayer).table
    types = [table["types"][t]["key"] for t in table["t"]]
    inside = [k for k, off in zip(types, table["off"]) if not off]
    assert "enforcement_operation" in inside  # the joint operation, in the band
    panel = panel_html(m)
    north, south = (int(re.search(rf"(\d+) {word}</b>", panel).group(1)) for word in ("north", "south"))
    assert north >= 2 and south >= 2  # drugs and migrants north, guns and cash south
    places = child(m, InsetLayer).payload_data["places"]
    assert any("Mexico City" in p[4] and "agreement" in p[4] for p in places)  # off the corridor, kept
    assert "Arizona–Sonora border · within 100 km" in panel
