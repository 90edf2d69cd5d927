"""Resolution: which gazetteer place each mention means.

Candidates are ranked by the gazetteer's own rules (kind, size, distance to
the line, qualifiers such as "Naco, Ariz."), then by the document: places
near the article's other, unambiguous places win ("Nogales" in an article
about Tucson is the Arizona city), cue words pick the kind ("Nogales port of
entry" is a port), and a name keeps one sense per article unless a qualifier
says otherwise. Every mention gets a confidence and a short reason.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import NamedTuple

from gazetteer.model import NameMatch, Place
from gazetteer.projection import haversine_km
from gazetteer.ranking import (
    METRO_POPULATION,
    QUALIFIER_KINDS,
    Qualifier,
    match_score,
    name_reasons,
    qualifier_reasons,
)

from .document import Document, Mention
from .matching import fold_text
from .sentences import sentence_bounds

LOCAL_KINDS = frozenset({"city", "town", "village", "port_of_entry", "station", "checkpoint",
                         "landmark", "county", "municipality", "sector", "park", "region",
                         "reservation", "desert", "mountain"})
POINT_LIKE = frozenset({"city", "town", "village", "port_of_entry", "station", "checkpoint", "landmark",
                        "county", "municipality"})
LINE_KINDS = frozenset({"river", "road"})
CONTEXT_WEIGHT = 3.0
CONTEXT_KM = 150.0
SIDE_WEIGHT = 1.5
CUE_WEIGHT = 4.0
CUE_SEARCH_KM = 40.0
ANCHOR_GAP = 1.5
LINE_ANCHOR_DEG = 0.6  # a town this close to a river or road can place it
# Areas that can say which stretch of a river or road is meant, smallest first.
STRETCH_AREAS = ("municipality", "county", "state")
STRETCH_MARGIN_DEG = 0.02  # about 2 km: a river that is the area's boundary still runs "in" it
NEARBY_CHARS = 300
US_AGENCY = re.compile(r"\b(?:Border Patrol|Patrulla Fronteriza)\b", re.IGNORECASE)
AGENCY_WEIGHT = 2.0
TWIN_KINDS = frozenset({"city", "town", "village"})
SMALL_POPULATION = 50_000  # a city of a million keeps its name against a village near the story this small
QUALIFIED_SENSE = 6.0  # a qualified mention's sense counts this much more for the bare ones
DATELINE_SENSE = 6.0  # and a qualified dateline's more again
KM_PER_DEGREE = 111.0  # close enough for "is this road near that town"


class Sense(NamedTuple):
    """One place a mention can mean, under one of its names, with what the
    place and the name say for it (the reasons no qualifier changes)."""

    place: Place
    match: NameMatch
    reasons: tuple[str, ...]


class Resolver:
    def __init__(self, gazetteer):
        self.gaz = gazetteer
        # One Sense per gazetteer entry, made when first met: names recur article after article.
        self._senses: dict[tuple, Sense] = {}
        # Per-pair geometry, by place ids: the same pairs recur article after article.
        self._line_distance: dict[tuple[str, str], float] = {}
        self._line_point: dict[tuple[str, str], tuple[float, float]] = {}
        self._km: dict[tuple[str, str], float] = {}
        self._folded: dict[str, str] = {}
        self._road_ends: set[int] = set()  # of the document being resolved
        self._final: list = []  # of the document being resolved: each mention's ranked options

    def _folded_name(self, place: Place) -> str:
        folded = self._folded.get(place.id)
        if folded is None:
            folded = self._folded[place.id] = fold_text(place.name)
        return folded

    def _distance_to_line(self, line_id: str, line, place: Place) -> float:
        """Degrees from a town to a river or road."""
        key = (line_id, place.id)
        found = self._line_distance.get(key)
        if found is None:
            import shapely

            found = keep(self._line_distance, key, line.distance(shapely.Point(place.lon, place.lat)))
        return found

    def _point_on_line(self, line_id: str, line, place: Place) -> tuple[float, float]:
        """The point of a river or road nearest a town."""
        key = (line_id, place.id)
        found = self._line_point.get(key)
        if found is None:
            import shapely
            from shapely.ops import nearest_points

            on_line = nearest_points(line, shapely.Point(place.lon, place.lat))[0]
            found = keep(self._line_point, key, (round(on_line.y, 5), round(on_line.x, 5)))
        return found

    def _km_between(self, place: Place, other: Place) -> float:
        key = (place.id, other.id)
        found = self._km.get(key)
        if found is None:
            found = keep(self._km, key, haversine_km(place.lat, place.lon, other.lat, other.lon))
        return found

    def __call__(self, doc: Document) -> Document:
        mentions = doc.mentions
        if not mentions:
            return doc
        options = [self._options(m) for m in mentions]
        qualifiers, qualifying = self._qualifiers(doc.text, mentions, options)
        for j in qualifying:  # "Sonora" in "Nogales, Sonora" is the state
            admin = [o for o in options[j] if o.place.kind in QUALIFIER_KINDS]
            options[j] = admin or options[j]
        first = self._ranked(mentions, options, qualifiers, qualifying)
        self._agency_side(doc.text, mentions, first, qualifiers)
        anchors = self._anchors(mentions, first, qualifiers)
        self._starts = [m.start for m in mentions]
        final = []
        for i, (mention, ranked) in enumerate(zip(mentions, first)):
            final.append(self._rescore(i, mention, ranked, anchors))
        self._one_sense(doc.text, mentions, final, qualifiers)
        self._coupled_kinds(doc.text, mentions, final, qualifiers)
        self._road_ends = road_ends(doc.text, mentions, final)
        self._final = final
        for i, (mention, ranked) in enumerate(zip(mentions, final)):
            self._fill(doc, i, mention, ranked, anchors, qualifiers.get(i, []))
        return doc

    # -- candidates --------------------------------------------------------

    def _options(self, mention: Mention) -> list[Sense]:
        out = []
        for entry in mention.candidates:
            place = self.gaz.get(entry[0])
            if place is None:
                continue
            sense = self._senses.get(entry)
            if sense is None or sense.place is not place:  # a place added since under that id
                match = NameMatch(place, entry[2], entry[1])
                sense = keep(self._senses, entry, Sense(place, match, name_reasons(match)))
            out.append(sense)
        if mention.cue == "county" and not any(o.place.kind == "county" for o in out):
            # "el condado de Cochise": the county is written "Cochise County"
            for match in self.gaz.lookup(f"{mention.text} County"):
                if match.place.kind == "county":
                    out.append(Sense(match.place, match, name_reasons(match)))
        return out

    @staticmethod
    def _qualifiers(text: str, mentions: list[Mention], options):
        """"Nogales, Sonora, Mexico": Sonora and Mexico qualify Nogales."""
        qualifiers: dict[int, list[Qualifier]] = defaultdict(list)
        qualifying: set[int] = set()
        for i in range(len(mentions)):
            j = i + 1
            head = i
            while j < len(mentions):
                gap = text[mentions[j - 1].end:mentions[j].start]
                if gap.strip() != ",":
                    break
                admin = tuple(o.place for o in options[j] if o.place.kind in QUALIFIER_KINDS)
                qualifier = Qualifier(mentions[j].text, admin)
                if not admin or not any(qualifier.admits(o.place) for o in options[head]):
                    break  # "Nogales, Agua Prieta y San Luis": a list, not a qualifier
                if _ends_a_list_of_its_kind(text, mentions, options, j):
                    break  # "Nuevo León, Coahuila y Tamaulipas": three states, not a town in Coahuila
                qualifiers[head].append(qualifier)
                qualifying.add(j)
                j += 1
        return qualifiers, qualifying

    def _ranked(self, mentions, options, qualifiers, qualifying) -> list[list[tuple]]:
        """Each mention's options ranked; once for all the unqualified
        mentions of one name written alike (the ranking is the same)."""
        out = []
        by_name: dict[tuple, list[tuple]] = {}
        for i, (mention, opts) in enumerate(zip(mentions, options)):
            quals = qualifiers.get(i)
            if quals:
                out.append(self._rank(mention, opts, quals))
                continue
            key = (mention.text, mention.cue, i in qualifying, mention.candidates)
            ranked = by_name.get(key)
            if ranked is None:
                ranked = by_name[key] = self._rank(mention, opts, [])
            out.append(ranked)
        return out

    @staticmethod
    def _rank(mention: Mention, opts: list[Sense], quals: list[Qualifier]):
        """(score, extra reasons, place, sense) per place, best first."""
        best: dict[str, tuple] = {}
        for sense in opts:
            place = sense.place
            score = match_score(sense.match, mention.text, quals)
            if mention.cue and place.kind == mention.cue:
                score += CUE_WEIGHT
            if mention.cue == "municipality" and place.kind != "municipality":
                score -= 1.0
            current = best.get(place.id)
            if current is None or score > current[0]:
                best[place.id] = (score, [], place, sense)
        return sorted(best.values(), key=lambda t: (-t[0], t[2].id))

    @staticmethod
    def _agency_side(text: str, mentions, ranked, qualifiers) -> None:
        """A town on both sides of the line ("Sasabe", "Naco", "Tecate"), in a
        sentence about the Border Patrol, which works on the US side: the US
        town, unless a qualifier says otherwise."""
        for i, options in enumerate(ranked):
            if i in qualifiers or len(options) < 2:
                continue
            sides = {o[2].side for o in options[:3] if o[2].kind in TWIN_KINDS}
            if sides != {"US", "MX"}:
                continue
            lo, hi = sentence_bounds(text, mentions[i].start)
            if not US_AGENCY.search(text, lo, hi):
                continue
            ranked[i] = sorted(
                [(score + AGENCY_WEIGHT, [*why, "the Border Patrol's side"], place, sense)
                 if place.side == "US" and place.kind in TWIN_KINDS else (score, why, place, sense)
                 for score, why, place, sense in options], key=lambda t: (-t[0], t[2].id))

    @staticmethod
    def _anchors(mentions, ranked, qualifiers) -> list[tuple[int, Place, float]]:
        """Confidently resolved local places: (first mention index, place,
        weight), one per place."""
        out: dict[str, tuple[int, Place, float]] = {}
        for i, options in enumerate(ranked):
            if not options:
                continue
            score, _, place, _ = options[0]
            if place.kind not in LOCAL_KINDS:
                continue
            gap = score - options[1][0] if len(options) > 1 else 99.0
            if i in qualifiers or gap >= ANCHOR_GAP:
                weight = 2.0 if i in qualifiers else 1.0
                if place.id not in out or out[place.id][2] < weight:
                    out[place.id] = (out.get(place.id, (i,))[0], place, weight)
        return list(out.values())

    def _rescore(self, i: int, mention: Mention, ranked, anchors):
        if len(ranked) < 2 or not anchors or ranked[0][0] - ranked[1][0] > CONTEXT_WEIGHT:
            return ranked  # the article's other places cannot change this choice
        key = fold_text(mention.text)
        others = [a for j, a, _w in anchors if j != i and self._folded_name(a) != key]
        if not others:
            return ranked
        # Places named close by in the text say more than places far away.
        nearness = {a.id: text_nearness(abs(self._starts[j] - mention.start)) for j, a, _w in anchors}
        out = []
        for score, reasons, place, sense in ranked:
            if place.kind in LINE_KINDS and place.has_shape:
                line = self.gaz.geometry(place.id)
                near = [(KM_PER_DEGREE * self._distance_to_line(place.id, line, a), a) for a in others]
            elif place.kind in LOCAL_KINDS:
                near = [(self._km_between(place, a), a) for a in others if a.id != place.id]
            else:
                near = []
            if near:
                bonus, km, anchor = max(
                    (CONTEXT_WEIGHT * math.exp(-d / CONTEXT_KM) * nearness[a.id], d, a) for d, a in near)
                if bonus > 0.3:
                    score += bonus
                    reasons = [*reasons, f"{km:.0f} km from {anchor.name}"]
                # Twin towns are equally near everything: the side the article's
                # nearby places are on decides ("Nogales" among Tubac and Rio Rico).
                same_side = [a for d, a in near if d <= CONTEXT_KM and a.side in ("US", "MX")]
                if place.side in ("US", "MX") and same_side:
                    share = sum(a.side == place.side for a in same_side) / len(same_side)
                    score += SIDE_WEIGHT * share
                    if share > 0.5:
                        reasons = [*reasons, f"on the {place.side} side like the article's places nearby"]
            out.append((score, reasons, place, sense))
        out.sort(key=lambda t: (-t[0], t[2].id))
        famous = ranked[0][2]
        if (out[0][2] is not famous and ((famous.population or 0) >= METRO_POPULATION or famous.capital)
                and (out[0][2].population or 0) < SMALL_POPULATION):
            # "gun shops in San Antonio" in an article about Monterrey: the Texas city
            out = [o for o in out if o[2] is famous] + [o for o in out if o[2] is not famous]
        return out

    @staticmethod
    def _one_sense(text: str, mentions, final, qualifiers) -> None:
        """An unqualified name means what it meant where it was clearest; the
        dateline's sense first ("NOGALES, Ariz." over a later "Nogales,
        Sonora": a bare "Nogales" is the Arizona city)."""
        groups: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            if final[i]:
                groups[fold_text(m.text)].append(i)
        for indexes in groups.values():
            if len(indexes) < 2 or all(i in qualifiers or len(final[i]) < 2 for i in indexes):
                continue  # only an unqualified mention with another option can change
            totals: dict[str, float] = defaultdict(float)
            for i in indexes:
                for score, _, place, _ in final[i][:3]:
                    if place is final[i][0][2]:
                        totals[place.id] += (QUALIFIED_SENSE if i in qualifiers else 0) + (
                            DATELINE_SENSE if i in qualifiers and at_line_start(text, mentions[i]) else 0)
                    totals[place.id] += score
            winner = max(totals, key=totals.get)
            for i in indexes:
                if i in qualifiers:
                    continue
                for k, option in enumerate(final[i]):
                    if option[2].id == winner and k > 0:
                        score, reasons, place, sense = option
                        why = [*reasons, "same name as elsewhere in the article"]
                        promoted = (final[i][0][0] + 0.01, why, place, sense)
                        final[i] = [promoted, *[o for o in final[i] if o[2].id != winner]]
                        break

    @staticmethod
    def _coupled_kinds(text: str, mentions, final, qualifiers) -> None:
        """"los gobiernos de México y Estados Unidos", "Michoacán, Guerrero y
        Guatemala": a name listed with a country or a state is one too, not
        its capital or a town of that name ("Chihuahua, Chihuahua" is a
        city and its state: a qualifier, not a list)."""
        for i in range(len(mentions) - 1):
            if not _LISTED_WITH.fullmatch(text[mentions[i].end:mentions[i + 1].start]):
                continue
            for a, b in ((i, i + 1), (i + 1, i)):
                if a == i and a in qualifiers:
                    continue
                if not final[b] or not final[a]:
                    continue
                kind = final[b][0][2].kind
                if kind not in ("country", "state") or final[a][0][2].kind == kind:
                    continue
                for k, option in enumerate(final[a]):
                    if k > 0 and option[2].kind == kind:
                        score, reasons, place, sense = option
                        promoted = (final[a][0][0] + 0.01, [*reasons, f"named with a {kind}"], place, sense)
                        final[a] = [promoted, *[o for o in final[a] if o[2].id != place.id]]
                        break

    # -- output ------------------------------------------------------------

    def _fill(self, doc: Document, i: int, mention: Mention, ranked, anchors, quals) -> None:
        if not ranked:
            mention.reason = "no gazetteer entry fits"
            return
        score, extra, place, sense = ranked[0]
        reasons = [*qualifier_reasons(place, quals), *sense.reasons, *extra]
        if mention.cue in ("port_of_entry", "station", "checkpoint") and place.kind != mention.cue:
            lat, lon, _ = self._point(doc, i, place, anchors)
            nearby = self.gaz.nearest(lat, lon, kind=mention.cue, limit=1)
            if nearby and nearby[0][1] <= CUE_SEARCH_KM:
                reasons = [*reasons, f"'{mention.cue.replace('_', ' ')}' after the name: nearest one"]
                place = nearby[0][0]
        weights = [math.exp(min(50.0, option[0] - score)) for option in ranked]
        mention.confidence = round(1.0 / sum(weights), 3)
        mention.place_id = place.id
        mention.name = place.name
        mention.feature = place.kind
        mention.admin1 = place.admin1
        mention.country = place.country
        mention.lat, mention.lon, anchor = self._point(doc, i, place, anchors)
        if place.country is None and anchor is not None:
            mention.country = anchor.country  # a river takes the side of the town it is placed by
        if place.kind == "port_of_entry" and called_in_spanish(doc.text, mention):
            mention.country = "MX"  # "Puente Internacional Reynosa-Pharr": the Mexican side's facility
        alternatives = len(ranked) - 1
        mention.reason = "; ".join(reasons[:4]) + (f" (best of {alternatives + 1})" if alternatives else "")

    def _point(self, doc: Document, i: int, place: Place, anchors) -> tuple[float, float, Place | None]:
        """A representative point; for a river or road, the point of it
        nearest the town the same sentence names (else the article's main
        town), and that town, whose side the mention takes."""
        if place.kind not in LINE_KINDS or not place.has_shape:
            return place.lat, place.lon, None
        line = self.gaz.geometry(place.id)
        mention = doc.mentions[i]
        lo, hi = sentence_bounds(doc.text, mention.start)
        near_line = []
        for j, anchor, _w in anchors:
            if anchor.kind not in POINT_LIKE:
                continue
            if self._distance_to_line(place.id, line, anchor) <= LINE_ANCHOR_DEG:
                near_line.append((j, anchor))
        # The towns that name a road's ends are no clue to where along a line this is.
        close = [a for a in near_line if a[0] not in self._road_ends]
        same_sentence = [a for a in close if lo <= doc.mentions[a[0]].start < hi]
        nearby = [a for a in close if abs(doc.mentions[a[0]].start - mention.start) <= NEARBY_CHARS]
        if same_sentence or nearby:
            _, anchor = min(same_sentence or nearby,
                            key=lambda a: abs(doc.mentions[a[0]].start - mention.start))
        elif near_line:
            counts: dict[str, int] = defaultdict(int)
            for _, a in near_line:
                counts[a.id] += 1
            _, anchor = max(near_line, key=lambda a: (counts[a[1].id], -a[0]))
        else:
            # No town to place it by: a county, municipio or state the same
            # sentence names says which stretch ("the Río Bravo, Tamaulipas").
            for area in self._areas_named(doc, lo, hi):
                middle = self._middle_in_area(place.id, line, area)
                if middle is not None:
                    return *middle, area
            return place.lat, place.lon, None
        return *self._point_on_line(place.id, line, anchor), anchor

    def _areas_named(self, doc: Document, lo: int, hi: int) -> list[Place]:
        """The counties, municipios and states named between ``lo`` and
        ``hi`` as resolved so far, smallest kind first."""
        found = []
        for j, m in enumerate(doc.mentions):
            if lo <= m.start < hi and self._final[j]:
                place = self._final[j][0][2]
                if place.kind in STRETCH_AREAS and place.has_shape and place not in found:
                    found.append(place)
        return sorted(found, key=lambda p: STRETCH_AREAS.index(p.kind))

    def _middle_in_area(self, line_id: str, line, area: Place) -> tuple[float, float] | None:
        """The middle of the longest stretch of a river or road within an
        area, or None when it does not run there."""
        key = (line_id, area.id)
        if key in self._line_point:
            return self._line_point[key]
        shape = self.gaz.geometry(area.id)
        pieces = line.intersection(shape.buffer(STRETCH_MARGIN_DEG))
        parts = [g for g in getattr(pieces, "geoms", [pieces])
                 if g.geom_type == "LineString" and g.length > 0]
        found = None
        if parts:
            middle = max(parts, key=lambda g: g.length).interpolate(0.5, normalized=True)
            found = (round(middle.y, 5), round(middle.x, 5))
        return keep(self._line_point, key, found)


