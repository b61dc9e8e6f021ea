"""Print how well check_draft finds planted fact mismatches and unsupported claims.

Runs every labelled case in ``tests/check_draft_cases/cases.yaml`` against its
facts and prints precision and recall per rule and overall. A finding counts as
a true positive when it has the expected rule and overlaps the expected excerpt.

    python benchmarks/check_draft_accuracy.py [--verbose]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from crisiscomms.factcheck import check_draft
from crisiscomms.facts import parse_incident

CASES = Path(__file__).resolve().parent.parent / "tests" / "check_draft_cases"
RULES = ("fact-mismatch", "unsupported-claim")


def load_cases() -> list[dict[str, Any]]:
    """Return the labelled cases, each with its validated incident under ``incident``."""
    facts = yaml.safe_load((CASES / "facts.yaml").read_text(encoding="utf-8"))
    incidents = {name: parse_incident(data) for name, data in facts.items()}
    cases = yaml.safe_load((CASES / "cases.yaml").read_text(encoding="utf-8"))
    return [{**case, "incident": incidents[case["facts"]]} for case in cases]


def score(cases: list[dict[str, Any]], verbose: bool = False) -> dict[str, Counter[str]]:
    """Return true/false positives and false negatives per rule."""
    tally: dict[str, Counter[str]] = {rule: Counter() for rule in RULES}
    for number, case in enumerate(cases, start=1):
        text = case["text"]
        found = [f for f in check_draft(text, case["incident"], case["lang"]) if f.rule in RULES]
        expected = [(e["rule"], _span(text, e["excerpt"])) for e in case.get("expect", [])]
        matched = set()
        for rule, (start, end) in expected:
            hit = [f for f in found if f.rule == rule and f.start < end and start < f.end]
            tally[rule]["tp" if hit else "fn"] += 1
            matched.update(id(f) for f in hit)
            if verbose and not hit:
                print(f"  missed   #{number} {rule}: {text[start:end]!r} in {text!r}")
        for f in found:
            if id(f) not in matched:
                tally[f.rule]["fp"] += 1
                if verbose:
                    print(f"  spurious #{number} {f.rule}: {f.excerpt!r} in {text!r}")
    return tally


def _span(text: str, excerpt: str) -> tuple[int, int]:
    start = text.index(excerpt)
    return start, start + len(excerpt)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(argv: list[str]) -> int:
    cases = load_cases()
    tally = score(cases, verbose="--verbose" in argv)
    planted = sum(1 for c in cases if c.get("expect"))
    langs = Counter(c["lang"] for c in cases if c.get("expect"))
    print(
        f"{len(cases)} cases, {planted} with planted problems (zh {langs['zh']}, en {langs['en']})"
    )
    total: Counter[str] = Counter()
    for rule in RULES:
        t = tally[rule]
        total.update(t)
        print(
            f"{rule:18} precision {_ratio(t['tp'], t['tp'] + t['fp']):.2f}  "
            f"recall {_ratio(t['tp'], t['tp'] + t['fn']):.2f}  "
            f"(tp {t['tp']}, fp {t['fp']}, fn {t['fn']})"
        )
    print(
        f"{'overall':18} precision {_ratio(total['tp'], total['tp'] + total['fp']):.2f}  "
        f"recall {_ratio(total['tp'], total['tp'] + total['fn']):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
