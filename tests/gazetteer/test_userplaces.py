"""The user's own places from CSV and GeoJSON files, and their errors."""

from __future__ import annotations

import json

import pytest
import shapely
from testing import assert_near
from testing import ids as ids_of

from gazetteer.errors import InputFileError
from gazetteer.userplaces import read_places_file

CSV_TEXT = """\
id,name,lat,lon,kind,aliases,country,admin1,population
,Camp 3,31.4512,-111.3370,landmark,Camp Three|Campamento 3,US,Arizona,
ranch:la-osa,Rancho La Osa,31.5003,-111.5430,landmark,La Osa Ranch|La Osa,US,Arizona,
,Nogales Wash Trailhead,31.3520,-110.9460,park,,US,Arizona,
,Naco,31.3390,-109.9300,village,,US,Arizona,20
"""


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def places_csv(tmp_path):
    return write(tmp_path / "places.csv", CSV_TEXT)


def test_csv_places_are_read(places_csv):
    places, shapes = read_places_file(places_csv)
    assert shapes == {}
    assert [p.name for p in places] == ["Camp 3", "Rancho La Osa", "Nogales Wash Trailhead", "Naco"]
    camp = places[0]
    assert camp.id == "user:camp-3"
    assert (camp.lat, camp.lon) == (31.4512, -111.337)
    assert camp.kind == "landmark"
    assert camp.aliases == ("Camp Three", "Campamento 3")
    assert (camp.country, camp.admin1, camp.population) == ("US", "Arizona", None)
    assert camp.source == "user file places.csv"
    assert places[1].id == "ranch:la-osa"
    assert places[3].population == 20


def test_csv_places_are_found_and_ranked(fresh_gaz, places_csv):
    before = len(fresh_gaz)
    assert fresh_gaz.load_places_file(places_csv) == 4
    assert len(fresh_gaz) == before + 4
    best = fresh_gaz.geocode("Camp 3")
    assert best.place.id == "user:camp-3"
    assert_near(best.place.lat, best.place.lon, 31.4512, -111.3370, km=0.01)
    # Aliases, folding and qualifiers work as for packaged places.
    assert fresh_gaz.geocode("campamento 3").place.id == "user:camp-3"
    assert fresh_gaz.geocode("La Osa Ranch, Ariz.").place.id == "ranch:la-osa"
    assert fresh_gaz.search("Rancho La Osa, Ariz.")[0].reasons[0] == "in 'Ariz.'"
    # A qualifier that admits none of them leaves no candidate.
    assert fresh_gaz.search("Rancho La Osa, Sonora") == []
    assert ids_of(fresh_gaz.search("Rancho La Osa")) == ["ranch:la-osa"]
    assert fresh_gaz.get("ranch:la-osa").name == "Rancho La Osa"
    assert "user:camp-3" in fresh_gaz
    parks = [p.id for p in fresh_gaz.by_kind("park") if p.id.startswith("user:")]
    assert parks == ["user:nogales-wash-trailhead"]


def test_user_place_ranks_beside_packaged_namesakes(fresh_gaz, places_csv):
    fresh_gaz.load_places_file(places_csv)
    found = fresh_gaz.search("Naco")
    ids = [c.place.id for c in found]
    assert "user:naco" in ids
    # The user's hamlet of 20 people does not push out the two real towns...
    assert {c.place.country for c in found[:2]} == {"US", "MX"}
    assert ids.index("user:naco") >= 2
    # ...and a qualifier that only it and Naco, Arizona satisfy leaves just those two, not Naco, Sonora.
    assert "geonames:3995171" in ids
    qualified = ids_of(fresh_gaz.search("Naco, Ariz."))
    assert set(qualified) == {"user:naco", "geonames:5306112"}


def test_user_places_do_not_touch_the_shared_gazetteer(gaz, fresh_gaz, places_csv):
    fresh_gaz.load_places_file(places_csv)
    assert fresh_gaz.search("Camp 3")
    assert gaz.search("Camp 3") == []


def test_suggestions_include_user_places(fresh_gaz, places_csv):
    fresh_gaz.suggest("Camp")  # computes the key list before the file is loaded
    fresh_gaz.load_places_file(places_csv)
    assert "Camp 3, Arizona, US" in fresh_gaz.suggest("Camp 33")


def test_stats_count_user_places(fresh_gaz, places_csv):
    landmarks = fresh_gaz.stats()["by_kind"].get("landmark", 0)
    fresh_gaz.load_places_file(places_csv)
    assert fresh_gaz.stats()["by_kind"]["landmark"] == landmarks + 2


GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"name": "Tower 7", "kind": "landmark", "aliases": ["Torre 7"],
                                           "country": "US", "admin1": "Arizona"},
         "geometry": {"type": "Point", "coordinates": [-111.0500, 31.3400]}},
        {"type": "Feature",
         "properties": {"name": "Smuggling Corridor A", "kind": "region", "id": "area:corridor-a"},
         "geometry": {"type": "Polygon", "coordinates": [[[-111.2, 31.3], [-111.0, 31.3], [-111.0, 31.5],
                                                          [-111.2, 31.5], [-111.2, 31.3]]]}},
        {"type": "Feature",
         "properties": {"name": "Patrol Road 2", "kind": "road", "aliases": "Camino 2|Road Two"},
         "geometry": {"type": "LineString", "coordinates": [[-110.9, 31.34], [-110.8, 31.35]]}},
    ],
}


@pytest.fixture
def places_geojson(tmp_path):
    return write(tmp_path / "mine.geojson", json.dumps(GEOJSON))


def test_geojson_places_keep_their_shapes(fresh_gaz, places_geojson):
    assert fresh_gaz.load_places_file(places_geojson) == 3
    tower = fresh_gaz.geocode("Torre 7").place
    assert tower.id == "user:tower-7" and not tower.has_shape
    assert (tower.lat, tower.lon) == (31.34, -111.05)
    assert fresh_gaz.geometry(tower.id).equals(shapely.Point(-111.05, 31.34))

    corridor = fresh_gaz.geocode("Smuggling Corridor A").place
    assert corridor.id == "area:corridor-a" and corridor.has_shape and corridor.kind == "region"
    polygon = fresh_gaz.geometry(corridor.id)
    assert polygon.geom_type == "Polygon"
    assert polygon.area == pytest.approx(0.04)
    assert polygon.contains(shapely.Point(corridor.lon, corridor.lat))

    road = fresh_gaz.geocode("Road Two").place
    assert road.aliases == ("Camino 2", "Road Two")
    line = fresh_gaz.geometry(road.id)
    assert line.geom_type == "LineString"
    assert line.distance(shapely.Point(road.lon, road.lat)) < 1e-9


@pytest.mark.parametrize("suffix", [".json", ".GeoJSON"])
def test_geojson_suffixes(tmp_path, suffix):
    places, shapes = read_places_file(write(tmp_path / f"x{suffix}", json.dumps(GEOJSON)))
    assert len(places) == 3 and set(shapes) == {"area:corridor-a", "user:patrol-road-2"}


# -- malformed files ----------------------------------------------------------

