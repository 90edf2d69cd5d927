"""Reads the project's recorded fact tables (``gazetteer/facts/*.csv``)."""

from __future__ import annotations

import csv
from pathlib import Path

FACTS_DIR = Path(__file__).resolve().parent.parent / "facts"


class FactsError(ValueError):
    pass


def read_table(name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of ``facts/NAME.csv`` as dicts; checks the required columns and
    that every row has a source. Missing tables read as empty."""
    path = FACTS_DIR / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in (*required, "source") if c not in (reader.fieldnames or [])]
        if missing:
            raise FactsError(f"{path}: missing columns {missing}")
        rows = []
        for line, row in enumerate(reader, start=2):
            if None in row:
                raise FactsError(f"{path}:{line}: more cells than columns")
            row = {k: (v or "").strip() for k, v in row.items()}
            for column in required:
                if not row[column]:
                    raise FactsError(f"{path}:{line}: empty {column}")
            row["_where"] = f"{path.name}:{line}"
            rows.append(row)
    return rows


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def coordinate(row: dict[str, str], lat: str = "lat", lon: str = "lon") -> tuple[float, float]:
    try:
        y, x = float(row[lat]), float(row[lon])
    except ValueError as exc:
        raise FactsError(f"{row['_where']}: bad coordinate: {exc}") from None
    if not (-90 <= y <= 90 and -180 <= x <= 180):
        raise FactsError(f"{row['_where']}: coordinate out of range: {y}, {x}")
    return y, x
