"""Recognition (geo/recognize.py, geo/matching.py): which words are place
mentions, and exactly where they start and end.

Every text here is invented for the test; the seed article is only read,
from ../shared/seed/, when it is there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from testing import describe_mentions, mention_at, mentions_over, parse, span

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "joint-effort-targets-border-crime.txt"


def texts(doc) -> list[str]:
    return [m.text for m in doc.mentions]


# -- the longest, most specific name wins ------------------------------------------

def test_new_mexico_is_not_mexico(geoparser):
    doc = parse(geoparser, "Ranchers in New Mexico met on Friday.")
    assert describe_mentions(doc) == [(12, 22, "New Mexico", "iso3166-2:US-NM")]


def test_mexico_city_is_one_mention(geoparser):
    doc = parse(geoparser, "The minister flew to Mexico City on Monday.")
    m = mention_at(doc, "Mexico City")
    assert m.place_id == "geonames:3530597" and m.country == "MX" and m.feature == "city"
    assert len(doc.mentions) == 1


def test_nuevo_laredo_is_not_laredo(geoparser):
    doc = parse(geoparser, "Trucks waited in Nuevo Laredo for hours.")
    m = mention_at(doc, "Nuevo Laredo")
    assert m.place_id == "geonames:3522551" and m.country == "MX" and m.admin1 == "Tamaulipas"
    assert texts(doc) == ["Nuevo Laredo"]


def test_juarez_lincoln_bridge_is_a_laredo_port_not_ciudad_juarez(geoparser):
    doc = parse(geoparser, "Traffic on the Juárez–Lincoln Bridge was heavy on Sunday.")
    m = mention_at(doc, "Juárez–Lincoln Bridge")
    assert m.place_id == "poe:laredo-juarez-lincoln"
    assert m.feature == "port_of_entry" and m.country == "US" and m.admin1 == "Texas"
    assert len(doc.mentions) == 1  # no "Juárez" inside it


# -- datelines and hyphenated pairs ----------------------------------------------

def test_dateline_town_and_state_abbreviation(geoparser):
    doc = parse(geoparser, "NOGALES, Ariz. — Agents found a tunnel under a parking lot.")
    town, state = doc.mentions[:2]
    assert (town.start, town.end, town.text) == (0, 7, "NOGALES")
    assert town.place_id == "geonames:5306611" and town.country == "US"
    assert (state.start, state.end, state.text) == (9, 14, "Ariz.")
    assert state.place_id == "iso3166-2:US-AZ" and state.name == "Arizona"


def test_hyphenated_state_pair(geoparser):
    doc = parse(geoparser, "Along the Arizona-Sonora border, agents waited.")
    assert describe_mentions(doc) == [(10, 17, "Arizona", "iso3166-2:US-AZ"),
                                      (18, 24, "Sonora", "iso3166-2:MX-SON")]


def test_hyphen_then_space_pair(geoparser):
    doc = parse(geoparser, "A joint patrol at the Arizona- Mexico border began.")
    arizona, mexico = doc.mentions
    assert (arizona.text, arizona.place_id) == ("Arizona", "iso3166-2:US-AZ")
    assert (mexico.start, mexico.end) == span(doc.text, "Mexico")
    assert mexico.country == "MX" and mexico.feature == "country"


# -- what only looks like a place --------------------------------------------------

# (text, the words that must not be a mention, a place in the same text that must be)
REJECTED = [
    ("Mexican Public Safety Secretary Genaro Garcia Luna said the plan would work in Sonora.",
     "Garcia Luna", "Sonora"),
    ("Donna said the crossing at Hidalgo, Texas, was slow.", "Donna", "Hidalgo"),
    ("In Douglas, Ariz., Sheriff Douglas thanked the volunteers.", "Douglas", "Ariz."),
    ("The Los Angeles Times reported from Tijuana on Monday.", "Los Angeles", "Tijuana"),
    ("U.S. Border Patrol agents in Yuma arrested two men.", "U.S.", "Yuma"),
    ("A spokesman for U.S. Customs and Border Protection in El Paso declined to comment.",
     "U.S.", "El Paso"),
    ("A Columbus Police Department car was parked in Deming.", "Columbus", "Deming"),
    ("Reporters from the Arizona Daily Star drove to Calexico.", "Arizona", "Calexico"),
    ("Volunteers from Grupo Beta Piedras Negras met migrants in Acuña.", "Piedras Negras", "Acuña"),
    ("He lived at 8851 Kerns Street in Laredo.", "Kerns", "Laredo"),
    ("The tunnel was found in March 2018 near Calexico.", "March", "Calexico"),
    # pieces of Spanish names the gazetteer lacks, not Köln, El Ejido or Faro
    ("The body was found near Colonia Santa Maria, in Ciudad Acuña.", "Colonia", "Ciudad Acuña"),
    ("Agents searched Ejido El Faro outside Reynosa.", "Ejido", "Reynosa"),
    ("Agents searched Ejido El Faro outside Reynosa.", "Faro", "Reynosa"),
    ("A man drowned in the Río Nuevo at Calexico.", "Río", "Calexico"),
    # halves of hyphenated surnames, given names before surnames, newspapers
    ("The court sentenced Marisol Quintana-Ruiz in Yuma.", "Quintana", "Yuma"),
    ("Officers said Jorge Arreguín-Soto crossed at Otay Mesa.", "Soto", "Otay Mesa"),
    ("\"It goes south in cars,\" said Ramona Ibarra, a spokeswoman in Tucson.", "Ramona", "Tucson"),
    ("The family told the San Diego Union-Tribune that he lived in Tijuana.", "San Diego", "Tijuana"),
    # newspapers, schools and agencies named after places
    ("De acuerdo con El Diario de Juárez, los agresores huyeron de Nogales.", "Juárez", "Nogales"),
    ("El ataque ocurrió cerca de la escuela primaria Benito Juárez, en Tijuana.", "Benito Juárez", "Tijuana"),
    ("Informó la Fiscalía General de Justicia del Estado de Sonora en Hermosillo.", "Sonora", "Hermosillo"),
    # a common-word name before a comma and a word that is no place ("Alcohol, Tabaco, Armas")
    ("Agentes de la Oficina de Alcohol, Tabaco, Armas de Fuego capacitaron a policías en Saltillo.", "Tabaco",
     "Saltillo"),
    # natural features the gazetteer lacks, institutions
    ("Hikers in the Florida Mountains near Deming found him.", "Florida", "Deming"),
    ("He swam in the Santa Cruz River near Tubac.", "Santa Cruz", "Tubac"),
    ("Figures it provided to Congress show fewer crossings at Nogales.", "Congress", "Nogales"),
    ("Part of the load was hidden in a spare tire, agents in Nogales said.", "Part", "Nogales"),
    # cut-down alternate names: "Park" is no Parks, Arizona
    ("Park rangers found the man near Lukeville.", "Park", "Lukeville"),
    # streets named after towns and heroes
    ("El cuerpo apareció cerca de la Calle Hidalgo, en Nuevo Laredo.", "Hidalgo", "Nuevo Laredo"),
    ("Agents stopped a truck on Avenida Juárez in Nogales.", "Juárez", "Nogales"),
]


@pytest.mark.parametrize(("text", "not_a_place", "a_place"), REJECTED,
                         ids=[f"{r[1]}/{r[2]}" for r in REJECTED])
def test_rejected_words(geoparser, text, not_a_place, a_place):
    doc = parse(geoparser, text)
    # "Douglas" is a place the first time; the second, after "Sheriff", is the person.
    occurrence = 1 if text.count(not_a_place) > 1 else 0
    assert mentions_over(doc, not_a_place, occurrence) == [], describe_mentions(doc)
    assert mention_at(doc, a_place).place_id


@pytest.mark.parametrize(("text", "written", "place_id"), [
    ("AJO, Ariz. — The bodies of three men were found on Sunday.", "AJO", "geonames:5550996"),
    ("The concealment was new to the Douglas port, officers said.", "Douglas port", None),
    ("Un herido fue llevado a un hospital de Tecate.", "Tecate", None),
    ("The driver, a 33-year-old Douglas resident, was arrested.", "Douglas", None),
    ("Many came from Guatemala and Honduras, a spokesman said.", "Honduras", None),
    ("El grupo había partido de Caborca rumbo a Sonoyta.", "Caborca", None),
    ("La Fiscalía General de la República en Hermosillo abrió una carpeta.", "Hermosillo", None),
    ("Agentes del Grupo Beta en Coahuila rescataron a dos personas.", "Coahuila", None),
])
def test_places_that_only_look_like_other_things(geoparser, text, written, place_id):
    """A short dateline in capitals, a town with a resident after it, a
    country before an apposition, a place after a verb that is also a party's
    name or after "en" that ends an agency's name."""
    mention = mention_at(parse(geoparser, text), written)
    assert mention.place_id and (place_id is None or mention.place_id == place_id)


