"""When an event happened (geo/when.py): dates in a sentence resolved against
the article's publication date, with their precision. The sentences are
invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.when import EventDate, resolve_date, resolve_dates

PUB = "2024-10-17"  # a Thursday


def test_the_publication_date_is_a_thursday():
    assert dt.date.fromisoformat(PUB).strftime("%A") == "Thursday"


# -- weekdays ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "iso", "written"),
    [
        ("Agents seized the truck on Tuesday.", "2024-10-15", "Tuesday"),
        ("Agents seized the truck Friday.", "2024-10-11", "Friday"),  # the Friday before
        ("Agents seized the truck on Monday night.", "2024-10-14", "Monday"),
        ("Agents seized the truck on Thursday.", "2024-10-17", "Thursday"),  # the day itself
        ("La policía detuvo a dos hombres el domingo.", "2024-10-13", "domingo"),
        ("Los agentes encontraron el camión el miércoles.", "2024-10-16", "miércoles"),
    ],
)
def test_a_weekday_in_the_past_is_the_last_one_on_or_before_publication(sentence, iso, written):
    assert resolve_date(sentence, PUB) == EventDate(iso, "day", written)


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("Officials will sign a declaration Thursday in the capital.", "2024-10-24"),  # a week on
        ("The two agencies will meet on Tuesday.", "2024-10-22"),
        ("The governors are scheduled to visit the port Saturday.", "2024-10-19"),
        ("El próximo lunes se firmará el convenio.", "2024-10-21"),
    ],
)
def test_a_weekday_in_the_future_tense_is_the_next_one(sentence, iso):
    found = resolve_date(sentence, PUB)
    assert (found.date, found.precision) == (iso, "day")


def test_relative_days():
    assert resolve_date("Agents found the car yesterday.", PUB) == EventDate("2024-10-16", "day", "yesterday")
    assert resolve_date("Los agentes lo detuvieron ayer.", PUB).date == "2024-10-16"
    assert resolve_date("The port reopens tomorrow.", PUB).date == "2024-10-18"


# -- month and day -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "published", "iso", "written"),
    [
        ("The raid took place on Oct. 4 in the valley.", PUB, "2024-10-04", "Oct. 4"),
        ("On Sept. 12 agents found the tunnel.", PUB, "2024-09-12", "Sept. 12"),
        ("The tunnel was found December 9.", PUB, "2023-12-09", "December 9"),  # more than a month ahead
        ("The tunnel was found on Nov. 30.", PUB, "2023-11-30", "Nov. 30"),  # 44 days ahead: last year
        ("The tunnel was found on Nov. 10.", PUB, "2024-11-10", "Nov. 10"),  # within a month: this year
        ("Los hechos ocurrieron el 21 de septiembre.", PUB, "2024-09-21", "21 de septiembre"),
        ("The crash happened on Dec. 28.", "2025-01-10", "2024-12-28", "Dec. 28"),
        ("The crash happened on Jan. 5.", "2025-01-10", "2025-01-05", "Jan. 5"),
    ],
)
def test_month_and_day_take_the_publication_year(sentence, published, iso, written):
    assert resolve_date(sentence, published) == EventDate(iso, "day", written)


@pytest.mark.parametrize(
    ("sentence", "iso", "written"),
    [
        ("The fence was finished on March 3, 2021.", "2021-03-03", "March 3, 2021"),
        ("El muro se terminó el 5 de mayo de 2022.", "2022-05-05", "5 de mayo de 2022"),
    ],
)
def test_a_full_date_needs_no_publication_date(sentence, iso, written):
    assert resolve_date(sentence, None) == EventDate(iso, "day", written)
    assert resolve_date(sentence, PUB) == EventDate(iso, "day", written)


def test_an_impossible_day_is_not_a_date():
    assert resolve_date("It happened on Feb. 30.", PUB).precision == "publication"


# -- month, year, none ---------------------------------------------------------------

def test_month_and_year_have_month_precision():
    assert resolve_date("In April 2020, agents found the tunnel.", PUB) == EventDate(
        "2020-04-01", "month", "In April 2020")
    assert resolve_date("En marzo de 2018 se halló el túnel.", PUB) == EventDate(
        "2018-03-01", "month", "En marzo de 2018")


def test_a_year_alone_has_year_precision():
    assert resolve_date("The wall was built in 2019.", PUB) == EventDate("2019-01-01", "year", "in 2019")
    assert resolve_date("Since 2015, agents have patrolled the canal.", PUB).date == "2015-01-01"


def test_no_date_is_the_publication_date():
    assert resolve_date("Agents seized 400 pounds of marijuana.", PUB) == EventDate(PUB, "publication", None)
    assert resolve_date("Agents counted 2150 cars.", PUB) == EventDate(PUB, "publication", None)


def test_a_timestamp_publication_date_is_cut_to_the_day():
    assert resolve_date("Agents seized the truck.", "2024-10-17T08:30:00Z") == EventDate(
        PUB, "publication", None)
    assert resolve_date("Agents seized the truck on Tuesday.", "2024-10-17T08:30:00Z").date == "2024-10-15"


@pytest.mark.parametrize("published", [None, "", "not a date"])
def test_without_a_publication_date_relative_dates_are_unknown(published):
    assert resolve_date("Agents seized the truck.", published) == EventDate(None, "unknown", None)
    assert resolve_date("Agents seized the truck on Tuesday.", published) == EventDate(None, "unknown", None)
    assert resolve_date("The raid took place on Oct. 4.", published) == EventDate(None, "unknown", None)


# -- several dates -------------------------------------------------------------------

def test_two_days_in_one_sentence_are_two_dates():
    found = resolve_dates("Six people were killed on May 1 and five more on May 4.", "2024-05-10")
    assert found == [EventDate("2024-05-01", "day", "May 1"), EventDate("2024-05-04", "day", "May 4")]


def test_two_spanish_days_in_one_sentence():
    found = resolve_dates("Hubo seis muertos el 1 de mayo y cinco el 4 de mayo.", "2024-05-10")
    assert [(d.date, d.precision) for d in found] == [("2024-05-01", "day"), ("2024-05-04", "day")]


def test_two_weekdays_in_one_sentence():
    found = resolve_dates("Agents made arrests on Monday and on Wednesday.", PUB)
    assert [d.date for d in found] == ["2024-10-14", "2024-10-16"]


def test_two_full_dates_in_one_sentence():
    found = resolve_dates("The raids were on March 3, 2021 and March 5, 2021.", PUB)
    assert [d.date for d in found] == ["2021-03-03", "2021-03-05"]


def test_the_same_day_twice_is_one_date():
    assert resolve_dates("Arrests on May 1 and more arrests on May 1.", "2024-05-10") == [
        EventDate("2024-05-01", "day", "May 1")]


def test_one_or_no_date_gives_the_single_best_date():
    assert resolve_dates("Agents seized the truck on Tuesday.", PUB) == [
        EventDate("2024-10-15", "day", "Tuesday")]
    assert resolve_dates("Agents seized the truck.", PUB) == [EventDate(PUB, "publication", None)]
    assert resolve_dates("Agents seized the truck.", None) == [EventDate(None, "unknown", None)]
    assert resolve_dates("In April 2020, agents found it.", PUB) == [
        EventDate("2020-04-01", "month", "In April 2020")]


def test_a_past_and_a_future_weekday_in_one_sentence():
    found = resolve_dates("Agents arrested him on Monday and prosecutors will charge him Friday.", PUB)
    assert [d.date for d in found] == ["2024-10-14", "2024-10-18"]


# -- periods counted back from the publication ----------------------------------------

@pytest.mark.parametrize(("sentence", "iso", "precision"), [
    ("Three days ago, agents found a body in the desert.", "2024-10-14", "day"),
    ("Hace tres días, agentes hallaron un cuerpo.", "2024-10-14", "day"),
    ("Last November, federal police found a cache of rifles.", "2023-11-01", "month"),
    ("El pasado noviembre, soldados aseguraron armas.", "2023-11-01", "month"),
    ("In March, agents discovered a 60-foot tunnel.", "2024-03-01", "month"),
    ("The two countries will sign the accord in November.", "2024-11-01", "month"),
    ("Officials signed an agreement last year.", "2023-01-01", "year"),
])
def test_periods_before_the_publication(sentence, iso, precision):
    (found,) = resolve_dates(sentence, PUB)
    assert (found.date, found.precision) == (iso, precision)


@pytest.mark.parametrize(("sentence", "iso"), [
    ("Two days later, agents found more marijuana.", "2024-10-12"),
    ("A week later, agents found more.", "2024-10-17"),
    ("The next day, police found a second body.", "2024-10-11"),
    ("Around three hours later, agents came upon the second body.", "2024-10-10"),
    ("Al día siguiente, soldados hallaron otro cuerpo.", "2024-10-11"),
    ("Tres días después, agentes aseguraron armas.", "2024-10-13"),
])
def test_later_counts_from_the_day_told_before(sentence, iso):
    (found,) = resolve_dates(sentence, PUB, after="2024-10-10")
    assert (found.date, found.precision) == (iso, "day")
    assert resolve_dates(sentence, PUB)[0].precision == "publication"  # with no day before


@pytest.mark.parametrize(("sentence", "iso"), [
    ("Two weeks earlier, agents found a tunnel.", "2024-09-26"),
    ("The day before, agents found a tunnel.", "2024-10-09"),
    ("Una semana antes, la Guardia Nacional liberó a nueve personas.", "2024-10-03"),
    ("Tres días antes, agentes hallaron un túnel.", "2024-10-07"),
])
def test_earlier_counts_back_from_the_day_told_before(sentence, iso):
    (found,) = resolve_dates(sentence, PUB, after="2024-10-10")
    assert (found.date, found.precision) == (iso, "day")


@pytest.mark.parametrize("sentence", ["Agents may seize more drugs.", "The march went on.",
                                      "The agency said Friday that agents seized drugs."])
def test_words_that_only_look_like_a_date(sentence):
    assert resolve_dates(sentence, PUB)[0].precision == "publication"


# -- the patterns' fast lead ---------------------------------------------------------

def test_a_pattern_led_by_its_initials_finds_what_a_leading_word_boundary_finds():
    import re

    from geo import when

    text = ("On Sept. 4, 2019, in May 2010 and on 3 de mayo de 2021 — ſept 4, MAYO 12th, xmay 4, "
            "_May 4, desde 2015, sinceX 2015, el Miércoles y el SÁBADO, 12 de dic, Oct.\u00a09")
    for name in ("FULL", "MONTH_DAY", "MONTH_YEAR", "WEEKDAY", "YEAR"):
        pattern = getattr(when, name)
        plain = re.compile(r"\b(?:" + pattern.pattern.split("])", 1)[1] + ")", pattern.flags)
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], name
        assert found, name
