"""How candidates for one name are ordered: qualifiers first ("Naco, Ariz."),
then what a bare name usually means in border news: the kind of place, its
size, how close it is to the line, and whether the name is its own."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Candidate, NameMatch, Place

KIND_PRIOR = {
    "country": 3.0, "state": 5.0, "city": 1.0, "town": 0.8, "village": 0.6,
    "port_of_entry": 1.5, "sector": 1.5, "station": 1.0, "checkpoint": 1.0,
    "border_segment": 1.5, "river": 2.5, "county": 0.4, "municipality": 0.3,
    "region": 1.0, "desert": 1.0, "park": 1.0, "reservation": 1.0, "mountain": 0.8,
    "body_of_water": 0.8, "road": 0.8, "landmark": 0.6,
}
HOW_BONUS = {"name": 1.5, "alias": 0.3, "abbreviation": 0.8, "code": 0.1}
QUALIFIER_WEIGHT = 6.0
QUALIFIER_KINDS = frozenset({"country", "state", "county", "municipality"})


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A written qualifier ("Ariz.", "Sonora, Mexico") and the places it can mean."""

    text: str
    places: tuple[Place, ...]

    def admits(self, place: Place) -> bool:
        for q in self.places:
            if q.kind == "country" and place.country == q.country:
                return True
            if q.kind == "state" and place.country == q.country and place.admin1 == q.name:
                return True
            if q.kind in ("county", "municipality") and place.admin2 == q.name and place.admin1 == q.admin1:
                return True
        return False


ON_LINE_KINDS = frozenset({"border_segment", "river", "port_of_entry"})
POPULATION_WEIGHT = 0.5
CAPITAL_BONUS = 2.0
METRO_POPULATION = 1_000_000  # a bare "Los Angeles" is the metropolis, not a namesake village
METRO_BONUS = 2.0
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
BORDER_STATE_CODES = frozenset({"CA", "AZ", "NM", "TX", "BCN", "SON", "CHH", "COA", "NLE", "TAM"})


# A town abroad gives way to a namesake in the two countries ("Santa Fe" in
# border news is New Mexico's, not Argentina's); capitals and cities of a
# million keep their names ("Paris", "Guatemala City").
FOREIGN_TOWN_PENALTY = 2.0


def border_bonus(place: Place) -> tuple[float, str | None]:
    """The gazetteer serves border news: a place near the line beats a far
    larger namesake ("Columbus" is the New Mexico village here), and a
    foreign town a namesake in the two countries."""
    if place.kind == "state":
        if BORDER_STATE_CODES.intersection(place.codes):
            return 1.0, "a border state"
        return 0.0, None
    if place.border_km is None or place.kind == "country":
        return 0.0, None
    if place.country not in ("US", "MX") and place.kind not in ON_LINE_KINDS:
        if (place.kind in SETTLEMENT_KINDS and not place.capital
                and (place.population or 0) < METRO_POPULATION):
            return -FOREIGN_TOWN_PENALTY, None
        return 0.0, None
    for limit, bonus in ((50, 3.0), (150, 2.0), (400, 1.0)):
        if place.border_km <= limit:
            return bonus, f"{place.border_km:.0f} km from the border"
    return 0.0, None


def _effective_how(match: NameMatch) -> str:
    if match.how == "alias" and match.place.source and not match.place.source.startswith("GeoNames"):
        return "name"  # the project's own recorded names are as good as the main one
    return match.how


_BASE_SCORES: dict[tuple[int, str, str, bool], tuple[Place, float]] = {}


def _base_score(match: NameMatch, exact: bool) -> float:
    """The part of a match's score that depends on the place and the name
    alone; cached, since the same names recur article after article. Kept by
    the place object, not its id (two gazetteers may hold different places
    under one id); the place is kept beside the score, so its id is not reused."""
    place = match.place
    key = (id(place), match.how, match.form, exact)
    found = _BASE_SCORES.get(key)
    if found is not None and found[0] is place:
        return found[1]
    how = _effective_how(match)
    score = KIND_PRIOR.get(place.kind, 0.5) + HOW_BONUS.get(how, 0.0) + (0.3 if exact else 0.0)
    if place.population and how != "code":  # "CA" is California here, not Canada
        score += POPULATION_WEIGHT * math.log10(place.population + 1)
    if place.capital:
        score += CAPITAL_BONUS
    elif place.kind in SETTLEMENT_KINDS and (place.population or 0) >= METRO_POPULATION:
        score += METRO_BONUS
    score += border_bonus(place)[0]
    if len(_BASE_SCORES) > 200_000:
        _BASE_SCORES.clear()
    _BASE_SCORES[key] = (place, score)
    return score


def match_score(match: NameMatch, written: str, qualifiers: list[Qualifier]) -> float:
    """How well a place fits a written name (higher is better); the reasons
    are spelled out only for the places shown (``match_reasons``)."""
    place = match.place
    score = _base_score(match, match.form == written.strip())
    for qualifier in qualifiers:
        score += QUALIFIER_WEIGHT if qualifier.admits(place) else -QUALIFIER_WEIGHT
    return round(score, 3)


def match_reasons(match: NameMatch, qualifiers: list[Qualifier]) -> tuple[str, ...]:
    return (*qualifier_reasons(match.place, qualifiers), *name_reasons(match))


def qualifier_reasons(place: Place, qualifiers: list[Qualifier]) -> list[str]:
    return [f"{'in' if q.admits(place) else 'not in'} {q.text!r}" for q in qualifiers]


def name_reasons(match: NameMatch) -> tuple[str, ...]:
    """What the place and the name say for a match, qualifiers aside: the
    same for every mention of that name, so a caller may keep them."""
    place = match.place
    reasons = [f"{match.how} {match.form!r}"]
    if place.population and _effective_how(match) != "code":
        reasons.append(f"population {place.population:,}")
    if place.capital:
        reasons.append("national capital")
    elif place.kind in SETTLEMENT_KINDS and (place.population or 0) >= METRO_POPULATION:
        reasons.append("a city of a million or more")
    why = border_bonus(place)[1]
    if why:
        reasons.append(why)
    return tuple(reasons)


def score_match(match: NameMatch, written: str, qualifiers: list[Qualifier]) -> Candidate:
    return Candidate(place=match.place, score=match_score(match, written, qualifiers),
                     reasons=match_reasons(match, qualifiers), matched=match.form)


def rank(matches: list[NameMatch], written: str, qualifiers: list[Qualifier]) -> list[Candidate]:
    """One candidate per place (its best-scoring name), best first."""
    best: dict[str, Candidate] = {}
    for match in matches:
        candidate = score_match(match, written, qualifiers)
        current = best.get(match.place.id)
        if current is None or candidate.score > current.score:
            best[match.place.id] = candidate
    return sorted(best.values(), key=lambda c: (-c.score, c.place.id))
