"""One incident from many reports: when several articles tell the same
happening, their events are grouped, and each event lists the others.

The rule: two events from different articles are the same incident when they
are of the same type, dated to the day within ``days`` of each other, placed
within ``km`` of each other, and, when both give an amount of the same kind
(kilograms, dollars, people, guns, rounds), the amounts agree within
``tolerance`` (a fifth by default). Groups are the connected sets of such
pairs. Undated or unplaced events are never merged: too little is known to
say they are the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from gazetteer.projection import haversine_km

DAYS = 3
KM = 25.0
TOLERANCE = 0.2


@dataclass
class Incident:
    id: str
    type: str
    events: list  # Event objects, earliest article first

    @property
    def sources(self) -> list[dict]:
        out, seen = [], set()
        for event in self.events:
            key = event.document.get("url") or event.document.get("id")
            if key not in seen:
                seen.add(key)
                out.append(dict(event.document))
        return out


def _amounts(event) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for q in event.quantities:
        totals[q.kind] += q.value
    return totals


def _agree(a: dict[str, float], b: dict[str, float], tolerance: float) -> bool:
    for kind in a.keys() & b.keys():
        big = max(a[kind], b[kind])
        if big and abs(a[kind] - b[kind]) / big > tolerance:
            return False
    return True


def _article(event) -> tuple:
    return event.document.get("id"), event.document.get("url"), event.document.get("title")


def same_incident(a, b, *, days: int = DAYS, km: float = KM, tolerance: float = TOLERANCE) -> bool:
    if a.type != b.type or _article(a) == _article(b):
        return False  # one article's events are already distinct happenings
    if a.date_precision != "day" or b.date_precision != "day" or a.lat is None or b.lat is None:
        return False
    gap = abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days)
    if gap > days or haversine_km(a.lat, a.lon, b.lat, b.lon) > km:
        return False
    return _agree(_amounts(a), _amounts(b), tolerance)


def group_incidents(events, *, days: int = DAYS, km: float = KM,
                    tolerance: float = TOLERANCE) -> list[Incident]:
    """Every event in exactly one incident (most incidents have one event)."""
    events = list(events)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_type: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        if event.date_precision == "day" and event.lat is not None:
            by_type[event.type].append(i)
    for indexes in by_type.values():
        indexes.sort(key=lambda i: events[i].date)
        for pos, i in enumerate(indexes):
            day = dt.date.fromisoformat(events[i].date)
            for j in indexes[pos + 1:]:
                if (dt.date.fromisoformat(events[j].date) - day).days > days:
                    break
                if same_incident(events[i], events[j], days=days, km=km, tolerance=tolerance):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[find(i)].append(i)
    incidents = []
    for members in groups.values():
        members.sort(key=lambda i: (events[i].document.get("published") or "", i))
        ids = sorted(events[i].id for i in members)
        digest = hashlib.sha1("\x1f".join(ids).encode()).hexdigest()[:16]
        incidents.append(Incident(id=f"in-{digest}", type=events[members[0]].type,
                                  events=[events[i] for i in members]))
    return incidents


def assign_incidents(events, **rule) -> list[Incident]:
    """Group ``events`` and write on each its incident id and the other
    articles that report it."""
    incidents = group_incidents(events, **rule)
    for incident in incidents:
        for event in incident.events:
            event.incident_id = incident.id
            event.other_sources = [s for s in incident.sources if s != event.document]
    return incidents
