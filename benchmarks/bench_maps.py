"""Size and render time of corridor maps of 1,000, 10,000 and 100,000 events.

    python benchmarks/bench_maps.py [--sizes 1000 10000 100000] [--json]

The events are synthetic but shaped like real ones: points scattered along
the whole line (within 120 km of it), every type, two years of dates, a
distinct evidence sentence for each event (about 150 characters), one
article for every three events, amounts and other sources on some. For each
size the map is built (Python time), written online (Leaflet linked from
CDNs) and offline (everything inlined), and the offline page is opened in
headless Chromium (``maps.browser``, no network): render time is from the
start of navigation until every event is in the cluster layer
(``bordermap.ready``). Targets: at 100,000 events, at most 20 MB and 5 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"max_mb_at_100k": 20.0, "max_render_s_at_100k": 5.0}
TYPES = ("drug_smuggling", "human_smuggling", "migrant_crossing", "weapons_trafficking", "cash_smuggling",
         "violence", "corruption", "enforcement_operation", "training", "agreement", "humanitarian")
WORDS = ("agents", "officers", "stopped", "a pickup", "near", "the crossing", "after", "a tip", "hidden",
         "under", "the bed", "of the truck", "according to", "officials", "on Tuesday", "who said", "that",
         "the load", "was", "headed", "north", "south", "along", "the river", "with", "two", "suspects")


def synthetic_events(n: int, seed: int = 7) -> list[dict]:
    """``n`` event dicts (as ``Event.to_dict()`` gives them) along the line."""
    import shapely

    from gazetteer import Gazetteer

    rng = random.Random(seed)
    gaz = Gazetteer.default()
    border = gaz.geometry("border:us-mexico")
    towns = [p for p in gaz.by_kind("city") + gaz.by_kind("town") if (p.border_km or 1e9) < 120]
    events = []
    for i in range(n):
        point = border.interpolate(rng.random(), normalized=True)
        lon, lat = point.x + rng.gauss(0, 0.4), point.y + rng.gauss(0, 0.4)
        town = towns[rng.randrange(len(towns))]
        kind = TYPES[rng.randrange(len(TYPES))]
        words = " ".join(rng.choice(WORDS) for _ in range(22))
        evidence = f"In {town.name}, {words} (report {i})."
        doc = i // 3
        quantities = ([{"kind": "weight", "value": rng.randint(1, 900), "unit": "kg",
                        "text": f"{rng.randint(1, 2000)} pounds of marijuana", "what": None}]
                      if rng.random() < 0.3 else [])
        others = ([{"id": f"o{i}", "title": f"Follow-up report {i}", "url": f"https://news.example/f/{i}"}]
                  if rng.random() < 0.1 else [])
        events.append({
            "id": f"ev-{i}", "type": kind,
            "direction": rng.choice(("northbound", "southbound")) if kind in TYPES[:5] else None,
            "date": f"20{rng.randint(22, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "date_precision": "day", "start": 0, "end": len(evidence), "evidence": evidence,
            "quantities": quantities, "actors": [], "place_id": town.id, "place_name": town.name,
            "place_feature": town.kind, "lat": lat, "lon": lon, "location_precision": 1,
            "location_reason": f"'{town.name}' named in the sentence", "uncertainty_km": None,
            "side": town.side, "border_km": town.border_km, "sector": town.sector, "nearest_port": None,
            "corridor": None, "geometry": shapely.geometry.mapping(shapely.Point(lon, lat)),
            "document": {"id": f"doc-{doc}", "title": f"Border report number {doc}",
                         "published": "2023-05-01", "source": "Wire", "url": f"https://news.example/a/{doc}"},
            "incident_id": None, "other_sources": others,
        })
    return events


def render_seconds(path: Path, timeout_s: float = 120.0) -> float:
    """Seconds from navigation to ``bordermap.ready`` in headless Chromium."""
    from maps.browser import launch, serve_offline

    url = path.resolve().as_uri()  # opened as a user opens a saved file
    with launch() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        leaving = serve_offline(page)
        start = time.perf_counter()
        page.goto(url, wait_until="load", timeout=timeout_s * 1000)
        page.wait_for_function("() => window.bordermap && window.bordermap.ready === true",
                               timeout=timeout_s * 1000, polling=50)
        seconds = time.perf_counter() - start
        drawn = page.evaluate("() => window.bordermap.events.clustered()")
    if leaving:
        raise SystemExit(f"the offline map made network requests: {leaving[:3]}")
    return seconds, drawn


def measure(n: int, folder: Path) -> dict:
    from maps import corridor_map, save_map
    from maps.frame import events_frame

    frame = events_frame(synthetic_events(n))
    row = {"events": n}
    for offline in (False, True):
        start = time.perf_counter()
        m = corridor_map(frame, offline=offline)
        path = folder / f"map-{n}-{'offline' if offline else 'online'}.html"
        save_map(m, path)
        key = "offline" if offline else "online"
        row[f"{key}_build_s"] = round(time.perf_counter() - start, 2)
        row[f"{key}_mb"] = round(path.stat().st_size / 1e6, 2)
    seconds, drawn = render_seconds(folder / f"map-{n}-offline.html")
    row["render_s"], row["drawn"] = round(seconds, 2), drawn
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="bordermap-bench-") as tmp:
        rows = [measure(n, Path(tmp)) for n in args.sizes]
    if args.json:
        print(json.dumps({"targets": TARGETS, "results": rows}, indent=2))
        return
    print(f"{'events':>8} {'online MB':>10} {'offline MB':>11} {'build s':>8} {'render s':>9} {'drawn':>8}")
    for r in rows:
        print(f"{r['events']:>8,} {r['online_mb']:>10} {r['offline_mb']:>11} {r['offline_build_s']:>8} "
              f"{r['render_s']:>9} {r['drawn']:>8,}")
    mb, seconds = TARGETS["max_mb_at_100k"], TARGETS["max_render_s_at_100k"]
    print(f"targets at 100,000 events: ≤ {mb:g} MB, ≤ {seconds:g} s")


if __name__ == "__main__":
    main()
