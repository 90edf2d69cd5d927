"""Scoring against an annotated corpus (geo/evaluate.py): the measures on a
tiny hand-made corpus whose figures are worked out by hand, agreement with
the project's own scorer (../shared/eval/score.py), and a regression guard
on the development corpus."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from geo.evaluate import evaluate, evaluate_descriptions, format_report, read_gold, score

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "corpus" / "border-news-dev.jsonl"
SCORER = SHARED / "eval" / "score.py"
EARTH_KM = 6371.0088
KM_PER_DEGREE = math.radians(1) * EARTH_KM  # along a meridian: 111.195 km


def point(lat: float, lon: float, country: str) -> dict:
    return {"lat": lat, "lon": lon, "country": country}


# Three documents, six gold toponyms, five predicted mentions:
#   a: Nogales exact and right; Naco overlapping, 1° north, wrong side;
#      "Agents" predicted, not gold; Sasabe missed.
#   b: Reynosa exact, 0.1° north, wrong side; Laredo overlapping, unresolved.
#   c: not predicted at all (its toponym is missed).
GOLD = [
    {"id": "a", "text": "Agents in Nogales met officials from Naco and Sasabe.",
     "toponyms": [{"start": 10, "end": 17, **point(31.34, -110.93, "US")},
                  {"start": 37, "end": 41, **point(31.33, -109.95, "US")},
                  {"start": 46, "end": 52, **point(31.48, -111.54, "US")}],
     "events": [{"type": "drug_smuggling", "direction": "northbound", "start": 0, "end": 53, "place": 0},
                {"type": "arrest", "start": 0, "end": 53}]},
    {"id": "b", "text": "Reynosa or Laredo?",
     "toponyms": [{"start": 0, "end": 7, **point(26.08, -98.28, "MX")},
                  {"start": 11, "end": 17, **point(27.51, -99.51, "US")}]},
    {"id": "c", "text": "In Yuma.", "toponyms": [{"start": 3, "end": 7, **point(32.7, -114.6, "US")}]},
]
PRED = {
    "a": {"mentions": [{"start": 0, "end": 6, "lat": None, "lon": None},
                       {"start": 10, "end": 17, **point(31.34, -110.93, "US")},
                       {"start": 36, "end": 41, **point(32.33, -109.95, "MX")}],
          "events": [{"type": "drug_smuggling", "direction": "southbound", "start": 0, "end": 20,
                      "lat": 31.35, "lon": -110.93}]},
    "b": {"mentions": [{"start": 0, "end": 7, **point(26.18, -98.28, "US")},
                       {"start": 12, "end": 17, "lat": None, "lon": None, "country": None}]},
}


@pytest.fixture(scope="module")
def report():
    return score(GOLD, PRED)


def test_counts(report):
    assert (report["documents"], report["toponyms_gold"], report["mentions_predicted"]) == (3, 6, 5)


def test_recognition_by_hand(report):
    exact, overlap = report["recognition_exact"], report["recognition_overlap"]
    assert exact["p"] == pytest.approx(2 / 5) and exact["r"] == pytest.approx(2 / 6)
    assert exact["f1"] == pytest.approx(4 / 11)  # 2·2 / (5 + 6)
    assert overlap["p"] == pytest.approx(4 / 5) and overlap["r"] == pytest.approx(4 / 6)
    assert overlap["f1"] == pytest.approx(8 / 11)


def test_resolution_by_hand(report):
    res = report["resolution"]
    errors = [0.0, 0.1 * KM_PER_DEGREE, 1.0 * KM_PER_DEGREE]  # 0, 11.1, 111.2 km
    assert res["matched"] == 4 and res["unresolved"] == 1
    assert res["acc_161km"] == pytest.approx(3 / 4)  # the unresolved match counts as a miss
    assert res["acc_25km"] == pytest.approx(2 / 4)
    assert res["right_side"] == pytest.approx(1 / 4)  # only Nogales is on the right side
    assert res["median_km"] == pytest.approx(errors[1], rel=1e-9)
    assert res["mean_km"] == pytest.approx(sum(errors) / 3, rel=1e-9)
    top = math.log(20039)
    assert res["auc"] == pytest.approx(sum(math.log(1 + e) / top for e in errors) / 3, rel=1e-9)


def test_events_by_hand(report):
    ev = report["events"]
    assert (ev["gold"], ev["predicted"]) == (2, 1)
    assert ev["p"] == 1.0 and ev["r"] == pytest.approx(1 / 2) and ev["f1"] == pytest.approx(2 / 3)
    assert ev["direction_acc"] == 0.0  # southbound for northbound
    assert ev["location_25km"] == 1.0 and ev["location_161km"] == 1.0


def test_one_prediction_per_gold_span():
    nogales = {"start": 0, "end": 7, **point(31.34, -110.93, "US")}
    gold = [{"id": "x", "text": "Nogales", "toponyms": [nogales]}]
    pred = {"x": {"mentions": [{"start": 0, "end": 3, **point(31.34, -110.93, "US")},
                               {"start": 0, "end": 7, **point(31.34, -110.93, "US")}]}}
    out = score(gold, pred)
    # greedy in text order: the first overlapping prediction takes the gold span
    assert out["recognition_overlap"]["p"] == 0.5 and out["recognition_overlap"]["r"] == 1.0
    assert out["recognition_exact"]["p"] == 0.5 and out["recognition_exact"]["r"] == 1.0


def test_nothing_predicted():
    out = score(GOLD, {})
    assert out["recognition_overlap"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    res = out["resolution"]
    assert (res["matched"], res["acc_161km"], res["median_km"], res["mean_km"], res["auc"]) == (
        0, 0.0, None, None, None)
    assert "-" in format_report(out)  # missing figures print as "-"


def test_format_report_lines(report):
    lines = format_report(report).splitlines()
    assert lines[0] == "documents 3  toponyms 6  predicted mentions 5"
    assert lines[1].startswith("recognition exact    P 0.400  R 0.333  F1 0.364")
    assert lines[2].startswith("recognition overlap  P 0.800  R 0.667  F1 0.727")
    assert "acc@161km 0.750  acc@25km 0.500  right side 0.250" in lines[3]
    assert "unresolved 1" in lines[3]


def test_read_gold_reports_the_bad_line(tmp_path):
    from gazetteer.errors import InputFileError

    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"gold\.jsonl:3"):
        read_gold(path)
    path.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r":1.*'id' and 'text'"):
        read_gold(path)


# -- the project's own scorer ---------------------------------------------------------

def load_scorer():
    if not SCORER.is_file():
        pytest.skip(f"the project's scorer is not at {SCORER}")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_same_figures(ours: dict, theirs: dict) -> None:
    """Our report against score.py's, measure by measure, to 1e-9."""
    def close(a, b, what):
        if a is None or b is None:
            assert a is b, (what, a, b)
        else:
            assert a == pytest.approx(b, abs=1e-9), (what, a, b)

    assert ours["documents"] == theirs["documents"]
    assert ours["toponyms_gold"] == theirs["toponyms_gold"]
    assert ours["mentions_predicted"] == theirs["mentions_pred"]
    for mine, yours in (("recognition_exact", "recognition_strict"), ("recognition_overlap",) * 2):
        for k in ("p", "r", "f1"):
            close(ours[mine][k], theirs[yours][k], f"{mine}.{k}")
    r, t = ours["resolution"], theirs["resolution"]
    for mine, yours in (("matched", "matched"), ("unresolved", "unresolved"),
                        ("acc_161km", "acc_at_161km"), ("acc_25km", "acc_at_25km"),
                        ("right_side", "country_acc"), ("median_km", "median_km"),
                        ("mean_km", "mean_km"), ("auc", "auc")):
        close(r[mine], t[yours], f"resolution.{mine}")
    e, te = ours["events"], theirs["events"]
    for mine, yours in (("p", "p"), ("r", "r"), ("f1", "f1"), ("gold", "gold"), ("predicted", "pred"),
                        ("direction_acc", "direction_acc"), ("location_25km", "location_acc_at_25km"),
                        ("location_161km", "location_acc_at_161km")):
        close(e[mine], te[yours], f"events.{mine}")


