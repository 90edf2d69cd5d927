"""Exporting events to a GIS file, chosen by the file's suffix, safely: the
output is checked before any work, written to a temporary file beside it and
renamed over the target only when complete, so an interrupted export never
leaves a half-written file in place of the old one."""

from __future__ import annotations

import contextlib
import importlib
import os
import tempfile
from pathlib import Path

from maps.errors import OutputFileError

# format → (module, writer, reader)
FORMATS = {
    "geojson": ("maps.io.geojson", "write_geojson", "read_geojson"),
    "gpkg": ("maps.io.gis", "write_gpkg", "read_gpkg"),
    "parquet": ("maps.io.gis", "write_parquet", "read_parquet"),
    "csv": ("maps.io.table", "write_csv", "read_csv"),
}
SUFFIXES = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".parquet": "parquet",
            ".geoparquet": "parquet", ".csv": "csv"}
# Files SQLite (GeoPackage) may leave beside the one it writes.
SIDECARS = ("-journal", "-wal", "-shm")


def export_events(events_or_frame, path, *, format: str | None = None):
    """Write events (Event objects, their dicts, or a frame from
    ``maps.frame.events_frame``) to ``path``: .geojson/.json, .gpkg,
    .parquet or .csv, or the ``format`` given. Returns the frame written.

    Raises ``OutputFileError`` before doing anything else if ``path`` cannot
    be written or its type is unknown.
    """
    kind = check_output(path, format=format)
    frame = _as_frame(events_or_frame)
    module, writer, _reader = FORMATS[kind]
    write = getattr(importlib.import_module(module), writer)
    with _replacing(Path(path)) as tmp:
        write(frame, tmp)
    return frame


def read_events(path, *, format: str | None = None):
    """The events GeoDataFrame of a file written by ``export_events``."""
    kind = output_format(path, format)
    module, _writer, reader = FORMATS[kind]
    return getattr(importlib.import_module(module), reader)(path)


def output_format(path, format: str | None = None) -> str:
    """The format name for ``path``: ``format`` if given, else by suffix."""
    if format is not None:
        if format not in FORMATS:
            raise OutputFileError(path, f"unknown format {format!r} (expected {', '.join(FORMATS)})")
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        what = f"unknown file type {suffix!r}" if suffix else "no file type"
        raise OutputFileError(path, f"{what} (expected {known})")
    return SUFFIXES[suffix]


def check_output(path, *, format: str | None = None) -> str:
    """The format for ``path``, after checking that a file can be written
    there (by creating and removing a temporary file beside it)."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise OutputFileError(path, "it is a folder")
    kind = output_format(path, format)
    if not folder.is_dir():
        problem = f"{folder} is not a folder" if folder.exists() else f"no folder {folder}"
        raise OutputFileError(path, problem)
    if target.exists() and not os.access(target, os.W_OK):
        raise OutputFileError(path, "permission denied")
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise OutputFileError(path, (exc.strerror or str(exc)).lower()) from None
    os.close(fd)
    os.unlink(probe)
    return kind


@contextlib.contextmanager
def _replacing(target: Path):
    """A temporary path beside ``target``, renamed over it when the block
    ends normally; removed (with any SQLite side files) otherwise."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=f".part{target.suffix}")
    os.close(fd)
    try:
        yield tmp
        _sync(tmp)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, *(tmp + s for s in SIDECARS)):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def _sync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    """The old file's permissions, or those a new file would get."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _as_frame(events_or_frame):
    """A frame in EPSG:4326 with clean geometries."""
    import geopandas

    from maps.frame import CRS, clean_geometries, events_frame

    if not isinstance(events_or_frame, geopandas.GeoDataFrame):
        return events_frame(events_or_frame)
    frame = events_or_frame
    if frame.crs is None:
        frame = frame.set_crs(CRS)
    elif not frame.crs.equals(CRS):
        frame = frame.to_crs(CRS)
    else:
        frame = frame.copy()
    frame[frame.geometry.name] = geopandas.GeoSeries(clean_geometries(frame.geometry.to_numpy()),
                                                     index=frame.index, crs=CRS)
    return frame
