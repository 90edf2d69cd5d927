"""The Gazetteer: names and places of the US–Mexico border region, offline."""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import store
from .errors import InvalidCoordinateError, NoMatchError
from .index import open_index
from .model import BorderContext, Candidate, NameMatch, Place, TwinCity
from .names import fold
from .ranking import QUALIFIER_KINDS, Qualifier, rank

_DEFAULT: Gazetteer | None = None
SHAPE_CACHE_SIZE = 2048  # parsed geometries kept (they are immutable)
_DEFAULT_LOCK = threading.Lock()


def check_coordinate(lat, lon) -> tuple[float, float]:
    """Latitude and longitude as floats, or InvalidCoordinateError."""
    try:
        y, x = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidCoordinateError(
            f"latitude and longitude must be numbers, got {lat!r}, {lon!r}") from None
    if not (math.isfinite(y) and math.isfinite(x)):
        raise InvalidCoordinateError(f"latitude and longitude must be finite, got {lat!r}, {lon!r}")
    if not -90.0 <= y <= 90.0:
        raise InvalidCoordinateError(f"latitude {y} is outside -90..90")
    if not -180.0 <= x <= 180.0:
        raise InvalidCoordinateError(f"longitude {x} is outside -180..180")
    return y, x


class Gazetteer:
    """Look places up by name and points up by position.

    Names are looked up in a local index built once per data version;
    geometries and the spatial index load on the first spatial question.
    Places added with ``add_places`` live in memory beside the packaged ones.
    """

    def __init__(self, data_dir: str | Path | None = None):
        self.data_dir = Path(data_dir) if data_dir else store.data_dir()
        self._db = open_index(self.data_dir)
        self._cache: dict[int, Place] = {}
        self._by_id: dict[str, Place] = {}
        self._extra: dict[str, Place] = {}
        self._extra_names: dict[str, list[NameMatch]] = {}
        self._extra_shapes: dict[str, object] = {}
        self._border_index = None
        self._shape_cache: dict[str, object] = {}
        self._twins: list[TwinCity] | None = None
        self._kind_points: dict[str, tuple[list[Place], list[float], list[float]]] = {}
        self._lock = threading.Lock()

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer, loaded once per process."""
        global _DEFAULT
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = cls()
            return _DEFAULT

    # -- places ------------------------------------------------------------

    def _place(self, n: int, row: str) -> Place:
        place = self._cache.get(n)
        if place is None:
            place = store.place_from_row(row.split("\t"))
            self._cache[n] = place
        return place

    def get(self, place_id: str) -> Place | None:
        if place_id in self._extra:
            return self._extra[place_id]
        place = self._by_id.get(place_id)
        if place is None:
            found = self._db.execute("SELECT n, row FROM places WHERE id = ?", (place_id,)).fetchone()
            if found is None:
                return None
            place = self._by_id[place_id] = self._place(*found)
        return place

    def __getitem__(self, place_id: str) -> Place:
        place = self.get(place_id)
        if place is None:
            raise KeyError(place_id)
        return place

    def __contains__(self, place_id: object) -> bool:
        return isinstance(place_id, str) and self.get(place_id) is not None

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM places").fetchone()[0] + len(self._extra)

    def __iter__(self) -> Iterator[Place]:
        for n, row in self._db.execute("SELECT n, row FROM places ORDER BY n"):
            yield self._place(n, row)
        yield from self._extra.values()

    def by_kind(self, kind: str) -> list[Place]:
        rows = self._db.execute("SELECT n, row FROM places WHERE kind = ? ORDER BY n", (kind,))
        return [self._place(n, row) for n, row in rows] + [
            p for p in self._extra.values() if p.kind == kind]

    # -- names -------------------------------------------------------------

    def lookup(self, name: str) -> list[NameMatch]:
        """Every place with a name that folds like ``name`` (no ranking)."""
        key = fold(name)
        rows = self._db.execute(
            "SELECT p.n, p.row, k.form, k.how FROM names k JOIN places p ON p.n = k.n WHERE k.key = ?",
            (key,),
        ).fetchall()
        matches = [NameMatch(self._place(n, row), form, how) for n, row, form, how in rows]
        return matches + self._extra_names.get(key, [])

    def name_forms(self) -> Iterator[tuple[str, str, str, str, str | None, int | None]]:
        """Every written form: (form, how, place id, kind, country,
        population), for matchers that scan text for all names at once."""
        rows = self._db.execute(
            "SELECT k.form, k.how, p.id, p.kind, p.country, p.population"
            " FROM names k JOIN places p ON p.n = k.n")
        yield from rows
        for matches in self._extra_names.values():
            for m in matches:
                p = m.place
                yield m.form, m.how, p.id, p.kind, p.country, p.population

    @property
    def version(self) -> str:
        """Identifies the data (and the user's added places) for caches: two
        sets of added places differ in version even when they are as many."""
        from .index import data_version

        return data_version(self.data_dir) + self._extra_version()

    def _extra_version(self) -> str:
        """The added places' count and a digest of what name matching reads of them."""
        if not self._extra:
            return ""
        import hashlib

        rows = sorted(repr((p.id, p.name, p.aliases, p.abbreviations, p.kind, p.country, p.population))
                      for p in self._extra.values())
        digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:12]
        return f"+{len(rows)}-{digest}"

    def _qualifier(self, text: str) -> Qualifier | None:
        places = tuple(m.place for m in self.lookup(text) if m.place.kind in QUALIFIER_KINDS)
        return Qualifier(text.strip(), places) if places else None

    def search(self, query: str, limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a place description such as "Nogales, Ariz.",
        "Naco" or "Nogales Sonora". Qualifiers after commas (or trailing
        state/country words) restrict the side and state."""
        text = query.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        whole = self.lookup(text)
        if whole:
            return rank(whole, text, [])[:limit]
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) > 1:
            head, quals = parts[0], [self._qualifier(q) for q in parts[1:]]
            known = [q for q in quals if q is not None]
            if len(known) == len(quals):
                return self._qualified(self.lookup(head), head, known, limit)
            return []
        words = text.split()
        for cut in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            qualifier = self._qualifier(tail)
            if qualifier is not None:
                matches = self.lookup(head)
                if matches:
                    return self._qualified(matches, head, [qualifier], limit)
        return []

    @staticmethod
    def _qualified(matches, head, qualifiers, limit) -> list[Candidate]:
        """Only places every qualifier admits: "Ojinaga, Tex." is no match."""
        admitted = [m for m in matches if all(q.admits(m.place) for q in qualifiers)]
        return rank(admitted, head, qualifiers)[:limit]

    def geocode(self, query: str) -> Candidate:
        """The best candidate for ``query``, or NoMatchError with suggestions."""
        found = self.search(query, limit=1)
        if not found:
            raise NoMatchError(query, self.suggest(query))
        return found[0]

    def suggest(self, text: str, limit: int = 5) -> tuple[str, ...]:
        """Labels of places whose names are closest to ``text`` (for typos)."""
        from rapidfuzz import fuzz, process

        head = text.split(",")[0]
        keys = self._name_keys()
        hits = process.extract(fold(head), keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=70)
        labels: list[str] = []
        for key, _, _ in hits:
            for candidate in rank(self.lookup(key), key, [])[:2]:
                label = candidate.place.label
                if label not in labels:
                    labels.append(label)
        return tuple(labels[:limit])

    def _name_keys(self) -> list[str]:
        keys = getattr(self, "_keys", None)
        if keys is None:
            keys = [k for (k,) in self._db.execute("SELECT DISTINCT key FROM names")]
            keys.extend(self._extra_names)
            self._keys = keys
        return keys

    # -- adding places -----------------------------------------------------

    def add_places(self, places: Iterable[Place], shapes: dict | None = None) -> int:
        """Add the user's own places (they rank like packaged ones)."""
        count = 0
        for place in places:
            self._extra[place.id] = place
            for form, how in ((place.name, "name"), *((a, "alias") for a in place.aliases),
                              *((a, "abbreviation") for a in place.abbreviations)):
                self._extra_names.setdefault(fold(form), []).append(NameMatch(place, form, how))
            count += 1
        self._extra_shapes.update(shapes or {})
        self._keys = None
        self._kind_points.clear()
        return count

    def load_places_file(self, path: str | Path) -> int:
        """Add places from a CSV or GeoJSON file; see ``gazetteer.userplaces``."""
        from .userplaces import read_places_file

        places, shapes = read_places_file(path)
        return self.add_places(places, shapes)

    def twin_cities(self) -> list[TwinCity]:
        """The pairs of towns facing each other across the line."""
        if self._twins is None:
            self._twins = store.read_twin_cities(self.data_dir / store.TWINS_FILE)
        return list(self._twins)

    # -- geometry and space -------------------------------------------------

    def geometry(self, place_id: str):
        """The place's shapely geometry: polygon, line, or its point."""
        import shapely

        if place_id in self._extra_shapes:
            return self._extra_shapes[place_id]
        cached = self._shape_cache.get(place_id)
        if cached is not None:
            return cached
        found = self._db.execute("SELECT wkb FROM shapes WHERE id = ?", (place_id,)).fetchone()
        if found:
            geom = shapely.from_wkb(found[0])
            if len(self._shape_cache) >= SHAPE_CACHE_SIZE:
                self._shape_cache.clear()
            self._shape_cache[place_id] = geom
            return geom
        place = self[place_id]
        return shapely.Point(place.lon, place.lat)

    def geometries(self, place_ids: Iterable[str]) -> dict[str, object]:
        return {pid: self.geometry(pid) for pid in place_ids}

    def border_index(self):
        with self._lock:
            if self._border_index is None:
                from .spatial import BorderIndex

                kinds = ("state", "county", "municipality", "sector", "country",
                         "port_of_entry", "border_segment")
                places = [p for kind in kinds for p in self.by_kind(kind)]
                shaped = {p.id: self.geometry(p.id) for p in places if p.has_shape}
                self._border_index = BorderIndex(places, shaped)
            return self._border_index

    def reverse(self, lat, lon, ports: int = 3) -> BorderContext:
        """Side, state, county or municipio, sector, nearest ports and the
        distance to the border of one point."""
        y, x = check_coordinate(lat, lon)
        return self.border_index().context(y, x, ports=ports)

    def reverse_many(self, lats, lons, ports: int = 3) -> list[BorderContext]:
        """``reverse`` for many points at once (vectorised)."""
        import numpy as np

        lats = np.asarray(lats, dtype=float)
        lons = np.asarray(lons, dtype=float)
        bad = ~(np.isfinite(lats) & np.isfinite(lons) & (np.abs(lats) <= 90) & (np.abs(lons) <= 180))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            check_coordinate(lats[i], lons[i])
        return self.border_index().contexts(lats, lons, ports=ports)

    def nearest(self, lat, lon, kind: str | None = None, limit: int = 5) -> list[tuple[Place, float]]:
        """Places (optionally of one kind) nearest to a point, with km."""
        from .projection import haversine_matrix_km

        y, x = check_coordinate(lat, lon)
        if kind:
            pool, lats, lons = self._points_of_kind(kind)
        else:
            pool = list(self)
            lats, lons = [p.lat for p in pool], [p.lon for p in pool]
        if not pool:
            return []
        km = haversine_matrix_km([y], [x], lats, lons)[0]
        order = km.argsort()[:limit]
        return [(pool[i], round(float(km[i]), 2)) for i in order]

    def _points_of_kind(self, kind: str) -> tuple[list[Place], list[float], list[float]]:
        """The places of one kind and their coordinates, kept: the geoparser
        asks for the nearest port or station article after article. Adding
        places drops them."""
        found = self._kind_points.get(kind)
        if found is None:
            pool = self.by_kind(kind)
            found = self._kind_points[kind] = (pool, [p.lat for p in pool], [p.lon for p in pool])
        return found

    # -- summary -----------------------------------------------------------

    def stats(self) -> dict:
        import json

        manifest = json.loads((self.data_dir / store.MANIFEST_FILE).read_text(encoding="utf-8"))
        kinds = Counter(dict(self._db.execute("SELECT kind, count(*) FROM places GROUP BY kind")))
        kinds.update(p.kind for p in self._extra.values())
        border_states = (
            "California", "Arizona", "New Mexico", "Texas", "Baja California", "Sonora",
            "Chihuahua", "Coahuila", "Nuevo León", "Tamaulipas",
        )
        settlements = sum(
            1 for p in self.by_kind("city") + self.by_kind("town") + self.by_kind("village")
            if p.admin1 in border_states and p.country in ("US", "MX")
        )
        return {
            "places": len(self),
            "by_kind": dict(sorted(kinds.items())),
            "border_state_settlements": settlements,
            "border_km": manifest["border_km"],
            "border_segments_km": manifest["border_segments_km"],
            "rivers_km": manifest["rivers_km"],
            "sources": manifest["packages"],
        }
