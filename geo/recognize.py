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

from . import lexicon
from .document import Document, Mention
from .matching import NameHit, NameMatcher, fold_text

_TOKEN = re.compile(r"[\w'’.&-]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(^|[.!?:;\"“”—–(\n])\s*$")
FAR_KM = 1000.0
FAMOUS_POPULATION = 1_000_000
SETTLEMENTS = frozenset({"city", "town", "village"})
PERSONAL_KINDS = SETTLEMENTS | {"landmark", "municipality"}  # kinds a surname can shadow
TITLES = frozenset(t.rstrip(".") for t in lexicon.TITLES)
FEATURE_WORDS = frozenset({"sector", "station", "county", "port", "bridge", "river", "valley", "border",
                           "checkpoint", "desert", "mountains", "national", "international", "crossing",
                           "area", "region", "city", "state", "mesa", "sonora", "arizona"})


def tokens_after(text: str, end: int, count: int) -> list[str]:
    """Up to ``count`` words following ``end`` in the same phrase (single
    spaces between them; punctuation other than a final period ends it)."""
    out: list[str] = []
    pos = end
    while len(out) < count and text[pos:pos + 1] == " ":
        m = _TOKEN.match(text, pos + 1)
        if not m:
            break
        out.append(m.group(0))
        pos = m.end()
        if m.group(0).endswith("."):
            break
    return out


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


def name_cased(span: str, form: str) -> bool:
    """Written like a name: capitalised words (connectors aside), or a
    dateline in capitals; a short all-capital word only if the name is one."""
    letters = span.replace(".", "").replace(" ", "")
    if span.isupper():
        return len(letters) >= 4 or form.isupper()
    words = span.replace("-", " ").split()
    for i, word in enumerate(words):
        if word[0].isupper() or word[0].isdigit():
            continue
        low = word.lower()
        if i == 0 and len(words) > 1 and low in lexicon.LOWER_OPENERS:
            continue
        if i > 0 and low in lexicon.CONNECTORS:
            continue
        return False
    return True


def after_comma(text: str, start: int) -> bool:
    return text[max(0, start - 2):start].lstrip(" ").startswith(",")


