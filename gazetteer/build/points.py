"""Places that are points (GeoNames towns, ports, stations, checkpoints,
recorded hamlets) and the recorded areas and roads."""

from __future__ import annotations

import shapely

from ..model import Place
from ..names import fold, is_latin_name
from ..projection import haversine_km
from . import sources
from .border import US_NAMES
from .facts import FactsError, coordinate, read_table, split

WORLD_MIN_POPULATION = 15_000
MOVE_KM = 1.0  # a recorded position this far from GeoNames' replaces it
CITY_POPULATION = 10_000
TOWN_POPULATION = 1_000
MX_STATE_BY_NAME = {v: v for v in sources.MX_BORDER_INEGI.values()}


def settlement_kind(population: int) -> str:
    if population >= CITY_POPULATION:
        return "city"
    if population >= TOWN_POPULATION:
        return "town"
    return "village"


# Leading words whose loss leaves a common word, not a name ("La Paz" →
# "Paz", "DeSoto" → "Soto", "El Paso" → "Paso").
DROPPED_ARTICLES = ("la ", "el ", "los ", "las ", "lo ", "the ", "le ", "les ", "de ", "del ", "de la ")


# Leading words of small places' names whose loss leaves a bigger place's
# name ("Ejido Hermosillo" → "Hermosillo", "Colonia Juárez" → "Juárez").
DROPPED_PREFIXES = ("ejido ", "colonia ", "poblado ", "rancho ", "rancheria ", "congregacion ",
                    "fraccionamiento ", "campo ", "ampliacion ")


def truncated(name_key: str, alt_key: str) -> bool:
    """Is the folded alternate the folded name less an article, a "De"
    joined on, a word such as "Ejido", or a plural "s" ("Parks" → "Park")?"""
    if any(name_key == article + alt_key for article in (*DROPPED_ARTICLES, *DROPPED_PREFIXES)):
        return True
    return name_key in ("de" + alt_key, "la" + alt_key, alt_key + "s")


def usable_aliases(name: str, alternates, taken=frozenset()) -> tuple[str, ...]:
    """Latin-script alternate names worth matching: not codes, not numbers,
    not repeats of the name once folded, not the name cut down to a common
    word, and none of the folded names in ``taken`` (a village called
    "Ejido Sonora" is not "Sonora")."""
    seen = {fold(name)} | set(taken)
    out = []
    if fold(name).startswith("ciudad "):  # "Cd. Juárez", "CD. ACUÑA" in datelines
        alternates = [*alternates, "Cd. " + name[len("Ciudad "):]]
    for alt in alternates:
        alt = alt.strip()
        key = fold(alt)
        if len(key) < 3 or key in seen or any(c.isdigit() for c in alt) or truncated(fold(name), key):
            continue
        if not is_latin_name(alt) or (alt.isupper() and len(alt) <= 4):
            continue
        seen.add(key)
        out.append(alt)
    return tuple(sorted(out, key=lambda a: (fold(a), a)))


def geonames_places(admin1_names: dict[tuple[str, str], str], border_admin1) -> list[Place]:
    """Every GeoNames place in the ten border states, and the world's cities
    of at least 15,000 people."""
    local = sources.geonames_cities("cities500.json")
    world = sources.geonames_cities("cities15000.json")
    chosen = {}
    for gid, city in local.items():
        if (city["countrycode"], city["admin1code"]) in border_admin1:
            chosen[gid] = city
    for gid, city in world.items():
        if city["population"] >= WORLD_MIN_POPULATION:
            chosen.setdefault(gid, city)
    # A state's name is no alias for a town (its own name may be: Chihuahua city).
    admin_names = frozenset(fold(n) for n in admin1_names.values())
    places = []
    for gid in sorted(chosen, key=int):
        city = chosen[gid]
        country, code = city["countrycode"], city["admin1code"]
        places.append(Place(
            id=f"geonames:{city['geonameid']}", name=city["name"],
            kind=settlement_kind(city["population"]), country=country,
            lat=round(city["latitude"], 5), lon=round(city["longitude"], 5),
            admin1=admin1_names.get((country, code)), population=city["population"] or None,
            aliases=usable_aliases(city["name"], city.get("alternatenames") or [], admin_names),
            source="GeoNames",
        ))
    return places


def country_places(country_table, capital_lookup) -> list[Place]:
    """Every country GeoNames lists; names in English and Spanish; centres
    recorded for the countries border news names most, else the capital."""
    spanish = sources.spanish_country_names()
    recorded = {row["iso2"]: row for row in country_table}
    places = []
    for iso, info in sorted(sources.geonames_countries().items()):
        row = recorded.get(iso)
        if row and row["lat"]:
            lat, lon = coordinate(row)
            source = f"GeoNames; {row['source']}"
        else:
            capital = capital_lookup(iso, info.get("capital", ""))
            if capital is None:
                continue
            lat, lon = capital.lat, capital.lon
            source = "GeoNames; position of the capital or largest city (no centre recorded)"
        names = [*spanish.get(iso, []), *(split(row["aliases"]) if row else [])]
        places.append(Place(
            id=f"geonames:{info['geonameid']}", name=info["name"], kind="country", country=iso,
            lat=lat, lon=lon, population=info.get("population") or None,
            aliases=usable_aliases(info["name"], names),
            abbreviations=tuple(split(row["abbreviations"])) if row else (),
            codes=(iso, info["iso3"]), source=source,
        ))
    return places


