"""Where an event happened (``EventLocator``): the most specific place its
sentence names (a town, a port, an offset from one), a border segment ("the
Arizona-Sonora border"), the stretch of a river near a town, an area's
polygon — falling back to the article's dateline, then to its main place.
Each location has a precision in ACLED's sense (1 the town or site, 2 near
it or a small area, 3 a region, state or border segment) and the reason it
was chosen."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .document import Document, Mention
from .patterns import initials, word_lead

# Most specific first: the kind of place that best says where something happened.
SPECIFICITY = ("coordinates", "port_of_entry", "checkpoint", "station", "landmark", "village", "town",
               "city", "river", "road", "mountain", "park", "reservation", "municipality", "county", "region",
               "desert", "sector", "body_of_water", "state", "country")
PRECISION = {**dict.fromkeys(("coordinates", "port_of_entry", "checkpoint", "station", "landmark",
                              "village", "town", "city"), 1),
             **dict.fromkeys(("river", "road", "mountain", "park", "reservation", "municipality",
                              "county"), 2),
             **dict.fromkeys(("region", "desert", "sector", "body_of_water", "state", "country",
                              "border_segment"), 3)}
LOCAL = frozenset(SPECIFICITY[:SPECIFICITY.index("desert")])  # a town, a site, a county: not a region
_NEAR = ("near", "outside", "close to", "cerca de", "en las afueras de", "a las afueras de", "around")
NEAR = re.compile(word_lead(initials(_NEAR)) + rf"(?:{'|'.join(_NEAR)})\s+(?:the\s+)?$", re.IGNORECASE)
PAIR_GAP = re.compile(r"\s*[-–/]\s*$")
BORDER_AFTER = re.compile(r"\s+(?:border|frontera)\b", re.IGNORECASE)
_CORRIDOR = ("smuggling corridor", "corridor", "corredor")
CORRIDOR = re.compile(word_lead(initials(_CORRIDOR)) + rf"(?:{'|'.join(_CORRIDOR)})\b", re.IGNORECASE)
CACHE_SIZE = 50_000  # shapes and contexts kept per locator
STRETCH_DEG = 0.25  # a river or road "near Roma" is drawn this far either side
AREA_SIMPLIFY_DEG = 0.005  # the finest an area's outline is drawn (~500 m)
AREA_DETAIL = 150  # an outline keeps detail down to 1/150 of the area's size
AREA_SMALLEST_PART = 0.0005  # islands smaller than this share of the area are left out


@dataclass(slots=True)
class EventPlace:
    place_id: str | None
    name: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    precision: int
    reason: str
    geometry: object | None = None  # shapely geometry
    uncertainty_km: float | None = None
    side: str | None = None
    border_km: float | None = None
    sector: str | None = None
    nearest_port: str | None = None
    corridor: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None

    def named_within(self, start: int, end: int) -> bool:
        """Was this place named in ``text[start:end]`` (not taken from elsewhere)?"""
        return self.mention_start is not None and start <= self.mention_start < end

    def to_dict(self) -> dict:
        geometry = None
        if self.geometry is not None:
            import shapely

            geometry = shapely.geometry.mapping(self.geometry)
        return {
            "place_id": self.place_id, "place_name": self.name, "place_feature": self.feature,
            "lat": self.lat, "lon": self.lon, "location_precision": self.precision,
            "location_reason": self.reason, "uncertainty_km": self.uncertainty_km,
            "side": self.side, "border_km": self.border_km, "sector": self.sector,
            "nearest_port": self.nearest_port, "corridor": self.corridor, "geometry": geometry,
        }


_LOCATIVE = ("in", "at", "near", "outside", "close to", "on a ranch near", "en", "cerca de",
             "a las afueras de")
LOCATIVE = re.compile(word_lead(initials(_LOCATIVE)) + rf"(?:{'|'.join(_LOCATIVE)})\s+"
                      r"(?:the\s+|el\s+|la\s+)?$", re.IGNORECASE)
LOCATIVE_PULL = 4  # "Kingsville Station agents found remains near Armstrong": Armstrong
OFFSET_PULL = 3  # "15 miles east of the Sásabe crossing" says where more exactly than any name
_ORIGIN = ("residents? of", "natives? of", "from", "vecin[oa]s? de", "originari[oa]s? de", "provenientes? de",
           "procedentes? de", "who lives? in", "lives? in", "who lived in", "lived in", "living in",
           "con domicilio en", "domiciliad[oa]s? en", "con residencia en", "radicad[oa]s? en",
           "originari[oa]s? del estado de", "provenientes? del estado de", "from the (?:Mexican )?state of",
           # where people's relatives are: "tras la denuncia de un familiar en Houston"
           "familiar(?:es)? en", "parientes? en", "relatives? in", "family in")
# "Leonel Arreguín-Soto, 44, of Chula Vista": a person's age, then home town.
_AGE_OF = (r"\d+, of", r"\d+ años, de", r"\d+, de")
ORIGIN = re.compile(word_lead(initials(_ORIGIN), r"\d") + rf"(?:{'|'.join((*_ORIGIN, *_AGE_OF))})"
                    r"\s+(?:the\s+)?$", re.IGNORECASE)


# "Officials in Mexicali, the capital of Baja California, said police arrested
# two men in San Luis Río Colorado": where the speakers are is not where it
# happened, when the sentence puts it in another place.
_SPEAKERS = ("officials", "authorities", "prosecutors", "investigators", "a spokesman", "a spokeswoman",
             "autoridades", "funcionarios", "fiscales", "voceros?")
SPEAKER = re.compile(word_lead(initials(_SPEAKERS)) + rf"(?:{'|'.join(_SPEAKERS)})\s+(?:in|en|de)\s+$",
                     re.IGNORECASE)
SPEECH = re.compile(r"[^.;]{0,80}?\b(?:said|says|told|reported|announced|dijo|dijeron|inform[óo]|"
                    r"informaron|report[óo]|reportaron|señal[óo]|señalaron|indic[óo]|indicaron)\b",
                    re.IGNORECASE)


def _speakers_place(text: str, m: Mention) -> bool:
    return bool(SPEAKER.search(text[max(0, m.start - 30):m.start]) and SPEECH.match(text, m.end))


_HEADED = ("into", "toward", "towards", "hacia", "rumbo a", "bound for", "headed to", "heading to",
           "con destino a")
HEADED = re.compile(word_lead(initials(_HEADED)) + rf"(?:{'|'.join(_HEADED)})\s+(?:the\s+)?$", re.IGNORECASE)


# The article's own town, unnamed: "al sur de esta ciudad", "south of town".
THIS_TOWN = re.compile(r"\b(?:esta ciudad|este municipio|esta localidad|this city|town)\b", re.IGNORECASE)


def _headed_to(text: str, m: Mention) -> bool:
    """A country or state written as where something was headed ("drove
    south into Mexico"); a town so written may be where it happened ("went
    into the Tijuana warehouse")."""
    return m.feature in ("country", "state") and bool(HEADED.search(text[max(0, m.start - 20):m.start]))


def _origin(text: str, m: Mention) -> bool:
    return bool(ORIGIN.search(text[max(0, m.start - 30):m.start]))


def _locative(text: str, m: Mention) -> bool:
    return bool(LOCATIVE.search(text[max(0, m.start - 30):m.start]))


def _within(gaz, inner: Mention, outer: Mention) -> bool:
    """Is ``inner`` (a town) in the state or country ``outer``?"""
    place = gaz.get(inner.place_id) if inner.place_id else None
    if place is None or outer.place_id is None:
        return False
    if outer.feature == "country":
        return place.country == outer.country
    if outer.feature == "state":
        return place.admin1 == outer.name and place.country == outer.country
    return False


BORDER_COUNTRIES = frozenset({"US", "MX"})
SEGMENT_COUNTRY_CODES = {"US": ("CA", "AZ", "NM", "TX"), "MX": ("BCN", "SON", "CHH", "COA", "NLE", "TAM")}


def _touches(segment, m: Mention) -> bool:
    """Does a border segment lie along the state or country ``m``?"""
    if m.feature == "country":
        return m.country in SEGMENT_COUNTRY_CODES
    codes = {"Arizona": "AZ", "California": "CA", "New Mexico": "NM", "Texas": "TX", "Baja California": "BCN",
             "Sonora": "SON", "Chihuahua": "CHH", "Coahuila": "COA", "Nuevo León": "NLE", "Tamaulipas": "TAM"}
    return codes.get(m.name) in segment.codes


def _rank(m: Mention) -> int:
    return SPECIFICITY.index(m.feature) if m.feature in SPECIFICITY else len(SPECIFICITY)


def main_place(doc: Document) -> Mention | None:
    """The article's main place: its dateline, else its most named local place."""
    located = [m for m in doc.mentions if m.place_id and m.lat is not None]
    if not located:
        return None
    first = located[0]
    if first.start - doc.body_start < 60 and doc.text[first.end:first.end + 1] in (",", " ", ".", "\u2014"):
        opening = doc.text[doc.body_start:first.start].strip()
        if not opening or opening.lower().startswith(("by ", "por ")) or opening.isupper():
            return first
    local = [m for m in located if m.feature in LOCAL]
    if not local:
        return None
    counts = Counter(m.place_id for m in local)
    best = max(counts.values())
    return next(m for m in local if counts[m.place_id] == best)


def _first_located(doc: Document) -> Mention | None:
    return next((m for m in doc.mentions if m.place_id and m.lat is not None), None)


def _as_events_carry(area):
    """An area's outline at the detail a map of events needs: a county to
    ~500 m, a country to ~10 km, without its smallest islands and holes — a
    country would otherwise weigh 100 KB or more on every event placed in it."""
    import shapely

    smallest = AREA_SMALLEST_PART * area.area
    parts = list(getattr(area, "geoms", [area]))
    kept = [shapely.Polygon(p.exterior, [h for h in p.interiors if shapely.Polygon(h).area >= smallest])
            for p in parts if p.area >= smallest] or parts
    outline = shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]
    tolerance = max(AREA_SIMPLIFY_DEG, math.sqrt(area.area) / AREA_DETAIL)
    return outline.simplify(tolerance, preserve_topology=True)


