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


def test_a_report_dated_by_its_article_joins_on_an_amount(reports, geoparser):
    """"Officers seized 405 pounds" (no day: the article's date) is the
    Tuesday seizure of 400 pounds; a bare seizure with no amount is not."""
    no_day = ("Officers at the Mariposa Port of Entry in Nogales, Arizona, seized 405 pounds of marijuana "
              "hidden in tomatoes.")
    (c,) = _events(geoparser, no_day, "no-day", published="2024-03-13", url="https://example.org/no-day")
    assert c.date_precision == "publication"
    assert same_incident(reports["a"][0], c)
    (incident,) = group_incidents([reports["a"][0], c])
    assert len(incident.events) == 2
    bare = "Officers at the Mariposa Port of Entry in Nogales, Arizona, seized marijuana hidden in tomatoes."
    (d,) = _events(geoparser, bare, "bare", published="2024-03-13", url="https://example.org/bare")
    assert not same_incident(reports["a"][0], d) and not same_incident(c, d)


SEIZURE = ("NOGALES, Ariz. — Officers at the Mariposa Port of Entry seized {what} of methamphetamine "
           "hidden in a truck today, the agency said.")


def _seizure(geoparser, published, what="a load", name=None):
    name = name or f"{published}-{what.replace(' ', '-')}"
    (event,) = _events(geoparser, SEIZURE.format(what=what), name, published=published,
                       url=f"https://example.org/{name}")
    return event


def test_a_chain_of_reports_at_a_busy_port_is_not_one_incident(geoparser):
    """A seizure at the same port every other day, no amounts: each report
    is the same happening as the next, but the first and the third are four
    days apart. Pairs chained, this would be one incident over eight days."""
    days = ["2024-03-01", "2024-03-03", "2024-03-05", "2024-03-07", "2024-03-09"]
    a, b, c, d, e = events = [_seizure(geoparser, day) for day in days]
    assert all(same_incident(x, y) for x, y in zip(events, events[1:]))
    assert not same_incident(a, c)
    incidents = group_incidents(events)
    assert [[x.date for x in i.events] for i in incidents] == [
        ["2024-03-01", "2024-03-03"], ["2024-03-05", "2024-03-07"], ["2024-03-09"]]
    together = {x.id: i.id for i in incidents for x in i.events}
    assert together[a.id] == together[b.id] != together[c.id] != together[e.id]
    for incident in incidents:  # every member is the same happening as the first report
        assert all(same_incident(incident.events[0], x) for x in incident.events[1:])


def test_amounts_do_not_chain(geoparser):
    """100, 115 and 132 pounds: each within a fifth of the next, the first
    and the last not."""
    a, b, c = [_seizure(geoparser, "2024-03-01", f"{n} pounds", name=f"{letter}-{n}")
               for letter, n in (("a", 100), ("b", 115), ("c", 132))]
    assert same_incident(a, b) and same_incident(b, c) and not same_incident(a, c)
    incidents = group_incidents([c, b, a])
    assert sorted([x.id for x in i.events] for i in incidents) == sorted([[a.id, b.id], [c.id]])


def test_one_article_never_twice_in_an_incident(geoparser):
    text = ("Officers at the Mariposa Port of Entry in Nogales, Ariz., seized marijuana hidden in a "
            "truck today. Later, officers at the Mariposa Port of Entry seized marijuana from a second "
            "truck today.")
    twice = _events(geoparser, text, "twice", published="2024-03-01", url="https://example.org/twice")
    other = _seizure(geoparser, "2024-03-01")
    assert len(twice) == 2 and all(same_incident(other, x) for x in twice)
    incidents = group_incidents([*twice, other])
    assert sorted(len(i.events) for i in incidents) == [1, 2]
    for incident in incidents:
        assert len({x.document["id"] for x in incident.events}) == len(incident.events)


TOWNS = ("Nogales, Ariz.", "Nogales, Sonora", "Rio Rico, Ariz.", "Douglas, Ariz.", "Agua Prieta, Sonora")


def test_grouping_is_the_same_whatever_the_order(geoparser):
    """A dense week of reports (five towns, two of them 3 km apart, amounts
    close to each other or none): the same incidents in every order."""
    import random

    rng = random.Random(4)
    events = []
    for n in range(90):
        day = f"2024-03-{rng.randint(1, 9):02d}"
        amount = rng.choice(("", "100 pounds of ", "110 pounds of ", "125 pounds of ", "400 pounds of "))
        text = f"Agents seized {amount}marijuana near {rng.choice(TOWNS)} today, officials said."
        events += _events(geoparser, text, f"r{n}", published=day, url=f"https://example.org/r{n}")
    assert len(events) == 90

    def grouping(order):
        return sorted((i.id, sorted(x.id for x in i.events)) for i in group_incidents(order))

    expected = grouping(events)
    assert max(len(members) for _id, members in expected) >= 4, "the week is dense: reports merge"
    assert grouping(list(reversed(events))) == expected
    for seed in range(3):
        shuffled = list(events)
        random.Random(seed).shuffle(shuffled)
        assert grouping(shuffled) == expected