def capital_ids(geonames: list[Place]) -> set[str]:
    """GeoNames ids of national capitals (the largest place of the capital's
    name in each country)."""
    best: dict[tuple[str, str], Place] = {}
    for place in geonames:
        key = (place.country, fold(place.name))
        if key not in best or (place.population or 0) > (best[key].population or 0):
            best[key] = place
    out = set()
    for iso, info in sources.geonames_countries().items():
        capital = best.get((iso, fold(info.get("capital") or "")))
        if capital is not None:
            out.add(capital.id)
    return out


def _point_place(row, kind: str, **extra) -> Place:
    lat, lon = coordinate(row)
    return Place(id=row["id"], name=row["name"], kind=kind, lat=lat, lon=lon,
                 aliases=tuple(split(row.get("aliases", ""))), source=row["source"], **extra)


def spanish_bridge_forms(aliases: list[str]) -> list[str]:
    """Spanish news writes "Puente Internacional X" for a bridge known as
    "Puente X" (and the other way round)."""
    out = []
    for alias in aliases:
        if alias.startswith("Puente Internacional "):
            out.append("Puente " + alias[len("Puente Internacional "):])
        elif alias.startswith("Puente "):
            out.append("Puente Internacional " + alias[len("Puente "):])
    return [a for a in out if a not in aliases]


def port_places() -> list[Place]:
    rows = read_table("ports_of_entry", ("id", "name", "us_town", "us_state", "mx_town", "lat", "lon"))
    out = []
    for row in rows:
        aliases = [row["name_es"], *split(row["aliases"])] if row.get("name_es") else split(row["aliases"])
        aliases += spanish_bridge_forms(aliases)
        row = {**row, "aliases": "|".join(dict.fromkeys(aliases))}
        out.append(_point_place(row, "port_of_entry", country="US",
                                admin1=US_NAMES.get(row["us_state"])))
    return out


def station_places() -> list[Place]:
    rows = read_table("stations", ("id", "name", "sector", "state", "lat", "lon"))
    return [_point_place(r, "station", country="US", admin1=US_NAMES.get(r["state"]), sector=r["sector"])
            for r in rows]


def checkpoint_places() -> list[Place]:
    rows = read_table("checkpoints", ("id", "name", "sector", "state", "lat", "lon"))
    return [_point_place(r, "checkpoint", country="US", admin1=US_NAMES.get(r["state"]),
                         sector=r["sector"]) for r in rows]


def recorded_places(geonames_by_id: dict[str, Place]):
    """Hamlets GeoNames lacks; extra names for places it has; and corrected
    positions ({id: (lat, lon, source)}) where it places a town wrongly."""
    rows = read_table("places", ("id", "name", "kind", "country", "lat", "lon"))
    new, extra_names, moves = [], {}, {}
    for row in rows:
        if row.get("geonames_id"):
            target = f"geonames:{row['geonames_id']}"
            if target not in geonames_by_id:
                raise FactsError(f"{row['_where']}: GeoNames id {row['geonames_id']} is not in the gazetteer")
            extra_names[target] = (*extra_names.get(target, ()), row["name"], *split(row["aliases"]))
            lat, lon = coordinate(row)
            known = geonames_by_id[target]
            if haversine_km(lat, lon, known.lat, known.lon) > MOVE_KM:
                moves[target] = (lat, lon, row["source"])
            continue
        population = int(row["population"]) if row.get("population") else None
        new.append(_point_place(row, row["kind"], country=row["country"], admin1=row["admin1"] or None,
                                population=population))
    return new, extra_names, moves


def area_places(geometry_for_row, geometry: dict) -> list[Place]:
    rows = read_table("areas", ("id", "name", "kind", "lat", "lon"))
    out = []
    for row in rows:
        geom = geometry_for_row(row)
        place = _point_place(row, row["kind"], country=row["country"] or None,
                             admin1=row["admin1"] or None, has_shape=geom is not None)
        if geom is not None:
            if not geom.intersects(shapely.points(place.lon, place.lat).buffer(0.05)):
                raise FactsError(f"{row['_where']}: centre lies outside its own shape")
            geometry[place.id] = geom
        out.append(place)
    return out


def road_places(geometry: dict) -> list[Place]:
    rows = read_table("roads", ("id", "name", "country", "waypoints"))
    out = []
    for row in rows:
        try:
            pairs = [pair for pair in row["waypoints"].split(";") if pair.strip()]
            coords = [tuple(float(v) for v in pair.split()) for pair in pairs]
        except ValueError:
            raise FactsError(f"{row['_where']}: bad waypoints") from None
        if len(coords) < 2 or any(len(c) != 2 for c in coords):
            raise FactsError(f"{row['_where']}: a road needs two or more 'lon lat' waypoints")
        line = shapely.linestrings(coords)
        middle = line.interpolate(0.5, normalized=True)
        states = split(row.get("admin1", ""))
        place = Place(id=row["id"], name=row["name"], kind="road", country=row["country"],
                      lat=round(middle.y, 5), lon=round(middle.x, 5),
                      admin1=states[0] if len(states) == 1 else None,
                      aliases=tuple(split(row.get("aliases", ""))), has_shape=True, source=row["source"])
        geometry[place.id] = line
        out.append(place)
    return out


def check_unique_ids(places: list[Place]) -> None:
    seen = set()
    for place in places:
        if place.id in seen:
            raise FactsError(f"duplicate place id {place.id}")
        seen.add(place.id)
