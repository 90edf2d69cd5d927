"""Web pages and feeds as inputs."""

from __future__ import annotations

from gazetteer.errors import InputFileError
from geo.readers import read_documents

PAGE = """<html><head><title>Agents seize drugs at a Nogales crossing</title>
<meta name="date" content="2024-03-12"></head><body>
<nav>Home | News | Phoenix | Dallas | Weather</nav>
<article><h1>Agents seize drugs at a Nogales crossing</h1>
<p>NOGALES, Ariz. — Officers at the Mariposa Port of Entry seized 400 pounds of marijuana on Tuesday,
the agency said in a statement released in the afternoon.</p>
<p>The driver, a resident of Nogales, Sonora, was arrested and turned over to investigators.</p>
</article><footer>Copyright Example Media, Dallas</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Border Desk</title>
<item><title>Remains found near Ajo</title><link>https://example.org/ajo</link>
<pubDate>Tue, 12 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Volunteers found human remains near Ajo, Ariz., on Monday.&lt;/p&gt;
</description></item>
<item><title>Seizure at Lukeville</title><link>https://example.org/luke</link>
<pubDate>Wed, 13 Mar 2024 10:00:00 GMT</pubDate>
<description>Officers at the Lukeville port of entry seized 20 pounds of fentanyl on Tuesday.
</description></item>
</channel></rss>"""


def test_a_web_page_is_its_article(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = list(read_documents([str(path)]))
    assert doc.title == "Agents seize drugs at a Nogales crossing"
    assert doc.published == "2024-03-12"
    assert "Mariposa Port of Entry" in doc.text
    assert "Weather" not in doc.text and "Copyright" not in doc.text  # menus and footers are not the story
    assert doc.text[doc.body_start:].startswith("NOGALES, Ariz.")


def test_a_page_without_an_article_is_reported(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (error,) = list(read_documents([str(path)]))
    assert isinstance(error, InputFileError) and "empty.html" in str(error)


def test_each_feed_item_is_a_document(tmp_path, geoparser):
    path = tmp_path / "desk.rss"
    path.write_text(FEED, encoding="utf-8")
    docs = list(read_documents([str(path)]))
    assert [d.id for d in docs] == ["https://example.org/ajo", "https://example.org/luke"]
    assert [d.published for d in docs] == ["2024-03-12", "2024-03-13"]
    assert docs[0].text == "Volunteers found human remains near Ajo, Ariz., on Monday."
    assert docs[0].source == "Border Desk" and docs[1].url == "https://example.org/luke"
    ajo = geoparser(docs[0])
    assert [(m.name, m.admin1) for m in ajo.mentions] == [("Ajo", "Arizona"), ("Arizona", "Arizona")]
    assert [e.type for e in ajo.events] == ["humanitarian"] and ajo.events[0].date == "2024-03-11"


def test_a_broken_feed_is_reported_with_its_line(tmp_path):
    path = tmp_path / "broken.xml"
    broken = "<?xml version='1.0'?>\n<rss><channel><title>x</title>\n<item><title>a</ti"
    path.write_text(broken, encoding="utf-8")
    (error,) = list(read_documents([str(path)]))
    assert isinstance(error, InputFileError) and "broken.xml" in str(error)
