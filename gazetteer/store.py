"""The gazetteer's files on disk: gzip'd, tab-separated, written byte-for-byte
reproducibly (fixed order, fixed number formats, no timestamps)."""

from __future__ import annotations

import gzip
import io
from dataclasses import fields
from pathlib import Path

from .model import Place, TwinCity

PLACES_FILE = "places.tsv.gz"
SHAPES_FILE = "shapes.tsv.gz"
MANIFEST_FILE = "manifest.json"
TWINS_FILE = "twin_cities.tsv"

PLACE_COLUMNS = tuple(f.name for f in fields(Place))
_TUPLES = {"aliases", "abbreviations", "codes"}
_FLOATS = {"lat": "{:.5f}", "lon": "{:.5f}", "border_km": "{:.1f}"}
_INTS = {"population"}
_BOOLS = {"has_shape", "capital"}


def data_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


def _cell(name: str, value) -> str:
    if value is None:
        return ""
    if name in _TUPLES:
        return "|".join(value)
    if name in _FLOATS:
        return _FLOATS[name].format(value)
    if isinstance(value, bool):
        return "1" if value else ""
    text = str(value)
    if "\t" in text or "\n" in text:
        raise ValueError(f"tab or newline in {name}: {text!r}")
    return text


def _write_gzip_text(path: Path, text: str) -> None:
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))
    Path(path).write_bytes(raw.getvalue())


def _read_gzip_lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().split("\n")


def write_places(path: Path, places) -> None:
    lines = ["\t".join(PLACE_COLUMNS)]
    for place in places:
        lines.append("\t".join(_cell(c, getattr(place, c)) for c in PLACE_COLUMNS))
    _write_gzip_text(path, "\n".join(lines) + "\n")


def _parse(name: str, text: str):
    if name in _TUPLES:
        return tuple(text.split("|")) if text else ()
    if text == "":
        return False if name in _BOOLS else None
    if name in _FLOATS:
        return float(text)
    if name in _INTS:
        return int(text)
    if name in _BOOLS:
        return text == "1"
    return text


def read_place_rows(path: Path) -> tuple[tuple[str, ...], list[list[str]]]:
    """The header and the raw rows; Places are made from rows on demand."""
    lines = _read_gzip_lines(path)
    header = tuple(lines[0].split("\t"))
    if header != PLACE_COLUMNS:
        raise ValueError(f"{path}: columns {header} are not {PLACE_COLUMNS}")
    return header, [line.split("\t") for line in lines[1:] if line]


def place_from_row(row: list[str]) -> Place:
    return Place(*(_parse(name, text) for name, text in zip(PLACE_COLUMNS, row)))


def write_shapes(path: Path, shapes) -> None:
    """``shapes``: (place id, shapely geometry in WGS 84) pairs."""
    import shapely

    lines = ["id\twkt"]
    for place_id, geom in shapes:
        # Snap to the 5 decimals written, keeping the result valid.
        snapped = shapely.set_precision(geom, 1e-5)
        lines.append(f"{place_id}\t{shapely.to_wkt(snapped, rounding_precision=5, trim=True)}")
    _write_gzip_text(path, "\n".join(lines) + "\n")


def read_shapes(path: Path) -> dict[str, str]:
    """Place id → WKT text, parsed into geometries by the caller when needed."""
    lines = _read_gzip_lines(path)
    out = {}
    for line in lines[1:]:
        if line:
            place_id, wkt = line.split("\t", 1)
            out[place_id] = wkt
    return out


_TWIN_COLUMNS = ("id", "name", "us_place", "mx_place", "ports", "lat", "lon")


def write_twin_cities(path: Path, twins) -> None:
    lines = ["\t".join(_TWIN_COLUMNS)]
    for t in twins:
        lines.append("\t".join((t.id, t.name, t.us_place or "", t.mx_place or "", "|".join(t.ports),
                                f"{t.lat:.5f}", f"{t.lon:.5f}")))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_twin_cities(path: Path) -> list[TwinCity]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines()[1:]:
        tid, name, us, mx, ports, lat, lon = line.split("\t")
        ports_ = tuple(ports.split("|"))
        out.append(TwinCity(tid, name, us or None, mx or None, ports_, float(lat), float(lon)))
    return out
