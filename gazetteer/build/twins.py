"""Twin cities: the recorded pairs, with their towns resolved to place ids."""

from __future__ import annotations

from ..model import Place, TwinCity
from ..names import fold
from ..projection import haversine_km
from .border import US_NAMES
from .facts import FactsError, read_table, split

MAX_TOWN_KM = 50.0  # Boquillas' US side is the national park
TOWN_KINDS = frozenset({"city", "town", "village", "park", "region"})


def _resolve(town: str, state: str, near: tuple[float, float], places: list[Place]) -> Place | None:
    key = fold(town)
    best, best_km = None, MAX_TOWN_KM
    for place in places:
        if place.kind not in TOWN_KINDS or place.admin1 != state:
            continue
        if key != fold(place.name) and key not in {fold(a) for a in place.aliases}:
            continue
        km = haversine_km(near[0], near[1], place.lat, place.lon)
        if km < best_km:
            best, best_km = place, km
    return best


def twin_cities(places: list[Place], warnings: list[str]) -> list[TwinCity]:
    rows = read_table("twin_cities", ("id", "name", "us_town", "us_state", "mx_town", "mx_state", "ports"))
    by_id = {p.id: p for p in places}
    out = []
    for row in rows:
        ports = split(row["ports"])
        unknown = [p for p in ports if p not in by_id]
        if unknown:
            raise FactsError(f"{row['_where']}: unknown ports {unknown}")
        lat = round(sum(by_id[p].lat for p in ports) / len(ports), 5)
        lon = round(sum(by_id[p].lon for p in ports) / len(ports), 5)
        us = _resolve(row["us_town"], US_NAMES.get(row["us_state"], row["us_state"]), (lat, lon), places)
        mx = _resolve(row["mx_town"], row["mx_state"], (lat, lon), places)
        for side, found, town in (("US", us, row["us_town"]), ("MX", mx, row["mx_town"])):
            if found is None:
                warnings.append(f"{row['_where']}: {side} town {town!r} not found near its ports")
        out.append(TwinCity(id=row["id"], name=row["name"], us_place=us.id if us else None,
                            mx_place=mx.id if mx else None, ports=tuple(ports), lat=lat, lon=lon))
    return out
