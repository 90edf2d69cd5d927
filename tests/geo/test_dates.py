"""Dates written in article headers (geo/dates.py)."""

from __future__ import annotations

import pytest

from geo.dates import find_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("February 17, 2010", "2010-02-17"),
        ("Feb. 17, 2010", "2010-02-17"),
        ("Feb 17 2010", "2010-02-17"),
        ("FEBRUARY 17, 2010", "2010-02-17"),
        ("17 de febrero de 2010", "2010-02-17"),
        ("17 febrero 2010", "2010-02-17"),
        ("2010-02-17", "2010-02-17"),
        ("Sept. 5, 2011", "2011-09-05"),
        ("Marta Quintero, Desert Ledger, March 1, 2011", "2011-03-01"),
        ("Posted on March 3, 2011", "2011-03-03"),
        ("Publicado el 2 de enero de 2012 a las 10:00", "2012-01-02"),
    ],
)
def test_written_dates(text, iso):
    assert find_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["February 30, 2010", "30 de febrero de 2010", "2010-02-30", "2010-13-01", "February 2010",
     "no date here", ""],
)
def test_not_a_date(text):
    assert find_date(text) is None


def test_first_date_in_the_text_wins():
    assert find_date("Updated 2011-05-02; first published April 30, 2011") == "2011-05-02"
    assert find_date("On April 30, 2011, updated 2011-05-02") == "2011-04-30"


def test_an_invalid_date_does_not_hide_a_valid_one():
    assert find_date("February 30, 2010 (sic), corrected to March 2, 2010") == "2010-03-02"