class Recognizer:
    """Finds place mentions in a Document (fills ``doc.mentions``)."""

    def __init__(self, matcher: NameMatcher):
        self.matcher = matcher
        self.gaz = matcher.gazetteer

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        hits = [h for h in self.matcher.find(text) if h.start >= doc.body_start]
        # The longest usable name wins wherever names overlap ("the Gulf of
        # Mexico" is one name, "Nuevo Laredo" is not "Laredo").
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        chosen: list[tuple[NameHit, tuple]] = []
        taken = bytearray(len(text) + 1)
        for hit in hits:
            if any(taken[hit.start:hit.end]):
                continue
            entries = self.usable_entries(text, hit)
            if entries:
                chosen.append((hit, entries))
                taken[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
        chosen.sort(key=lambda pair: pair[0].start)
        strong = [(h.start, h.end) for h, e in chosen if not {k for *_, k in e} <= PERSONAL_KINDS]
        starts = {h.start for h, _ in chosen}
        ends = {h.end for h, _ in chosen}
        mentions = []
        for hit, entries in chosen:
            if self.rejected(text, hit, entries, strong, starts, ends):
                if mentions and self.part_of_organisation(*_after(text, hit.end)):
                    drop_qualifier_chain(text, mentions, hit.start)
                continue
            mention = Mention(start=hit.start, end=hit.end, text=text[hit.start:hit.end], candidates=entries)
            attach_cue(text, mention)
            mentions.append(mention)
        doc.mentions = mentions
        return doc

    # -- which gazetteer entries fit the written form ------------------------

    @staticmethod
    def usable_entries(text: str, hit: NameHit) -> tuple:
        span = text[hit.start:hit.end]
        cased: dict[str, bool] = {}
        out = []
        for entry in hit.entries:
            _place_id, how, form, kind = entry
            if "," in form or form.lower().startswith(("municipio de ", "condado de ")):
                continue  # "Puerto Palomas, Chihuahua" is two mentions; "municipio de" is a cue
            if how == "code":
                if span == form and len(span) <= 3 and after_comma(text, hit.start):
                    out.append(entry)
            elif how == "abbreviation":
                if span == form and (kind != "state" or after_comma(text, hit.start)):
                    out.append(entry)
            else:
                upper_form = form.isupper()
                if upper_form not in cased:
                    cased[upper_form] = name_cased(span, form)
                if cased[upper_form]:
                    out.append(entry)
        return tuple(out)

    # -- what only looks like a place -----------------------------------------

    def rejected(self, text: str, hit: NameHit, entries: tuple, strong, starts, ends) -> bool:
        kinds = {kind for _, _, _, kind in entries}
        after, after_low = _after(text, hit.end)
        if not kinds & lexicon.UNIT_KINDS and self.part_of_organisation(after, after_low):
            return True
        if (after_low and after_low[0] in lexicon.SPEECH_VERBS and kinds <= PERSONAL_KINDS
                and not_after_preposition(text, hit.start)):
            return True  # "Donna said" (but "officials in Tucson said")
        if described_as_person(text, hit.end):
            return True  # "Guerrero, a former agent, said"
        if self.part_of_person(text, hit, kinds, strong):
            return True
        if self.first_name_of(text, hit, kinds, after, starts):
            return True
        if after_low and after_low[0] in lexicon.STREET_WORDS:
            return True
        if "country" not in kinds and self.inside_spanish_organisation(text, hit):
            return True
        return self.needs_support(text, hit, entries) and not supported(text, hit, starts, ends)

    @staticmethod
    def part_of_organisation(after: list[str], after_low: list[str]) -> bool:
        """"Los Angeles Times", "Columbus Police Department", "U.S. Border
        Patrol" — but not "Columbus Police Chief Angelo Vega"."""
        joined = " ".join(after_low)
        if joined.startswith(lexicon.ORG_PHRASES):
            return True
        run = []
        for raw, low in zip(after, after_low):
            if raw[:1].isupper() or low in ("&", "and", "of", "de", "y"):
                run.append(low)
            else:
                break
        if any(t in TITLES for t in run):
            return False
        return any(t in lexicon.ORG_HEADS for t in run)

    @staticmethod
    def part_of_person(text: str, hit: NameHit, kinds: set, spans) -> bool:
        """"Genaro Garcia Luna", "Sheriff Douglas", "Raul L. Ortiz"."""
        if not kinds <= PERSONAL_KINDS:
            return False
        before, at = word_before(text, hit.start)
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
    def first_name_of(text: str, hit: NameHit, kinds: set, after: list[str], starts) -> bool:
        """"Manuel Oyola-Torres", "Por Elliot Spagat": a one-word small place
        followed by another capitalised word that is not a place."""
        if not kinds <= PERSONAL_KINDS or " " in text[hit.start:hit.end] or not after:
            return False
        word = after[0]
        if not word[:1].isupper() or word.isupper():
            return False
        low = word.lower().rstrip(".")
        if low in lexicon.CONNECTORS or low in TITLES or low in FEATURE_WORDS:
            return False
        return hit.end + 1 not in starts

    @staticmethod
    def inside_spanish_organisation(text: str, hit: NameHit) -> bool:
        """"Grupo Beta Piedras Negras", "Fiscalía General del Estado de Coahuila"."""
        pos = hit.start
        for _ in range(6):
            before, at = word_before(text, pos)
            if not before or text[at + len(before):pos].strip(" ") != "":
                return False
            low = before.lower().rstrip(".")
            if low in lexicon.ORG_HEADS_BEFORE:
                return True
            if not (before[:1].isupper() or low in lexicon.CONNECTORS):
                return False
            pos = at
        return False

    def needs_support(self, text: str, hit: NameHit, entries: tuple) -> bool:
        """Common words, and names whose every sense is a small far-away town."""
        key = fold_text(text[hit.start:hit.end])
        if key in lexicon.MONTH_NAMES:
            return True
        if key in lexicon.COMMON_WORD_PLACES or key in lexicon.STOP_WORDS:
            return True
        if any(kind not in SETTLEMENTS for _, _, _, kind in entries):
            return False
        for place_id, _how, _form, _kind in entries:
            place = self.gaz.get(place_id)
            if place is None:
                continue
            if place.country in ("US", "MX") and (place.border_km or 0) <= FAR_KM:
                return False
            if (place.population or 0) >= FAMOUS_POPULATION or place.capital:
                return False
        return True


def not_after_preposition(text: str, start: int) -> bool:
    return word_before(text, start)[0].lower().rstrip(".,") not in lexicon.PLACE_PREPOSITIONS


def _after(text: str, end: int) -> tuple[list[str], list[str]]:
    after = tokens_after(text, end, 4)
    return after, [t.lower().rstrip(".") for t in after]


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


_AND_AFTER = re.compile(r"\s+(?:and|y|or|o)\s+")
_AND_BEFORE = re.compile(r"(?:\s+(?:and|y|or|o)|,)\s+$")


def supported(text: str, hit: NameHit, strong_starts=frozenset(), strong_ends=frozenset()) -> bool:
    """A preposition of place before, a ", State" after, a dateline, or a
    place it is listed with ("visited Douglas and Agua Prieta"); a month
    name needs the ", State"."""
    qualified = text[hit.end:hit.end + 2] == ", " and text[hit.end + 2:hit.end + 3].isupper()
    if fold_text(text[hit.start:hit.end]) in lexicon.MONTH_NAMES:
        return qualified
    before, _ = word_before(text, hit.start)
    if before.lower().rstrip(".,") in lexicon.PLACE_PREPOSITIONS:
        return True
    if text[hit.end:hit.end + 2] == ", " and text[hit.end + 2:hit.end + 3].isupper():
        return True
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
    r"(?:" + "|".join(re.escape(fold_text(p)) for p, _ in lexicon.SPANISH_CUES) + r")$", re.IGNORECASE)
_SPANISH_KIND = {fold_text(phrase): kind for phrase, kind in lexicon.SPANISH_CUES}
EXTENDING_CUES = frozenset({"station", "sector", "port_of_entry", "checkpoint", "county"})


def attach_cue(text: str, mention: Mention) -> None:
    """Cue words that say what kind of place is meant ("Eagle Pass Station",
    "Nogales port of entry", "municipio de Nogales", "Río Bravo"); a cue after
    the name joins the mention when no place of that name is of that kind."""
    m = _CUE_AFTER.match(text, mention.end)
    if m:
        kind = _CUE_KIND[m.group(1).lower()]
        mention.cue = kind
        if kind in EXTENDING_CUES and all(k != kind for *_, k in mention.candidates):
            mention.end = m.end()
            mention.text = text[mention.start:mention.end]
        return
    before = text[max(0, mention.start - 25):mention.start]
    # Every Spanish cue ends "de " or "río ": the cheap test first.
    m = _CUE_BEFORE.search(fold_text(before)) if before.lower().endswith(("de ", "río ", "rio ")) else None
    if m:
        mention.cue = _SPANISH_KIND[m.group(0).lower()]
        return
    if mention.text[:3].lower() in ("rio", "río") and any(k == "river" for *_, k in mention.candidates):
        mention.cue = "river"
