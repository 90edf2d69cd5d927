"""``bordermap export``: every format from the same articles, bad records
reported and skipped, and the output checked before any input is read. The
extractor is still being tuned, so these tests check structure, not counts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas
import pytest
import shapely
from testing import invoke_cli

import maps.io.geojson

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "nogales-seizure.txt")
SUFFIXES = (".geojson", ".gpkg", ".parquet", ".csv")
ARTICLES = [
    {"id": "wire-1", "title": "Rifles Found", "published": "2023-06-02",
     "text": "DOUGLAS, Ariz. — Agents seized 14 rifles and 900 rounds from a car at the Douglas crossing "
             "on Thursday, officials said."},
    {"id": "wire-2", "title": "Rescate", "published": "2023-06-03",
     "text": "Agentes rescataron a 6 migrantes cerca de Sásabe, Sonora, el viernes."},
]


@pytest.fixture
def run(gaz):
    return invoke_cli


def ok(result):
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def read_back(path: Path):
    """The frame of an exported file, read by a reader that is not ours."""
    if path.suffix == ".parquet":
        return geopandas.read_parquet(path)
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        geoms = shapely.from_wkt([r.pop("geometry_wkt") or None for r in rows])
        return geopandas.GeoDataFrame(rows, geometry=list(geoms), crs=4326)
    return geopandas.read_file(path)


def jsonl(tmp_path, *lines) -> Path:
    path = tmp_path / "articles.jsonl"
    text = "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines)
    path.write_text(text, encoding="utf-8")
    return path


def test_example_article_in_every_format(run, tmp_path):
    frames = {}
    for suffix in SUFFIXES:
        out = tmp_path / f"events{suffix}"
        result = ok(run("export", EXAMPLE, "-o", out))
        assert result.stdout == ""
        assert result.stderr.startswith("wrote ") and result.stderr.rstrip().endswith(str(out))
        frames[suffix] = read_back(out)
    counts = {suffix: len(frame) for suffix, frame in frames.items()}
    assert min(counts.values()) >= 1 and len(set(counts.values())) == 1, counts
    ids = {suffix: sorted(frame["id"]) for suffix, frame in frames.items()}
    assert all(i == ids[".geojson"] for i in ids.values())
    for suffix, frame in frames.items():
        located = frame.geometry.dropna()
        assert shapely.is_valid(located.to_numpy()).all(), suffix
        assert frame.crs.to_epsg() == 4326
        # the dateline's Nogales: some event near it, longitude first
        assert ((located.x.between(-111.1, -110.8)) & (located.y.between(31.2, 31.5))).any(), suffix
    data = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert len({f["id"] for f in data["features"]}) == len(data["features"])
    for feature in data["features"]:
        props = feature["properties"]
        assert (feature["geometry"] is None) == (props["lat"] is None)
        assert props["doc_id"] == "nogales-seizure"


def test_articles_in_jsonl_with_a_bad_record(run, tmp_path):
    path = jsonl(tmp_path, ARTICLES[0], "{not json", {"id": "no-text"}, ARTICLES[1])
    out = tmp_path / "events.geojson"
    result = run("export", path, "-o", out)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("bordermap:")]
    assert errors == [f"bordermap: {path}:2: not JSON: Expecting property name enclosed in double quotes",
                      f"bordermap: {path}:3: missing 'text' field"]
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert len(features) >= 1
    assert {f["properties"]["doc_id"] for f in features} <= {"wire-1", "wire-2"}
    assert all(shapely.geometry.shape(f["geometry"]).is_valid for f in features if f["geometry"])


def test_standard_input_and_language(run, tmp_path):
    out = tmp_path / "events.csv"
    ok(run("export", "-", "--lang", "es", "-o", out, input=json.dumps(ARTICLES[1]) + "\n"))
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert all(r["doc_id"] == "wire-2" for r in rows)


@pytest.mark.parametrize(("target", "message"), [
    ("missing/events.geojson", "no folder"),
    ("events.shp", "unknown file type '.shp'"),
    ("folder.gpkg", "it is a folder"),
])
def test_bad_output_exits_2_before_reading(run, tmp_path, target, message):
    (tmp_path / "folder.gpkg").mkdir()
    before = sorted(tmp_path.rglob("*"))
    result = run("export", tmp_path / "no-such-input.txt", "-o", tmp_path / target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"bordermap: cannot write {tmp_path / target}: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert "no-such-input" not in result.stderr  # the input was never read
    assert sorted(tmp_path.rglob("*")) == before


def test_unknown_format_option(run, tmp_path):
    result = run("export", EXAMPLE, "-o", tmp_path / "e.geojson", "--format", "kml")
    assert result.exit_code == 2 and not (tmp_path / "e.geojson").exists()


def test_interrupted_export_keeps_the_old_file(run, tmp_path, monkeypatch):
    out = tmp_path / "events.geojson"
    out.write_text("old\n", encoding="utf-8")

    def fail(frame, target):
        Path(target).write_text('{"type": "Feat', encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(maps.io.geojson, "write_geojson", fail)
    result = run("export", jsonl(tmp_path, ARTICLES[0]), "-o", out)
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl", "events.geojson"]


def test_help_lists_export(run):
    assert "export" in ok(run("--help")).stdout
