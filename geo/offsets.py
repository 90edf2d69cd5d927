"""Locations written relative to a place: "15 miles east of Sásabe", "20 km
al sur de Nogales", "0.2 MILES WEST OF MARIPOSA PORT OF ENTRY", "south of
Roma". The point is the place displaced along the geodesic (geopy), with an
uncertainty that grows with the distance and with a missing distance."""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass

UNITS_KM = {
    "mile": 1.609344, "miles": 1.609344, "mi": 1.609344, "mi.": 1.609344,
    "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0, "km": 1.0, "kms": 1.0,
    "kilómetro": 1.0, "kilómetros": 1.0, "kilometro": 1.0, "kilometros": 1.0,
    "yard": 0.0009144, "yards": 0.0009144, "yd": 0.0009144, "feet": 0.0003048, "ft": 0.0003048,
    "metros": 0.001, "meters": 0.001, "metres": 0.001, "m": 0.001, "millas": 1.609344,
}
WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a few": 3, "several": 5, "half a": 0.5,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40,
    "cincuenta": 50, "unos": 3, "unas": 3,
}
BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
    "west": 270, "northwest": 315, "n": 0, "ne": 45, "e": 90, "se": 135, "s": 180, "sw": 225,
    "w": 270, "nw": 315, "north-northeast": 22.5, "east-northeast": 67.5, "east-southeast": 112.5,
    "south-southeast": 157.5, "south-southwest": 202.5, "west-southwest": 247.5,
    "west-northwest": 292.5, "north-northwest": 337.5,
    "norte": 0, "noreste": 45, "nororiente": 45, "este": 90, "oriente": 90, "sureste": 135,
    "suroriente": 135, "sur": 180, "suroeste": 225, "surponiente": 225, "oeste": 270,
    "poniente": 270, "noroeste": 315, "norponiente": 315,
}
_DIRECTION = "|".join(sorted((re.escape(k) for k in BEARINGS), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(k) for k in UNITS_KM), key=len, reverse=True))
_NUMBER = r"\d+(?:[.,]\d+)?|" + "|".join(sorted((re.escape(k) for k in WORD_NUMBERS), key=len, reverse=True))

