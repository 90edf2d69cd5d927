"""Assertions and small helpers shared by the test modules."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from gazetteer.projection import haversine_km

# The command in a process of its own, as a user runs it.
BORDERMAP = [sys.executable, "-m", "bordermap"]

# The ten states along the line.
US_BORDER_STATES = ("California", "Arizona", "New Mexico", "Texas")
MX_BORDER_STATES = ("Baja California", "Sonora", "Chihuahua", "Coahuila", "Nuevo León", "Tamaulipas")
BORDER_STATES = US_BORDER_STATES + MX_BORDER_STATES


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return haversine_km(lat1, lon1, lat2, lon2)


def assert_near(lat: float, lon: float, exp_lat: float, exp_lon: float, km: float = 3.0, what: str = ""):
    """The point (lat, lon) lies within ``km`` of (exp_lat, exp_lon)."""
    d = haversine_km(lat, lon, exp_lat, exp_lon)
    label = what or "point"
    assert d <= km, (
        f"{label} at ({lat:.5f}, {lon:.5f}) is {d:.2f} km from the expected "
        f"({exp_lat:.5f}, {exp_lon:.5f}); at most {km} km allowed"
    )


def assert_place(place, *, kind=None, country=None, side=None, admin1=None, near=None, km=3.0):
    """Check the fields of a Place that are given (``near`` is ``(lat, lon)``)."""
    assert place is not None
    if kind is not None:
        assert place.kind == kind, f"{place.id} is a {place.kind}, not a {kind}"
    if country is not None:
        assert place.country == country, f"{place.id} ({place.label}) is in {place.country}, not {country}"
    if side is not None:
        assert place.side == side, f"{place.id} ({place.label}) is on the {place.side} side, not {side}"
    if admin1 is not None:
        assert place.admin1 == admin1, f"{place.id} ({place.label}) is in {place.admin1}, not {admin1}"
    if near is not None:
        assert_near(place.lat, place.lon, near[0], near[1], km=km, what=f"{place.id} ({place.label})")


def ids(candidates) -> list[str]:
    """Place ids of search candidates, in rank order."""
    return [c.place.id for c in candidates]


def one_line(text: str) -> str:
    """The text, which must be exactly one non-empty line (plus its newline)."""
    lines = text.splitlines()
    assert len(lines) == 1 and lines[0].strip(), f"expected one line, got {text!r}"
    return lines[0]


def parse(geoparser, text: str, **fields):
    """The Document for ``text``, after checking that every mention's offsets
    slice out its text (and an offset's, its own)."""
    doc = geoparser.parse_text(text, **fields)
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, (m.start, m.end, m.text, text[m.start:m.end])
        if m.offset is not None:
            assert text[m.offset.start:m.offset.end] == m.offset.text, m.offset
            assert m.offset.end == m.end and m.offset.start <= m.start, m.offset
    return doc


def span(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Start and end of the ``occurrence``-th ``phrase`` in ``text``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(phrase, at + 1)
    return at, at + len(phrase)


def mention_at(doc, phrase: str, occurrence: int = 0):
    """The mention whose span is exactly that of ``phrase`` in the document."""
    start, end = span(doc.text, phrase, occurrence)
    found = [m for m in doc.mentions if (m.start, m.end) == (start, end)]
    assert found, f"no mention at {phrase!r} [{start}:{end}]; mentions: {describe_mentions(doc)}"
    return found[0]


def mentions_over(doc, phrase: str, occurrence: int = 0) -> list:
    """Mentions overlapping ``phrase`` in the document."""
    start, end = span(doc.text, phrase, occurrence)
    return [m for m in doc.mentions if m.start < end and start < m.end]


def describe_mentions(doc) -> list[tuple]:
    return [(m.start, m.end, m.text, m.place_id) for m in doc.mentions]


def stored_articles(db) -> int:
    """How many articles a GeoPackage store holds now (read while another process writes it)."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet


def invoke_cli(*args, input=None, env=None):
    """``bordermap ARGS`` run in this process by click's runner (arguments
    may be paths): its exit code, standard output and error, exception."""
    from click.testing import CliRunner

    from bordermap.cli.main import cli

    return CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env, catch_exceptions=True)


def as_a_user(command: list[str]) -> list[str]:
    """``command`` run without the power to write anywhere: unchanged for a
    user, and for root without the capabilities that pass over file modes
    (so a read-only folder is read-only); skips when they cannot be dropped."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    drop = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"] if setpriv else None
    if drop is None or subprocess.run([*drop, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root, and cannot drop the capabilities that write anywhere")
    return [*drop, *command]
