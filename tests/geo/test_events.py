"""Events (geo/events.py) through the whole geoparser: one per type and
sentence, with its evidence and offsets, direction, date, amounts and actors;
quotations and statistics report none; follow-up sentences add to the first
event; ids are stable. The texts are invented for the test."""

from __future__ import annotations

import json
import re

import pytest

from geo.events import Event, event_id

PUB = "2024-10-17"  # a Thursday

TO_DICT_KEYS = ("id", "type", "direction", "date", "date_precision", "start", "end", "evidence", "quantities",
                "actors", "place_id", "place_name", "place_feature", "lat", "lon", "location_precision",
                "location_reason", "uncertainty_km", "side", "border_km", "sector", "nearest_port",
                "corridor", "geometry", "document")


def extract(geoparser, text: str, published: str | None = PUB, **fields):
    """The Document for ``text``, after checking that every event's evidence
    is what its offsets slice out."""
    doc = geoparser.parse_text(text, published=published, **fields)
    for e in doc.events:
        assert isinstance(e, Event)
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.evidence, e
    return doc


def kinds(doc) -> list[str]:
    return [e.type for e in doc.events]


def of_type(doc, kind: str) -> list[Event]:
    return [e for e in doc.events if e.type == kind]


# -- one event per type per sentence -------------------------------------------------

TWO_SENTENCES = ("Agents seized 400 pounds of marijuana and 20 kilos of cocaine in Calexico. "
                 "Gunmen opened fire in Reynosa, Tamaulipas.")


def test_one_event_per_type_per_sentence(geoparser):
    doc = extract(geoparser, TWO_SENTENCES)
    assert kinds(doc) == ["drug_smuggling", "violence"]
    drugs, shooting = doc.events
    first = "Agents seized 400 pounds of marijuana and 20 kilos of cocaine in Calexico."
    assert (drugs.start, drugs.end, drugs.evidence) == (0, len(first), first)
    second_start = TWO_SENTENCES.index("Gunmen")
    assert (shooting.start, shooting.end) == (second_start, len(TWO_SENTENCES))
    assert shooting.evidence == "Gunmen opened fire in Reynosa, Tamaulipas."


def test_the_event_carries_every_amount_of_its_sentence(geoparser):
    (drugs, _) = extract(geoparser, TWO_SENTENCES).events
    assert [(q.kind, q.value, q.what) for q in drugs.quantities] == [
        ("weight", 181.437, "marijuana"), ("weight", 20.0, "cocaine")]


def test_a_sentence_of_several_types_gives_one_event_of_each(geoparser):
    text = "In a joint operation in Douglas, agents seized 300 pounds of marijuana and 12 rifles."
    doc = extract(geoparser, text)
    assert sorted(kinds(doc)) == ["drug_smuggling", "enforcement_operation", "weapons_trafficking"]
    assert {(e.start, e.end) for e in doc.events} == {(0, len(text))}


def test_actors_and_dates(geoparser):
    text = "Border Patrol agents and ICE officers arrested 45 migrants who crossed near Sasabe on Tuesday."
    (event,) = extract(geoparser, text).events
    assert event.type == "migrant_crossing"
    assert event.actors == ["U.S. Border Patrol", "Immigration and Customs Enforcement"]
    assert (event.date, event.date_precision) == ("2024-10-15", "day")
    assert [(q.kind, q.value) for q in event.quantities] == [("people", 45.0)]


def test_no_date_in_the_sentence_is_the_publication_date(geoparser):
    (event,) = extract(geoparser, "Gunmen opened fire in Reynosa.").events
    assert (event.date, event.date_precision) == (PUB, "publication")
    (event,) = extract(geoparser, "Gunmen opened fire in Reynosa.", published=None).events
    assert (event.date, event.date_precision) == (None, "unknown")


def test_spanish_events(geoparser):
    text = ("TIJUANA, Baja California.- Agentes aseguraron 200 kilos de cocaína el 21 de septiembre. "
            "Se localizaron dos cuerpos en el canal.")
    doc = extract(geoparser, text)
    assert kinds(doc) == ["drug_smuggling", "humanitarian"]
    drugs, bodies = doc.events
    assert drugs.evidence == "Agentes aseguraron 200 kilos de cocaína el 21 de septiembre."
    assert (drugs.date, drugs.direction) == ("2024-09-21", "northbound")
    assert drugs.quantities[0].value == 200.0
    assert bodies.direction is None