def error_for(path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_places_file(path)
    error = info.value
    assert error.exit_code == 2
    assert error.path == str(path)
    assert "\n" not in str(error)
    return error


def test_csv_non_numeric_lat_names_file_and_line(tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon\nCamp 1,31.5,-111.0\nCamp 2,31.5N,-111.0\n")
    error = error_for(path)
    assert error.line == 3
    assert str(error) == f"{path}:3: lat is not a number: '31.5N'"
    assert "places.csv:3: lat is not a number" in str(error)


def test_csv_non_numeric_lon(tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon\nCamp 1,31.5,\n")
    assert str(error_for(path)) == f"{path}:2: lon is not a number: ''"


def test_csv_missing_column(tmp_path):
    path = write(tmp_path / "places.csv", "name,latitude,lon\nCamp 1,31.5,-111.0\n")
    error = error_for(path)
    assert error.line == 1
    assert str(error) == f"{path}:1: missing columns: lat"


def test_csv_missing_name(tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon\nCamp 1,31.5,-111.0\n\n ,31.5,-111.0\n")
    assert str(error_for(path)) == f"{path}:4: missing name"


def test_csv_out_of_range(tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon\nCamp 1,-111.0,31.5\n")
    assert str(error_for(path)) == f"{path}:2: coordinate out of range: -111.0, 31.5"


def test_csv_unknown_kind(tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon,kind\nCamp 1,31.5,-111.0,ciudad\n")
    error = error_for(path)
    assert str(error).startswith(f"{path}:2: unknown kind 'ciudad' (one of country, state, city,")


def test_csv_bad_population(tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon,population\nCamp 1,31.5,-111.0,many\n")
    assert str(error_for(path)) == f"{path}:2: population is not a number: 'many'"


def test_csv_too_many_cells(tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon\nCamp 1,31.5,-111.0\nCamp 2,31.5,-111.0,extra\n")
    assert str(error_for(path)) == f"{path}:3: more cells than columns"


def test_csv_not_utf8(tmp_path):
    path = tmp_path / "places.csv"
    path.write_bytes("name,lat,lon\nCiudad Juárez,31.7,-106.4\n".encode("latin-1"))
    error = error_for(path)
    assert error.line is None
    assert str(error).startswith(f"{path}: not UTF-8 text")


def test_csv_with_byte_order_mark(tmp_path):
    path = tmp_path / "places.csv"
    path.write_bytes("name,lat,lon\nCamp 1,31.5,-111.0\n".encode("utf-8-sig"))
    places, _ = read_places_file(path)
    assert [p.name for p in places] == ["Camp 1"]


def test_same_name_in_two_states_are_two_places(fresh_gaz, tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon,country,admin1\n"
                 "San Miguel,31.50,-110.30,MX,Sonora\nSan Miguel,29.10,-106.20,MX,Chihuahua\n")
    before = len(fresh_gaz)
    fresh_gaz.load_places_file(path)
    assert len(fresh_gaz) == before + 2
    assert fresh_gaz.geocode("San Miguel, Sonora").place.admin1 == "Sonora"
    assert fresh_gaz.geocode("San Miguel, Chihuahua").place.admin1 == "Chihuahua"


def test_geojson_bad_json_names_the_line(tmp_path):
    text = '{"type": "FeatureCollection",\n "features": [\n  {"type": ,}\n]}\n'
    path = write(tmp_path / "places.geojson", text)
    error = error_for(path)
    assert error.line == 3
    assert str(error).startswith(f"{path}:3: not JSON: ")


def test_geojson_not_a_feature_collection(tmp_path):
    path = write(tmp_path / "places.geojson", json.dumps({"type": "Feature", "geometry": None}))
    assert str(error_for(path)) == f"{path}:1: expected a GeoJSON FeatureCollection"


def test_geojson_feature_without_name(tmp_path):
    data = json.loads(json.dumps(GEOJSON))
    del data["features"][1]["properties"]["name"]
    path = write(tmp_path / "places.geojson", json.dumps(data))
    assert str(error_for(path)) == f"{path}: feature 2: missing name"


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        (None, "feature 1: bad geometry"),
        ({"type": "Point", "coordinates": "here"}, "feature 1: bad geometry"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},
         "feature 1: empty or invalid geometry"),
        ({"type": "Point", "coordinates": [200.0, 31.0]}, "feature 1: coordinate out of range: 31.0, 200.0"),
    ],
)
def test_geojson_bad_geometry(tmp_path, geometry, message):
    data = {"type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": {"name": "X"}, "geometry": geometry}]}
    path = write(tmp_path / "places.geojson", json.dumps(data))
    error = error_for(path)
    assert str(error).startswith(f"{path}: {message}")


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.csv"
    assert str(error_for(path)) == f"{path}: no such file"


def test_unsupported_suffix(tmp_path):
    path = write(tmp_path / "places.xlsx", "name,lat,lon\n")
    assert str(error_for(path)) == f"{path}: expected a .csv or .geojson file"


def test_load_places_file_raises_before_adding_anything(fresh_gaz, tmp_path):
    path = write(tmp_path / "places.csv", "name,lat,lon\nCamp 1,31.5,-111.0\nCamp 2,x,-111.0\n")
    before = len(fresh_gaz)
    with pytest.raises(InputFileError):
        fresh_gaz.load_places_file(path)
    assert len(fresh_gaz) == before
    assert fresh_gaz.search("Camp 1") == []


def test_two_gazetteers_rank_their_own_place_under_one_id(cache_dir, tmp_path):
    """Scores kept between look-ups belong to one place, not to an id: two
    users' files may both name a place "user:camp-3"."""
    from gazetteer import Gazetteer

    header = "name,lat,lon,kind,population\n"
    small, large = Gazetteer(), Gazetteer()
    small.load_places_file(write(tmp_path / "small.csv", header + "Camp 3,31.45,-111.33,town,10\n"))
    large.load_places_file(write(tmp_path / "large.csv", header + "Camp 3,31.45,-111.33,town,100000\n"))
    first, second = small.search("Camp 3")[0], large.search("Camp 3")[0]
    assert first.place.id == second.place.id == "user:camp-3"
    assert second.score > first.score


def test_two_sets_of_added_places_are_two_versions(cache_dir, tmp_path):
    """Caches keyed by the version (the name automaton) must not hand one
    user's names to another who added as many places."""
    from gazetteer import Gazetteer

    header = "name,lat,lon,kind\n"
    alfa, beta, again = Gazetteer(), Gazetteer(), Gazetteer()
    alfa.load_places_file(write(tmp_path / "alfa.csv", header + "Campo Alfa,31.45,-111.33,landmark\n"))
    beta.load_places_file(write(tmp_path / "beta.csv", header + "Campo Beta,31.45,-111.33,landmark\n"))
    again.load_places_file(tmp_path / "alfa.csv")
    assert alfa.version != beta.version
    assert alfa.version == again.version
