"""Which kinds of event a sentence reports (geo/triggers.py, and
geo/events.event_types_of on top): stems grouped by meaning, combined per
type, in English and Spanish. The sentences are invented for the test."""

from __future__ import annotations

import pytest

from geo.event_types import EVENT_TYPES
from geo.events import event_types_of
from geo.quantities import find_quantities
from geo.triggers import RULES, TriggerFinder, kinds_from_groups


@pytest.fixture(scope="module")
def finder():
    return TriggerFinder()


def groups_of(finder, sentence: str) -> set[str]:
    return finder.groups(sentence, [(0, len(sentence))])[0]


def kinds(sentence: str) -> list[str]:
    return event_types_of(sentence, find_quantities(sentence))


CLEAR = [
    ("drug_smuggling", "Agents seized 400 pounds of marijuana near the port."),
    ("drug_smuggling", "Soldados aseguraron 30 kilos de cocaína en un retén."),
    ("drug_smuggling", "A drug tunnel was discovered under the fence."),
    ("human_smuggling", "Agents raided a stash house holding 20 people."),
    ("human_smuggling", "La policía halló una casa de seguridad con 20 personas."),
    ("migrant_crossing", "Agents apprehended a group of 40 migrants who crossed the river."),
    ("migrant_crossing", "La Guardia Nacional rescató a 12 migrantes que intentaban cruzar el río."),
    ("weapons_trafficking", "Agents intercepted 12 rifles headed to Mexico."),
    ("weapons_trafficking", "Aseguraron un cargamento de armas y cartuchos en la aduana."),
    ("cash_smuggling", "Officers seized $200,000 in cash hidden in a southbound truck."),
    ("cash_smuggling", "Agentes decomisaron dinero en efectivo oculto en un auto."),
    ("violence", "Gunmen opened fire on a bar, police said."),
    ("violence", "Hombres armados dejaron tres muertos en un ataque armado."),
    ("corruption", "The mayor was charged with taking bribes from smugglers."),
    ("corruption", "El comandante fue detenido por cohecho."),
    ("enforcement_operation", "Police launched an operation against gangs."),
    ("enforcement_operation", "Las autoridades realizaron un operativo en la colonia."),
    ("training", "Mexican officers attended a training course."),
    ("training", "Los agentes recibieron capacitación en técnicas de rescate."),
    ("agreement", "The two countries will sign an agreement on Thursday."),
    ("agreement", "Ambos gobiernos firmaron un convenio de cooperación."),
    ("humanitarian", "Agents found a body in the desert."),
    ("humanitarian", "Se localizaron dos cuerpos en el río."),
    ("humanitarian", "Two migrants drowned in the canal."),
    ("humanitarian", "Border Patrol agents rescued a woman stranded in the desert."),
]


# Events told without the usual words: people hidden in a vehicle, a crew
# that moves migrants, gunfights, a body recovered, people freed, a Spanish
# arrest of migrants.
PLAIN_WORDS = [
    ("human_smuggling", "Officers found 23 people hidden in a refrigerated trailer at the port."),
    ("human_smuggling", "The man led a smuggling crew that moved hundreds of migrants."),
    ("violence", "The rifles turned up after gunfights in two towns."),
    ("violence", "Militares repelieron una agresión armada en la carretera."),
    ("humanitarian", "Fue recuperado el cuerpo de un hombre en el río."),
    ("humanitarian", "La Guardia Nacional liberó a nueve personas retenidas en una casa."),
    ("humanitarian", "Rescuers pulled five people from the river."),
    ("humanitarian", "Police rescued 18 migrants held in a house."),  # a rescue, not a crossing
    ("human_smuggling", "Agents stopped a pickup carrying nine migrants on the interstate."),
    ("violence", "Localizaron el cuerpo de un hombre con huellas de violencia."),
    ("humanitarian", "Agents found three men suffering from heat exhaustion in the desert."),
    ("human_smuggling", "Deputies searched a ranch house and found nine migrants locked inside a room."),
    ("migrant_crossing", "En septiembre, un grupo de 300 venezolanos cruzó el río junto a Sunland Park."),
    ("violence", "Sujetos armados dispararon contra los clientes de un bar."),
    ("training", "Veinte bomberos concluyeron un curso de rescate en aguas rápidas."),
    ("humanitarian", "A man was hurt after he fell from the border wall west of the port."),
    ("corruption", "Detuvieron a cinco policías acusados de brindar protección a una red de traficantes."),
    ("humanitarian", "Agents reached two women stranded near Tecate Peak."),
    ("violence", "Dos soldados fueron atacados en la carretera."),
    ("enforcement_operation", "Deputies began a two-week saturation patrol along State Route 80."),
    ("enforcement_operation", "The army deployed 200 more soldiers to Matamoros on Monday."),
    ("humanitarian", "El lunes fue localizado sin vida un hombre en el canal."),
    ("violence", "A Brownsville man was wounded by a stray bullet in Matamoros."),
    ("corruption", "Detuvieron a tres policías municipales acusados de extorsión."),
    ("migrant_crossing", "Agentes detuvieron a 15 migrantes cerca del río."),
]