# "15 miles east of", "about 2 mi. SE of the", "0.2 MILES WEST OF"
ENGLISH = re.compile(
    rf"(?:(?:about|approximately|roughly|some|nearly|almost|less than|more than|just)\s+)?"
    rf"(?P<num>{_NUMBER})[\s-]*(?P<unit>{_UNIT})\s+(?:to the\s+)?(?P<dir>{_DIRECTION})\s+"
    rf"(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "a 20 kilómetros al sur de", "20 km al sur del"
SPANISH = re.compile(
    rf"(?:a\s+)?(?:unos\s+|unas\s+|aproximadamente\s+|casi\s+)?(?P<num>{_NUMBER})\s*(?P<unit>{_UNIT})\s+"
    rf"(?:al|hacia el)\s+(?P<dir>{_DIRECTION})\s+(?:de|del)\s+(?:la\s+|el\s+|los\s+|las\s+)?$",
    re.IGNORECASE,
)
# "south of Roma", "al sur de Nogales": a direction without a distance.
BARE = re.compile(
    rf"\b(?P<dir>{_DIRECTION})\s+(?:of|from)\s+(?:the\s+)?$|\bal\s+(?P<sdir>{_DIRECTION})\s+(?:de|del)\s+$",
    re.IGNORECASE,
)
_DIRECTION_WORDS = frozenset(BEARINGS)
_LINK_ENDINGS = ("of ", "from ", "the ", "de ", "del ", "la ", "el ", "los ", "las ")
_LINK_WORDS = frozenset({"of", "from", "the", "de", "del", "la", "el", "los", "las"})
_UNIT_ENDINGS = tuple(UNITS_KM)
_BEFORE_DIRECTION = frozenset({"to", "the", "al", "hacia", "el"})
BARE_DISTANCE_KM = 8.0  # "south of Roma": somewhere near, to the south
LOOKBACK = 60


@dataclass(slots=True)
class Offset:
    """A location given relative to a place (the anchor)."""

    text: str
    start: int
    end: int
    anchor: str  # place id
    distance_km: float
    bearing_deg: float
    lat: float
    lon: float
    uncertainty_km: float

    def to_dict(self) -> dict:
        return asdict(self)


def _number(text: str) -> float | None:
    key = text.lower().strip()
    if key in WORD_NUMBERS:
        return float(WORD_NUMBERS[key])
    try:
        return float(key.replace(",", "."))
    except ValueError:
        return None


def find_offset(text: str, start: int) -> tuple[int, float | None, float] | None:
    """An offset phrase ending right before ``start``: (phrase start,
    distance km or None, bearing)."""
    link = text[max(0, start - 6):start].lower()
    if not link.endswith(_LINK_ENDINGS):
        return None  # the cheap test: no "of ", "de ", "the " right before the name
    window_start = max(0, start - LOOKBACK)
    window = text[window_start:start]
    words = window.lower().split()
    if not words or words[-1] not in _LINK_WORDS or not _DIRECTION_WORDS.intersection(words[-4:]):
        return None  # every offset phrase ends "<direction> of|from|de [the]" right before the name
    for pattern in (ENGLISH, SPANISH) if not window.isascii() or _unit_before_direction(words) else ():
        m = pattern.search(window)
        if m:
            number = _number(m["num"])
            unit = UNITS_KM.get(m["unit"].lower())
            bearing = BEARINGS.get(m["dir"].lower())
            if number is not None and unit and bearing is not None:
                return window_start + m.start(), number * unit, float(bearing)
    m = BARE.search(window)
    if m:
        bearing = BEARINGS.get((m["dir"] or m["sdir"]).lower())
        if bearing is not None:
            return window_start + m.start(), None, float(bearing)
    return None


def _unit_before_direction(words: list[str]) -> bool:
    """Whether a distance can end right before the direction: in "15 miles
    [to the] east of [the]" and "20 km al sur de", the word before the
    direction ("to the", "al", "hacia el" aside) ends with a unit. Every
    match of ENGLISH or SPANISH has one, and the test costs far less than a
    search with either (for ASCII text, where lower case is what the
    patterns' IGNORECASE sees)."""
    for k in (2, 3):
        if len(words) > k and words[-k] in _DIRECTION_WORDS:
            i = len(words) - k - 1
            if words[i] in _BEFORE_DIRECTION:
                i -= 1
            if i >= 0 and words[i] in _BEFORE_DIRECTION:
                i -= 1
            if i >= 0 and words[i].endswith(_UNIT_ENDINGS):
                return True
    return False


def displace(lat: float, lon: float, distance_km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``distance_km`` along the geodesic from (lat, lon) at the
    bearing (geopy's ``geodesic``: Karney's solution on WGS 84)."""
    point = _wgs84().destination((lat, lon), bearing_deg, distance=distance_km)
    return round(point.latitude, 6), round(point.longitude, 6)


@functools.cache
def _wgs84():
    """One geopy geodesic on WGS 84: it sets up its ellipsoid once, not for
    every offset (a third of an offset's time)."""
    from geopy.distance import geodesic

    return geodesic(ellipsoid="WGS-84")


def uncertainty_km(distance_km: float | None, anchor_radius_km: float) -> float:
    """How far off the displaced point may be: the anchor's own size, plus a
    fifth of the distance (directions in news are rounded to eight points and
    distances to round numbers)."""
    if distance_km is None:
        return round(anchor_radius_km + BARE_DISTANCE_KM, 2)
    return round(anchor_radius_km + 0.2 * distance_km + 0.1, 2)


def offset_for(text: str, start: int, end: int, place_id: str, lat: float, lon: float,
               anchor_radius_km: float) -> Offset | None:
    found = find_offset(text, start)
    if found is None:
        return None
    return offset_from(text, found, end, place_id, lat, lon, anchor_radius_km)


def offset_from(text: str, found: tuple[int, float | None, float], end: int, place_id: str, lat: float,
                lon: float, anchor_radius_km: float) -> Offset:
    """The Offset of a phrase ``find_offset`` found, ending with the name at ``end``."""
    phrase_start, distance, bearing = found
    moved = distance if distance is not None else BARE_DISTANCE_KM
    new_lat, new_lon = displace(lat, lon, moved, bearing)
    return Offset(text=text[phrase_start:end], start=phrase_start, end=end, anchor=place_id,
                  distance_km=round(moved, 3), bearing_deg=bearing, lat=new_lat, lon=new_lon,
                  uncertainty_km=uncertainty_km(distance, anchor_radius_km))
