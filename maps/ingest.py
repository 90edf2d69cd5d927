"""Ingestion: articles streamed from files into an event store, in batches,
incrementally and resumably.

    from maps.ingest import ingest

    summary = ingest(["feeds/", "archive.jsonl"], "events.gpkg")
    summary = ingest(["archive.csv"], "postgresql://me@db/news", column_map="text=body,published=date",
                     engine="dask")

One pass: read (``maps.store.sources``: a line at a time for JSONL and CSV)
→ skip what the store holds already (same URL and content, or the same
content) → geoparse a batch (in this process, or on a Dask cluster's worker
processes) → write the batch in one transaction (``maps.store``). Only this
process writes, in input order, so a Dask run stores exactly what a
single-process run stores. A batch is committed as a whole: killed at any
moment, a run loses at most the batch it was writing, and running it again
skips what was stored and does the rest.
"""

from __future__ import annotations

import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field

from maps.store.base import DUPLICATE, NEW, UNCHANGED, UPDATED

BATCH = 64  # articles a transaction (and a Dask task) holds
REGROUP_EVERY = 1024  # articles written between two groupings of incidents (and at the end)
ENGINES = ("local", "dask")
DASK_WORKERS = 2
DASK_TIMEOUT = "10s"  # to reach a scheduler
LOG_LENGTH = 10  # messages Dask keeps per connection for debugging
_REASON = re.compile(r":\s| \(")  # "not JSON: Expecting value" is "not JSON"
SKIP_REASONS = {UNCHANGED: "already stored", DUPLICATE: "same text as a stored article"}


@dataclass
class IngestSummary:
    """What a run did."""

    read: int = 0  # articles read from the inputs (bad records not counted)
    new: int = 0
    updated: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason → articles (unchanged, duplicate, bad records)
    bad: int = 0  # records that could not be read or processed
    events: int = 0  # events written by this run
    store: dict = field(default_factory=dict)  # the store's counts at the end
    seconds: float = 0.0
    engine: str = "local"

    def to_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "updated": self.updated, "skipped": dict(self.skipped),
                "bad": self.bad, "events": self.events, "store": dict(self.store),
                "seconds": round(self.seconds, 3), "engine": self.engine}

    def lines(self) -> list[str]:
        rate = self.read / self.seconds if self.seconds else 0.0
        skipped = sum(self.skipped.values())
        out = [f"read {self.read} articles in {self.seconds:.1f} s ({rate:.0f}/s, {self.engine}): "
               f"{self.new} new, {self.updated} updated, {skipped} skipped"]
        out += [f"  skipped {count}: {reason}" for reason, count in self.skipped.most_common()]
        out.append(f"wrote {self.events} events; the store holds {self.store.get('articles', 0)} articles, "
                   f"{self.store.get('events', 0)} events, {self.store.get('incidents', 0)} incidents "
                   f"({self.store.get('incidents_across_articles', 0)} reported by several articles)")
        return out