@pytest.mark.parametrize(("kind", "sentence"), PLAIN_WORDS)
def test_events_in_plain_words(kind, sentence):
    assert kinds(sentence) == [kind]


@pytest.mark.parametrize("sentence", [
    "No arrests had been made by Monday.",
    "All three were treated for mild hypothermia.",  # a detail of a rescue told before

    "He let 40 cars pass without inspection, according to his plea agreement.",
])
def test_what_did_not_happen_and_what_is_no_accord(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize(("sentence", "kinds_told"), [
    # bodies with bullet wounds: a killing
    ("Hallaron los cuerpos de dos hombres con impactos de bala en un canal.", ["violence"]),
    # a corrupt officer's bribes, not the loads he let through
    ("The agent was sentenced for taking bribes to let loads of marijuana and migrants through.",
     ["corruption"]),
])
def test_what_a_sentence_is_about_over_its_topics(sentence, kinds_told):
    assert kinds(sentence) == kinds_told


def test_totals_since_a_time_are_no_event(finder):
    for sentence in ["More than 500 people have drowned in the canal since it opened.",
                     "Since then, agents have found a dozen tunnels under the fence.",
                     "En lo que va de 2023 han muerto 40 personas en el río.",
                     "El Centro Sector agents have found 14 stash houses since October.",
                     "Santa Teresa has become a busier route for southbound weapons.",
                     # advisories and advice are no events either
                     'The State Department keeps Tamaulipas under a "do not travel" advisory.',
                     "El coordinador pidió a los migrantes no arriesgarse a cruzar la sierra en invierno."]:
        assert "general" in groups_of(finder, sentence), sentence


def test_every_type_has_rules_and_examples():
    assert set(RULES) == set(EVENT_TYPES)
    assert {kind for kind, _ in CLEAR} == set(EVENT_TYPES)


@pytest.mark.parametrize(("kind", "sentence"), CLEAR)
def test_clear_sentences_give_their_kind(finder, kind, sentence):
    assert kind in kinds_from_groups(groups_of(finder, sentence))
    assert kinds(sentence) == [kind]


def test_an_arrest_beside_a_seizure_is_part_of_it(finder):
    """"aseguraron" is also an operation word; beside a drug seizure the
    operation is dropped unless the sentence says "operation"."""
    sentence = "Soldados aseguraron 30 kilos de cocaína en un retén."
    assert "enforcement_operation" in kinds_from_groups(groups_of(finder, sentence))
    assert kinds(sentence) == ["drug_smuggling"]
    both = "In a joint operation, agents seized 400 pounds of marijuana."
    assert set(kinds(both)) == {"drug_smuggling", "enforcement_operation"}


def test_amounts_add_a_kind(finder):
    """A weighed drug is a drug event even with no seizure verb."""
    sentence = "The truck carried a 30 kg bale of marijuana."
    assert "drug_smuggling" not in kinds_from_groups(groups_of(finder, sentence))
    assert kinds(sentence) == ["drug_smuggling"]
    assert kinds("The car held 30 rifles.") == ["weapons_trafficking"]


@pytest.mark.parametrize(
    "sentence",
    [
        "De acuerdo con la fiscalía, el hombre tenía 30 años.",
        "The weather was clear over the desert.",
        "The new rule harms trafficking victims, advocates said.",  # "harms" is not "arms"
        "Emigrants crossed the plaza.",  # "emigrants" is not "migrants"
        "The cashier seized the moment.",  # "cashier" is not "cash"
        "He was armed and dangerous.",  # "armed" is not "arma"
    ],
)
def test_no_event(finder, sentence):
    assert kinds_from_groups(groups_of(finder, sentence)) == []
    assert kinds(sentence) == []


def test_de_acuerdo_con_is_not_an_agreement():
    assert "agreement" not in kinds("De acuerdo con la fiscalía, los agentes aseguraron 20 armas.")
    assert "agreement" in kinds("Los gobiernos firmaron un acuerdo de seguridad.")


def test_stems_match_at_word_starts_only(finder):
    assert "gun_alone" not in groups_of(finder, "The storm harms trafficking routes.")
    assert "gun_alone" in groups_of(finder, "Arms trafficking routes were mapped.")
    assert "gun" not in groups_of(finder, "The crackdown had begun.")
    assert "migrant" not in groups_of(finder, "Emigrants left.")
    assert "migrant" in groups_of(finder, "Migrants left.")


def test_whole_word_stems(finder):
    """"cash$" is the word cash, not "cashier"; "rounds$" not "roundsman"."""
    assert "cash" in groups_of(finder, "Agents found cash.")
    assert "cash" not in groups_of(finder, "Agents found a cashier.")
    assert "gun" not in groups_of(finder, "The roundsman came.")


def test_statistics_words_are_their_own_group(finder):
    assert "general" in groups_of(finder, "So far this year, 129 migrants have died.")
    assert "general" in groups_of(finder, "En lo que va del año, 50 migrantes murieron.")


def test_groups_go_to_the_right_sentences(finder):
    text = "Agents seized marijuana in the valley. Gunmen opened fire. Rain fell."
    spans = [(0, 38), (39, 58), (59, 69)]
    assert [text[a:b] for a, b in spans] == ["Agents seized marijuana in the valley.", "Gunmen opened fire.",
                                             "Rain fell."]
    found = finder.groups(text, spans)
    assert [kinds_from_groups(g) for g in found] == [["drug_smuggling"], ["violence"], []]


def test_accents_do_not_move_the_offsets(finder):
    text = "Ésta es la situación allá. Aseguraron cocaína."
    spans = [(0, 26), (27, 46)]
    assert text[27:46] == "Aseguraron cocaína."
    found = finder.groups(text, spans)
    assert found[0] == set()
    assert kinds_from_groups(found[1]) == ["drug_smuggling", "enforcement_operation"]


def test_a_stem_outside_every_span_is_ignored(finder):
    text = "Gunmen opened fire. Calm returned."
    assert finder.groups(text, [(20, 34)]) == [set()]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # who the guns were for, not drugs that moved
        ("Eleven people were charged over a ring that bought weapons for drug smugglers in Mexico.",
         ["weapons_trafficking"]),
        ("Guns smuggled into Mexico are arming the drug cartels.", ["weapons_trafficking"]),
        # an agency, not a tunnel; a smuggling operation is no police operation
        ("Officers of the Tunnel Task Force met in San Diego.", []),
        ("They were tied to a smuggling operation that moved 30,000 rounds.", ["weapons_trafficking"]),
        ("The first case took place on Oct. 10.", []),  # "took" is not a bribe taken
        ("Firefighters recovered the bodies from the river.", ["humanitarian"]),  # not a firefight
    ],
)
def test_masking_phrases_hide_the_stems_inside(sentence, expected):
    assert kinds(sentence) == expected


