"""``bordermap extract``: the places (and, later, events) of articles."""

from __future__ import annotations

import json
import sys

import click

from bordermap.cli.output import atomic_output, report_bad_records


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True, help="A readable summary, or one JSON object per document.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write here instead of standard output (replaced only when done).")
@click.option("--lang", type=click.Choice(["en", "es"]), default=None,
              help="Language of every input (detected per document when not given).")
@click.pass_context
def extract(ctx, inputs, output_format, output, lang):
    """Find the places and events of INPUT articles.

    INPUT: .txt articles (with or without the "Posted on / title / byline"
    header), .jsonl or .csv files of articles (fields id, title, published,
    text, url, source, lang), folders, or - for standard input. A bad record
    is reported with its file and line and skipped; the rest is processed,
    and the exit code is 1 if anything was skipped.
    """
    from bordermap.cli.options import load_gazetteer
    from geo.pipeline import Geoparser
    from geo.readers import read_documents

    geoparser = Geoparser(load_gazetteer(ctx))
    bad = 0
    with atomic_output(output) as out:
        for item in read_documents(inputs, lang=lang):
            if isinstance(item, Exception):
                bad += report_bad_records(item)
                continue
            doc = geoparser(item)
            if output_format == "jsonl":
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            else:
                out.write(summary(doc))
    if bad:
        sys.exit(1)


def summary(doc) -> str:
    lines = [f"{doc.id}: {doc.title or '(no title)'}  [{doc.lang or '-'}, {doc.published or 'no date'}]"]
    if not doc.mentions:
        lines.append("  no places found")
    for m in doc.mentions:
        where = f"{m.lat:.4f}, {m.lon:.4f}" if m.lat is not None else "unresolved"
        what = (f"{m.name}, {m.admin1 or '-'}, {m.country or '-'} ({m.feature})" if m.name
                else m.feature or "-")
        lines.append(f"  {m.start:>6}  {m.text!r:<32} → {what}  {where}  conf {m.confidence:.2f}")
        if m.offset is not None:
            o = m.offset
            lines.append(f"          offset {o.text!r}: {o.lat:.4f}, {o.lon:.4f} ± {o.uncertainty_km:g} km")
    for e in doc.events:
        where = e.place.name or "no place"
        flow = f" {e.direction}" if e.direction else ""
        amounts = "; ".join(q.text for q in e.quantities)
        lines.append(f"  event {e.type}{flow}  {e.date or 'undated'} ({e.date_precision})  at {where}"
                     f" [precision {e.place.precision}]" + (f"  {amounts}" if amounts else ""))
    return "\n".join(lines) + "\n"