# -- direction -----------------------------------------------------------------------

FLOWS = ("Agents seized 400 pounds of marijuana in Calexico. "
         "Agents caught 45 migrants who crossed near Sasabe. "
         "Officers seized 20 rifles in Douglas. "
         "Officers seized $200,000 in cash in Laredo.")


def test_default_directions(geoparser):
    doc = extract(geoparser, FLOWS)
    assert [(e.type, e.direction) for e in doc.events] == [
        ("drug_smuggling", "northbound"), ("migrant_crossing", "northbound"),
        ("weapons_trafficking", "southbound"), ("cash_smuggling", "southbound")]


@pytest.mark.parametrize(
    ("text", "kind", "direction"),
    [
        ("Agents intercepted 300 pounds of marijuana headed to Mexico in Yuma.", "drug_smuggling",
         "southbound"),
        ("Officers seized $90,000 in cash headed to Mexico at the port in Nogales.", "cash_smuggling",
         "southbound"),
        ("Agents seized 20 rifles smuggled into the United States near Laredo.", "weapons_trafficking",
         "northbound"),
        ("Soldados aseguraron 300 kilos de mariguana que iban hacia Estados Unidos en Sonoyta.",
         "drug_smuggling", "northbound"),
        ("Agentes aseguraron 30 armas que llevaban hacia México en Laredo.", "weapons_trafficking",
         "southbound"),
    ],
)
def test_explicit_direction_cues(geoparser, text, kind, direction):
    (event,) = of_type(extract(geoparser, text), kind)
    assert event.direction == direction


def test_a_court_case_is_not_a_crossing(geoparser):
    (event,) = extract(geoparser, "A man was charged with smuggling marijuana in Tucson.").events
    assert (event.type, event.direction) == ("drug_smuggling", None)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen opened fire in Reynosa.",
        "Police launched an operation in Agua Prieta.",
        "Mexican officers attended a training course in Nogales.",
        "The two countries will sign an agreement in Mexico City.",
        "Agents found a body in the desert near Ajo.",
        "The mayor of Nogales was charged with taking bribes.",
    ],
)
def test_no_direction_for_types_that_are_not_flows(geoparser, text):
    doc = extract(geoparser, text)
    assert len(doc.events) == 1
    assert doc.events[0].type in ("violence", "enforcement_operation", "training", "agreement",
                                  "humanitarian", "corruption")
    assert doc.events[0].direction is None


# -- sentences that report nothing ---------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe seized 400 pounds of marijuana,\u201d the chief said in Yuma.",
        '"Gunmen opened fire on us," a witness said in Reynosa.',
        "So far this year, 129 migrants have died in Arizona.",
        "On average, agents seize 40 pounds of fentanyl a day in Nogales.",
        "En lo que va del año, 50 migrantes murieron ahogados en el río Bravo.",
        "The rain fell on Nogales all week.",
    ],
)
def test_quotations_and_statistics_report_no_event(geoparser, text):
    assert extract(geoparser, text).events == []


def test_a_topic_is_not_a_flow(geoparser):
    """A drug named with no sign of anything moving or stopped is no event."""
    assert extract(geoparser, "Marijuana is legal in Arizona.").events == []


# -- follow-ups ----------------------------------------------------------------------

FOLLOW_UP = ("NOGALES, Ariz. — Border Patrol agents found the body of a man in the desert on Monday. "
             "The agents recovered the body and turned it over to the medical examiner. "
             "Three hours later agents found a second body.")


def test_a_follow_up_sentence_adds_no_event(geoparser):
    doc = extract(geoparser, FOLLOW_UP)
    assert kinds(doc) == ["humanitarian", "humanitarian"]
    first, second = doc.events
    assert first.evidence == "Border Patrol agents found the body of a man in the desert on Monday."
    assert (first.date, first.date_precision) == ("2024-10-14", "day")
    assert first.actors == ["U.S. Border Patrol"]
    assert not any(e.evidence.startswith("The agents recovered") for e in doc.events)
    assert second.evidence == "Three hours later agents found a second body."
    assert second.start == FOLLOW_UP.index("Three hours")


def test_the_follow_up_alone_is_an_event(geoparser):
    """What merges it is the earlier event, not the sentence itself."""
    text = "The agents recovered the body near Ajo and turned it over to the medical examiner."
    doc = extract(geoparser, text)
    assert kinds(doc) == ["humanitarian"]