def test_hyphenated_phrases_match_like_spaced_ones(finder):
    assert "gun_alone" in groups_of(finder, "a firearms-trafficking ring")
    assert "gun_alone" in groups_of(finder, "a firearms trafficking ring")


def test_a_tunnel_under_the_border_is_drug_smuggling():
    assert kinds("Authorities confirmed that the tunnel existed on Tuesday.") == ["drug_smuggling"]
    assert kinds("Un túnel de contrabando fue hallado en Tijuana.") == ["drug_smuggling"]


def test_investigators_alone_need_a_day_of_their_own(finder):
    groups = groups_of(finder, "Task Force investigators had begun watching the warehouse.")
    assert "enforcement_weak" in groups
    assert kinds_from_groups(groups) == []
    assert kinds_from_groups(groups | {"dated"}) == ["enforcement_operation"]


def test_a_haul_is_a_seizure():
    assert kinds("The haul included 540 assault-style rifles and 165 grenades.") == ["weapons_trafficking"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Someone in Nogales had hired them and paid them $40 per box.", []),
        ("He was promised $1,500 to drive the car.", []),
        ("Officers seized $40,000 hidden in a spare tire.", ["cash_smuggling"]),
        ("They found $250,000 in undeclared currency.", ["cash_smuggling"]),
    ],
)
def test_dollars_paid_are_no_cash_flow(sentence, expected):
    assert kinds(sentence) == expected
