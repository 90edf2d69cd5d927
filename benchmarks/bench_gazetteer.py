"""Speed of the gazetteer and the CLI start-up, against the issue's targets.

    python benchmarks/bench_gazetteer.py [--json]

Each figure is measured in this process (or in child processes for the CLI)
next to a baseline measured the same way, so the ratios hold on slower or
faster machines: CLI start-up against a bare ``python -c pass``; look-ups
against the target rates. Timings are the best of several repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"cli_help_s": 0.3, "cli_geocode_s": 0.3, "lookups_per_s": 10_000, "reverse_per_s": 5_000}
NAMES = [
    "Nogales", "Nogales, Sonora", "Nogales, Ariz.", "Naco", "Sasabe", "Laredo", "Nuevo Laredo",
    "El Paso", "Ciudad Juárez", "Tijuana", "San Diego", "Mexicali", "Calexico", "Yuma", "Tucson",
    "Douglas", "Agua Prieta", "Presidio", "Ojinaga", "Del Rio", "Ciudad Acuña", "Eagle Pass",
    "Piedras Negras", "Reynosa", "McAllen", "Matamoros", "Brownsville", "Mexico", "New Mexico",
    "Mexico City", "Estados Unidos", "Texas", "Sonora", "Rio Grande", "Columbus", "Puerto Palomas",
    "Mariposa Port of Entry", "Arizona-Sonora border", "San Luis Río Colorado", "Monterrey, N.L.",
]


def best_of(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run(cmd: list[str], env: dict) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def bench_cli(env: dict) -> dict:
    exe = shutil.which("bordermap", path=str(Path(sys.executable).parent)) or "bordermap"
    run([exe, "geocode", "Nogales, Sonora"], env)  # warm the name index cache
    baseline = best_of(lambda: run([sys.executable, "-c", "pass"], env), 5)
    help_s = best_of(lambda: run([exe, "--help"], env), 5)
    geocode_s = best_of(lambda: run([exe, "geocode", "Nogales, Sonora"], env), 5)
    return {"python_startup_s": baseline, "cli_help_s": help_s, "cli_geocode_s": geocode_s,
            "cli_help_vs_python": help_s / baseline, "cli_geocode_vs_python": geocode_s / baseline}


def bench_lookups() -> dict:
    from gazetteer import Gazetteer

    gaz = Gazetteer.default()
    queries = NAMES * 250  # 10,000 look-ups
    for q in NAMES:
        gaz.search(q)  # warm the place cache, as a long-running process would be
    elapsed = best_of(lambda: [gaz.search(q, limit=5) for q in queries], 3)
    lookups = len(queries) / elapsed

    rng = random.Random(7)
    lats = [rng.uniform(25.5, 33.0) for _ in range(5_000)]
    lons = [rng.uniform(-117.5, -97.0) for _ in range(5_000)]
    gaz.reverse(31.0, -110.0)  # load shapes and build the spatial index once
    many = best_of(lambda: gaz.reverse_many(lats, lons), 3)
    single = best_of(lambda: [gaz.reverse(lats[i], lons[i]) for i in range(500)], 3)
    return {
        "lookups_per_s": lookups,
        "reverse_per_s": len(lats) / many,
        "reverse_single_per_s": 500 / single,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "BORDERMAP_CACHE": cache}
        os.environ["BORDERMAP_CACHE"] = cache
        results = {**bench_cli(env), **bench_lookups()}
    for key, target in TARGETS.items():
        value = results[key]
        is_time = key.startswith("cli_")
        results[f"{key}_vs_target"] = (target / value) if is_time else (value / target)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"python start-up          {results['python_startup_s'] * 1000:7.0f} ms")
    for key in ("cli_help_s", "cli_geocode_s"):
        vs_python = results[key.replace("_s", "_vs_python")]
        print(f"{key:<24} {results[key] * 1000:7.0f} ms  ({vs_python:.1f}x python;"
              f" target {TARGETS[key] * 1000:.0f} ms: {results[key + '_vs_target']:.1f}x headroom)")
    for key in ("lookups_per_s", "reverse_per_s"):
        ratio = results[key + "_vs_target"]
        print(f"{key:<24} {results[key]:9,.0f}  (target {TARGETS[key]:,}: {ratio:.1f}x)")
    print(f"reverse one at a time    {results['reverse_single_per_s']:9,.0f} /s")
    print(f"peak memory              {results['peak_rss_mb']:7.0f} MB")


if __name__ == "__main__":
    main()
