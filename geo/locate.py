"""Locations that are not bare names: offsets from a resolved place ("15
miles east of Sásabe") and coordinates written in the text."""

from __future__ import annotations

from .coordinates import find_coordinates
from .document import Document, Mention
from .localities import find_named_localities
from .offsets import find_offset, offset_from
from .sentences import sentence_bounds

# How far from its representative point a place of each kind may extend (km):
# the part of a location's uncertainty that comes from the anchor itself.
KIND_RADIUS_KM = {
    "port_of_entry": 0.3, "checkpoint": 0.3, "station": 1.0, "landmark": 1.0, "village": 1.0,
    "town": 2.0, "city": 5.0, "river": 5.0, "road": 5.0, "mountain": 10.0, "park": 20.0,
    "municipality": 20.0, "county": 30.0, "region": 50.0, "reservation": 50.0, "desert": 100.0,
    "sector": 100.0, "body_of_water": 100.0, "state": 200.0, "country": 500.0,
}


LINE_FEATURES = frozenset({"river", "road"})
SNAP_GAP_CHARS = 12  # "the Rio Grande south of Roma"


def kind_radius_km(kind: str | None, population: int | None = None) -> float:
    if kind == "city" and population:
        return round(min(25.0, max(3.0, (population ** 0.5) / 100)), 1)
    return KIND_RADIUS_KM.get(kind or "", 5.0)


class Locator:
    def __init__(self, gazetteer):
        self.gaz = gazetteer

    def __call__(self, doc: Document) -> Document:
        for i, mention in enumerate(doc.mentions):
            if mention.place_id is None or mention.lat is None:
                continue
            found = find_offset(doc.text, mention.start)
            if found is None:
                mention.offset = None
                continue
            place = self.gaz.get(mention.place_id)
            radius = kind_radius_km(mention.feature, place.population if place else None)
            offset = offset_from(doc.text, found, mention.end, mention.place_id,
                                 mention.lat, mention.lon, radius)
            if i > 0:
                self._snap_to_line(doc, doc.mentions[i - 1], offset)
            mention.offset = offset
        taken = [(m.start, m.end) for m in doc.mentions]
        return self._localities(self._coordinates(doc, taken))

    def _snap_to_line(self, doc: Document, before: Mention, offset) -> None:
        """"near the Rio Grande south of Roma": the point is on the river."""
        if before.feature not in LINE_FEATURES or before.place_id is None:
            return
        if not 0 <= offset.start - before.end <= SNAP_GAP_CHARS:
            return
        import shapely
        from shapely.ops import nearest_points

        line = self.gaz.geometry(before.place_id)
        on_line = nearest_points(line, shapely.Point(offset.lon, offset.lat))[0]
        offset.lat, offset.lon = round(on_line.y, 6), round(on_line.x, 6)

    def _coordinates(self, doc: Document, taken) -> Document:
        added = []
        for found in find_coordinates(doc.text):
            if found.start < doc.body_start or any(s < found.end and found.start < e for s, e in taken):
                continue
            added.append(Mention(
                start=found.start, end=found.end, text=doc.text[found.start:found.end],
                feature="coordinates", lat=found.lat, lon=found.lon, confidence=1.0,
                reason="coordinates written in the text",
            ))
        if added:
            doc.mentions = sorted([*doc.mentions, *added], key=lambda m: m.start)
        return doc

    def _localities(self, doc: Document) -> Document:
        """Places the text names as places ("a place called Plan de Alazán")
        that no gazetteer entry matched, placed by the sentence's best-located
        place, else the dateline."""
        found = [n for n in find_named_localities(doc.text) if n.start >= doc.body_start
                 and not any(m.start < n.end and n.start < m.end for m in doc.mentions)]
        if not found:
            return doc
        located = [m for m in doc.mentions if m.lat is not None and m.place_id]
        for locality in found:
            anchor = _anchor(doc.text, locality.start, located)
            if anchor is None:
                continue
            lat, lon, admin1, country = anchor.lat, anchor.lon, anchor.admin1, anchor.country
            if anchor.offset is not None:  # the displaced point may lie across the line
                lat, lon = anchor.offset.lat, anchor.offset.lon
                context = self.gaz.reverse(lat, lon, ports=0)
                admin1, country = context.state, context.country
            doc.mentions.append(Mention(
                start=locality.start, end=locality.end, text=locality.name, name=locality.name,
                feature="landmark", admin1=admin1, country=country, lat=lat, lon=lon,
                confidence=0.5, reason=f"named as a place ({locality.cue!r}); not in the gazetteer: "
                                       f"placed by {anchor.name or anchor.text!r}"))
        doc.mentions.sort(key=lambda m: m.start)
        return doc


LOCAL_ANCHORS = frozenset({"port_of_entry", "checkpoint", "station", "landmark", "village", "town", "city",
                           "river", "road", "park", "municipality"})


def _anchor(text: str, index: int, located: list[Mention]) -> Mention | None:
    """The place that says where a locality named at ``index`` is: in its
    sentence, an offset first, else the nearest local place; else the
    article's first local place (its dateline, as a rule)."""
    lo, hi = sentence_bounds(text, index)
    here = [m for m in located if lo <= m.start < hi and m.feature in LOCAL_ANCHORS]
    offsets = [m for m in here if m.offset is not None]
    if offsets or here:
        return min(offsets or here, key=lambda m: abs(m.start - index))
    return next((m for m in located if m.feature in LOCAL_ANCHORS), None)
