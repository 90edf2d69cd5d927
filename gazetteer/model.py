"""Records the gazetteer hands out: plain frozen dataclasses, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field

# Feature kinds, in the vocabulary of the annotated corpus, plus the border's
# own pieces. The order is the tie-break when two places share a name and
# nothing else tells them apart: earlier kinds are what a bare name usually
# means in border news.
FEATURE_KINDS = (
    "country",
    "state",
    "city",
    "town",
    "port_of_entry",
    "sector",
    "village",
    "county",
    "municipality",
    "river",
    "region",
    "desert",
    "park",
    "reservation",
    "mountain",
    "body_of_water",
    "road",
    "station",
    "checkpoint",
    "border_segment",
    "landmark",
)

AREA_KINDS = frozenset(
    {"country", "state", "county", "municipality", "sector", "region", "desert",
     "park", "reservation", "mountain", "body_of_water"}
)
LINE_KINDS = frozenset({"river", "road", "border_segment"})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``lat``/``lon`` is a representative point (a town's centre, an area's
    inside point); the full geometry, for areas and lines, comes from
    ``Gazetteer.geometry(place_id)``. Border context (side, distance to the
    line, sector, nearest port) is computed once when the data is built.
    """

    id: str
    name: str
    kind: str
    country: str | None
    lat: float
    lon: float
    admin1: str | None = None
    admin2: str | None = None
    population: int | None = None
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    side: str | None = None
    border_km: float | None = None
    sector: str | None = None
    nearest_port: str | None = None
    has_shape: bool = False
    capital: bool = False  # a national capital: what a bare "Washington" means
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every written form of the place: name, aliases, abbreviations."""
        return (self.name, *self.aliases, *self.abbreviations)

    @property
    def label(self) -> str:
        """A human label that tells twins apart: "Nogales, Sonora, MX"."""
        parts = [self.name]
        if self.admin1 and self.admin1 != self.name:
            parts.append(self.admin1)
        if self.country and self.kind != "country":
            parts.append(self.country)
        return ", ".join(parts)

    @property
    def __geo_interface__(self) -> dict:
        return {"type": "Point", "coordinates": (self.lon, self.lat)}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place proposed for a query, with the score and why it was ranked so."""

    place: Place
    score: float
    reasons: tuple[str, ...] = ()
    matched: str = ""


@dataclass(frozen=True, slots=True)
class PortDistance:
    port_id: str
    name: str
    km: float


@dataclass(frozen=True, slots=True)
class BorderContext:
    """What a point's position means relative to the US–Mexico line."""

    lat: float
    lon: float
    side: str | None  # "US", "MX", or None at sea / elsewhere
    country: str | None
    state: str | None
    admin2: str | None  # county (US) or municipio (MX)
    sector: str | None
    border_km: float
    border_segment: str | None
    nearest_ports: tuple[PortDistance, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place whose written form folds to the key that was looked up."""

    place: Place
    form: str  # the form as the gazetteer writes it
    how: str  # "name", "alias", "abbreviation" or "code"


@dataclass(frozen=True, slots=True)
class TwinCity:
    """Two towns facing each other across the line, and the ports between them."""

    id: str
    name: str
    us_place: str | None
    mx_place: str | None
    ports: tuple[str, ...]
    lat: float
    lon: float
