"""Long runs: Dask stores exactly what one process stores; a run killed
with SIGKILL and started again loses and doubles nothing; two ingests
writing into one store at once stay correct."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pandas as pd
import pytest
from testing import BORDERMAP, stored_articles

from maps.ingest import ingest
from maps.store import read_store_events
from maps.store.synthetic import write_jsonl


def articles_table(db) -> pd.DataFrame:
    import geopandas

    table = geopandas.read_file(db, layer="articles").drop(columns=["ingested_at"])
    return pd.DataFrame(table)


@pytest.mark.slow
def test_dask_stores_exactly_what_one_process_stores(tmp_path, gaz):
    from distributed import LocalCluster

    corpus = str(write_jsonl(tmp_path / "news.jsonl", 600, seed=11, gazetteer=gaz))
    local = ingest([corpus], str(tmp_path / "local.gpkg")).to_dict()
    on_own_cluster = ingest([corpus], str(tmp_path / "dask.gpkg"), engine="dask", workers=2, batch_size=17)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        # the command itself, as a user runs it against a cluster
        done = subprocess.run([*BORDERMAP, "ingest", corpus, "--db", str(tmp_path / "address.gpkg"),
                               "--scheduler", cluster.scheduler_address, "--format", "json"],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        assert "extract_batch" in cluster.scheduler.task_prefixes, "it ran on this cluster"
    by_address = json.loads(done.stdout)
    expected = read_store_events(tmp_path / "local.gpkg")
    assert len(expected) > 1000
    for run, name in ((on_own_cluster.to_dict(), "dask.gpkg"), (by_address, "address.gpkg")):
        assert run["engine"] == "dask"
        assert (run["new"], run["events"], run["store"]) == (local["new"], local["events"], local["store"])
        pd.testing.assert_frame_equal(read_store_events(tmp_path / name), expected)
        pd.testing.assert_frame_equal(articles_table(tmp_path / name),
                                      articles_table(tmp_path / "local.gpkg"))


KILLED_RUN = 10_000  # articles, as the test: kill -9 in the middle of a 10,000-article ingest


@pytest.mark.slow
def test_killed_and_started_again_it_loses_and_doubles_nothing(tmp_path, gaz):
    corpus = str(write_jsonl(tmp_path / "news.jsonl", KILLED_RUN, seed=5, gazetteer=gaz))
    db = tmp_path / "events.gpkg"
    command = [*BORDERMAP, "ingest", corpus, "--db", str(db), "--quiet"]
    process = subprocess.Popen(command)
    deadline = time.monotonic() + 600
    while stored_articles(db) < KILLED_RUN // 3:
        assert process.poll() is None, "the run ended before it could be killed: make the corpus bigger"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = stored_articles(db)
    assert KILLED_RUN // 3 <= done < KILLED_RUN
    again = subprocess.run([*command[:-1], "--format", "json"], capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["new"] == KILLED_RUN - done and summary["skipped"] == {"already stored": done}
    ingest([corpus], str(tmp_path / "reference.gpkg"))  # the same command, never killed
    pd.testing.assert_frame_equal(read_store_events(db), read_store_events(tmp_path / "reference.gpkg"))
    table = articles_table(db)
    assert len(table) == KILLED_RUN and table["url"].is_unique


def same_content(a, b) -> None:
    """Two stores hold the same articles, events and incidents (stored in any order)."""
    def key(frame):
        others = frame["other_sources"].fillna("").map(lambda s: sorted(s.split("; ")))
        frame = frame.assign(other_sources=others)
        return frame.sort_values(["doc_url", "start", "type", "date"]).reset_index(drop=True).drop(
            columns="other_sources")

    pd.testing.assert_frame_equal(key(read_store_events(a)), key(read_store_events(b)))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["gpkg", pytest.param("postgis", marks=pytest.mark.db)])
def test_two_ingests_into_one_store_at_once(tmp_path, gaz, backend, request):
    whole = write_jsonl(tmp_path / "all.jsonl", 400, seed=21, gazetteer=gaz)
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "first.jsonl").write_text("".join(lines[:260]), encoding="utf-8")
    (tmp_path / "second.jsonl").write_text("".join(lines[140:]), encoding="utf-8")
    db = str(tmp_path / "shared.gpkg") if backend == "gpkg" else request.getfixturevalue("pg_url")
    runs = [subprocess.Popen([*BORDERMAP, "ingest", str(tmp_path / name), "--db", db, "--quiet"])
            for name in ("first.jsonl", "second.jsonl")]
    assert [run.wait(timeout=600) for run in runs] == [0, 0]
    ingest([str(whole)], str(tmp_path / "one.gpkg"))
    same_content(db, tmp_path / "one.gpkg")
    assert os.path.exists(tmp_path / "one.gpkg")
