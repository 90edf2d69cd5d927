"""Maps as a user sees them, in headless Chromium: they load with no script
error, draw every located event, hide a layer when it is turned off, show
a headline as text in a popup, filter by date, and (offline) draw their
basemap without a single request leaving the machine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from maps.render import corridor_map

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "joint-effort-targets-border-crime.txt"
ATTACK = '<img src=x onerror="window.__pwned=1">'
CDN_HOSTS = {"cdn.jsdelivr.net", "cdnjs.cloudflare.com"}


def point_event(id, kind, lon, lat, **fields):
    base = {"id": id, "type": kind, "direction": None, "date": "2024-03-12", "date_precision": "day",
            "start": 0, "end": 10, "evidence": "Officers near Nogales reported it.", "quantities": [],
            "actors": [], "place_id": f"test:{id}", "place_name": "Nogales", "place_feature": "city",
            "lat": lat, "lon": lon, "location_precision": 1, "location_reason": "written for the test",
            "geometry": {"type": "Point", "coordinates": (lon, lat)},
            "document": {"id": f"doc-{id}", "title": "A test story", "published": "2024-03-13",
                         "source": "Test Desk", "url": "https://news.example/story"},
            "incident_id": None, "other_sources": []}
    base.update(fields)
    return base


def hosts(urls) -> set[str]:
    return {re.sub(r"^https?://([^/]+)/.*$", r"\1", u) for u in urls}


def test_whole_border_map_loads_and_draws_every_event(open_map, gaz, synthetic):
    events = synthetic(400) + [point_event(f"lost-{i}", "violence", None, None, geometry=None)
                               for i in range(3)]
    view = open_map(corridor_map(events, gazetteer=gaz))
    assert view.errors == []
    assert view.js("bordermap.events.total") == 400
    assert view.js("bordermap.events.drawn()") == 400
    assert view.js("bordermap.events.clustered()") == 400
    assert "Unlocated: 3" in view.page.locator(".bm-panel").inner_text()
    # Online: Leaflet from the CDNs (answered locally here), tiles from OpenStreetMap (refused here).
    assert hosts(view.leaving) <= CDN_HOSTS | {"tile.openstreetmap.org"}
    assert CDN_HOSTS & hosts(view.leaving)
    view.shot("whole-border-online")


def test_toggling_a_layer_hides_it(open_map, gaz, synthetic):
    view = open_map(corridor_map(synthetic(50), corridor="Laredo", gazetteer=gaz))
    control = view.page.locator(".leaflet-control-layers")
    for name, selector in (("Border line", "path.bm-border"), ("Corridor band", "path.bm-band"),
                           ("Flows across the line", "path.bm-flow"), ("Events", ".marker-cluster, .bm-ev")):
        before = view.count(selector)
        assert before > 0, name
        control.get_by_text(name, exact=True).click()
        assert view.count(selector) == 0, name
        control.get_by_text(name, exact=True).click()
        assert view.count(selector) == before, name
    heat = "canvas.leaflet-heatmap-layer"
    assert view.count(heat) == 0
    control.get_by_text("Heat map", exact=True).click()
    assert view.count(heat) == 1
    assert view.errors == []
    view.shot("laredo-heat-on")


def test_popup_shows_the_escaped_headline_and_runs_nothing(open_map, gaz):
    story = point_event("xss", "drug_smuggling", -110.94, 31.33, direction="northbound",
                        evidence=f"Agents in Nogales quoted {ATTACK} from a note.",
                        document={"id": "d1", "title": ATTACK, "published": "2024-03-13", "source": "Desk",
                                  "url": "javascript:window.__pwned=2"},
                        other_sources=[{"id": "d2", "title": "<script>window.__pwned=3</script>"}],
                        incident_id="in-1",
                        quantities=[{"kind": "weight", "value": 27.2, "unit": "kg", "text": "60 pounds",
                                     "what": "fentanyl"}])
    view = open_map(corridor_map([story], corridor="Nogales", gazetteer=gaz))
    view.page.locator(".bm-ev").first.click()
    popup = view.page.locator(".bm-popup")
    popup.wait_for()
    text = popup.inner_text()
    assert ATTACK in text and "<script>window.__pwned=3</script>" in text
    assert "Drug smuggling" in text and "northbound" in text and "2024-03-12" in text
    assert "60 pounds" in text and "precision 1" in text
    assert popup.locator("img, script").count() == 0
    assert popup.locator("mark").inner_text() == "Nogales"
    assert popup.locator(".bm-pop a").count() == 0  # a javascript: address is not linked
    assert view.js("window.__pwned") is None and view.dialogs == []
    assert not [u for u in view.leaving if u.rstrip("/").endswith("/x")]
    assert view.errors == []
    view.page.wait_for_timeout(400)  # the popup fades in
    view.shot("popup-escaped")


def test_offline_map_draws_its_basemap_with_no_request_leaving(open_map, gaz):
    events = [point_event("a", "migrant_crossing", -106.45, 31.75, direction="northbound"),
              point_event("b", "agreement", -99.13, 19.43, place_name="Mexico City")]
    view = open_map(corridor_map(events, corridor="El Paso", offline=True, gazetteer=gaz))
    assert view.leaving == []
    assert view.count("path.bm-basemap") > 100  # states, rivers, towns
    assert view.count(".leaflet-tile") == 0
    assert view.js("document.fonts.check('12px \"Font Awesome 6 Free\"')")
    assert view.count(".bm-inset-dot") == 1
    assert view.errors == []
    view.shot("offline-el-paso")


def test_time_control_shows_a_stretch_of_time(open_map, gaz):
    events = [point_event(f"e{i}", "violence", -110.9 - i * 0.01, 31.3, date=f"2024-{month:02d}-10")
              for i, month in enumerate([1, 1, 1, 2, 4, 4])]
    view = open_map(corridor_map(events, corridor="Nogales", gazetteer=gaz))
    ranges = view.page.locator(".bm-range")

    def slide(which: int, value: int):  # as a drag ends: the value, then "change"
        ranges.nth(which).fill(str(value))
        ranges.nth(which).dispatch_event("change")

    slide(1, 0)  # up to the first month
    view.page.wait_for_function("() => bordermap.events.drawn() === 3")
    assert "3 events" in view.page.locator(".bm-time-label").inner_text()
    slide(1, 3)
    slide(0, 3)  # April alone
    view.page.wait_for_function("() => bordermap.events.drawn() === 2")
    view.shot("time-control-april")
    view.page.locator(".leaflet-control-layers").get_by_text("Time control", exact=True).click()
    view.page.wait_for_function("() => bordermap.events.drawn() === 6")
    assert view.count(".bm-time") == 0 and view.errors == []


def test_empty_map_says_no_events(open_map, gaz):
    view = open_map(corridor_map([], corridor="Big Bend", offline=True, gazetteer=gaz))
    assert "No events" in view.page.locator(".bm-panel").inner_text()
    assert view.js("bordermap.events.drawn()") == 0 and view.errors == [] and view.leaving == []


@pytest.mark.skipif(not SEED.exists(), reason="the seed article (../shared/seed) is not beside the repo")
def test_seed_article_map(open_map, gaz):
    from maps import geo_events

    events = geo_events([SEED], gazetteer=gaz)
    m = corridor_map(events, corridor="Arizona-Sonora", offline=True, gazetteer=gaz)
    view = open_map(m)
    assert view.errors == [] and view.leaving == []
    panel = view.page.locator(".bm-panel").inner_text()
    assert "Enforcement operation" in panel
    assert re.search(r"\d+ north", panel) and re.search(r"\d+ south", panel)
    labels = view.page.locator(".bm-flow-label").all_inner_texts()
    assert any("north" in t for t in labels) and any("south" in t for t in labels)
    assert view.count(".bm-inset-dot") >= 1  # Mexico City, off the corridor
    assert view.count("path.bm-band") >= 2
    view.shot("seed-arizona-sonora")


def test_png_snapshot(gaz, tmp_path, browser):
    from click.testing import CliRunner

    from bordermap.cli.main import cli

    article = tmp_path / "story.txt"
    article.write_text("DOUGLAS, Ariz. — Agents seized 300 pounds of marijuana headed north near Douglas "
                       "on Monday, June 3, 2024, and found 12 rifles going south at Agua Prieta.\n",
                       encoding="utf-8")
    out = tmp_path / "douglas.png"
    result = CliRunner().invoke(cli, ["map", str(article), "-o", str(out), "--corridor", "Douglas"])
    assert result.exit_code == 0, (result.output, result.exception)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 900) and len(data) > 50_000
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "png-douglas.png").write_bytes(data)
