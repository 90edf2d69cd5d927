"""Resolution (geo/resolve.py): which place each mention means — twins told
apart by qualifiers and by the article's other places, one sense per article,
cue words ("port of entry", "Station"), points on rivers, and a confidence and
reason for every mention. The texts are invented for the test."""

from __future__ import annotations

import pytest
from testing import assert_near, km_between, mention_at, parse

NOGALES_AZ, NOGALES_SON = "geonames:5306611", "geonames:4004886"
NACO_AZ, NACO_SON = "geonames:5306112", "geonames:3995171"
SASABE_AZ, SASABE_SON = "place:sasabe-az", "geonames:4019722"


# -- twins: context ----------------------------------------------------------------

US_SIDE_NOGALES = ("Volunteers from Rio Rico, Tubac and Green Valley drove to Nogales on Saturday, "
                   "then handed out water at the Santa Cruz County fairgrounds.")


def test_twin_candidates_are_both_on_the_list(geoparser, gaz):
    """What the context test below relies on: Nogales, Ariz. is nearer than
    Nogales, Sonora to every other place of the article."""
    doc = parse(geoparser, US_SIDE_NOGALES)
    others = [m for m in doc.mentions if m.text != "Nogales"]
    assert {m.country for m in others} == {"US"} and len(others) >= 3
    az, son = gaz.get(NOGALES_AZ), gaz.get(NOGALES_SON)
    for m in others:
        assert km_between(az.lat, az.lon, m.lat, m.lon) < km_between(son.lat, son.lon, m.lat, m.lon), m.text


def test_bare_twin_takes_the_side_of_the_articles_other_places(geoparser):
    doc = parse(geoparser, US_SIDE_NOGALES)
    nogales = mention_at(doc, "Nogales")
    assert (nogales.place_id, nogales.country) == (NOGALES_AZ, "US"), nogales.reason


def test_bare_nogales_in_a_tucson_article_is_the_arizona_city(geoparser):
    text = ("Tucson police said the stolen truck was found in Nogales, about an hour's drive from "
            "Tucson, behind a Santa Cruz County office.")
    nogales = mention_at(parse(geoparser, text), "Nogales")
    assert nogales.place_id == NOGALES_AZ, nogales.reason


def test_context_moves_a_namesake_across_the_country(geoparser):
    """Without context "Progreso" is the Baja California town; an article
    about Matamoros and Reynosa means Progreso, Texas, in the Valley."""
    alone = mention_at(parse(geoparser, "Pilgrims travelled to Progreso for the fair."), "Progreso")
    assert alone.admin1 == "Baja California"
    text = "Pilgrims from Matamoros and Reynosa travelled to Progreso for the fair."
    valley = mention_at(parse(geoparser, text), "Progreso")
    assert valley.place_id == "geonames:4720789" and valley.admin1 == "Texas" and valley.country == "US"
    assert "km from Reynosa" in valley.reason
    assert valley.confidence > alone.confidence


def test_context_picks_the_border_town_of_a_common_name(geoparser):
    doc = parse(geoparser, "Ranchers near Deming worried about Columbus after the storm.")
    columbus = mention_at(doc, "Columbus")
    assert columbus.place_id == "geonames:5462683" and columbus.admin1 == "New Mexico"
    assert "km from Deming" in columbus.reason


# -- twins: qualifiers -------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "place_id", "country", "admin1"), [
    ("Residents of Naco, Sonora, met on Friday.", "Naco", NACO_SON, "MX", "Sonora"),
    ("Residents of Naco, Ariz., met on Friday.", "Naco", NACO_AZ, "US", "Arizona"),
    ("The road to Sasabe, Ariz., was closed.", "Sasabe", SASABE_AZ, "US", "Arizona"),
    ("The road to Sásabe, Sonora, was closed.", "Sásabe", SASABE_SON, "MX", "Sonora"),
    ("Shoppers in Nogales, Ariz., saw the parade.", "Nogales", NOGALES_AZ, "US", "Arizona"),
])
def test_qualifier_picks_the_twin(geoparser, text, name, place_id, country, admin1):
    m = mention_at(parse(geoparser, text), name)
    assert (m.place_id, m.country, m.admin1) == (place_id, country, admin1)
    assert m.reason.startswith("in '"), m.reason  # the qualifier is the first reason


