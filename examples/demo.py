"""The demo run by ``make demo``: the tool on one example article.

Today it geocodes the places the article names (its dateline and a list of
place phrases found by simple capitalised-phrase matching against the
gazetteer) and reverse-geocodes them; later issues replace this with the
geoparser, events and maps.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from gazetteer import Gazetteer

PHRASE = re.compile(
    r"(?:[A-Z][\w'’áéíóúñÁÉÍÓÚÑ.-]*)(?:\s+(?:of\s+)?[A-Z][\w'’áéíóúñ.-]*)*"
    r"(?:,\s*(?:Ariz|Texas|Sonora|Calif|N\.M|Tex)\.?)?"
)


def main(path: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    gaz = Gazetteer.default()
    seen = set()
    print(f"article: {path}")
    for match in PHRASE.finditer(text):
        phrase = match.group(0).strip(" .,")
        if phrase in seen or len(phrase) < 4:
            continue
        found = gaz.search(phrase, limit=1)
        if not found or found[0].place.border_km is None or found[0].place.border_km > 1500:
            continue  # a capitalised word that names some far-away town
        seen.add(phrase)
        place = found[0].place
        context = gaz.reverse(place.lat, place.lon, ports=1)
        port = context.nearest_ports[0] if context.nearest_ports else None
        print(f"  {phrase!r:<32} → {place.label} [{place.kind}] {place.lat:.4f}, {place.lon:.4f}"
              f"  side {context.side or '-'}, {context.border_km:.0f} km from the border"
              + (f", nearest port {port.name} ({port.km:.0f} km)" if port else ""))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("nogales-seizure.txt")))
