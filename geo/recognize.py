"""Recognition: which name occurrences in the text are place mentions.

Every gazetteer name is found at once (``matching``); rules then keep the
longest, most specific name at each position and drop what only looks like a
place: words in lower case, codes outside a "Town, ST" qualifier, names that
belong to an organisation or a publication ("Los Angeles Times", "U.S.
Border Patrol"), people ("Garcia Luna", "Donna said") and words that are
also the names of small or far-away towns (Mission, One, Como) unless a
preposition of place, a qualifier or a dateline supports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.ranking import METRO_POPULATION

from . import lexicon
from .document import Document, Mention
from .matching import NameHit, NameMatcher, fold_text

_TOKEN = "[\\w'’.&-]+"
# Up to four words after a name, one space before each; a word ending in a
# period ends the phrase ("Nogales Police Department", "Douglas, Ariz.").
_WORDS_AFTER = re.compile(
    rf" ({_TOKEN})(?:(?<!\.) ({_TOKEN})(?:(?<!\.) ({_TOKEN})(?:(?<!\.) ({_TOKEN}))?)?)?")
_SENTENCE_END = re.compile(r"(^|[.!?:;\"“”—–(\n])\s*$")
FAR_KM = 1000.0
SETTLEMENTS = frozenset({"city", "town", "village"})
PERSONAL_KINDS = SETTLEMENTS | {"landmark", "municipality"}  # kinds a surname can shadow
TITLES = frozenset(t.rstrip(".") for t in lexicon.TITLES)
# Words that are places only with support: months, common words, stop words.
SUPPORT_WORDS = lexicon.MONTH_NAMES | lexicon.COMMON_WORD_PLACES | lexicon.STOP_WORDS
FEATURE_WORDS = frozenset({"sector", "station", "county", "port", "bridge", "river", "valley", "border",
                           "checkpoint", "desert", "mountains", "national", "international", "crossing",
                           "area", "region", "city", "state", "mesa", "sonora", "arizona"})


def words_after(text: str, end: int) -> list[str]:
    """Up to four words following ``end`` in the same phrase (single spaces
    between them; punctuation other than a final period ends it)."""
    m = _WORDS_AFTER.match(text, end)
    return [w for w in m.groups() if w] if m else []


def word_before(text: str, start: int) -> tuple[str, int]:
    """The word right before ``start`` (across spaces only) and where it starts."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’.&"):
        j -= 1
    return text[j:i], j


def starts_sentence(text: str, index: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, index - 3):index]))


def name_cased(span: str, upper_form: bool) -> bool:
    """Written like a name: capitalised words (connectors aside), or a
    dateline in capitals; a short all-capital word only if the name is one
    (``upper_form``: the gazetteer writes it in capitals)."""
    if span.isupper():
        return len(span.replace(".", "").replace(" ", "")) >= 4 or upper_form
    words = span.replace("-", " ").split()
    for i, word in enumerate(words):
        if word[0].isupper() or word[0].isdigit():
            continue
        low = word.lower()
        if i == 0 and len(words) > 1 and low in lexicon.LOWER_OPENERS:
            continue
        if i > 0 and (low in lexicon.CONNECTORS or low in lexicon.LOWER_TAILS):
            continue
        return False
    return True


def opener_length(text: str, hit) -> int:
    """The length of a lower-case opener the name is written with but does
    not include ("puente Santa Fe" names Santa Fe; "Puente Santa Fe" is the
    name itself)."""
    span = text[hit.start:hit.end]
    for opener in lexicon.TRIMMED_OPENERS:
        if span.startswith(opener) and len(span) > len(opener):
            return len(opener)
    return 0


def at_dateline(text: str, hit) -> bool:
    """A name opening a line and followed by ", " ("AJO, Ariz. —")."""
    return (hit.start == 0 or text[hit.start - 1] == "\n") and text.startswith(", ", hit.end)


def after_comma(text: str, start: int) -> bool:
    return text[max(0, start - 2):start].lstrip(" ").startswith(",")


