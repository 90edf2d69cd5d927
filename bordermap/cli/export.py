"""``bordermap export``: the events of articles as a GIS file."""

from __future__ import annotations

import sys

import click

from bordermap.cli.output import report_bad_records

FORMATS = ("geojson", "gpkg", "parquet", "csv")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True,
              help="The file to write: .geojson (or .json), .gpkg, .parquet or .csv "
                   "(replaced only when done).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="The file format, when the output's suffix does not say it.")
@click.option("--lang", type=click.Choice(["en", "es"]), default=None,
              help="Language of every input (detected per document when not given).")
@click.pass_context
def export(ctx, inputs, output, output_format, lang):
    """Extract the events of INPUT articles and write them to a GIS file.

    One feature per event: its type, date, direction, actors, amounts, place,
    border context and source article, with the place's geometry (WGS 84);
    an event with no known place has none. INPUT: .txt articles, .jsonl or
    .csv files of articles, folders, or - for standard input. A bad record is
    reported with its file and line and skipped; the exit code is then 1.
    """
    from bordermap.cli.options import load_gazetteer
    from maps import geo_events
    from maps.export import check_output, export_events

    check_output(output, format=output_format)  # before reading anything
    bad = 0

    def skip(error):
        nonlocal bad
        bad += report_bad_records(error)

    frame = geo_events(inputs, lang=lang, gazetteer=load_gazetteer(ctx), on_bad_record=skip)
    export_events(frame, output, format=output_format)
    unplaced = int(frame.geometry.isna().sum())
    note = f" ({unplaced} with no place)" if unplaced else ""
    click.echo(f"wrote {len(frame)} events{note} to {output}", err=True)
    if bad:
        sys.exit(1)
