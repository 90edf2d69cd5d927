"""Assembles every place and shape, adds border context, checks the result
and writes ``gazetteer/data``."""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import shapely

from .. import store
from ..model import LINE_KINDS, Place
from ..names import fold
from ..spatial import BorderIndex
from . import areas, points, sources, twins
from .border import derive_border
from .facts import FactsError, read_table

OFFICIAL_BORDER_KM = 3145.0
PORT_WARN_KM = 0.6
PORT_FAIL_KM = 2.0
POINT_KINDS_WITH_ADMIN2 = {"city", "town", "village", "port_of_entry", "station", "checkpoint", "landmark"}


def geodesic_km(geom) -> float:
    from pyproj import Geod

    return Geod(ellps="WGS84").geometry_length(geom) / 1000.0


def _capital_lookup(geonames: list[Place]):
    best: dict[tuple[str, str], Place] = {}
    for place in geonames:
        key = (place.country, fold(place.name))
        if key not in best or (place.population or 0) > (best[key].population or 0):
            best[key] = place

    largest: dict[str, Place] = {}
    for place in geonames:
        if place.country not in largest or (place.population or 0) > (largest[place.country].population or 0):
            largest[place.country] = place

    def lookup(iso: str, capital: str) -> Place | None:
        found = best.get((iso, fold(capital))) if capital else None
        return found or largest.get(iso)

    return lookup


def assemble() -> tuple[list[Place], dict[str, object], list[str]]:
    warnings: list[str] = []
    states_table = areas.read_states_table()
    census = sources.census_states()
    inegi = sources.inegi_states()
    line_lcc, segments = derive_border(census, inegi)
    geometry: dict[str, object] = {}

    states = areas.state_places(states_table, census, inegi, geometry)
    admin1_names = {(r["country"], r["geonames_admin1"]): r["name"] for r in states_table}
    border_admin1 = {("US", c) for c in sources.US_BORDER_STATES} | {
        ("MX", k) for k in sources.MX_BORDER_GEONAMES}
    state_names = {r["codes"]: r["name"] for r in states_table if r["country"] == "US"}

    counties_gdf = sources.census_counties(sources.US_BORDER_FIPS.values())
    counties = areas.county_places(counties_gdf, state_names, geometry)
    municipios_gdf = sources.inegi_municipios(sources.MX_BORDER_INEGI)
    municipios = areas.municipio_places(municipios_gdf, geometry)
    sectors = areas.sector_places(
        read_table("sectors", ("id", "name", "hq_state", "lat", "lon", "counties")),
        counties_gdf, counties, geometry)
    borders = areas.border_places(segments, line_lcc, geometry)

    geonames = points.geonames_places(admin1_names, border_admin1)
    countries = points.country_places(
        read_table("country_aliases", ("iso2",)), _capital_lookup(geonames))
    for code, shape in areas.country_shapes(states, geometry).items():
        index = next(i for i, p in enumerate(countries) if p.country == code)
        countries[index] = replace(countries[index], has_shape=True)
        geometry[countries[index].id] = shape

    capitals = points.capital_ids(geonames)
    geonames = [replace(p, capital=True) if p.id in capitals else p for p in geonames]
    recorded, extra_names, moves = points.recorded_places({p.id: p for p in geonames})
    geonames = [
        replace(p, aliases=points.usable_aliases(p.name, (*p.aliases, *extra_names[p.id])))
        if p.id in extra_names else p
        for p in geonames
    ]
    geonames = [
        replace(p, lat=moves[p.id][0], lon=moves[p.id][1], source=f"GeoNames; position: {moves[p.id][2]}")
        if p.id in moves else p
        for p in geonames
    ]
    counties_by_key, municipios_by_key = {}, {}
    code_of = {name: code for code, name in state_names.items()}
    for c in counties:
        for state in (c.admin1, code_of[c.admin1]):
            counties_by_key[(fold(state), fold(c.aliases[0]))] = geometry[c.id]
    key_of = {name: key for key, name in sources.MX_BORDER_INEGI.items()}
    for m in municipios:
        for state in (m.admin1, key_of[m.admin1]):
            municipios_by_key[(fold(state), fold(m.name))] = geometry[m.id]
    fact_areas = points.area_places(
        lambda row: areas.fact_area_geometry(row, counties_by_key, municipios_by_key), geometry)
    roads = points.road_places(geometry)

    places = [*countries, *states, *counties, *municipios, *sectors, *borders,
              *points.port_places(), *points.station_places(), *points.checkpoint_places(),
              *fact_areas, *roads, *geonames, *recorded]
    points.check_unique_ids(places)
    return add_border_context(places, geometry, warnings), geometry, warnings


