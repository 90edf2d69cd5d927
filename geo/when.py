"""When an event happened: dates in the text resolved against the article's
publication date ("Thursday", "on Oct. 4", "el domingo", "three days ago",
"last November", "last year"), with their precision: day, month, year, or
the publication date alone. The day the news was told ("officials said
Friday") is not the day it happened."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .dates import MONTHS
from .patterns import initials, word_lead

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
    "sabado": 5, "domingo": 6,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_SINCE = ("in", "en", "since", "desde")
_MONTH_LEAD = word_lead(initials(MONTHS), r"\d")  # a month, or a day before "de" and a month
FULL = re.compile(_MONTH_LEAD + rf"(?:({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b|"
                  rf"(\d{{1,2}})\s+de\s+({_MONTH})\s+de(?:l)?\s+(\d{{4}})\b)", re.IGNORECASE)
MONTH_DAY = re.compile(_MONTH_LEAD + rf"(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})|"
                       rf"(\d{{1,2}})\s+de\s+({_MONTH})\b(?!\s+de(?:l)?\s+\d{{4}}))", re.IGNORECASE)
MONTH_YEAR = re.compile(word_lead(initials([*MONTHS, "in", "en"]))
                        + rf"(?:in\s+|en\s+)?({_MONTH})\s+(?:de\s+|del\s+)?(\d{{4}})\b", re.IGNORECASE)
WEEKDAY = re.compile(word_lead(initials(WEEKDAYS)) + rf"({_WEEKDAY})\b", re.IGNORECASE)
YEAR = re.compile(word_lead(initials(_SINCE)) + rf"(?:{'|'.join(_SINCE)})\s+((?:19|20)\d{{2}})\b",
                  re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|would|is to|are to|plans? to|scheduled|next|próximo|próxima|"
                    r"firmará[n]?|será[n]?|va[n]? a)\b", re.IGNORECASE)
RELATIVE_DAYS = {"yesterday": -1, "ayer": -1, "today": 0, "hoy": 0, "tomorrow": 1, "mañana": 1,
                 "anteayer": -2}
RELATIVE = re.compile(r"\b(yesterday|ayer|today|hoy|tomorrow|anteayer)\b", re.IGNORECASE)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "un": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
                "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "una": 1}


# "the agency said Friday", "informó el lunes": the day the news was told, not
# the day it happened.
REPORTED_ON = re.compile(r"\b(?:said|says|announced|reported|confirmed|stated|added|told reporters|"
                         r"dijo|dijeron|inform[óo]|informaron|anunci[óo]|confirm[óo]|señal[óo]|declar[óo])"
                         r"\s+(?:on\s+|late\s+|early\s+|this\s+|el\s+|este\s+)?$", re.IGNORECASE)
REPORTED_WINDOW = 30


def _reported_on(sentence: str, m) -> bool:
    return REPORTED_ON.search(sentence, max(0, m.start() - REPORTED_WINDOW), m.start()) is not None


# A month with no day: "last November", "in March", "el pasado noviembre".
# Full names only ("may" is also a verb), after a word that makes them a date.
_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 and m != "sept"]
MONTH_ALONE = re.compile(
    word_lead(initials(["in", "last", "early", "late", "since", "during", "en", "el", "durante", "pasado"]))
    + rf"(?:(in|last|early|late|since|during|en|el pasado|durante)\s+(?:mid-)?({'|'.join(_FULL_MONTHS)})"
    rf"(?![\w.]*\s+\d)|({'|'.join(_FULL_MONTHS)})\s+pasado)\b", re.IGNORECASE)
# "three days ago", "hace tres días": days before the publication.
DAYS_AGO = re.compile(r"\b(?:(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+days?\s+ago|hace\s+(\d{1,2}|"
                      + "|".join(NUMBER_WORDS) + r")\s+d[íi]as)\b", re.IGNORECASE)
LAST_YEAR = re.compile(r"\b(?:last year|el año pasado|el pasado año)\b", re.IGNORECASE)
_COUNT = r"(\d{1,2}|an?|" + "|".join(NUMBER_WORDS) + r")"
LATER = re.compile(
    rf"\b(?:{_COUNT}\s+(days?|weeks?)\s+later|(?:{_COUNT}\s+d[íi]as\s+despu[ée]s)"
    r"|((?:the\s+)?(?:next|following)\s+(?:day|morning)|al\s+d[íi]a\s+siguiente)"
    r"|(?:hours?|minutes?|horas|minutos)\s+(?:later|despu[ée]s))\b", re.IGNORECASE)
# "a week earlier", "una semana antes", "the day before": counted back from the day told last.
EARLIER = re.compile(
    rf"\b(?:{_COUNT}\s+(days?|weeks?)\s+(?:earlier|before)|{_COUNT}\s+(d[íi]as?|semanas?)\s+antes"
    r"|((?:the\s+)?(?:day|night)\s+before|el\s+d[íi]a\s+anterior|la\s+noche\s+anterior))\b", re.IGNORECASE)
_LATER_WORDS = frozenset({"later", "después", "despues", "next", "following", "siguiente", "earlier",
                          "before", "antes", "anterior"})
# Words without which no period is written (one of them is in every match above).
_PERIOD_WORDS = frozenset({"ago", "hace", "year", "año", "pasado", *_FULL_MONTHS})
_DIGIT = re.compile(r"\d")
_YEAR_FIGURES = re.compile(r"\d\d\d\d")  # FULL, MONTH_YEAR and YEAR all write a year so
FUTURE_WINDOW = 40  # "will sign a declaration Thursday": the future word comes just before
_WORD = re.compile(r"\w+")
_DATE_WORDS = frozenset(WEEKDAYS) | frozenset(RELATIVE_DAYS)


@dataclass(frozen=True, slots=True)
class EventDate:
    date: str | None  # ISO date (the first day for a month or year)
    precision: str  # "day", "month", "year", "publication" or "unknown"
    text: str | None = None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def publication_day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def _undated(published: str | None) -> EventDate:
    """A sentence that writes no date: the publication date, if known."""
    pub = publication_day(published)
    return EventDate(pub.isoformat(), "publication", None) if pub else EventDate(None, "unknown", None)


def resolve_date(sentence: str, published: str | None) -> EventDate:
    """The date a sentence gives for what it reports."""
    return _resolve(sentence, set(_WORD.findall(sentence.lower())), *_figures(sentence), published)


def _told(matches, sentence: str):
    """The first of ``matches`` that is not the day the news was told."""
    return next((m for m in matches if not _reported_on(sentence, m)), None)


def _figures(sentence: str) -> tuple[bool, bool]:
    """Does the sentence write a figure, and a year (four in a row)? Every
    pattern with a month needs a figure; FULL, MONTH_YEAR and YEAR need a year."""
    if not _DIGIT.search(sentence):
        return False, False
    return True, _YEAR_FIGURES.search(sentence) is not None


def _resolve(sentence: str, words: set[str], digit: bool, year: bool, published: str | None,
             found=None) -> EventDate:
    """``words``: the sentence's words in lower case; ``digit``, ``year``: its
    ``_figures``; ``found``: the FULL, MONTH_DAY and WEEKDAY matches, when the
    caller has them."""
    has_month = digit and not words.isdisjoint(MONTHS)
    pub = publication_day(published)
    full, month_day, weekday = found or (None, None, None)
    if full is not None:
        m = full[0] if full else None
    else:
        m = FULL.search(sentence) if has_month and year else None
    if m:
        if m.group(1):
            found = _iso(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        else:
            found = _iso(int(m.group(6)), MONTHS[m.group(5).lower()], int(m.group(4)))
        if found:
            return EventDate(found, "day", m.group(0))
    if month_day is not None:
        m = month_day[0] if month_day and pub else None
    else:
        m = _told(MONTH_DAY.finditer(sentence), sentence) if has_month and pub else None
    if m:
        month = MONTHS[(m.group(1) or m.group(4)).lower()]
        day = int(m.group(2) or m.group(3))
        year = pub.year
        candidate = _iso(year, month, day)
        if candidate and dt.date.fromisoformat(candidate) > pub + dt.timedelta(days=31):
            candidate = _iso(year - 1, month, day)  # "on Dec. 28" in a January article
        if candidate:
            return EventDate(candidate, "day", m.group(0))
    m = _told(RELATIVE.finditer(sentence), sentence) if pub and not words.isdisjoint(RELATIVE_DAYS) else None
    if m:
        return EventDate((pub + dt.timedelta(days=RELATIVE_DAYS[m.group(1).lower()])).isoformat(), "day",
                         m.group(0))
    if weekday is not None:
        m = weekday[0] if weekday and pub else None
    else:
        m = _told(WEEKDAY.finditer(sentence), sentence) if pub and not words.isdisjoint(WEEKDAYS) else None
    if m:
        target = WEEKDAYS[m.group(1).lower()]
        if FUTURE.search(sentence, max(0, m.start() - FUTURE_WINDOW), m.start()):
            ahead = (target - pub.weekday()) % 7 or 7
            day = pub + dt.timedelta(days=ahead)
        else:
            day = pub - dt.timedelta(days=(pub.weekday() - target) % 7)
        return EventDate(day.isoformat(), "day", m.group(0))
    m = MONTH_YEAR.search(sentence) if has_month and year else None
    if m:
        found = _iso(int(m.group(2)), MONTHS[m.group(1).lower()], 1)
        if found:
            return EventDate(found, "month", m.group(0))
    m = YEAR.search(sentence) if year else None
    if m:
        return EventDate(f"{m.group(1)}-01-01", "year", m.group(0))
    if pub and not words.isdisjoint(_PERIOD_WORDS):
        period = _period(sentence, words, pub)
        if period is not None:
            return period
    return _undated(published)


def _period(sentence: str, words: set[str], pub: dt.date) -> EventDate | None:
    """Days, months and years counted back from the publication: "three days
    ago", "last November", "in March" (the latest one, or the next one after
    "will"), "last year"."""
    m = DAYS_AGO.search(sentence) if words & {"ago", "hace"} else None
    if m:
        written = (m.group(1) or m.group(2)).lower()
        days = int(written) if written.isdigit() else NUMBER_WORDS[written]
        return EventDate((pub - dt.timedelta(days=days)).isoformat(), "day", m.group(0))
    m = _told(MONTH_ALONE.finditer(sentence), sentence) if not words.isdisjoint(MONTHS) else None
    if m:
        month = MONTHS[(m.group(2) or m.group(3)).lower()]
        year = pub.year - (month > pub.month)
        if FUTURE.search(sentence, max(0, m.start() - FUTURE_WINDOW), m.start()) and month != pub.month:
            year = pub.year + (month < pub.month)
        return EventDate(f"{year:04d}-{month:02d}-01", "month", m.group(0))
    m = LAST_YEAR.search(sentence) if words & {"year", "año", "pasado"} else None
    if m:
        return EventDate(f"{pub.year - 1:04d}-01-01", "year", m.group(0))
    return None


def resolve_dates(sentence: str, published: str | None, after: str | None = None) -> list[EventDate]:
    """Every day a sentence names ("six killed on May 1 and five more on May
    4"), in order; the single best date when it names none or one. ``after``:
    the day the article told last, for "two days later", "the next day"."""
    words = set(_WORD.findall(sentence.lower()))
    digit, year = _figures(sentence)
    later = after is not None and not _LATER_WORDS.isdisjoint(words)
    if not digit and _DATE_WORDS.isdisjoint(words) and _PERIOD_WORDS.isdisjoint(words) and not later:
        return [_undated(published)]  # no date written: the publication date
    found: list[EventDate] = []
    pub = publication_day(published)
    has_month = digit and not words.isdisjoint(MONTHS)
    full = list(FULL.finditer(sentence)) if has_month and year else []
    # A day of a month or of the week is read against the publication date.
    month_day = [m for m in MONTH_DAY.finditer(sentence) if not _reported_on(sentence, m)] \
        if has_month and pub else []
    weekday = [m for m in WEEKDAY.finditer(sentence) if not _reported_on(sentence, m)] \
        if pub and not words.isdisjoint(WEEKDAYS) else []
    if pub is not None and len(full) + len(month_day) + len(weekday) > 1:
        for m in sorted([*full, *month_day, *weekday], key=lambda m: m.start()):
            future = FUTURE.search(sentence, max(0, m.start() - FUTURE_WINDOW), m.start())
            one = resolve_date(("will " if future else "") + m.group(0), published)
            if one.precision == "day" and all(one.date != f.date for f in found):
                found.append(EventDate(one.date, "day", m.group(0)))
    if len(found) > 1:
        return found
    single = _resolve(sentence, words, digit, year, published, (full, month_day, weekday))
    if later and single.precision in ("publication", "unknown"):
        return [_later(sentence, after) or single]
    return [single]


def _later(sentence: str, after: str) -> EventDate | None:
    """"Two days later", "the next day", "three hours later" after the day
    ``after``; "a week earlier", "the day before" before it."""
    m = LATER.search(sentence)
    if m is None:
        return _earlier(sentence, after)
    written = (m.group(1) or m.group(3) or "").lower()
    if m.group(2) or m.group(3):  # days or weeks
        count = int(written) if written.isdigit() else NUMBER_WORDS.get(written, 1)
        days = count * (7 if (m.group(2) or "").lower().startswith("week") else 1)
    elif m.group(4):  # the next day
        days = 1
    else:  # hours or minutes later: the same day
        days = 0
    day = dt.date.fromisoformat(after) + dt.timedelta(days=days)
    return EventDate(day.isoformat(), "day", m.group(0))


def _earlier(sentence: str, after: str) -> EventDate | None:
    m = EARLIER.search(sentence)
    if m is None:
        return None
    if m.group(5):  # the day before
        days = 1
    else:
        written = (m.group(1) or m.group(3) or "").lower()
        count = int(written) if written.isdigit() else NUMBER_WORDS.get(written, 1)
        unit = (m.group(2) or m.group(4) or "").lower()
        days = count * (7 if unit.startswith(("week", "semana")) else 1)
    day = dt.date.fromisoformat(after) - dt.timedelta(days=days)
    return EventDate(day.isoformat(), "day", m.group(0))
