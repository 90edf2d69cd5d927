"""``bordermap extract``, ``bordermap geocode --input`` and ``bordermap
evaluate``: what they write, how they report bad records, and their exit
codes. The articles are invented for the test."""

from __future__ import annotations

import csv
import io
import json

import pytest
from testing import assert_near, invoke_cli

from geo.document import MENTION_FIELDS

MENTION_KEYS = {"start", "end", "text", "place_id", "name", "feature", "admin1", "country", "lat", "lon",
                "confidence", "reason"}
OFFSET_KEYS = {"text", "start", "end", "anchor", "distance_km", "bearing_deg", "lat", "lon", "uncertainty_km"}
DOC_KEYS = {"id", "title", "published", "lang", "url", "source", "mentions", "events"}

GOOD = {"id": "ledger-9", "title": "Tunnel Found", "published": "2020-01-02", "lang": "en",
        "text": "Agents in Nogales, Ariz., found a tunnel 2 miles west of Lukeville on Friday."}
SPANISH = {"id": "gaceta-3", "title": "Cierre", "published": "2020-01-03",
           "text": "Las autoridades de Naco, Sonora, cerraron el paso el martes por la noche."}


@pytest.fixture
def run(gaz):
    return invoke_cli


def ok(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def jsonl(tmp_path, *records, name="in.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")
    return str(path)


def documents(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


# -- extract: JSONL ---------------------------------------------------------------

def test_jsonl_documents_and_mention_keys(run, tmp_path):
    docs = documents(ok(run("extract", jsonl(tmp_path, GOOD, SPANISH), "--format", "jsonl")))
    assert [d["id"] for d in docs] == ["ledger-9", "gaceta-3"]
    assert set(MENTION_FIELDS) == MENTION_KEYS
    for d, record in zip(docs, (GOOD, SPANISH)):
        assert set(d) == DOC_KEYS
        assert (d["title"], d["published"]) == (record["title"], record["published"])
        for m in d["mentions"]:
            assert set(m) - {"offset"} == MENTION_KEYS
            assert record["text"][m["start"]:m["end"]] == m["text"]
            assert 0 <= m["confidence"] <= 1 and m["reason"]
    assert docs[0]["lang"] == "en" and docs[1]["lang"] == "es"  # given, then detected
    nogales = docs[0]["mentions"][0]
    assert (nogales["start"], nogales["end"], nogales["text"], nogales["place_id"], nogales["country"]) == (
        10, 17, "Nogales", "geonames:5306611", "US")
    assert_near(nogales["lat"], nogales["lon"], 31.3404, -110.9343, km=1)
    naco = next(m for m in docs[1]["mentions"] if m["text"] == "Naco")
    assert naco["country"] == "MX"


def test_jsonl_offset_object(run, tmp_path):
    (doc,) = documents(ok(run("extract", jsonl(tmp_path, GOOD), "--format", "jsonl")))
    lukeville = next(m for m in doc["mentions"] if m["text"] == "Lukeville")
    offset = lukeville["offset"]
    assert set(offset) == OFFSET_KEYS
    assert offset["anchor"] == lukeville["place_id"] == "place:lukeville"
    assert offset["text"] == "2 miles west of Lukeville"
    assert GOOD["text"][offset["start"]:offset["end"]] == offset["text"]
    assert offset["bearing_deg"] == 270.0 and offset["distance_km"] == pytest.approx(3.219, abs=0.001)
    assert offset["lon"] < lukeville["lon"]
    assert all("offset" not in m for m in doc["mentions"] if m is not lukeville)


def test_text_summary(run, tmp_path):
    out = ok(run("extract", jsonl(tmp_path, GOOD, {"id": "blank", "text": ""})))
    lines = out.splitlines()
    assert lines[0] == "ledger-9: Tunnel Found  [en, 2020-01-02]"
    nogales = next(line for line in lines if "'Nogales'" in line)
    assert nogales.split()[0] == "10"
    assert "→ Nogales, Arizona, US (city)  31.3404, -110.9343  conf 1.00" in nogales
    offset = next(line for line in lines if line.strip().startswith("offset"))
    assert offset.strip().startswith("offset '2 miles west of Lukeville': 31.88")
    assert offset.endswith("± 1.74 km")
    assert lines[-2:] == ["blank: (no title)  [-, no date]", "  no places found"]


def test_stdin_jsonl(run):
    out = ok(run("extract", "-", "--format", "jsonl", input=json.dumps(GOOD) + "\n"))
    (doc,) = documents(out)
    assert doc["id"] == "ledger-9" and doc["mentions"][0]["place_id"] == "geonames:5306611"


def test_stdin_plain_text(run):
    text = "Ranchers near Deming worried about Columbus after the storm.\n"
    (doc,) = documents(ok(run("extract", "-", "--format", "jsonl", input=text)))
    assert doc["id"] == "stdin"
    assert [m["text"] for m in doc["mentions"]] == ["Deming", "Columbus"]
    assert doc["mentions"][1]["place_id"] == "geonames:5462683"


def test_bad_records_are_reported_and_skipped(run, tmp_path):
    path = jsonl(tmp_path, GOOD, "this is not JSON", {"id": "no-text", "title": "x"}, SPANISH)
    result = run("extract", path, "--format", "jsonl")
    assert result.exit_code == 1
    assert [d["id"] for d in documents(result.stdout)] == ["ledger-9", "gaceta-3"]
    errors = result.stderr.splitlines()
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"bordermap: {path}:2: ") and "not JSON" in errors[0]
    assert errors[1].startswith(f"bordermap: {path}:3: ") and "text" in errors[1]
    assert "Traceback" not in result.stderr


def test_all_good_exits_0_with_quiet_stderr(run, tmp_path):
    result = run("extract", jsonl(tmp_path, GOOD, SPANISH), "--format", "jsonl")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_a_document_without_mentions(run, tmp_path, text):
    (doc,) = documents(ok(run("extract", jsonl(tmp_path, {"id": "e", "text": text}), "--format", "jsonl")))
    assert doc["id"] == "e" and doc["mentions"] == [] and doc["events"] == []


# -- extract: -o ---------------------------------------------------------------------

def test_output_file(run, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old contents\n", encoding="utf-8")
    result = run("extract", jsonl(tmp_path, GOOD), "--format", "jsonl", "-o", str(out))
    assert ok(result) == ""
    (doc,) = documents(out.read_text(encoding="utf-8"))
    assert doc["id"] == "ledger-9"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]  # no .part left


def test_output_file_keeps_good_documents_when_some_are_bad(run, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", jsonl(tmp_path, "{broken", GOOD), "--format", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    assert [d["id"] for d in documents(out.read_text(encoding="utf-8"))] == ["ledger-9"]


@pytest.mark.parametrize("where", ["missing-folder", "a-file"])
def test_unwritable_output_fails_before_reading_input(run, tmp_path, where):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    target = tmp_path / where / "out.jsonl"
    missing_input = str(tmp_path / "no-such-input.jsonl")
    result = run("extract", missing_input, "--format", "jsonl", "-o", str(target))
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "cannot write" in result.stderr
    assert "no-such-input" not in result.stderr  # the input was never opened
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


# -- geocode --input ------------------------------------------------------------------

ROWS = [
    {"desc": "0.2 MILES WEST OF MARIPOSA PORT OF ENTRY", "id": "1", "note": "a, quoted\nnote"},
    {"desc": "N 32 19.938, W 113 00.169", "id": "2", "note": ""},
    {"desc": "", "id": "3", "note": "empty"},
    {"desc": "XYZZY PLUGH", "id": "4", "note": "nonsense"},
]


def write_rows(path, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["desc", "id", "note"])
        writer.writeheader()
        writer.writerows(ROWS)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_geocode_csv(run, tmp_path, encoding):
    rows_csv, out = tmp_path / "rows.csv", tmp_path / "out.csv"
    write_rows(rows_csv, encoding)  # utf-8-sig: a BOM before the first column's name
    result = run("geocode", "--input", str(rows_csv), "--column", "desc", "-o", str(out))
    assert ok(result) == ""
    assert "located 2 of 4 rows" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == ["desc", "id", "note", "lat", "lon", "uncertainty_km", "place_id", "match"]
    got = list(reader)
    assert [{k: r[k] for k in ("desc", "id", "note")} for r in got] == ROWS
    port, coords, empty, nonsense = got
    assert port["place_id"] == "poe:nogales-mariposa"
    assert_near(float(port["lat"]), float(port["lon"]), 31.3324, -110.9690, km=1)
    assert float(port["uncertainty_km"]) < 1
    assert (float(coords["lat"]), float(coords["lon"])) == pytest.approx((32.3323, -113.002817), abs=1e-6)
    assert coords["place_id"] == "" and coords["match"].startswith("coordinates")
    for row, match in ((empty, "empty"), (nonsense, "no place found")):
        assert (row["lat"], row["lon"], row["uncertainty_km"], row["place_id"], row["match"]) == (
            "", "", "", "", match)


def test_geocode_csv_to_stdout(run, tmp_path):
    rows_csv = tmp_path / "rows.csv"
    write_rows(rows_csv)
    out = ok(run("geocode", "--input", str(rows_csv), "--column", "desc"))
    assert len(list(csv.DictReader(io.StringIO(out, newline="")))) == len(ROWS)


def test_geocode_csv_unknown_column(run, tmp_path):
    rows_csv, out = tmp_path / "rows.csv", tmp_path / "out.csv"
    write_rows(rows_csv)
    result = run("geocode", "--input", str(rows_csv), "--column", "where", "-o", str(out))
    assert result.exit_code == 2
    assert "no column 'where'" in result.stderr and "desc, id, note" in result.stderr
    assert "located" not in result.stderr and result.stdout == ""
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv"]


def test_geocode_csv_unreadable_input(run, tmp_path):
    out = tmp_path / "out.csv"
    result = run("geocode", "--input", str(tmp_path / "nope.csv"), "--column", "desc", "-o", str(out))
    assert result.exit_code == 2 and "nope.csv" in result.stderr
    (tmp_path / "latin.csv").write_bytes(b"desc\n\xff\xfe bad\n")
    result = run("geocode", "--input", str(tmp_path / "latin.csv"), "--column", "desc", "-o", str(out))
    assert result.exit_code == 2 and "not UTF-8" in result.stderr
    assert not out.exists()


def test_geocode_input_needs_column(run, tmp_path):
    rows_csv = tmp_path / "rows.csv"
    write_rows(rows_csv)
    result = run("geocode", "--input", str(rows_csv))
    assert result.exit_code == 2 and "--column" in result.stderr


# -- evaluate --------------------------------------------------------------------------

GOLD_TEXT = "Agents in Nogales, Ariz., met officers from Naco, Sonora."


def gold_file(tmp_path) -> str:
    toponyms = []
    for surface, lat, lon, country in (("Nogales", 31.3404, -110.9343, "US"), ("Ariz.", 34.3, -111.8, "US"),
                                       ("Naco", 31.3264, -109.946, "MX"), ("Sonora", 29.3, -110.33, "MX")):
        start = GOLD_TEXT.index(surface)
        toponyms.append({"start": start, "end": start + len(surface), "surface": surface, "lat": lat,
                         "lon": lon, "country": country})
    return jsonl(tmp_path, {"id": "g1", "lang": "en", "text": GOLD_TEXT, "toponyms": toponyms, "events": []},
                 name="gold.jsonl")


def test_evaluate_text(run, tmp_path):
    out = ok(run("evaluate", gold_file(tmp_path)))
    lines = out.splitlines()
    assert lines[0] == "documents 1  toponyms 4  predicted mentions 4"
    assert lines[1] == "recognition exact    P 1.000  R 1.000  F1 1.000"
    assert lines[2] == "recognition overlap  P 1.000  R 1.000  F1 1.000"
    assert lines[3].startswith("resolution  acc@161km 1.000  acc@25km 1.000  right side 1.000")
    assert lines[4].startswith("events")


def test_evaluate_json_and_predictions(run, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    report = json.loads(ok(run("evaluate", gold_file(tmp_path), "--format", "json",
                               "--predictions", str(predictions))))
    assert report["documents"] == 1 and report["toponyms_gold"] == 4
    assert report["recognition_exact"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert report["resolution"]["acc_25km"] == 1.0 and report["resolution"]["median_km"] < 5
    (pred,) = documents(predictions.read_text(encoding="utf-8"))
    assert pred["id"] == "g1"
    assert [m["text"] for m in pred["mentions"]] == ["Nogales", "Ariz.", "Naco", "Sonora"]


def test_evaluate_bad_gold_line(run, tmp_path):
    path = jsonl(tmp_path, "{oops", name="gold.jsonl")
    result = run("evaluate", path)
    assert result.exit_code != 0 and result.stdout == ""
    assert f"{path}:1" in result.stderr and "Traceback" not in result.stderr