def at_line_start(text: str, mention: Mention) -> bool:
    return mention.start == 0 or text[mention.start - 1] == "\n"


_SPANISH_CROSSING = re.compile(r"(?:puentes?|garitas?|cruce|puerto fronterizo)\b", re.IGNORECASE)
_SPANISH_CROSSING_BEFORE = re.compile(r"(?:garitas?|puentes?)(?:\s+(?:de|internacional))?\s+$", re.IGNORECASE)


def called_in_spanish(text: str, mention: Mention) -> bool:
    """Is a crossing called by its Spanish name ("Puente Internacional
    Reynosa-Pharr", "la garita de San Luis")? News then means the Mexican
    side's facility."""
    return bool(_SPANISH_CROSSING.match(mention.text)
                or _SPANISH_CROSSING_BEFORE.search(text, max(0, mention.start - 25), mention.start))


_LISTED_WITH = re.compile(r",?\s+(?:y|e|and|or|o)\s+(?:the\s+|los\s+)?|,\s+", re.IGNORECASE)
_LIST_END = re.compile(r"\s*,?\s+(?:y|e|and|or|o)\s+$", re.IGNORECASE)


def _ends_a_list_of_its_kind(text: str, mentions: list[Mention], options, j: int) -> bool:
    """Does "and" + a place of the same kind as mention ``j`` follow it, as
    in a list of states ("Nuevo León, Coahuila y Tamaulipas")?"""
    if j + 1 >= len(mentions) or not _LIST_END.fullmatch(text[mentions[j].end:mentions[j + 1].start]):
        return False
    kinds = {o.place.kind for o in options[j] if o.place.kind in QUALIFIER_KINDS}
    return any(o.place.kind in kinds for o in options[j + 1])


def road_ends(text: str, mentions: list[Mention], final) -> set[int]:
    """The mentions that name a road's ends, as in "Carretera Federal 2
    Nuevo Laredo-Piedras Negras": right after a road, or after such a name
    and a dash."""
    ends: set[int] = set()
    for j in range(1, len(mentions)):
        gap = text[mentions[j - 1].end:mentions[j].start]
        after_road = bool(final[j - 1]) and final[j - 1][0][2].kind == "road" and not gap.strip()
        if after_road or (j - 1 in ends and gap.strip() in ("-", "–", "/")):
            ends.add(j)
    return ends


KEPT_PAIRS = 100_000  # per cache; enough for every pair a long batch repeats


def keep(cache: dict, key, value):
    """Store ``value`` in a bounded cache (emptied when full) and return it."""
    if len(cache) >= KEPT_PAIRS:
        cache.clear()
    cache[key] = value
    return value


def text_nearness(chars: int) -> float:
    """Weight of an anchor named ``chars`` characters away."""
    if chars <= NEARBY_CHARS:
        return 1.0
    if chars <= 3 * NEARBY_CHARS:
        return 0.7
    return 0.45
