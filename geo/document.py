"""The records the geoparser passes along: one Document per article, with the
Mentions found in it. Each field is defined here once; every step fills in
its own fields and the writers serialise them from here."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    """A place named in the text, and what it was resolved to.

    ``start``/``end`` are character offsets into ``Document.text``. A mention
    left unresolved keeps ``place_id`` and ``lat``/``lon`` as None.
    """

    start: int
    end: int
    text: str
    place_id: str | None = None
    name: str | None = None
    feature: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float = 0.0
    reason: str = ""
    # For "15 miles east of Sásabe": the displaced location (an Offset).
    offset: object | None = None
    # Filled by recognition for resolution: the gazetteer rows this text can
    # mean, and the cue words around it. Not serialised.
    candidates: tuple = field(default=(), repr=False)
    cue: str | None = field(default=None, repr=False)

    def to_dict(self) -> dict:
        data = {k: getattr(self, k) for k in MENTION_FIELDS}
        if self.offset is not None:
            data["offset"] = self.offset.to_dict()
        return data


MENTION_FIELDS = ("start", "end", "text", "place_id", "name", "feature", "admin1", "country", "lat",
                  "lon", "confidence", "reason")


@dataclass(slots=True)
class Document:
    """One article: its text, metadata and what the pipeline found in it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    lang: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file and line it came from, for messages
    body_start: int = 0  # where the article body starts (after any header)
    mentions: list[Mention] = field(default_factory=list)
    events: list = field(default_factory=list)
    # The text folded (``matching.fold_text``), kept for the steps after the
    # one that folded it; paired with the text it was folded from. Not serialised.
    _folded: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def folded_text(self) -> str:
        """``text`` folded: worked out once, by the first step that asks."""
        if self._folded is None or self._folded[0] is not self.text:
            from .matching import fold_text

            self._folded = (self.text, fold_text(self.text))
        return self._folded[1]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "lang": self.lang,
            "url": self.url,
            "source": self.source,
            "mentions": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
        }
