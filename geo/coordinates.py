"""Coordinates written in text: decimal degrees, degrees-minutes-seconds and
degrees with decimal minutes ("N 31 50.773 / W 112 02.329"), with
hemisphere letters or signs. Each is validated (ranges, minutes and seconds
below 60) before it becomes a location."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"\d{1,3}(?:\.\d+)?"
_SEP = r"\s*[°º:\s]\s*"
_MIN = r"\d{1,2}(?:\.\d+)?"
_SEC = r"\d{1,2}(?:\.\d+)?"
_HEMI_LAT = r"[NS](?![A-Za-z])"
_HEMI_LON = r"[EWO](?![A-Za-z])"  # O: oeste; never the first letter of a word

# N 31 50.773 / W 112 02.329   ·   31°50.773'N 112°02.329'W   ·   31°20'02"N 110°56'17"W
def _part(p: str, hemi: str) -> str:
    return (
        f"(?P<{p}h1>{hemi})?\\s*(?P<{p}d>\\d{{1,3}})" + _SEP + f"(?P<{p}m>{_MIN})\\s*['′]?\\s*"
        f"(?:(?P<{p}s>{_SEC})\\s*[\"″]?)?\\s*(?P<{p}h2>{hemi})?"
    )


DMS = re.compile(
    _part("a", _HEMI_LAT) + r"\s*[,/;]?\s*" + _part("o", _HEMI_LON), re.IGNORECASE
)
DECIMAL = re.compile(
    r"(?P<lat>[-+]?\d{1,2}\.\d{3,})\s*°?\s*(?P<lath>" + _HEMI_LAT + r")?\s*[,/;\s]\s*"
    r"(?P<lon>[-+]?\d{1,3}\.\d{3,})\s*°?\s*(?P<lonh>" + _HEMI_LON + r")?",
    re.IGNORECASE,
)


# The cheap test before the full patterns: a degree sign after a number, a
# decimal with three places, or "N 31 50". Each is looked for only where a
# simpler, faster test (a plain substring, a literal-led pattern) finds a place
# it could start: one alternation over the whole text costs more than the three.
_DEGREE = re.compile(r"\d\s*[°º]")
_THREE_DECIMALS = re.compile(r"\.\d{3}")
_DECIMAL = re.compile(r"\d\.\d{3}")
_DIGIT_SPACE_DIGIT = re.compile(r"\d\s+\d")
_HEMISPHERE_DEGREES = re.compile(r"[NSns]\s*\d{1,2}\s+\d")


def _maybe_coordinates(text: str) -> bool:
    if ("°" in text or "º" in text) and _DEGREE.search(text):
        return True
    if _THREE_DECIMALS.search(text) and _DECIMAL.search(text):
        return True
    return bool(_DIGIT_SPACE_DIGIT.search(text) and _HEMISPHERE_DEGREES.search(text))


@dataclass(frozen=True, slots=True)
class CoordinateMatch:
    start: int
    end: int
    lat: float
    lon: float


def _dms(d: str, m: str, s: str | None) -> float | None:
    minutes, seconds = float(m), float(s) if s else 0.0
    if minutes >= 60 or seconds >= 60:
        return None
    return float(d) + minutes / 60 + seconds / 3600


def _signed(value: float, hemi: str | None, negative: str) -> float:
    return -abs(value) if hemi and hemi.upper() in negative else value


def _valid(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180


def _skip_space(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _trim(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def find_coordinates(text: str, west_default: bool = True) -> list[CoordinateMatch]:
    """Coordinates in ``text``. Without hemisphere letters or signs, a
    longitude is taken as west (the tool's region) when ``west_default``."""
    found: list[CoordinateMatch] = []
    if not _maybe_coordinates(text):
        return found
    for m in DMS.finditer(text):
        lat_h = m["ah1"] or m["ah2"]
        lon_h = m["oh1"] or m["oh2"]
        if not (lat_h and lon_h):
            continue  # degree-minute pairs need hemispheres to be told from other numbers
        lat = _dms(m["ad"], m["am"], m["as"])
        lon = _dms(m["od"], m["om"], m["os"])
        if lat is None or lon is None:
            continue
        lat, lon = _signed(lat, lat_h, "S"), _signed(lon, lon_h, "WO")
        if _valid(lat, lon):
            found.append(CoordinateMatch(_skip_space(text, m.start()), _trim(text, m.end()),
                                         round(lat, 6), round(lon, 6)))
    for m in DECIMAL.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        lat, lon = float(m["lat"]), float(m["lon"])
        lat = _signed(lat, m["lath"], "S")
        if m["lonh"]:
            lon = _signed(lon, m["lonh"], "WO")
        elif west_default and lon > 0 and not m["lon"].startswith("+"):
            lon = -lon
        if _valid(lat, lon):
            found.append(CoordinateMatch(m.start(), _trim(text, m.end()), round(lat, 6), round(lon, 6)))
    return sorted(found, key=lambda c: c.start)
