"""The ``bordermap`` command group: global options and error handling."""

from __future__ import annotations

import os
import sys

import click

from bordermap import __version__
from bordermap.cli.evaluate import evaluate
from bordermap.cli.export import export
from bordermap.cli.extract import extract
from bordermap.cli.gazetteer_cmd import gazetteer_group
from bordermap.cli.geocode import geocode
from bordermap.cli.ingest import ingest
from bordermap.cli.map_cmd import corridors, map_command
from bordermap.cli.query import query
from bordermap.cli.reverse import reverse


class BordermapGroup(click.Group):
    """Turns the project's user errors into one line on stderr and an exit code."""

    def invoke(self, ctx):
        from gazetteer.errors import BordermapError

        try:
            return super().invoke(ctx)
        except BordermapError as exc:
            click.echo(f"bordermap: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=BordermapGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bordermap")
@click.option(
    "--places", "places_files", multiple=True, type=click.Path(dir_okay=False),
    envvar="BORDERMAP_PLACES",
    help="Add your own places from a CSV or GeoJSON file (repeatable; env BORDERMAP_PLACES).",
)
@click.pass_context
def cli(ctx, places_files):
    """Map US–Mexico border news: geocode places offline, extract events, draw corridor maps."""
    ctx.obj = {"places_files": places_files}


cli.add_command(extract)
cli.add_command(evaluate)
cli.add_command(export)
cli.add_command(geocode)
cli.add_command(reverse)
cli.add_command(ingest)
cli.add_command(query)
cli.add_command(gazetteer_group)
cli.add_command(map_command)
cli.add_command(corridors)


def main() -> None:
    # The CLI may be piped into `head`: let a closed stdout end quietly.
    try:
        cli(prog_name="bordermap")
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
