"""``bordermap map`` (events on a corridor map, HTML or PNG) and
``bordermap corridors`` (the corridor names it takes)."""

from __future__ import annotations

import sys

import click

from bordermap.cli.options import echo_json, format_option
from bordermap.cli.output import report_bad_records


@click.command("map")
@click.argument("inputs", nargs=-1)
@click.option("--db", default=None, envvar="BORDERMAP_DB", metavar="PATH|URL",
              help="Draw the events of this event store (a GeoPackage file or a postgresql:// URL, as "
                   "`bordermap ingest` fills) instead of INPUT. Env BORDERMAP_DB (when no INPUT is given).")
@click.option("-o", "--output", required=True,
              help="The map to write: .html (interactive) or .png (a snapshot for reports; needs Chromium).")
@click.option("--corridor", default=None,
              help='A Border Patrol sector, border segment or twin-city crossing, e.g. "Nogales", '
                   '"Arizona-Sonora", "Tucson" (see `bordermap corridors`).')
@click.option("--bbox", default=None, metavar="W,S,E,N",
              help="Show this box (degrees: west,south,east,north).")
@click.option("--since", default=None, metavar="DATE", help="Only events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, metavar="DATE", help="Only events on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Only events of this type (repeatable, or comma-separated), e.g. drug_smuggling.")
@click.option("--title", default=None, help="The map's title.")
@click.option("--offline", is_flag=True,
              help="A page that needs no network: Leaflet inside it and a basemap drawn from the gazetteer.")
@click.option("--zone-100-miles", "zone", is_flag=True, help="Also draw the 100-mile zone (US side).")
@click.option("--lang", type=click.Choice(["en", "es"]), default=None,
              help="Language of every article (detected per document when not given).")
@click.pass_context
def map_command(ctx, inputs, db, output, corridor, bbox, since, until, types, title, offline, zone, lang):
    """Draw the events of INPUT (articles, or a file written by `bordermap
    export`), or of the event store --db, on a map of a border corridor.

    The HTML map has a layer control (border line, corridor band, sectors,
    ports of entry, clustered events, heat map, time control, flow arrows)
    and a panel counting the corridor's events by type. A .png output is a
    snapshot of the offline map. A bad record is reported and skipped; the
    exit code is then 1. An unknown corridor name exits 2 and lists the
    valid ones.

    Give INPUT or --db, not both: the store's incidents are grouped over
    everything it holds, and articles read beside it would not be. With
    --db, --corridor, --bbox, --since, --until and --type choose the events
    read from the store, as `bordermap query` does: a corridor's map then
    shows the events in its band.
    """
    from bordermap.cli.options import load_gazetteer
    from maps.corridors import find_corridor
    from maps.inputs import events_from
    from maps.page import check_map_output, save_map
    from maps.render import corridor_map
    from maps.selection import check_bbox, check_types

    if db is not None and inputs:
        if ctx.get_parameter_source("db") is not click.core.ParameterSource.COMMANDLINE:
            db = None  # INPUT given: BORDERMAP_DB is for the commands that read a store
        else:
            raise click.UsageError("give INPUT files or --db, not both")
    if db is None and not inputs:
        raise click.UsageError("give INPUT files, or --db for the events of a store")
    kind = check_map_output(output)
    gaz = load_gazetteer(ctx)
    if corridor is not None:
        find_corridor(corridor, gaz)  # before reading anything
    check_bbox(bbox)
    wanted = check_types(",".join(types)) if types else None
    bad = 0

    def skip(error):
        nonlocal bad
        bad += report_bad_records(error)

    if db is not None:
        from maps.store.query import read_store_events

        frame = read_store_events(db, bbox=bbox, since=since, until=until, types=wanted, corridor=corridor,
                                  gazetteer=gaz)
    else:
        frame = events_from(inputs, lang=lang, gazetteer=gaz, on_bad_record=skip)
    m = corridor_map(frame, corridor=corridor, bbox=bbox, since=since, until=until, types=wanted, title=title,
                     offline=offline or kind == "png", zone_100_miles=zone, gazetteer=gaz)
    save_map(m, output)
    click.echo(f"wrote a map of {len(frame)} events to {output}", err=True)
    if bad:
        sys.exit(1)


@click.command("corridors")
@format_option
@click.pass_context
def corridors(ctx, output_format):
    """The corridors `bordermap map --corridor` takes: every Border Patrol
    sector, border segment and twin-city crossing."""
    from bordermap.cli.options import load_gazetteer
    from maps.corridors import KIND_LABELS
    from maps.corridors import corridors as every

    found = every(load_gazetteer(ctx))
    if output_format == "json":
        echo_json([{"key": c.key, "name": c.name, "kind": c.kind, "place_id": c.place_id} for c in found])
        return
    for c in found:
        click.echo(f"{c.name:<36} {KIND_LABELS[c.kind]:<22} {c.key}")
