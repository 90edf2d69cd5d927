"""``bordermap gazetteer``: what the gazetteer holds, and searching it."""

from __future__ import annotations

import click

from bordermap.cli.options import echo_json, format_option, load_gazetteer, place_dict

OFFICIAL_BORDER_KM = 3145.0


@click.group("gazetteer")
def gazetteer_group():
    """Inspect the offline border gazetteer."""


@gazetteer_group.command("stats")
@format_option
@click.pass_context
def stats(ctx, output_format):
    """Counts by kind of place and the border's length."""
    stats = load_gazetteer(ctx).stats()
    if output_format == "json":
        echo_json(stats)
        return
    km = stats["border_km"]
    click.echo(f"places: {stats['places']:,}")
    for kind, count in stats["by_kind"].items():
        click.echo(f"  {kind:<15} {count:>7,}")
    click.echo(f"settlements in the ten border states: {stats['border_state_settlements']:,}")
    off = (km - OFFICIAL_BORDER_KM) / OFFICIAL_BORDER_KM
    click.echo(f"border: {km:,.1f} km ({off:+.1%} against the official {OFFICIAL_BORDER_KM:,.0f} km)")
    for seg, length in stats["border_segments_km"].items():
        click.echo(f"  {seg:<22} {length:>8,.1f} km")
    for river, length in stats["rivers_km"].items():
        click.echo(f"  {river:<22} {length:>8,.1f} km")


@gazetteer_group.command("search")
@click.argument("text")
@click.option("--limit", default=10, show_default=True)
@click.option("--kind", default=None, help="Only places of this kind (city, port_of_entry, sector...).")
@format_option
@click.pass_context
def search(ctx, text, limit, kind, output_format):
    """Places whose names match TEXT, best first (fuzzy when nothing matches exactly)."""
    gaz = load_gazetteer(ctx)
    candidates = [c for c in gaz.search(text, limit=max(limit * 5, 50)) if kind in (None, c.place.kind)]
    fuzzy = []
    if not candidates:
        fuzzy = list(gaz.suggest(text, limit=limit))
    if output_format == "json":
        echo_json({
            "query": text,
            "results": [{**place_dict(c.place), "score": c.score} for c in candidates[:limit]],
            "suggestions": fuzzy,
        })
        return
    if not candidates:
        click.echo(f"bordermap: no match for {text!r}" + (f"; close: {'; '.join(fuzzy)}" if fuzzy else ""),
                   err=True)
        ctx.exit(1)
    for c in candidates[:limit]:
        p = c.place
        click.echo(f"{p.id:<32} {p.label:<45} {p.kind:<14} {p.lat:9.4f} {p.lon:10.4f}")