def test_the_same_kind_in_another_town_is_a_new_event(geoparser):
    text = "Agents seized 100 pounds of marijuana in Yuma. Agents seized 50 pounds of cocaine in Douglas."
    doc = extract(geoparser, text)
    assert kinds(doc) == ["drug_smuggling", "drug_smuggling"]
    assert [e.place.name for e in doc.events] == ["Yuma", "Douglas"]


# -- two dates -----------------------------------------------------------------------

def test_two_dates_in_one_sentence_give_two_events(geoparser):
    text = "Six people were killed on Oct. 1 and five more on Oct. 4 in Juárez."
    doc = extract(geoparser, text)
    assert [(e.type, e.date, e.date_precision) for e in doc.events] == [
        ("violence", "2024-10-01", "day"), ("violence", "2024-10-04", "day")]
    a, b = doc.events
    assert a.evidence == b.evidence == text
    assert a.id != b.id


# -- ids -----------------------------------------------------------------------------

def test_ids_are_stable_across_runs(geoparser):
    one = extract(geoparser, FLOWS)
    two = extract(geoparser, FLOWS)
    assert [e.id for e in one.events] == [e.id for e in two.events]
    assert all(re.fullmatch(r"ev-[0-9a-f]{16}", e.id) for e in one.events)


def test_ids_differ_between_sentences(geoparser):
    text = "Agents seized 100 pounds of marijuana in Yuma. Agents seized 50 pounds of cocaine in Douglas."
    doc = extract(geoparser, text)
    assert len({e.id for e in doc.events}) == 2


def test_ids_differ_between_articles_and_types(geoparser):
    text = "Agents seized 100 pounds of marijuana in Yuma."
    here = extract(geoparser, text, url="https://example.org/a").events[0]
    there = extract(geoparser, text, url="https://example.org/b").events[0]
    assert here.id != there.id
    assert here.id == extract(geoparser, text, url="https://example.org/a", id="other").events[0].id
    assert event_id("drug_smuggling", PUB, text, "k") != event_id("violence", PUB, text, "k")
    assert event_id("drug_smuggling", PUB, text, "k") == event_id("drug_smuggling", PUB, text, "k")


# -- serialisation -------------------------------------------------------------------

def test_to_dict_keys_and_json(geoparser):
    doc = extract(geoparser, FOLLOW_UP, title="Bodies found", url="https://example.org/bodies",
                  source="Desert Daily")
    data = doc.events[0].to_dict()
    assert set(TO_DICT_KEYS) <= set(data)
    assert [k for k in data if k in TO_DICT_KEYS] == list(TO_DICT_KEYS)
    back = json.loads(json.dumps(data))
    assert back["type"] == "humanitarian"
    assert back["evidence"] == doc.events[0].evidence
    assert back["date"] == "2024-10-14"
    assert back["place_id"] == "geonames:5306611"
    assert back["geometry"]["type"] == "Point"
    assert back["document"] == {"id": "text", "title": "Bodies found", "published": PUB,
                                "source": "Desert Daily", "url": "https://example.org/bodies"}
    assert (data["lat"], data["lon"]) == (doc.events[0].lat, doc.events[0].lon)


def test_to_dict_quantities_are_dicts(geoparser):
    (event,) = extract(geoparser, "Agents seized 25 kilos of cocaine in Yuma.").events
    data = json.loads(json.dumps(event.to_dict()))
    assert data["quantities"] == [{"kind": "weight", "value": 25.0, "unit": "kg",
                                   "text": "25 kilos of cocaine", "what": "cocaine"}]


def test_to_dict_without_a_place_is_json(geoparser):
    (event,) = extract(geoparser, "Officials said the agencies will sign an agreement.").events
    data = json.loads(json.dumps(event.to_dict()))
    assert (data["geometry"], data["lat"], data["place_id"]) == (None, None, None)


def test_an_empty_text_has_no_events(geoparser):
    assert geoparser.parse_text("   ").events == []


# -- one happening told over several sentences ---------------------------------------

