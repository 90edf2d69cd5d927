"""The same happening told by several articles becomes one incident."""

from __future__ import annotations

import pytest

from geo.document import Document
from geo.incidents import assign_incidents, group_incidents, same_incident

ARTICLE_A = ("NOGALES, Ariz. — Officers at the Mariposa Port of Entry seized 400 pounds of marijuana "
             "hidden in a load of tomatoes on Tuesday, the agency said.")
ARTICLE_B = ("Customs officers seized about 410 pounds of marijuana on Tuesday at the Mariposa Port of "
             "Entry in Nogales, Arizona, hidden among tomatoes.")
ARTICLE_C = ("Agents seized 4,000 pounds of marijuana on Tuesday at the Mariposa Port of Entry in "
             "Nogales, Arizona.")
ARTICLE_FAR = ("LAREDO, Texas — Officers at the World Trade International Bridge seized 400 pounds of "
               "marijuana on Tuesday.")


def _events(geoparser, text, doc_id, published="2024-03-13", url=None):
    doc = geoparser(Document(id=doc_id, text=text, title=f"Story {doc_id}", published=published, url=url))
    return [e for e in doc.events if e.type == "drug_smuggling"]


@pytest.fixture(scope="module")
def reports(geoparser):
    return {
        "a": _events(geoparser, ARTICLE_A, "a", url="https://example.org/a"),
        "b": _events(geoparser, ARTICLE_B, "b", published="2024-03-14", url="https://example.org/b"),
        "c": _events(geoparser, ARTICLE_C, "c", url="https://example.org/c"),
        "far": _events(geoparser, ARTICLE_FAR, "far", url="https://example.org/far"),
    }


def test_each_report_has_one_dated_located_seizure(reports):
    for events in reports.values():
        assert len(events) == 1
        (event,) = events
        assert event.date_precision == "day" and event.lat is not None


def test_two_articles_of_one_seizure_are_one_incident(reports):
    a, b = reports["a"][0], reports["b"][0]
    assert a.date == b.date == "2024-03-12"  # "Tuesday" before each publication date
    assert same_incident(a, b)
    (incident,) = group_incidents([a, b])
    assert [e.id for e in incident.events] == [a.id, b.id]  # earliest article first
    assert [s["id"] for s in incident.sources] == ["a", "b"]


def test_amounts_that_disagree_are_different_incidents(reports):
    assert not same_incident(reports["a"][0], reports["c"][0])  # 400 vs 4,000 pounds


def test_far_apart_places_are_different_incidents(reports):
    assert not same_incident(reports["a"][0], reports["far"][0])


def test_assign_incidents_lists_the_other_sources(reports):
    events = [reports["a"][0], reports["b"][0], reports["c"][0], reports["far"][0]]
    incidents = assign_incidents(events)
    assert sorted(len(i.events) for i in incidents) == [1, 1, 2]
    a, b, c, far = events
    assert a.incident_id == b.incident_id != c.incident_id
    assert [s["id"] for s in a.other_sources] == ["b"]
    assert [s["id"] for s in b.other_sources] == ["a"]
    assert c.other_sources == [] and far.other_sources == []
    assert a.to_dict()["incident_id"] == a.incident_id


def test_incident_ids_are_stable(reports):
    events = [reports["a"][0], reports["b"][0]]
    assert group_incidents(events)[0].id == group_incidents(list(reversed(events)))[0].id


def test_undated_events_are_never_merged(geoparser):
    text = "Agents seized 400 pounds of marijuana at the Mariposa Port of Entry."
    (a,) = _events(geoparser, text, "x", published=None)
    (b,) = _events(geoparser, text, "y", published=None)
    assert a.date_precision == "unknown"
    assert not same_incident(a, b)
