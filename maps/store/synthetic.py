"""Synthetic border news, for tests and benchmarks of ingestion.

Articles are written from templates (English and Spanish) about places of
the gazetteer near the line — towns on both sides, ports of entry, Border
Patrol stations — so that the geoparser finds real places and events in
them. Some articles re-tell a happening another outlet reported (same
place and day, an amount a little different), so incidents merge across
articles. Everything is deterministic for a given ``seed``: the same call
writes the same bytes.

    python -m maps.store.synthetic 10000 corpus.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

NEAR_KM = 40.0  # towns this close to the line
US_ABBREVIATIONS = {"Arizona": "Ariz.", "California": "Calif.", "New Mexico": "N.M.", "Texas": "Texas"}
OUTLETS = ("Border Desk Test Wire", "Frontera Synthetic Daily", "Desert Line Example Post",
           "Río Bravo Sample Times", "Sonoran Corridor Test News")
DRUGS_EN = ("methamphetamine", "fentanyl pills", "cocaine", "marijuana", "heroin")
DRUGS_ES = ("metanfetamina", "fentanilo", "cocaína", "marihuana", "heroína")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")

# One happening a paragraph tells: kind → (English, Spanish, amount range).
# {where} is a town as written, {port} its port of entry, {n} an amount, {on} the day.
HAPPENINGS = {
    "drugs": (
        "Officers at the {port} seized {n} pounds of {drug} hidden in a pickup truck {on}, the agency said. "
        "The driver, a resident of {where}, was turned over to investigators.",
        "Agentes aseguraron {n} kilos de {drug} en la garita {port} {on}, informaron las autoridades. "
        "El conductor quedó a disposición del Ministerio Público.",
        (20, 900),
    ),
    "migrants": (
        "Agents near {where} rescued {n} migrants who had crossed the desert on foot {on}. "
        "Several were treated for dehydration before being taken to a processing center.",
        "Agentes rescataron a {n} migrantes cerca de {where} {on}, tras cruzar el desierto a pie.",
        (3, 120),
    ),
    "guns": (
        "Inspectors at the {port} found {n} rifles and ammunition headed to Mexico in a southbound car {on}. "
        "Federal agents said the weapons had been bought in several states.",
        "Autoridades aseguraron {n} armas largas y cartuchos en {where} {on}, con destino a México.",
        (2, 60),
    ),
    "violence": (
        "Gunmen opened fire on a house in {where} {on}, and {n} people were killed, police said. "
        "No arrests had been announced by evening.",
        "Un ataque armado en {where} dejó {n} personas asesinadas {on}, según la fiscalía del estado.",
        (1, 9),
    ),
    "cash": (
        "Officers at the {port} seized ${n},000 in bulk cash from a southbound traveler {on}. "
        "The money was hidden inside the spare tire.",
        "Agentes decomisaron {n} mil dólares en efectivo en {where} {on}.",
        (15, 700),
    ),
}
FILLER_EN = (
    "Local officials said traffic at the crossing returned to normal later in the day.",
    "The case remains under investigation, a spokesperson said.",
    "Residents said the area has seen more patrols in recent weeks.",
    "Community groups asked for more information about the people detained.",
    "The agency did not say whether the cases were connected.",
)
FILLER_ES = (
    "Las autoridades locales dijeron que el cruce volvió a la normalidad más tarde.",
    "El caso sigue bajo investigación, dijo un vocero.",
    "Vecinos de la zona dijeron que los patrullajes aumentaron en las últimas semanas.",
)


@dataclass(frozen=True, slots=True)
class _Town:
    name: str  # as written: "Douglas, Ariz." or "Agua Prieta, Sonora"
    port: str  # the nearest port of entry's name


@dataclass(frozen=True, slots=True)
class _Happening:
    kind: str
    town: _Town
    when: dt.date
    n: int


def _towns(gazetteer) -> list[_Town]:
    ports = {p.id: p.name for p in gazetteer.by_kind("port_of_entry")}
    towns = []
    for kind in ("city", "town"):
        for place in gazetteer.by_kind(kind):
            if place.border_km is None or place.border_km > NEAR_KM or not place.admin1:
                continue
            port = ports.get(place.nearest_port or "")
            if port:
                state = US_ABBREVIATIONS.get(place.admin1, place.admin1) if place.country == "US" \
                    else place.admin1
                towns.append(_Town(f"{place.name}, {state}", port))
    towns.sort(key=lambda t: t.name)
    return towns


def synthetic_articles(count: int, *, seed: int = 0, gazetteer=None, start: str = "2024-01-01",
                       per_day: int = 50, retold: float = 0.2) -> Iterator[dict]:
    """``count`` article records (``id``, ``url``, ``title``, ``published``,
    ``source``, ``lang``, ``text``), as a feed archive has them: in order of
    publication, ``per_day`` a day, each telling one to three happenings of
    the last days (now and then of a few weeks before); a share ``retold``
    re-tells a happening a recent article reported."""
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    towns = _towns(gazetteer)
    rng = random.Random(seed)
    first = dt.date.fromisoformat(start)
    recent: list[_Happening] = []
    for number in range(count):
        published = first + dt.timedelta(days=number // per_day)
        happenings = []
        if recent and rng.random() < retold:
            old = rng.choice(recent)
            n = max(1, round(old.n * rng.uniform(0.92, 1.08)))
            happenings.append(_Happening(old.kind, old.town, old.when, n))
        kinds = rng.sample(sorted(set(HAPPENINGS) - {h.kind for h in happenings}), 3)
        for kind in kinds[:rng.randint(1, 3) - len(happenings)]:
            low, high = HAPPENINGS[kind][2]
            back = rng.randint(0, 3) if rng.random() < 0.9 else rng.randint(7, 40)
            happening = _Happening(kind, rng.choice(towns), published - dt.timedelta(days=back),
                                   rng.randint(low, high))
            happenings.append(happening)
            recent.append(happening)
        del recent[:-per_day]
        yield _article(number, happenings, published, rng.random() < 0.3, rng, seed)


def _article(number: int, happenings: list[_Happening], published: dt.date, spanish: bool, rng,
             seed: int) -> dict:
    paragraphs = []
    for happening in happenings:
        english, castellano, _range = HAPPENINGS[happening.kind]
        fields = {"where": happening.town.name, "port": happening.town.port, "n": happening.n,
                  "on": _on(happening.when, published, spanish),
                  "drug": rng.choice(DRUGS_ES if spanish else DRUGS_EN)}
        if spanish:
            fields["port"] = happening.town.port.replace(" Port of Entry", "")
        paragraphs.append((castellano if spanish else english).format(**fields))
    paragraphs.append(" ".join(rng.sample(FILLER_ES if spanish else FILLER_EN, 2)))
    main = happenings[0].town.name.split(",")[0]
    text = f"{main.upper()} — " + "\n\n".join(paragraphs) + "\n"
    outlet = rng.choice(OUTLETS)
    slug = f"{seed}-{number:06d}"
    return {
        "id": f"syn-{slug}", "url": f"https://example.test/{outlet.split()[0].lower()}/{slug}",
        "title": f"{main}: {happenings[0].kind} report {number}", "published": published.isoformat(),
        "source": outlet, "lang": "es" if spanish else "en", "text": text,
    }


def _on(when: dt.date, published: dt.date, spanish: bool) -> str:
    """How an article dated ``published`` says the day ``when``."""
    gap = (published - when).days
    if gap == 0:
        return "hoy" if spanish else "today"
    if gap < 7:
        return f"el {WEEKDAYS_ES[when.weekday()]}" if spanish else f"on {WEEKDAYS_EN[when.weekday()]}"
    if spanish:
        return f"el {when.day} de {MONTHS_ES[when.month - 1]}"
    return f"on {MONTHS_EN[when.month - 1]} {when.day}"


def write_jsonl(path, count: int, **options) -> Path:
    """Write ``count`` synthetic articles to a JSONL file; returns its path."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for record in synthetic_articles(count, **options):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


if __name__ == "__main__":  # python -m maps.store.synthetic COUNT OUT.jsonl [SEED]
    write_jsonl(sys.argv[2], int(sys.argv[1]), seed=int(sys.argv[3]) if len(sys.argv) > 3 else 0)