@dataclass(frozen=True, slots=True)
class Senses:
    """What recognition asks of the gazetteer entries of one name. Worked
    out once a process for each set of entries (the same names recur article
    after article), by the Recognizer of the gazetteer whose places they are."""

    entries: tuple  # those a written form can stand for: not "Puerto Palomas, Chihuahua"
    casing: bool | None  # all names or aliases written alike (True: in capitals); None: mixed
    kinds: frozenset[str]
    personal: bool  # every sense a kind a surname can shadow
    unit: bool  # a Border Patrol unit among them: "Laredo Sector Marine Unit" names the place
    country: bool
    river: bool
    small_far_towns: bool  # every sense a small town far from the border


ORG_NAME_WORDS = 9  # "Fiscalía General de Justicia del Estado de Sonora": the head this far back
SENSES_KEPT = 200_000  # distinct entry sets; far more than a gazetteer's names in one run


class Recognizer:
    """Finds place mentions in a Document (fills ``doc.mentions``)."""

    def __init__(self, matcher: NameMatcher):
        self.matcher = matcher
        self.gaz = matcher.gazetteer
        self._senses: dict[tuple, Senses] = {}

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        folded = doc.folded_text()
        chosen = self.longest_usable(text, folded, doc.body_start)
        strong = [(h.start, h.end) for h, _, senses in chosen if not senses.personal]
        starts = {h.start for h, _, _ in chosen}
        ends = {h.end for h, _, _ in chosen}
        mentions = []
        for hit, entries, senses in chosen:
            after = words_after(text, hit.end)
            after_low = [w.lower().rstrip(".") for w in after]
            organisation = self.part_of_organisation(after, after_low)
            if self.rejected(text, folded, hit, senses, after, after_low, organisation, strong, starts, ends):
                if mentions and organisation:
                    drop_qualifier_chain(text, mentions, hit.start)
                continue
            start = hit.start + opener_length(text, hit)
            mention = Mention(start=start, end=hit.end, text=text[start:hit.end], candidates=entries)
            attach_cue(text, folded, mention, senses)
            mentions.append(mention)
        doc.mentions = mentions
        return doc

    def longest_usable(self, text: str, folded: str, body_start: int) -> list[tuple[NameHit, tuple, Senses]]:
        """The names that can be mentions, in text order: the longest usable
        name wins wherever names overlap ("the Gulf of Mexico" is one name,
        "Nuevo Laredo" is not "Laredo")."""
        hits = [h for h in self.matcher.find(text, folded) if h.start >= body_start]
        hits.sort(key=lambda h: (h.start - h.end, h.start))
        chosen = []
        taken = bytearray(len(text) + 1)
        for hit in hits:
            start, end, entries = hit
            if taken.find(1, start, end) >= 0:
                continue
            senses = self.senses(entries)
            usable = self.usable_entries(text, hit, senses)
            if usable:
                if usable is not senses.entries:
                    senses = self.senses(usable)
                chosen.append((hit, usable, senses))
                taken[start:end] = b"\x01" * (end - start)
        chosen.sort(key=lambda found: found[0].start)
        return chosen

    # -- which gazetteer entries fit the written form ------------------------

    def senses(self, entries: tuple) -> Senses:
        found = self._senses.get(entries)
        if found is None:
            if len(self._senses) >= SENSES_KEPT:
                self._senses.clear()
            found = self._senses[entries] = self._work_out(entries)
        return found

    def _work_out(self, entries: tuple) -> Senses:
        kept = tuple(e for e in entries if written_alone(e[2]))
        if len(kept) == len(entries):
            kept = entries
        plain = {form.isupper() for _, how, form, _ in kept if how not in ("code", "abbreviation")}
        uniform = len(plain) == 1 and all(how not in ("code", "abbreviation") for _, how, _, _ in kept)
        kinds = frozenset(kind for *_, kind in kept)
        return Senses(
            entries=kept, casing=plain.pop() if uniform else None, kinds=kinds,
            personal=kinds <= PERSONAL_KINDS, unit=bool(kinds & lexicon.UNIT_KINDS),
            country="country" in kinds, river="river" in kinds,
            small_far_towns=self.small_far_towns(kept),
        )

    @staticmethod
    def usable_entries(text: str, hit: NameHit, senses: Senses) -> tuple:
        """The entries the name as written can stand for (``senses.entries``
        itself when it is all of them)."""
        span = text[hit.start:hit.end]
        entries = senses.entries
        if span.isupper() and at_dateline(text, hit):  # "AJO, Ariz. —": short, but a dateline
            return tuple(e for e in entries if e[1] not in ("code", "abbreviation"))
        if senses.casing is not None:  # names and aliases only: the casing decides them all
            return entries if entries and name_cased(span, senses.casing) else ()
        cased: dict[bool, bool] = {}
        out = []
        for entry in entries:
            _place_id, how, form, kind = entry
            if how == "code":
                if span == form and len(span) <= 3 and after_comma(text, hit.start):
                    out.append(entry)
            elif how == "abbreviation":
                if span == form and (kind != "state" or after_comma(text, hit.start)):
                    out.append(entry)
            else:
                upper_form = form.isupper()
                if upper_form not in cased:
                    cased[upper_form] = name_cased(span, upper_form)
                if cased[upper_form]:
                    out.append(entry)
        return entries if len(out) == len(entries) else tuple(out)

    # -- what only looks like a place -----------------------------------------

    def rejected(self, text: str, folded: str, hit: NameHit, senses: Senses, after: list[str],
                 after_low: list[str], organisation: bool, strong, starts, ends) -> bool:
        if organisation and not senses.unit:
            return True
        before, at = word_before(text, hit.start)
        if (after_low and after_low[0] in lexicon.SPEECH_VERBS and senses.personal
                and not after_preposition(before)):
            return True  # "Donna said" (but "officials in Tucson said")
        if not senses.country and described_as_person(text, hit.end):
            return True  # "Guerrero, a former agent, said" (but "from Honduras, a spokesman said")
        if senses.personal and self.part_of_person(text, hit, before, at, strong):
            return True
        if senses.personal and self.first_name_of(text, hit, after, strong):
            return True
        if senses.personal and half_of_surname(text, hit, starts, ends):
            return True  # "Quintana-Ruiz", "Arreguín-Soto"
        if after_low and after_low[0] in lexicon.STREET_WORDS:
            return True
        if after and after[0][:1].isupper() and after_low[0] in lexicon.NATURAL_TAILS:
            return True  # "Florida Mountains": a range the gazetteer lacks, not Florida
        if folded[hit.start:hit.end] in lexicon.INSTITUTION_NAMES and not (
                text[hit.end:hit.end + 2] == ", " and text[hit.end + 2:hit.end + 3].isupper()):
            return True  # "figures it provided to Congress"
        if before.lower() in lexicon.STREET_PREFIXES and text[at + len(before):hit.start] == " ":
            return True  # "Calle Hidalgo": a street
        if before in ("El", "La", "Los", "Las") and text[at + len(before):hit.start] == " ":
            return True  # "Ejido El Faro": a piece of a name the gazetteer lacks, not Faro
        if after and after[0][:1].isupper() and folded[hit.start:hit.end] in lexicon.NAME_PREFIXES:
            return True  # "Colonia Santa Maria", "Ejido El Faro", "Río Nuevo": a name the gazetteer lacks
        if not senses.country and self.inside_spanish_organisation(text, hit.start, before, at):
            return True
        key = folded[hit.start:hit.end]
        return ((key in SUPPORT_WORDS or senses.small_far_towns)
                and not supported(text, key, hit, before, starts, ends))

    @staticmethod
    def part_of_organisation(after: list[str], after_low: list[str]) -> bool:
        """"Los Angeles Times", "Columbus Police Department", "U.S. Border
        Patrol" — but not "Columbus Police Chief Angelo Vega"."""
        if not after:
            return False
        if " ".join(after_low).startswith(lexicon.ORG_PHRASES):
            return True
        run = []
        for raw, low in zip(after, after_low):
            if raw[:1].isupper() or low in ("&", "and", "of", "de", "y"):
                run.extend(low.split("-"))  # "San Diego Union-Tribune"
            else:
                break
        return TITLES.isdisjoint(run) and not lexicon.ORG_HEADS.isdisjoint(run)

    @staticmethod
    def part_of_person(text: str, hit: NameHit, before: str, at: int, spans) -> bool:
        """"Genaro Garcia Luna", "Sheriff Douglas", "Raul L. Ortiz" (a name
        of a kind a surname can shadow; ``before`` is the word before it)."""
        if not before or text[at + len(before):hit.start] != " ":
            return False
        low = before.lower().rstrip(".")
        if low in TITLES:
            return True
        acronym = before.isupper() and len(before.rstrip(".")) > 1
        if not before[:1].isupper() or before.endswith(("'s", "’s")) or acronym:
            return False
        if low in lexicon.FUNCTION_WORDS or starts_sentence(text, at):
            return False
        return not any(s <= at < e for s, e in spans)

    @staticmethod
    def first_name_of(text: str, hit: NameHit, after: list[str], strong) -> bool:
        """"Manuel Oyola-Torres", "Por Elliot Spagat", "said Ramona Ibarra": a
        one-word place a surname can shadow, followed by another capitalised
        word that is no place, or one that could be a surname too."""
        if not after or " " in text[hit.start:hit.end]:
            return False
        word = after[0]
        if not word[:1].isupper() or word.isupper():
            return False
        low = word.lower().rstrip(".")
        if low in lexicon.CONNECTORS or low in TITLES or low in FEATURE_WORDS or low in lexicon.ORG_HEADS:
            return False  # "Columbus Police Chief Angelo Vega": the town's police
        return all(start != hit.end + 1 for start, _ in strong)

    @staticmethod
    def inside_spanish_organisation(text: str, start: int, before: str, at: int) -> bool:
        """"Grupo Beta Piedras Negras", "Fiscalía General del Estado de
        Coahuila"; ``before`` is the word before the name, at ``at``."""
        pos = start
        for _ in range(ORG_NAME_WORDS):
            if not before or text[at + len(before):pos].strip(" ") != "":
                return False
            low = before.lower().rstrip(".")
            if low in lexicon.ORG_HEADS_BEFORE and before[:1].isupper():
                return True  # a named body: "Fiscalía ...", not "un hospital de Tecate"
            if low in ("en", "in") or not (before[:1].isupper() or low in lexicon.CONNECTORS):
                return False  # "Grupo Beta en Coahuila": the name ends before "en"
            pos = at
            before, at = word_before(text, pos)
        return False

    def small_far_towns(self, entries: tuple) -> bool:
        """Every sense a small town far from the border: such a name needs
        support (a preposition, a qualifier) before it is taken for a place."""
        if any(kind not in SETTLEMENTS for _, _, _, kind in entries):
            return False
        for place_id, _how, _form, _kind in entries:
            place = self.gaz.get(place_id)
            if place is None:
                continue
            if place.country in ("US", "MX") and (place.border_km or 0) <= FAR_KM:
                return False
            if (place.population or 0) >= METRO_POPULATION or place.capital:
                return False
        return True