@pytest.mark.parametrize("text", ["Deportees were flown to the Mexican state of Hidalgo.",
                                  "Los deportados fueron enviados al estado de Hidalgo."])
def test_state_of_picks_the_state(geoparser, text):
    assert mention_at(parse(geoparser, text), "Hidalgo").feature == "state"


def test_us_alone_is_a_mention(geoparser):
    doc = parse(geoparser, "U.S. instructors trained police officers in Chihuahua.")
    us = mention_at(doc, "U.S.")
    assert us.place_id == "geonames:6252001" and us.country == "US" and us.feature == "country"


def test_sector_before_agents_is_the_sector(geoparser):
    doc = parse(geoparser, "Tucson Sector agents found the tunnel.")
    m = mention_at(doc, "Tucson Sector")
    assert m.place_id == "sector:tucson" and m.feature == "sector"
    assert len(doc.mentions) == 1


def test_sector_unit_is_the_sector(geoparser):
    doc = parse(geoparser, "The Laredo Sector Marine Unit patrols the river at night.")
    m = mention_at(doc, "Laredo Sector")
    assert m.place_id == "sector:laredo" and m.feature == "sector"
    assert len(doc.mentions) == 1


def test_police_chief_keeps_the_town(geoparser):
    text = ("A fire broke out in Columbus, N.M., on Sunday. Hours later, Columbus Police Chief "
            "Angelo Vega said nobody was hurt.")
    doc = parse(geoparser, text)
    second = mention_at(doc, "Columbus", occurrence=1)
    assert second.place_id == "geonames:5462683"
    assert second.admin1 == "New Mexico" and second.country == "US"
    assert mentions_over(doc, "Angelo Vega") == []