def test_a_lead_that_sums_up_moves_to_the_sentence_with_the_day(geoparser):
    text = ("Border Patrol agents recovered the remains of two migrants in South Texas. "
            "On Oct. 10, a rancher came across the remains of a man on a ranch near Falfurrias, Texas. "
            "On Oct. 7, agents found the skeletal remains of a woman near Armstrong, Texas.")
    doc = extract(geoparser, text)
    assert [(e.type, e.date, e.place.name) for e in doc.events] == [
        ("humanitarian", "2024-10-10", "Falfurrias"), ("humanitarian", "2024-10-07", "Armstrong")]
    assert doc.events[0].evidence.startswith("On Oct. 10, a rancher")


def test_the_day_sentence_keeps_the_place_told_before(geoparser):
    text = ("The shooting happened on the outskirts of Reynosa, Tamaulipas. "
            "Family members were riding in a pickup truck Saturday night when gunmen opened fire on them.")
    (event,) = extract(geoparser, text).events
    assert event.evidence.startswith("Family members")
    assert (event.date, event.place.name) == ("2024-10-12", "Reynosa")
    assert "same happening" in event.place.reason


def test_a_place_told_after_the_day_stays_with_the_day_sentence(geoparser):
    text = ("On Monday, gunmen opened fire on a family. "
            "The shooting happened on the outskirts of Reynosa.")
    (event,) = extract(geoparser, text).events
    assert event.evidence == "On Monday, gunmen opened fire on a family."
    assert event.place.name == "Reynosa"


@pytest.mark.parametrize("more", ["recovered about 6.5 more tons of marijuana",
                                  "seized another five tons of marijuana"])
def test_more_and_another_are_new_seizures(geoparser, more):
    text = f"Agents seized three tons of marijuana in Otay Mesa. Inside the warehouse they {more}."
    assert kinds(extract(geoparser, text)) == ["drug_smuggling", "drug_smuggling"]


def test_other_amounts_are_another_happening(geoparser):
    text = ("Agents seized 400 pounds of marijuana in Nogales on Monday. "
            "Officers also seized 20 kilos of cocaine from a truck.")
    doc = extract(geoparser, text)
    assert kinds(doc) == ["drug_smuggling", "drug_smuggling"]
    same = "Agents seized 400 pounds of marijuana in Nogales. The 400 pounds of marijuana were in a truck."
    assert kinds(extract(geoparser, same)) == ["drug_smuggling"]


def test_what_a_suspect_told_the_police_is_no_new_event(geoparser):
    text = ("A man was arrested as he walked into Mexico with 1,400 rounds of ammunition in Nogales. "
            "He told officers that someone in Agua Prieta had promised him $1,500 to carry 3,000 rounds.")
    doc = extract(geoparser, text)
    assert kinds(doc) == ["weapons_trafficking"]
    assert doc.events[0].place.name == "Nogales"
    alone = "He told officers that someone had promised him $1,500 to carry 3,000 rounds into Mexico."
    assert extract(geoparser, alone).events == []


def test_the_same_sentence_twice_gives_two_ids(geoparser):
    sentence = "Police launched an operation in Agua Prieta on Monday."
    doc = extract(geoparser, f"{sentence} Nothing else was said. {sentence}")
    assert kinds(doc) == ["enforcement_operation", "enforcement_operation"]
    assert len({e.id for e in doc.events}) == 2
    again = extract(geoparser, f"{sentence} Nothing else was said. {sentence}")
    assert [e.id for e in again.events] == [e.id for e in doc.events]


# -- where, when the sentence names several places ------------------------------------

@pytest.mark.parametrize(("text", "kind", "place"), [
    pytest.param("On Monday agents saw two bodies in the Rio Grande near Laredo, Texas. Because the bodies "
                 "were close to the riverbank, firefighters from Nuevo Laredo recovered them.",
                 "humanitarian", "Laredo", id="a reference back keeps the happening wherever it now is"),
    pytest.param("PIEDRAS NEGRAS, Coahuila — Agentes rescataron a seis extranjeros atrapados en el río, "
                 "todos de Honduras.", "humanitarian", "Piedras Negras",
                 id="a country beyond the two is no event place"),
])
def test_where_the_happening_is(geoparser, text, kind, place):
    (event,) = of_type(extract(geoparser, text), kind)
    assert event.place.name == place


def test_towns_that_name_a_road_are_not_where_it_happened(geoparser):
    text = ("Agentes auxiliaron a cuatro migrantes que caminaban por la Carretera Federal 2 "
            "Nuevo Laredo-Piedras Negras.")
    (event,) = extract(geoparser, text).events
    assert event.place.feature == "road"