def test_qualifier_overrides_context(geoparser):
    text = "Volunteers from Rio Rico and Tubac crossed to Nogales, Sonora, with blankets."
    m = mention_at(parse(geoparser, text), "Nogales")
    assert m.place_id == NOGALES_SON


# -- one sense per document --------------------------------------------------------

@pytest.mark.parametrize(("qualifier", "place_id"), [("Ariz.", NACO_AZ), ("Sonora", NACO_SON)])
def test_bare_repeat_keeps_the_qualified_sense(geoparser, qualifier, place_id):
    text = f"Migrants were caught near Naco, {qualifier}, at dawn. By noon, agents said Naco was quiet."
    doc = parse(geoparser, text)
    first, again = mention_at(doc, "Naco"), mention_at(doc, "Naco", occurrence=1)
    assert first.place_id == again.place_id == place_id
    assert again.confidence <= first.confidence


def test_bare_repeat_of_the_us_twin_is_promoted(geoparser):
    """Bare "Nogales" alone is the Sonora city; after "Nogales, Ariz." it is
    the Arizona one, and the reason says why."""
    assert mention_at(parse(geoparser, "Nogales is busy."), "Nogales").place_id == NOGALES_SON
    doc = parse(geoparser, "The parade in Nogales, Ariz., was long. Later Nogales was quiet again.")
    again = mention_at(doc, "Nogales", occurrence=1)
    assert again.place_id == NOGALES_AZ
    assert "same name as elsewhere in the article" in again.reason


def test_two_qualified_senses_stay_apart(geoparser):
    doc = parse(geoparser, "Officials from Nogales, Sonora, and Nogales, Ariz., met at the line.")
    assert mention_at(doc, "Nogales").place_id == NOGALES_SON
    assert mention_at(doc, "Nogales", occurrence=1).place_id == NOGALES_AZ


# -- Mexico, New Mexico, Mexico City ---------------------------------------------

def test_mexico_new_mexico_and_mexico_city(geoparser):
    doc = parse(geoparser, "Officials from Mexico and New Mexico met in Mexico City on Tuesday.")
    mexico, new_mexico, capital = doc.mentions
    assert (mexico.text, mexico.place_id, mexico.feature, mexico.country) == (
        "Mexico", "geonames:3996063", "country", "MX")
    assert (new_mexico.text, new_mexico.place_id, new_mexico.country) == (
        "New Mexico", "iso3166-2:US-NM", "US")
    assert (capital.text, capital.place_id, capital.feature) == ("Mexico City", "geonames:3530597", "city")
    assert_near(capital.lat, capital.lon, 19.43, -99.13, km=10, what="Mexico City")


# -- cue words ------------------------------------------------------------------------

def test_port_of_entry_cue(geoparser):
    doc = parse(geoparser, "Trucks lined up at the Nogales port of entry on Monday.")
    m = mention_at(doc, "Nogales port of entry")  # the cue joins the mention
    assert m.feature == "port_of_entry" and m.country == "US"
    assert m.place_id.startswith("poe:nogales")
    assert_near(m.lat, m.lon, 31.333, -110.942, km=1.0, what="Nogales port")
    assert "port of entry' after the name" in m.reason


def test_spanish_port_cue(geoparser):
    doc = parse(geoparser, "Los camiones esperaron en la garita de Nogales toda la noche.", lang="es")
    m = mention_at(doc, "Nogales")
    assert m.feature == "port_of_entry"
    assert_near(m.lat, m.lon, 31.333, -110.942, km=3.0, what="garita de Nogales")


