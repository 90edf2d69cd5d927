"""Options and helpers shared by several commands."""

from __future__ import annotations

import json

import click

format_option = click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="Readable text for people, or JSON for programs.",
)


def load_gazetteer(ctx: click.Context):
    """The packaged gazetteer plus the user's --places files."""
    from gazetteer import Gazetteer

    gaz = Gazetteer.default()
    root = ctx.find_root().obj or {}
    for path in root.get("places_files", ()):
        gaz.load_places_file(path)
    return gaz


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def place_dict(place) -> dict:
    from dataclasses import asdict

    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(place).items()}
