"""``bordermap ingest`` and ``bordermap query``: bad input reported with
its file and line and skipped, the rest stored, exit 1 at the end; a store
that cannot be used stops everything before any work; queries written as
GIS files."""

from __future__ import annotations

import json
import subprocess
import time

import geopandas
import pytest
from testing import BORDERMAP, as_a_user, invoke_cli, stored_articles

from maps.store import read_store_events

GOOD = ("Officers at the Mariposa Port of Entry in Nogales, Ariz., seized 300 pounds of methamphetamine "
        "hidden in a pickup truck on Tuesday, officials said.")


@pytest.fixture
def run(gaz):
    return invoke_cli


@pytest.fixture
def bad_inputs(tmp_path, corpus):
    """The corpus beside a corrupt file, an undecodable feed and a CSV without a text column."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "corrupt.txt").write_bytes(b"NOGALES \xff\xfe\x00 broken")
    (folder / "feed.rss").write_bytes(b"\x00\x01\x9f\x92 this is no feed")
    (folder / "table.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    (folder / "good.jsonl").write_text(json.dumps({"id": "g", "text": GOOD, "published": "2024-03-14"}) + "\n"
                                       + "{oops\n", encoding="utf-8")
    return [corpus, str(folder)]


def test_bad_input_is_reported_skipped_and_the_rest_stored(run, tmp_path, bad_inputs):
    db = tmp_path / "events.gpkg"
    result = run("ingest", *bad_inputs, "--db", db)
    assert result.exit_code == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("bordermap: ")]
    assert len(errors) == 4, result.stderr
    assert any("corrupt.txt:1: bytes that are not UTF-8" in e for e in errors)
    assert any("feed.rss" in e and "not a readable feed" in e for e in errors)
    assert any("table.csv:1: no 'text' column" in e for e in errors)
    assert any("good.jsonl:2: not JSON" in e for e in errors)
    assert "read 151 articles" in result.stderr and "151 new" in result.stderr
    assert "skipped 1: bytes that are not UTF-8" in result.stderr
    frame = read_store_events(db)
    assert (frame["doc_id"] == "g").any()


def test_standard_input_is_read_as_it_comes(tmp_path, corpus):
    """JSONL piped in is stored a batch at a time while the pipe is still
    open: read as a stream, not whole (memory stays flat)."""
    from maps.ingest import BATCH

    db = tmp_path / "events.gpkg"
    with open(corpus, "rb") as f:
        lines = f.readlines()
    process = subprocess.Popen([*BORDERMAP, "ingest", "-", "--db", str(db), "--format", "json"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdin.write(b"".join(lines[:100]))
    process.stdin.flush()
    deadline = time.monotonic() + 120
    while stored_articles(db) < BATCH:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "nothing stored while the input was still open"
        time.sleep(0.05)
    process.stdin.write(b"".join(lines[100:]))
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert json.loads(out)["new"] == len(lines) == 150


def test_json_summary(run, tmp_path, corpus):
    db = tmp_path / "events.gpkg"
    first = json.loads(run("ingest", corpus, "--db", db, "--format", "json").stdout)
    assert first["new"] == 150 and first["store"]["articles"] == 150 and first["events"] > 0
    second = run("ingest", corpus, "--db", db, "--format", "json")
    assert second.exit_code == 0 and second.stderr == ""
    assert json.loads(second.stdout)["skipped"] == {"already stored": 150}


def test_quiet_is_silent(run, tmp_path, corpus):
    result = run("ingest", corpus, "--db", tmp_path / "events.gpkg", "--quiet")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""


def test_column_map_option(run, tmp_path):
    archive = tmp_path / "archive.csv"
    archive.write_text(f'key,date,body\nk1,2024-03-14,"{GOOD}"\n', encoding="utf-8")
    db = tmp_path / "events.gpkg"
    result = run("ingest", archive, "--db", db, "--map", "text=body,published=date,id=key", "-q")
    assert result.exit_code == 0, result.stderr
    frame = read_store_events(db)
    assert set(frame["doc_id"]) == {"k1"} and "drug_smuggling" in set(frame["type"])
    bad = run("ingest", archive, "--db", db, "--map", "words=body")
    assert bad.exit_code == 2 and "unknown field 'words'" in bad.stderr


def never_read(*args, **kwargs):
    raise AssertionError("the inputs were read before the store was checked")


@pytest.mark.parametrize("case", ["no folder", "not a store", "a folder", "not sqlite", "no server"])
def test_an_unusable_store_fails_before_any_work(run, tmp_path, corpus, monkeypatch, case):
    import maps.store.sources

    monkeypatch.setattr(maps.store.sources, "read_sources", never_read)
    plain = tmp_path / "plain.gpkg"
    plain.write_bytes(b"this is not a database at all" * 100)
    if case == "not a store":
        geopandas.GeoDataFrame({"a": [1]}, geometry=geopandas.points_from_xy([0], [0]), crs=4326).to_file(
            tmp_path / "export.gpkg", layer="events")
    db, message = {
        "no folder": (tmp_path / "missing" / "events.gpkg", "no folder"),
        "not a store": (tmp_path / "export.gpkg", "not a bordermap store"),
        "a folder": (tmp_path, "it is a folder"),
        "not sqlite": (plain, "not a GeoPackage"),
        "no server": ("postgresql://nobody@127.0.0.1:1/none", "connection"),
    }[case]
    result = run("ingest", corpus, "--db", db)
    assert result.exit_code == 2, (result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"bordermap: cannot use the store {db}: ") and message in line


@pytest.mark.parametrize("case", ["new store in a read-only folder", "store in a read-only folder",
                                  "read-only store"])
def test_a_store_that_cannot_be_written_fails_before_any_work(tmp_path, corpus, case):
    """For real, in a process of its own: no summary, nothing read, the store untouched."""
    from maps.store import open_store

    folder = tmp_path / "stores"
    folder.mkdir()
    db = folder / ("new.gpkg" if case.startswith("new") else "events.gpkg")
    if not case.startswith("new"):
        open_store(db).close()
    before = db.read_bytes() if db.exists() else None
    (db if case == "read-only store" else folder).chmod(0o555 if case != "read-only store" else 0o444)
    try:
        done = subprocess.run(as_a_user([*BORDERMAP, "ingest", corpus, "--db", str(db)]), capture_output=True,
                              text=True, timeout=120)
    finally:
        folder.chmod(0o755)
        if db.exists():
            db.chmod(0o644)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    message = {"new store in a read-only folder": f"permission denied: cannot create a file in {folder}",
               "store in a read-only folder": f"the folder {folder} is read-only",
               "read-only store": "the file is read-only"}[case]
    assert line.startswith(f"bordermap: cannot use the store {db}: ") and message in line
    assert (db.read_bytes() if db.exists() else None) == before
    assert sorted(p.name for p in folder.iterdir()) == ([] if before is None else [db.name])


def test_scheduler_and_a_local_engine_do_not_go_together(run, tmp_path, corpus):
    result = run("ingest", corpus, "--db", tmp_path / "events.gpkg", "--engine", "local",
                 "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2 and "--scheduler runs on Dask" in result.stderr
    assert not (tmp_path / "events.gpkg").exists()


def test_a_scheduler_that_cannot_be_reached_exits_3_before_reading(run, tmp_path, corpus, monkeypatch):
    import maps.store.sources

    monkeypatch.setattr("maps.ingest.DASK_TIMEOUT", "1s")
    monkeypatch.setattr(maps.store.sources, "read_sources", never_read)
    result = run("ingest", corpus, "--db", tmp_path / "events.gpkg", "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 3, (result.stderr, result.exception)
    (line,) = result.stderr.splitlines()
    assert line.startswith("bordermap: cannot use the Dask scheduler at tcp://127.0.0.1:1: ")


def test_query_writes_gis_files(run, tmp_path, corpus):
    db = tmp_path / "events.gpkg"
    assert run("ingest", corpus, "--db", db, "-q").exit_code == 0
    everything = read_store_events(db)
    for suffix in (".geojson", ".gpkg", ".csv"):
        out = tmp_path / f"violence{suffix}"
        result = run("query", "--db", db, "--type", "violence", "-o", out)
        assert result.exit_code == 0, result.stderr
        expected = (everything["type"] == "violence").sum()
        assert f"wrote {expected} events" in result.stderr
        if suffix != ".csv":
            assert len(geopandas.read_file(out)) == expected
    listing = run("query", "--db", db, "--type", "violence", "--since", "2024-01")
    assert listing.exit_code == 0 and "violence" in listing.stdout
    as_json = json.loads(run("query", "--db", db, "--type", "violence", "--format", "json").stdout)
    assert {e["type"] for e in as_json} == {"violence"}


def test_query_checks_before_reading(run, tmp_path):
    missing = run("query", "--db", tmp_path / "none.gpkg")
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    bad_output = run("query", "--db", tmp_path / "none.gpkg", "-o", tmp_path / "out.shp")
    assert bad_output.exit_code == 2 and "unknown file type" in bad_output.stderr