def ingest(inputs, db, *, engine: str = "local", scheduler: str | None = None, workers: int = DASK_WORKERS,
           column_map=None, lang: str | None = None, gazetteer=None, places_files=(), batch_size: int = BATCH,
           progress: bool = False, on_bad_record=None) -> IngestSummary:
    """Read the articles of ``inputs`` (files, folders, ``-``) into the
    store ``db`` (a GeoPackage path or a ``postgresql://`` URL).

    ``column_map`` ("text=body,published=date" or a dict) renames the fields
    of JSONL and CSV records. ``engine="dask"`` geoparses on a Dask cluster:
    the scheduler at ``scheduler``, else a local one of ``workers`` worker
    processes. ``gazetteer`` (local engine) or ``places_files`` (both) add
    the user's places. A bad record is passed to ``on_bad_record`` (an
    ``InputFileError`` naming its file and line) and skipped. A store that
    cannot be opened or written raises ``StoreError`` before anything is read.
    """
    from maps.errors import EngineError
    from maps.store import open_store
    from maps.store.sources import input_size, parse_column_map

    started = time.perf_counter()
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (expected {', '.join(ENGINES)})")
    inputs = [str(name) for name in ([inputs] if isinstance(inputs, str) else inputs)]
    mapping = parse_column_map(column_map)
    summary = IngestSummary(engine=engine)
    with open_store(db) as store, _engine(engine, scheduler, workers, gazetteer, places_files) as extract, \
            _Progress(progress, input_size(inputs)) as bar:
        pending = _pending(inputs, lang, mapping, store, summary, batch_size, bar, on_bad_record)
        since_regroup = 0
        for batch, results in extract(pending):
            records = []
            for (doc, _digest), result in zip(batch, results):
                if isinstance(result, str):
                    _bad(summary, doc.origin, f"could not be processed: {result}", on_bad_record)
                else:
                    records.append(result)
            since_regroup += len(records)
            for record, outcome in zip(records, store.write_articles(records)):
                if outcome == NEW:
                    summary.new += 1
                elif outcome == UPDATED:
                    summary.updated += 1
                else:
                    summary.skipped[SKIP_REASONS[outcome]] += 1
                    continue
                summary.events += len(record.events)
            bar.articles(len(batch))
            if since_regroup >= REGROUP_EVERY:
                store.refresh_incidents()
                since_regroup = 0
        store.refresh_incidents()  # what this run wrote, and anything a killed run left waiting
        summary.store = store.counts()
    summary.seconds = time.perf_counter() - started
    return summary


def _pending(inputs, lang, mapping, store, summary, batch_size, bar, on_bad_record):
    """Batches of (Document, content hash) the store does not hold yet."""
    from gazetteer.errors import InputFileError
    from maps.store.records import article_url, content_hash
    from maps.store.sources import read_sources

    batch = []
    for item in read_sources(inputs, lang=lang, column_map=mapping, on_bytes=bar.bytes):
        if isinstance(item, InputFileError):
            _bad(summary, None, item, on_bad_record)
            continue
        summary.read += 1
        digest = content_hash(item)
        known = store.known(article_url(item), digest)
        if known is not None:
            summary.skipped[SKIP_REASONS[known]] += 1
            bar.articles(1)
            continue
        batch.append((item, digest))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _bad(summary, origin, error, on_bad_record) -> None:
    from gazetteer.errors import InputFileError

    if not isinstance(error, InputFileError):
        error = InputFileError(origin or "<input>", None, str(error))
    summary.bad += 1
    summary.skipped[_REASON.split(error.message, 1)[0]] += 1
    if on_bad_record is not None:
        on_bad_record(error)


# -- extraction ----------------------------------------------------------------------------------

_GEOPARSERS: dict[tuple, object] = {}  # one per process and places files (workers keep theirs)


def geoparser_for(places_files=(), gazetteer=None):
    """The process's Geoparser over the packaged gazetteer plus ``places_files``."""
    key = tuple(places_files)
    if gazetteer is not None:
        from geo.pipeline import Geoparser

        return Geoparser(gazetteer)
    if key not in _GEOPARSERS:
        from gazetteer import Gazetteer
        from geo.pipeline import Geoparser

        gaz = Gazetteer() if key else Gazetteer.default()
        for path in key:
            gaz.load_places_file(path)
        _GEOPARSERS[key] = Geoparser(gaz)
    return _GEOPARSERS[key]


def warm_up(places_files=()) -> None:
    """Load the geoparser now (on every Dask worker, before any article)."""
    geoparser_for(places_files)


def extract_batch(batch, places_files=(), geoparser=None) -> list:
    """The ArticleRecord of each (Document, content hash) of ``batch``, or
    the error's message for one the geoparser failed on. Runs in Dask
    workers as well as in this process."""
    from maps.store.records import record_of

    geoparser = geoparser or geoparser_for(places_files)
    out = []
    for doc, digest in batch:
        try:
            out.append(record_of(geoparser(doc), digest))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a long run
            out.append(f"{type(exc).__name__}: {exc}")
    return out


