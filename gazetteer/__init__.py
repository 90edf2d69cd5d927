"""An offline gazetteer of the US–Mexico border region.

Towns on both sides, ports of entry, Border Patrol sectors and stations,
checkpoints, border segments, rivers, roads and named areas, with their
geometries and border context. Nothing heavy is imported until it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = [
    "BorderContext",
    "BorderGeocoder",
    "BordermapError",
    "Candidate",
    "Gazetteer",
    "InputFileError",
    "InvalidCoordinateError",
    "NameMatch",
    "NoMatchError",
    "Place",
    "fold",
]

_LAZY = {
    "Gazetteer": ".gazetteer",
    "BorderGeocoder": ".geocoder",
    "Place": ".model",
    "Candidate": ".model",
    "NameMatch": ".model",
    "BorderContext": ".model",
    "BordermapError": ".errors",
    "NoMatchError": ".errors",
    "InvalidCoordinateError": ".errors",
    "InputFileError": ".errors",
    "fold": ".names",
}

if TYPE_CHECKING:  # pragma: no cover
    from .errors import BordermapError, InputFileError, InvalidCoordinateError, NoMatchError
    from .gazetteer import Gazetteer
    from .geocoder import BorderGeocoder
    from .model import BorderContext, Candidate, NameMatch, Place
    from .names import fold


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
