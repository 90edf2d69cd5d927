"""Turns located events into maps and GIS files.

Importing ``maps`` is cheap: geopandas, shapely and the geoparser load only
when a function that needs them is called.

    from maps import geo_events, export_events

    frame = geo_events(["article.txt"])          # a GeoDataFrame, one row per event
    export_events(frame, "events.geojson")       # or .gpkg, .parquet, .csv
    m = corridor_map(frame, corridor="Nogales")  # a folium.Map
    save_map(m, "nogales.html")                  # or .png (from an offline map)
"""

from __future__ import annotations

import os

__all__ = ["corridor_map", "events_frame", "export_events", "geo_events", "read_events", "save_map"]

_LAZY = {"events_frame": "maps.frame", "export_events": "maps.export", "read_events": "maps.export",
         "corridor_map": "maps.render", "save_map": "maps.page"}


def geo_events(inputs, *, lang: str | None = None, gazetteer=None, on_bad_record=None):
    """The events of the articles in ``inputs`` as a GeoDataFrame (see
    ``maps.frame.events_frame``).

    ``inputs``: files or folders of articles (.txt, .jsonl, .csv) or ``-`` for
    standard input, as ``geo.readers.read_documents`` reads them. ``lang``
    ("en" or "es") is the language of every input; it is detected per
    article when not given. ``gazetteer`` defaults to the packaged one.
    A record that cannot be read (an ``InputFileError`` naming its file and
    line) is raised, unless ``on_bad_record`` is given: then it is passed
    to that callable and skipped.
    """
    from geo.pipeline import Geoparser
    from geo.readers import read_documents

    from .frame import events_frame

    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    geoparser = Geoparser(gazetteer)
    events = []
    for item in read_documents([os.fspath(name) for name in inputs], lang=lang):
        if isinstance(item, Exception):
            if on_bad_record is None:
                raise item
            on_bad_record(item)
            continue
        events.extend(geoparser(item).events)
    from geo.incidents import assign_incidents

    assign_incidents(events)  # the same happening told by several articles
    return events_frame(events)


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