@pytest.mark.parametrize(("text", "told"), [
    pytest.param("The second case came on Oct. 11, when agents saw a body in the river near Zapata, Texas. "
                 "The third case took place on Oct. 13. "
                 "While on patrol, agents saw the body in the river near Laredo, Texas.",
                 [("2024-10-11", "Zapata"), ("2024-10-13", "Laredo")],
                 id="a sentence that moves on to other days closes the happening"),
    pytest.param("Border Patrol agents recovered the bodies of two people from the Rio Grande. "
                 "The first case took place on Oct. 10, when agents spotted a body near Rio Bravo, Texas. "
                 "The second case came on Oct. 11, when agents saw a body near Zapata, Texas.",
                 [("2024-10-10", "Rio Bravo"), ("2024-10-11", "Zapata")],
                 id="the first of several takes the place of the summary"),
])
def test_happenings_told_one_by_one(geoparser, text, told):
    assert [(e.date, e.place.name) for e in extract(geoparser, text).events] == told


def test_the_sentence_after_the_lead_that_gives_the_day_tells_it(geoparser):
    text = ("Officers seized more than $1 million in unreported cash that was on its way to Mexico. "
            "On Oct. 9, officers at the San Ysidro Port of Entry watched an SUV pull up for inspection. "
            "They searched the vehicle and found bundles of currency in the quarter panels.")
    (event,) = extract(geoparser, text).events
    assert (event.type, event.direction, event.date) == ("cash_smuggling", "southbound", "2024-10-09")
    assert event.evidence.startswith("On Oct. 9, officers at the San Ysidro")
    assert event.place.place_id == "poe:san-ysidro"
    assert [q.value for q in event.quantities] == [1_000_000.0]


def test_a_lead_with_its_day_stays_where_it_is(geoparser):
    text = ("Officers seized $40,000 in cash at the port in Nogales on Monday. "
            "On Oct. 9, officers at the San Ysidro Port of Entry met with reporters.")
    (event,) = extract(geoparser, text).events
    assert event.start == 0


def test_the_day_the_news_was_told_is_not_the_day_it_happened(geoparser):
    text = ("LAREDO, Texas — Officers at the World Trade Bridge seized nearly 300 pounds of "
            "methamphetamine, the agency said Friday. "
            "The seizure happened Tuesday when a tractor-trailer arrived from Nuevo Laredo.")
    (event,) = extract(geoparser, text, published="2023-03-03").events
    assert (event.type, event.date, event.date_precision) == ("drug_smuggling", "2023-02-28", "day")
    assert event.evidence.startswith("The seizure happened Tuesday")
    assert event.place.place_id == "poe:laredo-world-trade"  # told in the lead, kept


def test_an_arrest_that_is_part_of_the_seizure_is_no_operation_of_its_own(geoparser):
    text = ("Officers at the Mariposa Port of Entry seized 300 pounds of methamphetamine on Tuesday. "
            "The driver, a 34-year-old man, was arrested and turned over to investigators.")
    assert kinds(extract(geoparser, text)) == ["drug_smuggling"]
    alone = "Agents arrested ten members of a smuggling ring in Nogales on Thursday."
    assert "enforcement_operation" in kinds(extract(geoparser, alone))
    dated = text + " Police arrested two more men in Nogales on Friday."
    assert kinds(extract(geoparser, dated)) == ["drug_smuggling", "enforcement_operation"]


def test_days_later_counts_from_the_day_told_before(geoparser):
    text = ("On Oct. 7, agents seized 200 pounds of marijuana near Sasabe. "
            "Two days later, agents seized 90 pounds of cocaine near Lukeville.")
    doc = extract(geoparser, text)
    assert [(e.date, e.date_precision) for e in doc.events] == [("2024-10-07", "day"), ("2024-10-09", "day")]


