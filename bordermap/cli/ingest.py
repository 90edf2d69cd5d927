"""``bordermap ingest``: articles into an event store (GeoPackage or PostGIS)."""

from __future__ import annotations

import json
import sys

import click

from bordermap.cli.output import report_bad_records

db_option = click.option(
    "--db", required=True, envvar="BORDERMAP_DB", metavar="PATH|URL",
    help="The store: a GeoPackage file (created when missing; opens in QGIS) or a "
         "postgresql://user@host/db URL (PostGIS). Env BORDERMAP_DB.")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--map", "column_map", default=None, metavar="FIELD=COLUMN,...",
              help="Read JSONL/CSV fields under other names, e.g. text=body,published=date "
                   "(fields: id, title, published, text, url, source, lang).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Geoparse in this process, or on a Dask cluster (results are the same).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="The Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask; "
                   "default: a local cluster).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Worker processes of the local Dask cluster.")
@click.option("--lang", type=click.Choice(["en", "es"]), default=None,
              help="Language of every input (detected per article when not given).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="The summary as text (on standard error) or JSON (on standard output).")
@click.pass_context
def ingest(ctx, inputs, db, column_map, engine, scheduler, workers, lang, quiet, output_format):
    """Read INPUT articles into the event store --db, incrementally.

    INPUT: folders of .txt and .html articles, .jsonl and .csv archives, RSS
    and Atom feeds, or - for standard input, read as streams. An article
    already stored (same URL and text, or the same text) is skipped; one
    whose text changed under the same URL replaces its old events; incidents
    are regrouped across articles. Work is committed in small batches: an
    interrupted run, started again, finishes the job with nothing lost or
    doubled. A bad record is reported with its file and line and skipped
    (exit code 1 at the end); a store that cannot be opened or written stops
    everything before any work (exit code 2).
    """
    from maps.ingest import ingest as run

    if scheduler and engine == "local" and \
            ctx.get_parameter_source("engine") is click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("--scheduler runs on Dask: drop --engine local")
    root = ctx.find_root().obj or {}
    bad = 0

    def skip(error):
        nonlocal bad
        bad += report_bad_records(error)

    try:
        summary = run(list(inputs), db, engine="dask" if scheduler else engine, scheduler=scheduler,
                      workers=workers, column_map=column_map, lang=lang,
                      places_files=root.get("places_files", ()),
                      progress=not quiet and sys.stderr.isatty(), on_bad_record=skip)
    except KeyboardInterrupt:
        click.echo("bordermap: interrupted; what was stored is kept: run the same command again to go on",
                   err=True)
        sys.exit(130)
    if output_format == "json":
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    elif not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
    if bad:
        sys.exit(1)
