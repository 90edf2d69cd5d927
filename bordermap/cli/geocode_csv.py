"""``bordermap geocode --input FILE.csv --column COLUMN``."""

from __future__ import annotations

import csv
import sys

import click

from bordermap.cli.output import atomic_output

ADDED_COLUMNS = ("lat", "lon", "uncertainty_km", "place_id", "match")


def geocode_csv(ctx, path: str, column: str | None, output: str | None) -> None:
    from bordermap.cli.options import load_gazetteer
    from geo.freetext import DescriptionLocator
    from geo.pipeline import Geoparser

    if column is None:
        raise click.UsageError("--input needs --column")
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            fields = list(reader.fieldnames or [])
            if column not in fields:
                raise click.UsageError(
                    f"{path}: no column {column!r} (columns: {', '.join(fields) or 'none'})")
            rows = list(reader)
    except UnicodeDecodeError as exc:
        click.echo(f"bordermap: {path}: not UTF-8 text ({exc.reason})", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"bordermap: {path}: {exc.strerror}", err=True)
        sys.exit(2)
    locate = DescriptionLocator(Geoparser(load_gazetteer(ctx), events=False))
    out_fields = fields + [c for c in ADDED_COLUMNS if c not in fields]
    located = 0
    with atomic_output(output, newline="") as out:
        writer = csv.DictWriter(out, fieldnames=out_fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            found = locate(row.get(column) or "")
            located += found.lat is not None
            row.update(lat="" if found.lat is None else f"{found.lat:.6f}",
                       lon="" if found.lon is None else f"{found.lon:.6f}",
                       uncertainty_km="" if found.uncertainty_km is None else f"{found.uncertainty_km:g}",
                       place_id=found.place_id or "", match=found.match)
            writer.writerow(row)
    click.echo(f"bordermap: located {located} of {len(rows)} rows", err=True)
