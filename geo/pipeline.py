"""The geoparser as a pipeline of steps over one Document:
language → recognition → resolution → offsets and coordinates (→ events,
added by later steps). Each step takes the Document and returns it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .document import Document
from .language import detect_language


class Geoparser:
    """Turns Documents into Documents with resolved place mentions.

    Heavy parts (the gazetteer index, the name automaton) load once, when
    the Geoparser is made; ``__call__`` is then cheap per document.
    """

    def __init__(self, gazetteer=None, *, events: bool = True):
        from gazetteer import Gazetteer

        from .events import EventExtractor
        from .locate import Locator
        from .matching import NameMatcher
        from .recognize import Recognizer
        from .resolve import Resolver

        self.gazetteer = gazetteer or Gazetteer.default()
        self.steps = [
            self._language,
            Recognizer(NameMatcher(self.gazetteer)),
            Resolver(self.gazetteer),
            Locator(self.gazetteer),
        ]
        if events:
            self.steps.append(EventExtractor(self.gazetteer))

    @staticmethod
    def _language(doc: Document) -> Document:
        if not doc.lang:
            doc.lang = detect_language(doc.text)
        return doc

    def __call__(self, doc: Document) -> Document:
        if not doc.text.strip():
            doc.mentions = []
            doc.events = []
            if not doc.lang:
                doc.lang = None
            return doc
        for step in self.steps:
            doc = step(doc)
        return doc

    def parse_text(self, text: str, **fields) -> Document:
        return self(Document(id=fields.pop("id", "text"), text=text, **fields))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
