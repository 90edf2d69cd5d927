"""The kinds of event and which way each kind of flow crosses the border
when the text does not say (the words that report them, and the words that
say which way, are the trigger groups of ``triggers``).

Types follow the annotation guide: drug_smuggling, human_smuggling,
migrant_crossing, weapons_trafficking, cash_smuggling, violence, corruption,
enforcement_operation, training, agreement, humanitarian.
"""

from __future__ import annotations

EVENT_TYPES = ("drug_smuggling", "human_smuggling", "migrant_crossing", "weapons_trafficking",
               "cash_smuggling", "violence", "corruption", "enforcement_operation", "training",
               "agreement", "humanitarian")

# Which way each kind of flow goes across the border when the text does not say.
DEFAULT_DIRECTION = {
    "drug_smuggling": "northbound", "migrant_crossing": "northbound", "human_smuggling": "northbound",
    "weapons_trafficking": "southbound", "cash_smuggling": "southbound",
}
