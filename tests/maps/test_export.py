"""maps.export: the writer chosen by suffix, the output checked before any
work, and a file replaced only when complete."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import shapely
from testing import BORDERMAP, as_a_user

import maps.io.geojson
import maps.io.gis
from maps.errors import OutputFileError
from maps.export import export_events, output_format, read_events
from maps.frame import events_frame

OLD = '{"type": "FeatureCollection", "features": []}\n'
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nogales-seizure.txt"


def never_read():
    raise AssertionError("the events were read before the output was checked")
    yield  # pragma: no cover


@pytest.mark.parametrize(("name", "kind"), [("a.geojson", "geojson"), ("a.JSON", "geojson"),
                                            ("a.gpkg", "gpkg"), ("a.parquet", "parquet"), ("a.csv", "csv")])
def test_format_by_suffix(name, kind):
    assert output_format(name) == kind


def test_format_given_wins(tmp_path, event_dicts):
    path = tmp_path / "events.txt"
    export_events(event_dicts, path, format="geojson")
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


@pytest.mark.parametrize("case", ["unknown suffix", "no folder", "folder in the way", "file as folder",
                                  "unknown format"])
def test_bad_output_fails_before_any_work(tmp_path, case):
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    (tmp_path / "dir.geojson").mkdir()
    path, fmt, message = {
        "unknown suffix": (tmp_path / "events.shp", None, "unknown file type '.shp'"),
        "no folder": (tmp_path / "missing" / "events.geojson", None, "no folder"),
        "folder in the way": (tmp_path / "dir.geojson", None, "it is a folder"),
        "file as folder": (tmp_path / "plain.txt" / "events.csv", None, "is not a folder"),
        "unknown format": (tmp_path / "events.geojson", "kml", "unknown format 'kml'"),
    }[case]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(OutputFileError, match=message) as info:
        export_events(never_read(), path, format=fmt)
    assert info.value.exit_code == 2
    assert str(info.value).startswith(f"cannot write {path}: ") and "\n" not in str(info.value)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_unwritable_folder(tmp_path):
    """For real, in a process of its own (as root, without the capabilities
    that write anywhere): one line, exit 2, nothing read, nothing written."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        command = [*BORDERMAP, "export", str(EXAMPLE), "-o", str(folder / "events.gpkg")]
        done = subprocess.run(as_a_user(command), capture_output=True, text=True, timeout=120)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    assert "permission denied" in line and str(folder / "events.gpkg") in line


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_interrupted_export_keeps_the_old_file(tmp_path, event_dicts, monkeypatch, error):
    path = tmp_path / "events.geojson"
    path.write_text(OLD, encoding="utf-8")

    def half_then_fail(frame, target):
        with open(target, "w", encoding="utf-8") as f:
            f.write('{"type": "FeatureCollection", "features": [{"type": "Fea')
        raise error

    monkeypatch.setattr(maps.io.geojson, "write_geojson", half_then_fail)
    with pytest.raises(type(error)):
        export_events(event_dicts, path)
    assert path.read_text(encoding="utf-8") == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["events.geojson"]  # no temporary file left


def test_interrupted_geopackage_leaves_nothing_behind(tmp_path, event_dicts, monkeypatch):
    path = tmp_path / "events.gpkg"
    export_events(event_dicts[:1], path)
    old = path.read_bytes()
    real = maps.io.gis.write_gpkg

    def write_then_fail(frame, target):
        real(frame, target)
        raise RuntimeError("interrupted")

    monkeypatch.setattr(maps.io.gis, "write_gpkg", write_then_fail)
    with pytest.raises(RuntimeError):
        export_events(event_dicts, path)
    assert path.read_bytes() == old and len(read_events(path)) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["events.gpkg"]


def test_replacing_keeps_permissions(tmp_path, event_dicts):
    path = tmp_path / "events.csv"
    export_events(event_dicts, path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    export_events(event_dicts, path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_frames_in_another_crs_are_written_in_wgs84(tmp_path, event_dicts):
    frame = events_frame(event_dicts).to_crs(3857)
    path = tmp_path / "events.geojson"
    export_events(frame, path)
    features = {f["id"]: f for f in json.loads(path.read_text(encoding="utf-8"))["features"]}
    lon, lat = features["ev-nogales"]["geometry"]["coordinates"]
    assert lon == pytest.approx(-110.942171, abs=1e-6) and lat == pytest.approx(31.30863, abs=1e-6)


def test_a_given_frame_is_cleaned(tmp_path, event_dicts):
    frame = events_frame(event_dicts)
    frame.loc[1, "geometry"] = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])  # a bow tie, invalid
    path = tmp_path / "events.gpkg"
    export_events(frame, path)
    back = read_events(path)
    assert back.geometry.dropna().is_valid.all() and back.geometry.notna().sum() == 4


def test_a_folder_that_refuses_files(tmp_path, monkeypatch):
    import maps.export

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(maps.export.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputFileError, match=r": permission denied$"):
        export_events(never_read(), tmp_path / "events.parquet")
    assert list(tmp_path.iterdir()) == []
