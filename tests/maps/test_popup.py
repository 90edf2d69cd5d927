"""maps.layers.popup: article text reaches the page only escaped; the place
is marked in the evidence; only http(s) links."""

from __future__ import annotations

import pytest

from maps.layers import js_json
from maps.layers.popup import find_name, highlight, place_html, safe_url, source_html, text

ATTACK = '<img src=x onerror="alert(1)">'


def test_text_escapes_everything():
    assert text(ATTACK) == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert text(None) == "" and text(float("nan")) == ""


def test_headline_is_text_and_link_is_safe():
    html = source_html(ATTACK, "https://news.example/a?x=1&y=2", "Wire <b>", "2024-01-02")
    assert "<img" not in html and "&lt;img" in html
    assert 'href="https://news.example/a?x=1&amp;y=2"' in html and "Wire &lt;b&gt;" in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>", "/relative", "ftp://x/y",
                                 'https://a.example/" onmouseover="x', None, ""])
def test_unsafe_urls_are_not_linked(url):
    link = safe_url(url)
    assert link == "" or (link.startswith("https://") and '"' not in link)
    if not link:
        assert "<a " not in source_html("Title", url, None, None)


def test_highlight_marks_the_place_and_escapes_the_rest():
    html = highlight("Agents in <b>Nogales</b> seized 3 rifles near NOGALES.", "Nogales")
    assert html == "Agents in &lt;b&gt;<mark>Nogales</mark>&lt;/b&gt; seized 3 rifles near NOGALES."


def test_highlight_ignores_accents_and_case_and_falls_back_to_parts():
    assert highlight("Rescue near Sasabe, Sonora.", "Sásabe") == "Rescue near <mark>Sasabe</mark>, Sonora."
    marked = highlight("An operation at the Arizona- Mexico border began.", "Arizona–Sonora border")
    assert marked == "An operation at the <mark>Arizona</mark>- Mexico border began."
    assert highlight("Nothing here.", "Tucson") == "Nothing here."
    assert find_name("Bisbee and Naco", "Naco") == (11, 15)
    assert find_name("Nacozari", "Naco") is None  # whole words only


def test_place_html():
    html = place_html("Nogales <x>", "port_of_entry", 1, "'Nogales' named in the sentence")
    assert html.startswith("Nogales &lt;x&gt; (port of entry) · precision 1: the town or site")
    assert "&#x27;Nogales&#x27; named" in html


def test_js_json_cannot_close_its_script():
    out = js_json({"a": "</script><script>alert(1)</script>", "b": "\u2028"})
    assert "</" not in out and "<" not in out and "\u2028" not in out
