"""Accuracy of the geoparser against an annotated corpus (the format of the
project's annotation guide): the standard geoparsing measures.

Recognition: precision, recall and F1 of predicted mention spans, exact and
overlapping (each gold span matched to at most one prediction, greedily in
text order). Resolution, over matched mentions: share within 161 km and
25 km, share on the right side of the border (right country), median and
mean error, and the area under the curve of log error (0 best, 1 worst).
Events: precision, recall, F1 of (type, overlapping evidence sentence),
direction accuracy and location within 25 / 161 km where the gold says where.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.errors import InputFileError
from gazetteer.projection import haversine_km

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _pairs(gold: list[dict], pred: list[dict], exact: bool) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            same = (p["start"], p["end"]) == (g["start"], g["end"]) if exact else _overlap(g, p)
            if same:
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _prf(hits: int, predicted: int, gold: int) -> dict:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _located(item: dict) -> bool:
    return item.get("lat") is not None and item.get("lon") is not None


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    errors: list[float] = field(default_factory=list)
    right_side: int = 0
    events_gold: int = 0
    events_predicted: int = 0
    events_hit: int = 0
    direction_n: int = 0
    direction_ok: int = 0
    event_place_n: int = 0
    event_place_25: int = 0
    event_place_161: int = 0

    def add(self, gold_doc: dict, pred_doc: dict) -> None:
        gold = gold_doc.get("toponyms") or []
        pred = [m for m in pred_doc.get("mentions") or [] if "start" in m and "end" in m]
        self.gold += len(gold)
        self.predicted += len(pred)
        self.exact += len(_pairs(gold, pred, exact=True))
        matched = _pairs(gold, pred, exact=False)
        self.overlap += len(matched)
        for gi, pi in matched:
            g, p = gold[gi], pred[pi]
            if not _located(p):
                continue
            self.errors.append(haversine_km(g["lat"], g["lon"], float(p["lat"]), float(p["lon"])))
            self.right_side += int(str(p.get("country", "")).upper() == g.get("country"))
        self._add_events(gold, gold_doc.get("events") or [], pred_doc.get("events") or [])

    def _add_events(self, toponyms, gold_events, pred_events) -> None:
        pred_events = [e for e in pred_events if "start" in e and "end" in e]
        self.events_gold += len(gold_events)
        self.events_predicted += len(pred_events)
        used: set[int] = set()
        for g in gold_events:
            for pi, p in enumerate(pred_events):
                if pi in used or p.get("type") != g["type"] or not _overlap(g, p):
                    continue
                used.add(pi)
                self.events_hit += 1
                if g.get("direction"):
                    self.direction_n += 1
                    self.direction_ok += int(p.get("direction") == g["direction"])
                if g.get("place") is not None:
                    self.event_place_n += 1
                    place = toponyms[g["place"]]
                    if _located(p):
                        km = haversine_km(place["lat"], place["lon"], float(p["lat"]), float(p["lon"]))
                        self.event_place_25 += int(km <= 25)
                        self.event_place_161 += int(km <= 161)
                break

    def report(self) -> dict:
        n = self.overlap
        errors = sorted(self.errors)
        top = math.log(EARTH_HALF_CIRCUMFERENCE_KM)
        return {
            "toponyms_gold": self.gold,
            "mentions_predicted": self.predicted,
            "recognition_exact": _prf(self.exact, self.predicted, self.gold),
            "recognition_overlap": _prf(self.overlap, self.predicted, self.gold),
            "resolution": {
                "matched": n,
                "unresolved": n - len(errors),
                "acc_161km": sum(e <= 161 for e in errors) / n if n else 0.0,
                "acc_25km": sum(e <= 25 for e in errors) / n if n else 0.0,
                "right_side": self.right_side / n if n else 0.0,
                "median_km": errors[len(errors) // 2] if errors else None,
                "mean_km": statistics.fmean(errors) if errors else None,
                "auc": statistics.fmean(math.log(1 + e) / top for e in errors) if errors else None,
            },
            "events": {
                **_prf(self.events_hit, self.events_predicted, self.events_gold),
                "gold": self.events_gold,
                "predicted": self.events_predicted,
                "direction_acc": self.direction_ok / self.direction_n if self.direction_n else None,
                "location_25km": self.event_place_25 / self.event_place_n if self.event_place_n else None,
                "location_161km": self.event_place_161 / self.event_place_n if self.event_place_n else None,
            },
        }


def read_gold(path) -> list[dict]:
    """The annotated documents; a malformed line is an InputFileError."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputFileError(path, number, f"not JSON: {exc.msg}") from None
            if not isinstance(doc, dict) or "text" not in doc or "id" not in doc:
                raise InputFileError(path, number, "an annotated document needs 'id' and 'text'")
            docs.append(doc)
    return docs


def score(gold_docs: list[dict], predictions: dict[str, dict]) -> dict:
    tally = Tally()
    for doc in gold_docs:
        tally.add(doc, predictions.get(str(doc["id"]), {}))
    return {"documents": len(gold_docs), **tally.report()}


def evaluate(gold_path, geoparser=None, predictions_out: Path | None = None) -> dict:
    """Run the geoparser over the annotated documents and score it."""
    from .readers import document_from_record

    if geoparser is None:
        from .pipeline import Geoparser

        geoparser = Geoparser()
    gold = read_gold(gold_path)
    predictions = {}
    for number, record in enumerate(gold, start=1):
        doc = document_from_record(record, f"doc-{number}", f"{gold_path}:{number}", record.get("lang"))
        predictions[doc.id] = geoparser(doc).to_dict()
    if predictions_out is not None:
        with open(predictions_out, "w", encoding="utf-8") as f:
            for pred in predictions.values():
                f.write(json.dumps(pred, ensure_ascii=False) + "\n")
    return score(gold, predictions)


