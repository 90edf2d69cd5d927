"""What counts as each kind of event, in English and Spanish: the words that
report it (triggers) and the flows that give it a direction.

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
GUNS = (r"guns?", r"firearms?", r"rifles?", r"pistols?", r"handguns?", r"weapons?", r"ammunition", r"ammo",
        r"rounds", r"cartridges", r"magazines", r"armas?(?: de fuego| largas| cortas)?", r"fusiles",
        r"pistolas?", r"cartuchos", r"municiones?", r"cargadores")
CASH = (r"cash", r"currency", r"bulk cash", r"money", r"dinero(?: en efectivo)?", r"efectivo",
        r"dólares", r"dollars", r"\$\s?\d[\d,.]*\s*(?:million|m|billion)?")
MIGRANTS = (r"migrants?", r"immigrants?", r"asylum[- ]seekers?", r"border[- ]crossers?", r"undocumented",
            r"illegal (?:aliens?|immigration|crossings?|entr(?:y|ies))", r"migrantes?", r"inmigrantes?",
            r"indocumentados?", r"extranjeros", r"personas migrantes")

TRIGGERS: dict[str, re.Pattern] = {
    "drug_smuggling": re.compile(
        r"\b(?:(?:seiz\w*|confiscat\w*|found|discover\w*|recover\w*|uncover\w*|intercept\w*|smuggl\w*|"
        r"traffick\w*|flows? of|shipments? of|"
        r"loads? of|pounds of|kilograms of|kilos of|tons of|bundles of|packages of)\b[^.]{0,80}?\b(?:"
        + "|".join(DRUGS) + r")|(?:drug|narco)[- ]?(?:tunnel|smuggl\w*|traffick\w*|load|bust|seizure)|"
        r"narcot[úu]nel|t[úu]nel de contrabando|(?:asegur\w*|decomis\w*|incaut\w*|hall\w*|trasiego|"
        r"tr[áa]fico|contrabando)\b[^.]{0,80}?\b(?:" + "|".join(DRUGS) + r"))\b", re.IGNORECASE),
    "human_smuggling": _words(
        r"human smuggl\w*", r"smuggl\w* (?:of )?(?:people|migrants|immigrants|humans)",
        r"smuggle (?:people|migrants)", r"stash house", r"coyotes?", r"polleros?", r"human traffick\w*",
        r"tr[áa]fico de (?:personas|migrantes|indocumentados)", r"casa de seguridad"),
    "migrant_crossing": re.compile(
        r"\b(?:(?:apprehend\w*|detain\w*|caught|arrest\w*|crossing|crossed|cross|flows? of|groups? of|"
        r"entering|entered|rescu\w*|rescat\w*|cruz\w*|detenid\w*|asegurad\w*|intercept\w*)\b[^.]{0,60}?\b(?:"
        + "|".join(MIGRANTS) + r")|(?:" + "|".join(MIGRANTS) + r")\b[^.]{0,60}?\b(?:crossing|crossed|"
        r"cross|walked|entered|entering|cruzaban|cruzar|cruzaron|intentaban cruzar)|crossing north|"
        r"illegal immigration|illegal crossings?)\b", re.IGNORECASE),
    "weapons_trafficking": re.compile(
        r"\b(?:(?:gun|weapons?|arms|firearms?|ammunition) (?:smuggl\w*|traffick\w*|running)|"
        r"(?:smuggl\w*|traffick\w*|seiz\w*|shipments? of|straw purchas\w*|bought|purchas\w*|"
        r"tr[áa]fico de|contrabando de|asegur\w*|decomis\w*)\b[^.]{0,60}?\b(?:" + "|".join(GUNS) + r")|"
        r"(?:" + "|".join(GUNS) + r")\b[^.]{0,60}?\b(?:into Mexico|to Mexico|headed south|heading south|"
        r"southbound|across the border|hacia México|a México))\b", re.IGNORECASE),
    "cash_smuggling": re.compile(
        r"\b(?:bulk cash|cash smuggl\w*|money laundering|(?:seiz\w*|smuggl\w*|found|shipments? of|"
        r"asegur\w*|decomis\w*)\b[^.]{0,60}?(?:\$\s?\d|\b(?:cash|currency|dinero|efectivo|dólares))|"
        r"(?:cash|currency|\$\s?\d[\d,.]*\s*(?:million|m)?)\b[^.]{0,60}?\b(?:headed to Mexico|into Mexico|"
        r"to Mexico|southbound|heading south|leaving the United States))", re.IGNORECASE),
    "violence": _words(
        r"shoot(?:ing|ings|out|outs)", r"shot (?:dead|and killed|to death)", r"were shot", r"was shot",
        r"gunmen", r"gunfire", r"gun ?battles?", r"firefights?", r"(?:were|was|been) killed",
        r"killed \w+", r"murder(?:ed|s)?", r"homicides?", r"slain", r"kidnapp\w*", r"massacre",
        r"ambush\w*", r"opened fire", r"balacera", r"enfrentamientos?", r"asesinad\w*",
        r"ejecutad\w*", r"secuestr\w*", r"ataque armado", r"disparos", r"masacre",
        r"muert[oa]s? a balazos", r"violent attack", r"attack(?:ed)? (?:on|by)"),
    "corruption": re.compile(
        r"\b(?:brib\w*|corrupt\w*|kickbacks?|soborn\w*|corrupci[óo]n|cohecho)\b[^.]{0,80}?\b(?:accused|charged|"
        r"arrested|indicted|convicted|pleaded|paid|took|acusad\w*|detenid\w*|vinculad\w*)\b|\b(?:accused|"
        r"charged|arrested|indicted|convicted|acusad\w*|detenid\w*)\b[^.]{0,80}?\b(?:brib\w*|corrupt\w*|"
        r"soborn\w*|corrupci[óo]n|cohecho)\b", re.IGNORECASE),
    "enforcement_operation": _words(
        r"operations?", r"operativos?", r"crackdown", r"raid(?:s|ed)?", r"arrest(?:ed)?", r"arrests",
        r"search warrants", r"served \w+ (?:search )?warrants", r"task force",
        r"joint (?:effort|operations?)",
        r"coordinating patrols", r"investigators", r"detuvieron", r"detenidos?", r"capturad\w*", r"cateos?",
        r"allanamientos?", r"dispositivo de seguridad", r"apprehended", r"hallada abandonada",
        r"localizaron", r"aseguraron"),
    "training": _words(
        r"training", r"trained?", r"trains", r"instructors?", r"drills?", r"capacitaci[óo]n",
        r"capacitad\w*", r"adiestramiento", r"entrenamiento"),
    "agreement": _words(
        r"agreements?", r"agreed", r"accords?", r"declarations?", r"treaty", r"memorandum",
        r"pacts?", r"sign(?:ed|s)? (?:a|an|the)", r"will sign", r"acuerdos?", r"acordaron",
        r"firmar\w*", r"convenios?", r"tratados?", r"memorándum", r"cooperation agreement"),
    "humanitarian": re.compile(
        r"\b(?:(?:found|discovered|recovered|spotted|saw|located|came (?:across|upon)|pulled|retrieved|"
        r"hallaron|hallad[oa]s?|localizaron|localizad[oa]s?|encontraron|encontrad[oa]s?|sacaron|se sacaron|"
        r"recuperaron|dieron con)\b[^.]{0,80}?\b(?:bod(?:y|ies)|remains|corpses?|cuerpos?|restos|"
        r"cad[áa]ver\w*|osamentas?)|"
        r"(?:rescued|rescu(?:e|es) of|rescataron|rescatad[oa]s?|auxili\w+|atrapad[oa]s)\b|"
        r"(?:migrants?|people|man|woman|children|migrantes|personas)\b[^.]{0,40}?\b(?:drowned|died of|"
        r"ahog\w+|murieron|perdieron la vida)|\bbod(?:y|ies) (?:of|floating)|\bskeletal remains)",
        re.IGNORECASE),
}

# Word stems without which a type's pattern cannot match: a cheap test that
# spares the full pattern on most sentences.
TRIGGER_KEYS = {kind: tuple(stems.split("|")) for kind, stems in {
    "drug_smuggling": "drug|narc|marijuana|mariguana|marihuana|cocain|coca|hero|fentan|meth|opioid|pill|"
                      "cannabis|cristal|estupefac|túnel|tunel|tunnel",
    "human_smuggling": "smuggl|stash|coyote|pollero|traffick|tráfico|trafico|casa de seguridad",
    "migrant_crossing": "migra|immigra|asylum|crosser|undocumented|illegal|indocument|extranjero|"
                        "crossing north",
    "weapons_trafficking": "gun|firearm|rifle|pistol|weapon|ammunition|ammo|round|cartridge|magazine|arms|"
                           "arma|fusil|cartucho|munici|cargador",
    "cash_smuggling": "cash|currency|money|dinero|efectivo|dólar|dolar|dollar|$|laundering",
    "violence": "shoot|shot|gun|fire|kill|murder|homicid|slain|kidnap|massacre|ambush|balacera|"
                "enfrentamiento|asesin|ejecut|secuestr|ataque|disparo|masacre|balazo|attack",
    "corruption": "brib|corrupt|kickback|soborn|corrupci|cohecho",
    "enforcement_operation": "operat|crackdown|raid|arrest|warrant|task force|joint|patrols|investigators|"
                             "detuv|detenid|captur|cateo|allanamiento|dispositivo|apprehend|hallada|"
                             "localizaron|aseguraron",
    "training": "train|instructor|drill|capacita|adiestra|entrena",
    "agreement": "agree|accord|declaration|treaty|memorand|pact|sign|acuerd|acordaron|firma|convenio|tratado",
    "humanitarian": "bod|remains|corpse|cuerpo|restos|cadáver|cadaver|osamenta|rescu|rescat|auxili|atrapad|"
                    "drown|died|ahog|murieron|perdieron la vida",
}.items()}

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