def test_station_cue(geoparser):
    doc = parse(geoparser, "Agents from the Eagle Pass Station found the boat.")
    m = mention_at(doc, "Eagle Pass Station")
    assert m.feature == "station" and m.place_id.startswith("station:")
    assert m.admin1 == "Texas" and m.country == "US"
    assert_near(m.lat, m.lon, 28.709, -100.4995, km=15, what="Eagle Pass station")


def test_sector_after_a_preposition(geoparser):
    doc = parse(geoparser, "Agents in the Tucson Sector said arrests fell.")
    m = mention_at(doc, "Tucson Sector")
    assert m.place_id == "sector:tucson" and m.feature == "sector"


# -- rivers placed by their town ------------------------------------------------------

def test_river_point_near_the_town_named_with_it(geoparser):
    doc = parse(geoparser, "Two bodies were found in the Rio Grande near Zapata, Texas, on Sunday.")
    river = mention_at(doc, "Rio Grande")
    assert river.place_id == "river:rio-grande" and river.feature == "river"
    assert_near(river.lat, river.lon, 26.907, -99.271, km=15, what="Rio Grande near Zapata")
    assert river.country == "US"  # the side of the town it is placed by


def test_river_point_moves_with_the_town(geoparser):
    a = mention_at(parse(geoparser, "A raft overturned on the Rio Grande near Del Rio, Texas."), "Rio Grande")
    b = mention_at(parse(geoparser, "A raft overturned on the Rio Grande near Brownsville, Texas."),
                   "Rio Grande")
    assert_near(a.lat, a.lon, 29.36, -100.90, km=20, what="Rio Grande near Del Rio")
    assert_near(b.lat, b.lon, 25.90, -97.50, km=20, what="Rio Grande near Brownsville")


def test_river_with_only_a_state_lies_on_that_states_stretch(geoparser, gaz):
    """No town to place it by: the state the sentence names says which stretch."""
    import shapely

    for state_id, text in [
        ("iso3166-2:MX-TAM", "Rescuers searched the Río Bravo in Tamaulipas for a missing boy."),
        ("iso3166-2:MX-CHH", "Rescuers searched the Río Bravo in Chihuahua for a missing boy."),
    ]:
        river = mention_at(parse(geoparser, text), "Río Bravo")
        state = gaz.geometry(state_id)
        assert river.place_id == "river:rio-grande"
        assert state.distance(shapely.Point(river.lon, river.lat)) < 0.05, (text, river.lat, river.lon)
        assert river.country == "MX"


def test_the_towns_that_name_a_road_do_not_place_a_river(geoparser):
    """"por la Carretera Federal 2 Nuevo Laredo-Piedras Negras" in an article
    from Piedras Negras: the river and the road are placed by the article's
    town, not by the far end the road is named after."""
    text = ("PIEDRAS NEGRAS, Coahuila.- Agentes auxiliaron a migrantes que no podían salir del Río Bravo, "
            "y a otros cuatro que caminaban por la Carretera Federal 2 Nuevo Laredo-Piedras Negras.")
    doc = parse(geoparser, text)
    river, road = mention_at(doc, "Río Bravo"), mention_at(doc, "Carretera Federal 2")
    assert (river.feature, road.feature) == ("river", "road")
    assert_near(river.lat, river.lon, 28.70, -100.51, km=25, what="Río Bravo at Piedras Negras")
    assert_near(road.lat, road.lon, 28.65, -100.50, km=25, what="the road at Piedras Negras")


@pytest.mark.parametrize(("text", "written", "place_id"), [
    ("Shots were fired 20 miles south of the McAllen-Hidalgo port of entry.",
     "McAllen-Hidalgo port of entry", "poe:hidalgo"),
    ("Agents arrested two men at the Lukeville port of entry.", "Lukeville port of entry", "poe:lukeville"),
])
def test_a_feature_word_in_lower_case_ends_the_name(geoparser, text, written, place_id):
    doc = parse(geoparser, text)
    assert mention_at(doc, written).place_id == place_id


# -- confidence and reasons ------------------------------------------------------------

