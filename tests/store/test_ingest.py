"""``maps.ingest``: the summary, the engines' errors, the progress bar on
a terminal and nowhere else."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from testing import BORDERMAP

from maps.errors import EngineError
from maps.ingest import IngestSummary, ingest


def test_summary(tmp_path, corpus):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    seen = []
    summary = ingest([corpus, str(bad)], str(tmp_path / "events.gpkg"), on_bad_record=seen.append)
    assert [str(e) for e in seen] == [f"{bad}:1: missing 'text' field", f"{bad}:2: not JSON: Expecting value"]
    assert (summary.read, summary.new, summary.bad) == (150, 150, 2)
    assert summary.skipped == {"missing 'text' field": 1, "not JSON": 1}
    lines = summary.lines()
    assert lines[0].startswith("read 150 articles in ") and lines[0].endswith("150 new, 0 updated, 2 skipped")
    assert "  skipped 1: not JSON" in lines
    assert lines[-1].startswith(f"wrote {summary.events} events; the store holds 150 articles")
    assert json.loads(json.dumps(summary.to_dict()))["store"]["articles"] == 150


def test_an_article_the_geoparser_fails_on_is_reported_and_skipped(tmp_path, corpus, monkeypatch):
    import maps.store.records

    real = maps.store.records.record_of

    def fails_on_one(doc, digest=None):
        if doc.id == "syn-7-000003":
            raise RuntimeError("boom")
        return real(doc, digest)

    monkeypatch.setattr(maps.store.records, "record_of", fails_on_one)
    seen = []
    summary = ingest([corpus], str(tmp_path / "events.gpkg"), on_bad_record=seen.append)
    assert summary.new == 149 and summary.skipped == {"could not be processed": 1}
    assert [str(e) for e in seen] == [f"{corpus}:4: could not be processed: RuntimeError: boom"]


def test_unknown_engine(tmp_path, corpus):
    with pytest.raises(EngineError, match="unknown engine 'spark'"):
        ingest([corpus], str(tmp_path / "events.gpkg"), engine="spark")


@pytest.mark.slow
def test_an_unreachable_scheduler_fails_before_any_article(tmp_path, corpus, monkeypatch):
    import maps.store.sources

    monkeypatch.setattr("maps.ingest.DASK_TIMEOUT", "1s")
    monkeypatch.setattr(maps.store.sources, "read_sources", lambda *a, **k: pytest.fail("read"))
    with pytest.raises(EngineError, match=r"cannot use the Dask scheduler at tcp://127\.0\.0\.1:9: ") as info:
        ingest([corpus], str(tmp_path / "events.gpkg"), engine="dask", scheduler="tcp://127.0.0.1:9")
    assert info.value.exit_code == 3


@pytest.mark.slow
def test_progress_bar_on_a_terminal_only(tmp_path, corpus):
    """A progress bar with the rate and time left on a terminal; silent into a pipe."""
    import pty

    command = [*BORDERMAP, "ingest", corpus, "--db", str(tmp_path / "tty.gpkg")]
    main, secondary = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary,
                               env={**os.environ, "COLUMNS": "160", "TERM": "xterm"})
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait() == 0
    os.close(main)
    text = output.decode("utf-8", "replace")
    assert "ingesting" in text and "150 articles" in text and "ETA" in text and "100%" in text
    assert "read 150 articles" in text  # then the summary
    piped = subprocess.run([*command[:-1], str(tmp_path / "pipe.gpkg")], capture_output=True, text=True)
    assert piped.returncode == 0 and "ingesting" not in piped.stderr
    assert piped.stderr.startswith("read 150 articles")


def test_summary_counts_reasons():
    summary = IngestSummary(read=3, new=1)
    summary.skipped["already stored"] += 2
    assert summary.lines()[1] == "  skipped 2: already stored"