class _Local:
    def __init__(self, gazetteer, places_files):
        self.geoparser = geoparser_for(places_files, gazetteer)

    def __call__(self, batches):
        for batch in batches:
            yield batch, extract_batch(batch, geoparser=self.geoparser)

    def close(self) -> None:
        pass


class _Dask:
    """Batches geoparsed on a Dask cluster, results handed back in input
    order, at most a few batches per worker in flight (memory stays flat)."""

    def __init__(self, scheduler, workers, places_files):
        import logging

        from maps.errors import EngineError

        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--engine dask needs Dask: pip install 'dask[distributed]'") from None
        self.places_files = tuple(places_files)
        self.cluster = self.client = None
        # Dask keeps the last messages of every connection for debugging (1,000 by default),
        # and here each holds a batch of articles: memory would grow with the corpus.
        self.config = dask.config.set({"distributed.admin.low-level-log-length": LOG_LENGTH})
        self.config.__enter__()
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=DASK_TIMEOUT)
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            # Every worker loads the gazetteer and the geoparser now, before any article is read.
            self.client.run(warm_up, self.places_files)
        except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, a worker that cannot start...
            self.close()
            where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
            raise EngineError(f"cannot use {where}: {exc}") from None
        self.inflight = 2 * max(1, len(self.client.scheduler_info().get("workers", {})) or workers) + 1

    def __call__(self, batches):
        window = deque()
        for batch in batches:
            window.append((batch, self.client.submit(extract_batch, batch, self.places_files, pure=False)))
            if len(window) >= self.inflight:
                yield self._result(*window.popleft())
        while window:
            yield self._result(*window.popleft())

    @staticmethod
    def _result(batch, future):
        from maps.errors import EngineError

        try:
            return batch, future.result()
        except Exception as exc:  # noqa: BLE001 - a worker lost, a cluster gone
            raise EngineError(f"the Dask cluster failed ({type(exc).__name__}: {exc}); what was written "
                              "is kept: run the command again to go on") from None

    def close(self) -> None:
        import contextlib

        for thing in (self.client, self.cluster):
            if thing is not None:
                with contextlib.suppress(Exception):
                    thing.close()
        self.config.__exit__(None, None, None)


class _engine:
    """The extraction engine as a context manager: a callable from batches
    to (batch, results) pairs."""

    def __init__(self, name, scheduler, workers, gazetteer, places_files):
        self.args = (name, scheduler, workers, gazetteer, places_files)

    def __enter__(self):
        name, scheduler, workers, gazetteer, places_files = self.args
        if name == "dask":
            self.engine = _Dask(scheduler, workers, places_files)
        else:
            self.engine = _Local(gazetteer, places_files)
        return self.engine

    def __exit__(self, *exc):
        self.engine.close()


# -- progress ------------------------------------------------------------------------------------

class _Progress:
    """A progress bar on standard error (bytes of input read, articles done,
    their rate, time left); nothing at all when not ``enabled``."""

    def __init__(self, enabled: bool, total_bytes: int | None):
        self.enabled, self.total = enabled, total_bytes
        self.done = 0

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("ingesting"), BarColumn(), TaskProgressColumn(),
                                     TextColumn("{task.fields[articles]} articles"),
                                     TextColumn("{task.fields[rate]}"), TextColumn("ETA"),
                                     TimeRemainingColumn(),
                                     console=Console(stderr=True), transient=False)
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=self.total, articles=0, rate="")
            self.started = time.perf_counter()
        return self

    def bytes(self, n: int) -> None:
        if self.enabled:
            self.progress.advance(self.task, n)

    def articles(self, n: int) -> None:
        if self.enabled:
            self.done += n
            elapsed = time.perf_counter() - self.started
            rate = f"{self.done / elapsed:,.0f}/s" if elapsed > 0.5 else ""
            self.progress.update(self.task, articles=f"{self.done:,}", rate=rate)

    def __exit__(self, *exc):
        if self.enabled:
            self.progress.stop()
