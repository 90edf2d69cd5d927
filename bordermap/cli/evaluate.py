"""``bordermap evaluate``: the tool's accuracy on an annotated corpus."""

from __future__ import annotations

import click

from bordermap.cli.options import echo_json, format_option


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(dir_okay=False), default=None,
              help="Also write the tool's predictions (JSONL) here.")
@click.option("--column", default="location", show_default=True,
              help="For a CSV of descriptions: the column holding them (the truth in lat, lon).")
@format_option
@click.pass_context
def evaluate(ctx, gold, predictions, column, output_format):
    """Run the tool over GOLD and print how well it did.

    GOLD in JSONL (the project's annotation format): recognition P/R/F1
    (exact and overlapping spans), accuracy within 161 and 25 km, share on
    the right side of the border, median and mean error, AUC, and the event
    measures. GOLD in CSV: free-text location descriptions (--column) with
    their true lat and lon: the share placed within 15 km, and the errors."""
    from bordermap.cli.options import load_gazetteer
    from geo.pipeline import Geoparser

    descriptions = gold.lower().endswith(".csv")
    geoparser = Geoparser(load_gazetteer(ctx), events=not descriptions)  # descriptions need places only
    if descriptions:
        from geo.evaluate import evaluate_descriptions, format_descriptions_report

        report = evaluate_descriptions(gold, geoparser, column=column)
        for line in report["bad_lines"]:
            click.echo(f"bordermap: {gold}:{line}: lat/lon is not a coordinate; row left out", err=True)
        if output_format == "json":
            echo_json(report)
        else:
            click.echo(format_descriptions_report(report))
        if report["bad_lines"]:
            ctx.exit(1)
        return
    from geo.evaluate import evaluate as run_evaluation
    from geo.evaluate import format_report

    report = run_evaluation(gold, geoparser, predictions_out=predictions)
    if output_format == "json":
        echo_json(report)
    else:
        click.echo(format_report(report))