class EventLocator:
    """Places events for one gazetteer. Keeps what it works out once — area
    shapes as events carry them, river stretches, border segments, the
    border context of points — for as long as the pipeline that owns it."""

    def __init__(self, gazetteer):
        self.gaz = gazetteer
        # The border index places every event that is not at a gazetteer point
        # (its side, sector, distance to the line): built now, with the
        # pipeline's other heavy parts, not by the first such event (0.2 s).
        gazetteer.border_index()
        self._shapes: dict[tuple, object] = {}
        self._contexts: dict[tuple[float, float], object] = {}
        self._segments: dict[tuple[str, str], object] = {}

    def _place_geometry(self, place_id: str, lat: float, lon: float, feature: str):
        """A point; the stretch of a river or road near it; an area's outline
        simplified as events carry it. Made once per place and point."""
        key = (place_id, lat, lon, feature)
        geometry = self._shapes.get(key)
        if geometry is None:
            if len(self._shapes) > CACHE_SIZE:
                self._shapes.clear()
            geometry = self._shapes[key] = self._make_geometry(place_id, lat, lon, feature)
        return geometry

    def _make_geometry(self, place_id: str, lat: float, lon: float, feature: str):
        import shapely

        point = shapely.Point(lon, lat)
        place = self.gaz.get(place_id)
        if place is None or not place.has_shape:
            return point
        geom = self.gaz.geometry(place_id)
        if feature in ("river", "road"):
            stretch = geom.intersection(point.buffer(STRETCH_DEG))
            return stretch if not stretch.is_empty else geom
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            return _as_events_carry(geom)
        return geom

    def _border_segment(self, doc: Document, inside: list[Mention]):
        """"the Arizona-Sonora border", "Arizona- Mexico border": the segment."""
        for a, b in zip(inside, inside[1:]):
            if not (a.name and b.name and PAIR_GAP.match(doc.text[a.end:b.start])):
                continue
            if not BORDER_AFTER.match(doc.text, b.end):
                continue
            segment = self._segment_between(a.name, b.name)
            if segment is not None:
                return segment, a
        return None

    def _segment_between(self, a: str, b: str):
        """The border segment between two states or countries, if any."""
        if (a, b) not in self._segments:
            self._segments[(a, b)] = next(
                (c.place for query in (f"{a}-{b} border", f"{b}-{a} border")
                 for c in self.gaz.search(query, limit=3) if c.place.kind == "border_segment"), None)
        return self._segments[(a, b)]

    def _narrower_segment(self, doc: Document, segment):
        """A state's whole border named here, a pair of states named elsewhere in
        the article ("the Arizona-Sonora model"): the pair's segment."""
        if len(segment.codes) != 1:
            return segment
        for a, b in zip(doc.mentions, doc.mentions[1:]):
            if a.name and b.name and PAIR_GAP.match(doc.text[a.end:b.start]):
                pair = self._segment_between(a.name, b.name)
                if pair is not None and len(pair.codes) == 2 and segment.codes[0] in pair.codes:
                    return pair
        return segment

    def _context(self, place: EventPlace) -> EventPlace:
        if place.lat is None:
            return place
        known = self.gaz.get(place.place_id) if place.place_id else None
        if known is not None and known.side and (known.lat, known.lon) == (place.lat, place.lon):
            # A gazetteer point (a port, a town): its context was worked out when
            # the gazetteer was built, with the care a port on the line needs.
            place.side, place.border_km, place.sector = known.side, known.border_km, known.sector
            place.nearest_port = known.nearest_port
            place.corridor = known.sector if (known.border_km or 0) <= 100 else None
            return place
        key = (round(place.lat, 5), round(place.lon, 5))
        ctx = self._contexts.get(key)
        if ctx is None:
            if len(self._contexts) > CACHE_SIZE:
                self._contexts.clear()
            ctx = self._contexts[key] = self.gaz.reverse(place.lat, place.lon, ports=1)
        place.side, place.border_km, place.sector = ctx.side, ctx.border_km, ctx.sector
        place.nearest_port = ctx.nearest_ports[0].port_id if ctx.nearest_ports else None
        place.corridor = ctx.sector if ctx.border_km <= 100 else None
        return place

    def _from_mention(self, doc: Document, m: Mention, reason: str,
                      precision: int | None = None, offset=None) -> EventPlace:
        """The event at ``m`` (or at ``offset`` from it, the mention's own
        offset by default)."""
        offset = offset or m.offset
        lat, lon, uncertainty = m.lat, m.lon, None
        level = PRECISION.get(m.feature, 3) if precision is None else precision
        if offset is not None:
            lat, lon, uncertainty = offset.lat, offset.lon, offset.uncertainty_km
            level = max(level, 2)
            reason = f"{reason}; {offset.text!r}"
            import shapely

            geometry = shapely.Point(lon, lat)
        else:
            if NEAR.search(doc.text[max(0, m.start - 25):m.start]):
                level = max(level, 2)
                reason = f"{reason}; near it"
            if m.place_id:
                geometry = self._place_geometry(m.place_id, lat, lon, m.feature)
            else:
                import shapely

                geometry = shapely.Point(lon, lat)  # coordinates written in the text
        return self._context(EventPlace(
            place_id=m.place_id, name=m.name, feature=m.feature, lat=lat, lon=lon, precision=level,
            reason=reason, geometry=geometry, uncertainty_km=uncertainty,
            mention_start=m.start, mention_end=m.end))

    def _segment_place(self, doc: Document, place, first: Mention, reason: str) -> EventPlace:
        place = self._narrower_segment(doc, place)
        geometry = self.gaz.geometry(place.id)
        anchor = main_place(doc)
        if anchor is not None and anchor.feature in LOCAL:
            import shapely
            from shapely.ops import nearest_points

            point = nearest_points(geometry, shapely.Point(anchor.lon, anchor.lat))[0]
            lat, lon = round(point.y, 5), round(point.x, 5)
        else:
            lat, lon = place.lat, place.lon
        return self._context(EventPlace(
            place_id=place.id, name=place.name, feature="border_segment", lat=lat, lon=lon, precision=3,
            reason=reason, geometry=geometry, mention_start=first.start))

    def focus(self, doc: Document):
        """Where an article is, for sentences that name no place: its dateline;
        else the stretch of border it names ("the Arizona-Sonora border"); else
        its most named town; else its most named state. None when it names none."""
        main = main_place(doc)
        dateline = main is not None and main is _first_located(doc) and main.feature in LOCAL
        if dateline:
            return ("mention", main)
        located = [m for m in doc.mentions if m.lat is not None]
        segment = self._border_segment(doc, located)
        if segment is not None:
            return ("segment", segment)
        if main is not None:
            return ("mention", main)
        states = [m for m in located if m.feature == "state"]
        if states:
            counts = Counter(m.place_id for m in states)
            return ("mention", next(m for m in states if counts[m.place_id] == max(counts.values())))
        return None

    def locate(self, doc: Document, start: int, end: int, focus=None) -> EventPlace:
        """Where the event told by ``doc.text[start:end]`` happened; ``focus`` is
        ``focus(doc)``, computed once per article by the caller."""
        inside = [m for m in doc.mentions if start <= m.start < end and m.lat is not None]
        segment = self._border_segment(doc, inside)
        if segment is not None:
            place, first = segment
            return self._segment_place(doc, place, first,
                                       f"{doc.text[first.start:first.end]}… border named in the sentence")
        # "a resident of Nogales, Sonora", "migrants from Guatemala": where people
        # come from is not where the event happened.
        origins: set[int] = set()
        road_ends: set[int] = set()
        for k, m in enumerate(inside):
            after_origin = k > 0 and k - 1 in origins and doc.text[inside[k - 1].end:m.start].strip() == ","
            if _origin(doc.text, m) or after_origin:  # "of Nogales, Sonora": both
                origins.add(k)
        # "Carretera Federal 2 Nuevo Laredo-Piedras Negras": the towns name the road's ends.
        for k, m in enumerate(inside):
            if k and (inside[k - 1].feature == "road" or k - 1 in road_ends) and (
                    not doc.text[inside[k - 1].end:m.start].strip()
                    or (k - 1 in road_ends and PAIR_GAP.match(doc.text[inside[k - 1].end:m.start]))):
                road_ends.add(k)
        # A country beyond the two ("todos de Honduras") says who, not where.
        inside = [m for k, m in enumerate(inside) if k not in origins and k not in road_ends
                  and not (m.feature == "country" and m.country not in BORDER_COUNTRIES)]
        # "drove south into Mexico", "rumbo a Estados Unidos": where it was headed.
        headed = [m for m in inside if _headed_to(doc.text, m)]
        if headed and len(headed) < len(inside):
            inside = [m for m in inside if m not in headed]
        told_from = [m for m in inside if _speakers_place(doc.text, m)]
        if told_from and any(m not in told_from and _locative(doc.text, m) for m in inside):
            inside = [m for m in inside if m not in told_from]  # "...said police arrested two men in X"
        if inside:
            best = min(inside, key=lambda m: _rank(m) - (LOCATIVE_PULL if _locative(doc.text, m) else 0)
                       - (OFFSET_PULL if m.offset is not None else 0))
            if best.feature in ("state", "country") and focus is not None:
                # "Sonora police reported...", "hundreds of U.S. and Mexican officers":
                # the article's own town or stretch of border, inside that state or
                # country, says more.
                kind, what = focus
                if kind == "segment" and _touches(what[0], best):
                    return self._segment_place(doc, what[0], what[1],
                                               f"the stretch of border the article is about, in {best.name}")
                if kind == "mention" and what.feature in LOCAL and _within(self.gaz, what, best):
                    return self._from_mention(doc, what, f"the article's main place, in {best.name}")
            return self._from_mention(doc, best, f"{best.text!r} named in the sentence")
        if focus is None:
            return EventPlace(place_id=None, name=None, feature=None, lat=None, lon=None, precision=3,
                              reason="no place in the text")
        kind, what = focus
        if kind == "segment":
            place, first = what
            return self._segment_place(doc, place, first, "the stretch of border the article is about")
        main = what
        offset = self._offset_from_here(doc, start, end, main)
        if offset is not None:
            return offset
        if CORRIDOR.search(doc.text[start:end]):
            corridor = self._sector_stretch(main)
            if corridor is not None:
                return corridor
        return self._from_mention(doc, main, "the article's dateline or main place",
                             precision=max(2, PRECISION.get(main.feature, 3)))

    def _offset_from_here(self, doc: Document, start: int, end: int, main: Mention) -> EventPlace | None:
        """"a 20 kilómetros al poniente de esta ciudad", "15 miles south of
        town": an offset from the article's own town."""
        from .locate import kind_radius_km
        from .offsets import find_offset, offset_from

        if main.feature not in LOCAL or main.lat is None:
            return None
        for here in THIS_TOWN.finditer(doc.text, start, end):
            found = find_offset(doc.text, here.start())
            if found is not None:
                place = self.gaz.get(main.place_id) if main.place_id else None
                offset = offset_from(doc.text, found, here.end(), main.place_id, main.lat, main.lon,
                                     kind_radius_km(main.feature, place.population if place else None))
                return self._from_mention(doc, main, "the article's dateline or main place", offset=offset)
        return None

    def _sector_stretch(self, main: Mention) -> EventPlace | None:
        """"the border's busiest smuggling corridor" in an article about a place:
        the border within that place's Border Patrol sector."""
        ctx = self.gaz.reverse(main.lat, main.lon, ports=1)
        if ctx.sector is None:
            return None
        sector = self.gaz.get(ctx.sector)
        line = self.gaz.geometry("border:us-mexico")
        stretch = line.intersection(self.gaz.geometry(sector.id).buffer(0.05))
        if stretch.is_empty:
            return None
        point = stretch.interpolate(0.5, normalized=True) if stretch.geom_type == "LineString" else \
            stretch.representative_point()
        return self._context(EventPlace(
            place_id=sector.id, name=f"{sector.name} border corridor", feature="corridor",
            lat=round(point.y, 5), lon=round(point.x, 5), precision=3,
            reason=f"a corridor in an article about {main.name}: the border in {sector.name}",
            geometry=stretch))
