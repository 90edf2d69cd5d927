"""The event store, on both backends: articles known by URL and content,
updates replacing their rows, incidents exactly as grouping every stored
event at once, filters."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import shapely

from maps.ingest import ingest
from maps.store import open_store, read_store_events
from maps.store.base import DUPLICATE, NEW, SCHEMA_VERSION, UNCHANGED, UPDATED

ARTICLE = ("Agents at the Mariposa Port of Entry in Nogales, Ariz., seized 300 pounds of methamphetamine "
           "hidden in a pickup truck on Tuesday, officials said.")
RETOLD = ("Officers at the Mariposa Port of Entry in Nogales, Ariz., seized 310 pounds of methamphetamine "
          "from a pickup truck on Tuesday.")
LATER = ("Gunmen opened fire on a house in Ciudad Juárez, Chihuahua on Wednesday, and 3 people were killed, "
         "police said.")


def write(path, records) -> str:
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return str(path)


def article(n, text, url=None, published="2024-03-14", title=None) -> dict:
    return {"id": f"a{n}", "title": title or f"Report {n}", "published": published, "text": text,
            **({"url": url} if url else {})}


def stored(db):
    """Everything a reader of the store sees, sorted, for comparisons."""
    frame = read_store_events(db)
    return frame.sort_values("id", kind="stable").reset_index(drop=True)


def test_store_holds_what_geo_events_gives(db, corpus, corpus_frame):
    summary = ingest([corpus], db)
    assert summary.new == summary.read == 150 and summary.bad == 0
    frame = read_store_events(db)
    assert len(frame) == len(corpus_frame) > 300
    pd.testing.assert_frame_equal(frame, corpus_frame)  # incidents (ids, sizes, other sources) included
    assert frame["incident_size"].max() > 1, "the corpus re-tells happenings: some incidents span articles"
    counts = summary.store
    assert counts["articles"] == 150 and counts["events"] == len(frame)
    assert counts["incidents"] == frame["incident_id"].nunique()


def test_reingesting_changes_nothing(db, corpus):
    ingest([corpus], db)
    before = stored(db)
    again = ingest([corpus], db)
    assert (again.new, again.updated, again.events) == (0, 0, 0)
    assert again.skipped == {"already stored": 150}
    pd.testing.assert_frame_equal(stored(db), before)


def test_same_content_under_another_url_is_a_duplicate(db, tmp_path):
    first = write(tmp_path / "a.jsonl", [article(1, ARTICLE, url="https://example.test/a")])
    copy = write(tmp_path / "b.jsonl", [article(1, ARTICLE, url="https://mirror.example.test/a")])
    assert ingest([first], db).new == 1
    summary = ingest([copy], db)
    assert summary.new == 0 and summary.skipped == {"same text as a stored article": 1}
    with open_store(db) as store:
        assert store.counts()["articles"] == 1


def test_an_updated_article_replaces_its_events(db, tmp_path):
    url = "https://example.test/story"
    old = write(tmp_path / "old.jsonl", [article(1, ARTICLE, url=url), article(2, RETOLD, url="https://b.test/2")])
    new = write(tmp_path / "new.jsonl", [article(1, LATER, url=url, published="2024-03-14")])
    ingest([old], db)
    merged = read_store_events(db)
    assert set(merged["incident_size"]) == {2}, "two articles tell the seizure: one incident"
    with open_store(db) as store:
        assert store.revision(url) == 1
    summary = ingest([new], db)
    assert summary.updated == 1 and summary.new == 0
    frame = read_store_events(db)
    assert "violence" in set(frame["type"])
    assert not (frame["doc_url"].eq(url) & frame["type"].eq("drug_smuggling")).any(), "old events are gone"
    # the other article's seizure is an incident of its own again, as grouping from scratch gives
    alone = frame[frame["doc_url"] == "https://b.test/2"]
    assert set(alone["incident_size"]) == {1} and alone["other_sources"].isna().all()
    with open_store(db) as store:
        assert store.revision(url) == 2
        assert store.counts()["articles"] == 2
    fresh = write(tmp_path / "fresh.jsonl", [article(1, LATER, url=url), article(2, RETOLD, url="https://b.test/2")])
    assert ingest([fresh], str(tmp_path / "fresh.gpkg")).new == 2
    pd.testing.assert_frame_equal(stored(db), stored(str(tmp_path / "fresh.gpkg")))


def by_event(frame):
    """A frame sorted by article and event, for comparing stores filled in other orders."""
    return frame.sort_values(["doc_url", "start", "type", "id"], kind="stable").reset_index(drop=True)


def lines_of(path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return f.readlines()


def test_incidents_do_not_depend_on_the_order_or_the_batches(db, corpus, corpus_frame, tmp_path, monkeypatch):
    """The corpus in a shuffled order, four batches of it one after the
    other; then in reverse, in one run regrouping every 20 articles: both
    hold exactly the incidents of grouping the whole corpus at once."""
    import random

    import maps.ingest

    lines = lines_of(corpus)
    random.Random(2).shuffle(lines)
    for n in range(4):
        batch = write(tmp_path / f"batch{n}.jsonl", [json.loads(line) for line in lines[n::4]])
        ingest([batch], db)
    expected = by_event(corpus_frame)
    assert expected["incident_size"].max() >= 3
    pd.testing.assert_frame_equal(by_event(read_store_events(db)), expected)

    monkeypatch.setattr(maps.ingest, "REGROUP_EVERY", 20)
    backwards = write(tmp_path / "backwards.jsonl", [json.loads(line) for line in reversed(lines_of(corpus))])
    other = str(tmp_path / "backwards.gpkg")
    ingest([backwards], other, batch_size=7)
    pd.testing.assert_frame_equal(by_event(read_store_events(other)), expected)


def test_updated_articles_regroup_as_from_scratch(db, corpus, tmp_path, gaz):
    """A third of the articles come again with other amounts (their old
    incidents come apart, their new events group anew), some of them in
    the middle of the period: the store holds what grouping the final
    articles at once gives."""
    import re

    from maps import geo_events

    records = [json.loads(line) for line in lines_of(corpus)]
    ingest([corpus], db)
    changed = []
    for record in records[::3]:
        record = dict(record, text=re.sub(r"\d+", lambda m: str(int(m.group()) * 3), record["text"], count=1))
        changed.append(record)
    updates = write(tmp_path / "updates.jsonl", changed)
    summary = ingest([updates], db)
    assert summary.updated == len(changed)
    final = {r["url"]: r for r in records} | {r["url"]: r for r in changed}
    everything = write(tmp_path / "final.jsonl", list(final.values()))
    expected = by_event(geo_events([everything], gazetteer=gaz))
    pd.testing.assert_frame_equal(by_event(read_store_events(db)), expected)


CHAIN = ("NOGALES, Ariz. — Officers at the Mariposa Port of Entry seized a load of methamphetamine "
         "hidden in a truck today, the agency said.")


def test_a_chain_of_reports_is_not_one_incident(db, tmp_path):
    """Reports every other day of seizures at one port, ingested one by one
    out of order: each the same happening as the next, but incidents are
    anchored on their first report — none spans more than three days."""
    days = ["2024-03-01", "2024-03-03", "2024-03-05", "2024-03-07", "2024-03-09"]
    for day in ("2024-03-05", "2024-03-09", "2024-03-01", "2024-03-07", "2024-03-03"):
        one = article(day, CHAIN, url=f"https://e.test/{day}", published=day)
        ingest([write(tmp_path / f"{day}.jsonl", [one])], db)
    frame = read_store_events(db)
    seizures = frame[frame["type"] == "drug_smuggling"]
    assert sorted(seizures["date"]) == days
    groups = sorted(sorted(g["date"]) for _id, g in seizures.groupby("incident_id"))
    assert groups == [days[0:2], days[2:4], days[4:]]


@pytest.mark.parametrize("old", ["1", "2"])
def test_a_store_of_an_earlier_schema_is_regrouped(db, corpus, corpus_frame, old):
    """Stores made when incidents were chained pairs (1), or left out events
    dated by their article (2), get today's incidents the first time they are
    opened for writing."""
    ingest([corpus], db)
    with open_store(db) as store:
        store._execute(f"UPDATE {store._table('bordermap_meta')} SET value = '{old}' WHERE key = 'schema'")
        store._execute(f"UPDATE {store._table('events')} SET incident_id = 'in-chained', incident_size = 9")
        store._execute(f"DELETE FROM {store._table('incidents')}")
    assert set(read_store_events(db)["incident_id"]) == {"in-chained"}, "read as it is"
    summary = ingest([corpus], db)
    assert summary.new == 0 and summary.store["incidents"] == corpus_frame["incident_id"].nunique()
    pd.testing.assert_frame_equal(read_store_events(db), corpus_frame)
    with open_store(db) as store:
        assert store._execute(f"SELECT value FROM {store._table('bordermap_meta')} WHERE key = 'schema'") \
            == [(SCHEMA_VERSION,)]


def test_write_outcomes_and_revision(db, tmp_path, geoparser):
    from geo.document import Document
    from maps.store.records import record_of

    def record(text, url):
        return record_of(geoparser(Document(id="x", text=text, url=url, published="2024-03-14")))

    one, changed = record(ARTICLE, "https://e.test/1"), record(LATER, "https://e.test/1")
    copy = record(ARTICLE, "https://e.test/2")
    with open_store(db) as store:
        assert store.revision("https://e.test/1") is None
        assert store.write_articles([one, one]) == [NEW, UNCHANGED]
        assert store.known(one.url, one.content_hash) == UNCHANGED
        assert store.known(copy.url, copy.content_hash) == DUPLICATE
        assert store.known(changed.url, changed.content_hash) is None
        assert store.write_article(changed) == UPDATED
        assert store.revision("https://e.test/1") == 2
        assert store.revision(changed.content_hash) == 2


def test_incidents_wait_until_refreshed(db, corpus):
    from geo.pipeline import Geoparser
    from maps.store.records import record_of
    from maps.store.sources import read_sources

    geoparser = Geoparser()
    records = [record_of(geoparser(doc)) for doc in read_sources([corpus])][:20]
    with open_store(db) as store:
        store.write_articles(records)
        assert len(store.waiting_events()) == sum(len(r.events) for r in records)
        assert store.refresh_incidents() > 0
        assert store.waiting_events() == []


def test_filters(db, corpus, corpus_frame, gaz):
    from maps.corridors import corridor_shape

    ingest([corpus], db)
    everything = read_store_events(db)
    by_type = read_store_events(db, types="violence,cash_smuggling")
    assert len(by_type) == everything["type"].isin(["violence", "cash_smuggling"]).sum() > 0

    day = sorted(d for d in everything["date"].dropna())[len(everything) // 2][:10]
    dated = read_store_events(db, since=day, until=day)
    assert len(dated) > 0 and set(dated["date"].str[:10]) == {day}
    month = read_store_events(db, since=day[:7], until=day[:7])
    assert len(month) == everything["date"].str.startswith(day[:7]).fillna(False).sum()

    box = (-117.3, 32.3, -116.7, 32.8)  # Tijuana, San Diego
    boxed = read_store_events(db, bbox=",".join(map(str, box)))
    expected = everything[everything.geometry.intersects(shapely.box(*box))]
    assert len(boxed) == len(expected) > 0
    assert list(boxed["id"]) == list(expected["id"])

    band = corridor_shape("Nogales", gaz).outer
    nogales = read_store_events(db, corridor="Nogales", gazetteer=gaz)
    assert len(nogales) == everything.geometry.intersects(band).sum()
    both = read_store_events(db, corridor="Nogales", types=["drug_smuggling"], gazetteer=gaz)
    assert set(both["type"]) <= {"drug_smuggling"} and len(both) <= len(nogales)


@pytest.mark.parametrize(("option", "value", "message"), [
    ("bbox", "1,2,3", "bad bounding box"), ("since", "March", "bad date"),
    ("types", "smuggling", "unknown event type"), ("corridor", "Atlantis", "unknown corridor"),
])
def test_bad_filters_fail_before_reading(tmp_path, option, value, message):
    from gazetteer.errors import BordermapError

    with pytest.raises(BordermapError, match=message) as info:
        read_store_events(tmp_path / "missing.gpkg", **{option: value})
    assert info.value.exit_code == 2


def test_event_dicts_are_shaped_like_events(db, corpus, geoparser):
    from maps.store.sources import read_sources

    ingest([corpus], db)
    dicts = read_store_events(db, as_dicts=True)
    doc = next(d for d in (geoparser(d) for d in read_sources([corpus])) if d.events)
    reference = doc.events[0].to_dict()
    assert list(dicts[0]) == list(reference)
    first = next(d for d in dicts if d["id"] == reference["id"])
    for key in ("type", "date", "evidence", "quantities", "actors", "place_id", "lat", "lon", "document"):
        assert first[key] == reference[key], key
    assert shapely.geometry.shape(first["geometry"]).equals(shapely.geometry.shape(reference["geometry"]))
    shared = [d for d in dicts if d["other_sources"]]
    assert shared and all(s != d["document"] for d in shared for s in d["other_sources"])


STATE_WIDE = "Authorities seized 200 kilos of cocaine somewhere in Chihuahua state on Tuesday."


def test_large_shapes_are_stored_once_and_read_back_whole(db, tmp_path, gaz, monkeypatch):
    """Events placed at a state or a country carry its polygon: the store keeps
    a large one once, gives the event its point in the events layer, and reads
    it back whole. (The geoparser's outlines are a few KB; a limit below them
    makes this state's outline large.)"""
    from maps import geo_events
    from maps.store import records

    SHAPE_INLINE_BYTES = 1024
    monkeypatch.setattr(records, "SHAPE_INLINE_BYTES", SHAPE_INLINE_BYTES)
    monkeypatch.setattr(records, "_SHAPES", {})  # shapes cut under the usual limit

    records = [article(n, STATE_WIDE, url=f"https://e.test/{n}", title=f"S{n}") for n in range(3)]
    archive = write(tmp_path / "state.jsonl", records)
    ingest([archive], db)
    frame = read_store_events(db)
    expected = geo_events([archive], gazetteer=gaz)
    pd.testing.assert_frame_equal(frame, expected)
    sizes = [len(shapely.to_wkb(g)) if g is not None else 0 for g in frame.geometry]
    big = frame[[size > SHAPE_INLINE_BYTES for size in sizes]]
    assert len(big) >= 3, "the state's polygon, three times"
    with open_store(db) as store:
        assert store._execute(f"SELECT count(*) FROM {store._table('shapes')}")[0][0] == 1
    west, south, east, north = big.geometry.iloc[0].bounds
    corner = shapely.box(west, south, west + (east - west) / 4, south + (north - south) / 4)
    inside = [g.intersects(corner) for g in frame.geometry]
    boxed = read_store_events(db, bbox=",".join(map(str, corner.bounds)))
    assert len(boxed) == sum(inside) > 0, "a box away from the point still meets the shape"
