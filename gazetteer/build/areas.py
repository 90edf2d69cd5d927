"""Places with shapes: countries, states, counties, municipios, sectors and
the border's segments and rivers, with their simplified polygons and lines."""

from __future__ import annotations

import shapely
from shapely.geometry import box

from ..model import Place
from ..names import fold
from . import sources
from .border import MX_SHORT, US_NAMES, BorderSegment
from .facts import FactsError, coordinate, read_table, split

COVERAGE_TOLERANCE = 100.0  # coverage_simplify tolerance in the border LCC
FAR_TOLERANCE_DEG = 0.01  # states away from the border
COUNTRY_TOLERANCE_DEG = 0.02


def _lcc_to_wgs(geoms):
    import geopandas as gpd

    from ..projection import BORDER_LCC

    return list(gpd.GeoSeries(list(geoms), crs=BORDER_LCC).to_crs(4326).values)


def simplify_coverage(gdf) -> list:
    """Simplify a polygon coverage in the LCC, keeping shared edges shared."""
    lcc = sources.to_lcc(gdf)
    simplified = shapely.coverage_simplify(lcc.geometry.values, COVERAGE_TOLERANCE)
    return [shapely.make_valid(g) for g in _lcc_to_wgs(simplified)]


def inside_point(geom) -> tuple[float, float]:
    p = shapely.point_on_surface(geom)
    return round(p.y, 5), round(p.x, 5)


def state_places(states_table, census, inegi, geometry: dict) -> list[Place]:
    """US states from the Census, Mexican states from INEGI, named and coded
    by the recorded states table."""
    census_by_code = {row.STUSPS: row.geometry for row in census.itertuples()}
    border_us = census[census.STUSPS.isin(sources.US_BORDER_STATES)]
    for code, geom in zip(border_us.STUSPS, simplify_coverage(border_us)):
        census_by_code[code] = geom
    inegi_by_key = {row.CVE_ENT: row.geometry for row in inegi.itertuples()}
    border_mx = inegi[inegi.CVE_ENT.isin(list(sources.MX_BORDER_INEGI))]
    for key, geom in zip(border_mx.CVE_ENT, simplify_coverage(border_mx)):
        inegi_by_key[key] = geom
    simplified_keys = set(sources.US_BORDER_STATES) | set(sources.MX_BORDER_INEGI)

    places = []
    for row in states_table:
        country = row["country"]
        key = row["codes"] if country == "US" else row["inegi_cve"]
        geom = census_by_code.get(key) if country == "US" else inegi_by_key.get(key)
        if geom is None:
            raise FactsError(f"{row['_where']}: no polygon for state {row['name']}")
        if key not in simplified_keys:
            geom = shapely.make_valid(geom.simplify(FAR_TOLERANCE_DEG, preserve_topology=True))
        lat, lon = coordinate(row) if row.get("lat") else inside_point(geom)
        place = Place(
            id=f"iso3166-2:{row['iso3166_2']}", name=row["name"], kind="state",
            country=country, lat=lat, lon=lon, admin1=row["name"],
            aliases=tuple(split(row["aliases"])), abbreviations=tuple(split(row["abbreviations"])),
            codes=tuple(split(row["codes"])), has_shape=True, source=row["source"],
        )
        geometry[place.id] = geom
        places.append(place)
    return places


def country_shapes(states: list[Place], geometry: dict) -> dict[str, object]:
    """US and Mexico as unions of their states (coarse: for side and maps)."""
    out = {}
    for code in ("US", "MX"):
        parts = [geometry[p.id] for p in states if p.country == code]
        union = shapely.union_all(parts)
        out[code] = shapely.make_valid(union.simplify(COUNTRY_TOLERANCE_DEG, preserve_topology=True))
    return out


def county_places(counties, state_names: dict[str, str], geometry: dict) -> list[Place]:
    """Counties of the US border states (Census), named "Pima County"."""
    fips_to_code = {v: k for k, v in sources.US_BORDER_FIPS.items()}
    places = []
    for row, geom in zip(counties.itertuples(), simplify_coverage(counties)):
        state = state_names[fips_to_code[row.STATEFP]]
        lat, lon = inside_point(geom)
        base = row.NAME
        place = Place(
            id=f"census:{row.GEOID}", name=f"{base} County", kind="county", country="US",
            lat=lat, lon=lon, admin1=state, admin2=f"{base} County",
            aliases=(base, f"condado de {base}", f"Condado {base}"),
            has_shape=True, source="US Census 1:500k counties (2016)",
        )
        geometry[place.id] = geom
        places.append(place)
    return places


def municipio_places(municipios, geometry: dict) -> list[Place]:
    """Municipios of the Mexican border states (INEGI)."""
    places = []
    for row, geom in zip(municipios.itertuples(), simplify_coverage(municipios)):
        state = sources.MX_BORDER_INEGI[row.CVE_ENT]
        lat, lon = inside_point(geom)
        name = row.NOMGEO
        short = name.removeprefix("General ").strip()  # "General Plutarco Elías Calles"
        aliases = (short,) if short != name and " " in short else ()  # not a lone surname
        place = Place(
            id=f"inegi:{row.CVEGEO}", name=name, kind="municipality", country="MX",
            lat=lat, lon=lon, admin1=state, admin2=name,
            aliases=(*aliases, f"municipio de {name}", f"Municipio de {name}", f"{name} municipality"),
            has_shape=True, source="INEGI Marco Geoestadístico municipios",
        )
        geometry[place.id] = geom
        places.append(place)
    return places


