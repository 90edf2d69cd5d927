"""Who acted: agencies, forces and criminal groups named in a sentence, under
one canonical name each. Names are matched as whole words (folded: no case,
no accents), all at once."""

from __future__ import annotations

import ahocorasick

from .matching import fold_text

ACTORS = {
    "U.S. Border Patrol": ("border patrol", "patrulla fronteriza"),
    "U.S. Customs and Border Protection": ("customs and border protection", "CBP",
                                           "aduanas y proteccion fronteriza"),
    "Immigration and Customs Enforcement": ("immigration and customs enforcement", "ICE"),
    "Homeland Security Investigations": ("homeland security investigations", "HSI"),
    "Department of Homeland Security": ("department of homeland security", "homeland security secretary",
                                        "DHS"),
    "Drug Enforcement Administration": ("drug enforcement administration", "DEA"),
    "Bureau of Alcohol, Tobacco, Firearms and Explosives": ("ATF", "bureau of alcohol"),
    "Federal Bureau of Investigation": ("FBI", "federal bureau of investigation"),
    "National Guard": ("national guard",),
    "Texas Department of Public Safety": ("department of public safety", "DPS"),
    "U.S. Attorney's Office": ("u.s. attorney's office", "u.s. attorneys office", "federal prosecutors"),
    "Mexican federal police": ("mexican federal police", "policia federal", "federal police"),
    "Guardia Nacional": ("guardia nacional", "mexican national guard"),
    "SEDENA (Mexican Army)": ("SEDENA", "defensa nacional", "mexican army", "mexican soldiers",
                              "mexican military", "ejercito"),
    "SEMAR (Mexican Navy)": ("SEMAR", "secretaria de marina", "mexican navy", "marina armada de mexico",
                             "la marina"),
    "Fiscalía General de la República": ("FGR", "fiscalia general de la republica"),
    "Instituto Nacional de Migración": ("INM", "instituto nacional de migracion", "grupo beta"),
    "state police": ("state police", "policia estatal"),
    "Sinaloa Cartel": ("sinaloa cartel", "cartel de sinaloa"),
    "Jalisco New Generation Cartel": ("CJNG", "jalisco new generation", "cartel jalisco"),
    "Gulf Cartel": ("gulf cartel", "cartel del golfo"),
    "Los Zetas": ("zetas",),
    "Juárez Cartel": ("juarez cartel", "cartel de juarez"),
    "drug cartels": ("cartel", "cartels", "carteles"),
    "smugglers": ("smuggler", "smugglers", "coyote", "coyotes", "pollero", "polleros", "traficantes"),
}
CARTELS = frozenset(name for name in ACTORS if "Cartel" in name or name == "Los Zetas")
_ORDER = {name: i for i, name in enumerate(ACTORS)}  # found names are listed in this order


def _build():
    automaton = ahocorasick.Automaton()
    for name, forms in ACTORS.items():
        for form in forms:
            # Capital-letter acronyms must be written so ("ICE", not "ice").
            key = form if form.isupper() else fold_text(form)
            entry = automaton.get(key, (len(key), form.isupper(), []))
            entry[2].append(name)
            automaton.add_word(key, entry)
    automaton.make_automaton()
    return automaton


_AUTOMATON = _build()


def find_actors(sentence: str, folded: str | None = None) -> list[str]:
    """``folded``: the sentence folded, when the caller has it."""
    if folded is None:
        folded = fold_text(sentence)
    hits: list[tuple[int, int, list[str]]] = []
    n = len(sentence)
    for text, acronyms in ((folded, False), (sentence, True)):
        for end, (length, is_acronym, names) in _AUTOMATON.iter(text):
            if is_acronym != acronyms:
                continue
            start = end - length + 1
            if (start > 0 and text[start - 1].isalnum()) or (end + 1 < n and text[end + 1].isalnum()):
                continue
            hits.append((start, end + 1, names))
    found: list[str] = []
    for start, end, names in hits:
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in hits):
            continue  # "Mexican National Guard" is not also the U.S. "National Guard"
        found.extend(n_ for n_ in names if n_ not in found)
    if "drug cartels" in found and CARTELS.intersection(found):
        found.remove("drug cartels")  # "the Sinaloa Cartel" is not also "drug cartels"
    return sorted(found, key=_ORDER.__getitem__)
