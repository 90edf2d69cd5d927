"""``python -m gazetteer.build [--out DIR]``: rebuild the gazetteer's data."""

from __future__ import annotations

import argparse
import json
import sys

from .facts import FactsError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gazetteer.build", description=__doc__)
    parser.add_argument("--out", help="folder to write (default: gazetteer/data)")
    args = parser.parse_args(argv)
    from .compile import build

    try:
        manifest = build(args.out)
    except FactsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    summary = {k: manifest[k] for k in ("places", "places_by_kind", "border_km")}
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
