"""Incidents kept up to date as articles come and go.

The rule is ``geo.incidents``': reports are taken in one fixed order and
each joins the earliest open incident whose first report it matches (same
type, within 3 days and 25 km, amounts within a fifth, nothing else of its
article), else opens one. The store ends up exactly as if every stored event
had been grouped at once (a test checks this against ``assign_incidents``,
and for articles ingested in other orders and batches).

Grouping everything again after each batch would cost more as the store
grows; instead, events wait for their incident (a null ``incident_id``,
kept in the store, so a killed run leaves nothing half-grouped): new events,
and the rest of an incident that lost an event when its article was updated.
Where an event waits matters only from its day on: ``regroup`` takes, for
each type, the incidents open on the first day an event of that type waits
(rebuilt from the stored events of the days before), groups the stored and
waiting events from that day on a window at a time, and stops as soon as
``days`` days in a row group as they are stored: the incidents open from
then on are the stored ones, and so is everything after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from geo.incidents import Report, Rule, Sweep, incident_id, report_of
from maps.frame import LIST_SEPARATOR

WINDOW_DAYS = 32  # days of one type's events read at a time


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
    start: int | None
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


# The columns a StoredEvent is read from, in order.
CANDIDATE_COLUMNS = ("fid", "article_fid", "seq", "id", "type", "date", "date_precision", "first_day",
                     "start", "lat", "lon", "doc_id", "doc_title", "doc_published", "doc_source", "doc_url",
                     "quantities_json", "incident_id")


def stored_event(row) -> StoredEvent:
    (fid, article_fid, seq, event_id, kind, date, precision, day, start, lat, lon, doc_id, title, published,
     source, url, quantities, incident_id_) = row
    document = {"id": doc_id, "title": title, "published": published, "source": source, "url": url}
    return StoredEvent(fid, article_fid, seq, event_id, kind, date, precision, day, start, lat, lon, document,
                       quantities, incident_id_)


def regroup(store, rule: Rule | None = None) -> int:
    """Give every event waiting for its incident (incident_id null: new, or
    left by an incident that lost events) its incident, regrouping the
    stored events whose incidents that changes. Returns how many incidents
    were written."""
    rule = rule or Rule()
    waiting = store.waiting_events()
    if not waiting:
        return 0
    groups: list[list[StoredEvent]] = []  # the incidents to write, their events in report order
    days: dict[str, tuple[int, int]] = {}  # type → the first and last day an event of it waits
    for event in waiting:
        report = report_of(event)
        if report is None:
            groups.append([event])  # undated or unplaced: an incident of its own
        else:
            first, last = days.get(report.type, (report.day, report.day))
            days[report.type] = min(first, report.day), max(last, report.day)
    for kind in sorted(days):
        groups += _regroup_type(store, rule, kind, *days[kind])
    rows, updates, stale, written = [], [], set(), set()
    for members in groups:
        incident = Incident.of(members)
        stale.update(e.incident_id for e in members if e.incident_id not in (None, incident.id))
        updates += [(incident.id, len(incident.sources), e.fid) for e in members]
        if incident.id not in written:
            written.add(incident.id)
            rows.append(incident.row())
    store.replace_incidents(stale | written, rows, updates)
    return len(rows)


def _regroup_type(store, rule: Rule, kind: str, start: int, last: int) -> list[list[StoredEvent]]:
    """The incidents of type ``kind`` that differ from the stored ones, from
    day ``start`` on (events of that type wait from ``start`` to ``last``)."""
    sweep = Sweep(rule)
    # The incidents open on day `start`: first reports within `days` before it, members before it
    # (an incident with a member in those days has its first report in the `days` before them).
    before: dict[str, list[Report]] = {}
    for event in store.events_of_type(kind, start - 2 * rule.days, start - 1):
        before.setdefault(event.incident_id, []).append(report_of(event))
    stored_anchor: dict[str | None, tuple] = {}  # a stored incident → its first report's key
    groups = []
    for members in sorted(before.values(), key=lambda m: min(r.key for r in m)):
        members.sort(key=lambda r: r.key)
        stored_anchor[members[0].event.incident_id] = members[0].key
        if members[0].day >= start - rule.days:
            groups.append(sweep.open_group(members))
    last_disagreement = last  # events wait until `last`: the grouping cannot agree with the store before
    day = start
    while True:
        window = [report_of(e) for e in store.events_of_type(kind, day, day + WINDOW_DAYS - 1)]
        if not window:
            day = store.next_event_day(kind, day + WINDOW_DAYS)
            if day is None or day - 1 - last_disagreement >= rule.days:
                break
            continue
        window.sort(key=lambda r: r.key)
        done = None
        for report in window:
            if report.day - 1 - last_disagreement >= rule.days:
                done = report.day  # `days` days in a row agree with the store: so will the rest
                break
            group = sweep.add(report)
            if group.anchor is report:
                groups.append(group)
            stored = report.event.incident_id
            if stored is not None:
                stored_anchor.setdefault(stored, report.key)
            if stored is None or stored_anchor[stored] != group.anchor.key:
                last_disagreement = max(last_disagreement, report.day)
        if done is not None:
            day = done
            break
        day += WINDOW_DAYS
    # Incidents whose first report is in the last `days` days before `day` group as stored (and may
    # have members after it, not read): only the incidents before them are complete and may differ.
    complete = [g for g in groups if g.anchor.day < day - rule.days] if day is not None else groups
    changed = []
    for group in complete:
        members = [r.event for r in group.reports]
        new_id = incident_id(members)
        if any(e.incident_id != new_id for e in members):
            changed.append(members)
    return changed


@dataclass(slots=True)
class Incident:
    """A group of events, as ``geo.incidents.group_incidents`` makes it: its
    id made from its members, its events in report order (the first report
    first), its sources one per article."""

    id: str
    type: str
    events: list
    sources: list

    @classmethod
    def of(cls, events: list[StoredEvent]) -> Incident:
        sources, keys = [], set()
        for event in events:
            key = event.document.get("url") or event.document.get("id")
            if key not in keys:
                keys.add(key)
                sources.append(dict(event.document))
        return cls(incident_id(events), events[0].type, events, sources)

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
