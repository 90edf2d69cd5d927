"""Errors of the maps, the exports, the event store and ingestion; user
errors are BordermapErrors, printed as one line by the CLI."""

from __future__ import annotations

from gazetteer.errors import BordermapError


class OutputFileError(BordermapError):
    """An output file that cannot be written: no such folder, no permission,
    a folder in its place, or a file type the exporter does not know."""

    exit_code = 2

    def __init__(self, path, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"cannot write {self.path}: {message}")


class MissingDependencyError(BordermapError):
    """A package a file format needs is not installed."""

    exit_code = 3

    def __init__(self, package: str, what: str):
        self.package = package
        super().__init__(f"{what} needs the '{package}' package: pip install {package}")


class UnknownCorridorError(BordermapError):
    """A corridor name that matches no sector, border segment or twin-city
    crossing; the message lists the valid names."""

    exit_code = 2

    def __init__(self, name: str, valid: list[str]):
        self.name = name
        self.valid = list(valid)
        super().__init__(f"unknown corridor {name!r}; valid corridors: {', '.join(self.valid)}")


class MapInputError(BordermapError):
    """A bad map option: a bounding box, a date or an event type the map cannot use."""

    exit_code = 2


class MissingAssetsError(BordermapError):
    """The local copy of Leaflet and its plugins (for offline maps and PNGs),
    or the browser that draws PNGs, is not installed."""

    exit_code = 3


class StoreError(BordermapError):
    """A store that cannot be opened, reached, created or written: a missing
    folder, a read-only file, a file that is not a bordermap store, a
    PostgreSQL server that does not answer or lacks PostGIS. Raised before
    any article is read."""

    exit_code = 2

    def __init__(self, target, message: str):
        self.target = str(target)
        self.message = message
        super().__init__(f"cannot use the store {self.target}: {message}")


class ColumnMapError(BordermapError):
    """A bad ``--map`` option (``text=body,published=date``)."""

    exit_code = 2


class EngineError(BordermapError):
    """The Dask scheduler cannot be reached, or Dask is not installed."""

    exit_code = 3