# -- common words need support ---------------------------------------------------

def test_common_word_town_needs_support(geoparser):
    assert parse(geoparser, "Mission officials said the park would reopen.").mentions == []
    doc = parse(geoparser, "The park reopened in Mission, Texas, on Monday.")
    m = mention_at(doc, "Mission")
    assert m.place_id == "geonames:4711725" and m.admin1 == "Texas"


def test_why_needs_support(geoparser):
    assert parse(geoparser, "Why the road closed is unclear.").mentions == []
    doc = parse(geoparser, "Hikers got lost near Why, Ariz., last week.")
    m = mention_at(doc, "Why")
    assert m.place_id == "place:why" and m.admin1 == "Arizona" and m.country == "US"


# -- Spanish ------------------------------------------------------------------------

def test_spanish_country_and_capital(geoparser):
    doc = parse(geoparser, "La violencia en Estados Unidos y en Ciudad de México preocupa.", lang="es")
    us = mention_at(doc, "Estados Unidos")
    assert us.place_id == "geonames:6252001" and us.country == "US"
    capital = mention_at(doc, "Ciudad de México")
    assert capital.place_id == "geonames:3530597" and capital.country == "MX"
    assert len(doc.mentions) == 2


def test_spanish_river(geoparser):
    doc = parse(geoparser, "Los migrantes cruzaron el Río Bravo de noche.", lang="es")
    m = mention_at(doc, "Río Bravo")
    assert m.place_id == "river:rio-grande" and m.feature == "river"


