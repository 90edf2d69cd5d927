"""``bordermap map`` and ``bordermap corridors`` through click's runner:
articles or an exported events file in, an HTML map out, and every bad
input a one-line error with its exit code."""

from __future__ import annotations

import json

import pytest
from testing import invoke_cli

ARTICLE = ("NOGALES, Ariz. — Border Patrol agents seized 60 pounds of methamphetamine from a northbound "
           "sedan at the Mariposa crossing on Tuesday, March 5, 2024, officials said.\n\n"
           "Two days later, officers found 9 rifles bound south in a van near Nogales, Sonora.\n")


@pytest.fixture
def run(gaz, fresh_default):
    return invoke_cli


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "nogales.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def ok(result):
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def test_article_to_html(run, article, tmp_path):
    out = tmp_path / "map.html"
    result = ok(run("map", article, "-o", out, "--corridor", "Nogales", "--title", "Mariposa <b>week</b>"))
    html = out.read_text(encoding="utf-8")
    assert "Mariposa &lt;b&gt;week&lt;/b&gt;" in html and "<b>week</b>" not in html
    assert "wrote a map of" in result.stderr and str(out) in result.stderr
    assert "Nogales · within 100 km of the line" in html


def test_exported_events_file_is_read_as_events(run, article, tmp_path):
    events = tmp_path / "events.geojson"
    ok(run("export", article, "-o", events))
    count = len(json.loads(events.read_text(encoding="utf-8"))["features"])
    out = tmp_path / "map.html"
    result = ok(run("map", events, "-o", out, "--type", "drug_smuggling,weapons_trafficking",
                    "--since", "2024-03", "--until", "2024-03-31"))
    assert f"wrote a map of {count} events" in result.stderr
    csv = tmp_path / "events.csv"
    ok(run("export", article, "-o", csv))
    ok(run("map", csv, "-o", tmp_path / "from-csv.html"))


def test_unknown_corridor_exits_2_and_lists_the_valid_ones(run, article, tmp_path):
    out = tmp_path / "map.html"
    result = run("map", article, "-o", out, "--corridor", "Atlantis")
    assert result.exit_code == 2
    assert result.stderr.startswith("bordermap: unknown corridor 'Atlantis'; valid corridors: ")
    assert "Nogales" in result.stderr and "Tucson Sector" in result.stderr
    assert "Arizona–Sonora border" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize(("args", "message"), [
    (("--bbox", "1,2,3"), "bad bounding box"),
    (("--type", "smuggling"), "unknown event type 'smuggling'"),
    (("--since", "last week"), "bad date"),
])
def test_bad_options_exit_2(run, article, tmp_path, args, message):
    result = run("map", article, "-o", tmp_path / "map.html", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_bad_output_exits_2_before_reading(run, tmp_path):
    result = run("map", tmp_path / "missing.txt", "-o", tmp_path / "map.svg")
    assert result.exit_code == 2 and "expected .html or .png" in result.stderr
    result = run("map", tmp_path / "missing.txt", "-o", tmp_path / "no" / "map.html")
    assert result.exit_code == 2 and "no folder" in result.stderr


def test_empty_input_gives_a_map_with_a_note(run, tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "map.html"
    result = ok(run("map", empty, "-o", out, "--corridor", "Laredo"))
    assert "wrote a map of 0 events" in result.stderr
    assert "No events" in out.read_text(encoding="utf-8")


def test_corridors_lists_every_kind(run):
    text = ok(run("corridors")).output
    for name in ("Tucson Sector", "Arizona–Sonora border", "Nogales", "Brownsville–Matamoros"):
        assert name in text
    data = json.loads(ok(run("corridors", "--format", "json")).output)
    assert {"key", "name", "kind", "place_id"} == set(data[0])
    assert {d["kind"] for d in data} == {"sector", "border_segment", "twin_cities"}
    assert any(d["key"] == "arizona-sonora" for d in data)


@pytest.fixture
def store(run, article, tmp_path):
    """An event store holding the article's events."""
    db = tmp_path / "events.gpkg"
    ok(run("ingest", article, "--db", db, "-q"))
    return db


def test_map_of_an_event_store(run, store, tmp_path, gaz):
    from maps.store import read_store_events

    everything = read_store_events(store)
    assert set(everything["type"]) >= {"drug_smuggling", "weapons_trafficking"}
    out = tmp_path / "map.html"
    result = ok(run("map", "--db", store, "-o", out, "--corridor", "Nogales"))
    in_band = read_store_events(store, corridor="Nogales", gazetteer=gaz)
    assert len(in_band) > 0 and f"wrote a map of {len(in_band)} events" in result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Nogales · within 100 km of the line" in html and "methamphetamine" in html
    guns = ok(run("map", "--db", store, "-o", tmp_path / "guns.html", "--type", "weapons_trafficking"))
    assert f"wrote a map of {(everything['type'] == 'weapons_trafficking').sum()} events" in guns.stderr
    march = read_store_events(store, since="2024-03-06", until="2024-03-31")  # the rifles, two days later
    assert 0 < len(march) < len(everything)
    dated = ok(run("map", "--db", store, "-o", tmp_path / "march.html", "--since", "2024-03-06", "--until",
                   "2024-03-31"))
    assert f"wrote a map of {len(march)} events" in dated.stderr


def test_map_takes_input_or_a_store_not_both(run, store, article, tmp_path, monkeypatch):
    out = tmp_path / "map.html"
    both = run("map", article, "--db", store, "-o", out)
    assert both.exit_code == 2 and "give INPUT files or --db, not both" in both.stderr
    neither = run("map", "-o", out)
    assert neither.exit_code == 2 and "give INPUT files, or --db" in neither.stderr
    assert not out.exists()
    monkeypatch.setenv("BORDERMAP_DB", str(store))
    ok(run("map", "-o", out))  # the store named by the environment
    ok(run("map", article, "-o", tmp_path / "article.html"))  # INPUT given: the environment's store stays out


def test_map_of_a_missing_store_exits_2(run, tmp_path):
    out = tmp_path / "map.html"
    result = run("map", "--db", tmp_path / "none.gpkg", "-o", out)
    assert result.exit_code == 2 and "cannot use the store" in result.stderr
    assert "no such file" in result.stderr
    assert not out.exists()
