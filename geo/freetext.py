"""Short free-text location descriptions, as incident datasets write them
("3 MI SE OF LITTLE TUCSON VILLAGE", "0.2 MILES WEST OF MARIPOSA PORT OF
ENTRY", "N 32 19.938, W 113 00.169"), to one point with an uncertainty.

A description is a tiny document: it is geoparsed like an article, then the
most specific place that fits everything else it says is kept. Records are
written in haste, so names misspelt beyond the gazetteer's aliases ("Cuidad
Acuña", "Pidras Negras") are matched again by similarity before giving up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.names import fold
from gazetteer.projection import haversine_km

from . import lexicon
from .coordinates import find_coordinates
from .locate import kind_radius_km

# The more specific a place, the better it locates a description.
SPECIFICITY = ("coordinates", "port_of_entry", "checkpoint", "station", "landmark", "village", "town",
               "city", "road", "river", "mountain", "park", "reservation", "region", "municipality",
               "county", "desert", "sector", "state", "country")
COORDINATE_UNCERTAINTY_KM = 0.05
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑáéíóúñ']+")
# Short forms incident records use for the words of names ("LUKEVILLE POE",
# "ARIVACA RD"), written out so the gazetteer's names match.
ABBREVIATIONS = {"poe": "Port of Entry", "rd": "Road", "hwy": "Highway", "nwr": "National Wildlife Refuge",
                 "mtns": "Mountains", "mts": "Mountains", "mtn": "Mountain", "ck": "Creek", "cyn": "Canyon"}
_ABBREVIATION = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b\.?", re.IGNORECASE)
_ROAD_PREFIX = re.compile(r"[A-Z]{1,3}[\s-]*\d")
_INSTITUTION = re.compile(r"\b(?:" + "|".join(sorted(
    w.capitalize() for w in (*lexicon.ORG_HEADS_BEFORE, "medical", "center", "centre", "clinic"))) + r")\b")

AREA_KINDS = ("municipality", "county", "state", "country")  # smallest first
SETTLEMENT_KINDS = frozenset({"village", "town", "city"})
LINE_KINDS = frozenset({"river", "road"})
# On the line between two countries: in either side's state.
ON_THE_LINE = frozenset({"river", "road", "port_of_entry", "border_segment"})
# How far (about 25 km) outside an area's outline a place may lie and still
# be "in" it: ports sit on the line between two states, and records name the
# county next door for a town near a county line.
AREA_MARGIN_DEG = 0.25
# "El Barretal, Tijuana": a place written before a town, after a comma, lies
# within this of the town.
WITHIN_TOWN_KM = 40.0
SURE = 0.8  # the confidence of a town that can rule out another
# "Hospital in El Paso, after crossing near Antelope Wells": what follows
# "after" is where the person had been, not where the record is.
_HISTORY = re.compile(r"\b(?:after|tras|despu[eé]s\s+de)\b", re.IGNORECASE)

# Misspelt names: how alike (rapidfuzz ratio, 0-100) a run of words must be
# to a gazetteer name, the shortest run worth trying, and how far from the
# line the places tried may lie (the records are about the border).
SPELLING_SCORE = 87.0
SPELLING_MIN_CHARS = 5
SPELLING_BORDER_KM = 400.0
SPELLING_KINDS = frozenset({"village", "town", "city", "municipality", "county", "state"})
_CAPITALISED_RUN = re.compile(r"[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ'’-]*(?:\s+[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ'’-]*){0,2}")


@dataclass(frozen=True, slots=True)
class FreeTextLocation:
    lat: float | None
    lon: float | None
    uncertainty_km: float | None
    place_id: str | None
    match: str  # what located it, for people to check
    feature: str | None = None  # the kind of place it was located by ("coordinates" for those)


def readable_case(text: str) -> str:
    """Capitals-only descriptions in title case ("MARIPOSA PORT OF ENTRY" →
    "Mariposa Port Of Entry"), so that names are told from other words;
    lengths, and so offsets, are unchanged."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) <= 0.8:
        return text
    # Road prefixes stay in capitals: "SR 86", "US 83", "I-19".
    titled = _WORD.sub(lambda m: m[0] if _ROAD_PREFIX.match(text, m.start()) else m[0].title(), text)
    return titled if len(titled) == len(text) else text


