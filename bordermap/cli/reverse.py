"""``bordermap reverse``: what a point means relative to the border."""

from __future__ import annotations

from dataclasses import asdict

import click

from bordermap.cli.options import echo_json, format_option, load_gazetteer


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("lat")
@click.argument("lon")
@click.option("--ports", default=3, show_default=True, type=click.IntRange(0, 60),
              help="How many nearest ports to list.")
@format_option
@click.pass_context
def reverse(ctx, lat, lon, ports, output_format):
    """Side, state, county or municipio, sector, nearest ports and distance to
    the border of the point LAT LON (decimal degrees; negative west)."""
    from gazetteer.gazetteer import check_coordinate

    y, x = check_coordinate(lat, lon)
    gaz = load_gazetteer(ctx)
    context = gaz.reverse(y, x, ports=ports)
    nearby = gaz.nearest(y, x, kind=None, limit=1) if output_format == "text" else []
    if output_format == "json":
        data = asdict(context)
        sector = gaz.get(context.sector) if context.sector else None
        data["sector_name"] = sector.name if sector else None
        echo_json(data)
        return
    sector = gaz.get(context.sector) if context.sector else None
    side = {"US": "United States", "MX": "Mexico"}.get(context.side, "neither side (at sea or abroad)")
    click.echo(f"{y:.5f}, {x:.5f}")
    click.echo(f"  side:        {side}")
    click.echo(f"  state:       {context.state or '-'}")
    click.echo(f"  county/mun.: {context.admin2 or '-'}")
    facing = " (facing)" if sector and context.side == "MX" else ""
    click.echo(f"  sector:      {(sector.name + facing) if sector else '-'}")
    segment = gaz.get(context.border_segment) if context.border_segment else None
    click.echo(f"  border:      {context.border_km:.1f} km"
               + (f" ({segment.name})" if segment else ""))
    for port in context.nearest_ports:
        click.echo(f"  port:        {port.name}  {port.km:.1f} km")
    if nearby:
        place, km = nearby[0]
        click.echo(f"  nearest place: {place.label} ({place.kind}) {km:.1f} km")
