"""maps.frame: events as a typed GeoDataFrame; maps.geo_events end to end."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
import shapely

import maps
from gazetteer.errors import InputFileError
from maps.frame import COLUMNS, events_frame


def test_columns_types_and_crs(event_dicts):
    frame = events_frame(event_dicts)
    assert list(frame.columns) == [*COLUMNS, "geometry"]
    assert {name: str(frame[name].dtype) for name in COLUMNS} == COLUMNS
    assert frame.crs.to_epsg() == 4326
    assert list(frame["id"]) == [e["id"] for e in event_dicts]


def test_amounts_actors_and_document(event_dicts):
    row = events_frame(event_dicts).iloc[0]
    assert row["weight_kg"] == pytest.approx(64.431)
    assert row["money_usd"] == 2_000_000.0  # the pesos are not dollars
    assert row["people"] == 3 and pd.isna(row["guns"]) and pd.isna(row["rounds"])
    assert row["quantities_text"] == ("120 pounds of fentanyl; 10 kilos of meth; $2 million; "
                                      "500 mil pesos; three migrants")
    assert row["actors"] == "U.S. Customs and Border Protection; Homeland Security Investigations"
    assert (row["doc_id"], row["doc_title"], row["doc_published"], row["doc_source"], row["doc_url"]) == (
        "hand-1", "Seizure at the Line", "2024-03-13", "Test Desk", "https://example.org/a")
    assert pd.isna(row["border_km"])  # NaN in, null out
    bowtie = events_frame(event_dicts).iloc[2]
    assert (bowtie["guns"], bowtie["rounds"]) == (20, 5000)
    assert pd.isna(bowtie["actors"]) and pd.isna(bowtie["weight_kg"])


def test_unknown_place_keeps_a_null_geometry(event_dicts):
    frame = events_frame(event_dicts)
    nowhere = frame.set_index("id").loc["ev-nowhere"]
    assert nowhere.geometry is None
    assert pd.isna(nowhere["lat"]) and pd.isna(nowhere["lon"]) and pd.isna(nowhere["place_id"])
    assert frame.geometry.isna().sum() == 1


def test_geometries_are_valid_and_right_handed(event_dicts):
    frame = events_frame(event_dicts).set_index("id")
    assert shapely.is_valid(frame.geometry.dropna()).all()
    area = frame.geometry["ev-area"]
    assert shapely.is_ccw(area.exterior) and not shapely.is_ccw(area.interiors[0])
    bowtie = frame.geometry["ev-bowtie"]
    assert bowtie.geom_type == "MultiPolygon" and len(bowtie.geoms) == 2
    assert all(shapely.is_ccw(p.exterior) for p in bowtie.geoms)


def test_event_objects_give_the_same_rows_as_their_dicts():
    from geo.events import Event
    from geo.where import EventPlace

    place = EventPlace(place_id="geonames:4004886", name="Nogales", feature="city", lat=31.30862,
                       lon=-110.94217, precision=1, reason="by hand",
                       geometry=shapely.Point(-110.94217, 31.30862), side="MX", border_km=2.66)
    nowhere = EventPlace(place_id=None, name=None, feature=None, lat=None, lon=None, precision=3,
                         reason="no place in the text")
    events = [Event(id="ev-1", type="violence", direction=None, date="2024-03-10", date_precision="day",
                    start=0, end=5, evidence="Shots.", place=p, actors=["Guardia Nacional"],
                    document={"id": "d", "title": None, "published": None, "source": None, "url": None})
              for p in (place, nowhere)]
    from_objects = events_frame(events)
    from_dicts = events_frame([e.to_dict() for e in events])
    assert from_objects.drop(columns="geometry").equals(from_dicts.drop(columns="geometry"))
    assert from_objects.geometry.iloc[0].equals(shapely.Point(-110.94217, 31.30862))
    assert from_objects.geometry.iloc[1] is None


def test_no_events_is_an_empty_typed_frame():
    frame = events_frame([])
    assert len(frame) == 0 and list(frame.columns) == [*COLUMNS, "geometry"]
    assert frame.crs.to_epsg() == 4326


def test_import_does_no_work():
    code = ("import sys, maps, maps.export, maps.frame, maps.io.geojson, maps.io.gis, maps.io.table; "
            "heavy = {'geopandas', 'pandas', 'shapely', 'pyogrio', 'pyarrow', 'geo.pipeline'}; "
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert maps.events_frame is events_frame and callable(maps.export_events) and callable(maps.read_events)


ARTICLE = ("NOGALES, Ariz. — Officers at the Mariposa Port of Entry seized 80 pounds of methamphetamine "
           "in a pickup truck on Monday.\n")


def test_geo_events_from_an_article(tmp_path, gaz):
    path = tmp_path / "meth.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    frame = maps.geo_events(path, gazetteer=gaz)
    assert len(frame) >= 1
    assert list(frame.columns) == [*COLUMNS, "geometry"]
    assert set(frame["doc_id"]) == {"meth"}
    located = frame[frame.geometry.notna()]
    assert len(located) >= 1
    assert (located.geometry.x.between(-111.1, -110.8) & located.geometry.y.between(31.2, 31.5)).any()


def test_geo_events_bad_records(tmp_path, gaz):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Agents in Nogales, Ariz., seized 5 guns on Monday."}\nnot json\n',
                    encoding="utf-8")
    with pytest.raises(InputFileError, match=r"feed\.jsonl:2"):
        maps.geo_events([path], gazetteer=gaz)
    seen = []
    frame = maps.geo_events([str(path)], gazetteer=gaz, on_bad_record=seen.append)
    assert [(e.path, e.line) for e in seen] == [(str(path), 2)]
    assert set(frame["doc_id"]) <= {"a"}
