"""One incident from many reports: when several articles tell the same
happening, their events are grouped, and each event lists the others.

Two events from different articles may be the same happening
(``same_incident``) when they are of the same type, dated to the day within
``days`` of each other, placed within ``km`` of each other, and, when both
give an amount of the same kind (kilograms, dollars, people, guns, rounds),
the amounts agree within ``tolerance`` (a fifth by default). An event whose
text gives no day is dated by its article's publication: it may join too,
but only on an amount of the same kind that agrees — a wire story that says
"officers seized 400 pounds of meth" is the same seizure as the one that
says "on Tuesday", but two bare "seizures at the port" days apart need not
be. Events with no day at all (a month, a year) or no place are never
merged: too little is known to say they are the same.

An incident is anchored on its first report. Grouping the connected pairs
would chain: at a busy port A matches B and B matches C, and one "incident"
grows over weeks. Instead every member must match the incident's first
report, and only it:

- reports are taken in one fixed order — the day of the event, then the
  article's publication date, URL, id and title, then the event's place in
  the article (``Report.key``);
- each joins the earliest open incident whose first report it matches and
  that holds no other event of its article (one article's events are
  distinct happenings), else it opens an incident of its own.

An incident thus spans at most ``days`` days and lies within ``km`` of its
first report. The order depends on the events alone, so the grouping does
too: whatever order the articles come in, the incidents are the same, and
``maps.store`` (grouping as articles arrive) ends up with exactly the
incidents grouping every event at once gives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict, deque
from dataclasses import dataclass, field

from gazetteer.projection import EARTH_RADIUS_KM, haversine_km

DAYS = 3
KM = 25.0
# Events dated by the text, and events whose day is their article's
# publication date (these must also agree on an amount to join).
GROUPED_PRECISIONS = ("day", "publication")
TOLERANCE = 0.2
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180  # of latitude, on the sphere haversine_km uses


@dataclass
class Incident:
    id: str
    type: str
    events: list  # Event objects, the first report first (Report.key order)

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


def article_of(event) -> tuple:
    """Which article an event comes from, as its document says."""
    doc = event.document
    return doc.get("id"), doc.get("url"), doc.get("title")


@dataclass(slots=True, eq=False)
class Report:
    """What grouping reads of one dated, placed event, read once."""

    event: object
    type: str
    day: int  # proleptic ordinal
    lat: float
    lon: float
    article: tuple
    key: tuple  # the order reports are grouped in
    exact: bool = True  # dated by the text; else by its article's publication
    _amounts: dict | None = None

    @property
    def amounts(self) -> dict[str, float]:
        if self._amounts is None:
            self._amounts = _amounts(self.event)
        return self._amounts


def report_of(event) -> Report | None:
    """The Report of an event, or None when it has no day (not even its
    article's) or no place (such an event is an incident of its own)."""
    if event.date_precision not in GROUPED_PRECISIONS or event.lat is None or event.lon is None \
            or not event.date:
        return None
    day = getattr(event, "day", None)
    if day is None:
        try:
            day = dt.date.fromisoformat(event.date[:10]).toordinal()
        except ValueError:
            return None
    doc = event.document
    article = article_of(event)
    key = (day, doc.get("published") or "", doc.get("url") or "", doc.get("id") or "", doc.get("title") or "",
           event.start if event.start is not None else -1, event.id)
    return Report(event, event.type, day, float(event.lat), float(event.lon), article, key,
                  event.date_precision == "day")


@dataclass(frozen=True, slots=True)
class Rule:
    days: int = DAYS
    km: float = KM
    tolerance: float = TOLERANCE

    @property
    def degrees(self) -> float:
        """``km`` in degrees of latitude: no two points farther apart in latitude are within ``km``."""
        return self.km / KM_PER_DEGREE

    def matches(self, first: Report, other: Report) -> bool:
        """Is ``other`` the same happening as ``first``?"""
        if first.type != other.type or first.article == other.article:
            return False  # one article's events are already distinct happenings
        if abs(other.day - first.day) > self.days or abs(other.lat - first.lat) > self.degrees:
            return False
        if haversine_km(first.lat, first.lon, other.lat, other.lon) > self.km:
            return False
        if not (first.exact and other.exact) and not first.amounts.keys() & other.amounts.keys():
            return False  # a day known only from the article's date: an amount must agree too
        return _agree(first.amounts, other.amounts, self.tolerance)


def same_incident(a, b, *, days: int = DAYS, km: float = KM, tolerance: float = TOLERANCE) -> bool:
    """Could events ``a`` and ``b`` be one happening (the pairwise rule)?"""
    first, other = report_of(a), report_of(b)
    return first is not None and other is not None and Rule(days, km, tolerance).matches(first, other)


@dataclass(slots=True, eq=False)
class Group:
    """An incident being grouped: its reports, the first report first."""

    reports: list[Report]
    articles: set = field(default_factory=set)
    number: int = 0  # opening order: earlier anchors have smaller numbers

    @property
    def anchor(self) -> Report:
        return self.reports[0]

    def add(self, report: Report) -> None:
        self.reports.append(report)
        self.articles.add(report.article)


class Sweep:
    """Anchored grouping of the reports of one type, given in ``Report.key``
    order: each joins the earliest open incident whose first report it
    matches (and that holds nothing of its article), else opens one.

    An incident stays open while reports within ``days`` of its first can
    come; open incidents are kept in a grid of cells ``km`` high, so a
    report is compared with the first reports near it only.
    """

    def __init__(self, rule: Rule):
        self.rule = rule
        self.open: deque[Group] = deque()  # by anchor, earliest first
        self.cells: dict[tuple[int, int], list[Group]] = defaultdict(list)
        self.opened = 0

    def open_group(self, reports: list[Report]) -> Group:
        """Open an incident of these reports (its first report first). The
        store also uses it to restore the incidents open where it resumes."""
        group = Group(list(reports), {r.article for r in reports}, self.opened)
        self.opened += 1
        self.open.append(group)
        self.cells[self._cell(group.anchor)].append(group)
        return group

    def add(self, report: Report) -> Group:
        """The incident ``report`` belongs to (after every report before it in key order)."""
        while self.open and self.open[0].anchor.day < report.day - self.rule.days:
            closed = self.open.popleft()
            self.cells[self._cell(closed.anchor)].remove(closed)
        for group in self._near(report):
            if report.article not in group.articles and self.rule.matches(group.anchor, report):
                group.add(report)
                return group
        return self.open_group([report])

    def _cell(self, report: Report) -> tuple[int, int]:
        size = self.rule.degrees
        return math.floor(report.lat / size), math.floor(report.lon / size)

    def _near(self, report: Report) -> list[Group]:
        """The open incidents whose first report could be within ``km``, earliest first."""
        size = self.rule.degrees
        row, col = self._cell(report)
        # hav(d) >= cos(lat1) cos(lat2) hav(dlon): how far in longitude a point within km can be.
        coldest = math.cos(math.radians(min(90.0, abs(report.lat) + size)))
        reach = math.sin(math.radians(size) / 2) / coldest if coldest > 0 else 2.0
        if reach >= 1.0:  # near a pole: any longitude
            found = [g for (r, _c), groups in self.cells.items() if abs(r - row) <= 1 for g in groups]
        else:
            span = math.ceil(math.degrees(2 * math.asin(reach)) / size)
            found = [g for r in (row - 1, row, row + 1) for c in range(col - span, col + span + 1)
                     for g in self.cells.get((r, c), ())]
        found.sort(key=lambda g: g.number)
        return found


def incident_id(events) -> str:
    """An incident's id, made from its members (their ids and places in their articles)."""
    members = sorted(f"{e.id}@{e.start}" for e in events)
    return "in-" + hashlib.sha1("\x1f".join(members).encode()).hexdigest()[:16]


def group_incidents(events, *, days: int = DAYS, km: float = KM,
                    tolerance: float = TOLERANCE) -> list[Incident]:
    """Every event in exactly one incident (most incidents have one event),
    in the order of their first events in ``events``."""
    events = list(events)
    rule = Rule(days, km, tolerance)
    by_type: dict[str, list[tuple[Report, int]]] = defaultdict(list)
    members: dict[int, list[int]] = {}  # first event's index → the indexes of its incident, in report order
    for i, event in enumerate(events):
        report = report_of(event)
        if report is None:
            members[i] = [i]
        else:
            by_type[report.type].append((report, i))
    for reports in by_type.values():
        reports.sort(key=lambda pair: pair[0].key)
        sweep, groups, index = Sweep(rule), [], {}
        for report, i in reports:
            index[id(report)] = i
            group = sweep.add(report)
            if group.anchor is report:
                groups.append(group)
        for group in groups:
            found = [index[id(r)] for r in group.reports]
            members[min(found)] = found
    incidents = []
    for first in sorted(members):
        group = [events[i] for i in members[first]]
        incidents.append(Incident(id=incident_id(group), type=group[0].type, events=group))
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
