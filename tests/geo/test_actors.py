"""Who acted (geo/actors.py): agencies, forces and criminal groups under one
canonical name, from English and Spanish forms. The sentences are invented
for the test."""

from __future__ import annotations

import pytest

from geo.actors import ACTORS, find_actors


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("Border Patrol agents stopped the truck.", ["U.S. Border Patrol"]),
        ("La Patrulla Fronteriza detuvo a dos hombres.", ["U.S. Border Patrol"]),
        ("Customs and Border Protection officers checked the car.", ["U.S. Customs and Border Protection"]),
        ("Agentes de Aduanas y Protección Fronteriza revisaron el camión.",
         ["U.S. Customs and Border Protection"]),
        ("CBP officers at the port checked the car.", ["U.S. Customs and Border Protection"]),
        ("Immigration and Customs Enforcement (ICE) agents arrived.",
         ["Immigration and Customs Enforcement"]),
        ("The Drug Enforcement Administration opened a case.", ["Drug Enforcement Administration"]),
        ("La Guardia Nacional instaló un retén.", ["Guardia Nacional"]),
        ("Elementos del Ejército y de la Secretaría de Marina llegaron.",
         ["SEDENA (Mexican Army)", "SEMAR (Mexican Navy)"]),
        ("The Mexican Army and the Mexican Navy patrolled the coast.",
         ["SEDENA (Mexican Army)", "SEMAR (Mexican Navy)"]),
        ("Agentes de la Policía Federal y de la policía estatal llegaron.",
         ["Mexican federal police", "state police"]),
        ("La Fiscalía General de la República abrió una carpeta.", ["Fiscalía General de la República"]),
        ("El Grupo Beta rescató a tres personas.", ["Instituto Nacional de Migración"]),
        ("Federal prosecutors said the case was closed.", ["U.S. Attorney's Office"]),
        ("The U.S. Attorney’s Office said the case was closed.", ["U.S. Attorney's Office"]),
        ("Texas DPS troopers chased the car.", ["Texas Department of Public Safety"]),
        ("Los polleros cobraron mucho.", ["smugglers"]),
        ("Coyotes guided the group.", ["smugglers"]),
        ("El Cártel de Sinaloa y el CJNG se disputan la plaza.",
         ["Sinaloa Cartel", "Jalisco New Generation Cartel"]),
        ("The Juárez cartel lost the route.", ["Juárez Cartel"]),
        ("Agents from the DEA, the FBI and ATF met.",
         ["Drug Enforcement Administration", "Bureau of Alcohol, Tobacco, Firearms and Explosives",
          "Federal Bureau of Investigation"]),
    ],
)
def test_canonical_names(sentence, actors):
    assert find_actors(sentence) == actors


def test_every_canonical_name_is_a_key():
    for sentence in ("Border Patrol and ICE and the Sinaloa Cartel met smugglers.",):
        assert set(find_actors(sentence)) <= set(ACTORS)


def test_results_follow_the_table_order_not_the_text():
    assert find_actors("Smugglers fled from the Border Patrol.") == ["U.S. Border Patrol", "smugglers"]


def test_each_actor_once():
    assert find_actors("Border Patrol agents and more Border Patrol agents came.") == ["U.S. Border Patrol"]


# -- acronyms ------------------------------------------------------------------------

def test_acronyms_only_in_capitals():
    assert find_actors("ICE officers arrested him.") == ["Immigration and Customs Enforcement"]
    assert find_actors("The ice on the road melted.") == []
    assert find_actors("cbp officers and the dea") == []


@pytest.mark.parametrize("sentence", ["The ICEBERG drifted.", "NICE people helped.", "A DEAL was made."])
def test_acronyms_only_as_whole_words(sentence):
    assert find_actors(sentence) == []


def test_acronym_before_a_hyphen():
    assert find_actors("An ICE-led raid ended.") == ["Immigration and Customs Enforcement"]


# -- cartels -------------------------------------------------------------------------

def test_a_named_cartel_suppresses_the_generic_drug_cartels():
    assert find_actors("The Sinaloa Cartel and other drug cartels fought.") == ["Sinaloa Cartel"]
    assert find_actors("Los Zetas y otros cárteles pelean.") == ["Los Zetas"]


def test_drug_cartels_alone():
    assert find_actors("Drug cartels control the route.") == ["drug cartels"]
    assert find_actors("Los cárteles controlan la ruta.") == ["drug cartels"]


def test_nothing_to_find():
    assert find_actors("The rain fell on the desert.") == []
    assert find_actors("") == []


def test_mexican_national_guard_is_only_the_guardia_nacional():
    assert find_actors("The Mexican National Guard set up a checkpoint.") == ["Guardia Nacional"]
