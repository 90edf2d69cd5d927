"""The user's own places, from a CSV or GeoJSON file.

CSV: a header with at least ``name``, ``lat``, ``lon``; optional ``id``,
``kind``, ``aliases`` (``|``-separated), ``country``, ``admin1``, ``admin2``,
``population``. GeoJSON: a FeatureCollection whose features have a ``name``
property (same optional properties) and any geometry; lines and polygons keep
their shape and get a representative point. Errors name the file and line
(CSV) or feature (GeoJSON).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from .errors import InputFileError
from .model import FEATURE_KINDS, Place

_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    from .names import fold

    return _SLUG.sub("-", fold(text)).strip("-") or "place"


def _float(value, what: str, path, where) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputFileError(path, where, f"{what} is not a number: {value!r}") from None
    return number


def _place(props: dict, lat, lon, path, where, has_shape=False) -> Place:
    name = str(props.get("name") or "").strip()
    if not name:
        raise InputFileError(path, where, "missing name")
    y = _float(lat, "lat", path, where)
    x = _float(lon, "lon", path, where)
    if not (-90 <= y <= 90 and -180 <= x <= 180):
        raise InputFileError(path, where, f"coordinate out of range: {y}, {x}")
    kind = str(props.get("kind") or "landmark").strip()
    if kind not in FEATURE_KINDS:
        raise InputFileError(path, where, f"unknown kind {kind!r} (one of {', '.join(FEATURE_KINDS)})")
    aliases = props.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|") if a.strip()]
    population = props.get("population")
    population = None if population in ("", None) else int(_float(population, "population", path, where))
    return Place(
        id=str(props.get("id") or f"user:{_slug(name)}"), name=name, kind=kind,
        country=(props.get("country") or None), lat=round(y, 6), lon=round(x, 6),
        admin1=props.get("admin1") or None, admin2=props.get("admin2") or None,
        population=population, aliases=tuple(aliases), has_shape=has_shape,
        source=f"user file {Path(path).name}",
    )


def read_csv_places(path: Path) -> list[Place]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"name", "lat", "lon"} - set(reader.fieldnames or [])
            if missing:
                raise InputFileError(path, 1, f"missing columns: {', '.join(sorted(missing))}")
            places = []
            for row in reader:
                line = reader.line_num
                if None in row:
                    raise InputFileError(path, line, "more cells than columns")
                places.append(_place(row, row.get("lat"), row.get("lon"), path, line))
            return places
    except UnicodeDecodeError as exc:
        raise InputFileError(path, None, f"not UTF-8 text ({exc.reason})") from None
    except csv.Error as exc:
        raise InputFileError(path, None, f"bad CSV: {exc}") from None


def read_geojson_places(path: Path) -> list[tuple[Place, object]]:
    import shapely

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputFileError(path, None, f"not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise InputFileError(path, exc.lineno, f"not JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputFileError(path, 1, "expected a GeoJSON FeatureCollection")
    out = []
    for i, feature in enumerate(data.get("features") or [], start=1):
        where = f"feature {i}"
        try:
            geom = shapely.geometry.shape(feature["geometry"])
        except Exception as exc:  # shapely raises several kinds for bad input
            raise InputFileError(path, None, f"{where}: bad geometry ({exc})") from None
        if geom.is_empty or not geom.is_valid:
            raise InputFileError(path, None, f"{where}: empty or invalid geometry")
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        props = feature.get("properties") or {}
        try:
            place = _place(props, point.y, point.x, path, None, has_shape=geom.geom_type != "Point")
        except InputFileError as exc:
            raise InputFileError(path, None, f"{where}: {exc.message}") from None
        out.append((place, geom if place.has_shape else None))
    return out


def read_places_file(path) -> tuple[list[Place], dict]:
    """Places from a CSV or GeoJSON file, and the shapes of those that are
    lines or areas; repeated ids get a suffix ("user:camp-3-2")."""
    from dataclasses import replace

    path = Path(path)
    if not path.is_file():
        raise InputFileError(path, None, "no such file")
    if path.suffix.lower() in (".geojson", ".json"):
        pairs = read_geojson_places(path)
    elif path.suffix.lower() in (".csv", ".txt"):
        pairs = [(place, None) for place in read_csv_places(path)]
    else:
        raise InputFileError(path, None, "expected a .csv or .geojson file")
    seen: dict[str, int] = {}
    places, shapes = [], {}
    for place, geom in pairs:
        seen[place.id] = seen.get(place.id, 0) + 1
        if seen[place.id] > 1:
            place = replace(place, id=f"{place.id}-{seen[place.id]}")
        if geom is not None:
            shapes[place.id] = geom
        places.append(place)
    return places, shapes
