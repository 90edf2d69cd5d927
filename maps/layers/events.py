"""Events as markers, clustered in the browser (Leaflet.markercluster), each
coloured and iconed by type; a popup per event, built when it opens.

No Python marker objects: the events travel as one compact table (columns
of numbers, plus tables of the distinct texts they point into), gzipped
when big, so 100,000 events make a page of about ten megabytes. Events outside the map's area are
drawn with a dashed ring; unlocated ones are not drawn (the panel counts
them).
"""

from __future__ import annotations

from maps import assets
from maps.layers import ScriptLayer, js_json, popup
from maps.styles import style_of

DIRECTIONS = {"northbound": 1, "southbound": 2}
COMPRESS_OVER = 500_000  # characters of JSON above which the table travels gzipped


class EventsLayer(ScriptLayer):
    script = "events"
    css = "events"
    default_js = [assets.MARKERCLUSTER_JS]
    default_css = [assets.MARKERCLUSTER_CSS, assets.MARKERCLUSTER_DEFAULT_CSS, assets.FONTAWESOME_CSS,
                   assets.FONTAWESOME_SOLID_CSS]

    def __init__(self, selection, *, name: str = "Events", show: bool = True):
        super().__init__(name, show=show)
        self.table = event_table(selection)

    def payload(self) -> str:
        """The table as JSON; gzipped and base64-encoded when big (events.js
        unpacks it with the browser's DecompressionStream)."""
        import base64
        import gzip
        import json

        text = js_json(self.table)
        if len(text) <= COMPRESS_OVER:
            return text
        packed = gzip.compress(json.dumps(self.table, ensure_ascii=False, separators=(",", ":")).encode(),
                               compresslevel=6, mtime=0)
        return js_json({"gzip": base64.b64encode(packed).decode("ascii")})


class _Strings:
    """Distinct strings, each stored once; events keep indexes."""

    def __init__(self):
        self.items: list = []
        self._index: dict = {}

    def __call__(self, key, make=None) -> int:
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = len(self.items)
            self.items.append(make() if make else key)
        return found


def event_table(selection) -> dict:
    """The located events of ``selection`` as the columns events.js reads."""
    import numpy as np

    frame = selection.frame
    rows = np.flatnonzero(selection.located)
    types, dates, precisions, places, evidence, docs, texts = (_Strings() for _ in range(7))
    columns = {k: [] for k in ("t", "dir", "d", "dp", "p", "e", "s", "q", "o", "off")}
    get = {name: frame[name].to_numpy(dtype=object, na_value=None) if name in frame else [None] * len(frame)
           for name in ("type", "direction", "date", "date_precision", "place_name", "place_feature",
                        "location_precision", "location_reason", "evidence", "doc_title", "doc_url",
                        "doc_source", "doc_published", "quantities_text", "other_sources", "id")}
    outside = selection.outside
    for i in rows:
        kind = get["type"][i]
        columns["t"].append(types(kind, lambda k=kind: _type_entry(k)))
        columns["dir"].append(DIRECTIONS.get(get["direction"][i], 0))
        columns["d"].append(dates(popup.text(get["date"][i])))
        columns["dp"].append(precisions(popup.date_precision(get["date_precision"][i])))
        place = (get["place_name"][i], get["place_feature"][i], get["location_precision"][i],
                 get["location_reason"][i])
        columns["p"].append(places(place, lambda p=place: popup.place_html(*p)))
        said = (get["evidence"][i], get["place_name"][i])
        columns["e"].append(evidence(said, lambda s=said: popup.highlight(*s)))
        doc = (get["doc_title"][i], get["doc_url"][i], get["doc_source"][i], get["doc_published"][i])
        columns["s"].append(docs(doc, lambda d=doc: popup.source_html(*d)))
        columns["q"].append(_optional(texts, get["quantities_text"][i]))
        columns["o"].append(_optional(texts, get["other_sources"][i], as_list=True))
        columns["off"].append(int(outside[i]))
    return {"n": len(rows), "lat": np.round(selection.lat[rows], 5).tolist(),
            "lon": np.round(selection.lon[rows], 5).tolist(), **columns,
            "types": types.items, "dates": dates.items, "dprecs": precisions.items, "places": places.items,
            "evidence": evidence.items, "docs": docs.items, "texts": texts.items}


def _type_entry(kind) -> dict:
    style = style_of(kind)
    return {"key": popup.text(kind), "label": popup.text(style.label), "color": style.color,
            "icon": style.icon}


def _optional(strings: _Strings, value, *, as_list: bool = False) -> int:
    """The index of a text (or of a list of "; "-separated names), -1 for none."""
    if not popup.text(value):
        return -1
    if as_list:
        from maps.frame import LIST_SEPARATOR

        items = "".join(f"<li>{popup.text(x)}</li>" for x in str(value).split(LIST_SEPARATOR) if x.strip())
        return strings(f"<ul>{items}</ul>")
    return strings(popup.text(value))