def test_hand_made_figures_match_the_project_scorer(report):
    scorer = load_scorer()
    theirs = scorer.score({d["id"]: d for d in GOLD}, {k: {"id": k, **v} for k, v in PRED.items()})
    assert_same_figures(report, theirs)


# -- the development corpus -------------------------------------------------------------

@pytest.fixture(scope="module")
def dev_run(geoparser, tmp_path_factory):
    if not DEV.is_file():
        pytest.skip(f"the development corpus is not at {DEV}")
    predictions = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    return evaluate(DEV, geoparser, predictions_out=predictions), predictions


@pytest.mark.slow
def test_dev_figures_match_the_project_scorer(dev_run):
    if not SCORER.is_file():
        pytest.skip(f"the project's scorer is not at {SCORER}")
    ours, predictions = dev_run
    done = subprocess.run([sys.executable, str(SCORER), str(DEV), str(predictions), "--json"],
                          capture_output=True, text=True, timeout=120, check=True)
    theirs = json.loads(done.stdout)
    assert theirs["documents_missing_from_pred"] == 0
    assert_same_figures(ours, theirs)


def test_dev_predictions_file(dev_run):
    ours, predictions = dev_run
    lines = predictions.read_text(encoding="utf-8").splitlines()
    assert len(lines) == ours["documents"]
    gold = {d["id"]: d for d in read_gold(DEV)}
    for line in lines:
        pred = json.loads(line)
        text = gold[pred["id"]]["text"]
        for m in pred["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_dev_regression_guard(dev_run):
    ours, _ = dev_run
    assert ours["recognition_overlap"]["f1"] >= 0.93, format_report(ours)
    assert ours["recognition_exact"]["f1"] >= 0.88, format_report(ours)
    assert ours["resolution"]["acc_25km"] >= 0.90, format_report(ours)


# -- the project's own written test articles ---------------------------------------------

WRITTEN = Path(__file__).resolve().parents[1] / "data" / "written-border-news.jsonl"


def test_written_articles_regression_guard(geoparser):
    """100 border news articles written for testing (English and Spanish, all
    ten border states, annotated in the shared corpus's format and
    conventions): the figures may not fall below what the tool does today."""
    ours = evaluate(WRITTEN, geoparser)
    assert ours["documents"] == 100
    assert ours["recognition_overlap"]["f1"] >= 0.98, format_report(ours)
    assert ours["recognition_exact"]["f1"] >= 0.96, format_report(ours)
    assert ours["resolution"]["acc_25km"] >= 0.96, format_report(ours)
    assert ours["resolution"]["right_side"] >= 0.97, format_report(ours)
    assert ours["events"]["f1"] >= 0.74, format_report(ours)


# -- free-text location descriptions -------------------------------------------------

DESCRIPTIONS = """location,lat,lon,note
0.2 MILES WEST OF MARIPOSA PORT OF ENTRY,31.3324,-110.9690,offset from a port
"N 32 19.938, W 113 00.169",32.3323,-113.0028,coordinates
XYZZY PLUGH,31.5,-111.0,nothing to place
BUENOS AIRES NWR,32.9,-111.55,placed but 150 km off the truth
"""


def test_descriptions_scored_against_their_true_points(tmp_path, geoparser):
    path = tmp_path / "descriptions.csv"
    path.write_text(DESCRIPTIONS, encoding="utf-8")
    report = evaluate_descriptions(path, geoparser)
    assert (report["rows"], report["placed"], report["bad_lines"]) == (4, 3, [])
    assert report["within_share"] == pytest.approx(2 / 4)  # the unplaced row is a miss
    assert report["median_km"] < 1.0 and report["mean_km"] > 40
    # the port offset, the coordinates and the refuge are places; nothing placed the fourth
    assert report["by_precision"] == {"place": {"rows": 3, "within_share": pytest.approx(2 / 3)},
                                      "area": {"rows": 1, "within_share": 0.0}}


def test_a_true_point_shared_by_different_descriptions_is_a_stand_in(tmp_path, geoparser):
    """Three different places given one true point (a state's middle): those
    rows are scored apart, the rows with points of their own kept."""
    path = tmp_path / "descriptions.csv"
    path.write_text("location,lat,lon\n"
                    "Rio Grande near Reynosa,24.2,-98.6\n"
                    "Rio Grande near Matamoros,24.2,-98.6\n"
                    "Rio Grande at Nuevo Laredo,24.2,-98.6\n"
                    "0.2 MILES WEST OF MARIPOSA PORT OF ENTRY,31.3324,-110.9690\n"
                    "0.2 MILES WEST OF MARIPOSA PORT OF ENTRY,31.3324,-110.9690\n", encoding="utf-8")
    report = evaluate_descriptions(path, geoparser)
    assert report["within_share"] == pytest.approx(2 / 5)
    assert report["own_truth"] == {"rows": 2, "within_share": 1.0}  # one text twice is no stand-in
    assert report["own_truth_by_place"] == {"rows": 2, "within_share": 1.0}


def test_descriptions_through_the_command(tmp_path, gaz):
    from testing import invoke_cli

    path = tmp_path / "descriptions.csv"
    path.write_text(DESCRIPTIONS + "2 MI N OF LUKEVILLE POE,not a number,,bad truth\n", encoding="utf-8")
    result = invoke_cli("evaluate", path, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"bordermap: {path}:6: lat/lon is not a coordinate; row left out"
    assert json.loads(result.stdout)["rows"] == 4
    wrong = invoke_cli("evaluate", path, "--column", "where")
    assert wrong.exit_code == 2 and f"{path}:1: no column 'where'" in wrong.stderr
