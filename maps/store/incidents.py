"""Incidents kept up to date as articles come and go.

The rule is ``geo.incidents``' (``same_incident``: same type, within 3 days
and 25 km, amounts within a fifth, never two events of one article), and
incidents are the connected groups it makes, named and ordered as
``geo.incidents.group_incidents`` names and orders them: the store ends up
exactly as if every stored event had been grouped at once (a test checks
this against ``assign_incidents``).

Grouping everything again after each batch would cost more as the store
grows; instead, events wait for their incident (a null ``incident_id``,
kept in the store, so a killed run leaves nothing half-grouped) and
``regroup`` links only them: new events, and the rest of an incident that
lost an event when its article was updated. Links between stored incidents
cannot appear, so only waiting events are compared, with each other and
with the stored incidents near them; a stored incident one links to is
joined whole.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass

from maps.frame import LIST_SEPARATOR

EARTH_KM_PER_DEG = 111.19


@dataclass(slots=True)
class Amount:
    kind: str
    value: float


@dataclass(slots=True)
class StoredEvent:
    """What ``geo.incidents`` reads of an event, from the store."""

    fid: int
    article_fid: int
    seq: int
    id: str
    type: str
    date: str | None
    date_precision: str | None
    day: int | None
    lat: float | None
    lon: float | None
    document: dict
    quantities_json: str | None
    incident_id: str | None = None
    amounts: list[Amount] | None = None

    @property
    def quantities(self) -> list[Amount]:
        """The amounts (read when two events are close enough to compare them)."""
        if self.amounts is None:
            self.amounts = [Amount(q["kind"], q["value"]) for q in json.loads(self.quantities_json or "[]")
                            if q.get("kind") and isinstance(q.get("value"), int | float)]
        return self.amounts

    @property
    def mergeable(self) -> bool:
        return self.date_precision == "day" and self.day is not None and self.lat is not None \
            and self.lon is not None


# The columns a StoredEvent is read from, in order.
CANDIDATE_COLUMNS = ("fid", "article_fid", "seq", "id", "type", "date", "date_precision", "first_day",
                     "lat", "lon", "doc_id", "doc_title", "doc_published", "doc_source", "doc_url",
                     "quantities_json", "incident_id")


def stored_event(row) -> StoredEvent:
    (fid, article_fid, seq, event_id, kind, date, precision, day, lat, lon, doc_id, title, published, source,
     url, quantities, incident_id) = row
    document = {"id": doc_id, "title": title, "published": published, "source": source, "url": url}
    return StoredEvent(fid, article_fid, seq, event_id, kind, date, precision, day, lat, lon, document,
                       quantities, incident_id)


def search_box(event: StoredEvent, km: float) -> tuple[float, float, float, float]:
    """(min lat, max lat, min lon, max lon) holding every point within ``km``."""
    dlat = km / EARTH_KM_PER_DEG * 1.01
    dlon = min(180.0, dlat / max(math.cos(math.radians(min(abs(event.lat) + dlat, 89.9))), 1e-6))
    return event.lat - dlat, event.lat + dlat, event.lon - dlon, event.lon + dlon


class _Groups:
    """Union-find over waiting events ("event", fid) and stored incidents ("incident", id)."""

    def __init__(self, keys):
        self.parent = {key: key for key in keys}

    def root(self, key):
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(self, a, b) -> None:
        self.parent.setdefault(a, a)
        self.parent[self.root(a)] = self.root(b)

    def together(self, a, b) -> bool:
        return a in self.parent and b in self.parent and self.root(a) == self.root(b)


def regroup(store) -> int:
    """Give every event waiting for its incident (incident_id null: new, or
    left by an incident that lost events) its incident, merging it with the
    stored incidents it links to. Returns how many incidents were written.

    Only links from waiting events can be new: waiting events are compared
    (``same_incident``) with each other in memory, and with the members of
    the stored incidents near them (an indexed query by type, day and box
    names those incidents); a stored incident one of them links to is
    joined whole. An event already in the same group as a candidate is not
    compared again, so a story a hundred articles re-tell costs a hundred
    comparisons, not ten thousand.
    """
    waiting = store.waiting_events()
    if not waiting:
        return 0
    groups = _Groups(("event", e.fid) for e in waiting)
    mergeable = [e for e in waiting if e.mergeable]
    _link_waiting(mergeable, groups)
    members = _link_stored(store, mergeable, groups)
    found: dict[tuple, list[StoredEvent]] = defaultdict(list)
    for event in waiting:
        found[groups.root(("event", event.fid))].append(event)
    joined = [key for key in groups.parent if key[0] == "incident"]
    for key in joined:
        found[groups.root(key)].extend(members[key[1]])
    rows, updates, written = [], [], set()
    for group in found.values():
        incident = Incident.of(group)
        updates += [(incident.id, len(incident.sources), e.fid) for e in incident.events]
        # An article that repeats a sentence word for word gives two events, and two one-event
        # incidents, of one id: one row stands for both.
        if incident.id not in written:
            written.add(incident.id)
            rows.append(incident.row())
    store.replace_incidents({key[1] for key in joined} | written, rows, updates)
    return len(rows)


def _link_waiting(mergeable: list[StoredEvent], groups: _Groups) -> None:
    """Join the waiting events that are the same happening, by type and day."""
    from geo.incidents import DAYS, same_incident

    by_day: dict[tuple, list[StoredEvent]] = defaultdict(list)
    for event in mergeable:
        by_day[event.type, event.day].append(event)
    for event in mergeable:
        me = ("event", event.fid)
        for day in range(event.day - DAYS, event.day + DAYS + 1):
            for other in by_day.get((event.type, day), ()):
                key = ("event", other.fid)
                if other.fid > event.fid and not groups.together(key, me) and same_incident(event, other):
                    groups.join(key, me)


def _link_stored(store, mergeable: list[StoredEvent], groups: _Groups) -> dict[str, list[StoredEvent]]:
    """Join each waiting event to the stored incidents near it that it links
    to; returns the members of the stored incidents looked at, by id."""
    from geo.incidents import DAYS, KM, same_incident

    members: dict[str, list[StoredEvent]] = {}
    nearby: dict[tuple, list[str]] = {}  # a story told by many articles: one query for all its tellings
    for event in mergeable:
        me = ("event", event.fid)
        box = search_box(event, KM)
        where = (event.type, event.day, event.lat, event.lon)
        if where not in nearby:
            nearby[where] = store.nearby_incidents(event, days=DAYS, box=box)
        for incident_id in nearby[where]:
            key = ("incident", incident_id)
            if groups.together(key, me):
                continue
            if incident_id not in members:
                members[incident_id] = store.incident_members(incident_id)
            if any(_near(other, event, DAYS, box) and same_incident(event, other)
                   for other in members[incident_id]):
                groups.join(key, me)
    return members


def _near(other: StoredEvent, event: StoredEvent, days: int, box) -> bool:
    """Could ``other`` be the same happening as ``event`` (a cheap test before ``same_incident``)?"""
    return (other.mergeable and abs(other.day - event.day) <= days and box[0] <= other.lat <= box[1]
            and box[2] <= other.lon <= box[3])


@dataclass(slots=True)
class Incident:
    """A group of events, as ``geo.incidents.group_incidents`` makes it: its
    id made from its members' ids, its events earliest article first (then
    in the order they were stored), its sources one per article."""

    id: str
    type: str
    events: list
    sources: list

    @classmethod
    def of(cls, members: list[StoredEvent]) -> Incident:
        events = sorted(members, key=lambda e: (e.document.get("published") or "", e.article_fid, e.seq))
        digest = hashlib.sha1("\x1f".join(sorted(e.id for e in events)).encode()).hexdigest()[:16]
        sources, keys = [], set()
        for event in events:
            key = event.document.get("url") or event.document.get("id")
            if key not in keys:
                keys.add(key)
                sources.append(dict(event.document))
        return cls(f"in-{digest}", events[0].type, events, sources)

    def row(self) -> tuple:
        """The incidents table's row (INCIDENT_TABLE_COLUMNS order)."""
        located = [e for e in self.events if e.lat is not None and e.lon is not None]
        lat = sum(e.lat for e in located) / len(located) if located else None
        lon = sum(e.lon for e in located) / len(located) if located else None
        dates = sorted(e.date for e in self.events if e.date)
        names = [s.get("title") or s.get("url") or s.get("id") for s in self.sources]
        return (self.id, self.type, len(self.events), len(self.sources), dates[0] if dates else None,
                dates[-1] if dates else None, lat, lon, LIST_SEPARATOR.join(n for n in names if n) or None,
                json.dumps(self.sources, ensure_ascii=False))


def other_sources(sources_json: str | None, document: dict) -> list[dict]:
    """An event's other sources: its incident's sources but its own article
    (as ``geo.incidents.assign_incidents`` writes them)."""
    return [s for s in json.loads(sources_json or "[]") if s != document]
