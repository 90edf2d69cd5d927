"""The kinds of event, the drugs that make a weight a drug seizure, and the
words that say which way a flow crosses the border (the trigger words
themselves are in ``triggers``).

Types follow the annotation guide: drug_smuggling, human_smuggling,
migrant_crossing, weapons_trafficking, cash_smuggling, violence, corruption,
enforcement_operation, training, agreement, humanitarian.
"""

from __future__ import annotations

import re

EVENT_TYPES = ("drug_smuggling", "human_smuggling", "migrant_crossing", "weapons_trafficking",
               "cash_smuggling", "violence", "corruption", "enforcement_operation", "training",
               "agreement", "humanitarian")


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


DRUGS = (r"drugs?", r"narcotics?", r"marijuana", r"cocaine", r"heroin", r"fentanyl", r"meth(?:amphetamine)?",
         r"opioids?", r"pills", r"cannabis", r"narcóticos?", r"drogas?", r"marihuana", r"mariguana",
         r"cocaína", r"heroína", r"fentanilo", r"metanfetamina", r"cristal", r"estupefacientes")
NORTH = _words(r"northbound", r"northward", r"(?:heading|headed|going|moving|bound) north",
               r"into the United States",
               r"into the U\.S\.", r"into Arizona", r"into Texas", r"into California", r"into New Mexico",
               r"hacia Estados Unidos", r"hacia el norte", r"a Estados Unidos", r"crossing north",
               r"crossed into", r"smuggled into the")
SOUTH = _words(r"southbound", r"southward", r"(?:heading|headed|going|moving|bound) south",
               r"headed to Mexico", r"into Mexico",
               r"to Mexico", r"bound for Mexico", r"leaving the United States", r"hacia México",
               r"hacia el sur", r"a México")
# Which way each kind of flow goes across the border when the text does not say.
DEFAULT_DIRECTION = {
    "drug_smuggling": "northbound", "migrant_crossing": "northbound", "human_smuggling": "northbound",
    "weapons_trafficking": "southbound", "cash_smuggling": "southbound",
}