def after_preposition(before: str) -> bool:
    """``before``, the word before a name, is a preposition of place ("in", "near")."""
    return before.lower().rstrip(".,") in lexicon.PLACE_PREPOSITIONS


def written_alone(form: str) -> bool:
    """Whether a gazetteer form can be one mention: "Puerto Palomas,
    Chihuahua" is two, and "municipio de" is a cue before one."""
    return "," not in form and not form.lower().startswith(("municipio de ", "condado de "))


def drop_qualifier_chain(text: str, mentions: list[Mention], start: int) -> None:
    """"the Nuevo Laredo, Tamaulipas, Mexico Fire Department": when the last
    name of a comma chain belongs to an organisation, so do the others."""
    while mentions and text[mentions[-1].end:start].strip() == ",":
        if all(kind == "country" for *_, kind in mentions[-1].candidates):
            break  # "in Mexico, U.S. Immigration...": a country qualifies nothing before it
        start = mentions.pop().start


_APPOSITION = re.compile(r",\s+(?:a|an|the|un|una|el|la)\s+((?:[a-záéíóúñ-]+\s*){1,3})")


def described_as_person(text: str, end: int) -> bool:
    """"Guerrero, a former agent, ...": an apposition that describes a person."""
    m = _APPOSITION.match(text, end)
    return bool(m) and any(word in lexicon.PERSON_NOUNS for word in m.group(1).split())


