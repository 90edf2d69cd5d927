"""``bordermap evaluate``: the tool's accuracy on an annotated corpus."""

from __future__ import annotations

import click

from bordermap.cli.options import echo_json, format_option


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(dir_okay=False), default=None,
              help="Also write the tool's predictions (JSONL) here.")
@format_option
@click.pass_context
def evaluate(ctx, gold, predictions, output_format):
    """Run the tool over GOLD (annotated JSONL, the project's annotation
    format) and print recognition P/R/F1 (exact and overlapping spans),
    accuracy within 161 and 25 km, share on the right side of the border,
    median and mean error, AUC, and the event measures."""
    from bordermap.cli.options import load_gazetteer
    from geo.evaluate import evaluate as run_evaluation
    from geo.evaluate import format_report
    from geo.pipeline import Geoparser

    report = run_evaluation(gold, Geoparser(load_gazetteer(ctx)), predictions_out=predictions)
    if output_format == "json":
        echo_json(report)
    else:
        click.echo(format_report(report))
