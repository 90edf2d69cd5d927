"""Events: what happened, when, which way across the border, who, how much,
and where — one per distinct happening an article reports.

A pipeline step after locating: each sentence is tested against the trigger
groups of every event type (``triggers``); each type found is an Event
carrying its evidence sentence, date (``when``), quantities, actors and the
most specific place the sentence links to it, falling back to the article's
dateline and then to its main place (``where``).

Articles tell one happening over several sentences — a lead that sums it
up, then the day, the place, the amounts, the arrests, the court case — so
each type has a Happening the article is telling: a sentence that does not
contradict it (no other day, town or amounts, no "another") adds to it, and
its event moves to the sentence that gives the day; "the first case" takes
the place of a summary; the sentence after a dateless lead that gives the
day tells the lead's happening.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

from .actors import find_actors
from .document import Document
from .event_types import DEFAULT_DIRECTION
from .patterns import initials, word_lead
from .quantities import find_quantities
from .sentences import split_sentences
from .triggers import TriggerFinder, kinds_from_groups
from .when import RELATIVE, WEEKDAY, EventDate, resolve_dates
from .where import LOCAL, EventLocator, EventPlace

# Happenings that articles tell over several sentences (the body found, then
# recovered, then handed over): later sentences add to the first one.
FOLLOWED_UP = frozenset({"drug_smuggling", "human_smuggling", "migrant_crossing", "weapons_trafficking",
                         "cash_smuggling", "violence", "humanitarian", "agreement"})
SPECIFIC_TYPES = frozenset({"drug_smuggling", "human_smuggling", "migrant_crossing", "weapons_trafficking",
                            "cash_smuggling", "violence", "humanitarian", "corruption"})
FLOW_TYPES = frozenset(DEFAULT_DIRECTION)
# An agreement or a course happens in one place; other towns its later
# sentences name are what it covers ("commits police in Nuevo Laredo to...").
TOLD_FROM_ONE_PLACE = frozenset({"agreement", "training"})
GUNS_MOVED = frozenset({"gun_flow", "gun_alone", "south", "southward", "northward"})
AMOUNT_GROUPS = frozenset({"drug", "gun", "cash"})
_FINDER = TriggerFinder()
LEAD_REACH = 2  # the lead's detail comes within the next two sentences
# What makes a sentence tell an operation more than an arrest.
OPERATION_GROUPS = frozenset({"enforcement", "dated"})
CASH_MOVED = frozenset({"cash_act", "seize", "south", "cash_alone"})
PAYMENT = re.compile(r"\b(?:paid|pay|pays|paying|payments?|bribes?|pag[óo]|pagaron|pagos?|sobornos?)\b",
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
    return _event_id(kind, date, evidence, ("\x1f" + source_key).encode())


def _event_id(kind: str, date: str | None, evidence: str, source_tail: bytes) -> str:
    """``event_id`` with the source key encoded once, after its separator: an
    article's events share it, and it is the whole text when the article has
    no URL or title."""
    digest = hashlib.sha1("\x1f".join((kind, date or "", evidence)).encode())
    digest.update(source_tail)
    return f"ev-{digest.hexdigest()[:16]}"


def event_types_of(sentence: str, quantities=(), groups: set[str] | None = None) -> list[str]:
    if groups is None:
        groups = _FINDER.groups(sentence, [(0, len(sentence))])[0]
    kinds = kinds_from_groups(groups)
    for kind in quantity_types(quantities, groups):
        if kind not in kinds:
            kinds.append(kind)
    if ("enforcement_operation" in kinds and SPECIFIC_TYPES.intersection(kinds)
            and "operation_word" not in groups):
        kinds.remove("enforcement_operation")  # an arrest that goes with a seizure is part of it
    if "violence" in kinds and "humanitarian" in kinds and "rescue" not in groups:
        kinds.remove("humanitarian")  # bodies with bullet wounds: a killing, not a death crossing
    if "human_smuggling" in kinds and "migrant_crossing" in kinds:
        kinds.remove("migrant_crossing")  # migrants hidden in a truck, a smuggler's group: one smuggling
    if "corruption" in kinds:
        # "took bribes to let loads of marijuana and migrants through": the bribes are the event
        kinds = [k for k in kinds if k not in FLOW_TYPES]
    return kinds


def _named_in_own_sentence(event: Event) -> bool:
    return event.place.named_within(event.start, event.end)


def tells_day(event: Event, previous: Event) -> bool:
    """Does ``event`` give the happening its day?"""
    return event.date_precision == "day" and previous.date_precision != "day"


def tells_place(event: Event, happening: Happening) -> bool:
    """Does ``event`` name the town or site of a happening that had none?"""
    previous = happening.event
    return _named_in_own_sentence(event) and not happening.places and (
        event.place.precision < previous.place.precision
        or (event.place.feature in LOCAL and previous.place.feature not in LOCAL))


def quantity_types(quantities, groups: set[str]) -> list[str]:
    """Amounts say what moved: rounds and guns are weapons, weighed drugs are
    drugs, dollars in cash are cash — when the sentence also says they were
    seized, found or smuggled (dollars paid or promised are no cash flow)."""
    kinds = []
    for q in quantities:
        if q.kind in ("guns", "rounds"):
            kinds.append("weapons_trafficking")
        elif q.kind == "weight" and "drug" in groups:
            kinds.append("drug_smuggling")
        elif q.kind == "money" and groups & CASH_MOVED:
            kinds.append("cash_smuggling")
    return kinds


def direction_of(kind: str, groups: set[str]) -> str | None:
    if kind not in FLOW_TYPES:
        return None
    north, south = "northward" in groups, "southward" in groups
    if north and not south:
        return "northbound"
    if south and not north:
        return "southbound"
    if north and south:
        return DEFAULT_DIRECTION[kind]  # "northbound drugs ... southbound guns": each its usual way
    if "in_court" in groups:
        return None  # a court case about a load is not a crossing
    return DEFAULT_DIRECTION[kind]


# A sentence that is all quotation or talks of totals reports no event.
QUOTE_OPENING = re.compile(r"^\s*[\"“«]")
# "Another", "a second", "6.5 more tons": a new happening. Plain "other"
# ("four other people") says nothing of the kind.
_NEW_WORDS = ("second", "third", "fourth", "another", "a new", "segund[oa]", "tercer[oa]?", "cuart[oa]",
              "otr[oa]", "separate", "separately", "por separado")
NEW_ONE = re.compile(word_lead(initials(_NEW_WORDS), r"\d")  # not "third-row", "one another"
                     + rf"(?:(?<!one )(?:{'|'.join(_NEW_WORDS)})\b(?!-)|"
                     r"\d[\d.,]*\s+(?:more|additional|m[áa]s)\b)", re.IGNORECASE)
# "The haul included...": what the sentence before found.
FINDING = frozenset({"seize", "find"})
WHAT_WAS_FOUND = re.compile(r"\s*(?:the|this|that)\s+(?:haul|cache|stash|find|discovery)\b|"
                            r"\s*(?:el|este|ese)\s+(?:hallazgo|arsenal|cargamento)\b", re.IGNORECASE)
# "The first case took place...", "spotted the first body": the happenings an
# article summed up ("the bodies of four people") are now told one by one.
_THE = ("the", "el", "la")
FIRST_OF_SEVERAL = re.compile(word_lead(initials(_THE)) + rf"(?:{'|'.join(_THE)}) (?:first|primer[oa]?) "
                              r"(?:body|case|victim|incident|seizure|shooting|load|group|cuerpo|caso|v[íi]ctima|"
                              r"incidente)\b", re.IGNORECASE)
# A definite reference back to what was already told ("the bodies", "both of
# them"): the sentence goes on about that, wherever it now says it is.
_REFERRING = ("the", "these", "those", "both", "los", "las", "el", "la", "dichos?", "dichas?")
# What each kind of happening is referred back to as.
REFERRED_AS = {
    "humanitarian": ("bod(?:y|ies)", "remains", "cuerpos?", "restos", "cad[áa]ver(?:es)?"),
    "violence": ("shooting", "attack", "ataque", "balacera"),
    "drug_smuggling": ("drugs", "droga", "tunnel", "t[úu]nel"),
    "weapons_trafficking": ("weapons", "guns", "arms", "ammunition", "ammo", "armas"),
    "cash_smuggling": ("cash", "currency", "dinero"),
    "migrant_crossing": ("migrants", "group", "migrantes", "grupo"),
    "human_smuggling": ("migrants", "group", "migrantes", "grupo"),
}
_SEIZED = ("load", "shipment", "cargamento", "seizure", "haul", "aseguramiento", "hallazgo", "decomiso")
_NOUNS = sorted({n for nouns in REFERRED_AS.values() for n in nouns} | set(_SEIZED))
BACK_REFERENCE = re.compile(
    word_lead(initials([*_REFERRING, "ambos"])) + rf"(?:(?:{'|'.join(_REFERRING)})\s+(?:two\s+|dos\s+)?"
    rf"({'|'.join(_NOUNS)})\b|both of them\b|ambos\b)", re.IGNORECASE)
_NOUN_PATTERNS = {kind: re.compile(rf"(?:{'|'.join((*nouns, *_SEIZED))})", re.IGNORECASE)
                  for kind, nouns in REFERRED_AS.items()}


def refers_back(sentence: str, kind: str) -> bool:
    """Does the sentence refer back to a happening of this kind ("the bodies"
    for remains found, "the load" for a seizure, "both of them" for any)?"""
    for m in BACK_REFERENCE.finditer(sentence):
        noun = m.group(1)
        if noun is None or (kind in _NOUN_PATTERNS and _NOUN_PATTERNS[kind].fullmatch(noun)):
            return True
    return False
# What a suspect told the police is an account of a happening already told.
REPORTED = re.compile(r"\b(?:told|admitted to|confessed to)\s+(?:the\s+)?(?:investigators|officers|agents|"
                      r"police|authorities|detectives)\b|\b(?:declar[óo]|confes[óo]|admiti[óo]) que\b",
                      re.IGNORECASE)
# Totals over a year or years: "En 2024 se aseguraron más de 900 armas",
# "between 2019 and 2023, more than 30,000 guns".
YEARS_TOTAL = re.compile(
    r"\b(?:(?:(?:in|en|during|durante)\s+(?:19|20)\d\d|last year|el año pasado|el año anterior)\b.{0,120}?"
    r"\b(?:more than|over|m[áa]s de|at least|al menos)\s+\d"
    r"|(?:between|entre)\s+(?:19|20)\d\d\s+(?:and|y)\s+(?:19|20)\d\d)", re.IGNORECASE)


# "...seized 1,380 pounds of meth on Tuesday, the largest seizure so far this
# fiscal year": a dated happening compared with the year's, not a total.
RECORD = re.compile(r"\b(?:largest|biggest|record|mayor|m[áa]s grande)\b", re.IGNORECASE)


def reports_events(sentence: str, groups: set[str]) -> bool:
    """Not a quotation, not totals (a dated record is no total)."""
    if QUOTE_OPENING.match(sentence) or ("years" in groups and YEARS_TOTAL.search(sentence)):
        return False
    return "general" not in groups or bool(RECORD.search(sentence) and (
        WEEKDAY.search(sentence) or RELATIVE.search(sentence)))


@dataclass(slots=True)
class Happening:
    """What the article has told so far of one happening of one type: its
    event (moved to the sentence that tells it best), and the day, place and
    amounts known for it."""

    event: Event
    date: str | None
    places: list[str]
    quantities: list
    split: bool = False  # now told one by one, after a summary

    def same_as(self, date: str | None, place: str | None, quantities, sentence: str) -> bool:
        """Does a sentence with this day, town and amounts go on about this
        happening? Only what contradicts it (another day, another town not
        referred back to, other amounts) makes it a new one."""
        if date is not None and self.date is not None and date != self.date:
            return False
        if (place is not None and self.places and place not in self.places
                and self.event.type not in TOLD_FROM_ONE_PLACE
                and not refers_back(sentence, self.event.type)):
            return False
        return not _other_amounts(quantities, self.quantities)

    def tell(self, events: list[Event], event: Event) -> None:
        """A sentence that tells the day becomes the happening's evidence (and
        keeps the place named for it before); one that names where, for a
        happening whose sentence has its day already, lends it its place."""
        previous = self.event
        if tells_day(event, previous):
            if not _named_in_own_sentence(event) and _named_in_own_sentence(previous):
                event.place = replace(previous.place, reason=f"{previous.place.reason} (same happening)")
            events[events.index(previous)] = self.event = event
        elif tells_place(event, self):
            if previous.date_precision == "day":
                previous.place = replace(event.place, reason=f"{event.place.reason} (same happening)")
            else:
                events[events.index(previous)] = self.event = event

    def add(self, event: Event, date: str | None, place: str | None) -> None:
        self.date = self.date or date
        if place is not None and place not in self.places:
            self.places.append(place)
        if not self.quantities:
            self.quantities = event.quantities


def _has_day(dates) -> bool:
    return any(d.precision == "day" for d in dates)


def _other_amounts(these, those) -> bool:
    """Amounts of one kind on both sides and none within 20 % of each other."""
    if not these or not those:
        return False
    for q in these:
        same_kind = [p.value for p in those if p.kind == q.kind]
        if same_kind and not any(abs(q.value - v) <= 0.2 * max(q.value, v) for v in same_kind):
            return True
    return False


@dataclass(slots=True)
class Telling:
    """What the extractor knows of one article as it reads it sentence by
    sentence."""

    doc: Document
    focus: object  # where the article is (EventLocator.focus)
    source: dict  # the article, as each event cites it
    events: list[Event] = field(default_factory=list)
    told: dict[str, Happening] = field(default_factory=dict)  # the latest happening of each type
    groups_at: dict[int, set[str]] = field(default_factory=dict)  # trigger groups of each event sentence
    moved_on: list = field(default_factory=list)  # days a sentence without events moved on to
    lead: list[Happening] = field(default_factory=list)  # what the first sentence sums up, with no day
    last_day: str | None = None  # the latest day an event sentence gave
    untold_find: int = -2  # the latest sentence that found something it does not name...
    untold_span: tuple[int, int] = (0, 0)  # ...and where it is
    told_last: tuple[str, ...] = ()  # the kinds the latest event sentence told


@dataclass(frozen=True, slots=True)
class Cues:
    """What a sentence says of how its events relate to those told before."""

    fresh: bool  # "another", "6.5 more tons", other days: a new happening
    reported: bool  # a suspect's account
    in_court: bool  # charges, a sentence
    first_of_several: bool  # "the first case"
    operation: bool  # more than an arrest


class EventExtractor:
    """Fills ``doc.events``: one event per happening. A happening is often
    told over several sentences (a lead that sums it up, then the day, the
    place, the amounts): later sentences that do not contradict it add to it,
    and its event moves to the sentence that tells it most precisely. A new
    day, a new town, other amounts or "another" start a new one."""

    def __init__(self, gazetteer):
        self.gaz = gazetteer
        self.locator = EventLocator(gazetteer)

    def __call__(self, doc: Document) -> Document:
        spans = split_sentences(doc.text, doc.body_start)
        article = Telling(doc, self.locator.focus(doc) if doc.mentions else None,
                          {"id": doc.id, "title": doc.title, "published": doc.published, "source": doc.source,
                           "url": doc.url})
        for index, ((start, end), groups) in enumerate(zip(spans, _FINDER.groups(doc.text, spans,
                                                                                 doc.folded_text()))):
            sentence = doc.text[start:end]
            kinds, quantities, dates, groups = self._kinds(article, sentence, groups)
            new_one = "new_one" in groups and NEW_ONE.search(sentence) is not None
            if kinds:
                self._tell(article, index, start, end, groups, kinds, quantities, dates, new_one)
                article.told_last = tuple(kinds)
            else:
                self._between_events(article, index, start, end, groups, new_one)
                if groups & FINDING:  # found something it does not say: the next sentence may
                    article.untold_find, article.untold_span = index, (start, end)
        doc.events = self._finish(doc, article.events, article.groups_at)
        return doc

    @staticmethod
    def _kinds(article: Telling, sentence: str, groups: set[str]):
        """The kinds of event a sentence reports, its amounts, its dates when
        they were needed to tell, and its groups (with "dated" when its day
        makes investigators' work an operation)."""
        kinds: list[str] = []
        quantities: list = []
        dates = None
        if groups and reports_events(sentence, groups):
            if "enforcement_weak" in groups and not groups & OPERATION_GROUPS:
                dates = resolve_dates(sentence, article.doc.published, article.last_day)
                if _has_day(dates):
                    groups = groups | {"dated"}
            # No trigger, and no drug, gun or cash whose amount could be one: no event.
            # "$212,000 in a woman's luggage": dollars written as figures are cash too
            # (not "paid $2,000 a load", "$300,000 in bribes")
            dollars = "$" in sentence and groups & CASH_MOVED and not PAYMENT.search(sentence)
            if kinds_from_groups(groups) or groups & AMOUNT_GROUPS or dollars:
                quantities = find_quantities(sentence)
                kinds = [k for k in event_types_of(sentence, quantities, groups)
                         # a flow needs something moved or stopped, not just a topic
                         if k not in FLOW_TYPES or quantities or "moved" in groups]
                if "weapons_trafficking" in kinds and not groups & GUNS_MOVED and (
                        "violence" in kinds or "violence" in article.told_last):
                    # "Tras el enfrentamiento, aseguraron cuatro fusiles": guns left where
                    # the shooting was, not guns smuggled
                    kinds.remove("weapons_trafficking")
        return kinds, quantities, dates, groups

    def _between_events(self, article: Telling, index: int, start: int, end: int, groups: set[str],
                        new_one: bool) -> None:
        """A sentence that reports no event may still move the story on to
        other days, or tell the lead's happening in detail."""
        if not (new_one or (article.lead and index <= LEAD_REACH)):
            return
        sentence = article.doc.text[start:end]
        days = [d for d in resolve_dates(sentence, article.doc.published, article.last_day)
                if d.precision == "day"]
        if new_one and days:
            article.moved_on = days  # the next event sentence is about these days
        if article.lead and days and not QUOTE_OPENING.match(sentence):
            for happening in article.lead:
                self._tell_in_detail(article, happening, start, end, groups, days[0])
            article.lead = []
            article.last_day = days[-1].date  # the lead's day: "a week before" counts from it

    def _tell(self, article: Telling, index: int, start: int, end: int, groups: set[str], kinds: list[str],
              quantities: list, dates, new_one: bool) -> None:
        """The events of a sentence that reports some: each a new happening,
        or more about one the article is telling."""
        doc, sentence = article.doc, article.doc.text[start:end]
        if index:
            article.lead = []
        if article.untold_find == index - 1 and WHAT_WAS_FOUND.match(sentence):
            # "...what they discovered in a safe house. The haul included 540 rifles": the
            # finding is told in the sentence before, which this one only fills in.
            start, end = article.untold_span
            sentence, dates = doc.text[start:end], None
        if dates is None:
            dates = resolve_dates(sentence, doc.published, article.last_day)
        if article.moved_on and dates[0].precision in ("publication", "unknown"):
            dates = article.moved_on  # "The third and fourth cases were on Oct. 13 and 14. Agents saw..."
        if dates[-1].precision == "day":
            article.last_day = dates[-1].date  # "two days later" counts from here
        article.groups_at[start] = groups
        place = self.locator.locate(doc, start, end, article.focus)
        named_here = place.named_within(start, end)
        # Only a town or site named here makes a sentence about a new happening.
        key_place = place.place_id if named_here and place.feature in LOCAL else None
        fresh = bool(article.moved_on) or new_one or len(dates) > 1
        article.moved_on = []
        cues = Cues(fresh=fresh, reported="reported" in groups and REPORTED.search(sentence) is not None,
                    in_court="in_court" in groups,
                    first_of_several="new_one" in groups and FIRST_OF_SEVERAL.search(sentence) is not None,
                    operation=bool(groups & OPERATION_GROUPS))
        for kind, when in ((k, w) for k in kinds for w in dates):
            key_date = when.date if when.precision in ("day", "month") else None
            # id, direction and actors are filled in for the events that stay
            event = Event(id="", type=kind, direction=None, date=when.date, date_precision=when.precision,
                          start=start, end=end, evidence=sentence, place=place, quantities=quantities,
                          document=article.source)
            if self._new_happening(article, event, key_date, key_place, cues) and index == 0 \
                    and kind in FOLLOWED_UP and when.precision != "day":
                article.lead.append(article.told[kind])

    @staticmethod
    def _new_happening(article: Telling, event: Event, key_date: str | None, key_place: str | None,
                       cues: Cues) -> bool:
        """Add ``event`` as a new happening, or to the one it goes on about;
        True when it is a new one."""
        kind, events, told = event.type, article.events, article.told
        happening = told.get(kind) if kind in FOLLOWED_UP else None
        if happening is not None and cues.first_of_several and not happening.split:
            # the summary gives way to the first of the happenings it summed up
            events[events.index(happening.event)] = event
            told[kind] = Happening(event, key_date, [key_place] if key_place else [], list(event.quantities),
                                   split=True)
            return False
        # A suspect's account, or the court case about it, goes on about the
        # happening the article is telling, whatever amounts it adds up.
        if happening is not None and (cues.reported or not cues.fresh and (cues.in_court or happening.same_as(
                key_date, key_place, event.quantities, event.evidence))):
            if not cues.reported:
                happening.tell(events, event)
            happening.add(event, key_date, key_place)
            return False
        if cues.reported and kind in FOLLOWED_UP:
            return False  # a suspect's account of something the article has not told
        if (kind == "enforcement_operation" and key_date is None and key_place is None
                and not cues.operation and told.keys() & SPECIFIC_TYPES):
            return False  # "The driver was arrested": part of the seizure just told
        events.append(event)
        told[kind] = Happening(event, key_date, [key_place] if key_place else [], list(event.quantities))
        return True

    def _tell_in_detail(self, article: Telling, happening: Happening, start: int, end: int,
                        groups: set[str], when: EventDate) -> None:
        """"Officers seized $1 million in cash. On Dec. 9, officers at the San
        Ysidro port watched an SUV...": the sentence after a lead that gives
        the day (and often the place) tells the lead's happening in detail,
        though it names no cash; the event moves there, keeping its amounts."""
        doc, lead = article.doc, happening.event
        place = self.locator.locate(doc, start, end, article.focus)
        named_here = place.named_within(start, end)
        event = replace(lead, date=when.date, date_precision=when.precision, start=start, end=end,
                        evidence=doc.text[start:end], place=place if named_here else lead.place)
        article.events[article.events.index(lead)] = happening.event = event
        happening.date = when.date
        if named_here and place.feature in LOCAL:
            happening.places.append(place.place_id)
        article.groups_at[start] = article.groups_at[lead.start] | groups

    @staticmethod
    def _finish(doc: Document, events: list[Event], groups_at: dict[int, set[str]]) -> list[Event]:
        """Ids, directions and actors of the events that stayed."""
        source_key = doc.url or (f"{doc.title}\x1f{doc.published}" if doc.title else doc.text)
        source_tail = ("\x1f" + source_key).encode()
        ids: dict[str, int] = {}
        actors: dict[int, list[str]] = {}
        folded = doc.folded_text()
        for event in events:
            event.direction = direction_of(event.type, groups_at[event.start])
            if event.start not in actors:
                actors[event.start] = find_actors(event.evidence, folded[event.start:event.end])
            event.actors = actors[event.start]
            first = _event_id(event.type, event.date, event.evidence, source_tail)
            ids[first] = seen = ids.get(first, 0) + 1
            # the same sentence told twice word for word: two events, two ids
            event.id = first if seen == 1 else _event_id(event.type, event.date,
                                                        f"{event.evidence}\x1f{seen}", source_tail)
        return events
