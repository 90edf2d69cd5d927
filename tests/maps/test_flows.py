"""maps.layers.flows: flows counted per corridor, an article's unplaced
flows taken across its corridor, and arrows that point the right way."""

from __future__ import annotations

from collections import Counter

import shapely
from map_samples import event, located

from maps.corridors import corridor_shape
from maps.layers.flows import FlowUnit, arrow, assign_flows
from maps.selection import select_events


def unit(gaz, name="Nogales"):
    shape = corridor_shape(name, gaz)
    return FlowUnit(shape.corridor.name, shape.stretch, shape.outer, 100.0)


def test_flows_in_the_band_are_counted_by_direction_and_type(gaz, map_events):
    [nogales] = assign_flows(select_events(map_events), [unit(gaz)])
    assert dict(nogales.north) == {"drug_smuggling": 1, "migrant_crossing": 1}
    assert dict(nogales.south) == {"weapons_trafficking": 1}
    assert nogales.by_article == 0


def test_an_articles_flows_placed_elsewhere_cross_its_corridor(gaz):
    events = [
        located("here", "enforcement_operation", -110.94, 31.32, doc_id="story"),
        located("far", "cash_smuggling", -99.13, 19.43, direction="southbound", doc_id="story"),
        event("nowhere", "drug_smuggling", None, document={"id": "story"}),
        located("other", "drug_smuggling", -99.13, 19.43, direction="northbound", doc_id="elsewhere"),
    ]
    events[2]["direction"] = "northbound"
    events[2]["document"] = {**events[2]["document"], "id": "story"}
    [nogales] = assign_flows(select_events(events), [unit(gaz)])
    assert dict(nogales.south) == {"cash_smuggling": 1}
    assert dict(nogales.north) == {"drug_smuggling": 1}  # the unplaced one; not the other article's
    assert nogales.by_article == 2


def test_a_flow_at_the_line_elsewhere_is_not_lent(gaz):
    from maps.corridors import buffer_km

    events = [located("here", "violence", -110.94, 31.32, doc_id="story"),
              located("texas", "drug_smuggling", -97.50, 25.90, direction="northbound", doc_id="story"),
              located("capital", "cash_smuggling", -99.13, 19.43, direction="southbound", doc_id="story")]
    near_line = buffer_km(gaz.geometry("border:us-mexico"), 100)
    [nogales] = assign_flows(select_events(events), [unit(gaz)], near_line)
    assert not nogales.north  # Brownsville's crossing stays Brownsville's
    assert dict(nogales.south) == {"cash_smuggling": 1}


def test_an_article_spread_over_two_corridors_lends_no_flows(gaz):
    events = [
        located("a", "violence", -110.94, 31.32, doc_id="wide"),
        located("b", "violence", -97.50, 25.90, doc_id="wide"),  # Brownsville
        located("c", "drug_smuggling", -99.13, 19.43, direction="northbound", doc_id="wide"),
    ]
    units = assign_flows(select_events(events), [unit(gaz), unit(gaz, "Brownsville–Matamoros")])
    assert all(not u.north for u in units)


def test_arrows_point_across_the_line(gaz):
    us = gaz.geometry("geonames:6252001")
    for name in ("Nogales", "Laredo", "Tucson"):
        u = unit(gaz, name)
        for direction in ("northbound", "southbound"):
            body, label = arrow(u, direction, Counter(drug_smuggling=4), us)
            shape = shapely.geometry.shape(body["geometry"])
            tail = shapely.geometry.shape(label["geometry"])
            tip = max(shape.exterior.coords, key=lambda xy: shapely.Point(xy).distance(tail))
            assert shape.is_valid and shape.intersects(u.stretch)
            assert us.contains(shapely.Point(tip)) == (direction == "northbound"), (name, direction)
            assert us.contains(tail) == (direction == "southbound"), (name, direction)


def test_wider_arrows_for_more_flows(gaz):
    us = gaz.geometry("geonames:6252001")
    def area(count):
        body = arrow(unit(gaz), "northbound", Counter(violence=count), us, busiest=9)[0]
        return shapely.geometry.shape(body["geometry"]).area

    assert area(9) > area(4) > area(1) * 1.2
