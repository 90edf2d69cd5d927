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
cannot appear, so each waiting event is compared with its neighbours in the
store only, and a stored incident it links to is joined whole.
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


def regroup(store) -> int:
    """Give every event waiting for its incident (incident_id null: new, or
    left by an incident that lost events) its incident, merging it with the
    stored incidents it links to. Returns how many incidents were written.

    Only new links matter: the stored incidents are the connected groups of
    the stored events, so a waiting event is compared (``same_incident``)
    with its neighbours in the store — an indexed query by type, day and
    box — and a stored incident it links to is joined whole, by its id.
    """
    from geo.incidents import DAYS, KM, same_incident

    waiting = store.waiting_events()
    if not waiting:
        return 0
    parent: dict[tuple, tuple] = {("event", e.fid): ("event", e.fid) for e in waiting}

    def root(key):
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    seen = {event.fid: event for event in waiting}
    for event in waiting:
        if not event.mergeable:
            continue
        for row in store.neighbours(event, days=DAYS, box=search_box(event, KM)):
            other = seen.get(row[0])
            if other is None:
                other = seen[row[0]] = stored_event(row)
            if other.fid == event.fid or not other.mergeable or not same_incident(event, other):
                continue
            key = ("event", other.fid) if other.incident_id is None else ("incident", other.incident_id)
            parent.setdefault(key, key)
            parent[root(key)] = root(("event", event.fid))
    groups: dict[tuple, list[StoredEvent]] = defaultdict(list)
    for event in waiting:
        groups[root(("event", event.fid))].append(event)
    joined = [key for key in parent if key[0] == "incident"]
    for key in joined:
        groups[root(key)].extend(store.incident_members(key[1]))
    rows, updates, written = [], [], set()
    for members in groups.values():
        incident = Incident.of(members)
        updates += [(incident.id, len(incident.sources), e.fid) for e in incident.events]
        # An article that repeats a sentence word for word gives two events, and two one-event
        # incidents, of one id: one row stands for both.
        if incident.id not in written:
            written.add(incident.id)
            rows.append(incident.row())
    store.replace_incidents({key[1] for key in joined} | written, rows, updates)
    return len(rows)


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
