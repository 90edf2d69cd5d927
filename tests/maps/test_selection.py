"""maps.selection: the events a map shows, filtered by date and type, each
given one point, and sorted into inside, outside and unlocated."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import shapely
from map_samples import event

from maps.errors import MapInputError
from maps.selection import check_bbox, check_types, event_period, period, select_events

NOGALES_BOX = shapely.box(-111.5, 31.0, -110.5, 31.6)


def ids(selection, mask=None):
    frame = selection.frame
    return sorted(frame["id"][mask if mask is not None else slice(None)])


def test_inside_outside_unlocated(map_events):
    s = select_events(map_events, area=NOGALES_BOX)
    assert len(s) == 8
    assert ids(s, s.inside) == ["m-aid", "m-drugs", "m-guns", "m-op", "m-shot", "m-walk"]
    assert ids(s, s.outside) == ["m-pact"]
    assert ids(s, s.unlocated) == ["m-lost"]


def test_no_area_means_everything_located_is_inside(map_events):
    s = select_events(map_events)
    assert s.inside.sum() == 7 and s.outside.sum() == 0 and s.unlocated.sum() == 1


def test_unlocated_is_never_zero_zero():
    placeholder = event("zero", "violence", None, lat=0.0, lon=0.0)
    real = event("gulf", "violence", {"type": "Point", "coordinates": (0.0, 0.0)}, lat=0.0, lon=0.0)
    out_of_range = event("bad", "violence", None, lat=95.0, lon=-110.0)
    s = select_events([placeholder, real, out_of_range])
    assert list(s.located) == [False, True, False]
    assert np.isnan(s.lon[0]) and np.isnan(s.lat[2])


def test_lines_are_drawn_at_their_middle_and_missing_points_from_the_geometry():
    segment = event("seg", "training", {"type": "LineString", "coordinates": [(-112, 31.5), (-110, 31.3)]},
                    lat=31.3, lon=-110.0)  # the point given is the segment's end
    triangle = [[(-111, 31), (-110, 31), (-110, 32), (-111, 31)]]
    area = event("area", "humanitarian", {"type": "Polygon", "coordinates": triangle})
    s = select_events([segment, area])
    assert s.lon[0] == pytest.approx(-111.0) and s.lat[0] == pytest.approx(31.4)
    assert shapely.Polygon([(-111, 31), (-110, 31), (-110, 32)]).contains(shapely.Point(s.lon[1], s.lat[1]))


def test_date_filter_uses_each_dates_precision(map_events):
    s = select_events(map_events, since="2024-03-20", until="2024-04")
    assert ids(s) == ["m-op", "m-walk"]  # March as a whole overlaps the 20th onwards
    s = select_events(map_events, since="2024-03-31")  # the March event (month precision) still overlaps
    assert "m-op" in ids(s) and "m-drugs" not in ids(s)
    s = select_events(map_events, until="2024")
    assert "m-aid" not in ids(s)  # undated: not known to be in any period
    assert "m-guns" in ids(s)


def test_type_filter(map_events):
    s = select_events(map_events, types=["violence", "agreement"])
    assert ids(s) == ["m-pact", "m-shot"]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2024-02-10", dt.date(2024, 2, 10), dt.date(2024, 2, 10)),
])
def test_period(text, first, last):
    assert period(text) == (first, last)


@pytest.mark.parametrize("text", ["yesterday", "2024-13", "2024-02-30", "24-01-01"])
def test_bad_dates(text):
    with pytest.raises(MapInputError, match="bad date"):
        period(text)


def test_event_period():
    assert event_period("2010-02-01", "month") == (dt.date(2010, 2, 1), dt.date(2010, 2, 28))
    assert event_period("2010-01-01", "year")[1] == dt.date(2010, 12, 31)
    assert event_period(None, "unknown") is None


def test_check_types():
    assert check_types("drug_smuggling, violence") == ["drug_smuggling", "violence"]
    assert check_types(None) is None
    with pytest.raises(MapInputError, match="unknown event type 'smuggling'; valid types: drug_smuggling"):
        check_types(["smuggling"])


def test_check_bbox():
    assert check_bbox("-111.5,31,-110.5,31.6") == (-111.5, 31.0, -110.5, 31.6)
    for bad in ("1,2,3", "a,b,c,d", "-110,31,-111,32", "-110,95,-109,96"):
        with pytest.raises(MapInputError, match="bad bounding box"):
            check_bbox(bad)