HAPPENINGS = {
    "the court case goes on about the happening": (
        "In April, 6,000 rounds of ammunition were delivered to a Tucson residence and smuggled into Mexico. "
        "The Tucson residents were charged with smuggling, together with four other people tied to a ring "
        "that moved nearly 30,000 rounds.", ["weapons_trafficking"]),
    "an agreement told twice is one": (
        "Mexico and the United States agreed on Wednesday in Mexico City to keep working together. "
        "What was first promoted as the signing of a security agreement became a reaffirmation.",
        ["agreement"]),
    "an analysis of court cases is statistics": (
        "An analysis found that cases filed in Arizona in 2021 involved 300,000 rounds of ammunition.", []),
    "this year's counts are statistics": ("It is the third tunnel found in Nogales this year.", []),
    "migrants found hidden in a vehicle are being smuggled": (
        "On Wednesday, agents at the checkpoint north of Laredo discovered 14 migrants hidden in a box "
        "truck.", ["human_smuggling"]),
    "an agreement's later sentences name what it covers, not other agreements": (
        "On Tuesday, Texas and Tamaulipas signed a security agreement in Laredo. "
        "The memorandum commits state police in Nuevo Laredo and Reynosa to share radio channels. "
        "Business groups in Monterrey welcomed the pact.",
        ["agreement"]),
    "a separate case is another happening": (
        "On Monday, officers at the Nogales port seized 40 pounds of meth. "
        "In a separate case, officers at the Mariposa port seized 25 pounds of meth.",
        ["drug_smuggling", "drug_smuggling"]),
    "migrants caught crossing are a crossing": (
        "On Wednesday, agents near Laredo apprehended 14 migrants who had crossed the river.",
        ["migrant_crossing"]),
    "an ordinal in a compound is no new happening": (
        "On Oct. 9, officers at the San Ysidro Port of Entry seized $1 million in cash headed to Mexico. "
        "They found bundles of currency beneath the third-row seat.", ["cash_smuggling"]),
    "a reference back must fit the kind: 'the body' is remains, not a carrier's": (
        "Agents arrested a man who carried 40 rifles into Mexico in Tucson on Monday. A woman walked into "
        "Sonora through the Nogales port of entry with three pistols strapped to the body.",
        ["weapons_trafficking", "weapons_trafficking"]),
}


@pytest.mark.parametrize("case", HAPPENINGS)
def test_how_many_happenings_an_article_tells(geoparser, case):
    text, expected = HAPPENINGS[case]
    assert kinds(extract(geoparser, text)) == expected


def test_what_the_sentence_before_found_is_told_there(geoparser):
    text = ("Last November, in Reynosa, federal police could hardly believe what they discovered in a "
            "cartel safe house. The haul included half a million rounds of ammunition and 540 assault-style "
            "rifles.")
    (event,) = extract(geoparser, text).events
    assert event.type == "weapons_trafficking"
    assert event.evidence.startswith("Last November, in Reynosa")
    assert (event.date, event.date_precision, event.place.name) == ("2023-11-01", "month", "Reynosa")
    assert [(q.kind, q.value) for q in event.quantities] == [("guns", 540.0)]
    not_found = "Federal police met in Reynosa. The haul included 540 assault-style rifles."
    (event,) = extract(geoparser, not_found).events  # the sentence before found nothing
    assert event.evidence == "The haul included 540 assault-style rifles."


@pytest.mark.parametrize("text", [
    "En 2024, las autoridades aseguraron en Sonora más de 900 armas de fuego.",
    "Last year, agents seized more than 45,000 pounds of marijuana on the reservation.",
    "Between 2019 and 2023, Mexico seized 30,000 guns smuggled from the United States.",
])
def test_totals_over_years_are_no_events(geoparser, text):
    assert geoparser.parse_text(text, published="2025-01-10").events == []


def test_dollars_found_are_cash_but_dollars_paid_are_not(geoparser):
    found = geoparser.parse_text("On Oct. 3, officers at the Ysleta bridge found $212,000 in a bag.",
                                 published="2024-10-10")
    assert [e.type for e in found.events] == ["cash_smuggling"]
    paid = geoparser.parse_text("The officer was paid $2,000 a load by smugglers on Oct. 3.",
                                published="2024-10-10")
    assert "cash_smuggling" not in [e.type for e in paid.events]


def test_a_dated_record_is_a_happening_not_a_total(geoparser):
    text = ("Officers at the World Trade Bridge seized 1,380 pounds of methamphetamine on Tuesday, "
            "the largest meth seizure in Laredo so far this fiscal year.")
    assert [e.type for e in geoparser.parse_text(text, published="2024-10-10").events] == ["drug_smuggling"]
    total = "Officers have seized 12,000 pounds of methamphetamine so far this fiscal year."
    assert geoparser.parse_text(total, published="2024-10-10").events == []
