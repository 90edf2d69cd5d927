"""Speed and memory of ``extract`` (the geoparser) against the targets.

    python benchmarks/bench_geoparser.py [--docs 2000] [--json]

Documents are 2 KB news articles: the project's example and the annotated
dev corpus (when ../shared/corpus is present) cut or repeated to 2,000
characters. Start-up (loading the gazetteer index and the name automaton) is
timed apart from throughput, which is measured for places alone (the
geoparser) and with events; the baseline is the same loop over the same
texts doing only Python's own tokenising (``str.split``), so the ratio says
how much the geoparser costs per document over reading it.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"places_docs_per_s": 1000, "docs_per_s": 800, "startup_s": 1.0, "peak_rss_mb": 300}
DOC_CHARS = 2000


def corpus_texts() -> list[str]:
    texts = [(ROOT / "examples" / "nogales-seizure.txt").read_text(encoding="utf-8")]
    dev = ROOT.parent / "shared" / "corpus" / "border-news-dev.jsonl"
    if dev.exists():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    out = []
    for text in texts:
        while len(text) < DOC_CHARS:
            text = text + "\n\n" + text
        out.append(text[:DOC_CHARS])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    start = time.perf_counter()
    from geo.document import Document
    from geo.pipeline import Geoparser

    geoparser = Geoparser()
    geoparser.parse_text("Warm-up in Nogales, Sonora, 15 miles east of Sasabe.")
    startup = time.perf_counter() - start

    texts = corpus_texts()
    docs = [texts[i % len(texts)] for i in range(args.docs)]
    t0 = time.perf_counter()
    tokens = sum(len(text.split()) for text in docs)
    baseline = time.perf_counter() - t0
    places_only = Geoparser(geoparser.gazetteer, events=False)
    t0 = time.perf_counter()
    for i, text in enumerate(docs):
        places_only(Document(id=str(i), text=text))
    places_elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = events = 0
    for i, text in enumerate(docs):
        doc = geoparser(Document(id=str(i), text=text))
        mentions += len(doc.mentions)
        events += len(doc.events)
    elapsed = time.perf_counter() - t0
    results = {
        "documents": args.docs,
        "doc_chars": DOC_CHARS,
        "startup_s": startup,
        "places_docs_per_s": args.docs / places_elapsed,
        "docs_per_s": args.docs / elapsed,
        "events_per_doc": events / args.docs,
        "ms_per_doc": 1000 * elapsed / args.docs,
        "vs_split_baseline": elapsed / baseline if baseline else None,
        "mentions_per_doc": mentions / args.docs,
        "tokens": tokens,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    results["docs_per_s_vs_target"] = results["docs_per_s"] / TARGETS["docs_per_s"]
    results["places_docs_per_s_vs_target"] = results["places_docs_per_s"] / TARGETS["places_docs_per_s"]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"start-up         {startup:6.2f} s   (target < {TARGETS['startup_s']:.0f} s)")
    print(f"places only      {results['places_docs_per_s']:6.0f} docs/s of {DOC_CHARS} chars"
          f"  (target {TARGETS['places_docs_per_s']}: {results['places_docs_per_s_vs_target']:.2f}x)")
    print(f"with events      {results['docs_per_s']:6.0f} docs/s"
          f"  ({results['ms_per_doc']:.2f} ms/doc; target {TARGETS['docs_per_s']}: "
          f"{results['docs_per_s_vs_target']:.2f}x; {results['events_per_doc']:.1f} events a document)")
    print(f"vs str.split     {results['vs_split_baseline']:6.0f}x the time of tokenising the same texts")
    print(f"mentions         {results['mentions_per_doc']:6.1f} per document")
    print(f"peak memory      {results['peak_rss_mb']:6.0f} MB  (target < {TARGETS['peak_rss_mb']} MB)")


if __name__ == "__main__":
    main()