def test_municipio_de_is_the_municipality(geoparser):
    doc = parse(geoparser, "Las autoridades del municipio de Nogales informaron el lunes.", lang="es")
    m = mention_at(doc, "Nogales")
    assert m.feature == "municipality" and m.place_id == "inegi:26043"
    assert m.country == "MX" and m.admin1 == "Sonora"


def test_spanish_town_with_state(geoparser):
    doc = parse(geoparser, "El hombre fue detenido en Nogales, Sonora, el martes.", lang="es")
    town = mention_at(doc, "Nogales")
    assert town.place_id == "geonames:4004886" and town.country == "MX" and town.feature == "city"
    assert mention_at(doc, "Sonora").place_id == "iso3166-2:MX-SON"


# -- offsets always slice out the mention --------------------------------------------

ASSORTED = [
    "NOGALES, Ariz. — Agents in Nogales, Sonora, and Nogales, Ariz., met at the Mariposa port.",
    "Ciudad Juárez y El Paso comparten el río Bravo; la garita de Nogales cerró.",
    "Agents drove 15 miles east of Sásabe, then north to Three Points and Tucson.",
    "“We came from Agua Prieta,” she said, “and crossed near Naco.”",
    "A marker at 31.3338, -110.9380 sat 2 km al sur de Naco, Sonora.",
    "Río Grande City — los migrantes (de Honduras y Guatemala) llegaron a Reynosa.",
]


@pytest.mark.parametrize("text", ASSORTED)
def test_every_mention_slices_its_text(geoparser, text):
    doc = parse(geoparser, text)  # parse() checks text[start:end] == mention.text
    assert doc.mentions
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)
    for a, b in zip(doc.mentions, doc.mentions[1:]):
        assert a.end <= b.start, (a, b)  # mentions never overlap


# -- the seed article ----------------------------------------------------------------



def test_seed_article(seed_doc):
    text = seed_doc.text
    for m in seed_doc.mentions:
        assert text[m.start:m.end] == m.text
        assert m.start >= seed_doc.body_start  # nothing from the title or byline
    arizona, mexico = mentions_over(seed_doc, "Arizona- Mexico")
    assert (arizona.place_id, mexico.country) == ("iso3166-2:US-AZ", "MX")
    assert mention_at(seed_doc, "Mexico City").place_id == "geonames:3530597"
    assert mentions_over(seed_doc, "Garcia Luna") == []
    assert mentions_over(seed_doc, "U.S. Border Patrol") == []
    assert mentions_over(seed_doc, "Los Angeles Times") == []  # in the byline, before the body
    assert [m.text for m in mentions_over(seed_doc, "Arizona-Sonora")] == ["Arizona", "Sonora"]


def test_a_second_users_places_are_found(cache_dir, tmp_path):
    """Two gazetteers with as many added places each get their own names."""
    from gazetteer import Gazetteer
    from geo.pipeline import Geoparser

    found = []
    for name in ("Campo Alfa", "Campo Beta"):
        places = tmp_path / f"{name}.csv"
        places.write_text(f"name,lat,lon,kind\n{name},31.45,-111.33,landmark\n", encoding="utf-8")
        gazetteer = Gazetteer()
        gazetteer.load_places_file(places)
        doc = Geoparser(gazetteer, events=False).parse_text(f"Agents found them near {name} on Friday.")
        found.append([m.text for m in doc.mentions])
    assert found == [["Campo Alfa"], ["Campo Beta"]]
