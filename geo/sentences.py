"""Splitting text into sentences with their offsets: at . ! ? and line
breaks, but not after abbreviations ("U.S.", "Ariz.", "Gov.", "No."),
initials or decimal points."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset("""
u.s. u.s.a. u.k. e.u. ee.uu. ariz. calif. cal. n.m. n.mex. tex. son. chih. coah. tamps. b.c. n.l.
colo. fla. ga. ill. ind. kan. ky. la. md. mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j.
n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. va. vt. wash. wis. wyo. d.c.
mr. mrs. ms. dr. sen. rep. gov. lt. sgt. capt. gen. col. st. no. jr. sr. sra. lic. ing. prof.
jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ene. abr. ago. dic.
a.m. p.m. etc. inc. corp. co. vs. approx. mi. km. lbs. oz. hwy. rd. ave. blvd. ft.
""".split())
TITLES = frozenset("mr. mrs. ms. dr. sen. rep. gov. lt. sgt. capt. gen. col. st. no. sr. sra. lic. ing. "
                   "prof. gob. pres. sec. atty. supt. det. cmdr. adm. maj. cpl. pvt. hon. rev. fr.".split())
# A sentence ends after . ! or ? (and any closing quotes or brackets) before a
# space, at a blank line, or at a line break before a capital or an opening
# quote: r"[.!?]+[\"”’)]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z¿¡\"“])". Written to begin
# with the character every end begins with, so that re skips straight to the
# next one instead of trying the pattern at every position (23 µs an article; 8).
_END = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"”’)]*(?=\s)|(?<=\n)\s*\n|(?<=\n)(?=\s*[A-Z¿¡\"“]))")
_INITIALS = re.compile(r"(?:[a-z]\.)+")


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:]``, whitespace trimmed."""
    spans = []
    pos = start
    for m in _END.finditer(text, start):
        end = m.end()
        if text[m.start()] == ".":
            words = text[max(0, end - 40):end].rsplit(None, 1)
            token = words[-1].lower().strip("\"“(") if words else ""
            if token in TITLES:
                continue  # "Gov. Katie Hobbs", "Sen. Mark Kelly"
            if token in ABBREVIATIONS or _INITIALS.fullmatch(token):
                next_char = text[end:end + 2].strip()[:1]
                if not next_char or not next_char.isupper() or token in ("u.s.", "d.c."):
                    continue  # "the U.S. agents", "Ariz., on Tuesday"
        _add(text, pos, end, spans, first=not spans)
        pos = end
    _add(text, pos, len(text), spans, first=not spans)
    return spans


# "NOGALES, Ariz. —", "SAN DIEGO, 17 de mayo (AP).—", "Nogales, Sonora.-": the
# dateline opening a story is not part of its first sentence.
DATELINE = re.compile(
    r"[A-ZÁÉÍÓÚÑ][\w'’. ]{1,40}(?:,[^\n—–]{1,40}?)?\s*(?:\(\w+\))?\s*(?:\.?\s*[—–]|\.-|\s--?)\s+")


def _add(text: str, a: int, b: int, spans: list, first: bool = False) -> None:
    while a < b and text[a].isspace():
        a += 1
    m = DATELINE.match(text, a, b) if first else None  # only the story's opening has a dateline
    if m and (a == 0 or text[a - 1] == "\n"):
        a = m.end()
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))


def sentence_bounds(text: str, index: int) -> tuple[int, int]:
    """Start and end of the sentence around ``index`` (a rough split)."""
    start = max(text.rfind(". ", 0, index), text.rfind("\n", 0, index), text.rfind("? ", 0, index))
    ends = [e for e in (text.find(". ", index), text.find("\n", index), text.find("? ", index)) if e >= 0]
    return start + 1, (min(ends) if ends else len(text))
