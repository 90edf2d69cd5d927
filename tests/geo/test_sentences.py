"""Sentence splitting (geo/sentences.py): offsets that slice out each
sentence, abbreviations that do not end one, datelines left out of the first
sentence, and paragraph breaks. The texts are invented for the test."""

from __future__ import annotations

import pytest

from geo.sentences import split_sentences


def sentences(text: str, start: int = 0) -> list[str]:
    spans = split_sentences(text, start)
    for a, b in spans:
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip(), (a, b)  # whitespace trimmed
    assert spans == sorted(spans)
    for (_, b), (a, _) in zip(spans, spans[1:]):
        assert b <= a  # never overlapping
    return [text[a:b] for a, b in spans]


def test_offsets_slice_out_each_sentence():
    text = "Agents met at noon. They left!  Did anyone see them? Nobody did."
    assert split_sentences(text) == [(0, 19), (20, 30), (32, 52), (53, 64)]
    assert sentences(text) == ["Agents met at noon.", "They left!", "Did anyone see them?", "Nobody did."]


def test_leading_and_trailing_space_is_trimmed():
    text = "   Rain fell. Wind blew.   "
    assert split_sentences(text) == [(3, 13), (14, 24)]


def test_start_offset_skips_the_header():
    text = "A Title\nBody one. Body two."
    spans = split_sentences(text, 8)
    assert [text[a:b] for a, b in spans] == ["Body one.", "Body two."]
    assert spans[0][0] == 8


def test_closing_quote_stays_with_its_sentence():
    text = 'The chief said "we will go." Then he left.'
    assert sentences(text) == ['The chief said "we will go."', "Then he left."]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Border Patrol and Mexican police met on Friday.",
        "Officers from the U.S. Attorney's office spoke in Phoenix.",
        "Agents in Sasabe, Ariz., found the truck on Friday.",
        "Ranchers in Lordsburg, N.M. on Friday said the fence fell.",
        "The raid took place on Oct. 4 near the river.",
        "The crossing reopened at 3 p.m. on Monday.",
        "The truck carried 40 lbs. of cocaine and 3.5 kilos of heroin.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text):
    assert sentences(text + " Nothing else happened.") == [text, "Nothing else happened."]


def test_a_state_abbreviation_can_end_a_sentence():
    assert sentences("The agents live in Nogales, Ariz. The road is closed.") == [
        "The agents live in Nogales, Ariz.", "The road is closed."]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Arizona Gov. Katie Ramos visited the port.",
        "The talks, said Sen. Mark Olivas, went well.",
        "Mr. Ruiz said the load was seized.",
    ],
)
def test_a_title_before_a_name_does_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_english_dateline_is_left_out_of_the_first_sentence():
    text = "NOGALES, Ariz. — Agents seized a truck on Tuesday. The driver fled."
    assert sentences(text) == ["Agents seized a truck on Tuesday.", "The driver fled."]
    assert split_sentences(text)[0][0] == text.index("Agents")


def test_spanish_dateline_is_left_out_of_the_first_sentence():
    text = "TIJUANA, Baja California.- La policía detuvo a dos hombres. Otro huyó."
    assert sentences(text) == ["La policía detuvo a dos hombres.", "Otro huyó."]


def test_spanish_wire_dateline_is_left_out():
    text = "SAN LUIS RÍO COLORADO, 17 de mayo (AP).— Agentes detuvieron a tres. Fin."
    assert sentences(text) == ["Agentes detuvieron a tres.", "Fin."]


def test_a_dash_inside_a_sentence_is_not_a_dateline():
    text = "Rain fell. The agents — all six of them — stayed home."
    assert sentences(text) == ["Rain fell.", "The agents — all six of them — stayed home."]


def test_a_later_paragraph_has_no_dateline():
    text = ("NOGALES, Ariz. — Rain fell on Monday.\n\n"
            "Three agents — all of them veterans — stayed at the station.")
    assert sentences(text) == ["Rain fell on Monday.",
                               "Three agents — all of them veterans — stayed at the station."]


def test_blank_lines_split_even_without_a_full_stop():
    text = "A heading without a stop\n\nThe first paragraph starts here. It ends here."
    assert sentences(text) == ["A heading without a stop", "The first paragraph starts here.",
                               "It ends here."]


def test_a_line_break_inside_a_sentence_does_not_split_it():
    text = "The agents walked along the\nriver for hours."
    assert sentences(text) == ["The agents walked along the\nriver for hours."]


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


def test_sentence_ends_are_found_where_the_plain_pattern_finds_them():
    import random
    import re

    from geo.sentences import _END

    plain = re.compile(r"[.!?]+[\"”’)]*(?=\s)|\n\s*\n|\n(?=\s*[A-Z¿¡\"“])")
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(".!?\n \t\"”’)“¿¡Aa1") for _ in range(rng.randint(0, 25)))
        for start in (0, len(text) // 2):
            assert [m.span() for m in _END.finditer(text, start)] == [
                m.span() for m in plain.finditer(text, start)], repr(text)
