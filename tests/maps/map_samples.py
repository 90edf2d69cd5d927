"""Event dicts (as ``Event.to_dict()`` gives them) for the map tests."""

from __future__ import annotations

PLACE_KEYS = ("place_id", "place_name", "place_feature", "lat", "lon", "location_precision",
              "location_reason", "uncertainty_km", "side", "border_km", "sector", "nearest_port", "corridor")


def event(id, kind, geometry, *, lat=None, lon=None, document=None, **fields) -> dict:
    made = {**dict.fromkeys(PLACE_KEYS), "id": id, "type": kind, "direction": None, "date": "2024-03-12",
            "date_precision": "day", "start": 0, "end": 10, "evidence": "Evidence sentence.",
            "quantities": [], "actors": [], "location_precision": 3, "location_reason": "written by hand",
            "lat": lat, "lon": lon, "geometry": geometry, "incident_id": None, "other_sources": [],
            "document": {"id": "hand-1", "title": "Seizure at the Line", "published": "2024-03-13",
                         "source": "Test Desk", "url": "https://example.org/a", **(document or {})}}
    made.update(fields)
    return made


def located(id, kind, lon, lat, *, place="Nogales", feature="city", evidence=None,
            title="Seizure at the Line", doc_id="hand-1", **fields) -> dict:
    """An event at a point."""
    return event(id, kind, {"type": "Point", "coordinates": (lon, lat)}, lat=lat, lon=lon,
                 place_id=f"test:{id}", place_name=place, place_feature=feature, location_precision=1,
                 evidence=evidence or f"Officers near {place} reported it.",
                 document={"title": title, "id": doc_id}, **fields)


def unplaced(id, kind, **fields) -> dict:
    """An event with no place at all."""
    return event(id, kind, None, location_reason="no place in the text", **fields)
