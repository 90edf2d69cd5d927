"""How each kind of event looks on a map: label, colour and Font Awesome
icon (solid style), defined once for the markers, the legend and the panel."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventStyle:
    label: str
    color: str
    icon: str  # a Font Awesome 6 solid icon name, without "fa-"


EVENT_STYLES: dict[str, EventStyle] = {
    "drug_smuggling": EventStyle("Drug smuggling", "#c62828", "pills"),
    "human_smuggling": EventStyle("Human smuggling", "#6a1b9a", "user-group"),
    "migrant_crossing": EventStyle("Migrant crossing", "#1565c0", "person-walking"),
    "weapons_trafficking": EventStyle("Weapons trafficking", "#37474f", "gun"),
    "cash_smuggling": EventStyle("Cash smuggling", "#2e7d32", "money-bill-wave"),
    "violence": EventStyle("Violence", "#ef6c00", "burst"),
    "corruption": EventStyle("Corruption", "#795548", "scale-unbalanced"),
    "enforcement_operation": EventStyle("Enforcement operation", "#00838f", "shield-halved"),
    "training": EventStyle("Training", "#9e9d24", "graduation-cap"),
    "agreement": EventStyle("Agreement", "#ad1457", "handshake"),
    "humanitarian": EventStyle("Humanitarian", "#ff8f00", "kit-medical"),
}
OTHER = EventStyle("Other", "#757575", "circle-question")

DIRECTION_COLORS = {"northbound": "#b71c1c", "southbound": "#0d47a1"}
PRECISION_LABELS = {1: "the town or site", 2: "near it, or a small area",
                    3: "a region, state or border segment"}
DATE_PRECISION_LABELS = {"day": "day", "month": "month", "year": "year",
                         "publication": "publication date", "unknown": "unknown"}


def style_of(kind: str | None) -> EventStyle:
    """The style of an event type; unknown types look like "Other" but keep their name."""
    if kind in EVENT_STYLES:
        return EVENT_STYLES[kind]
    if not kind:
        return OTHER
    return EventStyle(kind.replace("_", " ").capitalize(), OTHER.color, OTHER.icon)
