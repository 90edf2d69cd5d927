"""The SQLite name index in the user's cache folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer import Gazetteer, index, store
from gazetteer.errors import GazetteerDataError


def test_cache_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("BORDERMAP_CACHE", str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert index.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("BORDERMAP_CACHE")
    assert index.cache_dir() == tmp_path / "xdg" / "bordermap"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert index.cache_dir() == tmp_path / "home" / ".cache" / "bordermap"


def test_session_uses_a_throwaway_cache(gaz, cache_dir):
    assert index.cache_dir() == Path(cache_dir)
    assert list(Path(cache_dir).glob("gazetteer-*.sqlite")), "the session's Gazetteer made no index here"


def test_index_is_made_once_and_reused(monkeypatch, tmp_path):
    monkeypatch.setenv("BORDERMAP_CACHE", str(tmp_path / "cache"))
    first = Gazetteer()
    files = sorted((tmp_path / "cache").iterdir())
    assert [f.name for f in files] == [f"gazetteer-{index.data_version(store.data_dir())}.sqlite"]
    stamp = files[0].stat().st_mtime_ns

    def refill(*args):
        raise AssertionError("the index was rebuilt instead of reused")

    monkeypatch.setattr(index, "_fill", refill)
    second = Gazetteer()
    assert len(second) == len(first)
    assert second.geocode("Nogales, Ariz.").place.id == "geonames:5306611"
    assert sorted((tmp_path / "cache").iterdir()) == files  # no temporary files left behind
    assert files[0].stat().st_mtime_ns == stamp


def test_unwritable_cache_falls_back_to_memory(monkeypatch, tmp_path):
    # A cache "folder" below a regular file cannot be created, even by root.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("BORDERMAP_CACHE", str(blocker / "cache"))
    gaz = Gazetteer()
    assert gaz.geocode("Nogales, Sonora").place.id == "geonames:4004886"
    assert gaz.geometry("border:az-son").geom_type == "LineString"
    assert blocker.read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_data_version_depends_on_the_files(tmp_path):
    manifest = json.loads((store.data_dir() / store.MANIFEST_FILE).read_text(encoding="utf-8"))
    (tmp_path / store.MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    same_files = index.data_version(tmp_path)
    manifest["files"][store.PLACES_FILE] = "0" * 64
    (tmp_path / store.MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    assert index.data_version(tmp_path) != same_files
    assert index.data_version(tmp_path).endswith(f"-v{index.SCHEMA_VERSION}")


def test_missing_data_is_a_data_error(monkeypatch, tmp_path):
    monkeypatch.setenv("BORDERMAP_CACHE", str(tmp_path / "cache"))
    with pytest.raises(GazetteerDataError) as info:
        Gazetteer(tmp_path / "empty")
    manifest = tmp_path / "empty" / store.MANIFEST_FILE
    assert str(info.value).startswith(f"{manifest}: cannot read the gazetteer manifest")
    assert info.value.exit_code == 3


def test_damaged_data_is_a_data_error(monkeypatch, tmp_path):
    monkeypatch.setenv("BORDERMAP_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "data"
    data.mkdir()
    (data / store.MANIFEST_FILE).write_text(json.dumps({"files": {"places.tsv.gz": "x"}}), encoding="utf-8")
    (data / store.PLACES_FILE).write_bytes(b"not gzip")
    with pytest.raises(GazetteerDataError, match="cannot read the gazetteer data"):
        Gazetteer(data)
    assert list((tmp_path / "cache").glob("*.sqlite")) == []