CUE_NOUNS = frozenset({"port", "bridge", "crossing", "station", "checkpoint", "sector"})
_AND_AFTER = re.compile(r"\s+(?:and|y|or|o)\s+")
_AND_BEFORE = re.compile(r"(?:\s+(?:and|y|or|o)|,)\s+$")
_WORD_AFTER = re.compile(r" ([A-Za-z]+)\b")


def half_of_surname(text: str, hit: NameHit, starts, ends) -> bool:
    """Is the name one half of a hyphenated surname ("Quintana-Ruiz",
    "Arreguín-Soto"), the other half a capitalised word that is no place?
    (Place pairs, "Arizona-Sonora", "Reynosa-Mission", are two names.)"""
    if text[hit.end:hit.end + 1] == "-" and text[hit.end + 1:hit.end + 2].isupper():
        return hit.end + 1 not in starts
    if hit.start >= 2 and text[hit.start - 1] == "-" and text[hit.start - 2].isalpha():
        first = hit.start - 1
        while first > 0 and (text[first - 1].isalpha() or text[first - 1] in "'’"):
            first -= 1
        return text[first].isupper() and hit.start - 1 not in ends
    return False


def supported(text: str, key: str, hit: NameHit, before: str, strong_starts, strong_ends) -> bool:
    """A preposition of place before, a ", State" after, a dateline, a
    resident after ("a Douglas resident"), or a place it is listed with
    ("visited Douglas and Agua Prieta"); a month name needs the ", State".
    ``key`` is the name folded, ``before`` the word before it."""
    # ", State": a place after the comma ("Alcohol, Tabaco, Armas" is a list of words)
    qualified = text[hit.end:hit.end + 2] == ", " and hit.end + 2 in strong_starts
    if key in lexicon.MONTH_NAMES:
        return qualified
    if qualified or after_preposition(before):
        return True
    after = _WORD_AFTER.match(text, hit.end)
    if after and (after.group(1).lower() in lexicon.RESIDENT_NOUNS or after.group(1).lower() in CUE_NOUNS):
        return True  # "a Douglas resident", "the Douglas port"
    m = _AND_AFTER.match(text, hit.end)
    if m and m.end() in strong_starts:
        return True
    m = _AND_BEFORE.search(text, max(0, hit.start - 6), hit.start)
    if m and m.start() in strong_ends:
        return True
    return text[hit.start:hit.end].isupper() and starts_sentence(text, hit.start)


