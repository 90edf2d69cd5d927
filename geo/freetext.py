"""Short free-text location descriptions, as incident datasets write them
("3 MI SE OF LITTLE TUCSON VILLAGE", "0.2 MILES WEST OF MARIPOSA PORT OF
ENTRY", "N 32 19.938, W 113 00.169"), to one point with an uncertainty."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.projection import haversine_km

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


@dataclass(frozen=True, slots=True)
class FreeTextLocation:
    lat: float | None
    lon: float | None
    uncertainty_km: float | None
    place_id: str | None
    match: str  # what located it, for people to check


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


def locate_description(text: str, geoparser) -> FreeTextLocation:
    if not text or not text.strip():
        return FreeTextLocation(None, None, None, None, "empty")
    coordinates = find_coordinates(text)
    if coordinates:
        c = coordinates[0]
        return FreeTextLocation(c.lat, c.lon, COORDINATE_UNCERTAINTY_KM, None,
                                f"coordinates {text[c.start:c.end]!r}")
    written_out = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m[1].lower()], readable_case(text))
    doc = geoparser.parse_text(written_out, id="description")
    located = [m for m in doc.mentions if m.lat is not None]
    if not located:
        return FreeTextLocation(None, None, None, None, "no place found")
    # "Ranch near Encino, Brooks County, Texas, USA": the county, state and
    # country a record names rule out an Encino in California.
    areas = ruling_areas(located)
    located = [m for m in located if _fits(m, areas)] or located

    def rank(m):
        kind = m.feature if m.feature in SPECIFICITY else "country"
        return (m.offset is None, SPECIFICITY.index(kind), -m.confidence)

    best = min(located, key=rank)
    if best.offset is not None:
        o = best.offset
        return FreeTextLocation(o.lat, o.lon, o.uncertainty_km, best.place_id,
                                f"{o.distance_km:g} km at {o.bearing_deg:g}° from {best.name}")
    place = geoparser.gazetteer.get(best.place_id) if best.place_id else None
    radius = kind_radius_km(best.feature, place.population if place else None)
    return FreeTextLocation(best.lat, best.lon, radius, best.place_id, f"{best.feature} {best.name}")


AREA_KINDS = frozenset({"country", "state", "county", "municipality"})
COUNTY_REACH_KM = 80.0  # a place "in" a county or municipio lies within this of its centre


def ruling_areas(mentions) -> list:
    """The country, state, county and municipio a description names, each
    kind once: a kind named twice over ("in El Paso, Texas, after crossing
    near Antelope Wells, New Mexico") rules nothing out."""
    named: dict[str, set] = {}
    for area in mentions:
        if area.feature in AREA_KINDS:
            named.setdefault(area.feature, set()).add(area.place_id)
    return [m for m in mentions if m.feature in AREA_KINDS and len(named[m.feature]) == 1]


def _fits(m, areas) -> bool:
    """Does ``m`` lie in the ruling ``areas`` (besides itself)?"""
    for area in areas:
        if area is m:
            continue
        if m.country and area.country and m.country != area.country:
            return False  # "La India Ranch, Brooks County, Texas": not India
        if area.feature == "state" and m.feature != "country" and m.admin1 and m.admin1 != area.admin1:
            return False
        if area.feature in ("county", "municipality") and m.feature not in AREA_KINDS \
                and haversine_km(m.lat, m.lon, area.lat, area.lon) > COUNTY_REACH_KM:
            return False
    return True
