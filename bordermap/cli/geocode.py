"""``bordermap geocode``: a place name to coordinates, with the reasons."""

from __future__ import annotations

import click

from bordermap.cli.options import echo_json, format_option, load_gazetteer, place_dict

AMBIGUOUS_GAP = 2.0  # candidates this close to the best are shown as alternatives


def describe(place, gaz) -> str:
    bits = [f"id {place.id}"]
    if place.population:
        bits.append(f"population {place.population:,}")
    if place.side:
        bits.append(f"{place.side} side, {place.border_km:.1f} km from the border")
    if place.sector:
        sector = gaz.get(place.sector)
        bits.append(sector.name if sector else place.sector)
    if place.nearest_port:
        port = gaz.get(place.nearest_port)
        bits.append(f"nearest port {port.name if port else place.nearest_port}")
    return " · ".join(bits)


@click.command()
@click.argument("query", required=False)
@click.option("--limit", default=5, show_default=True, help="How many candidates to consider.")
@click.option("--input", "input_csv", type=click.Path(dir_okay=False), default=None,
              help="Geocode a column of free-text locations in this CSV file instead of QUERY.")
@click.option("--column", default=None, help="With --input: the column holding the descriptions.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="With --input: the CSV to write (default: standard output).")
@format_option
@click.pass_context
def geocode(ctx, query, limit, input_csv, column, output, output_format):
    """Find QUERY ("Nogales, Sonora", "Nogales, Ariz.", "Naco") in the gazetteer.

    A qualifier after a comma picks the side and state. A bare name that
    fits places on both sides lists the candidates, best first, with why.
    Exits 1 with suggestions when nothing matches.

    With --input FILE.csv --column COLUMN, geocodes free-text descriptions
    ("3 MI SE OF ARIVACA", "0.2 MILES WEST OF MARIPOSA PORT OF ENTRY",
    "N 32 19.938, W 113 00.169") and adds lat, lon, uncertainty_km,
    place_id and match columns, keeping every row and column.
    """
    from gazetteer.errors import NoMatchError

    if input_csv is not None:
        from bordermap.cli.geocode_csv import geocode_csv

        geocode_csv(ctx, input_csv, column, output)
        return
    if query is None:
        raise click.UsageError("give a QUERY, or --input FILE.csv --column COLUMN")
    gaz = load_gazetteer(ctx)
    candidates = gaz.search(query, limit=limit)
    if not candidates:
        raise NoMatchError(query, gaz.suggest(query))
    best = candidates[0]
    close = [c for c in candidates[1:] if best.score - c.score < AMBIGUOUS_GAP]
    if output_format == "json":
        echo_json({
            "query": query,
            "best": {**place_dict(best.place), "score": best.score, "reasons": list(best.reasons)},
            "candidates": [
                {**place_dict(c.place), "score": c.score, "reasons": list(c.reasons)} for c in candidates
            ],
            "ambiguous": bool(close),
        })
        return
    p = best.place
    click.echo(f"{p.label} ({p.kind})  {p.lat:.5f}, {p.lon:.5f}")
    click.echo(f"  {describe(p, gaz)}")
    click.echo(f"  why: {'; '.join(best.reasons)}")
    if close:
        click.echo(f"other candidates for {query!r}, ranked:")
        for rank, c in enumerate([best, *close], start=1):
            q = c.place
            click.echo(f"  {rank}. {q.label} ({q.kind})  {q.lat:.5f}, {q.lon:.5f}  score {c.score:.2f}")
            click.echo(f"     why: {'; '.join(c.reasons)}")