def sector_places(sector_table, counties, county_places_: list[Place], geometry: dict) -> list[Place]:
    """Border Patrol sectors; each area is the union of its recorded counties."""
    by_key = {}
    for place in county_places_:
        code = next(k for k, v in US_NAMES.items() if v == place.admin1)
        by_key[(code, fold(place.aliases[0]))] = geometry[place.id]
    places = []
    for row in sector_table:
        parts = []
        for item in split(row["counties"]):
            code, _, county = item.partition(":")
            geom = by_key.get((code.strip(), fold(county)))
            if geom is None:
                raise FactsError(f"{row['_where']}: unknown county {item!r}")
            parts.append(geom)
        area = shapely.make_valid(shapely.union_all(parts))
        lat, lon = coordinate(row)
        place = Place(
            id=row["id"], name=row["name"], kind="sector", country="US", lat=lat, lon=lon,
            admin1=US_NAMES.get(row["hq_state"]), aliases=tuple(split(row.get("aliases", ""))),
            has_shape=True, source=row["source"],
        )
        geometry[place.id] = area
        places.append(place)
    return places


def _border_aliases(west: str, east: str) -> tuple[str, ...]:
    forms = []
    for a, b in ((west, east), (east, west)):
        for dash in ("-", "–", "/"):
            forms.append(f"{a}{dash}{b} border")
        forms.append(f"frontera {a}-{b}")
        forms.append(f"frontera {a}–{b}")
    return tuple(dict.fromkeys(forms))


def border_places(segments: list[BorderSegment], line_lcc, geometry: dict) -> list[Place]:
    """The whole line, each state's stretch, each state pair's segment, and
    the two rivers that form it."""
    wgs = _lcc_to_wgs([line_lcc, *[s.line_lcc for s in segments]])
    whole, pieces = wgs[0], wgs[1:]
    places = []

    def add(place_id, name, aliases, geom, codes=(), kind="border_segment", admin1=None, country=None):
        lat, lon = inside_point_line(geom)
        place = Place(id=place_id, name=name, kind=kind, country=country, lat=lat, lon=lon,
                      admin1=admin1, aliases=tuple(aliases), codes=tuple(codes), has_shape=True,
                      source="derived: Census 1:500k states meet INEGI states")
        geometry[place_id] = geom
        places.append(place)

    add("border:us-mexico", "U.S.–Mexico border",
        ("US-Mexico border", "U.S.-Mexico border", "United States–Mexico border",
         "Mexico–United States border", "México–Estados Unidos frontera",
         "frontera México-Estados Unidos", "frontera entre México y Estados Unidos",
         "southwest border", "southern border"), whole)
    mx_codes = {"Baja California": "BCN", "Sonora": "SON", "Chihuahua": "CHH", "Coahuila": "COA",
                "Nuevo León": "NLE", "Tamaulipas": "TAM"}
    for seg, geom in zip(segments, pieces):
        us_name = US_NAMES[seg.us_state]
        add(seg.id, seg.name, _border_aliases(us_name, seg.mx_state), geom,
            codes=(seg.us_state, mx_codes[seg.mx_state]))
    for code, us_name in US_NAMES.items():
        parts = [g for s, g in zip(segments, pieces) if s.us_state == code]
        add(f"border:{code.lower()}", f"{us_name}–Mexico border", _border_aliases(us_name, "Mexico"),
            shapely.line_merge(shapely.union_all(parts)), codes=(code,), admin1=us_name, country="US")
    for mx_name, short in MX_SHORT.items():
        parts = [g for s, g in zip(segments, pieces) if s.mx_state == mx_name]
        add(f"border:{short}", f"{mx_name}–U.S. border",
            (*_border_aliases(mx_name, "U.S."), *_border_aliases(mx_name, "United States"),
             f"frontera de {mx_name} con Estados Unidos"),
            shapely.line_merge(shapely.union_all(parts)), codes=(mx_codes[mx_name],),
            admin1=mx_name, country="MX")
    rio = [g for s, g in zip(segments, pieces) if s.us_state == "TX"]
    add("river:rio-grande", "Rio Grande",
        ("Río Grande", "Rio Grande River", "Río Bravo", "Rio Bravo del Norte", "Río Bravo del Norte",
         "río Bravo"), shapely.line_merge(shapely.union_all(rio)), kind="river")
    colorado = [g for s, g in zip(segments, pieces) if (s.us_state, s.mx_state) == ("AZ", "Baja California")]
    add("river:colorado", "Colorado River", ("Río Colorado", "Rio Colorado"),
        shapely.line_merge(shapely.union_all(colorado)), kind="river")
    return places


def inside_point_line(geom) -> tuple[float, float]:
    """A point on a line halfway along it."""
    if geom.geom_type == "MultiLineString":
        geom = max(geom.geoms, key=lambda g: g.length)
    p = geom.interpolate(0.5, normalized=True)
    return round(p.y, 5), round(p.x, 5)


def fact_area_geometry(row, counties_by_key, municipios_by_key):
    """The shape an areas.csv row describes: point, bbox, or admin unions."""
    spec = row.get("geometry", "") or "point"
    kind, _, rest = spec.partition(":")
    if kind == "point":
        return None
    if kind == "bbox":
        try:
            w, s, e, n = (float(v) for v in rest.split(","))
        except ValueError:
            raise FactsError(f"{row['_where']}: bad bbox {rest!r}") from None
        return box(w, s, e, n)
    table = {"counties": counties_by_key, "municipios": municipios_by_key}.get(kind)
    if table is None:
        raise FactsError(f"{row['_where']}: unknown geometry {spec!r}")
    parts = []
    for item in split(rest):
        state, _, name = item.partition(":")
        geom = table.get((fold(state), fold(name)))
        if geom is None:
            raise FactsError(f"{row['_where']}: unknown unit {item!r}")
        parts.append(geom)
    return shapely.make_valid(shapely.union_all(parts))


def read_states_table():
    return read_table("states", ("iso3166_2", "name", "country", "codes"))

