"""A local SQLite copy of the gazetteer's files, made once per data version.

The committed files are compact, diffable and reproducible, but reading and
folding 200,000 names takes about a second. The first use of a data version
writes this index to the user's cache folder; every later run opens it in a
millisecond and looks names up with one indexed query.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path

from . import store
from .errors import GazetteerDataError
from .names import fold

SCHEMA_VERSION = 3
KEEP_CACHES = 3  # cache files of older data versions kept beside the current one
NAME_COLUMNS = ("name", "aliases", "abbreviations", "codes")
HOW = {"name": "name", "aliases": "alias", "abbreviations": "abbreviation", "codes": "code"}


def cache_dir() -> Path:
    """``$BORDERMAP_CACHE``, else ``$XDG_CACHE_HOME/bordermap``, else ``~/.cache/bordermap``."""
    if os.environ.get("BORDERMAP_CACHE"):
        return Path(os.environ["BORDERMAP_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "bordermap"


def data_version(data_dir: Path) -> str:
    manifest = data_dir / store.MANIFEST_FILE
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerDataError(f"{manifest}: cannot read the gazetteer manifest ({exc})") from None
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode())
    digest.update(str(data_dir.resolve()).encode())
    return f"{digest.hexdigest()[:20]}-v{SCHEMA_VERSION}"


def open_index(data_dir: Path) -> sqlite3.Connection:
    """Open (and on first use create) the SQLite index of ``data_dir``."""
    folder = cache_dir()
    path = folder / f"gazetteer-{data_version(data_dir)}.sqlite"
    if path.exists():
        return _connect(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=folder)
        os.close(fd)
    except OSError:
        # No writable cache: build in memory, every run.
        db = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(db, data_dir)
        return db
    try:
        db = sqlite3.connect(tmp)
        _fill(db, data_dir)
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    prune_cache(folder, "gazetteer-*.sqlite")
    return _connect(path)


def prune_cache(folder: Path, pattern: str, keep: int = KEEP_CACHES) -> None:
    """Delete all but the ``keep`` newest cache files matching ``pattern``."""
    files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _connect(path: Path) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _fill(db: sqlite3.Connection, data_dir: Path) -> None:
    try:
        header, rows = store.read_place_rows(data_dir / store.PLACES_FILE)
        shapes = store.read_shapes(data_dir / store.SHAPES_FILE)
    except (OSError, ValueError) as exc:
        raise GazetteerDataError(f"{data_dir}: cannot read the gazetteer data ({exc})") from None
    col = {name: i for i, name in enumerate(header)}
    db.executescript(
        """
        CREATE TABLE places (n INTEGER PRIMARY KEY, id TEXT UNIQUE, kind TEXT, country TEXT,
                             population INTEGER, row TEXT);
        CREATE TABLE names (key TEXT, n INTEGER, form TEXT, how TEXT);
        CREATE TABLE shapes (id TEXT PRIMARY KEY, wkb BLOB);
        """
    )
    place_rows, name_rows = [], []
    for n, row in enumerate(rows):
        population = int(row[col["population"]]) if row[col["population"]] else None
        place_rows.append((n, row[col["id"]], row[col["kind"]], row[col["country"]] or None, population,
                           "\t".join(row)))
        for column in NAME_COLUMNS:
            cell = row[col[column]]
            for form in (cell.split("|") if column != "name" else [cell]):
                if form:
                    name_rows.append((fold(form), n, form, HOW[column]))
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)", place_rows)
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", name_rows)
    import shapely

    db.executemany(
        "INSERT INTO shapes VALUES (?, ?)",
        ((pid, shapely.to_wkb(shapely.from_wkt(wkt))) for pid, wkt in shapes.items()),
    )
    db.executescript(
        """
        CREATE INDEX names_key ON names (key);
        CREATE INDEX places_kind ON places (kind);
        """
    )
    db.commit()