VARIED = [
    "NOGALES, Ariz. — Agents in Nogales, Sonora, and Naco met near the Mariposa port.",
    "Officials from Mexico and New Mexico met in Mexico City.",
    "Pilgrims from Matamoros and Reynosa travelled to Progreso.",
    "Los migrantes cruzaron el río Bravo cerca de Piedras Negras, Coahuila.",
    "Agents found the group 15 miles east of Sásabe, near Arivaca and the Altar Valley.",
]


@pytest.mark.parametrize("text", VARIED)
def test_every_mention_has_confidence_and_reason(geoparser, text):
    doc = parse(geoparser, text)
    assert doc.mentions
    for m in doc.mentions:
        assert 0.0 <= m.confidence <= 1.0, m
        assert m.reason.strip(), m
        if m.place_id is not None:
            assert m.lat is not None and m.lon is not None and m.name and m.feature


def test_unambiguous_names_are_certain(geoparser):
    doc = parse(geoparser, "Residents of Naco, Ariz., met on Friday.")
    assert [m.confidence for m in doc.mentions] == [1.0, 1.0]


def test_a_country_is_not_called_a_city(geoparser):
    """The "a city of a million or more" reason once went to countries too."""
    doc = parse(geoparser, "Migrants from Honduras and Guatemala crossed into the U.S. near Tijuana.")
    for m in doc.mentions:
        if m.feature == "country":
            assert "city" not in m.reason, (m.text, m.reason)


def test_a_list_of_states_is_no_town_and_its_state(geoparser):
    """"Nuevo León, Coahuila y Tamaulipas": three states, not the town of
    Nuevo León in Coahuila."""
    doc = parse(geoparser, "Las autoridades de Nuevo León, Coahuila y Tamaulipas firmaron el acuerdo.")
    assert [m.feature for m in doc.mentions] == ["state", "state", "state"]
    town = parse(geoparser, "La patrulla llegó a Nuevo León, Coahuila, el martes.")
    assert mention_at(town, "Nuevo León").feature != "state"


def test_a_states_name_is_no_alias_of_a_village(geoparser):
    """Villages called "Ejido Sonora" near Mexicali do not make "Sonora",
    in an article from Mexicali, a village."""
    doc = parse(geoparser, "MEXICALI, B.C.- En Sonora y Chihuahua se han asegurado más de 1,800 armas.")
    assert mention_at(doc, "Sonora").feature == "state"
    assert mention_at(doc, "Chihuahua").feature == "state"


@pytest.mark.parametrize("text", [
    "Los gobiernos de México y Estados Unidos firmaron el plan en Palacio Nacional.",
    "Officials of Mexico and the United States met in Mexico City.",
])
def test_a_name_coupled_with_a_country_is_the_country(geoparser, text):
    doc = parse(geoparser, text)
    first = doc.mentions[0]
    assert first.feature == "country" and first.country == "MX", (first.name, first.reason)


@pytest.mark.parametrize(("text", "written", "place_id"), [
    ("Agents stopped a pickup carrying 14 people on U.S. Route 95 north of San Luis.", "U.S. Route 95",
     "road:us-95"),
    ("Agents at the checkpoint on U.S. Highway 67 north of Presidio found three men.", "U.S. Highway 67",
     "road:us-67"),
    ("A teenager was pulled alive from the All-American Canal west of Calexico.", "All-American Canal",
     "area:all-american-canal"),
    ("El cruce por el Puente Internacional Juárez-Lincoln se cerró.", "Puente Internacional Juárez-Lincoln",
     "poe:laredo-juarez-lincoln"),
])
def test_named_roads_canals_and_bridges(geoparser, text, written, place_id):
    assert mention_at(parse(geoparser, text), written).place_id == place_id


def test_a_bare_name_takes_the_datelines_sense(geoparser):
    """"NOGALES, Ariz." then "a buyer in Nogales, Sonora": a later bare
    "Nogales" is the dateline's city."""
    text = ("NOGALES, Ariz. — Officers arrested a man at the DeConcini Port of Entry.\n\n"
            "He was to deliver guns to a buyer in Nogales, Sonora, prosecutors said.\n\n"
            "It was the fourth seizure at the Nogales ports this month.")
    doc = parse(geoparser, text)
    bare = [m for m in doc.mentions if m.text == "Nogales" and text[m.end:m.end + 2] != ", "]
    assert [m.admin1 for m in bare] == ["Arizona"]


