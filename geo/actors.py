"""Who acted: agencies, forces and criminal groups named in a sentence, under
one canonical name each."""

from __future__ import annotations

import re

ACTORS = {
    "U.S. Border Patrol": r"Border Patrol|Patrulla Fronteriza",
    "U.S. Customs and Border Protection":
        r"Customs and Border Protection|\bCBP\b|Aduanas y Protecci[óo]n Fronteriza",
    "Immigration and Customs Enforcement": r"Immigration and Customs Enforcement|\bICE\b",
    "Homeland Security Investigations": r"Homeland Security Investigations|\bHSI\b",
    "Department of Homeland Security": r"Department of Homeland Security|Homeland Security Secretary|\bDHS\b",
    "Drug Enforcement Administration": r"Drug Enforcement Administration|\bDEA\b",
    "Bureau of Alcohol, Tobacco, Firearms and Explosives": r"\bATF\b|Bureau of Alcohol",
    "Federal Bureau of Investigation": r"\bFBI\b|Federal Bureau of Investigation",
    "National Guard": r"National Guard(?! de M)",
    "Texas Department of Public Safety": r"Department of Public Safety|\bDPS\b",
    "U.S. Attorney's Office": r"U\.S\. Attorney'?s Office|federal prosecutors",
    "Mexican federal police": r"Mexican federal police|Polic[íi]a Federal|federal police",
    "Guardia Nacional": r"Guardia Nacional|Mexican National Guard",
    "SEDENA (Mexican Army)": r"\bSEDENA\b|Defensa Nacional|Mexican (?:Army|soldiers|military)|Ej[ée]rcito",
    "SEMAR (Mexican Navy)": r"\bSEMAR\b|Secretar[íi]a de Marina|Mexican Navy|Marina",
    "Fiscalía General de la República": r"\bFGR\b|Fiscal[íi]a General de la Rep[úu]blica",
    "Instituto Nacional de Migración": r"\bINM\b|Instituto Nacional de Migraci[óo]n|Grupo Beta",
    "state police": r"state police|Polic[íi]a Estatal",
    "Sinaloa Cartel": r"Sinaloa [Cc]artel|C[áa]rtel de Sinaloa",
    "Jalisco New Generation Cartel": r"\bCJNG\b|Jalisco New Generation|C[áa]rtel Jalisco",
    "Gulf Cartel": r"Gulf Cartel|C[áa]rtel del Golfo",
    "Los Zetas": r"\bZetas\b",
    "Juárez Cartel": r"Ju[áa]rez [Cc]artel|C[áa]rtel de Ju[áa]rez",
    "drug cartels": r"(?:drug )?cartels?\b|c[áa]rteles",
    "smugglers": r"smugglers?|coyotes?|polleros?|traficantes",
}
PATTERNS = [(name, re.compile(pattern)) for name, pattern in ACTORS.items()]


def find_actors(sentence: str) -> list[str]:
    found = [name for name, pattern in PATTERNS if pattern.search(sentence)]
    named = [f for f in found if f != "drug cartels" and ("Cartel" in f or f == "Los Zetas")]
    if "drug cartels" in found and named:
        found.remove("drug cartels")  # "the Sinaloa Cartel" is not also "drug cartels"
    return found