def add_border_context(places: list[Place], geometry: dict, warnings: list[str]) -> list[Place]:
    index = BorderIndex(places, geometry)
    contexts = index.contexts([p.lat for p in places], [p.lon for p in places], ports=1)
    out = []
    for place, ctx in zip(places, contexts):
        if place.kind == "road" and place.id in geometry:
            # A road is as near the line as its nearest stretch, not its middle.
            coords = shapely.get_coordinates(geometry[place.id])
            ctx = replace(ctx, border_km=float(index.border_distance_km(coords[:, 1], coords[:, 0])[0].min()))
        on_line = place.kind in LINE_KINDS and place.id.startswith(("border:", "river:"))
        admin2 = place.admin2
        if admin2 is None and place.kind in POINT_KINDS_WITH_ADMIN2:
            admin2 = ctx.admin2
        admin1 = place.admin1
        if admin1 is None and place.kind in POINT_KINDS_WITH_ADMIN2 and ctx.state:
            admin1 = ctx.state
        sector = ctx.sector
        if place.kind == "port_of_entry" and ctx.side != "US":
            # A port is a US facility; its point may sit metres into Mexico.
            state, county, sector = index.units_on_side(place.lat, place.lon, "US")
            admin2 = county.name if county else None
            admin1 = admin1 or (state.name if state else None)
        out.append(replace(
            place,
            admin1=admin1,
            admin2=admin2,
            side=None if on_line or place.kind == "country" else (
                "US" if place.kind == "port_of_entry" else ctx.side),
            border_km=0.0 if on_line else ctx.border_km,
            sector=place.sector or (None if on_line or place.kind == "country" else sector),
            nearest_port=ctx.nearest_ports[0].port_id if ctx.nearest_ports else None,
        ))
    check_points(out, index, warnings)
    return out


def check_points(places: list[Place], index: BorderIndex, warnings: list[str]) -> None:
    """Recorded facts must agree with the derived geography."""
    for place in places:
        if place.kind == "port_of_entry":
            if place.border_km > PORT_FAIL_KM:
                raise FactsError(f"{place.id} is {place.border_km:.2f} km from the line")
            if place.border_km > PORT_WARN_KM:
                warnings.append(f"{place.id} is {place.border_km:.2f} km from the line")
        elif (place.source != "GeoNames" and place.kind in POINT_KINDS_WITH_ADMIN2
              and place.country in ("US", "MX") and place.side and place.side != place.country
              and place.border_km > 0.5):
            raise FactsError(f"{place.id} ({place.country}) lies on the {place.side} side")


def build(out_dir: Path | None = None) -> dict:
    out_dir = Path(out_dir) if out_dir else store.data_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    places, geometry, warnings = assemble()
    places.sort(key=lambda p: p.id)
    store.write_places(out_dir / store.PLACES_FILE, places)
    store.write_shapes(out_dir / store.SHAPES_FILE, sorted(geometry.items()))
    twin_cities = twins.twin_cities(places, warnings)
    store.write_twin_cities(out_dir / store.TWINS_FILE, twin_cities)
    whole = geometry["border:us-mexico"]
    manifest = {
        "packages": sources.package_versions(),
        "places": len(places),
        "twin_cities": len(twin_cities),
        "places_by_kind": dict(sorted(Counter(p.kind for p in places).items())),
        "border_km": round(geodesic_km(whole), 1),
        "border_segments_km": {
            p.id: round(geodesic_km(geometry[p.id]), 1)
            for p in places if p.kind == "border_segment" and len(p.codes) == 2
        },
        "rivers_km": {p.id: round(geodesic_km(geometry[p.id]), 1) for p in places if p.kind == "river"},
        "files": {
            name: hashlib.sha256((out_dir / name).read_bytes()).hexdigest()
            for name in (store.PLACES_FILE, store.SHAPES_FILE, store.TWINS_FILE)
        },
        "warnings": warnings,
    }
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    (out_dir / store.MANIFEST_FILE).write_text(text, encoding="utf-8")
    deviation = abs(manifest["border_km"] - OFFICIAL_BORDER_KM) / OFFICIAL_BORDER_KM
    if deviation > 0.02:
        raise FactsError(f"border is {manifest['border_km']} km, {deviation:.1%} off the official length")
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    return manifest
