"""The text of event popups, made safe here: every field that came from an
article or a user (headline, evidence, place, amounts, source names, URL)
goes through ``html.escape`` before it reaches the page, so a headline like
``<img src=x onerror=...>`` shows as text and runs nothing. The only markup
added is ours: the <mark> around the place in the evidence sentence and the
link to the source."""

from __future__ import annotations

import re
import unicodedata
from html import escape
from urllib.parse import urlsplit

from maps.styles import DATE_PRECISION_LABELS, PRECISION_LABELS

NAME_ENDINGS = re.compile(r"\s+(?:border|sector|port of entry|border patrol sector)$", re.IGNORECASE)
NAME_PARTS = re.compile(r"\s*[–—/,-]\s*")
MIN_PART = 4  # shorter pieces of a name ("U.S.") are not looked for alone


def text(value) -> str:
    """Any cell as escaped text; empty for null."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return escape(str(value), quote=True)


def safe_url(value) -> str:
    """An http(s) address, escaped for an attribute; empty for anything else
    (javascript:, data:, relative paths)."""
    raw = text(value) and str(value).strip()
    if not raw:
        return ""
    try:
        parts = urlsplit(raw)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return escape(raw, quote=True)


def highlight(sentence, place_name) -> str:
    """The sentence as escaped HTML with the place's name in <mark>: the
    whole name if the sentence has it (ignoring case and accents), else
    the name without "border"/"sector", else its longest part that is there."""
    sentence = "" if sentence is None else str(sentence)
    span = find_name(sentence, "" if place_name is None else str(place_name))
    if span is None:
        return escape(sentence)
    start, end = span
    return f"{escape(sentence[:start])}<mark>{escape(sentence[start:end])}</mark>{escape(sentence[end:])}"


def find_name(sentence: str, name: str) -> tuple[int, int] | None:
    if not sentence or not name.strip():
        return None
    folded = _fold(sentence)
    bare = NAME_ENDINGS.sub("", name.strip())
    parts = sorted((p for p in NAME_PARTS.split(bare) if len(p) >= MIN_PART), key=len, reverse=True)
    for candidate in dict.fromkeys((name.strip(), bare, *parts)):
        for match in re.finditer(re.escape(_fold(candidate)), folded):
            start, end = match.span()
            if _word_edge(folded, start - 1) and _word_edge(folded, end):
                return start, end
    return None


def place_html(name, feature, precision, reason) -> str:
    """"Nogales (city) · precision 1: the town or site", then why, in small type."""
    label = text(name) or "unknown place"
    if feature is not None and text(feature):
        label += f" ({text(feature).replace('_', ' ')})"
    level = _int(precision)
    if level in PRECISION_LABELS:
        label += f" · precision {level}: {PRECISION_LABELS[level]}"
    if text(reason):
        label += f'<br><small class="bm-why">{text(reason)}</small>'
    return label


def date_precision(value) -> str:
    key = text(value)
    return escape(DATE_PRECISION_LABELS.get(key, key or "unknown"))


def source_html(title, url, source, published) -> str:
    """The source's title, linked to its address when it has a safe one."""
    name = text(title) or text(source) or "untitled source"
    link = safe_url(url)
    html = f'<a href="{link}" target="_blank" rel="noopener noreferrer">{name}</a>' if link else name
    extra = " · ".join(x for x in (text(source), text(published)) if x and x != name)
    return f"{html} <small>{extra}</small>" if extra else html


def _fold(value: str) -> str:
    """Lower case without accents, one character for one character."""
    return "".join((unicodedata.normalize("NFD", c)[0] or c).lower()[:1] or c for c in value)


def _word_edge(folded: str, index: int) -> bool:
    return index < 0 or index >= len(folded) or not folded[index].isalnum()


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
