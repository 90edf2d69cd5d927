"""Speed and memory of ``bordermap ingest`` into a GeoPackage, against the targets.

    python benchmarks/bench_ingest.py [--articles 10000] [--growth 10] [--json]

The corpus is synthetic (``maps.store.synthetic``: articles written from
templates about the gazetteer's border towns and ports, 50 a day, a fifth
re-telling an earlier article's happening), as one JSONL archive. Each run
is the real command in a fresh process, timed from start to exit (start-up,
the Dask cluster, incident grouping and closing the file included), once in
one process and once with ``--engine dask`` (a local cluster of 2 worker
processes). Memory is the peak of the summed resident memory of the command
and every process it starts (sampled every 50 ms); it is measured again on
a corpus ``--growth`` times smaller, to show that it does not grow with the
corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"dask_articles_per_s": 300, "local_articles_per_s": 200, "memory_growth": 1.25}


def peak_run(command: list[str]) -> tuple[float, float, dict]:
    """(seconds, peak MB of the process tree, JSON summary) of a command."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        total = 0
        with contextlib.suppress(psutil.Error):  # a process may end while it is measured
            for proc in [parent, *parent.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
        peak = max(peak, total)
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    return seconds, peak / 2**20, json.loads(out)


def ingest(corpus: Path, db: Path, engine: str) -> dict:
    db.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bordermap", "ingest", str(corpus), "--db", str(db), "--engine", engine,
               "--format", "json"]
    seconds, peak_mb, summary = peak_run(command)
    store = summary["store"]
    return {"articles": summary["read"], "seconds": seconds, "articles_per_s": summary["read"] / seconds,
            "peak_mb": peak_mb, "events": store["events"], "incidents": store["incidents"],
            "db_mb": db.stat().st_size / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--growth", type=int, default=10,
                        help="how many times smaller the memory baseline is")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from maps.store.synthetic import write_jsonl

    results: dict = {"targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        folder = Path(folder)
        big = write_jsonl(folder / "big.jsonl", args.articles, seed=1)
        small = write_jsonl(folder / "small.jsonl", max(1, args.articles // args.growth), seed=1)
        results["corpus"] = {"articles": args.articles, "mb": big.stat().st_size / 2**20,
                             "chars_per_article": big.stat().st_size / args.articles}
        for engine in ("local", "dask"):  # the small corpus first: it also warms the gazetteer's cache
            results[f"{engine}_small"] = ingest(small, folder / f"{engine}-small.gpkg", engine)
            results[engine] = ingest(big, folder / f"{engine}.gpkg", engine)
            growth = results[engine]["peak_mb"] / results[f"{engine}_small"]["peak_mb"]
            results[f"{engine}_memory_growth"] = growth
    if args.json:
        print(json.dumps(results, indent=2))
        return
    corpus = results["corpus"]
    print(f"corpus           {corpus['articles']} synthetic articles, {corpus['mb']:.1f} MB of JSONL "
          f"({corpus['chars_per_article']:.0f} bytes each)")
    for engine, label in (("local", "one process"), ("dask", "dask, 2 workers")):
        run, small = results[engine], results[f"{engine}_small"]
        target = TARGETS[f"{engine}_articles_per_s"]
        print(f"{label:<16} {run['articles_per_s']:6.0f} articles/s  ({run['seconds']:.1f} s for "
              f"{run['articles']}; target {target}: {run['articles_per_s'] / target:.2f}x)  "
              f"{run['events']} events, {run['incidents']} incidents, {run['db_mb']:.0f} MB file")
        print(f"{'':<16} peak memory {run['peak_mb']:.0f} MB for {run['articles']} articles, "
              f"{small['peak_mb']:.0f} MB for {small['articles']} ({results[f'{engine}_memory_growth']:.2f}x "
              f"for {args.growth}x the articles; target < {TARGETS['memory_growth']}x)")


if __name__ == "__main__":
    main()
