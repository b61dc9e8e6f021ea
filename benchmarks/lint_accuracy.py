"""Print the linter's precision and recall per rule on the labeled corpus.

Run: ``python benchmarks/lint_accuracy.py`` (``-v`` lists every miss and false alarm).
The corpus is ``tests/lint_corpus/statements.tsv``: expected rules, language, text.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from crisiscomms.lint import WORDING_RULES, lint

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "lint_corpus" / "statements.tsv"


@dataclass
class Score:
    """True positives, false positives and false negatives of one rule."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of reports that were right (1.0 when nothing was reported)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of labeled cases that were reported (1.0 when none were labeled)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def read_corpus(path: Path = CORPUS) -> list[tuple[set[str], str, str]]:
    """Return (expected rules, language, text) for every statement in the corpus."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        labels, lang, text = line.split("\t")
        expected = set() if labels == "-" else set(labels.split(","))
        rows.append((expected, lang, text))
    return rows


def evaluate(rows: list[tuple[set[str], str, str]]) -> dict[str, Score]:
    """Lint every statement (language auto-detected) and score each rule."""
    scores = {rule: Score() for rule in WORDING_RULES}
    for expected, _lang, text in rows:
        found = {f.rule for f in lint(text)}
        for rule, score in scores.items():
            if rule in found and rule in expected:
                score.tp += 1
            elif rule in found:
                score.fp += 1
                score.misses.append(f"false alarm: {text}")
            elif rule in expected:
                score.fn += 1
                score.misses.append(f"missed: {text}")
    return scores


def main(argv: list[str]) -> int:
    """Print the table; with ``-v`` also every mistake."""
    rows = read_corpus()
    clean = sum(1 for expected, _l, _t in rows if not expected)
    langs = sorted({lang for _e, lang, _t in rows})
    print(f"{len(rows)} statements ({clean} clean), languages: {', '.join(langs)}")
    print(f"{'rule':28} {'n':>4} {'prec':>6} {'recall':>6}")
    for rule, s in evaluate(rows).items():
        print(f"{rule:28} {s.tp + s.fn:>4} {s.precision:>6.2f} {s.recall:>6.2f}")
        if "-v" in argv:
            for miss in s.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