@pytest.mark.parametrize(("text", "admin1"), [
    ("A former Border Patrol agent let loads pass his post near Sasabe.", "Arizona"),
    ("Smugglers gathered in Sasabe before crossing.", "Sonora"),
    ("Border Patrol agents watched smugglers in Sásabe, Sonora.", "Sonora"),
])
def test_a_twin_town_in_a_border_patrol_sentence_is_the_us_one(geoparser, text, admin1):
    assert parse(geoparser, text).mentions[0].admin1 == admin1


@pytest.mark.parametrize(("text", "written", "country"), [
    ("Un cuerpo flotaba entre los puentes internacionales de Reynosa, cerca del Puente Internacional "
     "Reynosa-Pharr.", "Puente Internacional Reynosa-Pharr", "MX"),
    ("Agentes aduanales revisaron camiones en la garita de San Luis.", "San Luis", "MX"),
    ("Officers at the Pharr port of entry seized 200 pounds of meth.", "Pharr port of entry", "US"),
])
def test_a_crossing_called_by_its_spanish_name_is_the_mexican_side(geoparser, text, written, country):
    mention = mention_at(parse(geoparser, text), written)
    assert mention.feature == "port_of_entry" and mention.country == country


def test_a_name_coupled_with_a_state_is_the_state(geoparser):
    doc = parse(geoparser, "Las víctimas eran originarias de Oaxaca y Guerrero.")
    assert [m.feature for m in doc.mentions] == ["state", "state"]


@pytest.mark.parametrize(("text", "written", "feature"), [
    ("Un niño cruzó el río en la ciudad de Río Bravo, Tamaulipas.", "Río Bravo", "city"),
    ("CD. JUÁREZ, Chih. — Dos hombres fueron asesinados.", "CD. JUÁREZ", "city"),
])
def test_city_cues_and_abbreviated_ciudad(geoparser, text, written, feature):
    mention = mention_at(parse(geoparser, text), written)
    assert mention.feature == feature


def test_a_comma_list_of_states(geoparser):
    doc = parse(geoparser, "Los migrantes, originarios de Michoacán, Guerrero y Guatemala, fueron hallados.")
    kinds = [(m.feature, m.country) for m in doc.mentions]
    assert kinds == [("state", "MX"), ("state", "MX"), ("country", "GT")]


def test_a_million_city_keeps_its_name_against_a_village_near_the_story(geoparser):
    text = "MONTERREY.- Las armas fueron compradas en tiendas de San Antonio, dijeron los fiscales."
    assert mention_at(parse(geoparser, text), "San Antonio").admin1 == "Texas"


def test_a_town_abroad_gives_way_to_one_in_the_two_countries(geoparser):
    town = mention_at(parse(geoparser, "Officers trained at the police academy in Santa Fe."), "Santa Fe")
    assert town.country in ("US", "MX")  # not Santa Fe, Argentina
    abroad = mention_at(parse(geoparser, "He flew to Santa Fe, Argentina."), "Santa Fe")
    assert abroad.country == "AR"


def test_a_lower_case_opener_is_not_part_of_the_name(geoparser):
    """"bajo el puente Santa Fe" names the Santa Fe bridge, written "Santa Fe"."""
    doc = parse(geoparser, "Decenas de personas esperaban bajo el puente Santa Fe, en Ciudad Juárez.")
    bridge = mention_at(doc, "Santa Fe")
    assert bridge.text == "Santa Fe" and bridge.place_id == "poe:el-paso-paso-del-norte"


def test_condado_de_is_the_county(geoparser):
    doc = parse(geoparser, "Los migrantes fueron hallados en el condado de Pima, Arizona.")
    assert mention_at(doc, "Pima").place_id == "census:04019"
