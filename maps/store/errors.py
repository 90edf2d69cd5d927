"""Errors of the event store and of ingestion; user errors are
BordermapErrors, printed as one line by the CLI.

(They live beside the store rather than in ``maps.errors`` so the store can
be worked on apart from the maps; both derive from the one base class.)
"""

from __future__ import annotations

from gazetteer.errors import BordermapError


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
