"""Events: what happened, when, which way across the border, who, how much,
and where — one per distinct happening a sentence reports.

A pipeline step after locating: each sentence is tested against the trigger
patterns of every event type (``event_types``); each type found becomes an
Event carrying its evidence sentence, date (``when``), quantities, actors and
the most specific place the sentence links to it, falling back to the
article's dateline and then to its main place (``where``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .actors import find_actors
from .document import Document
from .event_types import DEFAULT_DIRECTION, DRUGS, NORTH, SOUTH
from .quantities import find_quantities
from .sentences import split_sentences
from .triggers import TriggerFinder, kinds_from_groups
from .when import resolve_dates
from .where import LOCAL, EventPlace, article_focus, locate_event

# Happenings that articles tell over several sentences (the body found, then
# recovered, then handed over): later sentences add to the first one.
FOLLOWED_UP = frozenset({"drug_smuggling", "human_smuggling", "migrant_crossing", "weapons_trafficking",
                         "cash_smuggling", "violence", "humanitarian"})
SPECIFIC_TYPES = frozenset({"drug_smuggling", "human_smuggling", "migrant_crossing", "weapons_trafficking",
                            "cash_smuggling", "violence", "humanitarian", "corruption"})
# Words that make a sentence about an operation even beside a seizure.
OPERATION_WORDS = re.compile(r"\b(?:operation|crackdown|joint|operativo|dispositivo|"
                             r"search warrants?|raids?)\b", re.IGNORECASE)
FLOW_TYPES = frozenset(DEFAULT_DIRECTION)
AMOUNT_GROUPS = frozenset({"drug", "gun", "cash"})
_FINDER = TriggerFinder()
DRUG_WORDS = re.compile(r"\b(?:" + "|".join(DRUGS) + r")\b", re.IGNORECASE)
CASH_WORDS = re.compile(r"(?:\b(?:cash|currency|efectivo|dinero)\b|\$)", re.IGNORECASE)
NO_FLOW = re.compile(r"\b(?:charged|charges|cargos|sentenced|indicted|conspiracy|conspiración)\b",
                     re.IGNORECASE)


@dataclass(slots=True)
class Event:
    id: str
    type: str
    direction: str | None
    date: str | None
    date_precision: str
    start: int
    end: int
    evidence: str
    place: EventPlace
    quantities: list = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    document: dict = field(default_factory=dict)
    incident_id: str | None = None  # set when events of many articles are grouped
    other_sources: list[dict] = field(default_factory=list)

    @property
    def lat(self) -> float | None:
        return self.place.lat

    @property
    def lon(self) -> float | None:
        return self.place.lon

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "direction": self.direction,
            "date": self.date,
            "date_precision": self.date_precision,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "quantities": [q.to_dict() for q in self.quantities],
            "actors": list(self.actors),
            **self.place.to_dict(),
            "document": dict(self.document),
            "incident_id": self.incident_id,
            "other_sources": [dict(s) for s in self.other_sources],
        }


def event_id(kind: str, date: str | None, evidence: str, source_key: str) -> str:
    """Stable across runs and made from content: the same sentence of the
    same article (by URL or title, else its text) gives the same id wherever
    the file lies; two different articles never share one."""
    digest = hashlib.sha1("\x1f".join((kind, date or "", evidence, source_key)).encode()).hexdigest()
    return f"ev-{digest[:16]}"


def event_types_of(sentence: str, quantities=(), groups: set[str] | None = None) -> list[str]:
    if groups is None:
        groups = _FINDER.groups(sentence, [(0, len(sentence))])[0]
    kinds = kinds_from_groups(groups)
    for kind in quantity_types(sentence, quantities):
        if kind not in kinds:
            kinds.append(kind)
    if ("enforcement_operation" in kinds and SPECIFIC_TYPES.intersection(kinds)
            and not OPERATION_WORDS.search(sentence)):
        kinds.remove("enforcement_operation")  # an arrest that goes with a seizure is part of it
    return kinds


def more_specific(event: Event, previous: Event) -> bool:
    """Does ``event`` tell the same happening more precisely (its day, or a
    more precise place named in its own sentence)?"""
    if event.date_precision == "day" and previous.date_precision != "day":
        return True
    named = event.place.mention_start is not None and event.start <= event.place.mention_start < event.end
    return named and event.place.precision < previous.place.precision


def quantity_types(sentence: str, quantities) -> list[str]:
    """Amounts say what moved: rounds and guns are weapons, weighed drugs are
    drugs, dollars in cash are cash."""
    kinds = []
    for q in quantities:
        if q.kind in ("guns", "rounds"):
            kinds.append("weapons_trafficking")
        elif q.kind == "weight" and DRUG_WORDS.search(sentence):
            kinds.append("drug_smuggling")
        elif q.kind == "money" and CASH_WORDS.search(sentence):
            kinds.append("cash_smuggling")
    return kinds


def direction_of(kind: str, sentence: str) -> str | None:
    if kind not in FLOW_TYPES:
        return None
    north, south = NORTH.search(sentence), SOUTH.search(sentence)
    if north and not south:
        return "northbound"
    if south and not north:
        return "southbound"
    if north and south:
        return DEFAULT_DIRECTION[kind]  # "northbound drugs ... southbound guns": each its usual way
    if NO_FLOW.search(sentence):
        return None  # a court case about a load is not a crossing
    return DEFAULT_DIRECTION[kind]


# A sentence that is all quotation or talks of totals reports no event.
QUOTE_OPENING = re.compile(r"^\s*[\"“«]")
NEW_ONE = re.compile(r"\b(?:second|third|another|other|a new|segund[oa]|tercer[oa]?|otr[oa]s?)\b",
                     re.IGNORECASE)
# Flows need a sign of something moving or stopped, not just a topic.
FLOW_EVIDENCE = re.compile(r"\b(?:seiz\w*|smuggl\w*|found|discover\w*|confiscat\w*|caught|arrest\w*|"
                           r"apprehend\w*|crossing|crossed|intercept\w*|northbound|southbound|shipments?|"
                           r"flows?|loads?|tunnel|asegur\w*|decomis\w*|incaut\w*|hall\w*|cruz\w*|"
                           r"detenid\w*|t[úu]nel|bought|purchas\w*|delivered|carr(?:y|ied|ying))\b",
                           re.IGNORECASE)


def reports_events(sentence: str, groups: set[str]) -> bool:
    """Not a quotation, not totals."""
    return not (QUOTE_OPENING.match(sentence) or "general" in groups)


class EventExtractor:
    """Fills ``doc.events``: one event per happening, first told where the
    article first reports it; later sentences about the same happening (no
    new date, no new place, no "another") add nothing."""

    def __init__(self, gazetteer):
        self.gaz = gazetteer

    def __call__(self, doc: Document) -> Document:
        events = []
        source = {"id": doc.id, "title": doc.title, "published": doc.published, "source": doc.source,
                  "url": doc.url}
        seen: dict[str, list[tuple[str | None, str | None]]] = {}
        latest: dict[str, Event] = {}
        source_key = doc.url or (f"{doc.title}\x1f{doc.published}" if doc.title else doc.text)
        spans = split_sentences(doc.text, doc.body_start)
        focus = article_focus(self.gaz, doc) if doc.mentions else None
        for (start, end), groups in zip(spans, _FINDER.groups(doc.text, spans)):
            sentence = doc.text[start:end]
            if not groups or not reports_events(sentence, groups):
                continue
            if not kinds_from_groups(groups) and not groups & AMOUNT_GROUPS:
                continue  # no trigger, and no drug, gun or cash whose amount could be one
            quantities = find_quantities(sentence)
            kinds = [k for k in event_types_of(sentence, quantities, groups)
                     if k not in FLOW_TYPES or quantities or FLOW_EVIDENCE.search(sentence)]
            if not kinds:
                continue
            dates = resolve_dates(sentence, doc.published)
            actors = find_actors(sentence)
            place = locate_event(self.gaz, doc, start, end, focus)
            named_here = place.mention_start is not None and start <= place.mention_start < end
            # Only a town or site named here makes a sentence about a new happening.
            key_place = place.place_id if named_here and place.feature in LOCAL else None
            fresh = NEW_ONE.search(sentence) is not None or len(dates) > 1
            for kind, when in ((k, w) for k in kinds for w in dates):
                key_date = when.date if when.precision in ("day", "month") else None
                event = Event(
                    id=event_id(kind, when.date, sentence, source_key), type=kind,
                    direction=direction_of(kind, sentence),
                    date=when.date, date_precision=when.precision, start=start, end=end, evidence=sentence,
                    place=place, quantities=quantities, actors=actors, document=source,
                )
                earlier = seen.setdefault(kind, [])
                if kind in FOLLOWED_UP and earlier and not fresh and all(
                    (key_place is None or key_place == p) and (key_date is None or key_date == d)
                    for p, d in earlier[-1:]
                ) and (key_place is None or any(key_place == p for p, _ in earlier)):
                    # More about the same happening: it is told where it is told
                    # most precisely (a lead sentence, then the day and the place).
                    previous = latest[kind]
                    if more_specific(event, previous):
                        events[events.index(previous)] = latest[kind] = event
                        earlier[-1] = (key_place or earlier[-1][0], key_date or earlier[-1][1])
                    continue
                earlier.append((key_place, key_date))
                events.append(event)
                latest[kind] = event
        doc.events = events
        return doc
