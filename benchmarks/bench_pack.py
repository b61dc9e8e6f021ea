"""How fast a communications pack is: the whole pack for one incident, warm, and its parts.

    python benchmarks/bench_pack.py [--runs 30] [--facts FILE]

A pack is every notice of the incident's stage in every language and channel the
library drafts (:func:`crisiscomms.commspack.draft_langs`, ``draft_channels``: today
zh/en and the long-form notice; zh-Hant-HK/-TW and the seven channels join the same
lists when they land), plus the four documents in each language, all checked.
Target (issue 11 §4): the full warm pack under 50 ms on an idle machine. Absolute times
drift about 1.5x between runs on shared machines, and far more when the machine is busy
(see the load average printed). Not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ecommerce-cooling-failure.yaml"
PACK_TARGET_MS = 50.0


def _median_ms(call: Callable[[], object], runs: int) -> float:
    call()  # compile the templates, fill the caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        call()
        samples.append(time.perf_counter_ns() - start)
    return statistics.median(samples) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=30, help="packs built per figure")
    parser.add_argument("--facts", default=str(EXAMPLE), help="facts file (default: example)")
    args = parser.parse_args()

    from crisiscomms.commspack import build_pack, draft_channels, draft_langs
    from crisiscomms.commspack.building import _documents
    from crisiscomms.drafting import draft, prepared_facts
    from crisiscomms.factfiles import read_facts

    incident = read_facts(args.facts)
    made = build_pack(incident)
    notices = [f for f in made.files if f.role == "notice"]
    documents = [f for f in made.files if f.role == "document"]
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"facts: {Path(args.facts).name}; stage {made.stage}: {', '.join(made.kinds)}")
    print(f"languages: {', '.join(draft_langs())}; channels: {', '.join(draft_channels())}")
    print(f"files: {len(notices)} notices, {len(documents)} documents\n")

    whole = _median_ms(lambda: build_pack(incident), args.runs)
    verdict = "ok" if whole < PACK_TARGET_MS else "OVER"
    print(f"full pack, warm, median of {args.runs}: {whole:8.2f} ms  {verdict} "
          f"(target < {PACK_TARGET_MS:.0f} ms)")  # fmt: skip

    def notices_only() -> None:
        for f in notices:
            draft(incident, f.kind, f.lang, channel=f.channel or "notice")

    drafted = _median_ms(notices_only, args.runs)
    print(f"  the notices (draft() each): {drafted:8.2f} ms, "
          f"{drafted * 1000 / max(len(notices), 1):7.1f} µs per draft")  # fmt: skip
    prepared = prepared_facts(incident, made.langs)  # each language's facts, as build_pack has
    docs = _median_ms(lambda: _documents(prepared, made.langs, notices, None), args.runs)
    print(f"  the documents, checked:    {docs:8.2f} ms, "
          f"{docs * 1000 / max(len(documents), 1):7.1f} µs per document")  # fmt: skip
    print(f"  parity and the rest:       {max(whole - drafted - docs, 0.0):8.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