def format_report(report: dict) -> str:
    def f(x):
        return "-" if x is None else f"{x:.3f}"

    ex, ov, res, ev = (report["recognition_exact"], report["recognition_overlap"], report["resolution"],
                       report["events"])
    return "\n".join([
        f"documents {report['documents']}  toponyms {report['toponyms_gold']}"
        f"  predicted mentions {report['mentions_predicted']}",
        f"recognition exact    P {f(ex['p'])}  R {f(ex['r'])}  F1 {f(ex['f1'])}",
        f"recognition overlap  P {f(ov['p'])}  R {f(ov['r'])}  F1 {f(ov['f1'])}",
        f"resolution  acc@161km {f(res['acc_161km'])}  acc@25km {f(res['acc_25km'])}"
        f"  right side {f(res['right_side'])}  median {f(res['median_km'])} km  mean {f(res['mean_km'])} km"
        f"  AUC {f(res['auc'])}  unresolved {res['unresolved']}",
        f"events      P {f(ev['p'])}  R {f(ev['r'])}  F1 {f(ev['f1'])}  direction {f(ev['direction_acc'])}"
        f"  location@25km {f(ev['location_25km'])}  location@161km {f(ev['location_161km'])}",
    ])


DESCRIPTION_KM = 15.0  # how near the truth a located description must be
STAND_IN_DESCRIPTIONS = 3  # different descriptions sharing one true point make it a stand-in


def evaluate_descriptions(path, geoparser=None, column: str = "location",
                          within_km: float = DESCRIPTION_KM) -> dict:
    """Free-text location descriptions against their true points: a CSV with
    the description in ``column`` and the truth in ``lat`` and ``lon``. The
    share placed within ``within_km`` counts a row not placed as a miss.
    Rows whose truth is not a coordinate are left out and listed by line.

    The rows are also scored apart by what the tool located them by: a place
    (a town, a port, a river, an offset, coordinates) or only an area (a
    county, municipio, state or country, or nothing), because a record that
    names no place finer than a county cannot be placed within a few km."""
    import csv

    from .freetext import AREA_KINDS, DescriptionLocator

    if geoparser is None:
        from .pipeline import Geoparser

        geoparser = Geoparser(events=False)
    locate = DescriptionLocator(geoparser)
    errors: list[float] = []
    scored: list[tuple[str, tuple[float, float], float | None]] = []  # (precision, truth, error)
    described: dict[tuple[float, float], set[str]] = defaultdict(set)  # truth → descriptions
    rows = placed = 0
    bad_lines: list[int] = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in (column, "lat", "lon") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputFileError(path, 1, f"no column {', '.join(map(repr, missing))} "
                                          f"(columns: {', '.join(reader.fieldnames or []) or 'none'})")
        for record in reader:
            try:
                lat, lon = float(record["lat"]), float(record["lon"])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
            except (TypeError, ValueError):
                bad_lines.append(reader.line_num)
                continue
            rows += 1
            text = record.get(column) or ""
            found = locate(text)
            error = None
            if found.lat is not None:
                placed += 1
                error = haversine_km(lat, lon, found.lat, found.lon)
                errors.append(error)
            precision = "area" if found.feature is None or found.feature in AREA_KINDS else "place"
            truth = (round(lat, 5), round(lon, 5))
            scored.append((precision, truth, error))
            described[truth].add(" ".join(text.lower().split()))

    def share(found: list) -> dict:
        within = sum(e is not None and e <= within_km for e in found) / len(found) if found else None
        return {"rows": len(found), "within_share": within}

    # A true point given to several different descriptions is a stand-in
    # (a town's or a state's middle), not where each happened.
    stand_ins = {t for t, texts in described.items() if len(texts) >= STAND_IN_DESCRIPTIONS}
    within = sum(e <= within_km for e in errors)
    return {
        "rows": rows, "placed": placed, "within_km": within_km,
        "within_share": within / rows if rows else None,
        "median_km": statistics.median(errors) if errors else None,
        "mean_km": statistics.fmean(errors) if errors else None,
        "by_precision": {k: share([e for p, _, e in scored if p == k]) for k in ("place", "area")},
        "own_truth": share([e for _, t, e in scored if t not in stand_ins]),
        "own_truth_by_place": share([e for p, t, e in scored if t not in stand_ins and p == "place"]),
        "bad_lines": bad_lines,
    }


def format_descriptions_report(report: dict) -> str:
    def f(x):
        return "-" if x is None else f"{x:.3f}"

    place, area = report["by_precision"]["place"], report["by_precision"]["area"]
    own, own_place = report["own_truth"], report["own_truth_by_place"]
    return (f"descriptions {report['rows']}  placed {report['placed']}"
            f"  within {report['within_km']:g} km {f(report['within_share'])}"
            f"  median {f(report['median_km'])} km  mean {f(report['mean_km'])} km\n"
            f"  located by a place: {place['rows']} rows, within {report['within_km']:g} km"
            f" {f(place['within_share'])}\n"
            f"  by an area only (county, municipio, state, country) or not at all: {area['rows']} rows,"
            f" within {report['within_km']:g} km {f(area['within_share'])}\n"
            f"  with a true point of their own (not one shared by {STAND_IN_DESCRIPTIONS} or more"
            f" different descriptions): {own['rows']} rows, within {report['within_km']:g} km"
            f" {f(own['within_share'])}; of those located by a place: {own_place['rows']} rows,"
            f" {f(own_place['within_share'])}")