_CUE_AFTER = re.compile(
    r" (" + "|".join(re.escape(p) for p, _ in sorted(lexicon.FEATURE_CUES, key=lambda c: -len(c[0])))
    + r")(?![a-z])", re.IGNORECASE)
_CUE_KIND = {phrase: kind for phrase, kind in lexicon.FEATURE_CUES}
_CUE_BEFORE = re.compile(
    r"(?:" + "|".join(re.escape(fold_text(p)) for p, _ in lexicon.CUES_BEFORE) + r")$", re.IGNORECASE)
_KIND_BEFORE = {fold_text(phrase): kind for phrase, kind in lexicon.CUES_BEFORE}
EXTENDING_CUES = frozenset({"station", "sector", "port_of_entry", "checkpoint", "county"})


def attach_cue(text: str, folded: str, mention: Mention, senses: Senses) -> None:
    """Cue words that say what kind of place is meant ("Eagle Pass Station",
    "Nogales port of entry", "municipio de Nogales", "Río Bravo"); a cue after
    the name joins the mention when no place of that name is of that kind."""
    m = _CUE_AFTER.match(text, mention.end)
    if m:
        kind = _CUE_KIND[m.group(1).lower()]
        mention.cue = kind
        if kind in EXTENDING_CUES and kind not in senses.kinds:
            mention.end = m.end()
            mention.text = text[mention.start:mention.end]
        return
    start = mention.start
    # Every cue before a name ends "de ", "of " or "río ": the cheap test first.
    if text[max(0, start - 4):start].lower().endswith(("de ", "of ", "río ", "rio ")):
        m = _CUE_BEFORE.search(folded, max(0, start - 25), start)
        if m:
            mention.cue = _KIND_BEFORE[m.group(0).lower()]
            return
    if senses.river and mention.text[:3].lower() in ("rio", "río"):
        mention.cue = "river"
