"""``bordermap query``: events from an event store, filtered, as a GIS file."""

from __future__ import annotations

import json

import click

from bordermap.cli.ingest import db_option


@click.command()
@db_option
@click.option("--bbox", default=None, metavar="W,S,E,N", help="Only events in this box (degrees).")
@click.option("--since", default=None, metavar="DATE", help="Only events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Only events on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only events of this type (repeatable, or comma-separated), e.g. drug_smuggling.")
@click.option("--corridor", default=None,
              help='Only events in a corridor\'s band, e.g. "Nogales", "Tucson" (see `bordermap corridors`).')
@click.option("-o", "--output", default=None,
              help="Write the events here: .geojson, .gpkg, .parquet or .csv (replaced only when done). "
                   "Without it, one line per event on standard output.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Without -o: readable lines, or the events as JSON.")
@click.pass_context
def query(ctx, db, bbox, since, until, types, corridor, output, output_format):
    """Events of the store --db that the filters keep, in the order they
    were stored, incidents included.

    --bbox and --corridor keep events whose place meets the box or the
    corridor's band; --since/--until keep events whose date (a day, or the
    month or year it names) overlaps the period.
    """
    from bordermap.cli.options import load_gazetteer
    from maps.export import check_output, export_events
    from maps.store.query import read_store_events

    if output is not None:
        check_output(output)  # before reading anything
    filters = {"bbox": bbox, "since": since, "until": until, "types": ",".join(types) if types else None,
               "corridor": corridor, "gazetteer": load_gazetteer(ctx) if corridor else None}
    if output is None and output_format == "json":
        click.echo(json.dumps(read_store_events(db, as_dicts=True, **filters), ensure_ascii=False, indent=2))
        return
    frame = read_store_events(db, **filters)
    if output is not None:
        export_events(frame, output)
        click.echo(f"wrote {len(frame)} events to {output}", err=True)
        return
    for row in frame.itertuples(index=False):
        where = row.place_name if isinstance(row.place_name, str) else "(no place)"
        size = row.incident_size if isinstance(row.incident_size, int | float) else 1
        also = f"  [{int(size)} articles]" if size > 1 else ""
        date = row.date if isinstance(row.date, str) else "-"
        click.echo(f"{date:<10}  {row.type:<22} {where}{also}")