class DescriptionLocator:
    """Locates descriptions one after another with one geoparser; keeps what
    is worth keeping between them (the names to match misspellings against,
    the words of known names)."""

    def __init__(self, geoparser):
        self.geoparser = geoparser
        self.gaz = geoparser.gazetteer
        self._spellings: tuple[list[str], list[str]] | None = None  # (folded names, written forms)
        self._name_words: frozenset[str] | None = None
        self._line_runs: dict[tuple[str, str], bool] = {}  # (river or road, area): does it run there?

    def __call__(self, text: str) -> FreeTextLocation:
        if not text or not text.strip():
            return FreeTextLocation(None, None, None, None, "empty")
        coordinates = find_coordinates(text)
        if coordinates:
            c = coordinates[0]
            return FreeTextLocation(c.lat, c.lon, COORDINATE_UNCERTAINTY_KM, None,
                                    f"coordinates {text[c.start:c.end]!r}", "coordinates")
        written_out = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m[1].lower()], readable_case(text))
        # "Hospital General de Tijuana", "McAllen Medical Center": in a record, an
        # institution's town is where the record is.
        written_out = _INSTITUTION.sub(lambda m: m[0].lower(), written_out)
        doc = self.geoparser.parse_text(written_out, id="description")
        respelt = self._respelt(written_out, doc.mentions)
        if respelt is not None:
            doc = self.geoparser.parse_text(respelt, id="description")
        return self._best(doc)

    # -- choosing among the places found -------------------------------------

    def _best(self, doc) -> FreeTextLocation:
        located = [m for m in doc.mentions if m.lat is not None]
        if not located:
            return FreeTextLocation(None, None, None, None, "no place found")
        history = _HISTORY.search(doc.text)
        if history:
            before = [m for m in located if m.end <= history.start()]
            if any(m.feature not in AREA_KINDS for m in before):
                located = before
        # "Ranch near Encino, Brooks County, Texas, USA": the county, state and
        # country a record names rule out an Encino in California.
        areas = ruling_areas(located)
        fitting = [m for m in located if self._fits(m, areas)]
        if all(m.feature in AREA_KINDS for m in fitting):
            # Nothing finer fits as recorded: a place just across the line
            # from the area named ("All American Canal, near Calexico, Mexico")
            # beats the bare area.
            fitting += [m for m in located if m not in fitting and self._fits(m, areas, loosely=True)]
        fitting = fitting or located
        fitting = [m for m in fitting if not self._outside_town(doc.text, m, fitting)] or fitting

        def rank(m):
            kind = m.feature if m.feature in SPECIFICITY else "country"
            return (m.offset is None, SPECIFICITY.index(kind), -m.confidence)

        best = min(fitting, key=rank)
        if best.offset is not None:
            o = best.offset
            return FreeTextLocation(o.lat, o.lon, o.uncertainty_km, best.place_id,
                                    f"{o.distance_km:g} km at {o.bearing_deg:g}° from {best.name}",
                                    best.feature)
        place = self.gaz.get(best.place_id) if best.place_id else None
        radius = kind_radius_km(best.feature, place.population if place else None)
        return FreeTextLocation(best.lat, best.lon, radius, best.place_id, f"{best.feature} {best.name}",
                                best.feature)

    def _fits(self, m, areas, loosely: bool = False) -> bool:
        """Does ``m`` lie in every ruling area wider than itself? A town is
        in the state and country the gazetteer records for it; what lies on
        the line (a port, a river) or off a place (an offset) is tested
        against the area's outline, as is anything against a county's, and,
        ``loosely``, everything."""
        kind_rank = AREA_KINDS.index(m.feature) if m.feature in AREA_KINDS else -1
        for area in areas:
            if area is m or AREA_KINDS.index(area.feature) <= kind_rank:
                continue
            place = self.gaz.get(area.place_id)
            by_outline = place is not None and place.has_shape and (
                loosely or area.feature in ("county", "municipality") or m.offset is not None
                or m.feature in ON_THE_LINE)
            if not by_outline:
                if m.country and area.country and m.country != area.country:
                    return False  # "La India Ranch, Brooks County, Texas": not India
                if area.feature == "state" and m.admin1 and m.admin1 != area.admin1:
                    return False
            elif not self._in_outline(m, area.place_id):
                return False
        return True

    def _in_outline(self, m, area_id: str) -> bool:
        import shapely

        shape = self.gaz.geometry(area_id)
        shapely.prepare(shape)
        if m.feature in LINE_KINDS and m.offset is None and m.place_id:
            key = (m.place_id, area_id)
            runs = self._line_runs.get(key)
            if runs is None:
                runs = self._line_runs[key] = bool(
                    shapely.dwithin(shape, self.gaz.geometry(m.place_id), AREA_MARGIN_DEG))
            return runs
        lat, lon = (m.offset.lat, m.offset.lon) if m.offset is not None else (m.lat, m.lon)
        if shapely.contains_xy(shape, lon, lat):
            return True
        return shape.distance(shapely.Point(lon, lat)) <= AREA_MARGIN_DEG

    @staticmethod
    def _outside_town(text: str, m, located) -> bool:
        """Is ``m`` written just before a town, after a comma ("El Barretal,
        Tijuana", "Hidalgo bridge, Nuevo Laredo"), yet far from it?"""
        if m.feature in LINE_KINDS or m.feature in AREA_KINDS or m.offset is not None:
            return False
        following = [s for s in located if s.start >= m.end]
        if not following:
            return False
        town = min(following, key=lambda s: s.start)
        if town.feature not in SETTLEMENT_KINDS or town.confidence < SURE:
            return False
        if text[m.end:town.start].strip() != ",":
            return False
        return haversine_km(m.lat, m.lon, town.lat, town.lon) > WITHIN_TOWN_KM

    # -- misspelt names ------------------------------------------------------

    def _respelt(self, text: str, mentions) -> str | None:
        """``text`` with runs of capitalised words that hold a word no known
        name has, and that are very like a border place's name, written as
        that name; None when there is nothing to mend."""
        from rapidfuzz import fuzz, process

        taken = [(m.start, m.end) for m in mentions]
        words = self._known_words()
        mends: list[tuple[int, int, str]] = []
        for run in _CAPITALISED_RUN.finditer(text):
            if any(s < run.end() and run.start() < e for s, e in taken):
                continue
            tokens = run[0].split()
            # Try the longest piece first: "Cuidad Acuña" before "Acuña".
            for size in range(len(tokens), 0, -1):
                found = None
                for first in range(len(tokens) - size + 1):
                    piece = " ".join(tokens[first:first + size])
                    folded = fold(piece)
                    if len(folded) < SPELLING_MIN_CHARS or all(w in words for w in folded.split()):
                        continue
                    names, forms = self._spelling_names()
                    hit = process.extractOne(folded, names, scorer=fuzz.ratio, processor=None,
                                             score_cutoff=SPELLING_SCORE)
                    if hit is not None:
                        start = run.start() + run[0].index(piece)
                        found = (start, start + len(piece), forms[hit[2]])
                        break
                if found:
                    mends.append(found)
                    break
        if not mends:
            return None
        out, last = [], 0
        for start, end, form in mends:
            out += [text[last:start], form]
            last = end
        return "".join(out) + text[last:]

    def _spelling_names(self) -> tuple[list[str], list[str]]:
        """The folded names of border places a misspelling may be, and how
        each is written."""
        if self._spellings is None:
            self._read_names()
        return self._spellings

    def _known_words(self) -> frozenset[str]:
        """Every word of every gazetteer name: a run made only of these is no
        misspelling (it is a name the gazetteer lacks, or no name at all)."""
        if self._name_words is None:
            self._read_names()
        return self._name_words

    def _read_names(self) -> None:
        """One pass over the gazetteer's written forms for both lists."""
        near = {p.id for kind in SPELLING_KINDS for p in self.gaz.by_kind(kind)
                if p.border_km is not None and p.border_km <= SPELLING_BORDER_KM}
        names: dict[str, str] = {}
        words: set[str] = set()
        for form, how, place_id, _kind, _country, _pop in self.gaz.name_forms():
            folded = fold(form)
            words.update(folded.split())
            if how in ("name", "alias") and place_id in near and len(folded) >= SPELLING_MIN_CHARS:
                names.setdefault(folded, form)
        self._spellings = (list(names), list(names.values()))
        self._name_words = frozenset(words)


def locate_description(text: str, geoparser) -> FreeTextLocation:
    """One description; use a DescriptionLocator for many."""
    return DescriptionLocator(geoparser)(text)


def ruling_areas(mentions) -> list:
    """The country, state, county and municipio a description names, each
    kind once: a kind named twice over ("in El Paso, Texas, after crossing
    near Antelope Wells, New Mexico") rules nothing out."""
    named: dict[str, set] = {}
    for area in mentions:
        if area.feature in AREA_KINDS:
            named.setdefault(area.feature, set()).add(area.place_id)
    return [m for m in mentions if m.feature in AREA_KINDS and len(named[m.feature]) == 1]
